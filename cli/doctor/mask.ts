// Phone numbers and keys as the doctor prints them: enough to recognise one, never enough to use
// it. The output is pasted into tickets and chat, where a responder's private number or a
// working key does not belong.
import { splitE164 } from '../../simulator/mock-providers/phone-parts';

const HIDDEN = '•';

/**
 * `+14155550101` as `+1 415 ••• ••01`: the country code, the first digits of the national number
 * (at most three, and never so many that fewer than three are hidden) and the last two.
 */
export function maskPhone(e164: string): string {
  if (!/^\+[1-9][0-9]{6,14}$/.test(e164)) return '(not an E.164 number)';
  const { countryCode, national } = splitE164(e164);
  const shown = national.slice(0, Math.min(3, Math.max(0, national.length - 5)));
  const tail = HIDDEN.repeat(national.length - shown.length - 2) + national.slice(-2);
  // Grouped like a written number once there is enough of it: "••• ••01" rather than "•••••01".
  const groups = tail.length >= 7 ? [tail.slice(0, -4), tail.slice(-4)] : [tail];
  return [`+${countryCode}`, shown, ...groups].filter((part) => part !== '').join(' ');
}

/** The last four characters of a key, to tell keys apart; nothing of a key too short to spare them. */
export function keyEnding(key: string): string | undefined {
  return key.length >= 12 ? key.slice(-4) : undefined;
}
