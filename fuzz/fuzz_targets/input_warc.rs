//! The warc reader of sitrep-input on arbitrary bytes: every outcome is an item, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: sitrep_fuzz::quiet_panics(), |data: &[u8]| sitrep_fuzz::read(sitrep_input::Format::Warc, data));
