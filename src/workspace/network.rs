//! Who with whom: the actors of a view as a network. Nodes are the busiest actors
//! (sized by their events), edges the events two of them share (weighted by their
//! number, toned by cooperation or conflict), laid out deterministically: the same view
//! gives the same picture. Linear in the view's events; the layout's cost depends only
//! on the (capped) number of actors drawn.

use std::collections::HashMap;

use super::view::{busiest, Precomputed};
use crate::analysis::{cameo, Analysis};

/// The most actors drawn: the busiest of the view; the others are summarised.
pub const MAX_NODES: usize = 30;
/// The most events an edge names when hovered.
pub const EDGE_SAMPLE: usize = 5;
/// The most actors of one event paired (an event naming a crowd is not a web of ties).
const PAIRED_PER_EVENT: usize = 6;
/// The picture's coordinate space (an SVG `viewBox`).
pub const WIDTH: f64 = 640.0;
const MARGIN: f64 = 24.0;

/// An actor drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub name: String,
    /// What is written beside it: the name, cut to [`LABEL_CHARS`].
    pub label: String,
    /// Events of the view naming it.
    pub events: u32,
    pub x: f64,
    pub y: f64,
    pub r: f64,
}

/// Whether the events between two actors are mostly cooperation or conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Cooperation,
    Conflict,
    /// As many of each, or only statements.
    Mixed,
}

impl Tone {
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Cooperation => "cooperation",
            Tone::Conflict => "conflict",
            Tone::Mixed => "mixed",
        }
    }
}

/// The events two drawn actors share.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Node indices, `a < b`.
    pub a: usize,
    pub b: usize,
    pub events: u32,
    /// Of them, cooperation (CAMEO 03–08) and conflict (09–20); public statements and
    /// appeals (01, 02) are neither.
    pub cooperation: u32,
    pub conflict: u32,
    /// The first [`EDGE_SAMPLE`] of its events in timeline order (indices).
    pub sample: Vec<u32>,
}

impl Edge {
    pub fn tone(&self) -> Tone {
        match self.cooperation.cmp(&self.conflict) {
            std::cmp::Ordering::Greater => Tone::Cooperation,
            std::cmp::Ordering::Less => Tone::Conflict,
            std::cmp::Ordering::Equal => Tone::Mixed,
        }
    }
}

/// The network of a view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Network {
    /// The busiest actors, busiest first.
    pub nodes: Vec<Node>,
    /// Edges among them, most events first.
    pub edges: Vec<Edge>,
    /// Distinct actors in the view's events.
    pub actors: usize,
    /// Events of the view naming an actor not drawn.
    pub hidden_events: usize,
    /// The picture's height (its width is [`WIDTH`]).
    pub height: f64,
}

impl Network {
    /// The network of the events at `events` (a view's, in timeline order).
    pub fn new(analysis: &Analysis, pre: &Precomputed, events: &[u32]) -> Network {
        let mut counts = vec![0u32; pre.actor_count()];
        for &i in events {
            for &id in pre.actors_of(i as usize) {
                counts[id as usize] += 1;
            }
        }
        let (top, actors) = busiest(&counts, pre.actor_rank(), MAX_NODES);
        let mut slot = vec![u32::MAX; counts.len()];
        for (n, &id) in top.iter().enumerate() {
            slot[id as usize] = n as u32;
        }
        let mut pairs: HashMap<(usize, usize), Edge> = HashMap::new();
        let mut hidden_events = 0;
        let mut drawn: Vec<usize> = Vec::with_capacity(PAIRED_PER_EVENT);
        for &i in events {
            let ids = pre.actors_of(i as usize);
            drawn.clear();
            for &id in ids {
                let s = slot[id as usize];
                if s == u32::MAX {
                    continue;
                }
                if drawn.len() < PAIRED_PER_EVENT && !drawn.contains(&(s as usize)) {
                    drawn.push(s as usize);
                }
            }
            if ids.iter().any(|&id| slot[id as usize] == u32::MAX) {
                hidden_events += 1;
            }
            if drawn.len() < 2 {
                continue;
            }
            let root: u8 = cameo::root(&analysis.events[i as usize].cameo).parse().unwrap_or(1);
            for x in 0..drawn.len() {
                for y in x + 1..drawn.len() {
                    let (a, b) = (drawn[x].min(drawn[y]), drawn[x].max(drawn[y]));
                    let e = pairs.entry((a, b)).or_insert_with(|| Edge {
                        a,
                        b,
                        events: 0,
                        cooperation: 0,
                        conflict: 0,
                        sample: Vec::new(),
                    });
                    e.events += 1;
                    match root {
                        3..=8 => e.cooperation += 1,
                        9..=20 => e.conflict += 1,
                        _ => {}
                    }
                    if e.sample.len() < EDGE_SAMPLE {
                        e.sample.push(i);
                    }
                }
            }
        }
        let mut edges: Vec<Edge> = pairs.into_values().collect();
        edges.sort_by(|p, q| q.events.cmp(&p.events).then(p.a.cmp(&q.a)).then(p.b.cmp(&q.b)));
        let most = top.first().map_or(1, |&id| counts[id as usize]).max(1) as f64;
        let mut nodes: Vec<Node> = top
            .iter()
            .map(|&id| {
                let n = counts[id as usize];
                Node {
                    name: pre.actor_name(id).to_string(),
                    label: label_of(pre.actor_name(id)),
                    events: n,
                    x: 0.0,
                    y: 0.0,
                    // Area in proportion to the events, 4 to 18 units of radius.
                    r: 4.0 + 14.0 * (n as f64 / most).sqrt(),
                }
            })
            .collect();
        let height = if nodes.is_empty() { 0.0 } else { layout(&mut nodes, &edges) };
        Network { nodes, edges, actors, hidden_events, height }
    }
}

