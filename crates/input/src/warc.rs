//! WARC files (news crawls; plain, or gzipped record by record): every HTML response or resource record is one
//! document.
//!
//! A record that cannot be read fails alone and reading resumes at the next record: a wrong Content-Length is
//! found at the record's end (the next record does not start there) and the reader looks for the next
//! `WARC/1.` line, inside the block it read or after it. A record larger than `--max-mb` is refused by its
//! Content-Length and passed over without being held. The HTTP response inside is read with httparse: only
//! status 200 is a page (redirects and errors are skipped and counted), chunked transfer and gzip or deflate
//! content encoding are undone (decompression capped by `--max-mb`), and the page is decoded by the charset its
//! Content-Type or markup declares.

use crate::html::find;
use crate::{err, open_file, over_limit, InputError, Item, ReadOptions};
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::Path;

/// A header line longer than this is not a WARC header: the reader resynchronises.
const MAX_HEADER_LINE: usize = 64 << 10;

/// A record with more header lines than this is not a WARC record.
const MAX_HEADER_LINES: usize = 1024;

/// HTTP response headers read per response.
const MAX_HTTP_HEADERS: usize = 128;

pub(crate) struct Records {
    name: String,
    r: Box<dyn BufRead>,
    record: usize,
    opts: ReadOptions,
}

/// A record's WARC headers (names lower-cased) and block.
struct Record {
    headers: Vec<(String, String)>,
    block: Vec<u8>,
}

impl Record {
    fn header(&self, k: &str) -> Option<&str> {
        self.headers.iter().find(|h| h.0 == k).map(|h| h.1.as_str())
    }
}

enum Next {
    End,
    Record(Record),
    /// The record could not be read; the reader has moved on to the next one.
    Failed(InputError),
}

impl Records {
    pub(crate) fn open(path: &Path, opts: ReadOptions) -> Result<Records, InputError> {
        let f = BufReader::new(open_file(path)?);
        Ok(Records::from_reader(
            path.display().to_string(),
            Box::new(f),
            opts,
        ))
    }

