//! The analysis core: article text in, a timeline of dated, CAMEO-coded events out.
//!
//! Pure: no file I/O, no clock, no web crates. "Today" and the publication dates are
//! parameters, so the same input always gives the same output.
//!
//! # Example: the timeline of one article
//!
//! ```
//! use dateline::analysis::{Analyzer, Document};
//! use jiff::civil::date;
//!
//! let doc = Document::from_text(
//!     "2025-11-25-call.txt",
//!     "On Monday, Turkish President Recep Tayyip Erdoğan spoke by phone with Russian \
//!      President Vladimir Putin.",
//! );
//! let analysis = Analyzer::builder(date(2026, 11, 22)).build().analyze(&[doc]);
//! assert_eq!(analysis.articles[0].published.as_deref(), Some("2025-11-25"));
//! let call = &analysis.events[0];
//! assert_eq!(call.cameo, "041");
//! assert_eq!(call.date.as_deref(), Some("2025-11-24"));
//! assert_eq!(call.source.as_ref().unwrap().name, "Recep Tayyip Erdoğan");
//! assert_eq!(call.target.as_ref().unwrap().name, "Vladimir Putin");
//! ```

mod actors;
mod anchor;
mod boilerplate;
pub mod cameo;
pub mod describe;
mod error;
mod events;
pub mod export;
pub mod gazetteer;
pub mod ingest;
pub mod lang;
mod merge;
pub mod model;
pub mod pack;
pub mod published;
mod span;
pub mod story;
pub mod syntax;
pub mod text;
pub mod time;
pub mod timeml;

use std::collections::HashMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use anchor::Pending;
pub use error::Error;
pub use ingest::{read_file, Document};
pub use merge::Seen;
pub use model::{Actor, ActorEntry, ActorKind, Analysis, ArticleOut, EventOut, PublishedSource, Source};
pub use span::Span;
pub use text::fold;
pub use time::{TimeTagger, Timex};

use actors::{ActorTable, Mention};
use gazetteer::Gazetteer;

/// How many triggers of one sentence are tried for events, best first.
const MAX_TRIGGERS_PER_SENTENCE: usize = 6;

/// The schema version of the JSON exchange format.
pub const SCHEMA: u32 = 1;

/// Which dictionaries the analysis uses; all by default. Switching one off measures
/// what it adds (see EVALUATION.md).
///
/// ```
/// use dateline::analysis::{Analyzer, Lexicons};
/// let no_verbs = Lexicons { verbs: false, ..Lexicons::default() };
/// let analyzer = Analyzer::builder(jiff::civil::date(2026, 11, 22)).lexicons(no_verbs).build();
/// # let _ = analyzer;
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lexicons {
    /// The hand-written trigger phrases (phone calls, visits, hosting, offers, ...).
    pub phrases: bool,
    /// PETRARCH-2's verb dictionary (`data/verbs.tsv`).
    pub verbs: bool,
    /// The table of known people (`data/people.tsv`): countries and full names for
    /// people named without a title or by surname alone.
    pub people: bool,
}

impl Default for Lexicons {
    fn default() -> Lexicons {
        Lexicons { phrases: true, verbs: true, people: true }
    }
}

/// Configures an [`Analyzer`].
#[derive(Clone, Debug)]
pub struct AnalyzerBuilder {
    today: Date,
    published: HashMap<String, Date>,
    languages: HashMap<String, String>,
    lexicons: Lexicons,
}

impl AnalyzerBuilder {
    /// Sets an article's publication date by file name (the user's setting, which
    /// overrides anything found in the text).
    pub fn published(mut self, file: impl Into<String>, date: Date) -> AnalyzerBuilder {
        self.published.insert(file.into(), date);
        self
    }

    /// Sets an article's language by file name (ISO 639-1; the user's setting, which
    /// overrides the one detected).
    pub fn language(mut self, file: impl Into<String>, code: impl Into<String>) -> AnalyzerBuilder {
        self.languages.insert(file.into(), code.into());
        self
    }

