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
//! Recognition is a single pass over the token layer of [`sitrep_text::Text`] (`scan.rs` cuts its words
//! finer for the grammar, without a second tokenisation, and groups them into sentences split on line breaks and
//! sentence punctuation) feeding a hand-written token grammar (`rules.rs`); word tables live in `lexicon.rs`.
//! Values follow TIMEX3 conventions. The grammar reads the normalised view, so typographic quotes, apostrophes
//! and dashes are plain ASCII to it. [`find_times_in`] and [`find_dateline_in`] take a `Text` the caller has
//! built already and give offsets into its view; [`find_times`] and [`find_dateline`] build one and give
//! offsets into the string they were given.

mod calendar;
pub mod eval;
mod lexicon;
mod metadata;
mod rules;
mod scan;

use chrono::NaiveDate;
pub use metadata::parse_metadata_date;
use sitrep_text::Text;

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
///
/// Builds a [`Text`] of `text`; a caller that has one already calls [`find_times_in`].
pub fn find_times(text: &str, published: Option<NaiveDate>) -> Vec<TimeMention> {
    let t = Text::new(text);
    let mut out = find_times_in(&t, published);
    to_input(&t, &mut out);
    out
}

/// Every time expression in `text`, as [`find_times`] finds them, with byte offsets into `text.view()` (the
/// offsets of the text crate) and the mention text taken from the view.
pub fn find_times_in(text: &Text, published: Option<NaiveDate>) -> Vec<TimeMention> {
    scan_to(text, text.view().len(), published)
}

/// The mentions in `text.view()[..end]`, tokens cut off at `end`.
fn scan_to(text: &Text, end: usize, published: Option<NaiveDate>) -> Vec<TimeMention> {
    let mut out = Vec::new();
    let mut ctx = rules::Ctx {
        refd: published,
        ..Default::default()
    };
    scan::for_each_sentence(text, end, |toks| {
        rules::scan_sentence(text.view(), toks, published, &mut ctx, &mut out);
    });
    out
}

/// Maps mentions found in the view of `t` to offsets and text of its input.
fn to_input(t: &Text, mentions: &mut [TimeMention]) {
    if t.view().len() == t.input().len() {
        return;
    }
    for m in mentions {
        m.start = t.to_input(m.start);
        m.end = t.to_input(m.end);
        m.text = t.input()[m.start..m.end].to_string();
    }
}

/// How far into the text a dateline may start (bytes).
const DATELINE_WINDOW: usize = 200;

/// How far past the window the text is read for a dateline (bytes).
const DATELINE_READ: usize = DATELINE_WINDOW + 64;

/// The length of the first `DATELINE_READ` bytes of `s`, cut at a char boundary.
fn dateline_head(s: &str) -> usize {
    let mut cut = s.len().min(DATELINE_READ);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    cut
}

/// The first full date among the mentions of the head of a text (not relative, starting in the window).
fn dateline_of(mentions: Vec<TimeMention>) -> Option<Dateline> {
    mentions
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

/// A publication date written at the top of the text (dateline), if any.
///
/// Accepts full dates only (ISO, "July 28, 2023", "28 July 2023", "Friday 28 July 2023",
/// "date 2023-07-28"); a month and day without a year ("KYIV, July 28 (Reuters)") gives None.
/// Reads the first 264 bytes of `text`; a caller that has a [`Text`] calls [`find_dateline_in`].
pub fn find_dateline(text: &str) -> Option<Dateline> {
    let t = Text::new(&text[..dateline_head(text)]);
    let mut mentions = scan_to(&t, t.view().len(), None);
    to_input(&t, &mut mentions);
    dateline_of(mentions)
}

/// The dateline of `text`, as [`find_dateline`] finds it, with byte offsets into `text.view()` (the first 264
/// bytes of the view are read, a token running past them cut off).
pub fn find_dateline_in(text: &Text) -> Option<Dateline> {
    dateline_of(scan_to(text, dateline_head(text.view()), None))
}

#[cfg(test)]
mod tests;
