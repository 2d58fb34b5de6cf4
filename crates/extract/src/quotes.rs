//! Quotes and their speakers, in the orders newswire uses:
//! `X said: "..."`, `"...," X said`, `"...," said X`, `"...," he added`, `X spoke of a "..."`,
//! `X said they were "..."`, `... interrupted by X: "..."`, a quote running on from the previous paragraph,
//! `"..." X, the head of Y, said` (the subject before its appositive), `"WALLACE: Let's start ..."` (a label).
//!
//! Writes: the quotes layer (`Doc::quotes`); a speaker the actors stage did not know is asked of it
//! (`actors::intern`).
//! Marks that hold no one's words are no quote: markup (`tweet-date="..."`), titles, nicknames and signs'
//! texts named just before them (`lists/not_quote_cues.tsv`).
//!
//! Reads: the text's quote spans and sentences, the actors layer, the lexicon's speech verbs and roles, the
//! speaker phrases of `attribution::phrases`, and `lists/not_quote_cues.tsv`.

use crate::attribution::phrases::{
    actor_for_phrase, classify_phrase, is_first_person, is_pronoun, phrase_after, phrase_before,
    trim_span, verb_group_start, PhraseKind,
};
use crate::attribution::{
    after_preposition, appositive_subject, coordinated, label_at, last_speech_verb,
    sentence_subject, speech_verb, subject_before, Subject,
};
use crate::doc::{is_capitalised, words, Doc, QuoteRec};
use crate::rules::{DataFiles, Rules, RulesError};
use rustc_hash::FxHashMap;
use sitrep_ledger::ActorKind;
use sitrep_text::Text;

/// Words within this many before a quotation that make it a title, a nickname or a sign's text.
const NOT_SPEECH_WINDOW: usize = 3;

/// The quotes stage's own table (`lists/not_quote_cues.tsv`): words before a quotation that make it no one's
/// words, with the most words such a quotation holds.
pub struct QuoteRules {
    not_speech: FxHashMap<String, usize>,
}

impl QuoteRules {
    pub fn load(files: &DataFiles) -> Result<Self, RulesError> {
        const FILE: &str = "lists/not_quote_cues.tsv";
        let mut not_speech = FxHashMap::default();
        for (number, line) in files.lines(FILE)? {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [word, what, short] = cols[..] else {
                let message = format!(
                    "{} columns where 3 are needed: word, what, short",
                    cols.len()
                );
                return Err(files.error(FILE, number, message));
            };
            if !matches!(what, "title" | "nickname" | "sign") {
                return Err(files.error(FILE, number, format!("unknown kind {what:?}")));
            }
            let short = short.parse().map_err(|_| {
                files.error(FILE, number, format!("{short:?} is not a count of words"))
            })?;
            not_speech.insert(word.to_string(), short);
        }
        Ok(QuoteRules { not_speech })
    }
}

/// True when the marks at `q` hold no one's words: markup (`tweet-date="..."`), or a title, a nickname or a
/// sign's text named just before it ("his 2002 book, ''Make Your Kid a Millionaire''", "dubbed "the
/// Butcher"", "a sign that read, "No war"").
fn not_speech(doc: &Doc, q: &sitrep_text::QuoteSpan, words_in: usize) -> bool {
    let view = doc.view();
    if view[..q.open].ends_with('=') {
        return true;
    }
    let (ss, _) = doc.sentence_bounds(q.open);
    let lower = doc.text.lower();
    let before = words(doc.text, ss, q.open);
    before.iter().rev().take(NOT_SPEECH_WINDOW).any(|&(a, b)| {
        doc.rules
            .quotes
            .not_speech
            .get(&lower[a..b])
            .is_some_and(|&most| words_in <= most)
    })
}