    /// Chooses the dictionaries (all by default).
    pub fn lexicons(mut self, lexicons: Lexicons) -> AnalyzerBuilder {
        self.lexicons = lexicons;
        self
    }

    pub fn build(self) -> Analyzer {
        Analyzer {
            today: self.today,
            published: self.published,
            languages: self.languages,
            lexicons: self.lexicons,
            tagger: TimeTagger::new(),
        }
    }
}

/// The analysis engine. Build it once; `analyze` any number of times.
#[derive(Clone, Debug)]
pub struct Analyzer {
    today: Date,
    published: HashMap<String, Date>,
    languages: HashMap<String, String>,
    lexicons: Lexicons,
    tagger: TimeTagger,
}

/// Builds the analysis's tables once (the parser's model, the dictionaries, the
/// gazetteer, the time words of every language) by analysing a short article: a worker
/// calls it while it is idle so that the first article it is given is not slowed by
/// them.
pub fn warm_up() {
    let today = jiff::civil::date(2025, 3, 5);
    let analyzer = Analyzer::builder(today).build();
    for text in [
        "Report\n\nOn Monday, President Ilse Vantrow met Prime Minister Theodric Morwen in Paris, the ministry said.\n",
        "Dépêche\n\nLe président a rencontré lundi son homologue à Paris, a indiqué la présidence dans un communiqué.\n",
    ] {
        let _ = analyzer.part(&Document::from_text("warm-up.txt", text));
    }
}

/// Merges events reported several times into one per happening, as `analyze` does
/// (same date, CAMEO root and participants; a month- or week-dated report folds into
/// the one day-dated event of that month or week), sorted and numbered. Events without
/// a `key` get one computed. Linear in the number of events.
pub fn merge_events(mut events: Vec<EventOut>) -> Vec<EventOut> {
    for ev in &mut events {
        if ev.key.is_empty() {
            ev.key = merge::key(ev);
        }
    }
    merge::merge(events)
}

/// The days (`YYYY-MM-DD`) that dated time expressions name, each once, in order.
fn named_days(timexes: &[Timex]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    timexes
        .iter()
        .filter_map(|t| t.calendar_value())
        .filter(|v| v.len() == 10)
        .filter(|v| seen.insert(*v))
        .map(str::to_string)
        .collect()
}

/// Parses a `YYYY-MM-DD` date given by a user.
pub fn parse_date(s: &str) -> Result<Date, Error> {
    s.trim().parse::<Date>().map_err(|_| Error::bad_date(s))
}

impl Analyzer {
    /// A builder; `today` is "now" for anything that needs it (a weekday written with a
    /// month and day takes the latest such year not after today).
    pub fn builder(today: Date) -> AnalyzerBuilder {
        AnalyzerBuilder {
            today,
            published: HashMap::new(),
            languages: HashMap::new(),
            lexicons: Lexicons::default(),
        }
    }

    /// Analyses a set of articles: each article's date, its events, and the events
    /// merged across articles, in date order (undated last).
    ///
    /// An article with no date of its own is dated from another: when it reports a
    /// contact "on Monday" that a dated article pins to a day (same participants, same
    /// kind of event), its date follows from that day (see `anchor.rs`).
    pub fn analyze(&self, docs: &[Document]) -> Analysis {
        self.analyze_with_progress(docs, &mut |_, _| {})
    }

    /// [`analyze`](Analyzer::analyze), calling `progress(done, total)` after each article.
    pub fn analyze_with_progress(
        &self,
        docs: &[Document],
        progress: &mut dyn FnMut(usize, usize),
    ) -> Analysis {
        let mut parts = Vec::with_capacity(docs.len());
        for (i, doc) in docs.iter().enumerate() {
            parts.push(
                self.analyze_one(&format!("a{}", i + 1), doc, None, &mut || true).expect("never stopped"),
            );
            progress(i + 1, docs.len());
        }
        self.combine(parts)
    }

    /// One article's [`Part`]: what [`analyze`](Analyzer::analyze) finds in it alone,
    /// before the steps across articles. The map step of a run spread over machines
    /// (`dateline map`); [`combine`](Analyzer::combine) is the reduce step.
    pub fn part(&self, doc: &Document) -> Part {
        self.analyze_one("a1", doc, None, &mut || true).expect("never stopped")
    }

