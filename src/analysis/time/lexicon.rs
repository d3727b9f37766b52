//! The temporal tagger's word table: month and weekday names, units, number words,
//! parts of the day, seasons and the grammar's keywords, each word with what it means.

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

/// Keywords of the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum K {
    The,
    A,
    Last,
    Next,
    This,
    Past,
    Coming,
    Previous,
    Ago,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    Yesterday,
    Today,
    Tomorrow,
    Tonight,
    Now,
    Currently,
    Current,
    Recently,
    Recent,
    Future,
    Soon,
    Previously,
    Nowadays,
    Present,
    These,
    Of,
    In,
    On,
    At,
    Every,
    Per,
    Approx,
    More,
    Less,
    Than,
    Least,
    Several,
    Few,
    Fiscal,
    Half,
    Weekend,
    Daily,
    Weekly,
    Monthly,
    Annually,
    Hourly,
    Quarterly,
    Noon,
    Midnight,
    Overnight,
    Am,
    Pm,
    Tz,
    Latest,
    First,
    Following,
    Ahead,
    From,
    To,
    Percent,
    Long,
    Old,
    Other,
    Prep,
    Fut,
    PastMark,
    Said,
    New,
    Eve,
    Christmas,
    Thanksgiving,
    Independence,
    Halloween,
    Period,
    S,
    Th,
    And,
    Near,
    Thousand,
    PresMark,
    /// A word deliberately left out of the table.
    No_,
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

