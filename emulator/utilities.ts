/**
 * Utilities and Blob. Byte arrays follow Java, as Apps Script does: getBytes/computeDigest return
 * plain arrays of signed bytes (-128..127). formatDate implements SimpleDateFormat patterns in
 * any IANA zone; sleep advances the workspace's modelled clock instead of blocking.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { EmulatorContext } from './context';
import { makeEnum } from './enums';
import { runtimeFor } from './runtime';
import { offsetMinutes, zonedParts } from './timezone';

export const Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);
export const DigestAlgorithm = makeEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);
export const MacAlgorithm = makeEnum(['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const);

type ByteInput = string | number[] | Uint8Array;

/** Java bytes are signed: 200 becomes -56. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] > 127 ? bytes[i] - 256 : bytes[i];
  return out;
}

export function toBuffer(data: ByteInput, charset?: string): Buffer {
  if (typeof data === 'string') return Buffer.from(data, String(charset) === 'US_ASCII' ? 'latin1' : 'utf8');
  return Buffer.from(Array.from(data, (b) => b & 0xff));
}

const NODE_DIGEST: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const NODE_HMAC: Record<string, string> = { HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' };

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf', 'text/plain': 'txt', 'text/csv': 'csv', 'text/html': 'html', 'application/json': 'json',
  'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif',
};

export class FakeBlob {
  private bytes: Buffer;

  constructor(data: ByteInput = '', private contentType: string | null = null, private name: string | null = null) {
    this.bytes = toBuffer(data);
  }

  getBytes(): number[] { return toSignedBytes(this.bytes); }
  setBytes(data: number[]): this { this.bytes = toBuffer(data); return this; }
  getDataAsString(charset?: string): string { return this.bytes.toString(String(charset) === 'US_ASCII' ? 'latin1' : 'utf8'); }
  setDataFromString(string: string, charset?: string): this { this.bytes = toBuffer(string, charset); return this; }
  getContentType(): string | null { return this.contentType; }
  setContentType(contentType: string | null): this { this.contentType = contentType; return this; }
  getName(): string | null { return this.name; }
  setName(name: string): this { this.name = name; return this; }
  isGoogleType(): boolean { return false; }
  getBlob(): this { return this; }
  copyBlob(): FakeBlob { return new FakeBlob(Uint8Array.from(this.bytes), this.contentType, this.name); }

  /**
   * Same bytes under another content type, renaming "x.txt" to "x.pdf" as Apps Script does. Real
   * conversion (e.g. a document to PDF) is the job of the service that owns the document.
   */
  getAs(contentType: string): FakeBlob {
    const ext = EXTENSIONS[contentType];
    const name = this.name && ext ? this.name.replace(/(\.[^.]*)?$/, `.${ext}`) : this.name;
    return new FakeBlob(Uint8Array.from(this.bytes), contentType, name);
  }

  /** Node-side access for the other fakes (Drive stores the bytes). */
  rawBytes(): Uint8Array { return Uint8Array.from(this.bytes); }
}

// ------------------------------------------------------------------ formatDate

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function zoneName(date: Date, timeZone: string, long: boolean): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: long ? 'long' : 'short' }).formatToParts(date);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

