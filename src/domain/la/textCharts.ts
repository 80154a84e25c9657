/**
 * Bar charts drawn in text, for the governors' report. The Docs API can only embed an image from
 * a URL Google can fetch publicly, and a chart of pupil data must not be public; text bars are
 * also read out by screen readers with their numbers (see docs/decisions.md).
 */
import type { Published } from './suppression';

export const BAR = '\u2588';
export const MAX_BAR = 24;

export interface ChartBar {
  readonly label: string;
  readonly figure: Published;
}

/**
 * One line per bar: "Autumn term  ████████████ 12". Bars are scaled to the largest shown value;
 * a hidden value gets no bar, only its words ("Summer term  – fewer than 5").
 */
export function textBarChart(title: string, bars: readonly ChartBar[], unit = ''): string[] {
  const max = Math.max(0, ...bars.map((b) => b.figure.value ?? 0));
  const width = Math.max(...bars.map((b) => b.label.length), 0);
  const lines = [title];
  for (const bar of bars) {
    const label = bar.label.padEnd(width + 2, ' ');
    const value = bar.figure.value;
    if (value === null) {
      lines.push(`${label}\u2013 ${bar.figure.text}`);
      continue;
    }
    const length = max > 0 ? Math.round((value / max) * MAX_BAR) : 0;
    const blocks = BAR.repeat(value > 0 ? Math.max(1, length) : 0);
    lines.push(`${label}${blocks}${blocks ? ' ' : ''}${bar.figure.text}${unit ? ` ${unit}` : ''}`);
  }
  return lines;
}
