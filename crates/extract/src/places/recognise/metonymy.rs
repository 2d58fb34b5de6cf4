//! Metonymy: a country or a capital standing for its state or government ("Kyiv denied", "Ukraine's
//! leadership", "attacked by Russia", "a decisive step for Kyiv") rather than for the place ("in Kyiv").
//!
//! Writes: nothing on its own; the mention kind of a recognised name (places layer).
//! Reads: the words around the name, `lists/metonym_nouns.txt` and `lists/locative_words.txt`.

use crate::doc::MentionKind;
use crate::places::{word_after, word_before, PlaceRules};
use sitrep_gazetteer::Candidate;

/// Whether the name at `s..e` with readings `cands` (and a place cue, if any) is read as a place or as
/// a metonym.
pub(super) fn metonymy(
    pr: &PlaceRules,
    view: &str,
    s: usize,
    e: usize,
    cands: &[Candidate],
    cue: &Option<String>,
) -> MentionKind {
    if cue.is_some() {
        return MentionKind::Literal;
    }
    let is_country = cands.iter().any(|c| c.feature_code.starts_with("PCL"));
    let is_capital = cands
        .iter()
        .any(|c| c.feature_code == "PPLC" && c.population > 500_000);
    if !is_country && !is_capital {
        return MentionKind::Literal;
    }
    if view[e..].starts_with("'s") {
        let next = word_after(view, e + 2).map(|w| w.to_ascii_lowercase());
        return if next
            .as_deref()
            .is_some_and(|n| pr.metonym_nouns.contains(n))
            || is_country && next.is_some()
        {
            MentionKind::Metonym
        } else {
            MentionKind::Literal
        };
    }
    let prev = word_before(view, s).map(|w| w.to_ascii_lowercase());
    let next = word_after(view, e).map(|w| w.to_ascii_lowercase());
    if next.as_deref().is_some_and(|n| {
        matches!(
            n,
            "regime" | "government" | "authorities" | "leadership" | "officials"
        )
    }) {
        return MentionKind::Metonym;
    }
    if let Some(p) = prev.as_deref() {
        if p == "by" {
            return MentionKind::Metonym;
        }
        if (p == "of" || p == "for") && is_capital {
            // "the counteroffensive of Kyiv", "a decisive step for Kyiv": the state, not the city
            let before_of = word_before(view, s - p.len() - 1).map(|w| w.to_ascii_lowercase());
            let noun = before_of.as_deref().is_some_and(|w| {
                pr.metonym_nouns.contains(w)
                    || matches!(
                        w,
                        "step" | "victory" | "defeat" | "success" | "setback" | "blow" | "win"
                    )
            });
            if noun || p == "for" {
                return MentionKind::Metonym;
            }
        }
        if pr.locative.contains(p) {
            return MentionKind::Literal;
        }
    }
    // subject of a verb: "Kyiv denied", "Ukraine had shelled", "Ukraine and Russia accused"
    if verb_after(next.as_deref()) {
        MentionKind::Metonym
    } else {
        MentionKind::Literal
    }
}

/// Whether the word after a name is a verb it is the subject of ("denied", "had", "says"), or "and"
/// ("Ukraine and Russia accused").
fn verb_after(next: Option<&str>) -> bool {
    next.is_some_and(|n| {
        n.ends_with("ed")
            || n.ends_with('s') && !n.ends_with("ss")
            || matches!(
                n,
                "had"
                    | "has"
                    | "did"
                    | "does"
                    | "is"
                    | "was"
                    | "and"
                    | "will"
                    | "would"
                    | "said"
                    | "says"
                    | "told"
                    | "took"
                    | "made"
                    | "sent"
                    | "fired"
            )
    })
}
