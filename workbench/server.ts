/**
 * The workbench's HTTP server: plain node:http, pages rendered on the server, one JSON endpoint
 * (/api/run) for the pages' google.script.run. Each change is saved to the state file at once,
 * so stopping the server never loses work.
 */
import http from 'node:http';
import { MIME } from '../emulator';
import type { Workbench } from './workbench';
import { answersFrom, formListPage, formPage } from './pages/contactForm';
import { documentListPage, documentPage, type DocumentItem } from './pages/documents';
import { esc } from './pages/html';
import { layout, WORKBENCH_CSS, type Chrome } from './pages/layout';
import { outboxPage } from './pages/outbox';
import { overviewPage } from './pages/overview';
import { embeddedSheetsPage, sheetsPage } from './pages/sheets';
import { withShim } from './pages/shim';
import { sidebarHostPage } from './pages/sidebarHost';
import { errorMessage } from './scriptRun';

type Flash = { text: string; kind: 'ok' | 'error' };

export function createServer(bench: Workbench, stateFile: string): http.Server {
  let flash: Flash | null = null;

  const chrome = (): Chrome => {
    const f = flash;
    flash = null;
    return { activeUser: bench.activeUser, staff: bench.staff(), ...(f ? { flash: f.text, flashKind: f.kind } : {}) };
  };

  const send = (res: http.ServerResponse, status: number, body: string | Uint8Array, type = 'text/html; charset=utf-8') => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
  };
  const page = (res: http.ServerResponse, path: string, title: string, body: string, status = 200) =>
    send(res, status, layout(title, path, chrome(), body));
  const redirect = (res: http.ServerResponse, location: string, message?: Flash) => {
    if (message) flash = message;
    res.writeHead(303, { Location: location });
    res.end();
  };

  const documents = (): DocumentItem[] => [
    ...bench.files(MIME.document).map((f) => ({ id: f.id, name: f.name, createdTime: f.createdTime, kind: 'Document' as const })),
    ...bench.files(MIME.pdf).map((f) => ({ id: f.id, name: f.name, createdTime: f.createdTime, kind: 'PDF' as const })),
  ].sort((a, b) => (a.createdTime < b.createdTime ? 1 : -1));

  const forms = () => bench.files(MIME.form).map((f) => ({ id: f.id, title: (f.content as { title?: string }).title ?? f.name }));

  const openCases = (): number => {
    const cases = bench.sheets().find((s) => s.name === 'Cases');
    if (!cases || cases.rows.length < 2) return 0;
    const status = cases.rows[0].indexOf('Status');
    return cases.rows.slice(1).filter((r) => r[status] === 'Open').length;
  };

  const schoolName = (): string => {
    const settings = bench.sheets().find((s) => s.name === 'Settings');
    const row = settings?.rows.find((r) => r[0] === 'School name');
    return row?.[1] || 'Health Needs Register';
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';

    if (method === 'GET' && path === '/workbench.css') return send(res, 200, WORKBENCH_CSS, 'text/css; charset=utf-8');
    if (method === 'GET' && path === '/favicon.ico') return send(res, 204, '');

    if (method === 'GET' && path === '/') {
      return page(res, path, 'Overview', overviewPage({
        schoolName: schoolName(), menu: bench.menu(), openCases: openCases(), outbox: bench.outbox().length,
        documents: documents().length, forms: forms(), stateFile,
      }));
    }

    if (method === 'POST' && path === '/api/run') {
      const body = JSON.parse(await readBody(req) || '{}') as { fn?: unknown; args?: unknown };
      const fn = typeof body.fn === 'string' ? body.fn : '';
      const args = Array.isArray(body.args) ? body.args : [];
      if (!bench.has(fn)) return send(res, 200, JSON.stringify({ ok: false, error: `Script function not found: ${fn}` }), 'application/json');
      const outcome = bench.runForPage(fn, args);
      bench.save();
      return send(res, 200, JSON.stringify(outcome), 'application/json');
    }

    if (method === 'GET' && path === '/sidebar') {
      const shown = bench.runEntry('showSidebar');
      const refused = shown.error ?? shown.notices.map((n) => n.text).join('\n');
      return page(res, path, 'Sidebar', sidebarHostPage(url.searchParams.get('sheet') ?? 'Cases',
        bench.workspace.ui.sidebar && !refused ? null : refused || 'The add-on did not open its sidebar.'));
    }

    if (method === 'GET' && path === '/sidebar/frame') {
      const sidebar = bench.workspace.ui.sidebar ?? (bench.runEntry('showSidebar'), bench.workspace.ui.sidebar);
      if (!sidebar) return send(res, 409, '<p>The add-on did not open its sidebar. Go back to the workbench overview.</p>');
      return send(res, 200, withShim(sidebar.output.getContentUnmetered(), bench.functions));
    }

    // A dialog the add-on opened from its menu (e.g. importing pupils), with the same page shim as the sidebar.
    if (method === 'GET' && path === '/dialog') {
      const dialog = bench.workspace.ui.dialogs[bench.workspace.ui.dialogs.length - 1];
      if (!dialog) return redirect(res, '/');
      const { width, height } = dialog.output.getSizeUnmetered();
      return page(res, '/', dialog.title, `<h1>${esc(dialog.title)}</h1>
<iframe title="${esc(dialog.title)}" src="/dialog/frame" style="width:${width || 600}px;max-width:100%;height:${height || 500}px;border:1px solid #c4c7c5;border-radius:8px;background:#fff"></iframe>
<p><a href="/">Close and go back to the overview</a></p>`);
    }
    if (method === 'GET' && path === '/dialog/frame') {
      const dialog = bench.workspace.ui.dialogs[bench.workspace.ui.dialogs.length - 1];
      if (!dialog) return send(res, 404, '<p>No dialog is open.</p>');
      return send(res, 200, withShim(dialog.output.getContentUnmetered(), bench.functions));
    }

    if (method === 'GET' && (path === '/sheets' || path.startsWith('/sheets/'))) {
      const sheets = bench.sheets();
      const name = path.slice('/sheets/'.length);
      const current = sheets.find((s) => s.name === name) ?? sheets.find((s) => !s.hidden) ?? sheets[0];
      if (!current) return page(res, path, 'Register', '<h1>Register</h1><p>The spreadsheet has no sheets.</p>');
      if (url.searchParams.get('embed') === '1') return send(res, 200, embeddedSheetsPage(sheets, current));
      return page(res, '/sheets', current.name, sheetsPage(sheets, current, false));
    }

    if (method === 'GET' && path === '/forms') return page(res, path, 'Forms', formListPage(forms()));

    if (path.startsWith('/forms/')) {
      const form = bench.findForm(path.slice('/forms/'.length));
      if (!form) return page(res, '/forms', 'Form not found', '<h1>Form not found</h1><p>No form has that address. <a href="/forms">See the forms</a>.</p>', 404);
      const items = bench.forms.items(form.id);
      if (method === 'GET') {
        const prefill: Record<string, string> = {};
        for (const [key, value] of url.searchParams) {
          const m = /^entry\.(\d+)$/.exec(key);
          if (m) prefill[m[1]] = value;
        }
        return page(res, '/forms', form.title, formPage(form, items, prefill, bench.activeUser));
      }
      if (method === 'POST') {
        const fields = new URLSearchParams(await readBody(req));
        try {
          bench.forms.submitAsUser(form.id, answersFrom(items, fields), { respondentEmail: fields.get('respondentEmail') ?? bench.activeUser });
          bench.save();
          return redirect(res, `/forms/${encodeURIComponent(form.id)}`, { kind: 'ok', text: 'Your response has been recorded. The add-on\u2019s form-submit trigger has run: see the Contact log and the case in the sidebar.' });
        } catch (e) {
          bench.save();
          return redirect(res, `/forms/${encodeURIComponent(form.id)}`, { kind: 'error', text: errorMessage(e) });
        }
      }
    }

    if (method === 'GET' && path === '/documents') return page(res, path, 'Documents', documentListPage(documents()));
    if (method === 'GET' && path.startsWith('/documents/')) {
      const id = path.slice('/documents/'.length);
      const file = bench.workspace.ctx.file(id);
      if (!file) return page(res, '/documents', 'Not found', '<h1>Document not found</h1>', 404);
      if (file.mimeType === MIME.pdf) return send(res, 200, bench.pdfBytes(id), 'application/pdf');
      if (file.mimeType === MIME.document) return page(res, '/documents', file.name, documentPage(file.name, bench.documentHtml(id)));
      return page(res, '/documents', file.name, `<h1>${esc(file.name)}</h1><p>This kind of file (${esc(file.mimeType)}) is not shown in the workbench.</p>`);
    }

    if (method === 'GET' && path === '/outbox') return page(res, path, 'Outbox', outboxPage(bench.outbox()));

    if (method === 'POST' && path === '/daily-check') {
      const before = bench.outbox().length;
      const result = bench.runDailyCheck();
      bench.save();
      const sent = bench.outbox().length - before;
      return redirect(res, '/', result.error
        ? { kind: 'error', text: result.error }
        : { kind: 'ok', text: `The daily check ran. ${sent} email${sent === 1 ? '' : 's'} sent: see the Outbox. Contact compliance and the Cases sheet are up to date.` });
    }

    if (method === 'POST' && path === '/act-as') {
      const email = new URLSearchParams(await readBody(req)).get('email') ?? '';
      if (email) bench.setActiveUser(email);
      bench.save();
      return redirect(res, req.headers.referer && new URL(req.headers.referer).host === req.headers.host ? new URL(req.headers.referer).pathname : '/',
        { kind: 'ok', text: `You are now acting as ${email}.` });
    }

    if (method === 'POST' && path.startsWith('/menu/')) {
      const fn = path.slice('/menu/'.length);
      if (!bench.menu().some((m) => m !== 'separator' && m.functionName === fn)) return redirect(res, '/', { kind: 'error', text: `The add-on menu has no item that runs ${fn}.` });
      const sidebarBefore = bench.workspace.ui.sidebar;
      const dialogsBefore = bench.workspace.ui.dialogs.length;
      const result = bench.runEntry(fn);
      bench.save();
      if (bench.workspace.ui.sidebar && bench.workspace.ui.sidebar !== sidebarBefore && !result.error) return redirect(res, '/sidebar');
      if (bench.workspace.ui.dialogs.length > dialogsBefore && !result.error) return redirect(res, '/dialog');
      const text = [result.error, ...result.notices.map((n) => n.text)].filter(Boolean).join('\n') || 'Done.';
      return redirect(res, '/', { kind: result.error ? 'error' : 'ok', text });
    }

    return page(res, path, 'Not found', '<h1>Not found</h1><p><a href="/">Back to the overview</a></p>', 404);
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, `<p>The workbench failed: ${esc(errorMessage(error))}</p>`);
      else res.end();
    });
  });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
