//! Figures for crates/gazetteer/README.md: gazetteer look-ups per second (exact, variants, fuzzy,
//! admin-1 polygons), index start-up (open + first look-up) and resident memory, with the embedded
//! layer alone and with imported indexes, and whole-article geoparsing throughput over the texts of
//! the geo corpora (LGL, GeoWebNews, GeoVirus).
//!
//! usage: geo-bench [--gazetteer DIR]... [--eval DIR] [--threads N]
//!   --gazetteer DIR  an index made by `sitrep gazetteer import` (repeatable)
//!   --eval DIR       the shared evaluation folder (default ../shared/eval, or $SITREP_SHARED/eval)
//!   --threads N      threads for the parallel article run (default: all cores)
//!
//! Single-threaded unless said otherwise. Memory is the process's resident set (VmRSS) from
//! /proc/self/status: the embedded index is part of the binary and is paged in as it is touched.

use rayon::prelude::*;
use sitrep_extract::{Engine, InputDoc};
use sitrep_gazetteer::Gazetteer;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn rss_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn mb(kb: Option<u64>) -> String {
    kb.map_or("?".into(), |k| format!("{:.1} MB", k as f64 / 1024.0))
}

/// Runs `f` over `items` repeatedly for at least `min` and returns calls per second.
fn rate<T>(items: &[T], min: Duration, mut f: impl FnMut(&T)) -> f64 {
    let t = Instant::now();
    let mut n = 0usize;
    while t.elapsed() < min {
        for it in items {
            f(it);
        }
        n += items.len();
    }
    n as f64 / t.elapsed().as_secs_f64()
}

/// Capitalised words and word pairs of the texts: what the recogniser looks up.
fn names_of(texts: &[(&str, String)], cap: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (_, t) in texts {
        let words: Vec<&str> = t
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        for (i, w) in words.iter().enumerate() {
            if !w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if seen.insert(w.to_string()) {
                out.push(w.to_string());
            }
            if let Some(n) = words.get(i + 1) {
                if n.chars().next().is_some_and(char::is_uppercase) {
                    let pair = format!("{w} {n}");
                    if seen.insert(pair.clone()) {
                        out.push(pair);
                    }
                }
            }
            if out.len() >= cap {
                return out;
            }
        }
    }
    out
}

