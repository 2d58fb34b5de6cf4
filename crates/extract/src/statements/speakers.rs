//! Who speaks: the speaker of a statement read before or after its cue, and where the cue's verb group starts.
//!
//! * **The verb group** before a cue: auxiliaries, modals, negations, adverbs and catenative verbs
//!   (`lists/verb_auxiliaries.txt`, `lists/quote_adverbs.txt`: "have not said", "continued to call for"), a
//!   time inside it ("on Friday condemned"), a pronoun's contracted auxiliary ("he's sought").
//! * **The speaker before it**: a relative pronoun for the actor before it ("Clinton, who has called for"), the
//!   first person (the author's, no actor), an indefinite speaker or a share (`lists/indefinite_speakers.txt`:
//!   "some say", "63 percent said"; no actor), the subject before an appositive, a pronoun, an actor mention, a
//!   speaker phrase; **after it**: "said X", "according to X"; **of the main clause**: "..., saying S".
//!
//! Reads: the actors and quotes layers, the times layer, the speaker phrases of `attribution::phrases`.
//! Writes: nothing itself; a speaker phrase that names no actor yet is interned through `actor_for_phrase`,
//! its mention added by `statements::recognise`.

use super::{in_time, StatementRec};
use crate::attribution::phrases::{
    actor_for_phrase, is_first_person, phrase_after, phrase_before, verb_group_start, PhraseKind,
};
use crate::attribution::{
    after_preposition, appositive_subject, is_preposition, sentence_subject, subject_before,
    Subject,
};
use crate::doc::{words, Doc};

/// A speaker found for a statement: its words and the actor (none for a pronoun with no one before it to
/// stand for), and whether the words are a phrase that becomes a mention.
#[derive(Debug, Clone, Copy)]
pub(super) struct Speaker {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) actor: Option<usize>,
    /// The words were a phrase, not an actor mention yet (a pronoun when the flag says so).
    pub(super) new_mention: Option<bool>,
}

impl Speaker {
    /// An actor mention already in the actors layer.
    pub(super) fn mention(start: usize, end: usize, actor: usize) -> Speaker {
        Speaker {
            start,
            end,
            actor: Some(actor),
            new_mention: None,
        }
    }
}

/// Where the verb group of the cue at `cue_start` starts ([`verb_group_start`]), a time inside it included
/// ("Wells Fargo just this month announced", "the council on Friday condemned").
pub(super) fn verb_start(doc: &Doc, from: usize, cue_start: usize) -> usize {
    let lower = doc.text.lower();
    let mut verb = verb_group_start(doc.rules, doc.text, from, cue_start);
    loop {
        let ws = words(doc.text, from, verb);
        let mut k = ws.len();
        while k > 0 && in_time(doc, ws[k - 1]) {
            k -= 1;
        }
        if k == ws.len() {
            return contracted_subject_end(doc, ws.last().copied(), verb);
        }
        // "on Friday": the preposition of the time too
        if k > 0 && is_preposition(&lower[ws[k - 1].0..ws[k - 1].1]) {
            k -= 1;
        }
        if k == 0 || !doc.view()[ws[k - 1].1..ws[k].0].trim().is_empty() {
            return verb;
        }
        verb = verb_group_start(doc.rules, doc.text, from, ws[k].0);
    }
}

/// `he's sought`, `she'll present`, `who's called for`: when the word before the verb group is a pronoun with
/// a contracted auxiliary, the group starts at its apostrophe (the pronoun is the subject); else at `verb`.
fn contracted_subject_end(doc: &Doc, last: Option<(usize, usize)>, verb: usize) -> usize {
    let Some((a, b)) = last.filter(|&(_, b)| doc.view()[b..verb].trim().is_empty()) else {
        return verb;
    };
    let w = &doc.text.lower()[a..b];
    let Some((stem, tail)) = w.split_once('\'') else {
        return verb;
    };
    let pronoun = matches!(stem, "he" | "she" | "they" | "it" | "i" | "we" | "who");
    if pronoun && matches!(tail, "s" | "ll" | "d" | "ve" | "re") {
        a + stem.len()
    } else {
        verb
    }
}