/// The longest label written beside a node (the whole name is its tooltip).
pub const LABEL_CHARS: usize = 22;
/// The height of the part where tied actors are drawn.
const TIED_HEIGHT: f64 = 400.0;
/// Actors without a tie are drawn in rows below, this wide each.
const ALONE_WIDTH: f64 = 160.0;

/// A node's label: its name, cut to [`LABEL_CHARS`].
fn label_of(name: &str) -> String {
    if name.chars().count() > LABEL_CHARS {
        name.chars().take(LABEL_CHARS - 1).collect::<String>() + "…"
    } else {
        name.to_string()
    }
}

/// The box a node and its label (written to its right) take: left, top, right, bottom.
fn bounds(n: &Node) -> (f64, f64, f64, f64) {
    // About 6 units a character at the labels' 11-unit font.
    let w = n.label.chars().count() as f64 * 6.0;
    let h = n.r.max(7.0);
    (n.x - n.r, n.y - h, n.x + n.r + 3.0 + w, n.y + h)
}

/// Places the nodes and returns the picture's height. Tied actors: a force-directed
/// layout (Fruchterman and Reingold's) from fixed starting places on a circle, a fixed
/// number of rounds, scaled to fit, then nodes and labels pushed apart where they
/// overlap. Actors without a tie among those drawn: rows below. Nothing random, so the
/// same network is always drawn the same.
fn layout(nodes: &mut [Node], edges: &[Edge]) -> f64 {
    let mut degree = vec![0usize; nodes.len()];
    for e in edges {
        degree[e.a] += 1;
        degree[e.b] += 1;
    }
    let tied: Vec<usize> = (0..nodes.len()).filter(|&i| degree[i] > 0).collect();
    let mut y = MARGIN / 2.0;
    if !tied.is_empty() {
        let slot: std::collections::HashMap<usize, usize> =
            tied.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        let links: Vec<(usize, usize)> = edges.iter().map(|e| (slot[&e.a], slot[&e.b])).collect();
        let pos = forces(tied.len(), &links, WIDTH, TIED_HEIGHT);
        // Room on the right for the labels.
        let (x0, x1, y0, y1) = (MARGIN, WIDTH - MARGIN - 110.0, MARGIN, TIED_HEIGHT - MARGIN);
        let (mut lx, mut hx, mut ly, mut hy) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for p in &pos {
            (lx, hx, ly, hy) = (lx.min(p.0), hx.max(p.0), ly.min(p.1), hy.max(p.1));
        }
        let (w, h) = ((hx - lx).max(1e-9), (hy - ly).max(1e-9));
        for (k, &i) in tied.iter().enumerate() {
            nodes[i].x = if tied.len() == 1 { (x0 + x1) / 2.0 } else { x0 + (pos[k].0 - lx) / w * (x1 - x0) };
            nodes[i].y = if tied.len() == 1 { (y0 + y1) / 2.0 } else { y0 + (pos[k].1 - ly) / h * (y1 - y0) };
        }
        separate(nodes, &tied, TIED_HEIGHT);
        y = TIED_HEIGHT;
    }
    // The others in rows, busiest first.
    let per_row = (WIDTH / ALONE_WIDTH) as usize;
    let alone: Vec<usize> = (0..nodes.len()).filter(|&i| degree[i] == 0).collect();
    for row in alone.chunks(per_row) {
        let h = row.iter().map(|&i| nodes[i].r.max(7.0)).fold(0.0, f64::max);
        for (c, &i) in row.iter().enumerate() {
            nodes[i].x = 12.0 + c as f64 * ALONE_WIDTH + nodes[i].r;
            nodes[i].y = y + h;
        }
        y += 2.0 * h + 6.0;
    }
    y + MARGIN / 2.0
}

