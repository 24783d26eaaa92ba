// @ts-check
// The pure parts of `npm start` (scripts/start.mjs): the twilio-run command line, which file
// events matter, and a rebuild loop that never runs two builds at once.
// CommonJS because jest (on Node 20) cannot load an .mjs file; scripts/start.mjs imports it.

/**
 * The arguments for `twilio-run start`. --no-live keeps modules and their caches loaded between
 * requests and --no-fork-process serves them all from one process, as a warm Twilio container
 * does; start.mjs reloads by restarting twilio-run instead. Arguments given after
 * `npm start --` come last, so they win (yargs keeps the last of a repeated boolean).
 * @param {{ passThrough: string[], envFile: string, functionsFolder: string, assetsFolder: string }} options
 * @returns {string[]}
 */
function twilioRunStartArgs({ passThrough, envFile, functionsFolder, assetsFolder }) {
  const own = [
    '--functions-folder',
    functionsFolder,
    '--assets-folder',
    assetsFolder,
    '--no-live',
    '--no-fork-process',
  ];
  // Two --env flags would reach twilio-run as an array; the one given on the command line wins.
  const env = givesEnvFile(passThrough) ? [] : ['--env', envFile];
  return ['start', ...own, ...env, ...passThrough];
}

/** @param {string[]} args */
function givesEnvFile(args) {
  return args.some((arg) => arg === '--env' || arg.startsWith('--env='));
}

/**
 * Whether a change reported by fs.watch should trigger a rebuild: editors' swap, backup and
 * lock files should not.
 * @param {string | null} fileName relative to the watched folder; null when the OS does not say
 */
function isSourceChange(fileName) {
  if (fileName === null) return true;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return !/(^\.#|~$|\.sw[a-z]$|^4913$)/.test(base);
}

/** The files whose change means new variables for twilio-run (watched in the project root). */
const ENV_FILES = ['.env', '.env.local'];

/**
 * Runs `task` on request, one run at a time: requests that arrive during a run are merged
 * into a single run after it, so a burst of saves costs at most one extra build.
 * @param {() => Promise<void>} task
 * @param {(error: unknown) => void} onError told of a run that failed; later requests still run
 * @returns {{ request(): void, idle(): Promise<void> }}
 */
function serialRunner(task, onError) {
  let running = false;
  let pending = false;
  /** @type {Promise<void>} */
  let current = Promise.resolve();
  const run = async () => {
    running = true;
    try {
      do {
        pending = false;
        try {
          await task();
        } catch (error) {
          onError(error);
        }
      } while (pending);
    } finally {
      running = false;
    }
  };
  return {
    request() {
      if (running) {
        pending = true;
        return;
      }
      current = run();
    },
    idle() {
      return current;
    },
  };
}

module.exports = { twilioRunStartArgs, givesEnvFile, isSourceChange, ENV_FILES, serialRunner };
