//! PDF reports: the text layer (pdf-extract), read on a parser thread. A PDF without text (a scan) is an error
//! that says to run OCR first; an encrypted or broken one says what pdf-extract found.

use crate::guard::{isolated, Panics};
use crate::{err, nonempty, over_limit, InputDoc, InputError, ReadOptions};

/// The document of a PDF file.
pub(crate) fn report(
    name: &str,
    id: String,
    bytes: Vec<u8>,
    opts: ReadOptions,
) -> Result<InputDoc, InputError> {
    if bytes.len() as u64 > opts.max_bytes {
        return Err(over_limit(name, bytes.len() as u64, opts.max_bytes));
    }
    let owner = name.to_string();
    let text = isolated(name, "PDF", Panics::OnDamagedInput, move || {
        pdf_extract::extract_text_from_mem(&bytes)
            .map_err(|e| err(&owner, format!("cannot read the PDF: {e}")))
    })?;
    let text = crate::tidy(&text);
    if text.split_whitespace().count() == 0 {
        return Err(err(
            name,
            "the PDF has no text layer (a scan?): run OCR on it first",
        ));
    }
    Ok(InputDoc {
        id,
        text: nonempty(name, text)?,
        ..Default::default()
    })
}
