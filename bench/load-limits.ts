// What each function may cost to load, and which of them ask a provider (and so load axios).

export interface LoadLimit {
  maxMs: number;
  /** Whether the limit covers the first require('axios') as well as the function itself. */
  withAxios: boolean;
  /** When the limit applies, if not always. */
  when?: string;
}

export interface FunctionProfile {
  /** Whether, and when, the function makes provider requests. */
  providerRequests: string;
  limits: LoadLimit[];
}

const LOAD_LIMIT: LoadLimit = { maxMs: 45, withAxios: false };
const PROVIDER_LIMIT: LoadLimit = { maxMs: 90, withAxios: true };

const PROFILES: Record<string, FunctionProfile> = {
  whisper: { providerRequests: 'no', limits: [LOAD_LIMIT] },
  screen: { providerRequests: 'yes', limits: [LOAD_LIMIT, PROVIDER_LIMIT] },
  voice: {
    providerRequests: 'only to read a team list',
    limits: [
      { ...LOAD_LIMIT, when: 'teams configured' },
      { ...PROVIDER_LIMIT, when: 'reads a team list' },
    ],
  },
};

/** The function's name from its bundle's file name: dist/functions/voice.protected.js is "voice". */
export function functionName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.js$/, '').replace(/\.protected$/, '');
}

/** Every function but the whisper asks a provider: those not listed get the provider limit. */
export function profileOf(name: string): FunctionProfile {
  return PROFILES[name] ?? { providerRequests: 'yes', limits: [PROVIDER_LIMIT] };
}

export interface LimitCheck extends LoadLimit {
  ms: number;
  within: boolean;
}

/** Each of the function's limits against the measured medians (load alone, load plus axios). */
export function checkLimits(name: string, measured: { loadMs: number; withAxiosMs: number }): LimitCheck[] {
  return profileOf(name).limits.map((limit) => {
    const ms = limit.withAxios ? measured.withAxiosMs : measured.loadMs;
    return { ...limit, ms, within: ms <= limit.maxMs };
  });
}
