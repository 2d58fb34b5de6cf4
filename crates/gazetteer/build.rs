//! Builds the embedded default layer (data/gazetteer/*.tsv.gz) into OUT_DIR/names.fst and
//! OUT_DIR/places.bin, which the library includes with `include_bytes!`.

#[path = "src/format.rs"]
mod format;
#[path = "src/polygons.rs"]
mod polygons;

use std::io::{BufRead, BufReader};
use std::path::Path;

/// Hand-written layers in data/gazetteer (plain `.tsv`, the columns of default.tsv.gz): water bodies and
/// macro-regions, counties of the United Kingdom.
const PLAIN_LAYERS: &[&str] = &["water_regions.tsv", "uk_counties.tsv"];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteer");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=src/format.rs");
    println!("cargo:rerun-if-changed=src/polygons.rs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".tsv.gz"))
        .collect();
    files.sort();
    let mut places = Vec::with_capacity(240_000);
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let file = std::fs::File::open(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let reader = BufReader::with_capacity(1 << 20, flate2::read::GzDecoder::new(file));
        for (n, line) in reader.lines().enumerate() {
            let line = line.unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            if line.is_empty() {
                continue;
            }
            match format::parse_default_line(&line) {
                Some(p) => places.push(p),
                None => panic!("{}:{}: malformed line", f.display(), n + 1),
            }
        }
    }
    // small layers written by hand, plain text with '#' comments, same columns
    for name in PLAIN_LAYERS {
        let f = dir.join(name);
        println!("cargo:rerun-if-changed={}", f.display());
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            match format::parse_default_line(line) {
                Some(p) => places.push(p),
                None => panic!("{}:{}: malformed line", f.display(), n + 1),
            }
        }
    }
    apply_overrides(&dir.join("overrides.tsv"), &mut places);
    let (fst, data, _) =
        format::build_index(places, &|_, _| None).expect("building embedded index");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join(format::FST_FILE), fst).unwrap();
    std::fs::write(out.join(format::DATA_FILE), data).unwrap();

    // admin-1 polygons for point-in-polygon look-ups
    let poly_file = dir.join("admin1_polygons.txt.gz");
    println!("cargo:rerun-if-changed={}", poly_file.display());
    let mut text = String::new();
    let file =
        std::fs::File::open(&poly_file).unwrap_or_else(|e| panic!("{}: {e}", poly_file.display()));
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut text)
        .unwrap_or_else(|e| panic!("{}: {e}", poly_file.display()));
    let blob =
        polygons::build_blob(&text).unwrap_or_else(|e| panic!("{}: {e}", poly_file.display()));
    std::fs::write(out.join("admin1_polygons.bin"), blob).unwrap();
}

/// data/gazetteer/overrides.tsv: `geonameid, lat, lon, extra names ('|'-joined), why`; an empty lat/lon keeps
/// the point.
fn apply_overrides(path: &Path, places: &mut [format::RawPlace]) {
    println!("cargo:rerun-if-changed={}", path.display());
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let mut by_id: std::collections::HashMap<u32, Vec<&str>> = std::collections::HashMap::new();
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let f: Vec<&str> = line.split('\t').collect();
        let id = f[0]
            .parse()
            .unwrap_or_else(|_| panic!("{}: bad id in '{line}'", path.display()));
        by_id.insert(id, f);
    }
    for p in places.iter_mut() {
        let Some(f) = by_id.get(&p.id) else { continue };
        if let (Some(Ok(lat)), Some(Ok(lon))) = (
            f.get(1).map(|v| v.parse::<f64>()),
            f.get(2).map(|v| v.parse::<f64>()),
        ) {
            p.lat = lat;
            p.lon = lon;
        }
        if let Some(names) = f.get(3) {
            p.names.extend(
                names
                    .split('|')
                    .filter(|n| !n.is_empty())
                    .map(str::to_string),
            );
        }
    }
}
