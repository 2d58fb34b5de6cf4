//! Tests of the input layer over inputs made here: WARC crawls with broken records, feeds in other charsets,
//! JSONL with every date form, folders.

use super::*;
use std::io::Write;

const PAGE: &str = r#"<html><head><title>Shelling in the east</title>
<meta property="og:site_name" content="Example Courier">
<meta property="article:published_time" content="2024-03-03T09:00:00+02:00"></head>
<body><nav>Home | World | Sport</nav><article><h1>Shelling in the east</h1>
<p>Artillery fire hit the town of Vovchansk on Sunday morning, damaging a school and several houses, local officials said.</p>
<p>Emergency crews worked through the day to clear debris from the main street and restore power to the district.</p>
</article><footer>Copyright Example Courier</footer></body></html>"#;

fn opts() -> ReadOptions {
    ReadOptions::new(1 << 20)
}

fn items_of(path: &Path, opts: ReadOptions) -> Vec<Item> {
    let (sources, errors) = expand(&[path.to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    let mut out = Vec::new();
    for s in &sources {
        let mut r = Reader::open(s, opts);
        while let Some(i) = r.next_item() {
            out.push(i);
        }
    }
    out
}

fn docs(items: &[Item]) -> Vec<&InputDoc> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Doc(d) => Some(d),
            _ => None,
        })
        .collect()
}

fn count(items: &[Item], f: fn(&Item) -> bool) -> usize {
    items.iter().filter(|i| f(i)).count()
}

fn failed(i: &Item) -> bool {
    matches!(i, Item::Failed(_))
}

fn skipped(i: &Item) -> bool {
    matches!(i, Item::Skipped(_))
}

