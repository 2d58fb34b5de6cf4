//! Text segmentation for sitrep.
//!
//! A [`Text`] keeps the input as given and a normalised view of it (typographic quotes, apostrophes and
//! dashes folded to ASCII, a doubled apostrophe `''` to one `"`, non-breaking spaces to spaces) together with a map from every byte of the view back to
//! the input, so every later stage can match on plain ASCII punctuation and still report exact input offsets.
//!
//! Offsets in this crate are byte offsets into the *normalised view*; [`Text::to_input`] maps them back.
//!
//! Besides paragraphs, sentences and quotes, [`Text::new`] builds the token layer once: [`Text::tokens`] holds
//! every word (cut exactly as the free function [`tokens`] cuts them, which shares its scanner) and every
//! punctuation char as a token of its own, each with its [`Span`], [`Shape`], sentence index and whether
//! whitespace or a line break precedes it. [`Text::lower`] is a lower-cased copy of the view with the same byte
//! offsets, so `&text.lower()[tok.span.range()]` is a token's lower-case form without allocating (a char whose
//! lower-case form has another UTF-8 length, like "İ", is kept as it is).

mod lexicon;
mod token;

pub use lexicon::ABBREVIATIONS;
pub use token::{Shape, Span, Token};

/// What a paragraph is, as far as the report's structure goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// Running text of the report.
    Body,
    /// A picture caption ("... in this picture released on ...", photo credits).
    Caption,
    /// A byline or a dateline line ("By Jane Doe", "date 2023-07-28").
    Byline,
    /// A headline: a short first line without final punctuation.
    Headline,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub kind: ParagraphKind,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index into [`Text::paragraphs`].
    pub paragraph: usize,
}

/// A pair of quotation marks and what lies between them (offsets of the marks themselves).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Offset of the opening mark.
    pub open: usize,
    /// Offset just after the closing mark (or the end of the paragraph run for an unclosed quote).
    pub close: usize,
    /// True when the quote was opened and never closed before the text ran out.
    pub unclosed: bool,
}

impl QuoteSpan {
    /// The quoted content, without the marks.
    pub fn inner(&self) -> (usize, usize) {
        (
            self.open + 1,
            if self.unclosed {
                self.close
            } else {
                self.close - 1
            },
        )
    }
}

pub struct Text {
    input: String,
    view: String,
    /// For each byte of `view` (and one past the end), the byte offset in `input`. Empty when identical.
    map: Vec<u32>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<QuoteSpan>,
    /// The token layer, in text order (see [`Text::tokens`]).
    tokens: Vec<Token>,
    /// The view lower-cased, same byte offsets (see [`Text::lower`]).
    lower: String,
}

/// True when two apostrophes (or backticks, or typographic single quotes) stand together: the view folds the
/// pair to one quotation mark.
fn doubled_apostrophe(input: &str) -> bool {
    let mut prev = false;
    input.chars().any(|c| {
        let apostrophe = fold(c).unwrap_or(c) == '\'';
        let pair = prev && apostrophe;
        prev = apostrophe;
        pair
    })
}

/// Folds typographic punctuation to ASCII; returns None for chars left as they are.
fn fold(c: char) -> Option<char> {
    Some(match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '`' => '\'',
        '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{2015}' | '\u{2212}' | '\u{2010}'
        | '\u{2011}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' | '\u{3000}' => ' ',
        '\u{2026}' => '.',
        '\r' => ' ',
        '\t' => ' ',
        _ => return None,
    })
}

