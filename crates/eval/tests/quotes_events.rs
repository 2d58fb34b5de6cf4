//! Runs the quotes (PolNeAR dev) and events (WikiEvents dev, PLOVER) evaluations when ../shared/eval is there
//! and holds the figures above minimums a little below those measured (see crates/eval/QUOTES_EVENTS.md).
//! Thresholds only ever go up.

use std::path::Path;

fn setup() -> Option<(std::path::PathBuf, sitrep_extract::Engine)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval");
    if !dir.join("quotes").is_dir() || !dir.join("events").is_dir() {
        println!(
            "skipped: {} not found (the corpora are not part of the project)",
            dir.display()
        );
        return None;
    }
    let engine = sitrep_extract::Engine::new(sitrep_gazetteer::Gazetteer::embedded().unwrap());
    Some((dir, engine))
}

#[test]
fn quotes_minimums() {
    let Some((dir, engine)) = setup() else { return };
    let s = sitrep_eval::quotes::evaluate(&dir, &engine).expect("quotes evaluation");
    print!("{}", sitrep_eval::quotes::report(&s));
    assert!(s.direct.f1 >= 0.93, "direct-quote F1 {:.3}", s.direct.f1);
    assert!(
        s.direct.speaker_accuracy >= 0.93,
        "speaker accuracy {:.3}",
        s.direct.speaker_accuracy
    );
    let i = &s.indirect;
    assert!(i.f1 >= 0.72, "indirect F1 {:.3}", i.f1);
    assert!(i.recall >= 0.60, "indirect recall {:.3}", i.recall);
    assert!(i.precision >= 0.90, "indirect precision {:.3}", i.precision);
    assert!(
        i.speaker_accuracy >= 0.89,
        "indirect source accuracy {:.3}",
        i.speaker_accuracy
    );
    assert!(
        s.partial.speaker_accuracy >= 0.845,
        "partial speaker accuracy {:.3}",
        s.partial.speaker_accuracy
    );
}

#[test]
fn events_minimums() {
    let Some((dir, engine)) = setup() else { return };
    let s = sitrep_eval::events::evaluate(&dir, &engine).expect("events evaluation");
    print!("{}", sitrep_eval::events::report(&s));
    assert!(s.f1 >= 0.73, "event detection F1 {:.3}", s.f1);
    assert!(
        s.place.accuracy() >= 0.39,
        "place accuracy {:.3}",
        s.place.accuracy()
    );
    assert!(
        s.actor1.accuracy() >= 0.35,
        "actor1 accuracy {:.3}",
        s.actor1.accuracy()
    );
    assert!(
        s.actor2.accuracy() >= 0.30,
        "actor2 accuracy {:.3}",
        s.actor2.accuracy()
    );
    assert!(
        s.plover_actor2.accuracy() >= 0.28,
        "PLOVER actor2 {:.3}",
        s.plover_actor2.accuracy()
    );
    assert!(
        s.plover_actor1.accuracy() >= 0.30,
        "PLOVER actor1 {:.3}",
        s.plover_actor1.accuracy()
    );
}

#[test]
fn case_and_geovirus_minimums() {
    let Some((dir, engine)) = setup() else { return };
    let Some(c) = sitrep_eval::events::evaluate_case(&dir, &engine).expect("CASE evaluation")
    else {
        println!("skipped: events/case2021_task2/dev.tsv not found");
        return;
    };
    println!(
        "CASE macro-F1 {:.3}; outside ACLED with an event {}/{}",
        c.macro_f1, c.non_acled_with_event, c.non_acled
    );
    assert_eq!(c.classes.len(), 25, "ACLED's 25 sub-event types");
    assert!(c.macro_f1 >= 0.70, "CASE macro-F1 {:.3}", c.macro_f1);
    assert!(
        c.non_acled_with_event * 100 <= 10 * c.non_acled,
        "outside ACLED with an event {}/{}",
        c.non_acled_with_event,
        c.non_acled
    );
    if let Some((docs, events)) =
        sitrep_eval::events::evaluate_geovirus(&dir, &engine).expect("GeoVirus events")
    {
        println!("GeoVirus: {events} events in {docs} articles");
        assert!(events * 100 <= 9 * docs, "GeoVirus events per 100 articles");
    }
}
