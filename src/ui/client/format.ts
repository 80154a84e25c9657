/** How the sidebar writes dates and counts, the way the school says them. */
import { formatLongDate, isValidIso } from '../../domain/dates';

/** 'Mon 7 Sep 2026', or '' for no date. */
export function longDate(iso: string | null | undefined): string {
  return iso && isValidIso(iso) ? formatLongDate(iso) : '';
}

/** '1 school day', '3 school days'. */
export function schoolDays(n: number): string {
  return `${n} school day${n === 1 ? '' : 's'}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
