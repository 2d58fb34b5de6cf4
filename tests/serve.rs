//! `sitrep serve` as a process: a store made by `sitrep ingest`, the server on a free port, real HTTP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

fn sitrep() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/store/tests/fixtures/reports.jsonl")
}

/// Starts the server; returns it and the address it printed.
fn start(args: &[&str]) -> (Child, String) {
    let mut child = sitrep()
        .arg("serve")
        .args(args)
        .args(["--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim()
        .trim_end_matches('/')
        .to_string();
    (child, addr)
}

/// One HTTP/1.1 request; the status and the body.
fn http(addr: &str, method: &str, path: &str, headers: &[&str], body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for h in headers {
        req.push_str(h);
        req.push_str("\r\n");
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out[9..12].parse().unwrap();
    let body = out
        .split_once("\r\n\r\n")
        .map(|x| x.1)
        .unwrap_or("")
        .to_string();
    (status, body)
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

#[test]
fn serve_answers_over_http_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let o = sitrep()
        .args(["ingest", "--no-default-gazetteer", "--db"])
        .arg(&db)
        .arg(fixtures())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // read-only: lists, opens, refuses ingest
    let (mut child, addr) = start(&["--db", db.to_str().unwrap()]);
    let (s, b) = http(&addr, "GET", "/api/events?limit=2", &[], "");
    assert_eq!(s, 200, "{b}");
    let v = json(&b);
    assert_eq!(v["total"], 4, "the fixture reports make four clusters");
    assert_eq!(v["items"].as_array().unwrap().len(), 2);
    let (s, b) = http(&addr, "GET", "/api/events?bbox=1,2", &[], "");
    assert_eq!(s, 400);
    assert!(json(&b)["error"].as_str().unwrap().contains("bbox"));
    let (s, b) = http(&addr, "POST", "/api/documents", &[], "{\"text\": \"x\"}");
    assert_eq!(s, 403, "{b}");
    let (s, _) = http(&addr, "GET", "/api/openapi.json", &[], "");
    assert_eq!(s, 200);
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let st = child.wait().unwrap();
    assert!(st.success(), "SIGTERM stops the server cleanly: {st:?}");

    // with a token file: the bearer token ingests
    let tok = dir.path().join("token");
    std::fs::write(&tok, "abc123\n").unwrap();
    let (mut child, addr) = start(&[
        "--db",
        db.to_str().unwrap(),
        "--token-file",
        tok.to_str().unwrap(),
        "--no-default-gazetteer",
    ]);
    let body = r#"{"text": "Russian forces shelled Kupiansk on Friday, the regional governor Oleh Syniehubov said.", "published": "2024-03-08", "outlet": "Process Wire"}"#;
    let (s, b) = http(
        &addr,
        "POST",
        "/api/documents",
        &["Authorization: Bearer nope"],
        body,
    );
    assert_eq!(s, 401, "{b}");
    let (s, b) = http(
        &addr,
        "POST",
        "/api/documents",
        &["Authorization: Bearer abc123"],
        body,
    );
    assert_eq!(s, 201, "{b}");
    let (_, b) = http(&addr, "GET", "/api/events?source=Process%20Wire", &[], "");
    assert_eq!(json(&b)["total"], 1);
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn serve_without_a_store_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    let o = sitrep().args(["serve", "--db"]).arg(&db).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("no store at") && e.contains("sitrep ingest"),
        "{e}"
    );
    assert!(!db.exists());
    let empty = dir.path().join("empty-token");
    std::fs::write(&empty, "\n").unwrap();
    let o = sitrep()
        .args(["serve", "--db"])
        .arg(&db)
        .arg("--token-file")
        .arg(&empty)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&o.stderr).contains("empty"));
}
