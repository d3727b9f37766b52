//! What the analysis reads from a document before it looks for events: its
//! publication date and the reason for it, found the way [`Analyzer`](super::Analyzer)
//! finds it. The CLI's `dateline text` prints it for each file.
//!
//! # Example: a date from the file name
//!
//! ```
//! use dateline::analysis::{describe, Document, PublishedSource};
//! use jiff::civil::date;
//!
//! let doc = Document::from_text("2025-11-25-talks.txt", "Leaders met in Ankara.");
//! let p = describe::publication(&doc, date(2026, 11, 22));
//! assert_eq!(p.date, Some(date(2025, 11, 25)));
//! assert_eq!(p.source, PublishedSource::FileName);
//! ```

use jiff::civil::Date;

use super::{published, Document, PublishedSource};

/// A document's publication date as the analysis finds it from the document alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Publication {
    pub date: Option<Date>,
    pub source: PublishedSource,
    /// Why, in plain words.
    pub reason: String,
}

/// The publication date of a document, in the analyzer's order, without a user's
/// setting or other articles: the file's own statement (HTML metadata, a JSON field,
/// a date restored from an export); a date line or dateline in the text; a date in
/// the file name; a weekday written with its month and day (inferred, the latest such
/// year not after `today`).
pub fn publication(doc: &Document, today: Date) -> Publication {
    if let Some(p) = &doc.published {
        let source = if p.by_user { PublishedSource::User } else { PublishedSource::Metadata };
        return Publication { date: Some(p.date), source, reason: p.reason.clone() };
    }
    let in_text = published::date_in_text(&doc.text, today);
    if let Some(found) = in_text.as_ref().filter(|f| !f.inferred) {
        return Publication {
            date: Some(found.date),
            source: PublishedSource::Text,
            reason: found.reason.clone(),
        };
    }
    if let Some(found) = published::date_in_file_name(&doc.file) {
        return Publication {
            date: Some(found.date),
            source: PublishedSource::FileName,
            reason: found.reason,
        };
    }
    if let Some(found) = in_text {
        return Publication {
            date: Some(found.date),
            source: PublishedSource::Inferred,
            reason: found.reason,
        };
    }
    Publication {
        date: None,
        source: PublishedSource::Unknown,
        reason: "no date found in the text or the file name".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;
    use jiff::civil::date;

    /// The same date and reason as the analyzer gives, for every seed article.
    #[test]
    fn agrees_with_the_analyzer() {
        let today = date(2026, 11, 22);
        let docs = [
            Document::from_text("a.txt", "date 2025-05-13 Title\n\nLeaders met."),
            Document::from_text("2025-11-25-b.txt", "Leaders met."),
            Document::from_text("c.txt", "Talks resumed on Monday (11/24) in Istanbul."),
            Document::from_text("d.txt", "Leaders met."),
        ];
        let analyzer = Analyzer::builder(today).build();
        for doc in &docs {
            let a = &analyzer.analyze(std::slice::from_ref(doc)).articles[0];
            let p = publication(doc, today);
            assert_eq!(p.date.map(|d| d.to_string()), a.published, "{}", doc.file);
            assert_eq!(p.source, a.published_source, "{}", doc.file);
            assert_eq!(p.reason, a.published_reason, "{}", doc.file);
        }
    }
}
