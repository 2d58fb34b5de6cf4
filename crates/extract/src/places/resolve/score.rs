//! Scoring a name's readings: a prior by population and feature (and the cue before or after the name:
//! "the village of", "region"), then what the article's evidence adds or takes away, and the closeness to
//! the sure places and the article's countries; the best reading wins, with a confidence from its margin
//! over the next.
//!
//! Writes: nothing on its own; the reading chosen for a name (places layer).
//! Reads: the [`Evidence`] of the article and the readings' gazetteer entries.

use super::{Evidence, Support};
use crate::places::romanised::{DISTRICT_KM, OWN_NAME_BONUS, VARIANT_PENALTY};
use crate::places::{conflict_areas, macro_feature, near, region_aliases, Found};
use sitrep_gazetteer::Candidate;
use sitrep_geo::haversine_km;

/// What a country, capital or region reading loses in a local article of another country when nothing else
/// in the article points to its country (about the head start a country's feature bonus gives it).
const FOREIGN_PENALTY: f64 = 5.0;
/// What a region reading gains right after a town it holds ("Blakely, Georgia"): as much as a town gains from
/// the region that closes its address.
const APPOSED_REGION_BONUS: f64 = 8.0;
/// What a region reading gains after one: the head start a sizeable namesake town took from it.
const COMPASS_REGION_BONUS: f64 = 3.0;
/// What a region reading gains when the name is listed with other regions ("California or Washington"): more
/// than the head start of a capital of the same name.
const LISTED_REGION_BONUS: f64 = 4.0;

/// More people than a place called a village, hamlet or settlement has.
const VILLAGE_MAX_POPULATION: u64 = 50_000;

/// What a water body or macro-region reading of a name with several readings gains by its distance to the
/// nearest sure place or country of the article: (under km, bonus), the first that holds.
const MACRO_NEAR_STEPS: [(f64, f64); 3] = [(1000.0, 3.0), (2500.0, 2.0), (5000.0, 1.0)];
/// What a town reading gains by its distance to the nearest sure place of the article.
const TOWN_NEAR_STEPS: [(f64, f64); 3] = [(50.0, 3.0), (200.0, 2.0), (600.0, 0.5)];

/// A cue that calls the name a region ("the Donetsk region", "Washington state", "Kherson oblast").
pub(super) fn is_region_cue(cue: Option<&str>) -> bool {
    matches!(
        cue,
        Some("region" | "oblast" | "province" | "district" | "state")
    )
}

fn feature_bonus(c: &Candidate, cue: Option<&str>) -> f64 {
    let mut b = match c.feature_code.as_str() {
        f if f.starts_with("PCL") => 6.0,
        "ADM1" => 2.5,
        "PPLC" => 2.5,
        "PPLA" => 1.5,
        "PPLA2" => 0.8,
        // more than a country's head start: "Atlantic" (Iowa, 7,000 people) is the ocean even in a US paper
        "OCN" => 9.0,
        f if macro_feature(f) => 8.0,
        _ => 0.0,
    };
    match cue {
        Some("village") | Some("town") | Some("city") | Some("settlement") | Some("hamlet")
        | Some("port") | Some("suburb") => {
            if c.feature_class == 'P' {
                b += 3.0;
                // "the village of Petrovskoye": not a city district of 85,000 people
                if matches!(cue, Some("village" | "hamlet" | "settlement"))
                    && c.population > VILLAGE_MAX_POPULATION
                {
                    b -= 3.0;
                }
            } else {
                b -= 3.0;
            }
        }
        cue if is_region_cue(cue) => {
            if c.feature_code == "ADM1" {
                b += 6.0;
            } else {
                b -= 2.0;
            }
        }
        _ => {}
    }
    b
}

/// A reading's prior: its population (log) and its feature's bonus under the name's cue.
pub(super) fn base_score(c: &Candidate, cue: Option<&str>) -> f64 {
    (1.0 + c.population as f64).log10() + feature_bonus(c, cue)
}

/// The distance from the nearest of `points` to the reading, in km (`f64::MAX` with none).
fn nearest_km<'p>(points: impl Iterator<Item = &'p (f64, f64)>, c: &Candidate) -> f64 {
    points
        .map(|&a| haversine_km(a, (c.lat, c.lon)))
        .fold(f64::MAX, f64::min)
}

/// The bonus of the first step `(under, bonus)` that `d` is under, else nothing.
fn step_bonus(d: f64, steps: &[(f64, f64)]) -> f64 {
    steps
        .iter()
        .find(|&&(under, _)| d < under)
        .map_or(0.0, |&(_, bonus)| bonus)
}

