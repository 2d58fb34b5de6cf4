//! Embeds every file under `assets/` in the binary: writes `$OUT_DIR/assets_table.rs`, a sorted
//! `(path, bytes, content type)` table that `src/assets.rs` includes. Paths are relative to `assets/`
//! with `/` separators; dot-files are skipped.

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

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("assets");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    files.sort();
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("assets_table.rs");
    let mut f = fs::File::create(&out).expect("create assets_table.rs");
    writeln!(
        f,
        "/// Embedded assets, sorted by path: (path, bytes, content type)."
    )
    .unwrap();
    writeln!(f, "static ASSETS: &[(&str, &[u8], &str)] = &[").unwrap();
    for (key, path) in &files {
        writeln!(
            f,
            "    ({key:?}, include_bytes!({:?}), {:?}),",
            path.display().to_string(),
            content_type(key)
        )
        .unwrap();
    }
    writeln!(f, "];").unwrap();
}