impl Text {
    pub fn new(input: &str) -> Text {
        let mut view = String::with_capacity(input.len());
        let mut map: Vec<u32> = Vec::new();
        let needs_map = input
            .chars()
            .any(|c| fold(c).is_some_and(|f| f.len_utf8() != c.len_utf8()))
            || doubled_apostrophe(input);
        if needs_map {
            map.reserve(input.len() + 1);
        }
        let mut chars = input.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let mut out = fold(c).unwrap_or(c);
            // a doubled apostrophe or backtick is a quotation mark (''like this'', ``like this'')
            if out == '\''
                && chars
                    .peek()
                    .is_some_and(|&(_, n)| fold(n).unwrap_or(n) == '\'')
            {
                chars.next();
                out = '"';
            }
            view.push(out);
            if needs_map {
                for _ in 0..out.len_utf8() {
                    map.push(i as u32);
                }
            }
        }
        if needs_map {
            map.push(input.len() as u32);
        }
        let mut t = Text {
            input: input.to_string(),
            view,
            map,
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            quotes: Vec::new(),
            tokens: Vec::new(),
            lower: String::new(),
        };
        t.paragraphs = split_paragraphs(&t.view);
        let opener = |i: usize| {
            let at = t.to_input(i);
            t.input[at..].starts_with(['\u{201C}', '\u{201E}', '\u{00AB}'])
        };
        t.quotes = find_quotes(&t.view, &t.paragraphs, opener);
        t.sentences = split_sentences(&t.view, &t.paragraphs, &t.quotes);
        t.tokens = token::build(&t.view, &t.sentences);
        t.lower = token::lower(&t.view);
        t
    }

    /// The input as given.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The normalised view (same chars count, ASCII punctuation).
    pub fn view(&self) -> &str {
        &self.view
    }

    /// Maps a byte offset of the view to a byte offset of the input.
    pub fn to_input(&self, view_offset: usize) -> usize {
        if self.map.is_empty() {
            view_offset
        } else {
            self.map[view_offset.min(self.map.len() - 1)] as usize
        }
    }

    pub fn slice(&self, start: usize, end: usize) -> &str {
        &self.view[start..end]
    }

    /// The sentence containing a byte offset of the view.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }

    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= offset).then_some(i)
    }

    pub fn in_caption(&self, offset: usize) -> bool {
        self.paragraph_at(offset)
            .is_some_and(|p| self.paragraphs[p].kind == ParagraphKind::Caption)
    }

    /// The quote whose marks enclose `offset`, if any.
    pub fn quote_at(&self, offset: usize) -> Option<&QuoteSpan> {
        let i = self.quotes.partition_point(|q| q.close <= offset);
        self.quotes.get(i).filter(|q| q.open <= offset)
    }

    /// Every token of the view in text order: the words [`tokens`] gives for the whole view, and each char that
    /// is neither whitespace nor part of a word as a token of shape [`Shape::Punct`].
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The tokens lying wholly in `start..end` (binary search). Where neither bound falls inside a word (a
    /// sentence's or a paragraph's bounds, say), its words are those of `tokens(view, start, end)`.
    pub fn tokens_in(&self, start: usize, end: usize) -> &[Token] {
        let lo = self.tokens.partition_point(|t| t.span.start < start);
        let hi = self.tokens.partition_point(|t| t.span.end <= end);
        &self.tokens[lo..hi.max(lo)]
    }

    /// The word tokens lying wholly in `start..end` (see [`Text::tokens_in`]).
    pub fn words_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Token> + '_ {
        self.tokens_in(start, end).iter().filter(|t| t.is_word())
    }

    /// Index into [`Text::tokens`] of the token holding the byte at `offset`; None on whitespace.
    pub fn token_at(&self, offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.end <= offset);
        (i < self.tokens.len() && self.tokens[i].span.start <= offset).then_some(i)
    }

    /// The view lower-cased with the same byte offsets: each char whose lower-case form is one char of the same
    /// UTF-8 length is replaced by it, any other char ("İ", "ẞ", the Kelvin sign) is kept as it is.
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// A token's text in the view.
    pub fn token_text(&self, tok: &Token) -> &str {
        &self.view[tok.span.range()]
    }

    /// A token's text in [`Text::lower`].
    pub fn token_lower(&self, tok: &Token) -> &str {
        &self.lower[tok.span.range()]
    }
}

/// Word tokens of `s[start..end]` with absolute offsets: runs of letters and digits, joined across an inner
/// apostrophe or hyphen ("Kup'yansk", "Anti-Terrorism") and across dots between capitals ("U.S"). Nothing
/// outside `start..end` is looked at. [`Text::tokens`] holds the same words for the whole view, built by the
/// same scanner.
pub fn tokens(s: &str, start: usize, end: usize) -> impl Iterator<Item = Span> + '_ {
    token::Scan::<false>::new(s, start, end).map(|r| Span::new(r.start, r.end))
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn split_paragraphs(view: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in view.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        if is_blank(line) {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let trail = line.len() - line.trim_end().len();
        out.push(Paragraph {
            start: start + lead,
            end: pos - trail,
            kind: ParagraphKind::Body,
        });
    }
    for i in 0..out.len() {
        let p = &out[i];
        let s = &view[p.start..p.end];
        out[i].kind = classify_paragraph(
            s,
            i == 0 || (i == 1 && out[0].kind == ParagraphKind::Byline),
        );
    }
    out
}

/// The longest paragraph, in words, read as a photo caption: captions are a sentence or two; a longer paragraph
/// holding "Photograph:" is an article given on one line (a JSONL record, a feed entry), read as body.
const CAPTION_MAX_WORDS: usize = 70;

fn classify_paragraph(s: &str, first: bool) -> ParagraphKind {
    let lower = s.to_ascii_lowercase();
    let short = lower.split_whitespace().nth(CAPTION_MAX_WORDS).is_none();
    if short
        && (lexicon::CAPTION_CUES.iter().any(|c| lower.contains(c))
            || lexicon::PHOTO_CREDIT.iter().any(|c| lower.contains(c)))
    {
        return ParagraphKind::Caption;
    }
    let trimmed = lower.trim();
    if trimmed.starts_with("by ")
        && trimmed.split_whitespace().count() <= 8
        && !trimmed.ends_with('.')
    {
        return ParagraphKind::Byline;
    }
    if trimmed.starts_with("date ") && trimmed.len() < 40 {
        return ParagraphKind::Byline;
    }
    if trimmed.starts_with("reporting by")
        || trimmed.starts_with("editing by")
        || trimmed.starts_with("additional reporting")
    {
        return ParagraphKind::Byline;
    }
    if first
        && !trimmed.ends_with(['.', '"', '!', '?', ':', ';'])
        && trimmed.split_whitespace().count() <= 20
    {
        return ParagraphKind::Headline;
    }
    ParagraphKind::Body
}

