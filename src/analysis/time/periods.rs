//! Larger and recurring periods and times of day: years in words, decades ("the
//! 1990s"), quarters, seasons, sets ("every Monday"), clock times and holidays.

use super::*;

impl Cx<'_> {
    /// A year in words: "nineteen ninety-six", "two thousand". Returns (year, next).
    pub(super) fn spelled_year(&self, j: usize) -> Option<(i32, usize)> {
        match (self.lex(j), self.lex(j + 1)) {
            (Lex::Card(c), Lex::Card(t))
                if (11..=20).contains(&c) && (20..100).contains(&t) && t % 10 == 0 =>
            {
                let k = self.hyphen(j + 2);
                if let Lex::Card(u) = self.lex(k) {
                    if (1..10).contains(&u) {
                        return Some(((c * 100 + t + u) as i32, k + 1));
                    }
                }
                Some(((c * 100 + t) as i32, j + 2))
            }
            (Lex::Card(2), Lex::K(K::Thousand)) => {
                let mut k = j + 2;
                if self.k(k, K::And) {
                    k += 1;
                }
                if let Lex::Card(u) = self.lex(k) {
                    if (1..20).contains(&u) {
                        return Some((2000 + u as i32, k + 1));
                    }
                }
                Some((2000, j + 2))
            }
            _ => None,
        }
    }

    /// A year: "1998", "fiscal 1989", "nineteen ninety-six", "the year two thousand".
    pub(super) fn year(&self, i: usize) -> Option<M> {
        let mut j = i;
        if self.k(j, K::The) && matches!(self.lex(j + 1), Lex::Unit(Unit::Year, false)) {
            if let Some((y, end)) = self.spelled_year(j + 2).or_else(|| self.year_at(j + 2, false)) {
                return m(end, TimexType::Date, format!("{y:04}"), false, "as written");
            }
        }
        if let Some((y, end)) = self.spelled_year(j) {
            return m(end, TimexType::Date, format!("{y:04}"), false, "as written");
        }
        let fiscal = self.k(j, K::Fiscal);
        if fiscal {
            j += 1;
        }
        let (y, end) = self.year_at(j, false)?;
        // Not money, a count or a percentage.
        if j > 0 && (self.p(j - 1, b'$') || self.p(j - 1, b'#')) {
            return None;
        }
        if self.p(end, b'%') || self.k(end, K::Percent) {
            return None;
        }
        if self.glued(end) && (self.p(end, b',') || self.p(end, b'.')) && self.num(end + 1).is_some() {
            return None;
        }
        let prev = j.checked_sub(1).map_or(Lex::No, |p| self.lex(p));
        let cue = fiscal
            || matches!(
                prev,
                Lex::K(K::In | K::Prep | K::Of | K::Early | K::Late | K::Mid | K::From | K::To)
            );
        if !(1900..=2100).contains(&y) && !cue {
            return None;
        }
        // "1,500 troops" is not split that way, but "1998 troops" would be odd: units.
        if matches!(self.lex(end), Lex::Unit(..)) {
            return None;
        }
        m(end, TimexType::Date, format!("{y:04}"), false, "as written")
    }

    /// "the 1990s", "the '90s", "the mid-1990s", "the 20th century".
    pub(super) fn decade(&self, i: usize) -> Option<M> {
        let mut j = i;
        let the = self.k(j, K::The);
        if the {
            j += 1;
        }
        if matches!(self.lex(j), Lex::K(K::Early | K::Late | K::Mid)) {
            j = self.hyphen(j + 1);
        }
        // "the nineties", "the early eighties": a decade of the 1900s.
        if the && j < self.t.len() {
            let w = self.word(j).to_ascii_lowercase();
            let names = [
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ];
            if let Some(p) = names.iter().position(|n| *n == w) {
                return m(j + 1, TimexType::Date, format!("19{}", p + 2), false, "the decade named");
            }
        }
        // Centuries.
        let ord = match self.lex(j) {
            Lex::Ord(n) => Some((n, j + 1)),
            _ => match self.num(j) {
                Some((n, nd)) if nd <= 2 && self.k(j + 1, K::Th) && self.glued(j + 1) => Some((n, j + 2)),
                _ => None,
            },
        };
        if let Some((n, k)) = ord {
            let k2 = self.hyphen(k);
            if matches!(self.lex(k2), Lex::Unit(Unit::Century, false)) && (1..=21).contains(&n) {
                return m(k2 + 1, TimexType::Date, format!("{:02}", n - 1), false, "as written");
            }
        }
        let mut k = j;
        let apos = self.p(k, b'\'');
        if apos {
            k += 1;
        }
        let (n, nd) = self.num(k)?;
        if !(self.is_word(k + 1, "s") && self.glued(k + 1)) || n % 10 != 0 {
            return None;
        }
        let v = match nd {
            4 => format!("{:03}", n / 10),
            2 if apos || the => format!("{:03}", if n < 30 { 200 + n / 10 } else { 190 + n / 10 }),
            _ => return None,
        };
        m(k + 2, TimexType::Date, v, false, "as written")
    }

    /// "the third quarter", "third-quarter", "the fourth quarter of 1989", "Q3 2025",
    /// "the first half", "the quarter", "the year-ago quarter".
    pub(super) fn quarter(&self, i: usize) -> Option<M> {
        let mut j = i;
        let the = self.k(j, K::The);
        if the {
            j += 1;
        }
        if self.k(j, K::Fiscal) {
            j += 1;
        }
        let a = self.anchor;
        let mut pre_year: Option<i32> = None;
        if the {
            if let Some((y, k)) = self.year_at(j, false) {
                pre_year = Some(y);
                j = k;
            }
        }
        // "this year's third quarter"
        if !the
            && matches!(self.lex(j), Lex::K(K::This | K::Last | K::Next))
            && matches!(self.lex(j + 1), Lex::Unit(Unit::Year, false))
            && self.p(j + 2, b'\'')
            && self.is_word(j + 3, "s")
        {
            if let Some(a) = a {
                let off = match self.lex(j) {
                    Lex::K(K::Last) => -1,
                    Lex::K(K::Next) => 1,
                    _ => 0,
                };
                pre_year = Some(a.year() as i32 + off);
                j += 4;
            }
        }
        // "year-earlier", "year-ago" (quarter, period)
        if matches!(self.lex(j), Lex::Unit(Unit::Year, false))
            && self.p(j + 1, b'-')
            && self.glued(j + 1)
            && matches!(self.lex(j + 2), Lex::K(K::Ago | K::Earlier))
        {
            let mut end = j + 3;
            if matches!(self.lex(end), Lex::Unit(Unit::Quarter, false) | Lex::K(K::Period)) {
                end += 1;
            } else if the {
                return None;
            }
            if let Some((y, q)) = self.last_quarter.filter(|_| !self.year_period || end > j + 3) {
                return m(
                    end,
                    TimexType::Date,
                    format!("{:04}-Q{q}", y - 1),
                    true,
                    "the quarter under discussion, a year before",
                );
            }
            return match a {
                Some(a) => m(
                    end,
                    TimexType::Date,
                    format!("{:04}", a.year() - 1),
                    true,
                    "the year before publication",
                ),
                None => m(end, TimexType::Date, "XXXX", true, "a year before an unknown date"),
            };
        }
        // "Q3", "Q3 2025"
        if self.is_word(j, "q") {
            if let Some((q, 1)) = self.num(j + 1) {
                if self.glued(j + 1) && (1..=4).contains(&q) {
                    let mut k = j + 2;
                    if self.p(k, b',') {
                        k += 1;
                    }
                    if let Some((y, end)) = self.year_at(k, true) {
                        return m(end, TimexType::Date, format!("{y:04}-Q{q}"), false, "as written");
                    }
                    return self.quarter_no_year(i, j + 2, q as u8);
                }
            }
        }
        let ord = match self.lex(j) {
            Lex::Ord(n) => Some(n),
            Lex::K(K::First) => Some(1),
            Lex::Unit(Unit::Second, false) => Some(2),
            _ => match self.num(j) {
                Some((n, 1)) if self.k(j + 1, K::Th) && self.glued(j + 1) => {
                    j += 1;
                    Some(n)
                }
                _ => None,
            },
        };
        if let Some(q) = ord {
            let mut k = self.hyphen(j + 1);
            if self.k(k, K::Fiscal) {
                k += 1;
            }
            let half = self.k(k, K::Half);
            if !(half || matches!(self.lex(k), Lex::Unit(Unit::Quarter, false))) {
                return None;
            }
            if (half && !(1..=2).contains(&q)) || !(1..=4).contains(&q) {
                return None;
            }
            let mut end = k + 1;
            let mut y = None;
            let mut k2 = end;
            if self.k(k2, K::Of) || self.k(k2, K::In) {
                k2 += 1;
            }
            if self.k(k2, K::Fiscal) {
                k2 += 1;
            }
            if let Some((yy, e)) = self.year_at(k2, true) {
                y = Some(yy);
                end = e;
            }
            let letter = if half { 'H' } else { 'Q' };
            if let Some(y) = y.or(pre_year) {
                return m(
                    end,
                    TimexType::Date,
                    format!("{y:04}-{letter}{q}"),
                    pre_year.is_some(),
                    "as written",
                )
                .map(|mut x| {
                    x.quarter = !half;
                    x
                });
            }
            if half {
                return match a {
                    Some(a) => m(
                        end,
                        TimexType::Date,
                        format!("{:04}-H{q}", a.year()),
                        true,
                        "in the year of publication",
                    ),
                    None => m(end, TimexType::Date, format!("XXXX-H{q}"), true, "year unknown"),
                };
            }
            return self.quarter_no_year(i, end, q as u8).map(|mut x| {
                x.quarter = true;
                x
            });
        }
        // "the 1988 quarter", "the 1989 period"
        if let Some(y) = pre_year {
            if matches!(self.lex(j), Lex::Unit(Unit::Quarter, false) | Lex::K(K::Period)) {
                if let Some((_, q)) = self.last_quarter {
                    return m(
                        j + 1,
                        TimexType::Date,
                        format!("{y:04}-Q{q}"),
                        true,
                        "the quarter under discussion, in the year written",
                    );
                }
            }
            return None;
        }
        // "the quarter", "the latest quarter"
        if the && matches!(self.lex(j), Lex::Unit(Unit::Quarter, false)) {
            // "the quarter ended Sept. 30": the quarter that ends then.
            if let Some((y, q)) = self.quarter_ended(j + 1) {
                return m(
                    j + 1,
                    TimexType::Date,
                    format!("{y:04}-Q{q}"),
                    true,
                    "the quarter ending on the date given",
                )
                .map(|mut x| {
                    x.quarter = true;
                    x
                });
            }
            if let Some((y, q)) = self.last_quarter {
                return m(
                    j + 1,
                    TimexType::Date,
                    format!("{y:04}-Q{q}"),
                    true,
                    "the quarter under discussion",
                );
            }
            return match a {
                Some(a) => {
                    let d = add_months(a, -3)?;
                    m(
                        j + 1,
                        TimexType::Date,
                        format!("{:04}-Q{}", d.year(), quarter_of(d)),
                        true,
                        "the last complete quarter before publication",
                    )
                }
                None => m(j + 1, TimexType::Date, "XXXX-QX", true, "quarter unknown"),
            };
        }
        None
    }

    /// "ended Sept. 30" after a quarter: the (year, quarter) whose last month that is.
    pub(super) fn quarter_ended(&self, j: usize) -> Option<(i16, u8)> {
        let w = self.word(j);
        if !(w.eq_ignore_ascii_case("ended")
            || w.eq_ignore_ascii_case("ending")
            || w.eq_ignore_ascii_case("through"))
        {
            return None;
        }
        let d = self.month_date(j + 1)?;
        let v = d.value.as_bytes();
        if v.len() < 7 || !v[..4].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let y: i16 = d.value[..4].parse().ok()?;
        let mo: u8 = d.value[5..7].parse().ok()?;
        // The quarter is named after the calendar quarter holding most of its months.
        let mid = if mo == 1 { 12 } else { mo - 1 };
        let y = if mo == 1 { y - 1 } else { y };
        Some((y, (mid - 1) / 3 + 1))
    }

    pub(super) fn quarter_no_year(&self, i: usize, end: usize, q: u8) -> Option<M> {
        let Some(a) = self.anchor else {
            return m(
                end,
                TimexType::Date,
                format!("XXXX-Q{q}"),
                true,
                "quarter without a year and no publication date",
            );
        };
        let cur = quarter_of(a);
        let mut y = a.year();
        // A later quarter in a past-tense report is last year's.
        if q > cur && self.tense(i, end) == Tense::Past {
            y -= 1;
        }
        m(
            end,
            TimexType::Date,
            format!("{y:04}-Q{q}"),
            true,
            format!("Q{q} of the year of publication or the year before ({})", show(a)),
        )
    }

    /// "summer 1998", "the summer of 2025", "in spring".
    pub(super) fn season(&self, i: usize) -> Option<M> {
        let Lex::Season(s) = self.lex(i) else {
            return None;
        };
        let mut k = i + 1;
        if self.k(k, K::Of) {
            k += 1;
        }
        if let Some((y, end)) = self.year_at(k, true) {
            return m(end, TimexType::Date, format!("{y:04}-{}", SEASON[s as usize]), false, "as written");
        }
        let prev = i.checked_sub(1).map_or(Lex::No, |p| self.lex(p));
        let prev2 = i.checked_sub(2).map_or(Lex::No, |p| self.lex(p));
        let cue = matches!(prev, Lex::K(K::In | K::Prep | K::Early | K::Late | K::Mid))
            || prev == Lex::K(K::The) && matches!(prev2, Lex::K(K::In | K::Prep));
        if !cue || self.word(i).eq_ignore_ascii_case("fall") && prev != Lex::K(K::The) {
            return None;
        }
        let Some(a) = self.anchor else {
            return m(
                i + 1,
                TimexType::Date,
                format!("XXXX-{}", SEASON[s as usize]),
                true,
                "season without a year and no publication date",
            );
        };
        let cur = season_of(a);
        let y = match self.tense(i, i + 1) {
            Tense::Past if s > cur => a.year() - 1,
            Tense::Future if s < cur => a.year() + 1,
            _ => a.year(),
        };
        m(
            i + 1,
            TimexType::Date,
            format!("{y:04}-{}", SEASON[s as usize]),
            true,
            "the season nearest to publication",
        )
    }

    /// "daily", "every week", "each Thursday", "per year".
    pub(super) fn set(&self, i: usize) -> Option<M> {
        // "average daily volume": a statistic's adjective, untagged in TimeBank.
        if self.k(i, K::Daily) && self.is_word(i.wrapping_sub(1), "average") {
            return None;
        }
        let v = match self.lex(i) {
            Lex::K(K::Daily) => "P1D",
            Lex::K(K::Weekly) => "P1W",
            Lex::K(K::Monthly) => "P1M",
            Lex::K(K::Hourly) => "PT1H",
            Lex::K(K::Every | K::Per) => {
                let mut j = i + 1;
                if self.k(j, K::Other) {
                    j += 1;
                }
                let (n, j) = match self.quantity(j) {
                    Some((Some(n), k)) if !self.k(j, K::A) => (n, k),
                    _ => (1, j),
                };
                return match self.lex(j) {
                    // "15 million instructions per second": a speed, not a schedule.
                    Lex::Unit(Unit::Second, _) => None,
                    Lex::Unit(u, _) => {
                        let (pre, l, mult) = match u {
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
                        };
                        let n = if self.k(i + 1, K::Other) { 2 * n } else { n };
                        m(j + 1, TimexType::Set, format!("{pre}{}{l}", n * mult), false, "a repeated period")
                    }
                    Lex::Wd(d, _) => m(
                        j + 1,
                        TimexType::Set,
                        format!("XXXX-WXX-{d}"),
                        false,
                        format!("every {}", WEEKDAY_NAME[d as usize - 1]),
                    ),
                    Lex::Part(p) => m(
                        j + 1,
                        TimexType::Set,
                        format!("XXXX-XX-XXT{}", PART[p as usize]),
                        false,
                        "every such part of the day",
                    ),
                    Lex::Month(mo, _) if self.t[j].cap => {
                        m(j + 1, TimexType::Set, format!("XXXX-{mo:02}"), false, "every such month")
                    }
                    _ => None,
                };
            }
            _ => return None,
        };
        m(i + 1, TimexType::Set, v, false, "a repeated period")
    }

    /// "10:35 a.m.", "5 p.m. EST", "noon Thursday", "14:30", "4 in the morning".
    pub(super) fn clock(&self, i: usize) -> Option<M> {
        let (mut h, mut mi, mut j);
        match self.lex(i) {
            Lex::K(K::Noon) => {
                h = 12;
                mi = 0;
                j = i + 1;
            }
            Lex::K(K::Midnight) => {
                h = 24;
                mi = 0;
                j = i + 1;
            }
            _ => {
                let (n, nd) = self.num(i)?;
                if nd > 2 || n > 24 {
                    return None;
                }
                if i > 0
                    && self.glued(i)
                    && (self.p(i - 1, b'.')
                        || self.p(i - 1, b':')
                        || self.p(i - 1, b'$')
                        || self.p(i - 1, b','))
                {
                    return None;
                }
                h = n;
                mi = 0;
                j = i + 1;
                let mut has_min = false;
                if self.p(j, b':') && self.glued(j) && self.glued(j + 1) {
                    if let Some((mm, 2)) = self.num(j + 1) {
                        if mm < 60 {
                            mi = mm;
                            j += 2;
                            has_min = true;
                            if self.p(j, b':') && self.glued(j) && matches!(self.num(j + 1), Some((_, 2))) {
                                j += 2;
                            }
                        }
                    }
                }
                match self.ampm(j) {
                    Some((pm, k)) => {
                        if !(1..=12).contains(&h) {
                            return None;
                        }
                        if pm && h < 12 {
                            h += 12;
                        }
                        if !pm && h == 12 {
                            h = 0;
                        }
                        j = k;
                    }
                    None => {
                        if self.k(j, K::In) && self.k(j + 1, K::The) {
                            if let Lex::Part(p) = self.lex(j + 2) {
                                if (1..=12).contains(&h) {
                                    if p >= 1 && h < 12 {
                                        h += 12;
                                    }
                                    j += 3;
                                } else {
                                    return None;
                                }
                            } else if !has_min {
                                return None;
                            }
                        } else if is_oclock(self, j) {
                            j += 3;
                        } else if !has_min {
                            return None;
                        }
                    }
                }
            }
        }
        if matches!(self.lex(j), Lex::K(K::Tz)) || self.is_word(j, "et") && self.t[j].cap {
            j += 1;
        }
        // A following day: "noon Thursday", "5 p.m. EST, Nov. 6", "10 a.m. today".
        let mut k = j;
        if self.p(k, b',') {
            k += 1;
        }
        if self.k(k, K::On) {
            k += 1;
        }
        let day = self
            .month_date(k)
            .or_else(|| self.day_word(k))
            .or_else(|| self.weekday(k))
            .filter(|d| d.kind == TimexType::Date && d.value.len() == 10);
        let (date, end, rel) = match day {
            Some(d) => (Some(d.value), d.end, d.relative),
            None => (self.anchor.map(ymd), j, true),
        };
        let hm = if mi == 0 && matches!(self.lex(i), Lex::K(K::Midnight)) {
            "24".to_string()
        } else {
            format!("{h:02}:{mi:02}")
        };
        let v = match date {
            Some(d) => format!("{d}T{hm}"),
            None => format!("T{hm}"),
        };
        m(end, TimexType::Time, v, rel, "clock time, on the day mentioned or of publication")
    }

    pub(super) fn ampm(&self, j: usize) -> Option<(bool, usize)> {
        match self.lex(j) {
            Lex::K(K::Am) => return Some((false, self.dot(j + 1))),
            Lex::K(K::Pm) => return Some((true, self.dot(j + 1))),
            _ => {}
        }
        // "a.m.", "p.m."
        let w = self.word(j);
        let pm = if w.eq_ignore_ascii_case("a") {
            false
        } else if w.eq_ignore_ascii_case("p") {
            true
        } else {
            return None;
        };
        if self.p(j + 1, b'.') && self.glued(j + 1) && self.is_word(j + 2, "m") && self.glued(j + 2) {
            return Some((pm, self.dot(j + 3)));
        }
        None
    }

    /// "Christmas", "New Year's Day", "Thanksgiving".
    pub(super) fn holiday(&self, i: usize) -> Option<M> {
        let (mo, day, end, name): (u8, u8, usize, &str) = match self.lex(i) {
            Lex::K(K::Christmas) if self.t[i].cap => {
                if self.k(i + 1, K::Eve) {
                    (12, 24, i + 2, "Christmas Eve")
                } else {
                    let e = if self.is_word(i + 1, "day") { i + 2 } else { i + 1 };
                    (12, 25, e, "Christmas")
                }
            }
            Lex::K(K::New)
                if self.t[i].cap
                    && matches!(self.lex(i + 1), Lex::Unit(Unit::Year, false))
                    && self.is_word(i + 2, "'s")
                    || self.t[i].cap
                        && self.k(i, K::New)
                        && matches!(self.lex(i + 1), Lex::Unit(Unit::Year, false))
                        && self.p(i + 2, b'\'') =>
            {
                let mut e = i + 2;
                if self.p(e, b'\'') {
                    e += 1;
                    if self.is_word(e, "s") {
                        e += 1;
                    }
                }
                if self.k(e, K::Eve) {
                    (12, 31, e + 1, "New Year's Eve")
                } else if self.is_word(e, "day") {
                    (1, 1, e + 1, "New Year's Day")
                } else {
                    return None;
                }
            }
            Lex::K(K::Independence) if self.t[i].cap && self.is_word(i + 1, "day") => {
                (7, 4, i + 2, "Independence Day")
            }
            Lex::K(K::Halloween) => (10, 31, i + 1, "Halloween"),
            Lex::K(K::Thanksgiving) if self.t[i].cap => {
                let e = if self.is_word(i + 1, "day") { i + 2 } else { i + 1 };
                let Some(a) = self.anchor else {
                    return m(e, TimexType::Date, "XXXX-11", true, "Thanksgiving, year unknown");
                };
                let tg = |y: i16| -> Option<Date> {
                    let d = Date::new(y, 11, 1).ok()?;
                    add_days(add_days(d, (4 - weekday_of(d) as i64).rem_euclid(7))?, 21)
                };
                let this = tg(a.year())?;
                let d = if this > a && a.until(this).map_or(0, |s| s.get_days()) > FUTURE_DAYS {
                    tg(a.year() - 1)?
                } else {
                    this
                };
                return m(e, TimexType::Date, ymd(d), true, "the Thanksgiving nearest to publication");
            }
            _ => return None,
        };
        self.full_date(i, end, None, mo, day, None).map(|mut x| {
            x.how = format!("{name}: {}", x.how);
            x
        })
    }
}

/// Seasons counted from year 0: year * 4 + season, winter counted in the year it starts.
pub(super) fn season_index(d: Date) -> i64 {
    let y = d.year() as i64;
    match d.month() {
        1 | 2 => (y - 1) * 4 + 3,
        m => y * 4 + season_of_month(m) as i64,
    }
}

fn season_of_month(m: i8) -> u8 {
    match m {
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    }
}

fn season_of(d: Date) -> u8 {
    match d.month() {
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    }
}

fn is_oclock(cx: &Cx<'_>, j: usize) -> bool {
    cx.is_word(j, "o") && cx.p(j + 1, b'\'') && cx.is_word(j + 2, "clock")
}
