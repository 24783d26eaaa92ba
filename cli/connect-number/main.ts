// `npm run connect-number -- --number +E164 --url https://<service domain>`: points a Twilio
// phone number at the deployed functions (see docs/connecting-a-number.md).
import { runConnectNumber } from './run';

void runConnectNumber({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
}).then((code) => {
  process.exitCode = code;
});
