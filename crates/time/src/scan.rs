//! Time's tokens: a view over the token layer of [`sitrep_text::Text`], not a second tokenisation.
//!
//! The grammar works on finer tokens than the layer's words: a word of the layer is cut into runs of letters
//! (`Alpha`), runs of ASCII digits (`Digit`) and single other chars (`Punct`), so that "3rd" is a day and a
//! suffix, "150km" a number glued to a unit, "2023-07-28" three numbers and two hyphens, "mid-July" a modifier,
//! a hyphen and a month. The layer's punctuation tokens are single chars already and pass through. Each token
//! also gets the `lex` flag (its lower-case form, read from [`sitrep_text::Text::lower`], is in some lexicon
//! table), which lets the grammar skip every other word at once.
//!
//! The grammar reads one sentence at a time: the sentences of the text ([`sitrep_text::Text::sentences`], which
//! end at line breaks and know abbreviations and quotes), so time keeps no tokenizer, sentence splitter or
//! abbreviation list of its own.

use std::collections::HashSet;
use std::sync::OnceLock;

use sitrep_text::{Shape, Text, Token};

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
    /// First character is upper case.
    pub cap: bool,
    /// The lower-cased word occurs in some lexicon table.
    pub lex: bool,
}

fn lexicon_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut s = HashSet::new();
        let lists: [&[&str]; 12] = [
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

/// Whether a lower-cased word is in some lexicon table (the tables are ASCII, none longer than 12 bytes).
fn is_lexical(lower: &str) -> bool {
    lower.len() <= 12 && lower.is_ascii() && lexicon_words().contains(lower)
}

fn char_at(text: &str, pos: usize) -> char {
    text[pos..].chars().next().unwrap_or(' ')
}

/// Appends the grammar's tokens of layer token `tok`, cut off at byte `end`.
fn split(view: &str, lower: &str, tok: &Token, end: usize, out: &mut Vec<Tok>) {
    let (start, stop) = (tok.span.start, tok.span.end.min(end));
    let sp = tok.space_before;
    match tok.shape {
        Shape::Punct => {
            out.push(Tok {
                s: start,
                e: stop,
                kind: Kind::Punct,
                sp,
                cap: false,
                lex: false,
            });
            return;
        }
        Shape::Lower | Shape::Capitalised | Shape::AllCaps
            if view.as_bytes()[start..stop]
                .iter()
                .all(u8::is_ascii_alphabetic) =>
        {
            // the common case: a plain ASCII word is one token
            out.push(Tok {
                s: start,
                e: stop,
                kind: Kind::Alpha,
                sp,
                cap: tok.upper_first,
                lex: is_lexical(&lower[start..stop]),
            });
            return;
        }
        _ => {}
    }
    let bytes = view.as_bytes();
    let mut i = start;
    while i < stop {
        let s = i;
        let c = char_at(view, i);
        let kind = if c.is_ascii_digit() {
            while i < stop && bytes[i].is_ascii_digit() {
                i += 1;
            }
            Kind::Digit
        } else if c.is_alphabetic() {
            i += c.len_utf8();
            while i < stop {
                let c = char_at(view, i);
                if !c.is_alphabetic() {
                    break;
                }
                i += c.len_utf8();
            }
            Kind::Alpha
        } else {
            i += c.len_utf8();
            Kind::Punct
        };
        out.push(Tok {
            s,
            e: i,
            kind,
            sp: sp && s == start,
            cap: c.is_uppercase(),
            lex: kind == Kind::Alpha && is_lexical(&lower[s..i]),
        });
    }
}

/// Calls `f` with the grammar's tokens of each sentence of `text` (its [`Text::sentences`]) in turn, as far as
/// byte `end` of the view (a token running past it is cut off there), reusing one buffer.
pub(crate) fn for_each_sentence(text: &Text, end: usize, mut f: impl FnMut(&[Tok])) {
    let (view, lower) = (text.view(), text.lower());
    let layer = text.tokens();
    let layer = &layer[..layer.partition_point(|t| t.span.start < end)];
    let mut buf: Vec<Tok> = Vec::with_capacity(256);
    let mut sentence = u32::MAX;
    for tok in layer {
        if tok.sentence != sentence && !buf.is_empty() {
            f(&buf);
            buf.clear();
        }
        sentence = tok.sentence;
        split(view, lower, tok, end, &mut buf);
    }
    if !buf.is_empty() {
        f(&buf);
    }
}
