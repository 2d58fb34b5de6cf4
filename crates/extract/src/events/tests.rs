//! Events, claims and contradictions on sentences written for these tests.
//!
//! Writes: no layer (tests). Reads: the embedded rules and gazetteer.

use crate::testing::{actor_name, ledger, place_name};
use sitrep_ledger::{Event, Ledger, Outcome, Stance, Verification};

fn only_event<'a>(l: &'a Ledger, sub: &str) -> &'a Event {
    l.events
        .iter()
        .find(|e| e.sub_event_type == sub || e.event_type == sub)
        .unwrap_or_else(|| panic!("no {sub} event in {:#?}", l.events))
}

fn source_of(l: &Ledger, e: &Event) -> Vec<String> {
    e.claims
        .iter()
        .filter_map(|c| l.claims.iter().find(|x| &x.id == c))
        .map(|c| actor_name(l, &c.source))
        .collect()
}

#[test]
fn capture_claim_with_source_and_place() {
    let l = ledger(
        "Russian forces captured the village of Klishchiivka, near Bakhmut, the Russian defence ministry said on Monday.",
        "2023-09-19",
    );
    let e = only_event(&l, "Non-state actor overtakes territory");
    assert_eq!(actor_name(&l, &e.actor1), "Military Forces of Russia");
    assert_eq!(place_name(&l, &e.place), "Klishchiivka");
    assert_eq!(source_of(&l, e), vec!["Ministry of Defence of Russia"]);
    assert_eq!(e.date.as_deref(), Some("2023-09-18"));
    assert_eq!(e.time_precision, Some(1));
}

#[test]
fn liberation_by_own_state_is_government_regains() {
    let l = ledger(
        "Ukrainian troops liberated Andriivka, the General Staff said.",
        "2023-09-16",
    );
    let e = only_event(&l, "Government regains territory");
    assert_eq!(actor_name(&l, &e.actor1), "Military Forces of Ukraine");
}

#[test]
fn shelling_with_fatalities() {
    let l = ledger(
        "Russian artillery shelled Nikopol overnight, killing three civilians and wounding six.",
        "2024-02-10",
    );
    let e = only_event(&l, "Shelling/artillery/missile attack");
    assert_eq!(e.fatalities, Some(3));
    assert_eq!(place_name(&l, &e.place), "Nikopol");
    assert_eq!(actor_name(&l, &e.actor1), "Military Forces of Russia");
}

#[test]
fn drone_strike_is_air_drone() {
    let l = ledger(
        "A drone strike hit a fuel depot in Belgorod on Sunday, the governor said.",
        "2024-02-12",
    );
    let e = only_event(&l, "Air/drone strike");
    assert_eq!(e.event_type, "Explosions/Remote violence");
}

#[test]
fn generic_attack_takes_weapon_type() {
    let l = ledger(
        "An attack with missiles hit the port of Odesa, killing a couple.",
        "2024-02-12",
    );
    let e = only_event(&l, "Explosions/Remote violence");
    assert_eq!(e.fatalities, Some(2));
}

#[test]
fn repelled_attack_names_the_attacker() {
    let l = ledger(
        "Fighting raged near Marinka. The Russian defence ministry said Ukrainian attacks there had been repelled.",
        "2023-06-10",
    );
    let e = l
        .events
        .iter()
        .find(|e| e.trigger.contains("repelled"))
        .expect("repelled event");
    assert_eq!(actor_name(&l, &e.actor1), "Military Forces of Ukraine");
    let p = l.place(e.place.as_deref().unwrap()).unwrap();
    assert!(p.mentions.iter().any(|m| m.text == "Marinka"), "{p:?}");
}

#[test]
fn plans_and_threats_are_not_events() {
    let l = ledger("Moscow threatened to strike government buildings in Kyiv. The army plans to retake the island.", "2024-01-01");
    assert!(l.events.is_empty(), "{:#?}", l.events);
}

#[test]
fn would_and_could_are_not_events() {
    let l = ledger(
        "Analysts said the brigade could capture the town within weeks.",
        "2024-01-01",
    );
    assert!(l.events.is_empty(), "{:#?}", l.events);
}

