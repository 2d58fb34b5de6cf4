//! The evidence a reading is scored by, gathered once per article: its countries ("focus") and regions, the
//! regions named by other names or fought over, the names listed with countries or regions, and for each
//! name its address, the districts on the way, the town it is written to lie by and the point a stated
//! distance puts it at, a region right after a town, a compass adjective before it.
//!
//! Writes: nothing on its own; the [`Evidence`] of place resolution (places layer).
//! Reads: the names found, the text between them, the gazetteer (district centres), the publication date,
//! the places rules (`places.relation` pattern, address and near rules, region aliases, conflict areas,
//! `lists/compass_adjectives.txt`).

use super::score::base_score;
use super::{Article, Clues, Evidence, Focus, NameForms, NearPoint, Sparse, StatedPoint};
use crate::doc::{Doc, MentionKind};
use crate::places::romanised::own_name;
use crate::places::{
    address, conflict_areas, near, prev_word, region_aliases, relation_km, Found, PlaceRules,
};
use sitrep_gazetteer::{normalise, Candidate, Gazetteer};
use sitrep_geo::{compass_code, compass_degrees, destination, haversine_km};
use std::collections::{HashMap, HashSet};

/// Share of the other towns and regions named, and how many at least (a name with several readings counts
/// half), that makes an article local to one country.
const LOCAL_SHARE: f64 = 0.6;
const LOCAL_NAMES: f64 = 2.0;

impl<'a> Evidence<'a> {
    pub(super) fn gather(doc: &Doc, gaz: &Gazetteer, found: &'a [Found]) -> Self {
        let (pr, view) = (&doc.rules.places, doc.view());
        let names = NameForms::of(found);
        let article = Article::gather(doc, found);
        let addresses: Vec<address::Address> = (0..found.len())
            .map(|i| address::address(&pr.address, view, found, i, &best_of))
            .collect();
        let container = Sparse::from_options(
            addresses
                .iter()
                .map(|a| a.region.and_then(|j| best_of(&found[j]))),
        );
        let district_points = district_points(pr, gaz, view, &addresses, &container);
        let stated_points = stated_points(pr, view, found);
        let near_points = near_points(pr, view, found, &stated_points);
        if doc.rules.debug_places {
            eprintln!("places: near points {near_points:?}, stated points {stated_points:?}");
        }
        let clues = Clues {
            container,
            district_points,
            near_points,
            stated_points,
            with_regions: listed_with_regions(view, found, &names, &addresses),
            apposed_region: apposed_regions(view, found, &names),
            compass: after_compass_word(pr, view, found),
        };
        Evidence {
            found,
            names,
            article,
            clues,
            debug: doc.rules.debug_places,
        }
    }
}

/// The best reading of a name by its prior alone.
fn best_of(f: &Found) -> Option<Candidate> {
    f.readings()
        .iter()
        .max_by(|a, b| base_score(a, f.cue.as_deref()).total_cmp(&base_score(b, f.cue.as_deref())))
        .cloned()
}

/// The name's best reading as a town ("near Donetsk": the city, not the region).
fn town_of(f: &Found) -> Option<Candidate> {
    f.readings()
        .iter()
        .filter(|c| c.feature_class == 'P')
        .max_by(|a, b| base_score(a, f.cue.as_deref()).total_cmp(&base_score(b, f.cue.as_deref())))
        .cloned()
}

impl Focus {
    fn of(found: &[Found]) -> Focus {
        let mut all: HashMap<String, f64> = HashMap::new();
        let mut own: HashMap<String, (String, f64)> = HashMap::new();
        let mut local: HashMap<String, f64> = HashMap::new();
        let mut local_own: HashSet<String> = HashSet::new();
        for f in found {
            let (cc, w) = if f.kind == MentionKind::Demonym {
                (f.cands[0].country_code.clone(), 1.0)
            } else if let Some(best) = f.readings().iter().max_by(|a, b| {
                base_score(a, f.cue.as_deref()).total_cmp(&base_score(b, f.cue.as_deref()))
            }) {
                // one reading, or a country (the other readings of "Ukraine", "Jordan" are villages)
                let w = if f.cands.len() == 1 || best.feature_code.starts_with("PCL") {
                    1.0
                } else {
                    0.5
                };
                (best.country_code.clone(), w)
            } else {
                continue;
            };
            *all.entry(cc.clone()).or_default() += w;
            let town_or_region = f.kind != MentionKind::Demonym
                && f.cands.iter().all(|c| !c.feature_code.starts_with("PCL"));
            if town_or_region {
                *local.entry(cc.clone()).or_default() += w;
            }
            // a demonym ("Chinese") is evidence for the name of its country ("China"), not the name itself
            if f.kind != MentionKind::Demonym {
                let o = own.entry(f.key.clone()).or_insert((cc, 0.0));
                o.1 += w;
            }
            if town_or_region {
                local_own.insert(f.key.clone());
            }
        }
        Focus {
            local_total: local.values().sum::<f64>(),
            total: all.values().sum::<f64>(),
            all,
            own,
            local,
            local_own,
        }
    }

