//! Calendar points (what an expression denotes) and their TIMEX3 values and day ranges.

use chrono::{Datelike, Duration, NaiveDate};

use crate::TimexType;

/// A calendar entity an expression refers to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Point {
    Day(NaiveDate),
    /// A day plus a part of day code ("MO", "AF", "EV", "NI").
    DayPart(NaiveDate, &'static str),
    /// A day plus a clock time (hour, minute, in UTC).
    Clock(NaiveDate, u32, u32, bool),
    /// ISO week, identified by its Monday.
    Week(NaiveDate),
    /// Weekend of the ISO week identified by its Monday.
    Weekend(NaiveDate),
    Month(i32, u32),
    Season(i32, &'static str),
    Quarter(i32, u32),
    Half(i32, u32),
    Year(i32),
    /// Decade by its first year (1990 -> "199").
    Decade(i32),
}

/// Modifier narrowing the range of a point ("early", "late", "earlier this").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mod {
    None,
    Early,
    Mid,
    Late,
    /// "earlier this week": from the start of the period to the anchor day.
    UpTo(NaiveDate),
    /// "later this month": from the anchor day to the end of the period.
    From(NaiveDate),
}

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(crate) fn last_day(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1).map_or_else(
        || ymd(y, m, 28).unwrap_or(NaiveDate::MIN),
        |d| d - Duration::days(1),
    )
}

pub(crate) fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

pub(crate) fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

pub(crate) fn season_of(d: NaiveDate) -> (i32, &'static str) {
    match d.month() {
        3..=5 => (d.year(), "SP"),
        6..=8 => (d.year(), "SU"),
        9..=11 => (d.year(), "FA"),
        12 => (d.year(), "WI"),
        _ => (d.year() - 1, "WI"),
    }
}

pub(crate) fn season_range(y: i32, s: &str) -> (NaiveDate, NaiveDate) {
    let (a, b) = match s {
        "SP" => ((y, 3), (y, 5)),
        "SU" => ((y, 6), (y, 8)),
        "FA" => ((y, 9), (y, 11)),
        _ => ((y, 12), (y + 1, 2)),
    };
    (
        ymd(a.0, a.1, 1).unwrap_or(NaiveDate::MIN),
        last_day(b.0, b.1),
    )
}

impl Point {
    pub(crate) fn value(&self) -> String {
        match *self {
            Point::Day(d) => d.format("%Y-%m-%d").to_string(),
            Point::DayPart(d, p) => format!("{}T{}", d.format("%Y-%m-%d"), p),
            Point::Clock(d, h, m, z) => {
                format!(
                    "{}T{:02}:{:02}{}",
                    d.format("%Y-%m-%d"),
                    h,
                    m,
                    if z { "Z" } else { "" }
                )
            }
            Point::Week(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Point::Weekend(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Season(y, s) => format!("{y:04}-{s}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(y) => format!("{:03}", y / 10),
        }
    }

    pub(crate) fn range(&self) -> (NaiveDate, NaiveDate) {
        let min = NaiveDate::MIN;
        match *self {
            Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, ..) => (d, d),
            Point::Week(m) => (m, m + Duration::days(6)),
            Point::Weekend(m) => (m + Duration::days(5), m + Duration::days(6)),
            Point::Month(y, m) => (ymd(y, m, 1).unwrap_or(min), last_day(y, m)),
            Point::Season(y, s) => season_range(y, s),
            Point::Quarter(y, q) => {
                let m0 = (q.clamp(1, 4) - 1) * 3 + 1;
                (ymd(y, m0, 1).unwrap_or(min), last_day(y, m0 + 2))
            }
            Point::Half(y, h) => {
                let m0 = if h == 2 { 7 } else { 1 };
                (ymd(y, m0, 1).unwrap_or(min), last_day(y, m0 + 5))
            }
            Point::Year(y) => (ymd(y, 1, 1).unwrap_or(min), last_day(y, 12)),
            Point::Decade(y) => (ymd(y, 1, 1).unwrap_or(min), last_day(y + 9, 12)),
        }
    }

    /// ACLED precision: 1 day, 2 week, 3 month or coarser.
    pub(crate) fn precision(&self) -> u8 {
        match self {
            Point::Day(_) | Point::DayPart(..) | Point::Clock(..) => 1,
            Point::Week(_) | Point::Weekend(_) => 2,
            _ => 3,
        }
    }

    pub(crate) fn timex_type(&self) -> TimexType {
        match self {
            Point::DayPart(..) | Point::Clock(..) => TimexType::Time,
            _ => TimexType::Date,
        }
    }

    /// The single day this point denotes, if it is day-precise.
    pub(crate) fn day(&self) -> Option<NaiveDate> {
        match *self {
            Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, ..) => Some(d),
            _ => None,
        }
    }
}

/// The day range of `p` narrowed by `m`.
pub(crate) fn modified_range(p: &Point, m: Mod) -> (NaiveDate, NaiveDate) {
    let (a, b) = p.range();
    let len = (b - a).num_days() + 1;
    let third = (len / 3).max(1);
    match m {
        Mod::None => (a, b),
        _ if len < 3 => (a, b),
        Mod::Early => (a, a + Duration::days(third - 1)),
        Mod::Mid => (a + Duration::days(third), b - Duration::days(third)),
        Mod::Late => (b - Duration::days(third - 1), b),
        Mod::UpTo(d) => (a, b.min(d).max(a)),
        Mod::From(d) => (a.max(d).min(b), b),
    }
}

/// Easter Sunday (Gregorian, anonymous algorithm).
pub(crate) fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

/// The date of a holiday in year `y`.
pub(crate) fn holiday(h: crate::lexicon::Holiday, y: i32) -> Option<NaiveDate> {
    use crate::lexicon::Holiday as H;
    match h {
        H::Fixed(m, d) => ymd(y, m, d),
        H::NthWeekday(m, wd, n) => {
            if n >= 5 {
                let last = last_day(y, m);
                let back = (last.weekday().num_days_from_monday() + 7 - wd) % 7;
                Some(last - Duration::days(i64::from(back)))
            } else {
                let first = ymd(y, m, 1)?;
                let fwd = (wd + 7 - first.weekday().num_days_from_monday()) % 7;
                Some(first + Duration::days(i64::from(fwd + 7 * (n - 1))))
            }
        }
        H::Easter(off) => easter(y).map(|d| d + Duration::days(off)),
        H::ElectionDay => {
            let first = ymd(y, 11, 1)?;
            let fwd = (7 - first.weekday().num_days_from_monday()) % 7;
            Some(first + Duration::days(i64::from(fwd) + 1))
        }
    }
}
