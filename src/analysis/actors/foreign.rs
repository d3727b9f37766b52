//! Actors in a sentence of an article in French, German, Spanish, Portuguese, Turkish,
//! Russian or Ukrainian, where the English rules (titles, "the", agent nouns) do not
//! apply: gazetteer names, and runs of capitalised words checked against the table of
//! known people, in any script (names fold across scripts: Путин = Putin) and, in
//! Russian and Ukrainian, with their case endings taken off (Эрдоганом = Erdoğan).
//! Country names, capitals and demonyms come from `data/country_names.tsv`
//! (`scripts/gen_country_names.py`): a capital stands for its country as in English
//! ("Moscou a dénoncé"), and so does a demonym ("son homologue turc", "die russische
//! Regierung"), with its inflected forms from `data/demonym_endings.tsv`, unless a
//! name follows it ("le président russe Vladimir Poutine": the name is the actor). An
//! unknown run is a person when it could be a name: two words or more.

use super::people::People;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::{entry_actor, is_cap, known_person, longest_entry, ActorTable, Mention};
use crate::analysis::gazetteer::{EntryRole, Gazetteer};
use crate::analysis::model::{Actor, ActorKind};
use crate::analysis::text::{tokenize, Token};
use crate::analysis::{lang, Span};

/// Country names, demonyms and capitals in the seven languages
/// (`scripts/gen_country_names.py`): language (`*` for all), ISO 3166-1 alpha-3, kind,
/// names.
fn country_names_table() -> &'static str {
    crate::analysis::pack::file("country_names.tsv")
}

/// How names from Russian and Ukrainian are spelled in French and German.
fn name_spellings() -> &'static str {
    crate::analysis::pack::file("name_spellings.tsv")
}

/// `name` respelled by language `code`'s rules (`data/name_spellings.tsv`), if any
/// applies: "Wladimir Putin" as "vladimir putin", "Poutine" as "putin".
fn respelled(name: &str, code: &str) -> Option<String> {
    let rules = &tables(code)?.spellings;
    if rules.is_empty() {
        return None;
    }
    let words: Vec<String> = name
        .split(' ')
        .map(|w| {
            let mut w = w.to_lowercase();
            for (from, to) in rules.iter() {
                if let Some(f) = from.strip_prefix('^') {
                    if let Some(rest) = w.strip_prefix(f) {
                        w = format!("{to}{rest}");
                    }
                } else if let Some(f) = from.strip_suffix('$') {
                    if let Some(rest) = w.strip_suffix(f).filter(|r| r.chars().count() >= 3) {
                        w = format!("{rest}{to}");
                    }
                } else {
                    w = w.replace(from, to);
                }
            }
            w
        })
        .collect();
    let out = words.join(" ");
    (out != name.to_lowercase()).then_some(out)
}

/// How a demonym's forms end, by language and by how its base form ends.
fn demonym_endings() -> &'static str {
    crate::analysis::pack::file("demonym_endings.tsv")
}

