// The story view: a real pile (Timeline17's Michael Jackson topic, read in place from
// ../shared) dropped on an empty workspace opens on its key days, inside the story's
// window, with the background apart; the key dates export parses back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, dropFiles, artifact, useBrowser } from './support.mjs';

const env = useBrowser({ before, after });
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOPIC = path.join(ROOT, '..', 'shared', 'corpora', 'timelines-t17', 'mj', 'articles');

/** Every group label of the (virtualised) list, scrolling it from top to bottom. */
async function groups(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const el = document.querySelector('.scroller');
    const seen = new Map();
    el.scrollTop = 0;
    for (let i = 0; i < 500; i++) {
      await frame();
      for (const g of document.querySelectorAll('ol.events > li.group')) seen.set(parseFloat(g.style.top), g.textContent);
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) break;
      el.scrollTop += el.clientHeight / 2;
    }
    el.scrollTop = 0;
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  });
}
const pressed = (page, name) => page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed');

test('a pile of 138 real articles opens on its key days; the background waits apart', { skip: !fs.existsSync(TOPIC) }, async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  // The samples keep the full list.
  assert.equal(await pressed(page, 'All events'), 'true');
  await page.getByRole('button', { name: 'Clear workspace' }).click();
  await page.waitForFunction(() => document.querySelector('#result-count').textContent === '0 events');
  const files = fs.readdirSync(TOPIC).sort().map((name) => ({ name, text: fs.readFileSync(path.join(TOPIC, name), 'utf8') }));
  await dropFiles(page, files);
  await page.waitForFunction((n) => document.querySelector('.articles .count')?.textContent === String(n), files.length, { timeout: 120000 });
  await page.waitForFunction(() => !document.querySelector('progress#progress-bar'));
  const total = Number((await page.locator('#result-count').textContent()).split(' ')[0]);
  assert.ok(total > 200, `${total} events`);

  // The key view is the default: days with why they matter, in date order, none before
  // the story (his death on 25 June 2009 and the trial of his doctor in 2011).
  assert.equal(await pressed(page, 'Key events'), 'true');
  const days = await groups(page);
  assert.ok(days.length >= 10 && days.length <= 20, `${days.length} key days`);
  assert.equal(await page.locator('#key-count').textContent(), `${days.length} key days shown`);
  for (const d of days) assert.match(d, /named in \d+ articles?/);
  const dates = days.map((d) => new Date(d.split(' · ')[0].replace(/^[▾▸]\s*/, '')));
  for (const d of dates) assert.ok(d >= new Date('2009-05-01') && d <= new Date('2012-01-01'), `${d} in the story's window`);
  for (let i = 1; i < dates.length; i++) assert.ok(dates[i - 1] <= dates[i], 'in date order');
  assert.ok(days.some((d) => d.includes('25 Jun 2009')), 'the day he died is a key day');
  assert.ok((await page.locator('li.event').count()) > 0, 'each key day shows its events');
  await page.screenshot({ path: artifact('key-view-mj.png') });

  // Ten days at a time.
  await page.getByLabel('Key days').selectOption('10');
  await page.waitForFunction(() => document.querySelector('#key-count').textContent === '10 key days shown');

  // The key dates export: the CLI's --format dates.
  await page.locator('#export-format').selectOption('dates');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export view' }).click()]);
  const file = artifact(dl.suggestedFilename());
  await dl.saveAs(file);
  const keys = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(keys[0].date, '2009-06-25');
  assert.match(keys[0].why, /named in \d+ articles/);
  assert.ok(keys.some((k) => k.background), 'days before the story are background');

  // One click to everything: background first, collapsed.
  await page.getByRole('button', { name: 'All events', exact: true }).click();
  const first = page.locator('ol.events > li.group').first();
  await first.waitFor();
  assert.match(await first.textContent(), /Background \(before/);
  assert.equal(await first.getByRole('button').getAttribute('aria-expanded'), 'false');

  // Who with whom, one click away: the busiest actors, their ties, the same as a table.
  await page.getByRole('button', { name: 'Who with whom' }).click();
  const svg = page.locator('svg.net-svg');
  await svg.waitFor();
  const nodes = await svg.locator('g.node').count();
  const edges = await svg.locator('line.edge').count();
  assert.ok(nodes >= 10 && nodes <= 30, `${nodes} actors drawn`);
  assert.ok(edges >= 5, `${edges} ties drawn`);
  const summaryAll = await page.locator('#net-summary').textContent();
  const drawn = Number(summaryAll.match(/(\d+) of (\d+) actors drawn/)[2]);
  assert.ok(drawn > nodes, 'the actors not drawn are counted');
  // Readable: no actor's circle or name covers another's.
  const overlaps = await svg.evaluate((el) => {
    const boxes = [...el.querySelectorAll('g.node')].map((g) => [g.querySelector('title').textContent, g.getBoundingClientRect()]);
    const out = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i][1], boxes[j][1]];
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) out.push(`${boxes[i][0]} / ${boxes[j][0]}`);
    }
    return out;
  });
  assert.deepEqual(overlaps, []);
  await svg.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifact('network-mj-all.png') });
  await page.getByText('The same ties as a table').click();
  const pairs = page.locator('.net-table tbody tr');
  assert.equal(await pairs.count(), edges, 'the table lists every tie drawn');
  // Pointing at a line names its events.
  await svg.locator('line.edge').first().dispatchEvent('pointerenter');
  assert.match(await page.locator('.net-caption').textContent(), / – .+: \d+ events? \(\d+ cooperation, \d+ conflict\).*: ./);
  // A pair's button filters the timeline to its events; an actor's circle to its own.
  const shared = Number(await pairs.first().locator('td.num').first().textContent());
  await pairs.first().getByRole('button').click();
  await page.waitForFunction((n) => document.querySelector('#result-count').textContent.startsWith(`${n} of `), shared);
  assert.match(await page.locator('.active-filters').textContent(), /Between: .+ and /);
  assert.equal(await svg.locator('line.edge.chosen').count(), 1, 'the chosen tie is marked');
  await page.getByRole('button', { name: /^Remove filter between / }).click();
  await page.waitForFunction((t) => document.querySelector('#result-count').textContent === `${t} events`, total);
  // The picture follows the view once it settles.
  await page.waitForFunction((s) => document.querySelector('#net-summary').textContent === s, summaryAll);
  const actor = await svg.locator('g.node title').first().textContent();
  await svg.locator('g.node circle').first().click();
  await page.waitForFunction(() => /Actor: /.test(document.querySelector('.active-filters')?.textContent || ''));
  assert.match(await page.locator('#result-count').textContent(), new RegExp(`^${actor.match(/: (\d+) events?$/)[1]} of `));
  await page.screenshot({ path: artifact('network-mj.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
