//! The part-of-speech tagger: greedy, left to right, a small network over a window of
//! five words (each by its word, ambiguity class, suffixes and shape) and the two tags
//! before.
//!
//! Its classes are UD's universal tags, verbs and auxiliaries refined by their Penn
//! tag ("VERB|VBN", "AUX|MD"): the parser and the event rules need a participle told
//! from a past tense.

use super::features::{Ids, SHAPES, SUFFIXES, SUFFIXES2};
use super::nn::{argmax, Fast, Net, Rng, Trainee};

/// The tagger's class for a word tagged `upos` and `xpos` in a treebank.
pub(crate) fn class_name(upos: &str, xpos: &str) -> String {
    if matches!(upos, "VERB" | "AUX") && (xpos.starts_with("VB") || xpos == "MD") {
        format!("{upos}|{xpos}")
    } else {
        upos.to_string()
    }
}

/// The universal tag of a class name ("VERB|VBN" → "VERB").
pub(crate) fn upos(class: &str) -> &str {
    class.split('|').next().unwrap_or(class)
}

/// Tables: words, ambiguity classes, two- and three-letter suffixes, shapes, previous
/// tags.
const WORD: usize = 0;
const CLASS: usize = 1;
const SUFFIX2: usize = 2;
const SUFFIX: usize = 3;
const SHAPE: usize = 4;
const PREV: usize = 5;
/// Words each side of the one tagged.
const WINDOW: usize = 2;

/// Widths of the tables and the hidden layer.
pub(crate) struct Dims {
    pub word: usize,
    pub class: usize,
    pub suffix2: usize,
    pub suffix: usize,
    pub shape: usize,
    pub tag: usize,
    pub hidden: usize,
}

/// A new tagger network for `words` word rows, `classes` ambiguity classes and `tags`
/// tags.
pub(crate) fn new_net(words: usize, classes: usize, tags: usize, d: &Dims, rng: &mut Rng) -> Net {
    let inputs = (2 * WINDOW + 1) * (d.word + d.class + d.suffix2 + d.suffix + d.shape) + 2 * d.tag;
    Net::new(
        &[
            (words, d.word),
            (classes, d.class),
            (SUFFIXES2, d.suffix2),
            (SUFFIXES, d.suffix),
            (SHAPES, d.shape),
            (tags + 1, d.tag),
        ],
        inputs,
        d.hidden,
        &[tags],
        rng,
    )
}

/// The input slots for word `i` given the tags before it (`None` before the
/// sentence).
fn slots(
    ids: &[Ids],
    i: usize,
    p1: Option<usize>,
    p2: Option<usize>,
    none_tag: usize,
    out: &mut Vec<(usize, usize)>,
) {
    out.clear();
    for k in 0..=2 * WINDOW {
        let j = (i + k).checked_sub(WINDOW).filter(|&j| j < ids.len());
        match j {
            Some(j) => {
                let w = &ids[j];
                out.extend_from_slice(&[
                    (WORD, w.word),
                    (CLASS, w.class),
                    (SUFFIX2, w.suffix2),
                    (SUFFIX, w.suffix),
                    (SHAPE, w.shape),
                ]);
            }
            // Padding: row 0 of each table.
            None => out.extend_from_slice(&[(WORD, 0), (CLASS, 0), (SUFFIX2, 0), (SUFFIX, 0), (SHAPE, 0)]),
        }
    }
    out.push((PREV, p1.unwrap_or(none_tag)));
    out.push((PREV, p2.unwrap_or(none_tag)));
}

/// The table of each input slot, in order (for [`Fast`]).
pub(crate) fn layout() -> Vec<usize> {
    let mut out: Vec<usize> = (0..=2 * WINDOW).flat_map(|_| [WORD, CLASS, SUFFIX2, SUFFIX, SHAPE]).collect();
    out.extend([PREV, PREV]);
    out
}

/// The tagger ready to run.
pub(crate) fn fast(net: Net) -> Fast {
    Fast::new(net, &layout(), WORD)
}

/// Tags a sentence greedily: class indexes, one per word. `fixed` gives the tag of
/// words known otherwise (a person's name is a proper noun), taken as they are.
pub(crate) fn tag(fast: &Fast, ids: &[Ids], fixed: &[Option<usize>]) -> Vec<usize> {
    let none = fast.net.tables[PREV].rows - 1;
    let mut tags = Vec::with_capacity(ids.len());
    let (mut s, mut h, mut out) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..ids.len() {
        if let Some(t) = fixed.get(i).copied().flatten() {
            tags.push(t);
            continue;
        }
        let p1 = i.checked_sub(1).map(|k| tags[k]);
        let p2 = i.checked_sub(2).map(|k| tags[k]);
        slots(ids, i, p1, p2, none, &mut s);
        fast.hidden(&s, &mut h);
        fast.head(0, &h, &mut out);
        tags.push(argmax(&out));
    }
    tags
}

/// Trains network `k` (a tagger) on one sentence (word rows and gold classes), taking
/// as the previous tags its own guesses (`own_tags`) or the gold ones. Returns the
/// number of words tagged right.
pub(crate) fn train_sentence(
    t: &mut Trainee,
    k: usize,
    ids: &[Ids],
    gold: &[usize],
    own_tags: bool,
    rng: &mut Rng,
) -> usize {
    let none = t.rows(k, PREV) - 1;
    let mut right = 0;
    let mut s = Vec::new();
    let mut tags: Vec<usize> = Vec::with_capacity(ids.len());
    for i in 0..ids.len() {
        let p1 = i.checked_sub(1).map(|k| tags[k]);
        let p2 = i.checked_sub(2).map(|k| tags[k]);
        slots(ids, i, p1, p2, none, &mut s);
        let f = t.forward(k, &s, rng);
        let scores = t.head(k, 0, &f);
        let guess = argmax(&scores);
        right += usize::from(guess == gold[i]);
        t.backward(k, &f, &s, &[(0, scores, gold[i])]);
        tags.push(if own_tags { guess } else { gold[i] });
    }
    right
}
