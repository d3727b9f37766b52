//! From raw events to the timeline: summaries, confidence and keys; actors unified
//! across articles; the same happening reported several times merged into one event
//! citing every source.
//!
//! The merge key is computed per event (date, CAMEO root, participants), so merging is
//! a group-by: linear in the number of events, and the same key works in any engine
//! that groups records.

use std::collections::HashMap;

use super::actors::{actor_key, name_key, ActorTable};
use super::cameo;
use super::model::{Actor, ActorKind, EventOut, Source};
use super::Span;

/// An event as found in one sentence, before merging.
#[derive(Clone, Debug)]
pub(crate) struct RawEvent {
    pub article: String,
    pub sentence: Span,
    pub code: &'static str,
    /// Index into the article's actor table.
    pub source: usize,
    pub target: Option<usize>,
    /// Whether the source came from a pronoun or a description.
    pub anaphoric: bool,
    pub places: Vec<String>,
    pub date: Option<String>,
    pub date_text: Option<String>,
    pub date_how: Option<String>,
    pub planned: bool,
}

/// One article's events: undated contacts inherit the date of the article's dated
/// report of the same contact ("the conversation" after "on Monday ... a phone call").
pub(crate) fn article_events(text: &str, table: &ActorTable, raw: Vec<RawEvent>) -> Vec<EventOut> {
    let mut out: Vec<EventOut> = Vec::with_capacity(raw.len());
    for (i, ev) in raw.iter().enumerate() {
        let mut ev = ev.clone();
        if ev.date.is_none() && ev.target.is_some() {
            let pair = participants_of(&ev);
            if let Some(anchor) = raw[..i].iter().chain(raw[i + 1..].iter()).find(|o| {
                o.date.is_some() && cameo::root(o.code) == cameo::root(ev.code) && participants_of(o) == pair
            }) {
                ev.date = anchor.date.clone();
                ev.date_text = anchor.date_text.clone();
                ev.date_how = Some(format!(
                    "same contact as reported with {:?} in this article",
                    anchor.date_text.as_deref().unwrap_or("")
                ));
            }
        }
        let source = table.actors[ev.source].actor.clone();
        let target = ev.target.map(|t| table.actors[t].actor.clone());
        let mut actors = vec![source.clone()];
        actors.extend(target.clone());
        let mut confidence: f32 = 0.45;
        if target.is_some() {
            confidence += 0.2;
        }
        if ev.date.is_some() {
            confidence += 0.15;
        }
        if ev.code != "010" {
            confidence += 0.1;
        }
        if ev.anaphoric {
            confidence -= 0.1;
        }
        let sentence = ev.sentence.slice(text).to_string();
        let mut event = EventOut {
            id: String::new(),
            date: ev.date,
            date_text: ev.date_text,
            date_how: ev.date_how,
            cameo: ev.code.to_string(),
            kind: cameo::root_name(ev.code),
            cameo_name: cameo::name(ev.code).unwrap_or("").to_string(),
            source: Some(source),
            target,
            actors,
            places: dedup(ev.places),
            summary: String::new(),
            sources: vec![Source {
                article: ev.article.clone(),
                sentence,
                start: ev.sentence.start,
                end: ev.sentence.end,
            }],
            confidence: confidence.clamp(0.05, 0.95),
            planned: ev.planned,
            key: String::new(),
        };
        refresh(&mut event);
        out.push(event);
    }
    out
}

fn participants_of(ev: &RawEvent) -> Vec<usize> {
    let mut p = vec![ev.source];
    p.extend(ev.target);
    p.sort_unstable();
    p
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = Vec::new();
    v.retain(|x| {
        if seen.contains(x) {
            false
        } else {
            seen.push(x.clone());
            true
        }
    });
    v
}

/// Recomputes an event's summary and key from its fields.
fn refresh(ev: &mut EventOut) {
    let phrase = super::events::summary_phrase(&ev.cameo, ev.target.is_some());
    let s = ev.source.as_ref().map(short_name).unwrap_or_default();
    ev.summary = match &ev.target {
        Some(t) => format!("{s} {phrase} {}", short_name(t)),
        None => format!("{s} {phrase}"),
    };
    if !ev.places.is_empty() && matches!(cameo::root(&ev.cameo), "04") {
        ev.summary.push_str(&format!(" in {}", ev.places[0]));
    }
    if ev.planned {
        ev.summary.push_str(" (planned)");
    }
    ev.key = key(ev);
}

/// A person by surname, anything else by its name.
fn short_name(a: &Actor) -> String {
    match a.kind {
        ActorKind::Person => a.name.rsplit(' ').next().unwrap_or(&a.name).to_string(),
        _ => a.name.clone(),
    }
}

/// The merge key: date, CAMEO root and the participants (order-free). Undated events
/// are keyed to their sentence, so they never merge with another article's.
pub fn key(ev: &EventOut) -> String {
    let mut parts: Vec<String> = ev.actors.iter().map(actor_key).collect();
    parts.sort();
    parts.dedup();
    let date = match &ev.date {
        Some(d) => d.clone(),
        None => match ev.sources.first() {
            Some(s) => format!("undated:{}:{}", s.article, s.start),
            None => "undated".to_string(),
        },
    };
    format!("{date}|{}|{}", cameo::root(&ev.cameo), parts.join("+"))
}

