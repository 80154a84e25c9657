/**
 * Sequential ids for work and letters ("WK-00012", "L-00034"), the next after the highest on the
 * sheet. Call only while holding the document lock, so two people never get the same id.
 */
import type { TableSpec } from '../../domain/schema';
import type { AppContext } from '../context';

export function nextIds(ctx: AppContext, spec: TableSpec, column: string, prefix: string, count: number): string[] {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  let highest = 0;
  for (const cell of ctx.services.tables.readColumn(spec, column)) {
    const match = pattern.exec(String(cell.value).trim());
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(highest + 1 + i).padStart(5, '0')}`);
}
