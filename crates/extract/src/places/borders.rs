//! Borders as places: "near the Romanian border", "along the border with Russia", "the Russian-Ukrainian
//! border", "Ukraine's border with Belarus". The place is the land border of two countries: the named one
//! and the article's own country (the one most of its places are in) unless both are named. It is put on
//! the map at a representative point of that border (data/gazetteer/borders.tsv, a vertex in the middle of
//! the Natural Earth border of the two countries), precision 3, related to the named country.
//!
//! Writes: border places and their mentions (part of the places layer, called by the places stage).
//! Reads: `gazetteer/borders.tsv`, `border_nouns.txt`, the `borders.*` patterns; the gazetteer's countries.

use crate::doc::{Doc, MentionKind, PlaceMention, PlaceRec, Relation};
use crate::rules::{DataFiles, Patterns as PatternTable, RulesError};
use regex::Regex;
use sitrep_gazetteer::Gazetteer;
use sitrep_ledger::Resolution;
use std::collections::{HashMap, HashSet};

/// The rules of borders: `gazetteer/borders.tsv` (country, country, lat, lon), `border_nouns.txt` and the
/// `borders.*` patterns.
pub(crate) struct BorderRules {
    /// (country, country) sorted -> a point on their land border.
    points: HashMap<(String, String), (f64, f64)>,
    /// Nouns after "border" that make it a modifier of something else than the border itself ("border
    /// guards", "border crossings").
    modifier_nouns: HashSet<String>,
    patterns: Patterns,
}

impl BorderRules {
    pub(crate) fn load(files: &DataFiles, p: &PatternTable) -> Result<Self, RulesError> {
        const FILE: &str = "gazetteer/borders.tsv";
        let mut points = HashMap::new();
        for (n, l) in files.lines(FILE)? {
            let f: Vec<&str> = l.split('\t').collect();
            let point = f
                .get(2)
                .and_then(|a| a.parse().ok())
                .zip(f.get(3).and_then(|b| b.parse().ok()));
            let Some(point) = point else {
                return Err(files.error(
                    FILE,
                    n,
                    "two countries, a latitude and a longitude are needed".into(),
                ));
            };
            points.insert(pair(f[0], f[1]), point);
        }
        Ok(BorderRules {
            points,
            modifier_nouns: files.set("border_nouns.txt")?,
            patterns: Patterns {
                before: p.get("borders.before")?,
                after: p.get("borders.after")?,
                owner: p.get("borders.owner")?,
            },
        })
    }
}

fn pair(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// The point on the land border of two countries, if they share one.
pub(crate) fn border_point(r: &BorderRules, a: &str, b: &str) -> Option<(f64, f64)> {
    r.points.get(&pair(a, b)).copied()
}

fn word_after(view: &str, pos: usize) -> Option<String> {
    let w: String = view[pos..]
        .trim_start_matches(' ')
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    (!w.is_empty()).then(|| w.to_lowercase())
}

struct Patterns {
    /// "the Romanian border", "the Russian-Ukrainian border", "the Russia–Ukraine frontier"
    before: Regex,
    /// "the border with Russia", "the border between Ukraine and Belarus"
    after: Regex,
    /// "Ukraine's border with Belarus": the side the place is on
    owner: Regex,
}

/// The country a name or adjective stands for, with the span it takes; `from_end` drops words from the
/// end (a name after "with") rather than from the start (a name before "border") until one is found.
fn country_in(
    gaz: &Gazetteer,
    text: &str,
    at: usize,
    from_end: bool,
) -> Option<(String, usize, usize)> {
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut s = None;
    for (i, ch) in text.char_indices() {
        if ch.is_whitespace() {
            if let Some(st) = s.take() {
                bounds.push((st, i));
            }
        } else if s.is_none() {
            s = Some(i);
        }
    }
    if let Some(st) = s {
        bounds.push((st, text.len()));
    }
    let n = bounds.len();
    for k in 0..n {
        let (i, j) = if from_end { (0, n - k) } else { (k, n) };
        let (s, e) = (bounds[i].0, bounds[j - 1].1);
        let name = text[s..e].trim_end_matches("'s").trim_end_matches("’s");
        if name.is_empty() || !name.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let cc = gaz.demonym(name).map(str::to_string).or_else(|| {
            gaz.lookup(name)
                .into_iter()
                .find(|c| c.feature_code.starts_with("PCL"))
                .map(|c| c.country_code)
        });
        if let Some(cc) = cc {
            return Some((cc, at + s, at + s + name.len()));
        }
    }
    None
}

/// The country most of the document's place mentions are in (of those with a country), other than `not`.
fn main_country(doc: &Doc, not: &str) -> Option<String> {
    let mut n: HashMap<&str, usize> = HashMap::new();
    for m in &doc.place_mentions {
        if let Some(c) = &doc.places[m.place].resolved {
            if c.country_code != not && !c.country_code.is_empty() {
                *n.entry(c.country_code.as_str()).or_default() += 1;
            }
        }
    }
    n.into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c.to_string())
}

