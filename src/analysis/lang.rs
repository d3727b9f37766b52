//! The language of an article, among the eight Dateline reads news in (English,
//! French, German, Spanish, Portuguese, Turkish, Russian, Ukrainian): by script, then
//! by how many of its words are each language's common function words, then by the
//! letters each uses apart. What each language is made of is data
//! (`data/languages.tsv`); this is the engine.
//!
//! # Example
//!
//! ```
//! use dateline::analysis::lang;
//!
//! let found = lang::detect("Le président a rencontré son homologue turc lundi à Ankara pour des discussions sur la guerre.").unwrap();
//! assert_eq!(found.code, "fr");
//! assert_eq!(lang::name("fr"), Some("French"));
//! assert_eq!(lang::detect("Путин провёл телефонный разговор с Эрдоганом в понедельник, сообщили в Кремле.").unwrap().code, "ru");
//! assert_eq!(lang::detect("Зеленський провів у понеділок телефонну розмову з Ердоганом, повідомили в Офісі президента.").unwrap().code, "uk");
//! assert!(lang::detect("12:30").is_none());
//! ```

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

const TABLE: &str = include_str!("data/languages.tsv");

/// A language found, with the evidence in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detected {
    /// ISO 639-1.
    pub code: &'static str,
    /// Why, in plain words: "38 of 212 words are common French words".
    pub reason: String,
}

struct Language {
    code: &'static str,
    name: &'static str,
    cyrillic: bool,
    letters: Vec<char>,
    /// Endings of words of five letters or more that mostly belong to this language
    /// ("-ção", "-ou" in Portuguese; "-ción", "-ó" in Spanish).
    endings: Vec<&'static str>,
}

struct Table {
    languages: Vec<Language>,
    /// Each common word's languages (indexes into `languages`).
    words: FxHashMap<&'static str, Vec<usize>>,
}

fn table() -> &'static Table {
    static TABLE_CELL: OnceLock<Table> = OnceLock::new();
    TABLE_CELL.get_or_init(|| {
        let mut languages = Vec::new();
        let mut words: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
        for line in TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let cols: Vec<&'static str> = line.split('\t').collect();
            let (code, name, script, letters, list, endings) = match cols[..] {
                [code, name, script, letters, list] => (code, name, script, letters, list, ""),
                [code, name, script, letters, list, endings] => (code, name, script, letters, list, endings),
                _ => continue,
            };
            let i = languages.len();
            languages.push(Language {
                code,
                name,
                cyrillic: script == "cyrillic",
                letters: letters.chars().collect(),
                endings: endings.split_whitespace().collect(),
            });
            for w in list.split_whitespace() {
                let langs = words.entry(w).or_default();
                if !langs.contains(&i) {
                    langs.push(i);
                }
            }
        }
        Table { languages, words }
    })
}

/// The English name of a language code the detector knows ("fr" → "French").
pub fn name(code: &str) -> Option<&'static str> {
    table().languages.iter().find(|l| l.code == code).map(|l| l.name)
}

/// Whether `word` (lower-case) is one of language `code`'s common function words.
pub fn is_common_word(code: &str, word: &str) -> bool {
    let t = table();
    t.words.get(word).is_some_and(|langs| langs.iter().any(|&i| t.languages[i].code == code))
}

/// The codes the detector knows, in the table's order.
pub fn codes() -> impl Iterator<Item = &'static str> {
    table().languages.iter().map(|l| l.code)
}

/// The fewest common words a text must have for a language to be named.
const MIN_HITS: usize = 3;

