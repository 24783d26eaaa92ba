import { parseOperatorPhone } from '../core/phone';
import type { Env } from './env';

/**
 * error: calls cannot work as configured (no provider, no way to open incidents); warning: a safe
 * default or a left-out entry keeps them working.
 */
export type ProblemSeverity = 'error' | 'warning';

/** A variable (or file and path) that is missing or malformed: the log names it, the call goes on with a safe default. */
export interface ConfigProblem {
  variable: string;
  message: string;
  severity: ProblemSeverity;
}

/** Reads one variable at a time, recording a problem and falling back when a value is malformed. */
export class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: ConfigProblem[],
  ) {}

  private raw(name: string): string | undefined {
    return stringValue(this.env, name);
  }

  complain(variable: string, message: string, severity: ProblemSeverity = 'warning'): void {
    this.problems.push({ variable, message, severity });
  }

  text(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  flag(name: string, fallback = false): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', 'yes', '1', 'on'].includes(value)) return true;
    if (['false', 'no', '0', 'off'].includes(value)) return false;
    this.complain(name, `must be true or false; got "${this.env[name]}". Using ${fallback}.`);
    return fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (Number.isInteger(parsed) && parsed >= min && parsed <= max) return parsed;
    this.complain(name, `must be a whole number from ${min} to ${max}; got "${value}". Using ${fallback}.`);
    return fallback;
  }

  choice<const C extends readonly string[], T>(
    name: string,
    choices: C,
    fallback: C[number],
    convert: (v: C[number]) => T,
  ): T {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return convert(fallback);
    if ((choices as readonly string[]).includes(value)) return convert(value as C[number]);
    this.complain(name, `must be one of ${choices.join(', ')}; got "${this.env[name]}". Using ${fallback}.`);
    return convert(fallback);
  }

  /**
   * A comma-separated list of E.164 phone numbers. One without its leading + (or otherwise not a
   * number) is left out and named: guessing its country could ring a stranger.
   */
  phones(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    return value.split(/[,;]/).flatMap((entry) => {
      if (entry.trim() === '') return [];
      const parsed = parseOperatorPhone(entry);
      if (!parsed.ok) this.complain(name, `has "${entry.trim()}": ${parsed.problem}. Left out.`);
      return parsed.ok ? [parsed.phone] : [];
    });
  }

  /** Country calling codes such as "1, 44"; with or without "+". */
  countryCodes(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    const codes = value.split(/[,;\s]+/).flatMap((entry) => {
      const code = entry.replace(/^\+/, '');
      if (code === '') return [];
      if (/^[1-9][0-9]{0,3}$/.test(code)) return [code];
      this.complain(name, `has "${entry}", which is not a country calling code (such as 1 or 44). Left out.`);
      return [];
    });
    // Set but with nothing usable, the guard the operator asked for is off: a deploy must not
    // pass the doctor like that.
    if (codes.length === 0 && value.trim() !== '') {
      this.complain(
        name,
        'has no valid country calling code, so every country may be dialled until it is fixed.',
        'error',
      );
    }
    return codes;
  }

  /**
   * A full base URL variable, or the reference's bare host variable, or the default. A malformed
   * one leaves its API unusable: an error unless the caller says the API is optional.
   */
  baseUrl(
    urlName: string,
    hostName: string,
    fallback: string,
    severity: ProblemSeverity = 'error',
  ): string | undefined {
    const url = this.raw(urlName);
    if (url !== undefined) {
      if (/^https?:\/\/[^\s/]+/i.test(url)) return url.replace(/\/+$/, '');
      this.complain(urlName, `must be a base URL with its scheme, such as ${fallback}; got "${url}".`, severity);
      return undefined;
    }
    const host = this.raw(hostName);
    if (host !== undefined) {
      if (/^[a-z0-9.-]+(:\d+)?$/i.test(host)) return `https://${host}`;
      this.complain(
        hostName,
        `must be a host name such as ${fallback.replace('https://', '')}; got "${host}".`,
        severity,
      );
      return undefined;
    }
    return fallback;
  }

  /** A URL variable with no host-only form: the default when unset, undefined when malformed. */
  url(name: string, fallback?: string, severity: ProblemSeverity = 'warning'): string | undefined {
    const url = this.raw(name);
    if (url === undefined) return fallback;
    if (/^https?:\/\/[^\s/]+/i.test(url)) return url.replace(/\/+$/, '');
    this.complain(
      name,
      `must be a URL with its scheme, such as ${fallback ?? 'https://example.com/hook'}; got "${url}".`,
      severity,
    );
    return undefined;
  }
}

/** A variable's trimmed value, or undefined when unset, blank or not a string at all. */
export function stringValue(env: Env, name: string): string | undefined {
  const value: unknown = env[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