/// The place of a country in the document, added with a mention of `start..end` when it has none.
fn country_place(
    doc: &mut Doc,
    gaz: &Gazetteer,
    cc: &str,
    start: usize,
    end: usize,
) -> Option<usize> {
    let existing = doc.places.iter().position(|p| {
        p.resolved
            .as_ref()
            .is_some_and(|c| c.feature_code.starts_with("PCL") && c.country_code == cc)
    });
    let idx = match existing {
        Some(i) => i,
        None => {
            let c = gaz.country(cc)?;
            doc.places.push(PlaceRec {
                name: c.name.clone(),
                key: sitrep_gazetteer::normalise(&c.name),
                lat: Some(c.lat),
                lon: Some(c.lon),
                resolved: Some(c),
                confidence: 0.9,
                resolution: Resolution::Gazetteer,
                facility: None,
                cue: None,
                relation: None,
                geo_precision: 3,
                country_code: None,
                admin1: None,
            });
            doc.places.len() - 1
        }
    };
    if doc.place_overlapping(start, end).is_none() {
        let written = &doc.view()[start..end];
        let kind = if written.chars().any(char::is_lowercase) && gaz.demonym(written).is_some() {
            MentionKind::Demonym
        } else {
            MentionKind::Literal
        };
        doc.add_place_mention(PlaceMention {
            start,
            end,
            kind,
            place: idx,
        });
    }
    Some(idx)
}

/// One border phrase: the named countries (with their spans), the word "border" and the whole phrase.
struct Found {
    named: Vec<(String, usize, usize)>,
    home: Option<String>,
    word: (usize, usize),
    phrase: (usize, usize),
}

