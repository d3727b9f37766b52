//! Cross-article anchoring: dating an article that has no date of its own from another
//! article that pins down an event both report.
//!
//! When an undated article says "on Monday, A called B" and a dated article reports a
//! call between A and B on Monday 24 November 2025, "Monday" is that day, so the
//! undated article was published within the six days after it. Among those days it is
//! dated to the earliest one on or after every other weekday it mentions, taken nearest
//! to the anchored day ("Duran said on Tuesday" makes it Tuesday 25 November).

use jiff::civil::Date;
use jiff::ToSpan;

use std::collections::HashMap;

use super::model::{Actor, ActorKind, EventOut};
use super::text::fold;
use super::Part;

/// An event of an undated article dated only by a bare weekday.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Pending {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// CAMEO root of the event ("04").
    pub root: String,
    /// The participants' name keys, sorted.
    pub names: Vec<String>,
    /// The expression as written ("Monday").
    pub text: String,
}

/// The weekday of an unresolved TimeML value `XXXX-WXX-d`, if it is one.
pub(crate) fn bare_weekday(value: &str) -> Option<u8> {
    let d = value.strip_prefix("XXXX-WXX-")?;
    let d: u8 = d.parse().ok()?;
    (1..=7).contains(&d).then_some(d)
}

/// Name keys for matching participants across articles: a person's surname, anything
/// else its name, folded.
pub(crate) fn names(actors: &[&Actor]) -> Vec<String> {
    let mut v: Vec<String> = actors
        .iter()
        .map(|a| {
            let f = fold(&a.name);
            match a.kind {
                ActorKind::Person => f.rsplit(' ').next().unwrap_or(&f).to_string(),
                _ => f,
            }
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

fn weekday_number(d: Date) -> u8 {
    d.weekday().to_monday_one_offset() as u8
}

/// For each undated article that an event of a dated one anchors, its inferred
/// publication date with the reason.
pub(crate) fn infer(results: &[Part]) -> Vec<(usize, (Date, String))> {
    // Day-dated events of dated articles, keyed by (weekday, CAMEO root, participants):
    // one pass over the events, then one look-up per pending event, so anchoring stays
    // linear in the number of events however many articles are undated.
    let mut dated: HashMap<(u8, &str, Vec<String>), (usize, &EventOut, Date)> = HashMap::new();
    if results.iter().any(|r| r.article.published.is_none() && !r.pending.is_empty()) {
        for (j, other) in results.iter().enumerate() {
            if other.article.published.is_none() {
                continue;
            }
            for ev in other.events.iter().filter(|ev| !ev.date_assumed) {
                let Some(day) = ev.date.as_deref().filter(|d| d.len() == 10) else { continue };
                let Ok(day) = day.parse::<Date>() else { continue };
                let refs: Vec<&Actor> = ev.actors.iter().collect();
                let key = (weekday_number(day), super::cameo::root(&ev.cameo), names(&refs));
                dated.entry(key).or_insert((j, ev, day));
            }
        }
    }
    let mut out = Vec::new();
    for (i, r) in results.iter().enumerate() {
        if r.article.published.is_some() {
            continue;
        }
        let found = r.pending.iter().find_map(|p| {
            let key = (p.weekday, p.root.as_str(), p.names.clone());
            dated.get(&key).filter(|(j, _, _)| *j != i).map(|&(j, ev, day)| (p, j, ev, day))
        });
        let Some((p, j, ev, day)) = found else { continue };
        let published = publication_after(day, &r.weekdays);
        let reason = format!(
            "inferred from {}: it dates the same event ({}) between {} to {}, which this article calls “{}”; \
             taken as published on {}",
            results[j].article.file,
            ev.cameo_name.to_lowercase(),
            ev.actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(" and "),
            day,
            p.text,
            published,
        );
        out.push((i, (published, reason)));
    }
    out
}

/// The earliest day on or after `anchor` that is on or after each of the article's
/// other weekday mentions, each taken as the date nearest to `anchor`.
fn publication_after(anchor: Date, weekdays: &[u8]) -> Date {
    let mut latest = anchor;
    for &w in weekdays {
        let ahead = (w as i64 - weekday_number(anchor) as i64).rem_euclid(7);
        let nearest = if ahead <= 3 {
            anchor.checked_add(ahead.days())
        } else {
            anchor.checked_sub((7 - ahead).days())
        };
        if let Ok(d) = nearest {
            latest = latest.max(d);
        }
    }
    latest
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn publication_follows_the_weekdays_around_the_anchor() {
        // Anchor Monday 24 Nov 2025; the article also says Tuesday and Sunday.
        assert_eq!(publication_after(date(2025, 11, 24), &[2, 1, 7]), date(2025, 11, 25));
        assert_eq!(publication_after(date(2025, 11, 24), &[1]), date(2025, 11, 24));
        assert_eq!(bare_weekday("XXXX-WXX-1"), Some(1));
        assert_eq!(bare_weekday("2025-11-24"), None);
    }
}
