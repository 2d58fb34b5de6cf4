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

/// A directory of this process's own under the system's temporary directory, for targets that read files.
pub fn scratch_dir(target: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-fuzz-{target}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory writable");
    dir
}

/// Every kind of look-up, on names the seed indexes hold and on none (one fuzzy look-up: over the embedded
/// layer it costs a few milliseconds).
pub fn look_up_some(g: &sitrep_gazetteer::Gazetteer) {
    for name in ["Kyiv", "Kharkov", "Куп'янськ", "Donetsk Oblast", "Nowhere"] {
        let _ = g.lookup(name);
        let _ = g.lookup_variants(name);
    }
    let _ = g.lookup_fuzzy("Kupyansk", 1);
    let _ = g.country("UA");
    let _ = g.stats();
}