fn record(kind: &str, uri: &str, block: &[u8], declared_len: Option<usize>) -> Vec<u8> {
    let len = declared_len.unwrap_or(block.len());
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len}\r\n\r\n"
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn response(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
    r.extend_from_slice(body);
    r
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn page_about(town: &str) -> String {
    PAGE.replace("Vovchansk", town)
}

#[test]
fn a_crawl_with_redirects_errors_encodings_and_a_broken_record() {
    let dir = tempfile::tempdir().unwrap();
    let html = "Content-Type: text/html; charset=utf-8\r\n";
    let mut warc = record("warcinfo", "", b"software: test\r\n", None);
    warc.extend(record(
        "response",
        "https://a.example/1",
        &response("200 OK", html, page_about("Kupiansk").as_bytes()),
        None,
    ));
    // a redirect whose headers hold "200" elsewhere, and a 404
    warc.extend(record(
        "response",
        "https://a.example/old",
        &response(
            "301 Moved Permanently",
            "Location: https://a.example/1\r\nContent-Length: 200\r\n",
            b"",
        ),
        None,
    ));
    warc.extend(record(
        "response",
        "https://a.example/gone",
        &response("404 Not Found", html, b"<html>gone</html>"),
        None,
    ));
    // gzip content encoding, then chunked transfer
    let zipped = gz(page_about("Izium").as_bytes());
    warc.extend(record(
        "response",
        "https://a.example/gz",
        &response(
            "200 OK",
            &format!("{html}Content-Encoding: gzip\r\n"),
            &zipped,
        ),
        None,
    ));
    let body = page_about("Balakliia");
    let (a, b) = body.split_at(100);
    let chunked = format!("{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n", a.len(), b.len());
    warc.extend(record(
        "response",
        "https://a.example/chunked",
        &response(
            "200 OK",
            &format!("{html}Transfer-Encoding: chunked\r\n"),
            chunked.as_bytes(),
        ),
        None,
    ));
    // a windows-1251 page, declared only in its markup
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(
        "<html><head><meta charset=\"windows-1251\"><title>Обстріл</title></head><body><article><p>Обстріл Харкова тривав усю ніч, повідомили в обласній адміністрації у суботу вранці.</p></article></body></html>",
    );
    warc.extend(record(
        "response",
        "https://b.example/uk",
        &response("200 OK", "Content-Type: text/html\r\n", &cp1251),
        None,
    ));
    // a record whose Content-Length is too long swallows the start of the next one: the bad one fails, the
    // next is found inside its block and read
    let good = record(
        "response",
        "https://a.example/2",
        &response("200 OK", html, page_about("Lyman").as_bytes()),
        None,
    );
    let bad_block = response("200 OK", html, page_about("Siversk").as_bytes());
    let bad = record(
        "response",
        "https://a.example/bad",
        &bad_block,
        Some(bad_block.len() + 40),
    );
    warc.extend(bad);
    warc.extend(good);
    warc.extend(record(
        "response",
        "https://a.example/3",
        &response("200 OK", html, page_about("Kreminna").as_bytes()),
        None,
    ));
    let p = dir.path().join("crawl.warc");
    std::fs::write(&p, &warc).unwrap();
    let items = items_of(&p, opts());
    let d = docs(&items);
    let urls: Vec<&str> = d.iter().filter_map(|d| d.url.as_deref()).collect();
    assert_eq!(
        urls,
        [
            "https://a.example/1",
            "https://a.example/gz",
            "https://a.example/chunked",
            "https://b.example/uk",
            "https://a.example/2",
            "https://a.example/3"
        ],
        "{items:#?}"
    );
    assert!(d[1].text.contains("Izium") && d[2].text.contains("Balakliia"));
    assert!(d[3].text.contains("Обстріл Харкова"), "{}", d[3].text);
    assert_eq!(count(&items, skipped), 2, "{items:#?}");
    assert_eq!(count(&items, failed), 1, "{items:#?}");
    assert_eq!(d[0].published.unwrap().to_string(), "2024-03-03");
    // gzipped whole, the same
    let pz = dir.path().join("crawl.warc.gz");
    std::fs::write(&pz, gz(&warc)).unwrap();
    assert_eq!(docs(&items_of(&pz, opts())).len(), 6);
}

#[test]
fn a_warc_gzip_bomb_is_refused_within_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    // 64 MB of one byte: a few hundred KB compressed
    let huge = vec![b'a'; 64 << 20];
    let mut warc = record("resource", "https://a.example/bomb", &huge, None);
    drop(huge);
    let html = "Content-Type: text/html\r\n";
    warc.extend(record(
        "response",
        "https://a.example/after",
        &response("200 OK", html, page_about("Kupiansk").as_bytes()),
        None,
    ));
    // and a response that inflates past the limit
    let inner = gz(&vec![b' '; 16 << 20]);
    warc.extend(record(
        "response",
        "https://a.example/inflates",
        &response(
            "200 OK",
            &format!("{html}Content-Encoding: gzip\r\n"),
            &inner,
        ),
        None,
    ));
    let p = dir.path().join("bomb.warc.gz");
    std::fs::write(&p, gz(&warc)).unwrap();
    drop(warc);
    let items = items_of(&p, ReadOptions::new(8 << 20));
    assert_eq!(docs(&items).len(), 1, "{items:#?}");
    assert_eq!(count(&items, failed), 2);
    for i in &items {
        if let Item::Failed(e) = i {
            assert!(e.message.contains("over the limit of 8 MB"), "{e}");
        }
    }
}

#[test]
fn a_feed_in_utf16_with_entities_and_a_local_date() {
    let rss = r#"<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Strike on depot</title><link>https://example.org/a</link><guid>a1</guid>
<pubDate>Fri, 12 Aug 2022 00:30:00 +0300</pubDate><description>&lt;p&gt;Ukraine&amp;#8217;s military said a drone strike hit a fuel depot near the city overnight.&lt;/p&gt;</description></item>
<item><title>No date</title><guid>a2</guid><pubDate>sometime soon</pubDate><description>Officials said shelling continued in the district.</description></item>
</channel></rss>"#;
    let mut le = vec![0xff, 0xfe];
    le.extend(rss.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("wire.xml");
    std::fs::write(&p, &le).unwrap();
    let items = items_of(&p, opts());
    let d = docs(&items);
    assert_eq!(d.len(), 2, "{items:#?}");
    assert!(
        d[0].text.starts_with("Ukraine\u{2019}s military said"),
        "{}",
        d[0].text
    );
    assert_eq!(d[0].published.unwrap().to_string(), "2022-08-12");
    assert_eq!(d[0].source.as_deref(), Some("Example Wire"));
    assert_eq!(d[1].published, None);
    assert!(
        d[1].warnings[0].contains("sometime soon"),
        "{:?}",
        d[1].warnings
    );
}

#[test]
fn broken_and_deep_feeds_fail_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.xml"), "<rss><channel").unwrap();
    std::fs::write(
        dir.path().join("b.xml"),
        format!("<rss>{}</rss>", "<x>".repeat(100_000)),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.xml"),
        r#"<rss version="2.0"><channel><title>W</title><item><guid>1</guid><description>Shelling hit the town of Kupiansk overnight, officials said.</description></item></channel></rss>"#,
    )
    .unwrap();
    let items = items_of(dir.path(), opts());
    assert_eq!(count(&items, failed), 2, "{items:#?}");
    assert_eq!(docs(&items).len(), 1);
}

