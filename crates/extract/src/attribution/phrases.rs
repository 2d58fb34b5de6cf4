//! Speaker phrases: the words that name who speaks when no recognised actor stands there — a pronoun ("he
//! said"), a capitalised name ("Pence said on CNN"), a description opened by a determiner ("a senior official
//! said", "the union says") or a bare plural of a speaker noun ("officials said") — and the actor each stands
//! for. Shared by the quotes stage and the statements stage.
//!
//! Writes: no layer; a speaker the actors stage did not know is asked of it (`actors::intern`).
//! Reads: the actors layer, the lexicon's speech verbs, stop names and roles, and the word lists of
//! [`SpeakerRules`].

use crate::doc::{is_capitalised, words, Doc};
use crate::rules::{DataFiles, Rules, RulesError};
use sitrep_ledger::ActorKind;
use sitrep_text::Text;
use std::collections::HashSet;

/// Endings of agent nouns, singular and plural, that head a speaker's description ("the commissioner", "its
/// defenders", "the economist", "two historians", "the residents").
const AGENT_ENDINGS: [&str; 12] = [
    "er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ent", "ents", "ant", "ants",
];

/// Most words of a description found before a verb ([`description_before`]).
const DESCRIPTION_WORDS: usize = 6;

/// A speaker phrase found in the text when no recognised actor fills the speaker slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhraseKind {
    Pronoun,
    Name,
    Description,
}

/// The word lists of speaker phrases: `lists/quote_adverbs.txt`, `lists/verb_auxiliaries.txt`,
/// `lists/quote_determiners.txt`,
/// `lists/quote_org_nouns.txt`, `lists/months_days.txt`, `lists/speaker_nouns.txt`.
pub struct SpeakerRules {
    /// Words that may stand between a speaker and the verb ("Trump later said").
    adverbs: HashSet<String>,
    /// Auxiliaries, modals and negations of a verb group ("have argued", "is demanding", "did not say").
    auxiliaries: HashSet<String>,
    /// Words that open a descriptive speaker phrase ("the union", "a senior official").
    determiners: HashSet<String>,
    /// Head nouns that make a descriptive speaker an organisation.
    org_nouns: Vec<String>,
    /// Month and weekday names: never a speaker.
    months_days: HashSet<String>,
    /// Nouns that name speakers without a determiner ("officials said", "Ukrainian sources say").
    speaker_nouns: HashSet<String>,
}

impl SpeakerRules {
    /// A word that may stand between a speaker and the verb, or a verb and what was said ("later", "again").
    pub(crate) fn is_adverb(&self, lower: &str) -> bool {
        self.adverbs.contains(lower)
    }

    /// A word of a verb group before its verb: an adverb or an auxiliary ("have long argued", "did not say").
    pub(crate) fn in_verb_group(&self, lower: &str) -> bool {
        self.adverbs.contains(lower) || self.auxiliaries.contains(lower)
    }

    /// An auxiliary, a modal or a negation ("would", "has", "not").
    pub(crate) fn is_auxiliary(&self, lower: &str) -> bool {
        self.auxiliaries.contains(lower)
    }

    /// A noun that names speakers without a determiner ("officials", "sources").
    pub(crate) fn is_speaker_noun(&self, lower: &str) -> bool {
        self.speaker_nouns.contains(lower)
    }

    pub fn load(files: &DataFiles) -> Result<Self, RulesError> {
        Ok(SpeakerRules {
            adverbs: files.set("lists/quote_adverbs.txt")?,
            auxiliaries: files.set("lists/verb_auxiliaries.txt")?,
            determiners: files.set("lists/quote_determiners.txt")?,
            org_nouns: files.list("lists/quote_org_nouns.txt")?,
            months_days: files.set("lists/months_days.txt")?,
            speaker_nouns: files.set("lists/speaker_nouns.txt")?,
        })
    }
}

/// "I", "we": outside quotes, the author (an op-ed, a letter), no actor the ledger knows.
pub(crate) fn is_first_person(w: &str) -> bool {
    w.eq_ignore_ascii_case("i") || w.eq_ignore_ascii_case("we")
}

pub(crate) fn is_pronoun(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "he" | "she" | "they" | "it"
    )
}

