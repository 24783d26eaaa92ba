// `npm run doctor [-- --env FILE --team NAME --number +E164 --json]`: checks a deployment's
// configuration and who would be called now, changing nothing (see docs/doctor.md).
import { runDoctor } from './run';

void runDoctor({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
}).then((code) => {
  process.exitCode = code;
});
