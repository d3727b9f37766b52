//! Temporal expressions: find TIMEX3 expressions in English news and normalise them
//! against an anchor (the article's publication date).
//!
//! The tagger follows the TimeML 1.2 / TempEval-3 conventions: four types (DATE, TIME,
//! DURATION, SET), values such as `2025-11-24`, `2025-W47`, `2025-Q3`, `XXXX-03-29`,
//! `PRESENT_REF` or `P3D`, and spans drawn as the guidelines draw them (no leading
//! preposition, modifiers such as "late" or "last" included).
//!
//! It is a token matcher, not a regex engine: the text is cut once into words,
//! numbers and punctuation, each word looked up once in a table built by
//! [`TimeTagger::new`], and a small hand-written grammar tries, at each token, the
//! patterns that can start there, keeping the longest match.
//!
//! # Example: tag a sentence against a publication date
//!
//! ```
//! use dateline::analysis::time::{TimeTagger, TimexType};
//! let tagger = TimeTagger::new();
//! let text = "Erdoğan met Putin on Monday and will call Zelensky next week.";
//! let pub_date = jiff::civil::date(2025, 11, 25);
//! let found = tagger.tag(text, Some(pub_date));
//! assert_eq!(found[0].span.slice(text), "Monday");
//! assert_eq!(found[0].value, "2025-11-24");
//! assert_eq!(found[1].span.slice(text), "next week");
//! assert_eq!(found[1].value, "2025-W49");
//! assert_eq!(found[1].kind, TimexType::Date);
//! ```

use jiff::civil::Date;
use serde::Serialize;

use super::Span;

mod calendar;
mod deictic;
mod govern;
mod lexicon;
mod locale;
mod periods;
mod quantities;
mod scan;
pub use govern::governing_timex;
use lexicon::{build_table, Lex, Table, Unit, K};
pub use locale::date_line_words;
use scan::{scan, Tk, Tok};

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    /// The TimeML name: `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// How precise a value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Time,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Year,
    Decade,
    Century,
    /// Durations, sets and references such as PRESENT_REF.
    Other,
}

/// A temporal expression found in a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timex {
    /// Bytes of the expression as TimeML draws it (no leading "on"/"in").
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The TIMEX3 value: `2025-11-24`, `2025-W47`, `XXXX-03-29`, `P3D`, `PRESENT_REF`, …
    pub value: String,
    pub granularity: Granularity,
    /// Whether the value was computed from the anchor (publication) date.
    pub relative: bool,
    /// How the value was reached, in plain words: "the Monday before publication, 25 Nov 2025".
    pub how: String,
}

impl Timex {
    /// The value as a calendar date usable on a timeline (`YYYY-MM-DD`, `YYYY-MM`,
    /// `YYYY`, `YYYY-Www`, ...), or `None` for durations, sets, references and values
    /// with unknown parts (`XXXX-...`).
    pub fn calendar_value(&self) -> Option<&str> {
        if !matches!(self.kind, TimexType::Date | TimexType::Time) {
            return None;
        }
        let v = self.value.as_str();
        let v = v.split('T').next().unwrap_or(v);
        if v.len() >= 4 && v.as_bytes()[..4].iter().all(u8::is_ascii_digit) && !v.contains('X') {
            Some(v)
        } else {
            None
        }
    }
}

// ---------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------

const MONTH_ABBR: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAY_NAME: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const SEASON: [&str; 4] = ["SP", "SU", "FA", "WI"];
const PART: [&str; 4] = ["MO", "AF", "EV", "NI"];

fn show(d: Date) -> String {
    format!("{} {} {}", d.day(), MONTH_ABBR[d.month() as usize - 1], d.year())
}

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn week_val(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().days(n)).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().months(n)).ok()
}

fn weekday_of(d: Date) -> u8 {
    d.weekday().to_monday_one_offset() as u8
}

