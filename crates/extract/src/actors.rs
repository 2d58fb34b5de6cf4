//! Actors: known actors from the data file, people introduced by roles or given names, organisations,
//! armed forces, anonymous sources, and pronouns joined to the person they stand for.
//!
//! Writes: the actors layer (`Doc::actors`, `Doc::actor_mentions`). This module is its one writer: other stages
//! ask it for an actor (`intern`, `forces_of`) or a mention (`add_mention`); [`from_metonyms`] runs after the
//! places stage and turns its metonyms into state actors.
//! Reads: the text and its sentences; the lexicon's known actors, given names, roles, speech verbs and stop names
//! (`actors.tsv`, `given_names.tsv`, `roles.txt`, `speech_verbs.txt`, `stop_names.txt`), `lists/org_heads.txt`,
//! `place_nouns.txt`, the `actors.*` patterns of `patterns.tsv`; the gazetteer's demonyms and countries.

use crate::doc::{
    capitalised_runs, is_capitalised, words, ActorMention, ActorRec, Doc, MentionKind,
};
use crate::lexicon::Lexicon;
use crate::rules::{DataFiles, Patterns as PatternTable, RulesError};
use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use sitrep_gazetteer::Gazetteer;
use sitrep_ledger::ActorKind;
use sitrep_text::Text;
use std::collections::HashSet;

struct Patterns {
    forces: Regex,
    anon: Regex,
    source_in: Regex,
    ministry: Regex,
    pronoun: Regex,
    they: Regex,
}

/// The rules of the actors stage: the known-actor matcher over the lexicon's aliases, `lists/org_heads.txt`,
/// `place_nouns.txt` and the `actors.*` patterns.
pub struct ActorRules {
    /// Every alias of `actors.tsv`, leftmost-longest.
    known: AhoCorasick,
    /// Head words that make a capitalised run an organisation ("Ministry", "Regiment").
    org_heads: HashSet<String>,
    /// Nouns that end place names, not people's ("Henry County").
    place_nouns: HashSet<String>,
    patterns: Patterns,
    /// State forces named without a country, longest phrase first, and whether they are police
    /// (`lists/unnamed_forces.tsv`).
    unnamed_forces: Vec<(String, bool)>,
}

impl ActorRules {
    pub fn load(files: &DataFiles, p: &PatternTable, lex: &Lexicon) -> Result<Self, RulesError> {
        let known = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(lex.actor_aliases.iter().map(|(a, _)| a.as_str()))
            .map_err(|e| RulesError {
                file: "actors.tsv".into(),
                line: None,
                message: format!("the aliases do not build a matcher: {e}"),
            })?;
        const UNNAMED: &str = "lists/unnamed_forces.tsv";
        let mut unnamed_forces = Vec::new();
        for (n, l) in files.lines(UNNAMED)? {
            let (phrase, kind) = l.split_once('\t').unwrap_or((l.as_str(), ""));
            let police = match kind.trim() {
                "military" => false,
                "police" => true,
                k => {
                    return Err(files.error(
                        UNNAMED,
                        n,
                        format!("forces {k:?}: military or police"),
                    ));
                }
            };
            unnamed_forces.push((phrase.trim().to_ascii_lowercase(), police));
        }
        unnamed_forces.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        Ok(ActorRules {
            unnamed_forces,
            known,
            org_heads: files.set("lists/org_heads.txt")?,
            place_nouns: files.set("place_nouns.txt")?,
            patterns: Patterns {
                forces: p.get("actors.forces")?,
                anon: p.get("actors.anon")?,
                source_in: p.get("actors.source_in")?,
                ministry: p.get("actors.ministry")?,
                pronoun: p.get("actors.pronoun")?,
                they: p.get("actors.they")?,
            },
        })
    }
}

/// Country code and country name for a demonym or a country name ("Ukrainian", "Ukraine", "Russia's").
pub fn country_of(gaz: &Gazetteer, word: &str) -> Option<(String, String)> {
    let w = word.trim_end_matches("'s");
    if let Some(cc) = gaz.demonym(w) {
        let name = gaz
            .country(cc)
            .map(|c| c.name)
            .unwrap_or_else(|| cc.to_string());
        return Some((cc.to_string(), name));
    }
    if !is_capitalised(w) {
        return None;
    }
    gaz.lookup(w)
        .into_iter()
        .find(|c| c.feature_code.starts_with("PCL"))
        .map(|c| (c.country_code.clone(), c.name.clone()))
}