/// Trims quote marks, dashes, commas and spaces from both ends of `view[s..e]`.
pub(crate) fn trim_span(view: &str, mut s: usize, mut e: usize) -> (usize, usize) {
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
pub(crate) fn classify_phrase(
    rules: &Rules,
    text: &Text,
    s: usize,
    e: usize,
) -> Option<PhraseKind> {
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
    if opens_description(rules, first) {
        if ws.len() < 2 || ws.len() > 9 {
            return None;
        }
        // no verbs of saying, auxiliaries ("the man would") or clause words inside
        let ok = ws[1..].iter().all(|&(a, b)| {
            let w = &view[a..b];
            !lex.is_speech_verb(w)
                && !matches!(
                    w,
                    "that"
                        | "who"
                        | "which"
                        | "and"
                        | "but"
                        | "would"
                        | "will"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                        | "did"
                        | "does"
                        | "do"
                        | "has"
                        | "have"
                        | "had"
                        | "is"
                        | "was"
                        | "were"
                        | "are"
                        | "not"
                )
        });
        // "the car bomb killed 20 people": a past verb with its object is a clause, not a speaker
        let clause = ws.windows(2).skip(1).any(|p| {
            let (w, next) = (&view[p[0].0..p[0].1], &view[p[1].0..p[1].1]);
            w.ends_with("ed")
                && (next.chars().all(|c| c.is_ascii_digit())
                    || rules
                        .speakers
                        .determiners
                        .contains(next.to_ascii_lowercase().as_str()))
        });
        return (ok && !clause).then_some(PhraseKind::Description);
    }
    if bare_speaker_noun(rules, view, &ws) {
        return Some(PhraseKind::Description);
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
    }) && (!lex.stop_names.contains(&first.to_ascii_lowercase())
        || titled(view, &ws))
        && !rules.speakers.months_days.contains(first);
    name_ok.then_some(PhraseKind::Name)
}

/// A name opened by a title with its dot ("Mr. Burman", "Gen. Zaluzhnyi", "Dr. Oz").
fn titled(view: &str, ws: &[(usize, usize)]) -> bool {
    let &(a, b) = &ws[0];
    ws.len() >= 2 && view[b..].starts_with(". ") && is_title(&view[a..b])
}

fn is_title(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "gen"
            | "lt"
            | "col"
            | "maj"
            | "capt"
            | "sgt"
            | "adm"
            | "gov"
            | "sen"
            | "rep"
            | "rev"
    )
}

/// A bare plural of a speaker noun with up to three modifiers before it ("officials", "senior US officials",
/// "federal and state officials") and a prepositional phrase after it ("officials at the ministry",
/// "developers and supporters in Congress"): eight words at most.
fn bare_speaker_noun(rules: &Rules, view: &str, ws: &[(usize, usize)]) -> bool {
    let lower = |&(a, b): &(usize, usize)| view[a..b].to_ascii_lowercase();
    let Some(head) = ws
        .iter()
        .take(4)
        .position(|w| rules.speakers.speaker_nouns.contains(&lower(w)))
    else {
        return false;
    };
    let modifiers_ok = ws[..head].iter().all(|w| {
        let w = lower(w);
        !rules.lexicon.is_speech_verb(&w) && (w == "and" || !is_clause_word(&w))
    });
    let rest = &ws[head + 1..];
    let rest_ok = rest.is_empty()
        || (matches!(
            lower(&rest[0]).as_str(),
            "in" | "at" | "of" | "from" | "on" | "for" | "with" | "close" | "and"
        ) && rest.iter().all(|w| {
            let w = lower(w);
            !rules.lexicon.is_speech_verb(&w) && !matches!(w.as_str(), "that" | "who" | "which")
        }));
    ws.len() <= 8 && modifiers_ok && rest_ok
}

/// The speaker phrase right before a speech verb at `verb` in `[from, verb)`, skipping the verb group's
/// adverbs and auxiliaries ("Democrats have successfully argued").
pub(crate) fn phrase_before(
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
            .speakers
            .in_verb_group(view[ws[k - 1].0..ws[k - 1].1].to_ascii_lowercase().as_str())
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
    // "When Clinton noted": a capitalised function word opening the sentence is not the name's
    while j < k - 1
        && rules
            .lexicon
            .stop_names
            .contains(&view[ws[j].0..ws[j].1].to_ascii_lowercase())
    {
        j += 1;
    }
    let s = ws[j].0;
    if classify_phrase(rules, text, s, le) == Some(PhraseKind::Name) {
        return Some((s, le, PhraseKind::Name));
    }
    description_before(rules, text, &ws[..k])
}