    /// Records of any reader (gzipped or not), named `name` in messages.
    pub(crate) fn from_reader(name: String, mut f: Box<dyn BufRead>, opts: ReadOptions) -> Records {
        let gzipped = f
            .fill_buf()
            .map(|b| b.starts_with(&[0x1f, 0x8b]))
            .unwrap_or(false);
        let r: Box<dyn BufRead> = if gzipped {
            Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(f)))
        } else {
            f
        };
        Records {
            name,
            r,
            record: 0,
            opts,
        }
    }

    pub(crate) fn next_item(&mut self) -> Option<Item> {
        loop {
            match self.next_record() {
                Next::End => return None,
                Next::Failed(e) => return Some(Item::Failed(e)),
                Next::Record(rec) => {
                    if let Some(item) = self.item_of(rec) {
                        return Some(item);
                    }
                }
            }
        }
    }

    fn here(&self) -> String {
        format!("{}#{}", self.name, self.record)
    }

    /// A line, without its line end; None at the end of the file. Bytes past [`MAX_HEADER_LINE`] are dropped
    /// (the line is then flagged by its length).
    fn read_line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut buf = Vec::new();
        let mut any = false;
        loop {
            let chunk = self.r.fill_buf()?;
            if chunk.is_empty() {
                return Ok(any.then_some(buf));
            }
            any = true;
            let (take, done) = match chunk.iter().position(|b| *b == b'\n') {
                Some(p) => (p + 1, true),
                None => (chunk.len(), false),
            };
            let room = (MAX_HEADER_LINE + 1).saturating_sub(buf.len());
            buf.extend_from_slice(&chunk[..take.min(room)]);
            self.r.consume(take);
            if done {
                while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    buf.pop();
                }
                return Ok(Some(buf));
            }
        }
    }

    fn unread(&mut self, bytes: Vec<u8>) {
        let rest = std::mem::replace(&mut self.r, Box::new(std::io::empty()));
        self.r = Box::new(Cursor::new(bytes).chain(rest));
    }

    fn failed_io(&mut self, e: std::io::Error) -> Next {
        // a stream that cannot be read (a corrupt gzip member) ends the file
        self.r = Box::new(std::io::empty());
        Next::Failed(err(
            &self.name,
            format!("cannot read it after record {}: {e}", self.record),
        ))
    }

    fn next_record(&mut self) -> Next {
        let first = loop {
            match self.read_line() {
                Err(e) => return self.failed_io(e),
                Ok(None) => return Next::End,
                Ok(Some(l)) if l.is_empty() => continue,
                Ok(Some(l)) => break l,
            }
        };
        self.record += 1;
        if !first.starts_with(b"WARC/") {
            let seen = String::from_utf8_lossy(&first[..first.len().min(40)]).into_owned();
            return match self.resync() {
                Err(e) => self.failed_io(e),
                Ok(()) => Next::Failed(err(
                    self.here(),
                    format!(
                        "not a WARC record (it starts with '{seen}'); skipped to the next record"
                    ),
                )),
            };
        }
        let headers = match self.read_headers() {
            Ok(Some(h)) => h,
            Ok(None) => {
                return Next::Failed(err(
                    self.here(),
                    "the file ends inside a record header: it looks truncated",
                ))
            }
            Err(e) => return self.failed_io(e),
        };
        let Some(len) = headers
            .iter()
            .find(|h| h.0 == "content-length")
            .and_then(|h| h.1.parse::<u64>().ok())
        else {
            return match self.resync() {
                Err(e) => self.failed_io(e),
                Ok(()) => Next::Failed(err(
                    self.here(),
                    "the record has no Content-Length; skipped",
                )),
            };
        };
        if len > self.opts.max_bytes {
            return match std::io::copy(&mut (&mut self.r).take(len), &mut std::io::sink()) {
                Err(e) => self.failed_io(e),
                Ok(_) => Next::Failed(over_limit(&self.here(), len, self.opts.max_bytes)),
            };
        }
        let mut block = Vec::new();
        if let Err(e) = (&mut self.r).take(len).read_to_end(&mut block) {
            return self.failed_io(e);
        }
        if (block.len() as u64) < len {
            if let Some(p) = find(&block, 0, b"\nWARC/1.") {
                // the length was wrong, not the file: a record starts inside the block
                self.unread(block[p + 1..].to_vec());
                return Next::Failed(err(
                    self.here(),
                    "the record's Content-Length does not match its block; skipped to the next record",
                ));
            }
            return Next::Failed(err(
                self.here(),
                "the record is cut short: the file looks truncated",
            ));
        }
        match self.check_end(&block) {
            Err(e) => self.failed_io(e),
            Ok(true) => Next::Record(Record { headers, block }),
            Ok(false) => Next::Failed(err(
                self.here(),
                "the record's Content-Length does not match its block; skipped to the next record",
            )),
        }
    }

    /// The header lines up to the blank line; None when the file ends first.
    fn read_headers(&mut self) -> std::io::Result<Option<Vec<(String, String)>>> {
        let mut headers = Vec::new();
        loop {
            let Some(l) = self.read_line()? else {
                return Ok(None);
            };
            if l.is_empty() || headers.len() > MAX_HEADER_LINES {
                return Ok(Some(headers));
            }
            let l = String::from_utf8_lossy(&l);
            if let Some((k, v)) = l.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
    }

    /// Whether the record ends where its Content-Length says (blank lines, then the next record or the end). If
    /// not, the reader is moved to the next record: one that starts inside `block` (the length was too long) is
    /// put back to be read, else the lines after are passed over to the next `WARC/` line.
    fn check_end(&mut self, block: &[u8]) -> std::io::Result<bool> {
        loop {
            let buf = self.r.fill_buf()?;
            match buf.first() {
                None => return Ok(true),
                Some(b'\r' | b'\n') => self.r.consume(1),
                Some(_)
                    if buf.starts_with(b"WARC/")
                        || b"WARC/".starts_with(&buf[..buf.len().min(5)]) =>
                {
                    return Ok(true)
                }
                Some(_) => break,
            }
        }
        if let Some(p) = find(block, 0, b"\nWARC/1.") {
            self.unread(block[p + 1..].to_vec());
        } else {
            self.resync()?;
        }
        Ok(false)
    }

    /// Passes over lines to the next that starts a record, and puts it back.
    fn resync(&mut self) -> std::io::Result<()> {
        while let Some(l) = self.read_line()? {
            if l.starts_with(b"WARC/1.") {
                let mut back = l;
                back.extend_from_slice(b"\r\n");
                self.unread(back);
                break;
            }
        }
        Ok(())
    }

    /// The document a record holds; None for records that are not documents at all (warcinfo, request,
    /// metadata).
    fn item_of(&self, rec: Record) -> Option<Item> {
        let url = rec.header("warc-target-uri").map(str::to_string);
        let where_ = format!("{} ({})", self.here(), url.as_deref().unwrap_or("no URL"));
        let (ctype, payload) = match rec.header("warc-type").unwrap_or_default() {
            "response" => match http_payload(&where_, &rec.block, self.opts) {
                Ok(Payload::Page(ct, body)) => (ct, body),
                Ok(Payload::Skip(why)) => return Some(Item::Skipped(err(where_, why))),
                Err(e) => return Some(Item::Failed(e)),
            },
            "resource" => (
                rec.header("content-type").unwrap_or_default().to_string(),
                rec.block,
            ),
            _ => return None,
        };
        if !ctype.to_ascii_lowercase().contains("html") {
            let what = if ctype.is_empty() {
                "no content type"
            } else {
                ctype.as_str()
            };
            return Some(Item::Skipped(err(
                where_,
                format!("not an HTML page ({what})"),
            )));
        }
        let id = url.clone().unwrap_or_else(|| where_.clone());
        Some(
            match crate::html::page(
                &where_,
                id,
                payload,
                url.as_deref(),
                Some(&ctype),
                self.opts,
            ) {
                Ok(d) => Item::Doc(d),
                Err(e) => Item::Failed(e),
            },
        )
    }
}

