//! Actor recognition on sentences written for these tests.
//!
//! Writes: no layer (tests). Reads: the embedded rules and gazetteer.

use crate::testing::ledger;

fn names(text: &str) -> Vec<(String, String, Option<String>)> {
    let l = ledger(text, "2024-05-02");
    l.actors
        .iter()
        .map(|a| (a.name.clone(), a.kind.to_string(), a.affiliation.clone()))
        .collect()
}

fn has(text: &str, name: &str, kind: &str) -> (String, String, Option<String>) {
    let all = names(text);
    all.iter()
        .find(|(n, k, _)| n == name && k == kind)
        .cloned()
        .unwrap_or_else(|| panic!("{name} ({kind}) not among {all:?}"))
}

#[test]
fn titled_person_with_role_and_country() {
    let a = has(
        "Interior Minister Petra Lindqvist said the border would stay closed.",
        "Petra Lindqvist",
        "person",
    );
    assert_eq!(a.0, "Petra Lindqvist");
}

#[test]
fn modifier_role_gives_affiliation() {
    let a = has(
        "Russian militia commander Igor Strelkov wrote that the bridge was lost.",
        "Igor Strelkov",
        "person",
    );
    assert_eq!(a.2.as_deref(), Some("RU"));
}

#[test]
fn known_actor_alias_is_canonical() {
    has(
        "Volodomyr Zelensky thanked the crews of the air defence units.",
        "Volodymyr Zelensky",
        "person",
    );
    has(
        "Zelenskiy visited the front on Friday.",
        "Volodymyr Zelensky",
        "person",
    );
}

#[test]
fn surname_joins_the_full_name() {
    let l = ledger(
        "Defence Minister Ana Kovac arrived in the morning. Kovac said the talks went well.",
        "2024-05-02",
    );
    let a = l
        .actors
        .iter()
        .find(|a| a.name == "Ana Kovac")
        .expect("Ana Kovac");
    assert_eq!(a.mentions.len(), 2, "{:?}", a.mentions);
}

#[test]
fn armed_forces_from_demonym() {
    let a = has(
        "Ukrainian troops dug new trenches along the river.",
        "Military Forces of Ukraine",
        "armed_forces",
    );
    assert_eq!(a.2.as_deref(), Some("UA"));
    has(
        "Russia's forces regrouped overnight.",
        "Military Forces of Russia",
        "armed_forces",
    );
}

#[test]
fn organisation_with_head_word_and_base() {
    let a = has(
        "The London-based Centre for Information Resilience said the video was genuine.",
        "Centre for Information Resilience",
        "organization",
    );
    assert_eq!(a.2.as_deref(), Some("GB"));
}

#[test]
fn ministry_in_lower_case() {
    has(
        "The Polish foreign ministry summoned the ambassador.",
        "Poland foreign ministry",
        "state",
    );
}

#[test]
fn anonymous_sources_keep_their_side() {
    let a = has(
        "Russian-installed officials said the dam was intact.",
        "Russian-installed officials",
        "organization",
    );
    assert_eq!(a.2.as_deref(), Some("RU"));
}

#[test]
fn source_inside_an_organisation_speaks_for_it() {
    let l = ledger(
        "A source in the SBU said the operation had been planned for months.",
        "2024-05-02",
    );
    assert!(
        l.actors
            .iter()
            .any(|a| a.name == "Security Service of Ukraine"),
        "{:?}",
        l.actors
    );
}

#[test]
fn capital_as_subject_is_a_state_actor() {
    has("Moscow denied any role in the blast.", "Russia", "state");
}

#[test]
fn appositive_role_makes_an_unknown_name_a_person() {
    let a = has(
        "Taras Hnatiuk, a spokesman for the southern command, said two boats were sunk.",
        "Taras Hnatiuk",
        "person",
    );
    assert_eq!(a.1, "person");
}

#[test]
fn a_city_after_a_role_is_not_a_person() {
    let all = names("The mayor of Sumy said the power was back.");
    assert!(
        !all.iter().any(|(n, k, _)| n == "Sumy" && k == "person"),
        "{all:?}"
    );
}

#[test]
fn a_place_named_like_a_person_stays_a_place() {
    // "Hong" is a given name and the text quotes a Ms Kong: Hong Kong is still the place
    let text = "Health officials in Hong Kong said the virus had spread. Spokeswoman Sally Kong \
                later said Hong Kong would test more birds.";
    let l = ledger(text, "2024-05-02");
    assert!(
        !l.actors
            .iter()
            .any(|a| a.name == "Hong Kong" && a.kind == sitrep_ledger::ActorKind::Person),
        "{:?}",
        l.actors
    );
    let hk = l
        .places
        .iter()
        .find(|p| p.name == "Hong Kong")
        .expect("Hong Kong is a place");
    assert_eq!(hk.mentions.len(), 2, "{hk:?}");
    has(text, "Sally Kong", "person");
}

#[test]
fn unnamed_forces_of_a_one_country_report_are_that_countrys() {
    let text = "The army said it had killed three gunmen in Kandahar on Friday. Police in Kabul arrested two suspects.";
    assert_eq!(
        has(text, "Military Forces of Afghanistan", "armed_forces")
            .2
            .as_deref(),
        Some("AF")
    );
    has(text, "Police Forces of Afghanistan", "armed_forces");
    // trap: a report of two countries does not tell whose army it is
    let text = "The army said it had repelled an attack near Bakhmut, while Russia's defence ministry said its troops advanced near Avdiivka.";
    assert!(
        !names(text)
            .iter()
            .any(|(n, _, _)| n == "Military Forces of Ukraine"),
        "{:?}",
        names(text)
    );
}
