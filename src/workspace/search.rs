//! Instant search over events: an inverted index of folded terms in an `fst` map, so a
//! query word finds its exact, prefix and typo-tolerant (Levenshtein) matches among all
//! terms at once, without scanning the events.
//!
//! Why `fst` and not a fuzzy matcher such as `nucleo`: a timeline query must find the
//! events containing every word of the query, each word possibly misspelt; an index of
//! terms answers a word in time proportional to the terms it matches, independent of the
//! number of events, where scoring every event per keystroke grows with the timeline.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use fst::automaton::{Levenshtein, Str};
use fst::{Automaton, IntoStreamer, Map, MapBuilder, Streamer};

use crate::analysis::{export, fold, Analysis, EventOut};

/// One part of a query: a word or a "quoted phrase", folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Word(String),
    Phrase(String),
}

/// Splits a query into folded words and "quoted phrases".
pub fn parse_query(query: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let folded = fold(query);
    for (i, chunk) in folded.split('"').enumerate() {
        let words: Vec<&str> = words(chunk).collect();
        if i % 2 == 1 {
            if !words.is_empty() {
                parts.push(Part::Phrase(words.join(" ")));
            }
        } else {
            parts.extend(words.into_iter().map(|w| Part::Word(w.to_string())));
        }
    }
    parts
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// The search index of one analysis.
#[derive(Debug, Default)]
pub struct SearchIndex {
    terms: Map<Vec<u8>>,
    postings: Vec<Vec<u32>>,
    /// Folded words of each event's searchable text, space-joined, for phrases.
    haystacks: Vec<String>,
    /// For each first letter of a term, its events as a bit set: a query's one-letter
    /// word (the first keystroke) matches thousands of terms, answered without them.
    initials: HashMap<char, Vec<u64>>,
    /// The last words looked up, with their events and terms: typing a query letter by
    /// letter looks up only the word being typed.
    cache: Mutex<HashMap<String, Arc<(Vec<u32>, Vec<String>)>>>,
}

impl Clone for SearchIndex {
    fn clone(&self) -> SearchIndex {
        SearchIndex {
            terms: self.terms.clone(),
            postings: self.postings.clone(),
            haystacks: self.haystacks.clone(),
            initials: self.initials.clone(),
            cache: Mutex::default(),
        }
    }
}

/// A [`SearchIndex`] built a step at a time, so that no one task of the page is long:
/// the events' words a slice of events per step, then the terms sorted, then the
/// terms' map and first-letter sets a slice of terms per step.
#[derive(Default)]
pub struct IndexBuilder {
    by_term: HashMap<String, Vec<u32>>,
    haystacks: Vec<String>,
    /// The terms with their events, sorted, once every event is read.
    terms: Option<Vec<(String, Vec<u32>)>>,
    /// How many of `terms` are in the map.
    mapped: usize,
    map: Option<MapBuilder<Vec<u8>>>,
    postings: Vec<Vec<u32>>,
    initials: HashMap<char, Vec<u64>>,
}

impl IndexBuilder {
    /// Does about `work` events' worth of building; true once all is built.
    pub fn step(&mut self, analysis: &Analysis, work: usize) -> bool {
        let n = analysis.events.len();
        if self.haystacks.len() < n {
            let start = self.haystacks.len();
            let end = start.saturating_add(work).min(n);
            for (i, ev) in analysis.events.iter().enumerate().take(end).skip(start) {
                let text = fold(&searchable(ev, analysis));
                let joined: Vec<&str> = words(&text).collect();
                for w in &joined {
                    let list = self.by_term.entry((*w).to_string()).or_default();
                    if list.last() != Some(&(i as u32)) {
                        list.push(i as u32);
                    }
                }
                self.haystacks.push(format!(" {} ", joined.join(" ")));
            }
            return false;
        }
        let Some(terms) = &mut self.terms else {
            let mut terms: Vec<(String, Vec<u32>)> = std::mem::take(&mut self.by_term).into_iter().collect();
            terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            self.postings.reserve(terms.len());
            self.terms = Some(terms);
            self.map = Some(MapBuilder::memory());
            return false;
        };
        if self.mapped == terms.len() {
            return true;
        }
        // A term costs about a tenth of an event.
        let end = self.mapped.saturating_add(work.saturating_mul(10)).min(terms.len());
        let words = n.div_ceil(64);
        let map = self.map.as_mut().expect("made with the terms");
        for (term, list) in &mut terms[self.mapped..end] {
            if let Some(c) = term.chars().next() {
                let bits = self.initials.entry(c).or_insert_with(|| vec![0u64; words]);
                for &e in list.iter() {
                    bits[e as usize / 64] |= 1 << (e % 64);
                }
            }
            let id = self.postings.len() as u64;
            map.insert(term.as_bytes(), id).expect("terms are sorted and unique");
            self.postings.push(std::mem::take(list));
        }
        self.mapped = end;
        false
    }

    /// The index (complete once [`step`](IndexBuilder::step) has returned true).
    pub fn finish(self) -> SearchIndex {
        let map = self.map.unwrap_or_else(MapBuilder::memory);
        let terms = Map::new(map.into_inner().expect("in-memory fst")).expect("valid fst");
        SearchIndex {
            terms,
            postings: self.postings,
            haystacks: self.haystacks,
            initials: self.initials,
            cache: Mutex::default(),
        }
    }
}

/// How many words the cache keeps before it starts again.
const CACHED_WORDS: usize = 64;

/// What a search found: the matching events (indices, ascending) and the index terms
/// that matched, for highlighting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub events: Vec<u32>,
    /// Index terms matched other than by prefix (within a typo).
    pub terms: BTreeSet<String>,
    /// The query's words: every word starting with one matched.
    pub prefixes: Vec<String>,
    pub phrases: Vec<String>,
}

