//! Events and claims: ACLED-typed events from event cues in clauses, with actors, place, date and fatalities;
//! a claim for every report of an event (who asserts it, with what hedge), and contradictions between claims of
//! opposing sides whose outcomes cannot both hold.

use crate::actors::forces_name;
use crate::doc::{words, ClaimRec, Doc, EventRec, MentionKind};
use crate::lexicon::Lexicon;
use crate::places::antecedent;
use crate::quotes::subject_before;
use crate::rules::{DataFiles, Patterns as PatternTable, RulesError};
use regex::Regex;
use sitrep_gazetteer::Gazetteer;
use sitrep_text::ParagraphKind;
use std::collections::{HashMap, HashSet};

/// How many of the latest events a new report of an event is compared with (merging, denials, contradictions).
/// News reports stay near their events; the window keeps very long inputs linear.
const WINDOW: usize = 64;
/// Reports of one event more sentences apart than this are not merged.
const MAX_SENTENCES_APART: usize = 80;

struct Patterns {
    killed_n: Regex,
    n_killed: Regex,
    anaphor: Regex,
    blamed: Regex,
    negation: Regex,
    passive: Regex,
    denial: Regex,
}

/// The rules of the events stage besides the lexicon's cues: `lists/number_words.tsv`,
/// `lists/generic_event_classes.txt` and the `events.*` patterns.
pub struct EventRules {
    /// Number words of fatality counts and the count each stands for.
    number_words: HashMap<String, u64>,
    /// Generic cue classes: they yield to a specific cue in the same sentence.
    generic: HashSet<String>,
    patterns: Patterns,
}

impl EventRules {
    pub fn load(files: &DataFiles, p: &PatternTable) -> Result<Self, RulesError> {
        const NUMBERS: &str = "lists/number_words.tsv";
        let mut number_words = HashMap::new();
        for (n, l) in files.lines(NUMBERS)? {
            let count = l
                .split_once('\t')
                .and_then(|(w, c)| Some((w, c.trim().parse().ok()?)));
            let Some((w, c)) = count else {
                return Err(files.error(
                    NUMBERS,
                    n,
                    "a phrase, a tab and a whole number are needed".into(),
                ));
            };
            number_words.insert(w.to_string(), c);
        }
        Ok(EventRules {
            number_words,
            generic: files.set("lists/generic_event_classes.txt")?,
            patterns: Patterns {
                killed_n: p.get("events.killed_n")?,
                n_killed: p.get("events.n_killed")?,
                anaphor: p.get("events.anaphor")?,
                blamed: p.get("events.blamed")?,
                negation: p.get("events.negation")?,
                passive: p.get("events.passive")?,
                denial: p.get("events.denial")?,
            },
        })
    }

    fn is_generic(&self, class: &str) -> bool {
        self.generic.contains(class)
    }
}

fn number_of(er: &EventRules, s: &str) -> Option<u64> {
    let l = s.to_ascii_lowercase();
    if let Some(&n) = er.number_words.get(&l) {
        return Some(n);
    }
    l.replace(',', "").parse().ok()
}

struct Cue {
    start: usize,
    end: usize,
    class: String,
    event_type: String,
    sub_event_type: String,
}

fn cues_in(lex: &Lexicon, view: &str, s: usize, e: usize) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    // the cues that can match here, found in one pass; each then searched as written
    let can = lex.cue_prefilter.candidates(&view[s..e]);
    for c in lex.cues.iter().zip(can).filter(|x| x.1).map(|x| x.0) {
        for m in c.re.find_iter(&view[s..e]) {
            let (ms, me) = (s + m.start(), s + m.end());
            if out.iter().any(|o| o.start < me && ms < o.end) {
                continue;
            }
            out.push(Cue {
                start: ms,
                end: me,
                class: c.class.clone(),
                event_type: c.event_type.clone(),
                sub_event_type: c.sub_event_type.clone(),
            });
        }
    }
    out.sort_by_key(|c| c.start);
    out
}

fn modal_before(lex: &Lexicon, view: &str, from: usize, cue: usize) -> bool {
    let before = view[from..cue].to_ascii_lowercase();
    // only the last few words matter: "plans to take control", "would retake"
    let tail: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    let tail = format!(" {} ", tail.join(" "));
    lex.modality
        .iter()
        .any(|m| tail.contains(&format!(" {m} ")))
}

