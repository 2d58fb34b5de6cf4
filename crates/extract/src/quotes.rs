//! Quotes and their speakers, in the orders newswire uses:
//! `X said: "..."`, `"...," X said`, `"...," said X`, `"...," he added`, `X spoke of a "..."`,
//! `X said they were "..."`, `... interrupted by X: "..."`, a quote running on from the previous paragraph.
//!
//! Writes: the quotes layer (`Doc::quotes`); a speaker the actors stage did not know is asked of it
//! (`actors::intern`).
//! Reads: the text's quote spans and sentences, the actors layer, the lexicon's speech verbs and roles, and
//! `lists/quote_adverbs.txt`, `lists/quote_determiners.txt`, `lists/quote_org_nouns.txt`, `lists/months_days.txt`.

use crate::attribution::{speech_verb, subject_before};
use crate::doc::{is_capitalised, words, Doc, QuoteRec};
use crate::rules::{DataFiles, Rules, RulesError};
use sitrep_ledger::ActorKind;
use sitrep_text::Text;
use std::collections::HashSet;

/// A speaker phrase found in the text when no recognised actor fills the speaker slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PhraseKind {
    Pronoun,
    Name,
    Description,
}

/// The word lists of the quotes stage: `lists/quote_adverbs.txt`, `lists/quote_determiners.txt`,
/// `lists/quote_org_nouns.txt`, `lists/months_days.txt`.
pub struct QuoteRules {
    /// Words that may stand between a speaker and the verb ("Trump later said").
    adverbs: HashSet<String>,
    /// Words that open a descriptive speaker phrase ("the union", "a senior official").
    determiners: HashSet<String>,
    /// Head nouns that make a descriptive speaker an organisation.
    org_nouns: Vec<String>,
    /// Month and weekday names: never a speaker.
    months_days: HashSet<String>,
}

impl QuoteRules {
    pub fn load(files: &DataFiles) -> Result<Self, RulesError> {
        Ok(QuoteRules {
            adverbs: files.set("lists/quote_adverbs.txt")?,
            determiners: files.set("lists/quote_determiners.txt")?,
            org_nouns: files.list("lists/quote_org_nouns.txt")?,
            months_days: files.set("lists/months_days.txt")?,
        })
    }
}

fn is_pronoun(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "he" | "she" | "they" | "it"
    )
}

/// Trims quote marks, dashes, commas and spaces from both ends of `view[s..e]`.
fn trim_span(view: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let junk = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | ';'
                    | ':'
                    | '"'
                    | '\u{201C}'
                    | '\u{201D}'
                    | '\u{2019}'
                    | '\u{2015}'
                    | '\u{2014}'
                    | '\u{2013}'
                    | '-'
                    | '.'
            )
    };
    while s < e {
        let c = view[s..e].chars().next().unwrap();
        if !junk(c) {
            break;
        }
        s += c.len_utf8();
    }
    while e > s {
        let c = view[s..e].chars().next_back().unwrap();
        if !junk(c) {
            break;
        }
        e -= c.len_utf8();
    }
    (s, e)
}

/// Classifies `view[s..e]` as a speaker phrase: a pronoun, a capitalised name (1-5 words) or a descriptive
/// noun phrase opened by a determiner (up to 9 words).
fn classify_phrase(rules: &Rules, text: &Text, s: usize, e: usize) -> Option<PhraseKind> {
    let view = text.view();
    let lex = &rules.lexicon;
    let ws = words(text, s, e);
    let (&(fs, fe), &(_, le)) = (ws.first()?, ws.last()?);
    if le != e || fs != s || view[s..e].contains(['"', '\u{201C}', '\u{201D}', '(', '\n']) {
        return None;
    }
    let first = &view[fs..fe];
    if ws.len() == 1 && is_pronoun(first) {
        return Some(PhraseKind::Pronoun);
    }
    if rules
        .quotes
        .determiners
        .contains(first.to_ascii_lowercase().as_str())
    {
        if ws.len() < 2 || ws.len() > 9 {
            return None;
        }
        // no verbs of saying or clause words inside
        let ok = ws[1..].iter().all(|&(a, b)| {
            let w = &view[a..b];
            !lex.is_speech_verb(w) && !matches!(w, "that" | "who" | "which" | "and" | "but")
        });
        return ok.then_some(PhraseKind::Description);
    }
    if ws.len() > 5 {
        return None;
    }
    let name_ok = ws.iter().all(|&(a, b)| {
        let w = &view[a..b];
        is_capitalised(w)
            || matches!(
                w,
                "de" | "van" | "von" | "al" | "bin" | "da" | "del" | "la" | "le"
            )
    }) && !lex.stop_names.contains(&first.to_ascii_lowercase())
        && !rules.quotes.months_days.contains(first);
    name_ok.then_some(PhraseKind::Name)
}

