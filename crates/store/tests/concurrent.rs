//! Two runs ingesting into one store at once, on reports written for this test: both complete, and the store
//! holds what one run of all the reports stores.

use sitrep_extract::Engine;
use sitrep_store::{Counts, NewDoc, Store};
use std::path::Path;

const TOWNS: [&str; 12] = [
    "Kupiansk",
    "Izium",
    "Vovchansk",
    "Balakliia",
    "Chuhuiv",
    "Lozova",
    "Nikopol",
    "Marhanets",
    "Orikhiv",
    "Huliaipole",
    "Pokrovsk",
    "Kostiantynivka",
];

/// Forty-eight short reports: each town shelled on four days, told by its own outlet.
fn reports() -> String {
    let mut out = String::new();
    for (t, town) in TOWNS.iter().enumerate() {
        for day in 0..4 {
            let date = format!("2024-03-{:02}", 4 + day * 6);
            let killed = ["two", "three", "four", "five"][day];
            let text = format!(
                "Russian forces shelled {town} on Sunday, killing {killed} civilians, the regional governor said. \
                 The strike damaged houses and a school in the centre of {town}, he said on Telegram."
            );
            let line = serde_json::json!({
                "id": format!("report-{t}-{day}"),
                "source": format!("Outlet {t}"),
                "published": date,
                "text": text,
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
    }
    out
}

fn ingest(path: &Path, docs: &[NewDoc]) {
    let mut s = Store::open(path).expect("open");
    for batch in docs.chunks(4) {
        s.ingest_batch(batch).expect("ingest");
    }
}

fn counts(path: &Path) -> Counts {
    Store::open(path).unwrap().counts().unwrap()
}

#[test]
fn two_concurrent_ingests_complete_and_equal_one() {
    let engine = Engine::new(sitrep_gazetteer::Gazetteer::open(&[]).expect("embedded gazetteer"));
    let docs = sitrep_testkit::docs_from_jsonl(&engine, &reports());
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.db");
    ingest(&one, &docs);
    let both = dir.path().join("both.db");
    let (a, b) = docs.split_at(docs.len() / 2);
    // interleaved halves, so the two runs add to the same days and clusters
    let (a, b): (Vec<&NewDoc>, Vec<&NewDoc>) = (
        a.iter().chain(b.iter()).step_by(2).collect(),
        a.iter().chain(b.iter()).skip(1).step_by(2).collect(),
    );
    let own = |v: Vec<&NewDoc>| -> Vec<NewDoc> {
        v.into_iter()
            .map(|d| NewDoc {
                name: d.name.clone(),
                text: d.text.clone(),
                ledger: d.ledger.clone(),
            })
            .collect()
    };
    let (a, b) = (own(a), own(b));
    std::thread::scope(|s| {
        let both = &both;
        let ta = s.spawn(|| ingest(both, &a));
        let tb = s.spawn(|| ingest(both, &b));
        ta.join().expect("the first run completes");
        tb.join().expect("the second run completes");
    });
    let (c1, c2) = (counts(&one), counts(&both));
    assert_eq!(c1.documents, docs.len() as i64);
    assert!(c1.events > 0, "{c1:?}");
    assert_eq!(c1, c2);
}
