//! A sentence of an article with its parse: the parser's words tied to the text's
//! tokens, and the questions the later stages ask of clause structure (the subject of
//! a verb, its objects, the preposition of a phrase, negation, modality), so that
//! actors, events and time read clauses from one place.

use super::features::Form;
use super::words::{words_of, SynWord};
use super::{Parse, Syntax};
use crate::analysis::text::Token;

/// A parsed sentence.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub words: Vec<SynWord>,
    pub parse: Parse<'static>,
    /// Each word's folded form.
    norms: Vec<String>,
    /// Each token's (first) word.
    token_word: Vec<usize>,
}

impl Syntax {
    /// Tags and parses the sentence made of `tokens`; the capitalised words of `names`
    /// (token ranges of people's names the actor stage found) are proper nouns, whatever
    /// the tagger would have guessed of a name it never saw ("Vantrow condemned Morwen").
    pub(crate) fn parse_tokens(
        &'static self,
        text: &str,
        tokens: &[Token],
        names: &[(usize, usize)],
    ) -> Parsed {
        let words = words_of(text, tokens);
        let ids: Vec<_> = words.iter().map(|w| self.vocab.ids(&Form::new(w.span.slice(text)))).collect();
        let propn = self.tags.iter().position(|t| t == "PROPN");
        let fixed: Vec<Option<usize>> = words
            .iter()
            .map(|w| {
                let named = names.iter().any(|&(a, b)| (a..b).contains(&w.token));
                let capital = w.span.slice(text).chars().next().is_some_and(char::is_uppercase);
                propn.filter(|_| named && capital)
            })
            .collect();
        let parse = self.parse_ids(&ids, &fixed);
        let norms = words.iter().map(|w| crate::analysis::text::fold(w.span.slice(text))).collect();
        let mut token_word = vec![0; tokens.len()];
        for (i, w) in words.iter().enumerate().rev() {
            token_word[w.token] = i;
        }
        // A token split in two words maps to the first; tokens merged into one word
        // (the apostrophe of "'re") map to it.
        for t in 1..tokens.len() {
            if words.iter().all(|w| w.token != t) {
                token_word[t] = token_word[t - 1];
            }
        }
        Parsed { words, parse, norms, token_word }
    }
}

/// Words that deny their head ("not", "never", "n't").
const NEGATIONS: &[&str] = &["not", "n't", "never", "no"];
/// Modals of possibility: the act is not asserted ("could meet").
const POSSIBLE: &[&str] = &["could", "might", "may"];
/// Modals and auxiliaries of the future ("will meet", "would visit").
const FUTURE: &[&str] = &["will", "would", "shall", "'ll"];

impl Parsed {
    /// The word of token `t`.
    pub(crate) fn word(&self, t: usize) -> usize {
        self.token_word[t]
    }

    /// The folded form of word `w`.
    pub(crate) fn norm(&self, w: usize) -> &str {
        &self.norms[w]
    }

