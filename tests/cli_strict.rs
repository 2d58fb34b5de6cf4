//! The command line's conventions: every bad flag value is a usage error (exit status 2) naming the flag;
//! 0 when every input was done, 1 when some failed; a closed pipe ends a run quietly; `--quiet`; shell
//! completions and the manual page; and stores read as they are: a database that is not a sitrep store is
//! refused unchanged, a store on read-only media is read.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn sitrep() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
}

fn run(args: &[&str]) -> Output {
    sitrep().args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const FIXTURES: &str = "crates/store/tests/fixtures/reports.jsonl";

/// Asserts a usage error: exit status 2 and clap's message naming `flag`.
fn assert_usage(args: &[&str], flag: &str) {
    let o = run(args);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
    assert!(
        e.contains(flag),
        "{args:?}: the message does not name {flag}: {e}"
    );
    assert!(
        e.starts_with("error: "),
        "{args:?}: not clap's usage error: {e}"
    );
}

#[test]
fn every_bad_flag_value_is_a_usage_error_naming_the_flag() {
    let db = "no-such-store-for-this-test.db";
    for cmd in ["query", "export"] {
        let base: Vec<&str> = if cmd == "export" {
            vec![cmd, "--db", db, "--format", "acled-csv"]
        } else {
            vec![cmd, "--db", db]
        };
        let with = |extra: &[&'static str]| -> Vec<&str> {
            base.iter().copied().chain(extra.iter().copied()).collect()
        };
        assert_usage(&with(&["--verification", "bogus"]), "--verification");
        assert_usage(&with(&["--bbox", "40,50,30,45"]), "--bbox");
        assert_usage(&with(&["--bbox", "1,2,3"]), "--bbox");
        assert_usage(&with(&["--from", "2023-02-30"]), "--from");
        assert_usage(&with(&["--to", "5 March"]), "--to");
        assert_usage(
            &with(&["--from", "2024-03-06", "--to", "2024-03-05"]),
            "--from",
        );
        assert_usage(&with(&["--radius", "10"]), "--radius");
        assert_usage(&with(&["--near", "48.5,38", "--radius", "-3"]), "--radius");
        assert_usage(&with(&["--near", "95,38"]), "--near");
        assert_usage(&with(&["--country", "Atlantis"]), "--country");
    }
    assert_usage(&["query", "--limit", "0"], "--limit");
    assert_usage(&["query", "--sort", "loudest"], "--sort");
    for bad in ["0", "17592186044416", "-1", "lots"] {
        assert_usage(&["extract", "--max-mb", bad, "x.txt"], "--max-mb");
        assert_usage(&["ingest", "--max-mb", bad, "x.txt"], "--max-mb");
    }
    assert_usage(&["extract", "--date", "2023-02-30", "x.txt"], "--date");
    assert_usage(&["extract", "--threads", "0", "x.txt"], "--threads");
    assert_usage(
        &["extract", "--gazetteer", "/no/such/folder", "x.txt"],
        "--gazetteer",
    );
    assert_usage(&["ingest", "--batch", "0", "x.txt"], "--batch");
    assert_usage(&["serve", "--readers", "0"], "--readers");
    assert_usage(&["serve", "--addr", "not an address"], "--addr");
    assert_usage(&["completions", "tcsh"], "tcsh");
}

#[test]
fn the_messages_are_the_apis() {
    let o = run(&["query", "--verification", "bogus"]);
    assert!(
        stderr(&o).contains(
            "--verification \"bogus\" is not accepted: give one of single-source, corroborated, disputed, unconfirmed"
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn exit_status_0_when_all_is_done_1_when_inputs_failed() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "Russian forces shelled Vovchansk on Sunday, the governor said.",
    )
    .unwrap();
    let bad = dir.path().join("binary.txt");
    std::fs::write(&bad, [0u8, 1, 2, 0, 255]).unwrap();
    let g = good.to_str().unwrap();
    let b = bad.to_str().unwrap();
    let extract = |files: &[&str]| {
        let mut c = sitrep();
        c.args(["extract", "--no-default-gazetteer", "--format", "jsonl"])
            .args(files);
        c.output().unwrap()
    };
    assert_eq!(extract(&[g]).status.code(), Some(0));
    assert_eq!(extract(&[g, b]).status.code(), Some(1));
    let db = dir.path().join("t.db");
    let ingest = |files: &[&str]| {
        let mut c = sitrep();
        c.args(["ingest", "--no-default-gazetteer", "--db"])
            .arg(&db)
            .args(files);
        c.output().unwrap()
    };
    assert_eq!(ingest(&[g]).status.code(), Some(0));
    let o = ingest(&[b]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("binary.txt"));
    // a store that is not there is a failure of the command (1), not a usage error
    let o = run(&[
        "query",
        "--db",
        dir.path().join("none.db").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no store at"), "{}", stderr(&o));
    assert_eq!(run(&["query", "--no-such-flag"]).status.code(), Some(2));
}

#[test]
fn quiet_says_nothing_but_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = sitrep()
        .args(["--quiet", "ingest", "--no-default-gazetteer", "--db"])
        .arg(&db)
        .arg(root().join(FIXTURES))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let o = sitrep()
        .args(["query", "-q", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(o.status.success());
    assert_eq!(stderr(&o), "");
    let o = sitrep().args(["query", "--db"]).arg(&db).output().unwrap();
    assert!(stderr(&o).contains("cluster(s)"));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    // enough ledgers to fill the pipe many times over
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("many.jsonl");
    let one = std::fs::read_to_string(root().join(FIXTURES)).unwrap();
    let mut text = String::new();
    for i in 0..60 {
        for (j, line) in one.lines().enumerate() {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            v["id"] = format!("d{i}-{j}").into();
            text.push_str(&v.to_string());
            text.push('\n');
        }
    }
    std::fs::write(&corpus, text).unwrap();
    let mut child = sitrep()
        .args(["extract", "--no-default-gazetteer", "--format", "jsonl"])
        .arg(&corpus)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1024];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // the reading end is closed here, as `head` closes it
    let o = child.wait_with_output().unwrap();
    let e = stderr(&o);
    assert!(!e.to_lowercase().contains("broken pipe"), "{e}");
    assert!(!e.contains("panic"), "{e}");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert!(
            o.status.code() == Some(0) || o.status.signal() == Some(13),
            "{:?}",
            o.status
        );
    }
}

#[test]
fn completions_and_the_manual_page() {
    let o = run(&["completions", "bash"]);
    assert!(o.status.success());
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(s.contains("sitrep") && s.contains("--verification"), "{s}");
    let o = run(&["man"]);
    assert!(o.status.success());
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(
        s.contains(".TH sitrep") && s.contains("sitrep\\-export"),
        "{}",
        &s[..s.len().min(400)]
    );
}

/// The store of the fixtures, made by `sitrep ingest`.
fn fixture_store(dir: &Path) -> PathBuf {
    let db = dir.join("t.db");
    let o = sitrep()
        .args(["-q", "ingest", "--no-default-gazetteer", "--db"])
        .arg(&db)
        .arg(root().join(FIXTURES))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

/// The files of a folder with their bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_foreign_sqlite_file_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("app.sqlite");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("CREATE TABLE accounts(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO accounts(name) VALUES ('ada');").unwrap();
    }
    let before = snapshot(dir.path());
    let d = db.to_str().unwrap();
    for args in [
        vec!["query", "--db", d],
        vec!["export", "--format", "geojson", "--db", d],
        vec!["serve", "--db", d, "--addr", "127.0.0.1:0"],
        vec!["ingest", "--no-default-gazetteer", "--db", d, FIXTURES],
        vec!["migrate", "--db", d],
    ] {
        let o = sitrep().current_dir(root()).args(&args).output().unwrap();
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {e}");
        assert!(
            e.contains(&format!("not a sitrep store: {d}")),
            "{args:?}: {e}"
        );
    }
    assert_eq!(snapshot(dir.path()), before, "the folder changed");
}

#[test]
fn a_store_on_read_only_media_is_read_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture_store(dir.path());
    // what read-only media does to SQLite: no -wal or -shm file can be made beside the store (directories in
    // their place hold for root too, whom permission bits do not stop), and the files cannot be written
    for side in ["t.db-wal", "t.db-shm"] {
        assert!(!dir.path().join(side).exists(), "{side} left by ingest");
        std::fs::create_dir(dir.path().join(side)).unwrap();
    }
    let before = snapshot(dir.path());
    let mode = |p: &Path, m: u32| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    };
    mode(&db, 0o444);
    mode(dir.path(), 0o555);
    let d = db.to_str().unwrap();
    let q = run(&["query", "--format", "jsonl", "--country", "UA", "--db", d]);
    let e = stderr(&q);
    assert_eq!(q.status.code(), Some(0), "{e}");
    assert!(String::from_utf8_lossy(&q.stdout).lines().count() >= 4);
    let out = tempfile::tempdir().unwrap();
    let csv = out.path().join("e.csv");
    let x = sitrep()
        .args(["export", "--format", "acled-csv", "--db", d, "-o"])
        .arg(&csv)
        .output()
        .unwrap();
    assert!(x.status.success(), "{}", stderr(&x));
    assert!(std::fs::read_to_string(&csv).unwrap().lines().count() >= 5);
    mode(dir.path(), 0o755);
    mode(&db, 0o644);
    assert_eq!(snapshot(dir.path()), before, "the store changed");
}