/// The speaker phrase right before a speech verb at `verb` in `[from, verb)`, skipping adverbs.
fn phrase_before(
    rules: &Rules,
    text: &Text,
    from: usize,
    verb: usize,
) -> Option<(usize, usize, PhraseKind)> {
    let view = text.view();
    let ws = words(text, from, verb);
    let mut k = ws.len();
    while k > 0
        && rules
            .quotes
            .adverbs
            .contains(view[ws[k - 1].0..ws[k - 1].1].to_ascii_lowercase().as_str())
    {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    let end = ws[k - 1].1;
    if !view[end..verb]
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ')
    {
        return None;
    }
    // the whole gap when it is a phrase (after a closing quote), else the name or pronoun just before the verb
    let (gs, ge) = trim_span(view, from, end);
    if gs < ge {
        if let Some(kind) = classify_phrase(rules, text, gs, ge) {
            return Some((gs, ge, kind));
        }
    }
    let (ls, le) = ws[k - 1];
    if is_pronoun(&view[ls..le]) {
        return Some((ls, le, PhraseKind::Pronoun));
    }
    let mut j = k - 1;
    while j > 0
        && is_capitalised(&view[ws[j - 1].0..ws[j - 1].1])
        && view[ws[j - 1].1..ws[j].0] == *" "
    {
        j -= 1;
    }
    let s = ws[j].0;
    (classify_phrase(rules, text, s, le) == Some(PhraseKind::Name)).then_some((
        s,
        le,
        PhraseKind::Name,
    ))
}

/// The speaker phrase right after a speech verb ("said one source on the panel", "said Scott Pruitt, ...").
fn phrase_after(
    rules: &Rules,
    text: &Text,
    verb_end: usize,
    to: usize,
) -> Option<(usize, usize, PhraseKind)> {
    let view = text.view();
    let rest = &view[verb_end..to];
    let stop = rest
        .find([
            ',', '.', ';', ':', '\n', '"', '\u{201C}', '(', '\u{2014}', '\u{2015}',
        ])
        .unwrap_or(rest.len());
    let (s, e) = trim_span(view, verb_end, verb_end + stop);
    if s >= e {
        return None;
    }
    let mut e = e;
    // a description stops before a time or a place phrase ("the spokesman on Tuesday")
    let ws = words(text, s, e);
    if let Some(&(a, _)) = ws.iter().skip(1).find(|&&(a, b)| {
        matches!(
            &view[a..b],
            "on" | "in" | "at" | "during" | "after" | "before" | "while" | "as" | "to" | "when"
        )
    }) {
        if !rules
            .quotes
            .determiners
            .contains(view[ws[0].0..ws[0].1].to_ascii_lowercase().as_str())
            || view[a..].starts_with("in ")
        {
            e = view[s..a].trim_end().len() + s;
        }
    }
    let kind = classify_phrase(rules, text, s, e)?;
    Some((s, e, kind))
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

/// The actor for a speaker phrase: a pronoun joins the nearest earlier person (or, for "they"/"it", any actor);
/// a name joins a known person with that surname or becomes a person; a description ("the union", "a senior
/// official") joins the last person whose role it names, or becomes an unnamed actor of its own.
fn actor_for_phrase(
    doc: &mut Doc,
    s: usize,
    e: usize,
    kind: PhraseKind,
    recent: &[(usize, usize)],
) -> Option<usize> {
    let rules = doc.rules;
    let view = doc.view();
    let text = view[s..e].to_string();
    match kind {
        PhraseKind::Pronoun => {
            let p = text.to_ascii_lowercase();
            let gender = match p.as_str() {
                "he" => Some('m'),
                "she" => Some('f'),
                _ => None,
            };
            let want_person = p == "he" || p == "she";
            let fits = |a: usize| {
                let r = &doc.actors[a];
                if want_person {
                    r.kind == ActorKind::Person
                        && (gender.is_none() || r.gender.is_none() || r.gender == gender)
                } else {
                    true
                }
            };
            let flushed = doc
                .actors_within(s.saturating_sub(5000), s)
                .rev()
                .find(|m| fits(m.actor))
                .map(|m| (m.start, m.actor));
            let local = recent
                .iter()
                .rev()
                .find(|&&(pos, a)| pos < s && fits(a))
                .copied();
            match (flushed, local) {
                (Some(f), Some(l)) => Some(if l.0 > f.0 { l.1 } else { f.1 }),
                (f, l) => f.or(l).map(|x| x.1),
            }
        }
        PhraseKind::Name => {
            let lex = &rules.lexicon;
            let name = text
                .trim_end_matches("\u{2019}s")
                .trim_end_matches("'s")
                .to_string();
            if !name.contains(' ') {
                if let Some(i) = doc.actors.iter().position(|a| {
                    a.name.rsplit(' ').next() == Some(name.as_str()) && a.name.contains(' ')
                }) {
                    return Some(i);
                }
            }
            let first = name.split(' ').next().unwrap_or("");
            let id = crate::actors::intern(doc, &name, ActorKind::Person, None, None);
            if doc.actors[id].gender.is_none() {
                doc.actors[id].gender = lex.given_names.get(first).copied();
            }
            Some(id)
        }
        PhraseKind::Description => {
            let lower = text.to_ascii_lowercase();
            let head = lower.split(' ').next_back().unwrap_or("");
            // "the spokesman", "the official": the last person with that role
            let lex = &rules.lexicon;
            if lower.split(' ').count() <= 3 && lex.roles.iter().any(|r| r == head) {
                let found = doc
                    .actors_within(s.saturating_sub(5000), s)
                    .rev()
                    .find(|m| {
                        let a = &doc.actors[m.actor];
                        a.kind == ActorKind::Person
                            && a.role
                                .as_deref()
                                .is_some_and(|r| r.to_ascii_lowercase().contains(head))
                    });
                if let Some(m) = found {
                    return Some(m.actor);
                }
            }
            let kind = if rules
                .quotes
                .org_nouns
                .iter()
                .any(|n| lower.ends_with(n.as_str()))
            {
                ActorKind::Organization
            } else {
                ActorKind::Person
            };
            Some(crate::actors::intern(doc, &text, kind, None, None))
        }
    }
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
        let site = Site {
            q,
            sentence: (ss, se),
            after_end,
            before,
            before_trim,
        };

        let mut found = Found {
            recent: &recent,
            new_mentions: &mut new_mentions,
            speaker: None,
            cue: None,
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
            ..
        } = found;
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
                if p + 1 == para || p == para {
                    speaker = Some((q.open, q.open, a));
                    cue = Some("continues".into());
                }
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
            speaker_mention: speaker.filter(|s| s.0 < s.1).map(|s| (s.0, s.1)),
            cue,
            partial,
        });
    }
    for (s, e, a, pronoun) in new_mentions {
        crate::actors::add_mention(doc, s, e, a, pronoun);
    }
    crate::actors::flush_mentions(doc);
}

