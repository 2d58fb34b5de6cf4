//! Isolation of parsers: a panic, a deep recursion or a runaway parse inside one input is that input's failure.
//!
//! [`caught`] turns a panic on the calling thread into an [`InputError`]. [`isolated`] runs a parser of markup
//! or PDF on a thread of its own with [`PARSER_STACK`] of stack (recursive-descent parsers go deep on nested
//! input) and waits at most [`PARSE_BUDGET`]; a parse that takes longer is reported and left to finish on its
//! thread, its result dropped.

use crate::{err, InputError};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;

/// Stack of a parser thread. Address space only: pages are touched as the recursion goes.
#[cfg(not(fuzzing))]
pub(crate) const PARSER_STACK: usize = 256 << 20;

/// Under the fuzzer (AddressSanitizer shadows every stack byte at each thread start) a smaller stack; markup
/// deeper than a browser lays out is read flat before any parser recurses, so 16 MB is ample.
#[cfg(fuzzing)]
pub(crate) const PARSER_STACK: usize = 16 << 20;

/// How long one page, feed or PDF may take to parse.
pub(crate) const PARSE_BUDGET: Duration = Duration::from_secs(30);

/// `f()`, or the panic it raised as the input's error.
pub(crate) fn caught<T>(name: &str, f: impl FnOnce() -> T) -> Result<T, InputError> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| internal(name, &*p))
}

/// Who is to blame when a parser panics: sitrep's own code (an internal error, to report) or a library that
/// stops on malformed input with a panic of its own (pdf-extract does): then the input is damaged.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Panics {
    Internal,
    OnDamagedInput,
}

/// `f()` on a parser thread (large stack, time budget), or why it gave nothing.
pub(crate) fn isolated<T: Send + 'static>(
    name: &str,
    what: &str,
    panics: Panics,
    f: impl FnOnce() -> Result<T, InputError> + Send + 'static,
) -> Result<T, InputError> {
    let (tx, rx) = std::sync::mpsc::channel();
    let owner = name.to_string();
    let thing = what.to_string();
    let spawned = std::thread::Builder::new()
        .name(format!("sitrep-{what}"))
        .stack_size(PARSER_STACK)
        .spawn(move || {
            let r = catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|p| {
                Err(match panics {
                    Panics::Internal => internal(&owner, &*p),
                    Panics::OnDamagedInput => err(
                        &owner,
                        format!(
                            "cannot read the {thing}: its parser stopped on it ({}); the file looks damaged",
                            message(&*p)
                        ),
                    ),
                })
            });
            let _ = tx.send(r);
        });
    if let Err(e) = spawned {
        return Err(err(
            name,
            format!("cannot start a thread to read the {what}: {e}"),
        ));
    }
    match rx.recv_timeout(PARSE_BUDGET) {
        Ok(r) => r,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(err(
            name,
            format!(
                "reading the {what} took over {} s; skipped",
                PARSE_BUDGET.as_secs()
            ),
        )),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(err(
            name,
            format!("the {what} reader stopped without a result"),
        )),
    }
}

fn message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into())
}

fn internal(name: &str, payload: &(dyn std::any::Any + Send)) -> InputError {
    let what = message(payload);
    err(
        name,
        format!(
            "internal error while reading it ({what}); the other inputs are unaffected. Please report it with this input"
        ),
    )
}
