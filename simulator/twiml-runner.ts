// Executes TwiML on one leg verb by verb, switching documents when a verb fetches new
// TwiML, until the leg ends. The same loop serves the caller and a responder's whisper.
import type { CallLeg } from './call-leg';
import type { CallSession, TwimlDocument } from './call-session';
import type { TwimlElement } from './twiml-parser';
import { AUDIO_VERBS, playAudio } from './verbs/audio';
import { runDial } from './verbs/dial';
import { runGather } from './verbs/gather';
import { runRecord } from './verbs/record';
import { runRedirect } from './verbs/redirect';
import { CONTINUE, endWith, type LegEndReason, type VerbContext, type VerbOutcome } from './verbs/verb-context';

async function executeVerb(ctx: VerbContext): Promise<VerbOutcome> {
  const name = ctx.element.name;
  if (AUDIO_VERBS.includes(name)) return playAudio(ctx);
  switch (name) {
    case 'Gather':
      return runGather(ctx);
    case 'Dial':
      return runDial(ctx);
    case 'Record':
      return runRecord(ctx);
    case 'Redirect':
      return runRedirect(ctx);
    case 'Hangup':
      return endWith('hangup-verb');
    case 'Reject':
      return endWith('reject-verb');
    default:
      ctx.session.recorder.add({ type: 'notice', text: `<${name}> is not simulated; skipped` });
      return CONTINUE;
  }
}

export function createRunner(session: CallSession): (leg: CallLeg, doc: TwimlDocument) => Promise<LegEndReason> {
  const run = async (leg: CallLeg, first: TwimlDocument): Promise<LegEndReason> => {
    let doc = first;
    let index = 0;
    for (;;) {
      // Once the caller is gone every leg of the call is torn down.
      if (session.callerHungUp) return 'caller-hung-up';
      const element: TwimlElement | undefined = doc.verbs[index];
      if (element === undefined) return 'end-of-twiml';
      index += 1;
      const outcome = await executeVerb({ session, leg, element, doc, run });
      if (outcome.next === 'end') return outcome.reason;
      if (outcome.next === 'document') {
        doc = outcome.doc;
        index = 0;
      }
    }
  };
  return run;
}
