/**
 * Turning workspace state into plain JSON and back. Dates and byte arrays survive the trip as
 * tagged objects ({"$date": iso}, {"$bytes": base64}); holes in sparse arrays become null.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function encode(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (Object.prototype.toString.call(value) === '[object Date]') return { $date: (value as Date).toISOString() };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) {
    const out: Json[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = i in value ? encode(value[i]) : null;
    return out;
  }
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined && typeof v !== 'function') out[k] = encode(v);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return null;
  return value as Json;
}

export function decode(json: unknown): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map(decode);
  // Already decoded (a loader decoding its part of a decoded whole): leave it.
  if (json instanceof Date || json instanceof Uint8Array) return json;
  const obj = json as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === '$date') return new Date(obj.$date as string);
  if (keys.length === 1 && keys[0] === '$bytes') return new Uint8Array(Buffer.from(obj.$bytes as string, 'base64'));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = decode(obj[k]);
  return out;
}

/** Rows as stored in a JSON layer (null for empty) back to a sparse row array. */
export function sparseRows<T>(rows: unknown): Array<Array<T | undefined> | undefined> {
  const out: Array<Array<T | undefined> | undefined> = [];
  if (!Array.isArray(rows)) return out;
  rows.forEach((row, i) => {
    if (!Array.isArray(row)) return;
    const r: Array<T | undefined> = [];
    row.forEach((v, j) => { if (v !== null && v !== undefined) r[j] = v as T; });
    out[i] = r;
  });
  return out;
}

/** Saves and restores one part of the workspace (a service's own state). */
export interface StateSerialiser {
  save(): unknown;
  load(data: unknown): void;
}

/** Encodes and decodes the `content` of Drive files of one MIME type. */
export interface FileContentCodec {
  save(content: unknown): unknown;
  load(data: unknown, fileId: string): unknown;
}
