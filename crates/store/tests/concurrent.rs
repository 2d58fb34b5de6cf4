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

/// What each of a town's four reports tells, one template a day (different enough that no report is a
/// near-copy of another).
const TEMPLATES: [&str; 4] = [
    "Russian forces shelled {town} on Sunday, killing two civilians, the regional governor said. The strike \
     damaged houses and a school in the centre of {town}, he said on Telegram.",
    "Ukrainian troops repelled an assault near {town} at dawn, the General Staff reported, adding that two \
     armoured vehicles were destroyed in fighting that lasted several hours on the approaches to {town}.",
    "A drone hit an oil depot in {town} overnight and started a fire that burned until morning, officials \
     told reporters, while rescuers searched the ruins of a warehouse hit by a second drone.",
    "An air strike destroyed a bridge over the river at {town} on Friday, cutting the road used by \
     evacuation buses; the mayor of {town} said three workers were wounded.",
];

/// A sentence of each town's own, so that a template told of two towns is no near-copy either.
const LOCAL: [&str; 12] = [
    "Queues formed at the only pharmacy still open near the railway station.",
    "Volunteers handed out bread and drinking water from a church courtyard.",
    "The local hospital moved its patients into the basement for the night.",
    "Farmers said the harvest on the southern fields could not be brought in.",
    "Power lines along the eastern district were cut and repair crews waited.",
    "Teachers moved lessons online after the windows of two schools shattered.",
    "Fishermen on the reservoir reported debris floating near the old dam.",
    "A bakery reopened after three days, its owner sweeping glass from the floor.",
    "Miners on the evening shift were brought to the surface as a precaution.",
    "Residents of the high-rise blocks sheltered in a metro-style underpass.",
    "The football stadium was turned into a distribution point for blankets.",
    "Buses from the bus depot carried pensioners to the regional capital.",
];

/// Forty-eight short reports: each town told four times, on four days, by its own outlet.
fn reports() -> String {
    let mut out = String::new();
    for (t, town) in TOWNS.iter().enumerate() {
        for (day, template) in TEMPLATES.iter().enumerate() {
            let date = format!("2024-03-{:02}", 4 + day * 6);
            let text = format!("{} {}", template.replace("{town}", town), LOCAL[t]);
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
    assert_eq!(c1.syndicated, 0, "no report is a copy of another: {c1:?}");
    assert!(c1.events > 0, "{c1:?}");
    assert_eq!(c1, c2);
}
