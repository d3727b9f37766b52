//! The dependency parser: greedy arc-hybrid transitions (Kuhlmann, Gómez-Rodríguez and
//! Satta 2011) chosen by an averaged perceptron over Zhang and Nivre's (2011) rich
//! features, trained with Goldberg and Nivre's (2013) dynamic oracle. A second
//! perceptron labels each arc when it is made, so later decisions see the labels
//! of the children already attached.
//!
//! Words are numbered from 1; 0 is the root. A sentence of n words takes 2n
//! transitions, each with a constant number of features: linear in its length.

use super::features::{feat, num, Lex, NONE};
use super::perceptron::{Trainer, Weights};
use super::tagger::argmax;

pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const RIGHT: usize = 2;
pub(crate) const MOVES: usize = 3;

/// No word.
const NIL: usize = usize::MAX;

const TAG: u64 = 21;
const LABEL: u64 = 22;
const DIST: u64 = 23;
const VALENCY: u64 = 24;
const SET: u64 = 25;

/// A parser configuration: the stack, the buffer (words `b..=n`) and the arcs made.
pub(crate) struct State {
    n: usize,
    pub stack: Vec<usize>,
    pub b: usize,
    pub head: Vec<usize>,
    pub label: Vec<u8>,
    l1: Vec<usize>,
    l2: Vec<usize>,
    r1: Vec<usize>,
    r2: Vec<usize>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
    in_stack: Vec<bool>,
}

impl State {
    pub(crate) fn new(n: usize) -> State {
        let mut in_stack = vec![false; n + 1];
        in_stack[0] = true;
        State {
            n,
            stack: vec![0],
            b: 1,
            head: vec![NIL; n + 1],
            label: vec![0; n + 1],
            l1: vec![NIL; n + 1],
            l2: vec![NIL; n + 1],
            r1: vec![NIL; n + 1],
            r2: vec![NIL; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
            in_stack,
        }
    }

    pub(crate) fn done(&self) -> bool {
        self.stack.len() == 1 && self.b > self.n
    }

    fn s(&self, k: usize) -> usize {
        if self.stack.len() > k {
            self.stack[self.stack.len() - 1 - k]
        } else {
            NIL
        }
    }

    fn buf(&self, k: usize) -> usize {
        if self.b + k <= self.n {
            self.b + k
        } else {
            NIL
        }
    }

    /// Which moves are possible: shift while the buffer has words; left while a word
    /// is on the stack and one in the buffer; right onto the root only at the end, so
    /// a sentence has one root.
    pub(crate) fn valid(&self) -> [bool; MOVES] {
        let buffer = self.b <= self.n;
        let word_on_top = self.stack.len() >= 2;
        [buffer, word_on_top && buffer, word_on_top && (self.stack.len() > 2 || !buffer)]
    }

    /// The head and dependent of the arc a move makes (none for a shift).
    pub(crate) fn arc(&self, mv: usize) -> Option<(usize, usize)> {
        match mv {
            LEFT => Some((self.b, self.s(0))),
            RIGHT => Some((self.s(1), self.s(0))),
            _ => None,
        }
    }

    /// Applies a move; `label` is the arc's relation.
    pub(crate) fn apply(&mut self, mv: usize, label: u8) {
        match self.arc(mv) {
            None => {
                self.in_stack[self.b] = true;
                self.stack.push(self.b);
                self.b += 1;
            }
            Some((h, d)) => {
                self.stack.pop();
                self.in_stack[d] = false;
                self.head[d] = h;
                self.label[d] = label;
                let bit = 1u64 << (label & 63);
                if d < h {
                    // Left children arrive right to left: the newest is the leftmost.
                    self.l2[h] = self.l1[h];
                    self.l1[h] = d;
                    self.nl[h] = self.nl[h].saturating_add(1);
                    self.lset[h] |= bit;
                } else {
                    self.r2[h] = self.r1[h];
                    self.r1[h] = d;
                    self.nr[h] = self.nr[h].saturating_add(1);
                    self.rset[h] |= bit;
                }
            }
        }
    }

    /// The cost of each move under the dynamic oracle: how many arcs of the gold tree
    /// (projective) it makes unreachable.
    pub(crate) fn costs(&self, gold: &Gold) -> [u32; MOVES] {
        let mut c = [0u32; MOVES];
        let (s0, s1, b0) = (self.s(0), self.s(1), self.b);
        if b0 <= self.n {
            c[SHIFT] = gold.children[b0].iter().filter(|&&d| self.in_stack[d]).count() as u32;
            let h = gold.head[b0];
            if h != s0 && self.in_stack[h] {
                c[SHIFT] += 1;
            }
        }
        if s0 != 0 && s0 != NIL {
            let lost_children = gold.children[s0].iter().filter(|&&d| d >= b0).count() as u32;
            let h = gold.head[s0];
            c[LEFT] = lost_children + u32::from(h == s1 || (h > b0 && h <= self.n));
            c[RIGHT] = lost_children + u32::from(h >= b0 && h <= self.n);
        }
        c
    }
}

/// A gold tree for the oracle: each word's head and children (word 0 is the root).
pub(crate) struct Gold {
    pub head: Vec<usize>,
    pub children: Vec<Vec<usize>>,
}

impl Gold {
    /// `heads[i]` is the head of word i+1.
    pub(crate) fn new(heads: &[usize]) -> Gold {
        let n = heads.len();
        let mut head = vec![0; n + 1];
        let mut children = vec![Vec::new(); n + 1];
        for (i, &h) in heads.iter().enumerate() {
            head[i + 1] = h;
            children[h].push(i + 1);
        }
        Gold { head, children }
    }
}

/// What the parser knows of each word: its atoms and tag.
pub(crate) struct Words<'a> {
    pub lex: &'a [Lex],
    pub tags: &'a [usize],
}

