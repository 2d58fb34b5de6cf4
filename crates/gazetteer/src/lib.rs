//! Place-name gazetteer for sitrep.
//!
//! Two kinds of layer, searched together:
//!
//! * the **embedded** layer, built by `build.rs` from `data/gazetteer/default.tsv.gz` (GeoNames
//!   cities500 with Latin/Cyrillic alternate names, countries, admin-1 regions) and compiled into
//!   the binary with `include_bytes!`: start-up parses nothing but a 64-byte header;
//! * **imported** layers, written by [`import`] from GeoNames dumps (`UA.zip`, `allCountries.zip`,
//!   `cities500.zip`, `alternateNamesV2.zip`) into a directory, and memory-mapped by [`Gazetteer::open`].
//!   An imported directory carries a manifest (format version, length and CRC-32 of each file, see
//!   `manifest.rs`) that `open` checks first: a damaged or older index is a [`GazetteerError::Damaged`]
//!   naming the file, never a panic inside the fst crate.
//!
//! Both use the same format (see `format.rs`): an fst map from [`normalise`]d name to a posting
//! list, and a fixed-size record table sorted by GeoNames id. When the same GeoNames id appears in
//! several layers the imported record wins (it has real feature codes and fresher data).
//!
//! API CONTRACT (the extract crate is written against exactly this; keep these names and signatures):
//!
//! ```ignore
//! pub struct Gazetteer;               // Send + Sync, cheap to share behind & or Arc
//! impl Gazetteer {
//!     /// Embedded default layer only (GeoNames cities500 + alternate names, countries, admin-1).
//!     pub fn embedded() -> Result<Gazetteer, GazetteerError>;
//!     /// Embedded layer plus imported index directories (made by `import`), searched together.
//!     pub fn open(extra_dirs: &[std::path::PathBuf]) -> Result<Gazetteer, GazetteerError>;
//!     /// Every entry whose normalised name equals normalise(name). Unsorted is fine; dedup by geonames_id.
//!     pub fn lookup(&self, name: &str) -> Vec<Candidate>;
//!     /// Entries within `max_edits` (1 or 2) of normalise(name); used only when lookup is empty.
//!     pub fn lookup_fuzzy(&self, name: &str, max_edits: u32) -> Vec<Candidate>;
//!     /// The country entry (feature code PCLI etc.) for an ISO-3166 alpha-2 code.
//!     pub fn country(&self, iso2: &str) -> Option<Candidate>;
//!     /// Country code for a demonym or adjective ("Ukrainian", "Russian", "Belarusian", "US", "American").
//!     pub fn demonym(&self, word: &str) -> Option<&'static str>;
//!     /// Number of names and entries, for `sitrep gazetteer info`.
//!     pub fn stats(&self) -> GazetteerStats;
//! }
//! pub fn normalise(name: &str) -> String;    // the matching key
//! pub fn import(files: &[std::path::PathBuf], out_dir: &std::path::Path) -> Result<ImportStats, GazetteerError>;
//! pub fn default_index_dir() -> Option<std::path::PathBuf>;   // user's data dir, e.g. ~/.local/share/sitrep/gazetteer
//!
//! #[derive(Debug, Clone)]
//! pub struct Candidate {
//!     pub geonames_id: u64,
//!     pub name: String,            // preferred English/ASCII name, e.g. "Zaporizhzhia", "Saint Petersburg"
//!     pub lat: f64, pub lon: f64,
//!     pub country_code: String,    // "UA"
//!     pub admin1_code: Option<String>,  // GeoNames admin1 code "26"
//!     pub admin1: Option<String>,  // admin-1 name, e.g. "Zaporizhzhia Oblast"
//!     pub feature_class: char,     // 'P', 'A', ...
//!     pub feature_code: String,    // "PPL", "PPLA", "PPLC", "PCLI", "ADM1"
//!     pub population: u64,
//! }
//! ```

mod format;
mod import;
mod manifest;
mod polygons;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use fst::{Automaton, IntoStreamer, Streamer};

pub use format::{normalise, CYRILLIC_ROMANISED};

