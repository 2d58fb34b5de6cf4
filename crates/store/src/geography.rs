//! Where a cluster is, as ACLED writes it: every country with its ISO codes, English name and ACLED region
//! (`data/countries.tsv`, loaded once), one admin-1 name per GeoNames admin-1 code whatever gazetteer layer
//! resolved the place (the embedded layer's spelling), and the nearest coast's country for a point at sea.

use sitrep_gazetteer::Gazetteer;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A country of `data/countries.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 (GeoNames' country code), "UA".
    pub iso2: String,
    /// ISO 3166-1 alpha-3, "UKR".
    pub iso3: String,
    /// ISO 3166-1 numeric, ACLED's `iso` (0 for Kosovo).
    pub iso_numeric: u16,
    /// English name, ACLED's spelling: "Ukraine", "Democratic Republic of Congo".
    pub name: String,
    /// ACLED's region: "Europe", "Western Africa", "Middle East".
    pub region: String,
}

const COUNTRIES_TSV: &str = include_str!("../data/countries.tsv");

/// Parses `data/countries.tsv` (`#` comments; iso2, iso3, iso_numeric, name, region); a bad line is an error
/// naming it.
fn parse_countries(text: &str) -> Result<HashMap<String, Country>, String> {
    let mut out = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |why: &str| format!("crates/store/data/countries.tsv:{}: {why}", n + 1);
        let cols: Vec<&str> = line.split('\t').collect();
        let [iso2, iso3, num, name, region] = cols[..] else {
            return Err(bad("expected 5 tab-separated columns"));
        };
        if iso2.len() != 2 || iso3.len() != 3 || name.is_empty() || region.is_empty() {
            return Err(bad("expected iso2, iso3, iso_numeric, name, region"));
        }
        let iso_numeric = num
            .parse()
            .map_err(|_| bad(&format!("iso_numeric '{num}' is not a number")))?;
        out.insert(
            iso2.to_string(),
            Country {
                iso2: iso2.into(),
                iso3: iso3.into(),
                iso_numeric,
                name: name.into(),
                region: region.into(),
            },
        );
    }
    Ok(out)
}

fn countries() -> &'static HashMap<String, Country> {
    static TABLE: OnceLock<HashMap<String, Country>> = OnceLock::new();
    TABLE.get_or_init(|| parse_countries(COUNTRIES_TSV).expect("the embedded countries table"))
}

/// The country of an ISO alpha-2 code (any case).
pub fn country(iso2: &str) -> Option<&'static Country> {
    countries().get(&iso2.to_ascii_uppercase())
}

/// A country by its ISO alpha-2 or alpha-3 code or its English name (any case): what `--country` takes.
pub fn find_country(text: &str) -> Option<&'static Country> {
    let t = text.trim();
    country(t).or_else(|| {
        countries()
            .values()
            .find(|c| c.iso3.eq_ignore_ascii_case(t) || c.name.eq_ignore_ascii_case(t))
    })
}

fn embedded() -> Option<&'static Gazetteer> {
    static GAZ: OnceLock<Option<Gazetteer>> = OnceLock::new();
    GAZ.get_or_init(|| Gazetteer::embedded().ok()).as_ref()
}

/// The embedded gazetteer's name of the admin-1 region of `country` written `written` by some gazetteer
/// layer ("Zaporizhzhya Oblast" from an imported UA.zip, "Zaporizhzhia Oblast" embedded): the embedded
/// region of that name, else the embedded admin-1 polygon the point lies in when it is in the same country,
/// else the name as written.
pub fn admin1_name(country: &str, written: &str, point: Option<(f64, f64)>) -> String {
    let by_name = embedded().and_then(|g| {
        g.lookup(written)
            .into_iter()
            .find(|c| c.feature_code == "ADM1" && c.country_code.eq_ignore_ascii_case(country))
            .map(|c| c.name)
    });
    by_name
        .or_else(|| {
            let (lat, lon) = point?;
            let (cc, name) = sitrep_gazetteer::admin1_at(lat, lon)?;
            cc.eq_ignore_ascii_case(country).then(|| name.to_string())
        })
        .unwrap_or_else(|| written.to_string())
}

/// Distances (km) of the rings searched around a point at sea, and the bearings on each ring.
const COAST_RINGS_KM: [f64; 9] = [2.0, 5.0, 10.0, 20.0, 40.0, 80.0, 120.0, 160.0, 200.0];
const COAST_BEARINGS: usize = 16;

