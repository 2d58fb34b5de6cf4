//! JSONL: one document a line, `{"text": …, "id", "published", "title", "url", "source"}`; plain or gzipped.
//!
//! Lines are read with a bound: a line over `--max-mb` is passed over to its end without being held, and is that
//! line's failure. A line that is not JSON, has no text or is not UTF-8 fails alone; the last line of a file
//! that stops inside a document is reported as truncated. A `published` that is not a date is a warning and no
//! date ([`crate::metadata_date`]).

use crate::{
    err, metadata_date, nonempty, open_file, over_limit, InputDoc, InputError, Item, ReadOptions,
};
use serde::Deserialize;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// Read buffer of a JSONL file.
const BUFFER: usize = 1 << 20;

pub(crate) struct Lines {
    name: String,
    r: Box<dyn BufRead>,
    line_no: usize,
    opts: ReadOptions,
}

#[derive(Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    text: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// A line as read: its bytes, whether it ended with a newline, or that it was over the limit.
enum Line {
    End,
    Text(Vec<u8>, bool),
    Over(u64),
}

impl Lines {
    pub(crate) fn open(path: &Path, gzipped: bool, opts: ReadOptions) -> Result<Lines, InputError> {
        let f = open_file(path)?;
        let r: Box<dyn BufRead> = if gzipped {
            Box::new(BufReader::with_capacity(
                BUFFER,
                flate2::read::MultiGzDecoder::new(f),
            ))
        } else {
            Box::new(BufReader::with_capacity(BUFFER, f))
        };
        Ok(Lines::from_reader(path.display().to_string(), r, opts))
    }

    /// Lines of any reader, named `name` in messages.
    pub(crate) fn from_reader(name: String, r: Box<dyn BufRead>, opts: ReadOptions) -> Lines {
        Lines {
            name,
            r,
            line_no: 0,
            opts,
        }
    }

    pub(crate) fn next_item(&mut self) -> Option<Item> {
        loop {
            let line = match self.read_line() {
                Ok(l) => l,
                Err(e) => {
                    // an unreadable stream (a corrupt gzip member) ends the file
                    self.r = Box::new(std::io::empty());
                    return Some(Item::Failed(err(
                        &self.name,
                        format!("cannot read it after line {}: {e}", self.line_no),
                    )));
                }
            };
            self.line_no += 1;
            let where_ = format!("{}:{}", self.name, self.line_no);
            return Some(match line {
                Line::End => return None,
                Line::Over(n) => Item::Failed(over_limit(&where_, n, self.opts.max_bytes)),
                Line::Text(b, _) if b.iter().all(u8::is_ascii_whitespace) => continue,
                Line::Text(b, complete) => {
                    match parse_line(&where_, b, complete, self.line_no, self.opts) {
                        Ok(d) => Item::Doc(d),
                        Err(e) => Item::Failed(e),
                    }
                }
            });
        }
    }

    /// The next line, held only while it is within the limit.
    fn read_line(&mut self) -> std::io::Result<Line> {
        let mut buf = Vec::new();
        let mut over = false;
        let mut seen = 0u64;
        loop {
            let chunk = match self.r.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok(if seen == 0 {
                    Line::End
                } else if over {
                    Line::Over(seen)
                } else {
                    Line::Text(buf, false)
                });
            }
            let (take, done) = match chunk.iter().position(|b| *b == b'\n') {
                Some(p) => (p + 1, true),
                None => (chunk.len(), false),
            };
            seen += take as u64;
            if !over && seen > self.opts.max_bytes + 1 {
                over = true;
                buf = Vec::new();
            }
            if !over {
                buf.extend_from_slice(&chunk[..take]);
            }
            self.r.consume(take);
            if done {
                return Ok(if over {
                    Line::Over(seen)
                } else {
                    Line::Text(buf, true)
                });
            }
        }
    }
}

fn parse_line(
    where_: &str,
    buf: Vec<u8>,
    complete: bool,
    line_no: usize,
    opts: ReadOptions,
) -> Result<InputDoc, InputError> {
    let line = String::from_utf8(buf).map_err(|e| {
        err(
            where_,
            format!(
                "not valid UTF-8 at byte {} of the line",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    let j: JsonDoc = serde_json::from_str(&line).map_err(|e| {
        if !complete && e.is_eof() {
            err(
                where_,
                "the last line stops in the middle of a JSON document: the file looks truncated",
            )
        } else {
            err(where_, format!("not a JSON document: {e}"))
        }
    })?;
    let text = j.text.ok_or_else(|| err(where_, "has no \"text\" field"))?;
    let text = crate::charset::decode_text(where_, text.into_bytes(), opts)?.text;
    let mut warnings = Vec::new();
    let published = metadata_date(j.published.as_deref(), "\"published\"", &mut warnings);
    let id = match j.id {
        Some(serde_json::Value::String(s)) => s,
        Some(v) if !v.is_null() => v.to_string(),
        _ => format!("line-{line_no}"),
    };
    Ok(InputDoc {
        id,
        text: nonempty(where_, text)?,
        published_source: published.map(|_| sitrep_ledger::PublishedSource::Metadata),
        published,
        title: j.title,
        url: j.url,
        source: j.source,
        warnings,
        ..Default::default()
    })
}
