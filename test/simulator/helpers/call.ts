// placeCall with the options every simulator test shares.
import type { CallReport, CallScript, PlaceCallOptions } from '../../../simulator';
import { placeCall } from '../../../simulator';

export const AUTH_TOKEN = 'test-auth-token-0123456789abcdef';
export const CALLER = '+15555550150';
export const SUPPORT_NUMBER = '+15555550100';

export function call(
  baseUrl: string,
  script: Partial<CallScript> = {},
  extra: Partial<PlaceCallOptions> = {},
): Promise<CallReport> {
  return placeCall({
    baseUrl,
    authToken: AUTH_TOKEN,
    from: CALLER,
    to: SUPPORT_NUMBER,
    script: { caller: [], ...script },
    ...extra,
  });
}

/** The transcript events of one type, narrowed. */
export function eventsOf<T extends CallReport['events'][number]['type']>(
  report: CallReport,
  type: T,
): Array<Extract<CallReport['events'][number], { type: T }>> {
  return report.events.filter(
    (event): event is Extract<CallReport['events'][number], { type: T }> => event.type === type,
  );
}
