/**
 * Runs the built add-on (dist/Code.js) the way Apps Script does: as one classic script in a
 * global scope holding the services, so that its top-level functions are what menus, triggers
 * and google.script.run call by name. Used by the bundle test, the workbench and the benchmark.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { Workspace } from './workspace';

export interface LoadedBundle {
  /** The script's global scope: its top-level functions are properties of it. */
  readonly context: vm.Context & Record<string, unknown>;
  /** Names of the script's top-level functions. */
  readonly functions: string[];
}

export const DEFAULT_DIST = path.resolve(__dirname, '..', 'dist');

/** The dist/*.html pages by name, for HtmlService.createHtmlOutputFromFile. */
export function readHtmlFiles(dist = DEFAULT_DIST): Record<string, string> {
  if (!fs.existsSync(dist)) return {};
  return Object.fromEntries(
    fs.readdirSync(dist).filter((f) => f.endsWith('.html')).map((f) => [path.basename(f, '.html'), fs.readFileSync(path.join(dist, f), 'utf8')]),
  );
}

export function loadBundle(workspace: Workspace, code = fs.readFileSync(path.join(DEFAULT_DIST, 'Code.js'), 'utf8')): LoadedBundle {
  const context = vm.createContext({ ...workspace.globals }) as vm.Context & Record<string, unknown>;
  // A syntax Apps Script rejects (import/export) fails here, as it would on push.
  new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
  workspace.install(context);
  const functions = Object.keys(context).filter((k) => typeof context[k] === 'function' && !(k in workspace.globals));
  return { context, functions };
}
