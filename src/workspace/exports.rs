//! Exports of the current view: JSON (schema 1), CSV, TimelineJS JSON and iCalendar.

use jiff::civil::Date;
use jiff::ToSpan;
use serde_json::{json, Value};

use crate::analysis::export::{self, first_day};
use crate::analysis::{Analysis, EventOut};

/// The analysis restricted to the events at `indices` (all articles kept, so that
/// importing it restores the workspace).
pub fn subset(analysis: &Analysis, indices: &[u32]) -> Analysis {
    Analysis {
        schema: analysis.schema,
        articles: analysis.articles.clone(),
        events: indices.iter().map(|&i| analysis.events[i as usize].clone()).collect(),
        actors: analysis.actors.clone(),
    }
}

/// TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html): one slide per
/// dated event, its CAMEO type as the group, its CAMEO code and name and its PLOVER type
/// at the head of the text.
pub fn timelinejs(analysis: &Analysis, title: &str) -> String {
    let events: Vec<Value> = analysis
        .events
        .iter()
        .filter_map(|ev| {
            let date = ev.date.as_deref()?;
            let d = first_day(date)?;
            let mut start = json!({ "year": d.year().to_string() });
            if date.len() >= 7 {
                start["month"] = json!(d.month().to_string());
            }
            if date.len() == 10 || date.contains('W') {
                start["day"] = json!(d.day().to_string());
            }
            let sources: Vec<String> =
                ev.sources.iter().map(|s| format!("<p>{}</p>", html_escape(&s.sentence))).collect();
            let display = export::event_date_label(ev);
            Some(json!({
                "unique_id": ev.id,
                "start_date": start,
                "display_date": display,
                "text": {
                    "headline": html_escape(&ev.summary),
                    "text": format!("<p>{}</p>{}", html_escape(&classification(ev)), sources.join("")),
                },
                "group": ev.kind,
            }))
        })
        .collect();
    let doc = json!({
        "title": { "text": { "headline": html_escape(title), "text": "<p>Made with Dateline</p>" } },
        "events": events,
    });
    serde_json::to_string_pretty(&doc).expect("JSON")
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// iCalendar (RFC 5545): one all-day event per dated event, on the first day its date
/// covers. `stamp` is the export's date (DTSTAMP).
pub fn ical(analysis: &Analysis, stamp: Date) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        // Fold lines longer than 75 octets, on character boundaries.
        let mut rest = s.as_str();
        let mut first = true;
        while !rest.is_empty() {
            let limit = if first { 75 } else { 74 };
            let mut cut = rest.len().min(limit);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            if !first {
                out.push(' ');
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n");
            rest = &rest[cut..];
            first = false;
        }
    };
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Dateline//Timeline export//EN".into());
    line("CALSCALE:GREGORIAN".into());
    for ev in &analysis.events {
        let Some(day) = ev.date.as_deref().and_then(first_day) else { continue };
        let next = day.checked_add(1.day()).unwrap_or(day);
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}-{}@dateline", ev.id, super::short_hash(&ev.key)));
        line(format!("DTSTAMP:{}T000000Z", compact(stamp)));
        line(format!("DTSTART;VALUE=DATE:{}", compact(day)));
        line(format!("DTEND;VALUE=DATE:{}", compact(next)));
        line(format!("SUMMARY:{}", ics_text(&ev.summary)));
        line(format!("DESCRIPTION:{}", ics_text(&description(ev))));
        if let Some(p) = ev.places.first() {
            line(format!("LOCATION:{}", ics_text(p)));
        }
        // The CAMEO type, then the PLOVER type (RFC 5545: a comma-separated list).
        let mut categories = vec![ics_text(&ev.kind)];
        categories.extend(ev.plover.as_deref().map(ics_text));
        line(format!("CATEGORIES:{}", categories.join(",")));
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// "041 Discuss by telephone; PLOVER CONSULT (phone)".
fn classification(ev: &EventOut) -> String {
    let mut s = format!("{} {}", ev.cameo, ev.cameo_name);
    if let Some(p) = &ev.plover {
        s.push_str(&format!("; PLOVER {p}"));
        if let Some(m) = &ev.plover_mode {
            s.push_str(&format!(" ({m})"));
        }
    }
    s
}

fn description(ev: &EventOut) -> String {
    let mut s = format!("{} ({}).", classification(ev), export::event_date_label(ev));
    if let Some(how) = ev.date_how.as_deref().filter(|_| ev.date_assumed) {
        s.push_str(&format!(" Date: {how}."));
    }
    for src in &ev.sources {
        s.push('\n');
        s.push_str(&src.sentence);
    }
    s
}

fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\r', "").replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::Workspace;
    use jiff::civil::date;

    #[test]
    fn timelinejs_has_the_documented_shape() {
        let ws = Workspace::with_samples(date(2026, 11, 22));
        let v: Value = serde_json::from_str(&timelinejs(ws.analysis(), "Samples")).unwrap();
        let events = v["events"].as_array().unwrap();
        assert!(!events.is_empty());
        for e in events {
            assert!(e["start_date"]["year"].as_str().unwrap().parse::<i32>().is_ok());
            assert!(e["text"]["headline"].is_string());
        }
        assert!(v["title"]["text"]["headline"].is_string());
    }

    #[test]
    fn ical_is_folded_and_escaped() {
        let ws = Workspace::with_samples(date(2026, 11, 22));
        let ics = ical(ws.analysis(), date(2026, 11, 22));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.lines().all(|l| l.len() <= 75));
        let dated = ws.analysis().events.iter().filter(|e| e.date.is_some()).count();
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), dated);
        assert!(ics.contains("DTSTART;VALUE=DATE:20251124"));
    }
}
