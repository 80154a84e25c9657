/**
 * The sidebar as it sits in Sheets: 300px wide at the right of the register. The register pane
 * reloads after each server call the sidebar makes, so its effect on the sheets is visible at once.
 */
import { esc } from './html';

export function sidebarHostPage(sheetName: string, error: string | null): string {
  const panel = error
    ? `<div class="flash flash-error" role="alert"><p>${esc(error)}</p></div>`
    : `<iframe id="sidebar-frame" title="Health Needs Register sidebar" src="/sidebar/frame"></iframe>`;
  return `<h1 class="sr-only" style="position:absolute;left:-999px">Sidebar</h1>
<div class="split">
  <aside class="sidebar-shell" aria-label="Add-on sidebar">
    <div class="title"><span>Health Needs Register</span><span aria-hidden="true">×</span></div>
    ${panel}
  </aside>
  <section class="register-pane" aria-label="Register">
    <iframe id="register-frame" title="Register sheets" src="/sheets/${encodeURIComponent(sheetName)}?embed=1"></iframe>
  </section>
</div>
<script>
  window.addEventListener('message', function (event) {
    if (!event.data || event.data.type !== 'workbench:ran') return;
    var frame = document.getElementById('register-frame');
    frame.contentWindow.location.reload();
  });
</script>`;
}
