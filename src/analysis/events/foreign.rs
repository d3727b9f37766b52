//! Events in French, German, Spanish, Portuguese, Turkish, Russian and Ukrainian: each
//! language's trigger words are a table (`data/events/<code>.tsv`: contacts, visits,
//! hosting, offers to meet or mediate, accusations, warnings, statements, with their
//! CAMEO codes), and roles come from word order, since the syntax model is English:
//! the source is the first actor before the trigger (not marked by "with"), the target
//! the actor the language's "with" word marks ("avec", "mit", "с", "з"; in Turkish the
//! actor before "ile"), else the first actor after the trigger.
//!
//! Where word order falls short: a source after its verb ("a déclaré le ministre"), a
//! passive ("a été reçu par"), an object before the verb (Turkish "X'i ağırladı" reads
//! as X the host), a subject carried from the sentence before, and negation, which is
//! not read.

use std::sync::OnceLock;

use crate::analysis::actors::Mention;
use crate::analysis::merge::RawEvent;
use crate::analysis::text::{fold, Token};
use crate::analysis::time::{governing_timex, Timex};
use crate::analysis::Span;

/// The languages with a table (`data/events/<code>.tsv`, from [`pack`]).
///
/// [`pack`]: crate::analysis::pack
const CODES: &[&str] = &["fr", "de", "es", "pt", "tr", "ru", "uk"];

/// Whom a trigger's target is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// The actor marked by "with", else the first after the trigger.
    With,
    /// The first actor after the trigger.
    Object,
    /// None: a statement.
    None,
}

struct Row {
    code: &'static str,
    target: Target,
    /// Folded words; true where the word matches any word it starts.
    words: Vec<(String, bool)>,
}

/// One language's triggers and its "with" words.
pub(crate) struct Triggers {
    rows: Vec<Row>,
    with: Vec<String>,
    /// "with" follows the actor it marks (Turkish "Putin ile").
    with_after: bool,
    /// The subject comes first in the sentence, objects between it and the verb
    /// (Turkish): the source is the first actor, not the nearest before the verb.
    subject_first: bool,
    /// Words of place: a lone unknown name right after them ("в Киеве", "à Genève"),
    /// or (Turkish) before them ("Kiev'de"), is a place, not a person.
    pub(crate) at: Vec<String>,
    pub(crate) at_after: bool,
}

/// The triggers of a language (ISO 639-1), if it has a table.
pub(crate) fn triggers(code: &str) -> Option<&'static Triggers> {
    static ALL: OnceLock<Vec<(&'static str, Triggers)>> = OnceLock::new();
    if !crate::analysis::pack::ready() {
        return None;
    }
    ALL.get_or_init(|| {
        CODES.iter().map(|c| (*c, parse(crate::analysis::pack::file(&format!("events/{c}.tsv"))))).collect()
    })
    .iter()
    .find(|(c, _)| *c == code)
    .map(|(_, t)| t)
}

fn parse(table: &'static str) -> Triggers {
    let mut rows = Vec::new();
    let mut with = Vec::new();
    let mut with_after = false;
    let mut subject_first = false;
    let mut at = Vec::new();
    let mut at_after = false;
    for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        let [code, target, forms] = cols[..] else { continue };
        if code == "with" {
            with = forms.split('|').map(fold).collect();
            with_after = target == "after";
            continue;
        }
        if code == "at" {
            at = forms.split('|').map(fold).collect();
            at_after = target == "after";
            continue;
        }
        if code == "source" {
            subject_first = target == "first";
            continue;
        }
        let target = match target {
            "with" => Target::With,
            "none" => Target::None,
            _ => Target::Object,
        };
        for form in forms.split('|') {
            let words = form
                .split(' ')
                .map(|w| match w.strip_suffix('*') {
                    Some(stem) => (fold(stem), true),
                    None => (fold(w), false),
                })
                .collect();
            rows.push(Row { code, target, words });
        }
    }
    Triggers { rows, with, with_after, subject_first, at, at_after }
}

/// A trigger found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub code: &'static str,
    pub target: Target,
    /// First and one past the last token.
    pub tokens: (usize, usize),
}

/// The triggers of a sentence's tokens, left to right, the longest at each place.
pub(crate) fn find(t: &Triggers, tokens: &[Token]) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let best = t
            .rows
            .iter()
            .filter(|r| {
                r.words.len() <= tokens.len() - i
                    && r.words.iter().zip(&tokens[i..]).all(|((w, prefix), tok)| {
                        if *prefix {
                            tok.norm.starts_with(w.as_str())
                        } else {
                            tok.norm == *w
                        }
                    })
            })
            .max_by_key(|r| r.words.len());
        match best {
            Some(r) => {
                out.push(Hit { code: r.code, target: r.target, tokens: (i, i + r.words.len()) });
                i += r.words.len();
            }
            None => i += 1,
        }
    }
    out
}