/// Whether two normalised keys are the same name in two romanisations by the
/// [skeleton](format::skeleton) rules (kh/h, g/h, zh/z, y/i, ya/ia, doubled letters):
/// "slovyansk" and "sloviansk", "huliaipole" and "gulyaipole".
pub fn same_skeleton(a: &str, b: &str) -> bool {
    let core =
        |k: &str| format::skeleton(k).map(|s| s[format::SKELETON_PREFIX.len_utf8()..].to_string());
    match (core(a), core(b)) {
        (Some(x), Some(y)) => x == y,
        (Some(x), None) => x == b,
        (None, Some(y)) => y == a,
        (None, None) => a == b,
    }
}
pub use import::{import, import_with, ImportOptions, ImportStats};
/// The manifest text for index files (name, bytes): for tools and the fuzz targets that write an index by hand.
#[doc(hidden)]
pub use manifest::render as manifest_text;
pub use manifest::MANIFEST_FILE;

static EMBEDDED_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.fst"));
static EMBEDDED_DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.bin"));
static ADMIN1_POLYGONS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/admin1_polygons.bin"));
static DEMONYMS: &str = include_str!("../../../data/gazetteer/demonyms.tsv");

/// Everything that can go wrong; every message names the file concerned.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("{path}: file not found")]
    NotFound { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a GeoNames dump: {reason}")]
    NotGeoNames { path: PathBuf, reason: String },
    #[error("{path}: corrupt zip archive: {reason}")]
    CorruptZip { path: PathBuf, reason: String },
    #[error("{path}: line {line}: expected {expected} tab-separated columns, found {found}")]
    WrongColumns {
        path: PathBuf,
        line: u64,
        expected: usize,
        found: usize,
    },
    #[error("{path}: line {line}: {reason}")]
    BadValue {
        path: PathBuf,
        line: u64,
        reason: String,
    },
    #[error("{path}: not a usable gazetteer index: {reason}")]
    BadIndex { path: PathBuf, reason: String },
    /// An imported index that fails the check at open (its manifest, a file's length or checksum, the
    /// format of its files): `advice` says what to do.
    #[error("{path}: damaged gazetteer index: {reason}; {advice}")]
    Damaged {
        path: PathBuf,
        reason: String,
        advice: &'static str,
    },
}

impl GazetteerError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> GazetteerError {
        if source.kind() == std::io::ErrorKind::NotFound {
            GazetteerError::NotFound {
                path: path.to_path_buf(),
            }
        } else {
            GazetteerError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub geonames_id: u64,
    /// Preferred English/ASCII name, e.g. "Zaporizhzhia", "Saint Petersburg".
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// ISO-3166 alpha-2, "UA".
    pub country_code: String,
    /// GeoNames admin1 code, "26".
    pub admin1_code: Option<String>,
    /// Admin-1 name, e.g. "Zaporizhzhia Oblast".
    pub admin1: Option<String>,
    /// 'P', 'A', ...
    pub feature_class: char,
    /// "PPL", "PPLA", "PPLC", "PCLI", "ADM1", ...
    pub feature_code: String,
    pub population: u64,
}

/// Per-layer sizes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerStats {
    /// "embedded" or the index directory.
    pub source: String,
    /// Distinct normalised names (fst keys).
    pub names: usize,
    /// Places (records).
    pub entries: usize,
    /// Bytes of index (fst + record file).
    pub bytes: usize,
}

/// Sizes of the whole gazetteer, for `sitrep gazetteer info`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerStats {
    /// Sum over layers of distinct normalised names.
    pub names: usize,
    /// Sum over layers of places (an id present in two layers counts twice).
    pub entries: usize,
    /// Imported layers first (they take precedence), embedded last.
    pub layers: Vec<LayerStats>,
}

enum Blob {
    Static(&'static [u8]),
    Mapped(memmap2::Mmap),
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        match self {
            Blob::Static(b) => b,
            Blob::Mapped(m) => m,
        }
    }
}

struct Layer {
    names: fst::Map<Blob>,
    data: Blob,
    header: format::Header,
    source: String,
}

