/**
 * Starts the real workbench (npm start's server, on the built dist/) as a child process on a free
 * port with its own state folder, seeded afresh, and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');

export interface RunningWorkbench {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly stateDir: string;
  stop(): Promise<void>;
}

export function startWorkbench(timeoutMs = 90000): Promise<RunningWorkbench> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hnr-workbench-'));
  const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const child: ChildProcess = spawn(process.execPath, [tsx, path.join(ROOT, 'workbench/main.ts'), '--port', '0', '--state-dir', stateDir, '--reset'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' },
  });
  let output = '';
  const stop = () => new Promise<void>((resolve) => {
    const done = () => { fs.rmSync(stateDir, { recursive: true, force: true }); resolve(); };
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', done);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { void stop(); reject(new Error(`The workbench did not start within ${timeoutMs} ms:\n${output}`)); }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Workbench ready on http:\/\/localhost:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${m[1]}`, stateDir, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The workbench stopped (exit code ${code}) before it was ready:\n${output}`));
    });
  });
}
