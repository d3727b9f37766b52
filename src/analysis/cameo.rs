//! The CAMEO codebook: code names, root types and quad classes; and each code's PLOVER
//! event type and mode.
//!
//! The tables are `data/cameo_codes.tsv`, from the CAMEO codebook as published with
//! GDELT, and `data/plover.tsv`, from PLOVER's CAMEO to PLOVER table (CC BY-SA 4.0;
//! see `data/NOTICE.md`).

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("data/cameo_codes.tsv");
const PLOVER: &str = include_str!("data/plover.tsv");

fn names() -> &'static HashMap<&'static str, &'static str> {
    static NAMES: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        TABLE
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut cols = line.split('\t');
                Some((cols.next()?, cols.next()?))
            })
            .collect()
    })
}

/// The codebook's name of a code ("041" → "Discuss by telephone").
pub fn name(code: &str) -> Option<&'static str> {
    names().get(code).copied()
}

/// A code's PLOVER event type and mode ("041" → CONSULT, phone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plover {
    /// One of PLOVER's 16 event types ("CONSULT", "ACCUSE").
    pub event: &'static str,
    /// The mode, where the table gives one ("phone", "visit").
    pub mode: Option<&'static str>,
}

fn plover_table() -> &'static HashMap<&'static str, Plover> {
    static T: OnceLock<HashMap<&'static str, Plover>> = OnceLock::new();
    T.get_or_init(|| {
        PLOVER
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let code = cols.next()?;
                let event = cols.next()?;
                let mode = cols.next().filter(|m| !m.is_empty());
                Some((code, Plover { event, mode }))
            })
            .collect()
    })
}

/// The PLOVER type of a CAMEO code: the table's line for the code, else for its
/// parent code, else its root's. `None` for roots 01 and 02 (statements and
/// appeals), which PLOVER drops.
///
/// ```
/// use dateline::analysis::cameo::plover;
/// assert_eq!(plover("041").map(|p| (p.event, p.mode)), Some(("CONSULT", Some("phone"))));
/// assert_eq!(plover("1951").unwrap().event, "ASSAULT");
/// assert_eq!(plover("010"), None);
/// ```
pub fn plover(code: &str) -> Option<Plover> {
    let t = plover_table();
    (2..=code.len()).rev().find_map(|n| code.get(..n).and_then(|c| t.get(c)).copied())
}

/// The root (first two digits) of a code.
pub fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// The root's name in title case ("04" → "Consult"): the event's `type`.
pub fn root_name(code: &str) -> String {
    let Some(upper) = name(root(code)) else {
        return String::from("Unknown");
    };
    let lower = upper.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => lower,
    }
}

/// The quad class of a code, as GDELT groups roots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuadClass {
    VerbalCooperation,
    MaterialCooperation,
    VerbalConflict,
    MaterialConflict,
}

impl QuadClass {
    pub fn of(code: &str) -> QuadClass {
        match root(code).parse::<u8>().unwrap_or(1) {
            1..=5 => QuadClass::VerbalCooperation,
            6..=8 => QuadClass::MaterialCooperation,
            9..=13 => QuadClass::VerbalConflict,
            _ => QuadClass::MaterialConflict,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "verbal cooperation",
            QuadClass::MaterialCooperation => "material cooperation",
            QuadClass::VerbalConflict => "verbal conflict",
            QuadClass::MaterialConflict => "material conflict",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_of_roots_03_to_20_has_a_plover_type() {
        for line in TABLE.lines().skip(1) {
            let code = line.split('\t').next().unwrap();
            let typed = plover(code).is_some();
            assert_eq!(typed, !matches!(root(code), "01" | "02"), "{code}");
        }
        // A code whose type differs from its root's.
        assert_eq!(plover("1712").unwrap().event, "ASSAULT");
        assert_eq!(plover("191").unwrap().event, "COERCE");
        assert_eq!(plover("0874").unwrap().event, "RETREAT");
    }

    #[test]
    fn codebook_names() {
        assert_eq!(name("041"), Some("Discuss by telephone"));
        assert_eq!(root_name("041"), "Consult");
        assert_eq!(root_name("010"), "Make public statement");
        assert_eq!(QuadClass::of("130"), QuadClass::VerbalConflict);
        assert_eq!(QuadClass::of("190"), QuadClass::MaterialConflict);
        assert_eq!(QuadClass::of("036"), QuadClass::VerbalCooperation);
    }
}
