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

mod govern;
mod lexicon;
mod scan;
pub use govern::governing_timex;
use lexicon::{build_table, Lex, Table, Unit, K};
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

    // -----------------------------------------------------------------------------
    // Quantities: "three days", "the past two months", "two years ago", "16-hour"
    // -----------------------------------------------------------------------------

    /// A quantity at `j`: its value (None for "several", "a few") and the next token.
    fn quantity(&self, j: usize) -> Option<(Option<u32>, usize)> {
        match self.lex(j) {
            Lex::Card(n) if (20..100).contains(&n) => {
                let k = self.hyphen(j + 1);
                if let Lex::Card(u) = self.lex(k) {
                    if (1..10).contains(&u) {
                        return Some((Some(n + u), k + 1));
                    }
                }
                Some((Some(n), j + 1))
            }
            Lex::Card(n) if n > 0 => {
                if self.k(j + 1, K::And) {
                    return Some((Some(n), j + 1));
                }
                Some((Some(n), j + 1))
            }
            Lex::K(K::A) => {
                if self.k(j + 1, K::Few) {
                    return Some((None, j + 2));
                }
                if self.is_word(j + 1, "couple") && self.k(j + 2, K::Of) {
                    return Some((Some(2), j + 3));
                }
                Some((Some(1), j + 1))
            }
            Lex::K(K::Several | K::Few) => Some((None, j + 1)),
            _ => {
                let (n, nd) = self.num(j)?;
                // Not part of a larger number ("1,000", "2.5") or a clock time.
                if self.p(j + 1, b',') && self.glued(j + 1) && self.num(j + 2).is_some() && self.glued(j + 2)
                {
                    return None;
                }
                if (self.p(j + 1, b'.') || self.p(j + 1, b':'))
                    && self.glued(j + 1)
                    && self.num(j + 2).is_some()
                    && self.glued(j + 2)
                {
                    return None;
                }
                if j > 0 && (self.p(j - 1, b'$') || self.p(j - 1, b'.') && self.glued(j)) {
                    return None;
                }
                if nd > 4 || n == 0 {
                    return None;
                }
                // "the 1988 second quarter": a year, not a count.
                if nd == 4 && (1800..=2100).contains(&n) && !matches!(self.lex(j + 1), Lex::Unit(_, true)) {
                    return None;
                }
                Some((Some(n), j + 1))
            }
        }
    }

    fn duration(&self, i: usize) -> Option<M> {
        let mut j = i;
        let the = self.k(j, K::The);
        if the {
            j += 1;
        }
        let rel = match self.lex(j) {
            Lex::K(
                k @ (K::Past
                | K::Last
                | K::Next
                | K::Coming
                | K::Previous
                | K::Latest
                | K::Following
                | K::First
                | K::Recent),
            ) => {
                j += 1;
                Some(k)
            }
            _ => None,
        };
        // "the first nine months", "the past few days"
        let q = self.quantity(j);
        let (qty, mut j) = match q {
            Some((n, k)) => {
                if the && rel.is_none() && self.k(j, K::A) {
                    return None;
                }
                (Some(n), k)
            }
            None => (None, j),
        };
        // "two to three weeks"
        if qty.is_some() && (self.k(j, K::To) || self.is_word(j, "or")) {
            if let Some((_, k)) = self.quantity(j + 1) {
                if matches!(self.lex(k), Lex::Unit(..)) {
                    j = k;
                }
            }
        }
        if qty.is_some() && self.k(j, K::More) {
            j += 1;
        }
        // "2 1/2 years": a half after a whole number.
        let mut half = false;
        if matches!(qty, Some(Some(_)))
            && self.num(j) == Some((1, 1))
            && self.p(j + 1, b'/')
            && self.glued(j + 1)
            && self.num(j + 2) == Some((2, 1))
            && self.glued(j + 2)
        {
            half = true;
            j += 3;
        }
        // "the full year", "the fiscal year", "eight trading days"
        if (self.k(j, K::Fiscal)
            || self.is_word(j, "full") && the
            || (self.is_word(j, "trading") || self.is_word(j, "business")) && qty.is_some())
            && matches!(self.lex(j + 1), Lex::Unit(..))
        {
            j += 1;
        }
        let hyph = self.p(j, b'-') && self.glued(j);
        let j = self.hyphen(j);
        let Lex::Unit(unit, plural) = self.lex(j) else {
            // "the past", "the future" are references, handled elsewhere.
            return None;
        };
        let mut end = j + 1;
        // "decades-long"; "6-year-old" is an age, "year-earlier" an adjective.
        if self.p(end, b'-') && self.glued(end) {
            // "by year-end", "since year-end": the last day of this year, or of last year
            // after "since"/"after"; "year-end net" (no preposition) is an adjective.
            if unit == Unit::Year && !plural && j == i && self.is_word(end + 1, "end") {
                let prep = i.checked_sub(1).map(|p| self.word(p).to_ascii_lowercase());
                let back = match prep.as_deref() {
                    Some("by" | "until" | "before" | "at" | "through") => 0,
                    Some("since" | "after") => 1,
                    _ => return None,
                };
                let a = self.anchor?;
                return m(
                    end + 2,
                    TimexType::Date,
                    format!("{:04}-12-31", a.year() - back),
                    true,
                    "the end of the year of publication (or of the year before, after \"since\")",
                );
            }
            if self.k(end + 1, K::Long) {
                end += 2;
            } else {
                return None;
            }
        }
        if hyph && the && rel.is_none() {
            return None;
        }
        // "37 years old" is an age; "three-quarters of", "a quarter of" a fraction; "a
        // second group" an ordinal; "60 Minutes", "This Week" (capitalised mid-phrase) a
        // programme's title.
        if self.k(end, K::Old) && qty.is_some()
            || unit == Unit::Quarter && self.k(end, K::Of) && !the && matches!(qty, Some(Some(1 | 3)))
            || unit == Unit::Second
                && self.k(j.wrapping_sub(1), K::A)
                && !matches!(self.lex(end), Lex::K(K::Later | K::Earlier | K::Ago))
            || self.title_word(j)
        {
            return None;
        }
        let anchor = self.anchor;
        // "three days later", "a few hours earlier": a length of time counted from a
        // moment of the story, not from publication; the gold tags the length only.
        if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day)
            && matches!(self.lex(end), Lex::K(K::Later | K::Earlier))
            && !the
            && matches!(rel, None)
        {
            if let Some(n) = qty {
                let (pre, l) = match unit {
                    Unit::Second => ("PT", "S"),
                    Unit::Minute => ("PT", "M"),
                    Unit::Hour => ("PT", "H"),
                    _ => ("P", "D"),
                };
                let v = match n {
                    Some(n) => format!("{pre}{n}{l}"),
                    None => format!("{pre}X{l}"),
                };
                return m(
                    end,
                    TimexType::Duration,
                    v,
                    false,
                    "a length of time before or after a moment of the story",
                );
            }
        }
        // "two years ago", "three weeks later", "a year earlier", "two days from now"
        let dir = match self.lex(end) {
            Lex::K(K::Ago) => Some((-1, end + 1, "before publication")),
            Lex::K(K::Earlier) => Some((-1, end + 1, "before publication")),
            Lex::K(K::Later) => Some((1, end + 1, "after publication")),
            Lex::K(K::From) if self.k(end + 1, K::Now) => Some((1, end + 2, "after publication")),
            _ => None,
        };
        if let (Some((sign, after, words)), None | Some(K::Past | K::First)) = (dir, rel) {
            if the {
                return None;
            }
            let Some(qty) = qty else {
                // "years ago", "months earlier"
                let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return m(after, TimexType::Date, v, true, "an unspecified time before or after");
            };
            let Some(n) = qty else {
                let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return m(after, TimexType::Date, v, true, "an unspecified time before or after");
            };
            return self.shifted(after, unit, sign * n as i64, words, anchor);
        }
        if hyph && qty.is_none() {
            return None;
        }
        // Durations.
        let letter = |u: Unit| -> (&'static str, &'static str, u32) {
            match u {
                Unit::Second => ("PT", "S", 1),
                Unit::Minute => ("PT", "M", 1),
                Unit::Hour => ("PT", "H", 1),
                Unit::Day => ("P", "D", 1),
                Unit::Week => ("P", "W", 1),
                Unit::Month => ("P", "M", 1),
                Unit::Quarter => ("P", "Q", 1),
                Unit::Year => ("P", "Y", 1),
                Unit::Decade => ("P", "Y", 10),
                Unit::Century => ("P", "Y", 100),
            }
        };
        let (pre, l, mult) = letter(unit);
        // "a minute and a half"
        if !half
            && matches!(qty, Some(Some(_)))
            && self.k(end, K::And)
            && self.k(end + 1, K::A)
            && self.is_word(end + 2, "half")
        {
            half = true;
            end += 3;
        }
        // A half as the next smaller unit: "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M.
        let half_of = match unit {
            Unit::Year => Some("6M"),
            Unit::Hour => Some("30M"),
            Unit::Minute => Some("30S"),
            Unit::Day => Some("T12H"),
            _ => None,
        };
        if half {
            if let (Some(Some(n)), Some(h), None) = (qty, half_of, rel) {
                return m(
                    end,
                    TimexType::Duration,
                    format!("{pre}{n}{l}{h}"),
                    false,
                    "a length of time and a half",
                );
            }
            return None;
        }
        let val = |n: Option<u32>| match n {
            Some(n) if unit == Unit::Quarter => format!("P{}M", 3 * n),
            Some(n) => format!("{pre}{}{l}", n * mult),
            None => match unit {
                Unit::Decade => "PXY".to_string(),
                Unit::Century => "PXC".to_string(),
                _ => format!("{pre}X{l}"),
            },
        };
        match (qty, rel) {
            (Some(n), _) => {
                // "a year", "a day": a set after a rate ("$5 a year", "twice a day").
                if n == Some(1)
                    && self.k(j.saturating_sub(1), K::A)
                    && !the
                    && rel.is_none()
                    && self.rate_before(i)
                {
                    return m(end, TimexType::Set, val(Some(1)), false, "a rate: every such period");
                }
                if n == Some(1) && self.k(j.saturating_sub(1), K::A) && (self.k(end, K::Ago) || the) {
                    return None;
                }
                // "a year" standing alone is often "a year ago"-like prose; keep it.
                if self.k(end, K::Ahead) {
                    end += 1;
                }
                m(end, TimexType::Duration, val(n), false, "a length of time, as written")
            }
            (None, Some(K::Coming | K::Next | K::Following)) if plural => {
                let mut end = end;
                if self.k(end, K::Ahead) {
                    end += 1;
                }
                if unit == Unit::Day || rel == Some(K::Coming) {
                    return m(end, TimexType::Date, "FUTURE_REF", true, "the coming days, after publication");
                }
                m(end, TimexType::Duration, val(None), false, "an unspecified length of time")
            }
            // "recent years", "past years": TimeBank mostly tags the years as a past
            // reference; "recent months", "recent weeks" as a vague length of time.
            (None, Some(K::Recent | K::Past)) if plural && unit == Unit::Year && !the => {
                m(end, TimexType::Date, "PAST_REF", true, "an unspecified time before publication")
            }
            (None, Some(K::Recent | K::Past | K::Last | K::Previous)) if plural => {
                m(end, TimexType::Duration, val(None), false, "an unspecified length of time")
            }
            (None, None) if the && !plural && unit == Unit::Year && self.is_word(j - 1, "full") => {
                match self.anchor {
                    Some(a) => {
                        m(end, TimexType::Date, format!("{:04}", a.year()), true, "the year of publication")
                    }
                    None => m(end, TimexType::Date, "XXXX", true, "the year of an unknown publication date"),
                }
            }
            // "For the week, the index rose": the week under discussion, which the gold
            // writes as an unresolved week of the year of publication (3 of 3).
            (None, None)
                if the
                    && !plural
                    && unit == Unit::Week
                    && j == i + 1
                    && !matches!(
                        self.word(end).to_ascii_lowercase().as_str(),
                        "of" | "before" | "after" | "ended" | "ending" | "earlier" | "later" | "ahead" | "-"
                    ) =>
            {
                let a = self.anchor?;
                m(end, TimexType::Date, format!("{:04}-WXX", a.year()), true, "the week under discussion")
            }
            (None, None)
                if the
                    && !plural
                    && unit == Unit::Year
                    && !self.k(end, K::Earlier)
                    && !self.k(end, K::Ago) =>
            {
                // "the year ended Sept. 30" is a fiscal year, a length of time; "for the
                // year", "the end of the year" is the year under discussion.
                let w = self.word(end).to_ascii_lowercase();
                match self.anchor {
                    Some(a) if !matches!(w.as_str(), "ended" | "ending" | "ends" | "before" | "after") => m(
                        end,
                        TimexType::Date,
                        format!("{:04}", a.year()),
                        true,
                        "the year under discussion: the year of publication",
                    ),
                    _ => m(end, TimexType::Duration, "P1Y", false, "a length of time, as written"),
                }
            }
            // "the past year": TimeBank tags it as the year before publication.
            (None, Some(K::Past | K::Last)) if the && !plural && unit == Unit::Year => match self.anchor {
                Some(a) => m(
                    end,
                    TimexType::Date,
                    format!("{:04}", a.year() - 1),
                    true,
                    "the year before publication",
                ),
                None => m(end, TimexType::Duration, "P1Y", false, "a length of time, as written"),
            },
            (None, Some(K::Past | K::Last | K::Next | K::Coming | K::Previous | K::Following))
                if the && !plural =>
            {
                m(end, TimexType::Duration, val(Some(1)), false, "a length of time, as written")
            }
            (None, None)
                if plural && !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Quarter) =>
            {
                if the && unit == Unit::Day {
                    return None;
                }
                if unit == Unit::Day
                    && !self.k(i.wrapping_sub(1), K::Prep)
                    && !self.k(i.wrapping_sub(1), K::In)
                {
                    return None;
                }
                if self.k(i.wrapping_sub(1), K::These) || self.k(end, K::Old) {
                    return None;
                }
                // "the weeks ahead"
                let mut end = end;
                if self.k(end, K::Ahead) {
                    end += 1;
                }
                m(end, TimexType::Duration, val(None), false, "an unspecified length of time")
            }
            _ => None,
        }
    }

    /// A unit word capitalised inside a phrase ("60 Minutes", "This Week"): a title.
    fn title_word(&self, j: usize) -> bool {
        let Some(t) = self.t.get(j) else {
            return false;
        };
        let w = self.word(j);
        t.cap && !self.boundary_before(j) && w.bytes().skip(1).any(|b| b.is_ascii_lowercase())
    }

    /// A number, money or "once"/"twice"/"times" right before `i`: "a year" is a rate.
    fn rate_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = i - 1;
        let w = self.word(p);
        self.num(p).is_some()
            || self.k(p, K::Percent)
            || self.p(p, b'%')
            || ["once", "twice", "times", "million", "billion", "dollars", "cents"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
    }

    /// The anchor shifted by `n` units.
    fn shifted(&self, end: usize, unit: Unit, n: i64, words: &str, anchor: Option<Date>) -> Option<M> {
        let abs = n.unsigned_abs();
        let plural = |u: &str| {
            if abs == 1 {
                u.to_string()
            } else {
                format!("{u}s")
            }
        };
        let Some(a) = anchor else {
            let v = match unit {
                Unit::Day => "XXXX-XX-XX",
                Unit::Week => "XXXX-WXX",
                Unit::Month => "XXXX-XX",
                Unit::Quarter => "XXXX-QX",
                Unit::Second | Unit::Minute | Unit::Hour => "XXXX-XX-XXTXX:XX",
                _ => "XXXX",
            };
            return m(end, TimexType::Date, v, true, "relative to an unknown publication date");
        };
        let (value, kind, uname) = match unit {
            Unit::Day => (ymd(add_days(a, n)?), TimexType::Date, "day"),
            Unit::Week => (week_val(add_days(a, 7 * n)?), TimexType::Date, "week"),
            Unit::Month => {
                let d = add_months(a, n)?;
                (format!("{:04}-{:02}", d.year(), d.month()), TimexType::Date, "month")
            }
            Unit::Quarter => {
                let d = add_months(a, 3 * n)?;
                (format!("{:04}-Q{}", d.year(), quarter_of(d)), TimexType::Date, "quarter")
            }
            Unit::Year => {
                let y = a.year() as i64 + n;
                // "a year earlier" in a report on a quarter: the same quarter a year before.
                if let Some((qy, q)) = self.last_quarter.filter(|_| !self.year_period) {
                    if abs == 1 && (qy == a.year() || qy + 1 == a.year()) {
                        return m(
                            end,
                            TimexType::Date,
                            format!("{:04}-Q{q}", qy as i64 + n),
                            true,
                            format!(
                                "the quarter under discussion ({qy}-Q{q}) a year {}",
                                if n < 0 { "before" } else { "after" }
                            ),
                        );
                    }
                }
                (format!("{y:04}"), TimexType::Date, "year")
            }
            Unit::Decade => (format!("{:04}", a.year() as i64 + 10 * n), TimexType::Date, "decade"),
            Unit::Century => (format!("{:04}", a.year() as i64 + 100 * n), TimexType::Date, "century"),
            Unit::Second | Unit::Minute | Unit::Hour => (ymd(a), TimexType::Date, "hour"),
        };
        m(end, kind, value, true, format!("{abs} {} {words} ({})", plural(uname), show(a)))
    }

    // -----------------------------------------------------------------------------
    // Deictic: "last week", "next month", "this year", "last Friday", "this summer"
    // -----------------------------------------------------------------------------

    fn deictic(&self, i: usize) -> Option<M> {
        let mut j = i;
        let the = self.k(j, K::The);
        if the {
            j += 1;
        }
        let which = match self.lex(j) {
            Lex::K(
                k @ (K::Last
                | K::Next
                | K::This
                | K::Coming
                | K::Previous
                | K::Current
                | K::Past
                | K::Latest
                | K::Following),
            ) => k,
            _ => return None,
        };
        if the && !matches!(which, K::Coming | K::Previous | K::Current | K::Latest | K::Following) {
            return None;
        }
        let mut t = j + 1;
        let mut which = which;
        if which == K::This && self.k(t, K::Past) {
            which = K::Last;
            t += 1;
        }
        if self.k(t, K::Fiscal) && matches!(self.lex(t + 1), Lex::Unit(Unit::Year | Unit::Quarter, false)) {
            t += 1;
        }
        let a = self.anchor;
        let sign: i64 = match which {
            K::Last | K::Previous | K::Past | K::Latest => -1,
            K::Next | K::Coming | K::Following => 1,
            _ => 0,
        };
        let when = match sign {
            -1 => "before",
            1 => "after",
            _ => "of",
        };
        match self.lex(t) {
            Lex::Unit(u, false) => {
                if which == K::Past || self.title_word(t) {
                    return None; // "past week": a duration, see `duration`.
                }
                if the && which != K::Current && u != Unit::Quarter {
                    return None;
                }
                let Some(a) = a else {
                    let v = match u {
                        Unit::Week => "XXXX-WXX",
                        Unit::Month => "XXXX-XX",
                        Unit::Quarter => "XXXX-QX",
                        Unit::Day => "XXXX-XX-XX",
                        Unit::Decade => "XXX",
                        Unit::Century => "XX",
                        _ => "XXXX",
                    };
                    return m(t + 1, TimexType::Date, v, true, "relative to an unknown publication date");
                };
                let (v, name) = match u {
                    Unit::Week => (week_val(add_days(a, 7 * sign)?), "week"),
                    Unit::Month => {
                        let d = add_months(a, sign)?;
                        (format!("{:04}-{:02}", d.year(), d.month()), "month")
                    }
                    Unit::Quarter => {
                        let d = add_months(a, 3 * sign)?;
                        (format!("{:04}-Q{}", d.year(), quarter_of(d)), "quarter")
                    }
                    Unit::Year => (format!("{:04}", a.year() as i64 + sign), "year"),
                    Unit::Decade => (format!("{:03}", (a.year() as i64 + 10 * sign) / 10), "decade"),
                    Unit::Century => (format!("{:02}", (a.year() as i64 + 100 * sign) / 100), "century"),
                    Unit::Day => return None,
                    _ => return None,
                };
                m(t + 1, TimexType::Date, v, true, format!("the {name} {when} publication, {}", show(a)))
            }
            Lex::K(K::Weekend) => {
                let Some(a) = a else {
                    return m(
                        t + 1,
                        TimexType::Date,
                        "XXXX-WXX-WE",
                        true,
                        "relative to an unknown publication date",
                    );
                };
                let sat = match sign {
                    -1 => self.weekday_before(a, 6, false)?,
                    1 => self.weekday_after(a, 6, false)?,
                    _ => {
                        let wd = weekday_of(a) as i64;
                        add_days(a, 6 - wd)?
                    }
                };
                m(
                    t + 1,
                    TimexType::Date,
                    format!("{}-WE", week_val(sat)),
                    true,
                    format!("the weekend {when} publication, {}", show(a)),
                )
            }
            Lex::Wd(d, false) if !the && which != K::Past => {
                let Some(a) = a else {
                    return m(
                        t + 1,
                        TimexType::Date,
                        format!("XXXX-WXX-{d}"),
                        true,
                        "relative to an unknown publication date",
                    );
                };
                let day = match sign {
                    -1 => self.weekday_before(a, d, true)?,
                    1 => self.weekday_after(a, d, true)?,
                    _ => {
                        let wd = weekday_of(a) as i64;
                        add_days(a, d as i64 - wd)?
                    }
                };
                let mut end = t + 1;
                let (kind, mut v) = (TimexType::Date, ymd(day));
                let mut kind = kind;
                if let Lex::Part(p) = self.lex(end) {
                    v = format!("{v}T{}", PART[p as usize]);
                    kind = TimexType::Time;
                    end += 1;
                }
                m(
                    end,
                    kind,
                    v,
                    true,
                    format!("the {} {when} publication, {}", WEEKDAY_NAME[d as usize - 1], show(a)),
                )
            }
            Lex::Month(mo, _)
                if !the && which != K::Past && self.t[t].cap && self.day_at(self.dot(t + 1)).is_none() =>
            {
                let Some(a) = a else {
                    return m(
                        t + 1,
                        TimexType::Date,
                        format!("XXXX-{mo:02}"),
                        true,
                        "relative to an unknown publication date",
                    );
                };
                let y = match sign {
                    -1 => {
                        if mo < a.month() as u8 {
                            a.year()
                        } else {
                            a.year() - 1
                        }
                    }
                    1 => {
                        if mo > a.month() as u8 {
                            a.year()
                        } else {
                            a.year() + 1
                        }
                    }
                    _ => a.year(),
                };
                m(
                    t + 1,
                    TimexType::Date,
                    format!("{y:04}-{mo:02}"),
                    true,
                    format!("the {} {when} publication", MONTH_ABBR[mo as usize - 1]),
                )
            }
            Lex::Season(s) if !the && which != K::Past => {
                let Some(a) = a else {
                    return m(
                        t + 1,
                        TimexType::Date,
                        format!("XXXX-{}", SEASON[s as usize]),
                        true,
                        "relative to an unknown publication date",
                    );
                };
                let cur = season_index(a);
                let mut abs = (cur.div_euclid(4)) * 4 + s as i64;
                match sign {
                    -1 => {
                        while abs >= cur {
                            abs -= 4;
                        }
                    }
                    1 => {
                        while abs <= cur {
                            abs += 4;
                        }
                    }
                    _ => {}
                }
                let y = abs.div_euclid(4);
                m(
                    t + 1,
                    TimexType::Date,
                    format!("{y:04}-{}", SEASON[s as usize]),
                    true,
                    format!("the season {when} publication, {}", show(a)),
                )
            }
            Lex::Part(p) if matches!(which, K::This | K::Last) && !the => {
                // "this morning", "last night"
                if which == K::Last && p != 3 {
                    return None;
                }
                let Some(a) = a else {
                    return m(
                        t + 1,
                        TimexType::Time,
                        format!("XXXX-XX-XXT{}", PART[p as usize]),
                        true,
                        "relative to an unknown publication date",
                    );
                };
                let d = if which == K::Last { add_days(a, -1)? } else { a };
                m(
                    t + 1,
                    TimexType::Time,
                    format!("{}T{}", ymd(d), PART[p as usize]),
                    true,
                    format!(
                        "part of the day {} publication ({})",
                        if which == K::Last { "before" } else { "of" },
                        show(d)
                    ),
                )
            }
            _ => None,
        }
    }

    fn weekday_before(&self, a: Date, d: u8, strict: bool) -> Option<Date> {
        let wd = weekday_of(a) as i64;
        let mut back = (wd - d as i64).rem_euclid(7);
        if back == 0 && strict {
            back = 7;
        }
        add_days(a, -back)
    }

    fn weekday_after(&self, a: Date, d: u8, strict: bool) -> Option<Date> {
        let wd = weekday_of(a) as i64;
        let mut fwd = (d as i64 - wd).rem_euclid(7);
        if fwd == 0 && strict {
            fwd = 7;
        }
        add_days(a, fwd)
    }

    // -----------------------------------------------------------------------------
    // "yesterday", "today", "tomorrow", "tonight", "yesterday morning"
    // -----------------------------------------------------------------------------

    fn day_word(&self, i: usize) -> Option<M> {
        let (off, name) = match self.lex(i) {
            Lex::K(K::Yesterday) => (-1, "the day before publication"),
            Lex::K(K::Today) => (0, "the publication date"),
            Lex::K(K::Tomorrow) => (1, "the day after publication"),
            Lex::K(K::Tonight) => {
                return match self.anchor {
                    Some(a) => m(
                        i + 1,
                        TimexType::Time,
                        format!("{}TNI", ymd(a)),
                        true,
                        format!("the night of publication ({})", show(a)),
                    ),
                    None => m(
                        i + 1,
                        TimexType::Time,
                        "XXXX-XX-XXTNI",
                        true,
                        "relative to an unknown publication date",
                    ),
                };
            }
            _ => return None,
        };
        let mut end = i + 1;
        let mut part = None;
        if let Lex::Part(p) = self.lex(end) {
            part = Some(p);
            end += 1;
        }
        let (date, how) = match self.anchor {
            Some(a) => {
                let d = add_days(a, off)?;
                (ymd(d), format!("{name}, {}", show(a)))
            }
            None => ("XXXX-XX-XX".to_string(), "relative to an unknown publication date".to_string()),
        };
        match part {
            Some(p) => m(end, TimexType::Time, format!("{date}T{}", PART[p as usize]), true, how),
            None => m(end, TimexType::Date, date, true, how),
        }
    }

    // -----------------------------------------------------------------------------
    // References: "now", "currently", "recently", "the future", "soon"
    // -----------------------------------------------------------------------------

    fn reference(&self, i: usize) -> Option<M> {
        let present = "the present, at publication";
        let past = "some time before publication";
        let future = "some time after publication";
        match self.lex(i) {
            Lex::K(K::Now) => {
                // "now" as a conjunction-like discourse marker is still tagged in TimeBank.
                m(i + 1, TimexType::Date, "PRESENT_REF", true, present)
            }
            Lex::K(K::Currently | K::Nowadays) => m(i + 1, TimexType::Date, "PRESENT_REF", true, present),
            Lex::K(K::These) if matches!(self.lex(i + 1), Lex::Unit(Unit::Day, true)) => {
                m(i + 2, TimexType::Date, "PRESENT_REF", true, present)
            }
            Lex::K(K::Recently) => m(i + 1, TimexType::Date, "PAST_REF", true, past),
            Lex::K(K::Current) => {
                if self.is_word(i + 1, "account")
                    || self.is_word(i + 1, "accounts")
                    || self.k(i.wrapping_sub(1), K::The)
                {
                    return None;
                }
                m(i + 1, TimexType::Date, "PRESENT_REF", true, present)
            }
            // "recent", "previously", "soon" and "future" are tagged in some
            // texts and not in others; as adjectives they rarely date anything.
            Lex::K(K::The) => match self.lex(i + 1) {
                Lex::K(K::Future) => m(i + 2, TimexType::Date, "FUTURE_REF", true, future),
                Lex::K(K::Near) if self.k(i + 2, K::Future) => {
                    m(i + 3, TimexType::Date, "FUTURE_REF", true, future)
                }
                Lex::K(K::Past)
                    if !matches!(
                        self.lex(i + 2),
                        Lex::Unit(..) | Lex::Card(_) | Lex::K(K::Few | K::Several)
                    ) && self.num(i + 2).is_none() =>
                {
                    m(i + 2, TimexType::Date, "PAST_REF", true, past)
                }
                Lex::K(K::Present) => m(i + 2, TimexType::Date, "PRESENT_REF", true, present),
                Lex::K(K::Weekend) => {
                    let Some(a) = self.anchor else {
                        return m(
                            i + 2,
                            TimexType::Date,
                            "XXXX-WXX-WE",
                            true,
                            "a weekend near an unknown publication date",
                        );
                    };
                    let (sat, how) = if self.tense(i, i + 2) == Tense::Future {
                        (self.weekday_after(a, 6, false)?, "the weekend after publication")
                    } else {
                        (self.weekday_before(a, 6, false)?, "the weekend before publication")
                    };
                    m(
                        i + 2,
                        TimexType::Date,
                        format!("{}-WE", week_val(sat)),
                        true,
                        format!("{how} ({})", show(sat)),
                    )
                }
                _ => None,
            },
            Lex::K(K::Present) if self.k(i.wrapping_sub(1), K::At) => {
                m(i + 1, TimexType::Date, "PRESENT_REF", true, present)
            }
            _ => None,
        }
    }

    // -----------------------------------------------------------------------------
    // Calendar dates
    // -----------------------------------------------------------------------------

    /// A year written at `j`: four digits, or "'98" after a month. Returns (year, next).
    fn year_at(&self, j: usize, after_month: bool) -> Option<(i32, usize)> {
        if let Some((n, 4)) = self.num(j) {
            if (1000..=2100).contains(&n)
                && !(self.glued(j + 1)
                    && (self.p(j + 1, b'-') && self.num(j + 2).is_some() || self.is_word(j + 1, "s")))
            {
                return Some((n as i32, j + 1));
            }
        }
        if after_month && self.p(j, b'\'') {
            if let Some((n, 2)) = self.num(j + 1) {
                if self.glued(j + 1) {
                    let y = if n < 50 { 2000 + n } else { 1900 + n };
                    return Some((y as i32, j + 2));
                }
            }
        }
        None
    }

    /// "this year", "last year", "next year" after a month: (year, next).
    fn deictic_year(&self, j: usize) -> Option<(i32, usize)> {
        let off = match self.lex(j) {
            Lex::K(K::This) => 0,
            Lex::K(K::Last) => -1,
            Lex::K(K::Next) => 1,
            _ => return None,
        };
        if !matches!(self.lex(j + 1), Lex::Unit(Unit::Year, false))
            || self.p(j + 2, b'-')
            || self.is_word(j + 2, "'s")
        {
            return None;
        }
        let a = self.anchor?;
        Some((a.year() as i32 + off, j + 2))
    }

    /// A day of the month at `j`: "24", "24th". Returns (day, next).
    fn day_at(&self, j: usize) -> Option<(u8, usize)> {
        let (n, nd) = self.num(j)?;
        if nd > 2 || !(1..=31).contains(&n) {
            return None;
        }
        let mut k = j + 1;
        if self.k(k, K::Th) && self.glued(k) {
            k += 1;
        }
        // Not "24,000" or "12.5" or "3:30".
        if self.glued(k)
            && (self.p(k, b',') || self.p(k, b'.') || self.p(k, b':'))
            && self.num(k + 1).is_some()
            && self.glued(k + 1)
        {
            return None;
        }
        if self.glued(k) && (self.p(k, b'%') || self.p(k, b'/')) {
            return None;
        }
        Some((n as u8, k))
    }

    fn month_at(&self, j: usize) -> Option<(u8, usize)> {
        let Lex::Month(mo, abbr) = self.lex(j) else {
            return None;
        };
        let t = self.t[j];
        if !t.cap {
            return None;
        }
        let mut k = j + 1;
        if abbr {
            k = self.dot(k);
            if k == j + 1 && self.num(k).is_none() {
                return None;
            }
        }
        Some((mo, k))
    }

    /// "Nov. 24", "November 24, 2025", "March 2022", "March", "Monday, Nov. 24".
    fn month_date(&self, i: usize) -> Option<M> {
        let mut j = i;
        let mut weekday = None;
        if let Lex::Wd(d, false) = self.lex(j) {
            if !self.t[j].cap {
                return None;
            }
            let mut k = self.dot(j + 1);
            if self.p(k, b',') {
                k += 1;
            }
            weekday = Some(d);
            j = k;
        }
        let (mo, j) = self.month_at(j)?;
        if let Some((day, k)) = self.day_at(j) {
            let mut end = k;
            let mut year = None;
            let mut y_at = k;
            if self.p(y_at, b',') {
                y_at += 1;
            }
            if let Some((y, k2)) = self.year_at(y_at, true).or_else(|| self.deictic_year(k)) {
                year = Some(y);
                end = k2;
            }
            return self.full_date(i, end, year, mo, day, weekday);
        }
        if weekday.is_some() {
            return None;
        }
        // "March 2022", "March of 2022", "March, 2022"
        let mut k = j;
        if self.k(k, K::Of) || self.p(k, b',') {
            k += 1;
        }
        if let Some((y, end)) = self.year_at(k, true).or_else(|| self.spelled_year(k)) {
            return m(end, TimexType::Date, format!("{y:04}-{mo:02}"), false, "as written");
        }
        // "June last year", "February this year"
        if let Some((y, end)) = self.deictic_year(j) {
            return m(
                end,
                TimexType::Date,
                format!("{y:04}-{mo:02}"),
                true,
                "the month in the year named, counted from publication",
            );
        }
        // A bare month. "May" and "March" are also verbs: want a cue before them.
        let prev = i.checked_sub(1).map_or(Lex::No, |p| self.lex(p));
        let cue = matches!(
            prev,
            Lex::K(K::In | K::Prep | K::Early | K::Late | K::Mid | K::Of | K::Last | K::Next | K::This)
                | Lex::K(K::From | K::To)
        );
        if matches!(mo, 3 | 5) && !cue {
            return None;
        }
        if self.word(i) == "MAY" || self.word(i) == "MARCH" {
            return None;
        }
        let end = if matches!(self.lex(i), Lex::Month(_, true)) { self.dot(i + 1) } else { i + 1 };
        let Some(a) = self.anchor else {
            return m(
                end,
                TimexType::Date,
                format!("XXXX-{mo:02}"),
                true,
                "month without a year and no publication date",
            );
        };
        let (tense, deadline) = self.date_tense(i, end);
        let am = a.year() as i64 * 12 + a.month() as i64 - 1;
        let cands = [-1i64, 0, 1].map(|dy| (a.year() as i64 + dy) * 12 + mo as i64 - 1);
        let pick = match tense {
            Tense::Future => cands.iter().copied().filter(|&c| c >= am).min(),
            Tense::Past => cands.iter().copied().filter(|&c| c <= am).max(),
            _ => None,
        }
        .unwrap_or_else(|| {
            // A deadline ("by August") half a year away either way lies ahead.
            let near = *cands.iter().min_by_key(|&&c| ((c - am).abs(), (c > am) != deadline)).unwrap_or(&am);
            // A future month only when it is close, and not in a past-tense clause
            // ("stepped down in March", "In January, the company brought in ...").
            if !deadline
                && (near - am > FUTURE_DAYS as i64 / 30 || near - am > 1 && self.tense(i, end) == Tense::Past)
            {
                near - 12
            } else {
                near
            }
        });
        let y = pick.div_euclid(12);
        m(
            end,
            TimexType::Date,
            format!("{y:04}-{mo:02}"),
            true,
            format!("the {} nearest to publication ({})", MONTH_ABBR[mo as usize - 1], show(a)),
        )
    }

    /// A month and day, with or without a year or a weekday, resolved.
    fn full_date(
        &self,
        i: usize,
        end: usize,
        year: Option<i32>,
        mo: u8,
        day: u8,
        weekday: Option<u8>,
    ) -> Option<M> {
        if let Some(y) = year {
            let d = Date::new(y as i16, mo as i8, day as i8).ok()?;
            return m(end, TimexType::Date, ymd(d), false, "as written");
        }
        let Some(a) = self.anchor else {
            if day > 31 || mo > 12 {
                return None;
            }
            return m(
                end,
                TimexType::Date,
                format!("XXXX-{mo:02}-{day:02}"),
                true,
                "day without a year and no publication date",
            );
        };
        let cands: Vec<Date> =
            (-1i16..=1).filter_map(|dy| Date::new(a.year() + dy, mo as i8, day as i8).ok()).collect();
        if cands.is_empty() {
            return None;
        }
        if let Some(wd) = weekday {
            let fit: Vec<Date> = cands.iter().copied().filter(|d| weekday_of(*d) == wd).collect();
            if let Some(d) =
                fit.iter().min_by_key(|d| a.until(**d).map(|s| s.get_days().abs()).unwrap_or(i32::MAX))
            {
                return m(
                    end,
                    TimexType::Date,
                    ymd(*d),
                    true,
                    format!(
                        "the year in which {} {} is a {}",
                        day,
                        MONTH_ABBR[mo as usize - 1],
                        WEEKDAY_NAME[wd as usize - 1]
                    ),
                );
            }
        }
        let (tense, deadline) = self.date_tense(i, end);
        let dist = |d: &Date| a.until(*d).map(|s| s.get_days()).unwrap_or(i32::MAX);
        let pick = match tense {
            Tense::Future => cands.iter().copied().filter(|d| *d >= a).min(),
            Tense::Past => cands.iter().copied().filter(|d| *d <= a).max(),
            _ => None,
        }
        .or_else(|| {
            // Nearest, but news leans to the past: a future date only when it is close.
            let near = cands.iter().copied().min_by_key(|d| (dist(d).abs(), *d > a))?;
            if !deadline && near > a && dist(&near) > FUTURE_DAYS {
                cands.iter().copied().filter(|d| *d <= a).max().or(Some(near))
            } else {
                Some(near)
            }
        })?;
        let how = match tense {
            Tense::Past => "the last such date before publication",
            Tense::Future => "the next such date after publication",
            Tense::Unknown => "the nearest such date to publication",
        };
        m(end, TimexType::Date, ymd(pick), true, format!("{how}, {}", show(a)))
    }

    /// "24 November 2025", "24th of November".
    fn day_month(&self, i: usize) -> Option<M> {
        let (day, mut j) = self.day_at(i)?;
        if self.k(j, K::Of) {
            j += 1;
        }
        let (mo, j) = self.month_at(j)?;
        let mut end = j;
        let mut year = None;
        let mut k = j;
        if self.p(k, b',') {
            k += 1;
        }
        if let Some((y, k2)) = self.year_at(k, true) {
            year = Some(y);
            end = k2;
        }
        self.full_date(i, end, year, mo, day, None)
    }

    /// "2025-05-13", "11/24", "11/24/2025".
    fn numeric_date(&self, i: usize) -> Option<M> {
        let (a, nd) = self.num(i)?;
        if nd == 4 && self.p(i + 1, b'-') && self.glued(i + 1) && self.glued(i + 2) {
            let (mo, nm) = self.num(i + 2)?;
            if nm == 2 && self.p(i + 3, b'-') && self.glued(i + 3) && self.glued(i + 4) {
                let (d, ndd) = self.num(i + 4)?;
                if ndd != 2 {
                    return None;
                }
                let date = Date::new(a as i16, mo as i8, d as i8).ok()?;
                return m(i + 5, TimexType::Date, ymd(date), false, "as written");
            }
            return None;
        }
        if nd <= 2 && self.p(i + 1, b'/') && self.glued(i + 1) && self.glued(i + 2) {
            let (d, ndd) = self.num(i + 2)?;
            if ndd > 2 || !(1..=12).contains(&a) || !(1..=31).contains(&d) {
                return None;
            }
            if i > 0 && self.glued(i) && (self.p(i - 1, b'/') || self.num(i - 1).is_some()) {
                return None;
            }
            if self.p(i + 3, b'/') && self.glued(i + 3) && self.glued(i + 4) {
                let (y, ny) = self.num(i + 4)?;
                let y = match ny {
                    4 => y as i32,
                    2 => {
                        if y < 50 {
                            2000 + y as i32
                        } else {
                            1900 + y as i32
                        }
                    }
                    _ => return None,
                };
                if self.p(i + 5, b'/') && self.glued(i + 5) {
                    return None;
                }
                return self.full_date(i, i + 5, Some(y), a as u8, d as u8, None);
            }
            // Without a year, a fraction is likelier: want a cue ("(11/24)", "on 11/24").
            let prev_cue = i > 0
                && (self.p(i - 1, b'(') || matches!(self.lex(i - 1), Lex::K(K::On | K::Prep) | Lex::Wd(..)));
            if !prev_cue {
                return None;
            }
            let wd = (i >= 2 && self.p(i - 1, b'(')).then(|| match self.lex(i - 2) {
                Lex::Wd(w, false) => Some(w),
                _ => None,
            });
            return self.full_date(i, i + 3, None, a as u8, d as u8, wd.flatten());
        }
        None
    }

    /// A weekday: "Monday", "Friday morning", "Mondays" (a set).
    fn weekday(&self, i: usize) -> Option<M> {
        let Lex::Wd(d, plural) = self.lex(i) else {
            return None;
        };
        let t = self.t[i];
        if !t.cap {
            return None;
        }
        let w = self.word(i);
        let full = w.len() > 4;
        // "Sun, Nov. 5" is a day; "Sun, a maker of workstations" a company.
        let abbr_comma =
            self.p(i + 1, b',') && (matches!(self.lex(i + 2), Lex::Month(..)) || self.num(i + 2).is_some());
        if !(full || self.p(i + 1, b'.') || abbr_comma) {
            return None;
        }
        let mut end = if full { i + 1 } else { self.dot(i + 1) };
        let mut part = None;
        if let Lex::Part(p) = self.lex(end) {
            part = Some(p);
            end += 1;
        }
        let pv = |v: String| match part {
            Some(p) => format!("{v}T{}", PART[p as usize]),
            None => v,
        };
        let kind = if part.is_some() { TimexType::Time } else { TimexType::Date };
        if plural {
            return m(
                end,
                TimexType::Set,
                pv(format!("XXXX-WXX-{d}")),
                false,
                format!("every {}", WEEKDAY_NAME[d as usize - 1]),
            );
        }
        let Some(a) = self.anchor else {
            return m(end, kind, pv(format!("XXXX-WXX-{d}")), true, "weekday without a publication date");
        };
        let tense = if self.until_before(i) { Tense::Future } else { self.tense(i, end) };
        let name = WEEKDAY_NAME[d as usize - 1];
        let (day, how) = if tense == Tense::Future {
            let day = self.weekday_after(a, d, true)?;
            (day, format!("the {name} after publication ({})", show(day)))
        } else {
            let day = self.weekday_before(a, d, false)?;
            let how = if day == a {
                format!("the publication day, a {name} ({})", show(day))
            } else {
                format!("the {name} before publication ({})", show(day))
            };
            (day, how)
        };
        m(end, kind, pv(ymd(day)), true, how)
    }

    /// "until Tuesday", "postponed until 9 a.m. EST Tuesday": a limit in the future.
    fn until_before(&self, i: usize) -> bool {
        let mut j = i;
        for _ in 0..7 {
            if j == 0 || self.boundary_before(j) {
                return false;
            }
            j -= 1;
            let w = self.word(j).to_ascii_lowercase();
            match w.as_str() {
                // "Up until Thursday, they had …", "not until Tuesday": looking back.
                "until" | "till" => {
                    return j > 0
                        && !self.boundary_before(j)
                        && !self.is_word(j - 1, "up")
                        && !self.is_word(j - 1, "not")
                        && !self.p(j - 1, b',');
                }
                "postponed" | "delayed" => return true,
                "on" | "at" | "a" | "p" | "m" | "am" | "pm" | "noon" | "midnight" | "est" | "edt" | "gmt"
                | "." | ":" => continue,
                _ if self.t[j].tk == Tk::Num => continue,
                _ => return false,
            }
        }
        false
    }

    /// A year in words: "nineteen ninety-six", "two thousand". Returns (year, next).
    fn spelled_year(&self, j: usize) -> Option<(i32, usize)> {
        match (self.lex(j), self.lex(j + 1)) {
            (Lex::Card(c), Lex::Card(t))
                if (11..=20).contains(&c) && (20..100).contains(&t) && t % 10 == 0 =>
            {
                let k = self.hyphen(j + 2);
                if let Lex::Card(u) = self.lex(k) {
                    if (1..10).contains(&u) {
                        return Some(((c * 100 + t + u) as i32, k + 1));
                    }
                }
                Some(((c * 100 + t) as i32, j + 2))
            }
            (Lex::Card(2), Lex::K(K::Thousand)) => {
                let mut k = j + 2;
                if self.k(k, K::And) {
                    k += 1;
                }
                if let Lex::Card(u) = self.lex(k) {
                    if (1..20).contains(&u) {
                        return Some((2000 + u as i32, k + 1));
                    }
                }
                Some((2000, j + 2))
            }
            _ => None,
        }
    }

    /// A year: "1998", "fiscal 1989", "nineteen ninety-six", "the year two thousand".
    fn year(&self, i: usize) -> Option<M> {
        let mut j = i;
        if self.k(j, K::The) && matches!(self.lex(j + 1), Lex::Unit(Unit::Year, false)) {
            if let Some((y, end)) = self.spelled_year(j + 2).or_else(|| self.year_at(j + 2, false)) {
                return m(end, TimexType::Date, format!("{y:04}"), false, "as written");
            }
        }
        if let Some((y, end)) = self.spelled_year(j) {
            return m(end, TimexType::Date, format!("{y:04}"), false, "as written");
        }
        let fiscal = self.k(j, K::Fiscal);
        if fiscal {
            j += 1;
        }
        let (y, end) = self.year_at(j, false)?;
        // Not money, a count or a percentage.
        if j > 0 && (self.p(j - 1, b'$') || self.p(j - 1, b'#')) {
            return None;
        }
        if self.p(end, b'%') || self.k(end, K::Percent) {
            return None;
        }
        if self.glued(end) && (self.p(end, b',') || self.p(end, b'.')) && self.num(end + 1).is_some() {
            return None;
        }
        let prev = j.checked_sub(1).map_or(Lex::No, |p| self.lex(p));
        let cue = fiscal
            || matches!(
                prev,
                Lex::K(K::In | K::Prep | K::Of | K::Early | K::Late | K::Mid | K::From | K::To)
            );
        if !(1900..=2100).contains(&y) && !cue {
            return None;
        }
        // "1,500 troops" is not split that way, but "1998 troops" would be odd: units.
        if matches!(self.lex(end), Lex::Unit(..)) {
            return None;
        }
        m(end, TimexType::Date, format!("{y:04}"), false, "as written")
    }

    /// "the 1990s", "the '90s", "the mid-1990s", "the 20th century".
    fn decade(&self, i: usize) -> Option<M> {
        let mut j = i;
        let the = self.k(j, K::The);
        if the {
            j += 1;
        }
        if matches!(self.lex(j), Lex::K(K::Early | K::Late | K::Mid)) {
            j = self.hyphen(j + 1);
        }
        // "the nineties", "the early eighties": a decade of the 1900s.
        if the && j < self.t.len() {
            let w = self.word(j).to_ascii_lowercase();
            let names = [
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ];
            if let Some(p) = names.iter().position(|n| *n == w) {
                return m(j + 1, TimexType::Date, format!("19{}", p + 2), false, "the decade named");
            }
        }
        // Centuries.
        let ord = match self.lex(j) {
            Lex::Ord(n) => Some((n, j + 1)),
            _ => match self.num(j) {
                Some((n, nd)) if nd <= 2 && self.k(j + 1, K::Th) && self.glued(j + 1) => Some((n, j + 2)),
                _ => None,
            },
        };
        if let Some((n, k)) = ord {
            let k2 = self.hyphen(k);
            if matches!(self.lex(k2), Lex::Unit(Unit::Century, false)) && (1..=21).contains(&n) {
                return m(k2 + 1, TimexType::Date, format!("{:02}", n - 1), false, "as written");
            }
        }
        let mut k = j;
        let apos = self.p(k, b'\'');
        if apos {
            k += 1;
        }
        let (n, nd) = self.num(k)?;
        if !(self.is_word(k + 1, "s") && self.glued(k + 1)) || n % 10 != 0 {
            return None;
        }
        let v = match nd {
            4 => format!("{:03}", n / 10),
            2 if apos || the => format!("{:03}", if n < 30 { 200 + n / 10 } else { 190 + n / 10 }),
            _ => return None,
        };
        m(k + 2, TimexType::Date, v, false, "as written")
    }

    /// "the third quarter", "third-quarter", "the fourth quarter of 1989", "Q3 2025",
    /// "the first half", "the quarter", "the year-ago quarter".
    fn quarter(&self, i: usize) -> Option<M> {
        let mut j = i;
        let the = self.k(j, K::The);
        if the {
            j += 1;
        }
        if self.k(j, K::Fiscal) {
            j += 1;
        }
        let a = self.anchor;
        let mut pre_year: Option<i32> = None;
        if the {
            if let Some((y, k)) = self.year_at(j, false) {
                pre_year = Some(y);
                j = k;
            }
        }
        // "this year's third quarter"
        if !the
            && matches!(self.lex(j), Lex::K(K::This | K::Last | K::Next))
            && matches!(self.lex(j + 1), Lex::Unit(Unit::Year, false))
            && self.p(j + 2, b'\'')
            && self.is_word(j + 3, "s")
        {
            if let Some(a) = a {
                let off = match self.lex(j) {
                    Lex::K(K::Last) => -1,
                    Lex::K(K::Next) => 1,
                    _ => 0,
                };
                pre_year = Some(a.year() as i32 + off);
                j += 4;
            }
        }
        // "year-earlier", "year-ago" (quarter, period)
        if matches!(self.lex(j), Lex::Unit(Unit::Year, false))
            && self.p(j + 1, b'-')
            && self.glued(j + 1)
            && matches!(self.lex(j + 2), Lex::K(K::Ago | K::Earlier))
        {
            let mut end = j + 3;
            if matches!(self.lex(end), Lex::Unit(Unit::Quarter, false) | Lex::K(K::Period)) {
                end += 1;
            } else if the {
                return None;
            }
            if let Some((y, q)) = self.last_quarter.filter(|_| !self.year_period || end > j + 3) {
                return m(
                    end,
                    TimexType::Date,
                    format!("{:04}-Q{q}", y - 1),
                    true,
                    "the quarter under discussion, a year before",
                );
            }
            return match a {
                Some(a) => m(
                    end,
                    TimexType::Date,
                    format!("{:04}", a.year() - 1),
                    true,
                    "the year before publication",
                ),
                None => m(end, TimexType::Date, "XXXX", true, "a year before an unknown date"),
            };
        }
        // "Q3", "Q3 2025"
        if self.is_word(j, "q") {
            if let Some((q, 1)) = self.num(j + 1) {
                if self.glued(j + 1) && (1..=4).contains(&q) {
                    let mut k = j + 2;
                    if self.p(k, b',') {
                        k += 1;
                    }
                    if let Some((y, end)) = self.year_at(k, true) {
                        return m(end, TimexType::Date, format!("{y:04}-Q{q}"), false, "as written");
                    }
                    return self.quarter_no_year(i, j + 2, q as u8);
                }
            }
        }
        let ord = match self.lex(j) {
            Lex::Ord(n) => Some(n),
            Lex::K(K::First) => Some(1),
            Lex::Unit(Unit::Second, false) => Some(2),
            _ => match self.num(j) {
                Some((n, 1)) if self.k(j + 1, K::Th) && self.glued(j + 1) => {
                    j += 1;
                    Some(n)
                }
                _ => None,
            },
        };
        if let Some(q) = ord {
            let mut k = self.hyphen(j + 1);
            if self.k(k, K::Fiscal) {
                k += 1;
            }
            let half = self.k(k, K::Half);
            if !(half || matches!(self.lex(k), Lex::Unit(Unit::Quarter, false))) {
                return None;
            }
            if (half && !(1..=2).contains(&q)) || !(1..=4).contains(&q) {
                return None;
            }
            let mut end = k + 1;
            let mut y = None;
            let mut k2 = end;
            if self.k(k2, K::Of) || self.k(k2, K::In) {
                k2 += 1;
            }
            if self.k(k2, K::Fiscal) {
                k2 += 1;
            }
            if let Some((yy, e)) = self.year_at(k2, true) {
                y = Some(yy);
                end = e;
            }
            let letter = if half { 'H' } else { 'Q' };
            if let Some(y) = y.or(pre_year) {
                return m(
                    end,
                    TimexType::Date,
                    format!("{y:04}-{letter}{q}"),
                    pre_year.is_some(),
                    "as written",
                )
                .map(|mut x| {
                    x.quarter = !half;
                    x
                });
            }
            if half {
                return match a {
                    Some(a) => m(
                        end,
                        TimexType::Date,
                        format!("{:04}-H{q}", a.year()),
                        true,
                        "in the year of publication",
                    ),
                    None => m(end, TimexType::Date, format!("XXXX-H{q}"), true, "year unknown"),
                };
            }
            return self.quarter_no_year(i, end, q as u8).map(|mut x| {
                x.quarter = true;
                x
            });
        }
        // "the 1988 quarter", "the 1989 period"
        if let Some(y) = pre_year {
            if matches!(self.lex(j), Lex::Unit(Unit::Quarter, false) | Lex::K(K::Period)) {
                if let Some((_, q)) = self.last_quarter {
                    return m(
                        j + 1,
                        TimexType::Date,
                        format!("{y:04}-Q{q}"),
                        true,
                        "the quarter under discussion, in the year written",
                    );
                }
            }
            return None;
        }
        // "the quarter", "the latest quarter"
        if the && matches!(self.lex(j), Lex::Unit(Unit::Quarter, false)) {
            // "the quarter ended Sept. 30": the quarter that ends then.
            if let Some((y, q)) = self.quarter_ended(j + 1) {
                return m(
                    j + 1,
                    TimexType::Date,
                    format!("{y:04}-Q{q}"),
                    true,
                    "the quarter ending on the date given",
                )
                .map(|mut x| {
                    x.quarter = true;
                    x
                });
            }
            if let Some((y, q)) = self.last_quarter {
                return m(
                    j + 1,
                    TimexType::Date,
                    format!("{y:04}-Q{q}"),
                    true,
                    "the quarter under discussion",
                );
            }
            return match a {
                Some(a) => {
                    let d = add_months(a, -3)?;
                    m(
                        j + 1,
                        TimexType::Date,
                        format!("{:04}-Q{}", d.year(), quarter_of(d)),
                        true,
                        "the last complete quarter before publication",
                    )
                }
                None => m(j + 1, TimexType::Date, "XXXX-QX", true, "quarter unknown"),
            };
        }
        None
    }

    /// "ended Sept. 30" after a quarter: the (year, quarter) whose last month that is.
    fn quarter_ended(&self, j: usize) -> Option<(i16, u8)> {
        let w = self.word(j);
        if !(w.eq_ignore_ascii_case("ended")
            || w.eq_ignore_ascii_case("ending")
            || w.eq_ignore_ascii_case("through"))
        {
            return None;
        }
        let d = self.month_date(j + 1)?;
        let v = d.value.as_bytes();
        if v.len() < 7 || !v[..4].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let y: i16 = d.value[..4].parse().ok()?;
        let mo: u8 = d.value[5..7].parse().ok()?;
        // The quarter is named after the calendar quarter holding most of its months.
        let mid = if mo == 1 { 12 } else { mo - 1 };
        let y = if mo == 1 { y - 1 } else { y };
        Some((y, (mid - 1) / 3 + 1))
    }

    fn quarter_no_year(&self, i: usize, end: usize, q: u8) -> Option<M> {
        let Some(a) = self.anchor else {
            return m(
                end,
                TimexType::Date,
                format!("XXXX-Q{q}"),
                true,
                "quarter without a year and no publication date",
            );
        };
        let cur = quarter_of(a);
        let mut y = a.year();
        // A later quarter in a past-tense report is last year's.
        if q > cur && self.tense(i, end) == Tense::Past {
            y -= 1;
        }
        m(
            end,
            TimexType::Date,
            format!("{y:04}-Q{q}"),
            true,
            format!("Q{q} of the year of publication or the year before ({})", show(a)),
        )
    }

    /// "summer 1998", "the summer of 2025", "in spring".
    fn season(&self, i: usize) -> Option<M> {
        let Lex::Season(s) = self.lex(i) else {
            return None;
        };
        let mut k = i + 1;
        if self.k(k, K::Of) {
            k += 1;
        }
        if let Some((y, end)) = self.year_at(k, true) {
            return m(end, TimexType::Date, format!("{y:04}-{}", SEASON[s as usize]), false, "as written");
        }
        let prev = i.checked_sub(1).map_or(Lex::No, |p| self.lex(p));
        let prev2 = i.checked_sub(2).map_or(Lex::No, |p| self.lex(p));
        let cue = matches!(prev, Lex::K(K::In | K::Prep | K::Early | K::Late | K::Mid))
            || prev == Lex::K(K::The) && matches!(prev2, Lex::K(K::In | K::Prep));
        if !cue || self.word(i).eq_ignore_ascii_case("fall") && prev != Lex::K(K::The) {
            return None;
        }
        let Some(a) = self.anchor else {
            return m(
                i + 1,
                TimexType::Date,
                format!("XXXX-{}", SEASON[s as usize]),
                true,
                "season without a year and no publication date",
            );
        };
        let cur = season_of(a);
        let y = match self.tense(i, i + 1) {
            Tense::Past if s > cur => a.year() - 1,
            Tense::Future if s < cur => a.year() + 1,
            _ => a.year(),
        };
        m(
            i + 1,
            TimexType::Date,
            format!("{y:04}-{}", SEASON[s as usize]),
            true,
            "the season nearest to publication",
        )
    }

    /// "daily", "every week", "each Thursday", "per year".
    fn set(&self, i: usize) -> Option<M> {
        // "average daily volume": a statistic's adjective, untagged in TimeBank.
        if self.k(i, K::Daily) && self.is_word(i.wrapping_sub(1), "average") {
            return None;
        }
        let v = match self.lex(i) {
            Lex::K(K::Daily) => "P1D",
            Lex::K(K::Weekly) => "P1W",
            Lex::K(K::Monthly) => "P1M",
            Lex::K(K::Hourly) => "PT1H",
            Lex::K(K::Every | K::Per) => {
                let mut j = i + 1;
                if self.k(j, K::Other) {
                    j += 1;
                }
                let (n, j) = match self.quantity(j) {
                    Some((Some(n), k)) if !self.k(j, K::A) => (n, k),
                    _ => (1, j),
                };
                return match self.lex(j) {
                    // "15 million instructions per second": a speed, not a schedule.
                    Lex::Unit(Unit::Second, _) => None,
                    Lex::Unit(u, _) => {
                        let (pre, l, mult) = match u {
                            Unit::Second => ("PT", "S", 1),
                            Unit::Minute => ("PT", "M", 1),
                            Unit::Hour => ("PT", "H", 1),
                            Unit::Day => ("P", "D", 1),
                            Unit::Week => ("P", "W", 1),
                            Unit::Month => ("P", "M", 1),
                            Unit::Quarter => ("P", "Q", 1),
                            Unit::Year => ("P", "Y", 1),
                            Unit::Decade => ("P", "Y", 10),
                            Unit::Century => ("P", "Y", 100),
                        };
                        let n = if self.k(i + 1, K::Other) { 2 * n } else { n };
                        m(j + 1, TimexType::Set, format!("{pre}{}{l}", n * mult), false, "a repeated period")
                    }
                    Lex::Wd(d, _) => m(
                        j + 1,
                        TimexType::Set,
                        format!("XXXX-WXX-{d}"),
                        false,
                        format!("every {}", WEEKDAY_NAME[d as usize - 1]),
                    ),
                    Lex::Part(p) => m(
                        j + 1,
                        TimexType::Set,
                        format!("XXXX-XX-XXT{}", PART[p as usize]),
                        false,
                        "every such part of the day",
                    ),
                    Lex::Month(mo, _) if self.t[j].cap => {
                        m(j + 1, TimexType::Set, format!("XXXX-{mo:02}"), false, "every such month")
                    }
                    _ => None,
                };
            }
            _ => return None,
        };
        m(i + 1, TimexType::Set, v, false, "a repeated period")
    }

    /// "10:35 a.m.", "5 p.m. EST", "noon Thursday", "14:30", "4 in the morning".
    fn clock(&self, i: usize) -> Option<M> {
        let (mut h, mut mi, mut j);
        match self.lex(i) {
            Lex::K(K::Noon) => {
                h = 12;
                mi = 0;
                j = i + 1;
            }
            Lex::K(K::Midnight) => {
                h = 24;
                mi = 0;
                j = i + 1;
            }
            _ => {
                let (n, nd) = self.num(i)?;
                if nd > 2 || n > 24 {
                    return None;
                }
                if i > 0
                    && self.glued(i)
                    && (self.p(i - 1, b'.')
                        || self.p(i - 1, b':')
                        || self.p(i - 1, b'$')
                        || self.p(i - 1, b','))
                {
                    return None;
                }
                h = n;
                mi = 0;
                j = i + 1;
                let mut has_min = false;
                if self.p(j, b':') && self.glued(j) && self.glued(j + 1) {
                    if let Some((mm, 2)) = self.num(j + 1) {
                        if mm < 60 {
                            mi = mm;
                            j += 2;
                            has_min = true;
                            if self.p(j, b':') && self.glued(j) && matches!(self.num(j + 1), Some((_, 2))) {
                                j += 2;
                            }
                        }
                    }
                }
                match self.ampm(j) {
                    Some((pm, k)) => {
                        if !(1..=12).contains(&h) {
                            return None;
                        }
                        if pm && h < 12 {
                            h += 12;
                        }
                        if !pm && h == 12 {
                            h = 0;
                        }
                        j = k;
                    }
                    None => {
                        if self.k(j, K::In) && self.k(j + 1, K::The) {
                            if let Lex::Part(p) = self.lex(j + 2) {
                                if (1..=12).contains(&h) {
                                    if p >= 1 && h < 12 {
                                        h += 12;
                                    }
                                    j += 3;
                                } else {
                                    return None;
                                }
                            } else if !has_min {
                                return None;
                            }
                        } else if is_oclock(self, j) {
                            j += 3;
                        } else if !has_min {
                            return None;
                        }
                    }
                }
            }
        }
        if matches!(self.lex(j), Lex::K(K::Tz)) || self.is_word(j, "et") && self.t[j].cap {
            j += 1;
        }
        // A following day: "noon Thursday", "5 p.m. EST, Nov. 6", "10 a.m. today".
        let mut k = j;
        if self.p(k, b',') {
            k += 1;
        }
        if self.k(k, K::On) {
            k += 1;
        }
        let day = self
            .month_date(k)
            .or_else(|| self.day_word(k))
            .or_else(|| self.weekday(k))
            .filter(|d| d.kind == TimexType::Date && d.value.len() == 10);
        let (date, end, rel) = match day {
            Some(d) => (Some(d.value), d.end, d.relative),
            None => (self.anchor.map(ymd), j, true),
        };
        let hm = if mi == 0 && matches!(self.lex(i), Lex::K(K::Midnight)) {
            "24".to_string()
        } else {
            format!("{h:02}:{mi:02}")
        };
        let v = match date {
            Some(d) => format!("{d}T{hm}"),
            None => format!("T{hm}"),
        };
        m(end, TimexType::Time, v, rel, "clock time, on the day mentioned or of publication")
    }

    fn ampm(&self, j: usize) -> Option<(bool, usize)> {
        match self.lex(j) {
            Lex::K(K::Am) => return Some((false, self.dot(j + 1))),
            Lex::K(K::Pm) => return Some((true, self.dot(j + 1))),
            _ => {}
        }
        // "a.m.", "p.m."
        let w = self.word(j);
        let pm = if w.eq_ignore_ascii_case("a") {
            false
        } else if w.eq_ignore_ascii_case("p") {
            true
        } else {
            return None;
        };
        if self.p(j + 1, b'.') && self.glued(j + 1) && self.is_word(j + 2, "m") && self.glued(j + 2) {
            return Some((pm, self.dot(j + 3)));
        }
        None
    }

    /// "Christmas", "New Year's Day", "Thanksgiving".
    fn holiday(&self, i: usize) -> Option<M> {
        let (mo, day, end, name): (u8, u8, usize, &str) = match self.lex(i) {
            Lex::K(K::Christmas) if self.t[i].cap => {
                if self.k(i + 1, K::Eve) {
                    (12, 24, i + 2, "Christmas Eve")
                } else {
                    let e = if self.is_word(i + 1, "day") { i + 2 } else { i + 1 };
                    (12, 25, e, "Christmas")
                }
            }
            Lex::K(K::New)
                if self.t[i].cap
                    && matches!(self.lex(i + 1), Lex::Unit(Unit::Year, false))
                    && self.is_word(i + 2, "'s")
                    || self.t[i].cap
                        && self.k(i, K::New)
                        && matches!(self.lex(i + 1), Lex::Unit(Unit::Year, false))
                        && self.p(i + 2, b'\'') =>
            {
                let mut e = i + 2;
                if self.p(e, b'\'') {
                    e += 1;
                    if self.is_word(e, "s") {
                        e += 1;
                    }
                }
                if self.k(e, K::Eve) {
                    (12, 31, e + 1, "New Year's Eve")
                } else if self.is_word(e, "day") {
                    (1, 1, e + 1, "New Year's Day")
                } else {
                    return None;
                }
            }
            Lex::K(K::Independence) if self.t[i].cap && self.is_word(i + 1, "day") => {
                (7, 4, i + 2, "Independence Day")
            }
            Lex::K(K::Halloween) => (10, 31, i + 1, "Halloween"),
            Lex::K(K::Thanksgiving) if self.t[i].cap => {
                let e = if self.is_word(i + 1, "day") { i + 2 } else { i + 1 };
                let Some(a) = self.anchor else {
                    return m(e, TimexType::Date, "XXXX-11", true, "Thanksgiving, year unknown");
                };
                let tg = |y: i16| -> Option<Date> {
                    let d = Date::new(y, 11, 1).ok()?;
                    add_days(add_days(d, (4 - weekday_of(d) as i64).rem_euclid(7))?, 21)
                };
                let this = tg(a.year())?;
                let d = if this > a && a.until(this).map_or(0, |s| s.get_days()) > FUTURE_DAYS {
                    tg(a.year() - 1)?
                } else {
                    this
                };
                return m(e, TimexType::Date, ymd(d), true, "the Thanksgiving nearest to publication");
            }
            _ => return None,
        };
        self.full_date(i, end, None, mo, day, None).map(|mut x| {
            x.how = format!("{name}: {}", x.how);
            x
        })
    }
}

/// Seasons counted from year 0: year * 4 + season, winter counted in the year it starts.
fn season_index(d: Date) -> i64 {
    let y = d.year() as i64;
    match d.month() {
        1 | 2 => (y - 1) * 4 + 3,
        m => y * 4 + season_of_month(m) as i64,
    }
}

fn season_of_month(m: i8) -> u8 {
    match m {
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    }
}

fn season_of(d: Date) -> u8 {
    match d.month() {
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    }
}

fn is_oclock(cx: &Cx<'_>, j: usize) -> bool {
    cx.is_word(j, "o") && cx.p(j + 1, b'\'') && cx.is_word(j + 2, "clock")
}

#[cfg(test)]
mod tests;
