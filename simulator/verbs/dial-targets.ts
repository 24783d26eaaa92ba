// Reads the nouns of a <Dial>: which numbers ring, and each one's whisper URL and
// status callback.
import type { CallSession, TwimlDocument } from '../call-session';
import { childElements, textContent, type TwimlElement } from '../twiml-parser';
import { resolveTwimlUrl, targetFrom, type WebhookTarget } from '../twiml-urls';

export interface DialTarget {
  number: string;
  /** <Number url>: TwiML run on the answered leg before bridging (whisper/screening). */
  whisper?: WebhookTarget;
  statusCallback?: WebhookTarget;
  /** Progress events the status callback wants; Twilio's default is only "completed". */
  statusCallbackEvents: string[];
}

export const MAX_NUMBERS_PER_DIAL = 10;

function numberTarget(element: TwimlElement, doc: TwimlDocument): DialTarget {
  const attributes = element.attributes;
  const target: DialTarget = {
    number: textContent(element),
    statusCallbackEvents: (attributes.statusCallbackEvent ?? 'completed')
      .split(/[\s,]+/)
      .filter((event) => event !== ''),
  };
  if (attributes.url) target.whisper = targetFrom(attributes.url, attributes.method, doc.url);
  if (attributes.statusCallback) {
    target.statusCallback = {
      url: resolveTwimlUrl(attributes.statusCallback, doc.url),
      method: targetFrom(undefined, attributes.statusCallbackMethod, doc.url).method,
    };
  }
  return target;
}

export function dialTargets(session: CallSession, dial: TwimlElement, doc: TwimlDocument): DialTarget[] {
  const nouns = childElements(dial);
  if (nouns.length === 0) {
    // <Dial>+15555550101</Dial> dials one number without a whisper.
    const number = textContent(dial);
    return number === '' ? [] : [{ number, statusCallbackEvents: [] }];
  }
  const targets: DialTarget[] = [];
  for (const noun of nouns) {
    if (noun.name === 'Number') targets.push(numberTarget(noun, doc));
    else session.recorder.add({ type: 'notice', text: `<Dial><${noun.name}> is not simulated; skipped` });
  }
  if (targets.length > MAX_NUMBERS_PER_DIAL) {
    session.recorder.add({
      type: 'notice',
      text: `${targets.length} <Number>s in one <Dial>; Twilio allows ${MAX_NUMBERS_PER_DIAL}`,
    });
  }
  return targets;
}
