// `npm run build`: the bundled functions and assets that twilio-run serves and deploys, in dist/.
//   (no flag)  local mode, for npm test: also the tools, and the example roster when there is
//              no assets/roster.private.json
//   --deploy   what `npm run deploy` uploads: functions and assets/ as it is, nothing else
//   --tools    only the simulator and the benchmark (npm run call, npm run mock-providers),
//              leaving dist/functions alone, so that a twilio-run serving them never finds
//              them missing
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFunctions, bundleTools, copyAssets } from './lib/bundle.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist');
const flags = process.argv.slice(2);
const unknown = flags.filter((flag) => flag !== '--tools' && flag !== '--deploy');
if (unknown.length > 0 || flags.length > 1) {
  console.error(`scripts/build.mjs: expected no flag, --deploy or --tools; got ${flags.join(' ')}`);
  process.exit(2);
}
const mode = flags[0] ?? 'local';

try {
  if (mode !== '--tools') {
    rmSync(out, { recursive: true, force: true });
    await bundleFunctions(root, join(out, 'functions'));
    const note = copyAssets(root, join(out, 'assets'), mode === '--deploy' ? 'deploy' : 'local');
    if (note) console.log(note);
  }
  if (mode !== '--deploy') await bundleTools(root, out);
} catch (error) {
  // esbuild has already printed each error with its file and line.
  const printed = Array.isArray(error?.errors);
  console.error(`scripts/build.mjs: build failed${printed ? ' (see above)' : `: ${error?.message ?? error}`}`);
  process.exit(1);
}
