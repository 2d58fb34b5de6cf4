//! People's names that look like places: the tokens of this document that name people ("Henry" once
//! "Chiquita Raquel Henry" has been named, "McGregor" after "fighter Conor McGregor", "Kock" in "Mike de
//! Kock"), so that a later "Henry" alone is not read as a town.
//!
//! Writes: nothing on its own; a rule of place recognition (places layer).
//! Reads: the actors layer (person actors), the capitalised runs of each sentence, the gazetteer (a run that
//! is a known place is not a person), `gazetteer/person_names.txt`, the lexicon's given names,
//! `lists/person_nouns.txt`, `lists/titles.txt` and `lists/name_particles.txt`.

use super::LookupCache;
use crate::doc::{is_capitalised, words, Doc, Run};
use crate::places::{prev_word, PlaceRules};
use sitrep_gazetteer::Gazetteer;
use sitrep_ledger::ActorKind;
use std::collections::HashSet;

fn person_noun(pr: &PlaceRules, w: &str) -> bool {
    let w = w.trim_end_matches('.').to_lowercase();
    pr.person_nouns.contains(w.as_str()) || pr.titles.contains(w.as_str())
}

/// Tokens that name people in this document: the last word of person actors, of runs that start with a
/// given name ("Chiquita Raquel Henry" makes a later "Henry" a person), of names after a person noun
/// ("fighter Conor McGregor", "County Commissioner Bill McDaniel") and of names with a particle after a
/// given name ("Mike de Kock").
/// `runs` are the capitalised runs of each sentence.
pub(super) fn person_tokens(
    doc: &Doc,
    gaz: &Gazetteer,
    cache: &mut LookupCache,
    runs: &[Vec<Run>],
) -> HashSet<String> {
    let pr = &doc.rules.places;
    let view = doc.view();
    let lists = &pr.names;
    let lex = &doc.rules.lexicon;
    let given = |w: &str| lists.given.contains(w) || lex.given_names.contains_key(w);
    let mut out = HashSet::new();
    for m in &doc.actor_mentions {
        if !m.pronoun && doc.actors[m.actor].kind == ActorKind::Person {
            if let Some(&(s, e)) = words(doc.text, m.start, m.end).last() {
                out.insert(view[s..e].to_string());
            }
        }
    }
    let mut add = |view: &str, (s, e): (usize, usize)| {
        out.insert(
            view[s..e]
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string(),
        );
    };
    for (sent, runs) in doc.text.sentences.iter().zip(runs) {
        for run in runs {
            let t = &run.tokens;
            let mut unknown = |t: &[(usize, usize)]| {
                cache
                    .lookup(gaz, &view[t[0].0..t[t.len() - 1].1])
                    .is_empty()
            };
            if (2..=4).contains(&t.len()) && given(&view[t[0].0..t[0].1]) && unknown(t) {
                add(view, t[t.len() - 1]);
                continue;
            }
            // the name after a person noun, before the run or inside it
            let role = t[..t.len() - 1]
                .iter()
                .rposition(|&(s, e)| person_noun(pr, &view[s..e]));
            let name = match role {
                Some(k) => &t[k + 1..],
                None if prev_word(view, t[0].0).is_some_and(|w| person_noun(pr, w)) => &t[..],
                None => &t[..0],
            };
            if (2..=3).contains(&name.len()) && unknown(name) {
                add(view, name[name.len() - 1]);
            }
        }
        let w = words(doc.text, sent.start, sent.end);
        for i in 1..w.len().saturating_sub(1) {
            let (p, n) = (&view[w[i - 1].0..w[i - 1].1], &view[w[i + 1].0..w[i + 1].1]);
            if pr.name_particles.contains(&view[w[i].0..w[i].1]) && given(p) && is_capitalised(n) {
                add(view, w[i + 1]);
            }
        }
    }
    out
}
