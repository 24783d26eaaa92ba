// Run by `npm run deploy` after its build: exits 1, saying why, when the routing file it would
// ship has mistakes (see routing-check.ts).
import { readDeployment } from '../doctor/deployment';
import { checkShippedRouting, describeRefusal } from './routing-check';

const deployment = readDeployment({
  cwd: process.cwd(),
  envFile: '.env',
  envFileGiven: false,
  assetsDir: 'assets',
  assetsDirGiven: false,
});
const check = checkShippedRouting(deployment);
if (check.problems.length > 0) {
  for (const line of describeRefusal(check)) console.error(line);
  process.exitCode = 1;
}