enum Payload {
    /// Content-Type and the decoded body of a 200 response.
    Page(String, Vec<u8>),
    Skip(String),
}

/// The page inside an HTTP response: status, transfer and content encodings undone.
fn http_payload(where_: &str, block: &[u8], opts: ReadOptions) -> Result<Payload, InputError> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HTTP_HEADERS];
    let mut resp = httparse::Response::new(&mut headers);
    let head_len = match resp.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => {
            return Err(err(where_, "the HTTP response's headers are cut short"))
        }
        Err(e) => return Err(err(where_, format!("not an HTTP response ({e})"))),
    };
    let code = resp.code.unwrap_or(0);
    if code != 200 {
        let reason = resp.reason.unwrap_or("");
        return Ok(Payload::Skip(format!(
            "HTTP status {code} {reason}: not a page"
        )));
    }
    let h = |k: &str| {
        resp.headers
            .iter()
            .find(|x| x.name.eq_ignore_ascii_case(k))
            .map(|x| String::from_utf8_lossy(x.value).trim().to_ascii_lowercase())
    };
    let ctype = h("content-type").unwrap_or_default();
    let mut body = block[head_len..].to_vec();
    if h("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(where_, &body)?;
    }
    body = match h("content-encoding").as_deref().unwrap_or("identity") {
        "identity" | "" => body,
        "gzip" | "x-gzip" => inflate(where_, flate2::read::MultiGzDecoder::new(&body[..]), opts)?,
        "deflate" => match inflate(where_, flate2::read::ZlibDecoder::new(&body[..]), opts) {
            Ok(b) => b,
            Err(_) => inflate(where_, flate2::read::DeflateDecoder::new(&body[..]), opts)?,
        },
        other => {
            return Ok(Payload::Skip(format!(
                "the response is compressed as '{other}', which sitrep does not read"
            )))
        }
    };
    Ok(Payload::Page(ctype, body))
}

fn inflate(where_: &str, mut r: impl Read, opts: ReadOptions) -> Result<Vec<u8>, InputError> {
    let mut out = Vec::new();
    (&mut r)
        .take(opts.max_bytes + 1)
        .read_to_end(&mut out)
        .map_err(|e| {
            err(
                where_,
                format!("the response's compressed body cannot be read: {e}"),
            )
        })?;
    if out.len() as u64 > opts.max_bytes {
        return Err(over_limit(where_, out.len() as u64, opts.max_bytes));
    }
    Ok(out)
}

/// A chunked body (`size CRLF data CRLF … 0 CRLF CRLF`) joined.
fn dechunk(where_: &str, mut b: &[u8]) -> Result<Vec<u8>, InputError> {
    let bad = || err(where_, "the response's chunked body is malformed");
    let mut out = Vec::new();
    loop {
        let eol = find(b, 0, b"\n").ok_or_else(bad)?;
        let line = std::str::from_utf8(&b[..eol]).map_err(|_| bad())?;
        let size_hex = line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16).map_err(|_| bad())?;
        b = &b[eol + 1..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = b.get(..size).ok_or_else(bad)?;
        out.extend_from_slice(chunk);
        b = &b[size..];
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
    }
}
