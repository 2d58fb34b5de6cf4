//! Tokeniser and sentence splitter: one pass over the bytes, no allocation per token.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lexicon;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Alpha,
    Digit,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
    /// Whitespace precedes the token.
    pub sp: bool,
    /// A line break precedes the token.
    pub nl: bool,
    /// First character is upper case.
    pub cap: bool,
    /// The lower-cased word occurs in some lexicon table.
    pub lex: bool,
}

fn lexicon_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut s = HashSet::new();
        let lists: [&[&str]; 13] = [
            lexicon::AMBIGUOUS_MONTHS,
            lexicon::WEEKDAY_NAME_FOLLOWERS,
            lexicon::WEEKDAY_NAME_PRECEDERS,
            lexicon::VAGUE_QUANTIFIERS,
            lexicon::APPROXIMATORS,
            lexicon::DATE_CONTEXT_BEFORE,
            lexicon::NON_YEAR_FOLLOWERS,
            lexicon::FUTURE_CUES,
            lexicon::FUTURE_CUES_BEFORE_TO,
            lexicon::PAST_REPORTING,
            lexicon::ABBREVIATIONS,
            lexicon::TIME_ZONES,
            lexicon::EXTRA_WORDS,
        ];
        for l in lists {
            s.extend(l.iter().copied());
        }
        s.extend(lexicon::MONTHS.iter().map(|x| x.0));
        s.extend(lexicon::WEEKDAYS.iter().map(|x| x.0));
        s.extend(lexicon::WEEKDAY_ABBREVS.iter().map(|x| x.0));
        s.extend(lexicon::SEASONS.iter().map(|x| x.0));
        s.extend(lexicon::PARTS_OF_DAY.iter().map(|x| x.0));
        s.extend(lexicon::UNITS.iter().map(|x| x.0));
        s.extend(lexicon::DECADE_WORDS.iter().map(|x| x.0));
        s.extend(lexicon::NUMBER_WORDS.iter().map(|x| x.0));
        s.extend(lexicon::ORDINALS.iter().map(|x| x.0));
        s.extend(lexicon::SET_ADVERBS.iter().map(|x| x.0));
        s.extend(lexicon::VAGUE_WORDS.iter().map(|x| x.0));
        s
    })
}

fn is_lexical(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() > 12 || !b.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 12];
    for (i, c) in b.iter().enumerate() {
        buf[i] = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).is_ok_and(|w| lexicon_words().contains(w))
}

pub(crate) struct Tokenizer<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Tokenizer<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Tokenizer { text, pos: 0 }
    }
}

fn char_at(text: &str, pos: usize) -> char {
    text[pos..].chars().next().unwrap_or(' ')
}

impl Iterator for Tokenizer<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let bytes = self.text.as_bytes();
        let (mut sp, mut nl) = (false, false);
        while self.pos < bytes.len() {
            let b = bytes[self.pos];
            if b.is_ascii_whitespace() {
                sp = true;
                nl |= b == b'\n';
                self.pos += 1;
            } else if b >= 0x80 {
                let c = char_at(self.text, self.pos);
                if c.is_whitespace() {
                    sp = true;
                    self.pos += c.len_utf8();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if self.pos >= bytes.len() {
            return None;
        }
        let s = self.pos;
        let b = bytes[s];
        let kind;
        if b.is_ascii_digit() {
            kind = Kind::Digit;
            while self.pos < bytes.len() && bytes[self.pos].is_ascii_digit() {
                self.pos += 1;
            }
        } else {
            let c = char_at(self.text, s);
            if c.is_alphabetic() {
                kind = Kind::Alpha;
                while self.pos < bytes.len() {
                    let b = bytes[self.pos];
                    if b.is_ascii_alphabetic() {
                        self.pos += 1;
                    } else if b >= 0x80 {
                        let c = char_at(self.text, self.pos);
                        if c.is_alphabetic() {
                            self.pos += c.len_utf8();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
            } else {
                kind = Kind::Punct;
                self.pos += c.len_utf8();
            }
        }
        let word = &self.text[s..self.pos];
        let first = char_at(self.text, s);
        Some(Tok {
            s,
            e: self.pos,
            kind,
            sp: sp || s == 0,
            nl,
            cap: first.is_uppercase(),
            lex: kind == Kind::Alpha && is_lexical(word),
        })
    }
}

/// Longest sentence buffered before a forced split (keeps memory bounded on odd input).
const MAX_SENTENCE_TOKENS: usize = 4096;

/// Calls `f` with the tokens of each sentence in turn, reusing one buffer.
pub(crate) fn for_each_sentence(text: &str, mut f: impl FnMut(&[Tok])) {
    let mut buf: Vec<Tok> = Vec::with_capacity(256);
    for tok in Tokenizer::new(text) {
        if !buf.is_empty()
            && (tok.nl || buf.len() >= MAX_SENTENCE_TOKENS || ends_sentence(text, &buf, &tok))
        {
            f(&buf);
            buf.clear();
        }
        buf.push(tok);
    }
    if !buf.is_empty() {
        f(&buf);
    }
}

fn ends_sentence(text: &str, buf: &[Tok], next: &Tok) -> bool {
    let last = buf[buf.len() - 1];
    if last.kind != Kind::Punct || !next.sp {
        return false;
    }
    let p = &text[last.s..last.e];
    if p != "." && p != "!" && p != "?" {
        return false;
    }
    let nc = char_at(text, next.s);
    if !(nc.is_uppercase() || matches!(nc, '"' | '\'' | '\u{201c}' | '\u{2018}')) {
        return false;
    }
    if p == "." && buf.len() >= 2 {
        let w = buf[buf.len() - 2];
        if w.kind == Kind::Alpha && w.e == last.s {
            let word = &text[w.s..w.e];
            if word.len() == 1
                || lexicon::ABBREVIATIONS
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(word))
            {
                return false;
            }
        }
    }
    true
}