impl Layer {
    fn new(names: Blob, data: Blob, source: String, path: &Path) -> Result<Layer, GazetteerError> {
        let bad = |reason: String| GazetteerError::BadIndex {
            path: path.to_path_buf(),
            reason,
        };
        let header = format::Header::parse(data.as_ref()).map_err(bad)?;
        let names = fst::Map::new(names).map_err(|e| GazetteerError::BadIndex {
            path: path.to_path_buf(),
            reason: format!("{}: {e}", format::FST_FILE),
        })?;
        if names.len() != header.n_keys {
            return Err(GazetteerError::BadIndex {
                path: path.to_path_buf(),
                reason: format!(
                    "{} and {} do not belong together",
                    format::FST_FILE,
                    format::DATA_FILE
                ),
            });
        }
        Ok(Layer {
            names,
            data,
            header,
            source,
        })
    }

    fn view(&self) -> format::DataView<'_> {
        format::DataView {
            data: self.data.as_ref(),
            h: self.header,
        }
    }

    fn candidate(&self, rec: usize) -> Option<Candidate> {
        let v = self.view();
        let r = v.record(rec)?;
        let cc = r.country();
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Some(Candidate {
            geonames_id: r.id() as u64,
            name: v.string(r.name_off()).to_string(),
            lat: r.lat(),
            lon: r.lon(),
            country_code: String::from_utf8_lossy(&cc).trim().to_string(),
            admin1_code: opt(v.string(r.admin1_code_off())),
            admin1: opt(v.string(r.admin1_name_off())),
            feature_class: r.feature_class() as char,
            feature_code: r.feature_code().to_string(),
            population: r.population() as u64,
        })
    }
}

/// The gazetteer: imported layers (highest priority first) then the embedded layer.
pub struct Gazetteer {
    layers: Vec<Layer>,
    /// Answers of the dear look-ups (romanisation variants, fuzzy), shared by the documents of a run:
    /// names repeat across documents. The gazetteer never changes, so an answer never goes stale.
    memo: Memo,
}

/// Most entries a memo table keeps; past that it starts afresh (bounds memory on endless streams).
const MEMO_ENTRIES: usize = 50_000;

#[derive(Default)]
struct Memo {
    variants: std::sync::Mutex<rustc_hash::FxHashMap<String, Vec<Candidate>>>,
    fuzzy: std::sync::Mutex<rustc_hash::FxHashMap<(String, u32), Vec<Candidate>>>,
}

impl Memo {
    fn get<K: std::hash::Hash + Eq>(
        table: &std::sync::Mutex<rustc_hash::FxHashMap<K, Vec<Candidate>>>,
        key: K,
        compute: impl FnOnce() -> Vec<Candidate>,
    ) -> Vec<Candidate> {
        if let Some(c) = table.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return c.clone();
        }
        let c = compute();
        let mut t = table.lock().unwrap_or_else(|e| e.into_inner());
        if t.len() >= MEMO_ENTRIES {
            t.clear();
        }
        t.insert(key, c.clone());
        c
    }
}

fn mmap(path: &Path) -> Result<Blob, GazetteerError> {
    let f = std::fs::File::open(path).map_err(|e| GazetteerError::io(path, e))?;
    // SAFETY: index files are written once by `import` (to a temporary name, then renamed) and
    // never modified in place; a concurrent truncation by another program is outside our contract.
    let m = unsafe { memmap2::Mmap::map(&f) }.map_err(|e| GazetteerError::io(path, e))?;
    Ok(Blob::Mapped(m))
}

impl Gazetteer {
    /// Embedded default layer only (GeoNames cities500 + alternate names, countries, admin-1).
    pub fn embedded() -> Result<Gazetteer, GazetteerError> {
        Ok(Gazetteer {
            layers: vec![embedded_layer()?],
            memo: Memo::default(),
        })
    }

    /// Embedded layer plus imported index directories (made by [`import`]), searched together.
    /// Earlier directories take precedence over later ones, and all over the embedded layer.
    /// A directory without an index is an error ([`GazetteerError::NotFound`]).
    pub fn open(extra_dirs: &[PathBuf]) -> Result<Gazetteer, GazetteerError> {
        let mut layers = Vec::with_capacity(extra_dirs.len() + 1);
        for dir in extra_dirs {
            let names = mmap(&dir.join(format::FST_FILE))?;
            let data_path = dir.join(format::DATA_FILE);
            let data = mmap(&data_path)?;
            // the bytes first: the fst crate trusts what it is given
            manifest::verify(
                dir,
                &[
                    (format::FST_FILE, names.as_ref()),
                    (format::DATA_FILE, data.as_ref()),
                ],
            )?;
            let layer = Layer::new(names, data, dir.display().to_string(), &data_path);
            layers.push(layer.map_err(|e| match e {
                // files that match their manifest yet do not parse: written wrong, or edited with it
                GazetteerError::BadIndex { path, reason } => GazetteerError::Damaged {
                    path,
                    reason,
                    advice: manifest::ADVICE,
                },
                e => e,
            })?);
        }
        layers.push(embedded_layer()?);
        Ok(Gazetteer {
            layers,
            memo: Memo::default(),
        })
    }

