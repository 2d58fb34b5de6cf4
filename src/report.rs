//! What `sitrep` says on standard error besides errors: notes (summaries, counts, progress) unless
//! `--quiet`, details (every skipped document, timings) only with `--verbose`; errors always.

use std::sync::atomic::{AtomicU8, Ordering};

/// How much to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Errors only.
    Quiet = 0,
    /// Errors and notes.
    Normal = 1,
    /// Errors, notes and details.
    Verbose = 2,
}

static LEVEL: AtomicU8 = AtomicU8::new(Level::Normal as u8);

/// Sets the level for the rest of the run.
pub fn set(level: Level) {
    LEVEL.store(level as u8, Ordering::Relaxed);
}

pub fn level() -> Level {
    match LEVEL.load(Ordering::Relaxed) {
        0 => Level::Quiet,
        1 => Level::Normal,
        _ => Level::Verbose,
    }
}

/// A note (a summary, a count): shown unless `--quiet`.
pub fn note(msg: impl std::fmt::Display) {
    if level() >= Level::Normal {
        eprintln!("sitrep: {msg}");
    }
}

/// A detail: shown with `--verbose` only.
pub fn detail(msg: impl std::fmt::Display) {
    if level() >= Level::Verbose {
        eprintln!("sitrep: {msg}");
    }
}

/// Whether progress bars may be drawn (a terminal, and not `--quiet`).
pub fn progress_allowed() -> bool {
    level() >= Level::Normal && std::io::IsTerminal::is_terminal(&std::io::stderr())
}
