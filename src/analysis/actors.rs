//! Actors in an article: people (from titles, roles and capitalised names), countries
//! and their stand-ins (names, demonyms, capitals, seats of government), organisations
//! and groups, each mention with its byte span, plus places ("in Istanbul").
//!
//! Mentions are resolved within the article: a surname alone, "the Turkish president"
//! and "his Russian counterpart" find the person meant.

mod foreign;
mod people;

use std::collections::HashMap;

pub(crate) use foreign::find_in_foreign_sentence;
pub(crate) use people::name_key;
use people::People;

use super::gazetteer::{Entry, EntryRole, Gazetteer};
use super::model::{Actor, ActorKind};
use super::text::{fold, is_invisible, Token, TokenKind};
use super::{Lexicons, Span};

/// An actor mentioned in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mention {
    /// The words naming the actor ("President Recep Tayyip Erdoğan", "Ankara").
    pub span: Span,
    /// Index of the first and one past the last token of the mention.
    pub tokens: (usize, usize),
    /// Index into the article's [`ActorTable`].
    pub actor: usize,
    /// A pronoun or description resolved to a person ("he", "the Turkish president").
    pub anaphoric: bool,
}

/// A place mentioned in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Place {
    pub span: Span,
    pub tokens: (usize, usize),
    pub name: String,
    pub country: Option<String>,
}

/// What the article says about one actor.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ActorInfo {
    pub actor: Actor,
    /// Roles seen ("president", "foreign minister"), folded.
    pub roles: Vec<String>,
    /// Surface forms seen.
    pub aliases: Vec<String>,
}

/// The actors of one article.
#[derive(Clone, Debug, Default)]
pub(crate) struct ActorTable {
    pub actors: Vec<ActorInfo>,
    by_key: HashMap<String, usize>,
    /// For each actor that is a person, the key of its last name (names do not change
    /// once interned), so a surname is matched without re-folding every name.
    surnames: Vec<Option<String>>,
    /// The dictionaries the analysis uses (the people table, the verb dictionary).
    pub lex: Lexicons,
}

impl ActorTable {
    /// An empty table for an article analysed with `lex`.
    pub(crate) fn new(lex: Lexicons) -> ActorTable {
        ActorTable { lex, ..ActorTable::default() }
    }

    fn intern(&mut self, mut actor: Actor, alias: &str, role: Option<&str>) -> usize {
        // Invisible controls inside a name ("Van\u{202E}trow") are dropped from the
        // name and its aliases; the evidence keeps the text as it was.
        actor.name.retain(|c| !is_invisible(c));
        let alias = &visible(alias);
        let key = format!("{}:{}", actor.kind.as_str(), name_key(&actor.name));
        let idx = match self.by_key.get(&key) {
            Some(&i) => i,
            None => {
                let surname = (actor.kind == ActorKind::Person)
                    .then(|| name_key(&actor.name).rsplit(' ').next().unwrap_or("").to_string());
                self.surnames.push(surname);
                self.actors.push(ActorInfo { actor, roles: Vec::new(), aliases: Vec::new() });
                self.by_key.insert(key, self.actors.len() - 1);
                self.actors.len() - 1
            }
        };
        let info = &mut self.actors[idx];
        if !alias.is_empty() && !info.aliases.iter().any(|a| a == alias) {
            info.aliases.push(alias.to_string());
        }
        if let Some(role) = role {
            let role = fold(role);
            if !role.is_empty() && !info.roles.contains(&role) {
                info.roles.push(role);
            }
        }
        idx
    }

    /// The person whose surname (last name token) is `surname_folded`, if one.
    fn person_by_surname(&self, surname_folded: &str) -> Option<usize> {
        let wanted = name_key(surname_folded);
        let mut found = None;
        for (i, last) in self.surnames.iter().enumerate() {
            if last.as_deref() == Some(wanted.as_str()) {
                if found.is_some_and(|f| f != i) {
                    return None; // ambiguous
                }
                found = Some(i);
            }
        }
        found
    }

    /// The most recently added person of `country` holding a role containing `role`.
    fn person_by_role(&self, country: Option<&str>, role: &str) -> Option<usize> {
        self.actors.iter().enumerate().rev().find_map(|(i, info)| {
            let ok = info.actor.kind == ActorKind::Person
                && (country.is_none() || info.actor.country.as_deref() == country)
                && (role.is_empty() || info.roles.iter().any(|r| r.contains(role)));
            ok.then_some(i)
        })
    }
}

/// A person named in an article, completed from the table of known people: a surname
/// alone becomes the full name ("Lavrov" → "Sergey Lavrov"), and the country is filled
/// in where the article gives none.
/// `s` without invisible format controls.
fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_invisible) {
        s.chars().filter(|c| !is_invisible(*c)).collect::<String>().into()
    } else {
        s.into()
    }
}

fn known_person(name: &str, country: Option<String>, people: bool) -> Actor {
    let known = if people { People::builtin().lookup(name) } else { None };
    match known {
        Some(p) => Actor {
            name: if name.contains(' ') { name.to_string() } else { p.name.to_string() },
            kind: ActorKind::Person,
            country: country.or_else(|| Some(p.country.to_string())),
        },
        None => Actor { name: name.to_string(), kind: ActorKind::Person, country },
    }
}

