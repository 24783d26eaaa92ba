// The number's status callback and the trace every call leaves in Sync: a caller who chose a team
// and was then left unheard gets a missed-call incident when the call ends; a call that ended well
// gets nothing more, however often the callback is delivered.
import nock from 'nock';
import {
  ALERT_PATH_PREFIX,
  captureAlerts,
  mockPlatformLookup,
  mockTeamList,
  TEAMS,
  VO_ALERT_URL,
  victorOpsEnv,
} from '../fixtures/victorops';
import { mockSync, traceEnv, traceName } from '../fixtures/sync';
import { logLines, PhoneCall, useSandbox } from './harness';

const sandbox = useSandbox();
const statusParams = { CallStatus: 'completed', CallDuration: '14', CallbackSource: 'call-progress-events' };

/** The trace of a caller who chose Platform and was gone before anyone answered. */
function leftAfterChoosingPlatform(sync: ReturnType<typeof mockSync>, call: PhoneCall): void {
  sync.documents.set(traceName(call.callSid), {
    caller: call.from,
    team: 'Platform',
    stage: 'team-chosen',
    incident: 'not-open',
    answered: false,
  });
}

const loggedIncidents = (): string[] =>
  logLines('log')
    .filter((line) => String(line.message).startsWith('Incident (static roster'))
    .map((line) => (line.incident as { kind: string; reason?: string }).kind);

describe('the trace a call leaves', () => {
  it('records the chosen team while the on-call chain is looked up', async () => {
    const sync = mockSync();
    const call = new PhoneCall({ ...traceEnv, NUMBER_OF_MENUS: '1' });
    const menu = await call.start();
    expect(sync.writes).toEqual([]);
    await call.follow(menu.attr('Gather', 'action'), { params: { Digits: '2' } });
    expect(sync.writes).toEqual([
      {
        name: traceName(call.callSid),
        data: { caller: call.from, team: 'Database', stage: 'team-chosen', incident: 'not-open', answered: false },
      },
    ]);
  });

  it('keeps the trace when the incident delivery spends the whole budget: the worst case is written beside it', async () => {
    const sync = mockSync();
    mockTeamList();
    // Every attempt hangs past its share of the caller's budget: nothing opens.
    nock(VO_ALERT_URL)
      .post(new RegExp(`^${ALERT_PATH_PREFIX}/`))
      .delay(2400)
      .times(5)
      .reply(200, { result: 'success' });
    const call = new PhoneCall({
      ...traceEnv,
      ...victorOpsEnv,
      TEAM_1: 'Platform',
      NUMBER_OF_MENUS: '0',
      NO_CALL: 'true',
    });
    const prompt = await call.start();
    expect(prompt.said).toContain('We could not alert the Platform team just now.');
    expect(sync.documents.get(traceName(call.callSid))).toMatchObject({
      team: 'Platform',
      stage: 'voicemail',
      incident: 'not-open',
    });
    nock.abortPendingRequests();
  }, 10_000);

  it('does not hold the first ring for a slow Sync: the write gets only a short grace after the lookup', async () => {
    const sync = mockSync({ delayMs: 700 });
    const call = new PhoneCall({ ...traceEnv, NUMBER_OF_MENUS: '0' });
    const started = Date.now();
    const answer = await call.start();
    expect(answer.has('Dial')).toBe(true);
    expect(Date.now() - started).toBeLessThan(400);
    // The write carried on after the answer, and landed.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(sync.writes).toHaveLength(1);
  });

  it('records that a responder took the call, and the incident of a voicemail', async () => {
    const sync = mockSync();
    mockPlatformLookup();
    captureAlerts(10);
    const call = new PhoneCall({ ...traceEnv, ...victorOpsEnv, TEAM_1: 'Platform', NUMBER_OF_MENUS: '0' });
    const ringing = await call.start();
    const whisper = await call.follow(ringing.attr('Number', 'url'));
    await call.follow(whisper.attr('Gather', 'action'), { params: { Digits: '1' } });
    expect(sync.documents.get(traceName(call.callSid))).toMatchObject({ stage: 'answered', answered: true });

    const other = new PhoneCall({ ...traceEnv, NUMBER_OF_MENUS: '2' });
    const main = await other.start();
    const teams = await other.follow(main.attr('Gather', 'action'), { params: { Digits: '2' } });
    await other.follow(teams.attr('Gather', 'action'), { params: { Digits: '1' } });
    // The static roster logs its incidents: open, as far as it goes.
    expect(sync.documents.get(traceName(other.callSid))).toMatchObject({ stage: 'voicemail', incident: 'open' });
  });

  it('goes on without a trace when Sync fails, and says so once per write', async () => {
    mockSync({ status: 503 });
    const call = new PhoneCall({ ...traceEnv, NUMBER_OF_MENUS: '0' });
    const answer = await call.start();
    expect(answer.has('Dial')).toBe(true);
    expect(logLines('warn').map((line) => line.message)).toContain(
      'Could not record the call trace; /call-status will know less of this call',
    );
  });
});

