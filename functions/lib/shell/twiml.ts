/// <reference types="@twilio-labs/serverless-runtime-types" />
import { isRecordingUrl } from '../core/messages';
import type { Link, Verb } from '../core/verbs';
import { STATE_PARAM } from './twilio-event';

type VoiceResponse = InstanceType<typeof Twilio.twiml.VoiceResponse>;
type GatherElement = ReturnType<VoiceResponse['gather']>;
type SayAttributes = Parameters<VoiceResponse['say']>[0];

export interface RenderOptions {
  voice: string;
  language: string;
  /** Seals a state into the opaque token that goes into the link's query string. */
  seal: (link: Link) => string;
}

/**
 * Links are relative: Twilio resolves them against the URL it just requested, so the same
 * TwiML works on localhost, on a twil.io domain and behind a custom domain.
 */
export function linkUrl(link: Link, seal: RenderOptions['seal']): string {
  return `/${link.endpoint}?${STATE_PARAM}=${seal(link)}`;
}

export function renderTwiml(verbs: Verb[], options: RenderOptions): string {
  // The runtime's own twilio library: importing ours would load it a second time on a cold start.
  const response = new Twilio.twiml.VoiceResponse();
  const sayAttributes = { voice: options.voice, language: options.language } as SayAttributes;
  const url = (link: Link): string => linkUrl(link, options.seal);

  for (const verb of mergeAdjacentSays(verbs)) {
    switch (verb.verb) {
      case 'say':
        speak(response, verb.texts, sayAttributes);
        break;
      case 'gather': {
        const gather = response.gather({
          action: url(verb.action),
          method: 'POST',
          input: verb.speechHints ? ['dtmf', 'speech'] : ['dtmf'],
          timeout: verb.timeoutSeconds,
          ...(verb.numDigits !== undefined ? { numDigits: verb.numDigits } : {}),
          ...(verb.finishOnKey !== undefined ? { finishOnKey: verb.finishOnKey } : {}),
          ...(verb.speechHints
            ? { hints: verb.speechHints.join(', '), speechTimeout: 'auto', language: options.language }
            : {}),
        } as Parameters<VoiceResponse['gather']>[0]);
        speak(gather, verb.prompt, sayAttributes);
        break;
      }
      case 'redirect':
        response.redirect({ method: 'POST' }, url(verb.to));
        break;
      case 'dial': {
        const dial = response.dial({
          action: url(verb.action),
          method: 'POST',
          timeout: verb.timeoutSeconds,
          callerId: verb.callerId,
        });
        for (const number of verb.numbers) dial.number({ url: url(number.whisper), method: 'POST' }, number.phone);
        break;
      }
      case 'record':
        response.record({
          action: url(verb.action),
          method: 'POST',
          maxLength: verb.maxLengthSeconds,
          finishOnKey: '#',
          playBeep: true,
          timeout: 10,
          transcribe: true,
          transcribeCallback: url(verb.transcribeCallback),
        });
        break;
      case 'hangup':
        response.hangup();
        break;
    }
  }
  return response.toString();
}

type Rendered = Exclude<Verb, { verb: 'say' }> | { verb: 'say'; texts: string[] };

/** Adjacent Says rendered together: one <Say> per run of sentences, without gaps in the speech. */
function mergeAdjacentSays(verbs: Verb[]): Rendered[] {
  const merged: Rendered[] = [];
  for (const verb of verbs) {
    const previous = merged[merged.length - 1];
    if (verb.verb === 'say' && previous?.verb === 'say') previous.texts.push(verb.text);
    else merged.push(verb.verb === 'say' ? { verb: 'say', texts: [verb.text] } : verb);
  }
  return merged;
}

/**
 * Sentences as one <Say> per run; a message the operator made an https recording is a <Play> in
 * its place, in order.
 */
function speak(parent: VoiceResponse | GatherElement, texts: string[], sayAttributes: SayAttributes): void {
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 0) parent.say(sayAttributes, run.join(' '));
    run = [];
  };
  for (const text of texts) {
    if (isRecordingUrl(text)) {
      flush();
      parent.play(text);
    } else run.push(text);
  }
  flush();
}
