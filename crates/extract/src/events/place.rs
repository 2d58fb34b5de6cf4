//! The place of an event: the literal place mentions of the cue's own clause (the most precise first, then
//! the nearest after the cue), not a place a relative-location phrase only anchors; else "there" (the last
//! place named before the sentence) or a definite noun ("the village") read back to its antecedent.
//!
//! Writes: no layer; the events stage stores the place it returns.
//! Reads: the places layer (mentions, precision, anchor spans), the actors layer (a place inside an actor's
//! name is not the event's).

use super::find_word;
use crate::doc::{Doc, MentionKind};
use crate::places::antecedent;

/// The event's place as (precision, distance from the cue, place index), for a cue at `[cue_start, cue_end)` in
/// the clause `[clause_start, clause_end)` of the sentence `[ss, se)`.
pub(super) fn of_clause(
    doc: &Doc,
    (ss, se): (usize, usize),
    (clause_start, clause_end): (usize, usize),
    (cue_start, cue_end): (usize, usize),
) -> Option<(u8, usize, usize)> {
    let view = doc.view();
    // place: literal mentions in the clause, most specific first, then nearest after the cue
    // relative-location phrases of this sentence (the list is in text order)
    let a0 = doc.anchor_spans.partition_point(|a| a.0 < ss);
    let a1 = doc.anchor_spans.partition_point(|a| a.0 < se);
    let sentence_anchors = &doc.anchor_spans[a0..a1.max(a0)];
    let anchors: Vec<usize> = sentence_anchors.iter().map(|a| a.2).collect();
    let anchor_mentions: Vec<(usize, usize)> =
        sentence_anchors.iter().map(|a| (a.0, a.1)).collect();
    let mut best: Option<(u8, usize, usize)> = None; // (precision, distance, place)
    for m in doc.places_within(ss, se).filter(|m| {
        m.kind == MentionKind::Literal && m.start >= clause_start && m.end <= clause_end
    }) {
        if anchor_mentions
            .iter()
            .any(|&(s, e)| m.start >= s && m.end <= e)
            && anchors.contains(&m.place)
        {
            continue;
        }
        if doc.actor_overlapping(m.start, m.end) {
            continue;
        }
        let p = &doc.places[m.place];
        let mut prec = p.geo_precision;
        let pre = view
            [view.floor_char_boundary(clause_start.max(m.start.saturating_sub(30)))..m.start]
            .to_ascii_lowercase();
        if pre.contains("outskirts") || pre.ends_with("near ") || pre.contains("around") {
            prec = prec.max(2);
        }
        let dist = if m.start >= cue_end {
            m.start - cue_end
        } else {
            (cue_start - m.end) + 1000
        };
        if best.is_none_or(|b| (prec, dist) < (b.0, b.1)) {
            best = Some((prec, dist, m.place));
        }
    }
    if best.is_none() {
        let clause = view[clause_start..clause_end].to_ascii_lowercase();
        let rel_start = clause_start;
        // "there" as a place ("attacks there were repelled"), not the existential "there is", "since there's"
        let there = find_word(&clause, "there").filter(|&i| {
            let rest = clause[i + 5..].trim_start();
            let be = [
                "is ", "are ", "was ", "were ", "has ", "have ", "had ", "will ", "may ", "might ",
                "could ", "would ", "'s ",
            ]
            .iter()
            .any(|w| rest.starts_with(w));
            let prev = clause[..i].split_whitespace().next_back().unwrap_or("");
            let clause_initial = prev.is_empty()
                || prev.ends_with([',', ';', ':', '"'])
                || matches!(
                    prev,
                    "that"
                        | "and"
                        | "but"
                        | "since"
                        | "because"
                        | "as"
                        | "if"
                        | "when"
                        | "while"
                        | "so"
                );
            !(be && clause_initial)
        });
        if there.is_some() {
            best = doc
                .places_before(ss)
                .take(500)
                .find(|m| m.kind == MentionKind::Literal)
                .map(|m| (doc.places[m.place].geo_precision.max(2), 0, m.place));
        } else {
            for noun in [
                "the village",
                "the settlement",
                "the site",
                "the plant",
                "the area",
                "the town",
                "the facility",
            ] {
                if let Some(i) = clause.find(noun) {
                    let pre = &clause[..i];
                    let directional = ["north of ", "south of ", "east of ", "west of "]
                        .iter()
                        .any(|d| pre.ends_with(d));
                    if directional {
                        continue;
                    }
                    let n = noun.trim_start_matches("the ");
                    best = antecedent(doc, rel_start + i, n).map(|p| {
                        (
                            doc.places[p]
                                .geo_precision
                                .max(if n == "area" { 2 } else { 1 }),
                            0,
                            p,
                        )
                    });
                    if best.is_some() {
                        break;
                    }
                }
            }
        }
    }
    best
}