/// The char boundary at or before `i`.
fn floor(view: &str, i: usize) -> usize {
    let mut i = i.min(view.len());
    while !view.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A name after a dash closing a quote: `"..." — Ann Smith`.
fn dash_name(rules: &Rules, text: &Text, close: usize) -> Option<(usize, usize, PhraseKind)> {
    let view = text.view();
    let rest = &view[close..floor(view, close + 80)];
    let rest_t = rest.trim_start_matches(|c: char| c.is_whitespace());
    let d = rest_t.chars().next()?;
    // the view folds typographic dashes to '-': a dash standing alone before the name
    if !matches!(d, '-' | '\u{2015}' | '\u{2014}' | '\u{2013}')
        || !rest_t[d.len_utf8()..].starts_with([' ', '-'])
    {
        return None;
    }
    let s0 = close + (rest.len() - rest_t.len()) + d.len_utf8();
    let after = &view[s0..floor(view, s0 + 60)];
    let stop = after
        .find(['.', ',', '\n', '"', '\u{201C}', '\u{201D}'])
        .unwrap_or(after.len());
    let (s, e) = trim_span(view, s0, s0 + stop);
    // the name's capitalised run only
    let ws = words(text, s, e);
    let mut k = 0;
    while k < ws.len() && is_capitalised(&view[ws[k].0..ws[k].1]) && k < 5 {
        k += 1;
    }
    if k == 0 {
        return None;
    }
    let e = ws[k - 1].1;
    (classify_phrase(rules, text, s, e) == Some(PhraseKind::Name)).then_some((
        s,
        e,
        PhraseKind::Name,
    ))
}

pub fn recognise(doc: &mut Doc) {
    let rules = doc.rules;
    let view = doc.view();
    let text = doc.text;
    let quotes = doc.text.quotes.clone();
    // (paragraph, actor) of the last quote with a speaker; speakers found from phrases wait as new mentions
    let mut last_para_speaker: Option<(usize, usize)> = None;
    let mut recent: Vec<(usize, usize)> = Vec::new();
    let mut new_mentions: Vec<NewMention> = Vec::new();
    for q in quotes {
        let (is, ie) = q.inner();
        let inner = view[is..ie].trim();
        if inner.is_empty() {
            continue;
        }
        let words_in = inner.split_whitespace().count();
        if not_speech(doc, &q, words_in) {
            continue;
        }
        let (ss, se) = doc.sentence_bounds(q.open);
        let para = doc.text.paragraph_at(q.open).unwrap_or(0);
        let before = &view[ss..q.open];
        let before_trim = before.trim_end();
        // a quote running over sentences or paragraphs is attributed after its close, in the sentence it closes in
        let close_sentence_end = doc.sentence_bounds(q.close.saturating_sub(1)).1;
        let after_end = se.max(q.close).max(close_sentence_end);
        // partial: the quote sits inside running text, not led by a colon or a comma-verb
        // led: after a colon, a comma, or right after a verb of saying ('Trump declared "I think ..."')
        let after_verb = words_in >= 3
            && before_trim
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| rules.lexicon.is_speech_verb(w));
        let led = before_trim.is_empty()
            || before_trim.ends_with(':')
            || before_trim.ends_with(',')
            || after_verb;
        let starts_upper = inner.chars().next().is_some_and(|c| c.is_uppercase());
        let partial = !(led && starts_upper) && words_in < 25 && !before_trim.is_empty();
        if words_in == 1 && !partial && inner.len() < 3 {
            continue;
        }
        let site = Site {
            q,
            sentence: (ss, se),
            after_end,
            before,
            before_trim,
            partial,
        };

        let mut found = Found {
            recent: &recent,
            new_mentions: &mut new_mentions,
            speaker: None,
            cue: None,
            cue_span: None,
            unresolved: None,
        };
        speaker_after(doc, &site, &mut found);
        // a name after a dash: '"...," — John Smith' (dash_name gives names only: no pronoun)
        if found.speaker.is_none() && found.phrase(doc, dash_name(rules, text, q.close)) {
            found.cue = Some("\u{2014}".into());
        }
        speaker_before(doc, &site, &mut found);
        let Found {
            mut speaker,
            mut cue,
            mut cue_span,
            unresolved,
            ..
        } = found;
        // 3. a quote in a sentence whose speech verb follows later: '... were "trapped" and ..., Saldo said'
        if speaker.is_none() && partial {
            if let Some((vs, ve)) = speech_verb(doc, q.close, se) {
                cue = Some(view[vs..ve].to_string());
                cue_span = Some((vs, ve));
                speaker = subject_before(doc, q.close, vs);
            }
        }
        // 4. a quote opening its sentence after a lead-in that ends with a colon ('Caddell went on to discuss
        // the polls:\n\n"..."'): the lead-in's subject
        if speaker.is_none() && before_trim.is_empty() {
            if let Some((sp, colon)) = lead_in_speaker(doc, ss, para) {
                speaker = Some(sp);
                cue_span = Some((colon, colon + 1));
                cue = Some(":".into());
            }
        }
        // 4b. a quote alone in its paragraph continues the previous speaker's words
        if speaker.is_none() && before_trim.is_empty() && q.close >= se {
            if let Some((p, a)) = last_para_speaker {
                if p + 1 == para || p == para {
                    speaker = Some((q.open, q.open, a));
                    cue = Some("continues".into());
                }
            }
        }
        // 5. a transcript's speaker label opening the quote: '"WALLACE: Let's start with ..."'
        if speaker.is_none() {
            match label_at(doc, is, ie) {
                Some((Subject::Mention(s, e, a), colon)) => {
                    speaker = Some((s, e, a));
                    cue_span = Some((colon, colon + 1));
                    cue = Some(":".into());
                }
                Some((Subject::Phrase(ph), colon)) => {
                    if let Some(a) = actor_for_phrase(doc, ph.0, ph.1, ph.2, &recent) {
                        speaker = Some((ph.0, ph.1, a));
                        new_mentions.push((ph.0, ph.1, a, false));
                        cue_span = Some((colon, colon + 1));
                        cue = Some(":".into());
                    }
                }
                None => {}
            }
        }
        if let Some((s, _, a)) = speaker {
            last_para_speaker = Some((para, a));
            if doc.actors[a].kind == ActorKind::Person {
                recent.push((s, a));
            }
        }
        doc.quotes.push(QuoteRec {
            start: is,
            end: ie,
            speaker: speaker.map(|s| s.2),
            speaker_mention: speaker
                .filter(|s| s.0 < s.1)
                .map(|s| (s.0, s.1))
                .or(unresolved.filter(|_| speaker.is_none())),
            cue,
            cue_span,
            partial,
        });
    }
    split_quote_speakers(doc);
    for (s, e, a, pronoun) in new_mentions {
        crate::actors::add_mention(doc, s, e, a, pronoun);
    }
    crate::actors::flush_mentions(doc);
}