    /// Embedded layer plus [`default_index_dir`] when an index has been imported there.
    pub fn open_default() -> Result<Gazetteer, GazetteerError> {
        match default_index_dir() {
            Some(d) if d.join(format::DATA_FILE).is_file() => Gazetteer::open(&[d]),
            _ => Gazetteer::embedded(),
        }
    }

    /// The record for `id` in the highest-priority layer up to and including `layer`.
    fn best(&self, layer: usize, rec: usize, id: u32) -> Option<Candidate> {
        for l in &self.layers[..layer] {
            if let Some(r) = l.view().find_id(id) {
                return l.candidate(r);
            }
        }
        self.layers[layer].candidate(rec)
    }

    fn id_of(&self, layer: usize, rec: usize) -> Option<u32> {
        self.layers[layer].view().record(rec).map(|r| r.id())
    }

    /// The country code of the record [`Gazetteer::best`] would read, without building the candidate.
    fn best_country(&self, layer: usize, rec: usize, id: u32) -> Option<[u8; 2]> {
        for l in &self.layers[..layer] {
            if let Some(r) = l.view().find_id(id) {
                return l.view().record(r).map(|r| r.country());
            }
        }
        self.layers[layer].view().record(rec).map(|r| r.country())
    }

    /// Every entry whose normalised name equals `normalise(name)`, deduplicated by GeoNames id,
    /// most populous first.
    pub fn lookup(&self, name: &str) -> Vec<Candidate> {
        let key = normalise(name);
        if key.is_empty() {
            return Vec::new();
        }
        let mut seen = rustc_hash::FxHashSet::default();
        let mut out = Vec::new();
        for (li, layer) in self.layers.iter().enumerate() {
            if let Some(off) = layer.names.get(key.as_bytes()) {
                for rec in layer.view().postings(off) {
                    let Some(id) = self.id_of(li, rec) else {
                        continue;
                    };
                    if seen.insert(id) {
                        out.extend(self.best(li, rec, id));
                    }
                }
            }
        }
        out.sort_by_key(rank);
        out
    }

    /// Entries whose normalised name is within `max_edits` edits of `normalise(name)`, closest
    /// first, then most populous. Entries whose name has the same romanisation skeleton
    /// (kh/h, g/h, zh/z, y/i, ya/ia, doubled letters: "Gulyaipole" ~ "Huliaipole") count as one
    /// edit. The distance is capped by key length to keep noise down: keys
    /// under 5 characters get no fuzzy match, 5-8 characters at most 1 edit, longer at most 2.
    pub fn lookup_fuzzy(&self, name: &str, max_edits: u32) -> Vec<Candidate> {
        Memo::get(&self.memo.fuzzy, (name.to_string(), max_edits), || {
            self.lookup_fuzzy_uncached(name, max_edits)
        })
    }