/// Fruchterman and Reingold's forces over `n` points tied by `links`, in a `w` by `h`
/// space: the points after a fixed number of rounds.
fn forces(n: usize, links: &[(usize, usize)], w: f64, h: f64) -> Vec<(f64, f64)> {
    let (cx, cy) = (w / 2.0, h / 2.0);
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let t = std::f64::consts::TAU * i as f64 / n as f64;
            (cx + 0.4 * w * t.cos(), cy + 0.4 * h * t.sin())
        })
        .collect();
    let k = (w * h / n as f64).sqrt() * 0.6;
    let mut heat = w / 8.0;
    let mut disp = vec![(0.0f64, 0.0f64); n];
    for _ in 0..200 {
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(0.25);
                let f = k * k / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(a, b) in links {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let f = (dx * dx + dy * dy).sqrt() / k;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        for i in 0..n {
            // A weak pull to the centre keeps separate groups from drifting apart.
            disp[i].0 -= (pos[i].0 - cx) * 0.02 * k;
            disp[i].1 -= (pos[i].1 - cy) * 0.02 * k;
            let len = (disp[i].0 * disp[i].0 + disp[i].1 * disp[i].1).sqrt();
            if len > 0.0 {
                let step = len.min(heat) / len;
                pos[i].0 += disp[i].0 * step;
                pos[i].1 += disp[i].1 * step;
            }
        }
        heat = (heat * 0.97).max(0.5);
    }
    pos
}

