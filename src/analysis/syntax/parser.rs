//! The dependency parser: greedy arc-hybrid transitions (Kuhlmann, Gómez-Rodríguez and
//! Satta 2011) chosen by a small network over the words, tags and labels around the
//! top of the stack and the front of the buffer (Chen and Manning 2014), trained with
//! Goldberg and Nivre's (2013) dynamic oracle. Two more heads of the network label
//! the arc a move makes, so later decisions see the labels of the children already
//! attached.
//!
//! Words are numbered from 1; 0 is the root. A sentence of n words takes 2n
//! transitions, each of constant work: linear in its length.

use super::features::{Ids, PAD, ROOT};
use super::nn::{argmax, Fast, Net, Rng, Trainee};

pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const RIGHT: usize = 2;
pub(crate) const MOVES: usize = 3;

/// No word.
const NIL: usize = usize::MAX;

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
                if d < h {
                    // Left children arrive right to left: the newest is the leftmost.
                    self.l2[h] = self.l1[h];
                    self.l1[h] = d;
                } else {
                    self.r2[h] = self.r1[h];
                    self.r1[h] = d;
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

/// Tables: words, tags, labels, distances.
const WORD: usize = 0;
const TAG: usize = 1;
const LABEL: usize = 2;
const DIST: usize = 3;
/// Heads: the move, the label of a left arc, the label of a right arc.
const MOVE_HEAD: usize = 0;
const LEFT_HEAD: usize = 1;
const RIGHT_HEAD: usize = 2;
/// Distance buckets.
const DISTANCES: usize = 8;
/// Positions read: by word and tag, and (the children among them) by label.
const WORD_SLOTS: usize = 16;
const LABEL_SLOTS: usize = 10;

/// Widths of the tables and the hidden layer.
pub(crate) struct Dims {
    pub word: usize,
    pub tag: usize,
    pub label: usize,
    pub dist: usize,
    pub hidden: usize,
}

/// A new parser network for `words` word rows, `tags` tag classes and `labels`
/// relations.
pub(crate) fn new_net(words: usize, tags: usize, labels: usize, d: &Dims, rng: &mut Rng) -> Net {
    let inputs = WORD_SLOTS * (d.word + d.tag) + LABEL_SLOTS * d.label + d.dist;
    Net::new(
        &[(words, d.word), (tags + 2, d.tag), (labels + 1, d.label), (DISTANCES, d.dist)],
        inputs,
        d.hidden,
        &[MOVES, labels, labels],
        rng,
    )
}

/// What the parser reads of each word: its word row and its tag.
pub(crate) struct Words<'a> {
    pub ids: &'a [Ids],
    pub tags: &'a [usize],
    /// Tag classes (the tag table has two more rows: none and the root).
    pub classes: usize,
    /// Relations (the label table has one more row: none).
    pub labels: usize,
}

/// The input slots of a configuration.
fn slots(st: &State, ws: &Words, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let child = |v: &Vec<usize>, i: usize| if i == NIL { NIL } else { v[i] };
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let kids = [
        child(&st.l1, s0),
        child(&st.l2, s0),
        child(&st.r1, s0),
        child(&st.r2, s0),
        child(&st.l1, s1),
        child(&st.r1, s1),
        child(&st.l1, b0),
        child(&st.l2, b0),
        child(&st.l1, child(&st.l1, s0)),
        child(&st.r1, child(&st.r1, s0)),
    ];
    let words = [s0, s1, s2, b0, b1, b2];
    for &i in words.iter().chain(&kids) {
        out.push((
            WORD,
            match i {
                NIL => PAD,
                0 => ROOT,
                i => ws.ids[i - 1].word,
            },
        ));
    }
    for &i in words.iter().chain(&kids) {
        out.push((
            TAG,
            match i {
                NIL => ws.classes,
                0 => ws.classes + 1,
                i => ws.tags[i - 1],
            },
        ));
    }
    for &i in &kids {
        let attached = i != NIL && st.head[i] != NIL;
        out.push((LABEL, if attached { usize::from(st.label[i]) } else { ws.labels }));
    }
    let dist = if s0 == NIL || b0 == NIL { DISTANCES - 1 } else { (b0 - s0).min(DISTANCES - 1) };
    out.push((DIST, dist));
}

