/**
 * How the register's sheets are described. The add-on finds its columns by header text, never
 * by position, so staff may reorder columns or add their own without breaking anything.
 */
export type ColumnType = 'text' | 'longText' | 'date' | 'dateTime' | 'number' | 'boolean' | 'email' | 'link';

export interface ColumnSpec {
  /** Stable name used by the code; never shown. */
  readonly key: string;
  /** The header staff see. Matching is case- and space-insensitive. */
  readonly header: string;
  readonly type: ColumnType;
  /** Without this column the table cannot be used: its absence is reported by name. */
  readonly required?: boolean;
  /** Worked out by the add-on: protected and shaded, overwritten by the daily check. */
  readonly computed?: boolean;
  /** A dropdown fed from a column of the Lists sheet. */
  readonly list?: string;
  /** Shown as the header cell's note: what goes here and why. */
  readonly note?: string;
  /** Health details: shown only to roles that need them. */
  readonly health?: boolean;
  readonly width?: number;
}

export interface TableSpec {
  /** Stable name used by the code and in document properties; never shown. */
  readonly key: string;
  /** The sheet's name when the add-on creates it. Staff may rename it afterwards. */
  readonly title: string;
  /** One sentence for the sheet's first-column header note and the docs. */
  readonly purpose: string;
  readonly columns: readonly ColumnSpec[];
  /** Logs that only the add-on writes: the whole sheet is protected, not just computed columns. */
  readonly appendOnly?: boolean;
  /**
   * Who may do what, and how the add-on behaves (Staff, Settings, Lists): the whole sheet is
   * protected so that only coordinators can change it, by hand or through the add-on.
   */
  readonly coordinatorsOnly?: boolean;
  /** Hidden from the tab bar (reference data staff rarely need). */
  readonly hidden?: boolean;
  /**
   * Small, read by nearly every execution, changed rarely (Staff, Settings, Calendar): kept in the
   * document cache for a few minutes (src/gas/cachingTables.ts; docs/decisions.md). Rows read from
   * the cache must never be written back by row number.
   */
  readonly cached?: boolean;
  /** Tab colour, to group sheets visually. */
  readonly tabColour?: string;
  /** Rows coloured when something needs action (conditional formatting on the whole row). */
  readonly highlights?: readonly Highlight[];
}

/** A whole row is coloured when one of its cells meets the condition. */
export interface Highlight {
  readonly column: string;
  readonly when: { readonly notEmpty: true } | { readonly startsWith: string } | { readonly atLeast: number };
  readonly background: string;
  /** What the colour means, for the docs and the sidebar's key. */
  readonly meaning: string;
}

export function column(spec: TableSpec, key: string): ColumnSpec {
  const found = spec.columns.find((c) => c.key === key);
  if (!found) throw new Error(`Table ${spec.key} has no column ${key}`);
  return found;
}

/** Header matching ignores case, spacing and punctuation differences staff commonly introduce. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9+]+/g, ' ').trim();
}
