//! Bytes into text: byte-order marks, declared charsets, UTF-8, and a guess where nothing is declared.
//!
//! Plain text ([`decode_text`]) is UTF-8 (with or without a BOM), UTF-16 with a BOM, or the `--encoding` the
//! user gave; any other bytes are an error that names the charset they look like and how to convert them.
//! Markup ([`decode_markup`]: pages, feeds, WARC responses) says its charset in the HTTP header, a `<meta>` or an
//! XML declaration; one that says nothing and is not UTF-8 is read in the charset chardetng guesses, with a
//! warning. Either way, bytes that hold NULs (outside UTF-16) or many control characters are not text.

use crate::{err, InputError, ReadOptions};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Control characters (other than tab, newlines, form feed, escape) per 1,000 chars above which bytes are
/// taken for a binary file.
const CONTROL_PER_MILLE: usize = 10;

/// How far into the bytes a `<meta charset>` or an XML declaration is looked for.
const DECLARATION_WINDOW: usize = 4096;

#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    /// Set when the charset was guessed or the bytes did not fit it.
    pub warning: Option<String>,
}

/// Plain text: see the module doc.
pub(crate) fn decode_text(
    name: &str,
    bytes: Vec<u8>,
    opts: ReadOptions,
) -> Result<Decoded, InputError> {
    if let Some((enc, bom)) = Encoding::for_bom(&bytes) {
        return finish(name, with(enc, &bytes[bom..]), None);
    }
    if let Some(enc) = utf16_without_bom(&bytes) {
        return finish(name, with(enc, &bytes), None);
    }
    refuse_binary_bytes(name, &bytes)?;
    match String::from_utf8(bytes) {
        Ok(text) => finish(name, text, None),
        Err(e) => {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            if let Some(enc) = opts.encoding {
                return finish(name, with(enc, bytes), None);
            }
            if e.utf8_error().error_len().is_none() {
                return Err(err(
                    name,
                    format!("ends in the middle of a UTF-8 character at byte {at}: the file looks truncated"),
                ));
            }
            let guess = guess(bytes).name();
            Err(err(
                name,
                format!(
                    "is not valid UTF-8 (bad byte at offset {at}); it looks like {guess}: give --encoding {guess}, \
                     or convert it with `iconv -f {guess} -t utf-8`"
                ),
            ))
        }
    }
}

/// Markup whose charset may be declared (`declared`: the HTTP header's) or written in the markup itself.
pub(crate) fn decode_markup(
    name: &str,
    bytes: &[u8],
    declared: Option<&str>,
) -> Result<Decoded, InputError> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return finish(name, with(enc, &bytes[bom..]), None);
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return finish(name, with(enc, bytes), None);
    }
    refuse_binary_bytes(name, bytes)?;
    let label = declared
        .and_then(charset_param)
        .or_else(|| in_markup(bytes))
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        // a page that says UTF-16 but has no UTF-16 bytes was re-encoded on the way (crawlers do)
        .filter(|e| *e != UTF_16LE && *e != UTF_16BE);
    if let Ok(text) = std::str::from_utf8(bytes) {
        if label.is_none_or(|e| e == UTF_8) || text.is_ascii() {
            return finish(name, text.to_string(), None);
        }
    }
    if let Some(enc) = label {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        let warning = had_errors.then(|| {
            format!(
                "bytes that are not {} were replaced (the declared charset is wrong in places)",
                enc.name()
            )
        });
        return finish(name, text.into_owned(), warning);
    }
    let enc = guess(bytes);
    let warning = format!(
        "not UTF-8 and no charset declared: read as {} (a guess)",
        enc.name()
    );
    finish(name, with(enc, bytes), Some(warning))
}

fn with(enc: &'static Encoding, bytes: &[u8]) -> String {
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

fn finish(name: &str, text: String, warning: Option<String>) -> Result<Decoded, InputError> {
    let text = match text.strip_prefix('\u{feff}') {
        Some(t) => t.to_string(),
        None => text,
    };
    refuse_binary_text(name, &text)?;
    Ok(Decoded { text, warning })
}

fn binary(name: &str) -> InputError {
    err(
        name,
        "looks like a binary file (it holds NUL bytes or control characters), not text; give a text file",
    )
}

fn refuse_binary_bytes(name: &str, bytes: &[u8]) -> Result<(), InputError> {
    if bytes.contains(&0) {
        return Err(binary(name));
    }
    Ok(())
}

fn refuse_binary_text(name: &str, text: &str) -> Result<(), InputError> {
    let mut chars = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        chars += 1;
        if c == '\0' {
            return Err(binary(name));
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c' | '\x1b' | '\u{85}') {
            control += 1;
        }
    }
    if control * 1000 > chars.max(1) * CONTROL_PER_MILLE {
        return Err(binary(name));
    }
    Ok(())
}