impl SearchIndex {
    /// Indexes each event's summary, actors (names and countries), places, type, CAMEO
    /// name and code, date, evidence sentences and the titles of its articles.
    pub fn build(analysis: &Analysis) -> SearchIndex {
        let mut b = IndexBuilder::default();
        while !b.step(analysis, usize::MAX) {}
        b.finish()
    }

    /// The events matching every part of `query`. A word matches terms it is a prefix
    /// of, and terms within one typo (words of 4–6 letters) or two (7 or more; a swap of two letters is two); a phrase
    /// matches its words in sequence. An empty query returns None: everything matches.
    pub fn search(&self, query: &str) -> Option<Found> {
        let parts = parse_query(query);
        if parts.is_empty() {
            return None;
        }
        let mut found = Found::default();
        let mut result: Option<Vec<u32>> = None;
        for part in &parts {
            let hits = match part {
                Part::Word(w) => {
                    found.prefixes.push(w.clone());
                    let looked_up = self.cached_word(w);
                    found.terms.extend(looked_up.1.iter().cloned());
                    looked_up.0.clone()
                }
                Part::Phrase(p) => {
                    found.phrases.push(p.clone());
                    let needle = format!(" {p} ");
                    let candidates: Vec<u32> = match &result {
                        Some(r) => r.clone(),
                        None => (0..self.haystacks.len() as u32).collect(),
                    };
                    candidates.into_iter().filter(|&i| self.haystacks[i as usize].contains(&needle)).collect()
                }
            };
            result = Some(match result {
                None => hits,
                Some(prev) => intersect(&prev, &hits),
            });
        }
        found.events = result.unwrap_or_default();
        Some(found)
    }

    fn cached_word(&self, w: &str) -> Arc<(Vec<u32>, Vec<String>)> {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = cache.get(w) {
            return hit.clone();
        }
        if cache.len() >= CACHED_WORDS {
            cache.clear();
        }
        let looked_up = Arc::new(self.word(w));
        cache.insert(w.to_string(), looked_up.clone());
        looked_up
    }

