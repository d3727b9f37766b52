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
    /// The key events for a workspace of more than [`KEY_VIEW_FROM`] events, else
    /// the list.
    #[default]
    Auto,
    /// The story's key days, each with its most reported events.
    Key,
    List,
    ByActor,
    ByCountry,
}

/// A workspace with more events than this opens on the key events.
pub const KEY_VIEW_FROM: usize = 200;

impl Layout {
    /// What `Auto` means for a workspace of `events` events.
    pub fn resolve(self, events: usize) -> Layout {
        match self {
            Layout::Auto if events > KEY_VIEW_FROM => Layout::Key,
            Layout::Auto => Layout::List,
            other => other,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Auto => "auto",
            Layout::Key => "key",
            Layout::List => "list",
            Layout::ByActor => "actors",
            Layout::ByCountry => "countries",
        }
    }

    fn parse(s: &str) -> Option<Layout> {
        [Layout::Key, Layout::List, Layout::ByActor, Layout::ByCountry].into_iter().find(|l| l.as_str() == s)
    }
}

/// A facet of the events that can be filtered on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Actor,
    Type,
    Plover,
    Quad,
    Country,
    Place,
    Article,
    Confidence,
}

/// The PLOVER facet's value for statements and appeals, which PLOVER drops.
pub const NO_PLOVER: &str = "none (statements, appeals)";

/// How many facets there are.
pub const FACETS: usize = 8;

impl Facet {
    pub const ALL: [Facet; FACETS] = [
        Facet::Actor,
        Facet::Type,
        Facet::Plover,
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
            Facet::Plover => "plover",
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
            Facet::Type => "CAMEO type",
            Facet::Plover => "PLOVER type",
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
            // Statements and appeals (CAMEO 01, 02) have no PLOVER type: a value of their
            // own, so they can be picked out too.
            Facet::Plover => vec![ev.plover.clone().unwrap_or_else(|| NO_PLOVER.to_string())],
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// Collapsed group labels (the background group is collapsed unless named here).
    pub collapsed: BTreeSet<String>,
    /// How many key days the key view shows (0: all).
    pub key_days: usize,
    /// Only the events naming both of these actors (an edge of the network).
    pub pair: Option<(String, String)>,
    /// Whether the who-with-whom picture is open.
    pub network: bool,
}

/// The key view's choices of how many days it shows (0: all).
pub const KEY_DAYS: [usize; 4] = [10, 20, 50, 0];
/// The key view's default number of days.
pub const DEFAULT_KEY_DAYS: usize = 20;
/// The most events a key day shows.
const EVENTS_PER_KEY_DAY: usize = 3;
/// The key of the group of background events.
pub const BACKGROUND: &str = "background";

impl Default for ViewState {
    fn default() -> ViewState {
        ViewState {
            query: String::new(),
            filters: BTreeMap::new(),
            from: None,
            to: None,
            selected: None,
            zoom: Zoom::default(),
            layout: Layout::default(),
            collapsed: BTreeSet::new(),
            key_days: DEFAULT_KEY_DAYS,
            pair: None,
            network: false,
        }
    }
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
        if self.key_days != DEFAULT_KEY_DAYS {
            s.append_pair("days", &self.key_days.to_string());
        }
        if let Some((a, b)) = &self.pair {
            s.append_pair("pair", a);
            s.append_pair("pair", b);
        }
        if self.network {
            s.append_pair("net", "1");
        }
        s.finish()
    }

