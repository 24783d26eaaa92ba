// Every sentence the caller or a responder hears. Operators override any of them in
// assets/messages.private.json; `{name}` placeholders are filled in at call time.

export const defaultMessages = {
  greeting: 'Thank you for calling the on-call line.',
  mainMenu: 'To reach the on-call engineer, press 1. To leave a message, press 2.',
  mainMenuNoVoicemail: 'To reach the on-call engineer, press 1. To ask for a call back, press 2.',
  teamMenuIntro: 'Which team do you need?',
  teamOption: 'For {team}, press {digit}.',
  repeatHint: 'To hear these options again, press 0.',
  noInput: 'We did not hear a choice.',
  invalidInput: 'Sorry, that is not one of the choices.',
  defaultTeam: 'We will put you through to the {team} team.',
  connecting: 'Connecting you to {responder}, on call for the {team} team. Please hold.',
  connectingTeam: 'Connecting you to the {team} team. Please hold.',
  whisper: 'This is a call for the {team} team from {caller}. Press 1 to accept the call.',
  whisperNoResponse: 'The call was not accepted. Goodbye.',
  whisperAccepted: 'Connecting you now.',
  calleeDisconnected: 'The other party has disconnected. Goodbye.',
  reasonNobodyAnswered: 'We could not reach anyone on call for the {team} team.',
  reasonNobodyOnCall: 'Nobody is on call for the {team} team right now.',
  reasonLookupFailed: 'We could not find out who is on call for the {team} team.',
  reasonStateRejected: 'Sorry, something went wrong with this call.',
  reasonAfterHours: 'The {team} team is closed right now.',
  closedTransfer: 'The {team} team is closed right now, so we will put you through to the {other} team.',
  callerRejected: 'Sorry, we cannot take your call. Goodbye.',
  noChoiceGoodbye: 'We did not hear a choice. Goodbye.',
  noMessageGoodbye: 'We did not hear a message. Goodbye.',
  leaveMessage: 'Please leave a message for the {team} team after the tone, and press pound when you are done.',
  teamAlerted: 'The {team} team has been alerted.',
  teamTexted: 'A message about your call has been sent to the on-call team.',
  alertFailed: 'We could not alert the {team} team just now.',
  tryingFallback: 'Trying another number for the {team} team. Please hold.',
  messageReceived: 'Thank you. Your message has been sent to the {team} team. Goodbye.',
  messageTexted: 'Thank you. A message about your call has been sent to the on-call team. Goodbye.',
  messageRecorded: 'Thank you. Your message for the {team} team has been recorded. Goodbye.',
  messageNotPassedOn:
    'Thank you. Your message has been recorded, but we could not pass it on to the {team} team yet. If it is urgent, please call again or reach them another way. Goodbye.',
  noMessageHeard: 'We did not hear a message. The {team} team has been told that you called. Goodbye.',
  noMessageTexted: 'We did not hear a message. A message about your call has been sent to the on-call team. Goodbye.',
  noMessageRecorded: 'We did not hear a message. Your call to the {team} team has been recorded. Goodbye.',
  noMessageNotPassedOn:
    'We did not hear a message, and we could not reach the {team} team. Please call again or reach them another way. Goodbye.',
  callbackPrompt:
    'To be called back on the number you are calling from, press pound. To be called back on another number, enter it now, followed by pound.',
  callbackConfirmed: 'Thank you. The {team} team has been asked to call you back on {number}. Goodbye.',
  callbackTexted: 'Thank you. A message asking the on-call team to call you back on {number} has been sent. Goodbye.',
  callbackRecorded:
    'Thank you. Your request to be called back on {number} has been recorded for the {team} team. Goodbye.',
  callbackNotPassedOn:
    'Sorry, we could not pass your request on to the {team} team. Please call again or reach them another way. Goodbye.',
  notVerified: 'Sorry, this call could not be verified. Goodbye.',
} as const;

export type MessageKey = keyof typeof defaultMessages;
export type Messages = Record<MessageKey, string>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(defaultMessages, key);
}

/** A message that is an audio file to play instead of a sentence to speak. */
export function isRecordingUrl(text: string): boolean {
  return /^https:\/\/\S+$/.test(text) && URL.canParse(text);
}

/** Fills `{name}` placeholders; an unknown placeholder is left as it is so a typo stays visible. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** Reads a phone number digit by digit, so text-to-speech does not say "five billion". */
export function spokenPhoneNumber(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  return digits.length > 0 ? digits.split('').join(' ') : 'an unknown number';
}
