import type { DocumentState } from '../ports';

/** Document properties, read once per execution (each PropertiesService call is a round trip). */
export class PropertiesDocumentState implements DocumentState {
  private cache: Record<string, string> | null = null;

  constructor(private readonly properties: GoogleAppsScript.Properties.Properties) {}

  getAll(): Readonly<Record<string, string>> {
    if (!this.cache) this.cache = { ...this.properties.getProperties() };
    return this.cache;
  }

  get(key: string): string | null {
    return this.getAll()[key] ?? null;
  }

  set(values: Readonly<Record<string, string>>): void {
    if (Object.keys(values).length === 0) return;
    this.properties.setProperties({ ...values });
    this.cache = { ...this.getAll(), ...values };
  }

  remove(key: string): void {
    this.properties.deleteProperty(key);
    if (this.cache) delete this.cache[key];
  }
}
