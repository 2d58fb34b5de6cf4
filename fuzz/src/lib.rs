//! What the input targets share: panics left to sitrep's guards, and the outcomes a target hunts.

use sitrep_input::{items_from_bytes, Format, Item, ReadOptions};

/// Panics unwind to sitrep's own guards, as they do in the binary (libFuzzer's hook would abort on a panic a
/// guard catches, such as a library's on a damaged PDF, which sitrep reports as the input's damage).
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}

/// Reads `data` as `format`; aborts (a crash for libFuzzer) on a caught panic of sitrep's own code or a parse
/// over its time budget.
pub fn read(format: Format, data: &[u8]) {
    for i in items_from_bytes("fuzz", format, data.to_vec(), ReadOptions::new(1 << 20)) {
        if let Item::Failed(e) = i {
            if e.message.starts_with("internal error") || e.message.starts_with("reading the ") {
                eprintln!("{e}");
                std::process::abort();
            }
        }
    }
}
