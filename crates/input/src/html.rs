//! Web pages: the main text, title, date and outlet of a page (dom_smoothie's readability), and the flat text of
//! markup (feed entries, pages too deeply nested to lay out).
//!
//! A page is decoded by its declared charset ([`crate::charset::decode_markup`]), then measured: markup nested
//! deeper than [`MAX_LAYOUT_DEPTH`] (browsers stop laying out around there, and tree builders spend time with the
//! square of the depth and stack with the depth) is read flat, with a warning, instead of laid out. The layout
//! runs on a parser thread ([`crate::guard::isolated`]).

use crate::charset::decode_markup;
use crate::guard::{isolated, Panics};
use crate::{err, host_of, metadata_date, over_limit, InputDoc, InputError, ReadOptions};

/// Elements nested deeper than this are not laid out: the page is read flat.
pub(crate) const MAX_LAYOUT_DEPTH: usize = 512;

/// A page with fewer words of main text than this holds no article.
const MIN_ARTICLE_WORDS: usize = 5;

/// Elements with no content (they never open a level).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements a new sibling closes (`<p>a<p>b` is two paragraphs, not one inside the other).
const SELF_CLOSING_SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "option", "tr", "td", "th"];

/// Elements whose content is not markup: passed over whole.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "noscript"];

/// Elements that end a line of flat text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dt",
    "dd",
    "figure",
    "figcaption",
];

/// The document of an HTML page. `http_charset` is the Content-Type of the response that carried it, if any.
pub(crate) fn page(
    name: &str,
    id: String,
    bytes: Vec<u8>,
    url: Option<&str>,
    http_charset: Option<&str>,
    opts: ReadOptions,
) -> Result<InputDoc, InputError> {
    if bytes.len() as u64 > opts.max_bytes {
        return Err(over_limit(name, bytes.len() as u64, opts.max_bytes));
    }
    let decoded = decode_markup(name, &bytes, http_charset)?;
    drop(bytes);
    let html = decoded.text;
    if !html.contains('<') {
        return Err(err(name, "is not an HTML page (no markup found)"));
    }
    let mut warnings: Vec<String> = decoded.warning.into_iter().collect();
    let depth = nesting_depth(&html);
    let article = if depth > MAX_LAYOUT_DEPTH {
        warnings.push(format!(
            "markup nested {depth} deep (over {MAX_LAYOUT_DEPTH}): read as flat text, without picking the main text"
        ));
        Article {
            title: raw_element(&html, "title").map(|t| flat_text(&t)),
            text: flat_text(&html),
            ..Default::default()
        }
    } else {
        let owner = name.to_string();
        let url_owned = url.map(str::to_string);
        isolated(name, "page", Panics::Internal, move || {
            layout(&owner, &html, url_owned.as_deref())
        })?
    };
    let text = article.text.trim().to_string();
    if text.split_whitespace().count() < MIN_ARTICLE_WORDS {
        return Err(err(name, "the HTML page holds no article text"));
    }
    let published = metadata_date(
        article.published.as_deref(),
        "the page's published time",
        &mut warnings,
    );
    Ok(InputDoc {
        id,
        text,
        published_source: published.map(|_| sitrep_ledger::PublishedSource::Metadata),
        published,
        title: article.title.filter(|t| !t.is_empty()),
        url: url.map(str::to_string),
        source: article.site.or_else(|| url.and_then(host_of)),
        warnings,
        ..Default::default()
    })
}

#[derive(Default)]
struct Article {
    text: String,
    title: Option<String>,
    published: Option<String>,
    site: Option<String>,
}

fn layout(name: &str, html: &str, url: Option<&str>) -> Result<Article, InputError> {
    let mut r = dom_smoothie::Readability::new(html, url, None)
        .map_err(|e| err(name, format!("cannot read the HTML: {e}")))?;
    let a = r
        .parse()
        .map_err(|e| err(name, format!("no article text found in the HTML: {e}")))?;
    Ok(Article {
        text: a.text_content.to_string(),
        title: Some(a.title.to_string()),
        published: a.published_time.map(|s| s.to_string()),
        site: a.site_name.map(|s| s.to_string()),
    })
}

/// One tag of markup, as [`tags`] finds it.
struct Tag {
    /// Lower-cased element name.
    name: String,
    closing: bool,
    /// Written `<x/>`.
    empty: bool,
    /// Where the tag starts and ends (`<` .. after `>`).
    start: usize,
    end: usize,
}

