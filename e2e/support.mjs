// Shared set-up of the end-to-end tests: a static server for dist/ (at / and under
// /dateline/, as GitHub Pages serves it) and Debian's Chromium driven by Playwright.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = process.env.DATELINE_DIST ? path.resolve(process.env.DATELINE_DIST) : path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');
export const SEEDS = path.join(ROOT, 'seeds');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** Serves dist/ on a free port, both at / and at /dateline/. */
export async function serve() {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p.startsWith('/dateline/')) p = p.slice('/dateline'.length);
    else if (p === '/dateline') { res.writeHead(301, { location: '/dateline/' }); res.end(); return; }
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(DIST, path.normalize(p));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end('not found'); return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { server, url: `http://127.0.0.1:${port}/`, subUrl: `http://127.0.0.1:${port}/dateline/` };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens the app and waits until the timeline is rendered. Records console errors,
 * page errors and every request made after load.
 */
export async function openApp(browser, url) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const lateRequests = [];
  let loaded = false;
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (loaded) lateRequests.push(r.url()); });
  await page.goto(url);
  await appReady(page);
  await page.waitForLoadState('networkidle');
  loaded = true;
  return { context, page, errors, lateRequests };
}

/**
 * Waits until the app itself (not index.html's pre-rendered copy of the first screen,
 * which only searches and keeps dropped files) shows the timeline.
 */
export async function appReady(page) {
  await page.waitForFunction(() => !document.getElementById('prerender'), null, { timeout: 60000 });
  await page.getByRole('list', { name: 'Timeline' }).waitFor({ state: 'attached' });
}

/** Drops files (name, text) onto the page as a user would from the file manager. */
export async function dropFiles(page, files) {
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return dt;
  }, files);
  await dispatchDrop(page, dt);
}

/** Drops a DataTransfer (from `generatedArticles`) onto the page. */
export async function dispatchDrop(page, dt) {
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('body', type, { dataTransfer: dt });
  }
}

/**
 * A DataTransfer of `n` generated articles for the large-drop tests and benchmarks:
 * 8 events each ("On Monday, President Ilse X spoke by phone with King Theodric Y."…),
 * every article with its own names, dated by its file name across 2010–2024.
 */
export function generatedArticles(page, n) {
  return page.evaluateHandle((n) => {
    const dt = new DataTransfer();
    const syl = 'bcdfghjklmnpqrstvwxz';
    const name = (i, k) => {
      let s = '';
      for (let j = 0; j < 3; j++) { s += syl[(i + k) % 20] + 'aeiou'[Math.floor(i / 20) % 5]; i = Math.floor(i / 100); }
      return s[0].toUpperCase() + s.slice(1);
    };
    const verbs = ['spoke by phone with', 'met', 'visited', 'criticised', 'praised', 'accused', 'hosted', 'warned'];
    for (let i = 0; i < n; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const lines = verbs.map((v, k) => `On Monday, President Ilse ${name(i, k)}son ${v} King Theodric ${name(i, k + 7)}dal.`);
      dt.items.add(new File([`Report ${i}\n\n${lines.join('\n')}\n`], `20${10 + (i % 15)}-0${1 + (i % 9)}-${day}-r${i}.txt`));
    }
    return dt;
  }, n);
}

export function timelineItems(page) {
  return page.getByRole('list', { name: 'Timeline' }).locator(':scope > li.event');
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/**
 * Registers the suite's set-up and tear-down (a static server and one Chromium) with
 * node:test, and returns the object that holds them once `before` has run.
 */
export function useBrowser(hooks) {
  const env = { srv: null, browser: null };
  hooks.before(async () => {
    env.srv = await serve();
    env.browser = await launch();
  });
  hooks.after(async () => {
    await env.browser?.close();
    env.srv?.server.close();
  });
  return env;
}
