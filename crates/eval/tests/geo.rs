//! Runs the geo evaluation on ../shared/eval/geo when it is there and holds the figures above minimums a
//! little below those measured (see crates/eval/GEO.md). Thresholds only ever go up.

use sitrep_eval::geo::{evaluate, CorpusScore};
use std::path::Path;

fn scores() -> Option<Vec<CorpusScore>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval");
    if !dir.join("geo").is_dir() {
        println!(
            "skipped: {} not found (the geo corpora are not part of the project)",
            dir.join("geo").display()
        );
        return None;
    }
    let engine = sitrep_extract::Engine::new(sitrep_gazetteer::Gazetteer::embedded().unwrap());
    Some(evaluate(&dir, None, &engine).expect("geo evaluation"))
}

#[test]
fn geo_minimums() {
    let Some(s) = scores() else { return };
    print!("{}", sitrep_eval::geo::report(&s));
    let get = |name: &str| {
        s.iter()
            .find(|c| c.corpus == name)
            .unwrap_or_else(|| panic!("no {name}"))
    };
    // (corpus, recognition F1, resolution accuracy@161 km, end-to-end accuracy@161 km)
    let minimums = [
        ("LGL", 0.80, 0.825, 0.72),
        ("GeoWebNews", 0.81, 0.905, 0.765),
        ("GeoVirus", 0.91, 0.83, 0.785),
    ];
    for (name, f1, acc, e2e) in minimums {
        let c = get(name);
        assert!(c.f1 >= f1, "{name}: recognition F1 {:.3} < {f1}", c.f1);
        assert!(
            c.acc161 >= acc,
            "{name}: accuracy@161 {:.3} < {acc}",
            c.acc161
        );
        assert!(
            c.end_to_end161 >= e2e,
            "{name}: end-to-end@161 {:.3} < {e2e}",
            c.end_to_end161
        );
    }
    let u = get("UCDP");
    assert!(
        u.ucdp_acc25 >= 0.71,
        "UCDP: within 25 km {:.3} < 0.71",
        u.ucdp_acc25
    );
}

/// UCDP with the GeoNames Ukraine dump imported (as a user would: `sitrep gazetteer import UA.zip`).
#[test]
fn ucdp_with_the_ukraine_dump() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let zip = shared.join("geonames/UA.zip");
    if !zip.is_file() || !shared.join("eval/geo").is_dir() {
        println!("skipped: ../shared/geonames/UA.zip or ../shared/eval/geo not found");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    sitrep_gazetteer::import(&[zip], dir.path()).expect("import UA.zip");
    let gaz = sitrep_gazetteer::Gazetteer::open(&[dir.path().to_path_buf()]).unwrap();
    let engine = sitrep_extract::Engine::new(gaz);
    let s = evaluate(&shared.join("eval"), Some("ucdp"), &engine).expect("ucdp evaluation");
    let u = s.iter().find(|c| c.corpus == "UCDP").expect("UCDP");
    print!("{}", sitrep_eval::geo::report(&s));
    assert!(
        u.ucdp_acc25 >= 0.85,
        "UCDP with UA.zip: within 25 km {:.3} < 0.85",
        u.ucdp_acc25
    );
}
