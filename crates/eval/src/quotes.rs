//! Quotes evaluation. Being built: see the issue on quotes, sources and conflict events.

use sitrep_extract::Engine;
use std::path::Path;

/// Runs the quotes evaluation on the corpora under `eval_dir` and returns the printed report.
pub fn run(eval_dir: &Path, engine: &Engine) -> Result<String, String> {
    let _ = (eval_dir, engine);
    Err("the quotes evaluation is not built yet".into())
}