    /// Reads a state from a URL query string (with or without `#`); unknown or
    /// malformed parts are ignored.
    pub fn from_query(q: &str) -> ViewState {
        let q = q.trim_start_matches(['#', '?']);
        let mut v = ViewState::default();
        let mut pair = Vec::new();
        for (k, val) in form_urlencoded::parse(q.as_bytes()) {
            let val = val.into_owned();
            match k.as_ref() {
                "q" => v.query = val,
                "from" if val.parse::<Date>().is_ok() => v.from = Some(val),
                "to" if val.parse::<Date>().is_ok() => v.to = Some(val),
                "sel" => v.selected = Some(val),
                "zoom" => v.zoom = Zoom::parse(&val).unwrap_or_default(),
                "view" => v.layout = Layout::parse(&val).unwrap_or_default(),
                "days" => {
                    v.key_days = val.parse().ok().filter(|n| KEY_DAYS.contains(n)).unwrap_or(DEFAULT_KEY_DAYS)
                }
                "fold" => {
                    v.collapsed.insert(val);
                }
                "pair" => pair.push(val),
                "net" => v.network = val == "1",
                other => {
                    if let Some(f) = Facet::parse(other) {
                        v.filters.entry(f).or_default().insert(val);
                    }
                }
            }
        }
        if let Ok([a, b]) = <[String; 2]>::try_from(pair) {
            if !a.is_empty() && !b.is_empty() && a != b {
                v.pair = Some((a, b));
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
        !self.query.trim().is_empty()
            || !self.filters.is_empty()
            || self.from.is_some()
            || self.to.is_some()
            || self.pair.is_some()
    }

    /// Removes search, filters and date range (keeps zoom and layout).
    pub fn clear(&mut self) {
        self.query.clear();
        self.filters.clear();
        self.from = None;
        self.to = None;
        self.pair = None;
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

/// A facet's values in a view: the active ones and the most frequent others, at most
/// [`FACET_LIMIT`] in all, by count; `distinct` counts every value with a match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetList {
    pub facet: Facet,
    pub values: Vec<FacetValue>,
    pub distinct: usize,
}

/// How many values of a facet a view lists (a timeline of thousands of actors lists
/// the busiest; the search box finds the others).
pub const FACET_LIMIT: usize = 50;

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
    pub facets: Vec<FacetList>,
    /// Events over time (search and filters applied, date range not), by month, over
    /// the whole analysis's span.
    pub histogram: Vec<Bar>,
}

/// What every view of one analysis needs, computed once when the analysis changes, so
/// that a keystroke only counts: each event's facet values (ids into per-facet tables
/// of values and labels), its first day and month, and its group at each zoom.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Precomputed {
    /// Per facet, the value ids of event `i`: `ids[k][starts[k][i]..starts[k][i + 1]]`.
    starts: [Vec<u32>; FACETS],
    ids: [Vec<u32>; FACETS],
    /// Per facet, the value and the label of each id.
    names: [Vec<String>; FACETS],
    labels: [Vec<String>; FACETS],
    /// Per facet, each id's place in the order of the labels (ties in counts go by it).
    rank: [Vec<u32>; FACETS],
    /// Per facet, each id's count over all events.
    totals: [Vec<u32>; FACETS],
    /// For each event, the first day its date covers, and that day's month as
    /// `year * 12 + month - 1`.
    days: Vec<Option<Date>>,
    months: Vec<Option<i32>>,
    /// The first and last of those months over the story's events: the histogram's
    /// span, the same whatever the search and filters, so bars keep their place.
    month_range: Option<(i32, i32)>,
    /// Per zoom (in `Zoom::ALL` order): each event's group id, and each group's key and label.
    groups: [(Vec<u32>, Vec<(String, String)>); 4],
    /// The first day of the story's window: events dated before it are background.
    pub story_start: Option<Date>,
    /// The story's days with events, highest score first.
    key: Vec<KeyDay>,
}

/// A key day of the story, as the key view shows it.
#[derive(Clone, Debug, PartialEq)]
struct KeyDay {
    date: Date,
    /// Why it is a key day ("named in 33 articles; …").
    why: String,
    /// Its events (indices), most reported first.
    events: Vec<u32>,
}

/// [`Precomputed`] built a step at a time, so that no one task of the page is long:
/// each facet's values and each zoom's groups a slice of events per step, then the
/// days, then the key dates.
#[derive(Debug, Default)]
pub struct PreBuilder {
    pre: Precomputed,
    /// The facet being filled's value ids.
    index: std::collections::HashMap<String, u32>,
    /// Which stage: facets `0..FACETS`, then the days, the zooms, the key dates.
    stage: usize,
    /// The next event of the stage.
    at: usize,
}

impl PreBuilder {
    const DAYS: usize = FACETS;
    const ZOOMS: usize = FACETS + 1;
    const KEY: usize = FACETS + 1 + Zoom::ALL.len();

