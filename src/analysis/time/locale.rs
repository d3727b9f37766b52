//! Time expressions in French, German, Spanish, Portuguese, Turkish, Russian and
//! Ukrainian: a language-neutral engine over per-language tables
//! (`data/time/<code>.tsv`: month and weekday names with their case forms, yesterday /
//! today / tomorrow, units, last / next / this, "ago", number words). Adding a
//! language is adding a table. Values are normalised against the anchor (the
//! publication date) as for English, with the reason in English.
//!
//! What it reads: a day and a month with or without a year ("12 février 2025", "am 12.
//! Februar", "el 12 de febrero de 2025", "12 Şubat'ta", "12 лютого"), a month and a
//! year, a month alone, a weekday ("lundi", "pazartesi günü", "в понедельник"; the
//! last one on or before the anchor unless marked next), yesterday / today / tomorrow,
//! last / this / next week, month and year in either order ("la semaine dernière",
//! "letzte Woche", "на прошлой неделе", "минулого тижня"), numeric dates in the
//! day-month-year order these languages write (12.02.2025, 12/02/2025) and ISO dates,
//! a number of days, weeks, months or years, and the same "ago". What it does not: tense
//! (a bare weekday is taken as past, the usual reading in news), times of day, seasons,
//! quarters and sets.

use std::sync::OnceLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use super::{Granularity, Timex, TimexType};
use crate::analysis::Span;

/// The languages with a table (`data/time/<code>.tsv`, from [`pack`]).
///
/// [`pack`]: crate::analysis::pack
const CODES: &[&str] = &["fr", "de", "es", "pt", "tr", "ru", "uk"];

/// What a table word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Month(i8),
    Weekday(i8),
    Day(i32),
    Unit(Unit),
    Last,
    Next,
    This,
    AgoBefore,
    AgoAfter,
    Number(i32),
    /// A part of the day: MO, AF, EV, NI (TimeML's).
    Part(&'static str),
    /// A season: SP, SU, FA, WI.
    Season(&'static str),
    /// A determiner taken into the expression it opens ("le 12 mai").
    Det,
    /// The words of a date line ("Publié le", "Опубликовано"): see [`date_line_words`].
    DateLine,
    /// A word that marks the future ("va", "wird", "будет") or the past ("a", "hatte").
    Future,
    Past,
    /// A word of the clock: after the hour ("18 heures", "15 Uhr") or before it
    /// ("saat 15.00").
    Clock,
    /// A weekday with a part of the day written on ("Dienstagabend").
    WeekdayPart(i8, &'static str),
    Filler,
    Ignore,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// One language's table: each form's first word → (the form's words, its kind).
pub(super) struct Locale {
    forms: rustc_hash::FxHashMap<String, Vec<(Vec<String>, Kind)>>,
    /// Months and weekdays also match with a case suffix written on ("şubatta").
    suffixed: bool,
    /// The words that open a date line, lower-case ("publié le").
    date_lines: Vec<String>,
    /// Endings of verbs in the future ("-ra", "-rá", "-ecek") and in the past ("-ó",
    /// "-ou", "-dı"), read on lower-case words of at least three letters more.
    future_endings: Vec<String>,
    past_endings: Vec<String>,
}

/// The tense around an expression, from the nearest marked word of its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

/// The words that open a date line in language `code` ("publié le", "veröffentlicht
/// am", "опубликовано", "published"), lower-case; empty for a language without a table.
pub fn date_line_words(code: &str) -> &'static [String] {
    if code == "en" {
        return super::lexicon::date_lines();
    }
    locale(code).map_or(&[], |l| l.date_lines.as_slice())
}

/// The table for an ISO 639-1 code, if there is one.
pub(super) fn locale(code: &str) -> Option<&'static Locale> {
    static LOCALES: OnceLock<Vec<(&'static str, Locale)>> = OnceLock::new();
    if !crate::analysis::pack::ready() {
        return None;
    }
    LOCALES
        .get_or_init(|| {
            CODES
                .iter()
                .map(|code| {
                    (*code, Locale::parse(code, crate::analysis::pack::file(&format!("time/{code}.tsv"))))
                })
                .collect()
        })
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, l)| l)
}

