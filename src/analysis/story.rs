//! The story of a pile: which days matter most, and why.
//!
//! A day's score counts articles, each at most once per reason, so that one long
//! article cannot outweigh the pile:
//!
//! - **mentioned**: articles whose time expressions name the day ("on Tuesday",
//!   "Jan. 12", "yesterday", resolved against each article's publication date);
//! - **reported**: articles that report an event dated that day (the date read from
//!   the text, not assumed from the publication date);
//! - **published**: articles published that day.
//!
//! `score = mentioned + REPORTED_WEIGHT × reported + PUBLISHED_WEIGHT × published`,
//! explained in words by [`KeyDate::why`]. Naming a day is the strongest sign: a
//! reported event's date came from such a mention already (so it counts half), and a
//! publication day is a day something was written about, not always a day something
//! happened (so it counts a quarter). On the Timeline17 topics the weights move date F1
//! between 0.60 and 0.62 (EVALUATION.md); what matters is that articles, not mentions,
//! are counted. Days before the story's window ([`window`]) are background: kept, but
//! flagged, so a view of the story leaves them out.
//!
//! Linear in the pile: one pass over articles and events, then a sort of the days.

use std::collections::HashMap;

use serde::Serialize;

use super::model::Analysis;

/// How much an article reporting an event on a day counts, against one naming the day.
pub const REPORTED_WEIGHT: f64 = 0.5;
/// How much an article published on a day counts, against one naming the day.
pub const PUBLISHED_WEIGHT: f64 = 0.25;

/// The fewest dated articles a pile needs for a story window.
pub const MIN_PILE: usize = 20;

/// The most event ids a key date lists.
const MAX_EVENTS: usize = 20;

/// A day of the pile with its score (the input of `score_dates.py`, with the reasons).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyDate {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub score: f64,
    /// The day's most reported event, in a line ("" when no event is dated that day).
    pub summary: String,
    /// Ids of the events dated that day, most reported first (acts before statements
    /// at equal reports; at most 20).
    pub events: Vec<String>,
    /// Articles that name the day.
    pub mentioned: usize,
    /// Articles that report an event dated that day.
    pub reported: usize,
    /// Articles published that day.
    pub published: usize,
    /// Why it scores so, in words.
    pub why: String,
    /// Before the story's window: background, not the story.
    pub background: bool,
    /// More than a year after the story's window, with an event on it that is not a
    /// plan: more likely a misread date than news (listed last).
    pub suspect: bool,
}

impl KeyDate {
    /// Why the day scores what it does: "named in 112 articles; events reported by 37
    /// articles; 20 articles published that day".
    fn explain(&self) -> String {
        let n =
            |k: usize, one: &str, many: &str| if k == 1 { format!("1 {one}") } else { format!("{k} {many}") };
        let mut parts = Vec::new();
        if self.mentioned > 0 {
            parts.push(format!("named in {}", n(self.mentioned, "article", "articles")));
        }
        if self.reported > 0 {
            parts.push(format!("events reported by {}", n(self.reported, "article", "articles")));
        }
        if self.published > 0 {
            parts.push(format!("{} published that day", n(self.published, "article", "articles")));
        }
        if self.suspect {
            parts.push(
                "more than a year after the pile's articles, and not a plan: perhaps a misread date".into(),
            );
        }
        parts.join("; ")
    }
}

#[derive(Default)]
struct Day {
    mentioned: usize,
    reported: usize,
    published: usize,
    /// (articles reporting, event index).
    events: Vec<(usize, usize)>,
}

/// The days of the pile, highest score first (ties: earlier first), the story's
/// window's days before the background's.
pub fn key_dates(a: &Analysis) -> Vec<KeyDate> {
    let window = window(a);
    let mut days: HashMap<&str, Day> = HashMap::new();
    for art in &a.articles {
        for d in &art.days {
            days.entry(d.as_str()).or_default().mentioned += 1;
        }
        if let Some(p) = art.published.as_deref().filter(|p| is_day(p)) {
            days.entry(p).or_default().published += 1;
        }
    }
    let mut reporters: HashMap<&str, Vec<&str>> = HashMap::new();
    for (i, ev) in a.events.iter().enumerate() {
        let Some(d) = ev.date.as_deref().filter(|d| is_day(d) && !ev.date_assumed) else { continue };
        let mut arts: Vec<&str> = ev.sources.iter().map(|s| s.article.as_str()).collect();
        arts.sort_unstable();
        arts.dedup();
        days.entry(d).or_default().events.push((arts.len(), i));
        reporters.entry(d).or_default().extend(arts);
    }
    for (d, mut arts) in reporters {
        arts.sort_unstable();
        arts.dedup();
        if let Some(day) = days.get_mut(d) {
            day.reported = arts.len();
        }
    }
    let mut out: Vec<KeyDate> = days
        .into_iter()
        .map(|(date, mut day)| {
            // Most reported first; at equal reports, what happened before what was said.
            day.events.sort_by_key(|&(n, i)| (std::cmp::Reverse(n), a.events[i].cameo.starts_with("01"), i));
            let summary = day.events.first().map(|&(_, i)| a.events[i].summary.clone()).unwrap_or_default();
            let late = window.as_ref().is_some_and(|(_, end)| {
                let (d, e) = (date.parse::<jiff::civil::Date>(), end.parse::<jiff::civil::Date>());
                matches!((d, e), (Ok(d), Ok(e)) if (d - e).get_days() > 365)
            });
            let suspect = late && day.events.iter().any(|&(_, i)| !a.events[i].planned);
            let score = day.mentioned as f64
                + REPORTED_WEIGHT * day.reported as f64
                + PUBLISHED_WEIGHT * day.published as f64;
            let mut k = KeyDate {
                date: date.to_string(),
                score,
                summary,
                events: day.events.iter().take(MAX_EVENTS).map(|&(_, i)| a.events[i].id.clone()).collect(),
                mentioned: day.mentioned,
                reported: day.reported,
                published: day.published,
                why: String::new(),
                background: window.as_ref().is_some_and(|(start, _)| date < start.as_str()),
                suspect,
            };
            k.why = k.explain();
            k
        })
        .collect();
    // The story's days first, then the background, then the suspect, each by score.
    out.sort_by(|x, y| {
        (x.suspect, x.background)
            .cmp(&(y.suspect, y.background))
            .then_with(|| y.score.total_cmp(&x.score))
            .then_with(|| x.date.cmp(&y.date))
    });
    out
}

