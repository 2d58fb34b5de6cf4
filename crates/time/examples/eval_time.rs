//! Prints the evaluation report:
//! `cargo run -p sitrep-time --release --example eval_time [DIR] [--errors] [--markdown]`
//! (`--markdown` prints the README tables instead of the plain report).

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from("/work/shared/eval/time"), PathBuf::from);
    match sitrep_time::eval::evaluate(&dir) {
        Ok(report) => {
            if args.iter().any(|a| a == "--markdown") {
                print!("{}", report.markdown());
            } else {
                print!("{report}");
            }
            if args.iter().any(|a| a == "--errors") {
                for c in &report.corpora {
                    for e in &c.errors {
                        println!("{}\t{}", c.name, e);
                    }
                }
            }
        }
        Err(e) => {
            eprintln!("evaluation failed: {e}");
            std::process::exit(1);
        }
    }
}