describe('/call-status: the call is over', () => {
  it('opens a missed-call incident for a caller who chose a team and hung up before anyone rang', async () => {
    const sync = mockSync();
    const call = new PhoneCall({ ...traceEnv, NUMBER_OF_MENUS: '1' });
    const menu = await call.start();
    await call.follow(menu.attr('Gather', 'action'), { params: { Digits: '1' } });
    // The caller hangs up during "Connecting you to Alice": Twilio requests nothing but this.
    const answer = await call.send('call-status', undefined, { params: statusParams });
    expect(answer.verbs).toEqual([]);
    expect(loggedIncidents()).toEqual(['missed-call']);
    const incident = logLines('log').find((line) => String(line.message).startsWith('Incident'))?.incident;
    expect(incident).toMatchObject({ team: 'Platform', reason: 'hung-up-before-ringing', caller: call.from });
    expect(sync.documents.get(traceName(call.callSid))).toMatchObject({ incident: 'open' });

    // Delivered twice: nothing opens twice.
    await call.send('call-status', undefined, { params: statusParams });
    expect(loggedIncidents()).toEqual(['missed-call']);
  });

  it('sends nothing more for a call a responder took', async () => {
    const sync = mockSync();
    const call = new PhoneCall({ ...traceEnv });
    sync.documents.set(traceName(call.callSid), {
      caller: call.from,
      team: 'Platform',
      stage: 'answered',
      incident: 'not-open',
      answered: true,
    });
    await call.send('call-status', undefined, { params: statusParams });
    expect(loggedIncidents()).toEqual([]);
    expect(logLines('log').map((line) => line.message)).toContain('Call ended: a responder took the call');
  });

  it('sends nothing for a caller who hung up at the menu, unless RECORD_MENU_HANGUPS asks for a record', async () => {
    mockSync();
    const quiet = new PhoneCall({ ...traceEnv, NUMBER_OF_MENUS: '1' });
    await quiet.start();
    await quiet.send('call-status', undefined, { params: statusParams });
    expect(loggedIncidents()).toEqual([]);

    const recording = new PhoneCall({ ...traceEnv, NUMBER_OF_MENUS: '1', RECORD_MENU_HANGUPS: 'true' });
    await recording.start();
    await recording.send('call-status', undefined, { params: statusParams });
    expect(loggedIncidents()).toEqual(['menu-hang-up']);
  });

  it("records a menu hang-up for the provider's first team when no TEAM_n is set", async () => {
    mockSync();
    mockTeamList();
    const alerts = captureAlerts(1);
    const call = new PhoneCall({ ...traceEnv, ...victorOpsEnv, NUMBER_OF_MENUS: '1', RECORD_MENU_HANGUPS: 'true' });
    await call.send('call-status', undefined, { params: statusParams });
    expect(alerts.routingKeys).toEqual([TEAMS.platform.slug]);
    expect(alerts.alerts[0]).toMatchObject({ message_type: 'INFO' });
  });

  it('reads the trace again after a failure a retry can mend, and then opens the missed call', async () => {
    const sync = mockSync({ failedReads: 1 });
    const call = new PhoneCall({ ...traceEnv });
    leftAfterChoosingPlatform(sync, call);
    await call.send('call-status', undefined, { params: statusParams });
    expect(loggedIncidents()).toEqual(['missed-call']);
  });

  it('does nothing, and says why, when the trace cannot be read', async () => {
    mockSync({ status: 500 });
    const call = new PhoneCall({ ...traceEnv });
    await call.send('call-status', undefined, { params: statusParams });
    expect(loggedIncidents()).toEqual([]);
    expect(logLines('warn').map((line) => line.message)).toContain(
      'Call ended; its trace cannot be read, so nothing more is done',
    );
  });

  it('does nothing without a trace store (no ACCOUNT_SID locally)', async () => {
    const call = new PhoneCall({});
    await call.send('call-status', undefined, { params: statusParams });
    expect(loggedIncidents()).toEqual([]);
    expect(sandbox.unmatched).toEqual([]);
  });

  it('opens nothing for an unsigned request', async () => {
    const sync = mockSync();
    const call = new PhoneCall({ ...traceEnv });
    leftAfterChoosingPlatform(sync, call);
    await call.send('call-status', undefined, { params: statusParams, signing: 'none' });
    expect(loggedIncidents()).toEqual([]);
  });
});
