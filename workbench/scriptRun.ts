/**
 * google.script.run, as the workbench serves it: the page's call arrives as JSON, runs as one
 * execution of the bundle's top-level function, and the result goes back as JSON. As in Apps
 * Script, a result holding a Date, a function or a class instance arrives as null, and an
 * error arrives as its message only.
 *
 * The bundle runs in its own node:vm realm, so "is this a plain object / a Date" is decided by
 * shape, not by instanceof or prototype identity (which differ between realms).
 */
import type { Workspace } from '../emulator';

export type RunOutcome = { ok: true; value: unknown } | { ok: false; error: string };

function isDate(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function isClientSafe(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'function' || isDate(value)) return false;
  if (Array.isArray(value)) return value.every(isClientSafe);
  if (typeof value === 'object') return isPlainObject(value) && Object.values(value as Record<string, unknown>).every(isClientSafe);
  return true;
}

export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

export function runForPage(workspace: Workspace, functionName: string, args: readonly unknown[]): RunOutcome {
  const fn = workspace.ctx.resolveFunction(functionName);
  if (!fn) return { ok: false, error: `Script function not found: ${functionName}` };
  const passed = JSON.parse(JSON.stringify(args)) as unknown[];
  try {
    const value = workspace.run(() => fn(...passed));
    return { ok: true, value: value === undefined ? null : isClientSafe(value) ? JSON.parse(JSON.stringify(value)) : null };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