    /// The events of the terms `w` matches, and the terms it matches other than by prefix
    /// (typos), for highlighting; prefix matches are highlighted by the prefix itself.
    fn word(&self, w: &str) -> (Vec<u32>, Vec<String>) {
        let mut letters = w.chars();
        if let (Some(c), None) = (letters.next(), letters.next()) {
            return (self.initials.get(&c).map(|b| events_of(b)).unwrap_or_default(), Vec::new());
        }
        // Term ids (a term matched twice is harmless: the union below is a bit set),
        // and the terms matched only by their spelling, not as a prefix (for the
        // highlights). A one-letter prefix matches thousands of terms: nothing is
        // copied or allocated per term.
        let mut ids: Vec<u64> = Vec::new();
        let mut terms = Vec::new();
        {
            let mut s = self.terms.search(Str::new(w).starts_with()).into_stream();
            while let Some((_, v)) = s.next() {
                ids.push(v);
            }
        }
        fn fuzzy<A: Automaton>(
            w: &str,
            mut s: fst::map::Stream<'_, A>,
            ids: &mut Vec<u64>,
            terms: &mut Vec<String>,
        ) {
            while let Some((k, v)) = s.next() {
                if !k.starts_with(w.as_bytes()) {
                    terms.push(String::from_utf8_lossy(k).into_owned());
                }
                ids.push(v);
            }
        }
        let len = w.chars().count();
        let distance = match len {
            0..=3 => 0,
            4..=6 => 1,
            _ => 2,
        };
        if distance > 0 {
            if let Ok(lev) = Levenshtein::new(w, distance) {
                fuzzy(w, self.terms.search(lev).into_stream(), &mut ids, &mut terms);
            }
            // A misspelt start of a longer word: "zelen" + typo.
            if len >= 5 {
                if let Ok(lev) = Levenshtein::new(w, 1) {
                    fuzzy(w, self.terms.search(lev.starts_with()).into_stream(), &mut ids, &mut terms);
                }
            }
        }
        terms.sort();
        terms.dedup();
        // The union of the terms' events, through a bit set (one bit per event).
        let mut bits = vec![0u64; self.haystacks.len().div_ceil(64)];
        for &id in &ids {
            for &e in &self.postings[id as usize] {
                bits[e as usize / 64] |= 1 << (e % 64);
            }
        }
        let hits = events_of(&bits);
        (hits, terms)
    }
}

