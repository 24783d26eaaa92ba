// Everything one doctor run found, as `--json` prints it. The field names are documented in
// docs/doctor.md and stay stable for scripts; phone numbers are masked and keys never appear.
import type { ConfigProblem, ProviderName } from '../../functions/lib/config/config';
import type { CallTraceReport } from './call-trace';
import type { AssetNote } from './configuration-check';
import type { LimitsReport } from './limits';
import type { NumberReport } from './number-check';
import type { RoutingReport } from './routing';
import type { TeamReport } from './team-report';
import type { Unproven } from './unproven';
import type { Failure } from './verdict';

export interface WaitReport {
  /** The team the doctor waited before, or null for the team list. */
  beforeTeam: string | null;
  seconds: number;
  /** The endpoint family whose allowance it waited for, e.g. "on-call schedule". */
  endpoint: string;
  documentedPerMinute: number;
  allowedPerMinute: number;
}

export interface DoctorReport {
  /** True exactly when the exit code is 0. */
  ready: boolean;
  envFile: string;
  envFileFound: boolean;
  assetsDir: string;
  provider: ProviderName;
  /** Why this provider: "ONCALL_PROVIDER", "chosen from the credentials set", or "no provider credentials are set". */
  providerReason: string;
  deployment: {
    /** The names of the variables deploy uploads (never their values). */
    uploaded: string[];
    /** ACCOUNT_SID and AUTH_TOKEN found in the env file: not uploaded; Twilio's cloud provides them. */
    providedByTwilio: string[];
    emptyNotUploaded: string[];
    /** The files of the assets folder that deploy ships. */
    shippedAssets: string[];
    assets: AssetNote[];
  };
  /** Every configuration problem, as the functions log it, with its severity. */
  problems: ConfigProblem[];
  limits: LimitsReport;
  /** The routing file as it stands now (per-number teams, hours, screening, ring strategies). */
  routing: RoutingReport;
  /** Why the provider's team list could not be read, when it was needed; null otherwise. */
  teamListProblem: { variable: string; message: string } | null;
  /** In menu order (only the --team one when given). */
  teams: TeamReport[];
  /** Every pause the doctor made to keep within its share of a rate limit. */
  waits: WaitReport[];
  number: NumberReport;
  callTrace: CallTraceReport;
  notChecked: Unproven[];
  /** Why the exit code is 1: one entry per problem, naming its variable, file or setting. */
  failures: Failure[];
}
