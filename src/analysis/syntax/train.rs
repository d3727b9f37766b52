//! Training the tagger and parser from a treebank, and scoring them.
//!
//! Deterministic: weights start from, sentences are visited in, and dropout draws
//! from a fixed seed, so the same treebank and [`Config`] give the same bytes. The
//! parser learns from tags predicted by taggers trained on the other parts of the
//! treebank (jackknifing), so it sees the tagger's mistakes as it will at run time.

use rustc_hash::FxHashMap;

use super::conllu::GoldSentence;
use super::features::{Form, Ids, Vocab, FIRST_WORD};
use super::nn::{write_varint, Net, Rng, Trainee};
use super::parser::{self, Example};
use super::tagger::{self, class_name};
use super::{relation_index, Syntax, MAGIC, RELATIONS};

/// How to train.
#[derive(Clone, Debug)]
pub struct Config {
    pub seed: u64,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Parts of the treebank for jackknifed tags (1: the parser learns from gold tags).
    pub folds: usize,
    /// Words seen at least this often are known by name.
    pub min_count: usize,
    /// ... at most this many of them, the most frequent.
    pub max_vocab: usize,
    /// Widths: tagger word, ambiguity class, two- and three-letter suffix, shape, tag,
    /// hidden.
    pub tagger_dims: [usize; 7],
    /// Widths: parser tag, label, distance, hidden (words come from the tagger's
    /// table).
    pub parser_dims: [usize; 4],
    pub lr: f32,
    pub batch: usize,
    pub dropout: f32,
    /// How often the parser follows its own move from the second epoch on.
    pub explore: f32,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            seed: 20_261_202,
            tagger_epochs: 15,
            parser_epochs: 15,
            folds: 5,
            min_count: 2,
            max_vocab: 4000,
            tagger_dims: [32, 16, 8, 16, 8, 16, 128],
            parser_dims: [16, 16, 8, 128],
            lr: 0.001,
            batch: 32,
            dropout: 0.3,
            explore: 0.9,
        }
    }
}

/// A trained model.
pub struct Fitted {
    tags: Vec<String>,
    vocab: Vocab,
    tagger: Net,
    parser: Net,
}

impl Fitted {
    /// The binary form (read it with [`Syntax::from_bytes`]).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        write_varint(&mut out, self.tags.len() as u64);
        for t in &self.tags {
            write_varint(&mut out, t.len() as u64);
            out.extend_from_slice(t.as_bytes());
        }
        write_varint(&mut out, self.vocab.keys.len() as u64);
        let mut last = 0u64;
        for &k in &self.vocab.keys {
            write_varint(&mut out, u64::from(k) - last);
            last = u64::from(k);
        }
        write_varint(&mut out, self.vocab.classes.len() as u64);
        let mut last = 0u64;
        for &(k, c) in &self.vocab.classes {
            write_varint(&mut out, u64::from(k) - last);
            write_varint(&mut out, u64::from(c));
            last = u64::from(k);
        }
        self.tagger.write(&mut out, 0);
        // The parser's word table is the tagger's.
        self.parser.write(&mut out, 1);
        out
    }
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

/// Word dropout: a word seen `n` times trains as unknown with probability
/// 0.25 / (0.25 + n), so the unknown rows learn from rare words; its ambiguity class
/// (which the treebank gave it) is dropped with probability 1 / (1 + n).
fn dropper<'a>(counts: &'a FxHashMap<u32, usize>, rng: &'a mut Rng) -> impl FnMut(&Ids) -> Ids + 'a {
    move |w: &Ids| {
        let n = counts.get(&w.key).copied().unwrap_or(0) as f32;
        let mut out = *w;
        if w.word >= FIRST_WORD && rng.unit() < 0.25 / (0.25 + n) {
            out.word = w.unknown;
        }
        if rng.unit() < 1.0 / (1.0 + n) {
            out.class = 0;
        }
        out
    }
}

/// A new tagger network.
fn new_tagger(vocab: &Vocab, tags: usize, cfg: &Config, rng: &mut Rng) -> Net {
    let [word, class, suffix2, suffix, shape, tag, hidden] = cfg.tagger_dims;
    let d = tagger::Dims { word, class, suffix2, suffix, shape, tag, hidden };
    tagger::new_net(vocab.rows(), vocab.class_rows(), tags, &d, rng)
}

