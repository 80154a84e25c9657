// `npm run bench [-- --json] [-- --sizes=50,500] [-- --only=daily]`: builds dist/ when it is
// missing or older than the sources, then runs bench/run.ts (TypeScript, through tsx) on the
// built bundle. Build output goes to stderr, so with --json stdout holds only the JSON object.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'Code.js');

/** Newest modification time of the files the bundle is built from. */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of ['src', 'appsscript.json', 'webpack.config.cjs', 'scripts/build.mjs']) {
    const full = path.join(root, p);
    if (fs.existsSync(full)) visit(full);
  }
  return newest;
}

const stale = !fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < newestSource();
if (stale) {
  process.stderr.write('dist/ is missing or older than the sources: building first.\n');
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) {
    process.stderr.write('The build failed, so there is nothing current to measure.\n');
    process.exit(built.status ?? 1);
  }
}

const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const run = spawnSync(process.execPath, [tsx, path.join(root, 'bench', 'run.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-old-space-size=6144'].filter(Boolean).join(' ') },
});
process.exit(run.status ?? 1);
