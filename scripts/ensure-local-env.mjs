// `npm start` must work on a fresh clone with no account. The functions refuse any request
// they cannot verify, so local runs need an AUTH_TOKEN to sign with: make a random one.
// Deploys never upload AUTH_TOKEN from .env; Twilio's cloud provides the real one.
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

const path = '.env';
const localToken = () => randomBytes(16).toString('hex');

if (!existsSync(path)) {
  writeFileSync(
    path,
    [
      '# Made by `npm start` for local runs; see .env.example for every variable.',
      '# Local-only token: the call simulator signs requests with it, as Twilio would.',
      `AUTH_TOKEN=${localToken()}`,
      'NUMBER_OF_MENUS=1',
      '',
    ].join('\n'),
  );
  console.log('Created .env for a local run (static roster, no credentials).');
} else if (!/^AUTH_TOKEN=\S+/m.test(readFileSync(path, 'utf8'))) {
  appendFileSync(
    path,
    `\n# Added by \`npm start\`: local-only token for signing simulated calls.\nAUTH_TOKEN=${localToken()}\n`,
  );
  console.log('Added a local AUTH_TOKEN to .env: without one every request would be refused.');
}
