//! The warc reader of sitrep-input on arbitrary bytes: every outcome is an item, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sitrep_input::{items_from_bytes, Format, Item, ReadOptions};

/// Panics unwind to sitrep's own guards, as they do in the binary (libFuzzer's hook would abort on a panic a
/// guard catches, such as a library's on a damaged PDF, which sitrep reports as the input's damage).
fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}

/// A caught panic of sitrep's own code, or a parse over its time budget, is what this target hunts.
fn abort_on_internal_errors(items: &[Item]) {
    for i in items {
        if let Item::Failed(e) = i {
            if e.message.starts_with("internal error") || e.message.starts_with("reading the ") {
                eprintln!("{e}");
                std::process::abort();
            }
        }
    }
}

fuzz_target!(init: quiet_panics(), |data: &[u8]| {
    let items = items_from_bytes("fuzz", Format::Warc, data.to_vec(), ReadOptions::new(1 << 20));
    abort_on_internal_errors(&items);
});