pub(super) fn build_table() -> Table {
    let mut t = Table::default();
    let months = [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may", ""),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ];
    for (i, (full, abbr)) in months.iter().enumerate() {
        t.insert(*full, Lex::Month(i as u8 + 1, false));
        if !abbr.is_empty() {
            t.insert(*abbr, Lex::Month(i as u8 + 1, true));
        }
    }
    t.insert("sept", Lex::Month(9, true));
    let days = [
        ("monday", "mon", "mondays"),
        ("tuesday", "tues", "tuesdays"),
        ("wednesday", "wed", "wednesdays"),
        ("thursday", "thurs", "thursdays"),
        ("friday", "fri", "fridays"),
        ("saturday", "sat", "saturdays"),
        ("sunday", "sun", "sundays"),
    ];
    for (i, (full, abbr, plural)) in days.iter().enumerate() {
        t.insert(*full, Lex::Wd(i as u8 + 1, false));
        t.insert(*plural, Lex::Wd(i as u8 + 1, true));
        // "Sat", "Sun", "Wed" are also words; abbreviations only count when capitalised
        // and followed by a dot or comma (checked in the grammar).
        t.insert(*abbr, Lex::Wd(i as u8 + 1, false));
    }
    t.insert("tue", Lex::Wd(2, false));
    t.insert("thu", Lex::Wd(4, false));
    let units = [
        ("second", Unit::Second),
        ("minute", Unit::Minute),
        ("hour", Unit::Hour),
        ("day", Unit::Day),
        ("week", Unit::Week),
        ("month", Unit::Month),
        ("quarter", Unit::Quarter),
        ("year", Unit::Year),
        ("decade", Unit::Decade),
    ];
    for (w, u) in units {
        t.insert(w, Lex::Unit(u, false));
    }
    for (w, u) in [
        ("seconds", Unit::Second),
        ("minutes", Unit::Minute),
        ("hours", Unit::Hour),
        ("days", Unit::Day),
        ("weeks", Unit::Week),
        ("months", Unit::Month),
        ("quarters", Unit::Quarter),
        ("years", Unit::Year),
        ("decades", Unit::Decade),
        ("centuries", Unit::Century),
    ] {
        t.insert(w, Lex::Unit(u, true));
    }
    t.insert("century", Lex::Unit(Unit::Century, false));
    t.insert("yr", Lex::Unit(Unit::Year, false));
    t.insert("yrs", Lex::Unit(Unit::Year, true));
    t.insert("hrs", Lex::Unit(Unit::Hour, true));
    t.insert("mins", Lex::Unit(Unit::Minute, true));
    let cards = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    for (i, w) in cards.iter().enumerate() {
        t.insert(*w, Lex::Card(i as u32));
    }
    for (i, w) in
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].iter().enumerate()
    {
        t.insert(*w, Lex::Card(20 + 10 * i as u32));
    }
    t.insert("hundred", Lex::Card(100));
    t.insert("dozen", Lex::Card(12));
    let ords = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
    ];
    for (i, w) in ords.iter().enumerate() {
        if *w != "second" {
            t.insert(*w, Lex::Ord(i as u32 + 1));
        }
    }
    for (w, p) in [("morning", 0), ("afternoon", 1), ("evening", 2), ("night", 3)] {
        t.insert(w, Lex::Part(p));
    }
    for (w, s) in [("spring", 0), ("summer", 1), ("fall", 2), ("autumn", 2), ("winter", 3)] {
        t.insert(w, Lex::Season(s));
    }
    let kws: &[(&str, K)] = &[
        ("the", K::The),
        ("a", K::A),
        ("an", K::A),
        ("last", K::Last),
        ("next", K::Next),
        ("this", K::This),
        ("past", K::Past),
        ("coming", K::Coming),
        ("upcoming", K::Coming),
        ("previous", K::Previous),
        ("prior", K::Previous),
        ("ago", K::Ago),
        ("earlier", K::Earlier),
        ("later", K::Later),
        ("early", K::Early),
        ("late", K::Late),
        ("mid", K::Mid),
        ("yesterday", K::Yesterday),
        ("today", K::Today),
        ("tomorrow", K::Tomorrow),
        ("tonight", K::Tonight),
        ("now", K::Now),
        ("currently", K::Currently),
        ("current", K::Current),
        ("recently", K::Recently),
        ("lately", K::Recently),
        ("recent", K::Recent),
        ("future", K::Future),
        ("soon", K::Soon),
        ("previously", K::Previously),
        ("formerly", K::Previously),
        ("nowadays", K::Nowadays),
        ("present", K::Present),
        ("these", K::These),
        ("of", K::Of),
        ("in", K::In),
        ("on", K::On),
        ("at", K::At),
        ("every", K::Every),
        ("each", K::Every),
        ("per", K::Per),
        ("about", K::Approx),
        ("around", K::Approx),
        ("nearly", K::Approx),
        ("almost", K::Approx),
        ("approximately", K::Approx),
        ("roughly", K::Approx),
        ("some", K::Approx),
        ("more", K::More),
        ("less", K::Less),
        ("fewer", K::Less),
        ("than", K::Than),
        ("least", K::Least),
        ("several", K::Several),
        ("few", K::Few),
        ("many", K::Several),
        ("fiscal", K::Fiscal),
        ("half", K::Half),
        ("weekend", K::Weekend),
        ("daily", K::Daily),
        ("weekly", K::Weekly),
        ("monthly", K::Monthly),
        ("annually", K::Annually),
        ("yearly", K::Annually),
        ("annual", K::No_),
        ("hourly", K::Hourly),
        ("quarterly", K::Quarterly),
        ("noon", K::Noon),
        ("midday", K::Noon),
        ("midnight", K::Midnight),
        ("overnight", K::Overnight),
        ("am", K::Am),
        ("pm", K::Pm),
        ("est", K::Tz),
        ("edt", K::Tz),
        ("gmt", K::Tz),
        ("utc", K::Tz),
        ("pst", K::Tz),
        ("pdt", K::Tz),
        ("cst", K::Tz),
        ("cdt", K::Tz),
        ("latest", K::Latest),
        ("first", K::First),
        ("following", K::Following),
        ("ahead", K::Ahead),
        ("from", K::From),
        ("to", K::To),
        ("percent", K::Percent),
        ("long", K::Long),
        ("old", K::Old),
        ("other", K::Other),
        ("since", K::Prep),
        ("until", K::Prep),
        ("till", K::Prep),
        ("by", K::Prep),
        ("during", K::Prep),
        ("through", K::Prep),
        ("before", K::Prep),
        ("after", K::Prep),
        ("for", K::Prep),
        ("will", K::Fut),
        ("ll", K::Fut),
        ("shall", K::Fut),
        ("scheduled", K::Fut),
        ("plans", K::Fut),
        ("plan", K::Fut),
        ("planning", K::Fut),
        ("planned", K::Fut),
        ("expected", K::Fut),
        ("expects", K::Fut),
        ("due", K::Fut),
        ("set", K::Fut),
        ("going", K::Fut),
        ("intends", K::Fut),
        ("was", K::PastMark),
        ("were", K::PastMark),
        ("had", K::PastMark),
        ("is", K::PresMark),
        ("are", K::PresMark),
        ("has", K::PresMark),
        ("have", K::PresMark),
        ("says", K::PresMark),
        ("did", K::PastMark),
        ("told", K::PastMark),
        ("began", K::PastMark),
        ("met", K::PastMark),
        ("went", K::PastMark),
        ("came", K::PastMark),
        ("took", K::PastMark),
        ("made", K::PastMark),
        ("held", K::PastMark),
        ("gave", K::PastMark),
        ("saw", K::PastMark),
        ("left", K::PastMark),
        ("won", K::PastMark),
        ("lost", K::PastMark),
        ("fell", K::PastMark),
        ("rose", K::PastMark),
        ("spoke", K::PastMark),
        ("became", K::PastMark),
        ("got", K::PastMark),
        ("found", K::PastMark),
        ("thought", K::PastMark),
        ("sold", K::PastMark),
        ("bought", K::PastMark),
        ("paid", K::PastMark),
        ("sent", K::PastMark),
        ("brought", K::PastMark),
        ("led", K::PastMark),
        ("kept", K::PastMark),
        ("fought", K::PastMark),
        ("broke", K::PastMark),
        ("wrote", K::PastMark),
        ("knew", K::PastMark),
        ("grew", K::PastMark),
        ("stood", K::PastMark),
        ("felt", K::PastMark),
        ("heard", K::PastMark),
        ("built", K::PastMark),
        ("spent", K::PastMark),
        ("struck", K::PastMark),
        ("ran", K::PastMark),
        ("said", K::Said),
        ("new", K::New),
        ("eve", K::Eve),
        ("christmas", K::Christmas),
        ("thanksgiving", K::Thanksgiving),
        ("independence", K::Independence),
        ("halloween", K::Halloween),
        ("period", K::Period),
        ("s", K::S),
        ("st", K::Th),
        ("nd", K::Th),
        ("rd", K::Th),
        ("th", K::Th),
        ("and", K::And),
        ("near", K::Near),
        ("thousand", K::Thousand),
    ];
    for (w, k) in kws {
        if *k != K::No_ {
            t.insert(*w, Lex::K(*k));
        }
    }
    t
}
