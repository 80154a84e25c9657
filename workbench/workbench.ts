/**
 * The workbench's model: one emulated Workspace running the built bundle (dist/Code.js and the
 * dist/*.html pages), its state kept in a JSON file between runs, and the demo school seeded into
 * it on the first run. The HTTP server (server.ts) only renders what this exposes.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  createWorkspace, loadBundle, readHtmlFiles, MIME, type LoadedBundle, type Workspace,
} from '../emulator';
import { documentHtml } from '../emulator/docs';
import type { SentEmail } from '../emulator/mail';
import { runForPage, errorMessage, type RunOutcome } from './scriptRun';

export interface WorkbenchOptions {
  /** Folder holding dist/Code.js and the built pages. */
  readonly dist: string;
  /** Where the state is kept between runs. */
  readonly stateFile: string;
  /** Start afresh: ignore (and replace) any saved state. */
  readonly reset?: boolean;
  /** Fills a fresh workspace with the demo school. */
  readonly seed?: (bench: Workbench) => void;
}

export interface SheetView {
  readonly name: string;
  readonly hidden: boolean;
  readonly tabColour: string | null;
  readonly rows: string[][];
}

export interface Notice {
  readonly kind: 'alert' | 'toast';
  readonly title: string;
  readonly text: string;
}

export class Workbench {
  readonly workspace: Workspace;
  readonly bundle: LoadedBundle;
  /** True when this run seeded the demo school (first run or --reset). */
  readonly seeded: boolean;

  constructor(private readonly options: WorkbenchOptions) {
    const code = fs.readFileSync(path.join(options.dist, 'Code.js'), 'utf8');
    this.workspace = createWorkspace({ htmlFiles: readHtmlFiles(options.dist), spreadsheetName: 'Health Needs Register' });
    this.bundle = loadBundle(this.workspace, code);

    const saved = !options.reset && fs.existsSync(options.stateFile);
    if (saved) {
      this.workspace.fromJSON(JSON.parse(fs.readFileSync(options.stateFile, 'utf8')));
      this.seeded = false;
    } else {
      options.seed?.(this);
      this.seeded = true;
      this.save();
    }
  }

  get forms(): Workspace['forms'] {
    return this.workspace.forms;
  }

  save(): void {
    fs.mkdirSync(path.dirname(this.options.stateFile), { recursive: true });
    const temp = `${this.options.stateFile}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(this.workspace.toJSON()));
    fs.renameSync(temp, this.options.stateFile);
  }

  get functions(): readonly string[] {
    return this.bundle.functions;
  }

  has(functionName: string): boolean {
    return this.bundle.functions.includes(functionName);
  }

  /** A google.script.run call from a page. */
  runForPage(functionName: string, args: readonly unknown[]): RunOutcome {
    return runForPage(this.workspace, functionName, args);
  }

  /**
   * A menu item or other entry point, run as Apps Script runs it. Returns the alerts and toasts
   * it showed, so the page can show them as Sheets would.
   */
  runEntry(functionName: string, ...args: unknown[]): { notices: Notice[]; error?: string } {
    const ui = this.workspace.ui;
    const alertsBefore = ui.alerts.length;
    const toastsBefore = ui.toasts.length;
    let error: string | undefined;
    try {
      this.workspace.callFunction(functionName, ...args);
    } catch (e) {
      error = errorMessage(e);
    }
    const notices: Notice[] = [
      ...ui.alerts.slice(alertsBefore).map((a) => ({ kind: 'alert' as const, title: a.title, text: a.prompt })),
      ...ui.toasts.slice(toastsBefore).map((t) => ({ kind: 'toast' as const, title: t.title, text: t.message })),
    ];
    return error === undefined ? { notices } : { notices, error };
  }

  /** The menu the add-on built in onOpen (runs onOpen when no menu has been built yet). */
  menu(): Array<{ caption: string; functionName: string } | 'separator'> {
    if (!this.workspace.ui.menus.some((m) => m.addon)) this.runEntry('onOpen', { authMode: 'FULL' });
    const menu = this.workspace.ui.menus.find((m) => m.addon);
    const items: Array<{ caption: string; functionName: string } | 'separator'> = [];
    for (const e of menu?.entries ?? []) {
      if (e.kind === 'item') items.push({ caption: e.caption, functionName: e.functionName });
      else if (e.kind === 'separator') items.push('separator');
    }
    return items;
  }

  get activeUser(): string {
    return this.workspace.ctx.activeUser.email;
  }

  setActiveUser(email: string): void {
    this.workspace.setActiveUser(email);
  }

  /** The Staff sheet as the workbench's "switch user" list. */
  staff(): Array<{ email: string; name: string; role: string }> {
    const sheet = this.sheets().find((s) => s.name === 'Staff');
    if (!sheet || sheet.rows.length < 2) return [];
    const [header, ...rows] = sheet.rows;
    const col = (h: string) => header.findIndex((x) => x.trim().toLowerCase() === h);
    const [e, n, r] = [col('email'), col('name'), col('role')];
    return rows.filter((row) => row[e]).map((row) => ({ email: row[e], name: row[n] ?? '', role: row[r] ?? '' }));
  }

  sheets(): SheetView[] {
    return this.workspace.spreadsheet.sheets.map((sheet) => {
      const lastRow = sheet.lastRow();
      const lastColumn = sheet.lastColumn();
      const rows = lastRow > 0 && lastColumn > 0 ? sheet.getRange(1, 1, lastRow, lastColumn).getDisplayValues() : [];
      return { name: sheet.name, hidden: sheet.hidden, tabColour: sheet.tabColor, rows };
    });
  }

  /** Every file of a kind in Drive, newest first. */
  files(mimeType: string): Array<{ id: string; name: string; createdTime: string; content: unknown }> {
    return [...this.workspace.ctx.files.values()]
      .filter((f) => f.mimeType === mimeType && !f.trashed)
      .sort((a, b) => (a.createdTime < b.createdTime ? 1 : a.createdTime > b.createdTime ? -1 : 0))
      .map((f) => ({ id: f.id, name: f.name, createdTime: f.createdTime, content: f.content }));
  }

  documentHtml(id: string): string {
    return documentHtml(this.workspace.ctx, id);
  }

  pdfBytes(id: string): Uint8Array {
    return this.workspace.drive.bytesOf(id);
  }

  outbox(): readonly SentEmail[] {
    return this.workspace.mail.outbox;
  }

  /** The form with this id or published key (pre-filled links use the published key). */
  findForm(idOrKey: string): { id: string; title: string; description: string; publishedKey: string } | null {
    for (const f of this.files(MIME.form)) {
      const content = f.content as { title?: string; description?: string; publishedKey?: string };
      if (f.id === idOrKey || content.publishedKey === idOrKey) {
        return { id: f.id, title: content.title ?? f.name, description: content.description ?? '', publishedKey: content.publishedKey ?? '' };
      }
    }
    return null;
  }

  /** Runs the add-on's daily time-driven triggers, as Apps Script does each morning. */
  runDailyCheck(): { ran: number; error?: string } {
    const clock = this.workspace.triggers.records.filter((t) => t.eventType === 'CLOCK');
    if (clock.length === 0) return { ran: 0, error: 'No daily trigger is installed yet: run "Set up / repair register" from the add-on menu first.' };
    try {
      this.workspace.triggers.fireTimeDriven();
      return { ran: clock.length };
    } catch (e) {
      return { ran: clock.length, error: errorMessage(e) };
    }
  }
}
