//! Resolution: each name found is given one gazetteer reading, or none. Every reading is scored
//! ([`score`]) by its population and feature, the article's countries and regions, the address the name is
//! written in ("X village, Y district, Z region"), the town it is written to lie by, and the names listed
//! with it ([`evidence`]); a first pass finds the sure places, a second one adds closeness to them; then
//! the mentions of one name take the reading of the surest of them (one sense per text).
//!
//! Writes: the places layer (`Doc::places`, `Doc::place_mentions`): a place per resolved entry (or per
//! unresolved name, per facility, per street), a mention per name found.
//! Reads: the names found by [`mod@super::recognise`], the gazetteer, the text between the names, the
//! publication date (conflict areas) and the places rules (patterns, address and near rules, region aliases,
//! conflict areas).

mod evidence;
mod score;

use super::Found;
use crate::doc::{Doc, MentionKind, PlaceMention, PlaceRec};
use sitrep_gazetteer::{Candidate, Gazetteer};
use sitrep_ledger::Resolution;
use std::collections::{HashMap, HashSet};

/// A reading chosen for a name: the index in its `cands`, and the confidence.
type Choice = Option<(usize, f64)>;

/// For each region (country, admin-1 code), a few distinct names read in it with confidence.
type Support = HashMap<(String, String), Vec<String>>;

/// A point a stated distance and direction put a place at ("Oleksandrivske (47km north-east of Donetsk)"):
/// the point, how far from it a reading may lie (km), and the anchor's id.
type StatedPoint = ((f64, f64), f64, u64);

/// The town a place is written to lie by ("Kamenka near Debaltseve"): its point and id (a place is not its
/// own anchor, whatever names they share), and the direction stated ("west of Donetsk"), if any.
type NearPoint = ((f64, f64), u64, Option<f64>);

/// What the article tells about its names, gathered once ([`Evidence::gather`]) before any reading is
/// scored ([`Evidence::pick`]).
struct Evidence<'a> {
    found: &'a [Found],
    names: NameForms<'a>,
    article: Article,
    clues: Clues,
    debug: bool,
}

/// Whether a reading bears the name as its own, or starts with it ("New York City"), once per name and
/// entry: the skeletons behind it are dear, and `pick` runs twice over every mention.
struct NameForms<'a>(HashMap<(&'a str, u64), (bool, bool)>);

/// The article's countries, counted over its names: a demonym or a name with one clear reading counts 1, a
/// name with several 0.5.
struct Focus {
    /// Every country.
    all: HashMap<String, f64>,
    /// What each name gives (its country and weight), so that a name is not its own evidence ("Lebanon"
    /// ten times in a Pennsylvania obituary does not make the article Lebanese).
    own: HashMap<String, (String, f64)>,
    /// The same for towns and regions only (names with no country reading).
    local: HashMap<String, f64>,
    local_own: HashSet<String>,
    local_total: f64,
    total: f64,
}

/// Evidence of the whole article.
struct Article {
    focus: Focus,
    /// Admin-1 names read as regions, and the regions of names with one reading.
    regions: HashSet<(String, String)>,
    /// Regions named by another name: "Donbas", "the DPR".
    named_regions: Vec<(String, String)>,
    /// In a report on a war, the regions fought over when it was published.
    war_regions: Vec<(String, String)>,
    /// The article's countries as points (names read as countries, demonyms), for the water bodies and
    /// macro-regions that share a name ("the Gulf": the Persian Gulf near Iran, the Gulf of Mexico near the
    /// US).
    country_points: Vec<(f64, f64)>,
    /// Names listed with a country ("the United States and China", "Chad, Niger and Mali"): countries
    /// themselves where they can be.
    with_countries: HashSet<String>,
}

/// Evidence of each name, by its index among the names found.
struct Clues {
    /// The region or country that closes its address ("Paris, Texas", "X village, Y district, Z region").
    container: Sparse<Candidate>,
    /// The centres of the districts on the way of its address.
    district_points: Sparse<Vec<(f64, f64)>>,
    near_points: Sparse<NearPoint>,
    stated_points: Sparse<StatedPoint>,
    /// Listed with regions ("states such as California or Washington").
    with_regions: HashSet<usize>,
    /// Its region reading right after a town it holds ("Blakely, Georgia").
    apposed_region: HashMap<usize, Candidate>,
    /// After a compass adjective ("central Washington", "southern California").
    compass: Vec<bool>,
}

/// A value for some of the names found, by index, kept for those that have one only: most names have no
/// address, anchor or stated distance, and a slot for every name (a candidate is 150 bytes) cost more than
/// the names themselves on a long list of places.
#[derive(Debug)]
struct Sparse<T> {
    /// (index, value), by index.
    items: Vec<(usize, T)>,
}