/// The country and admin-1 region of the coast nearest a point that lies in no admin-1 polygon (at sea):
/// the first of [`COAST_RINGS_KM`] on which some of 16 points fall on land gives the region most of them fall
/// in (earliest bearing on a tie); `None` beyond 200 km of any coast.
pub fn nearest_coast(lat: f64, lon: f64) -> Option<(&'static str, &'static str)> {
    if sitrep_gazetteer::admin1_at(lat, lon).is_some() {
        return None;
    }
    for r in COAST_RINGS_KM {
        let mut hits: Vec<((&'static str, &'static str), usize)> = Vec::new();
        for i in 0..COAST_BEARINGS {
            let bearing = 360.0 * i as f64 / COAST_BEARINGS as f64;
            let (a, b) = sitrep_geo::destination((lat, lon), r, bearing);
            if let Some(hit) = sitrep_gazetteer::admin1_at(a, b) {
                match hits.iter_mut().find(|(h, _)| *h == hit) {
                    Some((_, n)) => *n += 1,
                    None => hits.push((hit, 1)),
                }
            }
        }
        let most = hits.iter().map(|(_, n)| *n).max();
        if let Some(m) = most {
            return hits.into_iter().find(|(_, n)| *n == m).map(|(h, _)| h);
        }
    }
    None
}

/// The country code and admin-1 name a cluster shows: its place's, the admin-1 spelled the embedded way;
/// for a point without a country (at sea), the nearest coast's.
pub fn locate(
    country: Option<&str>,
    admin1: Option<&str>,
    point: Option<(f64, f64)>,
) -> (Option<String>, Option<String>) {
    match country {
        Some(cc) => (
            Some(cc.to_string()),
            admin1.map(|a| admin1_name(cc, a, point)),
        ),
        None => match point.and_then(|(a, b)| nearest_coast(a, b)) {
            Some((cc, region)) => (Some(cc.to_string()), Some(region.to_string())),
            None => (None, admin1.map(str::to_string)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_has_codes_a_name_and_a_region() {
        let t = countries();
        assert!(t.len() >= 249, "{}", t.len());
        let ua = country("ua").unwrap();
        assert_eq!(
            (ua.iso3.as_str(), ua.iso_numeric, ua.name.as_str()),
            ("UKR", 804, "Ukraine")
        );
        assert_eq!(ua.region, "Europe");
        assert_eq!(country("TN").unwrap().name, "Tunisia");
        assert_eq!(country("TN").unwrap().region, "Northern Africa");
        assert_eq!(country("KR").unwrap().region, "East Asia");
        assert_eq!(country("GN").unwrap().region, "Western Africa");
        assert_eq!(country("HT").unwrap().region, "Caribbean");
        assert_eq!(country("CD").unwrap().name, "Democratic Republic of Congo");
        let regions: std::collections::BTreeSet<&str> =
            t.values().map(|c| c.region.as_str()).collect();
        assert_eq!(regions.len(), 17, "{regions:?}");
    }

    #[test]
    fn a_country_is_found_by_either_code_or_its_name() {
        assert_eq!(find_country("UKR").unwrap().iso2, "UA");
        assert_eq!(find_country("ukraine").unwrap().iso2, "UA");
        assert_eq!(find_country("ua").unwrap().iso2, "UA");
        assert!(find_country("Atlantis").is_none());
    }

    #[test]
    fn a_bad_countries_line_is_named() {
        let e = parse_countries("# h\nUA\tUKR\tx\tUkraine\tEurope\n").unwrap_err();
        assert!(e.contains("countries.tsv:2") && e.contains("'x'"), "{e}");
    }

    #[test]
    fn the_embedded_spelling_of_a_region_wins() {
        assert_eq!(
            admin1_name("UA", "Zaporizhzhia Oblast", None),
            "Zaporizhzhia Oblast"
        );
        // a spelling the embedded layer does not know takes the polygon the point lies in
        assert_eq!(
            admin1_name("UA", "Zaporiz'ka Oblast'", Some((47.84, 35.14))),
            "Zaporizhzhia Oblast"
        );
        assert_eq!(admin1_name("UA", "Nowhere Oblast", None), "Nowhere Oblast");
    }

    #[test]
    fn a_point_in_the_kerch_strait_takes_the_nearest_coast() {
        let (cc, _) = nearest_coast(45.3, 36.55).expect("a coast within 200 km");
        assert!(cc == "UA" || cc == "RU", "{cc}");
        assert_eq!(nearest_coast(48.0, 37.8), None, "on land");
        assert_eq!(nearest_coast(0.0, -30.0), None, "mid-Atlantic");
        let (cc, admin1) = locate(None, None, Some((45.3, 36.55)));
        assert!(cc.is_some() && admin1.is_some());
    }
}
