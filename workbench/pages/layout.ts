/**
 * The workbench's frame: a header saying what this is, the navigation, who you are acting as
 * (switchable to any member of staff, to see the role rules), and the page. Plain HTML and CSS.
 */
import { esc } from './html';

export interface Chrome {
  readonly activeUser: string;
  readonly staff: ReadonlyArray<{ email: string; name: string; role: string }>;
  readonly flash?: string;
  readonly flashKind?: 'ok' | 'error';
}

const NAV: ReadonlyArray<[string, string]> = [
  ['/', 'Overview'],
  ['/sidebar', 'Sidebar'],
  ['/sheets', 'Register'],
  ['/forms', 'Contact Form'],
  ['/documents', 'Documents'],
  ['/outbox', 'Outbox'],
];

export function layout(title: string, path: string, chrome: Chrome, body: string): string {
  const nav = NAV.map(([href, label]) => {
    const current = href === '/' ? path === '/' : path.startsWith(href);
    return `<a href="${href}"${current ? ' aria-current="page"' : ''}>${esc(label)}</a>`;
  }).join('');
  const me = chrome.staff.find((s) => s.email.toLowerCase() === chrome.activeUser.toLowerCase());
  const options = chrome.staff.map((s) =>
    `<option value="${esc(s.email)}"${s === me ? ' selected' : ''}>${esc(s.name || s.email)} (${esc(s.role)})</option>`).join('');
  const flash = chrome.flash
    ? `<div class="flash flash-${chrome.flashKind ?? 'ok'}" role="${chrome.flashKind === 'error' ? 'alert' : 'status'}">${chrome.flash.split('\n').map((l) => `<p>${esc(l)}</p>`).join('')}</div>`
    : '';
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Health Needs Register workbench</title>
<link rel="stylesheet" href="/workbench.css">
</head>
<body>
<header class="bar">
  <div class="brand"><strong>Health Needs Register</strong> <span>local workbench: the real add-on on an emulated Google Workspace</span></div>
  <nav aria-label="Workbench">${nav}</nav>
  <form class="actas" method="post" action="/act-as">
    <label for="act-as">Acting as</label>
    <select id="act-as" name="email">${me ? '' : `<option selected>${esc(chrome.activeUser)}</option>`}${options}</select>
    <button type="submit">Switch</button>
  </form>
</header>
<main id="main">
${flash}
${body}
</main>
<script>
  // Submit the user switch as soon as a different person is chosen.
  document.getElementById('act-as').addEventListener('change', function () { this.form.submit(); });
</script>
</body>
</html>`;
}

export const WORKBENCH_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #202124; background: #f6f8fc; }
a { color: #174ea6; }
:focus-visible { outline: 2px solid #174ea6; outline-offset: 2px; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding: 0.6rem 1.2rem; background: #fff; border-bottom: 1px solid #dadce0; }
.brand span { color: #4d5156; font-size: 0.9rem; margin-left: 0.4rem; }
.bar nav { display: flex; gap: 0.2rem; flex-wrap: wrap; }
.bar nav a { padding: 0.35rem 0.7rem; border-radius: 999px; text-decoration: none; color: #202124; }
.bar nav a[aria-current="page"] { background: #d3e3fd; color: #041e49; font-weight: 600; }
.bar nav a:hover { background: #eef3fd; }
.actas { margin-left: auto; display: flex; gap: 0.4rem; align-items: center; font-size: 0.9rem; }
.actas select, .actas button { font: inherit; padding: 0.25rem 0.4rem; }
main { padding: 1.2rem; max-width: 1400px; }
h1 { font-size: 1.5rem; margin: 0.2rem 0 0.8rem; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 0.5rem; }
.flash { padding: 0.6rem 0.9rem; border-radius: 6px; margin-bottom: 1rem; border-left: 4px solid; }
.flash p { margin: 0.15rem 0; white-space: pre-wrap; }
.flash-ok { background: #e6f4ea; border-color: #188038; color: #0d652d; }
.flash-error { background: #fce8e6; border-color: #d93025; color: #a50e0e; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 0.8rem; }
.card { background: #fff; border: 1px solid #dadce0; border-radius: 10px; padding: 0.8rem 1rem; }
.card h2 { margin-top: 0; }
button, .button { font: inherit; cursor: pointer; border-radius: 6px; padding: 0.4rem 0.9rem; border: 1px solid #1a5fd0; background: #1a5fd0; color: #fff; font-weight: 600; text-decoration: none; display: inline-block; }
button.secondary { background: #fff; color: #174ea6; border-color: #a8c7fa; }
.muted { color: #4d5156; }
.tabs { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0 0 0.6rem; padding: 0; list-style: none; }
.tabs a { display: inline-block; padding: 0.3rem 0.7rem; border: 1px solid #dadce0; border-bottom-width: 3px; border-radius: 6px 6px 0 0; background: #fff; text-decoration: none; color: #202124; font-size: 0.9rem; }
.tabs a[aria-current="page"] { font-weight: 700; background: #e8f0fe; }
.tabs .hidden-sheet { font-style: italic; color: #4d5156; }
.grid-wrap { overflow: auto; max-height: 75vh; background: #fff; border: 1px solid #dadce0; }
table.grid { border-collapse: collapse; font-size: 0.85rem; }
table.grid th, table.grid td { border: 1px solid #e3e3e3; padding: 0.25rem 0.45rem; vertical-align: top; max-width: 16rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table.grid thead th { white-space: normal; min-width: 5rem; }
table.grid thead th { position: sticky; top: 0; background: #f1f3f4; text-align: left; z-index: 1; }
table.grid th.rownum { background: #f8f9fa; color: #5f6368; font-weight: 400; text-align: right; position: sticky; left: 0; }
table.grid tr.flag-la td { background: #fbe4e2; }
table.grid tr.flag-contact td { background: #fef3d6; }
.split { display: grid; grid-template-columns: 300px minmax(0, 1fr); gap: 1.2rem; align-items: start; }
.sidebar-shell { width: 300px; background: #fff; border: 1px solid #c4c7c5; border-radius: 8px; overflow: hidden; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
.sidebar-shell .title { display: flex; justify-content: space-between; padding: 0.55rem 0.8rem; font-weight: 600; border-bottom: 1px solid #dadce0; background: #fff; }
.sidebar-shell iframe { display: block; width: 300px; height: 78vh; border: 0; }
.register-pane iframe { width: 100%; height: 78vh; border: 1px solid #dadce0; background: #fff; }
form.gform { background: #fff; border: 1px solid #dadce0; border-top: 8px solid #673ab7; border-radius: 8px; padding: 1rem 1.4rem; max-width: 680px; }
.question { border-top: 1px solid #eee; padding: 0.8rem 0; }
.question label, .question legend { font-weight: 600; display: block; margin-bottom: 0.3rem; }
.question .help { color: #4d5156; font-size: 0.9rem; margin: 0 0 0.4rem; }
.question input[type=text], .question input[type=email], .question input[type=date], .question select, .question textarea { font: inherit; width: 100%; max-width: 30rem; padding: 0.4rem; }
.required { color: #a50e0e; }
.doc { background: #fff; border: 1px solid #dadce0; max-width: 800px; padding: 2.5rem 3rem; box-shadow: 0 1px 3px rgba(0,0,0,.12); font-family: Georgia, "Times New Roman", serif; }
.doc p { margin: 0 0 0.7rem; }
.mail { background: #fff; border: 1px solid #dadce0; border-radius: 8px; padding: 0.8rem 1rem; margin-bottom: 0.8rem; }
.mail dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0 0 0.6rem; font-size: 0.9rem; }
.mail dt { color: #4d5156; }
.mail dd { margin: 0; }
.mail pre { white-space: pre-wrap; font: inherit; margin: 0; }
.mail details { margin-top: 0.5rem; }
ol.steps li { margin-bottom: 0.4rem; }
`;
