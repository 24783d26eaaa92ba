// What the command prints: lines for a person, or one JSON object for a script.
import type { FieldChange } from './plan';
import { restoreCommand } from './restore-command';
import { FIELD_INFO, OVERRIDING_FIELDS, VOICE_FIELDS, type NumberVoiceSettings, type VoiceField } from './voice-fields';

/** What was found and what will be done about it, known before any change is made. */
export interface Plan {
  accountSid: string;
  before: NumberVoiceSettings;
  changes: FieldChange[];
  /** False when only the settings were asked for (no --url, no single field). */
  wantsChange: boolean;
  dryRun: boolean;
}

export interface Outcome extends Plan {
  /** As Twilio answered the update; in a dry run or with nothing to do, as it would be. */
  after: NumberVoiceSettings;
}

export interface OutcomeJson {
  before: NumberVoiceSettings;
  after: NumberVoiceSettings;
  /** Whether the number's settings differ(ed) from the ones asked for; in a dry run nothing was changed. */
  changed: boolean;
  dryRun: boolean;
  restoreCommand: string;
}

export function outcomeJson(outcome: Outcome): OutcomeJson {
  return {
    before: outcome.before,
    after: outcome.after,
    changed: outcome.changes.length > 0,
    dryRun: outcome.dryRun,
    restoreCommand: restoreCommand(outcome.before),
  };
}

const NAME_WIDTH = Math.max(...VOICE_FIELDS.map((field) => FIELD_INFO[field].twilioName.length)) + 2;

function shown(value: string): string {
  return value === '' ? '(not set)' : value;
}

function row(field: VoiceField, text: string): string {
  return `  ${FIELD_INFO[field].twilioName.padEnd(NAME_WIDTH)}${text}`;
}

const IGNORES_VOICE_URL = 'while it is set, Twilio ignores VoiceUrl';

function settingLines(settings: NumberVoiceSettings): string[] {
  return VOICE_FIELDS.map((field) => {
    const note = OVERRIDING_FIELDS.includes(field) && settings[field] !== '' ? `   (${IGNORES_VOICE_URL})` : '';
    return row(field, `${shown(settings[field])}${note}`);
  });
}

function changeLines(changes: readonly FieldChange[]): string[] {
  return changes.map((change) => {
    const cleared = OVERRIDING_FIELDS.includes(change.field) && change.to === '';
    return cleared
      ? row(change.field, `${change.from} → (cleared): ${IGNORES_VOICE_URL}`)
      : row(change.field, `${shown(change.from)} → ${shown(change.to)}`);
  });
}

function willChange(plan: Plan): boolean {
  return plan.wantsChange && plan.changes.length > 0 && !plan.dryRun;
}

/**
 * The number, its settings, the changes and the undo command: printed before the update is
 * sent, so that they are on screen even if the update fails half-way (a timeout may still have
 * changed the number).
 */
export function planText(plan: Plan): string[] {
  const { before } = plan;
  const lines = [`${before.phoneNumber} (${before.sid}), account ${plan.accountSid}`];
  lines.push('Current voice settings:', ...settingLines(before));
  if (plan.wantsChange && plan.changes.length > 0) {
    lines.push(plan.dryRun ? 'Changes it would make:' : 'Changes:', ...changeLines(plan.changes));
  }
  lines.push(
    willChange(plan) ? 'To undo, put the previous settings back with:' : 'To put these settings back later:',
    `  ${restoreCommand(before)}`,
  );
  return lines;
}

/** The last line, once the update (if any) is done; null when only the settings were shown. */
export function resultText(plan: Plan): string | null {
  const { before } = plan;
  if (!plan.wantsChange) return null;
  if (plan.changes.length === 0) return `Nothing to change: ${before.phoneNumber} already has these settings.`;
  if (plan.dryRun) return 'Dry run: nothing was changed.';
  return `Updated ${before.phoneNumber}.`;
}
