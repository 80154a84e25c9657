/**
 * CacheService: values up to 100 KB, keys up to 250 characters, lifetimes up to 6 hours
 * (default 10 minutes), expiring by the workspace clock (ctx.now, moved by Utilities.sleep or
 * the test). Caches are not persisted: like the real ones they may vanish at any time.
 */
import type { EmulatorContext } from './context';
import { runtimeFor } from './runtime';

export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
export const MAX_CACHE_KEY_LENGTH = 250;
export const MAX_TTL_SECONDS = 21600;
export const DEFAULT_TTL_SECONDS = 600;

interface Entry { value: string; expiresAt: number }

const caches = new WeakMap<EmulatorContext, Map<string, Map<string, Entry>>>();

/** Every cache of a workspace by scope key; clear() empties them (a test simulating eviction). */
export function cachesFor(ctx: EmulatorContext): Map<string, Map<string, Entry>> {
  let c = caches.get(ctx);
  if (!c) {
    c = new Map();
    caches.set(ctx, c);
  }
  return c;
}

export class FakeCache {
  constructor(private readonly ctx: EmulatorContext, private readonly scope: string) {}

  private get map(): Map<string, Entry> {
    const all = cachesFor(this.ctx);
    let m = all.get(this.scope);
    if (!m) {
      m = new Map();
      all.set(this.scope, m);
    }
    return m;
  }

  private record(method: string): void {
    this.ctx.meter.record('CacheService', `Cache.${method}`);
  }

  private read(key: string): string | null {
    const e = this.map.get(key);
    if (!e) return null;
    if (e.expiresAt <= this.ctx.now().getTime()) {
      this.map.delete(key);
      return null;
    }
    return e.value;
  }

  private write(key: string, value: string, ttlSeconds: number): void {
    if (key.length > MAX_CACHE_KEY_LENGTH) throw new Error('Argument too large: key');
    if (Buffer.byteLength(value, 'utf8') > MAX_CACHE_VALUE_BYTES) throw new Error('Argument too large: value');
    const ttl = Math.min(Math.max(1, ttlSeconds), MAX_TTL_SECONDS);
    this.map.set(key, { value, expiresAt: this.ctx.now().getTime() + ttl * 1000 });
  }

  get(key: string): string | null {
    this.record('get');
    return this.read(key);
  }

  getAll(keys: string[]): Record<string, string> {
    this.record('getAll');
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.read(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds = DEFAULT_TTL_SECONDS): void {
    this.record('put');
    this.write(String(key), String(value), expirationInSeconds);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds = DEFAULT_TTL_SECONDS): void {
    this.record('putAll');
    for (const [k, v] of Object.entries(values)) this.write(k, String(v), expirationInSeconds);
  }

  remove(key: string): void {
    this.record('remove');
    this.map.delete(key);
  }

  removeAll(keys: string[]): void {
    this.record('removeAll');
    for (const k of keys) this.map.delete(k);
  }
}

export class FakeCacheService {
  constructor(private readonly ctx: EmulatorContext) {}

  getScriptCache(): FakeCache {
    this.ctx.meter.record('CacheService', 'getScriptCache');
    return new FakeCache(this.ctx, 'script');
  }

  getDocumentCache(): FakeCache | null {
    this.ctx.meter.record('CacheService', 'getDocumentCache');
    const id = runtimeFor(this.ctx).activeSpreadsheetId;
    return id ? new FakeCache(this.ctx, `document:${id}`) : null;
  }

  getUserCache(): FakeCache {
    this.ctx.meter.record('CacheService', 'getUserCache');
    return new FakeCache(this.ctx, `user:${this.ctx.effectiveUser.email}`);
  }
}