fn quarter_of(d: Date) -> u8 {
    (d.month() as u8 - 1) / 3 + 1
}

/// The calendar parts of a DATE or TIME value that can serve as a reference date:
/// `1998-10-23` gives (1998, 10, 23), `1998-10` (1998, 10), `1998` and `1998-Q3` the year.
fn ref_parts(kind: TimexType, v: &str) -> Option<(i16, Option<i8>, Option<i8>)> {
    if !matches!(kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    let b = v.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y: i16 = v[..4].parse().ok()?;
    let two = |at: usize| -> Option<i8> {
        (b.len() >= at + 2 && b[at - 1] == b'-' && b[at..at + 2].iter().all(u8::is_ascii_digit))
            .then(|| v[at..at + 2].parse().ok())
            .flatten()
    };
    let mo = two(5);
    let d = mo.and_then(|_| two(8));
    Some((y, mo, d))
}

fn granularity_of(kind: TimexType, v: &str) -> Granularity {
    if kind == TimexType::Time || v.contains('T') && !v.starts_with('P') {
        return Granularity::Time;
    }
    if !matches!(kind, TimexType::Date) {
        return Granularity::Other;
    }
    let b = v.as_bytes();
    if v.ends_with("_REF") {
        return Granularity::Other;
    }
    match b.len() {
        2 => Granularity::Century,
        3 => Granularity::Decade,
        4 => Granularity::Year,
        _ if v.contains('W') => Granularity::Week,
        _ if v.contains('Q') || v.contains('H') => Granularity::Quarter,
        7 if b[5].is_ascii_alphabetic() => Granularity::Season,
        7 => Granularity::Month,
        10 => Granularity::Day,
        _ => Granularity::Other,
    }
}

/// A month and day without a year is taken in the future only when it falls within
/// this many days after publication (unless the clause is about the future): news
/// mostly reports what has happened.
const FUTURE_DAYS: i32 = 122;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

/// A match: the token after it, and what it means.
#[derive(Clone, Debug)]
struct M {
    end: usize,
    /// An explicit quarter ("the third quarter"): later "the quarter" refers to it.
    quarter: bool,
    kind: TimexType,
    value: String,
    relative: bool,
    how: String,
}

fn m(
    end: usize,
    kind: TimexType,
    value: impl Into<String>,
    relative: bool,
    how: impl Into<String>,
) -> Option<M> {
    Some(M { end, kind, value: value.into(), relative, how: how.into(), quarter: false })
}

// ---------------------------------------------------------------------------------
// The tagger
// ---------------------------------------------------------------------------------

/// The temporal tagger. Build it once and reuse it: it holds its word tables.
#[derive(Clone, Debug, Default)]
pub struct TimeTagger {
    table: Table,
}

impl TimeTagger {
    pub fn new() -> TimeTagger {
        TimeTagger { table: build_table() }
    }

    /// Finds and normalises the temporal expressions of `text`, in text order, against
    /// `anchor` (the publication date). Without an anchor, relative expressions keep
    /// unknown parts (`XXXX-WXX-1`) and are not `calendar_value`s.
    pub fn tag(&self, text: &str, anchor: Option<Date>) -> Vec<Timex> {
        self.tag_in(text, anchor, super::lang::detect(text).map(|d| d.code))
    }

    /// [`tag`](TimeTagger::tag) for text known to be in language `code` (ISO 639-1; a
    /// line of an article whose language was found on the whole): the seven other
    /// languages with their tables, English and any other with the English rules.
    pub fn tag_in(&self, text: &str, anchor: Option<Date>, code: Option<&str>) -> Vec<Timex> {
        if let Some(l) = code.and_then(locale::locale) {
            return locale::tag(l, text, anchor);
        }
        if self.table.is_empty() {
            return TimeTagger::new().tag(text, anchor);
        }
        let mut toks = Vec::with_capacity(text.len() / 4);
        scan(text, &self.table, &mut toks);
        let mut cx = Cx { text, t: &toks, anchor, last_quarter: None, year_period: false, last_date: None };
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Some(mm) = cx.match_at(i) {
                let end = mm.end.max(i + 1);
                let span = Span::new(toks[i].s, toks[end - 1].e);
                let granularity = granularity_of(mm.kind, &mm.value);
                if mm.quarter && mm.value.len() == 7 && !mm.value.starts_with('X') {
                    let y: i16 = mm.value[..4].parse().unwrap_or(0);
                    let q = mm.value.as_bytes()[6].wrapping_sub(b'0');
                    if (1..=4).contains(&q) && mm.value.as_bytes()[5] == b'Q' {
                        cx.last_quarter = Some((y, q));
                        cx.year_period = false;
                    }
                }
                // "the nine months", "the six months", "the year ended Sept. 30": a report
                // period longer than a quarter, so "a year earlier" now means the year.
                if cx.last_quarter.is_some()
                    && mm.kind == TimexType::Duration
                    && matches!(mm.value.as_str(), "P6M" | "P9M" | "P1Y")
                    && cx.k(i, K::The)
                {
                    cx.year_period = true;
                }
                if let Some(d) = ref_parts(mm.kind, &mm.value) {
                    cx.last_date = Some((d, end));
                }
                out.push(Timex {
                    span,
                    kind: mm.kind,
                    value: mm.value,
                    granularity,
                    relative: mm.relative,
                    how: mm.how,
                });
                i = end;
            } else {
                i += 1;
            }
        }
        out
    }
}

