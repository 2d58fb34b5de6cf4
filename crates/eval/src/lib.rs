//! Evaluation commands: each reads a corpus from `../shared/eval/` (never copied into the project) and prints
//! scores. `sitrep eval <what>` calls these.

use std::path::{Path, PathBuf};

pub mod events;
pub mod geo;
pub mod quotes;

/// Where the shared evaluation corpora live: `$SITREP_SHARED/eval`, else `../shared/eval` from the current
/// directory or from the executable's project.
pub fn shared_eval_dir() -> Option<PathBuf> {
    if let Ok(s) = std::env::var("SITREP_SHARED") {
        let p = Path::new(&s).join("eval");
        return p.is_dir().then_some(p);
    }
    let candidates = [
        PathBuf::from("../shared/eval"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval"),
    ];
    candidates.into_iter().find(|p| p.is_dir())
}

/// Time expressions on MEANTIME and TimeBank/AQUAINT (TempEval-3 style scores).
pub fn time(eval_dir: &Path, markdown: bool) -> Result<String, String> {
    let report = sitrep_time::eval::evaluate(&eval_dir.join("time"))?;
    Ok(if markdown {
        report.markdown()
    } else {
        report.to_string()
    })
}