/// The identity of an actor across articles: folded name and kind.
pub(crate) fn actor_key(actor: &Actor) -> String {
    format!("{}:{}", actor.kind.as_str(), fold(&actor.name))
}

/// Title and role words that precede a person's name. Matched folded; several may
/// follow one another ("Deputy Prime Minister", "Secretary General").
const TITLE_WORDS: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "economy",
    "trade",
    "energy",
    "justice",
    "health",
    "secretary",
    "general",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sheikh",
    "pope",
    "ambassador",
    "envoy",
    "special",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "gen",
    "admiral",
    "adm",
    "commander",
    "chief",
    "head",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "speaker",
    "premier",
    "deputy",
    "mr",
    "mrs",
    "ms",
    "dr",
    "adviser",
    "advisor",
    "national",
    "security",
    "state",
    "representative",
    "rep",
    "lawmaker",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "major",
    "captain",
    "sergeant",
    "judge",
    "justice",
    "attorney",
    "doctor",
    "professor",
    "prof",
    "detective",
    "inspector",
    "sheriff",
    "cardinal",
    "archbishop",
    "bishop",
    "rabbi",
    "imam",
    "ayatollah",
    "crown",
    "first",
    "lady",
    "counterpart",
    "officer",
    "official",
    "negotiator",
    "diplomat",
    "delegate",
    "commissioner",
    "high",
    "supreme",
    "top",
    "senior",
    "acting",
    "former",
    "new",
    "executive",
    "ceo",
    "founder",
    "coordinator",
    "communications",
    "press",
    "sultan",
    "monarch",
    "dictator",
    "opposition",
    "party",
    "parliament",
    "parliamentary",
];

/// Of the title words, those that name a role on their own (not only as modifiers).
const ROLE_HEADS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sheikh",
    "pope",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "gen",
    "general",
    "admiral",
    "adm",
    "commander",
    "chief",
    "head",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "speaker",
    "premier",
    "mr",
    "mrs",
    "ms",
    "dr",
    "adviser",
    "advisor",
    "representative",
    "rep",
    "lawmaker",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "major",
    "captain",
    "sergeant",
    "judge",
    "attorney",
    "doctor",
    "professor",
    "prof",
    "detective",
    "inspector",
    "sheriff",
    "cardinal",
    "archbishop",
    "bishop",
    "rabbi",
    "imam",
    "ayatollah",
    "counterpart",
    "officer",
    "official",
    "negotiator",
    "diplomat",
    "delegate",
    "commissioner",
    "ceo",
    "founder",
    "coordinator",
    "sultan",
    "monarch",
    "dictator",
];

/// Collective nouns after a demonym that make a group or body of that country ("the
/// Russian delegation", "Ukrainian troops", "the Turkish military").
const DEMONYM_GROUPS: &[&str] = &[
    "delegation",
    "delegations",
    "military",
    "army",
    "navy",
    "forces",
    "troops",
    "ministry",
    "negotiators",
    "diplomats",
];

/// Collective nouns after an unknown adjective that make it a group ("European leaders").
const GROUP_NOUNS: &[&str] = &[
    "leaders",
    "officials",
    "ministers",
    "diplomats",
    "lawmakers",
    "forces",
    "troops",
    "government",
    "authorities",
    "delegation",
    "delegations",
    "negotiators",
    "soldiers",
    "militants",
    "rebels",
    "protesters",
    "envoys",
    "allies",
    "partners",
    "counterparts",
];

/// Words of a portfolio after "of" in a title ("Minister of Foreign Affairs").
const PORTFOLIO_WORDS: &[&str] = &[
    "affairs",
    "state",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "justice",
    "health",
    "staff",
    "intelligence",
    "commerce",
    "education",
    "culture",
    "energy",
    "agriculture",
    "economy",
    "trade",
    "communications",
    "information",
    "industry",
    "transport",
    "national",
    "home",
    "internal",
    "external",
    "the",
];

/// Words that never start or form a name although capitalised.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "meanwhile",
    "however",
    "forever",
    "always",
    "never",
    "perhaps",
    "maybe",
    "tonight",
    "last",
    "this",
    "that",
    "these",
    "those",
    "according",
    "during",
    "after",
    "before",
    "while",
    "since",
    "regarding",
    "earlier",
    "later",
    "speaking",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "its",
    "my",
    "yet",
    "also",
    "then",
    "so",
    "if",
    "as",
    "with",
    "for",
    "from",
    "by",
    "to",
    "under",
    "over",
    "of",
    "there",
    "here",
    "when",
    "where",
    "what",
    "who",
    "why",
    "how",
    "all",
    "both",
    "each",
    "some",
    "many",
    "most",
    "no",
    "not",
    "one",
    "two",
    "three",
    "despite",
    "although",
    "though",
    "because",
    "once",
    "until",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "read",
    "photo",
    "photos",
    "video",
    "image",
    "getty",
    "images",
    "reuters",
    "ap",
    "afp",
    "such",
    "other",
    "another",
    "any",
    "every",
    "following",
    "amid",
    "among",
    "between",
    "about",
    "into",
    "through",
    "without",
    "within",
    "toward",
    "towards",
    "upon",
    "via",
    "per",
    "than",
    "just",
    "only",
    "even",
    "still",
    "already",
    "again",
    "further",
    "moreover",
    "furthermore",
    "thus",
    "therefore",
    "instead",
    "indeed",
    "currently",
    "recently",
    "previously",
    "finally",
    "first",
    "second",
    "third",
    "in",
    "mr",
    "ms",
    "mrs",
    "sir",
    "dear",
    "please",
    "breaking",
    "update",
    "updated",
    "share",
    "comment",
    "comments",
    "subscribe",
    "related",
    "advertisement",
    "copyright",
    "new",
    "old",
    "big",
    "great",
    "good",
    "under",
    "let",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "security",
    "different",
    "conditional",
    "logo",
];