impl Locale {
    fn parse(code: &str, table: &str) -> Locale {
        let mut forms: rustc_hash::FxHashMap<String, Vec<(Vec<String>, Kind)>> = Default::default();
        let mut date_lines = Vec::new();
        let (mut future_endings, mut past_endings) = (Vec::new(), Vec::new());
        for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, value, list] = cols[..] else { continue };
            let endings = match kind {
                "future-ending" => &mut future_endings,
                "past-ending" => &mut past_endings,
                _ => &mut Vec::new(),
            };
            if kind.ends_with("-ending") {
                endings.extend(list.split('|').map(str::to_lowercase));
                continue;
            }
            let n: i32 = value.parse().unwrap_or(0);
            let kind = match kind {
                "month" => Kind::Month(n as i8),
                "weekday" => Kind::Weekday(n as i8),
                "day" => Kind::Day(n),
                "unit" => Kind::Unit(match value {
                    "minute" => Unit::Minute,
                    "hour" => Unit::Hour,
                    "day" => Unit::Day,
                    "week" => Unit::Week,
                    "month" => Unit::Month,
                    _ => Unit::Year,
                }),
                "last" => Kind::Last,
                "next" => Kind::Next,
                "this" => Kind::This,
                "ago-before" => Kind::AgoBefore,
                "ago-after" => Kind::AgoAfter,
                "number" => Kind::Number(n),
                "ignore" => Kind::Ignore,
                "part" => Kind::Part(match value {
                    "MO" => "MO",
                    "AF" => "AF",
                    "EV" => "EV",
                    _ => "NI",
                }),
                "season" => Kind::Season(match value {
                    "SP" => "SP",
                    "SU" => "SU",
                    "FA" => "FA",
                    _ => "WI",
                }),
                "det" => Kind::Det,
                "dateline" => Kind::DateLine,
                "future" => Kind::Future,
                "past" => Kind::Past,
                "clock" => Kind::Clock,
                "filler" => Kind::Filler,
                other => {
                    debug_assert!(false, "{code}: a row of unknown kind {other:?}");
                    continue;
                }
            };
            for form in list.split('|') {
                if kind == Kind::DateLine {
                    // Read by published.rs only: in a sentence they are words like others.
                    date_lines.push(form.to_lowercase());
                    continue;
                }
                let words: Vec<String> = form.split(' ').map(str::to_lowercase).collect();
                forms.entry(words[0].clone()).or_default().push((words, kind));
            }
        }
        for list in forms.values_mut() {
            // Longest forms first.
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Locale { forms, suffixed: code == "tr", date_lines, future_endings, past_endings }
    }

    /// The longest table form starting at token `i`: its kind and how many tokens.
    fn lookup(&self, toks: &[Tok], i: usize) -> Option<(Kind, usize)> {
        let w = &toks[i].lower;
        if let Some(list) = self.forms.get(w.as_str()) {
            for (words, kind) in list {
                if words.len() <= toks.len() - i && words.iter().zip(&toks[i..]).all(|(f, t)| *f == t.lower) {
                    return Some((*kind, words.len()));
                }
            }
        }
        if self.suffixed {
            // A month or weekday with a suffix written on: the longest known stem.
            let chars: Vec<(usize, char)> = w.char_indices().collect();
            for k in (3..chars.len()).rev() {
                let stem = &w[..chars[k].0];
                if let Some(list) = self.forms.get(stem) {
                    if let Some((_, kind)) = list
                        .iter()
                        .find(|(words, k)| words.len() == 1 && matches!(k, Kind::Month(_) | Kind::Weekday(_)))
                    {
                        return Some((*kind, 1));
                    }
                }
            }
        }
        // A weekday and a part of the day written as one word ("Dienstagabend").
        let chars: Vec<(usize, char)> = w.char_indices().collect();
        for k in 4..chars.len().saturating_sub(3) {
            let (head, tail) = w.split_at(chars[k].0);
            let one = |word: &str| {
                self.forms
                    .get(word)
                    .and_then(|l| l.iter().find(|(words, _)| words.len() == 1).map(|(_, k)| *k))
            };
            if let (Some(Kind::Weekday(d)), Some(Kind::Part(p))) = (one(head), one(tail)) {
                return Some((Kind::WeekdayPart(d, p), 1));
            }
        }
        None
    }
}

/// A word or a number of the text.
struct Tok {
    start: usize,
    end: usize,
    lower: String,
    /// Its value when it is all digits.
    number: Option<i32>,
    /// Digits written with a separator right after ("12." "12/").
    sep: Option<char>,
    /// A comma between it and the word before.
    comma_before: bool,
}

fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start = None;
    let word = |c: char| c.is_alphanumeric() || c == 'ʼ';
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (start, word(c) && i < text.len()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let w = &text[s..i];
                // Digits, or digits with an ordinal ending ("1er").
                let digits = w.bytes().take_while(u8::is_ascii_digit).count();
                let ordinal = digits > 0 && matches!(&w[digits..], "er" | "re");
                let number = (digits == w.len() || ordinal).then(|| w[..digits].parse().ok()).flatten();
                let sep = text[i..].chars().next().filter(|c| matches!(c, '.' | '/' | '-'));
                let before = out.last().map_or(0, |t: &Tok| t.end);
                let comma_before = text[before..s].contains(',');
                out.push(Tok { start: s, end: i, lower: w.to_lowercase(), number, sep, comma_before });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// What a position of the text is, once the table has been read over it.
#[derive(Clone, Copy, Debug)]
struct Item {
    kind: Option<Kind>,
    /// Tokens it spans.
    len: usize,
}

/// Tags `text` with `locale`'s table against `anchor`.
pub(super) fn tag(locale: &Locale, text: &str, anchor: Option<Date>) -> Vec<Timex> {
    let toks = tokens(text);
    let mut items = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        match locale.lookup(&toks, i) {
            Some((kind, len)) => {
                items.push((i, Item { kind: Some(kind), len }));
                i += len;
            }
            None => {
                items.push((i, Item { kind: None, len: 1 }));
                i += 1;
            }
        }
    }
    let tenses = Tenses::new(locale, text, &toks, &items);
    let mut out = Vec::new();
    let mut k = 0;
    // The last day named, for a time of day that follows ("hier, vers 18 h").
    let mut last_day: Option<String> = None;
    while k < items.len() {
        // A determiner opening an expression is part of it ("le 12 mai", "l'année 2001").
        let det = matches!(items[k].1.kind, Some(Kind::Det));
        let at = k + usize::from(det);
        let read = if at < items.len() {
            read_at(&toks, &items, at, anchor, tenses.at(at))
                .or_else(|| hour(text, &toks, &items, at, last_day.as_deref(), anchor))
        } else {
            None
        };
        match read {
            Some((mut end, mut kind, mut value, granularity, relative, how)) => {
                // A part of the day after a day: "hier matin", "dimanche après-midi".
                if let (TimexType::Date, Granularity::Day, Some(Kind::Part(p))) =
                    (kind, granularity, kind_at(&items, end))
                {
                    value = format!("{value}T{p}");
                    kind = TimexType::Time;
                    end += 1;
                }
                if granularity == Granularity::Day && value.len() >= 10 && !value.starts_with('X') {
                    last_day = Some(value[..10].to_string());
                }
                let (s, _) = items[k];
                let (last, it) = items[end - 1];
                let span = Span::new(toks[s].start, toks[last + it.len - 1].end);
                out.push(Timex { span, kind, value, granularity, relative, how });
                k = end;
            }
            None => k += 1,
        }
    }
    out
}