    fn lookup_fuzzy_uncached(&self, name: &str, max_edits: u32) -> Vec<Candidate> {
        let key = normalise(name);
        let n = key.chars().count();
        let cap = match n {
            0..=4 => 0,
            5..=8 => 1,
            _ => 2,
        };
        let d = max_edits.min(cap);
        if d == 0 || key.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u32, usize, usize)> = Vec::new(); // (distance, layer, record)
                                                             // Romanisation variants ("Gulyaipole" for "Huliaipole") count as one edit.
        if let Some(sk) = format::skeleton(&key) {
            for (li, layer) in self.layers.iter().enumerate() {
                if let Some(off) = layer.names.get(sk.as_bytes()) {
                    hits.extend(layer.view().postings(off).map(|rec| (1, li, rec)));
                }
            }
        }
        let kchars: Vec<char> = key.chars().collect();
        // the skeleton and variant keys are skipped below: not searched into either
        if n <= LevenshteinRows::max_len(&key) {
            // the same keys as fst's Levenshtein DFA, without building it (about 2 ms at distance 2,
            // longer than the search)
            let lev = LevenshteinRows::new(&kchars, d).intersection(NoMarkedKeys);
            self.fuzzy_hits(&lev, &kchars, &mut hits);
        } else {
            // fst's DFA, at a smaller distance where it grows too large
            let mut d = d;
            let lev = loop {
                match fst::automaton::Levenshtein::new(&key, d) {
                    Ok(l) => break l,
                    Err(_) if d > 1 => d -= 1,
                    Err(_) => return Vec::new(),
                }
            };
            self.fuzzy_hits(&(&lev).intersection(NoMarkedKeys), &kchars, &mut hits);
        }
        hits.sort_by_key(|h| (h.0, h.1));
        let mut seen = HashSet::new();
        let mut out: Vec<(u32, Candidate)> = Vec::new();
        for (dist, li, rec) in hits {
            let Some(id) = self.id_of(li, rec) else {
                continue;
            };
            if seen.insert(id) {
                if let Some(c) = self.best(li, rec, id) {
                    out.push((dist, c));
                }
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0).then(rank(&a.1).cmp(&rank(&b.1))));
        out.into_iter().map(|(_, c)| c).collect()
    }

    /// The keys `lev` accepts in every layer, with their edit distance to the key: (distance, layer,
    /// record) for each of their entries.
    fn fuzzy_hits<A: Automaton>(
        &self,
        lev: &A,
        kchars: &[char],
        hits: &mut Vec<(u32, usize, usize)>,
    ) {
        for (li, layer) in self.layers.iter().enumerate() {
            let mut stream = layer.names.search(lev).into_stream();
            while let Some((k, off)) = stream.next() {
                if matches!(k.first(), Some(&b) if b == format::SKELETON_PREFIX as u8 || b == format::VARIANT_PREFIX as u8)
                {
                    continue;
                }
                let dist = std::str::from_utf8(k)
                    .map(|k| edit_distance(kchars, k))
                    .unwrap_or(u32::MAX);
                for rec in layer.view().postings(off) {
                    hits.push((dist, li, rec));
                }
            }
        }
    }

    /// Romanisation variants of `name` that [`Gazetteer::lookup`] does not find, in countries whose
    /// names are romanised from Cyrillic: entries whose name has the same
    /// [`skeleton`](format::skeleton) key ("Gulyaipole" ~ "Huliaipole"), then those with the same
    /// [`variant_key`](format::variant_key)
    /// ("Zolotoye" ~ "Zolote", "Kharkov" ~ "Kharkiv", "Peski" ~ "Pisky"). Exact matches are left
    /// out, and so are variant-key matches whose preferred name is more than a quarter of the
    /// name's length (at least 2) edits away; within each tier, most populous first. Callers should rank these below exact matches
    /// unless the context (a named region, nearby places) supports them.
    pub fn lookup_variants(&self, name: &str) -> Vec<Candidate> {
        Memo::get(&self.memo.variants, name.to_string(), || {
            self.lookup_variants_uncached(name)
        })
    }

    fn lookup_variants_uncached(&self, name: &str) -> Vec<Candidate> {
        let key = normalise(name);
        if key.chars().count() < 4 {
            return Vec::new();
        }
        let mut exact: rustc_hash::FxHashSet<u32> = rustc_hash::FxHashSet::default();
        for (li, layer) in self.layers.iter().enumerate() {
            if let Some(off) = layer.names.get(key.as_bytes()) {
                exact.extend(layer.view().postings(off).filter_map(|r| self.id_of(li, r)));
            }
        }
        let mut out: Vec<Candidate> = Vec::new();
        let sk = format::skeleton(&key).or_else(|| {
            key.is_ascii()
                .then(|| format!("{}{key}", format::SKELETON_PREFIX))
        });
        let tiers = [sk, format::variant_key(&key)];
        let kchars: Vec<char> = key.chars().collect();
        // the coarse variant key only for names not far from the one written
        let max_edits = (kchars.len() as u32 / 4).max(2);
        for (tier, k) in tiers.iter().enumerate() {
            let Some(k) = k else { continue };
            let from = out.len();
            for (li, layer) in self.layers.iter().enumerate() {
                let Some(off) = layer.names.get(k.as_bytes()) else {
                    continue;
                };
                for rec in layer.view().postings(off) {
                    let Some(id) = self.id_of(li, rec) else {
                        continue;
                    };
                    if exact.insert(id) {
                        // the country first: most entries are not in a Cyrillic-romanised one
                        let romanised = self.best_country(li, rec, id).is_some_and(|cc| {
                            std::str::from_utf8(&cc)
                                .is_ok_and(|cc| format::CYRILLIC_ROMANISED.contains(&cc.trim()))
                        });
                        if !romanised {
                            continue;
                        }
                        if let Some(c) = self.best(li, rec, id) {
                            let near = tier == 0
                                || edit_distance(&kchars, &normalise(&c.name)) <= max_edits;
                            if near && format::CYRILLIC_ROMANISED.contains(&c.country_code.as_str())
                            {
                                out.push(c);
                            }
                        }
                    }
                }
            }
            out[from..].sort_by_key(rank);
        }
        out
    }

    /// The country entry (feature code PCLI etc.) for an ISO-3166 alpha-2 code.
    pub fn country(&self, iso2: &str) -> Option<Candidate> {
        let b = iso2.trim().as_bytes();
        if b.len() != 2 {
            return None;
        }
        let cc = [b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()];
        self.layers
            .iter()
            .find_map(|l| l.view().country(cc).and_then(|r| l.candidate(r)))
    }

    /// The admin-1 region a point lies in, as (ISO-3166 alpha-2 country, admin-1 name), from the
    /// embedded Natural Earth admin-1 polygons (simplified to about 1 km; names as GeoNames
    /// writes them where its places say which region a polygon is: "Zaporizhzhia Oblast").
    /// `None` at sea and outside every polygon. See [`admin1_at`].
    pub fn admin1_at(&self, lat: f64, lon: f64) -> Option<(&'static str, &'static str)> {
        admin1_at(lat, lon)
    }

    /// Country code for a demonym or adjective ("Ukrainian", "Russian", "Belarusian", "US",
    /// "American"), from `data/gazetteer/demonyms.tsv`. English words must be capitalised
    /// ("Ukrainian", "UKRAINIAN"; not "pole"), abbreviations written as listed ("US", "U.S.";
    /// not "us"); Cyrillic adjectives ("українські", "российские") match in any case. A trailing
    /// possessive "'s" is ignored.
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        demonym(word)
    }

    /// Number of names and entries, for `sitrep gazetteer info`.
    pub fn stats(&self) -> GazetteerStats {
        let layers: Vec<LayerStats> = self
            .layers
            .iter()
            .map(|l| LayerStats {
                source: l.source.clone(),
                names: l.header.n_keys,
                entries: l.header.n_records,
                bytes: l.names.as_fst().as_bytes().len() + l.data.as_ref().len(),
            })
            .collect();
        GazetteerStats {
            names: layers.iter().map(|l| l.names).sum(),
            entries: layers.iter().map(|l| l.entries).sum(),
            layers,
        }
    }

    /// All admin-1 names of the lowest-priority (embedded) layer, keyed by (country, admin1 code).
    pub(crate) fn embedded_admin1_names() -> HashMap<([u8; 2], String), String> {
        let mut m = HashMap::new();
        if let Ok(layer) = embedded_layer() {
            let v = layer.view();
            for i in 0..v.h.n_records {
                let Some(r) = v.record(i) else { break };
                if r.feature_code() == "ADM1" {
                    let code = v.string(r.admin1_code_off());
                    if !code.is_empty() {
                        m.insert(
                            (r.country(), code.to_string()),
                            v.string(r.name_off()).to_string(),
                        );
                    }
                }
            }
        }
        m
    }
}

