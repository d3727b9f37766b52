//! The part-of-speech tagger: a greedy, left-to-right averaged perceptron over the
//! word, its affixes and shape, its neighbours and the two tags before it (Collins
//! 2002; Honnibal's feature set, with shapes and word bigrams).
//!
//! Its classes are UD's universal tags, verbs and auxiliaries refined by their Penn
//! tag ("VERB|VBN", "AUX|MD"): the parser and the event rules need a participle told
//! from a past tense.

use super::features::{feat, num, Lex, NONE};
use super::perceptron::{Trainer, Weights};

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

const TAG: u64 = 11;

/// The atom of tag `t` (`None` before the sentence).
fn tag_atom(t: Option<usize>) -> u64 {
    t.map_or(NONE, |t| num(TAG, t as u64))
}

/// The features of word `i` given the tags before it.
pub(crate) fn features(lex: &[Lex], i: usize, p1: Option<usize>, p2: Option<usize>, out: &mut Vec<u32>) {
    out.clear();
    let none = Lex::none();
    let at = |k: isize| -> &Lex {
        if k < 0 || k as usize >= lex.len() {
            &none
        } else {
            &lex[k as usize]
        }
    };
    let i = i as isize;
    let (w, m1, m2, n1, n2) = (at(i), at(i - 1), at(i - 2), at(i + 1), at(i + 2));
    let (t1, t2) = (tag_atom(p1), tag_atom(p2));
    let first = u64::from(i == 0);
    out.extend_from_slice(&[
        feat(0, &[]),
        feat(1, &[w.word]),
        feat(2, &[w.suf1]),
        feat(3, &[w.suf2]),
        feat(4, &[w.suf3]),
        feat(5, &[w.suf4]),
        feat(6, &[w.pre1]),
        feat(7, &[w.pre2]),
        feat(8, &[w.shape]),
        feat(9, &[w.shape, first]),
        feat(10, &[t1]),
        feat(11, &[t2]),
        feat(12, &[t1, t2]),
        feat(13, &[t1, w.word]),
        feat(14, &[m1.word]),
        feat(15, &[m1.suf3]),
        feat(16, &[m2.word]),
        feat(17, &[n1.word]),
        feat(18, &[n1.suf3]),
        feat(19, &[n2.word]),
        feat(20, &[n1.shape]),
        feat(21, &[m1.word, w.word]),
        feat(22, &[w.word, n1.word]),
        feat(23, &[t1, w.suf3]),
        feat(24, &[m1.shape]),
    ]);
}

/// Tags a sentence greedily: class indexes, one per word.
pub(crate) fn tag(weights: &Weights, lex: &[Lex]) -> Vec<usize> {
    let mut tags = Vec::with_capacity(lex.len());
    let mut feats = Vec::with_capacity(32);
    let mut scores = vec![0i32; weights.classes];
    for i in 0..lex.len() {
        let p1 = i.checked_sub(1).map(|k| tags[k]);
        let p2 = i.checked_sub(2).map(|k| tags[k]);
        features(lex, i, p1, p2, &mut feats);
        weights.score(&feats, &mut scores);
        tags.push(argmax(&scores));
    }
    tags
}

/// The index of the highest score (the first on ties).
pub(crate) fn argmax<T: PartialOrd + Copy>(scores: &[T]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// One training pass over tagged sentences (each: the words' atoms and gold classes),
/// in the given order. Returns the number of words tagged right.
pub(crate) fn train_pass(model: &mut Trainer, sentences: &[(Vec<Lex>, Vec<usize>)], order: &[usize]) -> usize {
    let mut right = 0;
    let mut feats = Vec::with_capacity(32);
    let mut scores = vec![0i64; model.classes];
    for &s in order {
        let (lex, gold) = &sentences[s];
        let mut tags: Vec<usize> = Vec::with_capacity(lex.len());
        for i in 0..lex.len() {
            let p1 = i.checked_sub(1).map(|k| tags[k]);
            let p2 = i.checked_sub(2).map(|k| tags[k]);
            features(lex, i, p1, p2, &mut feats);
            model.score(&feats, &mut scores);
            let guess = argmax(&scores);
            model.update(&feats, gold[i], guess);
            right += usize::from(guess == gold[i]);
            // Train on the tags it will see: its own guesses.
            tags.push(guess);
        }
    }
    right
}