/// Pushes apart the nodes at `which` whose boxes (circle and label) overlap, along the
/// axis they overlap least on, keeping them inside `WIDTH` by `height`; a fixed number
/// of rounds.
fn separate(nodes: &mut [Node], which: &[usize], height: f64) {
    const GAP: f64 = 2.0;
    let clamp = |n: &mut Node| {
        let (l, t, r, b) = bounds(n);
        let (w, h) = (r - l, b - t);
        n.x = (n.x - n.r).clamp(4.0, (WIDTH - 4.0 - w).max(4.0)) + n.r;
        n.y = (n.y - h / 2.0).clamp(4.0, (height - 4.0 - h).max(4.0)) + h / 2.0;
    };
    for _ in 0..300 {
        let mut moved = false;
        for x in 0..which.len() {
            for z in x + 1..which.len() {
                let (i, j) = (which[x], which[z]);
                let (a, b) = (bounds(&nodes[i]), bounds(&nodes[j]));
                let over_x = a.2.min(b.2) - a.0.max(b.0) + GAP;
                let over_y = a.3.min(b.3) - a.1.max(b.1) + GAP;
                if over_x <= 0.0 || over_y <= 0.0 {
                    continue;
                }
                moved = true;
                if over_y <= over_x {
                    let up = if nodes[i].y != nodes[j].y { nodes[i].y < nodes[j].y } else { i < j };
                    let d = over_y / 2.0 * if up { 1.0 } else { -1.0 };
                    nodes[i].y -= d;
                    nodes[j].y += d;
                } else {
                    let left = if nodes[i].x != nodes[j].x { nodes[i].x < nodes[j].x } else { i < j };
                    let d = over_x / 2.0 * if left { 1.0 } else { -1.0 };
                    nodes[i].x -= d;
                    nodes[j].x += d;
                }
                clamp(&mut nodes[i]);
                clamp(&mut nodes[j]);
            }
        }
        if !moved {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;
    use crate::analysis::Document;

    fn analyze(text: &str) -> Analysis {
        Analyzer::builder(jiff::civil::date(2024, 3, 20))
            .build()
            .analyze(&[Document::from_text("a.txt", text)])
    }

    fn sample() -> Analysis {
        let text = "Published: 2024-03-10\n\n\
            On Monday, Germany and France signed a trade agreement in Paris. \
            Germany accused Russia of cyber attacks on Tuesday. \
            France met with Russia in Geneva on Wednesday. \
            Germany praised France on Thursday.";
        analyze(text)
    }

    #[test]
    fn counts_actors_and_ties_between_them() {
        let an = sample();
        let pre = Precomputed::new(&an);
        let all: Vec<u32> = (0..an.events.len() as u32).collect();
        let net = Network::new(&an, &pre, &all);
        let names: Vec<&str> = net.nodes.iter().map(|n| n.name.as_str()).collect();
        assert!(names.contains(&"Germany") && names.contains(&"France"), "{names:?}");
        // Every node's count is the number of events naming it; every edge's events
        // name both of its actors.
        for node in &net.nodes {
            let n = an.events.iter().filter(|e| e.actors.iter().any(|a| a.name == node.name)).count();
            assert_eq!(node.events as usize, n, "{}", node.name);
        }
        assert!(!net.edges.is_empty());
        for e in &net.edges {
            let (a, b) = (&net.nodes[e.a].name, &net.nodes[e.b].name);
            let both = an
                .events
                .iter()
                .filter(|ev| ev.actors.iter().any(|x| &x.name == a) && ev.actors.iter().any(|x| &x.name == b))
                .count();
            assert_eq!(e.events as usize, both, "{a} – {b}");
            assert!(e.cooperation + e.conflict <= e.events);
        }
        let russia_germany = net.edges.iter().find(|e| {
            let pair = [net.nodes[e.a].name.as_str(), net.nodes[e.b].name.as_str()];
            pair.contains(&"Germany") && pair.contains(&"Russia")
        });
        assert_eq!(russia_germany.map(Edge::tone), Some(Tone::Conflict));
    }

    #[test]
    fn the_layout_is_deterministic_and_inside_the_picture() {
        let an = sample();
        let pre = Precomputed::new(&an);
        let all: Vec<u32> = (0..an.events.len() as u32).collect();
        let one = Network::new(&an, &pre, &all);
        let two = Network::new(&an, &pre, &all);
        assert_eq!(one, two);
        no_overlap(&one);
    }

    /// Inside the picture, and no node or label covers another.
    fn no_overlap(net: &Network) {
        for (i, p) in net.nodes.iter().enumerate() {
            let a = bounds(p);
            assert!(
                a.0 >= 0.0 && a.1 >= 0.0 && a.2 <= WIDTH && a.3 <= net.height,
                "{} outside: {a:?}",
                p.name
            );
            for q in &net.nodes[i + 1..] {
                let b = bounds(q);
                let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
                assert!(apart, "{} {a:?} and {} {b:?} overlap", p.name, q.name);
            }
        }
    }

    #[test]
    fn a_crowd_of_actors_keeps_the_busiest_and_counts_the_rest() {
        // 40 countries, each meeting the next one; the first ones meet more often.
        let names = [
            "Albania",
            "Argentina",
            "Armenia",
            "Australia",
            "Austria",
            "Belgium",
            "Bolivia",
            "Brazil",
            "Bulgaria",
            "Canada",
            "Chile",
            "Colombia",
            "Croatia",
            "Cuba",
            "Denmark",
            "Ecuador",
            "Egypt",
            "Estonia",
            "Finland",
            "Georgia",
            "Ghana",
            "Greece",
            "Hungary",
            "Iceland",
            "India",
            "Indonesia",
            "Ireland",
            "Italy",
            "Japan",
            "Kenya",
            "Latvia",
            "Lithuania",
            "Mexico",
            "Morocco",
            "Nepal",
            "Nigeria",
            "Norway",
            "Peru",
            "Poland",
            "Portugal",
            "Romania",
            "Senegal",
        ];
        let mut text = String::from("Published: 2024-03-10\n\n");
        for (i, w) in names.windows(2).take(40).enumerate() {
            for _ in 0..(1 + (40 - i) / 10) {
                text.push_str(&format!("{} met with {} in Geneva on Monday. ", w[0], w[1]));
            }
        }
        let an = analyze(&text);
        let pre = Precomputed::new(&an);
        let all: Vec<u32> = (0..an.events.len() as u32).collect();
        let net = Network::new(&an, &pre, &all);
        assert_eq!(net.nodes.len(), MAX_NODES);
        assert!(net.actors > MAX_NODES, "{}", net.actors);
        assert!(net.hidden_events > 0);
        assert!(net.nodes.windows(2).all(|w| w[0].events >= w[1].events));
        no_overlap(&net);
        // No filter on the view's events: an empty view has an empty network.
        assert_eq!(Network::new(&an, &pre, &[]), Network { actors: 0, ..Network::default() });
    }
}
