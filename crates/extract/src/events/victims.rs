//! The victims of an event: the people its clause says were harmed, named as ACLED names them, for actor2 when
//! the clause names no armed target.
//!
//! - After a harm word, a victim phrase is its object: "killing three people", "wounded two Afghan soldiers",
//!   "attacks on innocent people" (the cue itself is a harm word).
//! - Before an outcome word ("nine people died") or a harm word in the passive ("a man was killed", "two of
//!   whom were injured"), or right before a participle with no object after it ("the 130 injured"), a victim
//!   phrase is its subject. Victims joined by "and" or a comma share the harm ("four workers and two soldiers
//!   were killed").
//! - Who they are: civilians are "Civilians (Ukraine)", of the country of the demonym before them or else of the
//!   event's place ("Civilians" when neither says); soldiers and fighters are the actor named before them
//!   ("NATO service members", "Taliban gunmen") or the forces of the demonym before them ("Afghan soldiers":
//!   Military Forces of Afghanistan), and nobody the ledger can name with neither; police officers are the police
//!   of that demonym. A bare count or a word such as "others" is the victims told beside it ("killed 13 people and
//!   wounded 71").
//!
//! Writes: no layer; the victims' actors and mentions are asked of the actors stage (`actors::intern`,
//! `actors::add_mention`), the mention on the victim word itself (the events stage flushes them once, at its
//! end: a flush a cue would make a long report quadratic).
//! Reads: the actors and places layers, the token layer, `lists/victims.tsv`, the events stage's number words.

use super::{number_of, EventRules};
use crate::actors::{add_mention, country_name, forces_of, intern};
use crate::doc::{words, Doc, MentionKind};
use crate::rules::{DataFiles, RulesError};
use rustc_hash::{FxHashMap, FxHashSet};
use sitrep_gazetteer::Gazetteer;
use sitrep_ledger::ActorKind;

/// How many words may stand between a harm word and its victims ("killing at least four civilians"), or
/// between victims and an outcome ("nine people were dead").
pub(super) const VICTIM_GAP: usize = 3;
/// How far from the cue, in bytes, victims are looked for: the clause around the cue, never a whole long
/// sentence for every cue in it.
const WINDOW: usize = 300;
/// How many words before a victim word may say whose they are ("23 Afghan army soldiers").
const MODIFIER_WORDS: usize = 3;

/// What a word of `lists/victims.tsv` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum VictimKind {
    Civilian,
    Military,
    Police,
    /// Victims of a group told beside it ("others").
    Same,
}

/// The words of `lists/victims.tsv`.
pub struct VictimWords {
    victims: FxHashMap<String, VictimKind>,
    pub(super) harms: FxHashSet<String>,
    outcomes: FxHashSet<String>,
    auxiliaries: FxHashSet<String>,
    quantifiers: FxHashSet<String>,
    breaks: FxHashSet<String>,
}

impl VictimWords {
    pub fn load(files: &DataFiles) -> Result<Self, RulesError> {
        const FILE: &str = "lists/victims.tsv";
        let mut v = VictimWords {
            victims: FxHashMap::default(),
            harms: FxHashSet::default(),
            outcomes: FxHashSet::default(),
            auxiliaries: FxHashSet::default(),
            quantifiers: FxHashSet::default(),
            breaks: FxHashSet::default(),
        };
        for (n, l) in files.lines(FILE)? {
            let Some((w, k)) = l
                .split_once('\t')
                .map(|(w, k)| (w.trim().to_string(), k.trim()))
            else {
                return Err(files.error(FILE, n, "a word, a tab and its kind are needed".into()));
            };
            let kind = match k {
                "civilian" => Some(VictimKind::Civilian),
                "military" => Some(VictimKind::Military),
                "police" => Some(VictimKind::Police),
                "same" => Some(VictimKind::Same),
                _ => None,
            };
            if let Some(kind) = kind {
                v.victims.insert(w, kind);
                continue;
            }
            let set = match k {
                "harm" => &mut v.harms,
                "outcome" => &mut v.outcomes,
                "auxiliary" => &mut v.auxiliaries,
                "quantifier" => &mut v.quantifiers,
                "break" => &mut v.breaks,
                _ => {
                    let m = format!(
                        "unknown kind {k:?}: civilian, military, police, same, harm, outcome, auxiliary, \
                         quantifier or break"
                    );
                    return Err(files.error(FILE, n, m));
                }
            };
            set.insert(w);
        }
        Ok(v)
    }

    /// Whether `word` (lower case) is an outcome word: what befell its subject ("the general died").
    pub(super) fn is_outcome(&self, word: &str) -> bool {
        self.outcomes.contains(word)
    }

    /// Whether `word` (lower case) is a civilian victim.
    pub(super) fn is_civilian(&self, word: &str) -> bool {
        self.victims.get(word) == Some(&VictimKind::Civilian)
    }
}

/// One word of the clause as the victim rule reads it.
struct Word<'a> {
    span: (usize, usize),
    lower: &'a str,
}

