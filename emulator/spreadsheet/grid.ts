/**
 * Sheet storage. Each cell attribute (value, formula, number format, background, …) is a Layer: a
 * sparse array of row arrays. A 100,000-row register is then 100,000 small arrays rather than
 * 1.5 million cell objects, and inserting or deleting rows is one splice per layer.
 * Coordinates inside the emulator are 0-based; the public API is 1-based.
 */

export class Layer<T> {
  rows: Array<Array<T | undefined> | undefined> = [];

  get(r: number, c: number): T | undefined {
    const row = this.rows[r];
    return row ? row[c] : undefined;
  }

  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (!row) {
      if (v === undefined) return;
      row = [];
      this.rows[r] = row;
    }
    row[c] = v;
  }

  /** Sets every cell of a rectangle to the same value (undefined clears). */
  fill(r: number, c: number, nr: number, nc: number, v: T | undefined): void {
    for (let i = r; i < r + nr; i++) {
      if (v === undefined && !this.rows[i]) continue;
      for (let j = c; j < c + nc; j++) this.set(i, j, v);
    }
  }

  isEmpty(): boolean {
    return this.rows.every((row) => !row || row.every((v) => v === undefined));
  }

  insertRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    insertHoles(this.rows, at, n);
  }

  deleteRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, n);
  }

  insertColumns(at: number, n: number): void {
    for (const row of this.rows) if (row && at < row.length) insertHoles(row, at, n);
  }

  deleteColumns(at: number, n: number): void {
    for (const row of this.rows) if (row && at < row.length) row.splice(at, n);
  }

  /** Keeps only the first `numRows` rows and `numColumns` columns (after the sheet shrinks). */
  truncate(numRows: number, numColumns: number): void {
    if (this.rows.length > numRows) this.rows.length = numRows;
    for (const row of this.rows) if (row && row.length > numColumns) row.length = numColumns;
  }
}

/** Splices `n` empty slots into an array at `at` without spreading (safe for large n). */
function insertHoles<T>(arr: T[], at: number, n: number): void {
  const oldLength = arr.length;
  arr.length = oldLength + n;
  for (let i = oldLength - 1; i >= at; i--) {
    if (i in arr) arr[i + n] = arr[i];
    else delete arr[i + n];
  }
  for (let i = at; i < at + n; i++) delete arr[i];
}

/**
 * A rectangle that follows its cells when rows or columns are inserted or deleted — as named
 * ranges, protections, conditional-format ranges and merges do in Sheets. 0-based.
 */
export interface AnchoredRect {
  r: number;
  c: number;
  nr: number;
  nc: number;
}

export function shiftForInsert(rect: AnchoredRect, axis: 'rows' | 'columns', at: number, n: number): void {
  const [start, size] = axis === 'rows' ? [rect.r, rect.nr] : [rect.c, rect.nc];
  let newStart = start;
  let newSize = size;
  if (at <= start) newStart += n;
  else if (at < start + size) newSize += n; // inserted inside: the rectangle stretches
  if (axis === 'rows') { rect.r = newStart; rect.nr = newSize; } else { rect.c = newStart; rect.nc = newSize; }
}

/** Returns false when every cell of the rectangle was deleted. */
export function shiftForDelete(rect: AnchoredRect, axis: 'rows' | 'columns', at: number, n: number): boolean {
  const [start, size] = axis === 'rows' ? [rect.r, rect.nr] : [rect.c, rect.nc];
  const end = start + size;
  const delEnd = at + n;
  const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, at));
  const before = Math.max(0, Math.min(start, delEnd) - at);
  const newStart = start - before;
  const newSize = size - overlap;
  if (axis === 'rows') { rect.r = newStart; rect.nr = newSize; } else { rect.c = newStart; rect.nc = newSize; }
  return newSize > 0;
}

export function intersects(a: AnchoredRect, b: AnchoredRect): boolean {
  return a.r < b.r + b.nr && b.r < a.r + a.nr && a.c < b.c + b.nc && b.c < a.c + a.nc;
}

export function contains(outer: AnchoredRect, inner: AnchoredRect): boolean {
  return inner.r >= outer.r && inner.c >= outer.c && inner.r + inner.nr <= outer.r + outer.nr && inner.c + inner.nc <= outer.c + outer.nc;
}