    /// Does about `work` events' worth of building; true once all is built.
    pub fn step(&mut self, analysis: &Analysis, work: usize) -> bool {
        let n = analysis.events.len();
        let end = self.at.saturating_add(work).min(n);
        let pre = &mut self.pre;
        match self.stage {
            k if k < FACETS => {
                let f = Facet::ALL[k];
                if pre.starts[k].is_empty() {
                    pre.starts[k].reserve(n + 1);
                    pre.starts[k].push(0);
                }
                if pre.starts[k].len() == n + 1 {
                    // All read: the values' order and counts, a step of their own.
                    self.index = Default::default();
                    let mut order: Vec<u32> = (0..pre.names[k].len() as u32).collect();
                    let labels = &pre.labels[k];
                    order.sort_unstable_by(|&a, &b| {
                        labels[a as usize].cmp(&labels[b as usize]).then(a.cmp(&b))
                    });
                    pre.rank[k] = vec![0; order.len()];
                    for (r, &id) in order.iter().enumerate() {
                        pre.rank[k][id as usize] = r as u32;
                    }
                    pre.totals[k] = vec![0; pre.names[k].len()];
                    for &id in &pre.ids[k] {
                        pre.totals[k][id as usize] += 1;
                    }
                    self.next();
                    return false;
                }
                for ev in &analysis.events[self.at..end] {
                    for v in f.values(ev) {
                        let id = match self.index.get(&v) {
                            Some(&id) => id,
                            None => {
                                let id = pre.names[k].len() as u32;
                                pre.labels[k].push(label(f, &v, Some(analysis)));
                                pre.names[k].push(v.clone());
                                self.index.insert(v, id);
                                id
                            }
                        };
                        pre.ids[k].push(id);
                    }
                    pre.starts[k].push(pre.ids[k].len() as u32);
                }
                self.at = end;
            }
            Self::DAYS => {
                pre.days = analysis.events.iter().map(|ev| ev.date.as_deref().and_then(first_day)).collect();
                pre.months =
                    pre.days.iter().map(|d| d.map(|d| d.year() as i32 * 12 + d.month() as i32 - 1)).collect();
                // The histogram spans the story: its window (background before it is left
                // out) up to a year after its end (a date later than that, not a plan, is
                // more likely misread than news).
                let window = crate::analysis::story::window(analysis)
                    .and_then(|(a, b)| Some((a.parse::<Date>().ok()?, b.parse::<Date>().ok()?)));
                pre.story_start = window.map(|w| w.0);
                let month = |d: Date| d.year() as i32 * 12 + d.month() as i32 - 1;
                let in_story = |d: &Date| window.is_none_or(|(a, b)| *d >= a && month(*d) <= month(b) + 12);
                let known = pre.days.iter().flatten().filter(|d| in_story(d)).map(|&d| month(d));
                pre.month_range = known.clone().min().zip(known.max());
                if pre.month_range.is_none() {
                    let all = pre.months.iter().flatten().copied();
                    pre.month_range = all.clone().min().zip(all.max());
                }
                self.next();
            }
            z if z < Self::KEY => {
                let z = z - Self::ZOOMS;
                let zoom = Zoom::ALL[z];
                let (ids, table) = &mut pre.groups[z];
                for ev in &analysis.events[self.at..end] {
                    let (key, label) = group_of(ev.date.as_deref(), zoom);
                    let id = match self.index.get(&key) {
                        Some(&id) => id,
                        None => {
                            let id = table.len() as u32;
                            self.index.insert(key.clone(), id);
                            table.push((key, label));
                            id
                        }
                    };
                    ids.push(id);
                }
                self.at = end;
                if end == n {
                    self.index.clear();
                    self.next();
                }
            }
            Self::KEY => {
                let by_id: std::collections::HashMap<&str, u32> =
                    analysis.events.iter().enumerate().map(|(i, e)| (e.id.as_str(), i as u32)).collect();
                pre.key = crate::analysis::story::key_dates(analysis)
                    .into_iter()
                    .filter(|k| !k.background && !k.suspect && !k.events.is_empty())
                    .filter_map(|k| {
                        Some(KeyDay {
                            date: k.date.parse().ok()?,
                            why: k.why,
                            events: k
                                .events
                                .iter()
                                .filter_map(|id| by_id.get(id.as_str()).copied())
                                .collect(),
                        })
                    })
                    .collect();
                self.next();
            }
            _ => return true,
        }
        false
    }

    fn next(&mut self) {
        self.stage += 1;
        self.at = 0;
    }

    /// The tables (complete once [`step`](PreBuilder::step) has returned true).
    pub fn finish(self) -> Precomputed {
        self.pre
    }
}

impl Precomputed {
    pub fn new(analysis: &Analysis) -> Precomputed {
        let mut b = PreBuilder::default();
        while !b.step(analysis, usize::MAX) {}
        b.finish()
    }

    /// Whether event `i` is background: dated before the story's window.
    pub fn is_background(&self, i: usize) -> bool {
        self.story_start.is_some_and(|s| self.days.get(i).copied().flatten().is_some_and(|d| d < s))
    }

    /// How many distinct actors the analysis has (actor ids are `0..actor_count()`).
    pub(super) fn actor_count(&self) -> usize {
        self.names[0].len()
    }

    /// The actor ids of event `i`.
    pub(super) fn actors_of(&self, i: usize) -> &[u32] {
        self.values(0, i)
    }

    /// Each actor id's place in the order of the names (ties in counts go by it).
    pub(super) fn actor_rank(&self) -> &[u32] {
        &self.rank[0]
    }

