//! Addresses written after a place: "X village, Y district, Z region", "X (Z region)",
//! "X, Z Obl", "the village of X (Y district) of Z region". The region or country that closes the
//! address contains the place; a district on the way gives a point the place lies near (a district
//! is named after its centre: "Volnovakha district", "Yasynuvatskyi raion").
//!
//! Writes: nothing on its own; the places stage uses its addresses to resolve (part of the places layer).
//! Reads: `lists/district_words.txt`, `lists/adjective_tails.txt`, `lists/centre_endings.txt`, the `address.*` patterns.

use super::Found;
use crate::rules::{DataFiles, Patterns, RulesError};
use regex::Regex;
use sitrep_gazetteer::{Candidate, Gazetteer};
use std::collections::HashSet;

/// Longest stretch of address words between two names.
const MAX_GAP: usize = 80;

/// The rules of addresses: `lists/district_words.txt`, `lists/adjective_tails.txt`, `lists/centre_endings.txt`
/// and the `address.*` patterns.
pub(crate) struct AddressRules {
    district_words: HashSet<String>,
    /// Endings of a district's centre after the stem of its adjective, most likely first.
    centre_endings: Vec<String>,
    /// What follows the "-sk" of a district adjective, tried in file order.
    adjective_tails: Vec<String>,
    /// What may stand between a place and the next part of its address: settlement words, commas,
    /// brackets, "in"/"of", and districts written out ("Yasinovatsky district", "Bakhmut raion").
    glue: Regex,
    /// A district name inside address glue: "Yasinovatsky" in "(Yasinovatsky district) of ".
    district_in_glue: Regex,
    /// A city's district after a district adjective ("Kuybyshevsky| district of Donetsk").
    city_district: Regex,
}

impl AddressRules {
    pub(crate) fn load(files: &DataFiles, p: &Patterns) -> Result<Self, RulesError> {
        Ok(AddressRules {
            district_words: files.set("lists/district_words.txt")?,
            adjective_tails: files.list("lists/adjective_tails.txt")?,
            centre_endings: files.list("lists/centre_endings.txt")?,
            glue: p.get("address.glue")?,
            district_in_glue: p.get("address.district_in_glue")?,
            city_district: p.get("address.city_district")?,
        })
    }
}

fn is_area(f: &Found, best: Option<&Candidate>) -> bool {
    best.is_some_and(|b| b.feature_code == "ADM1" || b.feature_code.starts_with("PCL"))
        && !matches!(
            f.cue.as_deref(),
            Some("village" | "town" | "city" | "settlement")
        )
}

/// The address after one place.
#[derive(Debug, Default, Clone)]
pub(super) struct Address {
    /// Index of the found name that closes the address: a region or a country.
    pub region: Option<usize>,
    /// Byte spans of the district names on the way.
    pub districts: Vec<(usize, usize)>,
}

/// The address after `found[i]`: names reached over address glue only, through districts that are
/// written out or were themselves found as names, up to a region or a country.
pub(super) fn address(
    r: &AddressRules,
    view: &str,
    found: &[Found],
    i: usize,
    best: &dyn Fn(&Found) -> Option<Candidate>,
) -> Address {
    let mut out = Address::default();
    if found[i].facility.is_some() {
        return out;
    }
    let mut end = found[i].end;
    let mut districts = Vec::new();
    for (j, g) in found.iter().enumerate().skip(i + 1) {
        let Some(gap) = view.get(end..g.start) else {
            break;
        };
        if gap.len() > MAX_GAP || !r.glue.is_match(gap) {
            break;
        }
        for c in r.district_in_glue.captures_iter(gap) {
            let m = c.get(1).unwrap();
            districts.push((end + m.start(), end + m.end()));
        }
        if is_area(g, best(g).as_ref()) {
            out.region = Some(j);
            out.districts = districts;
            return out;
        }
        // only a district may stand in between ("Starobeshivskiy district")
        let district = g.cue.as_deref() == Some("district")
            || super::word_after(view, g.end)
                .is_some_and(|w| r.district_words.contains(w.to_ascii_lowercase().as_str()));
        if !district {
            break;
        }
        districts.push((g.start, g.end));
        end = g.end;
    }
    // a district alone closes an address too: "the village of X (Y district)"
    if out.region.is_none() {
        let rest = &view[end..view.floor_char_boundary(end + MAX_GAP)];
        let rest = &rest[..rest.find([')', ';', '.', '\n']).unwrap_or(rest.len())];
        if let Some(c) = r.district_in_glue.captures(rest) {
            let m = c.get(0).unwrap();
            if r.glue.is_match(&rest[..m.end()]) {
                let n = c.get(1).unwrap();
                districts.push((end + n.start(), end + n.end()));
            }
        }
    }
    out.districts = districts;
    out
}

