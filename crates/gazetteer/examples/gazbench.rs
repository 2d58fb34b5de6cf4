//! Rough figures for data/gazetteer/README.md:
//! `cargo run --release -p sitrep-gazetteer --example gazbench -- [UA.zip]`
use std::time::Instant;

use sitrep_gazetteer::{import, Gazetteer};

fn main() {
    let t = Instant::now();
    let g = Gazetteer::embedded().expect("embedded");
    println!("embedded(): {:?}", t.elapsed());
    let s = g.stats();
    println!(
        "embedded: {} entries, {} names, {} bytes",
        s.entries, s.names, s.layers[0].bytes
    );

    let names = [
        "Kyiv",
        "Kharkiv",
        "Zaporizhzhia",
        "Bakhmut",
        "Avdiivka",
        "Pokrovsk",
        "Kupiansk",
        "Robotyne",
        "Moscow",
        "Belgorod",
        "Donetsk",
        "Kherson",
        "Mariupol",
        "Odesa",
        "Lviv",
        "Staromaiorske",
        "London",
        "Washington",
        "nonexistentplace",
        "Saint Petersburg",
    ];
    let n = 200_000;
    let t = Instant::now();
    let mut hits = 0usize;
    for i in 0..n {
        hits += g.lookup(names[i % names.len()]).len();
    }
    let el = t.elapsed();
    println!(
        "lookup: {:.0}/s ({hits} candidates)",
        n as f64 / el.as_secs_f64()
    );

    let fuzzy = ["Zaporzhhia", "Kharkv", "Avdiivkka", "Pokrovskk", "Bakhmutt"];
    let n = 2_000;
    let t = Instant::now();
    let mut hits = 0usize;
    for i in 0..n {
        hits += g.lookup_fuzzy(fuzzy[i % fuzzy.len()], 2).len();
    }
    let el = t.elapsed();
    println!(
        "lookup_fuzzy: {:.0}/s ({hits} candidates)",
        n as f64 / el.as_secs_f64()
    );

    for (q, d) in [("zaporzhhia", 2u32), ("kharkv", 1), ("avdiivkka", 2)] {
        let t = Instant::now();
        for _ in 0..200 {
            let _ = fst::automaton::Levenshtein::new(q, d).unwrap();
        }
        println!("Levenshtein::new({q}, {d}): {:?}", t.elapsed() / 200);
    }

    if let Some(zip) = std::env::args().nth(1) {
        let dir = std::env::temp_dir().join("gazbench-ua");
        let t = Instant::now();
        let st = import(&[zip.into()], &dir).expect("import");
        println!("import: {:?} {st:?}", t.elapsed());
        let t = Instant::now();
        let g = Gazetteer::open(std::slice::from_ref(&dir)).expect("open");
        println!("open(embedded + UA): {:?}", t.elapsed());
        let n = 200_000;
        let t = Instant::now();
        let mut hits = 0usize;
        for i in 0..n {
            hits += g.lookup(names[i % names.len()]).len();
        }
        println!(
            "lookup (2 layers): {:.0}/s ({hits})",
            n as f64 / t.elapsed().as_secs_f64()
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
