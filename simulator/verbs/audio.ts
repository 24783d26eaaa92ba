// <Say>, <Play> and <Pause>: what the leg's party hears. A responder scripted to hang
// up during the whisper does so as soon as the whisper starts talking to them.
import { numberAttribute, speechSeconds } from '../speech-timing';
import { textContent } from '../twiml-parser';
import { CONTINUE, endWith, type VerbContext, type VerbOutcome } from './verb-context';

export const AUDIO_VERBS = ['Say', 'Play', 'Pause'];

function loopNote(loop: number): string {
  if (loop === 0) return ' (loops until input)';
  return loop > 1 ? ` (x${loop})` : '';
}

export function playAudio(ctx: VerbContext): VerbOutcome {
  const { element, leg, session } = ctx;
  const loop = numberAttribute(element.attributes.loop, 1);
  const repeats = Math.max(1, loop);
  switch (element.name) {
    case 'Say': {
      const text = textContent(element);
      session.recorder.add({ type: 'hears', ...leg.party, what: 'say', text: text + loopNote(loop) });
      leg.seconds += speechSeconds(text) * repeats;
      break;
    }
    case 'Play': {
      const digits = element.attributes.digits;
      if (digits !== undefined) {
        session.recorder.add({ type: 'hears', ...leg.party, what: 'tones', text: digits });
      } else {
        session.recorder.add({
          type: 'hears',
          ...leg.party,
          what: 'play',
          text: textContent(element) + loopNote(loop),
        });
        leg.seconds += 5 * repeats;
      }
      break;
    }
    default: {
      const length = numberAttribute(element.attributes.length, 1);
      session.recorder.add({ type: 'hears', ...leg.party, what: 'pause', text: `${length} s` });
      leg.seconds += length;
      // Silence says nothing to hang up on.
      return CONTINUE;
    }
  }
  if (leg.responder?.behaviour === 'hangs-up-during-whisper') {
    session.recorder.add({ type: 'hang-up', who: 'responder', number: leg.responder.number, during: 'the whisper' });
    return endWith('responder-hung-up');
  }
  return CONTINUE;
}
