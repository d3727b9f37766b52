//! What the user is looking at: search, filters, date range, selection, zoom and
//! layout, kept in the URL; and what that shows: the matching events, each filter's
//! live counts, and the histogram of events over time.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use super::search::Found;
use crate::analysis::cameo::{self, QuadClass};
use crate::analysis::export::first_day;
use crate::analysis::{Analysis, EventOut};

/// How the timeline groups events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Zoom {
    Year,
    #[default]
    Month,
    Week,
    Day,
}

impl Zoom {
    pub const ALL: [Zoom; 4] = [Zoom::Year, Zoom::Month, Zoom::Week, Zoom::Day];

    pub fn as_str(self) -> &'static str {
        match self {
            Zoom::Year => "year",
            Zoom::Month => "month",
            Zoom::Week => "week",
            Zoom::Day => "day",
        }
    }

    fn parse(s: &str) -> Option<Zoom> {
        Zoom::ALL.into_iter().find(|z| z.as_str() == s)
    }
}

/// The list or swimlanes by actor or by country.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Layout {
    #[default]
    List,
    ByActor,
    ByCountry,
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::List => "list",
            Layout::ByActor => "actors",
            Layout::ByCountry => "countries",
        }
    }

    fn parse(s: &str) -> Option<Layout> {
        [Layout::List, Layout::ByActor, Layout::ByCountry].into_iter().find(|l| l.as_str() == s)
    }
}

/// A facet of the events that can be filtered on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Actor,
    Type,
    Quad,
    Country,
    Place,
    Article,
    Confidence,
}

impl Facet {
    pub const ALL: [Facet; 7] = [
        Facet::Actor,
        Facet::Type,
        Facet::Quad,
        Facet::Country,
        Facet::Place,
        Facet::Article,
        Facet::Confidence,
    ];

    /// The URL parameter and the label of the facet.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Actor => "actor",
            Facet::Type => "type",
            Facet::Quad => "quad",
            Facet::Country => "country",
            Facet::Place => "place",
            Facet::Article => "article",
            Facet::Confidence => "confidence",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Facet::Actor => "Actor",
            Facet::Type => "Event type",
            Facet::Quad => "Quad class",
            Facet::Country => "Country",
            Facet::Place => "Place",
            Facet::Article => "Source article",
            Facet::Confidence => "Confidence",
        }
    }

    fn parse(s: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == s)
    }

    /// The values an event has for this facet (as stored in filters and the URL).
    pub fn values(self, ev: &EventOut) -> Vec<String> {
        match self {
            Facet::Actor => ev.actors.iter().map(|a| a.name.clone()).collect(),
            Facet::Type => vec![cameo::root(&ev.cameo).to_string()],
            Facet::Quad => vec![QuadClass::of(&ev.cameo).as_str().to_string()],
            Facet::Country => {
                let mut v: Vec<String> = ev.actors.iter().filter_map(|a| a.country.clone()).collect();
                v.sort();
                v.dedup();
                v
            }
            Facet::Place => ev.places.clone(),
            Facet::Article => {
                let mut v: Vec<String> = ev.sources.iter().map(|s| s.article.clone()).collect();
                v.dedup();
                v
            }
            Facet::Confidence => vec![confidence_band(ev.confidence).to_string()],
        }
    }
}

/// "high" (0.8 and up), "medium" (0.6 to 0.8) or "low".
pub fn confidence_band(c: f32) -> &'static str {
    if c >= 0.8 {
        "high"
    } else if c >= 0.6 {
        "medium"
    } else {
        "low"
    }
}

/// The whole state of the view, serialised into the URL's hash.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub query: String,
    pub filters: BTreeMap<Facet, BTreeSet<String>>,
    /// Inclusive date range, `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    /// The selected event's merge key (stable across re-analysis).
    pub selected: Option<String>,
    pub zoom: Zoom,
    pub layout: Layout,
    /// Collapsed group labels.
    pub collapsed: BTreeSet<String>,
}

