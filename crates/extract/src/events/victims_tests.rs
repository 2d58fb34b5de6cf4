//! The victims of events as actor2 (`events/victims.rs`), on sentences written for these tests: half of them
//! traps where the people named are not the victims or cannot be named.
//!
//! Writes: no layer (tests). Reads: the embedded rules and gazetteer.

use crate::testing::{actor_name, ledger};
use sitrep_ledger::Ledger;

/// The names of actor2 of every event, and the texts of the mentions of the actor named `name`.
fn targets(l: &Ledger) -> Vec<String> {
    l.events.iter().map(|e| actor_name(l, &e.actor2)).collect()
}

fn mentions_of(l: &Ledger, name: &str) -> Vec<String> {
    l.actors
        .iter()
        .filter(|a| a.name == name)
        .flat_map(|a| a.mentions.iter().map(|m| m.text.clone()))
        .collect()
}

#[test]
fn civilians_killed_by_shelling_are_its_target() {
    let l = ledger(
        "Russian shelling killed 13 people and wounded 71 in Kherson on Monday.",
        "2024-02-10",
    );
    assert_eq!(targets(&l), vec!["Civilians (Ukraine)"]);
    let e = &l.events[0];
    assert_eq!(e.civilian_targeting, Some(true), "{e:?}");
    assert_eq!(e.inter2, Some(7));
    assert_eq!(mentions_of(&l, "Civilians (Ukraine)"), vec!["people", "71"]);
}

#[test]
fn passive_victims_before_the_harm_word() {
    let l = ledger(
        "A man was killed and two women were injured when a drone hit a bus in Nikopol.",
        "2024-02-10",
    );
    assert_eq!(targets(&l), vec!["Civilians (Ukraine)"]);
    assert_eq!(mentions_of(&l, "Civilians (Ukraine)"), vec!["man", "women"]);
}

#[test]
fn soldiers_are_the_forces_of_their_demonym() {
    let l = ledger(
        "A roadside bomb killed four Afghan soldiers and wounded another two in Helmand.",
        "2019-03-01",
    );
    assert_eq!(targets(&l), vec!["Military Forces of Afghanistan"]);
    assert_ne!(l.events[0].civilian_targeting, Some(true));
}

#[test]
fn trap_the_attackers_are_not_victims() {
    // the soldiers act: the subject of an active harm verb is no victim; their killing of villagers is an attack
    // on civilians, not a clash
    let l = ledger(
        "Russian soldiers killed three villagers near Bucha, residents said.",
        "2022-04-03",
    );
    assert_eq!(mentions_of(&l, "Civilians (Ukraine)"), vec!["villagers"]);
    let e = &l.events[0];
    assert_eq!(actor_name(&l, &e.actor1), "Military Forces of Russia");
    assert_eq!(
        (e.event_type.as_str(), e.sub_event_type.as_str()),
        ("Violence against civilians", "Attack")
    );
}

#[test]
fn trap_people_after_a_break_are_not_victims() {
    // "residents" tell of the attack: a place and a comma stand between them and the harm word
    let l = ledger(
        "A missile strike killed two soldiers in Kramatorsk, residents said.",
        "2023-06-27",
    );
    assert!(
        mentions_of(&l, "Civilians (Ukraine)").is_empty(),
        "{:#?}",
        l.actors
    );
}

#[test]
fn trap_civilians_caught_in_a_battle_are_not_its_target() {
    let l = ledger(
        "Ukrainian and Russian troops clashed near Avdiivka, where two civilians were killed.",
        "2023-10-20",
    );
    let e = l
        .events
        .iter()
        .find(|e| e.event_type == "Battles")
        .expect("a battle");
    assert_ne!(actor_name(&l, &e.actor2), "Civilians (Ukraine)");
}

#[test]
fn trap_soldiers_of_no_named_side_are_nobody() {
    // no demonym, no actor: the ledger cannot say whose soldiers died, and does not guess
    let l = ledger(
        "An explosion at the depot killed two soldiers, officials said.",
        "2023-06-27",
    );
    assert!(
        l.actors
            .iter()
            .all(|a| !a.name.starts_with("Military Forces")),
        "{:#?}",
        l.actors
    );
}

// ---------------------------------------------------------------- unnamed attackers (events/perpetrators.rs)

#[test]
fn gunmen_are_an_unidentified_armed_group_of_the_place() {
    let l = ledger(
        "Gunmen opened fire on a bus near Baghdad on Sunday.",
        "2024-03-03",
    );
    let e = &l.events[0];
    assert_eq!(actor_name(&l, &e.actor1), "Unidentified Armed Group (Iraq)");
    assert_eq!(
        mentions_of(&l, "Unidentified Armed Group (Iraq)"),
        vec!["Gunmen"]
    );
}

#[test]
fn the_agent_after_by_is_the_attacker() {
    let l = ledger(
        "A checkpoint near Mosul was attacked by militants on Friday, killing two policemen.",
        "2024-03-03",
    );
    let e = &l.events[0];
    assert_eq!(actor_name(&l, &e.actor1), "Unidentified Armed Group (Iraq)");
}

#[test]
fn trap_a_named_group_keeps_its_name() {
    let l = ledger(
        "Taliban gunmen attacked a checkpoint in Helmand Province on Tuesday.",
        "2019-03-05",
    );
    let e = &l.events[0];
    assert_eq!(actor_name(&l, &e.actor1), "Taliban");
    assert!(l.actors.iter().all(|a| !a.name.starts_with("Unidentified")));
}

