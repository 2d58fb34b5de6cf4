//! The actors of an event: actor1 (the agent) and actor2 (the patient) from the cue's clause — active voice,
//! passive with "by", a failed attack ("X repelled Y's attack": Y is actor1), "X blamed Y for the attack", a
//! demonym right before the cue ("Ukrainian artillery"), "its troops" and "we" as the source's side, and for an
//! unstated attacker the side opposing the victim. A speaker is a source, not an actor of the event.
//!
//! Writes: no layer; the forces of a side are asked of the actors stage (`actors::forces_of`).
//! Reads: the actors and places layers, the lexicon's speech verbs and the `events.blamed` pattern.

use super::{opposing, perpetrators, Clause};
use crate::actors::forces_of;
use crate::attribution::subject_before;
use crate::doc::{ActorMention, Doc, MentionKind};
use sitrep_gazetteer::Gazetteer;
use sitrep_ledger::{ActorKind, Outcome};

/// The actor mentions of a clause around its cue, speakers left out, and a demonym right before the cue
/// ("Ukrainian attacks", "Ukrainian artillery").
struct Near {
    before: Vec<ActorMention>,
    after: Vec<ActorMention>,
    /// The country code of that demonym.
    demonym_before: Option<String>,
}

/// (actor1, actor2) of the clause; `source` is filled when a blame names it ("X blamed Y for ...").
pub(super) fn of_clause(
    doc: &mut Doc,
    gaz: &Gazetteer,
    sides: &[String],
    c: &Clause,
    source: &mut Option<usize>,
    country: Option<&str>,
) -> (Option<usize>, Option<usize>) {
    let near = near(doc, c);
    let blamed = blamed(doc, gaz, c, source);
    let (mut actor1, mut actor2) = if c.cue.class == Outcome::Repelled {
        repelled(doc, gaz, c, &near, *source)
    } else if c.passive {
        (by_agent(doc, c), near.before.last().map(|m| m.actor))
    } else {
        active(doc, gaz, c, &near)
    };
    // "the general died after a bomb went off": who died is the target, never the attacker
    let victims = &doc.rules.events.victims;
    let lower = doc.text.lower();
    // the outcome word within the two words right after the actor ("Gladkikh died", "the general later died");
    // not further on ("militants left five dead")
    let died_before_cue = near.before.last().is_some_and(|m| {
        Some(m.actor) == actor1
            && lower[m.end..c.cue.start]
                .split_whitespace()
                .take(2)
                .any(|w| victims.is_outcome(w.trim_matches(|ch: char| !ch.is_ascii_alphanumeric())))
    });
    let outcome = victims.is_outcome(&c.trigger.to_ascii_lowercase());
    if (outcome && !c.passive || died_before_cue) && actor1.is_some() {
        actor2 = actor2.or(actor1);
        actor1 = None;
    }
    if blamed.is_some() {
        actor1 = blamed;
    }
    if let Some(r) = responsible(doc, c) {
        actor1 = Some(r);
    }
    if actor1.is_none() && c.cue.class != Outcome::Repelled {
        let cue = (c.cue.start, c.cue.end);
        actor1 = perpetrators::of_clause(doc, gaz, c.clause, cue, c.passive, country);
    }
    if actor1.is_none() {
        actor1 = unstated(doc, gaz, sides, c, *source, near.before.is_empty(), actor2);
    }
    if actor1 == actor2 {
        actor2 = None;
    }
    (actor1, actor2)
}

