import { isAnonymousCaller, matchesCallerPattern } from './callers';
import type { CallerRules, CallerTreatment } from './routing';

/**
 * What the routing file's caller rules make of a caller: put through, offered voicemail, or
 * refused. A block wins; then a withheld ID and a failed STIR/SHAKEN verification each have their
 * own treatment; then, when there is an allow list, only callers on it are put through.
 */
export function screenCaller(rules: CallerRules, from: string, stirVerstat: string | undefined): CallerTreatment {
  if (rules.block.some((pattern) => matchesCallerPattern(from, pattern))) return 'reject';
  if (isAnonymousCaller(from)) {
    if (rules.anonymous !== 'allow') return rules.anonymous;
    return rules.allow.length > 0 ? 'voicemail' : 'allow';
  }
  // Twilio marks a caller ID that failed verification TN-Validation-Failed (-A, -B or -C).
  if (stirVerstat?.startsWith('TN-Validation-Failed') && rules.unverified !== 'allow') return rules.unverified;
  if (rules.allow.length > 0 && !rules.allow.some((pattern) => matchesCallerPattern(from, pattern))) {
    return 'voicemail';
  }
  return 'allow';
}
