//! Names in another romanisation than the gazetteer's ("Zaitsevo" for "Zaitseve", "Stanitsa
//! Luganska" for "Stanytsia Luhanska"): when such a reading is offered, how it is weighed, and when a
//! capitalised word standing alone may be one.
//!
//! Writes: nothing on its own; rules of place recognition and resolution (places layer).
//! Reads: `lists/slavic_endings.txt`, `lists/titles.txt`, `lists/person_verbs.txt`, `gazetteer/person_names.txt` and
//! `gazetteer/common_words.txt` (through [`super::PlaceRules`]).

use super::{prev_word, word_after, Found, PlaceRules};
use crate::doc::MentionKind;
use sitrep_gazetteer::{normalise, Candidate};
use std::collections::{HashMap, HashSet};

/// The country the text names most (as a country, a demonym or one of its regions), when its
/// place names are romanised from Cyrillic.
pub(super) fn main_country(found: &[Found]) -> Option<String> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for f in found {
        if let Some(c) = f.readings().first() {
            if f.kind == MentionKind::Demonym
                || c.feature_code.starts_with("PCL")
                || c.feature_code == "ADM1"
            {
                *count.entry(c.country_code.as_str()).or_default() += 1;
            }
        }
    }
    let (&cc, &n) = count
        .iter()
        .max_by_key(|(cc, n)| (**n, std::cmp::Reverse(**cc)))?;
    let tied = count.values().filter(|&&m| m == n).count() > 1;
    (!tied && sitrep_gazetteer::CYRILLIC_ROMANISED.contains(&cc)).then(|| cc.to_string())
}

/// A word that may be a Slavic place name in another romanisation: its last word at least six
/// letters long, with one of the Slavic endings (`lists/slavic_endings.txt`), and not a common English word.
pub(super) fn slavic_toponym(pr: &PlaceRules, name: &str) -> bool {
    let last = name
        .rsplit([' ', '-'])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    last.chars().count() >= 6
        && pr.slavic_endings.iter().any(|e| last.ends_with(e.as_str()))
        && !pr.names.common.contains(&last)
}

/// A name that reads as a person's: a known given name or surname, a person of the text, after a
/// title or before a speech verb.
pub(super) fn person_like(
    pr: &PlaceRules,
    view: &str,
    s: usize,
    e: usize,
    persons: &HashSet<String>,
) -> bool {
    let lists = &pr.names;
    let name = &view[s..e];
    let first = name.split(' ').next().unwrap_or(name);
    let prev = prev_word(view, s).map(|w| w.to_ascii_lowercase());
    let next = word_after(view, e).map(|w| w.to_ascii_lowercase());
    persons.contains(name)
        || lists.given.contains(first)
        || lists.surnames.contains(name)
        || prev.is_some_and(|p| pr.titles.contains(p.as_str()))
        || next.is_some_and(|n| pr.person_verbs.contains(n.as_str()))
}

/// What a reading found only as another romanisation of the name gives up against one spelt as
/// written; a named region (+8) or nearby places (+2 to +3) outweigh it.
pub(super) const VARIANT_PENALTY: f64 = 2.0;

/// A reading whose own (preferred) name is spelt as written, against one found through an
/// alternate or historical name ("Sloviansk" the town, not another once called so).
pub(super) const OWN_NAME_BONUS: f64 = 1.0;

/// Whether the entry's preferred name has the key, or the same romanisation skeleton.
pub(super) fn own_name(c: &Candidate, key: &str) -> bool {
    let own = normalise(&c.name);
    own == key || sitrep_gazetteer::same_skeleton(&own, key)
}

/// How far from its district's centre a place in the district may lie.
pub(super) const DISTRICT_KM: f64 = 40.0;

/// The settlement of a numbered part of it: "Zolote-4" -> "Zolote" (a hyphen and one or two digits
/// after a name of five letters or more; "Su-25" and "F-16" are too short to be read so).
pub(super) fn numbered_base(name: &str) -> Option<&str> {
    let (base, num) = name.rsplit_once('-')?;
    (base.chars().count() >= 5
        && base
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '\'')
        && (1..=2).contains(&num.len())
        && num.bytes().all(|b| b.is_ascii_digit()))
    .then_some(base)
}

#[cfg(test)]
mod tests {
    use super::numbered_base;

    #[test]
    fn numbered_settlements() {
        assert_eq!(numbered_base("Zolote-4"), Some("Zolote"));
        assert_eq!(numbered_base("Krasnohorivka-12"), Some("Krasnohorivka"));
        assert_eq!(numbered_base("Su-25"), None);
        assert_eq!(numbered_base("Covid19"), None);
        assert_eq!(numbered_base("Pisky-2023"), None);
    }

    #[test]
    fn slavic_endings() {
        let rules = crate::Rules::embedded();
        let slavic_toponym = |n: &str| super::slavic_toponym(&rules.places, n);
        assert!(slavic_toponym("Novotoshkovka"));
        assert!(slavic_toponym("Stanitsa Luganska"));
        assert!(!slavic_toponym("Tiger"));
        assert!(!slavic_toponym("Engine"));
    }
}
