//! The input layer: what a user points sitrep at (files, folders, standard input) read into documents, for
//! `sitrep extract` and `sitrep ingest` alike.
//!
//! Writes: the [`InputDoc`]s the engine starts from (text, id, published, title, url, source, original_source,
//! and the warnings of reading). Reads: the files, nothing else.
//!
//! Formats, told by the file's name and, for a name that says nothing, by its first bytes:
//!
//! | format | names | one document is | crate |
//! |---|---|---|---|
//! | text | `.txt`, `.text` (anything else named on the command line) | the file | encoding_rs, chardetng |
//! | JSONL | `.jsonl`, `.jsonl.gz` | a line (`text`, `id`, `published`, `title`, `url`, `source`) | serde_json |
//! | HTML | `.html`, `.htm` | the page's main text | dom_smoothie |
//! | feeds | `.rss`, `.atom`, `.xml` | an entry | feed-rs |
//! | WARC | `.warc`, `.warc.gz` | an HTML response or resource record | httparse, flate2 |
//! | Telegram | `.json` (Telegram Desktop's `result.json`) | a message | serde_json |
//! | PDF | `.pdf` | the file's text layer | pdf-extract |
//!
//! Folders are read recursively, their files sorted; a `.gz` suffix on text, HTML or JSONL is decompressed.
//!
//! Every input fails alone: an error or a panic inside a parser becomes that input's [`Item::Failed`] (its name,
//! what was wrong), never the end of the run. Parsers of markup and PDF run on a thread of their own with a large
//! stack and a time budget ([`guard`]); markup nested deeper than a browser would lay out is read flat. Limits
//! hold before reading: a file's size, a WARC record's Content-Length and every decompression are checked against
//! `--max-mb` as they are read, and so is every JSONL line and feed entry.

mod charset;
mod feed;
mod guard;
mod html;
mod jsonl;
mod pdf;
mod telegram;
mod warc;

pub use sitrep_ledger::InputDoc;
use std::collections::VecDeque;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// How inputs are read.
#[derive(Clone, Copy, Debug)]
pub struct ReadOptions {
    /// The largest document, in bytes (`--max-mb`); also the cap on any one decompression.
    pub max_bytes: u64,
    /// The charset of plain-text inputs that are not UTF-8 (`--encoding`); None: such a file is an error that
    /// names the charset it looks like.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl ReadOptions {
    pub fn new(max_bytes: u64) -> Self {
        ReadOptions {
            max_bytes,
            encoding: None,
        }
    }
}

/// A file that holds many documents (a feed, a Telegram export) is read whole, up to this many times the limit
/// of one document.
const MANY_DOCUMENTS_FACTOR: u64 = 16;

/// What went wrong with one input: its name (file, `file:line`, `file#record`) and what to do.
#[derive(Debug, Clone)]
pub struct InputError {
    pub input: String,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.input, self.message)
    }
}

impl std::error::Error for InputError {}

pub(crate) fn err(input: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError {
        input: input.into(),
        message: message.into(),
    }
}

/// One thing read from an input.
#[derive(Debug)]
pub enum Item {
    /// A document to extract.
    Doc(InputDoc),
    /// An input, a line or a record that could not be read: counted as a failure.
    Failed(InputError),
    /// A record that is not a document (a redirect, an error page, an image, a service message): counted apart,
    /// not a failure.
    Skipped(InputError),
}

/// The formats of the table above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Jsonl,
    Html,
    Feed,
    Warc,
    Telegram,
    Pdf,
}

/// One input: a file (and its format) or standard input.
#[derive(Clone, Debug)]
pub struct Source {
    /// None: standard input.
    pub path: Option<PathBuf>,
    pub format: Format,
    /// The name ends in `.gz` (WARC files handle their own gzip).
    pub gzipped: bool,
}

impl Source {
    pub fn name(&self) -> String {
        self.path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "stdin".into())
    }

    /// Holds, or may hold, more than one document.
    pub fn is_batch(&self) -> bool {
        matches!(
            self.format,
            Format::Jsonl | Format::Feed | Format::Warc | Format::Telegram
        )
    }
}