/// The tags of `html` in order; comments, doctypes and the content of raw-text elements are passed over.
fn tags(html: &str) -> impl Iterator<Item = Tag> + '_ {
    let b = html.as_bytes();
    let mut i = 0usize;
    std::iter::from_fn(move || loop {
        let lt = i + memchr(b'<', &b[i..])?;
        if b[lt..].starts_with(b"<!--") {
            i = find(b, lt + 4, b"-->").map(|e| e + 3).unwrap_or(b.len());
            continue;
        }
        if b[lt..].starts_with(b"<![CDATA[") {
            i = find(b, lt + 9, b"]]>").map(|e| e + 3).unwrap_or(b.len());
            continue;
        }
        let gt = match memchr(b'>', &b[lt..]) {
            Some(g) => lt + g,
            None => {
                i = b.len();
                return None;
            }
        };
        i = gt + 1;
        let inner = &html[lt + 1..gt];
        if inner.starts_with(['!', '?']) {
            continue;
        }
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            // the content runs to the element's end tag
            let end_tag = format!("</{name}");
            i = find_ci(b, i, end_tag.as_bytes()).unwrap_or(b.len());
        }
        return Some(Tag {
            empty: inner.ends_with('/'),
            name,
            closing,
            start: lt,
            end: gt + 1,
        });
    })
}

/// How deep the elements of `html` nest, as a tree builder would nest them (void elements and siblings that
/// close each other do not add a level).
pub(crate) fn nesting_depth(html: &str) -> usize {
    let mut depth = 0usize;
    let mut max = 0usize;
    for t in tags(html) {
        let n = t.name.as_str();
        if VOID.contains(&n)
            || SELF_CLOSING_SIBLINGS.contains(&n)
            || t.empty
            || RAW_TEXT.contains(&n)
        {
            continue;
        }
        if t.closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// The text of markup: tags dropped (block elements end a line), scripts and styles left out, entities
/// decoded, spaces collapsed, one blank line between paragraphs.
pub(crate) fn flat_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return html.trim().to_string();
    }
    let mut out = String::with_capacity(html.len() / 2);
    let mut at = 0usize;
    for t in tags(html) {
        if t.start < at {
            continue;
        }
        out.push_str(&html[at..t.start]);
        let n = t.name.as_str();
        out.push(if BLOCK.contains(&n) { '\n' } else { ' ' });
        at = t.end;
        if !t.closing && RAW_TEXT.contains(&n) {
            at = find_ci(html.as_bytes(), t.end, format!("</{n}").as_bytes())
                .map(|e| e + memchr(b'>', &html.as_bytes()[e..]).map_or(0, |g| g + 1))
                .unwrap_or(html.len());
        }
    }
    out.push_str(&html[at.min(html.len())..]);
    let decoded = html_escape::decode_html_entities(&out);
    crate::tidy(&decoded)
}

/// The raw content of the first `<name>` element.
fn raw_element(html: &str, name: &str) -> Option<String> {
    let t = tags(html).find(|t| t.name == name && !t.closing)?;
    let end = find_ci(html.as_bytes(), t.end, format!("</{name}").as_bytes())?;
    Some(html[t.end..end].to_string())
}

fn memchr(c: u8, b: &[u8]) -> Option<usize> {
    b.iter().position(|x| *x == c)
}

/// Where `pat` first stands in `b` at or after `from`.
pub(crate) fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(pat.len())
        .position(|w| w == pat)
        .map(|p| p + from)
}

fn find_ci(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(pat.len())
        .position(|w| w.eq_ignore_ascii_case(pat))
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_as_a_tree_builder_counts_it() {
        assert_eq!(
            nesting_depth("<html><body><div><p>a<p>b<br><img src=x></div></body></html>"),
            3
        );
        assert_eq!(
            nesting_depth("<script>if (a<b) { x = '<div>'; }</script><div></div>"),
            1
        );
        assert_eq!(nesting_depth(&"<b>".repeat(10_000)), 10_000);
        assert_eq!(nesting_depth("<!-- <div><div> --><div/>"), 0);
    }

    #[test]
    fn flat_text_keeps_paragraphs_and_decodes_entities() {
        let t = flat_text("<p>Ukraine&#8217;s   army&nbsp;said</p><p>more &amp; more</p><script>var x='<p>';</script>");
        assert_eq!(t, "Ukraine\u{2019}s army said\n\nmore & more");
    }

    #[test]
    fn a_page_nested_too_deep_is_read_flat() {
        let html = format!(
            "<html><head><title>Deep</title></head><body>{}Drones struck a fuel depot near the city overnight, officials said.{}</body></html>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        let t0 = std::time::Instant::now();
        let d = page(
            "deep.html",
            "deep".into(),
            html.into_bytes(),
            None,
            None,
            ReadOptions::new(1 << 26),
        )
        .unwrap();
        assert!(t0.elapsed().as_secs() < 5);
        assert!(d.text.contains("Drones struck a fuel depot"), "{}", d.text);
        assert_eq!(d.title.as_deref(), Some("Deep"));
        assert!(d.warnings[0].contains("flat"), "{:?}", d.warnings);
    }
}
