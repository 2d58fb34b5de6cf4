//! Builds a store of synthetic reports for the serve load test (tools/bench/serve_load.sh):
//! `cargo run --release -p sitrep-serve --example synth_store -- DB EVENTS`.
//!
//! Each report is one generated text with a hand-made ledger (no extraction): one event of one of six
//! ACLED types at one of 4000 places spread over eastern Europe (lon 22..40, lat 44..52), dated within
//! three years, with two actors (sides Ukraine/Russia) and one claim, then 24 random filler words. Reports go through
//! `Store::ingest_batch`, so dedup, clustering and corroboration run as in `sitrep ingest`; about one
//! report in five retells an earlier event (same place, type and day) from another outlet.

use sitrep_ledger::ActorKind;
use sitrep_store::Store;
use sitrep_testkit::HandReport;
use std::path::PathBuf;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        sitrep_store::dedup::mix(self.0)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const TYPES: [(&str, &str, &str); 6] = [
    ("Battles", "Armed clash", "fought"),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "shelled",
    ),
    ("Explosions/Remote violence", "Air/drone strike", "struck"),
    ("Violence against civilians", "Attack", "attacked"),
    (
        "Strategic developments",
        "Looting/property destruction",
        "destroyed",
    ),
    ("Protests", "Peaceful protest", "protested"),
];
const OUTLETS: [&str; 12] = [
    "Reuters",
    "AP",
    "AFP",
    "Kyiv Independent",
    "Ukrainska Pravda",
    "TASS",
    "RIA Novosti",
    "Meduza",
    "BBC",
    "Hromadske",
    "Suspilne",
    "Interfax",
];
const SPOKESPEOPLE: [&str; 8] = [
    "Oleh Syniehubov",
    "Vadym Filashkin",
    "Ivan Fedorov",
    "Nazar Voloshyn",
    "Igor Konashenkov",
    "Andriy Yusov",
    "Yuriy Ihnat",
    "Vitaly Ganchev",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(args.next().expect("usage: synth_store DB EVENTS"));
    let n: usize = args
        .next()
        .map(|s| s.parse().expect("EVENTS is a number"))
        .unwrap_or(100_000);
    let mut rng = Rng(7);
    let places: Vec<(String, f64, f64)> = (0..4000)
        .map(|i| {
            (
                format!("Synthplace{i}"),
                44.0 + 8.0 * rng.unit(),
                22.0 + 18.0 * rng.unit(),
            )
        })
        .collect();
    let base = chrono::NaiveDate::from_ymd_opt(2022, 2, 24).unwrap();
    let mut store = Store::open(&db).expect("open the store");
    let t0 = std::time::Instant::now();
    let mut told: Vec<(usize, usize, i64)> = Vec::new();
    let mut batch = Vec::new();
    for i in 0..n {
        let (pi, ti, day) = if !told.is_empty() && rng.below(5) == 0 {
            told[rng.below(told.len() as u64) as usize]
        } else {
            let e = (
                rng.below(places.len() as u64) as usize,
                rng.below(TYPES.len() as u64) as usize,
                rng.below(3 * 365) as i64,
            );
            told.push(e);
            e
        };
        let (place, lat, lon) = &places[pi];
        let (ty, sub, verb) = TYPES[ti];
        let date = (base + chrono::Duration::days(day))
            .format("%Y-%m-%d")
            .to_string();
        let outlet = OUTLETS[rng.below(OUTLETS.len() as u64) as usize];
        let who = SPOKESPEOPLE[rng.below(SPOKESPEOPLE.len() as u64) as usize];
        let (a1, a2, s1, s2) = if rng.below(2) == 0 {
            ("Russian forces", "Ukrainian forces", "Russia", "Ukraine")
        } else {
            ("Ukrainian forces", "Russian forces", "Ukraine", "Russia")
        };
        let killed = rng.below(6);
        let sentence =
            format!("{a1} {verb} {a2} near {place} on {date}, killing {killed}, {who} said.");
        // varied words after the event sentence: generated texts must not look like syndicated copies
        // of each other (MinHash), as real reports of different events do not
        let filler: Vec<String> = (0..24).map(|_| format!("w{}", rng.below(20_000))).collect();
        let text = format!("{sentence} Report {i} from {outlet}: {}.", filler.join(" "));
        let id = format!("synth-{i}");
        batch.push(
            HandReport {
                id: &id,
                text: &text,
                published: &date,
                title: Some(format!("{place}: {sub}")),
                outlet,
                place: (place, *lat, *lon),
                actors: [
                    (a1, s1, ActorKind::ArmedForces),
                    (a2, s2, ActorKind::ArmedForces),
                    (who, s2, ActorKind::Person),
                ],
                event_type: ty,
                sub_event_type: sub,
                trigger: verb,
                date: &date,
                fatalities: Some(killed),
                // hand-made, not read from a cue: no outcome class (some types here have none)
                outcome: None,
                evidence: &sentence,
            }
            .doc(),
        );
        if batch.len() == 1000 {
            store.ingest_batch(&batch).expect("store the batch");
            batch.clear();
            eprint!("\r{} reports", i + 1);
        }
    }
    store.ingest_batch(&batch).expect("store the batch");
    store
        .conn()
        .execute_batch("ANALYZE")
        .expect("analyze the store");
    let c = store.counts().expect("counts");
    eprintln!(
        "\r{} documents, {} events in {} clusters ({} with several reports) in {:.0} s into {}",
        c.documents,
        c.events,
        c.clusters,
        c.multi_report_clusters,
        t0.elapsed().as_secs_f64(),
        db.display()
    );
}