const ROOT_WORD: u64 = 0x2;

impl Words<'_> {
    fn w(&self, i: usize) -> u64 {
        match i {
            0 => ROOT_WORD,
            i if i <= self.lex.len() => self.lex[i - 1].word,
            _ => NONE,
        }
    }

    fn t(&self, i: usize) -> u64 {
        match i {
            0 => ROOT_WORD,
            i if i <= self.tags.len() => num(TAG, self.tags[i - 1] as u64),
            _ => NONE,
        }
    }
}

fn dist_bucket(a: usize, b: usize) -> u64 {
    if a == NIL || b == NIL {
        return num(DIST, 99);
    }
    let d = a.abs_diff(b);
    num(
        DIST,
        match d {
            0..=4 => d as u64,
            5..=7 => 5,
            8..=11 => 6,
            _ => 7,
        },
    )
}

/// The features of a configuration for choosing the next move.
pub(crate) fn move_features(st: &State, ws: &Words, out: &mut Vec<u32>) {
    out.clear();
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let child = |v: &Vec<usize>, i: usize| if i == NIL { NIL } else { v[i] };
    let lab = |i: usize| if i == NIL || st.head[i] == NIL { NONE } else { num(LABEL, u64::from(st.label[i])) };
    let (s0l, s0l2, s0r, s0r2) = (child(&st.l1, s0), child(&st.l2, s0), child(&st.r1, s0), child(&st.r2, s0));
    let (b0l, b0l2) = (child(&st.l1, b0), child(&st.l2, b0));
    let (s1r, s1l) = (child(&st.r1, s1), child(&st.l1, s1));
    let (w, t) = (|i| ws.w(i), |i| ws.t(i));
    let d = dist_bucket(s0, b0);
    let val = |v: &Vec<u8>, i: usize| if i == NIL { NONE } else { num(VALENCY, u64::from(v[i].min(6))) };
    let set = |v: &Vec<u64>, i: usize| if i == NIL { NONE } else { num(SET, v[i]) };
    out.extend_from_slice(&[
        feat(100, &[]),
        // Single words.
        feat(101, &[w(s0), t(s0)]),
        feat(102, &[w(s0)]),
        feat(103, &[t(s0)]),
        feat(104, &[w(b0), t(b0)]),
        feat(105, &[w(b0)]),
        feat(106, &[t(b0)]),
        feat(107, &[w(b1), t(b1)]),
        feat(108, &[w(b1)]),
        feat(109, &[t(b1)]),
        feat(110, &[w(b2), t(b2)]),
        feat(111, &[w(b2)]),
        feat(112, &[t(b2)]),
        feat(113, &[w(s1), t(s1)]),
        feat(114, &[w(s1)]),
        feat(115, &[t(s1)]),
        feat(116, &[t(s2)]),
        // Pairs.
        feat(120, &[w(s0), t(s0), w(b0), t(b0)]),
        feat(121, &[w(s0), t(s0), w(b0)]),
        feat(122, &[w(s0), w(b0), t(b0)]),
        feat(123, &[w(s0), t(s0), t(b0)]),
        feat(124, &[t(s0), w(b0), t(b0)]),
        feat(125, &[w(s0), w(b0)]),
        feat(126, &[t(s0), t(b0)]),
        feat(127, &[t(b0), t(b1)]),
        feat(128, &[w(s1), t(s1), w(s0), t(s0)]),
        feat(129, &[w(s1), w(s0)]),
        feat(130, &[t(s1), t(s0)]),
        feat(131, &[w(s1), t(s0)]),
        feat(132, &[t(s1), w(s0)]),
        // Tag triples.
        feat(140, &[t(b0), t(b1), t(b2)]),
        feat(141, &[t(s0), t(b0), t(b1)]),
        feat(142, &[t(s1), t(s0), t(b0)]),
        feat(143, &[t(s0), t(s0l), t(b0)]),
        feat(144, &[t(s0), t(s0r), t(b0)]),
        feat(145, &[t(s0), t(b0), t(b0l)]),
        feat(146, &[t(s2), t(s1), t(s0)]),
        feat(147, &[t(s1), t(s0), t(s0r)]),
        feat(148, &[t(s1), t(s1r), t(s0)]),
        feat(149, &[t(s1), t(s0), t(s0l)]),
        feat(150, &[w(s0), t(b0), t(b1)]),
        feat(151, &[t(s0), w(b0), t(b1)]),
        // Distance.
        feat(160, &[w(s0), d]),
        feat(161, &[t(s0), d]),
        feat(162, &[w(b0), d]),
        feat(163, &[t(b0), d]),
        feat(164, &[w(s0), w(b0), d]),
        feat(165, &[t(s0), t(b0), d]),
        feat(166, &[t(s1), t(s0), dist_bucket(s1, s0)]),
        // Valency.
        feat(170, &[w(s0), val(&st.nr, s0)]),
        feat(171, &[t(s0), val(&st.nr, s0)]),
        feat(172, &[w(s0), val(&st.nl, s0)]),
        feat(173, &[t(s0), val(&st.nl, s0)]),
        feat(174, &[w(b0), val(&st.nl, b0)]),
        feat(175, &[t(b0), val(&st.nl, b0)]),
        // Children.
        feat(180, &[w(s0l)]),
        feat(181, &[t(s0l)]),
        feat(182, &[lab(s0l)]),
        feat(183, &[w(s0r)]),
        feat(184, &[t(s0r)]),
        feat(185, &[lab(s0r)]),
        feat(186, &[w(b0l)]),
        feat(187, &[t(b0l)]),
        feat(188, &[lab(b0l)]),
        feat(189, &[w(s1r), t(s1r)]),
        feat(190, &[lab(s1r)]),
        feat(191, &[w(s1l), lab(s1l)]),
        // Second children.
        feat(200, &[w(s0l2)]),
        feat(201, &[t(s0l2)]),
        feat(202, &[lab(s0l2)]),
        feat(203, &[w(s0r2)]),
        feat(204, &[t(s0r2)]),
        feat(205, &[lab(s0r2)]),
        feat(206, &[w(b0l2)]),
        feat(207, &[t(b0l2)]),
        feat(208, &[lab(b0l2)]),
        feat(209, &[t(s0), t(s0l), t(s0l2)]),
        feat(210, &[t(s0), t(s0r), t(s0r2)]),
        feat(211, &[t(b0), t(b0l), t(b0l2)]),
        // Label sets.
        feat(220, &[w(s0), set(&st.rset, s0)]),
        feat(221, &[t(s0), set(&st.rset, s0)]),
        feat(222, &[w(s0), set(&st.lset, s0)]),
        feat(223, &[t(s0), set(&st.lset, s0)]),
        feat(224, &[w(b0), set(&st.lset, b0)]),
        feat(225, &[t(b0), set(&st.lset, b0)]),
        // The words around the top of the stack.
        feat(230, &[t(s0), if s0 == NIL || s0 == 0 { NONE } else { t(s0 + 1) }, t(b0)]),
        feat(231, &[t(s0), if b0 == NIL || b0 < 2 { NONE } else { t(b0 - 1) }, t(b0)]),
    ]);
}