impl<T> Sparse<T> {
    /// The values of `values`, the `i`-th for the `i`-th name; `None` and empty values are left out.
    fn from_options(values: impl IntoIterator<Item = Option<T>>) -> Self {
        Sparse {
            items: values
                .into_iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (i, v)))
                .collect(),
        }
    }

    /// The values of `(index, value)` pairs in any order; of two for one index, the later.
    fn from_pairs(mut pairs: Vec<(usize, T)>) -> Self {
        // stable: the pairs of one index stay in their order, and the last is kept
        pairs.sort_by_key(|(i, _)| *i);
        let mut items: Vec<(usize, T)> = Vec::with_capacity(pairs.len());
        for (i, v) in pairs {
            match items.last_mut() {
                Some(last) if last.0 == i => last.1 = v,
                _ => items.push((i, v)),
            }
        }
        Sparse { items }
    }

    /// The value of name `i`, if any.
    fn get(&self, i: usize) -> Option<&T> {
        self.items
            .binary_search_by_key(&i, |(k, _)| *k)
            .ok()
            .map(|k| &self.items[k].1)
    }
}

/// Chooses a reading for every name found and writes the places layer.
pub(super) fn resolve(doc: &mut Doc, gaz: &Gazetteer, found: Vec<Found>) {
    let ev = Evidence::gather(doc, gaz, &found);
    // first pass: priors and the article's countries
    let first: Vec<Choice> = (0..found.len())
        .map(|i| ev.pick(i, &[], &Support::new()))
        .collect();
    let support = region_support(&found, &first);
    let main_town = main_town(&found, &first);
    // second pass: closeness to the other places that are sure
    let distinct = sure_points(&found, &first);
    let choices: Vec<Choice> = found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            // other places only: no support from another mention of one of its own readings
            let anchors: Vec<(f64, f64)> = distinct
                .iter()
                .filter(|(j, p)| *j != i && !f.cands.iter().any(|c| (c.lat, c.lon) == *p))
                .map(|(_, p)| *p)
                .collect();
            ev.pick(i, &anchors, &support)
        })
        .collect();
    let choices = one_sense_per_text(&found, &choices);
    write_places(doc, found, &choices, main_town);
}

/// Whether a first reading is sure: a literal town read with confidence.
fn sure_town(f: &Found, p: Choice) -> Option<&Candidate> {
    let (ci, conf) = p?;
    let c = &f.cands[ci];
    (conf > 0.8 && c.feature_class == 'P' && f.kind == MentionKind::Literal).then_some(c)
}

/// The regions of the first readings: a few distinct names each.
fn region_support(found: &[Found], first: &[Choice]) -> Support {
    let mut support = Support::new();
    for (f, p) in found.iter().zip(first) {
        let Some((ci, conf)) = *p else { continue };
        let c = &f.cands[ci];
        if conf <= 0.6 || f.kind == MentionKind::Demonym || c.feature_code.starts_with("PCL") {
            continue;
        }
        if let Some(a) = &c.admin1_code {
            let v = support
                .entry((c.country_code.clone(), a.clone()))
                .or_default();
            if v.len() < 4 && !v.contains(&f.key) {
                v.push(f.key.clone());
            }
        }
    }
    support
}

/// The article's town: the sure town named most often (first named on a tie); streets lie in it.
fn main_town(found: &[Found], first: &[Choice]) -> Option<Candidate> {
    let mut town_count: Vec<(u64, usize, usize)> = Vec::new(); // (geonames id, mentions, found index)
    for (i, (f, p)) in found.iter().zip(first).enumerate() {
        if let Some(c) = sure_town(f, *p) {
            match town_count.iter_mut().find(|t| t.0 == c.geonames_id) {
                Some(t) => t.1 += 1,
                None => town_count.push((c.geonames_id, 1, i)),
            }
        }
    }
    town_count
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .and_then(|&(_, _, i)| first[i].map(|(ci, _)| found[i].cands[ci].clone()))
}

/// The distinct points of the sure towns (a long text repeats the same places many times), with the index
/// of the first name at each.
fn sure_points(found: &[Found], first: &[Choice]) -> Vec<(usize, (f64, f64))> {
    let mut distinct: Vec<(usize, (f64, f64))> = Vec::new();
    let sure = found
        .iter()
        .zip(first)
        .enumerate()
        .filter_map(|(i, (f, p))| sure_town(f, *p).map(|c| (i, (c.lat, c.lon))));
    for (i, p) in sure {
        if distinct.len() < 300 && !distinct.iter().any(|(_, q)| *q == p) {
            distinct.push((i, p));
        }
    }
    distinct
}