/// Where a quote stands: its marks, its sentence, how far the text after it may be read, and the text of its
/// sentence before it.
struct Site<'v> {
    q: sitrep_text::QuoteSpan,
    sentence: (usize, usize),
    after_end: usize,
    before: &'v str,
    before_trim: &'v str,
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
}

impl Found<'_> {
    /// Takes the phrase `ph` as the speaker when it stands for an actor ([`actor_for_phrase`]), its
    /// mention kept for later; true when it did.
    fn phrase(&mut self, doc: &mut Doc, ph: Option<(usize, usize, PhraseKind)>) -> bool {
        let Some((s, e, k)) = ph else {
            return false;
        };
        let Some(a) = actor_for_phrase(doc, s, e, k, self.recent) else {
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
            if !gap.contains('"') && gap.matches(' ').count() <= 10 {
                found.cue = Some(view[vs..ve].to_string());
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
            if let Some((vs, ve)) = speech_verb(doc, from, q.open) {
                found.cue = Some(view[vs..ve].to_string());
                if view[vs..ve].eq_ignore_ascii_case("according to") {
                    found.speaker = doc
                        .actors_within(ss, after_end)
                        .find(|m| m.start >= ve && m.end <= q.open)
                        .map(|m| (m.start, m.end, m.actor));
                } else {
                    found.speaker = subject_before(doc, from, vs);
                    if found.speaker.is_none() {
                        found.phrase(doc, phrase_before(rules, text, from, vs));
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
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
