/**
 * The sidebar page's entry point (built into dist/Sidebar.html by scripts/build.mjs). It starts
 * on the list of open cases; everything else is reached from there.
 */
import { App } from './app';
import { homeView } from './views/home';

function start(): void {
  const view = document.getElementById('view');
  const message = document.getElementById('message');
  if (!view || !message) return;
  const app = new App(view, message);
  app.home(() => homeView(app));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