/// One language's country names and capitals, by the first four letters of their
/// first word (folded): (words, alpha-3).
type Names = FxHashMap<String, Vec<(Vec<String>, &'static str)>>;

/// One language's tables.
#[derive(Default)]
struct Tables {
    names: Names,
    /// Every form of every demonym, folded → alpha-3.
    demonyms: FxHashMap<String, &'static str>,
    /// Demonyms count only capitalised (Turkish).
    capital_demonyms: bool,
    /// The language's respelling rules (`data/name_spellings.tsv`): (spelling, English
    /// spelling), in order.
    spellings: Vec<(&'static str, &'static str)>,
}

fn tables(code: &str) -> Option<&'static Tables> {
    static ALL: OnceLock<FxHashMap<&'static str, Tables>> = OnceLock::new();
    if !crate::analysis::pack::ready() {
        return None;
    }
    ALL.get_or_init(|| {
        let mut all: FxHashMap<&'static str, Tables> = FxHashMap::default();
        let rows = || {
            country_names_table().lines().filter(|l| !l.starts_with('#') && !l.is_empty()).filter_map(
                |line| {
                    let cols: Vec<&'static str> = line.split('\t').collect();
                    match cols[..] {
                        [lang, iso3, kind, names] => Some((lang, iso3, kind, names)),
                        _ => None,
                    }
                },
            )
        };
        let languages: Vec<&'static str> =
            rows().map(|(lang, ..)| lang).filter(|l| *l != "*").fold(Vec::new(), |mut v, l| {
                if !v.contains(&l) {
                    v.push(l);
                }
                v
            });
        for (lang, iso3, kind, names) in rows() {
            let langs: &[&'static str] = if lang == "*" { &languages } else { std::slice::from_ref(&lang) };
            for name in names.split('|') {
                let words: Vec<String> =
                    tokenize(name, Span::new(0, name.len())).into_iter().map(|t| t.norm).collect();
                for lang in langs {
                    let t = all.entry(lang).or_default();
                    if kind == "demonym" {
                        for form in demonym_forms(lang, name) {
                            t.demonyms.entry(form).or_insert(iso3);
                        }
                    } else if let Some(first) = words.first() {
                        let key: String = first.chars().take(4).collect();
                        t.names.entry(key).or_default().push((words.clone(), iso3));
                    }
                }
            }
        }
        for (lang, t) in all.iter_mut() {
            t.capital_demonyms = capital_demonyms(lang);
            t.spellings = name_spellings()
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .filter_map(|l| match l.split('\t').collect::<Vec<_>>()[..] {
                    [code, from, to] if code == *lang => Some((from, to)),
                    _ => None,
                })
                .collect();
        }
        all
    })
    .get(code)
}

fn country_names(code: &str) -> Option<&'static Names> {
    tables(code).map(|t| &t.names)
}

/// The forms of demonym `base` in language `lang`, folded as tokens are ("russe",
/// "russes"; "russisch", "russische", "russischen"; "ruso", "rusa", "rusos"): the first
/// row of `data/demonym_endings.tsv` whose ending the base has (`*` for any).
fn demonym_forms(lang: &str, base: &str) -> Vec<String> {
    let base = base.to_lowercase();
    let rule = demonym_endings()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            match cols[..] {
                [code, ending, forms] if code == lang => Some((ending, forms)),
                _ => None,
            }
        })
        .find(|(ending, _)| *ending == "*" || !ending.starts_with('!') && base.ends_with(ending));
    let Some((ending, forms)) = rule else { return Vec::new() };
    let stem = if ending == "*" { &base[..] } else { &base[..base.len() - ending.len()] };
    forms
        .split('|')
        .filter_map(|end| {
            let form = format!("{stem}{end}");
            let toks = tokenize(&form, Span::new(0, form.len()));
            // One word: "Estadounidense", not "de Trinidad y Tobago".
            match &toks[..] {
                [t] => Some(t.norm.clone()),
                _ => None,
            }
        })
        .collect()
}

/// The country a demonym at token `i` stands for, in language `code`.
fn demonym_at(tokens: &[Token], i: usize, text: &str, code: &str) -> Option<&'static str> {
    let t = tables(code)?;
    if t.capital_demonyms && !is_cap(&tokens[i], text) {
        return None;
    }
    t.demonyms.get(tokens[i].norm.as_str()).copied()
}

/// Whether language `lang` writes its demonyms capitalised (a `!capital` row of
/// `data/demonym_endings.tsv`).
fn capital_demonyms(lang: &str) -> bool {
    demonym_endings().lines().any(|l| l.split('\t').take(2).eq([lang, "!capital"]))
}

/// Whether a word of the text is a word of a name: the same, or, in Russian and
/// Ukrainian, the same but for its ending ("России" is "Россия").
fn same_word(text_word: &str, name_word: &str, slavic: bool) -> bool {
    if text_word == name_word {
        return true;
    }
    if !slavic {
        return false;
    }
    let common = text_word.chars().zip(name_word.chars()).take_while(|(a, b)| a == b).count();
    let (t, n) = (text_word.chars().count(), name_word.chars().count());
    common >= 4 && common + 2 >= n && t.abs_diff(n) <= 3
}

