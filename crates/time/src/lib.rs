//! API CONTRACT (the extract crate is written against exactly this; keep these names and signatures):
//!
//! ```ignore
//! use chrono::NaiveDate;
//! /// Every time expression in `text`, in text order, non-overlapping, byte offsets into `text`.
//! /// `published` anchors relative expressions; without it relative ones get value None.
//! pub fn find_times(text: &str, published: Option<NaiveDate>) -> Vec<TimeMention>;
//! /// A publication date written at the top of the text (dateline), if any.
//! pub fn find_dateline(text: &str) -> Option<Dateline>;
//!
//! pub struct Dateline { pub date: NaiveDate, pub start: usize, pub end: usize }   // byte span of the date text
//!
//! #[derive(Debug, Clone, PartialEq)]
//! pub struct TimeMention {
//!     pub start: usize, pub end: usize,      // byte offsets, end exclusive
//!     pub text: String,
//!     pub timex_type: TimexType,              // Date, Time, Duration, Set
//!     pub value: Option<String>,              // TIMEX3: "2023-07-18", "2023-06", "2023-W30", "2023-SU", "P2D", "PRESENT_REF", "PAST_REF"
//!     pub range: Option<(NaiveDate, NaiveDate)>,   // calendar days covered, inclusive
//!     pub precision: Option<u8>,              // ACLED: 1 = day, 2 = week, 3 = month or coarser
//!     pub relative: bool,                     // resolved against the publication date
//! }
//! pub enum TimexType { Date, Time, Duration, Set }  // with fn as_str(&self) -> &'static str  ("DATE", ...)
//! ```

//!
//! Recognition is a single pass: a tokeniser that allocates nothing per token feeds sentences
//! (split on line breaks and sentence punctuation) to a hand-written token grammar
//! (`rules.rs`); word tables live in `lexicon.rs`. Values follow TIMEX3 conventions.

mod calendar;
pub mod eval;
mod lexicon;
mod rules;
mod scan;

use chrono::NaiveDate;

/// TIMEX3 type of a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling: "DATE", "TIME", "DURATION", "SET".
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    pub text: String,
    pub timex_type: TimexType,
    /// TIMEX3 value: "2023-07-18", "2023-06", "2023-W30", "2023-SU", "P2D", "PRESENT_REF", ...
    pub value: Option<String>,
    /// Calendar days covered, inclusive.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// ACLED precision: 1 = day, 2 = week, 3 = month or coarser.
    pub precision: Option<u8>,
    /// Resolved against the publication date (or the last mentioned day).
    pub relative: bool,
}

/// A publication date written at the top of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dateline {
    pub date: NaiveDate,
    /// Byte span of the date text.
    pub start: usize,
    pub end: usize,
}

/// Every time expression in `text`, in text order, non-overlapping, byte offsets into `text`.
/// `published` anchors relative expressions; without it relative ones get value None.
pub fn find_times(text: &str, published: Option<NaiveDate>) -> Vec<TimeMention> {
    let mut out = Vec::new();
    let mut ctx = rules::Ctx {
        refd: published,
        ..Default::default()
    };
    scan::for_each_sentence(text, |toks| {
        rules::scan_sentence(text, toks, published, &mut ctx, &mut out);
    });
    out
}

/// How far into the text a dateline may start (bytes).
const DATELINE_WINDOW: usize = 200;

/// A publication date written at the top of the text (dateline), if any.
///
/// Accepts full dates only (ISO, "July 28, 2023", "28 July 2023", "Friday 28 July 2023",
/// "date 2023-07-28"); a month and day without a year ("KYIV, July 28 (Reuters)") gives None.
pub fn find_dateline(text: &str) -> Option<Dateline> {
    let mut cut = text.len().min(DATELINE_WINDOW + 64);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    find_times(head, None)
        .into_iter()
        .filter(|m| m.start < DATELINE_WINDOW && !m.relative)
        .find_map(|m| {
            let v = m.value.as_deref()?;
            if v.len() != 10 {
                return None;
            }
            let date = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()?;
            Some(Dateline {
                date,
                start: m.start,
                end: m.end,
            })
        })
}

#[cfg(test)]
mod tests;
