//! A place written next to the place it lies by: "the village of Kamenka near Debaltseve",
//! "Alexandrovka, west of Donetsk", "Lozovoye settlement on the outskirts of Donetsk",
//! "Zhovanka, a government-controlled area of Zaitseve". The second name is an anchor: readings of
//! the first close to it are preferred. (A stated distance, "10km south of Orikhiv", is placed by
//! the relative-location rule; this one only chooses among same-named readings.)
//!
//! Writes: nothing on its own; a scoring rule of place resolution (places layer).
//! Reads: the `near.*` patterns and the `@near_words` fragment of `patterns.tsv`.

use super::Found;
use crate::rules::{Patterns, RulesError};
use regex::Regex;

/// A reading of a place written before an anchor gains `NEAR_BONUS` at the anchor, falling
/// linearly to nothing at `NEAR_KM` from it.
pub(super) const NEAR_KM: f64 = 80.0;
pub(super) const NEAR_BONUS: f64 = 6.0;
/// What the anchor's own entry loses as a reading of the place written by it ("Oleksandrivka,
/// west of Donetsk" is not Donetsk, which GeoNames also calls Oleksandrivka).
pub(super) const SELF_PENALTY: f64 = 10.0;

/// The patterns of this rule (`near.*` in `patterns.tsv`).
pub(crate) struct NearRules {
    /// What may stand between a place and its anchor: a settlement word, a comma or bracket, a near
    /// word (the `@near_words` fragment), and "the town of".
    gap: Regex,
    /// A district written between a place and its anchor: "Kamenka (Bakhmut district) near
    /// Debaltseve" is read as "Kamenka near Debaltseve".
    district_gap: Regex,
    /// The compass direction a gap states ("west of", "north-eastern outskirts of").
    bearing: Regex,
}

impl NearRules {
    pub(crate) fn load(p: &Patterns) -> Result<Self, RulesError> {
        Ok(NearRules {
            gap: p.get("near.gap")?,
            district_gap: p.get("near.district_gap")?,
            bearing: p.get("near.bearing")?,
        })
    }
}

/// The compass direction a gap states ("west of", "north-eastern outskirts of"), in degrees.
pub(super) fn gap_bearing(r: &NearRules, gap: &str) -> Option<f64> {
    gap_bearing_code(r, gap).and_then(sitrep_geo::compass_degrees)
}

/// Whether `gap` says the place before it lies by the place after it.
pub(super) fn is_near_gap(r: &NearRules, gap: &str) -> bool {
    r.gap.is_match(gap)
}

/// The compass code ("W", "NE") a gap states, if any.
pub(super) fn gap_bearing_code(r: &NearRules, gap: &str) -> Option<&'static str> {
    sitrep_geo::compass_code(&r.bearing.captures(gap)?[1])
}

/// For each found name, the index of the name it is written to lie by, if any.
pub(super) fn anchors(r: &NearRules, view: &str, found: &[Found]) -> Vec<Option<usize>> {
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
            if r.gap.is_match(g) {
                out[i] = Some(j);
                break;
            }
            // only a district may stand in between: "(Bakhmut district) near"
            let district_next = b.cue.as_deref() == Some("district");
            if j == i + 1 && district_next && r.district_gap.is_match(g) {
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
    use super::{gap_bearing, NearRules};
    use crate::rules::{DataFiles, Patterns};

    fn rules() -> NearRules {
        NearRules::load(&Patterns::load(&DataFiles::embedded()).unwrap()).unwrap()
    }

    #[test]
    fn near_gaps() {
        let r = rules();
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
            assert!(r.gap.is_match(g), "{g:?}");
        }
        for g in [
            " and ",
            ", said the mayor of ",
            " was shelled from ",
            " in ",
        ] {
            assert!(!r.gap.is_match(g), "{g:?}");
        }
    }

    #[test]
    fn stated_directions() {
        use super::gap_bearing_code;
        use sitrep_geo::direction_agrees;
        let r = rules();
        assert_eq!(gap_bearing(&r, ", west of "), Some(270.0));
        assert_eq!(
            gap_bearing(&r, " on the north-eastern outskirts of "),
            Some(45.0)
        );
        assert_eq!(gap_bearing(&r, " near "), None);
        assert_eq!(gap_bearing_code(&r, ", south-west of "), Some("SW"));
        assert!(direction_agrees(270.0, 300.0));
        assert!(direction_agrees(0.0, 350.0));
        assert!(!direction_agrees(270.0, 180.0));
    }
}
