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
    pub space_before: bool,
    pub line_before: bool,
    /// `Punct` for a punctuation char; for a word its shape when the scan reads shapes (`Lower` otherwise).
    pub shape: Shape,
    pub upper_first: bool,
}

/// Scans `s[start..end]` into words and, when `ALL`, punctuation chars (with shapes and the whitespace before
/// each token); whitespace is what `char::is_whitespace` says. A word is a run of letters and digits joined
/// across an inner apostrophe or hyphen ("Kup'yansk", "Anti-Terrorism") and across dots between capitals
/// ("U.S"); nothing past `end` is looked at.
pub(crate) struct Scan<'a, const ALL: bool> {
    s: &'a str,
    pos: usize,
    end: usize,
    first: bool,
}

impl<'a, const ALL: bool> Scan<'a, ALL> {
    pub(crate) fn new(s: &'a str, start: usize, end: usize) -> Scan<'a, ALL> {
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

/// Byte classes for the scanner's ASCII fast path.
const ALNUM: u8 = 1;
const SPACE: u8 = 2;
const JOIN: u8 = 4;
const UPPER: u8 = 8;
const LOWER: u8 = 16;
const DIGIT: u8 = 32;
/// A byte of a multi-byte char: decode it.
const WIDE: u8 = 128;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            WIDE
        } else if b.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if b.is_ascii_lowercase() {
            ALNUM | LOWER
        } else if b.is_ascii_digit() {
            ALNUM | DIGIT
        } else if b == b' ' || (b >= b'\t' && b <= b'\r') {
            SPACE
        } else if b == b'\'' || b == b'-' || b == b'.' {
            JOIN
        } else {
            0
        };
        i += 1;
    }
    t
};

/// What the letters and digits of a word were, for its shape: the classes of its ASCII bytes or-ed together, and
/// what its other chars were.
#[derive(Default)]
struct Marks {
    classes: u8,
    wide_upper: u32,
    wide_lower: bool,
    wide_letter: bool,
    /// A numeral other than an ASCII digit.
    numeral: bool,
}

impl Marks {
    fn wide(&mut self, c: char) {
        if c.is_alphabetic() {
            self.wide_letter = true;
            if c.is_uppercase() {
                self.wide_upper += 1;
            } else if c.is_lowercase() {
                self.wide_lower = true;
            }
        } else {
            self.numeral = true;
        }
    }

    /// The shape of the word `bytes[b..e]`, whose first char is upper-case when `upper_first`.
    fn shape(&self, bytes: &[u8], b: usize, e: usize, upper_first: bool) -> Shape {
        let digit = self.classes & DIGIT != 0;
        let letter = self.classes & (UPPER | LOWER) != 0 || self.wide_letter;
        let lower = self.classes & LOWER != 0 || self.wide_lower;
        let upper = self.classes & UPPER != 0 || self.wide_upper > 0;
        if digit && !letter && !self.numeral {
            Shape::Digits
        } else if digit || self.numeral {
            Shape::Mixed
        } else if !upper {
            Shape::Lower
        } else if !upper_first {
            Shape::Mixed
        } else if lower {
            Shape::Capitalised
        } else {
            // capitals only: one ("A") or more ("NATO")
            let n = bytes[b..e]
                .iter()
                .filter(|x| x.is_ascii_uppercase())
                .count()
                + self.wide_upper as usize;
            if n >= 2 {
                Shape::AllCaps
            } else {
                Shape::Capitalised
            }
        }
    }
}

impl<const ALL: bool> Scan<'_, ALL> {
    /// The word starting at `b` (an alphanumeric char), looking no further than `self.end`.
    #[inline]
    fn word(&mut self, b: usize, space_before: bool, line_before: bool) -> Raw {
        let s = self.s;
        let bytes = &s.as_bytes()[..self.end];
        let mut marks = Marks::default();
        let mut i = b;
        let mut e;
        loop {
            // a run of ASCII letters and digits
            while let Some(&x) = bytes.get(i) {
                let k = CLASS[x as usize];
                if k & ALNUM == 0 {
                    break;
                }
                marks.classes |= k;
                i += 1;
            }
            e = i;
            let Some(&x) = bytes.get(i) else { break };
            let k = CLASS[x as usize];
            if k & WIDE != 0 {
                let c = char_at(s, i);
                if !c.is_alphanumeric() {
                    break;
                }
                if ALL {
                    marks.wide(c);
                }
                i += c.len_utf8();
                continue;
            }
            // a joiner (one byte): the char after it must be part of the word, and a dot joins capitals
            if k & JOIN == 0 || i + 1 >= bytes.len() {
                break;
            }
            let n = char_at(s, i + 1);
            let ok = if x == b'.' {
                n.is_uppercase() && s[..i].chars().next_back().is_some_and(char::is_uppercase)
            } else {
                n.is_alphanumeric()
            };
            if !ok {
                break;
            }
            i += 1;
        }
        self.pos = e;
        let upper_first = ALL && char_at(s, b).is_uppercase();
        Raw {
            start: b,
            end: e,
            space_before,
            line_before,
            shape: if ALL {
                marks.shape(bytes, b, e, upper_first)
            } else {
                Shape::Lower
            },
            upper_first,
        }
    }
}

impl<const ALL: bool> Iterator for Scan<'_, ALL> {
    type Item = Raw;

    #[inline]
    fn next(&mut self) -> Option<Raw> {
        let bytes = self.s.as_bytes();
        let (mut space, mut line) = (self.first, self.first);
        self.first = false;
        while self.pos < self.end {
            let start = self.pos;
            let x = bytes[start];
            let k = CLASS[x as usize];
            let len = if k & ALNUM != 0 {
                return Some(self.word(start, space, line));
            } else if k & SPACE != 0 {
                space = true;
                line |= x == b'\n';
                self.pos += 1;
                continue;
            } else if k & WIDE == 0 {
                1
            } else {
                let c = char_at(self.s, start);
                if c.is_alphanumeric() {
                    return Some(self.word(start, space, line));
                }
                if c.is_whitespace() {
                    space = true;
                    self.pos += c.len_utf8();
                    continue;
                }
                c.len_utf8()
            };
            self.pos += len;
            if ALL {
                return Some(Raw {
                    start,
                    end: start + len,
                    space_before: space,
                    line_before: line,
                    shape: Shape::Punct,
                    upper_first: false,
                });
            }
        }
        None
    }
}

/// The token layer of a view whose sentences are `sentences`, in one pass.
pub(crate) fn build(view: &str, sentences: &[crate::Sentence]) -> Vec<Token> {
    // news text runs at about one token per five bytes
    let mut out = Vec::with_capacity(view.len() / 5 + 8);
    let mut si = 0usize;
    let mut next_end = sentences.first().map_or(usize::MAX, |s| s.end);
    for r in Scan::<true>::new(view, 0, view.len()) {
        while r.start >= next_end && si + 1 < sentences.len() {
            si += 1;
            next_end = sentences[si].end;
        }
        out.push(Token {
            span: Span::new(r.start, r.end),
            shape: r.shape,
            sentence: si as u32,
            space_before: r.space_before,
            line_before: r.line_before,
            upper_first: r.upper_first,
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