/// The period the pile is about, as (first day, last day): from the spread of its
/// publication dates (the 5th to the 95th percentile, so a few stray articles do not
/// stretch it), opened before by a quarter of that spread and at least 30 days (what
/// led up to the story), and after by 7 days. `None` with fewer than [`MIN_PILE`]
/// dated articles: a handful of articles is a reading list, not a pile with a story's
/// period, and nothing of it is put aside.
///
/// Events before it are background (the 1666 fire an article recalls); a date after
/// it is either a plan or suspect.
pub fn window(a: &Analysis) -> Option<(String, String)> {
    let mut pubs: Vec<jiff::civil::Date> =
        a.articles.iter().filter_map(|x| x.published.as_deref()).filter_map(|p| p.parse().ok()).collect();
    if pubs.len() < MIN_PILE {
        return None;
    }
    pubs.sort_unstable();
    let at = |q: usize| pubs[(pubs.len() - 1) * q / 100];
    let (lo, hi) = (at(5), at(95));
    let spread = (hi - lo).get_days().max(0);
    let lead = (spread / 4).max(30);
    let start = lo.checked_sub(jiff::Span::new().days(lead)).unwrap_or(lo);
    let end = hi.checked_add(jiff::Span::new().days(7)).unwrap_or(hi);
    Some((start.to_string(), end.to_string()))
}

/// `YYYY-MM-DD`.
fn is_day(s: &str) -> bool {
    s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analyzer, Document};
    use jiff::civil::date;

    #[test]
    fn the_day_most_articles_name_ranks_first() {
        let docs = vec![
            Document::from_text(
                "2010-01-13-a.txt",
                "A powerful earthquake struck Haiti on Tuesday. The last such warning was issued in 1666.",
            ),
            Document::from_text("2010-01-14-b.txt", "Rescuers searched the rubble after Tuesday's quake."),
            Document::from_text("2010-01-15-c.txt", "The quake of January 12 killed thousands."),
        ];
        let a = Analyzer::builder(date(2026, 1, 1)).build().analyze(&docs);
        let keys = key_dates(&a);
        assert_eq!(keys[0].date, "2010-01-12", "{keys:#?}");
        assert_eq!(keys[0].mentioned, 3);
        assert!(keys[0].why.starts_with("named in 3 articles"), "{}", keys[0].why);
        assert!(keys.iter().all(|k| !k.date.starts_with("1666")), "a year alone is not a day");
    }

    #[test]
    fn a_day_long_after_the_pile_that_is_not_a_plan_is_suspect() {
        // 24 articles of January 2010; one of them reports a meeting in 2100.
        let mut docs: Vec<Document> = (1..=24)
            .map(|d| {
                Document::from_text(
                    format!("2010-01-{d:02}-a.txt"),
                    "On Monday, President Ilse Vantrow met King Theodric Morwen in Oslo.",
                )
            })
            .collect();
        docs.push(Document::from_text(
            "2010-01-25-b.txt",
            "President Ilse Vantrow met King Theodric Morwen on March 3, 2100 in Oslo.",
        ));
        let a = Analyzer::builder(date(2026, 1, 1)).build().analyze(&docs);
        let keys = key_dates(&a);
        let late = keys.iter().find(|k| k.date == "2100-03-03").expect("the 2100 day is listed");
        assert!(late.suspect, "{late:#?}");
        assert!(late.why.contains("perhaps a misread date"), "{}", late.why);
        assert_eq!(keys.last().map(|k| k.date.as_str()), Some("2100-03-03"), "suspect days come last");
        assert!(keys.iter().filter(|k| k.date.starts_with("2010")).all(|k| !k.suspect && !k.background));
    }
}