/// Where the verb group of the verb at `verb` starts: before the adverbs and auxiliaries right before it
/// ("the city is now demanding": at "is"), never before `from`.
pub(crate) fn verb_group_start(rules: &Rules, text: &Text, from: usize, verb: usize) -> usize {
    let lower = text.lower();
    let ws = words(text, from, verb);
    let mut start = verb;
    let mut k = ws.len();
    while k > 0 {
        let (a, b) = ws[k - 1];
        if !text.view()[b..start].trim().is_empty() {
            break;
        }
        // "continued to", "went on to": the verb and its "to", one entry of the list
        let to_entry = (&lower[a..b] == "to")
            .then(|| {
                (2..=3)
                    .filter(|&n| k >= n)
                    .find(|&n| rules.speakers.is_auxiliary(&lower[ws[k - n].0..b]))
            })
            .flatten();
        if let Some(n) = to_entry {
            start = ws[k - n].0;
            k -= n;
        } else if rules.speakers.in_verb_group(&lower[a..b]) {
            start = a;
            k -= 1;
        } else {
            break;
        }
    }
    start
}

/// The description ending with `ws` that names a speaker ("During the rally, the former president said":
/// "the former president"; "officials at the ministry said"): opened by the nearest determiner, or a bare
/// plural of a speaker noun, at most [`DESCRIPTION_WORDS`] words with no punctuation, whose head (its last
/// word) is a speaker's: a role, a speaker noun or an organisation's noun ("the state's governor", "his
/// attorney" is not one the lists hold; "the man would" never is).
fn description_before(
    rules: &Rules,
    text: &Text,
    ws: &[(usize, usize)],
) -> Option<(usize, usize, PhraseKind)> {
    let view = text.view();
    let &(hs, le) = ws.last()?;
    let lower = |&(a, b): &(usize, usize)| view[a..b].to_ascii_lowercase();
    let from = ws.len().saturating_sub(DESCRIPTION_WORDS);
    let clean = |j: usize| !view[ws[j].0..le].contains([',', ';', ':', '"', '(']);
    let determiner = (from..ws.len())
        .rev()
        .find(|&j| opens_description(rules, &view[ws[j].0..ws[j].1]))
        .filter(|&j| clean(j));
    let start = match determiner {
        Some(j) => ws[j].0,
        None => {
            // a bare plural: the speaker noun and up to three modifiers before it
            let noun = (from..ws.len())
                .find(|&j| rules.speakers.speaker_nouns.contains(&lower(&ws[j])))?;
            let mut k = noun;
            while k > from.max(noun.saturating_sub(3)) && clean(k - 1) && {
                let w = lower(&ws[k - 1]);
                w == "and" || !is_clause_word(&w)
            } {
                k -= 1;
            }
            ws[k].0
        }
    };
    // the head is the last word, or a bare speaker noun before its prepositional phrase ("elected officials
    // from both parties")
    let k = ws.iter().position(|w| w.0 == start)?;
    let headed = speaker_head(rules, &view[hs..le])
        || (determiner.is_none() && bare_speaker_noun(rules, view, &ws[k..]));
    (headed && classify_phrase(rules, text, start, le) == Some(PhraseKind::Description))
        .then_some((start, le, PhraseKind::Description))
}

/// True when `word`, the last of a description, names a speaker: a role, a speaker noun (or its singular), an
/// organisation's noun, or an agent noun ([`AGENT_ENDINGS`]); "the cuts would come" is no speaker.
pub(crate) fn speaker_head(rules: &Rules, word: &str) -> bool {
    let head = word.to_ascii_lowercase();
    rules.lexicon.roles.contains(&head)
        || rules.speakers.speaker_nouns.contains(&head)
        || rules.speakers.speaker_nouns.contains(&format!("{head}s"))
        || rules.speakers.org_nouns.contains(&head)
        || AGENT_ENDINGS
            .iter()
            .any(|e| head.len() > e.len() + 2 && head.ends_with(e))
}

