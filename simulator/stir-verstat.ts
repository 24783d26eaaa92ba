// The values Twilio documents for StirVerstat, its SHAKEN/STIR verdict on an incoming call
// (https://www.twilio.com/docs/voice/trusted-calling-with-shakenstir). Twilio sends the
// parameter only for calls that carried a SHAKEN PASSporT; a call without one has none.

const VERDICTS = ['Passed', 'Failed'] as const;
const ATTESTATIONS = ['A', 'B', 'C'] as const;
const ROUTES = ['', '-Diverted', '-Passthrough'] as const;

export const STIR_VERSTAT_VALUES: readonly string[] = [
  ...VERDICTS.flatMap((verdict) =>
    ATTESTATIONS.flatMap((level) => ROUTES.map((route) => `TN-Validation-${verdict}-${level}${route}`)),
  ),
  'TN-Validation-Failed',
  'No-TN-Validation',
];

export function isStirVerstat(value: string): boolean {
  return STIR_VERSTAT_VALUES.includes(value);
}
