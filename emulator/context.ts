/**
 * The state every fake service shares: the meter, the signed-in user, the Drive file store
 * (spreadsheets, forms, documents, folders and PDFs are all Drive files), the triggers, and a way
 * to call the script's own top-level functions (so a trigger or google.script.run can be fired).
 */
import { Meter } from './meter';

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  document: 'application/vnd.google-apps.document',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  form: 'application/vnd.google-apps.form',
  pdf: 'application/pdf',
} as const;

export interface DriveFileRecord {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  createdTime: string;
  modifiedTime: string;
  trashed: boolean;
  /** Who may open it; "drive.file" access means the app created it or the user picked it. */
  ownerEmail: string;
  createdByApp: boolean;
  /** The user chose it in the Google Picker, which also grants "drive.file" access. */
  pickedByUser?: boolean;
  permissions: Array<{ id: string; type: string; role: string; emailAddress?: string }>;
  /** Service-specific content: a Docs document body, the bytes of a PDF, a form, a spreadsheet. */
  content: unknown;
}

export interface EmulatorUser {
  email: string;
  /** Empty when Apps Script cannot tell who the user is (e.g. consumer account, simple trigger). */
  visibleEmail: boolean;
}

export class IdSource {
  private n = 0;
  next(prefix: string): string {
    this.n += 1;
    return `${prefix}${this.n.toString(36).padStart(6, '0')}`;
  }
  /** For persistence: ids keep rising across reloads. */
  get counter(): number { return this.n; }
  set counter(v: number) { this.n = v; }
}

export type FunctionResolver = (name: string) => ((...args: unknown[]) => unknown) | undefined;

export class EmulatorContext {
  readonly meter: Meter;
  readonly ids = new IdSource();
  readonly files = new Map<string, DriveFileRecord>();
  activeUser: EmulatorUser = { email: 'coordinator@school.example', visibleEmail: true };
  /** The installing user whose triggers run (installable triggers run as their creator). */
  effectiveUser: EmulatorUser = { email: 'coordinator@school.example', visibleEmail: true };
  /** Finds a global function of the script by name; set by installGlobals / the vm loader. */
  resolveFunction: FunctionResolver = () => undefined;
  /** The time the fakes stamp on things (Form timestamps, Drive times); tests may move it. */
  now: () => Date = () => new Date();

  constructor(meter: Meter) {
    this.meter = meter;
  }

  addFile(partial: Omit<DriveFileRecord, 'id' | 'createdTime' | 'modifiedTime' | 'trashed' | 'permissions' | 'ownerEmail' | 'createdByApp'> & Partial<DriveFileRecord>): DriveFileRecord {
    const stamp = this.now().toISOString();
    const record: DriveFileRecord = {
      id: partial.id ?? this.ids.next(idPrefix(partial.mimeType)),
      createdTime: stamp,
      modifiedTime: stamp,
      trashed: false,
      permissions: [],
      ownerEmail: this.activeUser.email,
      createdByApp: true,
      ...partial,
    } as DriveFileRecord;
    this.files.set(record.id, record);
    return record;
  }

  file(id: string): DriveFileRecord | undefined {
    return this.files.get(id);
  }
}

function idPrefix(mimeType: string): string {
  switch (mimeType) {
    case MIME.folder: return 'fold_';
    case MIME.document: return 'doc_';
    case MIME.spreadsheet: return 'ss_';
    case MIME.form: return 'form_';
    default: return 'file_';
  }
}