/// Last words that make a capitalised phrase an organisation or group.
const ORG_WORDS: &[&str] = &[
    "agency",
    "ministry",
    "council",
    "committee",
    "party",
    "presidency",
    "directorate",
    "coalition",
    "union",
    "bank",
    "organization",
    "organisation",
    "group",
    "forces",
    "army",
    "navy",
    "police",
    "parliament",
    "assembly",
    "congress",
    "senate",
    "court",
    "commission",
    "office",
    "department",
    "government",
    "administration",
    "cabinet",
    "alliance",
    "front",
    "movement",
    "brigade",
    "brigades",
    "militia",
    "guard",
    "corps",
    "association",
    "federation",
    "institute",
    "foundation",
    "company",
    "corporation",
    "inc",
    "ltd",
    "university",
    "church",
    "network",
    "service",
    "services",
    "authority",
    "board",
    "fund",
    "program",
    "programme",
    "secretariat",
    "mission",
    "delegation",
    "league",
    "club",
    "bureau",
    "taliban",
    "hamas",
    "hezbollah",
    "network",
    "news",
    "radio",
    "television",
    "tv",
    "times",
    "post",
    "press",
    "sabah",
    "agency's",
];

/// Last words that make a capitalised phrase a thing or an event, not an actor.
const THING_WORDS: &[&str] = &[
    "process",
    "summit",
    "agreement",
    "talks",
    "war",
    "plan",
    "conference",
    "forum",
    "accord",
    "accords",
    "treaty",
    "deal",
    "initiative",
    "platform",
    "sea",
    "ocean",
    "gulf",
    "strait",
    "straits",
    "peninsula",
    "island",
    "islands",
    "river",
    "mountains",
    "east",
    "west",
    "north",
    "south",
    "day",
    "week",
    "month",
    "year",
    "crisis",
    "conflict",
    "games",
    "cup",
    "olympics",
    "act",
    "law",
    "bill",
    "report",
    "declaration",
    "resolution",
    "format",
    "framework",
    "corridor",
    "pipeline",
    "plant",
    "airport",
    "port",
    "bridge",
    "square",
    "street",
    "avenue",
    "road",
    "palace",
    "hall",
    "center",
    "centre",
    "stadium",
    "hotel",
];

const PREPOSITIONS_OF_PLACE: &[&str] =
    &["in", "at", "to", "from", "near", "into", "across", "outside", "inside", "across"];

fn is_cap(tok: &Token, text: &str) -> bool {
    tok.kind == TokenKind::Word && tok.is_capitalized(text)
}

