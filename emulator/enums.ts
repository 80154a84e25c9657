/**
 * Apps Script enums are objects whose members print as their own names (String(x) === 'RANGE').
 * The emulator represents each member as that name, so values compare with === against the
 * global enum, serialise to JSON as-is and read well in test failures.
 */
export type EnumOf<K extends string> = { readonly [P in K]: P } & { toString(): string };

export function makeEnum<K extends string>(names: readonly K[]): EnumOf<K> {
  const out: Record<string, string> = {};
  for (const name of names) out[name] = name;
  return Object.freeze(out) as EnumOf<K>;
}

/** Casts an emulator enum value (a name) to the ambient @types enum type at the API boundary. */
export function asEnum<T>(name: string): T {
  return name as unknown as T;
}
