// The analysis runs in a Web Worker: progress by files, a page that answers while
// 1,000 articles are analysed and shows them as they come, and a cancel that keeps
// what is on the timeline and leaves the rest out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowser, generatedArticles, dispatchDrop, dropFiles } from './support.mjs';

const env = useBrowser({ before, after });

/** Drops `n` generated articles (8 events each) onto the page, as one drop. */
async function dropMany(page, n) {
  await dispatchDrop(page, await generatedArticles(page, n));
}

const articleCount = (page) => page.locator('.articles .count').textContent();

test('1,000 articles: progress of the analysis, search answers meanwhile, articles as they come, then the whole timeline', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  // The samples' events (the generated articles add 8 each).
  await page.waitForFunction(() => /^\d+ events$/.test(document.querySelector('#result-count')?.textContent ?? ''));
  const samples = Number((await page.locator('#result-count').textContent()).split(' ')[0]);
  const before = Number(await articleCount(page));
  const total = before + 1000;
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask' });
  });
  const probe = page.evaluate(async (total) => {
    // In the page, frame by frame (no round trip to the test): once the worker reports
    // articles analysed, type a search and look at the next frame.
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    let status = '';
    for (let i = 0; i < 6000 && !new RegExp(`Analysing articles: \\d+ of ${total}`).test(status); i++) {
      await frame();
      status = document.querySelector('.progress')?.textContent ?? '';
    }
    const input = document.querySelector('#search');
    input.value = 'erdogan';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    const seen = {
      status,
      count: document.querySelector('#result-count').textContent,
      analysing: !!document.querySelector('progress#progress-bar'),
      articles: document.querySelector('.articles .count').textContent,
      during: [],
    };
    // How many articles the workspace holds while the analysis goes on.
    while (document.querySelector('progress#progress-bar')) {
      seen.during.push(Number(document.querySelector('.articles .count').textContent));
      await frame();
    }
    return seen;
  }, total);
  await dropMany(page, 1000);
  const seen = await probe;
  // The worker reports files read, then articles analysed, of the total.
  assert.match(seen.status, new RegExp(`Analysing articles: \\d+ of ${total}`));
  // While it works, the page answers: a search of the samples narrowed in one frame.
  assert.match(seen.count, new RegExp(`of ${samples} events match`));
  assert.ok(seen.analysing, 'the analysis was still going on');
  // Articles arrive while the others are analysed: some counts between the samples'
  // and the total were on screen before the end.
  const between = [...new Set(seen.during)].filter((n) => n > before && n < total);
  assert.ok(between.length >= 1, `articles as they came: ${[...new Set(seen.during)].join(', ')}`);
  await page.waitForFunction((n) => document.querySelector('.articles .count')?.textContent === String(n), total, { timeout: 120000 });
  await page.waitForFunction(() => !document.querySelector('progress#progress-bar'));
  await page.getByRole('searchbox', { name: /Search/ }).fill('');
  await page.waitForFunction((n) => document.querySelector('#result-count').textContent === `${n} events`, 8000 + samples);
  const longest = await page.evaluate(() => Math.max(0, ...window.__long));
  console.log(`longest main-thread task while 1,000 articles were analysed: ${longest.toFixed(0)} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('cancel stops the analysis; what is on the timeline stays, the rest is left out, and the next drop works', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  const before = Number(await articleCount(page));
  // Cancel as soon as the worker analyses (before any article has come).
  await dropAndClickWhen(page, 'Analysing articles', 'Cancel');
  assert.match(await page.locator('.messages, [role=alert], .toolbar').first().textContent(), /cancelled: the files not yet on the timeline were left out/);
  assert.equal(await articleCount(page), String(before));
  // Cancel once some articles have come: they stay, the others are left out, and
  // nothing arrives later.
  const shown = page.waitForFunction((n) => Number(document.querySelector('.articles .count')?.textContent) > n, before, { timeout: 60000 });
  await dropMany(page, 1000);
  await shown;
  await page.getByRole('button', { name: 'Cancel' }).click();
  const kept = Number(await articleCount(page));
  await page.waitForTimeout(1500);
  assert.equal(Number(await articleCount(page)), kept, 'nothing arrives after the cancel');
  assert.ok(kept > before && kept < before + 1000, `${kept} articles kept`);
  // A new worker takes the next job.
  await dropFiles(page, [{ name: '2025-04-01-after.txt', text: 'After\n\nOn Monday, President Ilse Vantrow met King Theodric Morwen.\n' }]);
  await page.waitForFunction((n) => document.querySelector('.articles .count')?.textContent === String(n), kept + 1, { timeout: 60000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('“Clear workspace” at the end of an analysis (its result arriving or being installed) leaves the workspace empty', async () => {
  const { context, page, errors } = await openApp(env.browser, env.srv.url);
  // Clear once the last article is analysed: the worker is then sending its answer, or
  // the page is installing it.
  const total = Number(await articleCount(page)) + 1000;
  await dropAndClickWhen(page, `Analysing articles: ${total} of ${total}`, 'Clear workspace');
  // Long enough for a result that slipped through to show.
  await page.waitForTimeout(1500);
  assert.equal(await articleCount(page), '0');
  assert.equal(await page.locator('#result-count').textContent(), '0 events');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Drops 1,000 generated articles and, in the page, frame by frame (no round trip to
 * miss the moment), clicks the button named `button` once the progress text matches
 * `pattern`; returns when the progress bar is gone. */
async function dropAndClickWhen(page, pattern, button) {
  const clicked = page.evaluate(async ([pattern, button]) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    for (let i = 0; i < 6000; i++) {
      await frame();
      if (new RegExp(pattern).test(document.querySelector('.progress')?.textContent ?? '')) {
        [...document.querySelectorAll('button')].find((b) => b.textContent === button).click();
        return true;
      }
    }
    return false;
  }, [pattern, button]);
  await dropMany(page, 1000);
  assert.ok(await clicked, `"${pattern}" was seen and ${button} clicked`);
  await page.waitForFunction(() => !document.querySelector('progress#progress-bar'));
}
