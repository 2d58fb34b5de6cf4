//! `import`: GeoNames dumps (as GeoNames publishes them) -> an index directory.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::format::{self, RawPlace};
use crate::manifest;
use crate::{Gazetteer, GazetteerError};

/// Which rows to keep.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// GeoNames feature classes to keep; default `['P', 'A']` (populated places, admin areas).
    /// Add 'S' (spots, buildings), 'T' (hills), 'H' (water), 'L' (areas), 'R', 'V', 'U' as needed.
    pub feature_classes: Vec<char>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            feature_classes: vec!['P', 'A'],
        }
    }
}

impl ImportOptions {
    /// Keep every feature class.
    pub fn all_classes() -> Self {
        ImportOptions {
            feature_classes: "ADHLPRSTUV".chars().collect(),
        }
    }
}

/// What an import read and wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportStats {
    /// GeoNames tables read (a zip may hold several).
    pub files: usize,
    /// Data rows read from the main tables.
    pub rows: u64,
    /// Rows dropped for their feature class.
    pub skipped: u64,
    /// Places written.
    pub entries: usize,
    /// Distinct normalised names written.
    pub names: usize,
    /// Alternate names taken from alternateNames(V2) files.
    pub alternate_names: u64,
    /// Bytes written (fst + record file).
    pub index_bytes: u64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Places,
    AltNames,
}

const GEONAMES_COLUMNS: usize = 19;

/// Import with the default options (feature classes P and A). See [`import_with`].
pub fn import(files: &[PathBuf], out_dir: &Path) -> Result<ImportStats, GazetteerError> {
    import_with(files, out_dir, &ImportOptions::default())
}

/// Read GeoNames dumps — a country zip like `UA.zip`, `allCountries.zip`, `cities500.zip` or
/// `.txt`, and optionally `alternateNamesV2.zip`/`.txt` — and write an index into `out_dir`
/// (`names.fst` + `places.bin` and their `manifest.txt`, replacing any index there). Open it with [`Gazetteer::open`].
pub fn import_with(
    files: &[PathBuf],
    out_dir: &Path,
    opts: &ImportOptions,
) -> Result<ImportStats, GazetteerError> {
    let mut stats = ImportStats::default();
    let mut places: Vec<RawPlace> = Vec::new();
    let mut index: HashMap<u32, usize> = HashMap::new();
    for f in files {
        if !f.exists() {
            return Err(GazetteerError::NotFound { path: f.clone() });
        }
    }
    // Places first, so that alternate names can be attached to the places kept.
    for kind in [Kind::Places, Kind::AltNames] {
        for f in files {
            for_each_table(f, kind, &mut |path, kind, reader| {
                stats.files += 1;
                match kind {
                    Kind::Places => {
                        read_places(path, reader, opts, &mut places, &mut index, &mut stats)
                    }
                    Kind::AltNames => read_alt_names(path, reader, &mut places, &index, &mut stats),
                }
            })?;
        }
    }
    if places.is_empty() {
        let path = files.first().cloned().unwrap_or_default();
        return Err(GazetteerError::NotGeoNames {
            path,
            reason: "no places of the wanted feature classes".into(),
        });
    }
    drop(index);

    let fallback = Gazetteer::embedded_admin1_names();
    let (fst, data, sizes) = format::build_index(places, &|cc, code| {
        fallback.get(&(*cc, code.to_string())).cloned()
    })
    .map_err(|reason| GazetteerError::BadIndex {
        path: out_dir.to_path_buf(),
        reason,
    })?;
    std::fs::create_dir_all(out_dir).map_err(|e| GazetteerError::io(out_dir, e))?;
    // the manifest goes first and comes back last: an import that stops half-way leaves an index
    // that `open` refuses, not one whose files do not belong together
    let manifest_path = out_dir.join(manifest::MANIFEST_FILE);
    match std::fs::remove_file(&manifest_path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(GazetteerError::io(&manifest_path, e))
        }
        _ => {}
    }
    let manifest = manifest::render(&[(format::FST_FILE, &fst), (format::DATA_FILE, &data)]);
    for (name, bytes) in [
        (format::DATA_FILE, data.as_slice()),
        (format::FST_FILE, fst.as_slice()),
        (manifest::MANIFEST_FILE, manifest.as_bytes()),
    ] {
        let tmp = out_dir.join(format!("{name}.tmp"));
        let dst = out_dir.join(name);
        std::fs::write(&tmp, bytes).map_err(|e| GazetteerError::io(&tmp, e))?;
        std::fs::rename(&tmp, &dst).map_err(|e| GazetteerError::io(&dst, e))?;
    }
    stats.entries = sizes.records;
    stats.names = sizes.keys;
    stats.index_bytes = (fst.len() + data.len()) as u64;
    Ok(stats)
}