/// A word that opens a description: a determiner ("the", "a senior official") or a capitalised possessive
/// ("Connecticut's tax commissioner").
fn opens_description(rules: &Rules, w: &str) -> bool {
    rules
        .speakers
        .determiners
        .contains(w.to_ascii_lowercase().as_str())
        || (w.ends_with("'s") && is_capitalised(w))
}

/// Words that open or join clauses and prepositional phrases: never inside a bare speaker's modifiers.
fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "who"
            | "which"
            | "and"
            | "but"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "by"
            | "as"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "during"
    )
}

/// The speaker phrase right after a speech verb ("said one source on the panel", "said Scott Pruitt, ...").
pub(crate) fn phrase_after(
    rules: &Rules,
    text: &Text,
    verb_end: usize,
    to: usize,
) -> Option<(usize, usize, PhraseKind)> {
    let view = text.view();
    let rest = &view[verb_end..to];
    let stop = rest
        .match_indices([
            ',', '.', ';', ':', '\n', '"', '\u{201C}', '(', '\u{2014}', '\u{2015}',
        ])
        .map(|(i, _)| i)
        .find(|&i| !abbreviation_dot(rest, i))
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
            .speakers
            .determiners
            .contains(view[ws[0].0..ws[0].1].to_ascii_lowercase().as_str())
            || view[a..].starts_with("in ")
        {
            e = view[s..a].trim_end().len() + s;
        }
    }
    if let Some(kind) = classify_phrase(rules, text, s, e) {
        return Some((s, e, kind));
    }
    // "said 9/11 widow Terry Strada", "said former NATO commander Wesley Clark": the name at the end
    let ws = words(text, s, e);
    let caps = ws
        .iter()
        .rev()
        .take_while(|&&(a, b)| is_capitalised(&view[a..b]))
        .count();
    let first = *ws.get(ws.len().checked_sub(caps.min(3))?)?;
    (caps >= 2 && classify_phrase(rules, text, first.0, e) == Some(PhraseKind::Name)).then_some((
        first.0,
        e,
        PhraseKind::Name,
    ))
}

/// True when the dot at `rest[i]` ends a title or an initial ("Mr.", "Gov.", "E.") rather than the phrase.
fn abbreviation_dot(rest: &str, i: usize) -> bool {
    if rest.as_bytes()[i] != b'.' {
        return false;
    }
    let word = rest[..i]
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let initial = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
    let title = sitrep_text::ABBREVIATIONS
        .iter()
        .any(|a| a.eq_ignore_ascii_case(word))
        && word.chars().next().is_some_and(char::is_uppercase);
    (initial || title) && rest[i + 1..].starts_with(' ')
}

/// The actor for a speaker phrase: a pronoun joins the nearest earlier person (or, for "they"/"it", any actor);
/// a name joins a known person with that surname or becomes a person; a description ("the union", "a senior
/// official") joins the last person whose role it names, or becomes an unnamed actor of its own.
pub(crate) fn actor_for_phrase(
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
            // a possessive or an object stands for its subject form ("his" for "he")
            let p = match text.to_ascii_lowercase().as_str() {
                "his" | "him" => "he".to_string(),
                "her" => "she".to_string(),
                "their" | "them" => "they".to_string(),
                "its" => "it".to_string(),
                p => p.to_string(),
            };
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
                    // "they", "it": a group, an organisation, a state, not one person
                    r.kind != ActorKind::Person || r.name.ends_with('s')
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
            // "Mr. Burman" is Burman
            let name = match name.split_once(". ") {
                Some((title, rest)) if is_title(title) && !rest.is_empty() => rest.to_string(),
                _ => name,
            };
            // "Commissioner James O'Neill" is James O'Neill, a commissioner
            let (role, name) = match name.split_once(' ') {
                Some((first, rest))
                    if rest.contains(' ') && lex.roles.contains(&first.to_ascii_lowercase()) =>
                {
                    (Some(first.to_ascii_lowercase()), rest.to_string())
                }
                _ => (None, name),
            };
            if !name.contains(' ') {
                if let Some(i) = doc.actors.iter().position(|a| {
                    a.name.rsplit(' ').next() == Some(name.as_str()) && a.name.contains(' ')
                }) {
                    return Some(i);
                }
            }
            let first = name.split(' ').next().unwrap_or("");
            let id = crate::actors::intern(doc, &name, ActorKind::Person, None, role.as_deref());
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
                .speakers
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