/// The format a file's name gives, and whether it is gzipped; None for names of no known format (read as text
/// when named on the command line, passed over inside folders).
pub fn format_of(path: &Path) -> Option<(Format, bool)> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let (stem, gz) = match name.strip_suffix(".gz") {
        Some(s) => (s.to_string(), true),
        None => (name, false),
    };
    let ext = stem.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let format = match ext {
        "txt" | "text" => Format::Text,
        "jsonl" | "ndjson" => Format::Jsonl,
        "html" | "htm" | "xhtml" => Format::Html,
        "rss" | "atom" | "xml" => Format::Feed,
        "warc" => Format::Warc,
        "json" if !gz => Format::Telegram,
        "pdf" if !gz => Format::Pdf,
        _ => return None,
    };
    Some((format, gz))
}

/// The command line's inputs as sources: `-` is standard input, folders give their files of known formats
/// (recursively, sorted), other files are read by their format (text when the name says nothing). A missing
/// input, an unreadable folder or a folder with nothing to read is an error of its own; the other inputs stand.
pub fn expand(inputs: &[PathBuf]) -> (Vec<Source>, Vec<InputError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            sources.push(Source {
                path: None,
                format: Format::Text,
                gzipped: false,
            });
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(err(p.display().to_string(), "no such file or folder"))
            }
            Err(e) => errors.push(err(p.display().to_string(), format!("cannot read it: {e}"))),
            Ok(m) if m.is_dir() => {
                let before = sources.len();
                walk(p, &mut sources, &mut errors);
                if sources.len() == before {
                    errors.push(err(
                        p.display().to_string(),
                        "the folder holds no files sitrep reads (.txt, .jsonl, .html, .xml, .warc, .json, .pdf, …)",
                    ));
                }
            }
            Ok(_) => {
                let (format, gzipped) = format_of(p).unwrap_or((Format::Text, false));
                sources.push(Source {
                    path: Some(p.clone()),
                    format,
                    gzipped,
                });
            }
        }
    }
    (sources, errors)
}

fn walk(dir: &Path, sources: &mut Vec<Source>, errors: &mut Vec<InputError>) {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(rd) => rd,
            Err(e) => {
                errors.push(err(
                    d.display().to_string(),
                    format!("cannot list the folder: {e}"),
                ));
                continue;
            }
        };
        for e in entries.flatten() {
            let f = e.path();
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(f),
                Ok(_) => {
                    if let Some((format, gzipped)) = format_of(&f) {
                        files.push(Source {
                            path: Some(f),
                            format,
                            gzipped,
                        });
                    }
                }
                Err(_) => {}
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    sources.extend(files);
}

/// The documents of one source, one [`Item`] at a time.
pub struct Reader {
    name: String,
    state: State,
}

enum State {
    Queue(VecDeque<Item>),
    Jsonl(jsonl::Lines),
    Warc(warc::Records),
}

impl Reader {
    /// Opens `src`; an input that cannot be opened gives a reader whose one item is the failure.
    pub fn open(src: &Source, opts: ReadOptions) -> Reader {
        let name = src.name();
        let state = match guard::caught(&name, || open_state(src, &name, opts)).and_then(|s| s) {
            Ok(s) => s,
            Err(e) => State::Queue(VecDeque::from([Item::Failed(e)])),
        };
        Reader { name, state }
    }

    /// The next item; None at the end. A panic inside a parser is this input's failure, and the reader ends.
    pub fn next_item(&mut self) -> Option<Item> {
        let state = &mut self.state;
        match guard::caught(&self.name, || match state {
            State::Queue(q) => q.pop_front(),
            State::Jsonl(l) => l.next_item(),
            State::Warc(w) => w.next_item(),
        }) {
            Ok(item) => item,
            Err(e) => {
                self.state = State::Queue(VecDeque::new());
                Some(Item::Failed(e))
            }
        }
    }
}

