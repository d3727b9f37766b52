//! From raw events to the timeline: summaries, confidence and keys; actors unified
//! across articles; the same happening reported several times merged into one event
//! citing every source.
//!
//! The merge key is computed per event (date, CAMEO root, participants), so merging is
//! a group-by: linear in the number of events, and the same key works in any engine
//! that groups records.

use std::collections::HashMap;

use jiff::civil::Date;

use super::actors::{actor_key, name_key, ActorTable};
use super::cameo;
use super::model::{Actor, ActorEntry, ActorKind, EventOut, PublishedSource, Source};
use super::text::fold;
use super::Span;

/// An event as found in one sentence, before merging.
#[derive(Clone, Debug)]
pub(crate) struct RawEvent {
    pub article: String,
    pub sentence: Span,
    /// The words that name the act (none for a contact only referred back to).
    pub trigger: Option<Span>,
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
/// report of the same contact ("the conversation" after "on Monday ... a phone call");
/// other events whose sentence names no date take the article's publication date
/// (`published`), marked as assumed, unless they are planned.
pub(crate) fn article_events(
    text: &str,
    table: &ActorTable,
    raw: Vec<RawEvent>,
    published: Option<(Date, PublishedSource)>,
) -> Vec<EventOut> {
    let mut out: Vec<EventOut> = Vec::with_capacity(raw.len());
    for (i, ev) in raw.iter().enumerate() {
        let mut ev = ev.clone();
        // A planned contact ("will visit") is another happening than a reported one.
        if ev.date.is_none() && ev.target.is_some() && !ev.planned {
            let pair = participants_of(&ev);
            if let Some(anchor) = raw[..i].iter().chain(raw[i + 1..].iter()).find(|o| {
                o.date.is_some()
                    && !o.planned
                    && cameo::root(o.code) == cameo::root(ev.code)
                    && participants_of(o) == pair
            }) {
                ev.date = anchor.date.clone();
                ev.date_text = anchor.date_text.clone();
                ev.date_how = Some(format!(
                    "same contact as reported with {:?} in this article",
                    anchor.date_text.as_deref().unwrap_or("")
                ));
            }
        }
        let mut assumed = false;
        if let (None, Some((day, from)), false) = (&ev.date, published, ev.planned) {
            assumed = true;
            let from = from.describe();
            ev.date_how = Some(match &ev.date_text {
                Some(t) => {
                    format!("“{t}” names no calendar date: taken as the article's publication date ({day}, {from})")
                }
                None => format!(
                    "no date in its sentence: taken as the article's publication date ({day}, {from})"
                ),
            });
            ev.date = Some(day.to_string());
            ev.date_text = None;
        }
        let source = table.actors[ev.source].actor.clone();
        let target = ev.target.map(|t| table.actors[t].actor.clone());
        let mut actors = vec![source.clone()];
        actors.extend(target.clone());
        let mut confidence: f32 = 0.45;
        if target.is_some() {
            confidence += 0.2;
        }
        if ev.date.is_some() && !assumed {
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
            date_assumed: assumed,
            cameo: ev.code.to_string(),
            kind: cameo::root_name(ev.code),
            cameo_name: cameo::name(ev.code).unwrap_or("").to_string(),
            plover: cameo::plover(ev.code).map(|p| p.event.to_string()),
            plover_mode: cameo::plover(ev.code).and_then(|p| p.mode).map(str::to_string),
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
                trigger: ev.trigger,
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

/// The participants of an event as a key: order-free for a meeting, a call or an
/// agreement (X met Y = Y met X), source first for a directed act (X accused Y is not Y
/// accused X).
fn participants_key(ev: &EventOut) -> String {
    match (&ev.source, symmetric(&ev.cameo)) {
        (Some(src), false) => {
            let rest: Vec<String> = ev.actors.iter().filter(|a| *a != src).map(actor_key).collect();
            format!("{}>{}", actor_key(src), rest.join("+"))
        }
        _ => {
            let mut parts: Vec<String> = ev.actors.iter().map(actor_key).collect();
            parts.sort();
            parts.dedup();
            parts.join("+")
        }
    }
}

/// Whether code `cameo` is the same act either way round: a meeting, a call, an
/// agreement, cooperation.
fn symmetric(cameo: &str) -> bool {
    matches!(cameo::root(cameo), "03" | "04" | "06") || cameo == "057"
}

/// Whether two reports of a directed act ("X accused Y") go the same way: their
/// sources can be the same participant. Acts either way round always do.
fn same_direction(a: &EventOut, b: &EventOut) -> bool {
    if symmetric(&a.cameo) || symmetric(&b.cameo) {
        return true;
    }
    match (&a.source, &b.source) {
        (Some(x), Some(y)) => {
            let party = |a: &Actor| Party {
                actor: actor_key(a),
                country: matches!(a.kind, ActorKind::Country | ActorKind::Person)
                    .then(|| a.country.clone())
                    .flatten(),
                person: a.kind == ActorKind::Person,
            };
            overlap(&party(x), &party(y))
        }
        _ => true,
    }
}

/// The merge key: date, CAMEO root and the participants (see `participants_key`).
/// Undated events, and events whose date is only assumed, are keyed to their sentence,
/// so they never merge with another article's.
pub fn key(ev: &EventOut) -> String {
    let date = match &ev.date {
        Some(d) if !ev.date_assumed => d.clone(),
        Some(d) => match ev.sources.first() {
            Some(s) => format!("{d}:assumed:{}:{}", s.article, s.start),
            None => format!("{d}:assumed"),
        },
        None => match ev.sources.first() {
            Some(s) => format!("undated:{}:{}", s.article, s.start),
            None => "undated".to_string(),
        },
    };
    format!("{date}|{}|{}", cameo::root(&ev.cameo), participants_key(ev))
}

/// An actor's identity for unifying: kind and name key (Erdogan = Erdoğan, Zelensky =
/// Zelenskyy, Sergei = Sergey).
fn unify_key(a: &Actor) -> String {
    format!("{}:{}", a.kind.as_str(), name_key(&a.name))
}

/// Makes the same person the same actor across articles: name keys agree
/// (Erdogan = Erdoğan, Zelensky = Zelenskyy; the accented form is kept); a surname alone becomes the one
/// full name that ends with it; a missing country is filled from another mention.
/// An actor as one article saw it: the forms of its name and the roles given to it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Seen {
    pub actor: Actor,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
}

pub(crate) fn unify_actors(events: &mut [EventOut], seen: Vec<Seen>) -> Vec<ActorEntry> {
    // Each actor key once, as an id into `best` (the form kept) and `count`
    // (events): one map of keys, where there were four (a pile of 100,000 actors had
    // made this the analysis's peak of memory).
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut best: Vec<Actor> = Vec::new();
    let mut count: Vec<usize> = Vec::new();
    for ev in events.iter() {
        for a in &ev.actors {
            let k = unify_key(a);
            match ids.get(&k) {
                Some(&id) => {
                    let b = &mut best[id as usize];
                    if non_ascii(&a.name) > non_ascii(&b.name) {
                        b.name = a.name.clone();
                    }
                    if b.country.is_none() {
                        b.country = a.country.clone();
                    }
                    count[id as usize] += 1;
                }
                None => {
                    ids.insert(k, best.len() as u32);
                    best.push(a.clone());
                    count.push(1);
                }
            }
        }
    }
    // Surnames: the last word of each multi-word person name.
    let mut by_surname: HashMap<String, Vec<u32>> = HashMap::new();
    for (id, a) in best.iter().enumerate() {
        if a.kind == ActorKind::Person && a.name.contains(' ') {
            let last = name_key(a.name.rsplit(' ').next().unwrap_or(""));
            by_surname.entry(last).or_default().push(id as u32);
        }
    }
    // The id an actor goes to, if it was seen in an event.
    let resolve_id = |a: &Actor| -> Option<u32> {
        if a.kind == ActorKind::Person && !a.name.contains(' ') {
            if let Some(one) = by_surname.get(&name_key(&a.name)).and_then(|v| dominant(v, &best, &count)) {
                return Some(one);
            }
        }
        ids.get(&unify_key(a)).copied()
    };
    let resolve = |a: &Actor| -> Actor {
        let mut out = match resolve_id(a) {
            Some(id) => best[id as usize].clone(),
            None => a.clone(),
        };
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
    // The directory of the actors the events cite, with every form seen for each (the
    // events' actors are resolved now: each is the kept form of its id).
    let mut entries: Vec<ActorEntry> = Vec::new();
    let mut entry_of: Vec<u32> = vec![u32::MAX; best.len()];
    let mut others: HashMap<String, usize> = HashMap::new();
    for ev in events.iter() {
        for a in &ev.actors {
            let new_entry = |entries: &mut Vec<ActorEntry>| {
                entries.push(ActorEntry {
                    name: a.name.clone(),
                    kind: a.kind,
                    country: a.country.clone(),
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    events: 0,
                });
                entries.len() - 1
            };
            let k = unify_key(a);
            let i = match ids.get(&k) {
                Some(&id) if entry_of[id as usize] != u32::MAX => entry_of[id as usize] as usize,
                Some(&id) => {
                    let i = new_entry(&mut entries);
                    entry_of[id as usize] = i as u32;
                    i
                }
                None => *others.entry(k).or_insert_with(|| new_entry(&mut entries)),
            };
            entries[i].events += 1;
        }
    }
    for Seen { actor, aliases, roles } in seen {
        let k = unify_key(&resolve(&actor));
        let at = match ids.get(&k) {
            Some(&id) => Some(entry_of[id as usize]).filter(|&i| i != u32::MAX).map(|i| i as usize),
            None => others.get(&k).copied(),
        };
        if let Some(i) = at {
            for alias in aliases.into_iter().chain([actor.name]) {
                if alias != entries[i].name && !entries[i].aliases.contains(&alias) {
                    entries[i].aliases.push(alias);
                }
            }
            for role in roles {
                if !entries[i].roles.contains(&role) {
                    entries[i].roles.push(role);
                }
            }
        }
    }
    for e in &mut entries {
        e.aliases.sort();
        e.roles.sort();
    }
    entries.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
    entries
}

/// Of the full names sharing a surname, the one a surname alone means: the only one,
/// or one with at least three times the events of any other ("Jackson" in a pile about
/// Michael Jackson, where his parents and siblings are named now and then). Ties in
/// the count go to the first key in order, so the choice does not depend on hashing.
fn dominant(ids: &[u32], actors: &[Actor], count: &[usize]) -> Option<u32> {
    let n = |id: u32| count[id as usize];
    let key = |id: u32| unify_key(&actors[id as usize]);
    let best = ids.iter().copied().max_by(|&a, &b| n(a).cmp(&n(b)).then_with(|| key(b).cmp(&key(a))))?;
    ids.iter().filter(|&&id| id != best).all(|&id| n(best) >= 3 * n(id)).then_some(best)
}

fn non_ascii(s: &str) -> usize {
    s.chars().filter(|c| !c.is_ascii()).count()
}

/// Merges events with the same key into one citing every source (keeping the most
/// specific code, the highest confidence, every place); then folds events dated only
/// by their month or week into the one event of the same kind between the same
/// participants dated to a day of that month or week (see `fold_coarse_dates`); then
/// sorts by date (undated last) and numbers them. Linear in the number of events:
/// two group-bys in hash maps, no comparison of all pairs.
pub(crate) fn merge(events: Vec<EventOut>) -> Vec<EventOut> {
    let mut index: HashMap<String, usize> = HashMap::with_capacity(events.len());
    // In place: a second vector of every event would be the analysis's peak of memory.
    let mut slots: Vec<Option<EventOut>> = events.into_iter().map(Some).collect();
    for i in 0..slots.len() {
        let Some(key) = slots[i].as_ref().map(|e| e.key.clone()) else { continue };
        match index.get(&key) {
            Some(&first) => {
                if let (Some(ev), true) = (slots[i].take(), first < i) {
                    if let Some(m) = slots[first].as_mut() {
                        absorb(m, ev);
                    }
                }
            }
            None => {
                index.insert(key, i);
            }
        }
    }
    drop(index);
    let out = fold_coarse_dates(compact(slots));
    let mut out = fold_other_words(out);
    out.sort_by_cached_key(date_order);
    for (i, ev) in out.iter_mut().enumerate() {
        ev.id = format!("e{}", i + 1);
    }
    out
}

/// Adds `ev`'s sources, places and evidence to `m`, the same happening.
fn absorb(m: &mut EventOut, ev: EventOut) {
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
        m.plover = ev.plover;
        m.plover_mode = ev.plover_mode;
        m.summary = ev.summary;
        m.source = ev.source;
        m.target = ev.target;
    }
    m.confidence = m.confidence.max(ev.confidence).max((m.confidence + 0.1).min(0.95));
    m.planned &= ev.planned;
}

/// The month (`YYYY-MM`) a date value falls in, and whether the value is coarser than
/// a day: a month itself, or an ISO week (the month of its Thursday, as ISO weeks
/// belong to years). Days give their month; other values (years, quarters) none.
fn month_of(value: &str) -> Option<(String, bool)> {
    let b = value.as_bytes();
    if value.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        return Some((value[..7].to_string(), false));
    }
    if value.len() == 7 && b[4] == b'-' && b[5].is_ascii_digit() {
        return Some((value.to_string(), true));
    }
    if value.len() == 8 && &value[4..6] == "-W" {
        let monday = super::export::first_day(value)?;
        let thursday = monday.checked_add(jiff::Span::new().days(3)).ok()?;
        return Some((format!("{:04}-{:02}", thursday.year(), thursday.month()), true));
    }
    None
}

/// Whether the day `day` lies in the coarse value `coarse` (a month or an ISO week).
fn within(day: &str, coarse: &str) -> bool {
    if coarse.len() == 7 {
        return day.starts_with(coarse);
    }
    match (day.parse::<jiff::civil::Date>(), super::export::first_day(coarse)) {
        (Ok(d), Some(monday)) => {
            let days = (d - monday).get_days();
            (0..7).contains(&days) && d >= monday
        }
        _ => false,
    }
}

/// The second pass: events grouped by (CAMEO root, participants, month); in each group
/// an event dated only by the month or a week of it folds into the group's one event
/// dated to a day within that month or week, when exactly one such candidate exists
/// (two calls on different days leave a "this month" report alone).
fn fold_coarse_dates(events: Vec<EventOut>) -> Vec<EventOut> {
    // key (root|participants|month) -> indexes of day-dated events.
    let mut days: HashMap<String, Vec<usize>> = HashMap::new();
    let group = |ev: &EventOut, month: &str| -> String {
        format!("{}|{}|{}", cameo::root(&ev.cameo), participants_key(ev), month)
    };
    for (i, ev) in events.iter().enumerate() {
        // An assumed date is too weak to take in another report.
        if ev.date_assumed {
            continue;
        }
        if let Some((month, false)) = ev.date.as_deref().and_then(month_of) {
            days.entry(group(ev, &month)).or_default().push(i);
        }
    }
    let mut into: Vec<Option<usize>> = vec![None; events.len()];
    for (i, ev) in events.iter().enumerate() {
        let Some(value) = ev.date.as_deref() else { continue };
        let Some((month, true)) = month_of(value) else { continue };
        let Some(cands) = days.get(&group(ev, &month)) else { continue };
        let inside: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|&c| events[c].date.as_deref().is_some_and(|d| within(d, value)))
            .collect();
        if let [one] = inside[..] {
            into[i] = Some(one);
        }
    }
    fold_into(events, &into)
}

/// Participants as the third pass compares them: each actor, and the country of each
/// person, so that "Erdoğan" and "Turkey" overlap.
struct Party {
    actor: String,
    /// The country (ISO 3166-1 alpha-3) an actor stands for: a country itself, or a
    /// person's country.
    country: Option<String>,
    person: bool,
}

fn parties(ev: &EventOut) -> Vec<Party> {
    ev.actors
        .iter()
        .map(|a| Party {
            actor: actor_key(a),
            country: match a.kind {
                ActorKind::Country | ActorKind::Person => a.country.clone(),
                _ => None,
            },
            person: a.kind == ActorKind::Person,
        })
        .collect()
}

/// Whether party `a` and party `b` can be the same participant: the same actor, or a
/// person and the country they stand for (not two people of one country).
fn overlap(a: &Party, b: &Party) -> bool {
    a.actor == b.actor || (a.person != b.person && a.country.is_some() && a.country == b.country)
}

/// Whether every party of `small` overlaps a party of `big`, and `small` has one.
fn covered(small: &[Party], big: &[Party]) -> bool {
    !small.is_empty() && small.iter().all(|p| big.iter().any(|q| overlap(p, q)))
}

/// The class of codes that can name one happening: the contacts (consult, meet,
/// call, visit, host: root 04) together, any other root by itself.
fn code_class(code: &str) -> &str {
    cameo::root(code)
}

/// The third pass: the same happening in other words. Reports of one day, of one class
/// of code, from different articles, whose participants overlap ("Erdoğan called
/// Putin" and "Turkey and Russia spoke by phone"; a report with fewer participants
/// folds into one that has them all) become one event with all their sources. A date
/// only assumed from the publication day is weak: such a report merges only with one
/// of the very same participants whose evidence says the same (half its content words
/// shared: the same wire story in two papers). Events are blocked by (day, code class) in a hash
/// map; in a block each event is compared with the few events already kept that share
/// one of its participants (at most `CANDIDATES` each), never with all pairs.
fn fold_other_words(events: Vec<EventOut>) -> Vec<EventOut> {
    const CANDIDATES: usize = 8;
    let mut blocks: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, ev) in events.iter().enumerate() {
        match ev.date.as_deref() {
            Some(d) if d.len() == 10 && !ev.actors.is_empty() => {
                blocks.entry((d.to_string(), code_class(&ev.cameo).to_string())).or_default().push(i);
            }
            _ => {}
        }
    }
    let all: Vec<Vec<Party>> = events.iter().map(parties).collect();
    // The words are compared only where a date is assumed: gathered for those blocks only.
    let mut words: Vec<Vec<String>> = vec![Vec::new(); events.len()];
    for block in blocks.values().filter(|b| b.len() > 1 && b.iter().any(|&i| events[i].date_assumed)) {
        for &i in block {
            words[i] = content_words(&events[i]);
        }
    }
    let mut into: Vec<Option<usize>> = vec![None; events.len()];
    for mut block in blocks.into_values() {
        if block.len() < 2 {
            continue;
        }
        // The events with most participants first: they take in the others.
        block.sort_by_key(|&i| {
            (std::cmp::Reverse(all[i].len()), std::cmp::Reverse(specificity(&events[i].cameo)), i)
        });
        // Kept events by each of their participants' actor and country.
        let mut kept: HashMap<&str, Vec<usize>> = HashMap::new();
        for &i in &block {
            let articles =
                |k: usize| events[k].sources.iter().map(|s| s.article.as_str()).collect::<Vec<_>>();
            let mine = articles(i);
            let target = all[i]
                .iter()
                .flat_map(|p| std::iter::once(p.actor.as_str()).chain(p.country.as_deref()))
                .filter_map(|k| kept.get(k))
                .flat_map(|v| v.iter().take(CANDIDATES))
                .copied()
                .find(|&k| {
                    covered(&all[i], &all[k])
                        && same_direction(&events[i], &events[k])
                        && articles(k).iter().all(|a| !mine.contains(a))
                        && (!(events[i].date_assumed || events[k].date_assumed)
                            || (covered(&all[k], &all[i]) && same_words(&words[i], &words[k])))
                });
            match target {
                Some(k) => into[i] = Some(k),
                None => {
                    for p in &all[i] {
                        kept.entry(p.actor.as_str()).or_default().push(i);
                        if let Some(c) = p.country.as_deref() {
                            kept.entry(c).or_default().push(i);
                        }
                    }
                }
            }
        }
    }
    fold_into(events, &into)
}