/// The canonical name of a country's armed forces (ACLED style).
pub fn forces_name(country: &str) -> String {
    format!("Military Forces of {country}")
}

pub fn recognise(doc: &mut Doc, gaz: &Gazetteer) {
    // each step reads the mentions of the steps before it
    let steps: [fn(&mut Doc, &Gazetteer); 10] = [
        known,
        ministries,
        forces,
        people,
        organisations,
        anonymous,
        surnames,
        unknown_speakers,
        pronouns,
        armed_they,
    ];
    for step in steps {
        step(doc, gaz);
        flush_mentions(doc);
    }
}

/// How far before a phrase, in bytes, a mention that covers it can start (actor names are shorter).
const MENTION_REACH: usize = 160;

/// The one country a report's places and demonyms lie in; none when they lie in two or more, or nowhere known.
fn only_country(doc: &Doc) -> Option<String> {
    let mut found: Option<&str> = None;
    for m in &doc.place_mentions {
        let Some(c) = doc.places[m.place].resolved.as_ref() else {
            continue;
        };
        match found {
            None => found = Some(c.country_code.as_str()),
            Some(f) if f != c.country_code => return None,
            Some(_) => {}
        }
    }
    found.map(str::to_string)
}

/// State forces named without their country ("the army said", "police arrested"): in a report of one country,
/// that country's military or police forces (`lists/unnamed_forces.tsv`); run after the places stage, whose
/// mentions it reads. A phrase an actor mention already covers is left to it.
pub fn unnamed_forces(doc: &mut Doc, gaz: &Gazetteer) {
    let Some(cc) = only_country(doc) else {
        return;
    };
    let lower = doc.text.lower();
    let view = doc.view();
    let mut spans: Vec<(usize, usize, bool)> = Vec::new();
    for (phrase, police) in &doc.rules.actors.unnamed_forces {
        for (s, _) in lower.match_indices(phrase.as_str()) {
            let e = s + phrase.len();
            let taken = spans.iter().any(|&(a, b, _)| a < e && s < b)
                || doc
                    .actors_within(s.saturating_sub(MENTION_REACH), e)
                    .any(|m| m.start < e && s < m.end);
            if boundary_ok(view, s, e) && !taken {
                spans.push((s, e, *police));
            }
        }
    }
    if spans.is_empty() {
        return;
    }
    let country = country_name(gaz, &cc);
    for (s, e, police) in spans {
        let (name, role) = if police {
            (format!("Police Forces of {country}"), Some("police"))
        } else {
            (forces_name(&country), None)
        };
        let id = intern(doc, &name, ActorKind::ArmedForces, Some(&cc), role);
        add_mention(doc, s, e, id, false);
    }
    flush_mentions(doc);
}

/// Metonyms and country subjects become state actors ("Kyiv denied" -> Ukraine): run after the places stage,
/// whose metonym mentions it reads.
pub fn from_metonyms(doc: &mut Doc, gaz: &Gazetteer) {
    let items: Vec<(usize, usize, usize)> = doc
        .place_mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Metonym)
        .map(|m| (m.start, m.end, m.place))
        .collect();
    for (s, e, p) in items {
        let Some(c) = doc.places[p].resolved.clone() else {
            continue;
        };
        let country = gaz
            .country(&c.country_code)
            .map(|k| k.name)
            .unwrap_or(c.name.clone());
        let id = intern(
            doc,
            &country,
            ActorKind::State,
            Some(&c.country_code),
            Some("government"),
        );
        add_mention(doc, s, e, id, false);
    }
    flush_mentions(doc);
}

/// The gazetteer's name of a country code ("UA" -> "Ukraine"); the code itself when the gazetteer lacks it.
pub(crate) fn country_name(gaz: &Gazetteer, cc: &str) -> String {
    gaz.country(cc)
        .map(|c| c.name)
        .unwrap_or_else(|| cc.to_string())
}