/// Sides in the conflict: affiliation counts of armed forces and states mentioned.
fn sides(doc: &Doc) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for m in &doc.actor_mentions {
        let a = &doc.actors[m.actor];
        if matches!(a.kind.as_str(), "armed_forces" | "state" | "armed_group") {
            if let Some(aff) = &a.affiliation {
                *counts.entry(aff.clone()).or_default() += 1;
            }
        }
    }
    for m in &doc.place_mentions {
        if m.kind == MentionKind::Demonym {
            if let Some(c) = &doc.places[m.place].resolved {
                *counts.entry(c.country_code.clone()).or_default() += 1;
            }
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().take(2).map(|x| x.0).collect()
}

fn opposing(sides: &[String], side: &str) -> Option<String> {
    if sides.len() == 2 && sides.iter().any(|s| s == side) {
        sides.iter().find(|s| *s != side).cloned()
    } else {
        None
    }
}

/// The armed forces actor of a country code.
fn forces_of(doc: &mut Doc, gaz: &Gazetteer, cc: &str) -> usize {
    let country = gaz
        .country(cc)
        .map(|c| c.name)
        .unwrap_or_else(|| cc.to_string());
    doc.actor(&forces_name(&country), "armed_forces", Some(cc), None)
}

impl Mention {
    fn denial(source: Option<usize>, evidence: (usize, usize), trigger: String) -> Mention {
        Mention {
            class: "denial".into(),
            event_type: String::new(),
            sub_event_type: String::new(),
            trigger,
            actor1: None,
            actor2: None,
            place: None,
            place_precision: 0,
            date: None,
            time_precision: None,
            fatalities: None,
            evidence,
            source,
            hedge: None,
            denies: true,
            anaphoric: false,
            weapon: None,
            actor1_inferred: false,
        }
    }
}

struct Mention {
    class: String,
    event_type: String,
    sub_event_type: String,
    trigger: String,
    actor1: Option<usize>,
    actor2: Option<usize>,
    place: Option<usize>,
    place_precision: u8,
    date: Option<String>,
    time_precision: Option<u8>,
    fatalities: Option<u64>,
    evidence: (usize, usize),
    source: Option<usize>,
    hedge: Option<String>,
    denies: bool,
    anaphoric: bool,
    weapon: Option<(String, String)>,
    /// actor1 was not stated in the clause but carried over from the discourse.
    actor1_inferred: bool,
}

pub fn extract(doc: &mut Doc, gaz: &Gazetteer) {
    let er = &doc.rules.events;
    let view = doc.view();
    let rules = doc.rules;
    let lex = &rules.lexicon;
    let sides = sides(doc);
    let sentences: Vec<(usize, usize, usize)> = doc
        .text
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.start, s.end))
        .collect();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut last_attacker: Option<usize> = None;
    let (doc_mil, doc_vio) = context_counts(doc, lex, 0, view.len());
    for &(si, ss, se) in &sentences {
        let pk = doc.text.paragraphs[doc.text.sentences[si].paragraph].kind;
        if pk != ParagraphKind::Body {
            continue;
        }
        let mut cues = cues_in(lex, view, ss, se);
        if cues.is_empty() {
            // "The ministry denied the report.": a denial of the last event told
            if let Some(d) = er.patterns.denial.find(&view[ss..se]) {
                let source = subject_before(doc, ss, ss + d.start()).map(|x| x.2);
                if source.is_some() {
                    mentions.push(Mention::denial(
                        source,
                        (ss, se),
                        view[ss + d.start()..ss + d.end()].to_string(),
                    ));
                }
            }
            continue;
        }
        // broad cues count only where armed conflict is in view (sentence or report)
        let (s_mil, s_vio) = context_counts(doc, lex, ss, se);
        let armed_here = s_mil > 0
            || doc.actors_within(ss, se).any(|m| {
                matches!(
                    doc.actors[m.actor].kind.as_str(),
                    "armed_forces" | "armed_group"
                )
            });
        cues.retain(|c| match c.class.as_str() {
            "attack" | "kill" | "civilian" => armed_here || s_vio > 0 || doc_mil + doc_vio >= 2,
            "clash" | "gain" | "repelled" | "defeat" => {
                armed_here || doc_mil >= 2 || c.class == "clash" && s_vio > 0
            }
            _ => true,
        });
        if cues.is_empty() {
            continue;
        }
        if cues.iter().any(|c| !er.is_generic(&c.class)) {
            let specific: Vec<Cue> = cues
                .drain(..)
                .filter(|c| !er.is_generic(&c.class))
                .collect();
            cues = specific;
        } else if cues.len() > 1 {
            cues.truncate(1);
        }
        // one event per class in a sentence
        let mut seen_class: Vec<String> = Vec::new();
        for cue in cues {
            if seen_class.contains(&cue.class) {
                continue;
            }
            seen_class.push(cue.class.clone());
            if let Some(mut m) = mention_for(doc, gaz, &sides, lex, cue, si, ss, se) {
                // fighting with no stated side: the side that was last said to be attacking keeps the initiative
                if m.actor1.is_none() && m.class == "clash" {
                    m.actor1 = last_attacker;
                    m.actor1_inferred = m.actor1.is_some();
                }
                if matches!(m.class.as_str(), "clash" | "gain" | "repelled") && m.actor1.is_some() {
                    last_attacker = m.actor1;
                }
                mentions.push(m);
            }
        }
    }
    let _ = view;
    merge(doc, gaz, mentions);
    contradictions(doc);
}

