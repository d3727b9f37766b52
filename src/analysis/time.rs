//! Temporal expressions: find TIMEX3 expressions in English news and normalise them
//! against an anchor (the article's publication date).
//!
//! STUB: the interface the rest of the core uses. To be implemented.

use jiff::civil::Date;
use serde::Serialize;

use super::Span;

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
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

/// The temporal tagger. Build it once and reuse it: it holds its word tables.
#[derive(Clone, Debug, Default)]
pub struct TimeTagger {}

impl TimeTagger {
    pub fn new() -> TimeTagger {
        TimeTagger {}
    }

    /// Finds and normalises the temporal expressions of `text`, in text order, against
    /// `anchor` (the publication date). Without an anchor, relative expressions keep
    /// unknown parts (`XXXX-WXX-1`) and are not `calendar_value`s.
    pub fn tag(&self, _text: &str, _anchor: Option<Date>) -> Vec<Timex> {
        Vec::new()
    }
}

/// The time expression that governs the clause of an event whose trigger is `verb`
/// inside `sentence`: the nearest calendar expression in the same clause, not merely
/// the first in the sentence. Durations and sets never date an event.
pub fn governing_timex(_text: &str, sentence: Span, verb: Span, timexes: &[Timex]) -> Option<usize> {
    timexes
        .iter()
        .enumerate()
        .filter(|(_, t)| sentence.contains(t.span) && t.calendar_value().is_some())
        .min_by_key(|(_, t)| t.span.start.abs_diff(verb.start))
        .map(|(i, _)| i)
}
