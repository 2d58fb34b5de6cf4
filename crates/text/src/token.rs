//! The token layer: one scan of the view into word and punctuation tokens, shared by [`crate::tokens`] (the
//! free function over any range) and [`crate::Text::tokens`] (built once per text).

/// A byte range of the view, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether the byte at `offset` lies in the span.
    pub const fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Whether the two spans share at least one byte (an empty span overlaps nothing).
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end && !self.is_empty() && !other.is_empty()
    }

    /// The span as a range, for slicing: `&view[span.range()]`.
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// What a token looks like. Letters are judged by their case, digits are ASCII `0-9`; the joiners inside a word
/// (`'`, `-`, `.`) do not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// Letters without a capital: "shelled", "kup'yansk", uncased scripts.
    Lower,
    /// A capital first, and a small letter after it or a single letter: "Kyiv", "McDonald", "Anti-Terrorism",
    /// "A".
    Capitalised,
    /// Two or more letters, all capitals: "NATO", "U.S".
    AllCaps,
    /// ASCII digits and no letter: "2023", "3", "2023-07-28" (digits joined by hyphens).
    Digits,
    /// Letters and digits together ("150km", "3rd", "F-16"), other numerals ("²"), or a small first letter
    /// with capitals after it ("iPhone", "al-Assad").
    Mixed,
    /// One char that is neither a letter, a digit nor whitespace: "." "," "\"" "(" "-" "$".
    Punct,
}

impl Shape {
    pub fn is_word(self) -> bool {
        self != Shape::Punct
    }
}

/// One token of a [`crate::Text`]: a word (as [`crate::tokens`] cuts them) or a single punctuation char.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the view.
    pub span: Span,
    pub shape: Shape,
    /// Index into [`crate::Text::sentences`] of the sentence holding the token.
    pub sentence: u32,
    /// Whitespace precedes the token (the start of the text counts as whitespace).
    pub space_before: bool,
    /// A line break (`\n`) precedes the token (the start of the text counts as one).
    pub line_before: bool,
    /// The first char is an upper-case letter (true for every `Capitalised` and `AllCaps` token, and for a
    /// `Mixed` one like "F-16").
    pub upper_first: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.shape.is_word()
    }

    /// The sentence index as a `usize`, for indexing [`crate::Text::sentences`].
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }
}

/// One step of a scan: a word or one punctuation char, and what precedes it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Raw {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    pub space_before: bool,
    pub line_before: bool,
}

/// Scans `s[start..end]` into words and punctuation chars, skipping whitespace (`char::is_whitespace`).
/// A word is a run of letters and digits joined across an inner apostrophe or hyphen ("Kup'yansk",
/// "Anti-Terrorism") and across dots between capitals ("U.S"); nothing past `end` is looked at.
pub(crate) struct Scan<'a> {
    s: &'a str,
    pos: usize,
    end: usize,
    first: bool,
}

impl<'a> Scan<'a> {
    pub(crate) fn new(s: &'a str, start: usize, end: usize) -> Scan<'a> {
        Scan {
            s,
            pos: start,
            end,
            first: true,
        }
    }
}

/// The char at byte `i` of `s` (a char boundary), ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> char {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        b as char
    } else {
        s[i..].chars().next().unwrap_or(' ')
    }
}

/// End of the word starting at `b` (an alphanumeric char), looking no further than `end`.
#[inline]
fn word_end(s: &str, b: usize, end: usize) -> usize {
    let bytes = s.as_bytes();
    let mut e = b;
    let mut i = b;
    let mut prev = ' ';
    while i < end {
        let c = char_at(s, i);
        if c.is_alphanumeric() {
            i += c.len_utf8();
            e = i;
            prev = c;
            continue;
        }
        if !matches!(c, '\'' | '-' | '.') {
            break;
        }
        // the joiners are one byte; the char after one must be part of the word
        let next = (i + 1 < end).then(|| char_at(s, i + 1));
        let ok = match (bytes[i], next) {
            (b'.', Some(n)) => n.is_uppercase() && prev.is_uppercase(),
            (_, Some(n)) => n.is_alphanumeric(),
            _ => false,
        };
        if !ok {
            break;
        }
        i += 1;
    }
    e
}

impl Iterator for Scan<'_> {
    type Item = Raw;

    #[inline]
    fn next(&mut self) -> Option<Raw> {
        let bytes = self.s.as_bytes();
        let (mut space, mut line) = (self.first, self.first);
        self.first = false;
        while self.pos < self.end {
            let b = bytes[self.pos];
            let c = char_at(self.s, self.pos);
            if b == b' ' || c.is_whitespace() {
                space = true;
                line |= b == b'\n';
                self.pos += c.len_utf8();
                continue;
            }
            let start = self.pos;
            let word = c.is_alphanumeric();
            self.pos = if word {
                word_end(self.s, start, self.end)
            } else {
                start + c.len_utf8()
            };
            return Some(Raw {
                start,
                end: self.pos,
                word,
                space_before: space,
                line_before: line,
            });
        }
        None
    }
}

/// The shape of a word, and whether its first char is upper-case.
pub(crate) fn shape_of(w: &str) -> (Shape, bool) {
    let (mut upper, mut lower, mut letter, mut digit, mut numeral) =
        (0u32, false, false, false, false);
    for c in w.chars() {
        if c.is_ascii_digit() {
            digit = true;
        } else if c.is_alphabetic() {
            letter = true;
            if c.is_uppercase() {
                upper += 1;
            } else if c.is_lowercase() {
                lower = true;
            }
        } else if c.is_alphanumeric() {
            numeral = true;
        }
    }
    let upper_first = w.chars().next().is_some_and(char::is_uppercase);
    let shape = if digit && !letter && !numeral {
        Shape::Digits
    } else if digit || numeral {
        Shape::Mixed
    } else if upper == 0 {
        Shape::Lower
    } else if upper_first {
        if !lower && upper >= 2 {
            Shape::AllCaps
        } else {
            Shape::Capitalised
        }
    } else {
        Shape::Mixed
    };
    (shape, upper_first)
}

/// The token layer of a view whose sentences are `sentences` (start, end), in one pass.
pub(crate) fn build(view: &str, sentences: &[crate::Sentence]) -> Vec<Token> {
    // news text runs at about one token per five bytes
    let mut out = Vec::with_capacity(view.len() / 5 + 8);
    let mut si = 0usize;
    for r in Scan::new(view, 0, view.len()) {
        while si + 1 < sentences.len() && sentences[si].end <= r.start {
            si += 1;
        }
        let (shape, upper_first) = if r.word {
            shape_of(&view[r.start..r.end])
        } else {
            (Shape::Punct, false)
        };
        out.push(Token {
            span: Span::new(r.start, r.end),
            shape,
            sentence: si as u32,
            space_before: r.space_before,
            line_before: r.line_before,
            upper_first,
        });
    }
    out
}

/// The lower-cased copy of `view` with the same byte offsets: each char is lower-cased when its lower-case form
/// is one char of the same UTF-8 length, and kept otherwise ("İ", "ẞ", the Kelvin sign).
pub(crate) fn lower(view: &str) -> String {
    if view.is_ascii() {
        return view.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(view.len());
    for c in view.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(x), None) if x.len_utf8() == c.len_utf8() => out.push(x),
            _ => out.push(c),
        }
    }
    out
}
