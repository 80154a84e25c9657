/**
 * School-wide settings, kept as rows of the Settings sheet (so staff can read and change them)
 * and read once per execution. Each area of the product declares its own settings here.
 */
import { WORK_SETTINGS } from './work/settings';
import { RETENTION_SETTINGS } from './retention';
import { LA_SETTINGS } from './la/settings';

export type SettingKind = 'text' | 'email' | 'number' | 'boolean' | 'hour';

export interface SettingDefinition {
  /** The label in the Setting column; also the key the code uses. */
  readonly label: string;
  readonly kind: SettingKind;
  readonly defaultValue: string;
  readonly explanation: string;
  readonly min?: number;
  readonly max?: number;
}

export const CORE_SETTINGS: readonly SettingDefinition[] = [
  { label: 'School name', kind: 'text', defaultValue: 'Our school', explanation: 'Shown on letters and reports.' },
  { label: 'Coordinator email', kind: 'email', defaultValue: '', explanation: 'The learning centre manager: receives the daily digest. Filled in with the person who set up the register.' },
  { label: 'LA notification threshold (school days)', kind: 'number', defaultValue: '15', min: 1, max: 60, explanation: 'The school tells the LA when a pupil will miss this many school days, consecutively or cumulatively, through illness (statutory guidance: 15).' },
  { label: 'Daily check hour', kind: 'hour', defaultValue: '7', min: 0, max: 23, explanation: 'Hour of the day (UK time) when the daily check runs and the digest is sent.' },
  { label: 'Flag after school days without contact', kind: 'number', defaultValue: '1', min: 1, max: 20, explanation: 'A case is listed in the digest when it has gone this many school days of absence without any contact.' },
  { label: 'Count today as missing from hour', kind: 'hour', defaultValue: '16', min: 0, max: 23, explanation: 'Before this hour, today is not yet counted as a day without contact.' },
];

/** Every area's settings, in the order they appear on the sheet. */
export const ALL_SETTINGS: readonly SettingDefinition[] = [
  ...CORE_SETTINGS,
  ...WORK_SETTINGS,
  ...RETENTION_SETTINGS,
  ...LA_SETTINGS,
  // Other areas' settings register here.
];

export type SettingValue = string | number | boolean;

export interface ParsedSettings {
  readonly values: ReadonlyMap<string, SettingValue>;
  /** Values that could not be read, each naming the setting; the default is used meanwhile. */
  readonly problems: readonly string[];
}

export function parseSettings(rows: ReadonlyArray<{ setting: unknown; value: unknown }>, definitions = ALL_SETTINGS): ParsedSettings {
  const given = new Map<string, unknown>();
  for (const row of rows) given.set(String(row.setting ?? '').trim().toLowerCase(), row.value);
  const values = new Map<string, SettingValue>();
  const problems: string[] = [];
  for (const def of definitions) {
    const raw = given.has(def.label.toLowerCase()) ? given.get(def.label.toLowerCase()) : def.defaultValue;
    const parsed = parseSetting(def, raw);
    if (parsed.ok) values.set(def.label, parsed.value);
    else {
      problems.push(parsed.message);
      const fallback = parseSetting(def, def.defaultValue);
      values.set(def.label, fallback.ok ? fallback.value : def.defaultValue);
    }
  }
  return { values, problems };
}

function parseSetting(def: SettingDefinition, raw: unknown): { ok: true; value: SettingValue } | { ok: false; message: string } {
  const text = String(raw ?? '').trim();
  switch (def.kind) {
    case 'number':
    case 'hour': {
      const n = typeof raw === 'number' ? raw : Number(text);
      if (text === '' || !Number.isFinite(n) || !Number.isInteger(n)) return { ok: false, message: `Setting "${def.label}" should be a whole number; it is "${text}". Using ${def.defaultValue} until it is corrected.` };
      if ((def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)) {
        return { ok: false, message: `Setting "${def.label}" should be between ${def.min} and ${def.max}; it is ${n}. Using ${def.defaultValue} until it is corrected.` };
      }
      return { ok: true, value: n };
    }
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (/^(yes|true|y|1)$/i.test(text)) return { ok: true, value: true };
      if (/^(no|false|n|0|)$/i.test(text)) return { ok: true, value: false };
      return { ok: false, message: `Setting "${def.label}" should be Yes or No; it is "${text}".` };
    case 'email':
      if (text === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)) return { ok: true, value: text };
      return { ok: false, message: `Setting "${def.label}" should be an email address; "${text}" is not one.` };
    default:
      return { ok: true, value: text };
  }
}

/** Typed reads of parsed settings. */
export class Settings {
  constructor(readonly parsed: ParsedSettings) {}
  text(label: string): string {
    return String(this.parsed.values.get(label) ?? '');
  }
  number(label: string): number {
    const v = this.parsed.values.get(label);
    return typeof v === 'number' ? v : Number(v ?? 0);
  }
  flag(label: string): boolean {
    return this.parsed.values.get(label) === true;
  }
}