/// The speaker before a cue: an actor mention ([`subject_before`]) or a speaker phrase.
/// An actor after a preposition ("the report on Russia said") is not the subject: the phrase around it is; an
/// actor before a speaker noun speaks through it ("Ukrainian military sources").
pub(super) fn speaker_before(doc: &mut Doc, from: usize, cue_start: usize) -> Option<Speaker> {
    if let Some(sp) = relative_speaker(doc, from, cue_start) {
        return Some(sp);
    }
    if let Some(&(a, b)) = words(doc.text, from, cue_start).last() {
        if is_first_person(&doc.text.lower()[a..b]) && doc.view()[b..cue_start].trim().is_empty() {
            return phrase_speaker(doc, (a, b, PhraseKind::Pronoun));
        }
    }
    if let Some(sp) = indefinite_speaker(doc, from, cue_start) {
        return Some(sp);
    }
    if let Some(sp) = speaker_before_appositive(doc, from, cue_start) {
        return Some(sp);
    }
    // "police said he refused to ...": a pronoun right before the cue is its subject
    let pronoun = phrase_before(doc.rules, doc.text, from, cue_start)
        .filter(|p| p.2 == PhraseKind::Pronoun && !doc.actor_overlapping(p.0, p.1));
    if let Some(sp) = pronoun.and_then(|ph| phrase_speaker(doc, ph)) {
        return Some(sp);
    }
    let mention = subject_before(doc, from, cue_start)
        .map(|(start, end, actor)| Speaker::mention(start, end, actor));
    if let Some(mut m) = mention.filter(|m| !after_preposition(doc, from, m.start)) {
        // "Ukrainian military sources say": the sources of the actor speak, named by the whole phrase
        if let [(a, b)] = words(doc.text, m.end, cue_start)[..] {
            if doc.rules.speakers.is_speaker_noun(&doc.text.lower()[a..b]) {
                m.end = b;
            }
        }
        return Some(m);
    }
    let phrase = phrase_before(doc.rules, doc.text, from, cue_start);
    phrase.and_then(|ph| phrase_speaker(doc, ph)).or(mention)
}

/// `Clinton, who has called for tax hikes`, `cities that support the regulations`: a relative pronoun right
/// before the verb stands for the actor mention or speaker phrase right before it (a comma or a dash
/// between), and becomes a mention of that actor.
fn relative_speaker(doc: &mut Doc, from: usize, verb: usize) -> Option<Speaker> {
    let view = doc.view();
    let &(rs, re) = words(doc.text, from, verb).last()?;
    let relative = matches!(&doc.text.lower()[rs..re], "who" | "which" | "that");
    if !relative || !view[re..verb].trim().is_empty() {
        return None;
    }
    let ante_end = from
        + view[from..rs]
            .trim_end_matches([' ', ',', '\u{2014}', '-'])
            .len();
    let actor = match doc.actors_within(from, ante_end).last() {
        Some(m) if m.end == ante_end => Some(m.actor),
        _ => phrase_before(doc.rules, doc.text, from, ante_end)
            .filter(|ph| ph.1 == ante_end && ph.2 != PhraseKind::Pronoun)
            .and_then(|ph| phrase_speaker(doc, ph))
            .and_then(|sp| sp.actor),
    }?;
    Some(Speaker {
        start: rs,
        end: re,
        actor: Some(actor),
        new_mention: Some(true),
    })
}

/// `some say`, `no one expected`, `63 percent said`, `most of those polled believe`: a speaker of
/// `lists/indefinite_speakers.txt` or a percentage, with an "of" phrase of up to four words after it, right
/// before the verb, opening its clause; the words are the statement's speaker mention, with no actor.
fn indefinite_speaker(doc: &Doc, from: usize, verb: usize) -> Option<Speaker> {
    let lower = doc.text.lower();
    let ws = words(doc.text, from, verb);
    let &(_, end) = ws.last()?;
    if !doc.view()[end..verb].trim().is_empty() {
        return None;
    }
    // the quantity ends before "of" when an "of" phrase follows it
    let n = ws.len();
    let head_end = (n.saturating_sub(5)..n)
        .find(|&j| &lower[ws[j].0..ws[j].1] == "of")
        .unwrap_or(n);
    let start = quantity_start(doc, &ws[..head_end])?;
    // the quantity opens its clause: nothing before it but a comma, a conjunction or a preposition
    if let Some(&(a, b)) = words(doc.text, from, start).last() {
        let w = &lower[a..b];
        let comma = doc.view()[b..start].contains([',', ';', ':']);
        if !comma && !is_preposition(w) && !matches!(w, "and" | "but" | "however" | "yet" | "that")
        {
            return None;
        }
    }
    Some(Speaker {
        start,
        end,
        actor: None,
        new_mention: Some(true),
    })
}