/// A victim word or count the clause says was harmed, and whose victims it names.
struct Victim {
    span: (usize, usize),
    kind: VictimKind,
    /// The actor it names, once known.
    actor: Option<usize>,
}

/// The actor of the first victims the clause `(start, end)` names around its cue `(cue_start, cue_end)`;
/// `country` is the event's place's country code. Adds a mention of that actor on each victim word.
pub(super) fn of_clause(
    doc: &mut Doc,
    gaz: &Gazetteer,
    (start, end): (usize, usize),
    cue: (usize, usize),
    country: Option<&str>,
    only_armed: bool,
) -> Option<usize> {
    let (text, rules) = (doc.text, doc.rules);
    let view = text.view();
    let start = view.floor_char_boundary(start.max(cue.0.saturating_sub(WINDOW)));
    let end = view.ceil_char_boundary(end.min(cue.1 + WINDOW));
    let er: &EventRules = &rules.events;
    let lower = text.lower();
    let ws: Vec<Word> = words(text, start, end)
        .into_iter()
        .map(|(a, b)| Word {
            span: (a, b),
            lower: &lower[a..b],
        })
        .collect();
    let clause = Clause {
        v: &er.victims,
        er,
        ws: &ws,
        view: text.view(),
        cue,
    };
    let mut found = clause.victims(only_armed);
    if found.is_empty() {
        return None;
    }
    for f in found.iter_mut() {
        let (s, kind) = (f.span.0, f.kind);
        let i = ws.partition_point(|w| w.span.0 < s);
        let phrase_start = ws[i.saturating_sub(MODIFIER_WORDS)].span.0.max(start);
        let head = f.span;
        // a victim word the actors stage already read ("Afghan soldiers": Military Forces of Afghanistan)
        // (mentions do not overlap one another: only the last one starting before the word's end can cover it)
        let ms = &doc.actor_mentions;
        let read = ms[..ms.partition_point(|m| m.start < head.1)]
            .last()
            .filter(|m| m.end > head.0 && !m.pronoun)
            .map(|m| m.actor);
        f.actor = match read {
            Some(a) if kind != VictimKind::Same => Some(a),
            _ => named_victims(doc, gaz, kind, (phrase_start, s), country),
        };
        // unnamed non-state fighters ("twenty insurgents were killed"): an unidentified armed group
        let noun = doc.text.lower()[head.0..head.1].to_string();
        if f.actor.is_none() && doc.rules.events.perpetrators.contains(&noun) {
            f.actor = Some(super::perpetrators::unidentified_group(doc, gaz, country));
        }
    }
    // a count or "others" is the victims told beside it, the nearest first
    for k in 0..found.len() {
        if found[k].actor.is_none() && found[k].kind == VictimKind::Same {
            found[k].actor = (0..found.len())
                .filter(|&j| found[j].kind != VictimKind::Same && found[j].actor.is_some())
                .min_by_key(|&j| j.abs_diff(k))
                .and_then(|j| found[j].actor);
        }
    }
    for f in &found {
        if let Some(a) = f.actor {
            add_mention(doc, f.span.0, f.span.1, a, false);
        }
    }
    found.iter().find_map(|f| f.actor)
}

/// The words of a clause and the rules that read them.
struct Clause<'a> {
    v: &'a VictimWords,
    er: &'a EventRules,
    ws: &'a [Word<'a>],
    view: &'a str,
    /// The event's cue: a harm word too ("attacks on innocent people").
    cue: (usize, usize),
}