    /// [`part`](Analyzer::part) that asks `keep_going()` before each sentence and gives
    /// up, returning `None`, at the first `false`: how a caller with a clock holds an
    /// article to a budget of time (the core has no clock).
    pub fn part_within(&self, doc: &Document, keep_going: &mut dyn FnMut() -> bool) -> Option<Part> {
        self.analyze_one("a1", doc, None, keep_going)
    }

    /// The analysis of a pile from its articles' [`Part`]s, in the pile's order (what
    /// [`analyze`](Analyzer::analyze) does after reading each article alone): articles
    /// numbered `a1`, `a2`… in that order (the parts' own ids are rewritten); an
    /// article with no date of its own dated from the others where they pin a contact
    /// it names by weekday (and read again with that date); actors unified across
    /// articles; the same happening merged into one event.
    pub fn combine(&self, parts: Vec<Part>) -> Analysis {
        let mut results = parts;
        for (i, part) in results.iter_mut().enumerate() {
            let id = format!("a{}", i + 1);
            if part.article.id != id {
                for ev in &mut part.events {
                    for s in ev.sources.iter_mut().filter(|s| s.article == part.article.id) {
                        s.article.clone_from(&id);
                    }
                }
                part.article.id = id;
            }
        }
        // Anchoring can chain (an article dated by inference dates another): a few rounds.
        for _ in 0..3 {
            let found = anchor::infer(&results);
            if found.is_empty() {
                break;
            }
            for (i, forced) in found {
                // What the reading of the article needs is in its part (an undated
                // article has no date of the file's own to keep).
                let a = &results[i].article;
                let doc = Document {
                    file: a.file.clone(),
                    title: a.title.clone(),
                    text: a.text.clone(),
                    warnings: a.warnings.clone(),
                    published: None,
                    url: None,
                    byline: None,
                };
                let id = a.id.clone();
                results[i] = self.analyze_one(&id, &doc, Some(forced), &mut || true).expect("never stopped");
            }
        }
        let mut articles = Vec::with_capacity(results.len());
        // Exactly sized: a doubling vector of events would hold up to half as much again.
        let mut events = Vec::with_capacity(results.iter().map(|r| r.events.len()).sum());
        let mut seen = Vec::with_capacity(results.iter().map(|r| r.seen.len()).sum());
        for r in results {
            articles.push(r.article);
            events.extend(r.events);
            seen.extend(r.seen);
        }
        let actors = merge::unify_actors(&mut events, seen);
        let events = merge::merge(events);
        Analysis { schema: SCHEMA, articles, events, actors }
    }

    /// The publication date of a document, with its source and reason, in this order:
    /// the user's setting; the file's own statement (HTML metadata, a JSON field); a date line or dateline in the text; a date in the file name;
    /// a weekday written with its month and day (inferred).
    fn publication(&self, doc: &Document) -> (Option<Date>, PublishedSource, String) {
        if let Some(&d) = self.published.get(&doc.file) {
            return (Some(d), PublishedSource::User, "set by the user".to_string());
        }
        if let Some(p) = &doc.published {
            let source = if p.by_user { PublishedSource::User } else { PublishedSource::Metadata };
            return (Some(p.date), source, p.reason.clone());
        }
        let in_text = published::date_in_text(&doc.text, self.today);
        if let Some(found) = in_text.as_ref().filter(|f| !f.inferred) {
            return (Some(found.date), PublishedSource::Text, found.reason.clone());
        }
        if let Some(found) = published::date_in_file_name(&doc.file) {
            return (Some(found.date), PublishedSource::FileName, found.reason);
        }
        if let Some(found) = in_text {
            return (Some(found.date), PublishedSource::Inferred, found.reason);
        }
        (None, PublishedSource::Unknown, "no date found in the text or the file name".to_string())
    }

