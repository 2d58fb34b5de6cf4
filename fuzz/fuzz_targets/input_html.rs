//! The html reader of sitrep-input on arbitrary bytes: every outcome is an item, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sitrep_input::{items_from_bytes, Format, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let _ = items_from_bytes("fuzz", Format::Html, data.to_vec(), ReadOptions::new(1 << 20));
});