/// The features of an arc from `h` to `d` for choosing its label.
pub(crate) fn label_features(st: &State, ws: &Words, h: usize, d: usize, out: &mut Vec<u32>) {
    out.clear();
    let (w, t) = (|i| ws.w(i), |i| ws.t(i));
    let lab = |i: usize| if i == NIL || st.head[i] == NIL { NONE } else { num(LABEL, u64::from(st.label[i])) };
    let dir = u64::from(d < h) + 40;
    let dist = dist_bucket(h, d);
    let (dl, dl2, dr) = (st.l1[d], st.l2[d], st.r1[d]);
    let (hl, hr) = (st.l1[h], st.r1[h]);
    let next = |i: usize| if i >= st.n { NIL } else { i + 1 };
    let prev = |i: usize| if i <= 1 { NIL } else { i - 1 };
    out.extend_from_slice(&[
        feat(300, &[dir]),
        feat(301, &[w(h), dir]),
        feat(302, &[t(h), dir]),
        feat(303, &[w(d), dir]),
        feat(304, &[t(d), dir]),
        feat(305, &[t(h), t(d), dir]),
        feat(306, &[w(h), t(d), dir]),
        feat(307, &[t(h), w(d), dir]),
        feat(308, &[w(h), w(d), dir]),
        feat(309, &[t(h), t(d), dir, dist]),
        feat(310, &[w(dl), lab(dl)]),
        feat(311, &[t(h), t(d), w(dl), dir]),
        feat(312, &[t(d), t(dl), lab(dl)]),
        feat(313, &[w(dl2), t(d)]),
        feat(314, &[t(d), w(dr), lab(dr)]),
        feat(315, &[t(h), lab(hl), dir]),
        feat(316, &[t(h), w(hl), lab(hl)]),
        feat(317, &[t(h), lab(hr)]),
        feat(318, &[t(h), num(SET, st.lset[h]), dir]),
        feat(319, &[t(h), num(SET, st.rset[h]), dir]),
        feat(320, &[t(d), num(SET, st.lset[d])]),
        feat(321, &[t(d), num(SET, st.rset[d])]),
        feat(322, &[t(d), w(next(d)), dir]),
        feat(323, &[t(d), w(prev(d)), dir]),
        feat(324, &[t(h), w(next(h)), dir]),
        feat(325, &[t(h), w(prev(h)), dir]),
        feat(326, &[w(d), w(dl), dir]),
        feat(327, &[t(h), t(d), t(prev(d)), t(next(d))]),
        feat(328, &[w(h), t(d), w(dl)]),
    ]);
}