struct Cx<'a> {
    text: &'a str,
    t: &'a [Tok],
    anchor: Option<Date>,
    last_quarter: Option<(i16, u8)>,
    /// A report period of six or nine months or a year was named after the last quarter.
    year_period: bool,
    /// The last date mentioned (year, month, day as far as written) and the token after it:
    /// "the following year", "that day", "the previous Friday" count from it.
    last_date: Option<((i16, Option<i8>, Option<i8>), usize)>,
}

impl<'a> Cx<'a> {
    fn lex(&self, j: usize) -> Lex {
        self.t.get(j).map_or(Lex::No, |t| t.lex)
    }

    fn k(&self, j: usize, k: K) -> bool {
        self.lex(j) == Lex::K(k)
    }

    fn p(&self, j: usize, c: u8) -> bool {
        self.t.get(j).is_some_and(|t| t.tk == Tk::Punct(c))
    }

    /// Token `j` follows token `j - 1` with no space.
    fn glued(&self, j: usize) -> bool {
        self.t.get(j).is_some_and(|t| !t.gap)
    }

    fn num(&self, j: usize) -> Option<(u32, u8)> {
        self.t.get(j).filter(|t| t.tk == Tk::Num).map(|t| (t.num, t.ndig))
    }

    fn word(&self, j: usize) -> &str {
        self.t.get(j).map_or("", |t| &self.text[t.s..t.e])
    }

    fn is_word(&self, j: usize, w: &str) -> bool {
        self.t.get(j).is_some_and(|t| t.tk == Tk::Word && self.text[t.s..t.e].eq_ignore_ascii_case(w))
    }

    /// Skips a hyphen glued on both sides at `j`.
    fn hyphen(&self, j: usize) -> usize {
        if self.p(j, b'-') && self.glued(j) && self.glued(j + 1) {
            j + 1
        } else {
            j
        }
    }

    /// A full stop right after an abbreviation at `j - 1`.
    fn dot(&self, j: usize) -> usize {
        if self.p(j, b'.') && self.glued(j) {
            j + 1
        } else {
            j
        }
    }