#[test]
fn claimed_is_unconfirmed() {
    let l = ledger(
        "A pro-Kremlin blogger claimed that Russian forces had shelled Kupiansk.",
        "2024-01-01",
    );
    let c = &l.claims[0];
    assert_eq!(c.verification, Verification::Unconfirmed);
}

#[test]
fn unverified_next_sentence_lowers_the_claim() {
    let l = ledger(
        "Governor Vadym Filashkin said Russian forces shelled Kostiantynivka. The report could not be independently verified.",
        "2024-01-01",
    );
    assert_eq!(l.claims[0].verification, Verification::Unconfirmed);
}

#[test]
fn opposing_claims_contradict() {
    let l = ledger(
        "Ukrainian forces captured the village of Robotyne, the Ukrainian General Staff said. \
         The Russian defence ministry said Ukrainian attacks on Robotyne had been repelled.",
        "2023-08-28",
    );
    let disputed: Vec<_> = l
        .claims
        .iter()
        .filter(|c| c.verification == Verification::Disputed)
        .collect();
    assert_eq!(disputed.len(), 2, "{:#?}", l.claims);
    assert!(disputed[0].contradicts.contains(&disputed[1].id));
}

#[test]
fn mutual_blame_for_the_same_strike() {
    let l = ledger(
        "Ukrenergo said Russian forces had shelled the Kurakhove power plant overnight. \
         Pro-Russian officials said Ukrainian forces had fired on the plant.",
        "2023-02-03",
    );
    assert!(
        l.claims.iter().any(|c| !c.contradicts.is_empty()),
        "{:#?}",
        l.claims
    );
}

#[test]
fn denial_is_a_claim_that_denies() {
    let l = ledger(
        "Ukraine's navy said it had sunk a Russian landing ship near Sevastopol. The Russian defence ministry denied the report.",
        "2024-02-14",
    );
    let d = l
        .claims
        .iter()
        .find(|c| c.stance == Stance::Denies)
        .expect("a denial");
    assert_eq!(actor_name(&l, &d.source), "Ministry of Defence of Russia");
    assert_eq!(d.verification, Verification::Disputed);
}

#[test]
fn vague_place_stays_null() {
    let l = ledger(
        "Ukrainian troops said heavy fighting was taking place in three villages south of the city.",
        "2024-01-01",
    );
    let e = only_event(&l, "Armed clash");
    assert!(e.place.is_none(), "{:?}", e.place);
}

#[test]
fn caption_date_does_not_date_the_event() {
    let l = ledger(
        "Soldiers fire a howitzer in this picture released on January 2, 2024.\n\nRussian forces shelled Kherson on Friday, officials said.",
        "2024-01-06",
    );
    let e = only_event(&l, "Shelling/artillery/missile attack");
    assert_eq!(e.date.as_deref(), Some("2024-01-05"));
}

#[test]
fn event_in_a_quote_belongs_to_the_speaker() {
    let l = ledger("\"Our units repelled four assaults near Avdiivka,\" said Oleksandr Shtupun, a spokesman for the army.", "2024-01-01");
    let e = l
        .events
        .iter()
        .find(|e| e.trigger.contains("repelled"))
        .expect("repelled");
    assert_eq!(source_of(&l, e), vec!["Oleksandr Shtupun"]);
}

#[test]
fn anaphoric_attack_joins_the_first_report() {
    let l = ledger(
        "A missile strike on the ferry pier killed two dock workers late on Tuesday, regional officials said. \
         The Federal Security Service blamed Ukrainian drones for the attack.",
        "2024-04-10",
    );
    assert_eq!(l.events.len(), 1, "{:#?}", l.events);
    let e = &l.events[0];
    assert_eq!(e.claims.len(), 2);
    assert_eq!(actor_name(&l, &e.actor1), "Military Forces of Ukraine");
    assert_eq!(e.event_type, "Explosions/Remote violence");
}

#[test]
fn detonation_is_a_remote_explosive_event() {
    let l = ledger(
        "A device detonated outside the market in Izium on Friday, the regional police said.",
        "2024-02-10",
    );
    only_event(&l, "Remote explosive/landmine/IED");
}

