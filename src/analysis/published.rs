//! Publication dates found in an article's text or its file name.
//!
//! Two sources, in order of trust:
//!
//! 1. a date line or dateline near the start of the text: "date 2025-05-13",
//!    "Published: 13 May 2025", "ANKARA, May 13 (AP) —", or a line that is just a date;
//! 2. a weekday written with a month and day anywhere in the text ("on Monday
//!    (11/24)", "Monday, Nov. 24"): the latest year, not after `today`, in which that
//!    day falls on that weekday.
//!
//! # Example
//!
//! ```
//! use dateline::analysis::published::date_in_text;
//! let today = jiff::civil::date(2026, 11, 22);
//! let found = date_in_text("Talks resumed on Monday (11/24) in Istanbul.", today).unwrap();
//! assert_eq!(found.date, jiff::civil::date(2025, 11, 24));
//! ```

use std::sync::OnceLock;

use jiff::civil::Date;

use super::lang;
use super::time::{self, TimeTagger, TimexType};
use super::Span;

/// A publication date found in a text or a file name, with the reason in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundDate {
    pub date: Date,
    /// Where in the text it was found (None for a file name).
    pub span: Option<Span>,
    /// Why: "date line in the text: “date 2025-05-13”".
    pub reason: String,
    /// Whether the date is inferred (a weekday with its month and day) rather than read.
    pub inferred: bool,
}

/// How far into the text a date line or dateline may be.
const HEAD_LINES: usize = 8;
const HEAD_BYTES: usize = 1500;

fn tagger() -> &'static TimeTagger {
    static TAGGER: OnceLock<TimeTagger> = OnceLock::new();
    TAGGER.get_or_init(TimeTagger::new)
}

/// A date line or dateline near the start of the text ("date 2025-05-13",
/// "ANKARA, May 13 (AP) —"), else a weekday written with a month and day
/// ("Monday (11/24)": the latest year, not after `today`, in which that day is that
/// weekday).
pub fn date_in_text(text: &str, today: Date) -> Option<FoundDate> {
    head_date(text, today).or_else(|| weekday_date(text, today))
}

/// Lines near the top: a date line, a dateline, or a line that is only a date.
fn head_date(text: &str, today: Date) -> Option<FoundDate> {
    // The article's language, found on the whole: a line is too short to tell.
    let code = lang::detect(text).map(|d| d.code);
    let line_words = code.map_or(&[][..], time::date_line_words);
    // English date lines count in any article ("Published: 13 May 2025").
    let english = time::date_line_words("en");
    let mut start = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let line_start = start;
        start += line.len();
        if line_start > HEAD_BYTES || seen >= HEAD_LINES {
            break;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        seen += 1;
        let lead = line.len() - line.trim_start().len();
        let base = line_start + lead;
        // Only the line's start can hold a date line or dateline: a line of a megabyte
        // is not tagged whole (the checks below take time in proportion to its length
        // for each date found).
        let mut head = trimmed.len().min(HEAD_BYTES);
        while !trimmed.is_char_boundary(head) {
            head -= 1;
        }
        let found = tagger().tag_in(&trimmed[..head], None, code);
        for t in &found {
            if t.kind != TimexType::Date {
                continue;
            }
            let Some(date) = full_date(&t.value, today) else {
                continue;
            };
            // A date line without its year ("RABAT, June 15 (Reuters) -") takes the
            // latest such day up to today: a guess, weaker than a dated file name (an
            // archive of 2011 read in 2026 is not from 2026).
            let yearless = t.value.starts_with("XXXX");
            let guessed = |reason: String| {
                if yearless {
                    format!("{reason}, without a year: the latest such day up to {today}")
                } else {
                    reason
                }
            };
            let before = trimmed[..t.span.start].trim();
            let after = trimmed[t.span.end..].trim();
            let span = Span::new(base + t.span.start, base + t.span.end);
            let quoted = &trimmed[..t.span.end];
            // "date 2025-05-13", "Published: 13 May 2025"
            let before_lower = before.trim_end_matches([':', '-', '|', '·']).trim().to_lowercase();
            if english.contains(&before_lower) || line_words.contains(&before_lower) {
                return Some(FoundDate {
                    date,
                    span: Some(span),
                    reason: guessed(format!("date line in the text: “{}”", quoted.trim())),
                    inferred: yearless,
                });
            }
            // "ANKARA, May 13 (AP) —": capitalised place, comma, date, agency or dash.
            let place = before.ends_with(',')
                && before.len() <= 60
                && before.chars().next().is_some_and(|c| c.is_uppercase())
                && !before.contains(". ");
            let agency = after.starts_with('(')
                || after.starts_with('—')
                || after.starts_with('–')
                || after.starts_with("-")
                || after.starts_with("--");
            // "Madrid, 11 de junio de 2025" alone on its line: a place of a few words.
            let alone = after.trim_matches(|c: char| c.is_ascii_punctuation()).is_empty()
                && before.split_whitespace().count() <= 3;
            if place && (agency || alone) {
                let end = (t.span.end + after_len(&trimmed[t.span.end..])).min(trimmed.len());
                return Some(FoundDate {
                    date,
                    span: Some(span),
                    reason: guessed(format!("dateline: “{}”", trimmed[..end].trim())),
                    inferred: yearless,
                });
            }
            // A line that is only a date (maybe with a weekday and a clock time).
            let rest: String = format!("{before} {after}");
            let words = rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count();
            let only_date = words == 0
                || words <= 3
                    && found.len() >= 2
                    && found.iter().all(|x| matches!(x.kind, TimexType::Date | TimexType::Time));
            if only_date {
                return Some(FoundDate {
                    date,
                    span: Some(span),
                    reason: guessed(format!("a date on its own line near the top: “{trimmed}”")),
                    inferred: yearless,
                });
            }
        }
    }
    None
}

