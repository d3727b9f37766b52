//! Writing an analysis out: the JSON exchange format (schema 1) and CSV; plus the date
//! helpers the timeline needs to sort and label TimeML values.

use jiff::civil::{Date, ISOWeekDate, Weekday};

use super::model::{Analysis, EventOut};
use super::Error;

/// The analysis as pretty JSON (schema 1), as the CLI prints and the page exports.
pub fn to_json(analysis: &Analysis) -> String {
    serde_json::to_string_pretty(analysis).expect("analysis serialises")
}

/// Reads an analysis back from JSON (schema 1).
pub fn from_json(json: &str) -> Result<Analysis, Error> {
    let a: Analysis = serde_json::from_str(json).map_err(|e| Error::json(e.to_string()))?;
    if a.schema != super::SCHEMA {
        return Err(Error::json(format!("expected schema {}, found {}", super::SCHEMA, a.schema)));
    }
    Ok(a)
}

/// A delimited field as a spreadsheet shows it as text: a field that begins, after
/// leading spaces, with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
/// single quote, so Excel and LibreOffice do not run it as a formula (OWASP's rule
/// against CSV injection). Every field of every delimited export goes through here; JSON
/// does not.
pub fn spreadsheet_safe(field: &str) -> std::borrow::Cow<'_, str> {
    match field.trim_start_matches(' ').as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{field}").into(),
        _ => field.into(),
    }
}

/// Writes one delimited record with every field made [`spreadsheet_safe`].
fn safe_record<'a, W: std::io::Write>(w: &mut csv::Writer<W>, fields: impl IntoIterator<Item = &'a str>) {
    w.write_record(fields.into_iter().map(|f| spreadsheet_safe(f).into_owned())).expect("write to memory");
}

/// The events as CSV, one row per event and source; every field is
/// [`spreadsheet_safe`].
pub fn to_csv(analysis: &Analysis) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    safe_record(
        &mut w,
        [
            "id",
            "date",
            "date_text",
            "cameo",
            "type",
            "plover",
            "plover_mode",
            "source",
            "source_kind",
            "source_country",
            "target",
            "target_kind",
            "target_country",
            "places",
            "summary",
            "article",
            "file",
            "start",
            "end",
            "sentence",
            "confidence",
            "date_assumed",
        ],
    );
    for ev in &analysis.events {
        for src in &ev.sources {
            let file = analysis.article(&src.article).map(|a| a.file.as_str()).unwrap_or("");
            let actor = |a: &Option<super::Actor>| -> [String; 3] {
                match a {
                    Some(a) => {
                        [a.name.clone(), a.kind.as_str().to_string(), a.country.clone().unwrap_or_default()]
                    }
                    None => Default::default(),
                }
            };
            let [sn, sk, sc] = actor(&ev.source);
            let [tn, tk, tc] = actor(&ev.target);
            safe_record(
                &mut w,
                [
                    ev.id.as_str(),
                    ev.date.as_deref().unwrap_or(""),
                    ev.date_text.as_deref().unwrap_or(""),
                    &ev.cameo,
                    &ev.kind,
                    ev.plover.as_deref().unwrap_or(""),
                    ev.plover_mode.as_deref().unwrap_or(""),
                    &sn,
                    &sk,
                    &sc,
                    &tn,
                    &tk,
                    &tc,
                    &ev.places.join("; "),
                    &ev.summary,
                    &src.article,
                    file,
                    &src.start.to_string(),
                    &src.end.to_string(),
                    &src.sentence,
                    &format!("{:.2}", ev.confidence),
                    if ev.date_assumed { "true" } else { "false" },
                ],
            );
        }
    }
    String::from_utf8(w.into_inner().expect("flush to memory")).expect("CSV of UTF-8 is UTF-8")
}

/// The events as a CAMEO event table (tab-separated, one row per event and source, with
/// a header): date, source name, source country, target name, target country, CAMEO
/// code, PLOVER type, place, article (file name), evidence, whether the date is assumed (the
/// article's publication date: see [`EventOut::date_assumed`]). Tabs and line breaks inside a field
/// become spaces; every field is [`spreadsheet_safe`]; an unknown value is empty.
pub fn to_cameo_tsv(analysis: &Analysis) -> String {
    fn field(s: &str) -> String {
        let joined = s.split(['\t', '\n', '\r']).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ");
        spreadsheet_safe(&joined).into_owned()
    }
    let mut out = String::from(
        "date\tsource_name\tsource_country\ttarget_name\ttarget_country\tcameo\tplover\tplace\tarticle\tevidence\tdate_assumed\n",
    );
    for ev in &analysis.events {
        let name = |a: &Option<super::Actor>| a.as_ref().map(|a| field(&a.name)).unwrap_or_default();
        let country =
            |a: &Option<super::Actor>| a.as_ref().and_then(|a| a.country.clone()).unwrap_or_default();
        for src in &ev.sources {
            let file = analysis.article(&src.article).map(|a| a.file.as_str()).unwrap_or("");
            let row = [
                field(ev.date.as_deref().unwrap_or_default()),
                name(&ev.source),
                field(&country(&ev.source)),
                name(&ev.target),
                field(&country(&ev.target)),
                field(&ev.cameo),
                field(ev.plover.as_deref().unwrap_or_default()),
                field(ev.places.first().map(String::as_str).unwrap_or("")),
                field(file),
                field(&src.sentence),
                if ev.date_assumed { "true" } else { "false" }.to_string(),
            ];
            out.push_str(&row.join("\t"));
            out.push('\n');
        }
    }
    out
}

