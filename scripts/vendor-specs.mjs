// Copies the parts of Twilio's and SendGrid's OpenAPI files that our code calls into
// test/contract/vendored/, so the contract tests of those calls run on every clone and in CI.
// Both specs are MIT (their LICENSE files are copied beside them); the providers' specs are not
// ours to vendor and stay in ../shared/specs. Run it again after adding a path to VENDORED:
//   node scripts/vendor-specs.mjs [path/to/shared/specs]
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const out = join(root, 'test', 'contract', 'vendored');

/** Each vendored file: its source in shared/specs, and the paths (with their methods) we keep. */
export const VENDORED = [
  {
    source: 'twilio/twilio_api_v2010.json',
    target: 'twilio_api_v2010.subset.json',
    license: 'twilio/LICENSE',
    licenseTarget: 'LICENSE.twilio',
    paths: {
      '/2010-04-01/Accounts/{AccountSid}/Messages.json': ['post'],
      '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json': ['get'],
      '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json': ['get', 'post'],
    },
  },
  {
    source: 'twilio/twilio_sync_v1.json',
    target: 'twilio_sync_v1.subset.json',
    license: 'twilio/LICENSE',
    licenseTarget: 'LICENSE.twilio',
    paths: {
      '/v1/Services/{ServiceSid}/Documents': ['post'],
      '/v1/Services/{ServiceSid}/Documents/{Sid}': ['get', 'post'],
    },
  },
  {
    source: 'sendgrid/tsg_mail_v3.json',
    target: 'tsg_mail_v3.subset.json',
    license: 'sendgrid/LICENSE',
    licenseTarget: 'LICENSE.sendgrid',
    paths: { '/v3/mail/send': ['post'] },
  },
];

function findSpecsDir() {
  const given = process.argv[2] ?? process.env.PROVIDER_SPECS_DIR;
  if (given) return resolve(given);
  for (let dir = root; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dirname(dir), 'shared', 'specs');
    if (existsSync(join(candidate, 'README.md'))) return candidate;
  }
  throw new Error('no shared/specs folder found: pass its path as the first argument');
}

/** Every "#/components/…" reference reachable from `value`, followed through the components. */
function referencedComponents(spec, start) {
  const seen = new Set();
  const pending = [start];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) pending.push(...value);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/') && !seen.has(child)) {
          seen.add(child);
          pending.push(resolvePointer(spec, child));
        } else pending.push(child);
      }
    }
  }
  return seen;
}

function resolvePointer(spec, pointer) {
  return pointer
    .slice(2)
    .split('/')
    .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
}

/** The security schemes named by the top-level requirement and by each kept operation's own. */
function securitySchemeNames(security, paths) {
  const requirements = [...(security ?? [])];
  for (const item of Object.values(paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'])
      requirements.push(...(item[method]?.security ?? []));
  }
  return [...new Set(requirements.flatMap((requirement) => Object.keys(requirement)))].sort();
}

function subset(spec, wanted) {
  const paths = {};
  for (const [path, methods] of Object.entries(wanted)) {
    const item = spec.paths[path];
    if (!item) throw new Error(`the spec has no path ${path}`);
    const kept = { ...item };
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) if (!methods.includes(method)) delete kept[method];
    for (const method of methods) if (!kept[method]) throw new Error(`the spec has no ${method} ${path}`);
    paths[path] = kept;
  }
  const components = {};
  for (const pointer of referencedComponents(spec, paths)) {
    const [, , kind, name] = pointer.split('/');
    components[kind] ??= {};
    components[kind][name] = spec.components[kind][name];
  }
  const { openapi, info, servers, security } = spec;
  // Security requirements name their schemes without a $ref: without these, the subset would
  // require an authentication it does not describe.
  for (const name of securitySchemeNames(security, paths)) {
    const scheme = spec.components.securitySchemes?.[name];
    if (!scheme) throw new Error(`the spec requires security scheme ${name} but does not define it`);
    components.securitySchemes ??= {};
    components.securitySchemes[name] = scheme;
  }
  return { openapi, info, servers, ...(security ? { security } : {}), paths, components };
}

const specsDir = findSpecsDir();
mkdirSync(out, { recursive: true });
for (const entry of VENDORED) {
  const spec = JSON.parse(readFileSync(join(specsDir, entry.source), 'utf8'));
  writeFileSync(join(out, entry.target), `${JSON.stringify(subset(spec, entry.paths), null, 2)}\n`);
  copyFileSync(join(specsDir, entry.license), join(out, entry.licenseTarget));
  console.log(`vendored ${entry.source} -> test/contract/vendored/${entry.target}`);
}