/// Finds actor mentions and places in one sentence's tokens, adding actors to `table`.
/// `first_in_sentence` is the index of the sentence's first token.
pub(crate) fn find_in_sentence(
    text: &str,
    tokens: &[Token],
    gaz: &Gazetteer,
    table: &mut ActorTable,
) -> (Vec<Mention>, Vec<Place>) {
    let mut mentions = Vec::new();
    let mut places = Vec::new();
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        // Descriptions: "the Turkish president", "his Russian counterpart(, Name)".
        if let Some((m, next)) = description(text, tokens, i, gaz, table) {
            mentions.push(m);
            i = next;
            continue;
        }
        let tok = &tokens[i];
        if !is_cap(tok, text) {
            // Pronoun subjects are resolved by the event stage.
            i += 1;
            continue;
        }
        // A gazetteer phrase here?
        // A city name that starts a longer capitalised name is part of that name
        // ("Vladimir Putin", "Florence Nightingale"), not a place.
        let found = longest_entry(tokens, i, gaz);
        let entry = found.filter(|(e, end)| {
            !(e.role == EntryRole::City
                && *end < n
                && is_cap(&tokens[*end], text)
                && longest_entry(tokens, *end, gaz).is_none())
        });
        // ("the New York Times": the run below keeps "New", which alone is not a name.)
        let city_led = found.is_some() && entry.is_none();
        if let Some((entry, end)) = entry {
            // An affiliation before a title: "Turkish President ...", "NATO Secretary General ...".
            let mut j = end;
            if j < n && tokens[j].norm == "'s" {
                j += 1;
            }
            if let Some((person, next)) = titled_person(text, tokens, j, Some(entry), i, table) {
                mentions.push(person);
                i = next;
                continue;
            }
            let prev = if i > 0 { tokens[i - 1].norm.as_str() } else { "" };
            let prev2 = if i > 1 { tokens[i - 2].norm.as_str() } else { "" };
            let hyphenated = prev == "-" || (end < n && tokens[end].norm == "-");
            let after_place_prep = PREPOSITIONS_OF_PLACE.contains(&prev)
                || (prev == "the" && PREPOSITIONS_OF_PLACE.contains(&prev2));
            let span = Span::new(tokens[i].span.start, tokens[end - 1].span.end);
            match entry.role {
                EntryRole::City => {
                    places.push(Place {
                        span,
                        tokens: (i, end),
                        name: entry.canonical.clone(),
                        country: entry.country.clone(),
                    });
                }
                EntryRole::Capital | EntryRole::Country if after_place_prep => {
                    places.push(Place {
                        span,
                        tokens: (i, end),
                        name: span.slice(text).to_string(),
                        country: entry.country.clone(),
                    });
                }
                _ if hyphenated => {}
                EntryRole::Demonym
                    if end < n
                        && is_cap(&tokens[end], text)
                        && !NOT_NAMES.contains(&tokens[end].norm.as_str())
                        && !ROLE_HEADS.contains(&tokens[end].norm.as_str())
                        && !TITLE_WORDS.contains(&tokens[end].norm.as_str())
                        && longest_entry(tokens, end, gaz).is_none() =>
                {
                    // "British Airways", "Russian Railways", "the Russian Defence Ministry":
                    // a demonym never starts a person's name (a title after it was tried
                    // above); with the capitalised words after it, it names a body of
                    // that country.
                    let stop = cap_run(text, tokens, end).1.max(end + 1);
                    let span = Span::new(tokens[i].span.start, tokens[stop - 1].span.end);
                    let name = span.slice(text);
                    let actor = Actor {
                        name: name.to_string(),
                        kind: ActorKind::Organization,
                        country: entry.country.clone(),
                    };
                    let idx = table.intern(actor, name, None);
                    mentions.push(Mention { span, tokens: (i, stop), actor: idx, anaphoric: false });
                    i = stop;
                    continue;
                }
                EntryRole::Demonym
                    if end < n
                        && !is_cap(&tokens[end], text)
                        && (ROLE_HEADS.contains(&tokens[end].norm.as_str())
                            && i > 0
                            && matches!(tokens[i - 1].norm.as_str(), "a" | "an" | "one" | "another")
                            || DEMONYM_GROUPS.contains(&tokens[end].norm.as_str())) =>
                {
                    // "a Ukrainian negotiator": an unnamed person of that country;
                    // "the Russian delegation", "Ukrainian troops": a group of it.
                    let noun = tokens[end].norm.as_str();
                    let kind = if ROLE_HEADS.contains(&noun) {
                        ActorKind::Person
                    } else if matches!(noun, "ministry" | "government" | "army" | "navy" | "military") {
                        ActorKind::Organization
                    } else {
                        ActorKind::Group
                    };
                    let span = Span::new(tokens[i].span.start, tokens[end].span.end);
                    let name = span.slice(text);
                    let actor = Actor { name: name.to_string(), kind, country: entry.country.clone() };
                    let idx =
                        table.intern(actor, name, if kind == ActorKind::Person { Some(noun) } else { None });
                    mentions.push(Mention { span, tokens: (i, end + 1), actor: idx, anaphoric: false });
                    i = end + 1;
                    continue;
                }
                _ => {
                    let actor = entry_actor(entry);
                    let idx = table.intern(actor, span.slice(text), None);
                    mentions.push(Mention { span, tokens: (i, end), actor: idx, anaphoric: false });
                }
            }
            i = end;
            continue;
        }
        // A title then a name: "President Recep Tayyip Erdoğan", "Foreign Minister Hakan Fidan".
        if let Some((person, next)) = titled_person(text, tokens, i, None, i, table) {
            mentions.push(person);
            i = next;
            continue;
        }
        // A run of capitalised words.
        let (start, end) =
            if city_led { (i, cap_run(text, tokens, i + 1).1.max(i + 1)) } else { cap_run(text, tokens, i) };
        if end == start {
            i += 1;
            continue;
        }
        if start > i {
            // A sentence-initial function word was skipped ("While Ankara has ..."): look
            // again from the name itself, so the gazetteer and titles see it; or from a
            // skipped word that starts a gazetteer name ("The New York Times").
            i = (i + 1..start).find(|&j| longest_entry(tokens, j, gaz).is_some()).unwrap_or(start);
            continue;
        }
        // An unknown affiliation before a title: "Arnorian President Ilse Vantrow".
        if let Some(p) = (start + 1..end).find(|&p| ROLE_HEADS.contains(&tokens[p].norm.as_str())) {
            let p = (start + 1..p).find(|&q| TITLE_WORDS.contains(&tokens[q].norm.as_str())).unwrap_or(p);
            if let Some((person, next)) = titled_person(text, tokens, p, None, start, table) {
                mentions.push(person);
                i = next;
                continue;
            }
        }
        let words: Vec<&str> = tokens[start..end].iter().map(|t| t.norm.as_str()).collect();
        let last = *words.last().unwrap_or(&"");
        let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
        let surface = span.slice(text);
        // Words in capitals, two or more ("LIVE SPORTS EXTRA", "BREAKING NEWS"): a
        // heading or page furniture, not a name (acronyms alone are the gazetteer's).
        let shouted = tokens[start..end]
            .iter()
            .filter(|t| {
                let w = t.span.slice(text);
                w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase())
            })
            .count();
        if shouted >= 2 {
            i = end;
            continue;
        }
        // "the" before capitalised words names a title, a band, a programme or an
        // institution ("the Love Song", "the Black Eyed Peas"), not a person.
        let after_the = start > 0 && tokens[start - 1].norm == "the";
        let next_is_verb = end < n && is_reporting_or_contact_verb(&tokens[end].norm);
        // An unknown name as a clause's subject: before an auxiliary, a verb of the
        // verb dictionary or an agent noun ("Arnor is about to ...", "Gondor accused ...",
        // "Arnor government ...").
        let subject_like = end < n
            && (next_is_verb || super::events::starts_predicate(tokens, end, table.lex.verbs))
            && !super::events::is_common_word(tokens, start, table.lex.verbs);
        if ORG_WORDS.contains(&last) || words.contains(&"coalition") {
            let kind =
                if words.contains(&"coalition") || last == "group" || last == "front" || last == "movement" {
                    ActorKind::Group
                } else {
                    ActorKind::Organization
                };
            let name = strip_the(surface);
            // A short form of a group named before: "the Coalition" after "the
            // Coalition of the Willing".
            let prefix = format!("{} ", fold(name));
            let earlier = table.actors.iter().position(|a| {
                matches!(a.actor.kind, ActorKind::Group | ActorKind::Organization)
                    && fold(&a.actor.name).starts_with(&prefix)
            });
            let idx = match earlier {
                Some(idx) => idx,
                None => table.intern(Actor { name: name.to_string(), kind, country: None }, surface, None),
            };
            mentions.push(Mention { span, tokens: (start, end), actor: idx, anaphoric: false });
        } else if THING_WORDS.contains(&last) || words.iter().any(|w| w.len() < 2) {
            // Not an actor.
        } else if after_the && end - start >= 2 {
            if subject_like {
                let name = surface.to_string();
                let idx = table.intern(Actor { name, kind: ActorKind::Group, country: None }, surface, None);
                mentions.push(Mention { span, tokens: (start, end), actor: idx, anaphoric: false });
            }
        } else if end - start >= 2
            && tokens[start..end].iter().any(|t| {
                let w = t.span.slice(text);
                w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase())
            })
        {
            // An acronym in it ("NHS Direct", "CNN International"): a body, not a person.
            let idx = table.intern(
                Actor { name: surface.to_string(), kind: ActorKind::Organization, country: None },
                surface,
                None,
            );
            mentions.push(Mention { span, tokens: (start, end), actor: idx, anaphoric: false });
        } else if end - start >= 2 && end - start <= 4 && words.iter().all(|w| !TITLE_WORDS.contains(w)) {
            let idx = match table.person_by_surname(last) {
                Some(idx) if fold(&table.actors[idx].actor.name).ends_with(&fold(surface)) => idx,
                _ => table.intern(known_person(surface, None, table.lex.people), surface, None),
            };
            mentions.push(Mention { span, tokens: (start, end), actor: idx, anaphoric: false });
        } else if end - start == 1 {
            if let Some(idx) = table.person_by_surname(last) {
                mentions.push(Mention { span, tokens: (start, end), actor: idx, anaphoric: false });
            } else if let Some(idx) = known_surname(surface, table) {
                mentions.push(Mention { span, tokens: (start, end), actor: idx, anaphoric: false });
            } else if end < n
                && GROUP_NOUNS.contains(&tokens[end].norm.as_str())
                && !is_cap(&tokens[end], text)
            {
                // An unknown adjective before a collective noun: a group, not a person
                // ("European leaders", "Arnorian officials").
                let span = Span::new(tokens[start].span.start, tokens[end].span.end);
                let name = span.slice(text);
                let kind = if matches!(tokens[end].norm.as_str(), "government" | "authorities" | "ministry") {
                    ActorKind::Organization
                } else {
                    ActorKind::Group
                };
                let idx = table.intern(Actor { name: name.to_string(), kind, country: None }, name, None);
                mentions.push(Mention { span, tokens: (start, end + 1), actor: idx, anaphoric: false });
                i = end + 1;
                continue;
            } else if subject_like && !(start == 0 && is_plural_common_noun(last)) {
                let idx = table.intern(
                    Actor { name: surface.to_string(), kind: ActorKind::Person, country: None },
                    surface,
                    None,
                );
                mentions.push(Mention { span, tokens: (start, end), actor: idx, anaphoric: false });
            }
        }
        i = end.max(i + 1);
    }
    (mentions, places)
}