    /// Analyses one article; `forced` is a publication date inferred from other
    /// articles, with its reason. `keep_going()` is asked before each sentence; at its
    /// first `false` the article is given up (`None`).
    fn analyze_one(
        &self,
        id: &str,
        doc: &Document,
        forced: Option<(Date, String)>,
        keep_going: &mut dyn FnMut() -> bool,
    ) -> Option<Part> {
        let (published, source, reason) = match forced {
            Some((d, why)) => (Some(d), PublishedSource::Inferred, why),
            None => self.publication(doc),
        };
        let text = doc.text.as_str();
        // The article's language: the user's setting, else the one its words show.
        let code: Option<&str> =
            self.languages.get(&doc.file).map(String::as_str).or_else(|| lang::detect(text).map(|d| d.code));
        let timexes = self.tagger.tag_in(text, published, code);
        let gaz = Gazetteer::builtin();
        let mut table = ActorTable::new(self.lexicons);
        let mut raw: Vec<merge::RawEvent> = Vec::new();
        let mut pending = Vec::new();
        let mut last_subject: Option<usize> = None;
        let mut carried: Option<(Span, usize, usize, Option<usize>)> = None;
        let skipped = boilerplate::regions(text);
        // An article in one of the seven other languages: its trigger table and word
        // order instead of the English syntax (events/foreign.rs).
        let foreign = code.filter(|c| *c != "en").and_then(|c| events::foreign::triggers(c).map(|t| (c, t)));
        for sentence in text::sentences(text) {
            if !keep_going() {
                return None;
            }
            if is_boilerplate(sentence.slice(text)) || skipped.iter().any(|r| r.contains(sentence)) {
                continue;
            }
            // Headlines, subheads, date lines and captions: lines that are no full sentence.
            if !is_full_sentence(sentence.slice(text)) {
                continue;
            }
            let tokens = text::tokenize(text, sentence);
            if let Some((code, triggers)) = foreign {
                let mentions = actors::find_in_foreign_sentence(text, &tokens, gaz, &mut table, code);
                raw.extend(events::foreign::sentence_events(
                    id, text, sentence, &tokens, &mentions, triggers, &timexes,
                ));
                continue;
            }
            // The previous sentence's joint subject, if it had one.
            let joint = carried.take();
            // "The call ...", "The meeting ..." after a report of two actors: the
            // report was of that contact.
            if let Some(code) = events::contact_anaphor(&tokens) {
                let previous = raw.iter().rev().find(|prev| {
                    prev.target.is_some()
                        && prev.sentence.end <= sentence.start
                        && text[prev.sentence.end..sentence.start].trim().is_empty()
                });
                if let Some(prev) = previous.filter(|p| p.code != code).cloned() {
                    raw.push(merge::RawEvent { code, ..prev });
                } else if let Some((span, a, b, tx)) = joint
                    .filter(|j| j.0.end <= sentence.start && text[j.0.end..sentence.start].trim().is_empty())
                {
                    // The previous sentence had no event of its own, but a joint
                    // subject ("X and Y confirmed … on Monday"): the contact is theirs.
                    let tx = tx.map(|i| &timexes[i]);
                    raw.push(merge::RawEvent {
                        article: id.to_string(),
                        sentence: span,
                        trigger: None,
                        code,
                        source: a,
                        target: Some(b),
                        anaphoric: false,
                        places: Vec::new(),
                        date: tx.and_then(|t| t.calendar_value().map(str::to_string)),
                        date_text: tx.map(|t| t.span.slice(text).to_string()),
                        date_how: tx.map(|t| t.how.clone()),
                        planned: false,
                    });
                }
            }
            let (mut mentions, places) = actors::find_in_sentence(text, &tokens, gaz, &mut table);
            carried = joint_subject(text, sentence, &tokens, &mentions, &timexes);
            // "He said ...": a pronoun subject is the sentence's or the previous one's.
            resolve_pronouns(&tokens, &mut mentions, &table, last_subject);
            // Only a sentence that could hold an event, and has an actor to do it, is
            // parsed.
            let names: Vec<(usize, usize)> = mentions
                .iter()
                .filter(|m| !m.anaphoric && table.actors[m.actor].actor.kind == ActorKind::Person)
                .map(|m| m.tokens)
                .collect();
            let parsed = events::any_candidate(&tokens, &mentions, self.lexicons)
                .then(|| syntax::Syntax::builtin().parse_tokens(text, &tokens, &names));
            let triggers = match &parsed {
                Some(p) => events::find_triggers(&tokens, &mentions, &table, p),
                None => Vec::new(),
            };
            if triggers.is_empty() {
                if let Some(m) =
                    mentions.iter().find(|m| !events::in_prepositional_phrase(&tokens, m.tokens.0))
                {
                    if table.actors[m.actor].actor.kind == ActorKind::Person {
                        last_subject = Some(m.actor);
                    }
                }
                continue;
            }
            let Some(parsed) = parsed else { continue };
            // One event per subject, the most specific first: "X said Y would meet Z"
            // gives Y's meeting and X's statement.
            let mut sources: Vec<usize> = Vec::new();
            // Each trigger with its roles; an actor's act highest in the sentence's tree
            // comes first (its main clause over what it embeds), statements last, then
            // by the code's rank.
            let mut found: Vec<(&events::Found, events::Roles, usize)> = triggers
                .iter()
                .take(MAX_TRIGGERS_PER_SENTENCE)
                .enumerate()
                .filter_map(|(rank, t)| events::roles(&parsed, &tokens, &mentions, t).map(|r| (t, r, rank)))
                .collect();
            found.sort_by_key(|(t, r, rank)| {
                let depth = r.verb.map_or(usize::MAX, |v| parsed.depth(v));
                (t.code.starts_with("01"), depth, *rank)
            });
            // At most a few events per sentence (and bounded work on run-on text).
            for (trigger, roles, _) in found {
                let verb_word = roles.verb.or_else(|| parsed.head_of(trigger.tokens));
                let denied = verb_word.is_some_and(|v| events::denied(&parsed, v));
                if denied
                    || events::negated(&tokens, trigger.tokens)
                    || events::hypothetical(&tokens, trigger.tokens)
                {
                    continue;
                }
                let src = roles.sources[0];
                // A symmetric act with a joint subject: "X and Y met" is X meeting Y.
                let symmetric = matches!(&trigger.code[..2], "03" | "04" | "05" | "06")
                    || trigger.target == events::TargetRule::With;
                let tgt = roles.targets.first().copied().or_else(|| {
                    (symmetric && !trigger.code.starts_with("01"))
                        .then(|| roles.sources.get(1).copied())
                        .flatten()
                });
                let src_actor = mentions[src].actor;
                if sources.contains(&src_actor) {
                    continue;
                }
                // A dictionary verb that no pattern coded is an act between two actors
                // or none ("faced criticism", "considers the US biased" are not
                // contacts), as PETRARCH codes; a statement needs no target.
                let statement = trigger.code.starts_with("01");
                if tgt.is_none() && !statement && trigger.dict && trigger.coding != events::Coding::Pattern {
                    continue;
                }
                // A statement made to the press is no statement to that outlet.
                let tgt = tgt.filter(|&t| {
                    !statement || table.actors[mentions[t].actor].actor.kind != ActorKind::Organization
                });
                // A statement is news when its speaker is named: "she said" after a
                // quote continues a statement already reported.
                let pronoun = matches!(tokens[mentions[src].tokens.0].norm.as_str(), "he" | "she");
                if trigger.code == "010" && (pronoun || (!sources.is_empty() && mentions[src].anaphoric)) {
                    continue;
                }
                // An analyst's or a witness's words are comment, not a party's statement.
                if statement && events::commentator(&parsed, &mentions, src) {
                    continue;
                }
                if sources.is_empty() && table.actors[src_actor].actor.kind == ActorKind::Person {
                    last_subject = Some(src_actor);
                }
                sources.push(src_actor);
                let verb =
                    Span::new(tokens[trigger.tokens.0].span.start, tokens[trigger.tokens.1 - 1].span.end);
                let tx = time::governing_timex(text, sentence, verb, &timexes).map(|i| &timexes[i]);
                if let (Some(weekday), Some(tgt)) = (tx.and_then(|t| anchor::bare_weekday(&t.value)), tgt) {
                    pending.push(anchor::Pending {
                        weekday,
                        root: cameo::root(trigger.code).to_string(),
                        names: anchor::names(&[
                            &table.actors[src_actor].actor,
                            &table.actors[mentions[tgt].actor].actor,
                        ]),
                        text: tx.map(|t| t.span.slice(text).to_string()).unwrap_or_default(),
                    });
                }
                let planned = events::planned(&tokens, trigger.tokens)
                    || verb_word.is_some_and(|v| events::future(&parsed, v));
                raw.push(merge::RawEvent {
                    article: id.to_string(),
                    sentence,
                    trigger: Some(verb),
                    code: trigger.code,
                    source: src_actor,
                    target: tgt.map(|t| mentions[t].actor),
                    anaphoric: mentions[src].anaphoric,
                    places: event_places(&tokens, &places, trigger),
                    date: tx.and_then(|t| t.calendar_value().map(str::to_string)),
                    date_text: tx.map(|t| t.span.slice(text).to_string()),
                    date_how: tx.map(|t| t.how.clone()),
                    planned,
                });
            }
        }
        // A speaker quoted again and again in one article made one statement (on each
        // date the article gives): a careful reader codes it once.
        let mut said: Vec<(usize, Option<String>)> = Vec::new();
        raw.retain(|e| {
            if !e.code.starts_with("01") || e.target.is_some() {
                return true;
            }
            let key = (e.source, e.date.clone());
            let first = !said.contains(&key);
            said.push(key);
            first
        });
        let evs = merge::article_events(text, &table, raw, published.map(|d| (d, source)));
        let article = ArticleOut {
            id: id.to_string(),
            file: doc.file.clone(),
            title: doc.title.clone(),
            language: code.map(str::to_string),
            published: published.map(|d| d.to_string()),
            published_reason: reason,
            published_inferred: source == PublishedSource::Inferred,
            published_source: source,
            warnings: doc.warnings.clone(),
            days: named_days(&timexes),
            text: doc.text.clone(),
        };
        let weekdays = timexes.iter().filter_map(|t| anchor::bare_weekday(&t.value)).collect();
        let seen = table
            .actors
            .iter()
            .map(|info| merge::Seen {
                actor: info.actor.clone(),
                aliases: info.aliases.clone(),
                roles: info.roles.clone(),
            })
            .collect();
        Some(Part { article, events: evs, pending, weekdays, seen })
    }
}

