//! Attribution: who a statement or a reported event is attributed to, and the clause the attribution covers.
//! One home for the speech verbs, "according to", the subject before a speech verb and the speaker of a quote,
//! used by the quotes stage (speakers of quotes) and the events stage (sources of claims).
//!
//! Writes: no layer; it answers questions about the actors and quotes layers.
//! Reads: the lexicon's speech verbs (`speech_verbs.txt`), the actors layer, the quotes layer.

use crate::doc::{words, Doc};
use phrases::PhraseKind;

pub(crate) mod phrases;

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

/// A subject found before a verb: an actor mention (start, end, actor) or a speaker phrase not yet an actor.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Subject {
    Mention(usize, usize, usize),
    Phrase((usize, usize, PhraseKind)),
}

/// `X, a senior fellow at the Hoover Institution, said`, `Donna Rawlings, 59, of Ashton, who watched the
/// ceremony, said`: when a comma stands right before the verb at `verb`, the subject is the actor mention or
/// speaker phrase ending at the first comma of `[from, verb)` that ends one (not after a preposition: "In Kyiv,
/// the spokesman, ..., said" is not Kyiv's).
pub(crate) fn appositive_subject(doc: &Doc, from: usize, verb: usize) -> Option<Subject> {
    let view = doc.view();
    let inner = view[from..verb].trim_end().strip_suffix(',')?;
    for c in inner.match_indices(',').map(|(i, _)| from + i) {
        let mention = doc
            .actors_within(from, c)
            .next_back()
            .filter(|m| words(doc.text, m.end, c).is_empty());
        if let Some(m) = mention.filter(|m| !after_preposition(doc, from, m.start)) {
            return Some(Subject::Mention(m.start, m.end, m.actor));
        }
        let phrase = phrases::phrase_before(doc.rules, doc.text, from, c)
            .filter(|p| p.1 == c && !after_preposition(doc, from, p.0));
        if let Some(ph) = phrase {
            // "the navy's spokesman, Dmytro Pletenchuk, said": the name in apposition names the speaker
            if ph.2 == PhraseKind::Description {
                if let Some(name) = name_in_apposition(doc, c, verb) {
                    return Some(name);
                }
            }
            return Some(Subject::Phrase(ph));
        }
    }
    None
}

/// The name filling the appositive after the comma at `comma` up to the next comma before `verb`: a person's
/// mention or a capitalised name.
fn name_in_apposition(doc: &Doc, comma: usize, verb: usize) -> Option<Subject> {
    let view = doc.view();
    let next = view[comma + 1..verb].find(',').map(|i| comma + 1 + i)?;
    let (s, e) = phrases::trim_span(view, comma + 1, next);
    if let Some(m) = doc.actors_within(s, e).find(|m| m.start == s && m.end == e) {
        return Some(Subject::Mention(m.start, m.end, m.actor));
    }
    (phrases::classify_phrase(doc.rules, doc.text, s, e) == Some(PhraseKind::Name))
        .then_some(Subject::Phrase((s, e, PhraseKind::Name)))
}

/// Words a speaker label may hold before its colon ("The spokesman, on Telegram:").
const LABEL_WORDS: usize = 8;

/// A speaker label opening `[start, end)`: "Pence: Gennifer Flowers won't be at the debate", "WALLACE: Let's
/// start", "The spokesman, on Telegram: ...". The subject before the colon (an actor mention, a name or a
/// speaker's description; a topic such as "Ukraine war:" or "Update:" is none) and the colon's offset.
pub(crate) fn label_at(doc: &Doc, start: usize, end: usize) -> Option<(Subject, usize)> {
    let view = doc.view();
    let colon = start + view[start..end].find(':')?;
    let ws = words(doc.text, start, colon);
    let after = view[colon + 1..end].chars().next();
    if ws.is_empty()
        || ws.len() > LABEL_WORDS
        || ws[0].0 != start + view[start..].len() - view[start..].trim_start().len()
        || !after.is_some_and(|c| c == ' ' || c == '"')
        || view[start..colon].contains(['"', '(', ';'])
        || view[start..colon].chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    // the speaker before a comma, what follows it only where ("on Telegram", "in a statement")
    let label_end = match view[start..colon].find(',') {
        Some(i) => {
            let rest = words(doc.text, start + i + 1, colon);
            let lower = doc.text.lower();
            if !rest
                .first()
                .is_some_and(|&(a, b)| is_preposition(&lower[a..b]))
            {
                return None;
            }
            start + i
        }
        None => colon,
    };
    let (s, e) = phrases::trim_span(view, start, label_end);
    if s >= e {
        return None;
    }
    if let Some(m) = doc.actors_within(s, e).find(|m| m.start == s && m.end == e) {
        let kind = doc.actors[m.actor].kind;
        return (!matches!(kind, sitrep_ledger::ActorKind::State))
            .then_some((Subject::Mention(m.start, m.end, m.actor), colon));
    }
    let kind = phrases::classify_phrase(doc.rules, doc.text, s, e)?;
    let lone = words(doc.text, s, e).len() == 1;
    let ok = match kind {
        PhraseKind::Name => !(lone && doc.rules.places.english_word(&view[s..e])),
        PhraseKind::Description => {
            let (a, b) = *words(doc.text, s, e).last()?;
            phrases::speaker_head(doc.rules, &view[a..b])
        }
        PhraseKind::Pronoun => false,
    };
    ok.then_some((Subject::Phrase((s, e, kind)), colon))
}

/// Words from a sentence's start within which its subject stands ("On Monday, Trump attacked ...").
const SUBJECT_WORDS: usize = 4;

