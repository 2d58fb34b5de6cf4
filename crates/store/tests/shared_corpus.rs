//! The shared evaluation corpus (../shared/eval next to the workspace) through the store, exported as
//! ACLED CSV and Parquet, and the Parquet read back cell by cell. Skipped when ../shared/eval is absent.
//! (The binary's own ingest + CSV/GeoJSON check on that corpus is tests/store.rs at the workspace root.)
mod common;

use sitrep_extract::Engine;
use sitrep_store::cluster::Filter;
use sitrep_store::{NewDoc, Store};
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn shared_corpus_exports_parquet_equal_to_the_csv() {
    let shared = workspace().join("../shared");
    if !shared.join("eval").is_dir() {
        println!("note: ../shared/eval is absent; the shared-corpus Parquet test is skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let made = Command::new("python3")
        .arg(workspace().join("tools/bench/make_corpus.py"))
        .arg("--shared")
        .arg(&shared)
        .arg("--out")
        .arg(&corpus)
        .output();
    match made {
        Ok(o) if o.status.success() => {}
        other => {
            println!("note: could not build the corpus with python3 ({other:?}); skipped");
            return;
        }
    }
    let engine = Engine::new(sitrep_gazetteer::Gazetteer::open(&[]).expect("embedded gazetteer"));
    let text = std::fs::read_to_string(&corpus).unwrap();
    let docs: Vec<NewDoc> = common::docs_from_jsonl(&engine, &text);
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