/// Every item of `bytes` read as `format` (for inputs that are not files: the fuzz targets, an API body). Each
/// item is caught as [`Reader::next_item`] catches it.
pub fn items_from_bytes(
    name: &str,
    format: Format,
    bytes: Vec<u8>,
    opts: ReadOptions,
) -> Vec<Item> {
    let id = name.to_string();
    let state = guard::caught(name, || match format {
        Format::Jsonl => State::Jsonl(jsonl::Lines::from_reader(
            name.into(),
            Box::new(std::io::Cursor::new(bytes)),
            opts,
        )),
        Format::Warc => State::Warc(warc::Records::from_reader(
            name.into(),
            Box::new(std::io::Cursor::new(bytes)),
            opts,
        )),
        Format::Feed => State::Queue(feed::entries(name, bytes, opts)),
        Format::Telegram => State::Queue(telegram::messages(name, bytes, opts)),
        Format::Html => State::Queue(one(html::page(name, id, bytes, None, None, opts))),
        Format::Pdf => State::Queue(one(pdf::report(name, id, bytes, opts))),
        Format::Text => State::Queue(whole_file(name, id, bytes, opts)),
    })
    .unwrap_or_else(|e| State::Queue(VecDeque::from([Item::Failed(e)])));
    let mut reader = Reader {
        name: name.to_string(),
        state,
    };
    std::iter::from_fn(|| reader.next_item()).collect()
}

fn open_state(src: &Source, name: &str, opts: ReadOptions) -> Result<State, InputError> {
    let Some(path) = &src.path else {
        let bytes = read_capped(name, &mut std::io::stdin().lock(), opts.max_bytes)?;
        return Ok(State::Queue(whole_file(name, "stdin".into(), bytes, opts)));
    };
    let id = file_id(path);
    Ok(match src.format {
        Format::Jsonl => State::Jsonl(jsonl::Lines::open(path, src.gzipped, opts)?),
        Format::Warc => State::Warc(warc::Records::open(path, opts)?),
        Format::Feed | Format::Telegram => {
            let bytes = read_file(path, src.gzipped, opts.max_bytes * MANY_DOCUMENTS_FACTOR)?;
            State::Queue(if src.format == Format::Feed {
                feed::entries(name, bytes, opts)
            } else {
                telegram::messages(name, bytes, opts)
            })
        }
        Format::Html => {
            let bytes = read_file(path, src.gzipped, opts.max_bytes)?;
            State::Queue(one(html::page(name, id, bytes, None, None, opts)))
        }
        Format::Pdf => {
            let bytes = read_file(path, false, opts.max_bytes)?;
            State::Queue(one(pdf::report(name, id, bytes, opts)))
        }
        Format::Text => {
            let bytes = read_file(path, src.gzipped, opts.max_bytes)?;
            State::Queue(whole_file(name, id, bytes, opts))
        }
    })
}

fn one(r: Result<InputDoc, InputError>) -> VecDeque<Item> {
    VecDeque::from([match r {
        Ok(d) => Item::Doc(d),
        Err(e) => Item::Failed(e),
    }])
}

/// A file (or standard input) named as text: read by what its first bytes show it is (a PDF, an HTML page, a
/// feed, a gzip stream), else as plain text.
fn whole_file(name: &str, id: String, bytes: Vec<u8>, opts: ReadOptions) -> VecDeque<Item> {
    match sniff(&bytes) {
        Some(Sniffed::Pdf) => one(pdf::report(name, id, bytes, opts)),
        Some(Sniffed::Html) => one(html::page(name, id, bytes, None, None, opts)),
        Some(Sniffed::Feed) => feed::entries(name, bytes, opts),
        Some(Sniffed::Gzip) => {
            match read_capped(
                name,
                &mut flate2::read::MultiGzDecoder::new(&bytes[..]),
                opts.max_bytes,
            ) {
                Ok(inner) if sniff(&inner) != Some(Sniffed::Gzip) => {
                    whole_file(name, id, inner, opts)
                }
                Ok(_) => one(Err(err(name, "is gzip inside gzip: decompress it first"))),
                Err(e) => one(Err(e)),
            }
        }
        None => one(text_doc(name, id, bytes, opts)),
    }
}