impl ViewState {
    /// The state as a URL query string (without `#`).
    pub fn to_query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if !self.query.is_empty() {
            s.append_pair("q", &self.query);
        }
        for (facet, values) in &self.filters {
            for v in values {
                s.append_pair(facet.key(), v);
            }
        }
        if let Some(f) = &self.from {
            s.append_pair("from", f);
        }
        if let Some(t) = &self.to {
            s.append_pair("to", t);
        }
        if let Some(sel) = &self.selected {
            s.append_pair("sel", sel);
        }
        if self.zoom != Zoom::default() {
            s.append_pair("zoom", self.zoom.as_str());
        }
        if self.layout != Layout::default() {
            s.append_pair("view", self.layout.as_str());
        }
        for c in &self.collapsed {
            s.append_pair("fold", c);
        }
        s.finish()
    }

    /// Reads a state from a URL query string (with or without `#`); unknown or
    /// malformed parts are ignored.
    pub fn from_query(q: &str) -> ViewState {
        let q = q.trim_start_matches(['#', '?']);
        let mut v = ViewState::default();
        for (k, val) in form_urlencoded::parse(q.as_bytes()) {
            let val = val.into_owned();
            match k.as_ref() {
                "q" => v.query = val,
                "from" if val.parse::<Date>().is_ok() => v.from = Some(val),
                "to" if val.parse::<Date>().is_ok() => v.to = Some(val),
                "sel" => v.selected = Some(val),
                "zoom" => v.zoom = Zoom::parse(&val).unwrap_or_default(),
                "view" => v.layout = Layout::parse(&val).unwrap_or_default(),
                "fold" => {
                    v.collapsed.insert(val);
                }
                other => {
                    if let Some(f) = Facet::parse(other) {
                        v.filters.entry(f).or_default().insert(val);
                    }
                }
            }
        }
        v
    }

    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let set = self.filters.entry(facet).or_default();
        if !set.remove(value) {
            set.insert(value.to_string());
        }
        if set.is_empty() {
            self.filters.remove(&facet);
        }
    }

    /// Whether any search, filter or date range narrows the timeline.
    pub fn is_filtered(&self) -> bool {
        !self.query.trim().is_empty() || !self.filters.is_empty() || self.from.is_some() || self.to.is_some()
    }

    /// Removes search, filters and date range (keeps zoom and layout).
    pub fn clear(&mut self) {
        self.query.clear();
        self.filters.clear();
        self.from = None;
        self.to = None;
    }
}

/// One value of a facet with its live count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    pub value: String,
    /// What to show ("04 Consult", an article's title).
    pub label: String,
    pub count: usize,
    pub active: bool,
}

/// A bar of the histogram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// First and last day the bar covers.
    pub start: Date,
    pub end: Date,
    pub label: String,
    pub count: usize,
}

/// What a view state shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// Indices of the matching events, in timeline order.
    pub events: Vec<u32>,
    pub found: Option<Found>,
    pub facets: Vec<(Facet, Vec<FacetValue>)>,
    /// Events over time (search and filters applied, date range not), by month.
    pub histogram: Vec<Bar>,
}

/// Computes the view: events passing search, every filter and the date range; each
/// facet's values counted over the events passing everything but that facet.
/// What every view of one analysis needs, computed once when the analysis changes:
/// each event's facet values (as ids into per-facet name tables) and its first day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Precomputed {
    /// For each event, for each facet (in `Facet::ALL` order), its value ids.
    ids: Vec<[Vec<u32>; 7]>,
    /// For each facet, the value of each id.
    names: [Vec<String>; 7],
    /// For each event, the first day its date covers.
    days: Vec<Option<Date>>,
}

impl Precomputed {
    pub fn new(analysis: &Analysis) -> Precomputed {
        let mut names: [Vec<String>; 7] = Default::default();
        let mut index: [std::collections::HashMap<String, u32>; 7] = Default::default();
        let mut ids = Vec::with_capacity(analysis.events.len());
        for ev in &analysis.events {
            let mut row: [Vec<u32>; 7] = Default::default();
            for (k, f) in Facet::ALL.iter().enumerate() {
                for v in f.values(ev) {
                    let id = *index[k].entry(v.clone()).or_insert_with(|| {
                        names[k].push(v);
                        (names[k].len() - 1) as u32
                    });
                    row[k].push(id);
                }
            }
            ids.push(row);
        }
        let days = analysis.events.iter().map(|ev| ev.date.as_deref().and_then(first_day)).collect();
        Precomputed { ids, names, days }
    }
}

