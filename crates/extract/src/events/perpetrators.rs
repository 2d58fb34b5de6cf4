//! The unnamed armed people who carry out an event, for actor1 when the clause names no actor: the subject of the
//! cue ("gunmen opened fire on a bus", "a suicide bomber blew himself up", "Taliban gunmen and suicide bombers
//! attacked") or its agent after "by" ("the attack was carried out by militants").
//!
//! - The actor named right before the noun is theirs ("Taliban gunmen": the Taliban, with a mention on
//!   "gunmen"); with none, they are ACLED's "Unidentified Armed Group (Iraq)", of the country of the event's
//!   place ("Unidentified Armed Group" when no place says).
//! - The noun is at most [`SUBJECT_WORDS`] words before the cue with no punctuation between, or one of the
//!   cue's own words ("a suicide bomber"), or at most [`AGENT_WORDS`] words after a "by" that follows the cue.
//!
//! Writes: no layer; the actor and its mention are asked of the actors stage (`actors::intern`,
//! `actors::add_mention`; the events stage flushes them once, at its end).
//! Reads: the actors layer, the token layer, `lists/perpetrators.txt`.

use crate::actors::{add_mention, country_name, intern};
use crate::doc::{words, Doc};
use sitrep_gazetteer::Gazetteer;
use sitrep_ledger::ActorKind;

/// Most words between a perpetrator noun and the cue it is the subject of ("gunmen and suicide bombers
/// attacked": the gunmen are three words before).
const SUBJECT_WORDS: usize = 4;
/// How far from the cue, in bytes, the words are read (more than the words above ever take).
const WINDOW: usize = 160;
/// Most words between "by" and the perpetrator noun ("by the armed Basque separatist group").
const AGENT_WORDS: usize = 5;

/// The actor of the perpetrators the clause `(start, end)` names around its cue; `country` is the country
/// code of the event's place.
pub(super) fn of_clause(
    doc: &mut Doc,
    gaz: &Gazetteer,
    (start, end): (usize, usize),
    (cue_start, cue_end): (usize, usize),
    passive: bool,
    country: Option<&str>,
) -> Option<usize> {
    let nouns = &doc.rules.events.perpetrators;
    let (text, view) = (doc.text, doc.view());
    let lower = text.lower();
    let is_noun = |(a, b): (usize, usize)| nouns.contains(&lower[a..b]);
    let noun = if passive {
        let after = words(
            text,
            cue_end,
            view.ceil_char_boundary(end.min(cue_end + WINDOW)),
        );
        let by = after.iter().position(|&(a, b)| &lower[a..b] == "by")?;
        after[by + 1..]
            .iter()
            .take(AGENT_WORDS)
            .take_while(|&&(a, _)| !view[after[by].1..a].contains([',', '.', ';']))
            .copied()
            .find(|&w| is_noun(w))
    } else {
        // before the cue, nearest first ("Taliban gunmen and suicide bombers attacked"), then the cue's own words
        // ("a suicide bomber", "gunmen opened fire")
        let from = view.floor_char_boundary(start.max(cue_start.saturating_sub(WINDOW)));
        let before = words(text, from, cue_start);
        before
            .iter()
            .rev()
            .take(SUBJECT_WORDS + 1)
            .take_while(|&&(_, b)| !view[b..cue_start].contains([',', '.', ';', '"']))
            .copied()
            .find(|&w| is_noun(w))
            .or_else(|| {
                words(text, cue_start, cue_end)
                    .into_iter()
                    .find(|&w| is_noun(w))
            })
    }?;
    let (a, b) = noun;
    // "Taliban gunmen": the actor whose mention ends right before the noun
    let named = doc
        .actors_within(start, a)
        .next_back()
        .filter(|m| !m.pronoun && view[m.end..a].trim().is_empty())
        .map(|m| m.actor);
    let actor = named.unwrap_or_else(|| unidentified_group(doc, gaz, country));
    add_mention(doc, a, b, actor, false);
    Some(actor)
}

/// ACLED's "Unidentified Armed Group (Country)" of the country code `country` ("Unidentified Armed Group" with none).
pub(super) fn unidentified_group(doc: &mut Doc, gaz: &Gazetteer, country: Option<&str>) -> usize {
    let name = match country {
        Some(cc) => format!("Unidentified Armed Group ({})", country_name(gaz, cc)),
        None => "Unidentified Armed Group".to_string(),
    };
    intern(doc, &name, ActorKind::ArmedGroup, country, None)
}