/// Trains a tagger alone on `sentences` (word rows and gold classes), for jackknifing.
fn train_tagger(
    sentences: &[(Vec<Ids>, Vec<usize>)],
    vocab: &Vocab,
    counts: &FxHashMap<u32, usize>,
    tags: usize,
    cfg: &Config,
    rng: &mut Rng,
) -> Net {
    let mut t = Trainee::new(vec![new_tagger(vocab, tags, cfg, rng)], &[], cfg.dropout);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut drop_rng = Rng(rng.next() | 1);
    let mut drop = dropper(counts, &mut drop_rng);
    // Eight epochs are enough for tags that only add noise to the parser's training.
    for epoch in 0..cfg.tagger_epochs.min(8) {
        rng.shuffle(&mut order);
        let lr = cfg.lr * 0.85f32.powi(epoch as i32);
        let mut pending = 0;
        for &k in &order {
            let (ids, gold) = &sentences[k];
            let ids: Vec<Ids> = ids.iter().map(&mut drop).collect();
            tagger::train_sentence(&mut t, 0, &ids, gold, epoch > 0, rng);
            pending += ids.len();
            if pending >= cfg.batch {
                t.step(lr);
                pending = 0;
            }
        }
        t.step(lr);
    }
    t.net(0)
}

/// The ambiguity classes of the words seen at least `min_count` times: the set of
/// tags each was seen with (a tag counts when at least 5 % of the word's uses have
/// it), numbered from 1 in sorted order of the sets.
fn ambiguity_classes(
    tagged: &[(Vec<Form>, Vec<usize>)],
    key_counts: &FxHashMap<u32, usize>,
    min_count: usize,
    tags: usize,
) -> Vec<(u32, u16)> {
    let mut seen: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (forms, gold) in tagged {
        for (f, &g) in forms.iter().zip(gold) {
            if key_counts[&f.key] >= min_count {
                seen.entry(f.key).or_insert_with(|| vec![0; tags])[g] += 1;
            }
        }
    }
    let sets: Vec<(u32, Vec<u8>)> = seen
        .into_iter()
        .map(|(k, n)| {
            let total: usize = n.iter().sum();
            let set = (0..tags).filter(|&t| n[t] > 0 && n[t] * 20 >= total).map(|t| t as u8).collect();
            (k, set)
        })
        .collect();
    let mut distinct: Vec<&Vec<u8>> = sets.iter().map(|(_, s)| s).collect();
    distinct.sort();
    distinct.dedup();
    let mut out: Vec<(u32, u16)> =
        sets.iter().map(|(k, s)| (*k, distinct.binary_search(&s).map_or(0, |i| i as u16 + 1))).collect();
    out.sort_unstable();
    out
}

