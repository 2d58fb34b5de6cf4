//! Geoparsing evaluation (LGL, GeoWebNews, GeoVirus, UCDP GED Ukraine). Being built: see issue 3.

use sitrep_extract::Engine;
use std::path::Path;

/// Runs the geo evaluation on one corpus or all (`corpus` = lgl | gwn | geovirus | ucdp) and returns the report.
pub fn run(eval_dir: &Path, corpus: Option<&str>, engine: &Engine) -> Result<String, String> {
    let _ = (eval_dir, corpus, engine);
    Err("the geo evaluation is not built yet".into())
}
