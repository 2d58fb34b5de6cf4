//! A place written next to the place it lies by: "the village of Kamenka near Debaltseve",
//! "Alexandrovka, west of Donetsk", "Lozovoye settlement on the outskirts of Donetsk",
//! "Zhovanka, a government-controlled area of Zaitseve". The second name is an anchor: readings of
//! the first close to it are preferred. (A stated distance, "10km south of Orikhiv", is placed by
//! the relative-location rule; this one only chooses among same-named readings.)

use super::Found;
use regex::Regex;
use std::sync::OnceLock;

/// Words that say the place before them lies by the place after them, as a regex alternation.
const NEAR_WORDS: &[&str] = &[
    "near",
    "nearby",
    "outside",
    "close to",
    "not far from",
    "next to",
    "on the outskirts of",
    "in the outskirts of",
    "on the edge of",
    "in the suburbs of",
    "a suburb of",
    "a village near",
    "(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)(?:ern)? of",
    // "a government-controlled area of", "a district of", "part of"
    r"(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:area|suburb|district|part|neighbourhood|neighborhood|village|settlement) of",
];

/// A reading of a place written before an anchor gains `NEAR_BONUS` at the anchor, falling
/// linearly to nothing at `NEAR_KM` from it.
pub(super) const NEAR_KM: f64 = 80.0;
pub(super) const NEAR_BONUS: f64 = 6.0;
/// What the anchor's own entry loses as a reading of the place written by it ("Oleksandrivka,
/// west of Donetsk" is not Donetsk, which GeoNames also calls Oleksandrivka).
pub(super) const SELF_PENALTY: f64 = 10.0;

/// What may stand between a place and its anchor: a settlement word, a comma or bracket, a near
/// word, and "the town of".
fn gap() -> &'static Regex {
    static G: OnceLock<Regex> = OnceLock::new();
    G.get_or_init(|| {
        let near = NEAR_WORDS.join("|");
        Regex::new(&format!(
            r"(?i)^(?:\s+(?:village|town|city|settlement|hamlet|suburb|district|raion))?\)?\s*,?\s*\(?\s*(?:(?:just|some|about|located)\s+)?(?:{near})\s+(?:the\s+)?(?:(?:occupied|government-controlled|frontline|separatist-held|rebel-held)\s+)?(?:(?:town|city|village|settlement)\s+of\s+)?$"
        ))
        .expect("near gap pattern")
    })
}

/// A district written between a place and its anchor: "Kamenka (Bakhmut district) near
/// Debaltseve" is read as "Kamenka near Debaltseve".
fn district_gap() -> &'static Regex {
    static G: OnceLock<Regex> = OnceLock::new();
    G.get_or_init(|| {
        Regex::new(r"(?i)^(?:\s+(?:village|town|settlement))?\s*[,(]\s*$").expect("district gap")
    })
}

/// The compass direction a gap states ("west of", "north-eastern outskirts of"), in degrees.
pub(super) fn gap_bearing(gap: &str) -> Option<f64> {
    gap_bearing_code(gap).and_then(sitrep_geo::compass_degrees)
}

/// Whether `gap` says the place before it lies by the place after it.
pub(super) fn is_near_gap(gap: &str) -> bool {
    self::gap().is_match(gap)
}

/// The compass code ("W", "NE") a gap states, if any.
pub(super) fn gap_bearing_code(gap: &str) -> Option<&'static str> {
    static B: OnceLock<Regex> = OnceLock::new();
    let b = B.get_or_init(|| {
        Regex::new(r"(?i)\b(north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest|north|south|east|west)(?:ern)?\s+(?:outskirts\s+)?of\b")
            .expect("bearing pattern")
    });
    sitrep_geo::compass_code(&b.captures(gap)?[1])
}

/// For each found name, the index of the name it is written to lie by, if any.
pub(super) fn anchors(view: &str, found: &[Found]) -> Vec<Option<usize>> {
    let mut out = vec![None; found.len()];
    for i in 0..found.len() {
        if found[i].facility.is_some() {
            continue;
        }
        let mut prev = i;
        for j in i + 1..found.len().min(i + 3) {
            let (a, b) = (&found[prev], &found[j]);
            if b.start <= a.end || b.start - a.end > 80 {
                break;
            }
            let Some(g) = view.get(a.end..b.start) else {
                break;
            };
            if gap().is_match(g) {
                out[i] = Some(j);
                break;
            }
            // only a district may stand in between: "(Bakhmut district) near"
            let district_next = b.cue.as_deref() == Some("district");
            if j == i + 1 && district_next && district_gap().is_match(g) {
                prev = j;
                continue;
            }
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::gap;

    #[test]
    fn near_gaps() {
        for g in [
            " near ",
            " village near the town of ",
            ", west of ",
            " settlement on the outskirts of ",
            " (near ",
            ", a government-controlled area of ",
            ", just north of the occupied city of ",
            " outside ",
            ", a suburb of ",
        ] {
            assert!(gap().is_match(g), "{g:?}");
        }
        for g in [
            " and ",
            ", said the mayor of ",
            " was shelled from ",
            " in ",
        ] {
            assert!(!gap().is_match(g), "{g:?}");
        }
    }

    #[test]
    fn stated_directions() {
        use super::{gap_bearing, gap_bearing_code};
        use sitrep_geo::direction_agrees;
        assert_eq!(gap_bearing(", west of "), Some(270.0));
        assert_eq!(
            gap_bearing(" on the north-eastern outskirts of "),
            Some(45.0)
        );
        assert_eq!(gap_bearing(" near "), None);
        assert_eq!(gap_bearing_code(", south-west of "), Some("SW"));
        assert!(direction_agrees(270.0, 300.0));
        assert!(direction_agrees(0.0, 350.0));
        assert!(!direction_agrees(270.0, 180.0));
    }
}
