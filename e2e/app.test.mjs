// End-to-end tests of the page in Debian's Chromium, against the built dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, dropFiles, timelineItems, artifact, SEEDS, useBrowser } from './support.mjs';

const env = useBrowser({ before, after });

const ARNOR = {
  name: '2025-11-25-arnor.txt',
  text: 'Arnor and Gondor agree to talks\n\n'
    + 'On Monday, Arnorian President Ilse Vantrow spoke by phone with Prime Minister Telemar Brandyhall of Gondor.\n'
    + 'Vantrow later warned Gondor against new tariffs, the presidency said.\n',
};
const ROHAN = {
  name: 'rohan.md',
  text: '# Rohan hosts envoys\n\ndate 2024-03-06\n\n'
    + 'King Theodric Morwen received Foreign Minister Amrod Castamir in Edoras on Tuesday.\n',
};

async function checkClean(t, errors, lateRequests) {
  assert.deepEqual(errors, [], 'no console errors');
  assert.deepEqual(lateRequests, [], 'no network request after load');
}

test('a first visit shows the sample articles as a timeline', async () => {
  const { context, page, errors, lateRequests } = await openApp(env.browser, env.srv.url);
  await assert.doesNotReject(page.locator('#sample-note').waitFor());
  assert.match(await page.locator('#sample-note').textContent(), /sample articles/);
  const articles = page.getByRole('region', { name: /Articles/ }).locator('li.article');
  assert.equal(await articles.count(), 5);
  const items = timelineItems(page);
  assert.ok((await items.count()) >= 20, 'the samples give many events');
  // Dated events carry a <time datetime> with a TimeML value, in date order.
  const values = await page.locator('ol[aria-label="Timeline"] > li time[datetime]').evaluateAll(
    (ts) => ts.map((t) => t.getAttribute('datetime')),
  );
  assert.ok(values.length >= 5, `${values.length} dated events`);
  for (const v of values) assert.match(v, /^\d{4}(-\d{2}(-\d{2})?|-W\d{2}|-Q\d|-(SP|SU|FA|WI))?$/);
  // The 24 November 2025 Erdoğan–Putin phone call is there, citing article 004.
  const call = items.filter({ has: page.locator('time[datetime="2025-11-24"]') }).filter({ hasText: 'Putin' })
    .filter({ hasText: /phone/ });
  assert.ok((await call.count()) >= 1, 'the 24 Nov 2025 call is on the timeline');
  // The page's landmarks and labels.
  await page.getByRole('searchbox', { name: /Search/ }).waitFor();
  assert.equal(await page.locator('input#file-input[type=file][multiple]').count(), 1);
  assert.equal(await page.getByRole('main').count(), 1);
  assert.equal(await page.getByRole('banner').count(), 1);
  // The static "Loading…" line is gone once the app runs.
  assert.equal(await page.locator('#loading').count(), 0);
  // A strict Content-Security-Policy, and no inline script for it to allow.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  assert.equal(await page.locator('script:not([src])').count(), 0);
  await page.screenshot({ path: artifact('timeline.png'), fullPage: false });
  await checkClean(null, errors, lateRequests);
  await context.close();
});

test('search narrows the timeline, ignoring case and accents', async () => {
  const { context, page, errors, lateRequests } = await openApp(env.browser, env.srv.url);
  const items = timelineItems(page);
  const all = await items.count();
  const search = page.getByRole('searchbox', { name: /Search/ });
  await search.fill('erdogan');
  await page.waitForFunction((n) => document.querySelectorAll('ol[aria-label="Timeline"] > li.event').length < n, all);
  const some = await items.count();
  assert.ok(some > 0 && some < all, `erdogan narrows ${all} to ${some}`);
  for (const text of await items.allTextContents()) assert.match(text, /Erdo[gğ]an/i);
  await search.fill('ERDOĞAN');
  await page.waitForFunction((n) => document.querySelectorAll('ol[aria-label="Timeline"] > li.event').length === n, some);
  await search.fill('qwxzv-nothing');
  await page.waitForFunction(() => document.querySelectorAll('ol[aria-label="Timeline"] > li.event').length === 0);
  assert.match(await page.locator('.result-count').textContent(), /^0 of \d+ events match$/);
  await search.fill('');
  await page.waitForFunction((n) => document.querySelectorAll('ol[aria-label="Timeline"] > li.event').length === n, all);
  await checkClean(null, errors, lateRequests);
  await context.close();
});

test('an event opens its article with the evidence sentence highlighted', async () => {
  const { context, page, errors, lateRequests } = await openApp(env.browser, env.srv.url);
  const first = timelineItems(page).first();
  const evidence = (await first.locator('.evidence').textContent()).trim();
  await first.locator('button.summary').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const mark = dialog.locator('mark.current');
  assert.equal((await mark.textContent()).trim(), evidence);
  assert.ok((await dialog.locator('.article-text').textContent()).length > evidence.length);
  // Esc closes it and gives focus back.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  // Keyboard: Enter on a focused event opens it too.
  await first.locator('button.summary').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  await checkClean(null, errors, lateRequests);
  await context.close();
});

