//! Expressions relative to the anchor: "last week", "next month", "this summer", "last
//! Friday"; "yesterday", "today", "tomorrow" and their parts of day; references such as
//! "now", "recently", "the future".

use super::periods::season_index;
use super::*;

impl Cx<'_> {
    // -----------------------------------------------------------------------------
    // Deictic: "last week", "next month", "this year", "last Friday", "this summer"
    // -----------------------------------------------------------------------------

    pub(super) fn deictic(&self, i: usize) -> Option<M> {
        let mut j = i;
        let the = self.k(j, K::The);
        if the {
            j += 1;
        }
        let which = match self.lex(j) {
            Lex::K(
                k @ (K::Last
                | K::Next
                | K::This
                | K::Coming
                | K::Previous
                | K::Current
                | K::Past
                | K::Latest
                | K::Following),
            ) => k,
            _ => return None,
        };
        if the && !matches!(which, K::Coming | K::Previous | K::Current | K::Latest | K::Following) {
            return None;
        }
        let mut t = j + 1;
        let mut which = which;
        if which == K::This && self.k(t, K::Past) {
            which = K::Last;
            t += 1;
        }
        if self.k(t, K::Fiscal) && matches!(self.lex(t + 1), Lex::Unit(Unit::Year | Unit::Quarter, false)) {
            t += 1;
        }
        let a = self.anchor;
        let sign: i64 = match which {
            K::Last | K::Previous | K::Past | K::Latest => -1,
            K::Next | K::Coming | K::Following => 1,
            _ => 0,
        };
        let when = match sign {
            -1 => "before",
            1 => "after",
            _ => "of",
        };
        match self.lex(t) {
            Lex::Unit(u, false) => {
                if which == K::Past || self.title_word(t) {
                    return None; // "past week": a duration, see `duration`.
                }
                if the && which != K::Current && u != Unit::Quarter {
                    return None;
                }
                let Some(a) = a else {
                    let v = match u {
                        Unit::Week => "XXXX-WXX",
                        Unit::Month => "XXXX-XX",
                        Unit::Quarter => "XXXX-QX",
                        Unit::Day => "XXXX-XX-XX",
                        Unit::Decade => "XXX",
                        Unit::Century => "XX",
                        _ => "XXXX",
                    };
                    return m(t + 1, TimexType::Date, v, true, "relative to an unknown publication date");
                };
                let (v, name) = match u {
                    Unit::Week => (week_val(add_days(a, 7 * sign)?), "week"),
                    Unit::Month => {
                        let d = add_months(a, sign)?;
                        (format!("{:04}-{:02}", d.year(), d.month()), "month")
                    }
                    Unit::Quarter => {
                        let d = add_months(a, 3 * sign)?;
                        (format!("{:04}-Q{}", d.year(), quarter_of(d)), "quarter")
                    }
                    Unit::Year => (format!("{:04}", a.year() as i64 + sign), "year"),
                    Unit::Decade => (format!("{:03}", (a.year() as i64 + 10 * sign) / 10), "decade"),
                    Unit::Century => (format!("{:02}", (a.year() as i64 + 100 * sign) / 100), "century"),
                    Unit::Day => return None,
                    _ => return None,
                };
                m(t + 1, TimexType::Date, v, true, format!("the {name} {when} publication, {}", show(a)))
            }
            Lex::K(K::Weekend) => {
                let Some(a) = a else {
                    return m(
                        t + 1,
                        TimexType::Date,
                        "XXXX-WXX-WE",
                        true,
                        "relative to an unknown publication date",
                    );
                };
                let sat = match sign {
                    -1 => self.weekday_before(a, 6, false)?,
                    1 => self.weekday_after(a, 6, false)?,
                    _ => {
                        let wd = weekday_of(a) as i64;
                        add_days(a, 6 - wd)?
                    }
                };
                m(
                    t + 1,
                    TimexType::Date,
                    format!("{}-WE", week_val(sat)),
                    true,
                    format!("the weekend {when} publication, {}", show(a)),
                )
            }
            Lex::Wd(d, false) if !the && which != K::Past => {
                let Some(a) = a else {
                    return m(
                        t + 1,
                        TimexType::Date,
                        format!("XXXX-WXX-{d}"),
                        true,
                        "relative to an unknown publication date",
                    );
                };
                let day = match sign {
                    -1 => self.weekday_before(a, d, true)?,
                    1 => self.weekday_after(a, d, true)?,
                    _ => {
                        let wd = weekday_of(a) as i64;
                        add_days(a, d as i64 - wd)?
                    }
                };
                let mut end = t + 1;
                let (kind, mut v) = (TimexType::Date, ymd(day));
                let mut kind = kind;
                if let Lex::Part(p) = self.lex(end) {
                    v = format!("{v}T{}", PART[p as usize]);
                    kind = TimexType::Time;
                    end += 1;
                }
                m(
                    end,
                    kind,
                    v,
                    true,
                    format!("the {} {when} publication, {}", WEEKDAY_NAME[d as usize - 1], show(a)),
                )
            }
            Lex::Month(mo, _)
                if !the && which != K::Past && self.t[t].cap && self.day_at(self.dot(t + 1)).is_none() =>
            {
                let Some(a) = a else {
                    return m(
                        t + 1,
                        TimexType::Date,
                        format!("XXXX-{mo:02}"),
                        true,
                        "relative to an unknown publication date",
                    );
                };
                let y = match sign {
                    -1 => {
                        if mo < a.month() as u8 {
                            a.year()
                        } else {
                            a.year() - 1
                        }
                    }
                    1 => {
                        if mo > a.month() as u8 {
                            a.year()
                        } else {
                            a.year() + 1
                        }
                    }
                    _ => a.year(),
                };
                m(
                    t + 1,
                    TimexType::Date,
                    format!("{y:04}-{mo:02}"),
                    true,
                    format!("the {} {when} publication", MONTH_ABBR[mo as usize - 1]),
                )
            }
            Lex::Season(s) if !the && which != K::Past => {
                let Some(a) = a else {
                    return m(
                        t + 1,
                        TimexType::Date,
                        format!("XXXX-{}", SEASON[s as usize]),
                        true,
                        "relative to an unknown publication date",
                    );
                };
                let cur = season_index(a);
                let mut abs = (cur.div_euclid(4)) * 4 + s as i64;
                match sign {
                    -1 => {
                        while abs >= cur {
                            abs -= 4;
                        }
                    }
                    1 => {
                        while abs <= cur {
                            abs += 4;
                        }
                    }
                    _ => {}
                }
                let y = abs.div_euclid(4);
                m(
                    t + 1,
                    TimexType::Date,
                    format!("{y:04}-{}", SEASON[s as usize]),
                    true,
                    format!("the season {when} publication, {}", show(a)),
                )
            }
            Lex::Part(p) if matches!(which, K::This | K::Last) && !the => {
                // "this morning", "last night"
                if which == K::Last && p != 3 {
                    return None;
                }
                let Some(a) = a else {
                    return m(
                        t + 1,
                        TimexType::Time,
                        format!("XXXX-XX-XXT{}", PART[p as usize]),
                        true,
                        "relative to an unknown publication date",
                    );
                };
                let d = if which == K::Last { add_days(a, -1)? } else { a };
                m(
                    t + 1,
                    TimexType::Time,
                    format!("{}T{}", ymd(d), PART[p as usize]),
                    true,
                    format!(
                        "part of the day {} publication ({})",
                        if which == K::Last { "before" } else { "of" },
                        show(d)
                    ),
                )
            }
            _ => None,
        }
    }

    pub(super) fn weekday_before(&self, a: Date, d: u8, strict: bool) -> Option<Date> {
        let wd = weekday_of(a) as i64;
        let mut back = (wd - d as i64).rem_euclid(7);
        if back == 0 && strict {
            back = 7;
        }
        add_days(a, -back)
    }

    pub(super) fn weekday_after(&self, a: Date, d: u8, strict: bool) -> Option<Date> {
        let wd = weekday_of(a) as i64;
        let mut fwd = (d as i64 - wd).rem_euclid(7);
        if fwd == 0 && strict {
            fwd = 7;
        }
        add_days(a, fwd)
    }

    // -----------------------------------------------------------------------------
    // "yesterday", "today", "tomorrow", "tonight", "yesterday morning"
    // -----------------------------------------------------------------------------

    pub(super) fn day_word(&self, i: usize) -> Option<M> {
        let (off, name) = match self.lex(i) {
            Lex::K(K::Yesterday) => (-1, "the day before publication"),
            Lex::K(K::Today) => (0, "the publication date"),
            Lex::K(K::Tomorrow) => (1, "the day after publication"),
            Lex::K(K::Tonight) => {
                return match self.anchor {
                    Some(a) => m(
                        i + 1,
                        TimexType::Time,
                        format!("{}TNI", ymd(a)),
                        true,
                        format!("the night of publication ({})", show(a)),
                    ),
                    None => m(
                        i + 1,
                        TimexType::Time,
                        "XXXX-XX-XXTNI",
                        true,
                        "relative to an unknown publication date",
                    ),
                };
            }
            _ => return None,
        };
        let mut end = i + 1;
        let mut part = None;
        if let Lex::Part(p) = self.lex(end) {
            part = Some(p);
            end += 1;
        }
        let (date, how) = match self.anchor {
            Some(a) => {
                let d = add_days(a, off)?;
                (ymd(d), format!("{name}, {}", show(a)))
            }
            None => ("XXXX-XX-XX".to_string(), "relative to an unknown publication date".to_string()),
        };
        match part {
            Some(p) => m(end, TimexType::Time, format!("{date}T{}", PART[p as usize]), true, how),
            None => m(end, TimexType::Date, date, true, how),
        }
    }

    // -----------------------------------------------------------------------------
    // References: "now", "currently", "recently", "the future", "soon"
    // -----------------------------------------------------------------------------

    pub(super) fn reference(&self, i: usize) -> Option<M> {
        let present = "the present, at publication";
        let past = "some time before publication";
        let future = "some time after publication";
        match self.lex(i) {
            Lex::K(K::Now) => {
                // "now" as a conjunction-like discourse marker is still tagged in TimeBank.
                m(i + 1, TimexType::Date, "PRESENT_REF", true, present)
            }
            Lex::K(K::Currently | K::Nowadays) => m(i + 1, TimexType::Date, "PRESENT_REF", true, present),
            Lex::K(K::These) if matches!(self.lex(i + 1), Lex::Unit(Unit::Day, true)) => {
                m(i + 2, TimexType::Date, "PRESENT_REF", true, present)
            }
            Lex::K(K::Recently) => m(i + 1, TimexType::Date, "PAST_REF", true, past),
            Lex::K(K::Current) => {
                if self.is_word(i + 1, "account")
                    || self.is_word(i + 1, "accounts")
                    || self.k(i.wrapping_sub(1), K::The)
                {
                    return None;
                }
                m(i + 1, TimexType::Date, "PRESENT_REF", true, present)
            }
            // "recent", "previously", "soon" and "future" are tagged in some
            // texts and not in others; as adjectives they rarely date anything.
            Lex::K(K::The) => match self.lex(i + 1) {
                Lex::K(K::Future) => m(i + 2, TimexType::Date, "FUTURE_REF", true, future),
                Lex::K(K::Near) if self.k(i + 2, K::Future) => {
                    m(i + 3, TimexType::Date, "FUTURE_REF", true, future)
                }
                Lex::K(K::Past)
                    if !matches!(
                        self.lex(i + 2),
                        Lex::Unit(..) | Lex::Card(_) | Lex::K(K::Few | K::Several)
                    ) && self.num(i + 2).is_none() =>
                {
                    m(i + 2, TimexType::Date, "PAST_REF", true, past)
                }
                Lex::K(K::Present) => m(i + 2, TimexType::Date, "PRESENT_REF", true, present),
                Lex::K(K::Weekend) => {
                    let Some(a) = self.anchor else {
                        return m(
                            i + 2,
                            TimexType::Date,
                            "XXXX-WXX-WE",
                            true,
                            "a weekend near an unknown publication date",
                        );
                    };
                    let (sat, how) = if self.tense(i, i + 2) == Tense::Future {
                        (self.weekday_after(a, 6, false)?, "the weekend after publication")
                    } else {
                        (self.weekday_before(a, 6, false)?, "the weekend before publication")
                    };
                    m(
                        i + 2,
                        TimexType::Date,
                        format!("{}-WE", week_val(sat)),
                        true,
                        format!("{how} ({})", show(sat)),
                    )
                }
                _ => None,
            },
            Lex::K(K::Present) if self.k(i.wrapping_sub(1), K::At) => {
                m(i + 1, TimexType::Date, "PRESENT_REF", true, present)
            }
            _ => None,
        }
    }
}