function offsetText(minutes: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  if (minutes === 0 && style !== 'Z') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  if (style === 'X') return `${sign}${hh}`;
  if (style === 'XXX') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

/** SimpleDateFormat: letters repeat for width; text in '…' is literal; '' is an apostrophe. */
export function formatDate(date: Date, timeZone: string, format: string): string {
  if (Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
  const p = zonedParts(date, timeZone);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  let out = '';
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    if (ch === "'") {
      if (format[i + 1] === "'") { out += "'"; i += 2; continue; }
      const end = format.indexOf("'", i + 1);
      const stop = end < 0 ? format.length : end;
      out += format.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) { out += ch; i++; continue; }
    let n = 1;
    while (format[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'G': out += 'AD'; break;
      case 'y': case 'Y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n); break;
      case 'M': case 'L':
        out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n); break;
      case 'd': out += pad(p.day, n); break;
      case 'D': {
        const dayOfYear = Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000) + 1;
        out += pad(dayOfYear, n);
        break;
      }
      case 'E': out += n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3); break;
      case 'u': out += pad(p.weekday === 0 ? 7 : p.weekday, n); break;
      case 'a': out += p.hour < 12 ? 'AM' : 'PM'; break;
      case 'H': out += pad(p.hour, n); break;
      case 'k': out += pad(p.hour === 0 ? 24 : p.hour, n); break;
      case 'K': out += pad(p.hour % 12, n); break;
      case 'h': out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n); break;
      case 'm': out += pad(p.minute, n); break;
      case 's': out += pad(p.second, n); break;
      case 'S': out += pad(p.millisecond, n); break;
      case 'z': out += zoneName(date, timeZone, n >= 4); break;
      case 'Z': out += offsetText(offsetMinutes(date, timeZone), 'Z'); break;
      case 'X': out += offsetText(offsetMinutes(date, timeZone), n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX'); break;
      default: throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

// ------------------------------------------------------------------ CSV

/** RFC 4180: quoted fields may hold delimiters, newlines and doubled quotes. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => { row.push(field); rows.push(row); row = []; field = ''; };
  while (i < csv.length) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"') {
        if (csv[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += ch; i++; continue;
    }
    if (ch === '"' && field === '') { quoted = true; i++; continue; }
    if (ch === delimiter) { row.push(field); field = ''; i++; continue; }
    if (ch === '\r' && csv[i + 1] === '\n') { endRow(); i += 2; continue; }
    if (ch === '\n' || ch === '\r') { endRow(); i++; continue; }
    field += ch; i++;
  }
  // A final newline ends the last row rather than starting an empty one.
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

// ------------------------------------------------------------------ the service

export const MAX_SLEEP_MS = 300000;

export class FakeUtilities {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;

  constructor(private readonly ctx: EmulatorContext) {}

  private record(method: string): void {
    this.ctx.meter.record('Utilities', method);
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    this.record('formatDate');
    return formatDate(date, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    this.record('formatString');
    let i = 0;
    return template.replace(/%(-?\d*)(?:\.(\d+))?([sdif%])/g, (_m, width: string, precision: string | undefined, type: string) => {
      if (type === '%') return '%';
      const v = args[i++];
      let text: string;
      if (type === 'd' || type === 'i') text = String(Math.trunc(Number(v)));
      else if (type === 'f') text = Number(v).toFixed(precision === undefined ? 6 : Number(precision));
      else text = String(v);
      const w = Number(width || 0);
      return w < 0 ? text.padEnd(-w) : text.padStart(w);
    });
  }

  computeDigest(algorithm: string, value: ByteInput, charset?: string): number[] {
    this.record('computeDigest');
    const alg = NODE_DIGEST[String(algorithm)];
    if (!alg) throw new Error(`Unsupported digest algorithm: ${String(algorithm)}`);
    return toSignedBytes(createHash(alg).update(toBuffer(value, charset)).digest());
  }

  computeHmacSignature(algorithm: string, value: ByteInput, key: ByteInput, charset?: string): number[] {
    this.record('computeHmacSignature');
    const alg = NODE_HMAC[String(algorithm)];
    if (!alg) throw new Error(`Unsupported MAC algorithm: ${String(algorithm)}`);
    return toSignedBytes(createHmac(alg, toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }

  computeHmacSha256Signature(value: ByteInput, key: ByteInput, charset?: string): number[] {
    this.record('computeHmacSha256Signature');
    return toSignedBytes(createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }

  getUuid(): string {
    this.record('getUuid');
    return randomUUID();
  }

  base64Encode(data: ByteInput, charset?: string): string {
    this.record('base64Encode');
    return toBuffer(data, charset).toString('base64');
  }

  /** URL-safe alphabet; padding is kept, as Java's encoder does. */
  base64EncodeWebSafe(data: ByteInput, charset?: string): string {
    this.record('base64EncodeWebSafe');
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, _charset?: string): number[] {
    this.record('base64Decode');
    return toSignedBytes(Buffer.from(encoded, 'base64'));
  }

  base64DecodeWebSafe(encoded: string, _charset?: string): number[] {
    this.record('base64DecodeWebSafe');
    return toSignedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }

  newBlob(data: ByteInput, contentType?: string, name?: string): FakeBlob {
    this.record('newBlob');
    return new FakeBlob(data, contentType ?? null, name ?? null);
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    this.record('parseCsv');
    return parseCsv(csv, delimiter ?? ',');
  }

  /** Advances the modelled clock (ctx.now) instead of blocking the test. */
  sleep(milliseconds: number): void {
    this.record('sleep');
    if (milliseconds > MAX_SLEEP_MS) throw new Error(`Invalid argument: milliseconds. The maximum allowed value is ${MAX_SLEEP_MS}.`);
    runtimeFor(this.ctx).clockOffsetMs += Math.max(0, milliseconds);
  }
}
