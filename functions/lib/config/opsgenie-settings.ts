import type { Env } from './env';
import { stringValue, type EnvReader } from './env-reader';

export const OPSGENIE_API_URL = 'https://api.opsgenie.com';

export interface OpsgenieSettings {
  /** API integration key (also what Jira Service Management calls it). */
  apiKey: string;
  /** https://api.opsgenie.com, or https://api.eu.opsgenie.com for accounts in the EU region. */
  apiUrl: string;
}

export function readOpsgenieSettings(env: Env, reader: EnvReader): OpsgenieSettings | undefined {
  const apiKey = stringValue(env, 'OPSGENIE_API_KEY');
  if (!apiKey) {
    reader.complain('OPSGENIE_API_KEY', 'is required for Opsgenie. Calls go to voicemail until it is set.', 'error');
  }
  const apiUrl = reader.url('OPSGENIE_API_URL', OPSGENIE_API_URL, 'error');
  if (!apiKey || !apiUrl) return undefined;
  return { apiKey, apiUrl };
}
