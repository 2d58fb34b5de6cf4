//! The opener of an imported gazetteer index on arbitrary files. The input is a mode byte, the lengths of
//! `names.fst` and `places.bin` (u32 little-endian each), their bytes, then `manifest.txt`.
//!
//! Mode even: the three files as given, as a damaged disk or a half-copied folder would leave them; opening
//! must refuse them by name (or, when they are whole, open) and never panic. Mode odd: the manifest is
//! written for the given files, as a faulty writer would: what `places.bin` holds is then trusted by the
//! manifest and must still be checked by its own header and accessors before a look-up reads it. The fst
//! crate trusts its bytes (as the manifest's doc says), so in this mode `names.fst` must pass the fst's own
//! checksum: what is fuzzed is `places.bin`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sitrep_gazetteer::{manifest_text, Gazetteer, MANIFEST_FILE};

fuzz_target!(|data: &[u8]| {
    let Some((mode, rest)) = data.split_first() else {
        return;
    };
    let (Some(n1), Some(n2)) = (u32_at(rest, 0), u32_at(rest, 4)) else {
        return;
    };
    let body = &rest[8..];
    let Some(fst) = body.get(..n1) else {
        return;
    };
    let Some(places) = body.get(n1..n1 + n2) else {
        return;
    };
    let manifest = &body[n1 + n2..];
    if mode % 2 == 1 && fst::raw::Fst::new(fst).and_then(|f| f.verify()).is_err() {
        return;
    }
    let dir = sitrep_fuzz::scratch_dir("gazetteer_open");
    let out = dir.join("index");
    std::fs::create_dir_all(&out).expect("scratch dir writable");
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).expect("scratch dir writable")
    };
    write("names.fst", fst);
    write("places.bin", places);
    if mode % 2 == 0 {
        write(MANIFEST_FILE, manifest);
    } else {
        write(
            MANIFEST_FILE,
            manifest_text(&[("names.fst", fst), ("places.bin", places)]).as_bytes(),
        );
    }
    if let Ok(g) = Gazetteer::open(&[out]) {
        sitrep_fuzz::look_up_some(&g);
    }
});

fn u32_at(b: &[u8], o: usize) -> Option<usize> {
    let s = b.get(o..o + 4)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
}