/// One name as it is scored: what holds for all its readings.
struct Name<'n> {
    /// Its index among the names found.
    fi: usize,
    f: &'n Found,
    /// A bare name shared by a region and a sizeable town is the town ("Kharkiv", "Odesa"); the region needs
    /// a cue ("the Kharkiv region"). (A town called so, or whose name starts with it: "New York City"; not
    /// one that only has it among its other names, as Floridablanca has "Florida".)
    namesakes: Vec<&'n Candidate>,
    region_cue: bool,
    /// A local article: most other names lie in one country, and this name has a reading there; a foreign
    /// country or capital of the same name that nothing else in the article points to is unlikely
    /// ("Lebanon", "Paris", "Dublin" in a Pennsylvania, Illinois or Ohio paper).
    home: Option<&'n str>,
    /// The points of the sure places around (none in the first pass).
    anchors: &'n [(f64, f64)],
    /// The regions of the first readings (empty in the first pass).
    support: &'n Support,
}

impl Evidence<'_> {
    /// The best reading of name `fi` and its confidence, near the sure places `anchors` and with the
    /// regions `support` of the first pass.
    pub(super) fn pick(
        &self,
        fi: usize,
        anchors: &[(f64, f64)],
        support: &Support,
    ) -> Option<(usize, f64)> {
        let f = &self.found[fi];
        let namesakes: Vec<&Candidate> = f
            .cands
            .iter()
            .filter(|c| {
                c.feature_class == 'P'
                    && c.population >= 100_000
                    && (self.names.namesake(c, &f.key) || f.facility.is_some())
            })
            .collect();
        let home = self
            .article
            .focus
            .local_home(&f.key)
            .filter(|h| f.cands.iter().any(|c| c.country_code == *h))
            .filter(|_| !self.article.with_countries.contains(&f.key));
        let name = Name {
            fi,
            f,
            namesakes,
            region_cue: is_region_cue(f.cue.as_deref()),
            home,
            anchors,
            support,
        };
        let mut scored: Vec<(usize, f64)> = f
            .cands
            .iter()
            .enumerate()
            .map(|(i, c)| (i, self.score(&name, i, c)))
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        if self.debug {
            debug_scores(f, anchors, &scored);
        }
        let best = *scored.first()?;
        let second = scored.get(1).map(|s| s.1).unwrap_or(best.1 - 6.0);
        let margin = best.1 - second;
        let conf = (1.0 / (1.0 + (-margin).exp())).clamp(0.3, 0.99);
        Some((best.0, if f.fuzzy { conf * 0.8 } else { conf }))
    }

    /// The score of reading `c` (index `i`) of a name.
    fn score(&self, n: &Name, i: usize, c: &Candidate) -> f64 {
        let f = n.f;
        let focus = &self.article.focus;
        let mut s = base_score(c, f.cue.as_deref())
            + focus.bonus(&c.country_code, &f.key)
            + self.region_bonus(n.fi, c);
        let foreign = n.home.is_some_and(|h| h != c.country_code)
            && focus.bonus(&c.country_code, &f.key) == 0.0;
        if foreign
            && (c.feature_code.starts_with("PCL")
                || c.feature_code == "PPLC"
                || c.feature_code == "ADM1")
        {
            s -= FOREIGN_PENALTY;
        }
        s = self.region_reading(n, c, s);
        s = self.supported(n, c, s);
        if f.fuzzy {
            s += 0.0;
        }
        if i >= f.first_variant {
            s -= VARIANT_PENALTY;
        } else if self.names.own(c, &f.key)
            || c.feature_class == 'P' && self.names.namesake(c, &f.key)
        {
            s += OWN_NAME_BONUS;
        }
        if macro_feature(&c.feature_code) && f.cands.len() > 1 {
            let d = nearest_km(n.anchors.iter().chain(&self.article.country_points), c);
            s += step_bonus(d, &MACRO_NEAR_STEPS);
        }
        if !n.anchors.is_empty() && c.feature_class == 'P' {
            let d = nearest_km(n.anchors.iter(), c);
            s += step_bonus(d, &TOWN_NEAR_STEPS);
        }
        s
    }

    /// `s` with what a region reading loses to a namesake town without a region cue, and gains when listed
    /// with regions, right after a town it holds, or after a compass adjective.
    fn region_reading(&self, n: &Name, c: &Candidate, mut s: f64) -> f64 {
        let (fi, clues) = (n.fi, &self.clues);
        if c.feature_code == "ADM1" && !n.namesakes.is_empty() && !n.region_cue {
            s -= 3.0;
        }
        if c.feature_code == "ADM1" && clues.with_regions.contains(&fi) {
            s += LISTED_REGION_BONUS;
        }
        if clues
            .apposed_region
            .get(&fi)
            .is_some_and(|r| r.geonames_id == c.geonames_id)
        {
            s += APPOSED_REGION_BONUS;
        }
        if c.feature_code == "ADM1" && clues.compass[fi] {
            s += COMPASS_REGION_BONUS;
        }
        s
    }

    /// `s` with the support of the region other places of the article lie in: "Georgia" with Atlanta and
    /// Athens in the US state, "Gainesville" in the state the others are in.
    fn supported(&self, n: &Name, c: &Candidate, mut s: f64) -> f64 {
        let Some(a) = &c.admin1_code else {
            return s;
        };
        let others = n
            .support
            .get(&(c.country_code.clone(), a.clone()))
            .map_or(0, |v| v.iter().filter(|k| **k != n.f.key).count());
        // names inside a region whose namesake town is in it too ("Brooklyn" with "New York") are as much
        // the town's support as the region's
        let town_inside = n
            .namesakes
            .iter()
            .any(|t| t.country_code == c.country_code && t.admin1_code == c.admin1_code);
        if c.feature_code == "ADM1" {
            if !town_inside || n.region_cue {
                s += 2.0 * others.min(3) as f64;
            }
        } else if others > 0
            && !c.feature_code.starts_with("PCL")
            && !self
                .article
                .regions
                .contains(&(c.country_code.clone(), a.clone()))
        {
            s += 1.5;
        }
        s
    }

    /// What a town's reading `c` of name `i` gains from where the name is written: in one of the article's
    /// regions, inside the region that closes its address, in a region named by another name or fought
    /// over, by the centre of a district on the way, by the town it is written to lie by (in the direction
    /// stated), at the point a stated distance puts it at.
    fn region_bonus(&self, i: usize, c: &Candidate) -> f64 {
        if c.feature_code == "ADM1" || c.feature_code.starts_with("PCL") {
            return 0.0;
        }
        let (article, clues) = (&self.article, &self.clues);
        let mut b = 0.0;
        if let Some(a) = &c.admin1_code {
            if article
                .regions
                .contains(&(c.country_code.clone(), a.clone()))
            {
                b += 2.5;
            }
        }
        if let Some(k) = clues.container.get(i) {
            let inside = if k.feature_code == "ADM1" {
                k.country_code == c.country_code && k.admin1_code == c.admin1_code
            } else {
                k.country_code == c.country_code
            };
            if inside {
                b += 8.0;
            }
        }
        let region = (
            c.country_code.clone(),
            c.admin1_code.clone().unwrap_or_default(),
        );
        if article.named_regions.contains(&region) {
            b += region_aliases::BONUS;
        }
        if article.war_regions.contains(&region) {
            b += conflict_areas::BONUS;
        }
        if clues.district_points.get(i).is_some_and(|d| {
            d.iter()
                .any(|&p| haversine_km(p, (c.lat, c.lon)) <= DISTRICT_KM)
        }) {
            b += 4.0;
        }
        self.anchored(i, c, b)
    }

    /// `b` with what a reading gains by the town name `i` is written to lie by (in the direction stated, if
    /// any) and by the point a stated distance puts it at, less what the anchor's own entry loses.
    fn anchored(&self, i: usize, c: &Candidate, mut b: f64) -> f64 {
        if let Some(&(p, anchor, bearing)) = self.clues.near_points.get(i) {
            let d = haversine_km(p, (c.lat, c.lon));
            let agrees = bearing.is_none_or(|stated| {
                sitrep_geo::direction_agrees(stated, sitrep_geo::bearing_deg(p, (c.lat, c.lon)))
            });
            if agrees {
                b += near::NEAR_BONUS * (1.0 - d / near::NEAR_KM).max(0.0);
            }
            if c.geonames_id == anchor {
                b -= near::SELF_PENALTY;
            }
        }
        if let Some(&(p, tolerance, anchor)) = self.clues.stated_points.get(i) {
            let d = haversine_km(p, (c.lat, c.lon));
            b += near::NEAR_BONUS * (1.0 - d / (2.0 * tolerance)).max(0.0);
            if c.geonames_id == anchor {
                b -= near::SELF_PENALTY;
            }
        }
        b
    }
}

/// The six best readings of a name with their scores, on stderr (`SITREP_PLACES_DEBUG`).
fn debug_scores(f: &Found, anchors: &[(f64, f64)], scored: &[(usize, f64)]) {
    let top: Vec<String> = scored
        .iter()
        .take(6)
        .map(|&(i, s)| {
            let c = &f.cands[i];
            format!(
                "{} [{} {} {:.3},{:.3} pop {}] {s:.2}",
                c.name,
                c.feature_code,
                c.admin1_code.as_deref().unwrap_or("-"),
                c.lat,
                c.lon,
                c.population
            )
        })
        .collect();
    eprintln!(
        "places: {:?} {:?} cue {:?} anchors {} -> {}",
        f.name,
        f.kind,
        f.cue,
        anchors.len(),
        top.join(" | ")
    );
}