/// The length of "(AP) —" after a dateline's date, for the reason string.
fn after_len(s: &str) -> usize {
    let t = s.trim_start();
    let lead = s.len() - t.len();
    if t.starts_with('(') {
        if let Some(close) = t.find(')') {
            return lead + close + 1;
        }
    }
    lead
}

/// A full date from a value: `2025-05-13`, or `XXXX-05-13` with the year taken as
/// the latest not after `today`.
fn full_date(value: &str, today: Date) -> Option<Date> {
    if value.len() != 10 {
        return None;
    }
    let m: i8 = value[5..7].parse().ok()?;
    let d: i8 = value[8..10].parse().ok()?;
    if let Ok(y) = value[..4].parse::<i16>() {
        return Date::new(y, m, d).ok();
    }
    if &value[..4] != "XXXX" {
        return None;
    }
    (0..8).map(|k| today.year() - k).find_map(|y| Date::new(y, m, d).ok().filter(|x| *x <= today))
}

/// A weekday with a month and day anywhere in the text: "Monday (11/24)",
/// "Monday, Nov. 24", "Monday, 24 November".
fn weekday_date(text: &str, today: Date) -> Option<FoundDate> {
    const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_uppercase() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let end = i + b[i..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let word = text[i..end].to_ascii_lowercase();
        let Some(wd) = DAYS.iter().position(|d| *d == word) else {
            i = end.max(i + 1);
            continue;
        };
        let rest = &text[end..];
        if let Some((m, d, len)) = month_day_after(rest) {
            let weekday = wd as i8 + 1;
            let found = (0..=28).map(|k| today.year() - k).find_map(|y| {
                Date::new(y, m, d).ok().filter(|x| x.weekday().to_monday_one_offset() == weekday)
            });
            if let Some(date) = found {
                let span = Span::new(i, end + len);
                return Some(FoundDate {
                    date,
                    span: Some(span),
                    reason: format!(
                        "“{}” in the text: the latest year up to {} in which that day is a {}",
                        span.slice(text),
                        today.year(),
                        &text[i..end]
                    ),
                    inferred: true,
                });
            }
        }
        i = end;
    }
    None
}

/// The start of `s` up to about `max` bytes, cut after a whole word.
fn words_prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    match s[..end].rfind(char::is_whitespace) {
        Some(k) if k > 0 => &s[..k],
        _ => &s[..end],
    }
}

