/** The workbench's front page: what it is, what to try first, the add-on's menu and the daily check. */
import { esc } from './html';

export interface OverviewData {
  readonly schoolName: string;
  readonly menu: ReadonlyArray<{ caption: string; functionName: string } | 'separator'>;
  readonly openCases: number;
  readonly outbox: number;
  readonly documents: number;
  readonly forms: ReadonlyArray<{ id: string; title: string }>;
  readonly stateFile: string;
}

export function overviewPage(d: OverviewData): string {
  const menu = d.menu.map((item) => item === 'separator'
    ? '<hr>'
    : `<form method="post" action="/menu/${esc(item.functionName)}"><button type="submit" class="secondary">${esc(item.caption)}</button></form>`).join('');
  return `<h1>${esc(d.schoolName)}</h1>
<p class="muted">This is the real add-on (dist/Code.js and dist/Sidebar.html) running on an in-memory Google Workspace. Nothing leaves this computer; work is kept in <code>${esc(d.stateFile)}</code> between runs (<code>npm start -- --reset</code> starts afresh).</p>
<div class="cards">
  <section class="card"><h2>Try this first</h2>
    <ol class="steps">
      <li>Open the <a href="/sidebar">sidebar</a> and choose a pupil from the open cases.</li>
      <li>Log a contact on the <a href="/forms">contact Form</a>, as a member of staff would from their phone.</li>
      <li>Run the daily check below, then look at <a href="/sheets/Contact%20compliance">Contact compliance</a> and the <a href="/outbox">outbox</a>.</li>
      <li>Switch "Acting as" to a teacher to see what their role allows.</li>
    </ol>
  </section>
  <section class="card"><h2>Daily check</h2>
    <p>Runs the add-on's daily trigger now, as Apps Script does each morning: recounts school days missed, rebuilds contact compliance and emails the digest.</p>
    <form method="post" action="/daily-check"><button type="submit" id="run-daily-check">Run the daily check</button></form>
  </section>
  <section class="card"><h2>Add-on menu</h2>
    <p class="muted">Extensions → Health Needs Register, as it appears in the Sheet.</p>
    <div class="menu">${menu || '<p>No menu yet.</p>'}</div>
  </section>
  <section class="card"><h2>At a glance</h2>
    <ul>
      <li><a href="/sheets/Cases">${d.openCases} open case${d.openCases === 1 ? '' : 's'}</a></li>
      <li><a href="/documents">${d.documents} generated document${d.documents === 1 ? '' : 's'}</a></li>
      <li><a href="/outbox">${d.outbox} email${d.outbox === 1 ? '' : 's'} in the outbox</a></li>
      ${d.forms.map((f) => `<li><a href="/forms/${esc(f.id)}">${esc(f.title)}</a></li>`).join('')}
    </ul>
  </section>
</div>`;
}