/// The source and target of `hit` among `mentions` (each its first and one past its
/// last token), by word order; None when no actor comes before or after it.
pub(crate) fn roles(
    t: &Triggers,
    tokens: &[Token],
    mentions: &[(usize, usize)],
    hit: &Hit,
) -> Option<(usize, Option<usize>)> {
    let is_with = |i: usize| tokens.get(i).is_some_and(|tok| t.with.iter().any(|w| *w == tok.norm));
    // A mention marked by "with": the word after it (Turkish "Putin ile"), or one of the
    // few words before it, with no other actor between ("mit dem französischen
    // Präsidenten Emmanuel Macron", "с президентом Турции Эрдоганом").
    let marked = |m: &(usize, usize)| {
        if t.with_after {
            return is_with(m.1);
        }
        (m.0.saturating_sub(WITH_REACH)..m.0)
            .rev()
            .take_while(|&j| !mentions.iter().any(|o| o.0 <= j && j < o.1))
            .any(is_with)
    };
    // A reporting verb after a comma has its speaker after it ("…, a indiqué
    // l'Élysée", "…, заявил Песков"): that actor or none.
    let after = |m: &(usize, usize)| m.0 >= hit.tokens.1 && !marked(m);
    if hit.target == Target::None && hit.tokens.0 > 0 && tokens[hit.tokens.0 - 1].norm == "," {
        return mentions.iter().position(after).map(|s| (s, None));
    }
    // The nearest actor before the trigger (the first, where the subject comes first),
    // else the first after it.
    let before = |m: &(usize, usize)| m.1 <= hit.tokens.0 && !marked(m);
    let source =
        if t.subject_first { mentions.iter().position(before) } else { mentions.iter().rposition(before) }
            .or_else(|| mentions.iter().position(after))?;
    let target = match hit.target {
        Target::None => None,
        Target::With => mentions
            .iter()
            .position(|m| marked(m))
            .or_else(|| mentions.iter().position(|m| m.0 >= hit.tokens.1))
            // A joint subject: "Erdoğan et Poutine se sont entretenus".
            .or_else(|| {
                mentions.iter().position(|m| m.1 <= hit.tokens.0 && !marked(m)).filter(|&k| k != source)
            })
            .filter(|&k| k != source),
        Target::Object => mentions.iter().position(|m| m.0 >= hit.tokens.1).filter(|&k| k != source),
    }
    // Where the subject comes first, the object is between it and the verb ("Erdoğan,
    // Netanyahu'yu suçladı").
    .or_else(|| {
        (t.subject_first && hit.target != Target::None)
            .then(|| mentions.iter().position(|m| m.0 >= mentions[source].1 && m.1 <= hit.tokens.0))
            .flatten()
    });
    Some((source, target))
}

/// The events of one sentence of an article in another language: each trigger with
/// its roles by word order, one event per source, the acts before the statements.
pub(crate) fn sentence_events(
    article: &str,
    text: &str,
    sentence: Span,
    tokens: &[Token],
    mentions: &[Mention],
    t: &Triggers,
    timexes: &[Timex],
) -> Vec<RawEvent> {
    let spans: Vec<(usize, usize)> = mentions.iter().map(|m| m.tokens).collect();
    let mut hits = find(t, tokens);
    hits.sort_by_key(|h| (h.code.starts_with("01"), h.tokens.0));
    let mut sources = Vec::new();
    let mut out = Vec::new();
    for hit in hits.iter().take(MAX_PER_SENTENCE) {
        let Some((s, tgt)) = roles(t, tokens, &spans, hit) else { continue };
        // An act between two needs both.
        if tgt.is_none() && hit.target != Target::None {
            continue;
        }
        let source = mentions[s].actor;
        if sources.contains(&source) {
            continue;
        }
        sources.push(source);
        let verb = Span::new(tokens[hit.tokens.0].span.start, tokens[hit.tokens.1 - 1].span.end);
        let tx = governing_timex(text, sentence, verb, timexes).map(|i| &timexes[i]);
        out.push(RawEvent {
            article: article.to_string(),
            sentence,
            trigger: Some(verb),
            code: hit.code,
            source,
            target: tgt.map(|k| mentions[k].actor),
            anaphoric: false,
            places: Vec::new(),
            date: tx.and_then(|t| t.calendar_value().map(str::to_string)),
            date_text: tx.map(|t| t.span.slice(text).to_string()),
            date_how: tx.map(|t| t.how.clone()),
            planned: false,
        });
    }
    out
}

/// How many words before an actor its "with" may be (a determiner, a title, a
/// country).
const WITH_REACH: usize = 4;

/// At most this many events a sentence (bounded work on run-on text).
const MAX_PER_SENTENCE: usize = 4;
