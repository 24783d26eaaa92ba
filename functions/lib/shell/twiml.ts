/// <reference types="@twilio-labs/serverless-runtime-types" />
import type { Link, Verb } from '../core/verbs';
import { STATE_PARAM } from './twilio-event';

type VoiceResponse = InstanceType<typeof Twilio.twiml.VoiceResponse>;
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
        response.say(sayAttributes, verb.text);
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
        gather.say(sayAttributes, verb.prompt.join(' '));
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

/** One <Say> per run of sentences keeps the TwiML short and the speech without gaps. */
function mergeAdjacentSays(verbs: Verb[]): Verb[] {
  const merged: Verb[] = [];
  for (const verb of verbs) {
    const previous = merged[merged.length - 1];
    if (verb.verb === 'say' && previous?.verb === 'say') {
      merged[merged.length - 1] = { verb: 'say', text: `${previous.text} ${verb.text}` };
    } else {
      merged.push(verb);
    }
  }
  return merged;
}