    /// The country of a local article: most of the other towns and regions named lie in it.
    pub(super) fn local_home(&self, key: &str) -> Option<&str> {
        let (mine_cc, mine_w) = match self.own.get(key) {
            Some((c, w)) if self.local_own.contains(key) => (c.as_str(), *w),
            _ => ("", 0.0),
        };
        let rest = self.local_total - mine_w;
        self.local.iter().find_map(|(cc, &w)| {
            let w = if cc == mine_cc { w - mine_w } else { w };
            (w >= LOCAL_NAMES.max(LOCAL_SHARE * rest)).then_some(cc.as_str())
        })
    }

    /// What country `cc` gains from the other names of the article (not the name `key` itself).
    pub(super) fn bonus(&self, cc: &str, key: &str) -> f64 {
        let (mine, mine_w) = self
            .own
            .get(key)
            .map_or((false, 0.0), |(c, w)| (c == cc, *w));
        let rest = self.total - mine_w;
        let here = self.all.get(cc).copied().unwrap_or(0.0) - if mine { mine_w } else { 0.0 };
        4.0 * here.max(0.0) / rest.max(1.0)
    }

    /// The countries of the article, named at least once with a clear reading.
    fn countries(&self) -> Vec<&str> {
        self.all
            .iter()
            .filter(|(_, w)| **w >= 1.0)
            .map(|(c, _)| c.as_str())
            .collect()
    }
}

impl Article {
    fn gather(doc: &Doc, found: &[Found]) -> Article {
        let (pr, view) = (&doc.rules.places, doc.view());
        let focus = Focus::of(found);
        let named_regions = region_aliases::regions_named(&pr.aliases, view);
        let war_regions =
            conflict_areas::regions(&pr.areas, view, &focus.countries(), doc.published);
        Article {
            focus,
            regions: article_regions(found),
            named_regions,
            war_regions,
            country_points: country_points(found),
            with_countries: listed_with_countries(view, found),
        }
    }
}

/// The article's regions: admin-1 names read as regions, and the regions of names with one reading.
fn article_regions(found: &[Found]) -> HashSet<(String, String)> {
    let mut regions: HashSet<(String, String)> = HashSet::new();
    for f in found
        .iter()
        .filter(|f| f.kind != MentionKind::Demonym && !f.fuzzy)
    {
        if let Some(b) = best_of(f) {
            if b.feature_code == "ADM1" || f.cands.len() == 1 && b.feature_class == 'P' {
                if let Some(a) = b.admin1_code {
                    regions.insert((b.country_code, a));
                }
            }
        }
    }
    regions
}

/// The article's countries as points (names read as countries, demonyms).
fn country_points(found: &[Found]) -> Vec<(f64, f64)> {
    let mut country_points: Vec<(f64, f64)> = Vec::new();
    for f in found {
        let c = if f.kind == MentionKind::Demonym {
            f.cands.first().cloned()
        } else {
            best_of(f)
        };
        if let Some(c) = c.filter(|c| c.feature_code.starts_with("PCL")) {
            if !country_points.contains(&(c.lat, c.lon)) {
                country_points.push((c.lat, c.lon));
            }
        }
    }
    country_points
}

