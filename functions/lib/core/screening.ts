import { isAnonymousCaller, matchesCallerPattern } from './callers';
import type { CallerRules } from './routing';
import type { ScreeningReason } from './types';

/** What screening decided, and for a caller it did not simply put through, which rule did. */
export type ScreeningVerdict = { treatment: 'allow' } | { treatment: 'voicemail' | 'reject'; reason: ScreeningReason };

const ALLOW: ScreeningVerdict = { treatment: 'allow' };

/**
 * What the routing file's caller rules make of a caller: put through, offered voicemail, or
 * refused. A withheld ID has its own treatment; then a block wins; then a failed STIR/SHAKEN
 * verification has its own; then, when there is an allow list, only callers on it are put through.
 */
export function screenCaller(rules: CallerRules, from: string, stirVerstat: string | undefined): ScreeningVerdict {
  // Before the block list: Twilio's stand-ins for a withheld ID (+266696687 and the like) look
  // like numbers, and a block on "+2*" must not decide for callers `anonymous` speaks for.
  if (isAnonymousCaller(from)) {
    if (rules.anonymous !== 'allow') return { treatment: rules.anonymous, reason: 'caller-withheld' };
    return rules.allow.length > 0 ? { treatment: 'voicemail', reason: 'caller-withheld' } : ALLOW;
  }
  if (rules.block.some((pattern) => matchesCallerPattern(from, pattern))) {
    return { treatment: 'reject', reason: 'caller-not-allowed' };
  }
  // Twilio marks a caller ID that failed verification TN-Validation-Failed (-A, -B or -C).
  if (stirVerstat?.startsWith('TN-Validation-Failed') && rules.unverified !== 'allow') {
    return { treatment: rules.unverified, reason: 'caller-unverified' };
  }
  if (rules.allow.length > 0 && !rules.allow.some((pattern) => matchesCallerPattern(from, pattern))) {
    return { treatment: 'voicemail', reason: 'caller-not-allowed' };
  }
  return ALLOW;
}
