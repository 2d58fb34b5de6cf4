//! The shared evaluation corpus (../shared/eval next to the workspace) through the store, exported as
//! ACLED CSV and Parquet, and the Parquet read back cell by cell. Skipped when ../shared/eval is absent.
//! (The binary's own ingest + CSV/GeoJSON check on that corpus is tests/store.rs at the workspace root.)
mod common;

use sitrep_extract::Engine;
use sitrep_store::cluster::Filter;
use sitrep_store::{NewDoc, Store};

#[test]
fn shared_corpus_exports_parquet_equal_to_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let Some(corpus) = sitrep_testkit::shared_corpus(dir.path(), "Parquet") else {
        return;
    };
    let engine = Engine::new(sitrep_gazetteer::Gazetteer::open(&[]).expect("embedded gazetteer"));
    let text = std::fs::read_to_string(&corpus).unwrap();
    let docs: Vec<NewDoc> = sitrep_testkit::docs_from_jsonl(&engine, &text);
    assert!(docs.len() > 1000, "{} documents", docs.len());
    let mut s = Store::open(&dir.path().join("shared.db")).unwrap();
    for batch in docs.chunks(64) {
        s.ingest_batch(batch).unwrap();
    }
    let cs = s.clusters(&Filter::default()).unwrap();
    assert!(!cs.is_empty());
    let mut csv_out = Vec::new();
    sitrep_store::export::acled_csv(&cs, &mut csv_out).unwrap();
    let path = dir.path().join("events.parquet");
    sitrep_store::export::parquet(&cs, std::fs::File::create(&path).unwrap()).unwrap();
    let rows = common::assert_parquet_equals_csv(&path, &csv_out);
    assert_eq!(rows, cs.len());
    println!(
        "shared corpus: {} documents, {} clusters; Parquet {} bytes, CSV {} bytes",
        docs.len(),
        rows,
        std::fs::metadata(&path).unwrap().len(),
        csv_out.len()
    );
}