/// One sense per text: the mentions of a name with the same readings take the reading of the surest of them
/// ("Oleksandrivske; ... Oleksandrivske (47km north-east of Donetsk)"). ("The city of Kherson" is not "the
/// Kherson region": the same cue, or no region cue on either and a town.)
fn one_sense_per_text(found: &[Found], choices: &[Choice]) -> Vec<Choice> {
    let mut surest: HashMap<&str, usize> = HashMap::new();
    for (i, f) in found.iter().enumerate() {
        let Some((_, conf)) = choices[i] else {
            continue;
        };
        let e = surest.entry(f.key.as_str()).or_insert(i);
        if choices[*e].is_none_or(|(_, c)| conf > c) {
            *e = i;
        }
    }
    let region_cue = |f: &Found| score::is_region_cue(f.cue.as_deref());
    let same_readings = |a: &Found, b: &Found, chosen: Choice| {
        let town = chosen.is_some_and(|(ci, _)| b.cands[ci].feature_class == 'P');
        a.cands.len() == b.cands.len()
            && (a.cue == b.cue || !region_cue(a) && !region_cue(b) && town)
            && a.facility.is_none()
            && b.facility.is_none()
            && a.cands
                .iter()
                .zip(b.cands.iter())
                .all(|(x, y)| x.geonames_id == y.geonames_id)
    };
    (0..found.len())
        .map(|i| match surest.get(found[i].key.as_str()) {
            Some(&k) if k != i && same_readings(&found[i], &found[k], choices[k]) => choices[k],
            _ => choices[i],
        })
        .collect()
}

/// A place per resolved entry (or per unresolved key), a mention per name; a street lies in the article's
/// town.
fn write_places(
    doc: &mut Doc,
    found: Vec<Found>,
    choices: &[Choice],
    main_town: Option<Candidate>,
) {
    for (i, f) in found.into_iter().enumerate() {
        let choice = choices[i];
        let (cand, conf) = if f.facility.as_deref() == Some("street") {
            (
                main_town.clone(),
                if main_town.is_some() { 0.5 } else { 0.0 },
            )
        } else {
            (
                choice.map(|(ci, _)| f.cands[ci].clone()),
                choice.map(|(_, c)| c).unwrap_or(0.0),
            )
        };
        let idx = place_of(doc, &f, cand, conf);
        doc.add_place_mention(PlaceMention {
            start: f.start,
            end: f.end,
            kind: f.kind,
            place: idx,
        });
    }
}

/// The place of a name read as `cand`: the one already made for its entry (or for its key, unresolved or a
/// facility), else a new one.
fn place_of(doc: &mut Doc, f: &Found, cand: Option<Candidate>, conf: f64) -> usize {
    let existing = doc.places.iter().position(|p| match (&p.resolved, &cand) {
        _ if p.facility.is_some() || f.facility.is_some() => p.key == f.key,
        (Some(a), Some(b)) => a.geonames_id == b.geonames_id,
        (None, None) => p.key == f.key,
        _ => false,
    });
    match existing {
        Some(i) => {
            if doc.places[i].cue.is_none() {
                doc.places[i].cue = f.cue.clone();
            }
            i
        }
        None => {
            doc.places.push(new_place(f, cand, conf));
            doc.places.len() - 1
        }
    }
}

/// A new place for a name read as `cand`: its name, point, resolution and precision (a country or an
/// administrative area 3, a facility 2, a town 1).
fn new_place(f: &Found, cand: Option<Candidate>, conf: f64) -> PlaceRec {
    let (name, lat, lon, resolution, precision) = match &cand {
        Some(c) if f.facility.is_some() => (
            f.name.clone(),
            Some(c.lat),
            Some(c.lon),
            Resolution::Facility,
            2,
        ),
        Some(c) => {
            let prec = if c.feature_code.starts_with("PCL") || c.feature_code.starts_with("ADM") {
                3
            } else {
                1
            };
            (
                c.name.clone(),
                Some(c.lat),
                Some(c.lon),
                if f.fuzzy {
                    Resolution::Fuzzy
                } else {
                    Resolution::Gazetteer
                },
                prec,
            )
        }
        None => (f.name.clone(), None, None, Resolution::Unresolved, 1),
    };
    PlaceRec {
        name,
        key: f.key.clone(),
        resolved: cand,
        lat,
        lon,
        confidence: conf,
        resolution,
        facility: f.facility.clone(),
        cue: f.cue.clone(),
        relation: None,
        geo_precision: precision,
        country_code: None,
        admin1: None,
    }
}
