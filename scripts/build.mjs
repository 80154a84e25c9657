// Builds dist/ for clasp: Code.js (webpack + esbuild-loader + gas-webpack-plugin),
// appsscript.json, and each sidebar/dialog page as one self-contained .html file
// (Apps Script's HtmlService serves a single file, so client code and CSS are inlined).
import { build as esbuild } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

async function buildServer() {
  const webpack = require('webpack');
  const config = require(path.join(root, 'webpack.config.cjs'));
  await new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/** Every src/ui/pages/<Name>.html gets its <!-- inline:script --> from src/ui/client/<name>.ts. */
async function buildPages() {
  const pagesDir = path.join(root, 'src/ui/pages');
  if (!fs.existsSync(pagesDir)) return [];
  const built = [];
  for (const file of fs.readdirSync(pagesDir).filter((f) => f.endsWith('.html'))) {
    const name = path.basename(file, '.html');
    let html = fs.readFileSync(path.join(pagesDir, file), 'utf8');
    const entry = path.join(root, 'src/ui/client', `${name.charAt(0).toLowerCase()}${name.slice(1)}.ts`);
    if (fs.existsSync(entry)) {
      const out = await esbuild({
        entryPoints: [entry], bundle: true, write: false, format: 'iife', target: 'es2020', minify: true,
      });
      // "</script" inside the bundle would end the inline script early.
      const js = out.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
      html = html.replace('<!-- inline:script -->', () => `<script>\n${js}</script>`);
    }
    const cssPath = path.join(pagesDir, `${name}.css`);
    if (fs.existsSync(cssPath)) {
      html = html.replace('<!-- inline:style -->', () => `<style>\n${fs.readFileSync(cssPath, 'utf8')}</style>`);
    }
    fs.writeFileSync(path.join(dist, file), html);
    built.push(file);
  }
  return built;
}

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });
await buildServer();
fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
const pages = await buildPages();
const size = fs.statSync(path.join(dist, 'Code.js')).size;
console.log(`built dist/Code.js (${(size / 1024).toFixed(1)} KB), dist/appsscript.json${pages.map((p) => `, dist/${p}`).join('')}`);
