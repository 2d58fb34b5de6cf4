//! The date of an event: the date or time expression of its sentence nearest the cue (outside picture
//! captions), else the publication date at precision 2 (the report's day is an upper bound).
//!
//! Writes: no layer; the events stage stores the date it returns.
//! Reads: the times layer.

use crate::doc::Doc;
use sitrep_ledger::TimexType;

/// The event's date (YYYY-MM-DD), its precision, and whether a time expression of the sentence gave it (not
/// the publication date), for a cue at `cue_start` in the sentence `[ss, se)`.
pub(super) fn of_cue(
    doc: &Doc,
    (ss, se): (usize, usize),
    cue_start: usize,
) -> (Option<String>, Option<u8>, bool) {
    // date: the time expression of the sentence nearest the cue, outside captions
    let mut date = None;
    let mut time_precision = None;
    let mut best_t: Option<usize> = None;
    let t0 = doc.times.partition_point(|t| t.start < ss);
    for t in doc.times[t0..]
        .iter()
        .take_while(|t| t.start < se)
        .filter(|t| {
            t.start >= ss
                && t.end <= se
                && !t.in_caption
                && matches!(t.timex_type, TimexType::Date | TimexType::Time)
        })
    {
        let (Some(_), Some((from, _to))) = (&t.value, t.range) else {
            continue;
        };
        let d = t.start.abs_diff(cue_start);
        if best_t.is_none_or(|b| d < b) {
            best_t = Some(d);
            date = Some(from.format("%Y-%m-%d").to_string());
            time_precision = t.precision;
        }
    }
    let from_text = date.is_some();
    if date.is_none() {
        if let Some(p) = doc.published {
            date = Some(p.format("%Y-%m-%d").to_string());
            time_precision = Some(2);
        }
    }
    (date, time_precision, from_text)
}