/// The subject of the sentence starting at `ss`, read before `before`: the first actor mention starting within
/// its first [`SUBJECT_WORDS`] words ("Trump attacked her record, saying ...": Trump).
pub(crate) fn sentence_subject(
    doc: &Doc,
    ss: usize,
    before: usize,
) -> Option<(usize, usize, usize)> {
    // past a fronted phrase: "During a speech earlier in the day, Trump attacked ..."
    let lower = doc.text.lower();
    let first = *words(doc.text, ss, before).first()?;
    let ss = if is_preposition(&lower[first.0..first.1]) {
        doc.view()[ss..before]
            .find(',')
            .map(|i| ss + i + 1)
            .unwrap_or(ss)
    } else {
        ss
    };
    let lead = words(doc.text, ss, before);
    let last = lead.get(lead.len().min(SUBJECT_WORDS).checked_sub(1)?)?.0;
    doc.actors_within(ss, before)
        .next()
        .filter(|m| m.start <= last)
        .map(|m| (m.start, m.end, m.actor))
}

/// True when the verb at `cue_start` is coordinated with the main clause's ("Democrats described the showdown as
/// ominous, and said ...", "he left but said ..."): "and" or "but" right before it (adverbs aside).
pub(crate) fn coordinated(doc: &Doc, ss: usize, cue_start: usize) -> bool {
    let lower = doc.text.lower();
    let ws = words(doc.text, ss, cue_start);
    let mut k = ws.len();
    while k > 0
        && doc
            .rules
            .speakers
            .is_adverb(&lower[ws[k - 1].0..ws[k - 1].1])
    {
        k -= 1;
    }
    k > 1 && matches!(&lower[ws[k - 1].0..ws[k - 1].1], "and" | "but")
}

/// True when the word before `at` (from `from` on) is a preposition.
pub(crate) fn after_preposition(doc: &Doc, from: usize, at: usize) -> bool {
    words(doc.text, from, at)
        .last()
        .is_some_and(|&(a, b)| is_preposition(&doc.text.lower()[a..b]))
}

/// Prepositions that open the phrases between a subject and its verb, or a verb and its clause.
pub(crate) fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "about"
            | "of"
            | "for"
            | "with"
            | "by"
            | "from"
            | "into"
            | "over"
            | "while"
            | "when"
            | "through"
            | "without"
    )
}

/// The last speech verb in `view[from..to]` outside quotes, with its offset ("Asked about the device, O'Neill
/// said, ...": "said").
pub fn last_speech_verb(doc: &Doc, from: usize, to: usize) -> Option<(usize, usize)> {
    words(doc.text, from, to)
        .into_iter()
        .rev()
        .find(|&(s, e)| is_speech_cue(doc, from, (s, e)))
}

/// True when the word `[s, e)` (read from `from` on) is a verb of saying that tells a statement: outside quotation
/// marks, not a noun after a determiner, not part of a name.
fn is_speech_cue(doc: &Doc, from: usize, (s, e): (usize, usize)) -> bool {
    let w = &doc.view()[s..e];
    doc.rules.lexicon.is_speech_verb(w)
        && doc.text.quote_at(s).is_none()
        && !used_as_noun(doc, from, s)
        && !name_part(doc, s, w)
}

/// True when the word `w` at `at` is capitalised inside its sentence: part of a name ("the United States"),
/// not a verb of saying. A title-case line capitalises its verbs too ("Ted Cruz Endorses Trump"): there a
/// capitalised word may be one.
pub(crate) fn name_part(doc: &Doc, at: usize, w: &str) -> bool {
    if !crate::doc::is_capitalised(w) {
        return false;
    }
    let (ss, se) = doc.sentence_bounds(at);
    if doc.view()[ss..at].trim().is_empty() {
        return false;
    }
    // a title-case line (a headline, with or without its stop) capitalises its verbs
    let ws = words(doc.text, ss, se);
    let capitalised = ws
        .iter()
        .filter(|&&(a, b)| crate::doc::is_capitalised(&doc.view()[a..b]))
        .count();
    capitalised * 5 < ws.len() * 3
}

/// True when the word at `at` stands as a noun: right after a determiner or a possessive ("one of the states",
/// "the claims", "Trump's plans to"), read from the token layer.
pub(crate) fn used_as_noun(doc: &Doc, from: usize, at: usize) -> bool {
    let lower = doc.text.lower();
    let Some(t) = doc
        .text
        .tokens_in(from, at)
        .iter()
        .rev()
        .find(|t| t.is_word())
    else {
        return false;
    };
    let (a, b) = (t.span.start, t.span.end);
    let before = &lower[a..b];
    lower[b..at].trim().is_empty()
        && (matches!(
            before,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "these"
                | "those"
                | "this"
                | "such"
                | "no"
                | "any"
                | "new"
                | "latest"
                | "recent"
        ) || (before.ends_with("'s") && !contracted_pronoun(before))
            || before.ends_with("s'"))
}

/// "he's", "it's", "who's": a pronoun with a contracted "is" or "has", never a possessive.
fn contracted_pronoun(w: &str) -> bool {
    matches!(
        w.strip_suffix("'s"),
        Some("he" | "she" | "it" | "who" | "that" | "there" | "what" | "where" | "here")
    )
}

/// The first speech verb in `view[from..to]` outside quotes, with its offset.
pub fn speech_verb(doc: &Doc, from: usize, to: usize) -> Option<(usize, usize)> {
    let view = doc.view();
    let mut found = None;
    for (s, e) in words(doc.text, from, to) {
        let w = &view[s..e];
        if is_speech_cue(doc, from, (s, e)) {
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
