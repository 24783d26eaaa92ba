// The routing file's shape, checked by zod (its small build, zod/mini, which loads in a few ms):
// what each field may hold. What the fields mean together (names that must exist, hours that must
// parse, no loop of after-hours teams) is checked in routing-file.ts.
import * as z from 'zod/mini';

const text = z.string().check(z.trim(), z.minLength(1));
const seconds = z.number().check(z.int(), z.minimum(10), z.maximum(3600));
const treatment = z.enum(['allow', 'voicemail', 'reject']);

const afterHours = z.union(
  [z.strictObject({ team: text }), z.strictObject({ voicemail: z.literal(true) }), z.strictObject({ message: text })],
  { error: 'must be {"team": "<name>"}, {"voicemail": true} or {"message": "<sentence or https URL>"}' },
);

const hours = z.strictObject({
  timezone: z.string(),
  open: z.record(z.string(), z.string()),
  closed: z.optional(z.array(z.string())),
  afterHours: z.optional(afterHours),
});

const team = z.strictObject({
  name: text,
  policy: z.optional(text),
  hours: z.optional(hours),
  ring: z.optional(z.enum(['sequential', 'step'])),
  maxRingSeconds: z.optional(seconds),
  fallbackPhones: z.optional(z.array(z.string())),
  notify: z.optional(
    z.strictObject({
      sms: z.optional(z.array(z.string())),
      email: z.optional(z.array(z.string())),
    }),
  ),
});

export const routingSchema = z.strictObject({
  numbers: z.optional(
    z.record(
      z.string(),
      z.strictObject({
        greeting: z.optional(text),
        teams: z.array(text).check(z.minLength(1)),
      }),
    ),
  ),
  teams: z.array(team).check(z.minLength(1)),
  callers: z.optional(
    z.strictObject({
      block: z.optional(z.array(z.string())),
      allow: z.optional(z.array(z.string())),
      anonymous: z.optional(treatment),
      unverified: z.optional(treatment),
    }),
  ),
  noInput: z.optional(z.enum(['first-team', 'voicemail', 'goodbye'])),
  maxRingSeconds: z.optional(seconds),
});

export type RoutingFile = z.infer<typeof routingSchema>;
export type RoutingFileTeam = z.infer<typeof team>;

/** A zod issue as one line: where (`teams[0].hours.timezone`) and what is wrong, in words. */
export function describeIssue(issue: z.core.$ZodIssue): { path: string; message: string } {
  return { path: pathOf(issue.path), message: messageOf(issue) };
}

export function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      return /^[A-Za-z_]\w*$/.test(name) ? `${i === 0 ? '' : '.'}${name}` : `[${JSON.stringify(name)}]`;
    })
    .join('');
}

function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${article(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `must list at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`
        : issue.origin === 'string'
          ? 'must not be blank'
          : `must be at least ${issue.minimum}`;
    case 'too_big':
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union':
      return issue.message !== 'Invalid input' ? issue.message : 'is not one of the shapes it may take';
    default:
      return issue.message !== 'Invalid input' ? issue.message : 'is not valid here';
  }
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'object') return 'an object';
  if (expected === 'array') return 'a list';
  return `a ${expected}`;
}
