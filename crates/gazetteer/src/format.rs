//! On-disk index format, shared by `build.rs` (embedded layer) and the library (`import` / `open`).
//!
//! An index is two byte blobs:
//!
//! * `names.fst` — an fst `Map` from normalised name to an offset (in u32 units) into the postings.
//! * `places.bin` — little-endian, no alignment requirement (read with `from_le_bytes`):
//!   ```text
//!   header   64 bytes: magic "SITREPGZ", version u32, n_records u32, n_keys u32, n_countries u32,
//!                     then u64 offsets: records, postings, pool, countries, ids, end
//!   records  n_records * 36 bytes, sorted by geonames id:
//!            id u32, lat i32 (1e-5 deg), lon i32, population u32, name u32 (pool offset),
//!            admin1 code u32 (pool), admin1 name u32 (pool), country [u8;2], feature class u8,
//!            feature code [u8;5] (NUL padded)
//!   postings u32 words: for each key, count then `count` record indices
//!   pool     strings as u16 length + UTF-8 bytes; offset 0 is the empty string
//!   countries n_countries * 8 bytes sorted: country [u8;2], 2 pad bytes, record u32
//!   ```
//!
//! Keys starting with '~' are [`skeleton`] keys (romanisation variants), used by fuzzy lookup and
//! `lookup_variants`; keys starting with '^' are [`variant_key`]s (places in [`CYRILLIC_ROMANISED`]
//! countries only), used by `lookup_variants`. An index written before variant keys existed simply
//! has none: `lookup_variants` then finds skeleton matches only.
//! Records are sorted by id, so the id -> record lookup used to dedup layers is a binary search.
//! Nothing is parsed at start-up: a layer is the two blobs plus the 64-byte header.

#![allow(dead_code)]

use std::collections::HashMap;

pub const MAGIC: &[u8; 8] = b"SITREPGZ";
pub const VERSION: u32 = 1;
pub const HEADER_LEN: usize = 64;
pub const RECORD_LEN: usize = 36;
pub const FST_FILE: &str = "names.fst";
pub const DATA_FILE: &str = "places.bin";