/// "18 h", "21 h 45", "18 heures", "15 Uhr", "15:30", "15.30 Uhr", "saat 15.00": a
/// time on the last day named, or the anchor's.
fn hour(
    text: &str,
    toks: &[Tok],
    items: &[(usize, Item)],
    k: usize,
    day: Option<&str>,
    anchor: Option<Date>,
) -> Option<Read> {
    // A word of the clock, or of hours ("18 heures", "в 15 часов", "saat 15.00").
    let clock_at = |k: usize| matches!(kind_at(items, k), Some(Kind::Clock | Kind::Unit(Unit::Hour)));
    let before = clock_at(k);
    let at = k + usize::from(before);
    let (i, it) = *items.get(at)?;
    // "15h", "15h30": one word.
    if let Some((h, m)) = toks[i].lower.split_once('h').filter(|_| it.kind.is_none()) {
        let h: i32 = h
            .parse()
            .ok()
            .filter(|h| (0..=23).contains(h) && (1..=2).contains(&toks[i].lower.find('h').unwrap_or(0)))?;
        let m: i32 = if m.is_empty() {
            0
        } else {
            m.parse::<i32>().ok().filter(|n| (0..=59).contains(n) && m.len() == 2)?
        };
        let (date, how) = clock_day(day, anchor);
        return Some((
            at + 1,
            TimexType::Time,
            format!("{date}T{h:02}:{m:02}"),
            Granularity::Time,
            day.is_none(),
            how,
        ));
    }
    let h =
        toks[i].number.filter(|h| (0..=23).contains(h) && it.kind.is_none() && toks[i].lower.len() <= 2)?;
    // Minutes written on: "15:30", "15.30".
    let sep = text[toks[i].end..].chars().next();
    let joined = toks
        .get(i + 1)
        .filter(|t| t.start == toks[i].end + 1 && t.lower.len() == 2 && matches!(sep, Some(':' | '.')))
        .and_then(|t| t.number.filter(|m| (0..=59).contains(m)));
    let (minutes, end) = match joined {
        // A dot may be a decimal: only with a word of the clock ("15.30 Uhr").
        Some(m) if sep == Some(':') || before || clock_at(at + 2) => {
            (Some(m), at + 2 + usize::from(clock_at(at + 2)))
        }
        _ if clock_at(at + 1) => {
            let minutes = items.get(at + 2).filter(|(_, it)| it.kind.is_none()).and_then(|(j, _)| {
                toks[*j].number.filter(|m| (0..=59).contains(m) && toks[*j].lower.len() == 2)
            });
            (minutes, at + 2 + usize::from(minutes.is_some()))
        }
        _ => return None,
    };
    let (date, how) = clock_day(day, anchor);
    Some((
        end,
        TimexType::Time,
        format!("{date}T{h:02}:{:02}", minutes.unwrap_or(0)),
        Granularity::Time,
        day.is_none(),
        how,
    ))
}

/// The day a time of day is on: the last day named, else the publication date.
fn clock_day(day: Option<&str>, anchor: Option<Date>) -> (String, String) {
    match (day, anchor) {
        (Some(d), _) => (d.to_string(), "on the day named before it".to_string()),
        (None, Some(a)) => (a.to_string(), format!("on the publication date ({a})")),
        (None, None) => ("XXXX-XX-XX".to_string(), "no day given, and no publication date".to_string()),
    }
}

type Read = (usize, TimexType, String, Granularity, bool, String);

/// The tense marks of a text's items, and where its clauses end.
struct Tenses {
    marks: Vec<Option<Tense>>,
    /// A sentence or a clause (at a comma) ends before item `k`.
    ends_before: Vec<bool>,
}

/// How many items either side of an expression a tense mark is looked for.
const TENSE_WINDOW: usize = 8;

impl Tenses {
    fn new(locale: &Locale, text: &str, toks: &[Tok], items: &[(usize, Item)]) -> Tenses {
        let ends_with = |word: &str, endings: &[String]| {
            endings
                .iter()
                .any(|e| word.ends_with(e.as_str()) && word[..word.len() - e.len()].chars().count() >= 3)
        };
        let marks = items
            .iter()
            .map(|(i, it)| match it.kind {
                Some(Kind::Future | Kind::Next) => Some(Tense::Future),
                Some(Kind::Day(d)) if d > 0 => Some(Tense::Future),
                Some(Kind::Past | Kind::Last | Kind::AgoBefore | Kind::AgoAfter) => Some(Tense::Past),
                Some(Kind::Day(d)) if d < 0 => Some(Tense::Past),
                Some(_) => None,
                None => {
                    let t = &toks[*i];
                    // Endings are read on words written in lower case: "Ankara" is no verb.
                    if t.number.is_some() || text[t.start..].chars().next().is_some_and(char::is_uppercase) {
                        None
                    } else if ends_with(&t.lower, &locale.future_endings) {
                        Some(Tense::Future)
                    } else if ends_with(&t.lower, &locale.past_endings) {
                        Some(Tense::Past)
                    } else {
                        None
                    }
                }
            })
            .collect();
        let ends_before = (0..items.len())
            .map(|k| {
                let Some(prev) = k.checked_sub(1) else { return false };
                let (p, pit) = items[prev];
                let last = &toks[p + pit.len - 1];
                let gap = &text[last.end..toks[items[k].0].start];
                // "am 12. Februar": the dot of a day is no sentence's end.
                let day_dot = last.number.is_some() && gap.trim() == ".";
                // A comma ends a clause too: "…, dijo ayer", "заявив, що переговори
                // продовжаться 20 червня" (the verb of saying is not the tense of what
                // is said).
                !day_dot && gap.contains(['.', '!', '?', ';', ',', '\n'])
            })
            .collect();
        Tenses { marks, ends_before }
    }

    /// The tense around item `k`: the nearest mark within its clause, the one before
    /// when two are as near.
    fn at(&self, k: usize) -> Tense {
        for d in 1..=TENSE_WINDOW {
            // Before: stop at the sentence's start.
            let before = (k >= d && !self.ends_before[k + 1 - d..=k].iter().any(|&e| e))
                .then(|| self.marks[k - d])
                .flatten();
            if let Some(t) = before {
                return t;
            }
            let after = (k + d < self.marks.len() && !self.ends_before[k + 1..=k + d].iter().any(|&e| e))
                .then(|| self.marks[k + d])
                .flatten();
            if let Some(t) = after {
                return t;
            }
        }
        Tense::Unknown
    }
}