impl Clause<'_> {
    /// Every victim word and count the clause says was harmed, in text order.
    fn victims(&self, only_armed: bool) -> Vec<Victim> {
        let ws = self.ws;
        let mut found: Vec<Victim> = Vec::new();
        for (i, w) in ws.iter().enumerate() {
            let kind = match self.v.victims.get(w.lower) {
                Some(&k) => k,
                None if self.is_count(w) && self.bare(i) => VictimKind::Same,
                None => continue,
            };
            if only_armed && kind == VictimKind::Civilian {
                continue;
            }
            let bare = kind == VictimKind::Same && !self.v.victims.contains_key(w.lower);
            if self.object_of_harm(i, bare) || self.subject_of_outcome(i) {
                found.push(Victim {
                    span: w.span,
                    kind,
                    actor: None,
                });
            }
        }
        self.joined_by_and(&mut found, only_armed);
        found
    }

    fn is_harm(&self, w: &Word) -> bool {
        self.v.harms.contains(w.lower) || (w.span.0 >= self.cue.0 && w.span.1 <= self.cue.1)
    }

    fn is_count(&self, w: &Word) -> bool {
        number_of(self.er, w.lower).is_some()
    }

    /// Whether the count at word `i` stands alone: no word of its phrase follows it ("wounded 71.", "496 had
    /// been killed"), unlike "six NATO service members".
    fn bare(&self, i: usize) -> bool {
        let v = self.v;
        match self.ws.get(i + 1) {
            None => true,
            Some(n) => {
                !self.linked(i, i + 1)
                    || [&v.breaks, &v.harms, &v.auxiliaries, &v.outcomes]
                        .iter()
                        .any(|s| s.contains(n.lower))
                    || v.victims.get(n.lower) == Some(&VictimKind::Same)
                    || n.lower == "had"
            }
        }
    }

    /// Words `a` and `b` (a < b) belong to one phrase: no break word and no punctuation between them.
    fn linked(&self, a: usize, b: usize) -> bool {
        let ws = self.ws;
        !ws[a + 1..b].iter().any(|w| self.v.breaks.contains(w.lower))
            && !self.view[ws[a].span.1..ws[b].span.0].contains([',', '.', ';', ':', '!', '?', '"'])
    }

    /// A harm word at most [`VICTIM_GAP`] words before word `i` in its phrase: "killing at least four
    /// civilians"; only quantifiers before a bare count ("injured another 15").
    fn object_of_harm(&self, i: usize, bare: bool) -> bool {
        let ws = self.ws;
        let lo = i.saturating_sub(VICTIM_GAP + 1);
        (lo..i).rev().any(|j| {
            self.is_harm(&ws[j])
                && self.linked(j, i)
                && (!bare
                    || ws[j + 1..i]
                        .iter()
                        .all(|w| self.v.quantifiers.contains(w.lower)))
        })
    }

    /// Word `i` followed in its phrase within [`VICTIM_GAP`] words by an outcome word, or by a harm word in the
    /// passive ("were killed") or a participle with no object after it ("the 130 injured,").
    fn subject_of_outcome(&self, i: usize) -> bool {
        let (v, ws) = (self.v, self.ws);
        let hi = (i + VICTIM_GAP + 2).min(ws.len());
        for j in i + 1..hi {
            let w = &ws[j];
            if !self.linked(i, j) || v.victims.contains_key(w.lower) {
                return false;
            }
            if v.outcomes.contains(w.lower) {
                return true;
            }
            if self.is_harm(w) && w.lower.ends_with("ed") {
                let passive = ws[i + 1..j].iter().any(|x| v.auxiliaries.contains(x.lower));
                let object_after = ws.get(j + 1).is_some_and(|n| {
                    v.quantifiers.contains(n.lower)
                        || self.is_count(n)
                        || v.victims.contains_key(n.lower)
                }) && self.linked(j, j + 1);
                return passive || j == i + 1 && !object_after;
            }
        }
        false
    }

    /// Victim words joined by "and" to victims already found share their harm ("four workers and two soldiers
    /// were killed").
    fn joined_by_and(&self, found: &mut Vec<Victim>, only_armed: bool) {
        let ws = self.ws;
        let mut k = 0;
        while k < found.len() {
            if let Some(i) = ws.iter().position(|w| w.span == found[k].span) {
                let lo = i.saturating_sub(VICTIM_GAP + 2);
                for j in lo..i {
                    let Some(&kind) = self.v.victims.get(ws[j].lower) else {
                        continue;
                    };
                    let joined = ws[j + 1..i].iter().filter(|w| w.lower == "and").count() == 1
                        && !self.view[ws[j].span.1..ws[i].span.0].contains(['.', ';', ':']);
                    if joined
                        && !(only_armed && kind == VictimKind::Civilian)
                        && !found.iter().any(|f| f.span == ws[j].span)
                    {
                        found.push(Victim {
                            span: ws[j].span,
                            kind,
                            actor: None,
                        });
                    }
                }
            }
            k += 1;
        }
        found.sort_by_key(|f| f.span.0);
    }
}

/// The actor of victims of `kind` whose modifiers lie in `modifiers` (an actor named there, a demonym there).
fn named_victims(
    doc: &mut Doc,
    gaz: &Gazetteer,
    kind: VictimKind,
    (ms, me): (usize, usize),
    country: Option<&str>,
) -> Option<usize> {
    let named = doc
        .actors_within(ms, me)
        .filter(|m| !m.pronoun && m.end <= me)
        .map(|m| m.actor)
        .next_back();
    let demonym = doc
        .places_within(ms, me)
        .filter(|m| m.kind == MentionKind::Demonym && m.end <= me)
        .filter_map(|m| doc.places[m.place].resolved.as_ref())
        .map(|c| c.country_code.clone())
        .next_back();
    match kind {
        VictimKind::Military => named.or_else(|| demonym.map(|cc| forces_of(doc, gaz, &cc))),
        VictimKind::Police => demonym.map(|cc| {
            let name = format!("Police Forces of {}", country_name(gaz, &cc));
            intern(
                doc,
                &name,
                ActorKind::ArmedForces,
                Some(&cc),
                Some("police"),
            )
        }),
        VictimKind::Civilian => {
            let cc = demonym.or(country.map(str::to_string));
            let name = match &cc {
                Some(cc) => format!("Civilians ({})", country_name(gaz, cc)),
                None => "Civilians".to_string(),
            };
            Some(intern(
                doc,
                &name,
                ActorKind::Civilians,
                cc.as_deref(),
                None,
            ))
        }
        VictimKind::Same => None,
    }
}