fn near(doc: &Doc, c: &Clause) -> Near {
    let lex = &doc.rules.lexicon;
    let view = doc.view();
    let (ss, se) = c.sentence;
    let (clause_start, clause_end) = c.clause;
    let (cue_start, cue_end) = (c.cue.start, c.cue.end);
    // actors in the clause
    // a speaker ("he said", "officials told"); a pronoun is one unless it opens what was done ("They killed")
    let speaker_like = |m: &crate::doc::ActorMention| {
        let mut next = view[m.end..].split_whitespace();
        let mut w = next.next().unwrap_or("");
        if w.ends_with("ly") {
            w = next.next().unwrap_or("");
        }
        let speech = lex.is_speech_verb(w.trim_matches(|c: char| !c.is_alphanumeric()));
        speech || m.pronoun && !view[m.start..m.end].eq_ignore_ascii_case("they")
    };
    let in_clause = |m: &crate::doc::ActorMention| {
        m.start >= clause_start && m.end <= clause_end && !speaker_like(m)
    };
    let before: Vec<_> = doc
        .actors_within(ss, se)
        .filter(|m| in_clause(m) && m.end <= cue_start)
        .copied()
        .collect();
    let after: Vec<_> = doc
        .actors_within(ss, se)
        .filter(|m| in_clause(m) && m.start >= cue_end)
        .copied()
        .collect();
    // a demonym right before the cue noun: "Ukrainian attacks", "Ukrainian artillery"
    let demonym_before = doc
        .places_within(ss, se)
        .filter(|m| m.kind == MentionKind::Demonym && m.end <= cue_start && m.start >= clause_start)
        .filter(|m| view[m.end..cue_start].split_whitespace().count() <= 2)
        // "Syrian rebels recaptured": the demonym names the country of non-state fighters, not its forces
        .filter(|m| {
            let next = view[m.end..].split_whitespace().next().unwrap_or("");
            let next = next.trim_matches(|c: char| !c.is_alphanumeric());
            !doc.rules
                .events
                .perpetrators
                .contains(&next.to_ascii_lowercase())
        })
        .filter_map(|m| {
            doc.places[m.place]
                .resolved
                .as_ref()
                .map(|c| c.country_code.clone())
        })
        .next_back();
    Near {
        before,
        after,
        demonym_before,
    }
}

/// "X blamed Y for the attack": Y is the attacker and X the source.
fn blamed(doc: &mut Doc, gaz: &Gazetteer, c: &Clause, source: &mut Option<usize>) -> Option<usize> {
    let er = &doc.rules.events;
    let view = doc.view();
    let (ss, se) = c.sentence;
    let cue_start = c.cue.start;
    let mut blamed_actor = None;
    if let Some(b) = er.patterns.blamed.find_iter(&view[ss..cue_start]).last() {
        let (bs, be) = (ss + b.start(), ss + b.end());
        let blamed_mention = doc
            .actors_within(ss, se)
            .find(|m| m.start >= be && m.end <= cue_start)
            .map(|m| m.actor);
        let blamed_demonym = doc
            .places_within(ss, se)
            .find(|m| m.kind == MentionKind::Demonym && m.start >= be && m.end <= cue_start)
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
            *source = subject_before(doc, ss, bs).map(|s| s.2);
        }
    }
    blamed_actor
}

/// "X claimed responsibility for the attack": X, the subject of the claim before the cue, is the attacker.
fn responsible(doc: &Doc, c: &Clause) -> Option<usize> {
    let (ss, _) = c.sentence;
    let view = doc.view();
    let m = doc
        .rules
        .events
        .patterns
        .responsibility
        .find_iter(&view[ss..c.cue.start])
        .last()?;
    let subject = subject_before(doc, ss, ss + m.start())?;
    (doc.actors[subject.2].kind != ActorKind::Person).then_some(subject.2)
}

/// The actor named after "by" right after the cue ("was shelled by Russian forces").
fn by_agent(doc: &Doc, c: &Clause) -> Option<usize> {
    let view = doc.view();
    let (ss, se) = c.sentence;
    let (_, clause_end) = c.clause;
    let cue_end = c.cue.end;
    let by = view[cue_end..clause_end]
        .find(" by ")
        .map(|i| cue_end + i + 4)?;
    doc.actors_within(ss, se)
        .find(|m| m.start >= by && m.start <= by + 30 && m.end <= clause_end)
        .map(|m| m.actor)
}

/// A failed attack: actor1 is the side whose attack failed, actor2 the defender.
fn repelled(
    doc: &mut Doc,
    gaz: &Gazetteer,
    c: &Clause,
    near: &Near,
    source: Option<usize>,
) -> (Option<usize>, Option<usize>) {
    let view = doc.view();
    let (ss, se) = c.sentence;
    let (clause_start, clause_end) = c.clause;
    let (cue_start, cue_end) = (c.cue.start, c.cue.end);
    let lower_before_cue = view[clause_start..cue_start].to_ascii_lowercase();
    let trigger = c.trigger;
    let mut actor1: Option<usize>;
    let mut actor2: Option<usize>;
    // the side whose attack failed
    actor1 = near
        .demonym_before
        .as_deref()
        .map(|cc| forces_of(doc, gaz, cc))
        .or(near.before.first().map(|m| m.actor));
    if c.passive
        || trigger.contains("were")
        || trigger.contains("been")
        || trigger.contains("failed")
    {
        actor2 = by_agent(doc, c);
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
            .filter(|m| m.kind == MentionKind::Demonym && m.start >= cue_end && m.end <= clause_end)
            .find(|m| view[cue_end..m.start].split_whitespace().count() <= 2)
            .and_then(|m| {
                doc.places[m.place]
                    .resolved
                    .as_ref()
                    .map(|c| c.country_code.clone())
            });
        actor1 = near
            .after
            .first()
            .map(|m| m.actor)
            .or(demonym_after.as_deref().map(|cc| forces_of(doc, gaz, cc)));
    }
    (actor1, actor2)
}