fn kind_at(items: &[(usize, Item)], k: usize) -> Option<Kind> {
    items.get(k).and_then(|(_, it)| it.kind)
}

/// The next item after `k` that is not a filler.
fn skip_fillers(items: &[(usize, Item)], mut k: usize) -> usize {
    while matches!(kind_at(items, k), Some(Kind::Filler)) {
        k += 1;
    }
    k
}

fn number_at(toks: &[Tok], items: &[(usize, Item)], k: usize) -> Option<i32> {
    let (i, it) = items.get(k)?;
    if it.kind.is_some() {
        return match it.kind {
            Some(Kind::Number(n)) => Some(n),
            _ => None,
        };
    }
    toks[*i].number
}

fn read_at(
    toks: &[Tok],
    items: &[(usize, Item)],
    k: usize,
    anchor: Option<Date>,
    tense: Tense,
) -> Option<Read> {
    let (i, item) = items[k];
    let tok = &toks[i];
    // Numeric dates: 12.02.2025, 12/02/2025, 2025-02-12.
    if item.kind.is_none() {
        if let Some(r) = numeric_date(toks, items, k) {
            return Some(r);
        }
    }
    // A day of the month, then a month, then perhaps a year.
    if let (Some(day), None) = (tok.number, item.kind) {
        let m = skip_fillers(items, k + 1);
        if let (1..=31, Some(Kind::Month(month))) = (day, kind_at(items, m)) {
            let y = skip_fillers(items, m + 1);
            let year = year_at(toks, items, y);
            let day = day as i8;
            // "le 6 mai dernier", "le 15 juin prochain": the one before or after.
            if let (None, Some(mark @ (Kind::Last | Kind::Next)), Some(a)) =
                (year, kind_at(items, m + 1), anchor)
            {
                let this = Date::new(a.year(), month, day).ok()?;
                let date = match mark {
                    Kind::Last if this > a => Date::new(a.year() - 1, month, day).ok()?,
                    Kind::Next if this < a => Date::new(a.year() + 1, month, day).ok()?,
                    _ => this,
                };
                let which = if mark == Kind::Last { "before" } else { "after" };
                let how = format!("that day {which} the publication date ({a})");
                return Some((m + 2, TimexType::Date, date.to_string(), Granularity::Day, true, how));
            }
            return match year {
                Some(year) => {
                    let date = Date::new(year as i16, month, day).ok()?;
                    let end = year_word(items, y + 1);
                    Some((
                        end,
                        TimexType::Date,
                        date.to_string(),
                        Granularity::Day,
                        false,
                        "the date as written".into(),
                    ))
                }
                None => {
                    let (value, how) = match anchor {
                        Some(a) => {
                            let this = Date::new(a.year(), month, day).ok()?;
                            let (date, how) = match tense {
                                Tense::Future if this < a => (
                                    Date::new(a.year() + 1, month, day).ok()?,
                                    format!("the next such day after the publication date ({a}), the verb being in the future"),
                                ),
                                Tense::Past if this > a => (
                                    Date::new(a.year() - 1, month, day).ok()?,
                                    format!("the last such day before the publication date ({a}), the verb being in the past"),
                                ),
                                _ => (
                                    nearest_year(a, month, day)?,
                                    format!("the year of the publication date ({a}), the nearest such day"),
                                ),
                            };
                            (date.to_string(), how)
                        }
                        None => (
                            format!("XXXX-{month:02}-{day:02}"),
                            "no year given, and no publication date".into(),
                        ),
                    };
                    Some((m + 1, TimexType::Date, value, Granularity::Day, anchor.is_some(), how))
                }
            };
        }
    }
    let Some(kind) = item.kind else {
        // "в 2019 году" is the year, not a duration of 2019 years.
        return bare_year(toks, items, k).or_else(|| amount(toks, items, k, anchor));
    };
    match kind {
        Kind::Month(month) => {
            let y = skip_fillers(items, k + 1);
            if let (Some(mark @ (Kind::Last | Kind::Next)), Some(a)) = (kind_at(items, k + 1), anchor) {
                // "septembre dernier", "juin prochain".
                let mut year = a.year();
                if mark == Kind::Last && month >= a.month() {
                    year -= 1;
                } else if mark == Kind::Next && month <= a.month() {
                    year += 1;
                }
                let which = if mark == Kind::Last { "before" } else { "after" };
                let how = format!("that month {which} the publication date ({a})");
                return Some((
                    k + 2,
                    TimexType::Date,
                    format!("{year:04}-{month:02}"),
                    Granularity::Month,
                    true,
                    how,
                ));
            }
            if let Some(year) = year_at(toks, items, y) {
                let end = year_word(items, y + 1);
                return Some((
                    end,
                    TimexType::Date,
                    format!("{year}-{month:02}"),
                    Granularity::Month,
                    false,
                    "the month and year as written".into(),
                ));
            }
            let (value, how) = match anchor {
                Some(a) => match tense {
                    Tense::Future if month < a.month() => (
                        format!("{}-{month:02}", a.year() + 1),
                        format!("that month after the publication date ({a}), the verb being in the future"),
                    ),
                    Tense::Past if month > a.month() => (
                        format!("{}-{month:02}", a.year() - 1),
                        format!("that month before the publication date ({a}), the verb being in the past"),
                    ),
                    _ => {
                        let y =
                            if i32::from(month) - i32::from(a.month()) > 6 { a.year() - 1 } else { a.year() };
                        (format!("{y}-{month:02}"), format!("that month nearest the publication date ({a})"))
                    }
                },
                None => (format!("XXXX-{month:02}"), "no year given, and no publication date".into()),
            };
            Some((k + 1, TimexType::Date, value, Granularity::Month, anchor.is_some(), how))
        }
        Kind::Weekday(_) if starts_day_month(toks, items, k + 1) => {
            // "lundi 6 septembre": the date it names.
            read_at(toks, items, k + 1, anchor, tense)
                .map(|(end, kind, value, g, rel, how)| (end, kind, value, g, rel, how))
        }
        Kind::Season(season) => {
            let y = skip_fillers(items, k + 1);
            match year_at(toks, items, y) {
                Some(year) => Some((
                    year_word(items, y + 1),
                    TimexType::Date,
                    format!("{year}-{season}"),
                    Granularity::Season,
                    false,
                    "the season and year as written".into(),
                )),
                None => Some((
                    k + 1,
                    TimexType::Date,
                    format!("XXXX-{season}"),
                    Granularity::Season,
                    false,
                    "a season, no year".into(),
                )),
            }
        }
        Kind::WeekdayPart(wd, p) => {
            // "am Dienstagabend".
            let (value, how) = weekday_date(wd, None, anchor, tense);
            Some((k + 1, TimexType::Time, format!("{value}T{p}"), Granularity::Time, anchor.is_some(), how))
        }
        Kind::Weekday(wd) => {
            // "lundi prochain", "el lunes pasado": a mark after the weekday.
            let mark = kind_at(items, k + 1).filter(|m| matches!(m, Kind::Next | Kind::Last));
            let (value, how) = weekday_date(wd, mark, anchor, tense);
            Some((
                k + 1 + usize::from(mark.is_some()),
                TimexType::Date,
                value,
                Granularity::Day,
                anchor.is_some(),
                how,
            ))
        }
        Kind::Day(offset) => {
            let a = anchor?;
            let d = a.checked_add(offset.days()).ok()?;
            let how = match offset {
                0 => format!("the publication date ({a})"),
                n if n < 0 => format!("{} day(s) before the publication date ({a})", -n),
                n => format!("{n} day(s) after the publication date ({a})"),
            };
            Some((k + 1, TimexType::Date, d.to_string(), Granularity::Day, true, how))
        }
        Kind::This if matches!(kind_at(items, k + 1), Some(Kind::Part(_) | Kind::Season(_))) => {
            // "ce soir", "ce matin", "cet été".
            let a = anchor?;
            match kind_at(items, k + 1)? {
                Kind::Part(p) => Some((
                    k + 2,
                    TimexType::Time,
                    format!("{a}T{p}"),
                    Granularity::Time,
                    true,
                    format!("the publication date ({a})"),
                )),
                Kind::Season(season) => Some((
                    k + 2,
                    TimexType::Date,
                    format!("{:04}-{season}", a.year()),
                    Granularity::Season,
                    true,
                    format!("the year of the publication date ({a})"),
                )),
                _ => None,
            }
        }
        Kind::Last | Kind::Next | Kind::This => {
            // "nächsten Montag", "в следующий понедельник", "gelecek pazartesi".
            if let Some(Kind::Weekday(wd)) = kind_at(items, k + 1) {
                let mark = Some(kind).filter(|m| matches!(m, Kind::Next | Kind::Last));
                let (value, how) = weekday_date(wd, mark, anchor, tense);
                return Some((k + 2, TimexType::Date, value, Granularity::Day, anchor.is_some(), how));
            }
            // "letzte Woche", "geçen hafta", "на прошлой неделе", "cette semaine".
            let u = k + 1;
            let Some(Kind::Unit(unit)) = kind_at(items, u) else { return None };
            period(kind, unit, anchor).map(|(v, g, how)| (u + 1, TimexType::Date, v, g, true, how))
        }
        Kind::Unit(unit) if matches!(kind_at(items, k + 1), Some(Kind::AgoAfter)) => {
            // "неделю назад", "тиждень тому": one unit ago.
            ago(1, unit, anchor).map(|(v, g, how)| (k + 2, TimexType::Date, v, g, true, how))
        }
        Kind::Unit(unit) => {
            // "la semaine dernière", "el mes que viene", "le mois prochain".
            if let Some(mark @ (Kind::Last | Kind::Next)) = kind_at(items, k + 1) {
                return period(mark, unit, anchor)
                    .map(|(v, g, how)| (k + 2, TimexType::Date, v, g, true, how));
            }
            None
        }
        Kind::AgoBefore => {
            // "il y a trois jours", "vor drei Tagen", "hace dos semanas", "há dois dias".
            let n = number_at(toks, items, k + 1)?;
            let Some(Kind::Unit(unit)) = kind_at(items, k + 2) else { return None };
            ago(n, unit, anchor).map(|(v, g, how)| (k + 3, TimexType::Date, v, g, true, how))
        }
        Kind::Number(_) => amount(toks, items, k, anchor),
        _ => None,
    }
}

