/**
 * {{Placeholders}} in a letter template, checked against the data a letter carries before anything
 * is made or sent. Mail-merge tools are known for failing silently when a tag and a column differ
 * by a space or a capital; here a placeholder with no data, data with no placeholder, and a
 * half-typed placeholder are each reported by name, in plain English, and block the letter.
 *
 * Names match ignoring case and runs of spaces ("{{ pupil  Name }}" is "Pupil name"), and the
 * exact text found in the template is what gets replaced, so a school may type them loosely.
 */

export interface PlaceholderUse {
  /** Exactly as typed in the template, braces included: what the merge replaces. */
  readonly token: string;
  /** The name inside the braces, trimmed. */
  readonly name: string;
}

export interface LetterField {
  /** The placeholder name, as shown to staff: "Pupil name" is written {{Pupil name}}. */
  readonly name: string;
  /** Must appear in the template: the letter would be missing its point without it. */
  readonly required: boolean;
  /** What it holds, for the list of placeholders a school may use. */
  readonly meaning: string;
}

export interface Replacement {
  readonly find: string;
  readonly replace: string;
}

export interface PlaceholderCheck {
  /** Each problem names the placeholder and says what to do. Empty when the letter can be made. */
  readonly problems: readonly string[];
  /** Every placeholder in the template with its value (only meaningful when there are no problems). */
  readonly replacements: readonly Replacement[];
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

export function placeholderKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Every distinct placeholder in the text, in order of first appearance. */
export function findPlaceholders(text: string): PlaceholderUse[] {
  const seen = new Set<string>();
  const out: PlaceholderUse[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const token = match[0];
    if (seen.has(token)) continue;
    seen.add(token);
    out.push({ token, name: match[1].trim() });
  }
  return out;
}

/**
 * Braces that do not make a placeholder: "{{Pupil name}" or "{Pupil name}}" (a brace lost while
 * editing). Reported with the text around them so the school can find the spot.
 */
export function findBrokenPlaceholders(text: string): string[] {
  const withoutGood = text.replace(PLACEHOLDER, (m) => ' '.repeat(m.length));
  const out: string[] = [];
  // From a brace that opens to the braces that close it, or text up to a stray closing brace.
  const broken = /\{+[^{}\n]{0,40}\}*|[^{}\n]{0,30}\}+/g;
  for (const match of withoutGood.matchAll(broken)) {
    const fragment = match[0].trim();
    if (fragment && !out.includes(fragment)) out.push(fragment);
  }
  return out;
}

/**
 * Compares the template's placeholders with the fields a kind of letter has and the values for
 * one letter. Values are looked up by field name; an empty value for a placeholder the template
 * uses is a problem too (the letter would read "Dear ,"), saying where the value comes from.
 */
export function checkPlaceholders(
  templateText: string,
  fields: readonly LetterField[],
  values: Readonly<Record<string, string>>,
  whereFrom: Readonly<Record<string, string>> = {},
): PlaceholderCheck {
  const problems: string[] = [];
  const byKey = new Map(fields.map((f) => [placeholderKey(f.name), f]));
  const uses = findPlaceholders(templateText);
  const usedKeys = new Set<string>();
  const replacements: Replacement[] = [];

  for (const fragment of findBrokenPlaceholders(templateText)) {
    problems.push(`The template has "${fragment}", which is not a complete placeholder: a placeholder needs two braces on each side, like {{Pupil name}}.`);
  }
  for (const use of uses) {
    if (use.name === '') {
      problems.push('The template has an empty placeholder "{{}}": put the name of the data inside it, or delete it.');
      continue;
    }
    const field = byKey.get(placeholderKey(use.name));
    if (!field) {
      const suggestion = closestField(use.name, fields);
      problems.push(
        `The template has the placeholder ${use.token}, but there is no data called "${use.name}"` +
          (suggestion ? `. Did you mean {{${suggestion}}}?` : `. The placeholders this letter can use are: ${fields.map((f) => `{{${f.name}}}`).join(', ')}.`),
      );
      continue;
    }
    usedKeys.add(placeholderKey(field.name));
    const value = values[field.name] ?? '';
    if (value.trim() === '') {
      const from = whereFrom[field.name];
      problems.push(`The placeholder ${use.token} has no data for this letter${from ? `: ${from}` : ''}.`);
      continue;
    }
    replacements.push({ find: use.token, replace: value });
  }
  for (const field of fields) {
    if (field.required && !usedKeys.has(placeholderKey(field.name))) {
      problems.push(`The letter has ${field.meaning.charAt(0).toLowerCase()}${field.meaning.slice(1)} but the template has no {{${field.name}}} placeholder for it: add {{${field.name}}} where it should appear.`);
    }
  }
  return { problems, replacements };
}

/** Problems with the template alone (names it does not know, required fields it lacks, broken braces). */
export function checkTemplate(templateText: string, fields: readonly LetterField[]): string[] {
  const sample = Object.fromEntries(fields.map((f) => [f.name, 'x']));
  return [...checkPlaceholders(templateText, fields, sample).problems];
}

/** The field a mistyped placeholder most probably meant, when it is close enough to say so. */
function closestField(name: string, fields: readonly LetterField[]): string | null {
  const key = placeholderKey(name).replace(/[^a-z0-9]/g, '');
  let best: { name: string; distance: number } | null = null;
  for (const field of fields) {
    const candidate = placeholderKey(field.name).replace(/[^a-z0-9]/g, '');
    const distance = editDistance(key, candidate);
    if (!best || distance < best.distance) best = { name: field.name, distance };
  }
  if (!best) return null;
  return best.distance <= Math.max(2, Math.floor(placeholderKey(best.name).length / 4)) ? best.name : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
