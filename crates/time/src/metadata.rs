//! Publication dates as metadata writes them: the `published` field of a JSONL line, a feed's pubDate, a page's
//! `article:published_time`, a Telegram message's `date`. Not the text's own time expressions (see [`crate::scan`]).
//!
//! The date is the source's local calendar date: "Fri, 12 Aug 2022 00:30:00 +0300" is 2022-08-12, the day the
//! outlet printed, not the UTC day before. Accepted:
//! - ISO 8601 / RFC 3339 ("2023-07-28", "2023-07-28T10:00:00+03:00", "2023/07/28", "20230728");
//! - RFC 2822 ("Fri, 28 Jul 2023 10:00:00 +0000", "28 Jul 2023 10:00 GMT");
//! - written forms, in any order, with weekdays, times and zones around them ("July 28, 2023", "28 July 2023",
//!   "7:58 AM ET, Sat January 3, 2015", "Jul 28th 2023");
//! - day-first numbers ("28.07.2023", "28/07/2023") and month-first ones when the day cannot be a month
//!   ("07/28/2023"); "07/08/2023" could be either and gives None;
//! - Unix time in seconds (ten digits), as a UTC date.
//!
//! Anything else gives None: the caller keeps the document, with `published: null` and a warning.

use crate::lexicon::MONTHS;
use chrono::{DateTime, NaiveDate};

/// Years a publication date can fall in; numbers outside are not years (page counts, ids).
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// The local calendar date `s` gives, if it is a date in one of the forms above.
pub fn parse_metadata_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    iso(s)
        .or_else(|| DateTime::parse_from_rfc2822(s).ok().map(|d| d.date_naive()))
        .or_else(|| unix_seconds(s))
        .or_else(|| numeric(s))
        .or_else(|| written(s))
}

/// "2023-07-28…", "2023/07/28…", "20230728…": the date as written, whatever time and offset follow.
fn iso(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let (y, m, d) = if digits(0..4)
        && matches!(b.get(4), Some(b'-' | b'/'))
        && digits(5..7)
        && b.get(7) == b.get(4)
        && digits(8..10)
    {
        (&s[0..4], &s[5..7], &s[8..10])
    } else if digits(0..8) && !b.get(8).is_some_and(u8::is_ascii_digit) {
        (&s[0..4], &s[4..6], &s[6..8])
    } else {
        return None;
    };
    if b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !YEARS.contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Ten digits and nothing else: seconds since 1970 (UTC).
fn unix_seconds(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    DateTime::from_timestamp(s.parse().ok()?, 0).map(|d| d.date_naive())
}

/// "28.07.2023", "28/07/2023", "07/28/2023" (the first field is the day unless it cannot be).
fn numeric(s: &str) -> Option<NaiveDate> {
    let head = s.split([' ', 'T', ',']).next()?;
    let parts: Vec<&str> = head.split(['.', '/', '-']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || a.is_empty() || b.is_empty() || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let (a, b, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    match (a > 12, b > 12) {
        (true, false) => ymd(y, b, a),
        (false, true) => ymd(y, a, b),
        (false, false) if a == b => ymd(y, a, b),
        _ => None,
    }
}

/// A month name with a day and a four-digit year somewhere around it; times ("7:58"), weekdays and zones are
/// passed over.
fn written(s: &str) -> Option<NaiveDate> {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut month = None;
    let mut year = None;
    let mut day = None;
    for w in &words {
        if w.contains(':') {
            continue;
        }
        let w = w.trim_matches(|c: char| c == '.' || c == '(' || c == ')');
        if month.is_none() {
            if let Some(&(_, m)) = MONTHS.iter().find(|(name, _)| *name == w) {
                month = Some(m);
                continue;
            }
        }
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let ordinal = &w[digits.len()..];
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if !matches!(ordinal, "" | "st" | "nd" | "rd" | "th") {
            continue;
        }
        match digits.len() {
            4 if year.is_none() && ordinal.is_empty() => year = digits.parse().ok(),
            1 | 2 if day.is_none() => day = digits.parse().ok(),
            _ => {}
        }
    }
    ymd(year?, month?, day?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_metadata_date(s).map(|d| d.to_string())
    }

    #[test]
    fn the_forms_metadata_writes() {
        for (s, want) in [
            ("2023-07-28", "2023-07-28"),
            ("2023-07-28T23:30:00-05:00", "2023-07-28"),
            ("2023/07/28 10:00", "2023-07-28"),
            ("20230728", "2023-07-28"),
            ("Fri, 28 Jul 2023 10:00:00 +0000", "2023-07-28"),
            ("Fri, 12 Aug 2022 00:30:00 +0300", "2022-08-12"),
            ("July 28, 2023", "2023-07-28"),
            ("28 July 2023", "2023-07-28"),
            ("7:58 AM ET, Sat January 3, 2015", "2015-01-03"),
            ("Jul 28th 2023, 10:00 GMT", "2023-07-28"),
            ("Updated: Sept. 4, 2022 14:05", "2022-09-04"),
            ("28.07.2023", "2023-07-28"),
            ("28/07/2023 10:00", "2023-07-28"),
            ("07/28/2023", "2023-07-28"),
            ("1690538400", "2023-07-28"),
        ] {
            assert_eq!(d(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn what_is_not_a_date() {
        for s in [
            "",
            "yesterday",
            "07/08/2023",
            "2023-13-45",
            "July 2023",
            "Page 12 of 2023 results",
            "12345678901",
            "2023-07-281",
        ] {
            assert_eq!(d(s), None, "{s}");
        }
    }
}
