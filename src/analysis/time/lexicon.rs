//! The temporal tagger's English word table, read from `data/time/en.tsv`: month and
//! weekday names, units, number words, parts of the day, seasons and the grammar's
//! keywords, each word with what it means, and the words of a date line. The grammar
//! that reads the words is in `time.rs` and its rooms.

// ---------------------------------------------------------------------------------
// Word table
// ---------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Keywords of the grammar, each with the name the word table (`data/time/en.tsv`)
/// gives it in its `word` rows.
macro_rules! keywords {
    ($($k:ident = $name:literal,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(super) enum K { $($k,)* }

        impl K {
            fn named(name: &str) -> Option<K> {
                match name { $($name => Some(K::$k),)* _ => None }
            }
        }
    };
}

keywords! {
    The = "the",
    A = "a",
    Last = "last",
    Next = "next",
    This = "this",
    Past = "past",
    Coming = "coming",
    Previous = "previous",
    Ago = "ago",
    Earlier = "earlier",
    Later = "later",
    Early = "early",
    Late = "late",
    Mid = "mid",
    Yesterday = "yesterday",
    Today = "today",
    Tomorrow = "tomorrow",
    Tonight = "tonight",
    Now = "now",
    Currently = "currently",
    Current = "current",
    Recently = "recently",
    Recent = "recent",
    Future = "future",
    Soon = "soon",
    Previously = "previously",
    Nowadays = "nowadays",
    Present = "present",
    These = "these",
    Of = "of",
    In = "in",
    On = "on",
    At = "at",
    Every = "every",
    Per = "per",
    Approx = "approx",
    More = "more",
    Less = "less",
    Than = "than",
    Least = "least",
    Several = "several",
    Few = "few",
    Fiscal = "fiscal",
    Half = "half",
    Weekend = "weekend",
    Daily = "daily",
    Weekly = "weekly",
    Monthly = "monthly",
    Annually = "annually",
    Hourly = "hourly",
    Quarterly = "quarterly",
    Noon = "noon",
    Midnight = "midnight",
    Overnight = "overnight",
    Am = "am",
    Pm = "pm",
    Tz = "tz",
    Latest = "latest",
    First = "first",
    Following = "following",
    Ahead = "ahead",
    From = "from",
    To = "to",
    Percent = "percent",
    Long = "long",
    Old = "old",
    Other = "other",
    Prep = "prep",
    Fut = "fut",
    PastMark = "past-mark",
    Said = "said",
    New = "new",
    Eve = "eve",
    Christmas = "christmas",
    Thanksgiving = "thanksgiving",
    Independence = "independence",
    Halloween = "halloween",
    Period = "period",
    S = "s",
    Th = "th",
    And = "and",
    Near = "near",
    Thousand = "thousand",
    PresMark = "pres-mark",
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Lex {
    No,
    /// Month 1..=12, abbreviated form ("Nov").
    Month(u8, bool),
    /// Weekday 1 (Monday) ..= 7 (Sunday), plural ("Mondays").
    Wd(u8, bool),
    /// A unit of time, plural.
    Unit(Unit, bool),
    /// A cardinal number word ("three", "twenty").
    Card(u32),
    /// An ordinal number word ("third").
    Ord(u32),
    /// A part of the day: 0 morning, 1 afternoon, 2 evening, 3 night.
    Part(u8),
    /// A season: 0 spring, 1 summer, 2 fall, 3 winter.
    Season(u8),
    K(K),
}

/// The word table: every word the grammar knows, looked up once per token.
pub(super) type Table = rustc_hash::FxHashMap<&'static str, Lex>;

/// The English table, in the form of the other languages' (`locale.rs`).
const EN: &str = include_str!("../data/time/en.tsv");

pub(super) fn build_table() -> Table {
    let mut t = Table::default();
    for (line, row) in rows(EN) {
        let (kind, value, forms) = row.unwrap_or_else(|| panic!("en.tsv line {line}: three columns"));
        if kind == "dateline" {
            continue;
        }
        let lex = lex_of(kind, value).unwrap_or_else(|| panic!("en.tsv line {line}: {kind} {value}"));
        for form in forms.split('|') {
            t.insert(form, lex);
        }
    }
    t
}

/// The words that open a date line in English ("published", "last updated").
pub(super) fn date_lines() -> &'static [String] {
    static LINES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LINES.get_or_init(|| {
        rows(EN)
            .filter_map(|(_, row)| row.filter(|(kind, _, _)| *kind == "dateline"))
            .flat_map(|(_, _, forms)| forms.split('|').map(str::to_string))
            .collect()
    })
}

/// The table's rows: line number and (kind, value, forms), comments and blank lines
/// left out.
fn rows(
    table: &'static str,
) -> impl Iterator<Item = (usize, Option<(&'static str, &'static str, &'static str)>)> {
    table.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()).map(|(n, l)| {
        let mut cols = l.split('\t');
        let row = match (cols.next(), cols.next(), cols.next(), cols.next()) {
            (Some(k), Some(v), Some(f), None) => Some((k, v, f)),
            _ => None,
        };
        (n + 1, row)
    })
}

/// What a row of kind `kind` and value `value` means.
fn lex_of(kind: &str, value: &str) -> Option<Lex> {
    let n = || value.parse::<u32>().ok();
    let unit = || {
        let units =
            ["second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century"];
        let all = [
            Unit::Second,
            Unit::Minute,
            Unit::Hour,
            Unit::Day,
            Unit::Week,
            Unit::Month,
            Unit::Quarter,
            Unit::Year,
            Unit::Decade,
            Unit::Century,
        ];
        units.iter().position(|u| *u == value).map(|i| all[i])
    };
    let index = |names: [&str; 4]| names.iter().position(|x| *x == value).map(|i| i as u8);
    Some(match kind {
        "month" | "month-abbr" => {
            Lex::Month(n().filter(|m| (1..=12).contains(m))? as u8, kind == "month-abbr")
        }
        "weekday" | "weekday-plural" => {
            Lex::Wd(n().filter(|d| (1..=7).contains(d))? as u8, kind == "weekday-plural")
        }
        "unit" | "unit-plural" => Lex::Unit(unit()?, kind == "unit-plural"),
        "number" => Lex::Card(n()?),
        "ordinal" => Lex::Ord(n()?),
        "part" => Lex::Part(index(["MO", "AF", "EV", "NI"])?),
        "season" => Lex::Season(index(["SP", "SU", "FA", "WI"])?),
        "word" => Lex::K(K::named(value)?),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_english_row_is_read_and_each_word_has_one_meaning() {
        let mut seen = std::collections::HashSet::new();
        for (line, row) in rows(EN) {
            let (kind, value, forms) = row.expect("three columns");
            assert!(
                kind == "dateline" || lex_of(kind, value).is_some(),
                "en.tsv line {line}: {kind} {value}"
            );
            for form in forms.split('|') {
                assert!(!form.is_empty() && form == form.to_lowercase(), "en.tsv line {line}: {form:?}");
                assert!(seen.insert(form), "en.tsv line {line}: {form:?} is written twice");
            }
        }
        let t = build_table();
        assert_eq!(t.get("may"), Some(&Lex::Month(5, false)));
        assert_eq!(t.get("sept"), Some(&Lex::Month(9, true)));
        assert_eq!(t.get("fridays"), Some(&Lex::Wd(5, true)));
        assert_eq!(t.get("yrs"), Some(&Lex::Unit(Unit::Year, true)));
        assert_eq!(t.get("twentieth"), Some(&Lex::Ord(20)));
        assert_eq!(t.get("autumn"), Some(&Lex::Season(2)));
        assert_eq!(t.get("will"), Some(&Lex::K(K::Fut)));
        assert_eq!(t.get("was"), Some(&Lex::K(K::PastMark)));
        // "second" is a unit, not an ordinal; "first" a keyword.
        assert_eq!(t.get("second"), Some(&Lex::Unit(Unit::Second, false)));
        assert_eq!(t.get("first"), Some(&Lex::K(K::First)));
        assert!(date_lines().iter().any(|w| w == "last updated"));
    }

    #[test]
    fn a_bad_row_is_refused() {
        assert_eq!(lex_of("month", "13"), None);
        assert_eq!(lex_of("word", "no-such-keyword"), None);
        assert_eq!(lex_of("unit", "fortnight"), None);
    }
}
