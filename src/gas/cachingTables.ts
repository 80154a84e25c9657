/**
 * The Staff, Settings and Calendar tables (TableSpec.cached) are read by nearly every execution:
 * three whole-table reads, nine Sheet calls, before any work. This store keeps them in the
 * document cache (CacheService, shared by everyone using the register) for CACHE_SECONDS, and
 * reads all three with one getAll: two cache calls instead of nine Sheet calls.
 *
 * - Whatever the add-on writes to one of them (set-up, repair, a staff change) goes through this
 *   store, which drops the cached copy first, so the next execution reads the sheet.
 * - A change typed into the sheet by hand is seen when the cached copy expires, within
 *   CACHE_SECONDS, or sooner when someone opens the sidebar (getSidebarState reads these sheets
 *   afresh and refreshes the cache): the trade-off in docs/decisions.md.
 * - Only readAllRecent (settings, staff and the calendar as the use cases read them) uses the
 *   cache; readAll always reads the sheet. Header maps are never cached: every write reads the
 *   header afresh, so a value can never land in a column that moved, and rows to be changed by
 *   number are read with readAll.
 * - The cache is an optimisation only: when it is missing, full or failing, the sheet is read.
 */
import type { TableSpec } from '../domain/schema/types';
import type { CellValue, EnsureTableOptions, EnsureTableReport, RowChange, RowValues, StoredRow } from '../ports';
import { SheetTableStore } from './sheetTables';

/** How long a cached copy is used: a hand edit of Staff, Settings or the Calendar is seen within this. */
export const CACHE_SECONDS = 300;

const PREFIX = 'table.';

type Cache = GoogleAppsScript.Cache.Cache;

export class CachingSheetTableStore extends SheetTableStore {
  private cache: Cache | null | undefined;
  /** Cached tables' values fetched this execution (one getAll for all of them), by table key. */
  private fetched: Record<string, string> | undefined;

  constructor(
    spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    state: ConstructorParameters<typeof SheetTableStore>[1],
    private readonly cachedSpecs: readonly TableSpec[],
  ) {
    super(spreadsheet, state);
  }

  /** A fresh read of a cached table also refreshes the cached copy, so hand edits reach the next executions. */
  override readAll(spec: TableSpec): StoredRow[] {
    const rows = super.readAll(spec);
    if (spec.cached) this.put(spec, rows);
    return rows;
  }

  /** The table, from the cache when a copy is there (and then put there for the next execution). */
  readAllRecent(spec: TableSpec): StoredRow[] {
    if (!spec.cached) return super.readAll(spec);
    const hit = this.cachedRows(spec);
    return hit ?? this.readAll(spec);
  }

  override append(spec: TableSpec, rows: readonly RowValues[], options?: { readonly rowNumbers?: boolean }): number[] {
    this.changing(spec);
    return super.append(spec, rows, options);
  }

  override update(spec: TableSpec, changes: readonly RowChange[]): void {
    this.changing(spec);
    super.update(spec, changes);
  }

  override replaceAll(spec: TableSpec, rows: readonly RowValues[]): void {
    this.changing(spec);
    super.replaceAll(spec, rows);
  }

  override deleteRows(spec: TableSpec, rowNumbers: readonly number[]): void {
    this.changing(spec);
    super.deleteRows(spec, rowNumbers);
  }

  override ensure(spec: TableSpec, options: EnsureTableOptions): EnsureTableReport {
    this.changing(spec);
    return super.ensure(spec, options);
  }

  // ------------------------------------------------------------------ the cache

  private documentCache(): Cache | null {
    if (this.cache === undefined) {
      try {
        this.cache = CacheService.getDocumentCache();
      } catch {
        this.cache = null;
      }
    }
    return this.cache;
  }

  private cachedRows(spec: TableSpec): StoredRow[] | null {
    if (!this.fetched) {
      const cache = this.documentCache();
      try {
        this.fetched = cache ? cache.getAll(this.cachedSpecs.map((s) => PREFIX + s.key)) : {};
      } catch {
        this.fetched = {};
      }
    }
    const text = this.fetched[PREFIX + spec.key];
    if (!text) return null;
    try {
      return decodeRows(text);
    } catch {
      return null;
    }
  }

  private put(spec: TableSpec, rows: readonly StoredRow[]): void {
    const cache = this.documentCache();
    if (!cache) return;
    try {
      cache.put(PREFIX + spec.key, encodeRows(rows), CACHE_SECONDS);
    } catch {
      // Too large for the cache (100 KB) or the cache is unavailable: read the sheet next time.
    }
  }

  /** Before the add-on writes a cached table: drop the cached copy so no execution uses it after. */
  private changing(spec: TableSpec): void {
    if (!spec.cached) return;
    if (this.fetched) delete this.fetched[PREFIX + spec.key];
    const cache = this.documentCache();
    if (!cache) return;
    // Not swallowed: if the cached copy cannot be dropped, the change must not be made either.
    cache.remove(PREFIX + spec.key);
  }
}

/** Dates survive the round trip through JSON. */
function encodeRows(rows: readonly StoredRow[]): string {
  return JSON.stringify(rows.map((r) => [r.rowNumber, Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v instanceof Date ? { d: v.getTime() } : v]))]));
}

function decodeRows(text: string): StoredRow[] {
  const raw = JSON.parse(text) as Array<[number, Record<string, CellValue | { d: number }>]>;
  return raw.map(([rowNumber, values]) => ({
    rowNumber,
    values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v && typeof v === 'object' && !(v instanceof Date) ? new Date(v.d) : v])) as RowValues,
  }));
}