/// A year after a month: four digits, or two ("octobre 98": 1998; "mai 03": 2003).
fn year_at(toks: &[Tok], items: &[(usize, Item)], k: usize) -> Option<i32> {
    let (i, it) = items.get(k)?;
    if it.kind.is_some() {
        return None;
    }
    let t = &toks[*i];
    match (t.number?, t.lower.len()) {
        (n @ 1000..=2999, 4) => Some(n),
        (n, 2) if n >= 50 => Some(1900 + n),
        (n, 2) => Some(2000 + n),
        _ => None,
    }
}

/// Whether a day of the month and a month start at item `k` ("6 septembre").
fn starts_day_month(toks: &[Tok], items: &[(usize, Item)], k: usize) -> bool {
    let Some((i, it)) = items.get(k) else { return false };
    it.kind.is_none()
        && toks[*i].number.is_some_and(|d| (1..=31).contains(&d))
        && matches!(kind_at(items, skip_fillers(items, k + 1)), Some(Kind::Month(_)))
}

/// A year written alone (1900–2099), and its word ("2025 года").
fn bare_year(toks: &[Tok], items: &[(usize, Item)], k: usize) -> Option<Read> {
    let tok = &toks[items[k].0];
    let y = tok.number.filter(|y| (1900..=2099).contains(y) && tok.lower.len() == 4)?;
    Some((
        year_word(items, k + 1),
        TimexType::Date,
        y.to_string(),
        Granularity::Year,
        false,
        "the year as written".into(),
    ))
}