/// Parses a tagged sentence: each word's head (0 for the root) and label index.
pub(crate) fn parse(moves: &Weights, labels: &Weights, ws: &Words) -> (Vec<usize>, Vec<u8>) {
    let n = ws.lex.len();
    let mut st = State::new(n);
    let mut feats = Vec::with_capacity(128);
    let mut scores = vec![0i32; MOVES];
    let mut lscores = vec![0i32; labels.classes];
    while !st.done() {
        let valid = st.valid();
        move_features(&st, ws, &mut feats);
        moves.score(&feats, &mut scores);
        let mv = best_valid(&scores, &valid);
        let label = match st.arc(mv) {
            Some((h, d)) => {
                label_features(&st, ws, h, d, &mut feats);
                labels.score(&feats, &mut lscores);
                argmax(&lscores) as u8
            }
            None => 0,
        };
        st.apply(mv, label);
    }
    (st.head[1..].to_vec(), st.label[1..].to_vec())
}

fn best_valid<T: PartialOrd + Copy>(scores: &[T], ok: &[bool; MOVES]) -> usize {
    let mut best = NIL;
    for m in 0..MOVES {
        if ok[m] && (best == NIL || scores[m] > scores[best]) {
            best = m;
        }
    }
    best
}

/// A training sentence: words, their (predicted) tags, a projective gold tree and the
/// gold labels.
pub(crate) struct Example {
    pub lex: Vec<Lex>,
    pub tags: Vec<usize>,
    pub heads: Vec<usize>,
    pub labels: Vec<u8>,
}