fn embedded_layer() -> Result<Layer, GazetteerError> {
    Layer::new(
        Blob::Static(EMBEDDED_FST),
        Blob::Static(EMBEDDED_DATA),
        "embedded".to_string(),
        Path::new("<embedded>"),
    )
}

/// The keys within `d` edits (of Unicode characters) of a query, like fst's `Levenshtein` automaton, read
/// without building a DFA: the state is the row of edit distances (capped at `d + 1`) from the
/// characters read so far to each prefix of the query, and the bytes of a character not yet complete.
struct LevenshteinRows<'a> {
    query: &'a [char],
    d: u8,
}

const ROWS_MAX: usize = 30;

#[derive(Clone)]
struct RowState {
    row: [u8; ROWS_MAX + 1],
    /// The smallest value in `row`.
    min: u8,
    /// Characters read.
    depth: u32,
    /// A character being read: its bits so far, and how many bytes it still needs.
    code: u32,
    need: u8,
    len: u8,
    dead: bool,
}

impl<'a> LevenshteinRows<'a> {
    /// Longest query (in characters) read this way. Only ASCII queries, where fst's DFA is exact
    /// Levenshtein (on a query with other letters it misses a different character that shares a first
    /// byte with one of the query's: "харков" for "харків"); and not past the length where that DFA
    /// would give up (10,000 states: never up to 40 ASCII characters at distance 2).
    fn max_len(key: &str) -> usize {
        if key.is_ascii() {
            ROWS_MAX
        } else {
            0
        }
    }

