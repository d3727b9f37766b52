//! Syntax: part-of-speech tags and labelled dependencies (Universal Dependencies) for
//! each sentence, so events read who did what to whom from the parse, not from word
//! order.
//!
//! A greedy averaged-perceptron tagger ([`tagger`]) and an arc-hybrid transition
//! parser with a dynamic oracle ([`parser`]), trained on UD English EWT by
//! [`train`] (`./dev train`), shipped as `data/syntax.bin` (quantised, pruned; its
//! licence is in `data/NOTICE.md`) and loaded once per process or worker.
//!
//! # Example: who met whom
//!
//! ```
//! use dateline::analysis::syntax::Syntax;
//!
//! let forms = ["Erdogan", "met", "Putin", "in", "Sochi", "."];
//! let parse = Syntax::builtin().parse_forms(&forms);
//! let met = parse.root().unwrap();
//! assert_eq!(forms[met], "met");
//! assert_eq!(parse.children(met, "nsubj").next(), Some(0));
//! assert_eq!(parse.children(met, "obj").next(), Some(2));
//! ```

pub mod conllu;
mod features;
mod parser;
mod perceptron;
mod tagger;
pub mod train;
mod words;

use std::sync::OnceLock;

use crate::analysis::Error;
use features::Lex;
use perceptron::{read_varint, Weights};

pub(crate) use words::{words_of, SynWord};

/// The relations the parser assigns: UD's, with the subtypes English EWT uses.
pub const RELATIONS: &[&str] = &[
    "dep", "root", "nsubj", "nsubj:pass", "nsubj:outer", "obj", "iobj", "csubj", "csubj:pass", "ccomp",
    "xcomp", "obl", "obl:agent", "obl:npmod", "obl:tmod", "obl:unmarked", "vocative", "expl", "dislocated",
    "advcl", "advcl:relcl", "advmod", "discourse", "aux", "aux:pass", "cop", "mark", "nmod", "nmod:poss",
    "nmod:npmod", "nmod:tmod", "nmod:unmarked", "nmod:desc", "appos", "nummod", "acl", "acl:relcl", "amod",
    "det", "det:predet", "clf", "case", "conj", "cc", "cc:preconj", "fixed", "flat", "compound",
    "compound:prt", "list", "parataxis", "orphan", "goeswith", "reparandum", "punct",
];

/// The index of a relation in [`RELATIONS`]; unknown ones are `dep` (0).
pub(crate) fn relation_index(name: &str) -> u8 {
    RELATIONS.iter().position(|r| *r == name).unwrap_or(0) as u8
}

/// The magic bytes and version of the model's binary form.
const MAGIC: &[u8] = b"DLSYN\x01";

/// The tagger and parser, ready to use.
#[derive(Clone, Debug)]
pub struct Syntax {
    /// The tagger's classes ("NOUN", "VERB|VBD", ...).
    tags: Vec<String>,
    tagger: Weights,
    moves: Weights,
    labels: Weights,
}

/// One word of a parsed sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Node {
    /// Index of the tagger's class.
    pub tag: u8,
    /// The head word (0-based), `None` for the root.
    pub head: Option<usize>,
    /// Index into [`RELATIONS`].
    pub rel: u8,
}

/// A parsed sentence: tags and a dependency tree over its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parse<'m> {
    pub nodes: Vec<Node>,
    tags: &'m [String],
    /// Children of each word, in order.
    kids: Vec<Vec<usize>>,
}

