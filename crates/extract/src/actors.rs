//! Actors: known actors from the data file, people introduced by roles or given names, organisations,
//! armed forces, anonymous sources, and pronouns joined to the person they stand for.

use crate::doc::{capitalised_runs, is_capitalised, words, Doc};
use crate::lexicon::Lexicon;
use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use sitrep_gazetteer::Gazetteer;
use sitrep_ledger::ActorKind;
use std::sync::OnceLock;

/// Head words that make a capitalised run an organisation.
const ORG_HEADS: &[&str] = &[
    "Ministry",
    "Committee",
    "Institute",
    "Agency",
    "Council",
    "Service",
    "Company",
    "Corporation",
    "Command",
    "Staff",
    "Guard",
    "Office",
    "Department",
    "Directorate",
    "Commission",
    "Court",
    "Bank",
    "Party",
    "Organization",
    "Organisation",
    "Union",
    "Group",
    "Brigade",
    "Battalion",
    "Regiment",
    "Division",
    "Corps",
    "Fleet",
    "Center",
    "Centre",
    "Foundation",
    "Parliament",
    "Government",
    "Administration",
    "Police",
    "Army",
    "Navy",
    "Forces",
];

/// Nouns that, after a demonym or a country's possessive, name a country's armed forces.
const FORCE_NOUNS: &str = r"troops|forces|military|army|soldiers|servicemen|marines|navy|artillery|units|paratroopers|defence forces|defense forces|armed forces|air force|air defences|air defenses|border guards|infantry|fighters|sailors|gunners|assault groups|brigades?";

/// Nouns of anonymous sources.
const SOURCE_NOUNS: &str = r"officials|official|sources|source|authorities|spokesman|spokeswoman|spokesperson|administration|government|military|officers";

fn known_matcher(lex: &Lexicon) -> &'static AhoCorasick {
    static M: OnceLock<AhoCorasick> = OnceLock::new();
    M.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(lex.actor_aliases.iter().map(|(a, _)| a.as_str()))
            .expect("actor alias automaton")
    })
}

fn re(pat: &str) -> Regex {
    Regex::new(pat).expect("actor pattern")
}

struct Patterns {
    forces: Regex,
    its_forces: Regex,
    anon: Regex,
    source_in: Regex,
    ministry: Regex,
    pronoun: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        forces: re(&format!(
            r"\b(?:(?:the|a|an)\s+)?([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)(?:'s)?\s+(?:(?:own|state|regular|elite|special|ground|naval|allied|pro-\w+)\s+)?(?:{FORCE_NOUNS})\b"
        )),
        its_forces: re(&format!(r"\b(?:its|their)\s+(?:own\s+)?(?:{FORCE_NOUNS})\b")),
        anon: re(&format!(
            r"\b(?:(?:the|a|an|some|two|three|several)\s+)?((?:[A-Z][A-Za-z]+(?:'s)?(?:-installed|-backed|-appointed)?\s+|[a-z]+-(?:installed|backed|appointed)\s+)(?:(?:senior|local|military|defence|defense|security|government|intelligence|regional|occupation|western|top)\s+){{0,2}}(?:{SOURCE_NOUNS}))\b"
        )),
        source_in: re(r"\b(?:a|an|one)\s+(?:senior\s+)?(?:source|official)\s+(?:in|at|from|with)\s+(?:the\s+)?"),
        ministry: re(r"\b(?:the\s+)?([A-Z][a-z]+)(?:'s)?\s+(defen[cs]e|foreign|interior|emergencies|health|energy)\s+ministry\b"),
        pronoun: re(r"\b([Hh]e|[Ss]he|[Ii]t)\s+(?:\w+ly\s+)?(said|says|added|told|stated|claimed|wrote|noted|warned|insisted|explained|continued|spoke|argued|denied|accused|announced|replied)\b"),
    })
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
    let lex = Lexicon::get();
    let view = doc.view();
    known(doc, lex);
    doc.flush_actor_mentions();
    ministries(doc, gaz);
    doc.flush_actor_mentions();
    forces(doc, gaz);
    doc.flush_actor_mentions();
    people(doc, gaz, lex);
    doc.flush_actor_mentions();
    organisations(doc, gaz);
    doc.flush_actor_mentions();
    anonymous(doc, gaz);
    doc.flush_actor_mentions();
    surnames(doc, gaz);
    doc.flush_actor_mentions();
    unknown_speakers(doc, gaz, lex);
    doc.flush_actor_mentions();
    pronouns(doc, lex);
    doc.flush_actor_mentions();
    let _ = view;
}