/// The language of `text`, or None when it is too short or has too few of any
/// language's common words (or is in another language). Reads at most the first
/// 20,000 bytes: enough, and the cost stays flat for long articles.
pub fn detect(text: &str) -> Option<Detected> {
    let t = table();
    let head = &text[..floor_char_boundary(text, 20_000)];
    let mut cyrillic = 0usize;
    let mut latin = 0usize;
    for c in head.chars().filter(|c| c.is_alphabetic()) {
        if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyrillic += 1;
        } else if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            latin += 1;
        }
    }
    if cyrillic + latin == 0 {
        return None;
    }
    let want_cyrillic = cyrillic > latin;
    let mut hits = vec![0usize; t.languages.len()];
    let mut marks = vec![0usize; t.languages.len()];
    let mut total = 0usize;
    // Words are runs of letters and digits; those with digits are no language's.
    for word in head
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().any(|c| c.is_numeric()))
    {
        total += 1;
        let lower = word.to_lowercase();
        if let Some(langs) = t.words.get(lower.as_str()) {
            for &i in langs {
                hits[i] += 1;
            }
        }
        if lower.chars().count() >= 5 {
            for (i, l) in t.languages.iter().enumerate() {
                if l.endings.iter().any(|e| lower.ends_with(e)) {
                    marks[i] += 1;
                }
            }
        }
        for c in lower.chars().filter(|c| !c.is_ascii()) {
            for (i, l) in t.languages.iter().enumerate() {
                if l.letters.contains(&c) {
                    marks[i] += 1;
                }
            }
        }
    }
    // Words count first; a language's own letters and endings break near ties (Spanish and
    // Portuguese share many words; Russian and Ukrainian some).
    let score = |i: usize| hits[i] as f64 + 0.25 * (marks[i] as f64).min(hits[i] as f64 + 4.0);
    // The best score; a tie goes to the language first in the table (English first).
    let best = (0..t.languages.len()).filter(|&i| t.languages[i].cyrillic == want_cyrillic).fold(
        None,
        |best: Option<usize>, i| match best {
            Some(b) if score(b) >= score(i) => Some(b),
            _ => Some(i),
        },
    )?;
    let l = &t.languages[best];
    // Enough common words; or, in a short text (one sentence of news), a common word
    // and letters of this language; or Cyrillic, which is Russian or Ukrainian.
    let short = (hits[best] >= 1 && marks[best] >= 2 && marks[best] >= hits[best]) || marks[best] >= 4;
    let cyrillic_text = want_cyrillic && cyrillic >= 20;
    // Two common words of one language and none of another's.
    let alone = hits[best] >= 2 && hits.iter().enumerate().all(|(i, &h)| i == best || h == 0);
    let few = hits[best] * 50 < total && !(marks[best] >= 4 && total < 40);
    if !(hits[best] >= MIN_HITS || short || cyrillic_text || alone) || few {
        return None;
    }
    Some(Detected {
        code: l.code,
        reason: format!("{} of {} words are common {} words", hits[best], total, l.name),
    })
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// News sentences we wrote in each language (none translated from the samples).
    const CASES: &[(&str, &str)] = &[
        ("en", "The foreign minister said on Tuesday that talks with the delegation would resume next week in Geneva."),
        ("fr", "Le ministre des Affaires étrangères a déclaré mardi que les négociations reprendraient la semaine prochaine à Genève."),
        ("de", "Der Außenminister sagte am Dienstag, dass die Gespräche mit der Delegation in der nächsten Woche in Genf fortgesetzt werden."),
        ("es", "El ministro de Asuntos Exteriores dijo el martes que las conversaciones con la delegación se reanudarán la próxima semana en Ginebra."),
        ("pt", "O ministro das Relações Exteriores disse na terça-feira que as conversas com a delegação serão retomadas na próxima semana em Genebra."),
        ("tr", "Dışişleri Bakanı salı günü yaptığı açıklamada, heyetle görüşmelerin gelecek hafta Cenevre'de yeniden başlayacağını söyledi ve bu konuda bir anlaşma olduğunu belirtti."),
        ("ru", "Министр иностранных дел заявил во вторник, что переговоры с делегацией возобновятся на следующей неделе в Женеве, и что это уже согласовано."),
        ("uk", "Міністр закордонних справ заявив у вівторок, що переговори з делегацією відновляться наступного тижня в Женеві, і що це вже погоджено."),
    ];

    #[test]
    fn each_language_is_named_from_a_sentence_of_news() {
        for (code, text) in CASES {
            let found = detect(text).unwrap_or_else(|| panic!("{code}: none"));
            assert_eq!(found.code, *code, "{text}: {}", found.reason);
            assert!(found.reason.contains(name(code).unwrap()), "{}", found.reason);
        }
    }

    #[test]
    fn too_little_text_names_no_language() {
        for text in ["", "12:30", "Erdoğan", "NATO 2025", "—"] {
            assert_eq!(detect(text), None, "{text}");
        }
    }

    #[test]
    fn the_table_has_the_eight_languages() {
        assert_eq!(codes().collect::<Vec<_>>(), ["en", "fr", "de", "es", "pt", "tr", "ru", "uk"]);
    }
}