/// Whether a word opening a sentence reads as a plural of people by what they do
/// ("Listeners", "Protesters", "Investigators", "Residents"): capitalised by its place,
/// not a name (a surname the article gave in full was matched before this).
fn is_plural_common_noun(w: &str) -> bool {
    w.chars().count() >= 8 && ["ers", "ors", "ists", "ians", "ents", "ants"].iter().any(|s| w.ends_with(s))
}

/// A surname alone that the table of known people knows ("Lavrov"): the person, added
/// to the article's actors under the full name.
fn known_surname(surface: &str, table: &mut ActorTable) -> Option<usize> {
    if !table.lex.people {
        return None;
    }
    let p = People::builtin().lookup(surface)?;
    let actor =
        Actor { name: p.name.to_string(), kind: ActorKind::Person, country: Some(p.country.to_string()) };
    Some(table.intern(actor, surface, None))
}

fn strip_the(s: &str) -> &str {
    s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s)
}

/// The actor an entry stands for: a country for names, demonyms, capitals and seats.
fn entry_actor(entry: &Entry) -> Actor {
    Actor { name: entry.canonical.clone(), kind: entry.kind, country: entry.country.clone() }
}

/// The longest gazetteer entry starting at token `i` (skipping nothing), preferring
/// countries and organisations over cities for the same phrase.
fn longest_entry<'g>(tokens: &[Token], i: usize, gaz: &'g Gazetteer) -> Option<(&'g Entry, usize)> {
    let max = gaz.max_words().max(1);
    let mut key = String::new();
    let mut best = None;
    for end in i + 1..=(i + max).min(tokens.len()) {
        let t = &tokens[end - 1];
        if t.kind == TokenKind::Punct && t.norm != "-" && t.norm != "'" && t.norm != "." {
            break;
        }
        if end > i + 1 {
            key.push(' ');
        }
        key.push_str(&t.norm);
        let mut entries: Vec<&Entry> = gaz.lookup(&key).collect();
        entries.sort_by_key(|e| match e.role {
            EntryRole::Country => 0,
            EntryRole::Organization => 1,
            EntryRole::Seat => 2,
            EntryRole::Capital => 3,
            EntryRole::Demonym => 4,
            EntryRole::City => 5,
        });
        if let Some(e) = entries.first() {
            best = Some((*e, end));
        }
    }
    best
}