/// The armed forces actor of a country code ("Military Forces of Ukraine").
pub(crate) fn forces_of(doc: &mut Doc, gaz: &Gazetteer, cc: &str) -> usize {
    let country = country_name(gaz, cc);
    intern(
        doc,
        &forces_name(&country),
        ActorKind::ArmedForces,
        Some(cc),
        None,
    )
}

/// Finds or adds an actor by canonical name; fills missing details. The one place where actors are created:
/// other stages ask for an actor here.
pub(crate) fn intern(
    doc: &mut Doc,
    name: &str,
    kind: ActorKind,
    affiliation: Option<&str>,
    role: Option<&str>,
) -> usize {
    if let Some(i) = doc
        .actors
        .iter()
        .position(|a| a.name.eq_ignore_ascii_case(name))
    {
        let a = &mut doc.actors[i];
        if a.affiliation.is_none() {
            a.affiliation = affiliation.map(str::to_string);
        }
        if a.role.is_none() {
            a.role = role.map(str::to_string);
        }
        return i;
    }
    doc.actors.push(ActorRec {
        name: name.to_string(),
        kind,
        affiliation: affiliation.map(str::to_string),
        role: role.map(str::to_string),
        gender: None,
    });
    doc.actors.len() - 1
}

/// Adds an actor mention unless it overlaps one already there. Mentions wait in a pending list until
/// [`flush_mentions`] merges them in one pass (no insertion into the middle of a long list).
pub(crate) fn add_mention(doc: &mut Doc, start: usize, end: usize, actor: usize, pronoun: bool) {
    if start >= end || doc.actor_overlapping(start, end) {
        return;
    }
    let m = ActorMention {
        start,
        end,
        actor,
        pronoun,
    };
    let i = doc.pending_actors.partition_point(|x| x.start < start);
    doc.pending_actors.insert(i, m);
}

/// Merges pending actor mentions into the sorted list (a stage that adds mentions flushes before it returns).
pub(crate) fn flush_mentions(doc: &mut Doc) {
    if doc.pending_actors.is_empty() {
        return;
    }
    let old = std::mem::take(&mut doc.actor_mentions);
    let new = std::mem::take(&mut doc.pending_actors);
    let mut out = Vec::with_capacity(old.len() + new.len());
    let (mut a, mut b) = (old.into_iter().peekable(), new.into_iter().peekable());
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x.start <= y.start,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let m = if take_a { a.next() } else { b.next() }.expect("peeked");
        if out.last().is_none_or(|l: &ActorMention| l.end <= m.start) {
            out.push(m);
        }
    }
    doc.actor_mentions = out;
}