    /// A sentence boundary before token `j`.
    fn boundary_before(&self, j: usize) -> bool {
        let t = &self.t[j];
        if t.brk {
            return true;
        }
        if !(j > 0 && matches!(self.t[j - 1].tk, Tk::Punct(b'.' | b'!' | b'?' | b';')) && t.gap) {
            return false;
        }
        // "9 a.m. Tuesday", "5 p.m. EST": the stop of "a.m." ends no sentence before a
        // weekday, a time zone or a lower-case word.
        let ampm = j >= 2 && self.p(j - 1, b'.') && self.is_word(j - 2, "m");
        !(ampm && (matches!(self.lex(j), Lex::Wd(..) | Lex::K(K::Tz)) || !t.cap))
    }

    /// The tense of the clause around tokens `s..e`: the nearest marker before, else after.
    fn tense(&self, s: usize, e: usize) -> Tense {
        let mut j = s;
        let mut steps = 0;
        while j > 0 && steps < 14 {
            if self.boundary_before(j) {
                break;
            }
            j -= 1;
            steps += 1;
            if let Some(t) = self.mark(j) {
                return t;
            }
        }
        let mut j = e;
        let mut steps = 0;
        while j < self.t.len() && steps < 8 {
            if j > e && self.boundary_before(j) {
                break;
            }
            // After the expression only firm markers count: "On Monday, he will ...".
            match self.mark(j) {
                Some(Tense::Past) => return Tense::Past,
                Some(Tense::Future)
                    if matches!(self.lex(j), Lex::K(K::Fut))
                        && !matches!(
                            self.word(j).to_ascii_lowercase().as_str(),
                            "set" | "going" | "due" | "expected" | "plan"
                        ) =>
                {
                    return Tense::Future;
                }
                _ => {}
            }
            j += 1;
            steps += 1;
        }
        Tense::Unknown
    }

    /// The tense that decides the year of a date written without one, and whether a
    /// deadline word comes before it ("payable Dec. 7", "by Jan. 14", "effective
    /// Feb. 1"), in which case the nearest date wins whatever the tense.
    fn date_tense(&self, i: usize, end: usize) -> (Tense, bool) {
        let mut j = i;
        for _ in 0..3 {
            if j == 0 {
                break;
            }
            j -= 1;
            if self.k(j, K::On) || self.k(j, K::The) || self.k(j, K::Of) || self.k(j, K::To) {
                continue;
            }
            let w = self.word(j).to_ascii_lowercase();
            if matches!(
                w.as_str(),
                "by" | "until"
                    | "till"
                    | "payable"
                    | "effective"
                    | "record"
                    | "redeem"
                    | "redemption"
                    | "expire"
                    | "expires"
                    | "expiring"
                    | "deadline"
                    | "due"
                    | "starting"
                    | "through"
                    | "beginning"
                    | "scheduled"
                    | "extended"
                    | "before"
                    | "paid"
                    | "postponed"
                    | "delayed"
            ) {
                return (Tense::Unknown, true);
            }
            break;
        }
        // A past verb right before the date ("was signed on Nov. 24", "met in March").
        let mut j = i;
        for _ in 0..4 {
            if j == 0 || self.boundary_before(j) {
                break;
            }
            j -= 1;
            if let Some(Tense::Past) = self.mark(j) {
                // "is heard in May", "to be published in early November", "will be
                // completed": a participle after a present or future auxiliary.
                let aux = j > 0
                    && matches!(
                        self.word(j - 1).to_ascii_lowercase().as_str(),
                        "is" | "are" | "be" | "being" | "will" | "would"
                    );
                if aux {
                    break;
                }
                // "will redeem preferred shares on Oct. 31": an "-ed" word (not a listed
                // past form) inside a future clause is an adjective.
                if self.lex(j) == Lex::No && self.tense(j, j + 1) == Tense::Future {
                    break;
                }
                if !matches!(self.lex(j), Lex::K(K::Last | K::Ago | K::Yesterday)) {
                    return (Tense::Past, false);
                }
            }
        }
        match self.tense(i, end) {
            Tense::Future => (Tense::Future, false),
            _ => (Tense::Unknown, false),
        }
    }

