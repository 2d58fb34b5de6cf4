//! The floor of geoparsing: one multi-pattern scan of each document for every name of the embedded gazetteer
//! (aho-corasick, leftmost-longest, ASCII case-insensitive, whole words), and nothing else. The benchmark
//! compares the whole ledger pipeline with this.
//!
//! usage: name-scan CORPUS.jsonl [--threads N]

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use std::io::{BufRead, Read};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(corpus) = args.get(1) else {
        eprintln!("usage: name-scan CORPUS.jsonl [--threads N]");
        std::process::exit(2);
    };
    if let Some(i) = args.iter().position(|a| a == "--threads") {
        let n: usize = args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(1);
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .expect("thread pool");
    }
    let t0 = Instant::now();
    let gz = std::fs::File::open(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/gazetteer/default.tsv.gz"
    ))
    .expect("data/gazetteer/default.tsv.gz");
    let mut tsv = String::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_string(&mut tsv)
        .expect("gzip");
    let mut names: Vec<&str> = Vec::new();
    for line in tsv.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 10 {
            continue;
        }
        names.push(f[1]);
        names.extend(f[9].split('|').filter(|n| n.len() >= 3));
    }
    names.sort_unstable();
    names.dedup();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&names)
        .expect("automaton");
    let built = t0.elapsed();
    let docs: Vec<String> = std::io::BufReader::new(std::fs::File::open(corpus).expect("corpus"))
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let t1 = Instant::now();
    let hits: usize = docs
        .par_iter()
        .map(|d| {
            let b = d.as_bytes();
            ac.find_iter(d)
                .filter(|m| {
                    let before = m.start() == 0 || !b[m.start() - 1].is_ascii_alphanumeric();
                    let after = m.end() == b.len() || !b[m.end()].is_ascii_alphanumeric();
                    before && after
                })
                .count()
        })
        .sum();
    let secs = t1.elapsed().as_secs_f64();
    println!(
        "{{\"names\": {}, \"build_s\": {:.2}, \"docs\": {}, \"bytes\": {}, \"scan_s\": {:.4}, \"docs_per_s\": {:.0}, \"mb_per_s\": {:.2}, \"hits\": {}}}",
        names.len(),
        built.as_secs_f64(),
        docs.len(),
        bytes,
        secs,
        docs.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        hits
    );
}