/// An actor's identity for unifying: kind and name key (Erdogan = Erdoğan, Zelensky =
/// Zelenskyy, Sergei = Sergey).
fn unify_key(a: &Actor) -> String {
    format!("{}:{}", a.kind.as_str(), name_key(&a.name))
}

/// Makes the same person the same actor across articles: name keys agree
/// (Erdogan = Erdoğan, Zelensky = Zelenskyy; the accented form is kept); a surname alone becomes the one
/// full name that ends with it; a missing country is filled from another mention.
pub(crate) fn unify_actors(events: &mut [EventOut]) {
    let mut full: HashMap<String, Actor> = HashMap::new();
    let visit = |a: &Actor, full: &mut HashMap<String, Actor>| {
        let k = unify_key(a);
        match full.get_mut(&k) {
            Some(best) => {
                if non_ascii(&a.name) > non_ascii(&best.name) {
                    best.name = a.name.clone();
                }
                if best.country.is_none() {
                    best.country = a.country.clone();
                }
            }
            None => {
                full.insert(k, a.clone());
            }
        }
    };
    for ev in events.iter() {
        for a in &ev.actors {
            visit(a, &mut full);
        }
    }
    // Surnames: the last word of each multi-word person name.
    let mut by_surname: HashMap<String, Vec<String>> = HashMap::new();
    for (k, a) in &full {
        if a.kind == ActorKind::Person && a.name.contains(' ') {
            let last = name_key(a.name.rsplit(' ').next().unwrap_or(""));
            by_surname.entry(last).or_default().push(k.clone());
        }
    }
    let resolve = |a: &Actor| -> Actor {
        let mut k = unify_key(a);
        if a.kind == ActorKind::Person && !a.name.contains(' ') {
            if let Some(v) = by_surname.get(&name_key(&a.name)) {
                if v.len() == 1 {
                    k = v[0].clone();
                }
            }
        }
        let mut out = full.get(&k).cloned().unwrap_or_else(|| a.clone());
        if out.country.is_none() {
            out.country = a.country.clone();
        }
        out
    };
    for ev in events.iter_mut() {
        ev.source = ev.source.as_ref().map(&resolve);
        ev.target = ev.target.as_ref().map(&resolve);
        ev.actors = ev.actors.iter().map(&resolve).collect();
        refresh(ev);
    }
}

fn non_ascii(s: &str) -> usize {
    s.chars().filter(|c| !c.is_ascii()).count()
}

/// Merges events with the same key into one citing every source (keeping the most
/// specific code, the highest confidence, every place), then sorts by date (undated
/// last) and numbers them.
pub(crate) fn merge(events: Vec<EventOut>) -> Vec<EventOut> {
    let mut index: HashMap<String, usize> = HashMap::with_capacity(events.len());
    let mut out: Vec<EventOut> = Vec::with_capacity(events.len());
    for ev in events {
        match index.get(&ev.key) {
            Some(&i) => {
                let m = &mut out[i];
                for s in ev.sources {
                    if !m.sources.contains(&s) {
                        m.sources.push(s);
                    }
                }
                for p in ev.places {
                    if !m.places.contains(&p) {
                        m.places.push(p);
                    }
                }
                if specificity(&ev.cameo) > specificity(&m.cameo) {
                    m.cameo = ev.cameo;
                    m.kind = ev.kind;
                    m.cameo_name = ev.cameo_name;
                    m.summary = ev.summary;
                    m.source = ev.source;
                    m.target = ev.target;
                }
                m.confidence = m.confidence.max(ev.confidence).max((m.confidence + 0.1).min(0.95));
                m.planned &= ev.planned;
            }
            None => {
                index.insert(ev.key.clone(), out.len());
                out.push(ev);
            }
        }
    }
    out.sort_by(|a, b| date_order(a).cmp(&date_order(b)));
    for (i, ev) in out.iter_mut().enumerate() {
        ev.id = format!("e{}", i + 1);
    }
    out
}

/// How specific a code is: a non-zero last digit beats a "not specified" code.
fn specificity(code: &str) -> u8 {
    match code {
        "041" | "042" | "043" | "044" | "045" | "046" => 3,
        c if !c.ends_with('0') => 2,
        _ => 1,
    }
}

/// Sort key: dated events by value (a month before its days, a week by its Monday),
/// undated last, then by article and position.
fn date_order(ev: &EventOut) -> (u8, String, String, usize) {
    let s = ev.sources.first();
    let art = s.map(|s| s.article.clone()).unwrap_or_default();
    let art = format!("{:0>8}", art.trim_start_matches('a'));
    let pos = s.map(|s| s.start).unwrap_or(0);
    match &ev.date {
        Some(d) => (0, super::export::sortable_date(d), art, pos),
        None => (1, String::new(), art, pos),
    }
}
