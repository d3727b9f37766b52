//! Training the tagger and parser from a treebank, and scoring them.
//!
//! Deterministic: sentences are visited in an order drawn from a fixed seed, and the
//! model's binary form lists features sorted, so the same treebank and [`Config`] give
//! the same bytes. The parser learns from tags predicted by taggers trained on the
//! other parts of the treebank (jackknifing), so it sees the tagger's mistakes as it
//! will at run time.

use super::conllu::GoldSentence;
use super::features::Lex;
use super::parser::{self, Example};
use super::perceptron::{write_varint, Trainer};
use super::tagger::{self, class_name};
use super::{relation_index, Syntax, MAGIC, RELATIONS};

/// How to train, and how much of the model to keep.
#[derive(Clone, Debug)]
pub struct Config {
    pub seed: u64,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Parts of the treebank for jackknifed tags (1: the parser learns from gold tags).
    pub folds: usize,
    /// Features learned: those occurring at least this often in the first epoch
    /// (tagger, moves, labels).
    pub cutoff: [u32; 3],
    /// Features kept: updated at least this often ...
    pub min_seen: [u32; 3],
    /// ... with a largest weight at least this share of the classifier's largest
    /// (tagger, moves, labels).
    pub min_share: [f32; 3],
    /// Steps of the weights' logarithmic quantisation (at most 127).
    pub levels: [usize; 3],
}

impl Default for Config {
    fn default() -> Config {
        Config {
            seed: 20_261_202,
            tagger_epochs: 8,
            parser_epochs: 15,
            folds: 5,
            cutoff: [1, 1, 1],
            min_seen: [1, 1, 1],
            min_share: [0.0, 0.0, 0.0],
            levels: [64, 64, 64],
        }
    }
}

/// A small deterministic random source (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle(&mut self, v: &mut [usize]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains a tagger on `sentences` (their atoms and gold classes).
fn train_tagger(
    sentences: &[(Vec<Lex>, Vec<usize>)],
    classes: usize,
    epochs: usize,
    cutoff: u32,
    rng: &mut Rng,
    log: &mut dyn FnMut(&str),
) -> Trainer {
    let mut model = Trainer::new(classes);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let words: usize = sentences.iter().map(|s| s.0.len()).sum();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let right = tagger::train_pass(&mut model, sentences, &order);
        if epoch == 0 {
            model.keep_frequent(cutoff);
        }
        log(&format!("  tagger epoch {}: {:.2} % of training words", epoch + 1, pct(right, words)));
    }
    model
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

/// Trains the tagger and parser on a treebank; returns the model's binary form (read
/// it with [`Syntax::from_bytes`]). `log` hears of each epoch.
pub fn train(treebank: &[GoldSentence], cfg: &Config, log: &mut dyn FnMut(&str)) -> Vec<u8> {
    fit(treebank, cfg, log).encode(cfg.min_seen, cfg.min_share, cfg.levels)
}

/// A trained model before pruning.
pub struct Fitted {
    tags: Vec<String>,
    tagger: Trainer,
    moves: Trainer,
    labels: Trainer,
}

impl Fitted {
    /// The binary form, keeping the features of each classifier (tagger, moves,
    /// labels) updated at least `min_seen` times and with a largest weight of at least
    /// `min_share` of the classifier's largest.
    pub fn encode(&self, min_seen: [u32; 3], min_share: [f32; 3], levels: [usize; 3]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        write_varint(&mut out, self.tags.len() as u64);
        for t in &self.tags {
            write_varint(&mut out, t.len() as u64);
            out.extend_from_slice(t.as_bytes());
        }
        self.tagger.finish(min_seen[0], min_share[0], levels[0], &mut out);
        self.moves.finish(min_seen[1], min_share[1], levels[1], &mut out);
        self.labels.finish(min_seen[2], min_share[2], levels[2], &mut out);
        out
    }
}

/// Trains the tagger and parser on a treebank.
pub fn fit(treebank: &[GoldSentence], cfg: &Config, log: &mut dyn FnMut(&str)) -> Fitted {
    let mut rng = Rng(cfg.seed | 1);
    let mut tags: Vec<String> = treebank.iter().flat_map(|s| &s.words).map(|w| class_name(&w.upos, &w.xpos)).collect();
    tags.sort();
    tags.dedup();
    assert!(tags.len() <= 64, "{} tag classes: the weights' class mask holds 64", tags.len());
    let tagged: Vec<(Vec<Lex>, Vec<usize>)> = treebank
        .iter()
        .map(|s| {
            let lex = s.words.iter().map(|w| Lex::new(&w.form)).collect();
            let gold = s
                .words
                .iter()
                .map(|w| tags.binary_search(&class_name(&w.upos, &w.xpos)).unwrap_or(0))
                .collect();
            (lex, gold)
        })
        .collect();

    // Jackknifed tags for the parser's training.
    let mut predicted: Vec<Vec<usize>> = tagged.iter().map(|s| s.1.clone()).collect();
    if cfg.folds > 1 {
        for fold in 0..cfg.folds {
            log(&format!("tagger for part {} of {}", fold + 1, cfg.folds));
            let rest: Vec<(Vec<Lex>, Vec<usize>)> =
                tagged.iter().enumerate().filter(|(i, _)| i % cfg.folds != fold).map(|(_, s)| s.clone()).collect();
            let t = train_tagger(&rest, tags.len(), cfg.tagger_epochs, cfg.cutoff[0], &mut rng, &mut |_| {});
            let mut scratch = Vec::new();
            let w = t.finish(1, 0.0, 127, &mut scratch);
            for (i, s) in tagged.iter().enumerate().filter(|(i, _)| i % cfg.folds == fold) {
                predicted[i] = tagger::tag(&w, &s.0);
            }
        }
        let (right, all) = predicted
            .iter()
            .zip(&tagged)
            .flat_map(|(p, g)| p.iter().zip(&g.1))
            .fold((0, 0), |(r, a), (p, g)| (r + usize::from(p == g), a + 1));
        log(&format!("jackknifed tags: {:.2} % right", pct(right, all)));
    }
    log("tagger on the whole treebank");
    let tag_model = train_tagger(&tagged, tags.len(), cfg.tagger_epochs, cfg.cutoff[0], &mut rng, log);

    let examples: Vec<Example> = treebank
        .iter()
        .zip(tagged)
        .zip(predicted)
        .map(|((s, (lex, _)), tags)| {
            let mut heads: Vec<usize> = s.words.iter().map(|w| w.head).collect();
            parser::projectivize(&mut heads);
            let labels = s.words.iter().map(|w| relation_index(&w.deprel)).collect();
            Example { lex, tags, heads, labels }
        })
        .collect();
    let words: usize = examples.iter().map(|e| e.lex.len()).sum();
    let mut moves = Trainer::new(parser::MOVES);
    let mut labels = Trainer::new(RELATIONS.len());
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 0..cfg.parser_epochs {
        rng.shuffle(&mut order);
        let right = parser::train_pass(&mut moves, &mut labels, &examples, &order, epoch > 0);
        if epoch == 0 {
            moves.keep_frequent(cfg.cutoff[1]);
            labels.keep_frequent(cfg.cutoff[2]);
        }
        log(&format!("  parser epoch {}: heads {:.2} % of training words", epoch + 1, pct(right, words)));
    }

    Fitted { tags, tagger: tag_model, moves, labels }
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