    pub(super) fn actor_name(&self, id: u32) -> &str {
        &self.names[0][id as usize]
    }

    fn values(&self, k: usize, i: usize) -> &[u32] {
        &self.ids[k][self.starts[k][i] as usize..self.starts[k][i + 1] as usize]
    }

    fn len(&self) -> usize {
        self.days.len()
    }
}

/// Computes the view: events passing search, every filter and the date range; each
/// facet's values counted over the events passing everything but that facet.
///
/// Without `panels`, only the matching events (the facets and the histogram are left
/// empty): what a keystroke must paint at once; the side panels follow.
pub fn compute(pre: &Precomputed, found: Option<Found>, state: &ViewState, panels: bool) -> View {
    let n = pre.len();
    let unfiltered = state.from.is_none()
        && state.to.is_none()
        && state.pair.is_none()
        && state.filters.values().all(|s| s.is_empty());
    if !panels && unfiltered {
        // A keystroke with no filter: the search's events are the view (ascending), in
        // time proportional to them, not to the timeline.
        let events = match &found {
            Some(f) => f.events.iter().copied().filter(|&i| (i as usize) < n).collect(),
            None => (0..n as u32).collect(),
        };
        return View { events, found, facets: Vec::new(), histogram: Vec::new() };
    }
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
    // The pair of actors (an edge of the network), as actor ids; an actor not in the
    // analysis matches nothing.
    let pair = state.pair.as_ref().map(|(a, b)| {
        let id = |name: &str| pre.names[0].iter().position(|x| x == name).map(|p| p as u32);
        (id(a), id(b))
    });
    let ranged = from.is_some() || to.is_some() || pair.is_some();
    let in_pair = |i: usize| {
        pair.is_none_or(|(a, b)| {
            let ids = pre.values(0, i);
            a.is_some_and(|a| ids.contains(&a)) && b.is_some_and(|b| ids.contains(&b))
        })
    };
    let in_range = |i: usize| {
        let dated = (from.is_none() && to.is_none())
            || pre.days[i].is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t));
        dated && in_pair(i)
    };
    // The active filters as id sets, per facet (None: the facet does not filter).
    let wanted: Vec<Option<Vec<bool>>> = Facet::ALL
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let set = state.filters.get(f).filter(|s| !s.is_empty())?;
            Some(pre.names[k].iter().map(|name| set.contains(name)).collect())
        })
        .collect();
    // For each event, a bit per facet it fails, and bit 7 when it is outside the search
    // (so it counts nowhere; the date range is checked apart, by `in_range`).
    let fails: Vec<u8> = (0..n)
        .map(|i| {
            let mut bits = if in_search[i] { 0u8 } else { 0x80 };
            for (k, w) in wanted.iter().enumerate() {
                if let Some(w) = w {
                    if !pre.values(k, i).iter().any(|&id| w[id as usize]) {
                        bits |= 1 << k;
                    }
                }
            }
            bits
        })
        .collect();
    let matching: Vec<u32> = (0..n).filter(|&i| fails[i] == 0 && in_range(i)).map(|i| i as u32).collect();
    if !panels {
        return View { events: matching, found, facets: Vec::new(), histogram: Vec::new() };
    }

    // Each facet's counts. An event failing nothing counts in every facet; one failing
    // only facet k's filter counts in facet k (that facet's values are what the user is
    // choosing among); others count nowhere.
    let narrowed_by_search_only = !ranged && wanted.iter().all(Option::is_none);
    let mut all_counts: Vec<Vec<u32>> = Vec::with_capacity(7);
    if narrowed_by_search_only && matching.len() * 2 >= n {
        // Most events match: the totals less the events that do not.
        for k in 0..7 {
            let mut counts = pre.totals[k].clone();
            if matching.len() < n {
                for i in (0..n).filter(|&i| fails[i] != 0) {
                    for &id in pre.values(k, i) {
                        counts[id as usize] -= 1;
                    }
                }
            }
            all_counts.push(counts);
        }
    } else {
        all_counts = (0..7).map(|k| vec![0u32; pre.names[k].len()]).collect();
        // Narrowed by the search alone, only its events count: no pass over the rest.
        let candidates: Box<dyn Iterator<Item = usize>> = if narrowed_by_search_only {
            Box::new(matching.iter().map(|&i| i as usize))
        } else {
            Box::new(0..n)
        };
        for i in candidates {
            let f = fails[i];
            if f & 0x80 != 0 || !in_range(i) {
                continue;
            }
            if f == 0 {
                for (k, counts) in all_counts.iter_mut().enumerate() {
                    for &id in pre.values(k, i) {
                        counts[id as usize] += 1;
                    }
                }
            } else if f.is_power_of_two() {
                let k = f.trailing_zeros() as usize;
                for &id in pre.values(k, i) {
                    all_counts[k][id as usize] += 1;
                }
            }
        }
    }

    let mut facets = Vec::with_capacity(7);
    for ((k, facet), counts) in Facet::ALL.iter().enumerate().zip(all_counts) {
        let active = state.filters.get(facet);
        let is_active = |id: usize| active.is_some_and(|s| s.contains(&pre.names[k][id]));
        let rank = &pre.rank[k];
        let by_count = |a: &u32, b: &u32| {
            counts[*b as usize]
                .cmp(&counts[*a as usize])
                .then_with(|| rank[*a as usize].cmp(&rank[*b as usize]))
        };
        // Few events in view: the ids they name are the candidates, not every id.
        let (mut top, distinct) = if narrowed_by_search_only && matching.len() * 2 < n {
            let mut ids: Vec<u32> =
                matching.iter().flat_map(|&i| pre.values(k, i as usize)).copied().collect();
            ids.sort_unstable();
            ids.dedup();
            busiest_among(&counts, rank, FACET_LIMIT, ids)
        } else {
            busiest(&counts, rank, FACET_LIMIT)
        };
        // Active values stay listed, even past the limit or with no event.
        let mut extra: Vec<String> = Vec::new();
        if let Some(set) = active {
            for v in set {
                match pre.names[k].iter().position(|x| x == v) {
                    Some(id) if !top.contains(&(id as u32)) => top.push(id as u32),
                    Some(_) => {}
                    None => extra.push(v.clone()),
                }
            }
        }
        top.sort_by(by_count);
        let mut values: Vec<FacetValue> = top
            .into_iter()
            .map(|id| FacetValue {
                value: pre.names[k][id as usize].clone(),
                label: pre.labels[k][id as usize].clone(),
                count: counts[id as usize] as usize,
                active: is_active(id as usize),
            })
            .collect();
        values.extend(extra.into_iter().map(|v| FacetValue {
            label: label(*facet, &v, None),
            value: v,
            count: 0,
            active: true,
        }));
        facets.push(FacetList { facet: *facet, values, distinct });
    }

    let histogram = if narrowed_by_search_only {
        histogram(pre.month_range, matching.iter().filter_map(|&i| pre.months[i as usize]))
    } else {
        histogram(
            pre.month_range,
            (0..n).filter(|&i| fails[i] == 0 && in_pair(i)).filter_map(|i| pre.months[i]),
        )
    };
    View { events: matching, found, facets, histogram }
}