/// A weekday's date: with `mark` Next the first after the anchor, with Last the last
/// before it; else with the verb in the future the first on or after it, and
/// otherwise the last on or before it (a bare weekday in news is mostly past).
fn weekday_date(wd: i8, mark: Option<Kind>, anchor: Option<Date>, tense: Tense) -> (String, String) {
    let weekday = weekday_of(wd);
    let Some(a) = anchor else {
        return (format!("XXXX-WXX-{wd}"), "a weekday, and no publication date".into());
    };
    let (d, which) = match mark {
        Some(Kind::Next) => (a.nth_weekday(1, weekday), "after"),
        Some(Kind::Last) => (a.nth_weekday(-1, weekday), "before"),
        _ if a.weekday() == weekday => (Ok(a), "on"),
        _ if tense == Tense::Future => (a.nth_weekday(1, weekday), "on or after"),
        _ => (a.nth_weekday(-1, weekday), "on or before"),
    };
    let verb = match (mark, tense) {
        (None, Tense::Future) => ", the verb being in the future",
        _ => "",
    };
    match d {
        Ok(d) => (d.to_string(), format!("the {weekday:?} {which} the publication date ({a}){verb}")),
        Err(_) => (format!("XXXX-WXX-{wd}"), "a weekday out of the calendar's range".into()),
    }
}

/// "three days", "drei Tage", "üç gün önce", "два дня назад": a duration, or with "ago"
/// a date.
fn amount(toks: &[Tok], items: &[(usize, Item)], k: usize, anchor: Option<Date>) -> Option<Read> {
    let n = number_at(toks, items, k)?;
    let Some(Kind::Unit(unit)) = kind_at(items, k + 1) else { return None };
    // A person's age is no time expression: "Jean Dupont, 54 ans,", "âgé de 54 ans".
    let (i, _) = items[k];
    let aged = i >= 2 && toks[i - 2].lower.starts_with("âgé");
    if unit == Unit::Year && (toks[i].comma_before || aged) {
        return None;
    }
    // "18 heures", "в 15 часов": an hour written in digits is a time of day (`hour`).
    if unit == Unit::Hour
        && toks[i].number.is_some()
        && !matches!(kind_at(items, k + 2), Some(Kind::AgoAfter))
    {
        return None;
    }
    if matches!(kind_at(items, k + 2), Some(Kind::AgoAfter)) {
        return ago(n, unit, anchor).map(|(v, g, how)| (k + 3, TimexType::Date, v, g, true, how));
    }
    let value = match unit {
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week => format!("P{n}W"),
        Unit::Month => format!("P{n}M"),
        Unit::Year => format!("P{n}Y"),
    };
    Some((k + 2, TimexType::Duration, value, Granularity::Other, false, "a duration as written".into()))
}

fn ago(n: i32, unit: Unit, anchor: Option<Date>) -> Option<(String, Granularity, String)> {
    let a = anchor?;
    let (d, g) = match unit {
        // "il y a deux heures": that day, the clock unknown.
        Unit::Minute | Unit::Hour => (a, Granularity::Day),
        Unit::Day => (a.checked_sub(n.days()).ok()?, Granularity::Day),
        Unit::Week => (a.checked_sub((7 * n).days()).ok()?, Granularity::Day),
        Unit::Month => (a.checked_sub(n.months()).ok()?, Granularity::Month),
        Unit::Year => (a.checked_sub(n.years()).ok()?, Granularity::Year),
    };
    let value = match g {
        Granularity::Month => format!("{:04}-{:02}", d.year(), d.month()),
        Granularity::Year => format!("{:04}", d.year()),
        _ => d.to_string(),
    };
    Some((value, g, format!("{n} {unit:?}(s) before the publication date ({a})").to_lowercase()))
}

/// Last, this or next week, month or year against the anchor.
fn period(mark: Kind, unit: Unit, anchor: Option<Date>) -> Option<(String, Granularity, String)> {
    let a = anchor?;
    let step = match mark {
        Kind::Last => -1,
        Kind::Next => 1,
        _ => 0,
    };
    let which = match step {
        -1 => "the one before",
        1 => "the one after",
        _ => "the one of",
    };
    match unit {
        Unit::Minute | Unit::Hour | Unit::Day => None,
        Unit::Week => {
            let d = a.checked_add((7 * step).days()).ok()?;
            let w = d.iso_week_date();
            Some((
                format!("{}-W{:02}", w.year(), w.week()),
                Granularity::Week,
                format!("the week: {which} the publication date ({a})"),
            ))
        }
        Unit::Month => {
            let d = a.first_of_month().checked_add(step.months()).ok()?;
            Some((
                format!("{:04}-{:02}", d.year(), d.month()),
                Granularity::Month,
                format!("the month: {which} the publication date ({a})"),
            ))
        }
        Unit::Year => Some((
            format!("{:04}", i32::from(a.year()) + step),
            Granularity::Year,
            format!("the year: {which} the publication date ({a})"),
        )),
    }
}

/// After a year, its word ("2025 года", "2025 yılı"), taken into the expression.
fn year_word(items: &[(usize, Item)], k: usize) -> usize {
    match kind_at(items, k) {
        Some(Kind::Unit(Unit::Year)) => k + 1,
        _ => k,
    }
}

