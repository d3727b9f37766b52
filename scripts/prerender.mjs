// Pre-renders the first screen into the built page (run by `./dev build` after Trunk):
// opens dist/ in Chromium, lets the app render the samples, and writes what it shows
// into dist/index.html inside <div id="prerender">, with src/ui/first.js (as a hashed
// file) to make that copy answer until the WebAssembly module takes over. The first
// screen is then painted once the page and its stylesheet arrive (DESIGN.md, "The first
// screen"). Inline style attributes (the virtual list's positions) are left out: the
// Content-Security-Policy forbids them, and the copy lists its rows in the flow.
//
//   node scripts/prerender.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.DATELINE_DIST = path.resolve(process.argv[2] || path.join(ROOT, 'dist'));
const { serve, launch, DIST } = await import('../e2e/support.mjs');

const index = path.join(DIST, 'index.html');
let html = fs.readFileSync(index, 'utf8');
if (html.includes('id="prerender"')) {
  console.error('prerender: dist/index.html already has its first screen');
  process.exit(0);
}

const { server, url } = await serve();
const browser = await launch();
let body;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll('ol.events > li.event').length > 0, null, { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  // The panels (filters' counts, histogram) follow a frame later.
  await page.waitForTimeout(500);
  body = await page.evaluate(() => {
    // What the app set as properties (a date input's value, a checkbox) becomes markup.
    for (const el of document.querySelectorAll('input, select')) {
      if (el.type === 'checkbox' || el.type === 'radio') el.toggleAttribute('checked', el.checked);
      else if (el.tagName === 'SELECT') for (const o of el.options) o.toggleAttribute('selected', o.selected);
      else if (el.type !== 'file') el.setAttribute('value', el.value);
    }
    const copy = document.body.cloneNode(true);
    for (const el of copy.querySelectorAll('script, noscript, #loading, link')) el.remove();
    for (const el of copy.querySelectorAll('[style]')) el.removeAttribute('style');
    // Until the module takes over only the search box and the file pickers work; the
    // other controls are shown, disabled.
    for (const el of copy.querySelectorAll('button, select, textarea, input:not(#search):not([type=file])')) {
      el.setAttribute('disabled', '');
    }
    for (const a of copy.querySelectorAll('a[href]')) {
      if (!a.classList.contains('skip')) a.removeAttribute('href');
    }
    return copy.innerHTML;
  });
  await context.close();
} finally {
  await browser.close();
  server.close();
}

const source = fs.readFileSync(path.join(ROOT, 'src', 'ui', 'first.js'), 'utf8');
const name = `first-${crypto.createHash('sha256').update(source).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(DIST, name), source);

const status =
  '<p id="first-status" class="first-status" role="status">Loading the analyser… ' +
  'Search works on these sample events already; files you drop wait for it.</p>';
const screen = `<div id="prerender" class="prerender">${status}${body}</div>\n    <script src="./${name}" defer></script>`;
const loading = /<p id="loading"[^>]*>[\s\S]*?<\/p>/;
if (!loading.test(html)) throw new Error('prerender: no loading note in dist/index.html to replace');
html = html.replace(loading, () => screen);
fs.writeFileSync(index, html);
const rows = (body.match(/<li class="event/g) || []).length;
console.error(`prerender: ${rows} event rows, ${(Buffer.byteLength(screen) / 1024).toFixed(0)} KB of HTML, ${name}`);