/// The speaker of a quote opening the sentence at `ss` (paragraph `para`) when the sentence before, in the same
/// paragraph or the one before, ends with a colon: the subject of its verb of saying, else its own subject; and
/// the colon's offset.
fn lead_in_speaker(doc: &Doc, ss: usize, para: usize) -> Option<((usize, usize, usize), usize)> {
    let view = doc.view();
    let si = doc.text.sentence_at(ss)?.checked_sub(1)?;
    let prev = &doc.text.sentences[si];
    if prev.paragraph + 1 < para {
        return None;
    }
    let lead = view[prev.start..prev.end].trim_end();
    if !lead.ends_with(':') {
        return None;
    }
    let colon = prev.start + lead.len() - 1;
    let subject = match speech_verb(doc, prev.start, colon) {
        Some((vs, _)) => subject_before(doc, prev.start, vs),
        None => sentence_subject(doc, prev.start, colon),
    }?;
    Some((subject, colon))
}

/// Most words between two segments of one split quote ("\"You went on television to blame ...\" workers.
/// \"It's gutless leadership,\" Warren said.").
const SPLIT_GAP_WORDS: usize = 6;

/// Step 6: each segment of a split quote is the speaker's named at the end of a later segment: a quote with no
/// speaker takes the speaker of the next quote in its paragraph (or opening the next paragraph) when only a few
/// words stand between them.
fn split_quote_speakers(doc: &mut Doc) {
    for i in (0..doc.quotes.len().saturating_sub(1)).rev() {
        let (cur, next) = (&doc.quotes[i], &doc.quotes[i + 1]);
        if cur.speaker.is_some() || cur.partial || next.speaker.is_none() {
            continue;
        }
        // the next segment in the same paragraph, or opening the next one
        let (p, np) = (
            doc.text.paragraph_at(cur.start),
            doc.text.paragraph_at(next.start),
        );
        let adjacent = p == np
            || p.zip(np).is_some_and(|(p, np)| {
                np == p + 1
                    && doc.view()[doc.text.paragraphs[np].start..next.start]
                        .trim()
                        .len()
                        <= 1
            });
        let gap = words(doc.text, cur.end, next.start).len();
        if adjacent && gap <= SPLIT_GAP_WORDS {
            doc.quotes[i].speaker = next.speaker;
            doc.quotes[i].cue = Some("continues".into());
        }
    }
}

/// Where a quote stands: its marks, its sentence, how far the text after it may be read, and the text of its
/// sentence before it.
struct Site<'v> {
    q: sitrep_text::QuoteSpan,
    sentence: (usize, usize),
    after_end: usize,
    before: &'v str,
    before_trim: &'v str,
    /// A quoted phrase inside reported speech, not a whole statement.
    partial: bool,
}