/// The first day a TimeML date value covers (`2025-W47` → its Monday, `2025-11` → 1
/// November, `2025-Q3` → 1 July, `2025-SU` → 1 June), or None.
pub fn first_day(value: &str) -> Option<Date> {
    let year: i16 = value.get(..4)?.parse().ok()?;
    let rest = &value[4..];
    if rest.is_empty() {
        return Date::new(year, 1, 1).ok();
    }
    let rest = rest.strip_prefix('-')?;
    if let Some(w) = rest.strip_prefix('W') {
        let week: i8 = w.get(..2)?.parse().ok()?;
        return ISOWeekDate::new(year, week, Weekday::Monday).ok().map(|d| d.date());
    }
    if let Some(q) = rest.strip_prefix('Q') {
        let q: i8 = q.parse().ok()?;
        return Date::new(year, (q - 1) * 3 + 1, 1).ok();
    }
    let month = match rest.get(..2)? {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        "WI" => 12,
        m => m.parse().ok()?,
    };
    let day = match rest.get(3..5) {
        Some(d) => d.parse().ok()?,
        None => 1,
    };
    Date::new(year, month, day).ok()
}

/// A string that sorts TimeML date values in time order; among values starting the
/// same day, the wider one (a month, a week) comes first.
pub fn sortable_date(value: &str) -> String {
    let width = match value.len() {
        4 => 0,
        7 if value.contains('Q') || value.contains('W') || value.as_bytes()[5].is_ascii_uppercase() => 1,
        7 | 8 => 1,
        _ => 2,
    };
    match first_day(value) {
        Some(d) => format!("{d}{width}"),
        None => value.to_string(),
    }
}

/// A date value for people: "24 Nov 2025", "Nov 2025", "2025", "week 47 of 2025".
/// The words after an assumed date wherever one is shown or exported.
pub const ASSUMED: &str = "(assumed)";

/// An event's date for people: "24 Nov 2025", "13 May 2025 (assumed)" when the date is
/// the article's publication date rather than stated, "undated".
pub fn event_date_label(ev: &EventOut) -> String {
    match ev.date.as_deref().map(display_date) {
        Some(d) if ev.date_assumed => format!("{d} {ASSUMED}"),
        Some(d) => d,
        None => "undated".to_string(),
    }
}

pub fn display_date(value: &str) -> String {
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let Some(d) = first_day(value) else { return value.to_string() };
    let rest = value.get(5..).unwrap_or("");
    if value.len() == 4 {
        value.to_string()
    } else if let Some(w) = rest.strip_prefix('W') {
        format!("week {} of {}", w.trim_start_matches('0'), d.year())
    } else if let Some(q) = rest.strip_prefix('Q') {
        format!("Q{q} {}", d.year())
    } else if rest.len() == 2 && rest.as_bytes()[0].is_ascii_uppercase() {
        let season = match rest {
            "SP" => "spring",
            "SU" => "summer",
            "FA" => "autumn",
            _ => "winter",
        };
        format!("{season} {}", d.year())
    } else if value.len() == 7 {
        format!("{} {}", MONTHS[d.month() as usize - 1], d.year())
    } else {
        format!("{} {} {}", d.day(), MONTHS[d.month() as usize - 1], d.year())
    }
}

/// The events of an analysis grouped for display: month label, then day label, each
/// with its events in order. Undated events come last under "Undated".
pub fn group_label(ev: &EventOut) -> (String, String) {
    match &ev.date {
        None => ("Undated".to_string(), String::new()),
        Some(v) => {
            let month = match v.len() {
                4 => v.clone(),
                _ => match first_day(v) {
                    Some(d) if !v.contains('W') && !v.contains('Q') => {
                        display_date(&format!("{:04}-{:02}", d.year(), d.month()))
                    }
                    _ => display_date(&v[..4]),
                },
            };
            (month, display_date(v))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_sort_and_display() {
        assert_eq!(display_date("2025-11-24"), "24 Nov 2025");
        assert_eq!(display_date("2025-11"), "Nov 2025");
        assert_eq!(display_date("2025-W47"), "week 47 of 2025");
        assert_eq!(first_day("2025-W47").unwrap().to_string(), "2025-11-17");
        let mut v = vec!["2025-11-24", "2025", "2025-11", "2022-03-29", "2025-W47"];
        v.sort_by_key(|s| sortable_date(s));
        assert_eq!(v, vec!["2022-03-29", "2025", "2025-11", "2025-W47", "2025-11-24"]);
    }
}

/// The story's key dates as JSON: an array of `{"date", "score", "summary", "events",
/// "why", ...}`, highest score first (what `score_dates.py` reads).
pub fn key_dates_json(analysis: &Analysis) -> String {
    serde_json::to_string_pretty(&super::story::key_dates(analysis)).expect("key dates serialise")
}

/// The story's key dates as CSV (spreadsheet-safe, as every delimited export).
pub fn key_dates_csv(analysis: &Analysis) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    safe_record(
        &mut w,
        [
            "date",
            "score",
            "mentioned",
            "reported",
            "published",
            "background",
            "suspect",
            "why",
            "summary",
            "events",
        ],
    );
    for k in super::story::key_dates(analysis) {
        safe_record(
            &mut w,
            [
                k.date.as_str(),
                &format!("{}", k.score),
                &k.mentioned.to_string(),
                &k.reported.to_string(),
                &k.published.to_string(),
                if k.background { "yes" } else { "no" },
                if k.suspect { "yes" } else { "no" },
                &k.why,
                &k.summary,
                &k.events.join(" "),
            ],
        );
    }
    String::from_utf8(w.into_inner().expect("CSV in memory")).expect("CSV is UTF-8")
}