#[allow(clippy::too_many_arguments)]
fn mention_for(
    doc: &mut Doc,
    gaz: &Gazetteer,
    sides: &[String],
    lex: &Lexicon,
    cue: Cue,
    si: usize,
    ss: usize,
    se: usize,
) -> Option<Mention> {
    let er = &doc.rules.events;
    let view = doc.view();
    let quote = doc.text.quote_at(cue.start).copied();
    // the clause: after a speech verb + "that" before the cue, up to a speech verb after it
    let mut clause_start = ss;
    let mut source: Option<usize> = None;
    let mut source_set = false;
    let mut clause_end = se;
    if let Some(q) = quote {
        if let Some(qr) = doc
            .quotes
            .iter()
            .find(|r| r.start <= cue.start && cue.end <= r.end + 1)
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
                if from < cue.start && m.end <= cue.start {
                    let comma = view[m.end..cue.start].find(',').map(|i| m.end + i + 1);
                    clause_start = comma.unwrap_or(m.end);
                }
            }
        }
    }
    // a speech verb before the cue: "X said (that) ..."
    if !source_set {
        let ws = words(view, ss, cue.start);
        if let Some(&(vs, ve)) = ws.iter().rev().find(|&&(s, e)| {
            lex.is_speech_verb(&view[s..e])
                && doc.text.quote_at(s).is_none()
                && !(s >= cue.start && e <= cue.end)
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
        let ws = words(view, cue.end, clause_end);
        if let Some(&(vs, _)) = ws
            .iter()
            .find(|&&(s, e)| lex.is_speech_verb(&view[s..e]) && doc.text.quote_at(s).is_none())
        {
            let comma = view[cue.end..vs].rfind(',').map(|i| cue.end + i);
            if let Some(c) = comma {
                if let Some(m) = doc
                    .actors_within(ss, se)
                    .rev()
                    .find(|m| m.start > c && m.end <= vs)
                {
                    source = Some(m.actor);
                    clause_end = c;
                } else if let Some((_, _, a)) = subject_before(doc, cue.end, vs) {
                    source = Some(a);
                    clause_end = c;
                }
            } else if let Some((_, _, a)) = subject_before(doc, cue.end, vs) {
                let _ = a;
            }
        }
    }
    if modal_before(lex, view, clause_start, cue.start) {
        return None;
    }
    if sent_lower.contains("each other") || sent_lower.contains("one another") {
        // "X and Y accused each other of shelling": neither side's claim can be told apart here
        return None;
    }
    let trigger = view[cue.start..cue.end].to_string();
    let before_cue = &view[clause_start..cue.start];
    let anaphoric = matches!(
        cue.class.as_str(),
        "attack" | "shelling" | "air" | "explosive" | "clash"
    ) && er
        .patterns
        .anaphor
        .is_match(&before_cue.to_ascii_lowercase())
        && !trigger.contains(' ');
    let before_plain = before_cue.replace('"', "");
    let first_word = trigger.split(' ').next().unwrap_or("");
    let passive_tail = format!("{} ", before_plain.trim_end());
    let passive = er.patterns.passive.is_match(&passive_tail) && !first_word.ends_with("ing")
        || trigger.starts_with("being ")
        || trigger.contains(" been ")
        || trigger.starts_with("was ")
        || trigger.starts_with("were ");
    let denies = er.patterns.negation.is_match(before_cue);
    let mut cue = cue;
    if passive && cue.class == "gain" && trigger.ends_with("back") {
        // "the enemy was pushed back": the attacker failed
        cue.class = "repelled".into();
        cue.sub_event_type = "Armed clash".into();
    }

    // actors in the clause
    let speaker_like = |m: &crate::doc::ActorMention| {
        m.pronoun || {
            let next = view[m.end..].split_whitespace().next().unwrap_or("");
            lex.is_speech_verb(next.trim_matches(|c: char| !c.is_alphanumeric()))
        }
    };
    let in_clause = |m: &crate::doc::ActorMention| {
        m.start >= clause_start && m.end <= clause_end && !speaker_like(m)
    };
    let before: Vec<_> = doc
        .actors_within(ss, se)
        .filter(|m| in_clause(m) && m.end <= cue.start)
        .copied()
        .collect();
    let after: Vec<_> = doc
        .actors_within(ss, se)
        .filter(|m| in_clause(m) && m.start >= cue.end)
        .copied()
        .collect();
    // a demonym right before the cue noun: "Ukrainian attacks", "Ukrainian artillery"
    let demonym_before = doc
        .places_within(ss, se)
        .filter(|m| m.kind == MentionKind::Demonym && m.end <= cue.start && m.start >= clause_start)
        .filter(|m| view[m.end..cue.start].split_whitespace().count() <= 2)
        .filter_map(|m| {
            doc.places[m.place]
                .resolved
                .as_ref()
                .map(|c| c.country_code.clone())
        })
        .next_back();
    let lower_before_cue = before_cue.to_ascii_lowercase();
    let mut actor1: Option<usize>;
    let mut actor2: Option<usize>;
    // "X blamed Y for the attack": Y is the attacker and X the source
    let mut blamed_actor = None;
    if let Some(b) = er.patterns.blamed.find_iter(&view[ss..cue.start]).last() {
        let (bs, be) = (ss + b.start(), ss + b.end());
        let blamed_mention = doc
            .actors_within(ss, se)
            .find(|m| m.start >= be && m.end <= cue.start)
            .map(|m| m.actor);
        let blamed_demonym = doc
            .places_within(ss, se)
            .find(|m| m.kind == MentionKind::Demonym && m.start >= be && m.end <= cue.start)
            .map(|m| m.place);
        if let Some(a) = blamed_mention {
            blamed_actor = Some(a);
        } else if let Some(d) = blamed_demonym {
            if let Some(cc) = doc.places[d]
                .resolved
                .as_ref()
                .map(|c| c.country_code.clone())
            {
                blamed_actor = Some(forces_of(doc, gaz, &cc));
            }
        }
        if source.is_none() {
            source = subject_before(doc, ss, bs).map(|s| s.2);
        }
    }
    let by_agent = |doc: &Doc| -> Option<usize> {
        let by = view[cue.end..clause_end]
            .find(" by ")
            .map(|i| cue.end + i + 4)?;
        doc.actors_within(ss, se)
            .find(|m| m.start >= by && m.start <= by + 30 && m.end <= clause_end)
            .map(|m| m.actor)
    };
    if cue.class == "repelled" {
        // the side whose attack failed
        actor1 = demonym_before
            .as_deref()
            .map(|cc| forces_of(doc, gaz, cc))
            .or(before.first().map(|m| m.actor));
        if passive
            || trigger.contains("were")
            || trigger.contains("been")
            || trigger.contains("failed")
        {
            actor2 = by_agent(doc);
        } else {
            // "X repelled (Ukrainian) attacks": X defends; the attacker is named after the cue
            actor2 = actor1.take();
            if actor2.is_none()
                && (lower_before_cue.contains("its ") || lower_before_cue.contains("their "))
            {
                if let Some(cc) = doc.side_of(source).map(str::to_string) {
                    actor2 = Some(forces_of(doc, gaz, &cc));
                }
            }
            let demonym_after = doc
                .places_within(ss, se)
                .filter(|m| {
                    m.kind == MentionKind::Demonym && m.start >= cue.end && m.end <= clause_end
                })
                .find(|m| view[cue.end..m.start].split_whitespace().count() <= 2)
                .and_then(|m| {
                    doc.places[m.place]
                        .resolved
                        .as_ref()
                        .map(|c| c.country_code.clone())
                });
            actor1 = after
                .first()
                .map(|m| m.actor)
                .or(demonym_after.as_deref().map(|cc| forces_of(doc, gaz, cc)));
        }
    } else if passive {
        actor1 = by_agent(doc);
        actor2 = before.last().map(|m| m.actor);
    } else {
        actor1 = before
            .last()
            .map(|m| m.actor)
            .or(demonym_before.as_deref().map(|cc| forces_of(doc, gaz, cc)));
        // "an operation by the SBU": a by-phrase after the cue names the agent, not the target
        let by_phrase = |m: &crate::doc::ActorMention| {
            let before_m = view[view.floor_char_boundary(m.start.saturating_sub(12))..m.start]
                .to_ascii_lowercase();
            before_m.ends_with("by ") || before_m.ends_with("by the ")
        };
        actor2 = after.iter().find(|m| !by_phrase(m)).map(|m| m.actor);
        if actor1.is_none() {
            actor1 = after.iter().find(|m| by_phrase(m)).map(|m| m.actor);
        }
        if let (Some(d), Some(a1)) = (&demonym_before, actor1) {
            // "Ukrainian artillery" right before the cue is closer than an actor further back
            let last_end = before.last().map(|m| m.end).unwrap_or(0);
            let dm_end = doc
                .places_within(ss, se)
                .filter(|m| m.kind == MentionKind::Demonym && m.end <= cue.start)
                .map(|m| m.end)
                .next_back()
                .unwrap_or(0);
            if dm_end > last_end {
                actor1 = Some(forces_of(doc, gaz, d));
            } else {
                actor1 = Some(a1);
            }
        }
    }
    if blamed_actor.is_some() {
        actor1 = blamed_actor;
    }
    // "its marines", "its troops": the forces of the source's side
    let lower_before = before_cue.to_ascii_lowercase();
    if actor1.is_none()
        && cue.class != "repelled"
        && (lower_before.contains("its ") || lower_before.contains("their "))
    {
        if let Some(cc) = doc.side_of(source).map(str::to_string) {
            actor1 = Some(forces_of(doc, gaz, &cc));
        }
    }
    if let Some(a) = actor1 {
        // a pronoun or media source is not the fighting side; a state or organisation stands for its forces
        let _ = a;
    }
    // "X said they had recaptured ...": the pronoun subject is the source itself
    if actor1.is_none() && cue.class != "repelled" && !passive {
        let first = before_cue
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let pronoun_subject = before_cue
            .split_whitespace()
            .any(|w| matches!(w.to_ascii_lowercase().as_str(), "they" | "it" | "we"));
        if pronoun_subject
            && before.is_empty()
            && source.is_some_and(|s| doc.actors[s].kind != "person")
        {
            actor1 = source;
        }
        // "our units", "we": the speaker's side inside a quote
        if actor1.is_none()
            && quote.is_some()
            && (lower_before_cue.contains("our ") || first == "we")
        {
            if let Some(cc) = doc.side_of(source).map(str::to_string) {
                actor1 = Some(forces_of(doc, gaz, &cc));
            }
        }
    }
    // an unstated attacker: the side opposing the victim or, for a failed attack, opposing the source
    if actor1.is_none() {
        let guess = match cue.class.as_str() {
            "repelled" => doc.side_of(source).and_then(|s| opposing(sides, s)),
            "defeat" | "shelling" | "air" | "attack" | "kill" => {
                doc.side_of(actor2).and_then(|s| opposing(sides, s))
            }
            _ => None,
        };
        if let Some(cc) = guess {
            actor1 = Some(forces_of(doc, gaz, &cc));
        }
    }
    if actor1 == actor2 {
        actor2 = None;
    }
    // a source who is also the actor ("Ukrainian troops claim control")
    if source.is_none() && trigger.to_ascii_lowercase().starts_with("claim") {
        source = actor1;
    }

    // place: literal mentions in the clause, most specific first, then nearest after the cue
    // relative-location phrases of this sentence (the list is in text order)
    let a0 = doc.anchor_spans.partition_point(|a| a.0 < ss);
    let a1 = doc.anchor_spans.partition_point(|a| a.0 < se);
    let sentence_anchors = &doc.anchor_spans[a0..a1.max(a0)];
    let anchors: Vec<usize> = sentence_anchors.iter().map(|a| a.2).collect();
    let anchor_mentions: Vec<(usize, usize)> =
        sentence_anchors.iter().map(|a| (a.0, a.1)).collect();
    let mut best: Option<(u8, usize, usize)> = None; // (precision, distance, place)
    for m in doc.places_within(ss, se).filter(|m| {
        m.kind == MentionKind::Literal && m.start >= clause_start && m.end <= clause_end
    }) {
        if anchor_mentions
            .iter()
            .any(|&(s, e)| m.start >= s && m.end <= e)
            && anchors.contains(&m.place)
        {
            continue;
        }
        if doc.actor_overlapping(m.start, m.end) {
            continue;
        }
        let p = &doc.places[m.place];
        let mut prec = p.geo_precision;
        let pre = view
            [view.floor_char_boundary(clause_start.max(m.start.saturating_sub(30)))..m.start]
            .to_ascii_lowercase();
        if pre.contains("outskirts") || pre.ends_with("near ") || pre.contains("around") {
            prec = prec.max(2);
        }
        let dist = if m.start >= cue.end {
            m.start - cue.end
        } else {
            (cue.start - m.end) + 1000
        };
        if best.is_none_or(|b| (prec, dist) < (b.0, b.1)) {
            best = Some((prec, dist, m.place));
        }
    }
    if best.is_none() {
        let clause = view[clause_start..clause_end].to_ascii_lowercase();
        let rel_start = clause_start;
        // "there" as a place ("attacks there were repelled"), not the existential "there is", "since there's"
        let there = find_word(&clause, "there").filter(|&i| {
            let rest = clause[i + 5..].trim_start();
            let be = [
                "is ", "are ", "was ", "were ", "has ", "have ", "had ", "will ", "may ", "might ",
                "could ", "would ", "'s ",
            ]
            .iter()
            .any(|w| rest.starts_with(w));
            let prev = clause[..i].split_whitespace().next_back().unwrap_or("");
            let clause_initial = prev.is_empty()
                || prev.ends_with([',', ';', ':', '"'])
                || matches!(
                    prev,
                    "that"
                        | "and"
                        | "but"
                        | "since"
                        | "because"
                        | "as"
                        | "if"
                        | "when"
                        | "while"
                        | "so"
                );
            !(be && clause_initial)
        });
        if let Some(i) = there {
            best = doc
                .places_before(ss)
                .take(500)
                .find(|m| m.kind == MentionKind::Literal)
                .map(|m| (doc.places[m.place].geo_precision.max(2), 0, m.place));
            let _ = i;
        } else {
            for noun in [
                "the village",
                "the settlement",
                "the site",
                "the plant",
                "the area",
                "the town",
                "the facility",
            ] {
                if let Some(i) = clause.find(noun) {
                    let pre = &clause[..i];
                    let directional = ["north of ", "south of ", "east of ", "west of "]
                        .iter()
                        .any(|d| pre.ends_with(d));
                    if directional {
                        continue;
                    }
                    let n = noun.trim_start_matches("the ");
                    best = antecedent(doc, rel_start + i, n).map(|p| {
                        (
                            doc.places[p]
                                .geo_precision
                                .max(if n == "area" { 2 } else { 1 }),
                            0,
                            p,
                        )
                    });
                    if best.is_some() {
                        break;
                    }
                }
            }
        }
    }
    // date: the time expression of the sentence nearest the cue, outside captions
    let mut date = None;
    let mut time_precision = None;
    let mut best_t: Option<usize> = None;
    let t0 = doc.times.partition_point(|t| t.start < ss);
    for t in doc.times[t0..]
        .iter()
        .take_while(|t| t.start < se)
        .filter(|t| {
            t.start >= ss && t.end <= se && !t.in_caption && matches!(t.timex_type, "DATE" | "TIME")
        })
    {
        let (Some(_), Some((from, _to))) = (&t.value, t.range) else {
            continue;
        };
        let d = t.start.abs_diff(cue.start);
        if best_t.is_none_or(|b| d < b) {
            best_t = Some(d);
            date = Some(from.format("%Y-%m-%d").to_string());
            time_precision = t.precision;
        }
    }
    if date.is_none() {
        if let Some(p) = doc.published {
            date = Some(p.format("%Y-%m-%d").to_string());
            time_precision = Some(2);
        }
    }
    // fatalities
    let sent = &view[ss..se];
    let fatalities = er
        .patterns
        .killed_n
        .captures(sent)
        .and_then(|c| number_of(er, &c[1]))
        .or_else(|| {
            er.patterns
                .n_killed
                .captures(sent)
                .and_then(|c| number_of(er, &c[1]))
        });
    // weapons settle generic cues
    let weapon = lex
        .weapons
        .iter()
        .find(|w| w.re.is_match(sent))
        .map(|w| (w.event_type.clone(), w.sub_event_type.clone()));
    // hedges: in the sentence, or the next sentence for "next" hedges
    let next = doc
        .text
        .sentences
        .get(si + 1)
        .map(|s| view[s.start..s.end].to_ascii_lowercase())
        .unwrap_or_default();
    let next_has_no_cue = doc
        .text
        .sentences
        .get(si + 1)
        .is_some_and(|s| cues_in(lex, view, s.start, s.end).is_empty());
    let hedge = lex
        .hedges
        .iter()
        .find(|h| {
            let next_is_meta = next_has_no_cue && contains_phrase(&next, &h.phrase);
            if h.next_sentence {
                contains_phrase(&next, &h.phrase) || contains_phrase(&sent_lower, &h.phrase)
            } else if next_is_meta && h.phrase.contains(' ') {
                true
            } else {
                contains_phrase(&view[ss..se].to_ascii_lowercase(), &h.phrase)
                    && !inside_quote_word(doc, ss, se, &h.phrase)
            }
        })
        .map(|h| h.phrase.clone());
    let (place_precision, place) = best.map(|b| (b.0, Some(b.2))).unwrap_or((0, None));
    Some(Mention {
        class: cue.class,
        event_type: cue.event_type,
        sub_event_type: cue.sub_event_type,
        trigger,
        actor1,
        actor2,
        place,
        place_precision,
        date,
        time_precision,
        fatalities,
        evidence: (ss, se),
        source,
        hedge,
        denies,
        anaphoric,
        weapon,
        actor1_inferred: false,
    })
}

/// Counts of conflict words (military, violence) in `view[s..e]`, armed actors' own words included.
fn context_counts(doc: &Doc, lex: &Lexicon, s: usize, e: usize) -> (usize, usize) {
    let view = doc.view();
    let (mut m, mut v) = (0, 0);
    let mut buf = String::new();
    for t in sitrep_text::tokens(view, s, e) {
        let w = &view[t.start..t.end];
        if w.len() > 20 {
            continue;
        }
        buf.clear();
        buf.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        if lex.military_words.contains(buf.as_str()) {
            m += 1;
        } else if lex.violence_words.contains(buf.as_str()) {
            v += 1;
        }
    }
    (m, v)
}

fn find_word(hay: &str, w: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay[from..].find(w) {
        let s = from + i;
        let e = s + w.len();
        let ok_b = s == 0 || !hay.as_bytes()[s - 1].is_ascii_alphanumeric();
        let ok_a = e >= hay.len() || !hay.as_bytes()[e].is_ascii_alphanumeric();
        if ok_b && ok_a {
            return Some(s);
        }
        from = e;
    }
    None
}

fn contains_phrase(hay: &str, phrase: &str) -> bool {
    find_word(hay, phrase).is_some()
}

/// True when every occurrence of `phrase` in the sentence is inside quotation marks.
fn inside_quote_word(doc: &Doc, ss: usize, se: usize, phrase: &str) -> bool {
    let lower = doc.view()[ss..se].to_ascii_lowercase();
    match find_word(&lower, phrase) {
        Some(i) => doc.text.quote_at(ss + i).is_some(),
        None => false,
    }
}

fn family(class: &str) -> &str {
    match class {
        "shelling" | "air" | "explosive" | "attack" | "kill" | "civilian" => "violence",
        c => c,
    }
}

fn merge(doc: &mut Doc, gaz: &Gazetteer, mentions: Vec<Mention>) {
    let er = &doc.rules.events;
    for m in mentions {
        let sentence_of = |off: usize| doc.text.sentence_at(off).unwrap_or(0);
        // a bare "was hit" right after a strike, with no place or side of its own, tells more of that strike
        let continuation = matches!(m.class.as_str(), "attack" | "kill")
            && m.place.is_none()
            && m.actor1.is_none()
            && doc.events.last().is_some_and(|e| {
                family(&e.class) == "violence"
                    && e.evidence
                        .last()
                        .is_some_and(|ev| sentence_of(m.evidence.0) <= sentence_of(ev.0) + 1)
            });
        let target = if m.class == "denial" {
            if doc.events.is_empty() {
                continue;
            }
            // the latest event that someone on another side asserted; else the latest
            let my_side = doc.side_of(m.source).map(str::to_string);
            let lo = doc.events.len().saturating_sub(WINDOW);
            let other = doc.events[lo..].iter().rposition(|e| {
                e.claims.iter().any(|&c| {
                    let s = doc.side_of(doc.claims[c].source);
                    s.is_some() && my_side.is_some() && s != my_side.as_deref()
                })
            });
            Some(other.map(|i| lo + i).unwrap_or(doc.events.len() - 1))
        } else if continuation {
            Some(doc.events.len() - 1)
        } else if m.anaphoric {
            let lo = doc.events.len().saturating_sub(WINDOW);
            doc.events[lo..]
                .iter()
                .rposition(|e| family(&e.class) == "violence" || e.class == "clash")
                .map(|i| lo + i)
        } else {
            // only recent events: a report tells of one event in a few neighbouring paragraphs
            let mut lo = doc.events.len().saturating_sub(WINDOW);
            let here = sentence_of(m.evidence.0);
            while lo < doc.events.len()
                && doc.events[lo]
                    .evidence
                    .first()
                    .is_some_and(|ev| sentence_of(ev.0) + MAX_SENTENCES_APART < here)
            {
                lo += 1;
            }
            let recent = &doc.events[lo..];
            recent
                .iter()
                .position(|e| e.class == m.class && e.evidence.contains(&m.evidence))
                .or_else(|| {
                    recent.iter().position(|e| {
                        family(&e.class) == family(&m.class)
                            && e.place.is_some()
                            && e.place == m.place
                            && (e.actor1.is_none()
                                || m.actor1.is_none()
                                || doc.side_of(e.actor1) == doc.side_of(m.actor1))
                            && (e.date == m.date
                                || e.time_precision.unwrap_or(3) > 1
                                || m.time_precision.unwrap_or(3) > 1)
                    })
                })
                .map(|i| lo + i)
        };
        let claim_id = doc.claims.len();
        let ei = match target {
            Some(i) if m.class == "denial" => i,
            Some(i) => {
                let e = &mut doc.events[i];
                if e.actor1.is_none() {
                    e.actor1 = m.actor1;
                }
                if e.actor2.is_none() {
                    e.actor2 = m.actor2;
                }
                if m.place.is_some()
                    && (e.place.is_none()
                        || m.place_precision < doc.places[e.place.unwrap()].geo_precision)
                {
                    e.place = m.place;
                }
                if e.fatalities.is_none() {
                    e.fatalities = m.fatalities;
                }
                if m.time_precision.unwrap_or(9) < e.time_precision.unwrap_or(9) {
                    e.date = m.date.clone();
                    e.time_precision = m.time_precision;
                }
                if er.is_generic(&e.class) && !er.is_generic(&m.class) && !m.anaphoric {
                    e.class = m.class.clone();
                    e.event_type = m.event_type.clone();
                    e.sub_event_type = m.sub_event_type.clone();
                }
                if let Some(w) = &m.weapon {
                    if er.is_generic(&e.class) || e.class == "defeat" {
                        e.event_type = w.0.clone();
                        e.sub_event_type = w.1.clone();
                    }
                }
                if !e.evidence.contains(&m.evidence) && m.class != "denial" {
                    e.evidence.push(m.evidence);
                }
                i
            }
            None => {
                let (mut et, mut st) = (m.event_type.clone(), m.sub_event_type.clone());
                if let Some(w) = &m.weapon {
                    if er.is_generic(&m.class) || m.class == "defeat" {
                        et = w.0.clone();
                        st = w.1.clone();
                    }
                }
                if m.class == "gain" && st != "Armed clash" {
                    // who gains decides the sub-type: a state taking back its own land, or anyone else taking it
                    let place_cc = m
                        .place
                        .and_then(|p| {
                            let pl = &doc.places[p];
                            pl.resolved
                                .as_ref()
                                .or_else(|| {
                                    pl.relation
                                        .as_ref()
                                        .and_then(|r| doc.places[r.anchor].resolved.as_ref())
                                })
                                .map(|c| c.country_code.clone())
                        })
                        .or_else(|| {
                            // a village the gazetteer lacks: the country of the other places in its sentence
                            let (s, e) = m.evidence;
                            doc.places_within(s, e)
                                .filter(|pm| {
                                    pm.start >= s && pm.end <= e && pm.kind == MentionKind::Literal
                                })
                                .find_map(|pm| {
                                    doc.places[pm.place]
                                        .resolved
                                        .as_ref()
                                        .map(|c| c.country_code.clone())
                                })
                        });
                    let actor_cc = doc.side_of(m.actor1).map(str::to_string);
                    let kind = m.actor1.map(|a| doc.actors[a].kind.clone());
                    let state_side =
                        matches!(kind.as_deref(), Some("armed_forces") | Some("state"));
                    st = match (actor_cc, place_cc) {
                        (Some(a), Some(p)) if a == p && state_side => {
                            "Government regains territory".into()
                        }
                        (Some(_), Some(_)) => "Non-state actor overtakes territory".into(),
                        _ => st,
                    };
                }
                if m.class == "kill"
                    && m.weapon.is_none()
                    && m.actor2.is_none()
                    && m.actor1.is_none()
                {
                    et = "Violence against civilians".into();
                    st = "Attack".into();
                }
                doc.events.push(EventRec {
                    class: m.class.clone(),
                    event_type: et,
                    sub_event_type: st,
                    actor1: m.actor1,
                    actor2: m.actor2,
                    place: m.place,
                    date: m.date.clone(),
                    time_precision: m.time_precision,
                    fatalities: m.fatalities,
                    evidence: vec![m.evidence],
                    trigger: m.trigger.clone(),
                    claims: Vec::new(),
                });
                doc.events.len() - 1
            }
        };
        doc.events[ei].claims.push(claim_id);
        doc.claims.push(ClaimRec {
            event: ei,
            source: m.source,
            denies: m.denies,
            hedge: m.hedge,
            start: m.evidence.0,
            end: m.evidence.1,
            contradicts: Vec::new(),
        });
    }
    let _ = gaz;
}

/// Outcomes that cannot both hold, claimed by opposing sides.
fn contradictions(doc: &mut Doc) {
    let n = doc.events.len();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    // where each event is first told: claims far apart in a long text are about different moments
    let told: Vec<usize> = doc
        .events
        .iter()
        .map(|e| {
            e.evidence
                .first()
                .and_then(|ev| doc.text.sentence_at(ev.0))
                .unwrap_or(0)
        })
        .collect();
    for a in 0..n {
        for b in a.saturating_sub(WINDOW)..(a + WINDOW).min(n) {
            if a == b || told[a].abs_diff(told[b]) > MAX_SENTENCES_APART {
                continue;
            }
            let (ea, eb) = (&doc.events[a], &doc.events[b]);
            let same_place = ea.place.is_some() && ea.place == eb.place;
            let side = |x: Option<usize>| doc.side_of(x).map(str::to_string);
            let conflict = match (ea.class.as_str(), eb.class.as_str()) {
                // a claimed gain against a claim that the same side's attacks there (or everywhere) failed
                ("gain", "repelled") => {
                    side(ea.actor1).is_some()
                        && side(ea.actor1) == side(eb.actor1)
                        && (same_place || eb.place.is_none())
                }
                // a claimed gain against a claim that the same side's troops there are being destroyed
                ("gain", "defeat") => {
                    same_place
                        && side(ea.actor1).is_some()
                        && (side(ea.actor1) == side(eb.actor2)
                            || side(eb.actor1).is_some() && side(ea.actor1) != side(eb.actor1))
                }
                // each side blames the other for the same strike
                _ if a < b
                    && family(&ea.class) == "violence"
                    && family(&eb.class) == "violence" =>
                {
                    same_place
                        && side(ea.actor1).is_some()
                        && side(eb.actor1).is_some()
                        && side(ea.actor1) != side(eb.actor1)
                }
                _ => false,
            };
            if conflict {
                pairs.push((a, b));
            }
        }
    }
    for (a, b) in pairs {
        let ca = doc.events[a].claims.clone();
        let cb = doc.events[b].claims.clone();
        for &x in &ca {
            for &y in &cb {
                let sx = doc.side_of(doc.claims[x].source).map(str::to_string);
                let sy = doc.side_of(doc.claims[y].source).map(str::to_string);
                if sx.is_some() && sy.is_some() && sx != sy {
                    if !doc.claims[x].contradicts.contains(&y) {
                        doc.claims[x].contradicts.push(y);
                    }
                    if !doc.claims[y].contradicts.contains(&x) {
                        doc.claims[y].contradicts.push(x);
                    }
                }
            }
        }
    }
    // a denial and an assertion of the same event
    for e in 0..n {
        let cl = doc.events[e].claims.clone();
        for &x in &cl {
            for &y in &cl {
                if x != y
                    && doc.claims[x].denies != doc.claims[y].denies
                    && !doc.claims[x].contradicts.contains(&y)
                {
                    doc.claims[x].contradicts.push(y);
                }
            }
        }
    }
}

/// The verification of a claim, from its hedge, contradictions and the other claims of its event.
pub fn verification(doc: &Doc, claim: usize) -> &'static str {
    let c = &doc.claims[claim];
    if !c.contradicts.is_empty() {
        return "disputed";
    }
    if c.hedge.is_some() {
        return "unconfirmed";
    }
    let my_side = doc.side_of(c.source);
    let others = doc.events[c.event]
        .claims
        .iter()
        .filter(|&&o| o != claim)
        .any(|&o| {
            let oc = &doc.claims[o];
            oc.source.is_some()
                && oc.source != c.source
                && !oc.denies
                && (my_side.is_none() || doc.side_of(oc.source) != my_side)
        });
    if others && c.source.is_some() {
        "corroborated"
    } else {
        "single-source"
    }
}

#[cfg(test)]
mod tests;