/// A speaker phrase found but not yet a mention: (start, end, actor, is a pronoun).
type NewMention = (usize, usize, usize, bool);
/// A speaker: its mention's (start, end) and the actor.
type Speaker = Option<(usize, usize, usize)>;

/// The speaker search for one quote: what it has found (the speaker and its cue), the people quoted
/// before it, and the speaker phrases that become mentions once every quote is read.
struct Found<'f> {
    recent: &'f [(usize, usize)],
    new_mentions: &'f mut Vec<NewMention>,
    speaker: Speaker,
    cue: Option<String>,
    cue_span: Option<(usize, usize)>,
    /// A pronoun naming the speaker that stands for no actor found before it.
    unresolved: Option<(usize, usize)>,
}

impl Found<'_> {
    /// Takes the phrase `ph` as the speaker when it stands for an actor ([`actor_for_phrase`]), its
    /// mention kept for later; true when it did.
    fn phrase(&mut self, doc: &mut Doc, ph: Option<(usize, usize, PhraseKind)>) -> bool {
        let Some((s, e, k)) = ph else {
            return false;
        };
        let Some(a) = actor_for_phrase(doc, s, e, k, self.recent) else {
            // a pronoun with no one before it to stand for: its words are still where the speaker is named
            if k == PhraseKind::Pronoun {
                self.unresolved = self.unresolved.or(Some((s, e)));
            }
            return false;
        };
        self.speaker = Some((s, e, a));
        self.new_mentions.push((s, e, a, k == PhraseKind::Pronoun));
        true
    }
}

/// 1. After the quote: ', X said' / ', said X' / ', he added'.
fn speaker_after(doc: &mut Doc, site: &Site, found: &mut Found) {
    let rules = doc.rules;
    let view = doc.view();
    let text = doc.text;
    let (q, (ss, _), after_end) = (site.q, site.sentence, site.after_end);
    // 1. after the quote: ', X said' / ', said X' / ', he added'
    if q.close < after_end {
        let a_from = q.close;
        let a_to = after_end;
        if let Some((vs, ve)) = speech_verb(doc, a_from, a_to) {
            let gap = &view[a_from..vs];
            // '"...," Scott Pruitt, the attorney general of Oklahoma, said': the subject before the appositive
            match appositive_subject(doc, a_from, vs).filter(|_| !gap.contains('"')) {
                Some(Subject::Mention(s, e, a)) => found.speaker = Some((s, e, a)),
                Some(Subject::Phrase(ph)) => {
                    found.phrase(doc, Some(ph));
                }
                None => {}
            }
            if found.speaker.is_some() {
                found.cue = Some(view[vs..ve].to_string());
                found.cue_span = Some((vs, ve));
            } else if !gap.contains('"') && gap.matches(' ').count() <= 10 {
                found.cue = Some(view[vs..ve].to_string());
                found.cue_span = Some((vs, ve));
                // a person in the phrase before the verb wins, then any actor, then one right after the verb
                let ms: Vec<_> = doc
                    .actors_within(ss, after_end)
                    .filter(|m| m.start >= a_from && m.end <= vs)
                    .collect();
                found.speaker = ms
                    .iter()
                    .rev()
                    .find(|m| doc.actors[m.actor].kind == ActorKind::Person)
                    .or(ms.last())
                    .map(|m| (m.start, m.end, m.actor));
                // a name or pronoun right before the verb that is no recognised actor yet ("Pence said on CNN")
                if found.speaker.is_none() {
                    found.phrase(doc, phrase_before(rules, text, a_from, vs));
                }
                found.speaker = found.speaker.or_else(|| {
                    doc.actors_within(ss, after_end)
                        .find(|m| m.start >= ve && m.start <= ve + 40 && m.end <= a_to)
                        .map(|m| (m.start, m.end, m.actor))
                });
                if found.speaker.is_none() {
                    let ph = phrase_before(rules, text, a_from, vs)
                        .or_else(|| phrase_after(rules, text, ve, a_to));
                    found.phrase(doc, ph);
                }
            }
        }
    }
}

