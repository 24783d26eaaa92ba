// The phone numbers of the stand-in Twilio account, held in memory: what `npm run
// connect-number` reads and changes. Unset values are null, as the published spec types them.

export interface MockTwilioAccount {
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
}

/** The one account the stand-in serves; both its auth token and its API key authenticate. */
export const MOCK_TWILIO_ACCOUNT: MockTwilioAccount = {
  accountSid: 'AC0000000000000000000000000000c0de',
  authToken: 'mock-twilio-auth-token',
  apiKeySid: 'SK0000000000000000000000000000c0de',
  apiKeySecret: 'mock-twilio-api-key-secret',
};

export interface MockPhoneNumber {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  voiceUrl: string | null;
  voiceMethod: 'GET' | 'POST';
  voiceFallbackUrl: string | null;
  voiceFallbackMethod: 'GET' | 'POST';
  statusCallback: string | null;
  statusCallbackMethod: 'GET' | 'POST';
  voiceApplicationSid: string | null;
  trunkSid: string | null;
  dateCreated: Date;
  dateUpdated: Date;
}

export type MockPhoneNumberInit = Pick<MockPhoneNumber, 'phoneNumber'> &
  Partial<Omit<MockPhoneNumber, 'sid' | 'phoneNumber' | 'dateCreated' | 'dateUpdated'>>;

/**
 * The seeded number: the support number of the README, still wired the way the console leaves
 * a number handed over from another setup (a voice application, which makes Twilio ignore its
 * voice URL), so that clearing it can be tested.
 */
export const SEEDED_NUMBERS: readonly MockPhoneNumberInit[] = [
  {
    phoneNumber: '+15555550100',
    voiceUrl: 'https://old-service-0000.twil.io/victorops-live-call-routing',
    voiceApplicationSid: 'AP0000000000000000000000000000a001',
  },
];

export interface MockTwilioNumbers {
  /** Adds a number to the account; returns a copy of it with its new sid. */
  add(init: MockPhoneNumberInit): MockPhoneNumber;
  list(): MockPhoneNumber[];
  find(phoneNumber: string): MockPhoneNumber | undefined;
}

export class MockNumberBook implements MockTwilioNumbers {
  private numbers: MockPhoneNumber[] = [];
  private created = 0;

  constructor(private readonly seed: readonly MockPhoneNumberInit[] = SEEDED_NUMBERS) {
    this.reset();
  }

  /** Back to the seeded numbers, as they were. */
  reset(): void {
    this.numbers = [];
    this.created = 0;
    for (const init of this.seed) this.add(init);
  }

  add(init: MockPhoneNumberInit): MockPhoneNumber {
    if (this.find(init.phoneNumber)) throw new Error(`mock Twilio account already has ${init.phoneNumber}`);
    this.created += 1;
    // A fixed clock keeps the JSON the same on every run; numbers are told apart by their sid.
    const created = new Date(Date.UTC(2025, 0, 1, 12, 0, this.created));
    const number: MockPhoneNumber = {
      friendlyName: init.phoneNumber,
      voiceUrl: null,
      voiceMethod: 'POST',
      voiceFallbackUrl: null,
      voiceFallbackMethod: 'POST',
      statusCallback: null,
      statusCallbackMethod: 'POST',
      voiceApplicationSid: null,
      trunkSid: null,
      ...init,
      sid: `PN${this.created.toString(16).padStart(32, '0')}`,
      dateCreated: created,
      dateUpdated: created,
    };
    this.numbers.push(number);
    return { ...number };
  }

  list(): MockPhoneNumber[] {
    return this.numbers.map((number) => ({ ...number }));
  }

  find(phoneNumber: string): MockPhoneNumber | undefined {
    const number = this.numbers.find((candidate) => candidate.phoneNumber === phoneNumber);
    return number ? { ...number } : undefined;
  }

  /** The stored number itself, for the API to change. */
  bySid(sid: string): MockPhoneNumber | undefined {
    return this.numbers.find((candidate) => candidate.sid === sid);
  }

  /** Twilio's PhoneNumber filter: a part of the number, '*' standing for any one digit. */
  matching(filter: string | undefined): MockPhoneNumber[] {
    if (filter === undefined || filter === '') return this.numbers;
    const escaped = filter.replace(/[.*+?^${}()|[\]\\]/g, (character) =>
      character === '*' ? '\\d' : `\\${character}`,
    );
    const pattern = new RegExp(escaped);
    return this.numbers.filter((number) => pattern.test(number.phoneNumber));
  }
}