#[test]
fn jsonl_dates_in_every_form_and_a_bad_one_kept() {
    let lines = [
        r#"{"text": "Shelling hit Kupiansk.", "published": "2023-07-28"}"#,
        r#"{"text": "Shelling hit Kupiansk.", "published": "Fri, 28 Jul 2023 10:00:00 +0000"}"#,
        r#"{"text": "Shelling hit Kupiansk.", "published": "July 28, 2023"}"#,
        r#"{"text": "Shelling hit Kupiansk.", "published": "7:58 AM ET, Fri July 28, 2023"}"#,
        r#"{"text": "Shelling hit Kupiansk.", "published": "2023-07-28T23:30:00-05:00"}"#,
        r#"{"text": "Shelling hit Kupiansk.", "published": "the other day"}"#,
    ];
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("d.jsonl.gz");
    std::fs::write(&p, gz(lines.join("\n").as_bytes())).unwrap();
    let items = items_of(&p, opts());
    let d = docs(&items);
    assert_eq!(d.len(), 6, "{items:#?}");
    for doc in &d[..5] {
        assert_eq!(doc.published.unwrap().to_string(), "2023-07-28", "{doc:?}");
    }
    assert_eq!(d[5].published, None);
    assert!(d[5].warnings[0].contains("the other day"));
}

#[test]
fn a_jsonl_line_over_the_limit_is_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.jsonl");
    let big = "x".repeat(3 << 20);
    std::fs::write(
        &p,
        format!("{{\"text\": \"{big}\"}}\n{{\"text\": \"Shelling hit Kupiansk.\"}}\n"),
    )
    .unwrap();
    let items = items_of(&p, ReadOptions::new(1 << 20));
    assert!(
        matches!(&items[0], Item::Failed(e) if e.input.ends_with("big.jsonl:1") && e.message.contains("over the limit"))
    );
    assert_eq!(docs(&items).len(), 1);
}

#[test]
fn folders_are_read_recursively_and_missing_inputs_stand_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
    std::fs::write(dir.path().join("a/one.txt"), "Shelling hit Kupiansk.").unwrap();
    std::fs::write(dir.path().join("a/b/two.html"), PAGE).unwrap();
    std::fs::write(dir.path().join("a/b/notes.bin"), [0u8, 1, 2]).unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let (sources, errors) = expand(&[
        dir.path().join("a"),
        dir.path().join("missing.txt"),
        dir.path().join("empty"),
    ]);
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[0].format, Format::Html);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].to_string().contains("missing.txt: no such file"));
    assert!(errors[1].to_string().contains("holds no files"));
}

#[test]
fn a_file_named_as_text_is_read_by_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("page");
    std::fs::write(&p, PAGE).unwrap();
    let items = items_of(&p, opts());
    let d = docs(&items);
    assert!(!d[0].text.contains("Home | World"), "{}", d[0].text);
    assert_eq!(d[0].source.as_deref(), Some("Example Courier"));
    let pz = dir.path().join("report.txt.gz");
    std::fs::write(&pz, gz(b"Shelling hit Kupiansk overnight.")).unwrap();
    assert_eq!(
        docs(&items_of(&pz, opts()))[0].text,
        "Shelling hit Kupiansk overnight."
    );
}

#[test]
fn a_file_over_the_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.txt");
    std::fs::write(&p, vec![b'a'; 2 << 20]).unwrap();
    let items = items_of(&p, ReadOptions::new(1 << 20));
    assert!(matches!(&items[0], Item::Failed(e) if e.message.contains("over the limit of 1 MB")));
}

