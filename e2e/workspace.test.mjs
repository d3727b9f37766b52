// End-to-end tests of the timeline workspace: search, filters and counts, date
// brushing, URL state, persistence, exports, keyboard use, accessibility, offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import ICAL from 'ical.js';
import { openApp, dropFiles, timelineItems, artifact, useBrowser } from './support.mjs';

const require = createRequire(import.meta.url);
const env = useBrowser({ before, after });

const count = (page) => page.locator('li.event').count();
const resultText = (page) => page.locator('#result-count').textContent();

async function waitCount(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll('li.event').length === n, n);
}

test('typo-tolerant search finds Zelenskyy from "zelenski" and highlights matches', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  const all = await count(page);
  await page.getByRole('searchbox', { name: /Search/ }).fill('zelenski');
  await page.waitForFunction((n) => document.querySelectorAll('li.event').length < n, all);
  const texts = await timelineItems(page).allTextContents();
  assert.ok(texts.length > 0);
  for (const t of texts) assert.match(t, /Zelensk/);
  assert.ok((await page.locator('li.event .evidence mark').count()) > 0, 'matches are highlighted');
  // A quoted phrase must match in order.
  await page.getByRole('searchbox', { name: /Search/ }).fill('"phone call"');
  await page.waitForFunction(() => /match/.test(document.querySelector('#result-count').textContent));
  for (const t of await timelineItems(page).allTextContents()) assert.match(t.toLowerCase(), /phone call/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('each filter narrows the timeline to its live count; chips remove filters', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  const all = await count(page);
  const legends = await page.locator('.filters fieldset legend').allTextContents();
  assert.ok(legends.length >= 5, `${legends.length} facets`);
  assert.ok(legends.includes('PLOVER type'), legends.join(', '));
  // By legend: a facet with no value under a filter is hidden, so places shift.
  for (const legend of legends) {
    const fieldset = page.locator('.filters fieldset').filter({ has: page.locator('legend', { hasText: legend }) });
    const option = fieldset.locator('li').first();
    const expected = Number(await option.locator('.f-count').textContent());
    await option.locator('input[type=checkbox]').check();
    await waitCount(page, expected);
    assert.match(await resultText(page), new RegExp(`^${expected} of ${all} events match$`), legend);
    // A chip shows the filter; removing it restores everything.
    const chip = page.getByRole('list', { name: 'Active filters' }).locator('li');
    assert.equal(await chip.count(), 1, legend);
    await chip.getByRole('button').click();
    await waitCount(page, all);
  }
  // Two filters combine, and counts in other facets follow the search.
  await page.getByRole('searchbox', { name: /Search/ }).fill('putin');
  await page.waitForFunction((n) => document.querySelectorAll('li.event').length < n, all);
  const withSearch = await count(page);
  const typeBox = page.locator('.filters fieldset', { hasText: 'CAMEO type' });
  const sum = (await typeBox.locator('.f-count').allTextContents()).map(Number).reduce((a, b) => a + b, 0);
  assert.equal(sum, withSearch, 'event-type counts add up to the searched events');
  await page.getByRole('button', { name: 'Clear all', exact: true }).click();
  await waitCount(page, all);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dragging across the histogram chooses a date range', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  const plot = page.locator('.hist-plot');
  const box = await plot.boundingBox();
  const bars = Number(await plot.getAttribute('data-bars'));
  assert.ok(bars >= 2);
  assert.match(await page.locator('path.hist-bars').first().getAttribute('d'), /^M\d/);
  // Drag over the last tenth of the plot: the latest months.
  await page.mouse.move(box.x + box.width * 0.92, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.995, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('#date-from').value !== '');
  assert.match(await page.locator('path.hist-bars.chosen').getAttribute('d'), /^M\d/, 'the chosen months are drawn apart');
  const from = await page.locator('#date-from').inputValue();
  const to = await page.locator('#date-to').inputValue();
  assert.ok(from <= to);
  const dates = await page.locator('li.event time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.ok(dates.length > 0);
  const firstDay = (v) => {
    const w = /^(\d{4})-W(\d{2})$/.exec(v);
    if (w) {
      // The Monday of ISO week w.
      const jan4 = new Date(Date.UTC(+w[1], 0, 4));
      const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (+w[2] - 1) * 7 * 86400000);
      return monday.toISOString().slice(0, 10);
    }
    return v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v;
  };
  for (const d of dates) {
    const day = firstDay(d);
    assert.ok(day >= from && day <= to, `${d} in ${from}..${to}`);
  }
  assert.equal(await page.locator('li.event .undated').count(), 0, 'a date range leaves out undated events');
  assert.match(await page.getByRole('list', { name: 'Active filters' }).textContent(), /Dates:/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the whole view state lives in the URL: reload and back restore it', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  const all = await count(page);
  await page.locator('.filters fieldset', { hasText: 'CAMEO type' }).locator('input[type=checkbox]').first().check();
  const filtered = await count(page);
  assert.ok(filtered < all);
  await page.getByRole('searchbox', { name: /Search/ }).fill('erdogan');
  await page.waitForFunction((n) => document.querySelectorAll('li.event').length <= n, filtered);
  const both = await count(page);
  await page.getByRole('button', { name: 'year' }).click();
  assert.match(page.url(), /q=erdogan/);
  assert.match(page.url(), /type=/);
  assert.match(page.url(), /zoom=year/);
  await page.reload();
  await page.getByRole('list', { name: 'Timeline' }).waitFor();
  await waitCount(page, both);
  assert.equal(await page.getByRole('searchbox', { name: /Search/ }).inputValue(), 'erdogan');
  assert.equal(await page.getByRole('button', { name: 'year' }).getAttribute('aria-pressed'), 'true');
  // Back undoes the zoom, then the filter (the search was typed in place).
  await page.goBack();
  await page.waitForFunction(() => !/zoom=year/.test(location.hash));
  await page.goBack();
  await page.waitForFunction(() => !/type=/.test(location.hash));
  await page.waitForFunction((n) => document.querySelectorAll('li.event').length === n || true, all);
  assert.deepEqual(errors, []);
  await context.close();
});

test('articles and date settings survive a reload; clearing the workspace is kept too', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await waitCount(page, 0);
  await page.waitForTimeout(50);
  await dropFiles(page, [{ name: 'call.txt', text: 'On Monday, President Ilse Vantrow of Arnor spoke by phone with King Theodric Morwen of Rohan.\n' }]);
  await page.waitForSelector('li.article');
  const input = page.locator('li.article').first().getByLabel('Published');
  await input.fill('2025-11-26');
  await input.dispatchEvent('change');
  await page.waitForSelector('li.event time[datetime="2025-11-24"]');
  await page.waitForTimeout(300); // the save is asynchronous
  await page.reload();
  // The saved articles are analysed again in the worker, then replace the samples.
  await page.waitForFunction(() => document.querySelectorAll('li.article').length === 1);
  await page.waitForSelector('li.event time[datetime="2025-11-24"]');
  assert.match(await page.locator('li.article').textContent(), /set by you/);
  assert.equal(await page.locator('#sample-note').count(), 0);
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByRole('list', { name: 'Timeline' }).waitFor({ state: 'attached' });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('li.article').count(), 0, 'a cleared workspace stays cleared');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged store is reported and set aside; the page still works', async () => {
  const { context, page } = await openApp(env.browser, env.srv.url);
  await page.waitForTimeout(300);
  await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('dateline', 1);
    req.onsuccess = () => {
      const tx = req.result.transaction(['workspace'], 'readwrite');
      tx.objectStore('workspace').put('{not json', 'current');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  }));
  await page.reload();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /saved workspace could not be read.*set aside/);
  assert.ok((await count(page)) > 0, 'the samples are shown');
  await context.close();
});

