//! The store reads an event's outcome class from its ledger; events without one (ledgers written before
//! the field) are guessed from the sub-event type and the trigger as before.
use sitrep_extract::Engine;
use sitrep_ledger::{ActorKind, Outcome};
use sitrep_store::cluster::Filter;
use sitrep_store::{NewDoc, Store};
use sitrep_testkit::HandReport;

/// A hand-made report (no extraction): `attacker` against `defender` at Robotyne, told by `source`.
fn report(
    id: &str,
    outlet: &str,
    text: &str,
    (sub, trigger, outcome): (&str, &str, Option<Outcome>),
    (attacker, defender): (&str, &str),
    source: &str,
) -> NewDoc {
    let side = |name: &str| if name.contains("Russia") { "RU" } else { "UA" };
    HandReport {
        id,
        text,
        published: "2023-08-28",
        title: None,
        outlet,
        place: ("Robotyne", 47.4497, 35.8351),
        actors: [
            (attacker, side(attacker), ActorKind::ArmedForces),
            (defender, side(defender), ActorKind::ArmedForces),
            (source, side(source), ActorKind::Organization),
        ],
        event_type: "Battles",
        sub_event_type: sub,
        trigger,
        date: "2023-08-27",
        fatalities: None,
        outcome,
        evidence: text.trim_end_matches('.'),
    }
    .doc()
}

const RU: &str = "Military Forces of Russia";
const UA: &str = "Military Forces of Ukraine";
const RU_MOD: &str = "Russian Defence Ministry";
const UA_GS: &str = "Ukrainian General Staff";

/// A Russian capture of Robotyne and a Ukrainian report that the attack was fended off; `trigger` and
/// `outcome` of the second are the test's.
fn captured_and_held(trigger: &str, outcomes: bool) -> (tempfile::TempDir, Store) {
    let take = |o| if outcomes { Some(o) } else { None };
    let captured = format!("{RU} seized Robotyne from {UA} on Sunday, the {RU_MOD} said.");
    let held = format!("{UA} {trigger} an attack by {RU} on Robotyne on Sunday, the {UA_GS} said.");
    let docs = vec![
        report(
            "moscow",
            "Moscow Herald",
            &captured,
            (
                "Non-state actor overtakes territory",
                "seized",
                take(Outcome::Gain),
            ),
            (RU, UA),
            RU_MOD,
        ),
        report(
            "kyiv",
            "Kyiv Monitor",
            &held,
            ("Armed clash", trigger, take(Outcome::Repelled)),
            (RU, UA),
            UA_GS,
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("t.db")).unwrap();
    s.ingest_batch(&docs).unwrap();
    (dir, s)
}

fn verification(s: &Store) -> String {
    let a = s.cluster_of("moscow", "e1").unwrap().unwrap();
    assert_eq!(
        s.cluster_of("kyiv", "e1").unwrap().as_deref(),
        Some(a.as_str()),
        "one cluster"
    );
    let cs = s.clusters(&Filter::default()).unwrap();
    cs.iter()
        .find(|c| c.id == a)
        .unwrap()
        .summary
        .verification
        .clone()
}

fn holders(s: &Store) -> Vec<(String, Option<String>)> {
    s.control_timeline(Some("Robotyne"))
        .unwrap()
        .into_iter()
        .map(|r| (r.holder, r.according_to))
        .collect()
}

#[test]
fn the_stored_outcome_decides_control_and_the_dispute() {
    // "fended off" is no word the old guess knew: the outcome says it was a repelled attack
    let (_d, s) = captured_and_held("fended off", true);
    let stored: Vec<Option<String>> = s
        .conn()
        .prepare("SELECT outcome FROM events ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        stored,
        vec![Some("gain".to_string()), Some("repelled".to_string())]
    );
    assert_eq!(verification(&s), "disputed");
    let h = holders(&s);
    assert!(h.contains(&("RU".into(), Some(RU_MOD.into()))), "{h:?}");
    assert!(h.contains(&("UA".into(), Some(UA_GS.into()))), "{h:?}");
}

#[test]
fn events_without_an_outcome_are_guessed_as_before() {
    // a trigger the guess knows: labelled as before
    let (_d, s) = captured_and_held("repelled", false);
    assert_eq!(verification(&s), "disputed");
    let h = holders(&s);
    assert!(h.contains(&("RU".into(), Some(RU_MOD.into()))), "{h:?}");
    assert!(h.contains(&("UA".into(), Some(UA_GS.into()))), "{h:?}");
    // a trigger it does not know: no repelled attack, two sources that agree on nothing else
    let (_d, s) = captured_and_held("fended off", false);
    assert_eq!(verification(&s), "corroborated");
    assert_eq!(
        holders(&s),
        vec![("RU".to_string(), Some(RU_MOD.to_string()))]
    );
}

/// Extraction fills the outcome, and the repelled attack of the fixtures labels its cluster as before.
#[test]
fn extracted_reports_store_their_outcome() {
    let engine = Engine::new(sitrep_gazetteer::Gazetteer::open(&[]).expect("embedded gazetteer"));
    let docs = sitrep_testkit::docs_from_jsonl(&engine, include_str!("fixtures/reports.jsonl"));
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("t.db")).unwrap();
    s.ingest_batch(&docs).unwrap();
    let missing: i64 = s
        .conn()
        .query_row(
            "SELECT count(*) FROM events WHERE outcome IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(missing, 0);
    let outcome = |name: &str| -> String {
        s.conn()
            .query_row(
                "SELECT e.outcome FROM events e JOIN documents d ON d.id = e.doc WHERE d.name = ?1 AND e.event_id = 'e1'",
                [name],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(outcome("moscow-herald-2"), "gain");
    assert_eq!(outcome("kyiv-monitor-9"), "repelled");
    let c = s.cluster_of("kyiv-monitor-9", "e1").unwrap().unwrap();
    let cs = s.clusters(&Filter::default()).unwrap();
    assert_eq!(
        cs.iter().find(|x| x.id == c).unwrap().summary.verification,
        "disputed"
    );
}
