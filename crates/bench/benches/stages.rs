//! Micro-benchmarks of the hot stages on a report of our own: segmentation, time tagging, and one whole
//! article. `cargo bench -p sitrep-bench --bench stages`; the gazetteer's look-ups are in `benches/gazetteer.rs`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use sitrep_extract::{Engine, InputDoc};
use sitrep_gazetteer::Gazetteer;

const REPORT: &str = include_str!("../../../examples/kupiansk-sample.txt");

fn stages(c: &mut Criterion) {
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(REPORT.len() as u64));
    g.bench_function("segment", |b| {
        b.iter(|| sitrep_text::Text::new(black_box(REPORT)))
    });
    let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 5);
    g.bench_function("times", |b| {
        b.iter(|| sitrep_time::find_times(black_box(REPORT), date))
    });
    let engine = Engine::new(Gazetteer::embedded().expect("gazetteer"));
    let doc = InputDoc {
        id: "bench".into(),
        text: REPORT.into(),
        published: date,
        ..Default::default()
    };
    g.bench_function("whole_article", |b| {
        b.iter(|| engine.extract(black_box(&doc)))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