#[test]
fn trap_gunmen_killed_are_not_the_attackers() {
    // the gunmen are the victims of the soldiers' fire: after the cue, not its subject or agent
    let l = ledger(
        "Iraqi soldiers killed three gunmen near Mosul on Friday.",
        "2024-03-03",
    );
    let e = &l.events[0];
    assert_eq!(actor_name(&l, &e.actor1), "Military Forces of Iraq");
    // the unnamed gunmen are the target: an unidentified armed group as actor2, never actor1
    assert_eq!(actor_name(&l, &e.actor2), "Unidentified Armed Group (Iraq)");
}

#[test]
fn trap_a_claim_of_responsibility_names_the_attacker() {
    let l = ledger(
        "Hamas claimed responsibility for the rocket attack on Ashkelon on Monday.",
        "2024-03-04",
    );
    assert_eq!(actor_name(&l, &l.events[0].actor1), "Hamas");
}

// ---------------------------------------------------------------- one happening over a few sentences, the gate

#[test]
fn the_dead_of_a_battle_are_that_battle() {
    let l = ledger(
        "A two-hour gun battle broke out between the Mexican Army and drug gang gunmen in Acapulco on Saturday. \
         Two soldiers and 16 gunmen were killed in the battle.",
        "2009-06-07",
    );
    assert_eq!(l.events.len(), 1, "{:#?}", l.events);
}

#[test]
fn trap_strikes_at_two_places_are_two_events() {
    let l = ledger(
        "Russian missiles hit Odesa on Monday. Drones struck Kharkiv hours later.",
        "2024-03-04",
    );
    assert_eq!(l.events.len(), 2, "{:#?}", l.events);
}

#[test]
fn deaths_in_a_flood_report_are_the_floods() {
    let l = ledger(
        "The flooding in Pakistan has spread. Floodwaters reached Sindh after the monsoon rains. \
         The UN reports it has left at least 1,600 people dead.",
        "2010-08-14",
    );
    assert!(l.events.is_empty(), "{:#?}", l.events);
}

#[test]
fn trap_shelling_in_a_flood_report_is_shelling() {
    let l = ledger(
        "The flooding in Kherson has spread after the dam collapse. Floodwaters reached the old town. \
         Russian artillery shelled the evacuation point, killing two rescuers.",
        "2023-06-07",
    );
    assert!(!l.events.is_empty());
}

#[test]
fn animals_killed_are_no_event() {
    let l = ledger(
        "Soldiers killed 10,000 chickens near Kharkiv to stop the bird flu.",
        "2024-03-04",
    );
    assert!(l.events.is_empty(), "{:#?}", l.events);
}

fn attackers(l: &Ledger) -> Vec<String> {
    l.events.iter().map(|e| actor_name(l, &e.actor1)).collect()
}

#[test]
fn who_died_is_never_the_attacker() {
    let l = ledger(
        "Major General Ivan Petrov died after a roadside bomb exploded under a convoy near Deir ez-Zor on Monday.",
        "2024-02-10",
    );
    assert!(
        !attackers(&l).iter().any(|a| a.contains("Petrov")),
        "{:?}",
        attackers(&l)
    );
    // trap: the subject of an attack is its attacker
    let l = ledger(
        "Taliban gunmen attacked an army checkpoint in Helmand on Monday.",
        "2024-02-10",
    );
    assert_eq!(attackers(&l), vec!["Taliban"]);
}

#[test]
fn unnamed_insurgents_killed_are_an_unidentified_armed_group() {
    let l = ledger(
        "Twenty insurgents were killed in an army raid in Kunduz province, Afghanistan, on Monday.",
        "2024-02-10",
    );
    assert!(
        targets(&l)
            .iter()
            .any(|t| t.starts_with("Unidentified Armed Group")),
        "{:?}",
        targets(&l)
    );
    // trap: soldiers of a named country are its forces, not an unidentified group
    let l = ledger(
        "Twenty Afghan soldiers were killed in an ambush in Kunduz province on Monday.",
        "2024-02-10",
    );
    assert_eq!(targets(&l), vec!["Military Forces of Afghanistan"]);
}

#[test]
fn they_opening_a_sentence_is_the_armed_group_before_it() {
    let l = ledger(
        "Taliban gunmen and suicide bombers attacked an army base in Helmand province on Monday. They killed 23 soldiers and wounded 15.",
        "2024-02-10",
    );
    assert!(
        mentions_of(&l, "Taliban").contains(&"They".to_string()),
        "{:?}",
        l.actors
    );
    // trap: "They" after civilians only is not an armed group
    let l = ledger(
        "Residents of the village gathered at the school on Monday. They said the road had been closed.",
        "2024-02-10",
    );
    assert!(l
        .actors
        .iter()
        .all(|a| !a.mentions.iter().any(|m| m.text == "They")
            || a.kind != sitrep_ledger::ActorKind::ArmedGroup));
}

#[test]
fn trap_attackers_who_left_people_dead_stay_the_attackers() {
    let l = ledger(
        "Taliban gunmen left five dead after they attacked an army checkpoint in Helmand on Monday.",
        "2024-02-10",
    );
    assert!(
        attackers(&l).contains(&"Taliban".to_string()),
        "{:?}",
        attackers(&l)
    );
}