#[test]
fn query_limits_sorts_and_writes_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture_store(dir.path());
    let d = db.to_str().unwrap();
    let o = run(&[
        "query", "--db", d, "--format", "csv", "--limit", "2", "--sort", "date",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut r = csv::Reader::from_reader(&o.stdout[..]);
    assert!(r.headers().unwrap().iter().any(|h| h == "event_id_cnty"));
    let dates: Vec<String> = r.records().map(|x| x.unwrap()[1].to_string()).collect();
    assert_eq!(dates.len(), 2);
    assert!(dates[0] <= dates[1], "{dates:?}");
    // the export takes the same filter
    let o = run(&[
        "export",
        "--db",
        d,
        "--format",
        "jsonl",
        "--verification",
        "disputed",
    ]);
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|c| c["verification"] == "disputed"));
    // the query's JSON names a document as the API does: its id and its name
    let ev = &lines[0]["events"][0];
    assert!(
        ev["document"].is_i64() && ev["document_name"].is_string(),
        "{ev}"
    );
}

/// A damaged imported gazetteer index: `gazetteer lookup` and `extract` exit 1 with a message naming the
/// damaged file and saying to import again (no panic, no exit 101).
#[test]
fn a_damaged_gazetteer_index_exits_1_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("cities500.txt");
    std::fs::write(
        &dump,
        "9100001\tTestivka\tTestivka\t\t48.5\t37.5\tP\tPPL\tUA\t\t05\t\t\t\t120\t\t100\tEurope/Kyiv\t2024-01-01\n",
    )
    .unwrap();
    let idx = dir.path().join("idx");
    let o = sitrep()
        .args(["gazetteer", "import", "--out"])
        .arg(&idx)
        .arg(&dump)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let data = idx.join("places.bin");
    let mut bytes = std::fs::read(&data).unwrap();
    let m = bytes.len() / 2;
    bytes[m] ^= 0xff;
    std::fs::write(&data, bytes).unwrap();
    let text = dir.path().join("r.txt");
    std::fs::write(&text, "Shelling hit Testivka.").unwrap();
    for args in [
        vec!["gazetteer", "lookup", "--gazetteer"],
        vec!["extract", "--format", "json", "--gazetteer"],
    ] {
        let mut c = sitrep();
        c.args(&args).arg(&idx);
        if args[0] == "extract" {
            c.arg(&text);
        } else {
            c.arg("Testivka");
        }
        let o = c.output().unwrap();
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {e}");
        assert!(e.contains(data.to_str().unwrap()), "{args:?}: {e}");
        assert!(e.contains("sitrep gazetteer import"), "{args:?}: {e}");
    }
}
