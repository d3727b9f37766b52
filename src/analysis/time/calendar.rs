//! Calendar dates: years, days and months written out or in numbers ("12 February",
//! "Feb. 12, 2025", "12/02/2025"), weekdays ("on Monday"), and what governs them.

use super::*;

impl Cx<'_> {
    // -----------------------------------------------------------------------------
    // Calendar dates
    // -----------------------------------------------------------------------------

    /// A year written at `j`: four digits, or "'98" after a month. Returns (year, next).
    pub(super) fn year_at(&self, j: usize, after_month: bool) -> Option<(i32, usize)> {
        if let Some((n, 4)) = self.num(j) {
            if (1000..=2100).contains(&n)
                && !(self.glued(j + 1)
                    && (self.p(j + 1, b'-') && self.num(j + 2).is_some() || self.is_word(j + 1, "s")))
            {
                return Some((n as i32, j + 1));
            }
        }
        if after_month && self.p(j, b'\'') {
            if let Some((n, 2)) = self.num(j + 1) {
                if self.glued(j + 1) {
                    let y = if n < 50 { 2000 + n } else { 1900 + n };
                    return Some((y as i32, j + 2));
                }
            }
        }
        None
    }

    /// "this year", "last year", "next year" after a month: (year, next).
    pub(super) fn deictic_year(&self, j: usize) -> Option<(i32, usize)> {
        let off = match self.lex(j) {
            Lex::K(K::This) => 0,
            Lex::K(K::Last) => -1,
            Lex::K(K::Next) => 1,
            _ => return None,
        };
        if !matches!(self.lex(j + 1), Lex::Unit(Unit::Year, false))
            || self.p(j + 2, b'-')
            || self.is_word(j + 2, "'s")
        {
            return None;
        }
        let a = self.anchor?;
        Some((a.year() as i32 + off, j + 2))
    }

    /// A day of the month at `j`: "24", "24th". Returns (day, next).
    pub(super) fn day_at(&self, j: usize) -> Option<(u8, usize)> {
        let (n, nd) = self.num(j)?;
        if nd > 2 || !(1..=31).contains(&n) {
            return None;
        }
        let mut k = j + 1;
        if self.k(k, K::Th) && self.glued(k) {
            k += 1;
        }
        // Not "24,000" or "12.5" or "3:30".
        if self.glued(k)
            && (self.p(k, b',') || self.p(k, b'.') || self.p(k, b':'))
            && self.num(k + 1).is_some()
            && self.glued(k + 1)
        {
            return None;
        }
        if self.glued(k) && (self.p(k, b'%') || self.p(k, b'/')) {
            return None;
        }
        Some((n as u8, k))
    }

    pub(super) fn month_at(&self, j: usize) -> Option<(u8, usize)> {
        let Lex::Month(mo, abbr) = self.lex(j) else {
            return None;
        };
        let t = self.t[j];
        if !t.cap {
            return None;
        }
        let mut k = j + 1;
        if abbr {
            k = self.dot(k);
            if k == j + 1 && self.num(k).is_none() {
                return None;
            }
        }
        Some((mo, k))
    }

    /// "Nov. 24", "November 24, 2025", "March 2022", "March", "Monday, Nov. 24".
    pub(super) fn month_date(&self, i: usize) -> Option<M> {
        let mut j = i;
        let mut weekday = None;
        if let Lex::Wd(d, false) = self.lex(j) {
            if !self.t[j].cap {
                return None;
            }
            let mut k = self.dot(j + 1);
            if self.p(k, b',') {
                k += 1;
            }
            weekday = Some(d);
            j = k;
        }
        let (mo, j) = self.month_at(j)?;
        if let Some((day, k)) = self.day_at(j) {
            let mut end = k;
            let mut year = None;
            let mut y_at = k;
            if self.p(y_at, b',') {
                y_at += 1;
            }
            if let Some((y, k2)) = self.year_at(y_at, true).or_else(|| self.deictic_year(k)) {
                year = Some(y);
                end = k2;
            }
            return self.full_date(i, end, year, mo, day, weekday);
        }
        if weekday.is_some() {
            return None;
        }
        // "March 2022", "March of 2022", "March, 2022"
        let mut k = j;
        if self.k(k, K::Of) || self.p(k, b',') {
            k += 1;
        }
        if let Some((y, end)) = self.year_at(k, true).or_else(|| self.spelled_year(k)) {
            return m(end, TimexType::Date, format!("{y:04}-{mo:02}"), false, "as written");
        }
        // "June last year", "February this year"
        if let Some((y, end)) = self.deictic_year(j) {
            return m(
                end,
                TimexType::Date,
                format!("{y:04}-{mo:02}"),
                true,
                "the month in the year named, counted from publication",
            );
        }
        // A bare month. "May" and "March" are also verbs: want a cue before them.
        let prev = i.checked_sub(1).map_or(Lex::No, |p| self.lex(p));
        let cue = matches!(
            prev,
            Lex::K(K::In | K::Prep | K::Early | K::Late | K::Mid | K::Of | K::Last | K::Next | K::This)
                | Lex::K(K::From | K::To)
        );
        if matches!(mo, 3 | 5) && !cue {
            return None;
        }
        if self.word(i) == "MAY" || self.word(i) == "MARCH" {
            return None;
        }
        let end = if matches!(self.lex(i), Lex::Month(_, true)) { self.dot(i + 1) } else { i + 1 };
        let Some(a) = self.anchor else {
            return m(
                end,
                TimexType::Date,
                format!("XXXX-{mo:02}"),
                true,
                "month without a year and no publication date",
            );
        };
        let (tense, deadline) = self.date_tense(i, end);
        let am = a.year() as i64 * 12 + a.month() as i64 - 1;
        let cands = [-1i64, 0, 1].map(|dy| (a.year() as i64 + dy) * 12 + mo as i64 - 1);
        let pick = match tense {
            Tense::Future => cands.iter().copied().filter(|&c| c >= am).min(),
            Tense::Past => cands.iter().copied().filter(|&c| c <= am).max(),
            _ => None,
        }
        .unwrap_or_else(|| {
            // A deadline ("by August") half a year away either way lies ahead.
            let near = *cands.iter().min_by_key(|&&c| ((c - am).abs(), (c > am) != deadline)).unwrap_or(&am);
            // A future month only when it is close, and not in a past-tense clause
            // ("stepped down in March", "In January, the company brought in ...").
            if !deadline
                && (near - am > FUTURE_DAYS as i64 / 30 || near - am > 1 && self.tense(i, end) == Tense::Past)
            {
                near - 12
            } else {
                near
            }
        });
        let y = pick.div_euclid(12);
        m(
            end,
            TimexType::Date,
            format!("{y:04}-{mo:02}"),
            true,
            format!("the {} nearest to publication ({})", MONTH_ABBR[mo as usize - 1], show(a)),
        )
    }

    /// A month and day, with or without a year or a weekday, resolved.
    pub(super) fn full_date(
        &self,
        i: usize,
        end: usize,
        year: Option<i32>,
        mo: u8,
        day: u8,
        weekday: Option<u8>,
    ) -> Option<M> {
        if let Some(y) = year {
            let d = Date::new(y as i16, mo as i8, day as i8).ok()?;
            return m(end, TimexType::Date, ymd(d), false, "as written");
        }
        let Some(a) = self.anchor else {
            if day > 31 || mo > 12 {
                return None;
            }
            return m(
                end,
                TimexType::Date,
                format!("XXXX-{mo:02}-{day:02}"),
                true,
                "day without a year and no publication date",
            );
        };
        let cands: Vec<Date> =
            (-1i16..=1).filter_map(|dy| Date::new(a.year() + dy, mo as i8, day as i8).ok()).collect();
        if cands.is_empty() {
            return None;
        }
        if let Some(wd) = weekday {
            let fit: Vec<Date> = cands.iter().copied().filter(|d| weekday_of(*d) == wd).collect();
            if let Some(d) =
                fit.iter().min_by_key(|d| a.until(**d).map(|s| s.get_days().abs()).unwrap_or(i32::MAX))
            {
                return m(
                    end,
                    TimexType::Date,
                    ymd(*d),
                    true,
                    format!(
                        "the year in which {} {} is a {}",
                        day,
                        MONTH_ABBR[mo as usize - 1],
                        WEEKDAY_NAME[wd as usize - 1]
                    ),
                );
            }
        }
        let (tense, deadline) = self.date_tense(i, end);
        let dist = |d: &Date| a.until(*d).map(|s| s.get_days()).unwrap_or(i32::MAX);
        let pick = match tense {
            Tense::Future => cands.iter().copied().filter(|d| *d >= a).min(),
            Tense::Past => cands.iter().copied().filter(|d| *d <= a).max(),
            _ => None,
        }
        .or_else(|| {
            // Nearest, but news leans to the past: a future date only when it is close.
            let near = cands.iter().copied().min_by_key(|d| (dist(d).abs(), *d > a))?;
            if !deadline && near > a && dist(&near) > FUTURE_DAYS {
                cands.iter().copied().filter(|d| *d <= a).max().or(Some(near))
            } else {
                Some(near)
            }
        })?;
        let how = match tense {
            Tense::Past => "the last such date before publication",
            Tense::Future => "the next such date after publication",
            Tense::Unknown => "the nearest such date to publication",
        };
        m(end, TimexType::Date, ymd(pick), true, format!("{how}, {}", show(a)))
    }

    /// "24 November 2025", "24th of November".
    pub(super) fn day_month(&self, i: usize) -> Option<M> {
        let (day, mut j) = self.day_at(i)?;
        if self.k(j, K::Of) {
            j += 1;
        }
        let (mo, j) = self.month_at(j)?;
        let mut end = j;
        let mut year = None;
        let mut k = j;
        if self.p(k, b',') {
            k += 1;
        }
        if let Some((y, k2)) = self.year_at(k, true) {
            year = Some(y);
            end = k2;
        }
        self.full_date(i, end, year, mo, day, None)
    }

    /// "2025-05-13", "11/24", "11/24/2025".
    pub(super) fn numeric_date(&self, i: usize) -> Option<M> {
        let (a, nd) = self.num(i)?;
        if nd == 4 && self.p(i + 1, b'-') && self.glued(i + 1) && self.glued(i + 2) {
            let (mo, nm) = self.num(i + 2)?;
            if nm == 2 && self.p(i + 3, b'-') && self.glued(i + 3) && self.glued(i + 4) {
                let (d, ndd) = self.num(i + 4)?;
                if ndd != 2 {
                    return None;
                }
                let date = Date::new(a as i16, mo as i8, d as i8).ok()?;
                return m(i + 5, TimexType::Date, ymd(date), false, "as written");
            }
            return None;
        }
        if nd <= 2 && self.p(i + 1, b'/') && self.glued(i + 1) && self.glued(i + 2) {
            let (d, ndd) = self.num(i + 2)?;
            if ndd > 2 || !(1..=12).contains(&a) || !(1..=31).contains(&d) {
                return None;
            }
            if i > 0 && self.glued(i) && (self.p(i - 1, b'/') || self.num(i - 1).is_some()) {
                return None;
            }
            if self.p(i + 3, b'/') && self.glued(i + 3) && self.glued(i + 4) {
                let (y, ny) = self.num(i + 4)?;
                let y = match ny {
                    4 => y as i32,
                    2 => {
                        if y < 50 {
                            2000 + y as i32
                        } else {
                            1900 + y as i32
                        }
                    }
                    _ => return None,
                };
                if self.p(i + 5, b'/') && self.glued(i + 5) {
                    return None;
                }
                return self.full_date(i, i + 5, Some(y), a as u8, d as u8, None);
            }
            // Without a year, a fraction is likelier: want a cue ("(11/24)", "on 11/24").
            let prev_cue = i > 0
                && (self.p(i - 1, b'(') || matches!(self.lex(i - 1), Lex::K(K::On | K::Prep) | Lex::Wd(..)));
            if !prev_cue {
                return None;
            }
            let wd = (i >= 2 && self.p(i - 1, b'(')).then(|| match self.lex(i - 2) {
                Lex::Wd(w, false) => Some(w),
                _ => None,
            });
            return self.full_date(i, i + 3, None, a as u8, d as u8, wd.flatten());
        }
        None
    }

    /// A weekday: "Monday", "Friday morning", "Mondays" (a set).
    pub(super) fn weekday(&self, i: usize) -> Option<M> {
        let Lex::Wd(d, plural) = self.lex(i) else {
            return None;
        };
        let t = self.t[i];
        if !t.cap {
            return None;
        }
        let w = self.word(i);
        let full = w.len() > 4;
        // "Sun, Nov. 5" is a day; "Sun, a maker of workstations" a company.
        let abbr_comma =
            self.p(i + 1, b',') && (matches!(self.lex(i + 2), Lex::Month(..)) || self.num(i + 2).is_some());
        if !(full || self.p(i + 1, b'.') || abbr_comma) {
            return None;
        }
        let mut end = if full { i + 1 } else { self.dot(i + 1) };
        let mut part = None;
        if let Lex::Part(p) = self.lex(end) {
            part = Some(p);
            end += 1;
        }
        let pv = |v: String| match part {
            Some(p) => format!("{v}T{}", PART[p as usize]),
            None => v,
        };
        let kind = if part.is_some() { TimexType::Time } else { TimexType::Date };
        if plural {
            return m(
                end,
                TimexType::Set,
                pv(format!("XXXX-WXX-{d}")),
                false,
                format!("every {}", WEEKDAY_NAME[d as usize - 1]),
            );
        }
        let Some(a) = self.anchor else {
            return m(end, kind, pv(format!("XXXX-WXX-{d}")), true, "weekday without a publication date");
        };
        let tense = if self.until_before(i) { Tense::Future } else { self.tense(i, end) };
        let name = WEEKDAY_NAME[d as usize - 1];
        let (day, how) = if tense == Tense::Future {
            let day = self.weekday_after(a, d, true)?;
            (day, format!("the {name} after publication ({})", show(day)))
        } else {
            let day = self.weekday_before(a, d, false)?;
            let how = if day == a {
                format!("the publication day, a {name} ({})", show(day))
            } else {
                format!("the {name} before publication ({})", show(day))
            };
            (day, how)
        };
        m(end, kind, pv(ymd(day)), true, how)
    }

    /// "until Tuesday", "postponed until 9 a.m. EST Tuesday": a limit in the future.
    pub(super) fn until_before(&self, i: usize) -> bool {
        let mut j = i;
        for _ in 0..7 {
            if j == 0 || self.boundary_before(j) {
                return false;
            }
            j -= 1;
            let w = self.word(j).to_ascii_lowercase();
            match w.as_str() {
                // "Up until Thursday, they had …", "not until Tuesday": looking back.
                "until" | "till" => {
                    return j > 0
                        && !self.boundary_before(j)
                        && !self.is_word(j - 1, "up")
                        && !self.is_word(j - 1, "not")
                        && !self.p(j - 1, b',');
                }
                "postponed" | "delayed" => return true,
                "on" | "at" | "a" | "p" | "m" | "am" | "pm" | "noon" | "midnight" | "est" | "edt" | "gmt"
                | "." | ":" => continue,
                _ if self.t[j].tk == Tk::Num => continue,
                _ => return false,
            }
        }
        false
    }
}