    pub(crate) fn rel(&self, w: usize) -> &'static str {
        self.parse.rel(w)
    }

    pub(crate) fn head(&self, w: usize) -> Option<usize> {
        self.parse.head(w)
    }

    pub(crate) fn upos(&self, w: usize) -> &str {
        self.parse.upos(w)
    }

    /// The head word of the tokens `a..b`: the first of their words whose head lies
    /// outside them.
    pub(crate) fn head_of(&self, (a, b): (usize, usize)) -> Option<usize> {
        if a >= b || b > self.token_word.len() {
            return None;
        }
        let (first, last) = (self.word(a), self.last_word(b - 1));
        (first..=last).find(|&w| self.head(w).is_none_or(|h| h < first || h > last))
    }

    /// The last word of token `t`.
    fn last_word(&self, t: usize) -> usize {
        let w = self.word(t);
        (w..self.words.len()).take_while(|&k| self.words[k].token == self.words[w].token).last().unwrap_or(w)
    }

    /// The children of `w` whose relation is `rel` or one of its subtypes ("obl" gives
    /// "obl:agent" too).
    pub(crate) fn kids<'a>(&'a self, w: usize, rel: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.parse.kids(w).iter().copied().filter(move |&k| {
            let r = self.rel(k);
            r == rel || (r.starts_with(rel) && r.as_bytes().get(rel.len()) == Some(&b':'))
        })
    }

    /// The preposition or case marker of a nominal ("with" in "with Putin").
    pub(crate) fn case(&self, w: usize) -> Option<&str> {
        self.kids(w, "case").next().map(|k| self.norm(k))
    }

    /// Whether `w` is denied by a child ("did not meet", "never called").
    pub(crate) fn negated(&self, w: usize) -> bool {
        self.parse
            .kids(w)
            .iter()
            .any(|&k| matches!(self.base(k), "advmod" | "det" | "aux") && NEGATIONS.contains(&self.norm(k)))
    }

    /// Whether a modal of possibility governs `w` ("could meet").
    pub(crate) fn possible(&self, w: usize) -> bool {
        self.kids(w, "aux").any(|k| POSSIBLE.contains(&self.norm(k)))
    }

    /// Whether `w` is in the future ("will meet", "is to meet", "plans to meet").
    pub(crate) fn future(&self, w: usize) -> bool {
        self.kids(w, "aux").any(|k| FUTURE.contains(&self.norm(k)))
    }

    /// How many arcs separate `w` from the root.
    pub(crate) fn depth(&self, w: usize) -> usize {
        let (mut d, mut k) = (0, w);
        while let Some(h) = self.head(k) {
            d += 1;
            k = h;
            if d > self.words.len() {
                break;
            }
        }
        d
    }

    /// The relation of `w` without its subtype.
    pub(crate) fn base(&self, w: usize) -> &'static str {
        self.parse.base_rel(w)
    }

    /// `w` and the words coordinated with it ("X, Y and Z"; a conjunct the parse hung
    /// on a name's last word counts: "Ilse Vantrow and King Morwen").
    pub(crate) fn conjuncts(&self, w: usize) -> Vec<usize> {
        let mut out = vec![w];
        let mut k = 0;
        while k < out.len() && out.len() < 16 {
            let name_parts = self.kids(out[k], "flat").chain(self.kids(out[k], "compound"));
            let more: Vec<usize> = self
                .kids(out[k], "conj")
                .chain(name_parts.flat_map(|n| self.kids(n, "conj").collect::<Vec<_>>()))
                .filter(|c| !out.contains(c))
                .collect();
            out.extend(more);
            k += 1;
        }
        out
    }

    /// The tokens after verb `v` that belong to its complements (objects, obliques,
    /// particles, open clauses, with their phrases), in order: what a verb pattern
    /// ("imposed sanctions", "called for talks") is matched against, so that a subject,
    /// an adverbial clause or a parenthetical between them does not count.
    pub(crate) fn complement_tokens(&self, v: usize) -> Vec<usize> {
        let mut words = Vec::new();
        let mut stack: Vec<usize> = self
            .parse
            .kids(v)
            .iter()
            .copied()
            .filter(|&k| {
                k > v
                    && matches!(
                        self.base(k),
                        "obj" | "iobj" | "obl" | "xcomp" | "compound" | "dep" | "advmod"
                    )
            })
            .collect();
        while let Some(k) = stack.pop() {
            words.push(k);
            if words.len() > 64 {
                break;
            }
            stack.extend(
                self.parse
                    .kids(k)
                    .iter()
                    .filter(|&&c| !matches!(self.base(c), "punct" | "acl" | "advcl" | "parataxis")),
            );
        }
        let mut tokens: Vec<usize> = words.into_iter().map(|w| self.words[w].token).collect();
        tokens.sort_unstable();
        tokens.dedup();
        tokens
    }
}