/// Computes the view: events passing search, every filter and the date range; each
/// facet's values counted over the events passing everything but that facet.
pub fn compute(analysis: &Analysis, pre: &Precomputed, found: Option<Found>, state: &ViewState) -> View {
    let n = analysis.events.len().min(pre.ids.len());
    let mut in_search = vec![found.is_none(); n];
    if let Some(f) = &found {
        for &i in &f.events {
            if let Some(x) = in_search.get_mut(i as usize) {
                *x = true;
            }
        }
    }
    let from = state.from.as_deref().and_then(|d| d.parse::<Date>().ok());
    let to = state.to.as_deref().and_then(|d| d.parse::<Date>().ok());
    let ranged = from.is_some() || to.is_some();
    let in_range: Vec<bool> = (0..n)
        .map(|i| {
            !ranged || pre.days[i].is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t))
        })
        .collect();
    // The active filters as id sets, per facet (None: the facet does not filter).
    let wanted: Vec<Option<Vec<bool>>> = Facet::ALL
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let set = state.filters.get(f).filter(|s| !s.is_empty())?;
            Some(pre.names[k].iter().map(|name| set.contains(name)).collect())
        })
        .collect();
    // For each event, a bit per facet it fails.
    let fails: Vec<u8> = (0..n)
        .map(|i| {
            let mut bits = 0u8;
            for (k, w) in wanted.iter().enumerate() {
                if let Some(w) = w {
                    if !pre.ids[i][k].iter().any(|&id| w[id as usize]) {
                        bits |= 1 << k;
                    }
                }
            }
            bits
        })
        .collect();
    let passes_except = |i: usize, skip: Option<usize>| -> bool {
        let mask = skip.map_or(0xFF, |k| !(1u8 << k));
        in_search[i] && fails[i] & mask == 0
    };
    let matching: Vec<u32> =
        (0..n).filter(|&i| passes_except(i, None) && in_range[i]).map(|i| i as u32).collect();

    let titles: BTreeMap<&str, &str> =
        analysis.articles.iter().map(|a| (a.id.as_str(), a.title.as_str())).collect();
    let mut facets = Vec::new();
    for (k, facet) in Facet::ALL.iter().enumerate() {
        let mut counts = vec![0usize; pre.names[k].len()];
        for i in 0..n {
            if in_range[i] && passes_except(i, Some(k)) {
                for &id in &pre.ids[i][k] {
                    counts[id as usize] += 1;
                }
            }
        }
        let active = state.filters.get(facet);
        let mut list: Vec<FacetValue> = counts
            .iter()
            .enumerate()
            .filter(|(id, &c)| c > 0 || active.is_some_and(|s| s.contains(&pre.names[k][*id])))
            .map(|(id, &count)| {
                let value = pre.names[k][id].clone();
                FacetValue {
                    label: label(*facet, &value, &titles),
                    active: active.is_some_and(|s| s.contains(&value)),
                    value,
                    count,
                }
            })
            .collect();
        // Active values stay listed even when no event of this analysis has them.
        if let Some(set) = active {
            for v in set {
                if !list.iter().any(|x| &x.value == v) {
                    list.push(FacetValue {
                        label: label(*facet, v, &titles),
                        active: true,
                        value: v.clone(),
                        count: 0,
                    });
                }
            }
        }
        list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        facets.push((*facet, list));
    }

    let hist_days: Vec<Date> =
        (0..n).filter(|&i| passes_except(i, None)).filter_map(|i| pre.days[i]).collect();
    let histogram = histogram(&hist_days);
    View { events: matching, found, facets, histogram }
}

fn label(facet: Facet, value: &str, titles: &BTreeMap<&str, &str>) -> String {
    match facet {
        Facet::Type => format!("{value} {}", cameo::root_name(value)),
        Facet::Article => titles.get(value).map(|t| t.to_string()).unwrap_or_else(|| value.to_string()),
        _ => value.to_string(),
    }
}

/// Monthly bars from the first to the last dated event (empty months included).
fn histogram(days: &[Date]) -> Vec<Bar> {
    let (Some(&min), Some(&max)) = (days.iter().min(), days.iter().max()) else {
        return Vec::new();
    };
    let mut counts: BTreeMap<(i16, i8), usize> = BTreeMap::new();
    for d in days {
        *counts.entry((d.year(), d.month())).or_default() += 1;
    }
    let mut bars = Vec::new();
    let (mut y, mut m) = (min.year(), min.month());
    loop {
        let start = Date::new(y, m, 1).expect("valid month");
        let end = start.last_of_month();
        bars.push(Bar {
            start,
            end,
            label: crate::analysis::export::display_date(&format!("{y:04}-{m:02}")),
            count: counts.get(&(y, m)).copied().unwrap_or(0),
        });
        if (y, m) >= (max.year(), max.month()) || bars.len() > 1200 {
            break;
        }
        if m == 12 {
            y += 1;
            m = 1;
        } else {
            m += 1;
        }
    }
    bars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_round_trip() {
        let mut v = ViewState { query: "erdoğan \"phone call\"".into(), ..Default::default() };
        v.toggle(Facet::Type, "04");
        v.toggle(Facet::Actor, "Vladimir Putin");
        v.from = Some("2025-11-01".into());
        v.selected = Some("2025-11-24|04|x+y".into());
        v.zoom = Zoom::Day;
        v.layout = Layout::ByActor;
        let q = v.to_query();
        assert_eq!(ViewState::from_query(&format!("#{q}")), v);
        assert_eq!(ViewState::from_query(""), ViewState::default());
        assert_eq!(ViewState::from_query("from=not-a-date&zoom=weird&bogus=1").from, None);
    }

    #[test]
    fn toggling_twice_removes_the_filter() {
        let mut v = ViewState::default();
        v.toggle(Facet::Place, "Istanbul");
        assert!(v.is_filtered());
        v.toggle(Facet::Place, "Istanbul");
        assert!(!v.is_filtered());
    }
}