#[test]
fn deaths_alone_make_a_violent_event() {
    let l = ledger(
        "Four people died and nine were wounded in Kramatorsk overnight, officials said.",
        "2024-02-10",
    );
    assert!(!l.events.is_empty(), "no event: {:#?}", l.events);
}

#[test]
fn gunfire_is_an_attack() {
    let l = ledger(
        "Gunfire broke out near the checkpoint at Kupiansk, the governor said.",
        "2024-02-10",
    );
    assert!(!l.events.is_empty(), "no event: {:#?}", l.events);
}

#[test]
fn broad_cues_outside_conflict_are_not_events() {
    for text in [
        "The striker hit the post twice before the break and the visitors took control of the game.",
        "A cyclist was struck by a delivery van on Main Street on Friday morning.",
        "The senator attacked the budget plan, saying it would fail families.",
        "Volunteers are fighting the flood with sandbags along the river.",
    ] {
        let l = ledger(text, "2024-01-01");
        assert!(l.events.is_empty(), "{text}: {:#?}", l.events);
    }
}

#[test]
fn broad_cues_in_a_war_report_are_events() {
    let l = ledger(
        "Russian troops pressed on near Avdiivka. The attack killed three soldiers, the brigade said.",
        "2024-01-01",
    );
    assert!(
        l.events.iter().any(|e| e.fatalities == Some(3)),
        "{:#?}",
        l.events
    );
}

#[test]
fn by_phrase_after_the_cue_is_the_agent_not_the_target() {
    let l = ledger(
        "Officials said the drone strike on the depot near Novorossiysk was an operation by the navy of Ukraine.",
        "2024-05-01",
    );
    let e = only_event(&l, "Explosions/Remote violence");
    assert!(e.actor2.is_none(), "{:?}", e.actor2);
}

#[test]
fn every_event_carries_the_outcome_class_of_its_cue() {
    let l = ledger(
        "Russian forces captured the village of Klishchiivka, the Russian defence ministry said. \
         Ukrainian troops said the enemy was pushed back near Robotyne. \
         Russian artillery shelled Nikopol overnight, killing three civilians.",
        "2023-09-19",
    );
    let outcome = |trigger: &str| {
        l.events
            .iter()
            .find(|e| e.trigger.contains(trigger))
            .unwrap_or_else(|| panic!("no {trigger:?} event in {:#?}", l.events))
            .outcome
    };
    assert_eq!(outcome("captured"), Some(Outcome::Gain));
    // a gain cue in the passive: the attacker failed
    assert_eq!(outcome("pushed back"), Some(Outcome::Repelled));
    assert_eq!(outcome("shelled"), Some(Outcome::Shelling));
    assert!(
        l.events.iter().all(|e| e.outcome.is_some()),
        "{:#?}",
        l.events
    );
}

#[test]
fn a_report_in_capitals_has_its_event() {
    // cues are matched on the lower-cased view: a headline in capitals reads as well as prose
    let l = ledger(
        "RUSSIAN FORCES SHELLED THE TOWN OF ORIKHIV ON MONDAY.",
        "2024-03-04",
    );
    assert!(
        l.events
            .iter()
            .any(|e| e.sub_event_type == "Shelling/artillery/missile attack"),
        "{:?}",
        l.events
    );
}

#[test]
fn grenades_thrown_in_a_gun_battle_are_the_battle() {
    let l = ledger(
        "A two-hour gun battle between the army and gunmen broke out in Acapulco on Saturday. The soldiers were met by gunmen lobbing hand grenades and firing rifles.",
        "2024-02-11",
    );
    let subs: Vec<&str> = l.events.iter().map(|e| e.sub_event_type.as_str()).collect();
    assert_eq!(subs, vec!["Armed clash"], "{subs:?}");
    // trap: a grenade attack of its own, with its own place, is its own event
    let l = ledger(
        "Fighting broke out between the army and militants in Kunduz on Saturday. In Kabul, a militant threw a grenade at a police checkpoint, wounding two officers.",
        "2024-02-11",
    );
    assert!(
        l.events.iter().any(|e| e.sub_event_type == "Grenade"),
        "{:#?}",
        l.events
    );
}
