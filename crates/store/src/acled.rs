//! ACLED's codes of one event that the store keeps beside it: the inter codes of its two actors, their
//! interaction and whether civilians were targeted (the ACLED codebook's definitions), and the scale of the
//! outlets that reported it (`data/source_scales.tsv`, loaded once).

use serde::Serialize;
use sitrep_ledger::{ActorKind, Event, Ledger, Outcome};
use std::collections::HashMap;
use std::sync::OnceLock;

/// ACLED's actor codes (`inter1`, `inter2`: 1 state forces, 2 rebel groups, 3 political militias, 4 identity
/// militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces), their `interaction` (the two
/// codes, smaller first, as one number; a lone actor's code times ten) and civilian targeting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AcledCodes {
    pub inter1: Option<u8>,
    pub inter2: Option<u8>,
    pub interaction: Option<u16>,
    /// `Some(true)` when civilians were the target; ACLED leaves the column empty otherwise.
    pub civilian_targeting: Option<bool>,
}

/// The codes of a ledger event in a place of country `country` (ISO alpha-2): the ledger's own `inter1`,
/// `inter2`, `interaction` and `civilian_targeting` (the events stage's `events/inter.rs`); a ledger written
/// before they existed has them read from the actors' kinds and the event type ([`derived`]).
pub fn codes(ledger: &Ledger, ev: &Event, country: Option<&str>) -> AcledCodes {
    let d = derived(ledger, ev, country);
    if ev.inter1.is_none() && ev.inter2.is_none() && ev.civilian_targeting.is_none() {
        return d;
    }
    AcledCodes {
        inter1: ev.inter1,
        inter2: ev.inter2,
        interaction: ev.interaction.or_else(|| interaction(ev.inter1, ev.inter2)),
        civilian_targeting: ev
            .civilian_targeting
            .filter(|&t| t)
            .or(d.civilian_targeting),
    }
}

pub use sitrep_ledger::interaction;

/// Which of the event's two actors.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    First,
    Second,
}

/// The inter code of one actor of an event: protesters and rioters by the event type (ACLED's actor1 of a
/// demonstration), civilians as the target of violence against civilians, state forces for a state's armed
/// forces or government in its own country and external forces outside it; a non-state armed group is not
/// told apart (rebel group, political or identity militia) and gets none.
fn inter(ledger: &Ledger, ev: &Event, role: Role, country: Option<&str>) -> Option<u8> {
    match (ev.event_type.as_str(), role) {
        ("Protests", Role::First) => return Some(6),
        ("Riots", Role::First) => return Some(5),
        ("Violence against civilians", Role::Second) => return Some(7),
        _ => {}
    }
    let id = match role {
        Role::First => ev.actor1.as_deref(),
        Role::Second => ev.actor2.as_deref(),
    }?;
    let actor = ledger.actor(id)?;
    match actor.kind {
        ActorKind::ArmedForces | ActorKind::State => {
            match (actor.affiliation.as_deref(), country) {
                (Some(side), Some(cc)) if !side.eq_ignore_ascii_case(cc) => Some(8),
                _ => Some(1),
            }
        }
        _ => None,
    }
}

/// Civilians were targeted: violence against civilians, an event read from a cue about civilians, civilians
/// as the second actor, or civilians named in the event's evidence ("shelled the town, killing two civilians").
fn civilians_targeted(ledger: &Ledger, ev: &Event, inter2: Option<u8>) -> bool {
    let civilian = |s: &str| s.to_lowercase().contains("civilian");
    ev.event_type == "Violence against civilians"
        || ev.outcome == Some(Outcome::Civilian)
        || inter2 == Some(7)
        || ev
            .actor2
            .as_deref()
            .and_then(|a| ledger.actor(a))
            .is_some_and(|a| civilian(&a.name))
        || ev.evidence.iter().any(|s| civilian(&s.text))
}

/// The codes as read from the actors' kinds and the event type.
pub fn derived(ledger: &Ledger, ev: &Event, country: Option<&str>) -> AcledCodes {
    let inter1 = inter(ledger, ev, Role::First, country);
    let mut inter2 = inter(ledger, ev, Role::Second, country);
    let civilians = civilians_targeted(ledger, ev, inter2);
    // civilians targeted with no second actor named: they are the second actor, as ACLED codes them
    if civilians && ev.actor2.is_none() {
        inter2 = Some(7);
    }
    AcledCodes {
        inter1,
        inter2,
        interaction: interaction(inter1, inter2),
        civilian_targeting: civilians.then_some(true),
    }
}

/// ACLED's source scales, in the order ACLED joins them ("National-International").
pub const SCALES: [&str; 7] = [
    "Local",
    "Subnational",
    "National",
    "Regional",
    "International",
    "New media",
    "Other",
];

const SOURCE_SCALES_TSV: &str = include_str!("../data/source_scales.tsv");

/// Parses `data/source_scales.tsv` (`#` comments; outlet, scale): outlet names lower-cased.
fn parse_scales(text: &str) -> Result<HashMap<String, &'static str>, String> {
    let mut out = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |why: String| format!("crates/store/data/source_scales.tsv:{}: {why}", n + 1);
        let Some((outlet, scale)) = line.split_once('\t') else {
            return Err(bad("expected outlet<TAB>scale".into()));
        };
        let Some(scale) = SCALES.iter().find(|s| **s == scale.trim()) else {
            return Err(bad(format!(
                "unknown scale '{scale}': use one of {}",
                SCALES.join(", ")
            )));
        };
        out.insert(outlet.trim().to_lowercase(), *scale);
    }
    Ok(out)
}

fn scales() -> &'static HashMap<String, &'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| parse_scales(SOURCE_SCALES_TSV).expect("the embedded source scales"))
}

/// ACLED's `source_scale` of a cluster's outlets: the scales of the outlets listed in
/// `data/source_scales.tsv`, once each, joined with "-" in ACLED's order; `None` when no outlet is listed.
pub fn source_scale<'a>(outlets: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let known: Vec<&str> = outlets
        .into_iter()
        .filter_map(|o| scales().get(&o.trim().to_lowercase()).copied())
        .collect();
    let joined: Vec<&str> = SCALES
        .iter()
        .copied()
        .filter(|s| known.contains(s))
        .collect();
    (!joined.is_empty()).then(|| joined.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interaction_puts_the_smaller_code_first() {
        assert_eq!(interaction(Some(8), Some(1)), Some(18));
        assert_eq!(interaction(Some(1), Some(7)), Some(17));
        assert_eq!(interaction(Some(6), None), Some(60));
        assert_eq!(interaction(None, None), None);
    }

    #[test]
    fn scales_are_joined_in_acled_order() {
        assert_eq!(
            source_scale(["Reuters", "Kyiv Independent"]).as_deref(),
            Some("National-International")
        );
        assert_eq!(source_scale(["An Unknown Blog"]), None);
    }

    #[test]
    fn a_bad_scale_is_named_with_its_line() {
        let e = parse_scales("# h\nReuters\tGlobal\n").unwrap_err();
        assert!(
            e.contains("source_scales.tsv:2") && e.contains("Global"),
            "{e}"
        );
    }
}