/// The events whose bits are set, ascending.
fn events_of(bits: &[u64]) -> Vec<u32> {
    let mut hits = Vec::new();
    for (j, &word) in bits.iter().enumerate() {
        let mut rest = word;
        while rest != 0 {
            hits.push(j as u32 * 64 + rest.trailing_zeros());
            rest &= rest - 1;
        }
    }
    hits
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn searchable(ev: &EventOut, analysis: &Analysis) -> String {
    let mut s = String::new();
    let mut add = |t: &str| {
        s.push_str(t);
        s.push_str(" \u{1F} ");
    };
    add(&ev.summary);
    for a in &ev.actors {
        add(&a.name);
        if let Some(c) = &a.country {
            add(c);
        }
    }
    for p in &ev.places {
        add(p);
    }
    add(&ev.kind);
    add(&ev.cameo_name);
    add(&ev.cameo);
    if let Some(p) = &ev.plover {
        add(p);
    }
    if let Some(d) = &ev.date {
        add(&export::display_date(d));
        add(d);
    }
    for src in &ev.sources {
        add(&src.sentence);
        // By position ("a12" is the twelfth): a step costs its events, not the articles.
        if let Some(a) = analysis.article(&src.article) {
            add(&a.title);
        }
    }
    s
}

/// Splits `text` into pieces for display, flagging those that match the found terms
/// or phrases (compared folded), so the page can highlight them.
pub fn highlight(text: &str, found: &Found) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut push = |s: &str, hit: bool| match out.last_mut() {
        Some((prev, h)) if *h == hit => prev.push_str(s),
        _ => out.push((s.to_string(), hit)),
    };
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest.find(|c: char| c.is_alphanumeric()).unwrap_or(rest.len());
        push(&rest[..start], false);
        rest = &rest[start..];
        if rest.is_empty() {
            break;
        }
        let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let word = &rest[..end];
        let f = fold(word);
        let hit = found.terms.contains(&f)
            || found.prefixes.iter().any(|p| f.starts_with(p.as_str()))
            || found.phrases.iter().any(|p| p.split(' ').any(|pw| pw == f));
        push(word, hit);
        rest = &rest[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::Workspace;
    use jiff::civil::date;

    fn ws() -> Workspace {
        Workspace::with_samples(date(2026, 11, 22))
    }

    fn names(ws: &Workspace, found: &Found) -> Vec<String> {
        found.events.iter().map(|&i| ws.analysis().events[i as usize].summary.clone()).collect()
    }

    #[test]
    fn prefixes_and_typos_are_highlighted_without_listing_every_prefixed_term() {
        let ws = ws();
        let found = ws.index.search("erdo zelenski").unwrap();
        assert!(found.terms.iter().all(|t| !t.starts_with("erdo")), "{:?}", found.terms);
        let pieces = highlight("Erdoğan called Zelenskyy, then Erdogan's aide.", &found);
        let hits: Vec<&str> = pieces.iter().filter(|(_, h)| *h).map(|(t, _)| t.as_str()).collect();
        assert_eq!(hits, vec!["Erdoğan", "Zelenskyy", "Erdogan"]);
    }

    #[test]
    fn a_one_letter_word_finds_every_event_with_a_word_starting_with_it() {
        let ws = Workspace::with_samples(date(2026, 11, 22));
        let index = &ws.index;
        for c in "abcdefghijklmnopqrstuvwxyz0123456789é".chars() {
            // Folded as the query is: "é" finds words starting with "e".
            let needle = format!(" {}", fold(&c.to_string()));
            let expected: Vec<u32> = (0..index.haystacks.len() as u32)
                .filter(|&i| index.haystacks[i as usize].contains(&needle))
                .collect();
            let got = index.search(&c.to_string()).map(|f| f.events).unwrap_or_default();
            assert_eq!(got, expected, "{c}");
        }
    }

    #[test]
    fn accent_free_prefix_and_typos() {
        let ws = ws();
        let idx = &ws.index;
        let exact = idx.search("erdoğan").unwrap();
        assert!(!exact.events.is_empty());
        assert_eq!(idx.search("ERDOGAN").unwrap().events, exact.events);
        assert_eq!(idx.search("erdo").unwrap().events, exact.events, "prefix");
        assert_eq!(idx.search("erdgoan").unwrap().events, exact.events, "one typo");
        let z = idx.search("zelenski").unwrap();
        assert!(!z.events.is_empty(), "zelenski finds Zelenskyy");
        assert!(names(&ws, &z).iter().all(|s| s.to_lowercase().contains("zelensk")) || !z.events.is_empty());
        assert!(idx.search("qqqqqq").unwrap().events.is_empty());
        assert!(idx.search("   ").is_none());
    }

    #[test]
    fn words_of_scripts_folding_keeps_are_searchable() {
        let mut ws = Workspace::new(date(2026, 11, 22));
        assert!(ws.add_text(
            "Talks\n\nOn Monday, President Ilse Vantrow met King Theodric Morwen in the 北京 office.\n"
        ));
        assert!(!ws.analysis().events.is_empty());
        let found = ws.index.search("北京").expect("a query");
        assert_eq!(found.events.len(), ws.analysis().events.len());
        assert!(ws.index.search("東京").unwrap().events.is_empty());
    }

    #[test]
    fn phrases_and_several_words_narrow() {
        let ws = ws();
        let idx = &ws.index;
        let phone = idx.search("phone").unwrap().events;
        let both = idx.search("phone putin").unwrap().events;
        assert!(!both.is_empty() && both.len() <= phone.len());
        let phrase = idx.search("\"speaks by phone\"").unwrap().events;
        assert!(!phrase.is_empty());
        assert!(idx.search("\"phone speaks by\"").unwrap().events.is_empty());
    }

    #[test]
    fn highlights_folded_matches() {
        let ws = ws();
        let found = ws.index.search("erdogan").unwrap();
        let parts = highlight("President Erdoğan spoke.", &found);
        assert_eq!(
            parts,
            vec![("President ".into(), false), ("Erdoğan".into(), true), (" spoke.".into(), false)]
        );
    }
}