/// One training pass; `explore`: follow the model's own moves (when they are wrong, the
/// dynamic oracle says what is best from there), else the oracle's. Returns the
/// number of words given their gold head.
pub(crate) fn train_pass(
    moves: &mut Trainer,
    labels: &mut Trainer,
    examples: &[Example],
    order: &[usize],
    explore: bool,
) -> usize {
    let mut right = 0;
    let mut feats = Vec::with_capacity(128);
    let mut lfeats = Vec::with_capacity(64);
    let mut scores = vec![0i64; MOVES];
    let mut lscores = vec![0i64; labels.classes];
    for &e in order {
        let ex = &examples[e];
        let ws = Words { lex: &ex.lex, tags: &ex.tags };
        let gold = Gold::new(&ex.heads);
        let mut st = State::new(ex.lex.len());
        while !st.done() {
            let valid = st.valid();
            let costs = st.costs(&gold);
            move_features(&st, &ws, &mut feats);
            moves.score(&feats, &mut scores);
            let guess = best_valid(&scores, &valid);
            let zero = [valid[0] && costs[0] == 0, valid[1] && costs[1] == 0, valid[2] && costs[2] == 0];
            let best = if zero.iter().any(|&z| z) { best_valid(&scores, &zero) } else { guess };
            moves.update(&feats, best, if zero[guess] { best } else { guess });
            let mv = if explore { guess } else { best };
            let label = match st.arc(mv) {
                Some((h, d)) => {
                    label_features(&st, &ws, h, d, &mut lfeats);
                    labels.score(&lfeats, &mut lscores);
                    let g = argmax(&lscores);
                    if gold.head[d] == h {
                        labels.update(&lfeats, usize::from(ex.labels[d - 1]), g);
                        right += 1;
                    }
                    g as u8
                }
                None => 0,
            };
            st.apply(mv, label);
        }
    }
    right
}

/// Makes a tree projective by lifting: while an arc crosses another, its dependent is
/// attached to its head's head (Nivre and Nilsson 2005, without the label encoding).
pub(crate) fn projectivize(heads: &mut [usize]) {
    let n = heads.len();
    for _ in 0..n {
        // The shortest non-projective arc is lifted first.
        let mut worst: Option<(usize, usize)> = None;
        for d in 1..=n {
            let h = heads[d - 1];
            let (lo, hi) = (h.min(d), h.max(d));
            let crossing = (lo + 1..hi).any(|k| !dominates(heads, h, k));
            if crossing && worst.is_none_or(|(_, len)| hi - lo < len) {
                worst = Some((d, hi - lo));
            }
        }
        match worst {
            Some((d, _)) => {
                let h = heads[d - 1];
                heads[d - 1] = if h == 0 { 0 } else { heads[h - 1] };
            }
            None => return,
        }
    }
}

/// Whether `h` dominates `k` (is `k` or an ancestor of it).
fn dominates(heads: &[usize], h: usize, mut k: usize) -> bool {
    for _ in 0..=heads.len() {
        if k == h {
            return true;
        }
        if k == 0 {
            return false;
        }
        k = heads[k - 1];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oracle_rebuilds_a_projective_tree() {
        // "Putin met Erdogan in Sochi ." heads: met=root.
        let heads = [2, 0, 2, 5, 2, 2];
        let gold = Gold::new(&heads);
        let mut st = State::new(heads.len());
        while !st.done() {
            let valid = st.valid();
            let costs = st.costs(&gold);
            let mv = (0..MOVES).find(|&m| valid[m] && costs[m] == 0).expect("a zero-cost move");
            st.apply(mv, 0);
        }
        assert_eq!(&st.head[1..], &heads);
    }

    #[test]
    fn lifting_makes_trees_projective() {
        // 1 -> 3 crosses 2's arc to 4.
        let mut heads = [0, 4, 1, 1];
        projectivize(&mut heads);
        for d in 1..=heads.len() {
            let h = heads[d - 1];
            let (lo, hi) = (h.min(d), h.max(d));
            assert!((lo + 1..hi).all(|k| dominates(&heads, h, k)), "{heads:?}");
        }
    }
}
