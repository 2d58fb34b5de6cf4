//! Embeds every file under `assets/` in the binary: writes `$OUT_DIR/assets_table.rs`, a sorted
//! `(path, bytes, content type)` table that `src/assets.rs` includes. Paths are relative to `assets/`
//! with `/` separators; dot-files are skipped.
//!
//! The server lets browsers cache assets for a year, so the page names them with a version: in `.html`,
//! `.js` and `.css` files the token `__ASSET_VERSION__` is replaced by a hash of all the assets (the edited
//! copies are written to `$OUT_DIR/versioned/` and embedded from there), e.g. `app.js?v=__ASSET_VERSION__`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            walk(&path, root, out);
        } else if path.is_file() {
            let rel = path.strip_prefix(root).expect("under the assets root");
            let key = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            println!("cargo:rerun-if-changed={}", path.display());
            out.push((key, path));
        }
    }
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json" | "topojson") => "application/json",
        Some("geojson") => "application/geo+json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

const TOKEN: &str = "__ASSET_VERSION__";

/// FNV-1a, 64 bits: enough to tell one build's assets from another's.
fn fnv1a(hash: &mut u64, bytes: &[u8]) {
    for b in bytes {
        *hash ^= u64::from(*b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("assets");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    files.sort();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for (key, path) in &files {
        fnv1a(&mut hash, key.as_bytes());
        fnv1a(&mut hash, &fs::read(path).expect("read an asset"));
    }
    let version = format!("{:012x}", hash >> 16);
    let mut f = fs::File::create(out_dir.join("assets_table.rs")).expect("create assets_table.rs");
    writeln!(
        f,
        "/// Hash of the embedded assets, in the page's asset URLs (`?v=`)."
    )
    .unwrap();
    writeln!(f, "pub const VERSION: &str = {version:?};").unwrap();
    writeln!(
        f,
        "/// Embedded assets, sorted by path: (path, bytes, content type)."
    )
    .unwrap();
    writeln!(f, "static ASSETS: &[(&str, &[u8], &str)] = &[").unwrap();
    for (key, path) in &files {
        let ty = content_type(key);
        let mut source = path.clone();
        if ty.starts_with("text/html")
            || ty.starts_with("text/javascript")
            || ty.starts_with("text/css")
        {
            let text = fs::read_to_string(path).expect("read a text asset");
            if text.contains(TOKEN) {
                source = out_dir.join("versioned").join(key);
                fs::create_dir_all(source.parent().expect("a file has a parent")).unwrap();
                fs::write(&source, text.replace(TOKEN, &version)).expect("write a versioned asset");
            }
        }
        writeln!(
            f,
            "    ({key:?}, include_bytes!({:?}), {ty:?}),",
            source.display().to_string()
        )
        .unwrap();
    }
    writeln!(f, "];").unwrap();
}
