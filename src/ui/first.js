// The first screen's own script. `./dev build` pre-renders the samples' first screen
// into index.html (scripts/prerender.mjs), so it is painted as soon as the page and its
// stylesheet arrive, before the WebAssembly module. Until the module takes over (it
// removes #prerender, src/ui/io.rs `take_over_first_screen`), this script makes that
// screen answer: the search box filters the sample events, "/" focuses it, and files
// dropped or picked are kept, with a note saying they wait for the analyser. The page's
// module then reads the query and the files from here and carries on.
(() => {
  const root = document.getElementById('prerender');
  if (!root) return;
  // The analysis worker's bootstrap is fetched and started now, while the module
  // downloads; the module adopts it (src/ui/io.rs, `worker`) and sends it its code.
  try {
    window.__datelineWorker = new Worker('./worker.js', { type: 'module' });
  } catch (_) {
    // The module starts its own.
  }
  const live = () => document.getElementById('prerender') !== null;
  const status = document.getElementById('first-status');
  const say = (text) => { if (status) status.textContent = text; };
  // A returning user's own workspace (src/ui/io.rs, `remember_own_workspace`) is
  // restored by the module: the samples are not shown meanwhile.
  let own = false;
  try { own = localStorage.getItem('dateline.own-workspace') === '1'; } catch (_) { /* storage off */ }
  if (own) {
    root.classList.add('own');
    say('Opening your workspace…');
  }

  // Search: every word of the query (folded as the app folds: case and accents) must be
  // in the row's text.
  const fold = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const rows = [...root.querySelectorAll('ol.events > li')];
  const texts = new Map();
  const events = rows.filter((li) => li.classList.contains('event')).length;
  const count = root.querySelector('#result-count');
  const search = root.querySelector('#search');
  const filter = () => {
    const words = fold(search.value).replace(/["“”]/g, ' ').split(/\s+/).filter(Boolean);
    let shown = 0;
    let group = null;
    let inGroup = 0;
    const close = () => { if (group) group.hidden = inGroup === 0; };
    for (const li of rows) {
      if (!li.classList.contains('event')) {
        close();
        group = li;
        inGroup = 0;
        continue;
      }
      if (!texts.has(li)) texts.set(li, fold(li.textContent));
      const hit = words.every((w) => texts.get(li).includes(w));
      li.hidden = !hit;
      if (hit) { shown += 1; inGroup += 1; }
    }
    close();
    if (count) count.textContent = shown === events ? `${events} events` : `${shown} of ${events} events match`;
  };
  if (search) search.addEventListener('input', filter);
  window.addEventListener('keydown', (e) => {
    if (!live() || e.key !== '/' || /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName)) return;
    e.preventDefault();
    search?.focus();
  });

  // Files given before the analyser is ready: kept as { name, file } for the module.
  const queued = (window.__datelineQueued = []);
  const keep = (picked) => {
    queued.push(...picked);
    const n = queued.length;
    say(`The analyser is still loading: ${n} ${n === 1 ? 'file' : 'files'} will be read as soon as it is ready.`);
  };
  // A dropped folder is walked, its files named by their path in it.
  const walk = async (entry, prefix, out) => {
    if (entry.isFile) {
      const file = await new Promise((ok, fail) => entry.file(ok, fail)).catch(() => null);
      if (file) out.push({ name: prefix + file.name, file });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail)).catch(() => []);
        if (batch.length === 0) break;
        for (const e of batch) await walk(e, prefix + entry.name + '/', out);
      }
    }
  };
  window.addEventListener('dragover', (e) => { if (live()) e.preventDefault(); });
  window.addEventListener('drop', async (e) => {
    if (!live()) return;
    e.preventDefault();
    const entries = [...(e.dataTransfer?.items || [])]
      .filter((i) => i.kind === 'file')
      .map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
    const out = [];
    if (entries.length && entries.every(Boolean)) {
      for (const entry of entries) await walk(entry, '', out);
    } else {
      for (const file of e.dataTransfer?.files || []) out.push({ name: file.name, file });
    }
    keep(out);
  });
  for (const input of root.querySelectorAll('input[type=file]')) {
    input.addEventListener('change', () => {
      keep([...input.files].map((file) => ({ name: file.webkitRelativePath || file.name, file })));
    });
  }
})();