/// After a weekday: " (11/24)", ", Nov. 24", ", 24 November" (no year). Returns month,
/// day and the bytes used.
fn month_day_after(rest: &str) -> Option<(i8, i8, usize)> {
    let t = rest.trim_start_matches([' ', ',']);
    let skipped = rest.len() - t.len();
    if skipped > 3 {
        return None;
    }
    // "(11/24)" or "11/24"
    let (paren, body) = match t.strip_prefix('(') {
        Some(b) => (1, b),
        None => (0, t),
    };
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let n1 = digits(body);
    if (1..=2).contains(&n1) && body[n1..].starts_with('/') {
        let n2 = digits(&body[n1 + 1..]);
        if (1..=2).contains(&n2) && !body[n1 + 1 + n2..].starts_with('/') {
            let m: i8 = body[..n1].parse().ok()?;
            let d: i8 = body[n1 + 1..n1 + 1 + n2].parse().ok()?;
            let mut len = skipped + paren + n1 + 1 + n2;
            if paren == 1 && body[n1 + 1 + n2..].starts_with(')') {
                len += 1;
            }
            return Some((m, d, len));
        }
        return None;
    }
    if paren == 1 {
        return None;
    }
    // A month and day fit in the next few words: only those are tagged (tagging the
    // rest of the text for each weekday named in it made long articles quadratic).
    let t = words_prefix(t, 48);
    let tagged = super::time::TimeTagger::tag(tagger(), t, None);
    let first = tagged.first()?;
    if first.span.start != 0 || first.kind != TimexType::Date {
        return None;
    }
    let v = &first.value;
    if v.len() == 10 && v.starts_with("XXXX-") {
        let m: i8 = v[5..7].parse().ok()?;
        let d: i8 = v[8..10].parse().ok()?;
        return Some((m, d, skipped + first.span.end));
    }
    None
}