/// 12.02.2025, 12/02/2025 (day first, as these languages write), 2025-02-12.
fn numeric_date(toks: &[Tok], items: &[(usize, Item)], k: usize) -> Option<Read> {
    let (i, _) = items[k];
    let (a, b, c) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?);
    let (x, y, z) = (a.number?, b.number?, c.number?);
    let sep = a.sep?;
    if b.sep != Some(sep) || b.start != a.end + 1 || c.start != b.end + 1 {
        return None;
    }
    let date = if sep == '-' && a.lower.len() == 4 {
        Date::new(x as i16, y as i8, z as i8).ok()?
    } else if sep != '-' && c.lower.len() == 4 {
        Date::new(z as i16, y as i8, x as i8).ok()?
    } else {
        return None;
    };
    // The three tokens are three items (numbers are never table words).
    Some((
        k + 3,
        TimexType::Date,
        date.to_string(),
        Granularity::Day,
        false,
        "the date as written, day first".into(),
    ))
}

/// The day `month`/`day` nearest `anchor` (this year's, or last year's when this
/// year's is more than six months ahead: news reports what has happened).
fn nearest_year(anchor: Date, month: i8, day: i8) -> Option<Date> {
    let this = Date::new(anchor.year(), month, day).ok()?;
    if this > anchor && (i32::from(month) - i32::from(anchor.month())) > 6 {
        Date::new(anchor.year() - 1, month, day).ok()
    } else {
        Some(this)
    }
}