fn boundary_ok(view: &str, s: usize, e: usize) -> bool {
    let before = view[..s].chars().next_back();
    let after = view[e..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

fn known(doc: &mut Doc, _gaz: &Gazetteer) {
    let lex = &doc.rules.lexicon;
    let view = doc.view();
    let m = &doc.rules.actors.known;
    for hit in m.find_iter(view) {
        let (s, e) = (hit.start(), hit.end());
        if !boundary_ok(view, s, e) {
            continue;
        }
        // a short all-caps alias ("IS", "AP") must be written in capitals; skip when it is an ordinary word
        let alias = &lex.actor_aliases[hit.pattern().as_usize()];
        if alias.0.len() <= 2
            && words(doc.text, s, e).len() == 1
            && !view[s..e].chars().all(|c| c.is_uppercase())
        {
            continue;
        }
        let k = &lex.actors[alias.1];
        let id = intern(
            doc,
            &k.name,
            k.kind,
            k.affiliation.as_deref(),
            k.role.as_deref(),
        );
        if k.kind == ActorKind::Person {
            let first = k.name.split(' ').next().unwrap_or("");
            doc.actors[id].gender = lex.given_names.get(first).copied();
        }
        add_mention(doc, s, e, id, false);
    }
}

fn ministries(doc: &mut Doc, gaz: &Gazetteer) {
    let view = doc.view();
    for c in doc.rules.actors.patterns.ministry.captures_iter(view) {
        let all = c.get(0).unwrap();
        if let Some((cc, country)) = country_of(gaz, &c[1]) {
            let kind = if c[2].starts_with("defen") {
                ActorKind::ArmedForces
            } else {
                ActorKind::State
            };
            let name = format!("{} {} ministry", country, c[2].to_ascii_lowercase());
            let id = intern(doc, &name, kind, Some(&cc), None);
            add_mention(doc, all.start(), all.end(), id, false);
        }
    }
}

fn forces(doc: &mut Doc, gaz: &Gazetteer) {
    let view = doc.view();
    for c in doc.rules.actors.patterns.forces.captures_iter(view) {
        let all = c.get(0).unwrap();
        let Some((cc, country)) = country_of(gaz, &c[1]) else {
            continue;
        };
        let id = intern(
            doc,
            &forces_name(&country),
            ActorKind::ArmedForces,
            Some(&cc),
            None,
        );
        add_mention(doc, all.start(), all.end(), id, false);
    }
}

/// Given the text before a name, the role phrase that ends there ("Russian militia leader", "the navy's spokesman,").
fn role_before(
    text: &Text,
    sent_start: usize,
    name_start: usize,
    lex: &Lexicon,
) -> Option<(usize, String)> {
    let view = text.view();
    let before = view[sent_start..name_start]
        .trim_end()
        .trim_end_matches(',')
        .trim_end();
    let lower = before.to_ascii_lowercase();
    for r in &lex.roles {
        if lower.ends_with(r.as_str()) {
            let rs = lower.len() - r.len();
            if rs > 0 && lower.as_bytes()[rs - 1].is_ascii_alphanumeric() {
                continue;
            }
            // extend the role leftwards over modifiers: up to 4 words, stopping at punctuation other than ' and -
            let ws = words(text, sent_start, sent_start + rs);
            let mut start = sent_start + rs;
            for &(s, e) in ws.iter().rev().take(4) {
                let gap = &view[e..start];
                if !gap.chars().all(|c| c == ' ') {
                    break;
                }
                let w = &view[s..e];
                if matches!(
                    w.to_ascii_lowercase().as_str(),
                    "the" | "a" | "an" | "said" | "and" | "by" | "to" | "of" | "that" | "according"
                ) {
                    break;
                }
                start = s;
            }
            let role = view[start..sent_start + before.len()].to_string();
            return Some((start, role));
        }
    }
    None
}

/// The role in an appositive right after a name: ", the Russian-installed governor of the Kherson region,".
fn role_after(view: &str, name_end: usize, sent_end: usize) -> Option<String> {
    let rest = &view[name_end..sent_end];
    let r = rest.strip_prefix(", ")?;
    let r2 = r
        .strip_prefix("the ")
        .or_else(|| r.strip_prefix("a "))
        .or_else(|| r.strip_prefix("an "))?;
    let end = r2.find([',', ';', '.', '"'])?;
    let role = r2[..end].trim();
    (role.split(' ').count() <= 12 && !role.is_empty()).then(|| role.to_string())
}

fn affiliation_in(gaz: &Gazetteer, phrase: &str) -> Option<String> {
    for w in phrase.split([' ', ',']) {
        let w = w.trim_end_matches("'s");
        for part in [w, w.split('-').next().unwrap_or(w)] {
            if is_capitalised(part) {
                if let Some((cc, _)) = country_of(gaz, part) {
                    return Some(cc);
                }
            }
        }
    }
    None
}

fn people(doc: &mut Doc, gaz: &Gazetteer) {
    let lex = &doc.rules.lexicon;
    let view = doc.view();
    let sentences = doc.sentence_spans();
    for (ss, se) in sentences {
        for run in capitalised_runs(doc.text, ss, se, false) {
            let toks = &run.tokens;
            // split off leading role words inside the run ("Defence Minister Hanna Maliar")
            let mut k = 0;
            for i in 0..toks.len() {
                let phrase = view[toks[0].0..toks[i].1].to_ascii_lowercase();
                if lex.roles.iter().any(|r| phrase.ends_with(r.as_str())) {
                    k = i + 1;
                }
            }
            let name_toks = &toks[k..];
            if name_toks.is_empty() || name_toks.len() > 3 {
                continue;
            }
            let (ns, ne) = (name_toks[0].0, name_toks[name_toks.len() - 1].1);
            if doc.actor_overlapping(ns, ne) {
                continue;
            }
            let first = &view[name_toks[0].0..name_toks[0].1];
            if lex.stop_names.contains(&first.to_ascii_lowercase()) {
                continue;
            }
            // "Henry County", "Jackson Township": a place's name
            let last = &view[name_toks[name_toks.len() - 1].0..ne];
            if name_toks.len() >= 2 && doc.rules.actors.place_nouns.contains(last) {
                continue;
            }
            let given = lex.given_names.get(first).copied();
            let role = if k > 0 {
                let inner = view[toks[0].0..toks[k - 1].1].to_string();
                Some(match role_before(doc.text, ss, toks[0].0, lex) {
                    Some((_, r)) => format!("{r} {inner}"),
                    None => {
                        // modifiers before the in-run role ("Russian President Vladimir Putin")
                        let pre = words(doc.text, ss, toks[0].0);
                        match pre.last() {
                            Some(&(s, e))
                                if country_of(gaz, &view[s..e]).is_some()
                                    && view[e..toks[0].0].trim().is_empty() =>
                            {
                                format!("{} {inner}", &view[s..e])
                            }
                            _ => inner,
                        }
                    }
                })
            } else {
                role_before(doc.text, ss, ns, lex).map(|(_, r)| r)
            };
            // an appositive role after a two- or three-word name ("Nazar Voloshyn, a spokesman for ...")
            let role = role.or_else(|| {
                let r = role_after(view, ne, se)?;
                let starts_with_role = r.split(' ').take(4).any(|w| {
                    let w = w.trim_end_matches(',').to_ascii_lowercase();
                    lex.roles.contains(&w)
                });
                (given.is_some() || name_toks.len() >= 2 && starts_with_role).then_some(r)
            });
            // "said Nazar Voloshyn": a two-word name right after a verb of saying
            let after_speech = name_toks.len() >= 2
                && words(doc.text, ss, ns).last().is_some_and(|&(s, e)| {
                    lex.is_speech_verb(&view[s..e]) && view[e..ns].trim().is_empty()
                });
            let looks_like_name = name_toks.len() >= 2 && (given.is_some() || after_speech);
            if role.is_none() && !looks_like_name {
                continue;
            }
            if name_toks.len() == 1 && given.is_some() {
                continue; // a lone given name is too weak
            }
            // "Hong Kong", "San Marino": a given name at the head of a country's, a region's or a
            // large city's name is the place's, unless a role says a person
            if role.is_none()
                && gaz.lookup(&view[ns..ne]).iter().any(|c| {
                    c.feature_code.starts_with("PCL")
                        || c.feature_code == "ADM1"
                        || c.population >= 1_000_000
                })
            {
                continue;
            }
            // a role before a single capitalised word that the gazetteer knows is more likely a place ("the mayor of Kherson")
            let name = view[ns..ne].to_string();
            if name_toks.len() == 1 && !gaz.lookup(&name).is_empty() && k == 0 {
                continue;
            }
            let role_txt = role.clone().or_else(|| role_after(view, ne, se));
            let aff = role_txt.as_deref().and_then(|r| affiliation_in(gaz, r));
            let id = intern(
                doc,
                &name,
                ActorKind::Person,
                aff.as_deref(),
                role_txt.as_deref(),
            );
            if doc.actors[id].gender.is_none() {
                doc.actors[id].gender = given;
            }
            add_mention(doc, ns, ne, id, false);
        }
    }
}

fn organisations(doc: &mut Doc, gaz: &Gazetteer) {
    let view = doc.view();
    let sentences = doc.sentence_spans();
    for (ss, se) in sentences {
        for run in capitalised_runs(doc.text, ss, se, true) {
            let mut toks = run.tokens.clone();
            // drop a leading article, possessive country or "X-based"
            let mut aff = None;
            while let Some(&(s, e)) = toks.first() {
                let w = &view[s..e];
                if w == "The" || w == "A" {
                    toks.remove(0);
                } else if w.ends_with("'s") || w.ends_with("-based") || w.ends_with("-backed") {
                    let base = w.trim_end_matches("-based").trim_end_matches("-backed");
                    aff = affiliation_in(gaz, base).or_else(|| {
                        // "London-based": the country of the most populous place of that name
                        (base.len() > 2 && w.ends_with("-based"))
                            .then(|| {
                                gaz.lookup(base)
                                    .into_iter()
                                    .filter(|c| c.feature_class == 'P')
                                    .max_by_key(|c| c.population)
                            })
                            .flatten()
                            .map(|c| c.country_code)
                    });
                    toks.remove(0);
                } else {
                    break;
                }
            }
            while toks
                .last()
                .is_some_and(|&(s, e)| matches!(&view[s..e], "of" | "for" | "the" | "and" | "on"))
            {
                toks.pop();
            }
            if toks.len() < 2 {
                continue;
            }
            let (s, e) = (toks[0].0, toks[toks.len() - 1].1);
            if doc.actor_overlapping(s, e) {
                continue;
            }
            let has_head = toks
                .iter()
                .any(|&(a, b)| doc.rules.actors.org_heads.contains(&view[a..b]));
            if !has_head {
                continue;
            }
            let name = view[s..e].to_string();
            let aff = aff.or_else(|| affiliation_in(gaz, &name));
            let kind = if name.contains("Forces")
                || name.contains("Army")
                || name.contains("Navy")
                || name.contains("General Staff")
            {
                ActorKind::ArmedForces
            } else {
                ActorKind::Organization
            };
            let id = intern(doc, &name, kind, aff.as_deref(), None);
            add_mention(doc, s, e, id, false);
        }
    }
}

fn anonymous(doc: &mut Doc, gaz: &Gazetteer) {
    let view = doc.view();
    // "a source in the SBU security service": the source speaks for the organisation named after it
    let mut found = Vec::new();
    for m in doc.rules.actors.patterns.source_in.find_iter(view) {
        if let Some(am) = doc
            .actors_within(m.end(), m.end() + 200)
            .next()
            .filter(|a| a.start == m.end())
        {
            found.push((m.start(), am.end, am.actor));
        }
    }
    if !found.is_empty() {
        doc.actor_mentions
            .retain(|m| !found.iter().any(|&(s, e, _)| m.start >= s && m.end <= e));
    }
    for (s, e, a) in found {
        add_mention(doc, s, e, a, false);
    }
    for c in doc.rules.actors.patterns.anon.captures_iter(view) {
        let g = c.get(1).unwrap();
        if doc.actor_overlapping(g.start(), g.end()) {
            continue;
        }
        let phrase = g.as_str();
        let first = phrase.split([' ', '-']).next().unwrap_or("");
        let aff = if is_capitalised(first) {
            match country_of(gaz, first) {
                Some((cc, _)) => Some(cc),
                None => continue,
            }
        } else {
            affiliation_in(gaz, phrase)
        };
        let id = intern(
            doc,
            phrase,
            ActorKind::Organization,
            aff.as_deref(),
            Some("anonymous source"),
        );
        add_mention(doc, g.start(), g.end(), id, false);
    }
}

/// A single capitalised name that nothing else recognised, opening a clause and followed by a verb of saying
/// ("Rybar claimed that ...", "Ukrinform reported"), is a source in its own right.
fn unknown_speakers(doc: &mut Doc, gaz: &Gazetteer) {
    let lex = &doc.rules.lexicon;
    let view = doc.view();
    let sentences = doc.sentence_spans();
    for (ss, se) in sentences {
        let toks = words(doc.text, ss, se);
        for i in 0..toks.len().saturating_sub(1) {
            let (s, e) = toks[i];
            let w = &view[s..e];
            let next = &view[toks[i + 1].0..toks[i + 1].1];
            if !crate::doc::is_capitalised(w)
                || !lex.is_speech_verb(next)
                || !view[e..toks[i + 1].0].trim().is_empty()
            {
                continue;
            }
            // the clause opens here: sentence start, or after a comma, "that", "and", "but"
            let opens = i == 0 || {
                let gap = view[toks[i - 1].1..s].trim();
                let prev = view[toks[i - 1].0..toks[i - 1].1].to_ascii_lowercase();
                gap.ends_with(',')
                    || gap.ends_with(';')
                    || matches!(prev.as_str(), "that" | "and" | "but" | "while")
            };
            let lower = w.to_ascii_lowercase();
            if !opens
                || w.len() < 3
                || lex.stop_names.contains(&lower)
                || doc.actor_overlapping(s, e)
                || gaz.demonym(w).is_some()
                || !gaz.lookup(w).is_empty()
                || w.chars().all(|c| c.is_ascii_digit())
            {
                continue;
            }
            let id = intern(doc, w, ActorKind::Organization, None, None);
            add_mention(doc, s, e, id, false);
        }
    }
}

/// Later single-word mentions of a person's surname join that person; not a word of a place's
/// name ("Kong" in "Hong Kong" when the text quotes a Ms Kong).
fn surnames(doc: &mut Doc, gaz: &Gazetteer) {
    let view = doc.view();
    let people: Vec<(usize, String)> = doc
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ActorKind::Person && a.name.contains(' '))
        .filter_map(|(i, a)| a.name.rsplit(' ').next().map(|s| (i, s.to_string())))
        .collect();
    if people.is_empty() {
        return;
    }
    let toks = words(doc.text, 0, view.len());
    for (k, &(s, e)) in toks.iter().enumerate() {
        let w = view[s..e].trim_end_matches("'s");
        if let Some((id, _)) = people.iter().find(|(_, sn)| sn == w) {
            let e2 = s + w.len();
            let in_place_name = k > 0 && {
                let (ps, pe) = toks[k - 1];
                view[pe..s] == *" "
                    && is_capitalised(&view[ps..pe])
                    && !gaz.lookup(&view[ps..e2]).is_empty()
            };
            if in_place_name {
                continue;
            }
            if !doc.actor_overlapping(s, e2) {
                add_mention(doc, s, e2, *id, false);
            }
        }
    }
}

/// "he said", "she added", "it said": joined to the nearest earlier person (of the same gender when known) or
/// organisation.
/// How far back, in bytes, "They" at the start of a sentence looks for the armed group it stands for (about the
/// sentence before).
const THEY_WINDOW: usize = 400;

/// "They" opening a sentence that tells what was done ("They killed 23 soldiers") stands for the armed group or
/// forces named last before it, within [`THEY_WINDOW`] bytes ("Taliban gunmen attacked the camp. They
/// killed ..."); not a speaker ("They said" is the pronoun rule's, for people).
fn armed_they(doc: &mut Doc, _gaz: &Gazetteer) {
    let view = doc.view();
    let mut adds = Vec::new();
    for c in doc.rules.actors.patterns.they.captures_iter(view) {
        let p = c.get(1).unwrap();
        let from = p.start().saturating_sub(THEY_WINDOW);
        let found = doc.actors_within(from, p.start()).rev().find(|m| {
            m.end <= p.start()
                && matches!(
                    doc.actors[m.actor].kind,
                    ActorKind::ArmedGroup | ActorKind::ArmedForces
                )
        });
        if let Some(m) = found {
            adds.push((p.start(), p.end(), m.actor));
        }
    }
    for (s, e, a) in adds {
        add_mention(doc, s, e, a, true);
    }
}

fn pronouns(doc: &mut Doc, _gaz: &Gazetteer) {
    let view = doc.view();
    let mut adds = Vec::new();
    for c in doc.rules.actors.patterns.pronoun.captures_iter(view) {
        let p = c.get(1).unwrap();
        let pr = p.as_str().to_ascii_lowercase();
        let want_person = pr != "it";
        let gender = match pr.as_str() {
            "he" => Some('m'),
            "she" => Some('f'),
            _ => None,
        };
        let found = doc.actors_within(0, p.start()).rev().take(200).find(|m| {
            let a = &doc.actors[m.actor];
            if want_person {
                a.kind == ActorKind::Person
                    && (gender.is_none() || a.gender.is_none() || a.gender == gender)
            } else {
                a.kind != ActorKind::Person
            }
        });
        if let Some(m) = found {
            adds.push((p.start(), p.end(), m.actor, gender));
        }
    }
    for (s, e, a, g) in adds {
        if doc.actors[a].gender.is_none() {
            doc.actors[a].gender = g;
        }
        add_mention(doc, s, e, a, true);
    }
}

#[cfg(test)]
mod tests;