fn table_kind(name: &str) -> Option<Kind> {
    let base = name.rsplit('/').next().unwrap_or(name);
    let lower = base.to_ascii_lowercase();
    if lower.starts_with("alternatenames") {
        Some(Kind::AltNames)
    } else if lower == "readme.txt"
        || lower.starts_with("iso-languagecodes")
        || !lower.ends_with(".txt")
    {
        None
    } else {
        Some(Kind::Places)
    }
}

type TableFn<'a> = dyn FnMut(&Path, Kind, &mut dyn BufRead) -> Result<(), GazetteerError> + 'a;

/// Call `f` on every GeoNames table of kind `want` in `path` (a zip archive or a text file).
fn for_each_table(path: &Path, want: Kind, f: &mut TableFn<'_>) -> Result<(), GazetteerError> {
    let mut file = File::open(path).map_err(|e| GazetteerError::io(path, e))?;
    let mut magic = [0u8; 4];
    let n = file
        .read(&mut magic)
        .map_err(|e| GazetteerError::io(path, e))?;
    let is_zip = n == 4 && (magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    if !is_zip {
        if name.to_ascii_lowercase().ends_with(".zip") {
            return Err(GazetteerError::CorruptZip {
                path: path.to_path_buf(),
                reason: "not a zip archive".into(),
            });
        }
        if n > 0 && magic[..n].contains(&0) {
            return Err(GazetteerError::NotGeoNames {
                path: path.to_path_buf(),
                reason: "binary file".into(),
            });
        }
        let kind = if name.to_ascii_lowercase().starts_with("alternatenames") {
            Kind::AltNames
        } else {
            Kind::Places
        };
        if kind == want {
            let file = File::open(path).map_err(|e| GazetteerError::io(path, e))?;
            f(path, kind, &mut BufReader::with_capacity(1 << 20, file))?;
        }
        return Ok(());
    }
    let file = File::open(path).map_err(|e| GazetteerError::io(path, e))?;
    let corrupt = |e: zip::result::ZipError| GazetteerError::CorruptZip {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(corrupt)?;
    let mut found = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(corrupt)?;
        if entry.is_dir() {
            continue;
        }
        let Some(kind) = table_kind(entry.name()) else {
            continue;
        };
        found += 1;
        if kind != want {
            continue;
        }
        let inner = path.join(entry.name());
        let mut reader = BufReader::with_capacity(1 << 20, entry);
        f(&inner, kind, &mut reader).map_err(|e| match e {
            // An I/O error while inflating an entry means the archive is damaged.
            GazetteerError::Io { path, source } => GazetteerError::CorruptZip {
                path,
                reason: source.to_string(),
            },
            e => e,
        })?;
    }
    if found == 0 {
        return Err(GazetteerError::NotGeoNames {
            path: path.to_path_buf(),
            reason: "the archive holds no GeoNames table (.txt)".into(),
        });
    }
    Ok(())
}

/// Read lines as (1-based line number, text), tolerating invalid UTF-8 (replaced).
fn each_line(
    path: &Path,
    reader: &mut dyn BufRead,
    f: &mut dyn FnMut(u64, &str) -> Result<(), GazetteerError>,
) -> Result<(), GazetteerError> {
    let mut buf = Vec::with_capacity(4096);
    let mut line_no = 0u64;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| GazetteerError::io(path, e))?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        while matches!(buf.last(), Some(b'\n' | b'\r')) {
            buf.pop();
        }
        if buf.is_empty() || buf[0] == b'#' {
            continue;
        }
        let text = String::from_utf8_lossy(&buf);
        f(line_no, &text)?;
    }
}