/// The content words of an event's first evidence sentence (four letters or more,
/// folded), sorted and unique.
fn content_words(ev: &EventOut) -> Vec<String> {
    let Some(s) = ev.sources.first() else { return Vec::new() };
    let mut w: Vec<String> = s
        .sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(fold)
        .collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// Whether two sorted word sets share at least half of the smaller one's words.
fn same_words(a: &[String], b: &[String]) -> bool {
    let (small, big) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.len() < 4 {
        return false;
    }
    let shared = small.iter().filter(|w| big.binary_search(w).is_ok()).count();
    shared * 2 >= small.len()
}

/// Folds each event `i` with `into[i] == Some(k)` into event `k` (which folds into
/// nothing), keeping the others in order.
fn fold_into(events: Vec<EventOut>, into: &[Option<usize>]) -> Vec<EventOut> {
    let mut slots: Vec<Option<EventOut>> = events.into_iter().map(Some).collect();
    for i in 0..slots.len() {
        if let Some(target) = into[i] {
            if let Some(ev) = slots[i].take() {
                if let Some(m) = slots[target].as_mut() {
                    absorb(m, ev);
                }
            }
        }
    }
    compact(slots)
}

/// The events left, in order, in the same allocation (collecting from a vector's own
/// iterator, item sizes equal, reuses it).
fn compact(mut slots: Vec<Option<EventOut>>) -> Vec<EventOut> {
    slots.retain(Option::is_some);
    slots.into_iter().map(|e| e.expect("only events are left")).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn event(date: &str, code: &str, article: &str, a: &str, b: &str) -> EventOut {
        let actor = |n: &str| Actor { name: n.to_string(), kind: ActorKind::Person, country: None };
        let mut ev = EventOut {
            id: String::new(),
            date: Some(date.to_string()),
            date_text: None,
            date_how: None,
            date_assumed: false,
            cameo: code.to_string(),
            kind: cameo::root_name(code),
            cameo_name: String::new(),
            plover: None,
            plover_mode: None,
            source: Some(actor(a)),
            target: Some(actor(b)),
            actors: vec![actor(a), actor(b)],
            places: Vec::new(),
            summary: String::new(),
            sources: vec![Source {
                article: article.to_string(),
                sentence: String::new(),
                start: 0,
                end: 1,
                trigger: None,
            }],
            confidence: 0.5,
            planned: false,
            key: String::new(),
        };
        refresh(&mut ev);
        ev
    }

    #[test]
    fn a_surname_alone_goes_to_the_full_name_that_dominates_the_pile() {
        let mut events = Vec::new();
        for _ in 0..6 {
            events.push(event("2009-06-25", "010", "a", "Michael Jackson", "Paul Gordon"));
        }
        events.push(event("2009-06-26", "010", "b", "Joe Jackson", "Paul Gordon"));
        events.push(event("2009-06-27", "010", "c", "Jackson", "Paul Gordon"));
        events.push(event("2009-06-27", "010", "d", "Kennedy", "Paul Gordon"));
        events.push(event("2009-06-28", "010", "e", "John Kennedy", "Paul Gordon"));
        events.push(event("2009-06-28", "010", "e", "Robert Kennedy", "Paul Gordon"));
        unify_actors(&mut events, Vec::new());
        let source = |i: usize| events[i].source.as_ref().unwrap().name.clone();
        // Six events against one: "Jackson" is Michael Jackson.
        assert_eq!(source(7), "Michael Jackson");
        // One against one: "Kennedy" stays as written.
        assert_eq!(source(8), "Kennedy");
    }

    #[test]
    fn an_event_whose_sentence_names_no_date_takes_the_publication_date_as_assumed() {
        use super::super::{Analyzer, Document};
        use jiff::civil::date;
        let text = "Talks\n\nPresident Ilse Vantrow condemned King Theodric Morwen. \
                    On Monday, Vantrow met Morwen in Oslo. Vantrow will visit Morwen.\n";
        let docs = [Document::from_text("a.txt", text), Document::from_text("b.txt", text)];
        let published = date(2025, 11, 26);
        let analysis = Analyzer::builder(date(2026, 11, 22))
            .published("a.txt", published)
            .published("b.txt", published)
            .build()
            .analyze(&docs);
        let of =
            |code: &str| analysis.events.iter().filter(|e| e.cameo.starts_with(code)).collect::<Vec<_>>();
        // The criticism: no date in its sentence → the publication date, assumed; an
        // assumed date merges only reports in the same words, as here (the same text
        // twice): one event with both sources.
        let criticism = of("11");
        assert_eq!(criticism.len(), 1, "{criticism:#?}");
        assert_eq!(criticism[0].sources.len(), 2, "{criticism:#?}");
        for e in &criticism {
            assert_eq!(e.date.as_deref(), Some("2025-11-26"));
            assert!(e.date_assumed);
            assert!(
                e.date_how.as_deref().unwrap().contains("publication date (2025-11-26, set by you)"),
                "{e:?}"
            );
        }
        // The meeting: its own date, stated, one event with both sources.
        let meeting = of("04").into_iter().filter(|e| !e.planned).collect::<Vec<_>>();
        assert_eq!(meeting.len(), 1, "{meeting:#?}");
        assert_eq!(meeting[0].date.as_deref(), Some("2025-11-24"));
        assert!(!meeting[0].date_assumed);
        assert_eq!(meeting[0].sources.len(), 2, "{meeting:#?}");
        // A planned visit with no date stays undated.
        assert!(analysis.events.iter().filter(|e| e.planned).all(|e| e.date.is_none()));
        // Without a publication date nothing is assumed.
        let undated = Analyzer::builder(date(2026, 11, 22)).build().analyze(&docs[..1]);
        assert!(undated.events.iter().all(|e| !e.date_assumed && e.date.is_none()), "{undated:#?}");
    }

    #[test]
    fn coarser_dates_fold_into_the_one_finer_event() {
        let evs = vec![
            event("2025-11-24", "041", "a1", "Erdoğan", "Putin"),
            event("2025-11", "041", "a2", "Putin", "Erdoğan"),
            event("2025-W48", "041", "a3", "Erdoğan", "Putin"),
            // Another kind of event, another month: left alone.
            event("2025-11", "111", "a4", "Erdoğan", "Putin"),
            event("2025-12", "041", "a5", "Erdoğan", "Putin"),
        ];
        let out = merge(evs);
        assert_eq!(out.len(), 3, "{out:#?}");
        let call = out.iter().find(|e| e.date.as_deref() == Some("2025-11-24")).unwrap();
        assert_eq!(call.sources.len(), 3);
    }

    #[test]
    fn two_candidate_days_leave_the_month_alone() {
        let evs = vec![
            event("2025-11-03", "041", "a1", "Erdoğan", "Putin"),
            event("2025-11-24", "041", "a2", "Erdoğan", "Putin"),
            event("2025-11", "041", "a3", "Erdoğan", "Putin"),
            // A week outside the day's week does not fold.
            event("2025-W46", "041", "a4", "Erdoğan", "Putin"),
        ];
        assert_eq!(merge(evs).len(), 4);
    }

    #[test]
    fn merging_100_000_events_is_linear() {
        let mut evs = Vec::new();
        for i in 0..100_000usize {
            let day = 1 + i % 28;
            let month = 1 + (i / 28) % 12;
            let date =
                if i % 3 == 0 { format!("2025-{month:02}") } else { format!("2025-{month:02}-{day:02}") };
            evs.push(event(
                &date,
                "041",
                &format!("a{i}"),
                &format!("P{}", i % 500),
                &format!("Q{}", i % 97),
            ));
        }
        let out = merge(evs);
        assert!(!out.is_empty() && out.len() <= 100_000);
    }

    /// `event` with each actor's kind and country set: ("Erdoğan", person, TUR).
    fn with_parties(mut ev: EventOut, parties: &[(&str, ActorKind, &str)]) -> EventOut {
        let actors: Vec<Actor> = parties
            .iter()
            .map(|(n, k, c)| Actor { name: n.to_string(), kind: *k, country: Some(c.to_string()) })
            .collect();
        ev.source = actors.first().cloned();
        ev.target = actors.get(1).cloned();
        ev.actors = actors;
        refresh(&mut ev);
        ev
    }

    #[test]
    fn the_same_call_in_other_words_is_one_event_with_both_sources() {
        use ActorKind::{Country, Person};
        let people = [("Recep Tayyip Erdoğan", Person, "TUR"), ("Vladimir Putin", Person, "RUS")];
        let countries = [("Turkey", Country, "TUR"), ("Russia", Country, "RUS")];
        let call = with_parties(event("2025-11-24", "041", "a1", "x", "y"), &people);
        let same = with_parties(event("2025-11-24", "040", "a2", "x", "y"), &countries);
        let other = with_parties(
            event("2025-11-24", "041", "a3", "x", "y"),
            &[("Recep Tayyip Erdoğan", Person, "TUR"), ("Volodymyr Zelensky", Person, "UKR")],
        );
        let next_day = with_parties(event("2025-11-25", "041", "a4", "x", "y"), &countries);
        let out = merge(vec![call, same, other, next_day]);
        assert_eq!(out.len(), 3, "{out:#?}");
        let merged = out.iter().find(|e| e.sources.len() == 2).expect("the two reports of the call merged");
        assert_eq!(merged.cameo, "041", "the more specific code is kept");
        assert_eq!(merged.sources.iter().map(|s| s.article.as_str()).collect::<Vec<_>>(), ["a1", "a2"]);
        // Two people of one country are not the same participant.
        let a = with_parties(event("2025-11-24", "112", "a1", "x", "y"), &[("Ali Veli", Person, "TUR")]);
        let b = with_parties(event("2025-11-24", "112", "a2", "x", "y"), &[("Ayşe Kaya", Person, "TUR")]);
        assert_eq!(merge(vec![a, b]).len(), 2);
        // An accusation goes one way: "Kyiv accused Moscow" is not "Putin accused
        // Zelensky", which is "Russia accused Ukraine".
        let ru = [("Russia", Country, "RUS"), ("Ukraine", Country, "UKR")];
        let ua = [("Ukraine", Country, "UKR"), ("Russia", Country, "RUS")];
        let leaders = [("Vladimir Putin", Person, "RUS"), ("Volodymyr Zelensky", Person, "UKR")];
        let out = merge(vec![
            with_parties(event("2025-03-02", "112", "a1", "x", "y"), &ru),
            with_parties(event("2025-03-02", "112", "a2", "x", "y"), &ua),
            with_parties(event("2025-03-02", "112", "a3", "x", "y"), &leaders),
        ]);
        assert_eq!(out.len(), 2, "{out:#?}");
        assert!(out.iter().any(|e| e.sources.len() == 1 && e.source.as_ref().unwrap().name == "Ukraine"));
    }

    #[test]
    fn an_assumed_date_merges_only_the_same_words() {
        let mut a = event("2025-11-24", "041", "a1", "Ilse Vantrow", "Theo Morwen");
        let mut b = event("2025-11-24", "041", "a2", "Ilse Vantrow", "Theo Morwen");
        let mut c = event("2025-11-24", "041", "a3", "Ilse Vantrow", "Theo Morwen");
        for (ev, s) in [
            (&mut a, "Ilse Vantrow spoke by phone with Theo Morwen about the grain corridor."),
            (&mut b, "Ilse Vantrow spoke by telephone with Theo Morwen about the grain corridor."),
            (&mut c, "Vantrow and Morwen discussed fishing quotas in a call."),
        ] {
            ev.date_assumed = true;
            ev.sources[0].sentence = s.to_string();
            refresh(ev);
        }
        let out = merge(vec![a, b, c]);
        assert_eq!(out.len(), 2, "{out:#?}");
        assert!(out.iter().any(|e| e.sources.len() == 2));
    }
}