/// Where the quantity ending `ws` starts: "N percent", or an entry of one or two words of
/// `lists/indefinite_speakers.txt`.
fn quantity_start(doc: &Doc, ws: &[(usize, usize)]) -> Option<usize> {
    let lower = doc.text.lower();
    let n = ws.len();
    let word = |j: usize| &lower[ws[j].0..ws[j].1];
    if n >= 2 && word(n - 1) == "percent" {
        let number = word(n - 2);
        let digits = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '.');
        if digits || doc.rules.events.number_word(number).is_some() {
            return Some(ws[n - 2].0);
        }
    }
    let indefinite = &doc.rules.statements.indefinite;
    if n >= 2 && indefinite.contains(&lower[ws[n - 2].0..ws[n - 1].1]) {
        return Some(ws[n - 2].0);
    }
    (n >= 1 && indefinite.contains(word(n - 1))).then(|| ws[n - 1].0)
}

/// `X, a senior fellow at the Hoover Institution, said`: the subject before its appositive
/// ([`appositive_subject`]).
fn speaker_before_appositive(doc: &mut Doc, from: usize, cue_start: usize) -> Option<Speaker> {
    match appositive_subject(doc, from, cue_start)? {
        Subject::Mention(start, end, actor) => Some(Speaker::mention(start, end, actor)),
        Subject::Phrase(ph) => phrase_speaker(doc, ph),
    }
}

/// The speaker right after a cue ("said Mr. Kovalenko", "according to a senior official").
pub(super) fn speaker_after(doc: &mut Doc, cue_end: usize, se: usize) -> Option<Speaker> {
    if let Some(m) = doc
        .actors_within(cue_end, se)
        .next()
        .filter(|m| words(doc.text, cue_end, m.start).len() <= 1)
    {
        return Some(Speaker::mention(m.start, m.end, m.actor));
    }
    let ph = phrase_after(doc.rules, doc.text, cue_end, se)?;
    phrase_speaker(doc, ph)
}

/// The actor a speaker phrase stands for; first and second persons name no one the ledger knows.
pub(super) fn phrase_speaker(
    doc: &mut Doc,
    (s, e, kind): (usize, usize, PhraseKind),
) -> Option<Speaker> {
    let w = &doc.text.lower()[s..e];
    if is_first_person(w) {
        // the first person outside quotes is the author's (an op-ed, a letter): no actor the ledger knows
        return Some(Speaker {
            start: s,
            end: e,
            actor: None,
            new_mention: Some(true),
        });
    }
    if matches!(w, "you" | "it" | "this" | "that" | "there") {
        return None;
    }
    let actor = actor_for_phrase(doc, s, e, kind, &[]);
    if actor.is_none() && kind != PhraseKind::Pronoun {
        return None;
    }
    Some(Speaker {
        start: s,
        end: e,
        actor,
        new_mention: Some(kind == PhraseKind::Pronoun),
    })
}

/// The speaker of `..., saying S`: the speaker of a statement earlier in the sentence, else the subject at
/// the sentence's start.
pub(super) fn main_clause_speaker(
    doc: &mut Doc,
    ss: usize,
    cue_start: usize,
    earlier: &[StatementRec],
) -> Option<Speaker> {
    if let Some(st) = earlier.iter().rev().find(|s| s.speaker_mention.is_some()) {
        let (start, end) = st.speaker_mention?;
        return Some(Speaker {
            start,
            end,
            actor: st.speaker,
            new_mention: None,
        });
    }
    // "\"...,\" he said, adding S": the speaker of the quote whose cue stands before it in the sentence
    let quote = doc.quotes.iter().rev().find(|q| {
        q.speaker_mention.is_some() && q.cue_span.is_some_and(|(a, b)| a >= ss && b <= cue_start)
    });
    if let Some(q) = quote {
        let (start, end) = q.speaker_mention?;
        return Some(Speaker {
            start,
            end,
            actor: q.speaker,
            new_mention: None,
        });
    }
    if let Some((start, end, actor)) = sentence_subject(doc, ss, cue_start) {
        return Some(Speaker::mention(start, end, actor));
    }
    let (a, b) = words(doc.text, ss, cue_start).into_iter().next()?;
    let ph = phrase_before(doc.rules, doc.text, ss, b).filter(|p| p.0 == a)?;
    phrase_speaker(doc, ph)
}
