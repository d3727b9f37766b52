// Side by side in one Node process, on the same real article texts: Dateline's core
// compiled to wasm, against compromise (people, places, organisations, dates via
// compromise-dates) plus chrono-node (dates), the JavaScript a web developer would
// reach for. Prints Markdown. Built and run by `./dev bench`:
//
//   node e2e/bench/node.mjs [--quick]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const quick = process.argv.includes('--quick');
const core = require(path.join(ROOT, 'target', 'node-bench', 'node_bench.js'));
const nlp = require('compromise');
nlp.plugin(require('compromise-dates'));
const chrono = require('chrono-node');

// The corpus: the seeds, the TempEval-3 TimeBank and AQUAINT texts, and the true
// article texts of the HTML extraction corpus (as in the native benchmark).
const texts = [];
for (const f of fs.readdirSync(path.join(ROOT, 'seeds')).sort()) texts.push(fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));
const shared = path.join(ROOT, '..', 'shared', 'corpora');
for (const sub of ['TimeBank', 'AQUAINT']) {
  const dir = path.join(shared, 'tempeval3-train', sub);
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir).sort()) {
    const tml = fs.readFileSync(path.join(dir, f), 'utf8');
    const body = (tml.split('<TEXT>')[1] ?? tml).split('</TEXT>')[0];
    texts.push(body.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
}
const truth = path.join(shared, 'article-extraction', 'ground-truth.json');
if (fs.existsSync(truth)) for (const v of Object.values(JSON.parse(fs.readFileSync(truth, 'utf8')))) if (v.articleBody) texts.push(v.articleBody);
const corpus = quick ? texts.slice(0, 40) : texts;
const bytes = corpus.reduce((n, t) => n + Buffer.byteLength(t), 0);
const published = '2025-11-25';
const ref = new Date('2025-11-25T12:00:00Z');

// Each system over the whole corpus; the median of several runs (after a warm-up).
function time(run) {
  run();
  const runs = [];
  for (let i = 0; i < (quick ? 1 : 5); i++) {
    const t0 = performance.now();
    const found = run();
    runs.push({ ms: performance.now() - t0, found });
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)];
}
const systems = {
  'Dateline core (wasm): dates, actors, events, merge': () => core.analyze(corpus, published),
  'Dateline temporal tagger alone (wasm)': () => core.tag(corpus, published),
  'compromise: people, places, organisations, dates': () => corpus.reduce((n, t) => {
    const doc = nlp(t);
    return n + doc.people().length + doc.places().length + doc.organizations().length + doc.dates({ today: '2025-11-25' }).length;
  }, 0),
  'chrono-node: dates': () => corpus.reduce((n, t) => n + chrono.parse(t, ref).length, 0),
};
const results = {};
for (const [name, run] of Object.entries(systems)) results[name] = time(run);
const mbps = (r) => bytes / 1e6 / (r.ms / 1000);
const ours = results['Dateline core (wasm): dates, actors, events, merge'];
const tagger = results['Dateline temporal tagger alone (wasm)'];
const comp = results['compromise: people, places, organisations, dates'];
const chr = results['chrono-node: dates'];
const js = { ms: comp.ms + chr.ms };

console.log(`Corpus: ${corpus.length} real article texts, ${(bytes / 1e6).toFixed(2)} MB; Node ${process.version}; median of ${quick ? 1 : 5} runs.\n`);
console.log('| system | time | MB/s | found |');
console.log('|---|---|---|---|');
for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${r.ms.toFixed(0)} ms | ${mbps(r).toFixed(2)} | ${r.found} |`);
console.log(`| compromise + chrono-node together | ${js.ms.toFixed(0)} ms | ${mbps(js).toFixed(2)} | |`);
console.log('');
console.log(`Dateline's whole analysis is **${(js.ms / ours.ms).toFixed(1)}×** the throughput of compromise + chrono-node (target 50×); its temporal tagger alone is **${(chr.ms / tagger.ms).toFixed(1)}×** chrono-node's (target 1×).`);
