//! The conflict-area focus of a report: in a report on a war ("shelling", "frontline",
//! "militants") in a country of data/gazetteer/conflict_areas.tsv, readings inside the regions
//! fought over at the time of publication are preferred a little ("Pisky village" in a report of a
//! Ukrainian soldier killed in frontline clashes: the village by Donetsk, not the one in Poltava).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use std::sync::OnceLock;

/// What a reading inside an area of the war reported gains: less than a named region (+2.5) or a
/// region alias (+4), about a tenfold population.
pub(super) const BONUS: f64 = 1.5;

struct Area {
    country: String,
    admin1: Vec<String>,
    from: NaiveDate,
    to: Option<NaiveDate>,
}

struct Areas {
    areas: Vec<Area>,
    words: AhoCorasick,
}

fn areas() -> &'static Areas {
    static A: OnceLock<Areas> = OnceLock::new();
    A.get_or_init(|| {
        let lines = |s: &'static str| {
            s.lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .collect::<Vec<_>>()
        };
        let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        let areas = lines(include_str!(
            "../../../../data/gazetteer/conflict_areas.tsv"
        ))
        .into_iter()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some(Area {
                country: f.first()?.trim().to_string(),
                admin1: f.get(1)?.split(',').map(|c| c.trim().to_string()).collect(),
                from: date(f.get(2)?)?,
                to: f.get(3).and_then(|s| date(s)),
            })
        })
        .collect();
        let words = lines(include_str!(
            "../../../../data/gazetteer/conflict_words.txt"
        ))
        .into_iter()
        .map(str::trim)
        .collect::<Vec<_>>();
        Areas {
            areas,
            words: AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(words)
                .expect("conflict words"),
        }
    })
}

/// Whether the text has a conflict word as a whole word.
fn on_conflict(view: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    areas().words.find_iter(view).any(|m| {
        !word(view[..m.start()].chars().next_back()) && !word(view[m.end()..].chars().next())
    })
}

/// The (country, admin-1 code) regions fought over in the countries `countries` at `date` (every
/// period when the date is unknown), if the text is a report on conflict.
pub(super) fn regions(
    view: &str,
    countries: &[&str],
    date: Option<NaiveDate>,
) -> Vec<(String, String)> {
    let a = areas();
    let mut out = Vec::new();
    let here: Vec<&Area> = a
        .areas
        .iter()
        .filter(|r| countries.contains(&r.country.as_str()))
        .filter(|r| date.is_none_or(|d| d >= r.from && r.to.is_none_or(|t| d <= t)))
        .collect();
    if here.is_empty() || !on_conflict(view) {
        return out;
    }
    for r in here {
        for c in &r.admin1 {
            out.push((r.country.clone(), c.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::regions;
    use chrono::NaiveDate;

    #[test]
    fn areas_of_the_war_reported() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let war = "A Ukrainian soldier was killed in frontline clashes.";
        let r = regions(war, &["UA"], d("2016-05-01"));
        assert!(r.contains(&("UA".into(), "05".into())));
        assert!(!r.contains(&("UA".into(), "26".into())), "{r:?}");
        let r = regions(war, &["UA"], d("2023-05-01"));
        assert!(r.contains(&("UA".into(), "26".into())));
        // no date: every period
        assert!(regions(war, &["UA"], None).contains(&("UA".into(), "08".into())));
        // not a report on conflict, or not on that country
        assert!(regions("A new bridge opened in Ukraine.", &["UA"], None).is_empty());
        assert!(regions(war, &["FR"], None).is_empty());
        // whole words only: "trebel" is not "rebel"
        assert!(regions("The trebel clef, Ukraine.", &["UA"], None).is_empty());
    }
}
