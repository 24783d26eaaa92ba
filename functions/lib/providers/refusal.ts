import { ProviderError } from './provider';

/**
 * The error for a 4xx (or an unexpected status) that retrying will not fix: it names the request,
 * the status, the provider's own explanation and, for 401 and 403, the variable holding the key.
 */
export function refusal(what: string, status: number, detail: string | undefined, keyVariable: string): ProviderError {
  const credentials = status === 401 || status === 403 ? ` (check ${keyVariable})` : '';
  const explanation = detail ? `: ${detail}` : '';
  return new ProviderError(`${what} was refused: HTTP ${status}${explanation}${credentials}`);
}
