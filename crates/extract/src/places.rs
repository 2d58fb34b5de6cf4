//! Places: gazetteer names in the text, demonyms and metonyms, facilities, relative locations
//! ("10km south of the town of Orikhiv"), and disambiguation by population, feature rank, the article's
//! countries and the other places around. This is the stage's entry point ([`recognise()`]); its steps are
//! sub-modules: `recognise` finds the names, `resolve` chooses their readings, `relations` reads relative
//! locations, then `borders` and `regions`.
//!
//! Writes: the places layer (`Doc::places`, `Doc::place_mentions`, `Doc::anchor_spans`), recognised then resolved
//! here and in the sub-modules (addresses, borders, near, romanisation, region aliases, conflict areas).
//! Reads: the text and its sentences, the actors layer (to tell people from places), the gazetteer, and the files
//! listed at [`PlaceRules::load`] (word lists in `lists/`, `data/gazetteer/*` side tables, the `places.*`
//! patterns).

use crate::doc::{Doc, MentionKind};
use crate::rules::{DataFiles, Patterns as PatternTable, RulesError, SortedWords};
use regex::Regex;
use rustc_hash::FxHashSet;
use sitrep_gazetteer::{normalise, Candidate, Gazetteer};
use std::collections::HashMap;
use std::rc::Rc;

mod address;
mod borders;
mod conflict_areas;
mod near;
mod recognise;
mod region_aliases;
mod regions;
mod relations;
mod resolve;
mod romanised;
#[cfg(test)]
use borders::border_point;
#[cfg(test)]
use sitrep_geo::haversine_km;

/// Finds the places of `doc` and writes the places layer: the names (`recognise::names`), their readings
/// (`resolve::resolve`), relative locations (`relations::relations`), borders and regions.
pub fn recognise(doc: &mut Doc, gaz: &Gazetteer) {
    let found = recognise::names(doc, gaz);
    resolve::resolve(doc, gaz, found);
    relations::relations(doc);
    borders::borders(doc, gaz);
    regions::assign(doc, gaz);
}

/// Data-driven lists (data/gazetteer, made by tools/gazetteer/derive_stopwords.py): gazetteer names that are
/// common English words, and frequent given names and surnames.
struct NameLists {
    common: FxHashSet<String>,
    given: FxHashSet<String>,
    surnames: FxHashSet<String>,
}

/// Feature codes of the water bodies and macro-regions of data/gazetteer/water_regions.tsv (GeoNames codes):
/// well-known names with no population, that a town of the same name should not beat ("the Atlantic", "the
/// Middle East", "the Gulf").
fn macro_feature(code: &str) -> bool {
    matches!(
        code,
        "OCN" | "SEA" | "GULF" | "BAY" | "STRT" | "CHN" | "CNL" | "RGN" | "PEN" | "DSRT" | "HLLS"
    )
}

struct Patterns {
    relation: Regex,
    abbreviation: Regex,
    region_abbr: Regex,
    facility: Regex,
    definite: Regex,
    of_name: Regex,
}

/// The rules of the places stages: word lists, gazetteer side tables and patterns (see [`PlaceRules::load`]
/// for the files).
pub struct PlaceRules {
    names: NameLists,
    /// Regions written short after a place ("Chowchilla, Calif.", "Atlanta, GA"): abbreviation ->
    /// (country, region name).
    region_abbreviations: HashMap<String, (String, String)>,
    /// Adjectives of continents, read like demonyms ("European airports"): adjective -> continent name.
    region_adjectives: HashMap<String, String>,
    /// Words after a place name that make it a disease's name ("Marburg virus").
    disease_words: FxHashSet<String>,
    /// Names that are never places on their own ("White House", "Toyota").
    non_place_names: FxHashSet<String>,
    /// Words that end a street's name ("Street", "Avenue").
    street_words: FxHashSet<String>,
    water_words: FxHashSet<String>,
    locative: FxHashSet<String>,
    metonym_nouns: FxHashSet<String>,
    /// In file order: the first that ends the words before a name wins.
    place_cues: Vec<String>,
    titles: FxHashSet<String>,
    person_verbs: FxHashSet<String>,
    person_nouns: FxHashSet<String>,
    name_particles: FxHashSet<String>,
    compass_adjectives: FxHashSet<String>,
    slavic_endings: Vec<String>,
    /// Common English words of six letters or more (`lists/english_words.txt`): never read as a misspelt
    /// place name.
    english_words: SortedWords,
    patterns: Patterns,
    near: near::NearRules,
    address: address::AddressRules,
    borders: borders::BorderRules,
    aliases: region_aliases::Aliases,
    areas: conflict_areas::Areas,
}