async function download(page, format) {
  await page.locator('#export-format').selectOption(format);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export view' }).click()]);
  const file = artifact(dl.suggestedFilename());
  await dl.saveAs(file);
  return fs.readFileSync(file, 'utf8');
}

test('exports of the filtered view parse back: JSON, CSV, TimelineJS, iCalendar; JSON import restores', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  await page.locator('.filters fieldset', { hasText: 'CAMEO type' }).locator('input[type=checkbox]').first().check();
  const shown = await count(page);
  const json = JSON.parse(await download(page, 'json'));
  assert.equal(json.schema, 1);
  assert.equal(json.events.length, shown, 'only the filtered events');
  const csv = await download(page, 'csv');
  const rows = csv.trim().split('\n');
  assert.match(rows[0], /^id,date,date_text,cameo,type,plover,plover_mode,source/);
  assert.ok(rows.length - 1 >= shown);
  const tsv = (await download(page, 'cameo')).trim().split('\n').map((l) => l.split('\t'));
  assert.deepEqual(tsv[0], ['date', 'source_name', 'source_country', 'target_name', 'target_country', 'cameo', 'plover', 'place', 'article', 'evidence', 'date_assumed']);
  // Every event of CAMEO roots 03-20 has its PLOVER type; statements and appeals none.
  for (const e of json.events) {
    const root = Number(e.cameo.slice(0, 2));
    if (root >= 3) assert.match(e.plover ?? '', /^[A-Z]+$/, `${e.cameo} has a PLOVER type`);
    else assert.equal(e.plover, null, `${e.cameo} has no PLOVER type`);
  }
  assert.ok(tsv.length - 1 >= shown);
  for (const row of tsv.slice(1)) assert.equal(row.length, tsv[0].length);
  const tl = JSON.parse(await download(page, 'timelinejs'));
  assert.equal(typeof tl.title.text.headline, 'string');
  assert.equal(tl.events.length, json.events.filter((e) => e.date).length);
  for (const e of tl.events) {
    assert.match(e.start_date.year, /^\d{4}$/);
    assert.equal(typeof e.text.headline, 'string');
  }
  const ics = await download(page, 'ics');
  const cal = new ICAL.Component(ICAL.parse(ics));
  const vevents = cal.getAllSubcomponents('vevent');
  assert.equal(vevents.length, json.events.filter((e) => e.date).length);
  const byId = new Map(json.events.map((e) => [e.id, e]));
  for (const v of vevents) {
    const ev = new ICAL.Event(v);
    assert.ok(ev.startDate.isDate, 'all-day');
    assert.ok(ev.summary.length > 0);
    // CATEGORIES: the CAMEO type, then the PLOVER type where there is one.
    const source = byId.get(ev.uid.split('-')[0]);
    const categories = v.getFirstProperty('categories').getValues();
    assert.deepEqual(categories, source.plover ? [source.type, source.plover] : [source.type]);
  }
  // Importing the JSON export into an empty workspace restores its articles.
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await waitCount(page, 0);
  await page.waitForTimeout(50);
  await dropFiles(page, [{ name: 'dateline.json', text: JSON.stringify(json) }]);
  await page.waitForFunction(() => document.querySelectorAll('li.article').length === 5);
  assert.ok((await count(page)) > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: / to search, j/k to move, Enter to open, Esc to close', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.id === 'search');
  await page.keyboard.press('Tab');
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.waitForSelector('li.event[aria-current="true"]');
  const first = await page.locator('li.event[aria-current="true"]').getAttribute('data-pos');
  await page.keyboard.press('j');
  await page.waitForFunction((p) => document.querySelector('li.event[aria-current="true"]')?.dataset.pos !== p, first);
  await page.keyboard.press('k');
  await page.waitForFunction((p) => document.querySelector('li.event[aria-current="true"]')?.dataset.pos === p, first);
  await page.locator('h1').click();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  assert.ok((await page.locator('mark.current').count()) === 1);
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  // The detail panel shows the selected event with its sources.
  assert.match(await page.getByRole('complementary', { name: 'Event' }).textContent(), /Sources \(\d+\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('zoom, collapsible groups and swimlanes', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  await page.getByRole('button', { name: 'year', exact: true }).click();
  const groups = await page.locator('li.group').allTextContents();
  for (const g of groups) assert.match(g, /(\d{4}|Undated)/);
  const all = await count(page);
  const toggle = page.locator('li.group button').first();
  await toggle.click();
  assert.equal(await page.locator('li.group button').first().getAttribute('aria-expanded'), 'false');
  assert.ok((await count(page)) < all);
  await page.locator('li.group button').first().click();
  await waitCount(page, all);
  await page.getByRole('button', { name: 'Lanes by actor' }).click();
  await page.getByRole('list', { name: 'Swimlanes' }).waitFor();
  assert.ok((await page.locator('.lane').count()) >= 3);
  await page.locator('.lane .dot').first().dispatchEvent('click');
  await page.getByRole('dialog').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('accessibility scan (axe-core): no serious or critical violations, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const context = await env.browser.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(env.srv.url);
    await page.getByRole('list', { name: 'Timeline' }).waitFor();
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target})`), [], scheme);
    await context.close();
  }
});

test('phone width: nothing overflows sideways', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(env.srv.url);
  await page.getByRole('list', { name: 'Timeline' }).waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 392, `page is ${width}px wide at 390`);
  await page.screenshot({ path: artifact('phone.png') });
  await context.close();
});

test('after the first visit the page works offline', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.srv.url);
  await page.getByRole('list', { name: 'Timeline' }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('list', { name: 'Timeline' }).waitFor();
  assert.ok((await count(page)) > 0);
  // The analysis worker came from the cache too: new text is analysed offline.
  await page.locator('summary', { hasText: 'Paste text' }).click();
  await page.getByLabel('Article text').fill('Foreign Minister Amrod Castamir visited Minas Tirith on 3 May 2024.');
  await page.getByRole('button', { name: 'Add pasted text' }).click();
  await page.waitForSelector('ol[aria-label="Timeline"] time[datetime="2024-05-03"]');
  await context.close();
});