/// Spellings of the centre a district adjective is named after, most likely first:
/// "Shakhtarskyi" -> "Shakhtarsk"; "Yasinovatsky" -> "Yasinovatsk", "Yasinovat", "Yasinovata", ...
fn district_centres(r: &AddressRules, adj: &str) -> Vec<String> {
    let adj = adj.trim_end_matches(['\'', '’']);
    let mut out = vec![adj.to_string()];
    let lower = adj.to_ascii_lowercase();
    let Some(tail) = r.adjective_tails.iter().find(|t| {
        lower.ends_with(t.as_str())
            && lower[..lower.len() - t.len()]
                .trim_end_matches('\'')
                .ends_with("sk")
    }) else {
        return out;
    };
    let sk = adj[..adj.len() - tail.len()].trim_end_matches(['\'', '’']);
    out.push(sk.to_string());
    let base = &sk[..sk.len() - 2];
    let base = base.trim_end_matches(['\'', '’']);
    if base.chars().count() >= 4 {
        // Ukrainian and Russian endings of the centre: Volnovakha, Starobesheve, Amvrosiyevka,
        // Yasinovataya, Pervomaiske
        out.push(base.to_string());
        for end in &r.centre_endings {
            out.push(format!("{base}{end}"));
        }
    }
    out
}

/// Whether the district word after `e` is a city's district ("Kuybyshevsky district of
/// Donetsk", "Petrovsky district/suburb of Donetsk", "Kirovsky district [of Donetsk]"): a part of
/// the city, not a rural district named after a centre.
pub(super) fn city_district(r: &AddressRules, view: &str, e: usize) -> bool {
    view.get(e..)
        .is_some_and(|rest| r.city_district.is_match(rest))
}

/// Whether `name` is formed like a district adjective ("Yasinovatsky", "Shakhtarskyi").
pub(super) fn is_district_adjective(r: &AddressRules, name: &str) -> bool {
    district_centres(r, name).len() > 1
}

/// The point of a district's centre: the most populous populated place spelt like the district's
/// name or the centre its adjective is formed from ("Shakhtarskyi" -> Shakhtarsk, not the village
/// Shakhtarske), inside `region` when one is given; a seat of administration before a larger
/// town. Spellings as written and their romanisation variants alike.
pub(super) fn district_point(
    r: &AddressRules,
    gaz: &Gazetteer,
    name: &str,
    region: Option<&Candidate>,
) -> Option<(f64, f64)> {
    district_centre(r, gaz, name, region).map(|c| (c.lat, c.lon))
}

/// The centre of the district `name` (see [`district_point`]).
pub(super) fn district_centre(
    r: &AddressRules,
    gaz: &Gazetteer,
    name: &str,
    region: Option<&Candidate>,
) -> Option<Candidate> {
    let inside = |c: &Candidate| {
        c.feature_class == 'P'
            && region.is_none_or(|r| {
                c.country_code == r.country_code
                    && (r.feature_code.starts_with("PCL") || c.admin1_code == r.admin1_code)
            })
    };
    // a district's centre is a seat of administration (PPLA*) or, failing that, its largest town
    let rank = |c: &Candidate| (c.feature_code.starts_with("PPLA"), c.population);
    let spellings = district_centres(r, name);
    spellings
        .iter()
        .flat_map(|s| gaz.lookup(s).into_iter().chain(gaz.lookup_variants(s)))
        .filter(inside)
        .max_by_key(rank)
}

#[cfg(test)]
mod tests {
    use super::{district_centres, AddressRules};
    use crate::rules::{DataFiles, Patterns};

    fn rules() -> AddressRules {
        let files = DataFiles::embedded();
        AddressRules::load(&files, &Patterns::load(&files).unwrap()).unwrap()
    }

    #[test]
    fn address_glue() {
        let r = rules();
        for g in [
            ", ",
            " village, ",
            " village, Petrivskyi district, ",
            " (",
            " (Marinsky district) of ",
            " district, ",
            " village in the ",
            " town, Oleksiivka raion, ",
        ] {
            assert!(r.glue.is_match(g), "{g:?}");
        }
        for g in [
            " and ",
            " near the town of ",
            ", said the head of ",
            " was shelled in ",
        ] {
            assert!(!r.glue.is_match(g), "{g:?}");
        }
    }

    #[test]
    fn city_districts() {
        use super::city_district;
        let r = &rules();
        let t = "Kuybyshevsky district [of Donetsk] and Petrovsky district/suburb of Donetsk";
        assert!(city_district(r, t, "Kuybyshevsky".len()));
        let at = t.find("Petrovsky").unwrap() + "Petrovsky".len();
        assert!(city_district(r, t, at));
        let t = "Shakhtarskyi district, Donetsk region";
        assert!(!city_district(r, t, "Shakhtarskyi".len()));
    }

    #[test]
    fn district_adjectives_name_their_centres() {
        let r = &rules();
        let c = district_centres(r, "Pokrovskyi");
        assert_eq!(c[1], "Pokrovsk");
        assert!(district_centres(r, "Yasynuvatskyi").contains(&"Yasynuvata".to_string()));
        assert!(district_centres(r, "Marinsky").contains(&"Marinka".to_string()));
        assert_eq!(
            district_centres(r, "Volnovakha"),
            vec!["Volnovakha".to_string()]
        );
    }
}