/// The `limit` ids with the highest counts (ties: the lowest `rank`, the label order),
/// in that order, and how many ids have a count at all. Linear in the number of ids.
pub(super) fn busiest(counts: &[u32], rank: &[u32], limit: usize) -> (Vec<u32>, usize) {
    busiest_among(counts, rank, limit, 0..counts.len() as u32)
}

/// [`busiest`] among `ids` (distinct, ascending: ties keep the order `busiest` gives).
fn busiest_among(
    counts: &[u32],
    rank: &[u32],
    limit: usize,
    ids: impl IntoIterator<Item = u32>,
) -> (Vec<u32>, usize) {
    let by = |a: &u32, b: &u32| {
        counts[*b as usize].cmp(&counts[*a as usize]).then_with(|| rank[*a as usize].cmp(&rank[*b as usize]))
    };
    let limit = if limit == 0 { usize::MAX } else { limit };
    // The best `limit` so far, best first: most ids (a facet of 100,000 actors, most
    // named once) fail one comparison with the last, without a copy of them all.
    let mut top: Vec<u32> = Vec::new();
    let mut distinct = 0;
    for id in ids {
        if counts[id as usize] == 0 {
            continue;
        }
        distinct += 1;
        if top.len() < limit {
            top.push(id);
            if top.len() == limit {
                top.sort_unstable_by(by);
            }
        } else if by(&id, top.last().expect("limit > 0")).is_lt() {
            let at = top.partition_point(|x| by(x, &id).is_lt());
            top.insert(at, id);
            top.pop();
        }
    }
    if top.len() < limit {
        top.sort_unstable_by(by);
    }
    (top, distinct)
}

/// A facet value's label; an article's is its title (looked up by position, so a
/// step of the view tables costs its events, not the articles).
fn label(facet: Facet, value: &str, analysis: Option<&Analysis>) -> String {
    match facet {
        Facet::Type => format!("{value} {}", cameo::root_name(value)),
        Facet::Article => analysis
            .and_then(|a| a.article(value))
            .map(|a| a.title.clone())
            .unwrap_or_else(|| value.to_string()),
        _ => value.to_string(),
    }
}

