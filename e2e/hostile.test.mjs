// Hostile files dropped on the page: each is read or refused with a message naming it,
// the other articles are untouched, and nothing but those messages is reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, dropFiles, useBrowser } from './support.mjs';

const DIR = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'tests', 'hostile');
const env = useBrowser({ before, after });

/** Drops files given as (name, bytes) onto the page. */
async function dropBytes(page, files) {
  const payload = files.map(([name, bytes]) => ({ name, b64: Buffer.from(bytes).toString('base64') }));
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name));
    }
    return dt;
  }, payload);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('body', type, { dataTransfer: dt });
}

const REFUSED = {
  'empty.txt': /file empty\.txt: no text in this file/,
  'random.bin': /file random\.bin: not a text article \(looks like binary data\)/,
  'nul-bytes.txt': /file nul-bytes\.txt: not a text article \(looks like binary data\)/,
  'scan.pdf': /file scan\.pdf: not a text article \(looks like PDF\)/,
  'pixel.png': /file pixel\.png: not a text article \(looks like a PNG image\)/,
  'image-named.txt': /file image-named\.txt: not a text article \(looks like a PNG image\)/,
  'articles.zip': /file articles\.zip: not a text article \(looks like a ZIP archive/,
};

test('the hostile folder: each file read or refused by name, the good article untouched, no other error', async () => {
  const { context, page, errors, lateRequests } = await openApp(env.browser, env.srv.url);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await page.waitForTimeout(50);
  const names = fs.readdirSync(DIR).filter((n) => n !== 'README.md').sort();
  await dropBytes(page, names.map((n) => [n, fs.readFileSync(path.join(DIR, n))]));
  const readable = names.filter((n) => !(n in REFUSED));
  await page.waitForFunction((n) => document.querySelectorAll('li.article').length === n, readable.length);
  const alert = await page.getByRole('alert').textContent();
  for (const [file, message] of Object.entries(REFUSED)) assert.match(alert, message, file);
  // The good article gives its phone call, dated from its file's own date.
  const files = await page.locator('li.article .a-file').allTextContents();
  assert.ok(files.includes('good.txt'), files.join(', '));
  assert.ok((await page.locator('li.event', { hasText: 'Putin' }).count()) >= 1);
  // The payload page's scripts did nothing and its text has none of them.
  assert.deepEqual(dialogs, [], 'no script of the page ran');
  assert.deepEqual(lateRequests, [], 'nothing fetched, not even the page\'s images');
  const text = await page.locator('body').textContent();
  assert.ok(!/javascript:/i.test(text), 'no javascript: URL shown');
  assert.ok(!/MARKER/.test(text), 'no script, handler or refresh content shown');
  // Warnings are shown on the articles that carry them.
  assert.ok((await page.locator('li.article .a-warn').count()) >= 1);
  assert.deepEqual(errors, [], 'no console error beyond the messages');
  await context.close();
});

test('10,000 small files in one drop are all read, with progress', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await page.waitForTimeout(50);
  const dt = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    // Names made of letters, one pair per file, so that no two events are the same.
    const name = (i) => {
      let s = '';
      for (let k = 0; k < 3; k++) { s += 'bcdfghjklmnpqrstvwxz'[i % 20] + 'aeiou'[Math.floor(i / 20) % 5]; i = Math.floor(i / 100); }
      return s[0].toUpperCase() + s.slice(1);
    };
    for (let i = 0; i < 10000; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const text = `Note ${i}\n\nOn Monday, President Ilse ${name(i)}son of Arnor spoke by phone with King Theodric ${name(i)}dal of Rohan.\n`;
      dt.items.add(new File([text], `2025-02-${day}-note-${i}.txt`, { type: 'text/plain' }));
    }
    return dt;
  });
  let sawProgress = false;
  const watch = setInterval(async () => {
    if (await page.locator('progress#progress-bar').count()) sawProgress = true;
  }, 50);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('body', type, { dataTransfer: dt });
  await page.waitForFunction(() => /^\d+ events$/.test(document.querySelector('#result-count')?.textContent ?? '')
    && document.querySelector('.articles .count')?.textContent === '10000', null, { timeout: 240000 });
  clearInterval(watch);
  assert.ok(sawProgress, 'a progress bar was shown');
  const n = Number((await page.locator('#result-count').textContent()).split(' ')[0]);
  assert.ok(n >= 10000, `${n} events from 10,000 files`);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A folder of `n` small articles, some in a subfolder. */
