//! Attribution: who a statement or a reported event is attributed to, and the clause the attribution covers.
//! One home for the speech verbs, "according to", the subject before a speech verb and the speaker of a quote,
//! used by the quotes stage (speakers of quotes) and the events stage (sources of claims).
//!
//! Writes: no layer; it answers questions about the actors and quotes layers.
//! Reads: the lexicon's speech verbs (`speech_verbs.txt`), the actors layer, the quotes layer.

use crate::doc::{words, Doc};

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
    let rules = doc.rules;
    let lex = &rules.lexicon;
    let view = doc.view();
    let mut found = None;
    for (s, e) in words(doc.text, from, to) {
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

/// Who a reported event is attributed to and the clause the attribution covers: the cue's own quote and its
/// speaker, "according to X", "X said (that) ..." before the cue, or "..., X said" after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    /// The source actor, if one is named.
    pub source: Option<usize>,
    /// Where the attributed clause starts (after the speech verb, inside the quote marks).
    pub clause_start: usize,
    /// Where it ends (before a trailing ", X said", at the quote's close).
    pub clause_end: usize,
}

/// The attribution of the cue at `[cue_start, cue_end)` in the sentence `[ss, se)`.
pub fn of_cue(
    doc: &Doc,
    (ss, se): (usize, usize),
    (cue_start, cue_end): (usize, usize),
) -> Attribution {
    let lex = &doc.rules.lexicon;
    let view = doc.view();
    let quote = doc.text.quote_at(cue_start).copied();
    // the clause: after a speech verb + "that" before the cue, up to a speech verb after it
    let mut clause_start = ss;
    let mut source: Option<usize> = None;
    let mut source_set = false;
    let mut clause_end = se;
    if let Some(q) = quote {
        if let Some(qr) = doc
            .quotes
            .iter()
            .find(|r| r.start <= cue_start && cue_end <= r.end + 1)
        {
            source = qr.speaker;
            source_set = true;
            if !qr.partial {
                clause_start = q.open;
                clause_end = q.close;
            }
        }
    }
    let sent_lower = view[ss..se].to_ascii_lowercase();
    // "according to X"
    if !source_set {
        if let Some(p) = sent_lower.find("according to ") {
            let from = ss + p + "according to ".len();
            if let Some(m) = doc
                .actors_within(ss, se)
                .find(|m| m.start >= from && m.start < from + 60 && m.end <= se)
            {
                source = Some(m.actor);
                source_set = true;
                if from < cue_start && m.end <= cue_start {
                    let comma = view[m.end..cue_start].find(',').map(|i| m.end + i + 1);
                    clause_start = comma.unwrap_or(m.end);
                }
            }
        }
    }
    // a speech verb before the cue: "X said (that) ..."
    if !source_set {
        let ws = words(doc.text, ss, cue_start);
        if let Some(&(vs, ve)) = ws.iter().rev().find(|&&(s, e)| {
            lex.is_speech_verb(&view[s..e])
                && doc.text.quote_at(s).is_none()
                && !(s >= cue_start && e <= cue_end)
        }) {
            if let Some((_, _, a)) = subject_before(doc, ss, vs) {
                source = Some(a);
                source_set = true;
            }
            clause_start = clause_start.max(ve);
        }
    }
    // a speech verb after the cue: "..., Russian officials said."
    if !source_set {
        let ws = words(doc.text, cue_end, clause_end);
        if let Some(&(vs, _)) = ws
            .iter()
            .find(|&&(s, e)| lex.is_speech_verb(&view[s..e]) && doc.text.quote_at(s).is_none())
        {
            let comma = view[cue_end..vs].rfind(',').map(|i| cue_end + i);
            if let Some(c) = comma {
                if let Some(m) = doc
                    .actors_within(ss, se)
                    .rev()
                    .find(|m| m.start > c && m.end <= vs)
                {
                    source = Some(m.actor);
                    clause_end = c;
                } else if let Some((_, _, a)) = subject_before(doc, cue_end, vs) {
                    source = Some(a);
                    clause_end = c;
                }
            }
        }
    }
    Attribution {
        source,
        clause_start,
        clause_end,
    }
}