/// Names listed with a country ("the United States and China", "Chad, Niger and Mali"), by key: countries
/// themselves where they can be.
fn listed_with_countries(view: &str, found: &[Found]) -> HashSet<String> {
    let mut with_countries: HashSet<String> = HashSet::new();
    for w in found.windows(2) {
        let gap = view.get(w[0].end..w[1].start).unwrap_or("");
        if !matches!(gap, " and " | ", " | " or " | ", and ") {
            continue;
        }
        let country = |f: &Found| best_of(f).is_some_and(|b| b.feature_code.starts_with("PCL"));
        let can_be = |f: &Found| f.cands.iter().any(|c| c.feature_code.starts_with("PCL"));
        if country(&w[1]) && can_be(&w[0]) {
            with_countries.insert(w[0].key.clone());
        }
        if country(&w[0]) && can_be(&w[1]) {
            with_countries.insert(w[1].key.clone());
        }
    }
    with_countries
}

impl<'a> NameForms<'a> {
    fn of(found: &'a [Found]) -> Self {
        let mut names_of: HashMap<(&str, u64), (bool, bool)> = HashMap::new();
        for f in found {
            for c in f.cands.iter() {
                names_of
                    .entry((f.key.as_str(), c.geonames_id))
                    .or_insert_with(|| {
                        let own = own_name(c, &f.key);
                        (own, own || namesake(c, &f.key))
                    });
            }
        }
        NameForms(names_of)
    }

    /// Whether `c` bears the name `key` as its own.
    pub(super) fn own(&self, c: &Candidate, key: &str) -> bool {
        self.0.get(&(key, c.geonames_id)).is_some_and(|n| n.0)
    }

    /// Whether `c` is a namesake of `key` (see [`namesake`]).
    pub(super) fn namesake(&self, c: &Candidate, key: &str) -> bool {
        self.0.get(&(key, c.geonames_id)).is_some_and(|n| n.1)
    }
}

/// A town that bears the name: called so, or its name starts with it ("New York" of "New York City").
fn namesake(c: &Candidate, key: &str) -> bool {
    own_name(c, key) || normalise(&c.name).starts_with(&format!("{key} "))
}

/// The centres of the districts on the way of each name's address: a district on the way puts the place
/// near the district's centre.
fn district_points(
    pr: &PlaceRules,
    gaz: &Gazetteer,
    view: &str,
    addresses: &[address::Address],
    container: &Sparse<Candidate>,
) -> Sparse<Vec<(f64, f64)>> {
    Sparse::from_options(addresses.iter().enumerate().map(|(i, a)| {
        let points: Vec<(f64, f64)> = a
            .districts
            .iter()
            .filter_map(|&(s, e)| {
                address::district_point(&pr.address, gaz, &view[s..e], container.get(i))
            })
            .collect();
        (!points.is_empty()).then_some(points)
    }))
}

/// "Oleksandrivske (47km north-east of Donetsk)": the point a stated distance and direction put a name
/// at, and how far from it a reading may lie.
fn stated_points(pr: &PlaceRules, view: &str, found: &[Found]) -> Sparse<StatedPoint> {
    let mut out = Vec::new();
    for c in pr.patterns.relation.captures_iter(view) {
        let (Some(all), Some(km)) = (c.get(0), relation_km(&c)) else {
            continue;
        };
        let Some(j) = found.iter().position(|f| f.start == all.end()) else {
            continue;
        };
        let Some(i) = found[..j].iter().rposition(|f| f.end <= all.start()) else {
            continue;
        };
        let gap = &view[found[i].end..all.start()];
        if gap.len() > 60 || gap.contains(['.', ';', '\n']) {
            continue;
        }
        let Some(a) = town_of(&found[j]) else {
            continue;
        };
        let Some(deg) = compass_code(&c[3]).and_then(compass_degrees) else {
            continue;
        };
        let point = destination((a.lat, a.lon), km, deg);
        out.push((i, (point, (0.5 * km).max(20.0), a.geonames_id)));
    }
    Sparse::from_pairs(out)
}