/// A sentence's joint subject "X and Y …" before its first verb: the sentence, the two
/// actors, and the time expression governing the clause after them.
fn joint_subject(
    text: &str,
    sentence: Span,
    tokens: &[text::Token],
    mentions: &[Mention],
    timexes: &[Timex],
) -> Option<(Span, usize, usize, Option<usize>)> {
    let subjects: Vec<&Mention> =
        mentions.iter().filter(|m| !events::in_prepositional_phrase(tokens, m.tokens.0)).take(2).collect();
    let [a, b] = subjects.as_slice() else { return None };
    let between = &tokens[a.tokens.1..b.tokens.0];
    if between.len() != 1 || between[0].norm != "and" || a.actor == b.actor {
        return None;
    }
    let after = tokens.get(b.tokens.1)?;
    let tx = time::governing_timex(text, sentence, after.span, timexes);
    Some((sentence, a.actor, b.actor, tx))
}

/// One article's share of an analysis: the article, its events before they are merged
/// with other articles', what anchoring needs, and the actors it names with the forms
/// and roles seen. What the map step of a distributed run writes (`dateline map`, a
/// JSON line per article); [`Analyzer::combine`] makes the pile's analysis from them,
/// as [`Analyzer::analyze`] does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub article: ArticleOut,
    pub events: Vec<EventOut>,
    /// Contacts dated only by a bare weekday that no publication date resolved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pending: Vec<anchor::Pending>,
    /// Every bare weekday the article mentions without a publication date (1 = Monday).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weekdays: Vec<u8>,
    /// Every actor of the article with the forms of its name and the roles seen.
    pub seen: Vec<merge::Seen>,
}