/// The country named at token `i` in language `code`: its alpha-3 and one past its
/// last token (the longest name).
fn country_at(tokens: &[Token], i: usize, code: &str) -> Option<(&'static str, usize)> {
    let names = country_names(code)?;
    let key: String = tokens[i].norm.chars().take(4).collect();
    let slavic = matches!(code, "ru" | "uk");
    names
        .get(&key)?
        .iter()
        .filter(|(words, _)| {
            words.len() <= tokens.len() - i
                && words.iter().zip(&tokens[i..]).all(|(w, t)| same_word(&t.norm, w, slavic))
        })
        .max_by_key(|(words, _)| words.len())
        .map(|(words, iso3)| (*iso3, i + words.len()))
}

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
    // Demonyms found, as indices into `out`: dropped below when a name follows.
    let mut demonyms = Vec::new();
    // Countries found at the start of a run, with the run's end.
    let mut countries: Vec<(usize, usize)> = Vec::new();
    while i < n {
        if let Some(iso3) = demonym_at(tokens, i, text, code) {
            // "son homologue turc", "die russische Regierung", "los rusos".
            let span = tokens[i].span;
            let name = gaz.country_name(iso3).unwrap_or(iso3).to_string();
            let actor = Actor { name, kind: ActorKind::Country, country: Some(iso3.to_string()) };
            let idx = table.intern(actor, span.slice(text), None);
            demonyms.push(out.len());
            out.push(Mention { span, tokens: (i, i + 1), actor: idx, anaphoric: false });
            i += 1;
            continue;
        }
        if !is_cap(&tokens[i], text) {
            i += 1;
            continue;
        }
        // The run of capitalised words from here: a title, a country and a name can be
        // one ("Rusya Devlet Başkanı Vladimir Putin"), and a city can start a name
        // ("Vladimir").
        let mut end = i;
        while end < n && (is_cap(&tokens[end], text) || joins_names(tokens, end, text)) {
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
            // A country in the article's language ("la Russie", "России", "Rusya'nın").
            if let Some((iso3, stop)) = country_at(tokens, start, code) {
                if !at_place(tokens, start, stop, code) {
                    let span = Span::new(tokens[start].span.start, tokens[stop - 1].span.end);
                    let name = gaz.country_name(iso3).unwrap_or(iso3).to_string();
                    let actor = Actor { name, kind: ActorKind::Country, country: Some(iso3.to_string()) };
                    let idx = table.intern(actor, span.slice(text), None);
                    // Dropped below if the rest of its run names a person.
                    countries.push((out.len(), end));
                    out.push(Mention { span, tokens: (start, stop), actor: idx, anaphoric: false });
                }
                i = stop;
                continue;
            }
        }
        // A city that opens a longer run starts a name ("Vladimir Poutine").
        if let Some((entry, stop)) =
            longest_entry(tokens, i, gaz).filter(|(e, stop)| !(e.role == EntryRole::City && *stop < end))
        {
            // A capital or a country after a word of place is where, not who ("à Paris").
            if !matches!(entry.role, EntryRole::City) && !at_place(tokens, i, stop, code) {
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
    // "le président russe Vladimir Poutine", "der russische Präsident Wladimir Putin":
    // the name that follows is the actor; the demonym only says where it is from. A
    // name is a person the table knows or one whose first word is a known first name
    // (not "Truppen Angriffe" in "den ukrainischen Truppen Angriffe").
    let people = People::builtin();
    let is_name = |m: &Mention| {
        let first = tokens[m.tokens.0].span.slice(text);
        table.actors[m.actor].actor.kind == ActorKind::Person
            && (people.lookup(m.span.slice(text)).is_some()
                || people.is_given_name(first)
                || respelled(first, code).is_some_and(|r| people.is_given_name(&r)))
    };
    let mut followed: Vec<usize> = demonyms
        .into_iter()
        .filter(|&d| {
            let end = out[d].tokens.1;
            out.iter().any(|m| m.tokens.0 >= end && m.tokens.0 <= end + 3 && is_name(m))
        })
        .collect();
    // "с президентом Казахстана Касым-Жомартом Токаевым", "з президентом Франції
    // Емманюелем Макроном": a country that opens a run whose rest is a person says
    // where the person is from.
    followed.extend(
        countries
            .into_iter()
            .filter(|&(c, run_end)| {
                let end = out[c].tokens.1;
                out.iter().any(|m| {
                    m.tokens.0 == end
                        && m.tokens.1 <= run_end
                        && table.actors[m.actor].actor.kind == ActorKind::Person
                })
            })
            .map(|(c, _)| c),
    );
    if !followed.is_empty() {
        out = out.into_iter().enumerate().filter(|(k, _)| !followed.contains(k)).map(|(_, m)| m).collect();
    }
    out
}

/// Whether token `i` is a hyphen inside a name, written close between two capitalised
/// words ("Касым-Жомарт", "Jean-Noël").
fn joins_names(tokens: &[Token], i: usize, text: &str) -> bool {
    tokens[i].norm == "-"
        && i > 0
        && i + 1 < tokens.len()
        && tokens[i - 1].span.end == tokens[i].span.start
        && tokens[i].span.end == tokens[i + 1].span.start
        && is_cap(&tokens[i - 1], text)
        && is_cap(&tokens[i + 1], text)
}

/// Whether tokens `start..end` follow a word of place of language `code` (or, in
/// Turkish, come before a place ending).
fn at_place(tokens: &[Token], start: usize, end: usize, code: &str) -> bool {
    crate::analysis::events::foreign::triggers(code).is_some_and(|t| {
        if t.at_after {
            tokens.get(end).is_some_and(|n| t.at.contains(&n.norm))
        } else {
            start > 0 && t.at.contains(&tokens[start - 1].norm)
        }
    })
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
        let respelled_written = respelled(written, code);
        let mut candidates = vec![written.to_string()];
        candidates.extend(respelled_written.clone());
        if slavic {
            for ending in SLAVIC_ENDINGS {
                // Stems of the name as written and as respelled ("Макроном": "Макрон",
                // "Маcрон").
                let stems: Vec<String> = [Some(written), respelled_written.as_deref()]
                    .into_iter()
                    .flatten()
                    .filter_map(|w| {
                        w.strip_suffix(ending).filter(|s| s.chars().count() >= 3).map(str::to_string)
                    })
                    .collect();
                for stem in stems {
                    let stem = stem.as_str();
                    candidates.push(stem.to_string());
                    // An adjectival surname declined: "Зеленским", "Зеленського" are
                    // "Зеленский", "Зеленський".
                    if ["ого", "ому", "им", "ым", "ом"].contains(ending) {
                        candidates.push(format!("{stem}ий"));
                        candidates.push(format!("{stem}ый"));
                    }
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
            let actor = if latin && name == written {
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
    let words = tokens[start..end].iter().filter(|t| t.norm != "-").count();
    // A lone name after a word of place ("в Киеве", "à Genève") or, in Turkish, before a
    // place ending ("Kiev'de") is a place.
    if words == 1 && at_place(tokens, start, end, code) {
        return None;
    }
    // Two words or more: a lone capitalised word no table knows is as often an
    // institution ("Affaires étrangères", "l'Élysée") or a German noun as a surname.
    let could_be_name = words >= 2;
    if !could_be_name || tokens[start..end].iter().any(|t| t.norm != "-" && t.norm.chars().count() < 2) {
        return None;
    }
    let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
    let name = span.slice(text);
    let actor = known_person(name, None, false);
    debug_assert_eq!(actor.kind, ActorKind::Person);
    let idx = table.intern(actor, name, None);
    Some(Mention { span, tokens: (start, end), actor: idx, anaphoric: false })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::tokenize;

    fn people(text: &str, code: &str) -> Vec<String> {
        let mut table = ActorTable::default();
        let toks = tokenize(text, Span::new(0, text.len()));
        find_in_foreign_sentence(text, &toks, Gazetteer::builtin(), &mut table, code)
            .iter()
            .map(|m| table.actors[m.actor].actor.name.clone())
            .collect()
    }

    #[test]
    fn names_fold_across_scripts_and_case_endings() {
        let cases = [
            ("ru", "Путин встретился с Эрдоганом в Сочи.", &["Vladimir Putin", "Recep Tayyip Erdogan"][..]),
            (
                "ru",
                "Представитель Путина позвонил Путину вечером.",
                &["Vladimir Putin", "Vladimir Putin"][..],
            ),
            ("ru", "Министр встретился с Зеленским в Киеве.", &["Volodymyr Zelensky"][..]),
            (
                "uk",
                "Президент Володимир Зеленський провів розмову з Ердоганом.",
                &["Volodymyr Zelensky", "Recep Tayyip Erdogan"][..],
            ),
            ("uk", "Речник Зеленського заявив про це ввечері.", &["Volodymyr Zelensky"][..]),
            (
                "tr",
                "Dışişleri Bakanı Hakan Fidan, Erdoğan'ın mesajını iletti.",
                &["Hakan Fidan", "Recep Tayyip Erdogan"][..],
            ),
            (
                "de",
                "Am Montag telefonierte Bundeskanzler Olaf Scholz mit Emmanuel Macron.",
                &["Olaf Scholz", "Emmanuel Macron"][..],
            ),
            (
                "fr",
                "Lundi, le président Emmanuel Macron a reçu Ilse Vantrowson à Paris.",
                &["Emmanuel Macron", "Ilse Vantrowson"][..],
            ),
            (
                "fr",
                "La Turquie a proposé sa médiation entre la Russie et l'Ukraine.",
                &["Türkiye", "Russia", "Ukraine"][..],
            ),
            ("ru", "Россия и Турция договорились о встрече в Украине.", &["Russia", "Türkiye"][..]),
            (
                "de",
                "Deutschland und Frankreich kritisierten Russland scharf.",
                &["Germany", "France", "Russia"][..],
            ),
            ("tr", "Türkiye, Rusya'nın açıklamasını eleştirdi.", &["Türkiye", "Russia"][..]),
            ("uk", "Україна звинуватила Росію у зриві переговорів.", &["Ukraine", "Russia"][..]),
            // Capitals stand for their countries, in any of the seven languages.
            ("fr", "Moscou a dénoncé la décision de Pékin.", &["Russia", "China"][..]),
            ("de", "Moskau und Peking kritisierten Washington.", &["Russia", "China", "United States"][..]),
            ("pt", "Pequim respondeu a Ancara.", &["China", "Türkiye"][..]),
            ("tr", "Moskova, Kiev'i suçladı.", &["Russia", "Ukraine"][..]),
            ("ru", "Киев обвинил Москву.", &["Ukraine", "Russia"][..]),
            ("uk", "Київ звинуватив Москву.", &["Ukraine", "Russia"][..]),
            // Demonyms too, declined, unless a name follows.
            ("fr", "Le ministre turc a appelé son homologue russe.", &["Türkiye", "Russia"][..]),
            (
                "fr",
                "Le président russe Vladimir Poutine a appelé les Turcs.",
                &["Vladimir Putin", "Türkiye"][..],
            ),
            // Names respelled: French and German write Russian and Ukrainian names their way.
            ("fr", "Mikhaïl Michoustine a reçu Dmitri Peskov.", &["Mikhail Mishustin", "Dmitri Peskov"][..]),
            (
                "de",
                "Wladimir Putin telefonierte mit Wolodymyr Selenskyj.",
                &["Vladimir Putin", "Volodymyr Zelensky"][..],
            ),
            (
                "de",
                "Die russische Regierung kritisierte die ukrainische Führung.",
                &["Russia", "Ukraine"][..],
            ),
            ("es", "El canciller ruso criticó a las autoridades francesas.", &["Russia", "France"][..]),
            ("es", "El presidente turco, Recep Tayyip Erdoğan, habló.", &["Recep Tayyip Erdoğan"][..]),
            // Demonyms from CLDR's language names in Portuguese, Russian, Ukrainian and
            // Turkish (capitalised there; "Ankara'dan" is no Dane).
            ("pt", "O chanceler turco se reuniu com o colega russo.", &["Türkiye", "Russia"][..]),
            ("ru", "Турецкий министр встретился с украинской делегацией.", &["Türkiye", "Ukraine"][..]),
            ("uk", "Польський міністр зустрівся з турецьким колегою.", &["Poland", "Türkiye"][..]),
            ("tr", "Rus heyeti İstanbul'dan ayrıldı ve Alman bakanla görüştü.", &["Russia", "Germany"][..]),
            // A country opening a name's run says where the person is from.
            (
                "ru",
                "Путин поговорил с президентом Казахстана Касым-Жомартом Токаевым.",
                &["Vladimir Putin", "Касым-Жомартом Токаевым"][..],
            ),
            ("ru", "Россия и Казахстан подписали соглашение.", &["Russia", "Kazakhstan"][..]),
            // A Latin name written in Cyrillic: к may be a c.
            (
                "uk",
                "Зеленський поговорив з Емманюелем Макроном.",
                &["Volodymyr Zelensky", "Emmanuel Macron"][..],
            ),
        ];
        for (code, text, want) in cases {
            assert_eq!(people(text, code), want, "{text}");
        }
    }
}
