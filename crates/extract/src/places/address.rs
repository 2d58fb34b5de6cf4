//! Addresses written after a place: "X village, Y district, Z region", "X (Z region)",
//! "X, Z Obl", "the village of X (Y district) of Z region". The region or country that closes the
//! address contains the place; a district on the way gives a point the place lies near (a district
//! is named after its centre: "Volnovakha district", "Yasynuvatskyi raion").

use super::Found;
use regex::Regex;
use sitrep_gazetteer::{Candidate, Gazetteer};
use std::sync::OnceLock;

/// Longest stretch of address words between two names.
const MAX_GAP: usize = 80;

const DISTRICT_WORDS: &[&str] = &["district", "raion", "rayon"];

/// What may stand between a place and the next part of its address: settlement words, commas,
/// brackets, "in"/"of", and districts written out ("Yasinovatsky district", "Bakhmut raion").
fn glue() -> &'static Regex {
    static G: OnceLock<Regex> = OnceLock::new();
    G.get_or_init(|| {
        let kind = r"(?:village|town|city|settlement|hamlet|township|urban-type settlement|district|raion|rayon|municipality)";
        let sep = r"(?:\s*[,;(]\s*|\s+(?:in|of)\s+|\s+)";
        let district = r"(?:(?:the\s+)?[\p{Lu}][\w'’.-]*\s+(?:district|raion|rayon)\)?)";
        Regex::new(&format!(
            r"^\)?(?:\s+{kind}\)?)?(?:{sep}(?:the\s+)?(?:{district}{sep}(?:the\s+)?)*)?$"
        ))
        .expect("address glue pattern")
    })
}

/// A district name inside address glue: "Yasinovatsky" in "(Yasinovatsky district) of ".
fn district_in_glue() -> &'static Regex {
    static D: OnceLock<Regex> = OnceLock::new();
    D.get_or_init(|| {
        Regex::new(r"([\p{Lu}][\w'’.-]*)\s+(?:district|raion|rayon)\b").expect("district pattern")
    })
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
        if gap.len() > MAX_GAP || !glue().is_match(gap) {
            break;
        }
        for c in district_in_glue().captures_iter(gap) {
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
                .is_some_and(|w| DISTRICT_WORDS.contains(&w.to_ascii_lowercase().as_str()));
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
        if let Some(c) = district_in_glue().captures(rest) {
            let m = c.get(0).unwrap();
            if glue().is_match(&rest[..m.end()]) {
                let n = c.get(1).unwrap();
                districts.push((end + n.start(), end + n.end()));
            }
        }
    }
    out.districts = districts;
    out
}

/// Adjective endings of district names ("Yasinovatsky", "Shakhtarskyi", "Marinskiy",
/// "Amvrosiivskyi"): what follows the "-sk" / "-tsk" of the adjective.
const ADJECTIVE_TAILS: &[&str] = &[
    "yi", "yy", "iy", "ij", "ii", "ei", "oi", "oy", "ey", "y", "i", "e", "o", "a",
];

/// Spellings of the centre a district adjective is named after, most likely first:
/// "Shakhtarskyi" -> "Shakhtarsk"; "Yasinovatsky" -> "Yasinovatsk", "Yasinovat", "Yasinovata", ...
fn district_centres(adj: &str) -> Vec<String> {
    let adj = adj.trim_end_matches(['\'', '’']);
    let mut out = vec![adj.to_string()];
    let lower = adj.to_ascii_lowercase();
    let Some(tail) = ADJECTIVE_TAILS.iter().find(|t| {
        lower.ends_with(*t)
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
        for end in [
            "", "a", "e", "o", "ka", "y", "i", "aya", "oye", "ove", "ske",
        ] {
            out.push(format!("{base}{end}"));
        }
    }
    out
}

/// Whether the district word after `e` is a city's district ("Kuybyshevsky district of
/// Donetsk", "Petrovsky district/suburb of Donetsk", "Kirovsky district [of Donetsk]"): a part of
/// the city, not a rural district named after a centre.
pub(super) fn city_district(view: &str, e: usize) -> bool {
    static C: OnceLock<Regex> = OnceLock::new();
    let c = C.get_or_init(|| {
        Regex::new(r"(?i)^\s+(?:district|raion|rayon)(?:/\w+)?\s*[\[(]?\s*of\s+\p{Lu}")
            .expect("city district pattern")
    });
    view.get(e..).is_some_and(|rest| c.is_match(rest))
}

/// Whether `name` is formed like a district adjective ("Yasinovatsky", "Shakhtarskyi").
pub(super) fn is_district_adjective(name: &str) -> bool {
    district_centres(name).len() > 1
}

/// The point of a district's centre: the most populous populated place spelt like the district's
/// name or the centre its adjective is formed from ("Shakhtarskyi" -> Shakhtarsk, not the village
/// Shakhtarske), inside `region` when one is given; a seat of administration before a larger
/// town. Spellings as written and their romanisation variants alike.
pub(super) fn district_point(
    gaz: &Gazetteer,
    name: &str,
    region: Option<&Candidate>,
) -> Option<(f64, f64)> {
    district_centre(gaz, name, region).map(|c| (c.lat, c.lon))
}

/// The centre of the district `name` (see [`district_point`]).
pub(super) fn district_centre(
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
    let spellings = district_centres(name);
    spellings
        .iter()
        .flat_map(|s| gaz.lookup(s).into_iter().chain(gaz.lookup_variants(s)))
        .filter(inside)
        .max_by_key(rank)
}

#[cfg(test)]
mod tests {
    use super::{district_centres, glue};

    #[test]
    fn address_glue() {
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
            assert!(glue().is_match(g), "{g:?}");
        }
        for g in [
            " and ",
            " near the town of ",
            ", said the head of ",
            " was shelled in ",
        ] {
            assert!(!glue().is_match(g), "{g:?}");
        }
    }

    #[test]
    fn city_districts() {
        use super::city_district;
        let t = "Kuybyshevsky district [of Donetsk] and Petrovsky district/suburb of Donetsk";
        assert!(city_district(t, "Kuybyshevsky".len()));
        let at = t.find("Petrovsky").unwrap() + "Petrovsky".len();
        assert!(city_district(t, at));
        let t = "Shakhtarskyi district, Donetsk region";
        assert!(!city_district(t, "Shakhtarskyi".len()));
    }

    #[test]
    fn district_adjectives_name_their_centres() {
        let c = district_centres("Pokrovskyi");
        assert_eq!(c[1], "Pokrovsk");
        assert!(district_centres("Yasynuvatskyi").contains(&"Yasynuvata".to_string()));
        assert!(district_centres("Marinsky").contains(&"Marinka".to_string()));
        assert_eq!(
            district_centres("Volnovakha"),
            vec!["Volnovakha".to_string()]
        );
    }
}
