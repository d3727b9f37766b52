//! Syntax: part-of-speech tags and labelled dependencies (Universal Dependencies) for
//! each sentence, so events read who did what to whom from the parse, not from word
//! order.
//!
//! A greedy tagger ([`tagger`]) and an arc-hybrid transition parser trained with a
//! dynamic oracle ([`parser`]), each a small network ([`nn`]), trained on UD English
//! EWT by [`train`] (`./dev train`), shipped as `data/syntax.bin` (8-bit weights; its
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
mod nn;
mod parser;
mod sentence;
mod tagger;
pub mod train;
mod words;

use std::sync::OnceLock;

use crate::analysis::Error;
use features::{Form, Vocab};
use nn::{read_varint, Fast, Net};

pub(crate) use sentence::Parsed;

/// The relations the parser assigns: UD's, with the subtypes English EWT uses.
pub const RELATIONS: &[&str] = &[
    "dep",
    "root",
    "nsubj",
    "nsubj:pass",
    "nsubj:outer",
    "obj",
    "iobj",
    "csubj",
    "csubj:pass",
    "ccomp",
    "xcomp",
    "obl",
    "obl:agent",
    "obl:npmod",
    "obl:tmod",
    "obl:unmarked",
    "vocative",
    "expl",
    "dislocated",
    "advcl",
    "advcl:relcl",
    "advmod",
    "discourse",
    "aux",
    "aux:pass",
    "cop",
    "mark",
    "nmod",
    "nmod:poss",
    "nmod:npmod",
    "nmod:tmod",
    "nmod:unmarked",
    "nmod:desc",
    "appos",
    "nummod",
    "acl",
    "acl:relcl",
    "amod",
    "det",
    "det:predet",
    "clf",
    "case",
    "conj",
    "cc",
    "cc:preconj",
    "fixed",
    "flat",
    "compound",
    "compound:prt",
    "list",
    "parataxis",
    "orphan",
    "goeswith",
    "reparandum",
    "punct",
];

/// The index of a relation in [`RELATIONS`]; unknown ones are `dep` (0).
pub(crate) fn relation_index(name: &str) -> u8 {
    RELATIONS.iter().position(|r| *r == name).unwrap_or(0) as u8
}

/// The magic bytes and version of the model's binary form.
const MAGIC: &[u8] = b"DLSYN\x02";

/// The tagger and parser, ready to use.
#[derive(Debug)]
pub struct Syntax {
    /// The tagger's classes ("NOUN", "VERB|VBD", ...).
    tags: Vec<String>,
    /// The words known by name.
    vocab: Vocab,
    tagger: Fast,
    parser: Fast,
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
        let n = read_varint(body, &mut at)? as usize;
        let mut keys = Vec::with_capacity(n.min(body.len()));
        let mut key = 0u64;
        for _ in 0..n {
            key += read_varint(body, &mut at)?;
            keys.push(u32::try_from(key).map_err(|_| Error::model("vocabulary key over 32 bits"))?);
        }
        let n = read_varint(body, &mut at)? as usize;
        let mut classes = Vec::with_capacity(n.min(body.len()));
        let mut key = 0u64;
        for _ in 0..n {
            key += read_varint(body, &mut at)?;
            let k = u32::try_from(key).map_err(|_| Error::model("lexicon key over 32 bits"))?;
            let c =
                u16::try_from(read_varint(body, &mut at)?).map_err(|_| Error::model("ambiguity class"))?;
            classes.push((k, c));
        }
        let vocab = Vocab { keys, classes };
        let tagger = Net::read(body, &mut at, &[])?;
        // The parser reads words with the tagger's word table.
        let parser = Net::read(body, &mut at, &tagger.tables[..1])?;
        let ok = at == body.len()
            && tagger.heads[0].0.cols == tags.len()
            && parser.heads.len() == 3
            && parser.heads[1].0.cols == RELATIONS.len()
            && tagger.tables[0].rows == vocab.rows()
            && tagger.tables[1].rows >= vocab.class_rows();
        if !ok {
            return Err(Error::model("sizes do not agree"));
        }
        Ok(Syntax { tags, vocab, tagger: tagger::fast(tagger), parser: parser::fast(parser) })
    }

    /// The tagger's classes.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// The number of words known by name.
    pub fn vocabulary(&self) -> usize {
        self.vocab.keys.len()
    }

    /// Tags and parses a sentence given as word forms (UD tokenisation: "do" "n't",
    /// "Putin" "'s").
    pub fn parse_forms(&self, forms: &[&str]) -> Parse<'_> {
        let ids: Vec<features::Ids> = forms.iter().map(|f| self.vocab.ids(&Form::new(f))).collect();
        self.parse_ids(&ids, &[])
    }

    /// Tags (words with a `fixed` tag keep it) and parses.
    fn parse_ids(&self, ids: &[features::Ids], fixed: &[Option<usize>]) -> Parse<'_> {
        let tags = tagger::tag(&self.tagger, ids, fixed);
        let words = parser::Words { ids, tags: &tags, classes: self.tags.len(), labels: RELATIONS.len() };
        let (heads, rels) = parser::parse(&self.parser, &words);
        let nodes = tags
            .iter()
            .zip(heads.iter().zip(&rels))
            .map(|(&t, (&h, &r))| Node { tag: t as u8, head: h.checked_sub(1), rel: r })
            .collect();
        Parse::new(nodes, &self.tags)
    }
}
