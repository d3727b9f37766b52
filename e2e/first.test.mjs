// The first screen: index.html carries the samples' timeline, pre-rendered by
// `./dev build`, so it is painted before the WebAssembly module arrives; meanwhile its
// search answers and files given wait, saying so; then the module takes over, keeps
// the query and reads the files. The full reader (HTML, legacy encodings) is a worker
// module of its own, fetched when a file needs it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, appReady, dropFiles, timelineItems } from './support.mjs';

const env = useBrowser({ before, after });

const fold = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

test('the first screen is painted before the module; its search answers, a file dropped meanwhile waits, saying so, then is analysed', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The module is held back until the test lets it through.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/dateline-web-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(env.srv.url);

  // Painted from the page alone: the samples' rows, in the page's HTML as served.
  const served = await (await context.request.get(env.srv.url)).text();
  const servedRows = (served.match(/<li class="event[ "]/g) || []).length;
  assert.ok(servedRows >= 20, `rows in index.html: ${servedRows}`);
  await page.locator('#prerender li.event').first().waitFor();
  assert.equal(await page.locator('#prerender li.event').count(), servedRows);
  assert.match(await page.locator('#first-status').textContent(), /Loading the analyser/);

  // Search answers on the copy: every row left names the word, the count says so.
  await page.locator('#prerender #search').fill('Putin');
  const shown = await page.locator('#prerender li.event:not([hidden])').allTextContents();
  assert.ok(shown.length > 0 && shown.length < servedRows, `rows for Putin: ${shown.length} of ${servedRows}`);
  for (const t of shown) assert.ok(fold(t).includes('putin'), t);
  assert.equal(await page.locator('#prerender #result-count').textContent(), `${shown.length} of ${servedRows} events match`);
  await page.locator('#prerender #search').fill('');
  assert.equal(await page.locator('#prerender #result-count').textContent(), `${servedRows} events`);

  // A file dropped now waits, and the page says so.
  await dropFiles(page, [{ name: '2025-03-05-drop.txt', text: 'Report\n\nOn Monday, President Ilse Vantrowson met King Theodric Brandydal in Geneva.\n' }]);
  await page.waitForFunction(() => /1 file will be read as soon as it is ready/.test(document.querySelector('#first-status')?.textContent ?? ''));
  await page.locator('#prerender #search').fill('Vantrowson');

  // The module arrives and takes over: the copy goes, the query stays, the file is read.
  release();
  await appReady(page);
  assert.equal(await page.locator('#search').inputValue(), 'Vantrowson');
  await page.waitForFunction(() => [...document.querySelectorAll('li.event')].some((li) => li.textContent.includes('Vantrowson')), null, { timeout: 30000 });
  const items = await timelineItems(page).allTextContents();
  assert.ok(items.length >= 1 && items.every((t) => t.includes('Vantrowson')), items.join('\n'));
  assert.equal(await page.locator('li.article', { hasText: '2025-03-05-drop.txt' }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the app shows the same samples as its pre-rendered copy', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const served = await (await context.request.get(env.srv.url)).text();
  await page.goto(env.srv.url);
  await appReady(page);
  const live = await page.locator('li.event').allTextContents();
  // The copy's rows, as a browser reads them from the served page.
  const copy = await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return [...doc.querySelectorAll('#prerender li.event')].map((li) => li.textContent);
  }, served);
  assert.deepEqual(copy, live);
  await context.close();
});

test('an HTML page and a Latin-1 text are read by the full reader, a worker module fetched when first needed', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(env.srv.url);
  await appReady(page);
  await page.waitForLoadState('networkidle');
  assert.ok(!fetched.some((p) => p.includes('dateline-reader')), `fetched before any HTML: ${fetched.join(', ')}`);
  await dropFiles(page, [
    { name: 'page.html', text: '<html><head><title>Geneva talks</title></head><body><nav>Home | World</nav><article><h1>Geneva talks</h1><p>On Monday, President Ilse Vantrowson met King Theodric Brandydal in Geneva.</p></article><footer>Copyright</footer></body></html>' },
  ]);
  await page.waitForFunction(() => [...document.querySelectorAll('li.article')].some((li) => li.textContent.includes('page.html')), null, { timeout: 30000 });
  assert.ok(fetched.some((p) => p.endsWith('/dateline-reader_bg.wasm')), `fetched: ${fetched.join(', ')}`);
  // Latin-1 bytes (é as 0xE9): decoded by the full reader, with its warning.
  const dt = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    const text = 'Caf\u00e9 talks\n\nOn Tuesday, Chancellor Berin Aldmark met Queen Eowyn Rhovan in Orl\u00e9ans, d\u00e9j\u00e0 vu.';
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    dt.items.add(new File([bytes], 'latin1.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.evaluate((dt) => {
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true }));
  }, dt);
  await page.waitForFunction(() => [...document.querySelectorAll('li.article')].some((li) => li.textContent.includes('latin1.txt')), null, { timeout: 30000 });
  const body = await page.locator('body').textContent();
  assert.ok(body.includes('Café talks'), 'the Latin-1 article is read as Latin-1');
  assert.ok(body.includes('Vantrowson'), 'the HTML article\'s actors are on the page');
  assert.ok(!/needs the full reader/.test(body), 'no file was refused for want of the reader');
  await context.close();
});

test('when the module runs before the first screen\'s script, the app takes over all the same', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // first.js arrives only once the app is running.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/first-[0-9a-f]+\.js$/, async (route) => { await held; await route.continue(); });
  await page.goto(env.srv.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 30000 }).catch(() => {});
  release();
  await appReady(page);
  await dropFiles(page, [{ name: 'late.txt', text: 'On Monday, President Ilse Vantrowson met King Theodric Brandydal in Geneva.\n' }]);
  await page.waitForFunction(() => [...document.querySelectorAll('li.article')].some((li) => li.textContent.includes('late.txt')), null, { timeout: 30000 });
  assert.deepEqual(errors, []);
  await context.close();
});
