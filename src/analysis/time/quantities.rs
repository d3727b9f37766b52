//! Quantities and durations: "three days", "the past two months", "two years ago",
//! "16-hour"; and the shift a quantity makes ("two days after", "a week earlier").

use super::*;

impl Cx<'_> {
    // -----------------------------------------------------------------------------
    // Quantities: "three days", "the past two months", "two years ago", "16-hour"
    // -----------------------------------------------------------------------------

    /// A quantity at `j`: its value (None for "several", "a few") and the next token.
    pub(super) fn quantity(&self, j: usize) -> Option<(Option<u32>, usize)> {
        match self.lex(j) {
            Lex::Card(n) if (20..100).contains(&n) => {
                let k = self.hyphen(j + 1);
                if let Lex::Card(u) = self.lex(k) {
                    if (1..10).contains(&u) {
                        return Some((Some(n + u), k + 1));
                    }
                }
                Some((Some(n), j + 1))
            }
            Lex::Card(n) if n > 0 => {
                if self.k(j + 1, K::And) {
                    return Some((Some(n), j + 1));
                }
                Some((Some(n), j + 1))
            }
            Lex::K(K::A) => {
                if self.k(j + 1, K::Few) {
                    return Some((None, j + 2));
                }
                if self.is_word(j + 1, "couple") && self.k(j + 2, K::Of) {
                    return Some((Some(2), j + 3));
                }
                Some((Some(1), j + 1))
            }
            Lex::K(K::Several | K::Few) => Some((None, j + 1)),
            _ => {
                let (n, nd) = self.num(j)?;
                // Not part of a larger number ("1,000", "2.5") or a clock time.
                if self.p(j + 1, b',') && self.glued(j + 1) && self.num(j + 2).is_some() && self.glued(j + 2)
                {
                    return None;
                }
                if (self.p(j + 1, b'.') || self.p(j + 1, b':'))
                    && self.glued(j + 1)
                    && self.num(j + 2).is_some()
                    && self.glued(j + 2)
                {
                    return None;
                }
                if j > 0 && (self.p(j - 1, b'$') || self.p(j - 1, b'.') && self.glued(j)) {
                    return None;
                }
                if nd > 4 || n == 0 {
                    return None;
                }
                // "the 1988 second quarter": a year, not a count.
                if nd == 4 && (1800..=2100).contains(&n) && !matches!(self.lex(j + 1), Lex::Unit(_, true)) {
                    return None;
                }
                Some((Some(n), j + 1))
            }
        }
    }

    pub(super) fn duration(&self, i: usize) -> Option<M> {
        let mut j = i;
        let the = self.k(j, K::The);
        if the {
            j += 1;
        }
        let rel = match self.lex(j) {
            Lex::K(
                k @ (K::Past
                | K::Last
                | K::Next
                | K::Coming
                | K::Previous
                | K::Latest
                | K::Following
                | K::First
                | K::Recent),
            ) => {
                j += 1;
                Some(k)
            }
            _ => None,
        };
        // "the first nine months", "the past few days"
        let q = self.quantity(j);
        let (qty, mut j) = match q {
            Some((n, k)) => {
                if the && rel.is_none() && self.k(j, K::A) {
                    return None;
                }
                (Some(n), k)
            }
            None => (None, j),
        };
        // "two to three weeks"
        if qty.is_some() && (self.k(j, K::To) || self.is_word(j, "or")) {
            if let Some((_, k)) = self.quantity(j + 1) {
                if matches!(self.lex(k), Lex::Unit(..)) {
                    j = k;
                }
            }
        }
        if qty.is_some() && self.k(j, K::More) {
            j += 1;
        }
        // "2 1/2 years": a half after a whole number.
        let mut half = false;
        if matches!(qty, Some(Some(_)))
            && self.num(j) == Some((1, 1))
            && self.p(j + 1, b'/')
            && self.glued(j + 1)
            && self.num(j + 2) == Some((2, 1))
            && self.glued(j + 2)
        {
            half = true;
            j += 3;
        }
        // "the full year", "the fiscal year", "eight trading days"
        if (self.k(j, K::Fiscal)
            || self.is_word(j, "full") && the
            || (self.is_word(j, "trading") || self.is_word(j, "business")) && qty.is_some())
            && matches!(self.lex(j + 1), Lex::Unit(..))
        {
            j += 1;
        }
        let hyph = self.p(j, b'-') && self.glued(j);
        let j = self.hyphen(j);
        let Lex::Unit(unit, plural) = self.lex(j) else {
            // "the past", "the future" are references, handled elsewhere.
            return None;
        };
        let mut end = j + 1;
        // "decades-long"; "6-year-old" is an age, "year-earlier" an adjective.
        if self.p(end, b'-') && self.glued(end) {
            // "by year-end", "since year-end": the last day of this year, or of last year
            // after "since"/"after"; "year-end net" (no preposition) is an adjective.
            if unit == Unit::Year && !plural && j == i && self.is_word(end + 1, "end") {
                let prep = i.checked_sub(1).map(|p| self.word(p).to_ascii_lowercase());
                let back = match prep.as_deref() {
                    Some("by" | "until" | "before" | "at" | "through") => 0,
                    Some("since" | "after") => 1,
                    _ => return None,
                };
                let a = self.anchor?;
                return m(
                    end + 2,
                    TimexType::Date,
                    format!("{:04}-12-31", a.year() - back),
                    true,
                    "the end of the year of publication (or of the year before, after \"since\")",
                );
            }
            if self.k(end + 1, K::Long) {
                end += 2;
            } else {
                return None;
            }
        }
        if hyph && the && rel.is_none() {
            return None;
        }
        // "37 years old" is an age; "three-quarters of", "a quarter of" a fraction; "a
        // second group" an ordinal; "60 Minutes", "This Week" (capitalised mid-phrase) a
        // programme's title.
        if self.k(end, K::Old) && qty.is_some()
            || unit == Unit::Quarter && self.k(end, K::Of) && !the && matches!(qty, Some(Some(1 | 3)))
            || unit == Unit::Second
                && self.k(j.wrapping_sub(1), K::A)
                && !matches!(self.lex(end), Lex::K(K::Later | K::Earlier | K::Ago))
            || self.title_word(j)
        {
            return None;
        }
        let anchor = self.anchor;
        // "three days later", "a few hours earlier": a length of time counted from a
        // moment of the story, not from publication; the gold tags the length only.
        if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day)
            && matches!(self.lex(end), Lex::K(K::Later | K::Earlier))
            && !the
            && matches!(rel, None)
        {
            if let Some(n) = qty {
                let (pre, l) = match unit {
                    Unit::Second => ("PT", "S"),
                    Unit::Minute => ("PT", "M"),
                    Unit::Hour => ("PT", "H"),
                    _ => ("P", "D"),
                };
                let v = match n {
                    Some(n) => format!("{pre}{n}{l}"),
                    None => format!("{pre}X{l}"),
                };
                return m(
                    end,
                    TimexType::Duration,
                    v,
                    false,
                    "a length of time before or after a moment of the story",
                );
            }
        }
        // "two years ago", "three weeks later", "a year earlier", "two days from now"
        let dir = match self.lex(end) {
            Lex::K(K::Ago) => Some((-1, end + 1, "before publication")),
            Lex::K(K::Earlier) => Some((-1, end + 1, "before publication")),
            Lex::K(K::Later) => Some((1, end + 1, "after publication")),
            Lex::K(K::From) if self.k(end + 1, K::Now) => Some((1, end + 2, "after publication")),
            _ => None,
        };
        if let (Some((sign, after, words)), None | Some(K::Past | K::First)) = (dir, rel) {
            if the {
                return None;
            }
            let Some(qty) = qty else {
                // "years ago", "months earlier"
                let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return m(after, TimexType::Date, v, true, "an unspecified time before or after");
            };
            let Some(n) = qty else {
                let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return m(after, TimexType::Date, v, true, "an unspecified time before or after");
            };
            return self.shifted(after, unit, sign * n as i64, words, anchor);
        }
        if hyph && qty.is_none() {
            return None;
        }
        // Durations.
        let letter = |u: Unit| -> (&'static str, &'static str, u32) {
            match u {
                Unit::Second => ("PT", "S", 1),
                Unit::Minute => ("PT", "M", 1),
                Unit::Hour => ("PT", "H", 1),
                Unit::Day => ("P", "D", 1),
                Unit::Week => ("P", "W", 1),
                Unit::Month => ("P", "M", 1),
                Unit::Quarter => ("P", "Q", 1),
                Unit::Year => ("P", "Y", 1),
                Unit::Decade => ("P", "Y", 10),
                Unit::Century => ("P", "Y", 100),
            }
        };
        let (pre, l, mult) = letter(unit);
        // "a minute and a half"
        if !half
            && matches!(qty, Some(Some(_)))
            && self.k(end, K::And)
            && self.k(end + 1, K::A)
            && self.is_word(end + 2, "half")
        {
            half = true;
            end += 3;
        }
        // A half as the next smaller unit: "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M.
        let half_of = match unit {
            Unit::Year => Some("6M"),
            Unit::Hour => Some("30M"),
            Unit::Minute => Some("30S"),
            Unit::Day => Some("T12H"),
            _ => None,
        };
        if half {
            if let (Some(Some(n)), Some(h), None) = (qty, half_of, rel) {
                return m(
                    end,
                    TimexType::Duration,
                    format!("{pre}{n}{l}{h}"),
                    false,
                    "a length of time and a half",
                );
            }
            return None;
        }
        let val = |n: Option<u32>| match n {
            Some(n) if unit == Unit::Quarter => format!("P{}M", 3 * n),
            Some(n) => format!("{pre}{}{l}", n * mult),
            None => match unit {
                Unit::Decade => "PXY".to_string(),
                Unit::Century => "PXC".to_string(),
                _ => format!("{pre}X{l}"),
            },
        };
        match (qty, rel) {
            (Some(n), _) => {
                // "a year", "a day": a set after a rate ("$5 a year", "twice a day").
                if n == Some(1)
                    && self.k(j.saturating_sub(1), K::A)
                    && !the
                    && rel.is_none()
                    && self.rate_before(i)
                {
                    return m(end, TimexType::Set, val(Some(1)), false, "a rate: every such period");
                }
                if n == Some(1) && self.k(j.saturating_sub(1), K::A) && (self.k(end, K::Ago) || the) {
                    return None;
                }
                // "a year" standing alone is often "a year ago"-like prose; keep it.
                if self.k(end, K::Ahead) {
                    end += 1;
                }
                m(end, TimexType::Duration, val(n), false, "a length of time, as written")
            }
            (None, Some(K::Coming | K::Next | K::Following)) if plural => {
                let mut end = end;
                if self.k(end, K::Ahead) {
                    end += 1;
                }
                if unit == Unit::Day || rel == Some(K::Coming) {
                    return m(end, TimexType::Date, "FUTURE_REF", true, "the coming days, after publication");
                }
                m(end, TimexType::Duration, val(None), false, "an unspecified length of time")
            }
            // "recent years", "past years": TimeBank mostly tags the years as a past
            // reference; "recent months", "recent weeks" as a vague length of time.
            (None, Some(K::Recent | K::Past)) if plural && unit == Unit::Year && !the => {
                m(end, TimexType::Date, "PAST_REF", true, "an unspecified time before publication")
            }
            (None, Some(K::Recent | K::Past | K::Last | K::Previous)) if plural => {
                m(end, TimexType::Duration, val(None), false, "an unspecified length of time")
            }
            (None, None) if the && !plural && unit == Unit::Year && self.is_word(j - 1, "full") => {
                match self.anchor {
                    Some(a) => {
                        m(end, TimexType::Date, format!("{:04}", a.year()), true, "the year of publication")
                    }
                    None => m(end, TimexType::Date, "XXXX", true, "the year of an unknown publication date"),
                }
            }
            // "For the week, the index rose": the week under discussion, which the gold
            // writes as an unresolved week of the year of publication (3 of 3).
            (None, None)
                if the
                    && !plural
                    && unit == Unit::Week
                    && j == i + 1
                    && !matches!(
                        self.word(end).to_ascii_lowercase().as_str(),
                        "of" | "before" | "after" | "ended" | "ending" | "earlier" | "later" | "ahead" | "-"
                    ) =>
            {
                let a = self.anchor?;
                m(end, TimexType::Date, format!("{:04}-WXX", a.year()), true, "the week under discussion")
            }
            (None, None)
                if the
                    && !plural
                    && unit == Unit::Year
                    && !self.k(end, K::Earlier)
                    && !self.k(end, K::Ago) =>
            {
                // "the year ended Sept. 30" is a fiscal year, a length of time; "for the
                // year", "the end of the year" is the year under discussion.
                let w = self.word(end).to_ascii_lowercase();
                match self.anchor {
                    Some(a) if !matches!(w.as_str(), "ended" | "ending" | "ends" | "before" | "after") => m(
                        end,
                        TimexType::Date,
                        format!("{:04}", a.year()),
                        true,
                        "the year under discussion: the year of publication",
                    ),
                    _ => m(end, TimexType::Duration, "P1Y", false, "a length of time, as written"),
                }
            }
            // "the past year": TimeBank tags it as the year before publication.
            (None, Some(K::Past | K::Last)) if the && !plural && unit == Unit::Year => match self.anchor {
                Some(a) => m(
                    end,
                    TimexType::Date,
                    format!("{:04}", a.year() - 1),
                    true,
                    "the year before publication",
                ),
                None => m(end, TimexType::Duration, "P1Y", false, "a length of time, as written"),
            },
            (None, Some(K::Past | K::Last | K::Next | K::Coming | K::Previous | K::Following))
                if the && !plural =>
            {
                m(end, TimexType::Duration, val(Some(1)), false, "a length of time, as written")
            }
            (None, None)
                if plural && !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Quarter) =>
            {
                if the && unit == Unit::Day {
                    return None;
                }
                if unit == Unit::Day
                    && !self.k(i.wrapping_sub(1), K::Prep)
                    && !self.k(i.wrapping_sub(1), K::In)
                {
                    return None;
                }
                if self.k(i.wrapping_sub(1), K::These) || self.k(end, K::Old) {
                    return None;
                }
                // "the weeks ahead"
                let mut end = end;
                if self.k(end, K::Ahead) {
                    end += 1;
                }
                m(end, TimexType::Duration, val(None), false, "an unspecified length of time")
            }
            _ => None,
        }
    }

    /// A unit word capitalised inside a phrase ("60 Minutes", "This Week"): a title.
    pub(super) fn title_word(&self, j: usize) -> bool {
        let Some(t) = self.t.get(j) else {
            return false;
        };
        let w = self.word(j);
        t.cap && !self.boundary_before(j) && w.bytes().skip(1).any(|b| b.is_ascii_lowercase())
    }

    /// A number, money or "once"/"twice"/"times" right before `i`: "a year" is a rate.
    pub(super) fn rate_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = i - 1;
        let w = self.word(p);
        self.num(p).is_some()
            || self.k(p, K::Percent)
            || self.p(p, b'%')
            || ["once", "twice", "times", "million", "billion", "dollars", "cents"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
    }

    /// The anchor shifted by `n` units.
    pub(super) fn shifted(
        &self,
        end: usize,
        unit: Unit,
        n: i64,
        words: &str,
        anchor: Option<Date>,
    ) -> Option<M> {
        let abs = n.unsigned_abs();
        let plural = |u: &str| {
            if abs == 1 {
                u.to_string()
            } else {
                format!("{u}s")
            }
        };
        let Some(a) = anchor else {
            let v = match unit {
                Unit::Day => "XXXX-XX-XX",
                Unit::Week => "XXXX-WXX",
                Unit::Month => "XXXX-XX",
                Unit::Quarter => "XXXX-QX",
                Unit::Second | Unit::Minute | Unit::Hour => "XXXX-XX-XXTXX:XX",
                _ => "XXXX",
            };
            return m(end, TimexType::Date, v, true, "relative to an unknown publication date");
        };
        let (value, kind, uname) = match unit {
            Unit::Day => (ymd(add_days(a, n)?), TimexType::Date, "day"),
            Unit::Week => (week_val(add_days(a, 7 * n)?), TimexType::Date, "week"),
            Unit::Month => {
                let d = add_months(a, n)?;
                (format!("{:04}-{:02}", d.year(), d.month()), TimexType::Date, "month")
            }
            Unit::Quarter => {
                let d = add_months(a, 3 * n)?;
                (format!("{:04}-Q{}", d.year(), quarter_of(d)), TimexType::Date, "quarter")
            }
            Unit::Year => {
                let y = a.year() as i64 + n;
                // "a year earlier" in a report on a quarter: the same quarter a year before.
                if let Some((qy, q)) = self.last_quarter.filter(|_| !self.year_period) {
                    if abs == 1 && (qy == a.year() || qy + 1 == a.year()) {
                        return m(
                            end,
                            TimexType::Date,
                            format!("{:04}-Q{q}", qy as i64 + n),
                            true,
                            format!(
                                "the quarter under discussion ({qy}-Q{q}) a year {}",
                                if n < 0 { "before" } else { "after" }
                            ),
                        );
                    }
                }
                (format!("{y:04}"), TimexType::Date, "year")
            }
            Unit::Decade => (format!("{:04}", a.year() as i64 + 10 * n), TimexType::Date, "decade"),
            Unit::Century => (format!("{:04}", a.year() as i64 + 100 * n), TimexType::Date, "century"),
            Unit::Second | Unit::Minute | Unit::Hour => (ymd(a), TimexType::Date, "hour"),
        };
        m(end, kind, value, true, format!("{abs} {} {words} ({})", plural(uname), show(a)))
    }
}
