//! Reading documents: text files, standard input, folders of .txt files, and JSONL (one document a line).
//! Every failure names the input (and the line, for JSONL) and says what to do.

use serde::Deserialize;
use sitrep_extract::InputDoc;
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy)]
pub struct Limits {
    pub max_bytes: u64,
}

#[derive(Debug)]
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

fn err(input: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError {
        input: input.into(),
        message: message.into(),
    }
}

pub enum Source {
    Stdin,
    Text(PathBuf),
    Jsonl(PathBuf),
}

impl Source {
    pub fn is_jsonl(&self) -> bool {
        matches!(self, Source::Jsonl(_))
    }
}

/// Expands the command-line inputs: folders into their .txt/.jsonl files (sorted), the rest as given.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<Source>, InputError> {
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                err(p.display().to_string(), "no such file or folder")
            } else {
                err(p.display().to_string(), format!("cannot read it: {e}"))
            }
        })?;
        if meta.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| {
                    err(
                        p.display().to_string(),
                        format!("cannot list the folder: {e}"),
                    )
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.is_file()
                        && matches!(
                            f.extension().and_then(|x| x.to_str()),
                            Some("txt") | Some("jsonl")
                        )
                })
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(err(
                    p.display().to_string(),
                    "the folder holds no .txt or .jsonl files",
                ));
            }
            for f in files {
                out.push(classify(f));
            }
        } else {
            out.push(classify(p.clone()));
        }
    }
    Ok(out)
}

fn classify(p: PathBuf) -> Source {
    if p.extension().and_then(|x| x.to_str()) == Some("jsonl") {
        Source::Jsonl(p)
    } else {
        Source::Text(p)
    }
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

pub enum Reader {
    One(Option<Result<InputDoc, InputError>>),
    Jsonl {
        name: String,
        lines: Box<dyn BufRead>,
        line_no: usize,
        limits: Limits,
    },
}

/// Checks a document's bytes and turns them into text, or says why not.
pub fn decode(name: &str, bytes: Vec<u8>, limits: Limits) -> Result<String, InputError> {
    if bytes.len() as u64 > limits.max_bytes {
        return Err(err(
            name,
            format!(
                "{} MB is over the limit of {} MB; split it or raise --max-mb",
                bytes.len() >> 20,
                limits.max_bytes >> 20
            ),
        ));
    }
    let probe = &bytes[..bytes.len().min(8192)];
    if probe.contains(&0) {
        return Err(err(
            name,
            "looks like a binary file (it holds NUL bytes), not text; give a UTF-8 text file",
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let truncated = e.utf8_error().error_len().is_none();
        if truncated {
            err(name, format!("ends in the middle of a UTF-8 character at byte {at}: the file looks truncated"))
        } else {
            err(name, format!("is not valid UTF-8 (bad byte at offset {at}); convert it to UTF-8, e.g. with iconv"))
        }
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    if text.trim().is_empty() {
        return Err(err(name, "is empty: there is no text to extract"));
    }
    Ok(text)
}

fn read_limited(name: &str, r: &mut dyn Read, limits: Limits) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    r.take(limits.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(name, format!("cannot read it: {e}")))?;
    Ok(bytes)
}

impl Reader {
    pub fn open(src: &Source, limits: Limits) -> Result<Reader, InputError> {
        match src {
            Source::Stdin => {
                let doc = read_limited("stdin", &mut std::io::stdin().lock(), limits)
                    .and_then(|b| decode("stdin", b, limits))
                    .map(|text| InputDoc {
                        id: "stdin".into(),
                        text,
                        ..Default::default()
                    });
                Ok(Reader::One(Some(doc)))
            }
            Source::Text(p) => {
                let name = p.display().to_string();
                let doc = File::open(p)
                    .map_err(|e| {
                        err(
                            &name,
                            if e.kind() == std::io::ErrorKind::NotFound {
                                "no such file".to_string()
                            } else {
                                format!("cannot open it: {e}")
                            },
                        )
                    })
                    .and_then(|mut f| read_limited(&name, &mut f, limits))
                    .and_then(|b| decode(&name, b, limits))
                    .map(|text| InputDoc {
                        id: file_id(p),
                        text,
                        ..Default::default()
                    });
                Ok(Reader::One(Some(doc)))
            }
            Source::Jsonl(p) => {
                let name = p.display().to_string();
                let f = File::open(p).map_err(|e| err(&name, format!("cannot open it: {e}")))?;
                Ok(Reader::Jsonl {
                    name,
                    lines: Box::new(BufReader::with_capacity(1 << 20, f)),
                    line_no: 0,
                    limits,
                })
            }
        }
    }

    pub fn next_doc(&mut self) -> Option<Result<InputDoc, InputError>> {
        match self {
            Reader::One(d) => d.take(),
            Reader::Jsonl {
                name,
                lines,
                line_no,
                limits,
            } => loop {
                let mut buf = Vec::new();
                match lines.read_until(b'\n', &mut buf) {
                    Ok(0) => return None,
                    Ok(_) => {}
                    Err(e) => return Some(Err(err(name.as_str(), format!("cannot read it: {e}")))),
                }
                *line_no += 1;
                let complete = buf.last() == Some(&b'\n');
                let where_ = format!("{name}:{line_no}");
                if buf.iter().all(|b| b.is_ascii_whitespace()) {
                    continue;
                }
                return Some(parse_line(&where_, buf, complete, *line_no, *limits));
            },
        }
    }
}

fn file_id(p: &Path) -> String {
    p.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

fn parse_line(
    where_: &str,
    buf: Vec<u8>,
    complete: bool,
    line_no: usize,
    limits: Limits,
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
    let text = decode(where_, text.into_bytes(), limits)?;
    let published = match j
        .published
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(s) => Some(
            chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").map_err(
                |_| {
                    err(
                        where_,
                        format!("\"published\" is '{s}', not a date of the form YYYY-MM-DD"),
                    )
                },
            )?,
        ),
    };
    let id = match j.id {
        Some(serde_json::Value::String(s)) => s,
        Some(v) if !v.is_null() => v.to_string(),
        _ => format!("line-{line_no}"),
    };
    Ok(InputDoc {
        id,
        text,
        published_source: published.map(|_| sitrep_ledger::PublishedSource::Metadata),
        published,
        title: j.title,
        url: j.url,
        source: j.source,
    })
}