    fn new(query: &'a [char], d: u32) -> Self {
        LevenshteinRows {
            query,
            d: d.min(250) as u8,
        }
    }
}

impl fst::Automaton for LevenshteinRows<'_> {
    type State = RowState;

    fn start(&self) -> RowState {
        let mut row = [0u8; ROWS_MAX + 1];
        for (i, r) in row.iter_mut().enumerate().take(self.query.len() + 1) {
            *r = (i as u32).min(u32::from(self.d) + 1) as u8;
        }
        RowState {
            row,
            min: 0,
            depth: 0,
            code: 0,
            need: 0,
            len: 0,
            dead: false,
        }
    }

    fn is_match(&self, s: &RowState) -> bool {
        !s.dead && s.need == 0 && s.row[self.query.len()] <= self.d
    }

    fn can_match(&self, s: &RowState) -> bool {
        !s.dead && s.min <= self.d
    }

    fn accept(&self, s: &RowState, byte: u8) -> RowState {
        let mut next = s.clone();
        if s.dead {
            return next;
        }
        // UTF-8: a character is complete at its last byte; anything else is no key's
        let ch = if s.need == 0 {
            match byte {
                0x00..=0x7F => char::from(byte),
                0xC2..=0xDF => {
                    (next.code, next.need, next.len) = (u32::from(byte & 0x1F), 1, 2);
                    return next;
                }
                0xE0..=0xEF => {
                    (next.code, next.need, next.len) = (u32::from(byte & 0x0F), 2, 3);
                    return next;
                }
                0xF0..=0xF4 => {
                    (next.code, next.need, next.len) = (u32::from(byte & 0x07), 3, 4);
                    return next;
                }
                _ => {
                    next.dead = true;
                    return next;
                }
            }
        } else {
            if byte & 0xC0 != 0x80 {
                next.dead = true;
                return next;
            }
            next.code = (s.code << 6) | u32::from(byte & 0x3F);
            next.need -= 1;
            if next.need > 0 {
                return next;
            }
            let least = match s.len {
                2 => 0x80,
                3 => 0x800,
                _ => 0x10000,
            };
            match char::from_u32(next.code).filter(|_| next.code >= least) {
                Some(c) => c,
                None => {
                    next.dead = true;
                    return next;
                }
            }
        };
        // a cell i holds at least |i - depth|: only the band of 2d + 1 cells around the depth can be
        // under the cap, the rest stay at it
        let (cap, d, n) = (self.d + 1, u32::from(self.d), self.query.len());
        let t = s.depth.saturating_add(1);
        next.depth = t;
        let lo = t.saturating_sub(d) as usize;
        let hi = (t.saturating_add(d) as usize).min(n);
        if lo > n {
            next.dead = true;
            return next;
        }
        let mut min = cap;
        if lo == 0 {
            next.row[0] = t.min(u32::from(cap)) as u8;
            min = next.row[0];
        } else {
            next.row[lo - 1] = cap;
        }
        for i in lo.max(1)..=hi {
            let v = (next.row[i - 1] + 1)
                .min(s.row[i] + 1)
                .min(s.row[i - 1] + u8::from(self.query[i - 1] != ch))
                .min(cap);
            next.row[i] = v;
            min = min.min(v);
        }
        next.min = min;
        next
    }
}