/// A one-page PDF with one line of text in Helvetica, its cross-reference table computed.
fn pdf_with(line: &str) -> Vec<u8> {
    let stream = format!("BT /F1 12 Tf 72 720 Td ({line}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

#[test]
fn a_pdf_report_gives_its_text_layer_and_a_broken_one_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.pdf"),
        pdf_with("Russian forces shelled Kupiansk overnight."),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.pdf"),
        b"%PDF-1.4\n1 0 obj << /Type /Catalog",
    )
    .unwrap();
    let items = items_of(dir.path(), opts());
    let d = docs(&items);
    assert_eq!(d.len(), 1, "{items:#?}");
    assert!(
        d[0].text
            .contains("Russian forces shelled Kupiansk overnight."),
        "{:?}",
        d[0].text
    );
    assert_eq!(count(&items, failed), 1);
}

/// The seeds of the fuzz targets (fuzz/seeds/<target>), each mutated a few hundred times (bits flipped, bytes
/// cut, inserted and repeated) and read as its format: no input may panic inside a parser (a caught panic is an
/// "internal error" item) or take the parse budget. `fuzz/run.sh` runs the same readers under libFuzzer.
#[test]
fn mutated_seeds_never_panic() {
    const MUTATIONS: usize = 300;
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds");
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut cases = 0;
    for (target, format) in [
        ("input_text", Format::Text),
        ("input_jsonl", Format::Jsonl),
        ("input_html", Format::Html),
        ("input_feed", Format::Feed),
        ("input_warc", Format::Warc),
        ("input_telegram", Format::Telegram),
        ("input_pdf", Format::Pdf),
    ] {
        let mut files: Vec<_> = std::fs::read_dir(seeds.join(target))
            .unwrap_or_else(|e| panic!("{target}: {e}"))
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            let seed = std::fs::read(&f).unwrap();
            for _ in 0..MUTATIONS {
                let mut b = seed.clone();
                for _ in 0..1 + next() % 4 {
                    let at = (next() as usize) % b.len().max(1);
                    match next() % 5 {
                        0 if !b.is_empty() => b[at] ^= 1 << (next() % 8),
                        1 => b.truncate(at),
                        2 => b.insert(at.min(b.len()), next() as u8),
                        3 if !b.is_empty() => {
                            let end = (at + 1 + (next() as usize) % 64).min(b.len());
                            let piece = b[at..end].to_vec();
                            for _ in 0..1 + next() % 50 {
                                b.splice(at..at, piece.iter().copied());
                            }
                        }
                        _ if !b.is_empty() => {
                            b[at] = b"<>&;\"'\r\n\0{}[]#%"[(next() % 15) as usize]
                        }
                        _ => {}
                    }
                }
                cases += 1;
                for item in items_from_bytes("mutant", format, b.clone(), opts()) {
                    if let Item::Failed(e) = item {
                        assert!(
                            !e.message.starts_with("internal error")
                                && !e.message.starts_with("reading the "),
                            "{target} {}: {e}\ninput: {:?}",
                            f.display(),
                            String::from_utf8_lossy(&b[..b.len().min(400)])
                        );
                    }
                }
            }
        }
    }
    assert!(cases > 3000, "{cases}");
}

/// Found by `fuzz/run.sh` (input_feed): a second XML declaration naming an encoding, after the first, made
/// quick-xml panic ("set_encoding() called after prefix buffer was drained"). Such declarations are taken out
/// before parsing; the feed is then read or refused as a feed, never by a parser's panic.
#[test]
fn a_late_xml_declaration_does_not_stop_the_feed_parser() {
    let crash = include_bytes!("../../../fuzz/seeds/input_feed/crash-quick-xml-late-encoding");
    let made = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><guid>1</guid><description>Shelling hit Kupiansk.</description></item><?xml version="1.0" encoding="UTF-16"?></channel></rss>"#;
    for bytes in [&crash[..], &made[..]] {
        for item in items_from_bytes("late.xml", Format::Feed, bytes.to_vec(), opts()) {
            if let Item::Failed(e) = &item {
                assert!(!e.message.contains("stopped on it"), "{e}");
            }
        }
    }
    let items = items_from_bytes("late.xml", Format::Feed, made.to_vec(), opts());
    assert!(
        matches!(&items[0], Item::Doc(d) if d.text == "Shelling hit Kupiansk."),
        "{items:?}"
    );
}