/// Pairs quotation marks within paragraphs. A straight `"` opens when it follows a space or an opening bracket
/// (or starts the paragraph) and closes otherwise. A quote left open at the end of a paragraph continues if the next
/// paragraph starts with a quotation mark (the newswire convention for quotes running over paragraphs). A
/// typographic opening mark (`“`, `„`, `«`; `opener` tells, by view offset) never closes: a quote open before
/// it was left unclosed there ("\"Trump walked onto the stage, chanting “U-S-A!”").
fn find_quotes(
    view: &str,
    paragraphs: &[Paragraph],
    opener: impl Fn(usize) -> bool,
) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        let bytes = view.as_bytes();
        let mut i = p.start;
        if let Some(o) = open {
            // continuation: the next paragraph re-opens with a mark
            if bytes.get(p.start) == Some(&b'"') {
                i = p.start + 1;
                let _ = o;
            } else {
                out.push(QuoteSpan {
                    open: o,
                    close: paragraphs[pi - 1].end,
                    unclosed: true,
                });
                open = None;
            }
        }
        while i < p.end {
            if bytes[i] == b'"' {
                match open {
                    None => open = Some(i),
                    Some(o) => {
                        let prev = view[..i].chars().next_back().unwrap_or(' ');
                        let next = view[i + 1..].chars().next().unwrap_or(' ');
                        // a mark between spaces, after a space and before a word, is an opener: the previous
                        // one was probably never closed
                        let reopens = (prev == ' ' || prev == '(')
                            && next.is_alphanumeric()
                            && i > o + 1
                            && view[o..i].contains(". ");
                        if reopens || (i > o + 1 && opener(i) && !opener(o)) {
                            out.push(QuoteSpan {
                                open: o,
                                close: i,
                                unclosed: true,
                            });
                            open = Some(i);
                        } else {
                            out.push(QuoteSpan {
                                open: o,
                                close: i + 1,
                                unclosed: false,
                            });
                            open = None;
                        }
                    }
                }
            }
            i += 1;
        }
    }
    if let (Some(o), Some(last)) = (open, paragraphs.last()) {
        out.push(QuoteSpan {
            open: o,
            close: last.end,
            unclosed: true,
        });
    }
    out
}

fn ends_with_abbreviation(view: &str, dot: usize) -> bool {
    // the word before the dot
    let before = &view[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // single capital initials: "J. Smith", "U.S."
    if word.len() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    if word.contains('.') {
        // U.S, U.N, a.m
        return true;
    }
    lexicon::ABBREVIATIONS
        .iter()
        .any(|a| a.eq_ignore_ascii_case(word))
}

/// Longest sentence kept whole, in bytes; longer runs are cut at the next space.
pub const MAX_SENTENCE_BYTES: usize = 3000;

fn split_sentences(view: &str, paragraphs: &[Paragraph], quotes: &[QuoteSpan]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let bytes = view.as_bytes();
    let mut qi = 0;
    for (pi, p) in paragraphs.iter().enumerate() {
        let mut start = p.start;
        let mut i = p.start;
        while i < p.end {
            let b = bytes[i];
            // a run-on "sentence" (a table, a list, a text without stops) is cut at a space so that the work
            // done per sentence stays bounded
            if b == b' ' && i - start >= MAX_SENTENCE_BYTES {
                out.push(Sentence {
                    start,
                    end: i,
                    paragraph: pi,
                });
                start = i + 1;
                i += 1;
                continue;
            }
            if matches!(b, b'.' | b'!' | b'?') {
                // inside a quote that closes later in the paragraph: no break
                while qi < quotes.len() && quotes[qi].close <= i {
                    qi += 1;
                }
                let inside = qi < quotes.len()
                    && quotes[qi].open < i
                    && i + 1 < quotes[qi].close
                    && !quotes[qi].unclosed;
                // extend over closing marks and brackets
                let mut j = i + 1;
                while j < p.end && matches!(bytes[j], b'"' | b'\'' | b')' | b'.' | b'!' | b'?') {
                    j += 1;
                }
                let at_end = j >= p.end;
                let followed_by_space = at_end || bytes[j] == b' ';
                if !inside && followed_by_space {
                    let mut k = j;
                    while k < p.end && bytes[k] == b' ' {
                        k += 1;
                    }
                    let next = view[k..p.end].chars().next();
                    let starts_new = match next {
                        None => true,
                        Some(c) => {
                            c.is_uppercase() || c.is_numeric() || c == '"' || c == '(' || c == '\''
                        }
                    };
                    let abbrev = b == b'.' && ends_with_abbreviation(view, i);
                    if starts_new && !abbrev {
                        out.push(Sentence {
                            start,
                            end: j,
                            paragraph: pi,
                        });
                        start = k;
                        i = k;
                        continue;
                    }
                }
            }
            i += 1;
        }
        if start < p.end {
            out.push(Sentence {
                start,
                end: p.end,
                paragraph: pi,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
