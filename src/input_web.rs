//! Reading web documents for `sitrep ingest`: saved HTML pages (main text, title, date and outlet from
//! the page's metadata), RSS/Atom feed files (one document an entry) and WARC files (news crawls,
//! plain or gzipped; every HTML response or resource record is one document).

use crate::input::{decode, InputError, Limits};
use sitrep_extract::InputDoc;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

fn err(input: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError {
        input: input.into(),
        message: message.into(),
    }
}

fn date_of(s: &str) -> Option<chrono::NaiveDate> {
    let s = s.trim();
    chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d")
        .ok()
        .or_else(|| {
            chrono::DateTime::parse_from_rfc2822(s)
                .ok()
                .map(|d| d.date_naive())
        })
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    Some(host.trim_start_matches("www.").to_string()).filter(|h| !h.is_empty())
}

/// The main text and metadata of an HTML page.
pub fn html_doc(
    name: &str,
    id: String,
    bytes: Vec<u8>,
    url: Option<&str>,
    limits: Limits,
) -> Result<InputDoc, InputError> {
    let html = decode(name, bytes, limits)?;
    if !html.contains('<') {
        return Err(err(name, "is not an HTML page (no markup found)"));
    }
    let mut r = dom_smoothie::Readability::new(html.as_str(), url, None)
        .map_err(|e| err(name, format!("cannot read the HTML: {e}")))?;
    let a = r
        .parse()
        .map_err(|e| err(name, format!("no article text found in the HTML: {e}")))?;
    let text = a.text_content.trim().to_string();
    if text.split_whitespace().count() < 5 {
        return Err(err(name, "the HTML page holds no article text"));
    }
    let published = a.published_time.as_deref().and_then(date_of);
    Ok(InputDoc {
        id,
        text,
        published_source: published.map(|_| sitrep_ledger::PublishedSource::Metadata),
        published,
        title: Some(a.title).filter(|t| !t.is_empty()),
        url: url.map(str::to_string),
        source: a.site_name.or_else(|| url.and_then(host_of)),
    })
}

fn strip_tags(s: &str) -> String {
    if !s.contains('<') && !s.contains('&') {
        return s.trim().to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every entry of an RSS, Atom or JSON feed file.
pub fn feed_docs(name: &str, bytes: Vec<u8>) -> Vec<Result<InputDoc, InputError>> {
    let feed = match feed_rs::parser::parse(&bytes[..]) {
        Ok(f) => f,
        Err(e) => return vec![Err(err(name, format!("not a readable RSS/Atom feed: {e}")))],
    };
    let outlet = feed.title.as_ref().map(|t| strip_tags(&t.content));
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let where_ = format!("{name}#{}", i + 1);
            let body = e
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .or_else(|| e.summary.as_ref().map(|s| s.content.clone()))
                .map(|b| strip_tags(&b))
                .unwrap_or_default();
            if body.trim().is_empty() {
                return Err(err(
                    &where_,
                    "the feed entry has no text (no content or summary)",
                ));
            }
            let title = e.title.as_ref().map(|t| strip_tags(&t.content));
            let published = e.published.or(e.updated).map(|d| d.date_naive());
            let url = e.links.first().map(|l| l.href.clone());
            Ok(InputDoc {
                id: if e.id.is_empty() {
                    where_
                } else {
                    e.id.clone()
                },
                text: body,
                published_source: published.map(|_| sitrep_ledger::PublishedSource::Metadata),
                published,
                title,
                url: url.clone(),
                source: outlet.clone().or_else(|| url.as_deref().and_then(host_of)),
            })
        })
        .collect()
}

/// A WARC record: its headers (names lower-cased) and its block.
type Record = (Vec<(String, String)>, Vec<u8>);

/// Reads WARC records one at a time; yields the HTML pages in response and resource records.
pub struct WarcReader {
    name: String,
    r: Box<dyn BufRead>,
    record: usize,
    limits: Limits,
    done: bool,
}