/// Active voice: actor1 before the cue (or a demonym right before it), actor2 after it (not in a by-phrase).
fn active(
    doc: &mut Doc,
    gaz: &Gazetteer,
    c: &Clause,
    near: &Near,
) -> (Option<usize>, Option<usize>) {
    let view = doc.view();
    let (ss, se) = c.sentence;
    let cue_start = c.cue.start;
    let mut actor1 = near.before.last().map(|m| m.actor).or(near
        .demonym_before
        .as_deref()
        .map(|cc| forces_of(doc, gaz, cc)));
    // "an operation by the SBU": a by-phrase after the cue names the agent, not the target
    let by_phrase = |m: &crate::doc::ActorMention| {
        let before_m = view[view.floor_char_boundary(m.start.saturating_sub(12))..m.start]
            .to_ascii_lowercase();
        before_m.ends_with("by ") || before_m.ends_with("by the ")
    };
    let actor2 = near.after.iter().find(|m| !by_phrase(m)).map(|m| m.actor);
    // the agent of the cue's own phrase ("an air strike carried out by Russian aircraft"), not of a clause after a
    // comma ("recaptured a village, days after it was seized by government troops")
    if actor1.is_none() {
        actor1 = near
            .after
            .iter()
            .find(|m| by_phrase(m) && !view[c.cue.end..m.start].contains(','))
            .map(|m| m.actor);
    }
    if let (Some(d), Some(a1)) = (&near.demonym_before, actor1) {
        // "Ukrainian artillery" right before the cue is closer than an actor further back
        let last_end = near.before.last().map(|m| m.end).unwrap_or(0);
        let dm_end = doc
            .places_within(ss, se)
            .filter(|m| m.kind == MentionKind::Demonym && m.end <= cue_start)
            .map(|m| m.end)
            .next_back()
            .unwrap_or(0);
        if dm_end > last_end {
            actor1 = Some(forces_of(doc, gaz, d));
        } else {
            actor1 = Some(a1);
        }
    }
    (actor1, actor2)
}

/// An actor1 the clause does not name: "its troops" or "we" as the source's side, a pronoun subject as the
/// source itself, else the side opposing the victim or, for a failed attack, opposing the source.
fn unstated(
    doc: &mut Doc,
    gaz: &Gazetteer,
    sides: &[String],
    c: &Clause,
    source: Option<usize>,
    none_before: bool,
    actor2: Option<usize>,
) -> Option<usize> {
    let view = doc.view();
    let (clause_start, _) = c.clause;
    let before_cue = &view[clause_start..c.cue.start];
    let lower_before_cue = before_cue.to_ascii_lowercase();
    let cue = c.cue;
    let passive = c.passive;
    let mut actor1 = None;
    // "its marines", "its troops": the forces of the source's side
    let lower_before = before_cue.to_ascii_lowercase();
    if actor1.is_none()
        && cue.class != Outcome::Repelled
        && (lower_before.contains("its ") || lower_before.contains("their "))
    {
        if let Some(cc) = doc.side_of(source).map(str::to_string) {
            actor1 = Some(forces_of(doc, gaz, &cc));
        }
    }
    // "X said they had recaptured ...": the pronoun subject is the source itself
    if actor1.is_none() && cue.class != Outcome::Repelled && !passive {
        let first = before_cue
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let pronoun_subject = before_cue
            .split_whitespace()
            .any(|w| matches!(w.to_ascii_lowercase().as_str(), "they" | "it" | "we"));
        if pronoun_subject
            && none_before
            && source.is_some_and(|s| doc.actors[s].kind != ActorKind::Person)
        {
            actor1 = source;
        }
        // "our units", "we": the speaker's side inside a quote
        if actor1.is_none() && c.in_quote && (lower_before_cue.contains("our ") || first == "we") {
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
    actor1
}