/// A date in a file name: `2025-11-25-talks.txt`, `talks_20251125.md`, `2025_11_25.txt`.
/// Only years 1900..=2100 and real calendar dates count.
pub fn date_in_file_name(name: &str) -> Option<FoundDate> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let b = base.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let found = if run == 8 {
            ymd(&base[i..i + 4], &base[i + 4..i + 6], &base[i + 6..i + 8]).map(|d| (d, i + 8))
        } else if run == 4 && i + 10 <= b.len() {
            let sep = b[i + 4];
            let ok = matches!(sep, b'-' | b'_' | b'.')
                && b[i + 7] == sep
                && b[i + 5..i + 7].iter().all(u8::is_ascii_digit)
                && b[i + 8..i + 10].iter().all(u8::is_ascii_digit)
                && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
            if ok {
                ymd(&base[i..i + 4], &base[i + 5..i + 7], &base[i + 8..i + 10]).map(|d| (d, i + 10))
            } else {
                None
            }
        } else {
            None
        };
        if let Some((date, end)) = found {
            return Some(FoundDate {
                date,
                span: None,
                reason: format!("date in the file name: “{}” in {base}", &base[i..end]),
                inferred: false,
            });
        }
        i += run;
    }
    None
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    let y: i16 = y.parse().ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    Date::new(y, m.parse().ok()?, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 22);

    #[test]
    fn date_lines_and_datelines() {
        let cases: &[(&str, Option<Date>)] = &[
            (" date 2025-05-13 Ankara talks\nText.", Some(date(2025, 5, 13))),
            ("Published: 13 May 2025\n\nText.", Some(date(2025, 5, 13))),
            ("Headline\nMay 13, 2025\nText follows here.", Some(date(2025, 5, 13))),
            ("ANKARA, May 13 (AP) — Turkey said on Tuesday...", Some(date(2026, 5, 13))),
            ("ISTANBUL, Nov. 24, 2025 (Reuters) - Talks resumed.", Some(date(2025, 11, 24))),
            ("Talks resumed on Monday (11/24) in Istanbul.", Some(date(2025, 11, 24))),
            ("The meeting on Monday, Nov. 24 ended early.", Some(date(2025, 11, 24))),
            ("Nothing here at all, only words on 1/2 of a page.", None),
        ];
        for &(text, want) in cases {
            let got = date_in_text(text, TODAY);
            assert_eq!(got.as_ref().map(|f| f.date), want, "{text:?}: {got:?}");
            if let Some(f) = got {
                assert!(!f.reason.is_empty());
                assert!(f.span.is_some());
            }
        }
    }

    #[test]
    fn file_names() {
        let cases: &[(&str, Option<Date>)] = &[
            ("2025-11-25-talks.txt", Some(date(2025, 11, 25))),
            ("talks_20251125.md", Some(date(2025, 11, 25))),
            ("2025_11_25.txt", Some(date(2025, 11, 25))),
            ("dir/2025.11.25 notes.txt", Some(date(2025, 11, 25))),
            ("talks_20251325.md", None),
            ("report_18991125.md", None),
            ("2025-02-30.txt", None),
            ("003_ef047f98b842d2d5.txt", None),
            ("notes.txt", None),
        ];
        for &(name, want) in cases {
            assert_eq!(date_in_file_name(name).map(|f| f.date), want, "{name}");
        }
    }

    /// Date lines in each of the seven other languages, as a saved page or a copy puts
    /// them above the text (sentences written by us).
    #[test]
    fn date_lines_in_seven_languages() {
        let cases = [
            ("Publié le 12 février 2025 à 10h30\n\nLe président turc a parlé lundi avec son homologue russe, a indiqué la présidence dans un communiqué.", "2025-02-12"),
            ("Veröffentlicht am 12.02.2025\n\nDer Bundeskanzler hat am Montag mit dem französischen Präsidenten telefoniert, teilte ein Sprecher in Berlin mit.", "2025-02-12"),
            ("Publicado el 12 de febrero de 2025\n\nEl presidente del Gobierno habló el lunes por teléfono con el presidente brasileño, según informó la Moncloa.", "2025-02-12"),
            ("Publicado em 12/02/2025\n\nO presidente conversou por telefone na segunda-feira com o presidente do governo espanhol, informou o Palácio do Planalto.", "2025-02-12"),
            ("Yayınlanma tarihi: 12.02.2025\n\nCumhurbaşkanı pazartesi günü Rusya Devlet Başkanı ile telefonda görüştü ve bu görüşmede iki ülke arasındaki ilişkiler ele alındı.", "2025-02-12"),
            ("Опубликовано 12 февраля 2025\n\nПрезидент России в понедельник провёл телефонный разговор с президентом Турции, и это уже не первый разговор, сообщили в Кремле.", "2025-02-12"),
            ("Опубліковано 12.02.2025\n\nПрезидент України у понеділок провів телефонну розмову з президентом Туреччини, і це вже не перша розмова, повідомили в Офісі.", "2025-02-12"),
        ];
        for (text, want) in cases {
            let got = date_in_text(text, TODAY).unwrap_or_else(|| panic!("no date line: {text}"));
            assert_eq!(got.date.to_string(), want, "{text}");
            assert!(got.reason.starts_with("date line in the text"), "{}", got.reason);
        }
    }

    /// A place and a date alone on a line, as Spanish and Portuguese agencies open.
    #[test]
    fn a_place_and_a_date_alone_on_a_line() {
        for (text, want) in [
            ("Sánchez y Lula\n\nMadrid, 11 de junio de 2025\n\nEl presidente habló por teléfono el martes con su homólogo.", "2025-06-11"),
            ("Lula e Macron\n\nBrasília, 11 de junho de 2025\n\nO presidente conversou por telefone nesta terça-feira com o colega.", "2025-06-11"),
        ] {
            let got = date_in_text(text, TODAY).unwrap_or_else(|| panic!("no dateline: {text}"));
            assert_eq!(got.date.to_string(), want, "{text}");
            assert!(got.reason.starts_with("dateline"), "{}", got.reason);
        }
        // A sentence with a comma and a date is no dateline.
        let text = "Talks\n\nIn a speech in Geneva, the minister recalled 11 June 2025 and what followed.";
        assert!(date_in_text(text, TODAY).is_none_or(|f| !f.reason.starts_with("dateline")));
    }

    #[test]
    fn seed_article_with_a_date_line() {
        let text = include_str!("../../seeds/003_ef047f98b842d2d5.txt");
        let f = date_in_text(text, TODAY).unwrap();
        assert_eq!(f.date, date(2025, 5, 13));
        assert!(f.reason.contains("2025-05-13"), "{}", f.reason);
    }

    #[test]
    fn seed_article_with_weekday_and_month_day() {
        let text = include_str!("../../seeds/004_80507271b0520eef.txt");
        let f = date_in_text(text, TODAY).unwrap();
        assert_eq!(f.date, date(2025, 11, 24), "{}", f.reason);
        assert!(f.span.unwrap().slice(text).contains("11/24"));
    }
}