fn weekday_of(n: i8) -> Weekday {
    match n {
        1 => Weekday::Monday,
        2 => Weekday::Tuesday,
        3 => Weekday::Wednesday,
        4 => Weekday::Thursday,
        5 => Weekday::Friday,
        6 => Weekday::Saturday,
        _ => Weekday::Sunday,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (language, sentence, expression as found, value), against Wednesday 5 March
    /// 2025. Sentences written by us.
    const CASES: &[(&str, &str, &str, &str)] = &[
        (
            "fr",
            "Le traité a été signé le 6 mai dernier, et l'été sera chargé.",
            "le 6 mai dernier",
            "2024-05-06",
        ),
        ("fr", "Hier matin, vers 9 h 30, il a quitté Paris.", "Hier matin", "2025-03-04TMO"),
        ("fr", "Hier matin, vers 9 h 30, il a quitté Paris.", "9 h 30", "2025-03-04T09:30"),
        ("fr", "Il a été élu en octobre 98.", "octobre 98", "1998-10"),
        ("fr", "Jean Dupont, 54 ans, a parlé lundi 3 mars.", "lundi 3 mars", "2025-03-03"),
        ("fr", "Le 12 février 2025, le président a parlé.", "Le 12 février 2025", "2025-02-12"),
        ("fr", "Les deux dirigeants se sont parlé lundi.", "lundi", "2025-03-03"),
        ("fr", "Il l'a dit hier à Paris.", "hier", "2025-03-04"),
        ("fr", "Ils se sont vus la semaine dernière.", "la semaine dernière", "2025-W09"),
        ("fr", "Le sommet aura lieu le mois prochain.", "le mois prochain", "2025-04"),
        ("fr", "L'accord a été signé il y a trois jours.", "il y a trois jours", "2025-03-02"),
        ("fr", "Publié le 12/02/2025 à Genève.", "le 12/02/2025", "2025-02-12"),
        // The verb in the future: the February to come.
        ("fr", "Les pourparlers reprendront en février.", "février", "2026-02"),
        ("fr", "Le président se rendra lundi à Berlin.", "lundi", "2025-03-10"),
        ("fr", "Il a été élu en juin.", "juin", "2024-06"),
        ("de", "Am 12. Februar trafen sich die Minister.", "12. Februar", "2025-02-12"),
        ("de", "Die Gespräche fanden letzte Woche statt.", "letzte Woche", "2025-W09"),
        ("de", "Der Kanzler sprach gestern in Berlin.", "gestern", "2025-03-04"),
        ("de", "Am Montag telefonierten die beiden.", "Montag", "2025-03-03"),
        ("de", "Das Abkommen wurde vor drei Tagen unterzeichnet.", "vor drei Tagen", "2025-03-02"),
        ("de", "Veröffentlicht am 12.02.2025 um 10 Uhr.", "12.02.2025", "2025-02-12"),
        ("de", "Der Gipfel soll nächsten Monat stattfinden.", "nächsten Monat", "2025-04"),
        ("de", "Der Kanzler wird am Montag nach Paris reisen.", "Montag", "2025-03-10"),
        ("de", "Die Wahl fand im Juni statt.", "Juni", "2024-06"),
        ("es", "El 12 de febrero de 2025 se reunieron en Madrid.", "12 de febrero de 2025", "2025-02-12"),
        ("es", "Las conversaciones fueron la semana pasada.", "semana pasada", "2025-W09"),
        ("es", "El ministro habló ayer con su homólogo.", "ayer", "2025-03-04"),
        ("es", "El lunes llamó a su homólogo.", "lunes", "2025-03-03"),
        ("es", "El acuerdo se firmó hace dos semanas.", "hace dos semanas", "2025-02-19"),
        ("es", "La cumbre será el próximo mes.", "próximo mes", "2025-04"),
        ("es", "El presidente viajará el lunes a Roma.", "lunes", "2025-03-10"),
        ("es", "La reunión se celebrará en enero.", "enero", "2026-01"),
        ("pt", "O presidente falou na segunda-feira com o colega.", "segunda-feira", "2025-03-03"),
        ("pt", "Os ministros reuniram-se na semana passada.", "semana passada", "2025-W09"),
        ("pt", "O acordo foi assinado ontem.", "ontem", "2025-03-04"),
        ("pt", "A reunião foi em 12 de fevereiro.", "12 de fevereiro", "2025-02-12"),
        ("pt", "O acordo foi assinado há dois dias.", "há dois dias", "2025-03-03"),
        ("pt", "A cúpula será no próximo mês.", "próximo mês", "2025-04"),
        ("pt", "O ministro viajará na segunda-feira a Lisboa.", "segunda-feira", "2025-03-10"),
        ("pt", "O acordo foi assinado em agosto.", "agosto", "2024-08"),
        ("tr", "İki lider 12 Şubat'ta görüştü.", "12 Şubat", "2025-02-12"),
        ("tr", "Cumhurbaşkanı pazartesi günü konuştu.", "pazartesi", "2025-03-03"),
        ("tr", "Bakanlar geçen hafta bir araya geldi.", "geçen hafta", "2025-W09"),
        ("tr", "Anlaşma dün imzalandı.", "dün", "2025-03-04"),
        ("tr", "Anlaşma üç gün önce imzalandı.", "üç gün önce", "2025-03-02"),
        ("tr", "Zirve gelecek ay yapılacak.", "gelecek ay", "2025-04"),
        ("tr", "Erdoğan pazartesi günü Putin ile görüşecek.", "pazartesi", "2025-03-10"),
        ("tr", "Seçimler haziranda yapılacak.", "haziranda", "2025-06"),
        ("ru", "Встреча прошла 12 февраля 2025 года в Москве.", "12 февраля 2025 года", "2025-02-12"),
        ("ru", "Президенты поговорили в понедельник.", "понедельник", "2025-03-03"),
        ("ru", "Министры встретились на прошлой неделе.", "прошлой неделе", "2025-W09"),
        ("ru", "Об этом сообщили вчера.", "вчера", "2025-03-04"),
        ("ru", "Соглашение подписали три дня назад.", "три дня назад", "2025-03-02"),
        ("ru", "Саммит пройдёт в следующем месяце.", "следующем месяце", "2025-04"),
        ("ru", "Президент посетит Китай в понедельник.", "понедельник", "2025-03-10"),
        ("ru", "Выборы были в июне.", "июне", "2024-06"),
        ("uk", "Зустріч відбулася 12 лютого.", "12 лютого", "2025-02-12"),
        ("uk", "Президенти поговорили у понеділок.", "понеділок", "2025-03-03"),
        ("uk", "Міністри зустрілися минулого тижня.", "минулого тижня", "2025-W09"),
        ("uk", "Про це повідомили вчора.", "вчора", "2025-03-04"),
        ("uk", "Розмова відбулася у п'ятницю.", "п'ятницю", "2025-02-28"),
        ("uk", "Саміт відбудеться наступного місяця.", "наступного місяця", "2025-04"),
        ("uk", "Угоду підписали два дні тому.", "два дні тому", "2025-03-03"),
        ("uk", "Президент зустрінеться з прем'єром у понеділок.", "понеділок", "2025-03-10"),
        ("uk", "Переговори відбудуться у січні.", "січні", "2026-01"),
        (
            "uk",
            "Він заявив, що зустрічатиметься з ним щопонеділка, а у вівторок поїхав.",
            "вівторок",
            "2025-03-04",
        ),
    ];

    #[test]
    fn each_language_reads_its_dates_against_the_publication_date() {
        let anchor = jiff::civil::date(2025, 3, 5);
        let mut wrong = Vec::new();
        for (code, text, found, value) in CASES {
            let timexes = tag(locale(code).unwrap(), text, Some(anchor));
            let got: Vec<(&str, &str)> =
                timexes.iter().map(|t| (&text[t.span.start..t.span.end], t.value.as_str())).collect();
            if !got.contains(&(*found, *value)) {
                wrong.push(format!("{code} {text:?}: expected {found:?} = {value}, got {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "{} of {} wrong:\n{}", wrong.len(), CASES.len(), wrong.join("\n"));
    }

    /// Forty expressions a language, in sentences we wrote (`tests/languages/time-*.tsv`:
    /// sentence, expression as found, value), against Wednesday 5 March 2025: each day of
    /// a month, each weekday, yesterday / today / tomorrow, last / this / next week,
    /// month and year, numeric dates, a full date, a month and year, "ago", a duration,
    /// a year, next Monday.
    #[test]
    fn forty_expressions_a_language_are_found_and_normalised() {
        const FILES: &[(&str, &str)] = &[
            ("fr", include_str!("../../../tests/languages/time-fr.tsv")),
            ("de", include_str!("../../../tests/languages/time-de.tsv")),
            ("es", include_str!("../../../tests/languages/time-es.tsv")),
            ("pt", include_str!("../../../tests/languages/time-pt.tsv")),
            ("tr", include_str!("../../../tests/languages/time-tr.tsv")),
            ("ru", include_str!("../../../tests/languages/time-ru.tsv")),
            ("uk", include_str!("../../../tests/languages/time-uk.tsv")),
        ];
        let anchor = jiff::civil::date(2025, 3, 5);
        let mut wrong = Vec::new();
        for (code, table) in FILES {
            let rows: Vec<Vec<&str>> = table
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .map(|l| l.split('\t').collect())
                .collect();
            assert!(rows.len() >= 40, "{code}: {} expressions", rows.len());
            for row in rows {
                let [text, found, value] = row[..] else { panic!("{code}: a bad row {row:?}") };
                let got: Vec<(String, String)> = tag(locale(code).unwrap(), text, Some(anchor))
                    .iter()
                    .map(|t| (text[t.span.start..t.span.end].to_string(), t.value.clone()))
                    .collect();
                if !got.iter().any(|(f, v)| f == found && v == value) {
                    wrong.push(format!("{code} {text:?}: expected {found:?} = {value}, got {got:?}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{} wrong:\n{}", wrong.len(), wrong.join("\n"));
    }

    #[test]
    fn an_article_in_another_language_is_tagged_with_its_table() {
        let text = "Le président turc a parlé lundi avec son homologue russe, a indiqué la présidence dans un communiqué publié le même jour.";
        let timexes = super::super::TimeTagger::new().tag(text, Some(jiff::civil::date(2025, 3, 5)));
        assert_eq!(timexes.iter().map(|t| t.value.as_str()).collect::<Vec<_>>(), ["2025-03-03"]);
        assert!(timexes[0].how.contains("Monday"), "{}", timexes[0].how);
    }

    #[test]
    fn every_table_is_read() {
        for code in CODES {
            let l = locale(code).unwrap();
            assert!(l.forms.len() > 40, "{code}: {} forms", l.forms.len());
        }
    }
}