fn text_doc(
    name: &str,
    id: String,
    bytes: Vec<u8>,
    opts: ReadOptions,
) -> Result<InputDoc, InputError> {
    let decoded = charset::decode_text(name, bytes, opts)?;
    Ok(InputDoc {
        id,
        text: nonempty(name, decoded.text)?,
        warnings: decoded.warning.into_iter().collect(),
        ..Default::default()
    })
}

/// The text, unless there is none.
pub(crate) fn nonempty(name: &str, text: String) -> Result<String, InputError> {
    if text.trim().is_empty() {
        return Err(err(name, "is empty: there is no text to extract"));
    }
    Ok(text)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sniffed {
    Pdf,
    Html,
    Feed,
    Gzip,
}

/// What the first bytes of a file show it to be, when that is not plain text.
fn sniff(bytes: &[u8]) -> Option<Sniffed> {
    if bytes.starts_with(b"%PDF-") {
        return Some(Sniffed::Pdf);
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Some(Sniffed::Gzip);
    }
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head)
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Some(Sniffed::Html);
    }
    if head.starts_with("<?xml")
        && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf"))
        || head.starts_with("<rss")
        || head.starts_with("<feed")
    {
        return Some(Sniffed::Feed);
    }
    None
}

/// The file's name, as the id of a document that is the whole file.
fn file_id(p: &Path) -> String {
    p.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

fn open_file(path: &Path) -> Result<std::fs::File, InputError> {
    std::fs::File::open(path).map_err(|e| {
        err(
            path.display().to_string(),
            if e.kind() == std::io::ErrorKind::NotFound {
                "no such file".to_string()
            } else {
                format!("cannot open it: {e}")
            },
        )
    })
}

/// A whole file, refused before reading when its size is over `cap`, and while decompressing when what it
/// holds is.
fn read_file(path: &Path, gzipped: bool, cap: u64) -> Result<Vec<u8>, InputError> {
    let name = path.display().to_string();
    let f = open_file(path)?;
    let size = f.metadata().map(|m| m.len()).unwrap_or(0);
    if size > cap {
        return Err(over_limit(&name, size, cap));
    }
    if gzipped {
        read_capped(&name, &mut flate2::read::MultiGzDecoder::new(f), cap)
    } else {
        read_capped(&name, &mut { f }, cap)
    }
}

/// Reads to the end, refusing (without reading further) what is over `cap`.
pub(crate) fn read_capped(name: &str, r: &mut dyn Read, cap: u64) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    r.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(name, format!("cannot read it: {e}")))?;
    if bytes.len() as u64 > cap {
        return Err(over_limit(name, bytes.len() as u64, cap));
    }
    Ok(bytes)
}

pub(crate) fn over_limit(name: &str, size: u64, cap: u64) -> InputError {
    err(
        name,
        format!(
            "is over the limit of {} MB ({} read or declared); split it or raise --max-mb",
            (cap >> 20).max(1),
            human(size)
        ),
    )
}

fn human(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

/// A metadata date as the source wrote it; one that cannot be read is a warning, and no date.
pub(crate) fn metadata_date(
    raw: Option<&str>,
    field: &str,
    warnings: &mut Vec<String>,
) -> Option<chrono::NaiveDate> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    let d = sitrep_time::parse_metadata_date(raw);
    if d.is_none() {
        warnings.push(format!(
            "{field} '{}' is not a date sitrep reads; published left empty",
            raw.chars().take(60).collect::<String>()
        ));
    }
    d
}

/// Spaces collapsed within lines; runs of empty lines made one blank line.
pub(crate) fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for line in s.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&words.join(" "));
    }
    out
}

/// The host of a URL without `www.`, as the outlet of a page that names none.
pub(crate) fn host_of(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    Some(host.trim_start_matches("www.").to_string()).filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests;