/// Adds a mention for each subject pronoun ("he", "she") outside a prepositional
/// phrase, and each object pronoun ("him", "her"): the sentence's first person subject
/// before it ("Erdoğan said he would ...", "Russia, which accuses her"), else the
/// previous sentences' subject.
fn resolve_pronouns(
    tokens: &[text::Token],
    mentions: &mut Vec<Mention>,
    table: &ActorTable,
    last_subject: Option<usize>,
) {
    // The sentence's first person subject (mentions are in text order).
    let first = mentions
        .iter()
        .take(8)
        .filter(|m| !m.anaphoric && !events::in_prepositional_phrase(tokens, m.tokens.0))
        .find(|m| table.actors[m.actor].actor.kind == ActorKind::Person)
        .map(|m| (m.tokens.1, m.actor));
    let mut added = Vec::new();
    for p in 0..tokens.len() {
        // "him", and "her" where it is no possessive ("accuses her of", not "her visit").
        let object = match tokens[p].norm.as_str() {
            "him" => true,
            "her" => tokens.get(p + 1).is_none_or(|t| {
                t.kind == text::TokenKind::Punct
                    || matches!(
                        t.norm.as_str(),
                        "of" | "on"
                            | "in"
                            | "at"
                            | "to"
                            | "for"
                            | "with"
                            | "and"
                            | "that"
                            | "about"
                            | "over"
                            | "after"
                            | "before"
                            | "during"
                            | "as"
                    )
            }),
            _ => false,
        };
        let subject =
            matches!(tokens[p].norm.as_str(), "he" | "she") && !events::in_prepositional_phrase(tokens, p);
        if !subject && !object {
            continue;
        }
        let subject = first.filter(|(end, _)| *end <= p).map(|(_, a)| a);
        let Some(actor) = subject.or(last_subject) else { continue };
        added.push(Mention { span: tokens[p].span, tokens: (p, p + 1), actor, anaphoric: true });
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.tokens.0);
    }
}

