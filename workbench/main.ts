/**
 * npm start runs this (through scripts/start.mjs, after building): the workbench on
 * http://localhost:8080, or PORT, or --port N (0 picks a free port). --reset starts afresh with
 * the demo school; --state-dir DIR keeps the state somewhere other than .workbench/.
 */
import path from 'node:path';
import { seedDemoSchool, SCHOOL_NAME } from './demoSchool';
import { createServer } from './server';
import { Workbench } from './workbench';

const root = path.resolve(__dirname, '..');

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function main(): void {
  const args = process.argv.slice(2);
  const reset = args.includes('--reset');
  const port = Number(option(args, '--port') ?? process.env.PORT ?? 8080);
  const stateDir = path.resolve(option(args, '--state-dir') ?? path.join(root, '.workbench'));
  const stateFile = path.join(stateDir, 'state.json');
  const dist = path.resolve(option(args, '--dist') ?? path.join(root, 'dist'));

  const started = Date.now();
  const bench = new Workbench({ dist, stateFile, reset, seed: (b) => seedDemoSchool(b) });
  const server = createServer(bench, path.relative(process.cwd(), stateFile) || stateFile);

  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    const url = `http://localhost:${actual}`;
    const how = bench.seeded ? `seeded ${SCHOOL_NAME}, the demo school, in ${((Date.now() - started) / 1000).toFixed(1)}s` : `carried on from ${stateFile}`;
    console.log([
      '',
      `Health Needs Register workbench: ${how}.`,
      '',
      `  Open ${url}`,
      '',
      'Try first:',
      `  1. ${url}/sidebar  choose a pupil from the open cases and log a contact`,
      `  2. ${url}/forms    fill in the contact Form as a teacher would`,
      `  3. ${url}/         run the daily check, then see Contact compliance and the Outbox`,
      '',
      `Work is kept in ${stateFile}; "npm start -- --reset" starts afresh. Ctrl+C stops.`,
      `Workbench ready on ${url}`,
    ].join('\n'));
  });

  const stop = () => {
    bench.save();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
