//! End-to-end test of the map page: `sitrep ingest` the example report and the store fixtures into a
//! temporary database, `sitrep serve` it on a free port, and run `tests/e2e/map.mjs` (playwright-core driving
//! headless Chromium), which opens the page, clicks the disputed marker and checks both claims and their
//! outlets in the panel. The screenshot lands in `<target dir>/e2e/map.png` (printed).
//!
//! Needs node, Chromium (`/usr/bin/chromium` or `$SITREP_CHROMIUM`) and `npm ci --prefix tests/e2e`. Without
//! them the test prints a note and passes, unless `CI=true`, where a missing tool is a failure (`.ci/run`
//! installs them).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_sitrep");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const NODE_TIMEOUT: Duration = Duration::from_secs(240);

/// Kills (and reaps) the child when dropped, so a failing assertion never leaves a server behind.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn chromium() -> PathBuf {
    std::env::var_os("SITREP_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// What is missing to run the browser test (empty: all there).
fn missing_tools(e2e: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    let node = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !matches!(node, Ok(s) if s.success()) {
        missing.push("node (apt-get install nodejs, or any node >= 18 on PATH)".to_string());
    }
    if !chromium().is_file() {
        missing.push(format!(
            "{} (apt-get install chromium, or set SITREP_CHROMIUM)",
            chromium().display()
        ));
    }
    if !e2e
        .join("node_modules/playwright-core/package.json")
        .is_file()
    {
        missing.push("tests/e2e/node_modules (npm ci --prefix tests/e2e)".to_string());
    }
    missing
}

/// `<target dir>/e2e`, the target dir being the one holding the binary under test.
fn output_dir() -> PathBuf {
    let bin = Path::new(BIN);
    let target = bin
        .parent()
        .and_then(Path::parent)
        .unwrap_or_else(|| Path::new(ROOT));
    target.join("e2e")
}

/// Starts `sitrep serve` on port 0 and returns it with the address it printed.
fn start_server(db: &Path) -> (KillOnDrop, String) {
    let mut child = Command::new(BIN)
        .args(["serve", "--db"])
        .arg(db)
        .args(["--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sitrep serve");
    let stderr = child.stderr.take().expect("piped stderr");
    let guard = KillOnDrop(child);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        // keep reading to the end so the server never blocks on a full pipe
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            eprintln!("[serve] {line}");
            if let Some(at) = line.find("http://") {
                let url = line[at..].trim_end().trim_end_matches('/').to_string();
                let _ = tx.send(url);
            }
        }
    });
    let url = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("sitrep serve printed the address it listens on within 60 s");
    (guard, url)
}

#[test]
fn map_page_shows_both_sides_of_a_disputed_event() {
    let e2e = Path::new(ROOT).join("tests/e2e");
    let missing = missing_tools(&e2e);
    if !missing.is_empty() {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        let note = format!("map e2e test needs: {}", missing.join("; "));
        assert!(!ci, "{note} (CI=true: .ci/run must install them)");
        eprintln!("skipped: {note}");
        return;
    }

    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("map.db");
    let ingest = Command::new(BIN)
        .args(["ingest", "--no-default-gazetteer", "--db"])
        .arg(&db)
        .arg(Path::new(ROOT).join("examples/kupiansk-sample.txt"))
        .arg(Path::new(ROOT).join("crates/store/tests/fixtures/reports.jsonl"))
        .output()
        .expect("run sitrep ingest");
    assert!(
        ingest.status.success(),
        "sitrep ingest failed: {}",
        String::from_utf8_lossy(&ingest.stderr)
    );

    let (_server, base) = start_server(&db);
    let out = output_dir();
    std::fs::create_dir_all(&out).unwrap();
    let shot = out.join("map.png");
    let _ = std::fs::remove_file(&shot);

    let started = Instant::now();
    let mut node = KillOnDrop(
        Command::new("node")
            .arg(e2e.join("map.mjs"))
            .args(["--base", &base, "--screenshot"])
            .arg(&shot)
            .arg("--chromium")
            .arg(chromium())
            .stdout(Stdio::inherit())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start node"),
    );
    let status = loop {
        if let Some(status) = node.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < NODE_TIMEOUT,
            "the browser test did not finish in {NODE_TIMEOUT:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        status.success(),
        "the browser checks failed (see the FAIL lines above)"
    );
    assert!(
        std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
        "no screenshot at {}",
        shot.display()
    );
    eprintln!(
        "map e2e: passed in {:.1} s; screenshot {}",
        started.elapsed().as_secs_f64(),
        shot.display()
    );
}
