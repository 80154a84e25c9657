/**
 * What the workbench puts at the top of a page the add-on shows (the sidebar, a dialog) in place
 * of Google's page runtime: google.script.run POSTs {fn, args} to /api/run and calls the success
 * or failure handler with the answer, asynchronously, as the real one does. google.script.host
 * closes the panel. Links to Google Forms and Docs open the workbench's own pages for them.
 */
export function pageShim(functionNames: readonly string[]): string {
  return `<script>
(function () {
  var names = ${JSON.stringify(functionNames).replace(/</g, '\\u003c')};
  function runner(success, failure, userObject) {
    var r = {
      withSuccessHandler: function (fn) { return runner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return runner(success, fn, userObject); },
      withUserObject: function (o) { return runner(success, failure, o); }
    };
    names.forEach(function (name) {
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        fetch('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fn: name, args: args }) })
          .then(function (res) { return res.json(); })
          .then(function (answer) {
            if (window.parent !== window) window.parent.postMessage({ type: 'workbench:ran', fn: name }, '*');
            if (answer.ok) { if (success) success(answer.value, userObject); }
            else if (failure) failure(new Error(answer.error), userObject);
          }, function () {
            if (failure) failure(new Error('NetworkError: Connection failure due to HTTP 0'), userObject);
          });
      };
    });
    return r;
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: { close: function () { if (window.parent !== window) window.parent.postMessage({ type: 'workbench:close' }, '*'); }, editor: { focus: function () {} } }
  } };
  document.addEventListener('click', function (event) {
    var a = event.target && event.target.closest ? event.target.closest('a[href]') : null;
    if (!a) return;
    var href = a.getAttribute('href');
    var form = /^https:\\/\\/docs\\.google\\.com\\/forms\\/d\\/(?:e\\/)?([^/]+)\\/viewform(\\?.*)?$/.exec(href);
    var doc = /^https:\\/\\/docs\\.google\\.com\\/document\\/d\\/([^/]+)/.exec(href);
    var file = /^https:\\/\\/drive\\.google\\.com\\/file\\/d\\/([^/]+)/.exec(href);
    var target = form ? '/forms/' + form[1] + (form[2] || '') : doc ? '/documents/' + doc[1] : file ? '/documents/' + file[1] : null;
    if (target) { event.preventDefault(); window.open(target, '_blank'); }
  }, true);
})();
</script>`;
}

/** Puts the shim first in <head>, before the page's own scripts run. */
export function withShim(html: string, functionNames: readonly string[]): string {
  const shim = pageShim(functionNames);
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (m) => `${m}\n${shim}`);
  return shim + html;
}