impl PlaceRules {
    /// Whether a resolved place lies in a region fought over at `date` (`gazetteer/conflict_areas.tsv`).
    pub(crate) fn in_war_zone(
        &self,
        place: &crate::doc::PlaceRec,
        date: Option<chrono::NaiveDate>,
    ) -> bool {
        place.resolved.as_ref().is_some_and(|c| {
            c.admin1_code.as_deref().is_some_and(|a1| {
                conflict_areas::fought_over(&self.areas, &c.country_code, a1, date)
            })
        })
    }

    /// Reads `data/gazetteer/{common_words.txt, person_names.txt, region_abbreviations.tsv}` (as
    /// `gazetteer/…`), `region_adjectives.tsv`, `disease_words.txt`, `non_place_names.txt`, `street_words.txt`,
    /// the `lists/` of places, and the `places.*` patterns; the sub-rules read their own.
    /// An ordinary English word, not a misspelt name: the word, or the last part of a hyphenated one
    /// ("Georgian-controlled"), is in `lists/english_words.txt`.
    pub(crate) fn english_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let last = lower.rsplit('-').next().unwrap_or(&lower);
        self.english_words.contains(&lower) || self.english_words.contains(last)
    }

    pub fn load(files: &DataFiles, patterns: &PatternTable) -> Result<Self, RulesError> {
        let (mut given, mut surnames) = (FxHashSet::default(), FxHashSet::default());
        for (_, l) in files.lines("gazetteer/person_names.txt")? {
            match l.trim().split_once('\t') {
                Some(("g", n)) => given.insert(n.to_string()),
                Some(("s", n)) => surnames.insert(n.to_string()),
                _ => false,
            };
        }
        let names = NameLists {
            common: files.set("gazetteer/common_words.txt")?,
            given,
            surnames,
        };
        let region_abbreviations = files
            .rows("gazetteer/region_abbreviations.tsv", 4)?
            .into_iter()
            .map(|r| (r[0].clone(), (r[1].clone(), r[3].clone())))
            .collect();
        let region_adjectives = files
            .rows("region_adjectives.tsv", 2)?
            .into_iter()
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect();
        Ok(PlaceRules {
            names,
            region_abbreviations,
            region_adjectives,
            disease_words: files.set("disease_words.txt")?,
            non_place_names: files.set("non_place_names.txt")?,
            street_words: files.set("street_words.txt")?,
            water_words: files.set("lists/water_words.txt")?,
            locative: files.set("lists/locative_words.txt")?,
            metonym_nouns: files.set("lists/metonym_nouns.txt")?,
            place_cues: files.list("lists/place_cues.txt")?,
            titles: files.set("lists/titles.txt")?,
            person_verbs: files.set("lists/person_verbs.txt")?,
            person_nouns: files.set("lists/person_nouns.txt")?,
            name_particles: files.set("lists/name_particles.txt")?,
            compass_adjectives: files.set("lists/compass_adjectives.txt")?,
            slavic_endings: files.list("lists/slavic_endings.txt")?,
            english_words: files.sorted_words("lists/english_words.txt")?,
            patterns: Patterns {
                relation: patterns.get("places.relation")?,
                abbreviation: patterns.get("places.abbreviation")?,
                region_abbr: patterns.get("places.region_abbr")?,
                facility: patterns.get("places.facility")?,
                definite: patterns.get("places.definite")?,
                of_name: patterns.get("places.of_name")?,
            },
            near: near::NearRules::load(patterns)?,
            address: address::AddressRules::load(files, patterns)?,
            borders: borders::BorderRules::load(files, patterns)?,
            aliases: region_aliases::Aliases::load(files)?,
            areas: conflict_areas::Areas::load(files)?,
        })
    }
}