/// The town each name is written to lie by ("Kamenka near Debaltseve", "X (47km north-east of Donetsk)"),
/// and the direction stated, if any.
fn near_points(
    pr: &PlaceRules,
    view: &str,
    found: &[Found],
    stated_points: &Sparse<StatedPoint>,
) -> Sparse<NearPoint> {
    Sparse::from_options(
        near::anchors(&pr.near, view, found)
            .into_iter()
            .enumerate()
            .map(|(i, j)| {
                let j = j?;
                // an anchor placed by its own stated distance: its reading nearest that point
                // ("Zhovanka, an area of Zaitseve (50km northeast of Donetsk)")
                let b = match stated_points.get(j).copied() {
                    Some((p, tolerance, _)) => found[j]
                        .readings()
                        .iter()
                        .filter(|c| c.feature_class == 'P')
                        .map(|c| (haversine_km(p, (c.lat, c.lon)), c))
                        .filter(|(d, _)| *d <= tolerance)
                        .min_by(|x, y| x.0.total_cmp(&y.0))
                        .map(|(_, c)| c.clone())
                        .or_else(|| town_of(&found[j]))?,
                    None => town_of(&found[j])?,
                };
                let bearing = view
                    .get(found[i].end..found[j].start)
                    .and_then(|g| near::gap_bearing(&pr.near, g));
                Some(((b.lat, b.lon), b.geonames_id, bearing))
            }),
    )
}

/// Names listed with a region ("states such as California or Washington", "Alaska, Hawaii and
/// Washington"), by index: regions themselves where they can be, unless an address closes them
/// ("Washington, D.C."); a region that shares its name with a sizeable town does not count ("Washington,
/// New York and Boston").
fn listed_with_regions(
    view: &str,
    found: &[Found],
    names: &NameForms,
    addresses: &[address::Address],
) -> HashSet<usize> {
    let plain_region = |f: &Found| {
        best_of(f).is_some_and(|b| b.feature_code == "ADM1")
            && !f.cands.iter().any(|c| {
                c.feature_class == 'P' && c.population >= 100_000 && names.namesake(c, &f.key)
            })
    };
    let mut with_regions: HashSet<usize> = HashSet::new();
    for (i, w) in found.windows(2).enumerate() {
        let gap = view.get(w[0].end..w[1].start).unwrap_or("");
        if !matches!(gap, " and " | ", " | " or " | ", and " | ", or ") {
            continue;
        }
        let can_be = |f: &Found| f.cands.iter().any(|c| c.feature_code == "ADM1");
        if plain_region(&w[1]) && can_be(&w[0]) {
            with_regions.insert(i);
        }
        if plain_region(&w[0]) && can_be(&w[1]) && addresses[i + 1].region.is_none() {
            with_regions.insert(i + 1);
        }
    }
    with_regions
}

/// "Blakely, Georgia", "Mississauga, Ontario": a name right after a town, with a region reading that holds
/// one of the town's readings, is that region (not the country Georgia, not Ontario, New York); not when
/// the region's namesake town lies in it ("Opytne, Donetsk": the city is as likely).
fn apposed_regions(view: &str, found: &[Found], names: &NameForms) -> HashMap<usize, Candidate> {
    let mut apposed_region: HashMap<usize, Candidate> = HashMap::new();
    for (i, w) in found.windows(2).enumerate() {
        if view.get(w[0].end..w[1].start) != Some(", ") || w[0].kind == MentionKind::Demonym {
            continue;
        }
        let region = w[1].cands.iter().find(|r| {
            r.feature_code == "ADM1"
                && w[0].cands.iter().any(|t| {
                    t.feature_class == 'P'
                        && t.country_code == r.country_code
                        && t.admin1_code == r.admin1_code
                })
                && !w[1].cands.iter().any(|t| {
                    t.feature_class == 'P'
                        && t.population >= 100_000
                        && names.namesake(t, &w[1].key)
                        && t.country_code == r.country_code
                        && t.admin1_code == r.admin1_code
                })
        });
        if let Some(r) = region {
            apposed_region.insert(i + 1, r.clone());
        }
    }
    apposed_region
}

/// "central Washington", "southern California": a part of an area, so the region rather than a town (a
/// country stays the country: "southern Taiwan").
fn after_compass_word(pr: &PlaceRules, view: &str, found: &[Found]) -> Vec<bool> {
    found
        .iter()
        .map(|f| {
            !f.cands.iter().any(|c| c.feature_code.starts_with("PCL"))
                && prev_word(view, f.start).is_some_and(|w| {
                    pr.compass_adjectives.contains(w)
                        && !view[..f.start].trim_end().ends_with(['.', '!', '?'])
                })
        })
        .collect()
}