fn boundary_ok(view: &str, s: usize, e: usize) -> bool {
    let before = view[..s].chars().next_back();
    let after = view[e..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

fn known(doc: &mut Doc, lex: &Lexicon) {
    let view = doc.view();
    let m = known_matcher(lex);
    for hit in m.find_iter(view) {
        let (s, e) = (hit.start(), hit.end());
        if !boundary_ok(view, s, e) {
            continue;
        }
        // a short all-caps alias ("IS", "AP") must be written in capitals; skip when it is an ordinary word
        let alias = &lex.actor_aliases[hit.pattern().as_usize()];
        if alias.0.len() <= 2
            && sitrep_text::tokens(view, s, e).count() == 1
            && !view[s..e].chars().all(|c| c.is_uppercase())
        {
            continue;
        }
        let k = &lex.actors[alias.1];
        let id = doc.actor(&k.name, k.kind, k.affiliation.as_deref(), k.role.as_deref());
        if k.kind == ActorKind::Person {
            let first = k.name.split(' ').next().unwrap_or("");
            doc.actors[id].gender = lex.given_names.get(first).copied();
        }
        doc.add_actor_mention(s, e, id, false);
    }
}

fn ministries(doc: &mut Doc, gaz: &Gazetteer) {
    let view = doc.view();
    for c in patterns().ministry.captures_iter(view) {
        let all = c.get(0).unwrap();
        if let Some((cc, country)) = country_of(gaz, &c[1]) {
            let kind = if c[2].starts_with("defen") {
                ActorKind::ArmedForces
            } else {
                ActorKind::State
            };
            let name = format!("{} {} ministry", country, c[2].to_ascii_lowercase());
            let id = doc.actor(&name, kind, Some(&cc), None);
            doc.add_actor_mention(all.start(), all.end(), id, false);
        }
    }
}

fn forces(doc: &mut Doc, gaz: &Gazetteer) {
    let view = doc.view();
    for c in patterns().forces.captures_iter(view) {
        let all = c.get(0).unwrap();
        let Some((cc, country)) = country_of(gaz, &c[1]) else {
            continue;
        };
        let id = doc.actor(
            &forces_name(&country),
            ActorKind::ArmedForces,
            Some(&cc),
            None,
        );
        doc.add_actor_mention(all.start(), all.end(), id, false);
    }
}

/// Given the text before a name, the role phrase that ends there ("Russian militia leader", "the navy's spokesman,").
fn role_before(
    view: &str,
    sent_start: usize,
    name_start: usize,
    lex: &Lexicon,
) -> Option<(usize, String)> {
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
            let ws = words(view, sent_start, sent_start + rs);
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

fn people(doc: &mut Doc, gaz: &Gazetteer, lex: &Lexicon) {
    let view = doc.view();
    let sentences = doc.sentence_spans();
    for (ss, se) in sentences {
        for run in capitalised_runs(view, ss, se, false) {
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
            if name_toks.len() >= 2 && place_nouns().contains(last) {
                continue;
            }
            let given = lex.given_names.get(first).copied();
            let role = if k > 0 {
                let inner = view[toks[0].0..toks[k - 1].1].to_string();
                Some(match role_before(view, ss, toks[0].0, lex) {
                    Some((_, r)) => format!("{r} {inner}"),
                    None => {
                        // modifiers before the in-run role ("Russian President Vladimir Putin")
                        let pre = words(view, ss, toks[0].0);
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
                role_before(view, ss, ns, lex).map(|(_, r)| r)
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
                && words(view, ss, ns).last().is_some_and(|&(s, e)| {
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
            let id = doc.actor(
                &name,
                ActorKind::Person,
                aff.as_deref(),
                role_txt.as_deref(),
            );
            if doc.actors[id].gender.is_none() {
                doc.actors[id].gender = given;
            }
            doc.add_actor_mention(ns, ne, id, false);
        }
    }
}

fn organisations(doc: &mut Doc, gaz: &Gazetteer) {
    let view = doc.view();
    let sentences = doc.sentence_spans();
    for (ss, se) in sentences {
        for run in capitalised_runs(view, ss, se, true) {
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
            let has_head = toks.iter().any(|&(a, b)| ORG_HEADS.contains(&&view[a..b]));
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
            let id = doc.actor(&name, kind, aff.as_deref(), None);
            doc.add_actor_mention(s, e, id, false);
        }
    }
}

fn anonymous(doc: &mut Doc, gaz: &Gazetteer) {
    let view = doc.view();
    // "a source in the SBU security service": the source speaks for the organisation named after it
    let mut found = Vec::new();
    for m in patterns().source_in.find_iter(view) {
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
        doc.add_actor_mention(s, e, a, false);
    }
    for c in patterns().anon.captures_iter(view) {
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
        let id = doc.actor(
            phrase,
            ActorKind::Organization,
            aff.as_deref(),
            Some("anonymous source"),
        );
        doc.add_actor_mention(g.start(), g.end(), id, false);
    }
    // "its troops" / "its marines": armed forces of whoever "its" stands for, settled in events
    let _ = patterns().its_forces;
}

/// A single capitalised name that nothing else recognised, opening a clause and followed by a verb of saying
/// ("Rybar claimed that ...", "Ukrinform reported"), is a source in its own right.
fn unknown_speakers(doc: &mut Doc, gaz: &Gazetteer, lex: &Lexicon) {
    let view = doc.view();
    let sentences = doc.sentence_spans();
    for (ss, se) in sentences {
        let toks = words(view, ss, se);
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
            let id = doc.actor(w, ActorKind::Organization, None, None);
            doc.add_actor_mention(s, e, id, false);
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
    let toks = words(view, 0, view.len());
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
                doc.add_actor_mention(s, e2, *id, false);
            }
        }
    }
}

/// "he said", "she added", "it said": joined to the nearest earlier person (of the same gender when known) or
/// organisation.
fn pronouns(doc: &mut Doc, lex: &Lexicon) {
    let view = doc.view();
    let _ = lex;
    let mut adds = Vec::new();
    for c in patterns().pronoun.captures_iter(view) {
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
        doc.add_actor_mention(s, e, a, true);
    }
}

#[cfg(test)]
mod tests;

/// Nouns that end place names ("County", "Township"), from data/place_nouns.txt.
fn place_nouns() -> &'static std::collections::HashSet<&'static str> {
    static N: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    N.get_or_init(|| {
        include_str!("../data/place_nouns.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}
