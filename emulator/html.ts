/**
 * HtmlService. Files come from the workspace's `htmlFiles` map (the project's .html files, keyed
 * "Sidebar" or "Sidebar.html"). Templates support <?= ?> (escaped), <?!= ?> (raw) and <? ?>
 * (code) scriptlets; names in scriptlets resolve to template properties, then to the script's
 * global functions (so the common include() helper works), then to globals.
 */
import type { EmulatorContext } from './context';
import { makeEnum } from './enums';
import { runtimeFor } from './runtime';

export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT'] as const);

export class FakeHtmlOutput {
  private content: string;
  private title = '';
  private width = 0;
  private height = 0;
  sandboxMode: string = SandboxMode.IFRAME;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  readonly metaTags: Array<{ name: string; content: string }> = [];
  faviconUrl: string | null = null;

  constructor(private readonly ctx: EmulatorContext, html = '') {
    this.content = html;
  }

  private record(method: string): void {
    this.ctx.meter.record('HtmlService', `HtmlOutput.${method}`);
  }

  getContent(): string { this.record('getContent'); return this.content; }
  setContent(content: string): this { this.record('setContent'); this.content = content; return this; }
  append(addedContent: string): this { this.record('append'); this.content += addedContent; return this; }
  appendUntrusted(addedContent: string): this { this.record('appendUntrusted'); this.content += escapeHtml(addedContent); return this; }
  clear(): this { this.record('clear'); this.content = ''; return this; }
  getTitle(): string { this.record('getTitle'); return this.title; }
  setTitle(title: string): this { this.record('setTitle'); this.title = title; return this; }
  getWidth(): number { this.record('getWidth'); return this.width; }
  setWidth(width: number): this { this.record('setWidth'); this.width = width; return this; }
  getHeight(): number { this.record('getHeight'); return this.height; }
  setHeight(height: number): this { this.record('setHeight'); this.height = height; return this; }
  setSandboxMode(mode: string): this { this.record('setSandboxMode'); this.sandboxMode = String(mode); return this; }
  setXFrameOptionsMode(mode: string): this { this.record('setXFrameOptionsMode'); this.xFrameOptionsMode = String(mode); return this; }
  setFaviconUrl(iconUrl: string): this { this.record('setFaviconUrl'); this.faviconUrl = iconUrl; return this; }
  addMetaTag(name: string, content: string): this { this.record('addMetaTag'); this.metaTags.push({ name, content }); return this; }
  getMetaTags(): Array<{ getName(): string; getContent(): string }> {
    this.record('getMetaTags');
    return this.metaTags.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }
  asTemplate(): FakeHtmlTemplate { this.record('asTemplate'); return new FakeHtmlTemplate(this.ctx, this.content); }
  getBlob(): { getDataAsString(): string; getContentType(): string } {
    this.record('getBlob');
    const content = this.content;
    return { getDataAsString: () => content, getContentType: () => 'text/html' };
  }

  // emulator internals: read without charging the meter (the UI fake and tests use these)
  getTitleUnmetered(): string { return this.title; }
  getContentUnmetered(): string { return this.content; }
  getSizeUnmetered(): { width: number; height: number } { return { width: this.width, height: this.height }; }
}

export class FakeHtmlTemplate {
  [property: string]: unknown;

  constructor(private readonly ctxRef: EmulatorContext, private readonly source: string) {}

  getRawContent(): string {
    this.ctxRef.meter.record('HtmlService', 'HtmlTemplate.getRawContent');
    return this.source;
  }

  getCode(): string {
    this.ctxRef.meter.record('HtmlService', 'HtmlTemplate.getCode');
    return compileTemplate(this.source);
  }

  evaluate(): FakeHtmlOutput {
    this.ctxRef.meter.record('HtmlService', 'HtmlTemplate.evaluate');
    const data: Record<string, unknown> = {};
    for (const key of Object.keys(this)) if (key !== 'ctxRef' && key !== 'source') data[key] = this[key];
    const ctx = this.ctxRef;
    const scope = new Proxy(data, {
      has: (target, key) => typeof key === 'string' && (key in target || ctx.resolveFunction(key) !== undefined),
      get: (target, key) => {
        if (typeof key !== 'string') return undefined;
        if (key in target) return target[key];
        return ctx.resolveFunction(key);
      },
    });
    const out: string[] = [];
    const print = (v: unknown, raw: boolean) => {
      const text = v === undefined || v === null ? '' : String(v);
      out.push(raw ? text : escapeHtml(text));
    };
    // `with` needs sloppy mode, which Function bodies get unless they opt in to strict mode.
    const fn = new Function('__scope', '__print', `with (__scope) {\n${compileTemplate(this.source)}\n}`) as (scope: object, p: typeof print) => void;
    fn(scope, print);
    return new FakeHtmlOutput(ctx, out.join(''));
  }
}

function compileTemplate(source: string): string {
  const code: string[] = [];
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) !== null) {
    if (m.index > last) code.push(`__print(${JSON.stringify(source.slice(last, m.index))}, true);`);
    if (m[1] === '=') code.push(`__print((${m[2]}), false);`);
    else if (m[1] === '!=') code.push(`__print((${m[2]}), true);`);
    else code.push(m[2]);
    last = re.lastIndex;
  }
  if (last < source.length) code.push(`__print(${JSON.stringify(source.slice(last))}, true);`);
  return code.join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export class FakeHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(private readonly ctx: EmulatorContext) {}

  private record(method: string): void {
    this.ctx.meter.record('HtmlService', method);
  }

  private file(filename: string): string {
    const files = runtimeFor(this.ctx).htmlFiles;
    const html = files[filename] ?? files[`${filename}.html`];
    if (html === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return html;
  }

  createHtmlOutput(html?: string | FakeHtmlTemplate): FakeHtmlOutput {
    this.record('createHtmlOutput');
    if (html instanceof FakeHtmlTemplate) return html.evaluate();
    return new FakeHtmlOutput(this.ctx, html ?? '');
  }

  /** Serves the file as-is: scriptlets are not evaluated (use createTemplateFromFile for that). */
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.record('createHtmlOutputFromFile');
    return new FakeHtmlOutput(this.ctx, this.file(filename));
  }

  createTemplate(html: string): FakeHtmlTemplate {
    this.record('createTemplate');
    return new FakeHtmlTemplate(this.ctx, html);
  }

  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    this.record('createTemplateFromFile');
    return new FakeHtmlTemplate(this.ctx, this.file(filename));
  }

  getUserAgent(): string {
    this.record('getUserAgent');
    return 'Mozilla/5.0 (emulated Apps Script)';
  }
}