function makeFolder(n) {
  const dir = fs.mkdtempSync('/tmp/dateline-folder-');
  fs.mkdirSync(path.join(dir, 'inner'));
  for (let i = 0; i < n; i++) {
    const where = i % 3 === 0 ? path.join(dir, 'inner') : dir;
    fs.writeFileSync(path.join(where, `2025-03-${String(1 + (i % 28)).padStart(2, '0')}-n${i}.txt`), `${i === 0 ? 'Türkiye item' : 'Item'} ${i}\n\nOn Monday, King Theodric Morwen received Foreign Minister Amrod Castamir.\n`);
  }
  return dir;
}

test('the folder picker reads a whole folder, subfolders included', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  const dir = makeFolder(150);
  await page.locator('#folder-input').setInputFiles(dir);
  await page.waitForFunction(() => document.querySelector('.articles .count')?.textContent === '150', null, { timeout: 60000 });
  // 150 articles: the panel lists 50 and finds the others by title or file name.
  assert.equal(await page.locator('li.article').count(), 50);
  assert.match(await page.locator('.articles .hint').textContent(), /^100 more/);
  await page.getByLabel('Find an article').fill('inner/');
  await page.waitForFunction(() => document.querySelectorAll('li.article').length === 50
    && [...document.querySelectorAll('li.article .a-file')].every((f) => f.textContent.includes('inner/')));
  const files = await page.locator('li.article .a-file').allTextContents();
  assert.ok(files.every((f) => f.includes('inner/')), 'paths inside the folder are kept');
  // The finder folds case and accents as search does.
  await page.getByLabel('Find an article').fill('TURKIYE');
  await page.waitForFunction(() => document.querySelectorAll('li.article').length === 1);
  assert.match(await page.locator('li.article').first().textContent(), /Türkiye item 0/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a folder dropped from the file manager is walked, past Chromium\'s batches of 100', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await page.waitForTimeout(50);
  const dir = makeFolder(250);
  // A real drag from outside the page, through the DevTools protocol: the page sees
  // the folder as a directory entry, as when a user drops it.
  const cdp = await context.newCDPSession(page);
  const box = await page.locator('main').boundingBox();
  const at = { x: box.x + 50, y: box.y + 50 };
  const data = { items: [], files: [dir], dragOperationsMask: 1 };
  await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', ...at, data });
  await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', ...at, data });
  await cdp.send('Input.dispatchDragEvent', { type: 'drop', ...at, data });
  await page.waitForFunction(() => document.querySelector('.articles .count')?.textContent === '250', null, { timeout: 60000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a panic in the page shows a message, and the workspace survives a reload', async () => {
  const { context, page } = await openApp(env.browser, env.srv.url);
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await page.waitForTimeout(50);
  await dropFiles(page, [{ name: 'kept.txt', text: 'On Monday, President Ilse Vantrow of Arnor spoke by phone with King Theodric Morwen of Rohan.\n' }]);
  await page.waitForSelector('li.article');
  await page.waitForTimeout(300); // saved asynchronously
  await page.evaluate(() => { try { window.wasmBindings.panic_for_test(); } catch (_) { /* the panic */ } });
  const crash = page.locator('#crash');
  await crash.waitFor();
  assert.match(await crash.textContent(), /internal error.*reload the page/s);
  await crash.getByRole('button', { name: 'Reload' }).click();
  await page.waitForSelector('li.article');
  assert.match(await page.locator('li.article').first().textContent(), /kept\.txt/);
  await context.close();
});