/// Trains the tagger and parser on a treebank; `log` hears of each epoch.
pub fn fit(treebank: &[GoldSentence], cfg: &Config, log: &mut dyn FnMut(&str)) -> Fitted {
    let mut rng = Rng(cfg.seed | 1);
    let mut tags: Vec<String> =
        treebank.iter().flat_map(|s| &s.words).map(|w| class_name(&w.upos, &w.xpos)).collect();
    tags.sort();
    tags.dedup();
    let forms: Vec<Vec<Form>> =
        treebank.iter().map(|s| s.words.iter().map(|w| Form::new(&w.form)).collect()).collect();
    let gold: Vec<Vec<usize>> = treebank
        .iter()
        .map(|s| {
            s.words.iter().map(|w| tags.binary_search(&class_name(&w.upos, &w.xpos)).unwrap_or(0)).collect()
        })
        .collect();

    // The vocabulary: the most frequent words (ties broken by key), then sorted; and
    // the ambiguity classes of every word seen often enough.
    let mut counts: FxHashMap<u32, usize> = FxHashMap::default();
    for f in forms.iter().flatten() {
        *counts.entry(f.key).or_insert(0) += 1;
    }
    let mut by_count: Vec<(u32, usize)> =
        counts.iter().map(|(&k, &n)| (k, n)).filter(|&(_, n)| n >= cfg.min_count).collect();
    by_count.sort_unstable_by_key(|&(k, n)| (std::cmp::Reverse(n), k));
    by_count.truncate(cfg.max_vocab);
    let mut keys: Vec<u32> = by_count.iter().map(|&(k, _)| k).collect();
    keys.sort_unstable();
    let pairs: Vec<(Vec<Form>, Vec<usize>)> = forms.iter().cloned().zip(gold.iter().cloned()).collect();
    let classes = ambiguity_classes(&pairs, &counts, cfg.min_count, tags.len());
    let vocab = Vocab { keys, classes };
    log(&format!(
        "{} tag classes, {} words known by name, {} by ambiguity class ({} classes)",
        tags.len(),
        vocab.keys.len(),
        vocab.classes.len(),
        vocab.class_rows() - 1
    ));

    let tagged: Vec<(Vec<Ids>, Vec<usize>)> =
        forms.iter().zip(gold).map(|(f, g)| (f.iter().map(|f| vocab.ids(f)).collect(), g)).collect();

    // Jackknifed tags for the parser's training.
    let mut predicted: Vec<Vec<usize>> = tagged.iter().map(|s| s.1.clone()).collect();
    if cfg.folds > 1 {
        for fold in 0..cfg.folds {
            log(&format!("tagger for part {} of {}", fold + 1, cfg.folds));
            let rest: Vec<(Vec<Ids>, Vec<usize>)> = tagged
                .iter()
                .enumerate()
                .filter(|(i, _)| i % cfg.folds != fold)
                .map(|(_, s)| s.clone())
                .collect();
            let net =
                tagger::fast(train_tagger(&rest, &vocab, &counts, tags.len(), cfg, &mut rng).quantised());
            for (i, s) in tagged.iter().enumerate().filter(|(i, _)| i % cfg.folds == fold) {
                predicted[i] = tagger::tag(&net, &s.0, &[]);
            }
        }
        let (right, all) = predicted
            .iter()
            .zip(&tagged)
            .flat_map(|(p, g)| p.iter().zip(&g.1))
            .fold((0, 0), |(r, a), (p, g)| (r + usize::from(p == g), a + 1));
        log(&format!("jackknifed tags: {:.2} % right", pct(right, all)));
    }

    let examples: Vec<Example> = treebank
        .iter()
        .zip(&tagged)
        .zip(predicted)
        .map(|((s, (ids, _)), tags)| {
            let mut heads: Vec<usize> = s.words.iter().map(|w| w.head).collect();
            parser::projectivize(&mut heads);
            let labels = s.words.iter().map(|w| relation_index(&w.deprel)).collect();
            Example { ids: ids.clone(), tags, heads, labels }
        })
        .collect();

    // The tagger and parser learn together: the word table is theirs.
    let [tag, label, dist, hidden] = cfg.parser_dims;
    let tagger_net = new_tagger(&vocab, tags.len(), cfg, &mut rng);
    let dims = parser::Dims { word: tagger_net.tables[0].cols, tag, label, dist, hidden };
    let parser_net = parser::new_net(vocab.rows(), tags.len(), RELATIONS.len(), &dims, &mut rng);
    let mut t = Trainee::new(vec![tagger_net, parser_net], &[(0, 0, 1, 0)], cfg.dropout);
    let words: usize = examples.iter().map(|e| e.ids.len()).sum();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut drop_rng = Rng(rng.next() | 1);
    let mut drop = dropper(&counts, &mut drop_rng);
    for epoch in 0..cfg.parser_epochs.max(cfg.tagger_epochs) {
        rng.shuffle(&mut order);
        let lr = cfg.lr * 0.85f32.powi(epoch as i32);
        let explore = if epoch == 0 { 0.0 } else { cfg.explore };
        let (mut tagged_right, mut heads_right, mut pending) = (0, 0, 0);
        for &k in &order {
            let ex = &examples[k];
            let ids: Vec<Ids> = ex.ids.iter().map(&mut drop).collect();
            if epoch < cfg.tagger_epochs {
                tagged_right += tagger::train_sentence(&mut t, 0, &ids, &tagged[k].1, epoch > 0, &mut rng);
            }
            if epoch < cfg.parser_epochs {
                heads_right += parser::train_sentence(&mut t, 1, ex, &ids, explore, tags.len(), &mut rng);
            }
            pending += ids.len();
            if pending >= cfg.batch {
                t.step(lr);
                pending = 0;
            }
        }
        t.step(lr);
        log(&format!(
            "  epoch {}: tags {:.2} %, heads {:.2} % of training words",
            epoch + 1,
            pct(tagged_right, words),
            pct(heads_right, words)
        ));
    }
    Fitted { tags, vocab, tagger: t.net(0), parser: t.net(1) }
}

/// Trains the tagger and parser on a treebank; returns the model's binary form.
pub fn train(treebank: &[GoldSentence], cfg: &Config, log: &mut dyn FnMut(&str)) -> Vec<u8> {
    fit(treebank, cfg, log).encode()
}

/// Accuracy on a treebank with its own (gold) tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    /// Universal tag right (%).
    pub upos: f64,
    /// Head right (%).
    pub uas: f64,
    /// Head and relation right, the relation without its subtype (%), as the CoNLL
    /// 2018 shared task scores it.
    pub las: f64,
    /// Head and relation right, subtype included (%).
    pub las_full: f64,
}

/// Scores a model on gold-tokenised sentences, punctuation included.
pub fn evaluate(model: &Syntax, treebank: &[GoldSentence]) -> Scores {
    let (mut words, mut upos, mut uas, mut las, mut full) = (0, 0, 0, 0, 0);
    for s in treebank {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let p = model.parse_forms(&forms);
        for (i, w) in s.words.iter().enumerate() {
            words += 1;
            upos += usize::from(p.upos(i) == w.upos);
            let head_ok = p.head(i).map_or(0, |h| h + 1) == w.head;
            if head_ok {
                uas += 1;
                let base = w.deprel.split(':').next().unwrap_or("");
                las += usize::from(p.base_rel(i) == base);
                full += usize::from(p.rel(i) == w.deprel);
            }
        }
    }
    Scores {
        words,
        upos: pct(upos, words),
        uas: pct(uas, words),
        las: pct(las, words),
        las_full: pct(full, words),
    }
}
