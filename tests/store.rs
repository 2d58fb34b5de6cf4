//! End-to-end tests of `sitrep ingest`, `query` and `export`: resuming after kill -9, bad documents,
//! and the shared evaluation corpus (when ../shared/eval is there).

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn sitrep() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
}

fn ingest(db: &Path, inputs: &[&Path], extra: &[&str]) -> Command {
    let mut c = sitrep();
    c.arg("ingest")
        .arg("--no-default-gazetteer")
        .arg("--db")
        .arg(db)
        .args(extra)
        .args(inputs);
    c
}

/// `sitrep export --format FORMAT` of the store into the file `out`, run to its end.
fn export(db: &Path, format: &str, out: &Path) -> Output {
    sitrep()
        .args(["export", "--format", format, "--db"])
        .arg(db)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap()
}

fn summary(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON summary ({e}): {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

fn count(db: &Path, table: &str) -> i64 {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    c.busy_timeout(Duration::from_secs(5)).unwrap();
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or(0)
}

const PLACES: &[&str] = &[
    "Vovchansk",
    "Kupiansk",
    "Lyptsi",
    "Staryi Saltiv",
    "Chasiv Yar",
    "Bakhmut",
    "Orikhiv",
    "Kurakhove",
    "Selydove",
    "Myrnohrad",
];
const WHAT: &[&str] = &[
    "shelled",
    "struck with drones",
    "attacked",
    "hit with artillery",
];

/// Reports written for the test, all different (place, day, numbers and wording vary).
fn synthetic(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let p = PLACES[i % PLACES.len()];
        let w = WHAT[(i / 10) % WHAT.len()];
        let day = 1 + (i / 40) % 28;
        let text = format!(
            "Russian forces {w} {p} on 2024-04-{day:02}, killing {k} people and damaging {h} houses, officials said in report number {i}. \
             Repair crew {c} restored power to {b} buildings by the evening, and {r} residents were moved to shelters in the district centre.",
            k = i % 7 + 1, h = i % 13 + 2, c = i * 7 % 101, b = i % 29 + 3, r = i * 3 % 211 + 10
        );
        s += &serde_json::json!({"id": format!("syn-{i}"), "text": text, "published": format!("2024-04-{day:02}"), "source": format!("Outlet {}", i % 5)}).to_string();
        s.push('\n');
    }
    s
}

#[test]
fn kill_9_mid_run_then_resume_loses_and_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.jsonl");
    let n = 6000;
    std::fs::write(&input, synthetic(n)).unwrap();
    let db = dir.path().join("killed.db");
    let mut child = ingest(&db, &[&input], &["--batch", "16"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // wait for the first batches to land, then SIGKILL
    let t = Instant::now();
    let mut stored = 0;
    while t.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
        if db.exists() {
            stored = count(&db, "documents");
            if stored > 0 {
                break;
            }
        }
    }
    let finished = child.try_wait().unwrap().is_some();
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(
        !finished,
        "the run ended before it could be killed: make the input bigger"
    );
    let at_kill = count(&db, "documents");
    eprintln!("killed with {at_kill} of {n} documents stored");
    assert!(at_kill > 0 && (at_kill as usize) < n, "{at_kill}");
    // again: the rest is stored, nothing twice
    let o = ingest(&db, &[&input], &["--json"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let s = summary(&o);
    assert_eq!(s["duplicate"].as_u64().unwrap() as i64, at_kill.max(stored));
    // the same as one uninterrupted run
    let clean = dir.path().join("clean.db");
    let o2 = ingest(&clean, &[&input], &["--json"]).output().unwrap();
    assert!(o2.status.success());
    for table in [
        "documents",
        "events",
        "claims",
        "clusters",
        "sightings",
        "control",
    ] {
        assert_eq!(count(&db, table), count(&clean, table), "{table}");
    }
    assert_eq!(
        count(&db, "documents") + summary(&o2)["duplicate"].as_i64().unwrap(),
        n as i64
    );
    // a third run adds nothing
    let o3 = ingest(&db, &[&input], &["--json"]).output().unwrap();
    assert_eq!(summary(&o3)["duplicate"].as_u64().unwrap() as usize, n);
    assert_eq!(count(&db, "events"), count(&clean, "events"));
}

#[test]
fn bad_documents_are_named_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("in");
    std::fs::create_dir(&f).unwrap();
    std::fs::write(f.join("good.txt"), "Russian forces shelled Vovchansk on Sunday, killing two civilians, the regional governor said.").unwrap();
    std::fs::write(f.join("binary.txt"), [0u8, 1, 2, 3, 0, 255, 254, 0, 7, 8]).unwrap();
    std::fs::write(
        f.join("latin1.txt"),
        b"Shelling hit the caf\xe9 in Kupiansk on Monday, officials said.",
    )
    .unwrap();
    std::fs::write(f.join("broken.html"), "<html><body><div><<<</div></scr").unwrap();
    std::fs::write(f.join("page.html"), "<html><head><title>Strike</title><meta property=\"og:site_name\" content=\"Test Courier\"></head><body><article><p>A drone strike hit a fuel depot near Lyptsi overnight, damaging two tanks, the regional administration said on Tuesday morning.</p><p>Firefighters put out the blaze by dawn.</p></article></body></html>").unwrap();
    std::fs::write(
        f.join("docs.jsonl"),
        "{\"id\":\"j1\",\"text\":\"Ukrainian forces repelled an attack near Orikhiv on Friday, the General Staff said.\"}\n{\"id\": broken\n",
    )
    .unwrap();
    let db = dir.path().join("t.db");
    let o = ingest(&db, &[&f], &["--json"]).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let s = summary(&o);
    assert_eq!(s["new"].as_u64(), Some(3), "{s}");
    assert_eq!(s["failed"].as_u64(), Some(4), "{s}");
    for name in ["binary.txt", "latin1.txt", "broken.html", "docs.jsonl:2"] {
        assert!(err.contains(name), "{name} not named in: {err}");
    }
    assert_eq!(count(&db, "documents"), 3);
    let outlets: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT group_concat(outlet) FROM documents", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(outlets.contains("Test Courier"), "{outlets}");
}

#[test]
fn shared_corpus_ingests_and_exports_valid_acled_csv_and_geojson() {
    let dir = tempfile::tempdir().unwrap();
    let Some(corpus) = sitrep_testkit::shared_corpus(dir.path(), "ingest") else {
        return;
    };
    let db = dir.path().join("shared.db");
    let o = ingest(&db, &[&corpus], &["--json"]).output().unwrap();
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let s = summary(&o);
    println!(
        "shared corpus: {} new, {} syndicated, {} duplicate, {} failed in {:.1} s = {:.0} documents/s; database {}",
        s["new"], s["syndicated"], s["duplicate"], s["failed"], s["seconds"].as_f64().unwrap(), s["docs_per_second"].as_f64().unwrap(), s["database"]
    );
    assert!(s["new"].as_u64().unwrap() > 1000, "{s}");
    let clusters = count(&db, "clusters");
    // ACLED CSV
    let csv_path = dir.path().join("acled.csv");
    let e = export(&db, "acled-csv", &csv_path);
    assert!(e.status.success(), "{}", String::from_utf8_lossy(&e.stderr));
    let mut r = csv::Reader::from_path(&csv_path).unwrap();
    let h = r.headers().unwrap().clone();
    let col = |n: &str| {
        h.iter()
            .position(|x| x == n)
            .unwrap_or_else(|| panic!("no column {n}"))
    };
    let (date, year, lat, lon, fat, tp) = (
        col("event_date"),
        col("year"),
        col("latitude"),
        col("longitude"),
        col("fatalities"),
        col("time_precision"),
    );
    let mut rows = 0;
    for rec in r.records() {
        let rec = rec.unwrap();
        rows += 1;
        assert_eq!(rec.len(), h.len());
        if !rec[date].is_empty() {
            assert!(
                chrono::NaiveDate::parse_from_str(&rec[date], "%Y-%m-%d").is_ok(),
                "{}",
                &rec[date]
            );
            assert_eq!(&rec[year], &rec[date][..4]);
        }
        if !rec[lat].is_empty() {
            let (a, b): (f64, f64) = (rec[lat].parse().unwrap(), rec[lon].parse().unwrap());
            assert!((-90.0..=90.0).contains(&a) && (-180.0..=180.0).contains(&b));
        }
        rec[fat].parse::<u64>().unwrap();
        if !rec[tp].is_empty() {
            assert!((1..=3).contains(&rec[tp].parse::<u8>().unwrap()));
        }
    }
    assert_eq!(rows as i64, clusters);
    // GeoJSON
    let gj_path = dir.path().join("events.geojson");
    let e = export(&db, "geojson", &gj_path);
    assert!(e.status.success());
    let g: geojson::GeoJson = std::fs::read_to_string(&gj_path).unwrap().parse().unwrap();
    let geojson::GeoJson::FeatureCollection(fc) = g else {
        panic!("not a FeatureCollection")
    };
    assert!(fc.features.len() > 100, "{}", fc.features.len());
    for f in &fc.features {
        match &f.geometry.as_ref().unwrap().value {
            geojson::GeometryValue::Point { coordinates } => assert!(coordinates[1].abs() <= 90.0),
            other => panic!("not a point: {other:?}"),
        }
    }
    println!(
        "exported {rows} ACLED rows and {} GeoJSON features",
        fc.features.len()
    );
    // query works on it
    let q = sitrep()
        .args([
            "query",
            "--format",
            "jsonl",
            "--verification",
            "corroborated",
            "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert!(q.status.success());
}

#[test]
fn feeds_pages_and_crawls_that_break_parsers_fail_alone() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("in");
    std::fs::create_dir(&f).unwrap();
    let rss = r#"<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Example Wire</title><item><title>Strike</title><guid>w1</guid><pubDate>Fri, 12 Aug 2022 00:30:00 +0300</pubDate><description>Ukraine&amp;#8217;s air force said a drone strike hit a fuel depot near Lyptsi overnight.</description></item></channel></rss>"#;
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(rss.encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(f.join("wire.xml"), utf16).unwrap();
    std::fs::write(f.join("deep.html"), format!("<html><body>{}Russian forces shelled Vovchansk on Sunday, the regional governor said.</body></html>", "<b>".repeat(200_000))).unwrap();
    std::fs::write(f.join("nested.html"), format!("<html><body>{}Artillery fire hit Kupiansk on Monday, local officials said on Telegram.{}</body></html>", "<div>".repeat(10_000), "</div>".repeat(10_000))).unwrap();
    std::fs::write(
        f.join("broken.warc"),
        "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n",
    )
    .unwrap();
    std::fs::write(
        f.join("good.txt"),
        "Ukrainian forces repelled an attack near Orikhiv on Friday, the General Staff said.",
    )
    .unwrap();
    let db = dir.path().join("t.db");
    let t0 = std::time::Instant::now();
    let o = ingest(&db, &[&f], &["--json"]).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(t0.elapsed().as_secs() < 60, "took {:?}", t0.elapsed());
    let s = summary(&o);
    // the feed entry, both deep pages (read flat) and the text; the cut WARC record fails by name
    assert_eq!(s["new"].as_u64(), Some(4), "{s} {err}");
    assert_eq!(s["failed"].as_u64(), Some(1), "{s}");
    assert!(err.contains("broken.warc#1"), "{err}");
    assert!(err.contains("read as flat text"), "{err}");
    let (published, outlet): (String, String) = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT published, outlet FROM documents WHERE doc_id = 'w1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (published.as_str(), outlet.as_str()),
        ("2022-08-12", "Example Wire")
    );
}

/// `ingest --date --source`: a folder of text files with no metadata stored with the date and the outlet given;
/// a blank outlet is refused by name.
#[test]
fn ingest_date_and_source_give_metadata_to_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    std::fs::write(
        reports.join("a.txt"),
        "Russian forces shelled Vovchansk overnight, killing two civilians, the governor said.",
    )
    .unwrap();
    std::fs::write(
        reports.join("b.txt"),
        "Ukrainian troops repelled an assault near Kupiansk on Tuesday, the General Staff said.",
    )
    .unwrap();
    let db = dir.path().join("s.db");
    let o = ingest(
        &db,
        &[&reports],
        &[
            "--json",
            "--date",
            "2024-05-02",
            "--source",
            "Kharkiv Daily",
        ],
    )
    .output()
    .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let c = rusqlite::Connection::open(&db).unwrap();
    let rows: Vec<(String, String)> = c
        .prepare("SELECT published, outlet FROM documents ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    for (published, outlet) in &rows {
        assert_eq!(published, "2024-05-02");
        assert_eq!(outlet, "Kharkiv Daily");
    }
    let o = ingest(&db, &[&reports], &["--source", " "])
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("--source"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A folder of text files, then the same reports as JSONL with their metadata: the duplicates fill in the
/// stored copies' date, URL and outlet, and the events told "on Sunday" are re-dated from the date.
#[test]
fn a_later_copy_fills_in_a_missing_date_and_re_dates_the_events() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let text = "Russian forces shelled Vovchansk on Sunday, killing two civilians, governor Oleh Syniehubov said.";
    std::fs::write(reports.join("a.txt"), text).unwrap();
    let db = dir.path().join("s.db");
    let o = ingest(&db, &[&reports], &["--json"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let c = rusqlite::Connection::open(&db).unwrap();
    let date = |c: &rusqlite::Connection| -> Option<String> {
        c.query_row("SELECT date FROM events", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(date(&c), None, "no date without a publication date");
    let jsonl = dir.path().join("copies.jsonl");
    let line = serde_json::json!({
        "id": "kharkiv-daily-1", "text": text, "published": "2024-03-04",
        "url": "https://example.org/vovchansk", "source": "Kharkiv Daily",
    });
    std::fs::write(&jsonl, format!("{line}\n")).unwrap();
    let o = ingest(&db, &[&jsonl], &["--json"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let s = summary(&o);
    assert_eq!(s["duplicate"], 1);
    assert_eq!(s["filled_in"], 1);
    let (published, url, outlet): (String, String, String) = c
        .query_row("SELECT published, url, outlet FROM documents", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(
        (published.as_str(), url.as_str(), outlet.as_str()),
        (
            "2024-03-04",
            "https://example.org/vovchansk",
            "Kharkiv Daily"
        )
    );
    assert_eq!(
        date(&c).as_deref(),
        Some("2024-03-03"),
        "Sunday before the Monday of publication"
    );
    let cluster_date: Option<String> = c
        .query_row("SELECT date_min FROM clusters", [], |r| r.get(0))
        .unwrap();
    assert_eq!(cluster_date.as_deref(), Some("2024-03-03"));
    // a third copy with nothing new fills nothing in
    let o = ingest(&db, &[&jsonl], &["--json"]).output().unwrap();
    assert_eq!(summary(&o)["filled_in"], 0);
}
