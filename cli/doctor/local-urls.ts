// A base URL left pointing at a local stand-in (npm run mock-providers) works for trials and is
// uploaded as it is by the next deploy, where Twilio's cloud cannot reach it.
import type { ConfigProblem } from '../../functions/lib/config/config';

const URL_VARIABLE = /(_URL|_HOST)$/;
const LOCAL_HOST = /^(localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])$/i;

export function localUrlWarnings(variables: Readonly<Record<string, string>>): ConfigProblem[] {
  return Object.entries(variables).flatMap(([variable, value]) => {
    if (!URL_VARIABLE.test(variable) || value.trim() === '') return [];
    const host = hostOf(value.trim());
    if (host === undefined || !LOCAL_HOST.test(host)) return [];
    return [
      {
        variable,
        severity: 'warning' as const,
        message: `points at ${host}: fine for a local trial, but npm run deploy would upload it, and Twilio's cloud cannot reach it.`,
      },
    ];
  });
}

/** The host of a full URL, or of a bare host[:port] (API_HOST and the like). */
function hostOf(value: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  return URL.canParse(withScheme) ? new URL(withScheme).hostname : undefined;
}