/// Finds the border phrases and adds a place for each border (one per pair of countries).
pub fn borders(doc: &mut Doc, gaz: &Gazetteer) {
    let view = doc.view();
    let r = &doc.rules.places.borders;
    if !view.contains("border") && !view.contains("frontier") {
        return;
    }
    let mut found: Vec<Found> = Vec::new();
    for c in r.patterns.before.captures_iter(view) {
        let (a, w) = (c.name("a").unwrap(), c.name("w").unwrap());
        // "Poland's border with Belarus" names its owner (below); "Ukrainian border guards" are people
        let owner = a.as_str().ends_with("'s") || a.as_str().ends_with("’s");
        if owner || word_after(view, w.end()).is_some_and(|n| r.modifier_nouns.contains(n.as_str()))
        {
            continue;
        }
        let mut named = Vec::new();
        if let Some(b) = c.name("b") {
            named.extend(country_in(gaz, a.as_str(), a.start(), false));
            named.extend(country_in(gaz, b.as_str(), b.start(), true));
        } else {
            named.extend(country_in(gaz, a.as_str(), a.start(), false));
        }
        if named.is_empty() {
            continue;
        }
        let start = named[0].1;
        found.push(Found {
            named,
            home: None,
            word: (w.start(), w.end()),
            phrase: (start, w.end()),
        });
    }
    for c in r.patterns.after.captures_iter(view) {
        let (a, w) = (c.name("a").unwrap(), c.name("w").unwrap());
        if found.iter().any(|f| f.word.0 == w.start()) {
            continue;
        }
        let mut named: Vec<_> = country_in(gaz, a.as_str(), a.start(), true)
            .into_iter()
            .collect();
        // "between Moldova and Ukraine" names both sides; "with Georgia and Azerbaijan" two borders, the first
        // taken
        if let (Some(b), Some(_)) = (c.name("b"), c.name("between")) {
            named.extend(country_in(gaz, b.as_str(), b.start(), true));
        }
        if named.is_empty() {
            continue;
        }
        // "Ukraine's border with Belarus"
        let line_start = view[..w.start()].rfind(['.', '\n']).map_or(0, |i| i + 1);
        let home = r
            .patterns
            .owner
            .captures(&view[line_start..w.start()])
            .and_then(|h| {
                let h = h.name("h").unwrap();
                country_in(gaz, h.as_str(), line_start + h.start(), false)
            })
            .map(|(cc, _, _)| cc);
        let end = named.last().map_or(w.end(), |n| n.2);
        found.push(Found {
            named,
            home,
            word: (w.start(), w.end()),
            phrase: (w.start(), end),
        });
    }
    found.sort_by_key(|f| f.word.0);
    for f in found {
        let (other, home) = match f.named.as_slice() {
            [one] => {
                let home = f.home.clone().or_else(|| main_country(doc, &one.0));
                (one.clone(), home)
            }
            [a, b, ..] if a.0 != b.0 => {
                // both named: the place is on the side of the article's country when it is one of them
                let main = main_country(doc, "");
                if main.as_deref() == Some(b.0.as_str()) {
                    (a.clone(), Some(b.0.clone()))
                } else {
                    (b.clone(), Some(a.0.clone()))
                }
            }
            _ => continue,
        };
        let Some(home) = home.filter(|h| *h != other.0) else {
            continue;
        };
        let Some(pt) = border_point(r, &home, &other.0) else {
            continue;
        };
        for (cc, s, e) in &f.named {
            if *cc == home {
                country_place(doc, gaz, cc, *s, *e);
            }
        }
        let Some(anchor) = country_place(doc, gaz, &other.0, other.1, other.2) else {
            continue;
        };
        let (k1, k2) = pair(&home, &other.0);
        let key = format!("border {k1} {k2}");
        let name_of = |cc: &str| gaz.country(cc).map_or(cc.to_string(), |c| c.name);
        let idx = match doc.places.iter().position(|p| p.key == key) {
            Some(i) => i,
            None => {
                doc.places.push(PlaceRec {
                    name: format!("{}–{} border", name_of(&home), name_of(&other.0)),
                    key,
                    resolved: None,
                    lat: Some(pt.0),
                    lon: Some(pt.1),
                    confidence: 0.6,
                    resolution: Resolution::Relative,
                    facility: None,
                    cue: Some("border".into()),
                    relation: Some(Relation {
                        anchor,
                        distance_km: None,
                        bearing: None,
                        start: f.phrase.0,
                        end: f.phrase.1,
                        border: Some(home.clone()),
                    }),
                    geo_precision: 3,
                    country_code: None,
                    admin1: None,
                });
                doc.places.len() - 1
            }
        };
        if doc.place_overlapping(f.word.0, f.word.1).is_none() {
            doc.add_place_mention(PlaceMention {
                start: f.word.0,
                end: f.word.1,
                kind: MentionKind::Literal,
                place: idx,
            });
        }
    }
}
