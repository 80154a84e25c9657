/**
 * PropertiesService with Apps Script's quotas: 9 KB per value and 500 KB per store (key plus
 * value, UTF-8). Script properties are shared; document properties belong to the container
 * document; user properties to the user running the script.
 */
import type { EmulatorContext } from './context';
import { runtimeFor } from './runtime';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

/** All property stores of a workspace, by scope key ("script", "document:<id>", "user:<email>"). */
export class PropertyStores {
  readonly stores = new Map<string, Map<string, string>>();

  store(key: string): Map<string, string> {
    let s = this.stores.get(key);
    if (!s) {
      s = new Map();
      this.stores.set(key, s);
    }
    return s;
  }

  toJSON(): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const [k, v] of this.stores) out[k] = Object.fromEntries(v);
    return out;
  }

  load(data: Record<string, Record<string, string>>): void {
    this.stores.clear();
    for (const [k, v] of Object.entries(data)) this.stores.set(k, new Map(Object.entries(v)));
  }
}

const stores = new WeakMap<EmulatorContext, PropertyStores>();

export function propertyStoresFor(ctx: EmulatorContext): PropertyStores {
  let s = stores.get(ctx);
  if (!s) {
    s = new PropertyStores();
    stores.set(ctx, s);
  }
  return s;
}

export class FakeProperties {
  constructor(private readonly ctx: EmulatorContext, private readonly scope: string) {}

  private get map(): Map<string, string> {
    return propertyStoresFor(this.ctx).store(this.scope);
  }

  private record(method: string): void {
    this.ctx.meter.record('PropertiesService', `Properties.${method}`);
  }

  /** Applies a change only if the store stays within quota afterwards. */
  private commit(next: Map<string, string>): void {
    for (const value of next.values()) {
      if (byteLength(value) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    }
    let total = 0;
    for (const [k, v] of next) total += byteLength(k) + byteLength(v);
    if (total > MAX_STORE_BYTES) throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    const map = this.map;
    map.clear();
    for (const [k, v] of next) map.set(k, v);
  }

  getProperty(key: string): string | null {
    this.record('getProperty');
    return this.map.get(key) ?? null;
  }

  getProperties(): Record<string, string> {
    this.record('getProperties');
    return Object.fromEntries(this.map);
  }

  getKeys(): string[] {
    this.record('getKeys');
    return [...this.map.keys()];
  }

  setProperty(key: string, value: string): this {
    this.record('setProperty');
    const next = new Map(this.map);
    next.set(String(key), String(value));
    this.commit(next);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    this.record('setProperties');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.map);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.commit(next);
    return this;
  }

  deleteProperty(key: string): this {
    this.record('deleteProperty');
    this.map.delete(key);
    return this;
  }

  deleteAllProperties(): this {
    this.record('deleteAllProperties');
    this.map.clear();
    return this;
  }
}

export class FakePropertiesService {
  constructor(private readonly ctx: EmulatorContext) {}

  getScriptProperties(): FakeProperties {
    this.ctx.meter.record('PropertiesService', 'getScriptProperties');
    return new FakeProperties(this.ctx, 'script');
  }

  /** Null outside a container-bound context, as in Apps Script. */
  getDocumentProperties(): FakeProperties | null {
    this.ctx.meter.record('PropertiesService', 'getDocumentProperties');
    const id = runtimeFor(this.ctx).activeSpreadsheetId;
    return id ? new FakeProperties(this.ctx, `document:${id}`) : null;
  }

  getUserProperties(): FakeProperties {
    this.ctx.meter.record('PropertiesService', 'getUserProperties');
    return new FakeProperties(this.ctx, `user:${this.ctx.effectiveUser.email}`);
  }
}