test('clear removes every article; dropped files add theirs, a bad one gets a message', async () => {
  const { context, page, errors, lateRequests } = await openApp(env.browser, env.srv.url);
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await page.waitForFunction(() => document.querySelectorAll('ol[aria-label="Timeline"] > li.event').length === 0);
  assert.equal(await page.locator('li.article').count(), 0);
  assert.equal(await page.locator('#sample-note').count(), 0);

  await page.waitForTimeout(50); // drop listeners attach after mount
  await dropFiles(page, [ARNOR, ROHAN, { name: 'scan.pdf', text: '%PDF-1.4 binary' }]);
  await page.waitForFunction(() => document.querySelectorAll('li.article').length === 2);
  const alert = page.getByRole('alert');
  assert.match(await alert.textContent(), /file scan\.pdf: not a text article \(looks like PDF\)/);
  const items = timelineItems(page);
  const texts = await items.allTextContents();
  assert.ok(texts.some((t) => /Vantrow/.test(t) && /Brandyhall/.test(t) && /phone/.test(t)), 'the call from the first file');
  assert.ok(texts.some((t) => /Morwen/.test(t) && /Castamir/.test(t)), 'the visit from the second file');
  // The file name gives the first article's date, so "on Monday" is 24 Nov 2025.
  const call = items.filter({ hasText: 'Brandyhall' }).filter({ hasText: /phone/ });
  assert.equal(await call.locator('time').getAttribute('datetime'), '2025-11-24');
  // The date line gives the second's, so "on Tuesday" is 5 Mar 2024.
  const visit = items.filter({ hasText: 'Castamir' });
  assert.equal(await visit.first().locator('time').getAttribute('datetime'), '2024-03-05');
  await checkClean(null, errors, lateRequests);
  await context.close();
});

test('the file picker adds files, and editing a date moves relative events and assumed dates', async () => {
  const { context, page, errors, lateRequests } = await openApp(env.browser, env.srv.url);
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  const dir = fs.mkdtempSync('/tmp/dateline-e2e-');
  const file = path.join(dir, 'undated-call.txt');
  fs.writeFileSync(file, 'Leaders talk\n\nOn Monday, President Ilse Vantrow of Arnor spoke by phone with King Theodric Morwen of Rohan.\n\nVantrow condemned Morwen.\n');
  await page.locator('#file-input').setInputFiles(file);
  await page.waitForFunction(() => document.querySelectorAll('li.article').length === 1);
  const article = page.locator('li.article').first();
  assert.match(await article.textContent(), /unknown/);
  const event = timelineItems(page).filter({ hasText: 'Morwen' }).first();
  await event.waitFor();
  assert.equal(await timelineItems(page).locator('time').count(), 0, 'undated without a publication date');
  const input = article.getByLabel('Published');
  await input.fill('2025-11-26');
  await input.dispatchEvent('change');
  await page.waitForSelector('ol[aria-label="Timeline"] time[datetime="2025-11-24"]');
  // The criticism names no date: it takes the publication date, shown as assumed, with why.
  const assumed = timelineItems(page).filter({ has: page.locator('time.assumed[datetime="2025-11-26"]') });
  await assumed.waitFor();
  assert.match(await assumed.textContent(), /\(assumed\)/);
  assert.match(await assumed.textContent(), /publication date \(2025-11-26, set by you\)/);
  assert.match(await page.locator('li.article').first().textContent(), /set by you/);
  await input.fill('2024-03-08');
  await input.dispatchEvent('change');
  await page.waitForSelector('ol[aria-label="Timeline"] time[datetime="2024-03-04"]');
  await checkClean(null, errors, lateRequests);
  await context.close();
});

test('paste text adds an article', async () => {
  const { context, page, errors, lateRequests } = await openApp(env.browser, env.srv.url);
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await page.locator('summary', { hasText: 'Paste text' }).click();
  await page.getByLabel('Article text').fill('Foreign Minister Amrod Castamir visited Minas Tirith on 3 May 2024.');
  await page.getByRole('button', { name: 'Add pasted text' }).click();
  await page.waitForSelector('ol[aria-label="Timeline"] time[datetime="2024-05-03"]');
  await checkClean(null, errors, lateRequests);
  await context.close();
});

test('export downloads the JSON the CLI prints', async () => {
  const { context, page, errors, lateRequests } = await openApp(env.browser, env.srv.url);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'dateline.json');
  const file = artifact('export.json');
  await download.saveAs(file);
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(data.schema, 1);
  assert.equal(data.articles.length, 5);
  assert.equal(data.articles[0].file, fs.readdirSync(SEEDS).sort()[0]);
  assert.ok(data.events.length >= 20);
  for (const ev of data.events) {
    assert.ok(ev.source && ev.source.name, 'every event has a source actor');
    assert.ok(ev.sources.length >= 1);
    const art = data.articles.find((a) => a.id === ev.sources[0].article);
    assert.equal(Buffer.from(art.text).subarray(ev.sources[0].start, ev.sources[0].end).toString(), ev.sources[0].sentence);
  }
  // Downloads are blob: URLs made in the page, not network requests.
  await checkClean(null, errors, lateRequests.filter((u) => !u.startsWith('blob:')));
  await context.close();
});

test('the built site works from a sub-path, as on GitHub Pages', async () => {
  const { context, page, errors, lateRequests } = await openApp(env.browser, env.srv.subUrl);
  assert.ok((await timelineItems(page).count()) >= 20);
  await checkClean(null, errors, lateRequests);
  await context.close();
});
