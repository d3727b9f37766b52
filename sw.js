// Dateline's service worker: after the first visit the page works offline.
// The page shell (index.html) is fetched network-first, so a new version is picked up
// on the next visit when online; the hashed wasm, JS and CSS files never change under
// the same name, so they are served cache-first. The analysis worker's bootstrap has a
// fixed name (a worker is started by name), so it is network-first like the page; the
// worker then runs the page's own (hashed) module.
const CACHE = 'dateline-v4';
// The full reader's worker (HTML, legacy encodings) is not named in the page: it is
// cached here too, so that after the first visit it works offline.
const WORKER = ['./worker.js', './dateline-reader_loader.js', './dateline-reader.js', './dateline-reader_bg.wasm'];
// The tables of the seven languages other than English, which the analysis worker
// fetches when an article first needs them (src/analysis/pack.rs, FILES: a test checks
// this list against it). Fixed names, so network-first like the worker's files.
const LANGUAGES = ['time/fr.tsv', 'time/de.tsv', 'time/es.tsv', 'time/pt.tsv', 'time/tr.tsv', 'time/ru.tsv',
  'time/uk.tsv', 'events/fr.tsv', 'events/de.tsv', 'events/es.tsv', 'events/pt.tsv', 'events/tr.tsv',
  'events/ru.tsv', 'events/uk.tsv', 'country_names.tsv', 'name_spellings.tsv', 'demonym_endings.tsv']
  .map((f) => './languages/' + f);
const FIXED = [...WORKER, ...LANGUAGES];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const res = await fetch('./', { cache: 'no-cache' });
    const html = await res.clone().text();
    await cache.put('./', res);
    // The hashed files the page refers to.
    const assets = [...html.matchAll(/(?:href|src)="\.?\/?([^"?#]+\.(?:wasm|js|css))"/g)].map((m) => './' + m[1]);
    await cache.addAll([...new Set([...assets, ...FIXED])]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  const isPage = req.mode === 'navigate';
  const isWorker = FIXED.some((w) => new URL(w, self.location).href === req.url.split(/[?#]/)[0]);
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (isPage || isWorker) {
      const key = isPage ? './' : req;
      try {
        const res = await fetch(req);
        if (res.ok) await cache.put(key, res.clone());
        return res;
      } catch (_) {
        return (await cache.match(key)) || Response.error();
      }
    }
    const hit = await cache.match(req);
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok) await cache.put(req, res.clone());
    return res;
  })());
});
