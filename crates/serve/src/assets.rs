//! The map page and its assets, embedded at build time from `crates/serve/assets/` (see `build.rs`
//! and `MAP.md`). The binary serves them without network access: no CDN, no tile server.

include!(concat!(env!("OUT_DIR"), "/assets_table.rs"));

/// The embedded file at `path` (relative to `assets/`, no leading slash) and its content type.
/// `""` and `"index.html"` are the map page.
pub fn get(path: &str) -> Option<(&'static [u8], &'static str)> {
    let path = if path.is_empty() { "index.html" } else { path };
    ASSETS
        .binary_search_by(|(p, _, _)| (*p).cmp(path))
        .ok()
        .map(|i| (ASSETS[i].1, ASSETS[i].2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_and_its_scripts_are_embedded_with_their_types() {
        let (page, ty) = get("").expect("index.html is embedded");
        assert_eq!(ty, "text/html; charset=utf-8");
        assert_eq!(get("index.html").unwrap().0, page);
        let html = std::str::from_utf8(page).unwrap();
        // every /assets/ reference in the page resolves to an embedded file
        for piece in html.split("/assets/").skip(1) {
            let end = piece.find(['"', '\'', '?', ')']).unwrap();
            let path = &piece[..end];
            assert!(
                get(path).is_some(),
                "page references /assets/{path}, which is not embedded"
            );
        }
        assert!(get("nope.js").is_none());
        assert!(
            !html.contains("__ASSET_VERSION__") && html.contains(&format!("?v={VERSION}")),
            "asset URLs in the page carry the build's version"
        );
        let (app, _) = get("js/app.js").expect("the page's script");
        assert!(std::str::from_utf8(app)
            .unwrap()
            .contains(&format!("./api.js?v={VERSION}")));
        assert!(get("/index.html").is_none(), "paths carry no leading slash");
    }

    #[test]
    fn the_table_is_sorted_for_binary_search() {
        assert!(!ASSETS.is_empty());
        assert!(ASSETS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
