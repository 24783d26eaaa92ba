// Bundles each Twilio Function into one self-contained file: in Twilio's cloud a
// function cannot require another by relative path, so shared code must travel inside it.
import { build } from 'esbuild';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist');
// --tools: only the simulator and the benchmark (npm run call, npm run mock-providers), leaving
// dist/functions alone, so that a twilio-run serving them meanwhile never finds them missing.
const toolsOnly = process.argv.includes('--tools');
if (!toolsOnly) rmSync(out, { recursive: true, force: true });

const functionEntries = readdirSync(join(root, 'functions'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join(root, 'functions', file));

const toolEntries = [
  'simulator/cli.ts',
  'simulator/mock-providers-cli.ts',
  'bench/first-ring.ts',
  'cli/connect-number/main.ts',
]
  .map((file) => join(root, file))
  .filter((file) => existsSync(file));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  // Installed by the runtime from package.json; bundling them would only bloat each function.
  external: ['twilio', 'axios'],
};

if (!toolsOnly) {
  await build({
    ...common,
    entryPoints: functionEntries,
    outdir: join(out, 'functions'),
  });
  cpSync(join(root, 'assets'), join(out, 'assets'), { recursive: true });
}

if (toolEntries.length > 0) {
  await build({
    ...common,
    entryPoints: toolEntries,
    outbase: root,
    outdir: out,
    packages: 'external',
  });
}
