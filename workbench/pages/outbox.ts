/** Every email the add-on sent, newest first: nothing is really sent. */
import type { SentEmail } from '../../emulator/mail';
import { esc, whenText } from './html';

export function outboxPage(mail: readonly SentEmail[]): string {
  const items = [...mail].reverse().map((m) => `<article class="mail">
  <h2 style="margin-top:0">${esc(m.subject)}</h2>
  <dl><dt>From</dt><dd>${esc(m.fromName ? `${m.fromName} <${m.from}>` : m.from)}</dd>
  <dt>To</dt><dd>${esc(m.to.join(', '))}</dd>${m.cc.length ? `<dt>Cc</dt><dd>${esc(m.cc.join(', '))}</dd>` : ''}
  <dt>Sent</dt><dd>${esc(whenText(m.sentAt))}</dd>
  ${m.attachments.length ? `<dt>Attached</dt><dd>${m.attachments.map((a) => esc(`${a.name} (${Math.ceil(a.size / 1024)} KB)`)).join(', ')}</dd>` : ''}</dl>
  <pre>${esc(m.body)}</pre>
</article>`).join('\n');
  return `<h1>Outbox</h1><p class="muted">Email the add-on sent. In the workbench nothing leaves this computer.</p>${items || '<p>No email has been sent yet.</p>'}`;
}
