//! Statements told by a noun and its possessive: `Russia's claim that the bridge was hit`, `his call for a
//! ceasefire`, `Zelensky's promise to hold the line`, `their criticism of the deal`.
//!
//! The noun and the word that opens its content come from `lists/statement_nouns.tsv`; the possessive stands
//! right before the noun, or one modifier before it ("his latest claim that"): "his", "her", "their", "its"
//! (the nearest fitting actor, as a pronoun is read) or the "'s" of a name or a description (the actor mention
//! inside it, else the words before the "'s" as a speaker phrase: "the ministry's claim"). The content runs from the opening word to the end of its phrase ("to" kept:
//! "his promise to stick it to the rich"; "that" and prepositions left out).
//!
//! "the claim that ..." with no possessive names no speaker and is left alone; so is a noun in quotation marks.

use super::{clause_end, content, phrase_speaker, Speaker};
use crate::attribution::phrases::{phrase_before, PhraseKind};
use crate::doc::{words, Doc, StatementRec};
use rustc_hash::FxHashMap;
use sitrep_ledger::{StatementKind, StatementMode};

/// Most words of a content opened by a preposition or "to" ("his call for a ceasefire": 3).
const MIN_CONTENT_WORDS: usize = 1;

/// The table of `lists/statement_nouns.tsv`: for a noun, the words that may open its content, with the mode.
pub(super) type NounTable = FxHashMap<String, Vec<(String, StatementMode)>>;

/// The statements of sentence `[ss, se)` told by a possessed noun, with their speakers.
pub(super) fn statements(doc: &mut Doc, ss: usize, se: usize) -> Vec<(StatementRec, Speaker)> {
    let lower = doc.text.lower();
    let ws = words(doc.text, ss, se);
    let mut out = Vec::new();
    for k in 1..ws.len().saturating_sub(1) {
        let (ns, ne) = ws[k];
        let Some(rows) = doc.rules.statements.nouns.get(&lower[ns..ne]) else {
            continue;
        };
        let (os, oe) = ws[k + 1];
        let Some(&(_, mode)) = rows.iter().find(|(w, _)| *w == lower[os..oe]) else {
            continue;
        };
        if doc.text.quote_at(ns).is_some() || !doc.view()[ne..os].trim().is_empty() {
            continue;
        }
        let Some(owner) = possessive(doc, &ws[..k], ss) else {
            continue;
        };
        let start = if &lower[os..oe] == "to" { os } else { oe };
        let Some((cs, ce)) = content(doc, start, clause_end(doc, start, se), MIN_CONTENT_WORDS)
        else {
            continue;
        };
        let st = StatementRec {
            kind: StatementKind::Reported,
            mode,
            speaker: owner.actor,
            speaker_mention: Some((owner.start, owner.end)),
            cue: Some((ns, oe)),
            start: cs,
            end: ce,
            quote: None,
        };
        out.push((st, owner));
    }
    out
}

/// The speaker named by the possessive ending `before` (the words before the noun), the modifier aside.
fn possessive(doc: &mut Doc, before: &[(usize, usize)], ss: usize) -> Option<Speaker> {
    let lower = doc.text.lower();
    let view = doc.view();
    let owner_at = |j: usize| -> Option<(usize, usize)> {
        let (a, b) = *before.get(j)?;
        let w = &lower[a..b];
        (matches!(w, "his" | "her" | "their" | "its") || w.ends_with("'s")).then_some((a, b))
    };
    let n = before.len();
    let modifier_ok = |j: usize| {
        let (a, b) = before[j];
        view[a..b].chars().all(|c| c.is_lowercase() || c == '-')
    };
    let (a, b) = owner_at(n - 1).or_else(|| {
        (n >= 2 && modifier_ok(n - 1))
            .then(|| owner_at(n - 2))
            .flatten()
    })?;
    if matches!(&lower[a..b], "his" | "her" | "their" | "its") {
        return phrase_speaker(doc, (a, b, PhraseKind::Pronoun));
    }
    // "Trump's": the actor mention inside the word, else the name before the "'s" as a speaker phrase
    if let Some(m) = doc.actors_within(a, b).last() {
        return Some(Speaker::mention(m.start, m.end, m.actor));
    }
    // "the Russian ministry's claim": a name or a description before the "'s"
    let ph = phrase_before(doc.rules, doc.text, ss, b)
        .filter(|ph| ph.1 == b && ph.2 != PhraseKind::Pronoun)?;
    let mut sp = phrase_speaker(doc, ph)?;
    // the mention is the name, not its "'s"
    sp.end = b - 2;
    Some(sp)
}
