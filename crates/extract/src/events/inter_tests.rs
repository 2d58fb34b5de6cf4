//! ACLED's actor types on sentences written for these tests (`events/inter.rs`).
//!
//! Writes: no layer (tests). Reads: the embedded rules and gazetteer.

use crate::testing::ledger;
use sitrep_ledger::Ledger;

/// (sub-event type, inter1, inter2, interaction, civilian targeting) of every event.
type Types<'a> = (&'a str, Option<u8>, Option<u8>, Option<u16>, Option<bool>);

fn types(l: &Ledger) -> Vec<Types<'_>> {
    l.events
        .iter()
        .map(|e| {
            let t = (e.inter1, e.inter2, e.interaction, e.civilian_targeting);
            (e.sub_event_type.as_str(), t.0, t.1, t.2, t.3)
        })
        .collect()
}

#[test]
fn civilians_killed_by_shelling_are_targeted() {
    let l = ledger(
        "Ukrainian artillery shelled Donetsk on Tuesday, killing four civilians, the mayor said.",
        "2024-03-10",
    );
    let t = types(&l);
    assert!(
        t.iter().any(|x| x.2 == Some(7) && x.4 == Some(true)),
        "{t:?}"
    );
}

#[test]
fn a_state_at_home_is_1_and_abroad_8() {
    let home = ledger(
        "Ukrainian troops shelled Russian positions near Bakhmut on Monday.",
        "2024-03-10",
    );
    assert!(
        types(&home).iter().any(|x| x.1 == Some(1)),
        "{:?}",
        types(&home)
    );
    let abroad = ledger(
        "Russian forces shelled Kherson on Monday, the governor said.",
        "2024-03-10",
    );
    assert!(
        types(&abroad).iter().any(|x| x.1 == Some(8)),
        "{:?}",
        types(&abroad)
    );
}

#[test]
fn protesters_alone_are_60_and_battles_do_not_target_civilians() {
    let l = ledger(
        "Thousands of protesters marched in Tbilisi on Sunday against the foreign agents law.",
        "2024-03-10",
    );
    assert!(
        types(&l).iter().any(|x| x.1 == Some(6) && x.3 == Some(60)),
        "{:?}",
        types(&l)
    );
    let l = ledger(
        "Fierce fighting near Avdiivka killed three soldiers and two civilians, the army said.",
        "2024-03-10",
    );
    let t = types(&l);
    assert!(
        t.iter().all(|x| x.0 != "Armed clash" || x.4 == Some(false)),
        "{t:?}"
    );
}