/// Title words from `i` then a capitalised name: a person, with the country or
/// organisation `affiliation` (the mention that came before) and the title as role.
/// `mention_start` is where the whole mention starts (the affiliation, if any).
fn titled_person(
    text: &str,
    tokens: &[Token],
    i: usize,
    affiliation: Option<&Entry>,
    mention_start: usize,
    table: &mut ActorTable,
) -> Option<(Mention, usize)> {
    let n = tokens.len();
    let mut j = i;
    let mut has_head = false;
    // Title words are capitalised; after an affiliation a lower-case role works too
    // ("Russian leader Vladimir Putin").
    while j < n
        && tokens[j].kind == TokenKind::Word
        && TITLE_WORDS.contains(&tokens[j].norm.as_str())
        && (is_cap(&tokens[j], text) || affiliation.is_some())
    {
        has_head |= ROLE_HEADS.contains(&tokens[j].norm.as_str());
        j += 1;
        // "Secretary of State", "Head of Communications", "Minister of Foreign Affairs":
        // the complement is one capitalised word, or several role and portfolio words.
        if j + 1 < n && tokens[j].norm == "of" && is_cap(&tokens[j + 1], text) {
            let mut k = j + 2;
            while k < n
                && is_cap(&tokens[k], text)
                && (k + 1 < n && is_cap(&tokens[k + 1], text))
                && (TITLE_WORDS.contains(&tokens[k].norm.as_str())
                    || PORTFOLIO_WORDS.contains(&tokens[k].norm.as_str()))
            {
                k += 1;
            }
            j = k;
        }
    }
    if !has_head || j == i {
        return None;
    }
    let role = Span::new(tokens[i].span.start, tokens[j - 1].span.end).slice(text).to_string();
    // Optional comma: "his Russian counterpart, Vladimir Putin".
    let mut k = j;
    if k < n && tokens[k].norm == "," {
        k += 1;
    }
    let (ns, ne) = name_run(text, tokens, k);
    if ne == ns {
        return None;
    }
    let name_span = Span::new(tokens[ns].span.start, tokens[ne - 1].span.end);
    let name = name_span.slice(text);
    let country = affiliation.and_then(|e| e.country.clone());
    let surname = &tokens[ne - 1].norm;
    let idx = match table.person_by_surname(surname) {
        Some(idx) if ne - ns == 1 || fold(&table.actors[idx].actor.name) == fold(name) => {
            if table.actors[idx].actor.country.is_none() {
                table.actors[idx].actor.country = country.clone();
            }
            let _ = table.intern(table.actors[idx].actor.clone(), name, Some(&role));
            idx
        }
        _ => table.intern(known_person(name, country, table.lex.people), name, Some(&role)),
    };
    let span = Span::new(tokens[mention_start].span.start, name_span.end);
    Some((Mention { span, tokens: (mention_start, ne), actor: idx, anaphoric: false }, ne))
}

