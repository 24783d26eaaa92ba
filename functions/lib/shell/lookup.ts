import type { OnCallLookup, Team } from '../core/types';
import { withDeadline } from './deadline';
import { describeError, type Logger } from './log';
import type { CallSetup } from './setup';

/** Asks the provider who is on call, within the lookup budget; a failure is an answer, not an exception. */
export async function lookUpOnCall(setup: CallSetup, team: Team, log: Logger): Promise<OnCallLookup> {
  const started = Date.now();
  try {
    const chain = await withDeadline(setup.config.lookupTimeoutMs, `on-call lookup for ${team.name}`, (signal) =>
      setup.provider.lookUpOnCallChain(team, signal),
    );
    log.info('On-call chain found', {
      provider: setup.provider.name,
      team: team.name,
      responders: chain.map((r) => r.name),
      ms: Date.now() - started,
    });
    return { ok: true, chain };
  } catch (error) {
    const problem = describeError(error);
    log.error('On-call lookup failed; the caller goes to voicemail', {
      provider: setup.provider.name,
      team: team.name,
      problem,
      ms: Date.now() - started,
    });
    return { ok: false, problem };
  }
}