/// 2. Before the quote in the same sentence: 'X said: "', 'by X: "', 'X said they were "'.
fn speaker_before(doc: &mut Doc, site: &Site, found: &mut Found) {
    let rules = doc.rules;
    let lex = &rules.lexicon;
    let view = doc.view();
    let text = doc.text;
    let (q, (ss, _), after_end) = (site.q, site.sentence, site.after_end);
    let (before, before_trim) = (site.before, site.before_trim);
    // 2. before the quote in the same sentence: 'X said: "', 'by X: "', 'X said they were "'
    if found.speaker.is_none() && !before_trim.is_empty() {
        // the text since the last quote mark in the sentence
        let from = before.rfind('"').map(|i| ss + i + 1).unwrap_or(ss);
        if before_trim.ends_with(':') {
            // "... interrupted by Putin:" - the actor right before the colon
            let colon = ss + before_trim.len() - 1;
            if let Some(m) = doc
                .actors_within(ss, after_end)
                .rev()
                .find(|m| m.end <= colon && m.start >= from)
            {
                let between = view[m.end..colon].trim();
                if between.is_empty()
                    || lex.is_speech_verb(between.split(' ').next().unwrap_or(""))
                    || between.split(' ').count() <= 4
                {
                    found.speaker = Some((m.start, m.end, m.actor));
                }
            }
        }
        if found.speaker.is_none() {
            // a whole quote is led by the verb nearest to it ("Asked about it, O'Neill said, ..."); a quoted phrase
            // belongs to the reporting verb's subject ("X said Y had called it a \"...\"": X)
            let nearest = last_speech_verb(doc, from, q.open).filter(|&(s, _)| {
                !site.partial && !view[from..s].to_ascii_lowercase().contains("according to")
            });
            if let Some((vs, ve)) = nearest.or_else(|| speech_verb(doc, from, q.open)) {
                found.cue = Some(view[vs..ve].to_string());
                found.cue_span = Some((vs, ve));
                if view[vs..ve].eq_ignore_ascii_case("according to") {
                    found.speaker = doc
                        .actors_within(ss, after_end)
                        .find(|m| m.start >= ve && m.end <= q.open)
                        .map(|m| (m.start, m.end, m.actor));
                    if found.speaker.is_none() {
                        found.phrase(doc, phrase_after(rules, text, ve, q.open));
                    }
                } else if (view[vs..ve].ends_with("ing")
                    && (view[from..vs].trim_end().ends_with(',')
                        || after_preposition(doc, from, vs)))
                    || coordinated(doc, ss, vs)
                {
                    // "Trump attacked her record, saying, \"...\"", "she urges him to go and repeatedly
                    // says, \"...\"": the main clause's subject speaks; "\"...,\" Trump said, adding,
                    // \"...\"": the subject of the verb of saying before
                    found.speaker = last_speech_verb(doc, ss, vs)
                        .and_then(|(ps, _)| {
                            let pfrom = view[ss..ps].rfind('"').map_or(ss, |i| ss + i + 1);
                            subject_before(doc, pfrom, ps)
                        })
                        .or_else(|| sentence_subject(doc, ss, vs));
                    if found.speaker.is_none() {
                        // the clause's first word, past a fronted phrase ("On the highway, I said")
                        let clause = view[ss..vs].find(", ").map_or(ss, |i| ss + i + 2);
                        let first = words(text, ss, vs)
                            .first()
                            .copied()
                            .filter(|&(a, b)| {
                                is_pronoun(&view[a..b]) || is_first_person(&view[a..b])
                            })
                            .or_else(|| words(text, clause, vs).first().copied());
                        let ph =
                            first.and_then(|(a, b)| {
                                (is_pronoun(&view[a..b]) || is_first_person(&view[a..b]))
                                    .then_some((a, b, PhraseKind::Pronoun))
                            });
                        found.phrase(doc, ph);
                    }
                } else {
                    found.speaker = subject_before(doc, from, vs);
                    if found.speaker.is_none() {
                        found.phrase(doc, phrase_before(rules, text, from, vs));
                    }
                    // "I said, \"...\"": the author speaks, no actor the ledger knows
                    let vg = verb_group_start(rules, text, from, vs);
                    if let Some(&(a, b)) = words(text, from, vg).last() {
                        if found.speaker.is_none() && is_first_person(&view[a..b]) {
                            found.unresolved = found.unresolved.or(Some((a, b)));
                        }
                    }
                }
            } else if let Some(m) = doc
                .actors_within(ss, after_end)
                .find(|m| m.start >= from && m.end <= q.open)
            {
                // "X spoke of a '...'", "X called it '...'": the clause's subject
                let w = words(text, m.end, q.open);
                if w.len() <= 6 {
                    found.speaker = Some((m.start, m.end, m.actor));
                    found.cue = w.first().map(|&(s, e)| view[s..e].to_string());
                    found.cue_span = w.first().copied();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
