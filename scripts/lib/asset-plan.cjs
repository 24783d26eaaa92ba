// @ts-check
// Which files of assets/ are served or deployed, and under which name. Operators keep their
// real data in git-ignored *.private.json files; the tracked *.example.json files only show the
// format, so they are never served. A local run without a roster of its own borrows the
// example roster, so that a fresh clone rings someone; a deploy ships only what is there.
// CommonJS because jest (on Node 20) cannot load an .mjs file; the build and the tests share it.

const ROSTER = 'roster.private.json';
const EXAMPLE_ROSTER = 'roster.example.json';

/**
 * @typedef {object} AssetPlan
 * @property {{ from: string, to: string }[]} copies paths relative to assets/, '/'-separated
 * @property {string | undefined} note one line for the log, when the plan is worth knowing
 */

/** @param {string} path */
function isExample(path) {
  return /(^|\/)[^/]*\.example\.json$/.test(path);
}

/**
 * @param {string[]} files every file under assets/, relative to it, '/'-separated
 * @param {'local' | 'deploy'} mode
 * @returns {AssetPlan}
 */
function planAssets(files, mode) {
  const copies = files.filter((file) => !isExample(file)).map((file) => ({ from: file, to: file }));
  if (files.includes(ROSTER)) return { copies, note: undefined };
  if (mode === 'deploy') {
    return {
      copies,
      note: `No assets/${ROSTER}: the deployed static roster (ONCALL_PROVIDER=static or ROSTER_FALLBACK) has nobody to ring.`,
    };
  }
  if (!files.includes(EXAMPLE_ROSTER)) return { copies, note: undefined };
  return {
    copies: [...copies, { from: EXAMPLE_ROSTER, to: ROSTER }],
    note: `No assets/${ROSTER}: using assets/${EXAMPLE_ROSTER} as the static roster (copy it to assets/${ROSTER} to make your own).`,
  };
}

module.exports = { planAssets, isExample };
