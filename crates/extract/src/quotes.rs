//! Quotes and their speakers, in the orders newswire uses:
//! `X said: "..."`, `"...," X said`, `"...," said X`, `"...," he added`, `X spoke of a "..."`,
//! `X said they were "..."`, `... interrupted by X: "..."`, a quote running on from the previous paragraph.

use crate::doc::{words, Doc, QuoteRec};
use crate::lexicon::Lexicon;

/// The speaker of a speech verb at `verb_start`: the nearest actor mention before it in `[from, verb_start)`,
/// skipping an appositive (", the head of X,") between them.
pub fn subject_before(doc: &Doc, from: usize, verb_start: usize) -> Option<(usize, usize, usize)> {
    let view = doc.view();
    let mut limit = verb_start;
    let gap_text = view[from..verb_start].trim_end();
    if let Some(inner) = gap_text.strip_suffix(',') {
        // an appositive: find its opening ", the|a|an|its|his|her"
        if let Some(open) = inner.rfind(", ") {
            let app = inner[open + 2..].to_ascii_lowercase();
            if [
                "the ", "a ", "an ", "its ", "his ", "her ", "who ", "which ", "where ", "whose ",
            ]
            .iter()
            .any(|p| app.starts_with(p))
            {
                limit = from + open;
            }
        }
    }
    let cands: Vec<_> = doc
        .actors_within(from, limit)
        .filter(|m| m.start >= from && m.end <= limit)
        .collect();
    let m = cands.last()?;
    // nothing but modifiers, adverbs, times or a short phrase between the subject and the verb
    let between = &view[m.end..limit];
    if between.contains('"') || between.matches(' ').count() > 10 {
        return None;
    }
    // a person inside an organisation's phrase wins ("the navy's spokesman, Dmytro Pletenchuk")
    Some((m.start, m.end, m.actor))
}

/// The first speech verb in `view[from..to]` outside quotes, with its offset.
pub fn speech_verb(doc: &Doc, from: usize, to: usize) -> Option<(usize, usize)> {
    let lex = Lexicon::get();
    let view = doc.view();
    let mut found = None;
    for (s, e) in words(view, from, to) {
        let w = &view[s..e];
        if lex.is_speech_verb(w) && doc.text.quote_at(s).is_none() {
            // "according to" is handled apart; "claim" as a noun ("claim control") is not a verb of saying
            found = Some((s, e));
            break;
        }
        if w.eq_ignore_ascii_case("according") && view[e..].starts_with(" to") {
            found = Some((s, e + 3));
            break;
        }
    }
    found
}

pub fn recognise(doc: &mut Doc) {
    let view = doc.view();
    let lex = Lexicon::get();
    let quotes = doc.text.quotes.clone();
    let mut last_para_speaker: Option<(usize, usize)> = None; // (paragraph, actor)
    for q in quotes {
        let (is, ie) = q.inner();
        let inner = view[is..ie].trim();
        if inner.is_empty() {
            continue;
        }
        let words_in = inner.split_whitespace().count();
        let (ss, se) = doc.sentence_bounds(q.open);
        let para = doc.text.paragraph_at(q.open).unwrap_or(0);
        let before = &view[ss..q.open];
        let before_trim = before.trim_end();
        let after_end = se.max(q.close);
        // partial: the quote sits inside running text, not led by a colon or a comma-verb
        let led =
            before_trim.is_empty() || before_trim.ends_with(':') || before_trim.ends_with(',');
        let starts_upper = inner.chars().next().is_some_and(|c| c.is_uppercase());
        let partial = !(led && starts_upper) && words_in < 25 && !before_trim.is_empty();
        if words_in == 1 && !partial && inner.len() < 3 {
            continue;
        }
        let mut speaker: Option<(usize, usize, usize)> = None;
        let mut cue: Option<String> = None;

        // 1. after the quote: ', X said' / ', said X' / ', he added'
        if q.close < after_end {
            let a_from = q.close;
            let a_to = after_end;
            if let Some((vs, ve)) = speech_verb(doc, a_from, a_to) {
                let gap = &view[a_from..vs];
                if !gap.contains('"') && gap.matches(' ').count() <= 10 {
                    cue = Some(view[vs..ve].to_string());
                    // a person in the phrase before the verb wins, then any actor, then one right after the verb
                    let ms: Vec<_> = doc
                        .actors_within(ss, after_end)
                        .filter(|m| m.start >= a_from && m.end <= vs)
                        .collect();
                    speaker = ms
                        .iter()
                        .rev()
                        .find(|m| doc.actors[m.actor].kind == "person")
                        .or(ms.last())
                        .map(|m| (m.start, m.end, m.actor))
                        .or_else(|| {
                            doc.actors_within(ss, after_end)
                                .find(|m| m.start >= ve && m.start <= ve + 40 && m.end <= a_to)
                                .map(|m| (m.start, m.end, m.actor))
                        });
                }
            }
        }
        // 2. before the quote in the same sentence: 'X said: "', 'by X: "', 'X said they were "'
        if speaker.is_none() && !before_trim.is_empty() {
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
                        speaker = Some((m.start, m.end, m.actor));
                    }
                }
            }
            if speaker.is_none() {
                if let Some((vs, ve)) = speech_verb(doc, from, q.open) {
                    cue = Some(view[vs..ve].to_string());
                    if view[vs..ve].eq_ignore_ascii_case("according to") {
                        speaker = doc
                            .actors_within(ss, after_end)
                            .find(|m| m.start >= ve && m.end <= q.open)
                            .map(|m| (m.start, m.end, m.actor));
                    } else {
                        speaker = subject_before(doc, from, vs);
                    }
                } else if let Some(m) = doc
                    .actors_within(ss, after_end)
                    .find(|m| m.start >= from && m.end <= q.open)
                {
                    // "X spoke of a '...'", "X called it '...'": the clause's subject
                    let w = words(view, m.end, q.open);
                    if w.len() <= 6 {
                        speaker = Some((m.start, m.end, m.actor));
                        cue = w.first().map(|&(s, e)| view[s..e].to_string());
                    }
                }
            }
        }
        // 3. a quote in a sentence whose speech verb follows later: '... were "trapped" and ..., Saldo said'
        if speaker.is_none() && partial {
            if let Some((vs, ve)) = speech_verb(doc, q.close, se) {
                cue = Some(view[vs..ve].to_string());
                speaker = subject_before(doc, q.close, vs);
            }
        }
        // 4. a quote alone in its paragraph continues the previous speaker's words
        if speaker.is_none() && before_trim.is_empty() && q.close >= se {
            if let Some((p, a)) = last_para_speaker {
                if p + 1 == para {
                    speaker = Some((q.open, q.open, a));
                    cue = Some("continues".into());
                }
            }
        }
        if let Some((_, _, a)) = speaker {
            last_para_speaker = Some((para, a));
        }
        doc.quotes.push(QuoteRec {
            start: is,
            end: ie,
            speaker: speaker.map(|s| s.2),
            speaker_mention: speaker.filter(|s| s.0 < s.1).map(|s| (s.0, s.1)),
            cue,
            partial,
        });
    }
}

#[cfg(test)]
mod tests;