/// The distance a relative location states, in kilometres ("10km", "90 miles", "2,5 km").
fn relation_km(c: &regex::Captures) -> Option<f64> {
    let d = c.get(1)?.as_str().replace(',', ".").parse::<f64>().ok()?;
    let miles = c
        .get(2)
        .is_some_and(|u| u.as_str().to_ascii_lowercase().starts_with("mi"));
    Some(if miles { d * 1.609_344 } else { d })
}

fn word_before(view: &str, pos: usize) -> Option<&str> {
    let b = view[..pos].trim_end();
    let s = b
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    (s < b.len()).then(|| &b[s..])
}

/// The word before `pos`, past a full stop of an abbreviation ("Mr. Jones" -> "Mr").
fn prev_word(view: &str, pos: usize) -> Option<&str> {
    let b = view[..pos].trim_end();
    let b = b.strip_suffix('.').unwrap_or(b);
    word_before(view, b.len())
}

fn word_after(view: &str, pos: usize) -> Option<&str> {
    let a = view[pos..].trim_start_matches([' ']);
    let off = view.len() - a.len();
    let e = a
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(a.len());
    (e > 0).then(|| &view[off..off + e])
}

/// A name of a place found in the text, with its readings: what recognition hands to resolution.
struct Found {
    start: usize,
    end: usize,
    key: String,
    name: String,
    /// The readings, shared with the look-up cache and the other mentions of the name (a long text repeats
    /// its names: one copy per name, not per mention).
    cands: Rc<Vec<Candidate>>,
    kind: MentionKind,
    cue: Option<String>,
    fuzzy: bool,
    facility: Option<String>,
    /// Index in `cands` where romanisation variants ([`Gazetteer::lookup_variants`]) begin;
    /// `usize::MAX` when there are none.
    first_variant: usize,
}

impl Found {
    /// A mention read as exactly one gazetteer entry (a country, a demonym, an abbreviation).
    fn whole_entry(start: usize, end: usize, c: Candidate, kind: MentionKind) -> Found {
        Found {
            start,
            end,
            key: normalise(&c.name),
            name: c.name.clone(),
            cands: Rc::new(vec![c]),
            kind,
            cue: None,
            fuzzy: false,
            facility: None,
            first_variant: usize::MAX,
        }
    }

    /// A literal mention named as written, with readings `cands` (no cue, facility or variants).
    fn literal(start: usize, end: usize, name: &str, cands: Rc<Vec<Candidate>>) -> Found {
        Found {
            start,
            end,
            key: normalise(name),
            name: name.to_string(),
            cands,
            kind: MentionKind::Literal,
            cue: None,
            fuzzy: false,
            facility: None,
            first_variant: usize::MAX,
        }
    }

    /// The readings spelt as written, or the romanisation variants when there are none.
    fn readings(&self) -> &[Candidate] {
        match self.cands.get(..self.first_variant) {
            Some(exact) if !exact.is_empty() => exact,
            _ => &self.cands,
        }
    }
}

/// The place a definite noun phrase stands for: the latest earlier place of a fitting kind.
pub fn antecedent(doc: &Doc, at: usize, noun: &str) -> Option<usize> {
    let want_facility = matches!(noun, "plant" | "site" | "station" | "facility" | "bridge");
    // "the village" stands first for a place introduced as a village ("the village of Synkivka")
    if matches!(noun, "village" | "town" | "city" | "settlement") {
        let cued = doc
            .places_before(at)
            .take(400)
            .filter(|m| m.kind == MentionKind::Literal)
            .find(|m| doc.places[m.place].cue.as_deref() == Some(noun))
            .map(|m| m.place);
        if cued.is_some() {
            return cued;
        }
    }
    doc.places_before(at)
        .take(2000)
        .filter(|m| m.kind == MentionKind::Literal)
        .find(|m| {
            let p = &doc.places[m.place];
            if want_facility {
                p.facility.is_some()
            } else if matches!(noun, "village" | "town" | "settlement") {
                p.facility.is_none()
                    && p.resolved
                        .as_ref()
                        .is_none_or(|c| c.feature_class == 'P' && c.population < 200_000)
            } else {
                p.facility.is_none() && p.resolved.as_ref().is_none_or(|c| c.feature_class == 'P')
            }
        })
        .map(|m| m.place)
}

#[cfg(test)]
mod tests;
