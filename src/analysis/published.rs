//! Publication dates found in an article's text or its file name.
//!
//! STUB: the interface the rest of the core uses. To be implemented.

use jiff::civil::Date;

use super::Span;

/// A publication date found in a text or a file name, with the reason in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundDate {
    pub date: Date,
    /// Where in the text it was found (None for a file name).
    pub span: Option<Span>,
    /// Why: "date line in the text: “date 2025-05-13”".
    pub reason: String,
    /// Whether the date is inferred (a weekday with a month and day) rather than read.
    pub inferred: bool,
}

/// A date line or dateline near the start of the text ("date 2025-05-13",
/// "ANKARA, May 13 (AP) —"), else a weekday written with a month and day
/// ("Monday (11/24)": the latest year, not after `today`, in which that day is that
/// weekday).
pub fn date_in_text(_text: &str, _today: Date) -> Option<FoundDate> {
    None
}

/// A date in a file name: `2025-11-25-talks.txt`, `talks_20251125.md`.
pub fn date_in_file_name(_name: &str) -> Option<FoundDate> {
    None
}