fn read_places(
    path: &Path,
    reader: &mut dyn BufRead,
    opts: &ImportOptions,
    places: &mut Vec<RawPlace>,
    index: &mut HashMap<u32, usize>,
    stats: &mut ImportStats,
) -> Result<(), GazetteerError> {
    each_line(path, reader, &mut |line, text| {
        let cols: Vec<&str> = text.split('\t').collect();
        if cols.len() != GEONAMES_COLUMNS {
            return Err(GazetteerError::WrongColumns {
                path: path.to_path_buf(),
                line,
                expected: GEONAMES_COLUMNS,
                found: cols.len(),
            });
        }
        let bad = |what: &str, v: &str| GazetteerError::BadValue {
            path: path.to_path_buf(),
            line,
            reason: format!("bad {what} {v:?}"),
        };
        stats.rows += 1;
        let id: u32 = cols[0].parse().map_err(|_| bad("geonameid", cols[0]))?;
        let lat: f64 = cols[4].parse().map_err(|_| bad("latitude", cols[4]))?;
        let lon: f64 = cols[5].parse().map_err(|_| bad("longitude", cols[5]))?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(bad("coordinates", &format!("{lat},{lon}")));
        }
        let class = cols[6].chars().next().unwrap_or(' ');
        if !opts.feature_classes.contains(&class) {
            stats.skipped += 1;
            return Ok(());
        }
        let population = cols[14].parse::<u64>().unwrap_or(0);
        let cc = cols[8].as_bytes();
        let mut names = Vec::new();
        if cols[2] != cols[1] && !cols[2].is_empty() {
            names.push(cols[2].to_string());
        }
        names.extend(
            cols[3]
                .split(',')
                .filter(|n| keep_name(n))
                .map(|n| n.trim().to_string()),
        );
        let place = RawPlace {
            id,
            name: cols[1].to_string(),
            lat,
            lon,
            country: [*cc.first().unwrap_or(&b' '), *cc.get(1).unwrap_or(&b' ')],
            admin1: cols[10].to_string(),
            feature_class: class as u8,
            feature_code: cols[7].to_string(),
            population,
            names,
        };
        match index.get(&id) {
            Some(&i) => places[i] = place, // a later file wins for the same id
            None => {
                index.insert(id, places.len());
                places.push(place);
            }
        }
        Ok(())
    })
}

fn read_alt_names(
    path: &Path,
    reader: &mut dyn BufRead,
    places: &mut [RawPlace],
    index: &HashMap<u32, usize>,
    stats: &mut ImportStats,
) -> Result<(), GazetteerError> {
    each_line(path, reader, &mut |line, text| {
        let cols: Vec<&str> = text.split('\t').collect();
        // alternateNamesV2: 10 columns; the older alternateNames: 8.
        if !(8..=10).contains(&cols.len()) {
            return Err(GazetteerError::WrongColumns {
                path: path.to_path_buf(),
                line,
                expected: 10,
                found: cols.len(),
            });
        }
        let id: u32 = cols[1].parse().map_err(|_| GazetteerError::BadValue {
            path: path.to_path_buf(),
            line,
            reason: format!("bad geonameid {:?}", cols[1]),
        })?;
        let Some(&i) = index.get(&id) else {
            return Ok(());
        };
        if matches!(
            cols[2],
            "link" | "post" | "iata" | "icao" | "faac" | "wkdt" | "unlc" | "tcid" | "fr_1793"
        ) {
            return Ok(());
        }
        if cols[7] == "1" && cols[2].is_empty() {
            // historic names without a language are mostly noise; keep historic names with one
            return Ok(());
        }
        let name = cols[3].trim();
        if keep_name(name) && !places[i].names.iter().any(|n| n == name) {
            places[i].names.push(name.to_string());
            stats.alternate_names += 1;
        }
        Ok(())
    })
}

/// Keep Latin- and Cyrillic-script names only (the news read is English, Ukrainian, Russian); drop
/// lowercase-only Latin names (machine romanisations) and all-capital codes of up to 4 letters.
pub(crate) fn keep_name(n: &str) -> bool {
    let n = n.trim();
    if n.is_empty() || n.len() > 200 || n.contains("http") {
        return false;
    }
    let mut letters = 0;
    let mut latin = 0;
    let mut upper_latin = false;
    for c in n.chars() {
        if !c.is_alphabetic() {
            continue;
        }
        letters += 1;
        let o = c as u32;
        let is_latin = o < 0x250 || (0x1E00..=0x1EFF).contains(&o);
        let is_cyr = (0x400..=0x52F).contains(&o)
            || (0x2DE0..=0x2DFF).contains(&o)
            || (0xA640..=0xA69F).contains(&o);
        if !is_latin && !is_cyr {
            return false;
        }
        if is_latin {
            latin += 1;
            upper_latin |= c.is_uppercase();
        }
    }
    if letters == 0 || (latin == letters && !upper_latin) {
        return false;
    }
    !(n.len() <= 4 && n.chars().all(|c| c.is_ascii_uppercase()))
}