/// Keys that start with neither the [skeleton](format::SKELETON_PREFIX) nor the
/// [variant](format::VARIANT_PREFIX) marker: the place names themselves.
struct NoMarkedKeys;

impl fst::Automaton for NoMarkedKeys {
    /// 0 at the start, 1 inside a name, 2 inside a marked key.
    type State = u8;

    fn start(&self) -> u8 {
        0
    }

    fn is_match(&self, &state: &u8) -> bool {
        state != 2
    }

    fn can_match(&self, &state: &u8) -> bool {
        state != 2
    }

    fn accept(&self, &state: &u8, byte: u8) -> u8 {
        match state {
            0 if byte == format::SKELETON_PREFIX as u8 || byte == format::VARIANT_PREFIX as u8 => 2,
            0 => 1,
            s => s,
        }
    }
}

/// Result order: most populous first; on a tie populated places before areas (a city before the
/// admin-1 region named after it), then by id.
fn rank(c: &Candidate) -> (std::cmp::Reverse<u64>, bool, u64) {
    (
        std::cmp::Reverse(c.population),
        c.feature_class != 'P',
        c.geonames_id,
    )
}

/// Levenshtein distance between a char slice and a string (keys are short).
fn edit_distance(a: &[char], b: &str) -> u32 {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<u32> = (0..=b.len() as u32).collect();
    let mut cur = vec![0u32; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i as u32 + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + u32::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

struct DemonymTable {
    /// lowercase word -> (word as listed, country code)
    by_lower: rustc_hash::FxHashMap<String, (&'static str, &'static str)>,
}

fn demonym_table() -> &'static DemonymTable {
    static T: OnceLock<DemonymTable> = OnceLock::new();
    T.get_or_init(|| {
        let mut by_lower = rustc_hash::FxHashMap::default();
        for line in DEMONYMS.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((word, cc)) = line.split_once('\t') else {
                continue;
            };
            by_lower
                .entry(word.to_lowercase())
                .or_insert((word, cc.trim()));
        }
        DemonymTable { by_lower }
    })
}

/// See [`Gazetteer::demonym`].
pub fn demonym(word: &str) -> Option<&'static str> {
    let mut w = word.trim();
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(s) = w.strip_suffix(suffix) {
            w = s;
            break;
        }
    }
    let (listed, cc) = *demonym_table().by_lower.get(&w.to_lowercase())?;
    let starts_upper = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    let accept = w == listed
        // abbreviations ("US", "UK") only as written: "us" is a pronoun
        || (listed.chars().any(char::is_lowercase)
            // English demonyms are capitalised ("Ukrainian", "UKRAINIAN", not "pole");
            // Cyrillic adjectives are listed lowercase and match in any case.
            && (starts_upper(w) || !starts_upper(listed)));
    accept.then_some(cc)
}

/// The admin-1 region a point lies in: (country, admin-1 name), or `None` at sea and outside every
/// polygon. A 5-degree grid narrows the search to the polygons whose bounding box meets the
/// point's cell; a bounding-box test each, then ray casting over their rings (8,864 polygons,
/// 366,513 points, embedded; no allocation).
pub fn admin1_at(lat: f64, lon: f64) -> Option<(&'static str, &'static str)> {
    polygons::Polygons::new(ADMIN1_POLYGONS)?.at(lat, lon)
}

/// Number of embedded admin-1 polygons and the bytes they take, for `gazetteer info` and benches.
pub fn admin1_polygon_stats() -> (usize, usize) {
    (
        polygons::Polygons::new(ADMIN1_POLYGONS).map_or(0, |p| p.len()),
        ADMIN1_POLYGONS.len(),
    )
}

/// `$SITREP_DATA_DIR/gazetteer`, else `$XDG_DATA_HOME/sitrep/gazetteer`, else
/// `~/.local/share/sitrep/gazetteer`.
pub fn default_index_dir() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(d) = env("SITREP_DATA_DIR") {
        return Some(d.join("gazetteer"));
    }
    if let Some(d) = env("XDG_DATA_HOME") {
        return Some(d.join("sitrep").join("gazetteer"));
    }
    env("HOME").map(|h| h.join(".local/share/sitrep/gazetteer"))
}

#[cfg(test)]
mod tests;
