import type { IncidentEvent } from '../core/incidents';
import { loadAxios, REQUEST_TIMEOUT_MS, retryAfterFrom } from './http';
import { incidentParagraph } from './incident-text';
import { ProviderError } from './provider';

/**
 * Posts the static roster's incidents to a chat webhook as {"text": …}: the shape Slack's incoming
 * webhooks take, and Mattermost's, Rocket.Chat's and Google Chat's too.
 */
export class IncidentWebhook {
  constructor(private readonly url: string) {}

  async post(event: IncidentEvent, signal: AbortSignal): Promise<void> {
    const what = `incident webhook (${event.kind}) for call ${event.callSid}`;
    let response;
    try {
      const axios = await loadAxios();
      response = await axios.post(
        this.url,
        { text: incidentParagraph(event) },
        {
          signal,
          timeout: REQUEST_TIMEOUT_MS,
          validateStatus: () => true,
          // Slack answers a plain "ok", not JSON: the body is not read at all.
          responseType: 'text',
          maxContentLength: 100_000,
        },
      );
    } catch (error) {
      const reason = signal.aborted
        ? 'the time budget ran out'
        : error instanceof Error
          ? error.message
          : String(error);
      throw new ProviderError(`${what} failed: ${reason}`, true);
    }
    const { status } = response;
    if (status === 429) {
      throw new ProviderError(`${what} was rate limited: HTTP 429`, true, retryAfterFrom(response.headers));
    }
    if (status < 200 || status >= 300) {
      throw new ProviderError(`${what} was refused: HTTP ${status}`, status >= 500);
    }
  }
}
