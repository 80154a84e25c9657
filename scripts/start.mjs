// npm start: builds the add-on, then runs the local workbench (workbench/main.ts, with tsx) on
// http://localhost:8080 (PORT or --port overrides). Arguments after "--" go to the workbench:
//   npm start -- --reset        start afresh with the demo school
//   npm start -- --port 9000    another port
//   npm start -- --no-build     use the dist/ already built
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

if (!args.includes('--no-build')) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const child = spawn(process.execPath, [tsx, path.join(root, 'workbench/main.ts'), ...args.filter((a) => a !== '--no-build')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