fn gazetteer_figures(label: &str, dirs: &[PathBuf], names: &[String]) -> Gazetteer {
    let before = rss_kb();
    let t = Instant::now();
    let gaz = Gazetteer::open(dirs).expect("gazetteer");
    let opened = t.elapsed();
    let hits = gaz.lookup("Kharkiv").len();
    let first = t.elapsed();
    let after_first = rss_kb();
    println!("== gazetteer: {label}");
    let s = gaz.stats();
    println!(
        "  {} places, {} names, {:.1} MB of index",
        s.entries,
        s.names,
        s.layers.iter().map(|l| l.bytes).sum::<usize>() as f64 / 1e6
    );
    println!(
        "  start-up: open {:.3} ms, open + first lookup {:.3} ms ({hits} hits); RSS {} -> {}",
        opened.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3,
        mb(before),
        mb(after_first)
    );
    let hit = names.iter().filter(|n| !gaz.lookup(n).is_empty()).count();
    let exact = rate(names, Duration::from_secs(2), |n| {
        black_box(gaz.lookup(n));
    });
    println!(
        "  lookup (exact): {:.0} lookups/s over {} names of the corpora ({:.0}% found)",
        exact,
        names.len(),
        100.0 * hit as f64 / names.len().max(1) as f64
    );
    let long: Vec<&String> = names
        .iter()
        .filter(|n| n.chars().count() >= 7)
        .take(400)
        .collect();
    let variants = rate(&long, Duration::from_secs(2), |n| {
        black_box(gaz.lookup_variants(n));
    });
    println!("  lookup_variants: {variants:.0} lookups/s (names of 7+ letters)");
    let fuzzy_set: Vec<&String> = long.iter().take(100).copied().collect();
    let fuzzy = rate(&fuzzy_set, Duration::from_secs(2), |n| {
        black_box(gaz.lookup_fuzzy(n, 2));
    });
    println!("  lookup_fuzzy (up to 2 edits): {fuzzy:.0} lookups/s");
    println!("  RSS after the look-ups: {}", mb(rss_kb()));
    gaz
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut dirs = Vec::new();
    let mut eval = std::env::var_os("SITREP_SHARED")
        .map(|s| PathBuf::from(s).join("eval"))
        .unwrap_or_else(|| PathBuf::from("../shared/eval"));
    let mut threads = 0;
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--gazetteer" => dirs.push(PathBuf::from(&args[i + 1])),
            "--eval" => eval = PathBuf::from(&args[i + 1]),
            "--threads" => threads = args[i + 1].parse().expect("--threads N"),
            _ => {
                eprintln!("usage: geo-bench [--gazetteer DIR]... [--eval DIR] [--threads N]");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    if threads > 0 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .expect("thread pool");
    }
    println!("RSS at start: {}", mb(rss_kb()));
    let texts = sitrep_eval::geo::corpus_texts(&eval).unwrap_or_else(|e| {
        eprintln!("geo-bench: {e}");
        std::process::exit(1);
    });
    let bytes: usize = texts.iter().map(|t| t.1.len()).sum();
    let names = names_of(&texts, 20_000);

    // admin-1 polygons
    let (n_poly, poly_bytes) = sitrep_gazetteer::admin1_polygon_stats();
    let pts: Vec<(f64, f64)> = (0..2000)
        .map(|k| {
            let k = k as f64;
            (
                -50.0 + (k * 0.618_034 % 1.0) * 110.0,
                -170.0 + (k * 0.414_214 % 1.0) * 340.0,
            )
        })
        .collect();
    let t = Instant::now();
    let first = sitrep_gazetteer::admin1_at(47.47, 35.79);
    let first_t = t.elapsed();
    let on_land = pts
        .iter()
        .filter(|p| sitrep_gazetteer::admin1_at(p.0, p.1).is_some())
        .count();
    let poly_rate = rate(&pts, Duration::from_secs(2), |p| {
        black_box(sitrep_gazetteer::admin1_at(p.0, p.1));
    });
    println!(
        "== admin-1 polygons: {n_poly} polygons, {:.1} MB embedded; first call {:.3} ms ({first:?}); {poly_rate:.0} points/s ({}% of the random points on land)",
        poly_bytes as f64 / 1e6,
        first_t.as_secs_f64() * 1e3,
        100 * on_land / pts.len()
    );

    let mut sets = vec![("embedded".to_string(), Vec::new())];
    if !dirs.is_empty() {
        let label = dirs
            .iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(" + ");
        sets.push((format!("embedded + {label}"), dirs.clone()));
    }
    for (label, dirs) in sets {
        let gaz = gazetteer_figures(&label, &dirs, &names);
        let engine = Engine::new(gaz);
        let docs: Vec<InputDoc> = texts
            .iter()
            .enumerate()
            .map(|(k, (_, t))| InputDoc {
                id: format!("d{k}"),
                text: t.clone(),
                ..Default::default()
            })
            .collect();
        // warm-up, then one timed pass single-threaded and one in parallel
        for d in docs.iter().take(20) {
            black_box(engine.extract(d));
        }
        let t = Instant::now();
        for d in &docs {
            black_box(engine.extract(d));
        }
        let one = t.elapsed().as_secs_f64();
        let t = Instant::now();
        docs.par_iter().for_each(|d| {
            black_box(engine.extract(d));
        });
        let par = t.elapsed().as_secs_f64();
        println!(
            "  whole-article geoparsing (full ledger) over {} articles, {:.2} MB: 1 thread {:.0} articles/s, {:.2} MB/s; {} threads {:.0} articles/s, {:.2} MB/s",
            docs.len(),
            bytes as f64 / 1e6,
            docs.len() as f64 / one,
            bytes as f64 / 1e6 / one,
            rayon::current_num_threads(),
            docs.len() as f64 / par,
            bytes as f64 / 1e6 / par
        );
        println!("  RSS after the articles: {}", mb(rss_kb()));
    }
}