/// Whether a sentence is a full one, ending with its punctuation: a headline, a
/// subhead, a date line or a caption ends without ("Türkiye gears up diplomacy for
/// peace", "date 2025-05-13 ...").
fn is_full_sentence(sentence: &str) -> bool {
    let s = sentence.trim_end().trim_end_matches(['"', '”', '’', '\'', ')', '»', '*']);
    s.ends_with(['.', '!', '?', '…'])
}

/// The places of an event: those in its clause that say where it happened ("met in
/// Istanbul"), not what a noun is about ("peace in Ukraine", "the war in Gaza").
fn event_places(tokens: &[text::Token], places: &[actors::Place], trigger: &events::Found) -> Vec<String> {
    const TOPICS: &[&str] = &[
        "peace",
        "war",
        "conflict",
        "situation",
        "agreement",
        "crisis",
        "ceasefire",
        "fighting",
        "developments",
        "operations",
        "offensive",
        "elections",
        "deal",
        "settlement",
        "attacks",
        "presence",
        "troops",
        "sovereignty",
        "control",
    ];
    places
        .iter()
        .filter(|p| {
            let (s, _) = p.tokens;
            let prep = s.checked_sub(1).map(|k| tokens[k].norm.as_str());
            let head = s.checked_sub(2).map(|k| tokens[k].norm.as_str()).unwrap_or("");
            let about = matches!(prep, Some("in" | "on" | "over" | "for")) && TOPICS.contains(&head);
            let near = s + 12 >= trigger.tokens.0;
            !about && near
        })
        .map(|p| p.name.clone())
        .collect()
}

/// Captions, credits and link lists that never carry events.
fn is_boilerplate(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    [
        ".jpg",
        ".jpeg",
        ".png",
        ".gif",
        ".webp",
        "getty images",
        "photo by",
        "read also",
        "(photo",
        "click here",
        "subscribe",
    ]
    .iter()
    .any(|p| lower.contains(p))
}
