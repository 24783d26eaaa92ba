// The build steps shared by scripts/build.mjs and scripts/start.mjs.
// Each Twilio Function is bundled into one self-contained file: in Twilio's cloud a function
// cannot require another by relative path, so shared code must travel inside it.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { planAssets } from './asset-plan.cjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  // Installed by the runtime from package.json; bundling them would only bloat each function.
  external: ['twilio', 'axios'],
  // The functions load axios on their first request with import(). As a require() it finds the
  // copy the runtime already loaded with the twilio library; a real import() would load axios's
  // separate ES module build a second time.
  supported: { 'dynamic-import': false },
};

/** Bundles root/functions/*.ts into outDir. Rejects (esbuild has printed why) on a build error. */
export async function bundleFunctions(root, outDir) {
  const entryPoints = readdirSync(join(root, 'functions'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(root, 'functions', file));
  await build({ ...common, entryPoints, outdir: outDir });
}

/**
 * Copies root/assets into outDir as planAssets says for the mode ('local' or 'deploy').
 * Returns the plan's note (one log line) or undefined.
 */
export function copyAssets(root, outDir, mode) {
  const source = join(root, 'assets');
  const files = existsSync(source)
    ? readdirSync(source, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) =>
          join(entry.parentPath ?? entry.path, entry.name)
            .slice(source.length + 1)
            .replaceAll('\\', '/'),
        )
    : [];
  const plan = planAssets(files, mode);
  mkdirSync(outDir, { recursive: true });
  for (const { from, to } of plan.copies) {
    mkdirSync(dirname(join(outDir, to)), { recursive: true });
    cpSync(join(source, from), join(outDir, to));
  }
  return plan.note;
}

/** Bundles the simulator, benchmark and operator CLIs (npm run call, mock-providers, bench, connect-number, doctor) into outDir. */
export async function bundleTools(root, outDir) {
  const entryPoints = [
    'simulator/cli.ts',
    'simulator/mock-providers-cli.ts',
    'bench/main.ts',
    'bench/http-probe.ts',
    'bench/load-probe.ts',
    'cli/connect-number/main.ts',
    'cli/doctor/main.ts',
    'cli/deploy-check/main.ts',
  ]
    .map((file) => join(root, file))
    .filter((file) => existsSync(file));
  if (entryPoints.length === 0) return;
  await build({ ...common, entryPoints, outbase: root, outdir: outDir, packages: 'external' });
}
