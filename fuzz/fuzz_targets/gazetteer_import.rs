//! The GeoNames dump reader (`sitrep gazetteer import`) on arbitrary bytes: a country table, an alternate-names
//! table beside a small good country table, or a zip archive, chosen by the first byte. Any outcome is an index
//! or an error naming the file; never a panic. An index that is written must open and answer look-ups.
#![no_main]
use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use sitrep_gazetteer::{import_with, Gazetteer, ImportOptions};

/// A good country table, for the alternate names to attach to.
const PLACES: &str = "703448\tKyiv\tKyiv\tKiev\t50.45466\t30.5238\tP\tPPLC\tUA\t\t12\t\t\t\t2797553\t\t187\tEurope/Kyiv\t2023-01-01\n";

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else {
        return;
    };
    let dir = sitrep_fuzz::scratch_dir("gazetteer_import");
    let mut files: Vec<PathBuf> = Vec::new();
    let name = match kind % 3 {
        0 => "XX.txt",
        1 => {
            let places = dir.join("XX.txt");
            std::fs::write(&places, PLACES).expect("scratch dir writable");
            files.push(places);
            "alternateNamesV2.txt"
        }
        _ => "XX.zip",
    };
    let dump = dir.join(name);
    std::fs::write(&dump, body).expect("scratch dir writable");
    files.push(dump);
    let out = dir.join("index");
    if import_with(&files, &out, &ImportOptions::all_classes()).is_ok() {
        let g = Gazetteer::open(&[out]).expect("an index just written opens");
        sitrep_fuzz::look_up_some(&g);
    }
});
