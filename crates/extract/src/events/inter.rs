//! ACLED's actor types of each event: the inter codes of actor1 and actor2 (1 state forces, 2 rebel groups,
//! 3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces),
//! the interaction code (the two codes, lower first: 17 state forces against civilians; one actor alone: 10,
//! 60), and whether civilians are the target.
//!
//! - A state's forces (or the state) are 1 in their own country and 8 outside it (the event's place says
//!   where); an armed group is 2.
//! - Protests: protesters (6) are actor1; riots and mob violence: rioters (5); excessive force against
//!   protesters: the protesters are actor2.
//! - Civilians (7) are actor2 of violence against civilians, and of a strike or a blast whose report names
//!   civilians as its victims ("shelling killed four civilians": `lists/victims.tsv`, read by
//!   `events/victims.rs`); both target civilians. Civilians caught in a battle are not its target.
//!
//! Writes: the actor types of the events layer (`EventRec::actor_types`).
//! Reads: the events, actors and places layers, the victims' words of `lists/victims.tsv`.

use super::victims::VICTIM_GAP;
use crate::doc::{words, Doc, EventRec};
use sitrep_ledger::ActorKind;

const STATE_FORCES: u8 = 1;
const REBELS: u8 = 2;
const RIOTERS: u8 = 5;
const PROTESTERS: u8 = 6;
const CIVILIANS: u8 = 7;
const EXTERNAL: u8 = 8;

/// ACLED's actor types of one event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActorTypes {
    pub inter1: Option<u8>,
    pub inter2: Option<u8>,
    pub civilian_targeting: bool,
}

impl ActorTypes {
    /// ACLED's interaction code ([`sitrep_ledger::interaction`]).
    pub fn interaction(&self) -> Option<u16> {
        sitrep_ledger::interaction(self.inter1, self.inter2)
    }
}

/// Sets the actor types of every event.
pub(super) fn code(doc: &mut Doc) {
    for i in 0..doc.events.len() {
        let types = of_event(doc, &doc.events[i]);
        doc.events[i].actor_types = types;
    }
}

fn of_event(doc: &Doc, e: &EventRec) -> ActorTypes {
    let country = e.place.and_then(|p| doc.places[p].country_code.as_deref());
    let mut t = ActorTypes {
        inter1: e.actor1.and_then(|a| of_actor(doc, a, country)),
        inter2: e.actor2.and_then(|a| of_actor(doc, a, country)),
        civilian_targeting: false,
    };
    match (e.event_type.as_str(), e.sub_event_type.as_str()) {
        ("Protests", "Excessive force against protesters") => {
            t.inter2 = Some(PROTESTERS);
        }
        ("Protests", _) => t.inter1 = Some(PROTESTERS),
        ("Riots", _) => t.inter1 = Some(RIOTERS),
        ("Violence against civilians", _) => {
            t.civilian_targeting = true;
            t.inter2 = t.inter2.or(Some(CIVILIANS));
        }
        _ => {}
    }
    if e.event_type == "Explosions/Remote violence" && civilians_harmed(doc, e) {
        t.civilian_targeting = true;
        t.inter2 = t.inter2.or(Some(CIVILIANS));
    }
    t
}

/// The inter code of an actor: a state's forces at home 1, abroad 8; an armed group 2; others none.
fn of_actor(doc: &Doc, actor: usize, country: Option<&str>) -> Option<u8> {
    let a = &doc.actors[actor];
    match a.kind {
        ActorKind::ArmedForces | ActorKind::State => {
            let abroad =
                matches!((a.affiliation.as_deref(), country), (Some(x), Some(y)) if x != y);
            Some(if abroad { EXTERNAL } else { STATE_FORCES })
        }
        ActorKind::ArmedGroup => Some(REBELS),
        ActorKind::Civilians => Some(CIVILIANS),
        _ => None,
    }
}

/// A civilian word near a harm word in the sentence of the event's first report.
fn civilians_harmed(doc: &Doc, e: &EventRec) -> bool {
    let v = &doc.rules.events.victims;
    let Some(&(s, en)) = e.evidence.first() else {
        return false;
    };
    let lower = doc.text.lower();
    let ws: Vec<&str> = words(doc.text, s, en)
        .into_iter()
        .map(|(a, b)| &lower[a..b])
        .collect();
    ws.iter().enumerate().any(|(i, w)| {
        v.is_civilian(w) && {
            let lo = i.saturating_sub(VICTIM_GAP + 1);
            let hi = (i + VICTIM_GAP + 2).min(ws.len());
            ws[lo..hi].iter().any(|x| v.harms.contains(*x))
        }
    })
}
