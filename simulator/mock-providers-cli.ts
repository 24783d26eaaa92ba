// `npm run mock-providers -- --port 4010 [--latency 200] [--fault /api-public/v2=500]`
import { parseArgs } from 'node:util';
import {
  faultFromSpec,
  MOCK_REFUSED_KEY,
  opsgenieScheduleName,
  pagerDutyIds,
  startMockProviders,
  type MockFault,
  type MockRoster,
} from './mock-providers';
import { loadMockRoster } from './mock-providers/roster-file';

const USAGE = `Usage: npm run mock-providers -- [options]

  --port N            port to listen on (default 4010; 0 = any free port)
  --host ADDRESS      address to bind (default 127.0.0.1)
  --latency MS        delay every provider response by MS
  --fault PATH=SPEC   inject a fault (repeatable). SPEC: an HTTP status (500),
                      hang, malformed-json, rate-limit or latency:MS; add @N to
                      affect only the next N requests. PATH is a prefix or *.
  --roster FILE       serve this roster (JSON) instead of the default one
  --quiet             do not log each request

Control endpoints: GET /__requests, POST /__reset, GET|POST|DELETE /__faults,
POST /__latency {"ms": N}, GET /__roster, GET /__incidents, GET /__sync (Twilio Sync
Documents), GET /__mail (e-mails SendGrid accepted).`;

function describeRoster(roster: MockRoster): string[] {
  const phoneOf = (username: string): string => {
    const user = roster.users.find((candidate) => candidate.username === username);
    return user?.phones[0]?.value ?? 'no phone';
  };
  const lines: string[] = [];
  const ids = pagerDutyIds(roster);
  for (const team of roster.teams) {
    for (const policy of team.policies) {
      const steps = policy.steps.map((step, index) => {
        const people = step.map((entry) =>
          entry.overrideUser
            ? `${entry.overrideUser} (${phoneOf(entry.overrideUser)}, overriding ${entry.user})`
            : `${entry.user} (${phoneOf(entry.user)})`,
        );
        return `step ${index}: ${people.length > 0 ? people.join(', ') : 'nobody'}`;
      });
      lines.push(`  ${team.name} [${team.slug}] / ${policy.name}: ${steps.join('; ')}`);
      lines.push(
        `    PagerDuty policy ${ids.policyId(policy)}, Opsgenie schedule ${opsgenieScheduleName(team, policy)}`,
      );
    }
  }
  return lines;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      latency: { type: 'string' },
      fault: { type: 'string', multiple: true },
      roster: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  const latencyMs = values.latency === undefined ? 0 : Number(values.latency);
  if (!Number.isInteger(port) || port < 0) throw new Error(`--port: "${values.port}" is not a port`);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error(`--latency: "${values.latency}" is not a duration`);
  const faults: MockFault[] = (values.fault ?? []).map(faultFromSpec);
  const roster = values.roster ? loadMockRoster(values.roster) : undefined;

  const mock = await startMockProviders({
    port,
    host: values.host,
    latencyMs,
    faults,
    ...(roster ? { roster } : {}),
    onRequest: values.quiet
      ? undefined
      : (request) => {
          const fault = request.fault ? ` [fault: ${request.fault}]` : '';
          const query =
            Object.keys(request.query).length > 0 ? `?${new URLSearchParams(request.query).toString()}` : '';
          console.log(
            `${request.time} ${request.method} ${request.path}${query} → ${request.status ?? 'hanging'} (${request.ms ?? 0} ms)${fault}`,
          );
        },
  });
  console.log(`Mock providers listening on ${mock.url}`);
  console.log(
    'Splunk On-Call, PagerDuty (REST and Events v2), Opsgenie, and Twilio Messages, Twilio Sync and SendGrid ' +
      'Mail Send, all on this base URL. Roster:',
  );
  for (const line of describeRoster(mock.roster)) console.log(line);
  console.log(
    `Any API key is taken, except ${MOCK_REFUSED_KEY}, which is refused (HTTP 401) as a revoked key would be.`,
  );
  const twilio = mock.twilioAccount;
  const numbers = mock.twilioNumbers.list().map((number) => number.phoneNumber);
  console.log(
    `Twilio IncomingPhoneNumbers (npm run connect-number with TWILIO_API_URL=${mock.url}), numbers ${numbers.join(', ')}:`,
  );
  console.log(
    `  ACCOUNT_SID=${twilio.accountSid} TWILIO_API_KEY=${twilio.apiKeySid} TWILIO_API_SECRET=${twilio.apiKeySecret}` +
      ` (or AUTH_TOKEN=${twilio.authToken})`,
  );
  if (latencyMs > 0) console.log(`Latency: ${latencyMs} ms`);
  for (const fault of faults) console.log(`Fault: ${JSON.stringify(fault)}`);

  const shutdown = (): void => {
    mock.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
