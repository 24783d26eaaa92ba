// The ways this command fails, each with the exit code it ends with: 2 for a mistake in how it
// was called (nothing was asked of Twilio), 1 for a failure at Twilio's end.

/** Bad flags, values or missing credentials: exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Twilio answered with an HTTP error. */
export class TwilioApiError extends Error {
  override readonly name = 'TwilioApiError';

  constructor(
    readonly status: number,
    readonly code: number | undefined,
    readonly twilioMessage: string,
    /** What was being done, e.g. "looking up +15555550100". */
    readonly during: string,
  ) {
    super(
      `Twilio answered HTTP ${status}${code === undefined ? '' : `, error ${code}`} while ${during}: ${twilioMessage}`,
    );
  }
}

/** The account has no phone number equal to the one asked for. */
export class NumberNotFoundError extends Error {
  override readonly name = 'NumberNotFoundError';

  constructor(
    readonly phoneNumber: string,
    readonly accountSid: string,
  ) {
    super(`${phoneNumber} is not a phone number of account ${accountSid} (IncomingPhoneNumbers has no such number)`);
  }
}

/** No HTTP answer from Twilio (refused, timed out), or one that could not be read. */
export class TwilioRequestError extends Error {
  override readonly name = 'TwilioRequestError';
}
