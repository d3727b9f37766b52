//! Actors in a sentence of an article in French, German, Spanish, Portuguese, Turkish,
//! Russian or Ukrainian, where the English rules (titles, "the", agent nouns) do not
//! apply: gazetteer names, and runs of capitalised words checked against the table of
//! known people, in any script (names fold across scripts: Путин = Putin) and, in
//! Russian and Ukrainian, with their case endings taken off (Эрдоганом = Erdoğan).
//! An unknown run is a person when it could be a name: two words or more, or in a
//! language that does not capitalise its nouns one word not opening the sentence.

use super::people::People;
use super::{entry_actor, is_cap, known_person, longest_entry, ActorTable, Mention};
use crate::analysis::gazetteer::{EntryRole, Gazetteer};
use crate::analysis::model::{Actor, ActorKind};
use crate::analysis::text::Token;
use crate::analysis::{lang, Span};

/// Case endings of Russian and Ukrainian nouns, longest first: a surname declined
/// ("Путина", "Эрдоганом", "Зеленським") is looked up without them.
const SLAVIC_ENDINGS: &[&str] = &[
    "ого", "ому", "ими", "ом", "ем", "ым", "им", "ою", "ой", "ей", "ів", "а", "у", "е", "ю", "я", "ы", "і",
    "и",
];

/// Finds the actors of one sentence (see the module's comment) in an article in
/// language `code`.
pub(crate) fn find_in_foreign_sentence(
    text: &str,
    tokens: &[Token],
    gaz: &Gazetteer,
    table: &mut ActorTable,
    code: &str,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        if !is_cap(&tokens[i], text) {
            i += 1;
            continue;
        }
        // The run of capitalised words from here: a title, a country and a name can be
        // one ("Rusya Devlet Başkanı Vladimir Putin"), and a city can start a name
        // ("Vladimir").
        let mut end = i;
        while end < n && is_cap(&tokens[end], text) {
            end += 1;
        }
        // A capitalised common word opening the sentence ("Le", "Der", "В", "Bu").
        let start = if i == 0 && lang::is_common_word(code, &tokens[0].span.slice(text).to_lowercase()) {
            i + 1
        } else {
            i
        };
        if start < end {
            if let Some(m) = known(text, tokens, start, end, code, table) {
                out.push(m);
                i = end;
                continue;
            }
        }
        if let Some((entry, stop)) = longest_entry(tokens, i, gaz) {
            if !matches!(entry.role, EntryRole::City) {
                let span = Span::new(tokens[i].span.start, tokens[stop - 1].span.end);
                let idx = table.intern(entry_actor(entry), span.slice(text), None);
                out.push(Mention { span, tokens: (i, stop), actor: idx, anaphoric: false });
            }
            i = stop;
            continue;
        }
        if start < end {
            if let Some(m) = unknown(text, tokens, start, end, code, table) {
                out.push(m);
            }
        }
        i = end;
    }
    out
}

/// The person a run of capitalised words names: the longest tail of the run that the
/// table of known people has, declined or not.
fn known(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
    code: &str,
    table: &mut ActorTable,
) -> Option<Mention> {
    let people = People::builtin();
    let slavic = matches!(code, "ru" | "uk");
    for from in start..end {
        let span = Span::new(tokens[from].span.start, tokens[end - 1].span.end);
        let written = span.slice(text);
        let mut candidates = vec![written.to_string()];
        if slavic {
            for ending in SLAVIC_ENDINGS {
                if let Some(stem) = written.strip_suffix(ending).filter(|s| s.chars().count() >= 3) {
                    candidates.push(stem.to_string());
                }
            }
        }
        if let Some((name, known)) = candidates.iter().find_map(|c| people.lookup(c).map(|p| (c, p))) {
            // A name in another script is shown as the table of people writes it
            // ("Володимир Зеленський" is Volodymyr Zelensky).
            let latin = written
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c));
            let actor = if latin {
                known_person(name, None, true)
            } else {
                Actor {
                    name: known.name.to_string(),
                    kind: ActorKind::Person,
                    country: Some(known.country.to_string()),
                }
            };
            let idx = table.intern(actor, written, None);
            return Some(Mention { span, tokens: (from, end), actor: idx, anaphoric: false });
        }
    }
    None
}

/// A run of capitalised words no table knows, as a person if it could be a name.
fn unknown(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
    code: &str,
    table: &mut ActorTable,
) -> Option<Mention> {
    let words = end - start;
    let opens = start == 0;
    let could_be_name = words >= 2 || (code != "de" && !opens);
    if !could_be_name || tokens[start..end].iter().any(|t| t.norm.chars().count() < 2) {
        return None;
    }
    let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
    let name = span.slice(text);
    let actor = known_person(name, None, false);
    debug_assert_eq!(actor.kind, ActorKind::Person);
    let idx = table.intern(actor, name, None);
    Some(Mention { span, tokens: (start, end), actor: idx, anaphoric: false })
}