impl WarcReader {
    pub fn open(path: &Path, limits: Limits) -> Result<WarcReader, InputError> {
        let name = path.display().to_string();
        let f =
            std::fs::File::open(path).map_err(|e| err(&name, format!("cannot open it: {e}")))?;
        let r: Box<dyn BufRead> = if name.ends_with(".gz") {
            Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(f)))
        } else {
            Box::new(BufReader::new(f))
        };
        Ok(WarcReader {
            name,
            r,
            record: 0,
            limits,
            done: false,
        })
    }

    fn read_line(&mut self) -> Result<Option<String>, InputError> {
        let mut buf = Vec::new();
        match self.r.read_until(b'\n', &mut buf) {
            Ok(0) => Ok(None),
            Ok(_) => Ok(Some(String::from_utf8_lossy(&buf).trim_end().to_string())),
            Err(e) => Err(err(&self.name, format!("cannot read it: {e}"))),
        }
    }

    fn next_record(&mut self) -> Result<Option<Record>, InputError> {
        // skip the blank lines between records
        let version = loop {
            match self.read_line()? {
                None => return Ok(None),
                Some(l) if l.is_empty() => continue,
                Some(l) => break l,
            }
        };
        self.record += 1;
        if !version.starts_with("WARC/") {
            return Err(err(
                format!("{}#{}", self.name, self.record),
                format!(
                    "not a WARC record (it starts with '{}')",
                    version.chars().take(40).collect::<String>()
                ),
            ));
        }
        let mut headers = Vec::new();
        loop {
            match self.read_line()? {
                None => {
                    return Err(err(
                        &self.name,
                        "the file ends inside a record header: it looks truncated",
                    ))
                }
                Some(l) if l.is_empty() => break,
                Some(l) => {
                    if let Some((k, v)) = l.split_once(':') {
                        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                    }
                }
            }
        }
        let len: u64 = headers
            .iter()
            .find(|h| h.0 == "content-length")
            .and_then(|h| h.1.parse().ok())
            .ok_or_else(|| {
                err(
                    format!("{}#{}", self.name, self.record),
                    "the record has no Content-Length",
                )
            })?;
        let mut body = Vec::new();
        (&mut self.r)
            .take(len)
            .read_to_end(&mut body)
            .map_err(|e| err(&self.name, format!("cannot read it: {e}")))?;
        if (body.len() as u64) < len {
            return Err(err(
                format!("{}#{}", self.name, self.record),
                "the record is cut short: the file looks truncated",
            ));
        }
        Ok(Some((headers, body)))
    }

    pub fn next_doc(&mut self) -> Option<Result<InputDoc, InputError>> {
        loop {
            if self.done {
                return None;
            }
            let (headers, body) = match self.next_record() {
                Ok(Some(r)) => r,
                Ok(None) => return None,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            let h = |k: &str| headers.iter().find(|x| x.0 == k).map(|x| x.1.clone());
            let kind = h("warc-type").unwrap_or_default();
            let url = h("warc-target-uri");
            let where_ = format!(
                "{}#{} ({})",
                self.name,
                self.record,
                url.as_deref().unwrap_or("no URL")
            );
            let (ctype, payload) = match kind.as_str() {
                "response" => {
                    // an HTTP response: status line and headers, a blank line, the page
                    let split = body
                        .windows(4)
                        .position(|w| w == b"\r\n\r\n")
                        .map(|p| p + 4)
                        .or_else(|| body.windows(2).position(|w| w == b"\n\n").map(|p| p + 2));
                    let Some(split) = split else { continue };
                    let head = String::from_utf8_lossy(&body[..split]).to_ascii_lowercase();
                    if !head.starts_with("http/") || !head.contains(" 200") {
                        continue;
                    }
                    let ct = head
                        .lines()
                        .find_map(|l| {
                            l.strip_prefix("content-type:")
                                .map(|v| v.trim().to_string())
                        })
                        .unwrap_or_default();
                    (ct, body[split..].to_vec())
                }
                "resource" => (
                    h("content-type").unwrap_or_default().to_ascii_lowercase(),
                    body,
                ),
                _ => continue,
            };
            if !ctype.contains("html") {
                continue;
            }
            let id = url.clone().unwrap_or_else(|| where_.clone());
            return Some(html_doc(&where_, id, payload, url.as_deref(), self.limits));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>Shelling in the east</title>
<meta property="og:site_name" content="Example Courier">
<meta property="article:published_time" content="2024-03-03T09:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Shelling in the east</h1>
<p>Artillery fire hit the town of Vovchansk on Sunday morning, damaging a school and several houses, local officials said.</p>
<p>Emergency crews worked through the day to clear debris from the main street and restore power to the district.</p>
</article><footer>Copyright Example Courier</footer></body></html>"#;

    fn limits() -> Limits {
        Limits { max_bytes: 1 << 26 }
    }

    #[test]
    fn html_page_gives_text_title_date_outlet() {
        let d = html_doc(
            "page.html",
            "page.html".into(),
            PAGE.as_bytes().to_vec(),
            None,
            limits(),
        )
        .unwrap();
        assert!(
            d.text.contains("Artillery fire hit the town of Vovchansk"),
            "{}",
            d.text
        );
        assert!(!d.text.contains("Home | World"));
        assert_eq!(
            d.published.map(|p| p.to_string()).as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(d.source.as_deref(), Some("Example Courier"));
        assert!(d.title.unwrap().contains("Shelling"));
    }

    #[test]
    fn broken_inputs_are_reported() {
        assert!(html_doc(
            "b.html",
            "b".into(),
            vec![0, 159, 146, 150, 0, 1],
            None,
            limits()
        )
        .is_err());
        assert!(html_doc(
            "c.html",
            "c".into(),
            b"\xff\xfe<html>".to_vec(),
            None,
            limits()
        )
        .is_err());
        assert!(feed_docs("f.xml", b"<rss><channel".to_vec())[0].is_err());
    }

    #[test]
    fn feed_entries_become_documents() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Strike on depot</title><link>https://example.org/a</link><guid>a1</guid>
<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;A drone strike hit a fuel depot near the city overnight, officials said.&lt;/p&gt;</description></item>
</channel></rss>"#;
        let docs = feed_docs("wire.xml", rss.as_bytes().to_vec());
        let d = docs[0].as_ref().unwrap();
        assert!(d.text.starts_with("A drone strike hit"), "{}", d.text);
        assert_eq!(d.source.as_deref(), Some("Example Wire"));
        assert_eq!(d.published.unwrap().to_string(), "2024-03-04");
    }

    #[test]
    fn warc_response_records_are_read() {
        let http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{PAGE}");
        let mut warc = String::new();
        let info = "software: test\r\n";
        warc += &format!(
            "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: {}\r\n\r\n{info}\r\n\r\n",
            info.len()
        );
        warc += &format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://courier.example/a\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        );
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("crawl.warc");
        std::fs::write(&p, &warc).unwrap();
        let mut r = WarcReader::open(&p, limits()).unwrap();
        let d = r.next_doc().unwrap().unwrap();
        assert_eq!(d.url.as_deref(), Some("https://courier.example/a"));
        assert!(d.text.contains("Vovchansk"));
        assert!(r.next_doc().is_none());
        // truncated
        std::fs::write(&p, &warc[..warc.len() - 200]).unwrap();
        let mut r = WarcReader::open(&p, limits()).unwrap();
        assert!(r.next_doc().unwrap().is_err());
    }
}