/// A person's name from `i`: one to four capitalised words (with particles such as
/// "bin", "al", "de", "van"), none a title, month or function word.
fn name_run(text: &str, tokens: &[Token], i: usize) -> (usize, usize) {
    const PARTICLES: &[&str] = &[
        "bin", "al", "de", "van", "von", "der", "da", "di", "la", "le", "du", "ibn", "abu", "el", "del",
        "dos", "das",
    ];
    let n = tokens.len();
    let mut j = i;
    while j < n && j - i < 5 {
        let t = &tokens[j];
        let ok_word = is_cap(t, text)
            && !NOT_NAMES.contains(&t.norm.as_str())
            && !TITLE_WORDS.contains(&t.norm.as_str())
            && t.norm.chars().all(|c| c.is_alphabetic() || c == '-');
        if ok_word {
            j += 1;
            // Hyphenated names: "Jean-Noel".
            if j + 1 < n
                && tokens[j].norm == "-"
                && is_cap(&tokens[j + 1], text)
                && tokens[j].span.start == tokens[j - 1].span.end
            {
                j += 2;
            }
            continue;
        }
        if j > i && j + 1 < n && PARTICLES.contains(&t.norm.as_str()) && is_cap(&tokens[j + 1], text) {
            j += 1;
            continue;
        }
        break;
    }
    (i, j)
}

/// A run of capitalised words from `i` (allowing "of", "the", "and" inside a phrase such
/// as "Coalition of the Willing"), skipping a sentence-initial function word.
fn cap_run(text: &str, tokens: &[Token], i: usize) -> (usize, usize) {
    let n = tokens.len();
    let mut start = i;
    while start < n && is_cap(&tokens[start], text) && NOT_NAMES.contains(&tokens[start].norm.as_str()) {
        start += 1;
    }
    // A sentence-initial participle or adverb is capitalised only by position
    // ("Underlining Turkey's readiness", "Separately, …").
    if start == 0 && start + 1 < n {
        let w = tokens[start].norm.as_str();
        if w.len() > 5 && (w.ends_with("ing") || w.ends_with("ly")) {
            start += 1;
        }
    }
    if start >= n || !is_cap(&tokens[start], text) {
        return (i, i);
    }
    let mut j = start;
    while j < n {
        if is_cap(&tokens[j], text) && !NOT_NAMES.contains(&tokens[j].norm.as_str()) {
            j += 1;
            continue;
        }
        // "of the" / "of" inside a phrase followed by more capitals.
        if j > start && tokens[j].norm == "of" {
            let mut k = j + 1;
            if k < n && tokens[k].norm == "the" {
                k += 1;
            }
            if k < n && is_cap(&tokens[k], text) && !NOT_NAMES.contains(&tokens[k].norm.as_str()) {
                j = k;
                continue;
            }
        }
        break;
    }
    (start, j)
}

/// "the Turkish president", "his Russian counterpart[, Name]", "the Kremlin leader":
/// a determiner, a country word, a role word; resolved to the article's person.
fn description(
    text: &str,
    tokens: &[Token],
    i: usize,
    gaz: &Gazetteer,
    table: &mut ActorTable,
) -> Option<(Mention, usize)> {
    let det = tokens[i].norm.as_str();
    if !matches!(det, "the" | "his" | "her" | "their" | "its") {
        return None;
    }
    // "The president said": the article's one person holding that role.
    if det == "the" {
        if let Some(role_tok) = tokens.get(i + 1) {
            let role = role_tok.norm.as_str();
            let next = tokens.get(i + 2);
            let titled = next.is_some_and(|t| t.norm == "of" || t.norm == "'s" || is_cap(t, text));
            if matches!(role, "president" | "minister" | "chancellor" | "premier" | "king" | "queen")
                && !is_cap(role_tok, text)
                && !titled
            {
                let holders: Vec<usize> = (0..table.actors.len())
                    .filter(|&k| {
                        table.actors[k].actor.kind == ActorKind::Person
                            && table.actors[k].roles.iter().any(|r| r.split(' ').any(|w| w == role))
                    })
                    .collect();
                if let [idx] = holders[..] {
                    let span = Span::new(tokens[i].span.start, role_tok.span.end);
                    return Some((Mention { span, tokens: (i, i + 2), actor: idx, anaphoric: true }, i + 2));
                }
            }
        }
    }
    let (entry, end) = longest_entry(tokens, i + 1, gaz)?;
    if !matches!(entry.role, EntryRole::Demonym | EntryRole::Country | EntryRole::Seat) {
        return None;
    }
    let role_tok = tokens.get(end)?;
    let role = role_tok.norm.as_str();
    if !ROLE_HEADS.contains(&role) || is_cap(role_tok, text) {
        return None;
    }
    let country = entry.country.clone();
    // An apposition names the person: "his Russian counterpart, Vladimir Putin".
    if end + 2 < tokens.len() && tokens[end + 1].norm == "," {
        let (ns, ne) = name_run(text, tokens, end + 2);
        if ne > ns {
            let name_span = Span::new(tokens[ns].span.start, tokens[ne - 1].span.end);
            let name = name_span.slice(text);
            let surname = &tokens[ne - 1].norm;
            let idx = match table.person_by_surname(surname) {
                Some(idx) => idx,
                None => table.intern(known_person(name, country.clone(), table.lex.people), name, None),
            };
            if table.actors[idx].actor.country.is_none() {
                table.actors[idx].actor.country = country;
            }
            let span = Span::new(tokens[i].span.start, name_span.end);
            return Some((Mention { span, tokens: (i, ne), actor: idx, anaphoric: false }, ne));
        }
    }
    let role_key = if role == "counterpart" || role == "leader" { "" } else { role };
    let idx = table.person_by_role(country.as_deref(), role_key)?;
    let span = Span::new(tokens[i].span.start, role_tok.span.end);
    Some((Mention { span, tokens: (i, end + 1), actor: idx, anaphoric: true }, end + 1))
}