/// The matching key: lowercase; Latin diacritics stripped (and ß -> ss, ł -> l, ...); Cyrillic kept
/// as lowercase Cyrillic (ё -> е); apostrophes removed; runs of anything else that is not a letter or
/// digit (hyphens, dots, whitespace, punctuation) -> one space; a leading "st", "st." or "ste" ->
/// "saint"; trimmed.
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    let push = |out: &mut String, c: char, pending: &mut bool| {
        if *pending && !out.is_empty() {
            out.push(' ');
        }
        *pending = false;
        out.push(c);
    };
    for c in name.chars() {
        match c {
            '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '\u{02B9}' | '`'
            | '\u{00B4}' => continue,
            '\u{0300}'..='\u{036F}' => continue, // combining diacritics
            _ => {}
        }
        if c.is_ascii_alphanumeric() {
            push(&mut out, c.to_ascii_lowercase(), &mut pending_space);
        } else if ('\u{0400}'..='\u{052F}').contains(&c) {
            for l in c.to_lowercase() {
                let l = if l == 'ё' { 'е' } else { l };
                push(&mut out, l, &mut pending_space);
            }
        } else if c.is_alphanumeric() {
            match deunicode::deunicode_char(c) {
                Some(s) if s.chars().any(|x| x.is_ascii_alphanumeric()) => {
                    for x in s.chars() {
                        if x.is_ascii_alphanumeric() {
                            push(&mut out, x.to_ascii_lowercase(), &mut pending_space);
                        } else {
                            pending_space = true;
                        }
                    }
                }
                _ => {
                    for l in c.to_lowercase() {
                        push(&mut out, l, &mut pending_space);
                    }
                }
            }
        } else {
            pending_space = true;
        }
    }
    for prefix in ["st ", "ste "] {
        if out.starts_with(prefix) {
            out.replace_range(..prefix.len() - 1, "saint");
            break;
        }
    }
    if out == "st" || out == "ste" {
        out = "saint".to_string();
    }
    out
}

/// Prefix of skeleton keys in the fst (normalise never emits '~', so they cannot meet real keys).
pub const SKELETON_PREFIX: char = '~';

/// A coarse key for Ukrainian/Russian romanisation variants of an ASCII normalised key, or None
/// (non-ASCII key, or no change). kh->h, g->h, zh->z, ts/tz/ch->c, sh/shch->s, w->v, j/y->i, doubled
/// letters collapsed, then ia/io/iu/ie -> a/o/u/e. "Gulyaipole" and "Huliaipole" -> "hulaipole";
/// "Khmelnitsky" and "Khmelnytskyi" -> "hmelnicki".
pub fn skeleton(key: &str) -> Option<String> {
    if !key.is_ascii() || key.len() < 4 {
        return None;
    }
    let mut s = key.to_string();
    for (a, b) in [
        ("shch", "s"),
        ("kh", "h"),
        ("zh", "z"),
        ("ts", "c"),
        ("tz", "c"),
        ("ch", "c"),
        ("sh", "s"),
        ("g", "h"),
        ("w", "v"),
        ("j", "i"),
        ("y", "i"),
    ] {
        if has(&s, a) {
            s = s.replace(a, b);
        }
    }
    let mut t = String::with_capacity(s.len());
    // ASCII throughout: a byte is a char
    for c in s.chars() {
        if t.as_bytes().last() != Some(&(c as u8)) || c == ' ' {
            t.push(c);
        }
    }
    for (a, b) in [("ia", "a"), ("io", "o"), ("iu", "u"), ("ie", "e")] {
        if has(&t, a) {
            t = t.replace(a, b);
        }
    }
    (t != key).then(|| format!("{SKELETON_PREFIX}{t}"))
}

/// Whether `s` contains `a` (short keys and needles: a plain byte scan, no searcher to set up).
fn has(s: &str, a: &str) -> bool {
    match a.as_bytes() {
        [b] => s.as_bytes().contains(b),
        a => s.as_bytes().windows(a.len()).any(|w| w == a),
    }
}

/// Prefix of variant keys in the fst (see [`variant_key`]).
pub const VARIANT_PREFIX: char = '^';

/// Countries whose place names are romanised from Cyrillic, where [`variant_key`] matches are
/// offered (the rules below are rules of Cyrillic romanisation, not of English spelling).
pub const CYRILLIC_ROMANISED: &[&str] = &[
    "UA", "RU", "BY", "KZ", "KG", "TJ", "MD", "BG", "RS", "MK", "MN",
];

/// Letter groups that romanisations of one Cyrillic letter write differently, applied before the
/// skeleton: German-style "sch" (щ/ш), "tch" (ч).
const VARIANT_SPELLINGS: &[(&str, &str)] = &[("sch", "sh"), ("tch", "ch")];

/// A coarser key than [`skeleton`] for the romanisations of one Cyrillic name in Russian and in
/// Ukrainian, or in older and newer systems: the skeleton with every run of vowels written as one
/// `a`, so that Russian o/e against Ukrainian i ("Kharkov"/"Kharkiv", "-ovka"/"-ivka", "Peski"/
/// "Pisky"), adjective endings ("-oye"/"-e", "-aya"/"-a", "-y"/"-yi"), "-ovo"/"-ove" and soft
/// signs meet. Only for ASCII keys with at least three consonants (shorter skeletons collide too
/// much); the result starts with [`VARIANT_PREFIX`].
pub fn variant_key(key: &str) -> Option<String> {
    if !key.is_ascii() {
        return None;
    }
    let mut k = key.to_string();
    for (a, b) in VARIANT_SPELLINGS {
        if has(&k, a) {
            k = k.replace(a, b);
        }
    }
    let sk = skeleton(&k)
        .map(|s| s[SKELETON_PREFIX.len_utf8()..].to_string())
        .unwrap_or(k);
    let mut out = String::with_capacity(sk.len() + 1);
    out.push(VARIANT_PREFIX);
    let mut consonants = 0;
    let mut last = ' ';
    for c in sk.chars() {
        let c = if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') {
            'a'
        } else {
            c
        };
        if c.is_ascii_alphabetic() && c != 'a' {
            consonants += 1;
        }
        if c == 'a' && last == 'a' {
            continue;
        }
        out.push(c);
        last = c;
    }
    (consonants >= 3).then_some(out)
}

/// One place to be written into an index.
#[derive(Debug, Clone, Default)]
pub struct RawPlace {
    pub id: u32,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub country: [u8; 2],
    pub admin1: String,
    pub feature_class: u8,
    pub feature_code: String,
    pub population: u64,
    /// Other names (ascii name, alternate names); keys are `normalise` of these and of `name`.
    pub names: Vec<String>,
}

pub fn is_country_code(code: &str) -> bool {
    matches!(
        code,
        "PCLI" | "PCLD" | "PCLF" | "PCL" | "PCLS" | "PCLIX" | "TERR"
    )
}

fn country_rank(code: &str) -> u8 {
    match code {
        "PCLI" => 0,
        "PCL" => 1,
        "PCLD" | "PCLF" | "PCLS" => 2,
        "PCLIX" => 3,
        _ => 4,
    }
}

struct Pool {
    bytes: Vec<u8>,
    seen: HashMap<String, u32>,
}

impl Pool {
    fn new() -> Pool {
        Pool {
            bytes: vec![0, 0],
            seen: HashMap::new(),
        }
    }
    fn add(&mut self, s: &str) -> u32 {
        if s.is_empty() {
            return 0;
        }
        if let Some(&o) = self.seen.get(s) {
            return o;
        }
        // Cut at a char boundary so that the u16 length always holds.
        let mut end = s.len().min(u16::MAX as usize);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let o = self.bytes.len() as u32;
        self.bytes.extend_from_slice(&(end as u16).to_le_bytes());
        self.bytes.extend_from_slice(&s.as_bytes()[..end]);
        self.seen.insert(s.to_string(), o);
        o
    }
}

/// Sizes of a written index.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuiltSizes {
    pub records: usize,
    pub keys: usize,
}

/// Build an index from places. Duplicate ids keep the first occurrence. `admin1_fallback` names an
/// admin-1 region (country, admin1 code) when the places themselves hold no ADM1 entry for it.
/// Returns (fst bytes, data bytes, sizes).
pub fn build_index(
    mut places: Vec<RawPlace>,
    admin1_fallback: &dyn Fn(&[u8; 2], &str) -> Option<String>,
) -> Result<(Vec<u8>, Vec<u8>, BuiltSizes), String> {
    places.sort_by_key(|p| p.id);
    places.dedup_by_key(|p| p.id);

    let mut admin1_names: HashMap<([u8; 2], String), String> = HashMap::new();
    for p in &places {
        if p.feature_code == "ADM1" && !p.admin1.is_empty() {
            admin1_names
                .entry((p.country, p.admin1.clone()))
                .or_insert_with(|| p.name.clone());
        }
    }

    let mut pool = Pool::new();
    let mut records = Vec::with_capacity(places.len() * RECORD_LEN);
    let mut keys: HashMap<String, Vec<u32>> = HashMap::with_capacity(places.len() * 3);
    let mut countries: Vec<([u8; 2], u8, u64, u32)> = Vec::new();
    let mut fallback_cache: HashMap<([u8; 2], String), Option<String>> = HashMap::new();
    for (i, p) in places.iter().enumerate() {
        let i = i as u32;
        let admin1_name = if p.admin1.is_empty() {
            None
        } else if let Some(n) = admin1_names.get(&(p.country, p.admin1.clone())) {
            Some(n.clone())
        } else {
            fallback_cache
                .entry((p.country, p.admin1.clone()))
                .or_insert_with(|| admin1_fallback(&p.country, &p.admin1))
                .clone()
        };
        records.extend_from_slice(&p.id.to_le_bytes());
        records.extend_from_slice(&((p.lat * 1e5).round() as i32).to_le_bytes());
        records.extend_from_slice(&((p.lon * 1e5).round() as i32).to_le_bytes());
        records.extend_from_slice(&(p.population.min(u32::MAX as u64) as u32).to_le_bytes());
        records.extend_from_slice(&pool.add(&p.name).to_le_bytes());
        records.extend_from_slice(&pool.add(&p.admin1).to_le_bytes());
        records.extend_from_slice(&pool.add(admin1_name.as_deref().unwrap_or("")).to_le_bytes());
        records.extend_from_slice(&p.country);
        records.push(p.feature_class);
        let mut code = [0u8; 5];
        for (d, s) in code.iter_mut().zip(p.feature_code.bytes()) {
            *d = s;
        }
        records.extend_from_slice(&code);

        if is_country_code(&p.feature_code) {
            countries.push((p.country, country_rank(&p.feature_code), p.population, i));
        }
        let mut mine: Vec<String> = Vec::with_capacity(p.names.len() + 1);
        for n in std::iter::once(&p.name).chain(p.names.iter()) {
            let k = normalise(n);
            if k.is_empty() || k.len() > 255 {
                continue;
            }
            if let Some(sk) = skeleton(&k) {
                if !mine.contains(&sk) {
                    mine.push(sk);
                }
            }
            if CYRILLIC_ROMANISED.contains(&std::str::from_utf8(&p.country).unwrap_or("")) {
                if let Some(vk) = variant_key(&k) {
                    if !mine.contains(&vk) {
                        mine.push(vk);
                    }
                }
            }
            if !mine.contains(&k) {
                mine.push(k);
            }
        }
        for k in mine {
            keys.entry(k).or_default().push(i);
        }
    }

    let mut sorted: Vec<(String, Vec<u32>)> = keys.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut postings: Vec<u8> = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    for (k, recs) in &sorted {
        let off = (postings.len() / 4) as u64;
        builder
            .insert(k.as_bytes(), off)
            .map_err(|e| e.to_string())?;
        postings.extend_from_slice(&(recs.len() as u32).to_le_bytes());
        for r in recs {
            postings.extend_from_slice(&r.to_le_bytes());
        }
    }
    let fst_bytes = builder.into_inner().map_err(|e| e.to_string())?;

    countries.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
    countries.dedup_by_key(|c| c.0);
    let mut ctable = Vec::with_capacity(countries.len() * 8);
    for (cc, _, _, rec) in &countries {
        ctable.extend_from_slice(cc);
        ctable.extend_from_slice(&[0, 0]);
        ctable.extend_from_slice(&rec.to_le_bytes());
    }

    let records_off = HEADER_LEN as u64;
    let postings_off = records_off + records.len() as u64;
    let pool_off = postings_off + postings.len() as u64;
    let countries_off = pool_off + pool.bytes.len() as u64;
    let end = countries_off + ctable.len() as u64;
    if pool.bytes.len() > u32::MAX as usize || postings.len() / 4 > u32::MAX as usize {
        return Err("index too large for format version 1".into());
    }
    let mut data = Vec::with_capacity(end as usize);
    data.extend_from_slice(MAGIC);
    data.extend_from_slice(&VERSION.to_le_bytes());
    data.extend_from_slice(&(places.len() as u32).to_le_bytes());
    data.extend_from_slice(&(sorted.len() as u32).to_le_bytes());
    data.extend_from_slice(&(countries.len() as u32).to_le_bytes());
    for v in [records_off, postings_off, pool_off, countries_off, end] {
        data.extend_from_slice(&v.to_le_bytes());
    }
    data.resize(HEADER_LEN, 0);
    data.extend_from_slice(&records);
    data.extend_from_slice(&postings);
    data.extend_from_slice(&pool.bytes);
    data.extend_from_slice(&ctable);
    Ok((
        fst_bytes,
        data,
        BuiltSizes {
            records: places.len(),
            keys: sorted.len(),
        },
    ))
}

/// Parsed header of a `places.bin` blob (offsets checked against the blob length).
#[derive(Debug, Clone, Copy)]
pub struct Header {
    pub n_records: usize,
    pub n_keys: usize,
    pub n_countries: usize,
    pub records: usize,
    pub postings: usize,
    pub pool: usize,
    pub countries: usize,
    pub end: usize,
}

fn u32_at(b: &[u8], o: usize) -> u32 {
    match b.get(o..o + 4) {
        Some(s) => u32::from_le_bytes([s[0], s[1], s[2], s[3]]),
        None => 0,
    }
}

fn u64_at(b: &[u8], o: usize) -> u64 {
    match b.get(o..o + 8) {
        Some(s) => u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]),
        None => 0,
    }
}

impl Header {
    pub fn parse(data: &[u8]) -> Result<Header, String> {
        if data.len() < HEADER_LEN || &data[..8] != MAGIC {
            return Err("not a sitrep gazetteer index (bad magic)".into());
        }
        let version = u32_at(data, 8);
        if version != VERSION {
            return Err(format!(
                "index format version {version}, expected {VERSION}"
            ));
        }
        let h = Header {
            n_records: u32_at(data, 12) as usize,
            n_keys: u32_at(data, 16) as usize,
            n_countries: u32_at(data, 20) as usize,
            records: u64_at(data, 24) as usize,
            postings: u64_at(data, 32) as usize,
            pool: u64_at(data, 40) as usize,
            countries: u64_at(data, 48) as usize,
            end: u64_at(data, 56) as usize,
        };
        let ok = h.records == HEADER_LEN
            && h.records + h.n_records * RECORD_LEN == h.postings
            && h.postings <= h.pool
            && h.pool <= h.countries
            && h.countries + h.n_countries * 8 == h.end
            && h.end == data.len();
        if !ok {
            return Err("index file truncated or inconsistent".into());
        }
        Ok(h)
    }
}

/// A borrowed view of one record.
#[derive(Debug, Clone, Copy)]
pub struct RecordView<'a> {
    pub bytes: &'a [u8],
}

impl<'a> RecordView<'a> {
    pub fn id(&self) -> u32 {
        u32_at(self.bytes, 0)
    }
    pub fn lat(&self) -> f64 {
        u32_at(self.bytes, 4) as i32 as f64 / 1e5
    }
    pub fn lon(&self) -> f64 {
        u32_at(self.bytes, 8) as i32 as f64 / 1e5
    }
    pub fn population(&self) -> u32 {
        u32_at(self.bytes, 12)
    }
    pub fn name_off(&self) -> u32 {
        u32_at(self.bytes, 16)
    }
    pub fn admin1_code_off(&self) -> u32 {
        u32_at(self.bytes, 20)
    }
    pub fn admin1_name_off(&self) -> u32 {
        u32_at(self.bytes, 24)
    }
    pub fn country(&self) -> [u8; 2] {
        [self.bytes[28], self.bytes[29]]
    }
    pub fn feature_class(&self) -> u8 {
        self.bytes[30]
    }
    pub fn feature_code(&self) -> &'a str {
        let c = &self.bytes[31..36];
        let n = c.iter().position(|&b| b == 0).unwrap_or(5);
        std::str::from_utf8(&c[..n]).unwrap_or("")
    }
}

/// Read-side accessors over a `places.bin` blob whose header has been validated.
pub struct DataView<'a> {
    pub data: &'a [u8],
    pub h: Header,
}

impl<'a> DataView<'a> {
    pub fn record(&self, i: usize) -> Option<RecordView<'a>> {
        if i >= self.h.n_records {
            return None;
        }
        let o = self.h.records + i * RECORD_LEN;
        Some(RecordView {
            bytes: &self.data[o..o + RECORD_LEN],
        })
    }

    pub fn string(&self, off: u32) -> &'a str {
        let o = self.h.pool + off as usize;
        if off == 0 || o + 2 > self.h.countries {
            return "";
        }
        let len = u16::from_le_bytes([self.data[o], self.data[o + 1]]) as usize;
        match self.data.get(o + 2..o + 2 + len) {
            Some(s) if o + 2 + len <= self.h.countries => std::str::from_utf8(s).unwrap_or(""),
            _ => "",
        }
    }

    /// Record indices of the posting list at `off` (in u32 units).
    pub fn postings(&self, off: u64) -> impl Iterator<Item = usize> + 'a {
        let base = self.h.postings + (off as usize) * 4;
        let limit = self.h.pool;
        let data = self.data;
        let count = if base + 4 <= limit {
            u32_at(data, base) as usize
        } else {
            0
        };
        let count = count.min((limit.saturating_sub(base + 4)) / 4);
        (0..count).map(move |k| u32_at(data, base + 4 + k * 4) as usize)
    }

    /// Binary search of the id-sorted records.
    pub fn find_id(&self, id: u32) -> Option<usize> {
        let (mut lo, mut hi) = (0usize, self.h.n_records);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let v = u32_at(self.data, self.h.records + mid * RECORD_LEN);
            if v < id {
                lo = mid + 1;
            } else if v > id {
                hi = mid;
            } else {
                return Some(mid);
            }
        }
        None
    }

    pub fn country(&self, cc: [u8; 2]) -> Option<usize> {
        let (mut lo, mut hi) = (0usize, self.h.n_countries);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let o = self.h.countries + mid * 8;
            let v = [self.data[o], self.data[o + 1]];
            match v.cmp(&cc) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(u32_at(self.data, o + 4) as usize),
            }
        }
        None
    }
}

/// Parse one line of the derived default layer TSV (see tools/gazetteer/derive_default.py).
pub fn parse_default_line(line: &str) -> Option<RawPlace> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 10 {
        return None;
    }
    let cc = f[4].as_bytes();
    Some(RawPlace {
        id: f[0].parse().ok()?,
        name: f[1].to_string(),
        lat: f[2].parse().ok()?,
        lon: f[3].parse().ok()?,
        country: [*cc.first().unwrap_or(&b' '), *cc.get(1).unwrap_or(&b' ')],
        admin1: f[5].to_string(),
        feature_class: *f[6].as_bytes().first().unwrap_or(&b'P'),
        feature_code: f[7].to_string(),
        population: f[8].parse().unwrap_or(0),
        names: f[9]
            .split('|')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
    })
}