impl<'m> Parse<'m> {
    fn new(nodes: Vec<Node>, tags: &'m [String]) -> Parse<'m> {
        let mut kids = vec![Vec::new(); nodes.len()];
        for (i, n) in nodes.iter().enumerate() {
            if let Some(h) = n.head {
                kids[h].push(i);
            }
        }
        Parse { nodes, tags, kids }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The tagger's class of word `i` ("VERB|VBN", "PROPN").
    pub fn tag(&self, i: usize) -> &str {
        self.tags.get(usize::from(self.nodes[i].tag)).map_or("X", String::as_str)
    }

    /// The universal tag of word `i` ("VERB").
    pub fn upos(&self, i: usize) -> &str {
        tagger::upos(self.tag(i))
    }

    /// The relation of word `i` to its head ("nsubj:pass").
    pub fn rel(&self, i: usize) -> &'static str {
        RELATIONS[usize::from(self.nodes[i].rel)]
    }

    /// The relation without its subtype ("nsubj").
    pub fn base_rel(&self, i: usize) -> &'static str {
        let r = self.rel(i);
        r.split(':').next().unwrap_or(r)
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.nodes[i].head
    }

    /// The root word.
    pub fn root(&self) -> Option<usize> {
        self.nodes.iter().position(|n| n.head.is_none())
    }

    /// Every child of word `i`, in order.
    pub fn kids(&self, i: usize) -> &[usize] {
        &self.kids[i]
    }

    /// The children of `i` with relation `rel` (exactly, subtype included: "nsubj"
    /// does not give "nsubj:pass").
    pub fn children<'a>(&'a self, i: usize, rel: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.kids[i].iter().copied().filter(move |&k| self.rel(k) == rel)
    }
}

impl Syntax {
    /// The model trained on UD English EWT (`data/syntax.bin`), read once.
    pub fn builtin() -> &'static Syntax {
        static MODEL: OnceLock<Syntax> = OnceLock::new();
        MODEL.get_or_init(|| match Syntax::from_bytes(include_bytes!("../data/syntax.bin")) {
            Ok(s) => s,
            Err(e) => panic!("the built-in syntax model does not read: {e}"),
        })
    }

    /// Reads a model from its binary form (as [`train::train`] writes it).
    pub fn from_bytes(bytes: &[u8]) -> Result<Syntax, Error> {
        let body = bytes.strip_prefix(MAGIC).ok_or_else(|| Error::model("wrong magic bytes"))?;
        let mut at = 0;
        let n = read_varint(body, &mut at)? as usize;
        let mut tags = Vec::with_capacity(n);
        for _ in 0..n {
            let len = read_varint(body, &mut at)? as usize;
            let s = body.get(at..at + len).ok_or_else(|| Error::model("truncated tag names"))?;
            tags.push(String::from_utf8(s.to_vec()).map_err(|_| Error::model("tag name not UTF-8"))?);
            at += len;
        }
        let tagger = Weights::read(body, &mut at)?;
        let moves = Weights::read(body, &mut at)?;
        let labels = Weights::read(body, &mut at)?;
        if at != body.len() || tagger.classes != tags.len() || labels.classes != RELATIONS.len() {
            return Err(Error::model("sizes do not agree"));
        }
        Ok(Syntax { tags, tagger, moves, labels })
    }

    /// The tagger's classes.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// How many features each classifier keeps (tagger, moves, labels).
    pub fn feature_counts(&self) -> (usize, usize, usize) {
        (self.tagger.len(), self.moves.len(), self.labels.len())
    }

    /// Tags and parses a sentence given as word forms (UD tokenisation: "do" "n't",
    /// "Putin" "'s").
    pub fn parse_forms(&self, forms: &[&str]) -> Parse<'_> {
        let lex: Vec<Lex> = forms.iter().map(|f| Lex::new(f)).collect();
        self.parse_lex(&lex)
    }

    fn parse_lex(&self, lex: &[Lex]) -> Parse<'_> {
        let tags = tagger::tag(&self.tagger, lex);
        let (heads, rels) = parser::parse(&self.moves, &self.labels, &parser::Words { lex, tags: &tags });
        let nodes = tags
            .iter()
            .zip(heads.iter().zip(&rels))
            .map(|(&t, (&h, &r))| Node { tag: t as u8, head: h.checked_sub(1), rel: r })
            .collect();
        Parse::new(nodes, &self.tags)
    }
}
