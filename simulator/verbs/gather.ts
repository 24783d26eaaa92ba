// <Gather>: prompts, then one input from whoever is on the leg. Input requests the
// action and its TwiML replaces the rest of the document; no input skips the action
// (unless actionOnEmptyResult) and carries on with the next verb, as Twilio does.
import type { InputPrompt } from '../caller-inputs';
import { numberAttribute } from '../speech-timing';
import { childElements } from '../twiml-parser';
import { targetFrom } from '../twiml-urls';
import { AUDIO_VERBS, playAudio } from './audio';
import { afterFetch, CONTINUE, endWith, type VerbContext, type VerbOutcome } from './verb-context';

function inputKinds(attribute: string | undefined): Array<'dtmf' | 'speech'> {
  const words = (attribute ?? 'dtmf').toLowerCase().split(/\s+/);
  const kinds: Array<'dtmf' | 'speech'> = [];
  if (words.includes('dtmf')) kinds.push('dtmf');
  if (words.includes('speech')) kinds.push('speech');
  return kinds.length > 0 ? kinds : ['dtmf'];
}

/** The Digits Twilio reports: up to the finish key (excluded), at most numDigits. */
export function collectedDigits(pressed: string, finishOnKey: string, numDigits: number | undefined): string {
  let digits = pressed;
  if (finishOnKey !== '') {
    const finish = digits.indexOf(finishOnKey);
    if (finish !== -1) digits = digits.slice(0, finish);
  }
  if (numDigits !== undefined && numDigits > 0 && digits.length > numDigits) digits = digits.slice(0, numDigits);
  return digits;
}

async function playPrompts(ctx: VerbContext): Promise<VerbOutcome> {
  for (const child of childElements(ctx.element)) {
    if (!AUDIO_VERBS.includes(child.name)) {
      ctx.session.recorder.add({
        type: 'notice',
        text: `<${child.name}> is not allowed inside <Gather>; Twilio rejects it`,
      });
      continue;
    }
    const outcome = playAudio({ ...ctx, element: child });
    if (outcome.next !== 'continue') return outcome;
  }
  return CONTINUE;
}

export async function runGather(ctx: VerbContext): Promise<VerbOutcome> {
  const { element, leg, session, doc } = ctx;
  const attributes = element.attributes;
  const numDigitsValue = numberAttribute(attributes.numDigits, 0);
  const prompt: InputPrompt = {
    inputKinds: inputKinds(attributes.input),
    finishOnKey: attributes.finishOnKey ?? '#',
    timeoutSeconds: numberAttribute(attributes.timeout, 5),
    ...(numDigitsValue > 0 ? { numDigits: numDigitsValue } : {}),
  };

  const prompts = await playPrompts(ctx);
  if (prompts.next !== 'continue') return prompts;
  if (session.callerHungUp) return endWith('caller-hung-up');

  const input = await leg.nextInput(prompt);
  const action = targetFrom(attributes.action, attributes.method, doc.url);
  const record = session.recorder;

  if (input.kind === 'hang-up') {
    if (leg.kind === 'parent') {
      session.callerHangsUp('a <Gather>');
      return endWith('caller-hung-up');
    }
    record.add({ type: 'hang-up', ...leg.party, during: 'a <Gather>' });
    return endWith('responder-hung-up');
  }

  if (input.kind === 'digits') {
    if (!prompt.inputKinds.includes('dtmf')) {
      record.add({
        type: 'input',
        ...leg.party,
        input: 'digits',
        value: input.digits,
        note: 'ignored: this Gather only listens for speech',
      });
    } else {
      const digits = collectedDigits(input.digits, prompt.finishOnKey, prompt.numDigits);
      const note = digits !== input.digits ? `pressed ${input.digits}` : undefined;
      record.add({ type: 'input', ...leg.party, input: 'digits', value: digits, ...(note ? { note } : {}) });
      leg.seconds += 2;
      if (digits !== '') return afterFetch(await session.fetchTwiml(leg, action, { Digits: digits }, 'gather-action'));
    }
  } else if (input.kind === 'speech') {
    if (!prompt.inputKinds.includes('speech')) {
      record.add({
        type: 'input',
        ...leg.party,
        input: 'speech',
        value: input.text,
        note: 'ignored: this Gather only listens for keys',
      });
    } else {
      record.add({ type: 'input', ...leg.party, input: 'speech', value: input.text });
      leg.seconds += 3;
      const speech = { SpeechResult: input.text, Confidence: '0.9' };
      return afterFetch(await session.fetchTwiml(leg, action, speech, 'gather-action'));
    }
  } else {
    record.add({
      type: 'input',
      ...leg.party,
      input: 'silence',
      value: '',
      note: input.note ?? `no input for ${prompt.timeoutSeconds} s`,
    });
  }

  // Nothing usable arrived before the timeout.
  leg.seconds += prompt.timeoutSeconds;
  if (attributes.actionOnEmptyResult === 'true') {
    return afterFetch(await session.fetchTwiml(leg, action, { Digits: '' }, 'gather-action'));
  }
  return CONTINUE;
}