    fn mark(&self, j: usize) -> Option<Tense> {
        let t = &self.t[j];
        // "is heard", "to be published": a participle after a present auxiliary.
        let after_aux =
            j > 0 && matches!(self.word(j - 1).to_ascii_lowercase().as_str(), "is" | "are" | "be" | "being");
        match t.lex {
            Lex::K(K::PastMark) | Lex::No if after_aux && t.tk == Tk::Word => None,
            Lex::K(K::Fut) => {
                // "set" and "going" count only before "to"; "due" before "to" or "on".
                let w = self.word(j);
                if w.eq_ignore_ascii_case("set") || w.eq_ignore_ascii_case("going") {
                    return self.k(j + 1, K::To).then_some(Tense::Future);
                }
                // "had been due to expire", "had planned": a plan in the past.
                if j > 0
                    && (self.is_word(j - 1, "had")
                        || self.is_word(j - 1, "been") && j > 1 && self.is_word(j - 2, "had"))
                {
                    return Some(Tense::Past);
                }
                // "as previously planned" looks back.
                if w.eq_ignore_ascii_case("planned")
                    && j > 0
                    && matches!(
                        self.word(j - 1).to_ascii_lowercase().as_str(),
                        "as" | "previously" | "originally" | "had" | "was" | "were"
                    )
                {
                    return Some(Tense::Past);
                }
                // "vacation plans", "peace plan": a noun, unless a verb before "to".
                if ["plans", "plan"].iter().any(|x| w.eq_ignore_ascii_case(x)) && !self.k(j + 1, K::To) {
                    return None;
                }
                Some(Tense::Future)
            }
            Lex::K(K::Next) | Lex::K(K::Coming) | Lex::K(K::Tomorrow) => Some(Tense::Future),
            Lex::K(K::PastMark | K::Said | K::Ago | K::Last | K::Yesterday) => Some(Tense::Past),
            // "is to resume trading Tuesday": "is/are to" + verb is a plan.
            Lex::K(K::PresMark)
                if matches!(self.word(j).to_ascii_lowercase().as_str(), "is" | "are")
                    && self.k(j + 1, K::To)
                    && self.lex(j + 2) == Lex::No
                    && self.t.get(j + 2).is_some_and(|x| x.tk == Tk::Word && !x.cap) =>
            {
                Some(Tense::Future)
            }
            Lex::K(K::PresMark) => Some(Tense::Unknown),
            // "as soon as Tuesday", "as early as next week"
            Lex::K(K::Soon | K::Early)
                if self.is_word(j.wrapping_sub(1), "as") && self.is_word(j + 1, "as") =>
            {
                Some(Tense::Future)
            }
            Lex::Month(5, false) if !t.cap => Some(Tense::Future),
            Lex::No if t.tk == Tk::Word => {
                let w = self.word(j);
                if ["might", "should", "wants", "hopes", "aims", "tomorrow"]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x))
                {
                    return Some(Tense::Future);
                }
                // "would be traveling ... Thursday": future in the past.
                if w.eq_ignore_ascii_case("would")
                    && self.is_word(j + 1, "be")
                    && self.t.get(j + 2).is_some_and(|x| x.tk == Tk::Word)
                    && self.word(j + 2).len() > 3
                    && (self.word(j + 2).ends_with("ing")
                        || self.word(j + 2).ends_with("ed")
                        || self.word(j + 2) == "paid")
                {
                    return Some(Tense::Future);
                }
                // A capitalised "-ed" word is a name ("United States"), not a verb.
                if w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed") && !t.cap {
                    Some(Tense::Past)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    // -----------------------------------------------------------------------------
    // Dispatcher
    // -----------------------------------------------------------------------------

    fn match_at(&mut self, i: usize) -> Option<M> {
        let t = self.t[i];
        match (t.tk, t.lex) {
            // "that year", "that same day": the one plain word that opens an expression.
            (Tk::Word, Lex::No)
                if t.e - t.s == 4
                    && matches!(self.lex(i + 1), Lex::Unit(..) | Lex::Part(_) | Lex::No)
                    && self.is_word(i, "that") =>
            {
                return self.anaphoric(i);
            }
            (Tk::Word, Lex::No) | (Tk::Other, _) => return None,
            (Tk::Punct(c), _) if c != b'\'' => return None,
            _ => {}
        }
        // Approximators: "about two years", "more than a decade", "at least three days".
        let mut j = i;
        if self.k(j, K::Approx) {
            j += 1;
        } else if (self.k(j, K::More) || self.k(j, K::Less)) && self.k(j + 1, K::Than)
            || self.k(j, K::At) && self.k(j + 1, K::Least)
        {
            j += 2;
        }
        if j > i {
            // Only quantities and clock times after an approximator.
            let inner = self.duration(j).or_else(|| self.clock(j));
            if let Some(mm) = inner {
                if matches!(mm.kind, TimexType::Duration | TimexType::Time)
                    || mm.value.starts_with(|c: char| c.is_ascii_digit() || c == 'X' || c == 'P')
                {
                    return Some(mm);
                }
            }
            return None;
        }
        self.core(i)
    }

    fn core(&mut self, i: usize) -> Option<M> {
        let mut best: Option<M> = None;
        let mut consider = |c: Option<M>| {
            if let Some(c) = c {
                if best.as_ref().is_none_or(|b| c.end > b.end) {
                    best = Some(c);
                }
            }
        };
        consider(self.latest_period(i));
        consider(self.anaphoric(i));
        consider(self.modified(i));
        consider(self.duration(i));
        consider(self.deictic(i));
        consider(self.day_word(i));
        consider(self.reference(i));
        consider(self.month_date(i));
        consider(self.day_month(i));
        consider(self.weekday(i));
        consider(self.numeric_date(i));
        consider(self.year(i));
        consider(self.decade(i));
        consider(self.quarter(i));
        consider(self.season(i));
        consider(self.set(i));
        consider(self.clock(i));
        consider(self.holiday(i));
        best
    }

    // -----------------------------------------------------------------------------
    // Anaphora: "the following year", "that same day", "the previous Friday"
    // -----------------------------------------------------------------------------

    /// "the latest period" in a report on a quarter: that quarter.
    fn latest_period(&self, i: usize) -> Option<M> {
        let (y, q) = self.last_quarter?;
        if !(self.k(i, K::The) && self.k(i + 1, K::Latest) && self.k(i + 2, K::Period)) {
            return None;
        }
        m(i + 3, TimexType::Date, format!("{y:04}-Q{q}"), true, "the quarter under discussion")
    }

    /// Expressions that count from the last date mentioned (within about three
    /// sentences) rather than from publication: "the following year/month/week/day",
    /// "the next day/morning", "the previous Friday/day", "that (same) day/year",
    /// "earlier/later that day".
    fn anaphoric(&self, i: usize) -> Option<M> {
        let ((ry, rm, rd), at) = self.last_date?;
        if i < at || i - at > 80 {
            return None;
        }
        #[derive(PartialEq)]
        enum Rel {
            That,
            Next,
            Prev,
        }
        let mut j = i;
        let modifier = matches!(self.lex(j), Lex::K(K::Earlier | K::Later));
        if modifier {
            j += 1;
        }
        let mut next_only_day = false;
        let rel = if self.is_word(j, "that") {
            j += 1;
            if self.is_word(j, "same") {
                j += 1;
            }
            Rel::That
        } else if self.k(j, K::The) && !modifier {
            let r = match self.lex(j + 1) {
                Lex::K(K::Following) => Rel::Next,
                Lex::K(K::Next) => {
                    next_only_day = true;
                    Rel::Next
                }
                Lex::K(K::Previous) => Rel::Prev,
                _ if self.is_word(j + 1, "preceding") || self.is_word(j + 1, "prior") => Rel::Prev,
                _ => return None,
            };
            j += 2;
            r
        } else {
            return None;
        };
        // "that year-end", "the following day's": not a glued compound.
        if self.p(j + 1, b'-') && self.glued(j + 1) {
            return None;
        }
        let off: i64 = match rel {
            Rel::That => 0,
            Rel::Next => 1,
            Rel::Prev => -1,
        };
        let day = rd.and_then(|d| Date::new(ry, rm?, d).ok());
        let month = rm.and_then(|m| Date::new(ry, m, 1).ok());
        let refname = match (day, month) {
            (Some(d), _) => show(d),
            (None, Some(m)) => format!("{} {}", MONTH_ABBR[m.month() as usize - 1], m.year()),
            _ => format!("{ry}"),
        };
        let dir = match rel {
            Rel::That => "the same",
            Rel::Next => "after",
            Rel::Prev => "before",
        };
        let how = |what: &str| {
            if rel == Rel::That {
                format!("the same {what} as {refname}, the last date mentioned")
            } else {
                format!("the {what} {dir} {refname}, the last date mentioned")
            }
        };
        let end = j + 1;
        match self.lex(j) {
            Lex::Unit(Unit::Day, false) => {
                let d = add_days(day?, off)?;
                m(end, TimexType::Date, ymd(d), true, how("day"))
            }
            // "the next morning": the gold dates the day.
            Lex::Part(_) if rel != Rel::Prev => {
                let d = add_days(day?, off)?;
                m(end, TimexType::Date, ymd(d), true, how("day"))
            }
            _ if next_only_day => None,
            Lex::Unit(Unit::Week, false) => {
                let d = add_days(day?, 7 * off)?;
                m(end, TimexType::Date, week_val(d), true, how("week"))
            }
            Lex::Unit(Unit::Month, false) => {
                let d = add_months(month?, off)?;
                m(end, TimexType::Date, format!("{:04}-{:02}", d.year(), d.month()), true, how("month"))
            }
            Lex::Unit(Unit::Year, false) => {
                m(end, TimexType::Date, format!("{:04}", ry as i64 + off), true, how("year"))
            }
            Lex::Wd(d, false) if rel != Rel::That && self.t[j].cap => {
                let r = day?;
                let w =
                    if off < 0 { self.weekday_before(r, d, true)? } else { self.weekday_after(r, d, true)? };
                m(end, TimexType::Date, ymd(w), true, how(WEEKDAY_NAME[d as usize - 1]))
            }
            _ => None,
        }
    }

    // -----------------------------------------------------------------------------
    // Modifiers: "early next year", "late May 12", "mid-1990s", "earlier this year"
    // -----------------------------------------------------------------------------

    fn modified(&mut self, i: usize) -> Option<M> {
        let mut j = i;
        if self.k(j, K::The) {
            j += 1;
        }
        if !matches!(self.lex(j), Lex::K(K::Early | K::Late | K::Mid | K::Earlier | K::Later)) {
            return None;
        }
        let later_earlier = matches!(self.lex(j), Lex::K(K::Earlier | K::Later));
        let j = self.hyphen(j + 1);
        if later_earlier
            && !matches!(self.lex(j), Lex::K(K::This | K::Today | K::Last | K::Next) | Lex::Month(..))
        {
            return None;
        }
        let mut best: Option<M> = None;
        for c in [
            self.deictic(j),
            self.day_word(j),
            self.month_date(j),
            self.weekday(j),
            self.year(j),
            self.decade(j),
            self.season(j),
            self.quarter(j),
        ]
        .into_iter()
        .flatten()
        {
            if matches!(c.kind, TimexType::Date | TimexType::Time)
                && best.as_ref().is_none_or(|b| c.end > b.end)
            {
                best = Some(c);
            }
        }
        best
    }
}

#[cfg(test)]
mod tests;
