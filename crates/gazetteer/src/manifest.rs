//! The manifest of an imported index directory: the index format version, and the length and CRC-32 of
//! each of its files, written by `import` after the files and checked by [`crate::Gazetteer::open`]
//! before anything is read from them. A damaged index (truncated, bytes changed, a file of another
//! import) is then an error naming the file and saying to import again, never a panic or a wrong
//! answer inside the fst crate, which trusts the bytes it is given.
//!
//! The file, `manifest.txt`, is text:
//!
//! ```text
//! sitrep-gazetteer-index 1
//! names.fst 1528631 6f1c2a9e
//! places.bin 3477380 0b5e77d1
//! ```
//!
//! The embedded layer has no manifest: it is part of the binary. An index directory written before
//! manifests existed has none either and is refused with the same advice (import it again), rather than
//! read unchecked.
//!
//! Cost: CRC-32 (crc32fast, SIMD) reads the mapped files once at open, about 1 ms for the 5 MB of
//! `UA.zip`'s index; the pages read stay in the page cache, and count in the process's resident memory
//! as the look-ups would (see `crates/gazetteer/README.md`).

use std::path::{Path, PathBuf};

use crate::format;
use crate::GazetteerError;

/// The manifest's file name inside an index directory.
pub const MANIFEST_FILE: &str = "manifest.txt";

/// The first word of the manifest's first line; the index format version ([`format::VERSION`]) follows.
const MAGIC: &str = "sitrep-gazetteer-index";

/// The files of an index, in the manifest's order.
const FILES: [&str; 2] = [format::FST_FILE, format::DATA_FILE];

/// The advice every error about a damaged index ends with.
pub(crate) const ADVICE: &str = "run `sitrep gazetteer import` again to rebuild the index";

/// The manifest text of an index made of `files`: (file name, bytes).
pub fn render(files: &[(&str, &[u8])]) -> String {
    let mut out = format!("{MAGIC} {}\n", format::VERSION);
    for (name, bytes) in files {
        out.push_str(&format!("{name} {} {:08x}\n", bytes.len(), crc32(bytes)));
    }
    out
}

/// CRC-32 (IEEE) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new();
    h.update(bytes);
    h.finalize()
}

/// A file of an index that fails its check: which file, and what is wrong.
fn damaged(path: PathBuf, reason: String) -> GazetteerError {
    GazetteerError::Damaged {
        path,
        reason,
        advice: ADVICE,
    }
}

/// What the manifest of `dir` says of each file: (name, length, CRC-32).
fn read(dir: &Path) -> Result<Vec<(String, usize, u32)>, GazetteerError> {
    let path = dir.join(MANIFEST_FILE);
    let text = match std::fs::read(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(damaged(
            path,
            "no manifest: the index was written by an older sitrep or its import did not finish"
                .into(),
        )),
        Err(e) => return Err(GazetteerError::io(&path, e)),
    };
    let bad = |reason: String| damaged(path.clone(), reason);
    let text =
        String::from_utf8(text).map_err(|_| bad("not a manifest (not UTF-8 text)".into()))?;
    let mut lines = text.lines();
    let head = lines.next().unwrap_or("");
    match head.split_once(' ') {
        Some((MAGIC, v)) if v == format::VERSION.to_string() => {}
        Some((MAGIC, v)) => {
            return Err(bad(format!(
                "index format version {v}, this sitrep reads version {}",
                format::VERSION
            )))
        }
        _ => return Err(bad(format!("not a manifest (first line {head:?})"))),
    }
    let mut out = Vec::new();
    for (n, line) in lines.enumerate() {
        let f: Vec<&str> = line.split(' ').collect();
        let parsed = match f.as_slice() {
            // the CRC in exactly 8 hex digits: a cut line does not read as a smaller number
            [name, len, crc] if crc.len() == 8 => len
                .parse::<usize>()
                .ok()
                .zip(u32::from_str_radix(crc, 16).ok())
                .map(|(len, crc)| (name.to_string(), len, crc)),
            _ => None,
        };
        out.push(
            parsed
                .ok_or_else(|| bad(format!("line {}: {line:?} is not NAME LENGTH CRC32", n + 2)))?,
        );
    }
    Ok(out)
}

/// Checks the files of the index in `dir` (`(name, bytes)` as mapped) against its manifest: every file
/// listed, with its length and CRC-32.
pub fn verify(dir: &Path, files: &[(&str, &[u8])]) -> Result<(), GazetteerError> {
    let listed = read(dir)?;
    for name in FILES {
        if !listed.iter().any(|(n, _, _)| n == name) {
            return Err(damaged(
                dir.join(MANIFEST_FILE),
                format!("{name} is not listed"),
            ));
        }
    }
    for (name, bytes) in files {
        let Some((_, len, crc)) = listed.iter().find(|(n, _, _)| n == name) else {
            continue;
        };
        let path = dir.join(name);
        if bytes.len() != *len {
            return Err(damaged(
                path,
                format!(
                    "{} bytes, the manifest says {len} (truncated, or from another import)",
                    bytes.len()
                ),
            ));
        }
        let got = crc32(bytes);
        if got != *crc {
            return Err(damaged(
                path,
                format!("checksum {got:08x}, the manifest says {crc:08x} (the file is damaged)"),
            ));
        }
    }
    Ok(())
}