/// Monthly bars over `range` (the first and last month of the analysis; at most the
/// last 1,200 months, where the news is: one article citing 1900 does not push the
/// recent months off the axis), counting `months`.
fn histogram(range: Option<(i32, i32)>, months: impl Iterator<Item = i32>) -> Vec<Bar> {
    const MAX_BARS: i32 = 1200;
    let Some((min, max)) = range else {
        return Vec::new();
    };
    let first = min.max(max - (MAX_BARS - 1));
    let mut counts = vec![0usize; (max - first + 1) as usize];
    for m in months {
        if let Some(c) = usize::try_from(m - first).ok().and_then(|i| counts.get_mut(i)) {
            *c += 1;
        }
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(j, count)| {
            let m = first + j as i32;
            let (y, mo) = ((m.div_euclid(12)) as i16, (m.rem_euclid(12) + 1) as i8);
            let start = Date::new(y, mo, 1).expect("valid month");
            Bar {
                start,
                end: start.last_of_month(),
                label: crate::analysis::export::display_date(&format!("{y:04}-{mo:02}")),
                count,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ways_of_counting_facets_agree_with_counting_the_matches() {
        let ws = crate::workspace::Workspace::with_samples(jiff::civil::date(2026, 11, 22));
        // "e" matches most events (counts are the totals less the others); a filter on
        // top makes them counted one by one.
        let mut state = ViewState { query: "e".into(), ..Default::default() };
        let wide = ws.view(&state);
        assert!(wide.events.len() * 2 >= ws.pre.len() && wide.events.len() < ws.pre.len());
        state.toggle(Facet::Type, "01");
        let narrow = ws.view(&state);
        // A search alone matching few events: only they are counted.
        let few_state = ViewState { query: "zelenskyy".into(), ..Default::default() };
        let few = ws.view(&few_state);
        assert!(!few.events.is_empty() && few.events.len() * 2 < ws.pre.len());
        assert_eq!(
            few.histogram.iter().map(|b| b.count).sum::<usize>(),
            few.events.iter().filter(|&&i| ws.pre.months[i as usize].is_some()).count()
        );
        for (view, state) in [
            (&wide, ViewState { query: "e".into(), ..Default::default() }),
            (&narrow, state),
            (&few, few_state),
        ] {
            // What a keystroke paints first is the same events.
            assert_eq!(ws.view_events(&state).events, view.events);
            let listed: usize = view.facets.iter().map(|l| l.values.len()).sum();
            assert!(listed > 0);
            let found = ws.index.search(&state.query);
            for (k, list) in view.facets.iter().enumerate() {
                for fv in &list.values {
                    let id = ws.pre.names[k].iter().position(|x| *x == fv.value).unwrap() as u32;
                    // Events passing the search and every other facet's filter.
                    let expected = (0..ws.pre.len())
                        .filter(|&i| found.as_ref().is_none_or(|f| f.events.contains(&(i as u32))))
                        .filter(|&i| {
                            Facet::ALL.iter().enumerate().filter(|&(j, _)| j != k).all(|(j, f)| {
                                state.filters.get(f).is_none_or(|set| {
                                    ws.pre
                                        .values(j, i)
                                        .iter()
                                        .any(|&v| set.contains(&ws.pre.names[j][v as usize]))
                                })
                            })
                        })
                        .filter(|&i| ws.pre.values(k, i).contains(&id))
                        .count();
                    assert_eq!(fv.count, expected, "{:?} {}", list.facet, fv.value);
                }
            }
        }
    }

    #[test]
    fn a_pair_keeps_the_events_naming_both_actors() {
        let ws = crate::workspace::Workspace::with_samples(jiff::civil::date(2026, 11, 22));
        let all: Vec<u32> = (0..ws.pre.len() as u32).collect();
        let net = ws.network(&all);
        let edge = net.edges.first().expect("the samples have actors acting together");
        let (a, b) = (net.nodes[edge.a].name.clone(), net.nodes[edge.b].name.clone());
        let state = ViewState { pair: Some((a.clone(), b.clone())), ..Default::default() };
        let view = ws.view(&state);
        assert_eq!(view.events.len(), edge.events as usize);
        for &i in &view.events {
            let names: Vec<&str> =
                ws.analysis().events[i as usize].actors.iter().map(|x| x.name.as_str()).collect();
            assert!(names.contains(&a.as_str()) && names.contains(&b.as_str()), "{names:?}");
        }
        // The histogram counts the pair's events too; an unknown actor matches nothing.
        assert!(view.histogram.iter().map(|b| b.count).sum::<usize>() <= edge.events as usize);
        let none = ws.view(&ViewState { pair: Some((a, "Nobody at all".into())), ..Default::default() });
        assert!(none.events.is_empty());
    }

    #[test]
    fn a_long_span_keeps_the_latest_months() {
        let month = |y: i32, m: i32| y * 12 + (m - 1);
        let bars =
            histogram(Some((month(1900, 1), month(2025, 11))), [month(1900, 1), month(2025, 11)].into_iter());
        assert_eq!(bars.len(), 1200);
        let last = bars.last().unwrap();
        assert_eq!((last.start.year(), last.start.month(), last.count), (2025, 11, 1));
        assert_eq!(bars.iter().map(|b| b.count).sum::<usize>(), 1, "1900 is before the axis");
    }

    #[test]
    fn url_round_trip() {
        let mut v = ViewState { query: "erdoğan \"phone call\"".into(), ..Default::default() };
        v.toggle(Facet::Type, "04");
        v.toggle(Facet::Actor, "Vladimir Putin");
        v.from = Some("2025-11-01".into());
        v.selected = Some("2025-11-24|04|x+y".into());
        v.zoom = Zoom::Day;
        v.layout = Layout::ByActor;
        v.pair = Some(("Vladimir Putin".into(), "Recep Tayyip Erdoğan".into()));
        v.network = true;
        let q = v.to_query();
        assert_eq!(ViewState::from_query(&format!("#{q}")), v);
        assert_eq!(ViewState::from_query(""), ViewState::default());
        assert_eq!(ViewState::from_query("from=not-a-date&zoom=weird&bogus=1").from, None);
    }

    #[test]
    fn busiest_takes_the_highest_counts_then_the_first_labels() {
        // Ids 0..5 with these counts; labels rank ids as 4, 3, 2, 1, 0.
        let (top, distinct) = busiest(&[3, 1, 1, 0, 2], &[4, 3, 2, 1, 0], 3);
        assert_eq!(top, vec![0, 4, 2]);
        assert_eq!(distinct, 4);
        let (top, _) = busiest(&[3, 1, 1, 0, 2], &[4, 3, 2, 1, 0], 10);
        assert_eq!(top.len(), 4);
        assert_eq!(busiest(&[0, 0], &[0, 1], 3), (vec![], 0));
    }

    #[test]
    fn busiest_agrees_with_sorting_everything() {
        // Counts from a fixed pseudo-random sequence, many ties and zeros.
        let mut x = 12345u32;
        let counts: Vec<u32> = (0..5000)
            .map(|_| {
                x = x.wrapping_mul(1103515245).wrapping_add(12345);
                (x >> 16) % 7
            })
            .collect();
        let rank: Vec<u32> = (0..5000u32).rev().collect();
        for limit in [1, 8, 50, 0] {
            let mut all: Vec<u32> = (0..5000u32).filter(|&i| counts[i as usize] > 0).collect();
            all.sort_by(|a, b| {
                counts[*b as usize].cmp(&counts[*a as usize]).then(rank[*a as usize].cmp(&rank[*b as usize]))
            });
            let n = all.len();
            if limit > 0 {
                all.truncate(limit);
            }
            assert_eq!(busiest(&counts, &rank, limit), (all, n), "limit {limit}");
        }
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
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
pub fn rows(pre: &Precomputed, events: &[u32], zoom: Zoom, collapsed: &BTreeSet<String>) -> Vec<Row> {
    let z = Zoom::ALL.iter().position(|&x| x == zoom).unwrap_or(1);
    let (ids, table) = &pre.groups[z];
    let mut out = Vec::with_capacity(events.len() + 16);
    // The current group: its id, its row and whether it is collapsed.
    let mut current: Option<(u32, usize, bool)> = None;
    // Background events (before the story's window) come first in date order: one
    // group, collapsed unless the user opened it.
    let background = u32::MAX;
    for (pos, &i) in events.iter().enumerate() {
        let Some(&g) = ids.get(i as usize) else { continue };
        let g = if pre.is_background(i as usize) { background } else { g };
        if current.is_none_or(|(c, _, _)| c != g) {
            let (key, label, folded) = if g == background {
                let since = pre.story_start.map(|d| d.strftime("%-d %b %Y").to_string()).unwrap_or_default();
                (
                    BACKGROUND.to_string(),
                    format!("Background (before {since})"),
                    !collapsed.contains(BACKGROUND),
                )
            } else {
                let (key, label) = &table[g as usize];
                (key.clone(), label.clone(), collapsed.contains(key))
            };
            out.push(Row::Group { key, label, count: 0, collapsed: folded });
            current = Some((g, out.len() - 1, folded));
        }
        let (_, row, folded) = current.expect("a group was just pushed");
        if let Row::Group { count, .. } = &mut out[row] {
            *count += 1;
        }
        if !folded {
            out.push(Row::Event { index: i, pos });
        }
    }
    out
}

/// The key view's rows: the `limit` highest-scoring key days (0: all) that have events
/// among `events` (a view's: search and filters apply), in date order, each with its
/// most reported matching events.
pub fn key_rows(pre: &Precomputed, events: &[u32], limit: usize, collapsed: &BTreeSet<String>) -> Vec<Row> {
    let mut pos = vec![u32::MAX; pre.len()];
    for (p, &i) in events.iter().enumerate() {
        if let Some(x) = pos.get_mut(i as usize) {
            *x = p as u32;
        }
    }
    let limit = if limit == 0 { usize::MAX } else { limit };
    let mut days: Vec<(&KeyDay, Vec<u32>)> = pre
        .key
        .iter()
        .filter_map(|k| {
            let shown: Vec<u32> = k.events.iter().copied().filter(|&i| pos[i as usize] != u32::MAX).collect();
            (!shown.is_empty()).then_some((k, shown))
        })
        .take(limit)
        .collect();
    days.sort_by_key(|(k, _)| k.date);
    let mut out = Vec::new();
    for (k, shown) in days {
        let key = format!("key:{}", k.date);
        let folded = collapsed.contains(&key);
        out.push(Row::Group {
            key,
            // The first reason in the header (one line); the day's events follow.
            label: format!("{} · {}", k.date.strftime("%-d %b %Y"), k.why.split(';').next().unwrap_or("")),
            count: shown.len(),
            collapsed: folded,
        });
        if folded {
            continue;
        }
        for &i in shown.iter().take(EVENTS_PER_KEY_DAY) {
            out.push(Row::Event { index: i, pos: pos[i as usize] as usize });
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
        let open = ws.rows(&all, Zoom::Month, &BTreeSet::new());
        let events = open.iter().filter(|r| matches!(r, Row::Event { .. })).count();
        assert_eq!(events, all.len());
        let mut folded = BTreeSet::new();
        folded.insert("undated".to_string());
        let closed = ws.rows(&all, Zoom::Month, &folded);
        let undated = closed.iter().find_map(|r| match r {
            Row::Group { key, count, collapsed: true, .. } if key == "undated" => Some(*count),
            _ => None,
        });
        assert!(undated.unwrap() > 0);
        assert!(closed.len() < open.len());
    }

    #[test]
    fn key_rows_show_the_best_days_in_date_order_with_their_events() {
        let ws = crate::workspace::Workspace::with_samples(jiff::civil::date(2026, 11, 22));
        let n = ws.analysis().events.len();
        assert_eq!(Layout::Auto.resolve(n), Layout::List, "the samples keep the full list");
        assert_eq!(Layout::Auto.resolve(KEY_VIEW_FROM + 1), Layout::Key);
        let all: Vec<u32> = (0..n as u32).collect();
        let rows = ws.key_rows(&all, 3, &BTreeSet::new());
        let labels: Vec<&String> = rows
            .iter()
            .filter_map(|r| match r {
                Row::Group { label, .. } => Some(label),
                _ => None,
            })
            .collect();
        assert!(!labels.is_empty() && labels.len() <= 3, "{labels:?}");
        assert!(
            labels.iter().all(|l| l.contains(" · named in") || l.contains(" · events reported")),
            "{labels:?}"
        );
        let days: Vec<Date> = labels
            .iter()
            .map(|l| Date::strptime("%d %b %Y", l.split(" · ").next().unwrap()).unwrap())
            .collect();
        assert!(days.windows(2).all(|w| w[0] < w[1]), "{days:?}");
        // Every event row is an event of the day above it, at most three a day.
        let mut day = None;
        let mut run = 0;
        for r in &rows {
            match r {
                Row::Group { label, .. } => {
                    day = Some(Date::strptime("%d %b %Y", label.split(" · ").next().unwrap()).unwrap());
                    run = 0;
                }
                Row::Event { index, .. } => {
                    run += 1;
                    assert!(run <= 3);
                    assert_eq!(
                        first_day(ws.analysis().events[*index as usize].date.as_deref().unwrap()),
                        day
                    );
                }
            }
        }
        // A search that leaves no event of a key day leaves no key day.
        assert!(ws.key_rows(&[], 0, &BTreeSet::new()).is_empty());
    }
}