/// A row of the timeline list: a group header or an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    Group {
        key: String,
        label: String,
        count: usize,
        collapsed: bool,
    },
    /// An event: its index in the analysis and its position in the view.
    Event {
        index: u32,
        pos: usize,
    },
}

/// The group an event's date falls in at `zoom`: (key, label). A date coarser than the
/// zoom is its own group; undated events are grouped last as "Undated".
pub fn group_of(date: Option<&str>, zoom: Zoom) -> (String, String) {
    use crate::analysis::export::display_date;
    let Some(v) = date else { return ("undated".into(), "Undated".into()) };
    let Some(d) = first_day(v) else { return (v.to_string(), v.to_string()) };
    let is_day = v.len() == 10;
    let is_week = v.contains('W');
    let is_month = v.len() == 7 && !is_week && v.as_bytes()[5].is_ascii_digit();
    let key = match zoom {
        Zoom::Year => format!("{:04}", d.year()),
        Zoom::Month if is_day || is_week || is_month => format!("{:04}-{:02}", d.year(), d.month()),
        Zoom::Week if is_day || is_week => {
            let w = d.iso_week_date();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Zoom::Day => v.to_string(),
        _ => v.to_string(),
    };
    let label = display_date(&key);
    (key, label)
}

/// The rows of the list for the events at `events` (in order), grouped at `zoom`;
/// collapsed groups show their header only.
pub fn rows(analysis: &Analysis, events: &[u32], zoom: Zoom, collapsed: &BTreeSet<String>) -> Vec<Row> {
    let mut out = Vec::with_capacity(events.len() + 16);
    let mut current: Option<(usize, String)> = None;
    for (pos, &i) in events.iter().enumerate() {
        let ev = &analysis.events[i as usize];
        let (key, label) = group_of(ev.date.as_deref(), zoom);
        if current.as_ref().is_none_or(|(_, k)| *k != key) {
            let is_collapsed = collapsed.contains(&key);
            out.push(Row::Group { key: key.clone(), label, count: 0, collapsed: is_collapsed });
            current = Some((out.len() - 1, key));
        }
        let (gi, key) = current.as_ref().expect("a group was just pushed");
        if let Row::Group { count, .. } = &mut out[*gi] {
            *count += 1;
        }
        if !collapsed.contains(key) {
            out.push(Row::Event { index: i, pos });
        }
    }
    out
}

#[cfg(test)]
mod row_tests {
    use super::*;

    #[test]
    fn groups_by_zoom() {
        assert_eq!(group_of(Some("2025-11-24"), Zoom::Month).1, "Nov 2025");
        assert_eq!(group_of(Some("2025-11-24"), Zoom::Year).1, "2025");
        assert_eq!(group_of(Some("2025-11-24"), Zoom::Week).0, "2025-W48");
        assert_eq!(group_of(Some("2025-11-24"), Zoom::Day).1, "24 Nov 2025");
        assert_eq!(group_of(Some("2025"), Zoom::Month).1, "2025");
        assert_eq!(group_of(None, Zoom::Month).1, "Undated");
    }

    #[test]
    fn collapsed_groups_keep_their_header_and_count() {
        let ws = crate::workspace::Workspace::with_samples(jiff::civil::date(2026, 11, 22));
        let all: Vec<u32> = (0..ws.analysis().events.len() as u32).collect();
        let open = rows(ws.analysis(), &all, Zoom::Month, &BTreeSet::new());
        let events = open.iter().filter(|r| matches!(r, Row::Event { .. })).count();
        assert_eq!(events, all.len());
        let mut folded = BTreeSet::new();
        folded.insert("undated".to_string());
        let closed = rows(ws.analysis(), &all, Zoom::Month, &folded);
        let undated = closed.iter().find_map(|r| match r {
            Row::Group { key, count, collapsed: true, .. } if key == "undated" => Some(*count),
            _ => None,
        });
        assert!(undated.unwrap() > 0);
        assert!(closed.len() < open.len());
    }
}