/// UTF-16 without a byte-order mark, told by its NULs: an XML declaration or markup as `<\0?\0` or `\0<\0?`, or
/// text of which most even (or odd) bytes are NUL.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(256) & !1];
    if head.len() < 8 {
        return None;
    }
    let even = head.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let half = head.len() / 2;
    if odd * 10 >= half * 9 && even * 10 <= half {
        Some(UTF_16LE)
    } else if even * 10 >= half * 9 && odd * 10 <= half {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The value of `charset=` in a Content-Type.
fn charset_param(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    label_at(&lower[at..])
}

/// The charset a page's `<meta>` or a feed's XML declaration names.
fn in_markup(bytes: &[u8]) -> Option<String> {
    let head =
        String::from_utf8_lossy(&bytes[..bytes.len().min(DECLARATION_WINDOW)]).to_ascii_lowercase();
    if head.trim_start().starts_with("<?xml") {
        let decl_end = head.find("?>").unwrap_or(head.len());
        let decl = &head[..decl_end];
        if let Some(at) = decl.find("encoding=") {
            return label_at(&decl[at + "encoding=".len()..]);
        }
    }
    let at = head.find("charset=")? + "charset=".len();
    label_at(&head[at..])
}

fn label_at(s: &str) -> Option<String> {
    let s = s.trim_start_matches(['"', '\'', ' ']);
    let label: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Deny)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> ReadOptions {
        ReadOptions::new(1 << 20)
    }

    #[test]
    fn text_in_utf8_and_utf16_with_a_bom() {
        let t = decode_text("a.txt", "\u{feff}Kyiv".as_bytes().to_vec(), opts()).unwrap();
        assert_eq!(t.text, "Kyiv");
        let mut le = vec![0xff, 0xfe];
        le.extend("Київ".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode_text("b.txt", le, opts()).unwrap().text, "Київ");
    }

    #[test]
    fn text_in_another_charset_is_an_error_naming_the_charset_unless_given() {
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251
            .encode("Обстріл Харкова тривав усю ніч, повідомили в обласній адміністрації.");
        let e = decode_text("c.txt", cp1251.to_vec(), opts()).unwrap_err();
        assert!(e.message.contains("windows-1251"), "{e}");
        let o = ReadOptions {
            encoding: Some(encoding_rs::WINDOWS_1251),
            ..opts()
        };
        assert!(decode_text("c.txt", cp1251.to_vec(), o)
            .unwrap()
            .text
            .starts_with("Обстріл"));
    }

    #[test]
    fn binary_and_truncated() {
        assert!(decode_text("d", b"abc\0def".to_vec(), opts())
            .unwrap_err()
            .message
            .contains("binary"));
        let ctl: Vec<u8> = (0..200u8)
            .map(|i| if i % 5 == 0 { 1 } else { b'a' })
            .collect();
        assert!(decode_text("e", ctl, opts()).is_err());
        let cut = "Харків".as_bytes();
        let e = decode_text("f", cut[..cut.len() - 1].to_vec(), opts()).unwrap_err();
        assert!(e.message.contains("truncated"), "{e}");
    }

    #[test]
    fn markup_by_declaration_then_by_guess() {
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(
            "<html><head><meta charset=\"windows-1251\"></head><body>Обстріл Харкова</body></html>",
        );
        assert!(decode_markup("p.html", &cp1251, None)
            .unwrap()
            .text
            .contains("Обстріл Харкова"));
        let (bare, _, _) = encoding_rs::WINDOWS_1251.encode("<html><body>Обстріл Харкова тривав усю ніч, повідомили в обласній адміністрації.</body></html>");
        let d = decode_markup("q.html", &bare, None).unwrap();
        assert!(d.text.contains("Обстріл"), "{}", d.text);
        assert!(d.warning.unwrap().contains("windows-1251"));
        let d = decode_markup("r.html", &bare, Some("text/html; charset=windows-1251")).unwrap();
        assert!(d.warning.is_none());
        let mut le = Vec::new();
        le.extend(
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss/>"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        assert!(decode_markup("s.xml", &le, None)
            .unwrap()
            .text
            .starts_with("<?xml"));
    }
}