/// Verbs after which a lone capitalised word is taken for a person ("Zelensky said").
pub(crate) fn is_reporting_or_contact_verb(norm: &str) -> bool {
    matches!(
        norm,
        "said"
            | "says"
            | "told"
            | "tells"
            | "stated"
            | "added"
            | "noted"
            | "stressed"
            | "warned"
            | "urged"
            | "called"
            | "met"
            | "spoke"
            | "visited"
            | "hosted"
            | "received"
            | "accused"
            | "praised"
            | "announced"
            | "insisted"
            | "wrote"
            | "thanked"
            | "emphasized"
            | "emphasised"
            | "underlined"
            | "said,"
            | "asked"
            | "hailed"
            | "criticized"
            | "criticised"
            | "rejected"
            | "denied"
            | "agreed"
            | "discussed"
            | "signed"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::tokenize;

    fn actors_of(text: &str) -> Vec<(String, ActorKind, Option<String>)> {
        let gaz = Gazetteer::builtin();
        let mut table = ActorTable::default();
        let toks = tokenize(text, Span::new(0, text.len()));
        let (mentions, _) = find_in_sentence(text, &toks, gaz, &mut table);
        mentions
            .iter()
            .map(|m| {
                let a = &table.actors[m.actor].actor;
                (a.name.clone(), a.kind, a.country.clone())
            })
            .collect()
    }

    #[test]
    fn titled_people_with_countries() {
        let got = actors_of("Turkish President Recep Tayyip Erdoğan met NATO Secretary General Mark Rutte.");
        assert_eq!(got[0], ("Recep Tayyip Erdoğan".into(), ActorKind::Person, Some("TUR".into())));
        assert_eq!(got[1].0, "Mark Rutte");
        assert_eq!(got[1].1, ActorKind::Person);
    }

    #[test]
    fn headings_titles_of_works_and_the_media_are_not_people() {
        let kinds = |t: &str| actors_of(t).into_iter().map(|(n, k, _)| (n, k)).collect::<Vec<_>>();
        assert_eq!(
            kinds("Doctor Conrad Murray has denied it."),
            vec![("Conrad Murray".into(), ActorKind::Person)]
        );
        assert_eq!(kinds("LIVE SPORTS EXTRA Listeners can hear it."), vec![]);
        assert_eq!(kinds("Listeners can also hear the Love Song and the Album Of The Week."), vec![]);
        assert_eq!(
            kinds("The Black Eyed Peas have paid tribute."),
            vec![("Black Eyed Peas".into(), ActorKind::Group)]
        );
        assert_eq!(kinds("BBC Radio has said so."), vec![("BBC Radio".into(), ActorKind::Organization)]);
    }

    #[test]
    fn names_led_by_a_demonym_a_city_or_an_acronym_are_bodies_kept_whole() {
        let of = |t: &str| actors_of(t);
        // Not "Airways", a person; not "York Times"; not "Direct", a person.
        assert_eq!(
            of("British Airways said it would continue flights."),
            vec![("British Airways".into(), ActorKind::Organization, Some("GBR".into()))]
        );
        assert_eq!(
            of("Later, The New York Times warned readers."),
            vec![("New York Times".into(), ActorKind::Organization, None)]
        );
        assert_eq!(
            of("NHS Direct said it would release details."),
            vec![("NHS Direct".into(), ActorKind::Organization, None)]
        );
        // A demonym before a title is still a person's country, and before a role alone
        // not a body's name.
        assert!(of("The Turkish President also stated it.").iter().all(|a| a.1 != ActorKind::Organization));
        assert_eq!(
            of("Russian President Vladimir Putin spoke."),
            vec![("Vladimir Putin".into(), ActorKind::Person, Some("RUS".into()))]
        );
    }

    #[test]
    fn unknown_names_still_become_actors() {
        let got = actors_of("Prime Minister Telemar Brandybuck met Foreign Minister Ilse Vantrow.");
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, vec!["Telemar Brandybuck", "Ilse Vantrow"]);
    }

    #[test]
    fn groups_from_capitalised_phrases() {
        let got = actors_of("Officials joined a meeting of the Coalition of the Willing.");
        assert_eq!(got, vec![("Coalition of the Willing".into(), ActorKind::Group, None)]);
    }

    #[test]
    fn a_city_name_that_starts_a_person_name_is_not_a_place() {
        let text = "Ankara is ready to host both leaders, Vladimir Putin and Volodymyr Zelensky.";
        let gaz = Gazetteer::builtin();
        let mut table = ActorTable::default();
        let toks = tokenize(text, Span::new(0, text.len()));
        let (_, places) = find_in_sentence(text, &toks, gaz, &mut table);
        assert!(places.iter().all(|p| p.name != "Vladimir"), "{places:?}");
    }
}
