//! The CAMEO codebook: code names, root types and quad classes.
//!
//! The table is `data/cameo_codes.tsv`, from the CAMEO codebook as published with
//! GDELT (see `data/NOTICE.md`).

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("data/cameo_codes.tsv");

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
    fn codebook_names() {
        assert_eq!(name("041"), Some("Discuss by telephone"));
        assert_eq!(root_name("041"), "Consult");
        assert_eq!(root_name("010"), "Make public statement");
        assert_eq!(QuadClass::of("130"), QuadClass::VerbalConflict);
        assert_eq!(QuadClass::of("190"), QuadClass::MaterialConflict);
        assert_eq!(QuadClass::of("036"), QuadClass::VerbalCooperation);
    }
}