/// The table of each input slot, in order (for [`Fast`]).
pub(crate) fn layout() -> Vec<usize> {
    let mut out = vec![WORD; WORD_SLOTS];
    out.extend([TAG; WORD_SLOTS]);
    out.extend([LABEL; LABEL_SLOTS]);
    out.push(DIST);
    out
}

/// The parser ready to run.
pub(crate) fn fast(net: Net) -> Fast {
    Fast::new(net, &layout(), WORD)
}

/// Parses a tagged sentence: each word's head (0 for the root) and label index.
pub(crate) fn parse(fast: &Fast, ws: &Words) -> (Vec<usize>, Vec<u8>) {
    let n = ws.ids.len();
    let mut st = State::new(n);
    let (mut s, mut h, mut scores, mut lscores) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    while !st.done() {
        let valid = st.valid();
        slots(&st, ws, &mut s);
        fast.hidden(&s, &mut h);
        fast.head(MOVE_HEAD, &h, &mut scores);
        let mv = best_valid(&scores, &valid);
        let label = match mv {
            LEFT => {
                fast.head(LEFT_HEAD, &h, &mut lscores);
                argmax(&lscores) as u8
            }
            RIGHT => {
                fast.head(RIGHT_HEAD, &h, &mut lscores);
                argmax(&lscores) as u8
            }
            _ => 0,
        };
        st.apply(mv, label);
    }
    (st.head[1..].to_vec(), st.label[1..].to_vec())
}

fn best_valid(scores: &[f32], ok: &[bool; MOVES]) -> usize {
    let mut best = NIL;
    for m in 0..MOVES {
        if ok[m] && (best == NIL || scores[m] > scores[best]) {
            best = m;
        }
    }
    best
}

/// A training sentence: word rows, their (predicted) tags, a projective gold tree and
/// the gold labels.
pub(crate) struct Example {
    pub ids: Vec<Ids>,
    pub tags: Vec<usize>,
    pub heads: Vec<usize>,
    pub labels: Vec<u8>,
}

/// Trains network `k` (a parser) on one sentence whose word rows are `ids`. When the
/// model's move is followed (`explore`: how often) and it was wrong, the dynamic oracle
/// says what is best from there. Returns the number of words given their gold head.
pub(crate) fn train_sentence(
    t: &mut Trainee,
    k: usize,
    ex: &Example,
    ids: &[Ids],
    explore: f32,
    classes: usize,
    rng: &mut Rng,
) -> usize {
    let mut right = 0;
    let mut s = Vec::new();
    let ws = Words { ids, tags: &ex.tags, classes, labels: t.rows(k, LABEL) - 1 };
    let gold = Gold::new(&ex.heads);
    let mut st = State::new(ex.ids.len());
    while !st.done() {
        let valid = st.valid();
        let costs = st.costs(&gold);
        slots(&st, &ws, &mut s);
        let f = t.forward(k, &s, rng);
        let scores = t.head(k, MOVE_HEAD, &f);
        let guess = best_valid(&scores, &valid);
        let zero = [valid[0] && costs[0] == 0, valid[1] && costs[1] == 0, valid[2] && costs[2] == 0];
        let best = if zero.iter().any(|&z| z) { best_valid(&scores, &zero) } else { guess };
        let mv = if zero[guess] || rng.unit() < explore { guess } else { best };
        let mut losses = vec![(MOVE_HEAD, scores, best)];
        let label = match st.arc(mv) {
            Some((h, d)) => {
                let head = if mv == LEFT { LEFT_HEAD } else { RIGHT_HEAD };
                let lscores = t.head(k, head, &f);
                let g = argmax(&lscores);
                if gold.head[d] == h {
                    losses.push((head, lscores, usize::from(ex.labels[d - 1])));
                    right += 1;
                }
                g as u8
            }
            None => 0,
        };
        t.backward(k, &f, &s, &losses);
        st.apply(mv, label);
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
