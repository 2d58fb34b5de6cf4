//! Criterion benchmarks of the gazetteer: exact, variant and fuzzy look-ups, admin-1 polygons, and
//! start-up (open + first look-up). Names of our own; `SITREP_GAZ_DIR=/tmp/gaz-ua` adds an imported
//! index. `cargo bench -p sitrep-bench --bench gazetteer`; plain figures: `geo-bench`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use sitrep_gazetteer::Gazetteer;
use std::path::PathBuf;
use std::time::Duration;

const NAMES: &[&str] = &[
    "Kupiansk",
    "Kharkiv",
    "Synkivka",
    "Moscow",
    "Kyiv",
    "Zaporizhzhia",
    "Russia",
    "Odesa",
    "Robotyne",
    "Peskov",
    "Springfield",
    "Paris",
    "Novoselivka",
    "Nowhereville",
    "Donetsk region",
    "Lyman",
];
const VARIANTS: &[&str] = &[
    "Selydovo",
    "Novohrodovka",
    "Zolotoye",
    "Shirokaya Balka",
    "Kharkov",
];

fn gazetteers() -> Vec<(String, Gazetteer)> {
    let mut out = vec![(
        "embedded".to_string(),
        Gazetteer::embedded().expect("gazetteer"),
    )];
    if let Some(d) = std::env::var_os("SITREP_GAZ_DIR") {
        let d = PathBuf::from(d);
        out.push((
            "imported".to_string(),
            Gazetteer::open(&[d]).expect("index"),
        ));
    }
    out
}

fn gazetteer(c: &mut Criterion) {
    let mut g = c.benchmark_group("gazetteer");
    g.measurement_time(Duration::from_secs(3));
    for (label, gaz) in gazetteers() {
        g.throughput(Throughput::Elements(NAMES.len() as u64));
        g.bench_function(format!("lookup/{label}"), |b| {
            b.iter(|| {
                for n in NAMES {
                    black_box(gaz.lookup(n));
                }
            })
        });
        g.throughput(Throughput::Elements(VARIANTS.len() as u64));
        g.bench_function(format!("lookup_variants/{label}"), |b| {
            b.iter(|| {
                for n in VARIANTS {
                    black_box(gaz.lookup_variants(n));
                }
            })
        });
        g.throughput(Throughput::Elements(1));
        g.bench_function(format!("lookup_fuzzy/{label}"), |b| {
            b.iter(|| black_box(gaz.lookup_fuzzy("Zaporzhhia", 2)))
        });
    }
    g.bench_function("open_and_first_lookup/embedded", |b| {
        b.iter(|| {
            let gaz = Gazetteer::embedded().expect("gazetteer");
            black_box(gaz.lookup("Kharkiv"))
        })
    });
    if let Some(d) = std::env::var_os("SITREP_GAZ_DIR") {
        let dirs = [PathBuf::from(d)];
        g.bench_function("open_and_first_lookup/imported", |b| {
            b.iter(|| {
                let gaz = Gazetteer::open(&dirs).expect("index");
                black_box(gaz.lookup("Kharkiv"))
            })
        });
    }
    let points = [
        (47.47, 35.79),
        (49.99, 36.23),
        (43.5, 34.0),
        (30.27, -97.74),
        (-33.9, 151.2),
    ];
    g.throughput(Throughput::Elements(points.len() as u64));
    g.bench_function("admin1_at", |b| {
        b.iter(|| {
            for (la, lo) in points {
                black_box(sitrep_gazetteer::admin1_at(la, lo));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, gazetteer);
criterion_main!(benches);
