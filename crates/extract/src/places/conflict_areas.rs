//! The conflict-area focus of a report: in a report on a war ("shelling", "frontline",
//! "militants") in a country of data/gazetteer/conflict_areas.tsv, readings inside the regions
//! fought over at the time of publication are preferred a little ("Pisky village" in a report of a
//! Ukrainian soldier killed in frontline clashes: the village by Donetsk, not the one in Poltava).
//!
//! Writes: nothing on its own; a scoring rule of place resolution (places layer).
//! Reads: `gazetteer/conflict_areas.tsv`, `gazetteer/conflict_words.txt`.

use crate::rules::{DataFiles, RulesError};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;

/// What a reading inside an area of the war reported gains: less than a named region (+2.5) or a
/// region alias (+4), about a tenfold population.
pub(super) const BONUS: f64 = 1.5;

struct Area {
    country: String,
    admin1: Vec<String>,
    from: NaiveDate,
    to: Option<NaiveDate>,
}

pub(crate) struct Areas {
    areas: Vec<Area>,
    words: AhoCorasick,
}

impl Areas {
    /// Reads `gazetteer/conflict_areas.tsv` (country, admin-1 codes, from, to) and
    /// `gazetteer/conflict_words.txt`.
    pub(crate) fn load(files: &DataFiles) -> Result<Self, RulesError> {
        const FILE: &str = "gazetteer/conflict_areas.tsv";
        let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        let mut areas = Vec::new();
        for (n, l) in files.lines(FILE)? {
            let f: Vec<&str> = l.split('\t').collect();
            let (Some(cc), Some(codes), Some(from)) =
                (f.first(), f.get(1), f.get(2).and_then(|s| date(s)))
            else {
                return Err(files.error(
                    FILE,
                    n,
                    "country, admin-1 codes and a YYYY-MM-DD start are needed".into(),
                ));
            };
            areas.push(Area {
                country: cc.trim().to_string(),
                admin1: codes.split(',').map(|c| c.trim().to_string()).collect(),
                from,
                to: f.get(3).and_then(|s| date(s)),
            });
        }
        let words = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(files.list("gazetteer/conflict_words.txt")?)
            .map_err(|e| RulesError {
                file: "gazetteer/conflict_words.txt".into(),
                line: None,
                message: format!("the words do not build a matcher: {e}"),
            })?;
        Ok(Areas { areas, words })
    }
}

/// Whether the text has a conflict word as a whole word.
fn on_conflict(a: &Areas, view: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    a.words.find_iter(view).any(|m| {
        !word(view[..m.start()].chars().next_back()) && !word(view[m.end()..].chars().next())
    })
}

/// The (country, admin-1 code) regions fought over in the countries `countries` at `date` (every
/// period when the date is unknown), if the text is a report on conflict.
pub(super) fn regions(
    a: &Areas,
    view: &str,
    countries: &[&str],
    date: Option<NaiveDate>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let here: Vec<&Area> = a
        .areas
        .iter()
        .filter(|r| countries.contains(&r.country.as_str()))
        .filter(|r| date.is_none_or(|d| d >= r.from && r.to.is_none_or(|t| d <= t)))
        .collect();
    if here.is_empty() || !on_conflict(a, view) {
        return out;
    }
    for r in here {
        for c in &r.admin1 {
            out.push((r.country.clone(), c.clone()));
        }
    }
    out
}

/// Whether the region `admin1` of `country` was fought over at `date` (at any time when the date is unknown).
pub(super) fn fought_over(a: &Areas, country: &str, admin1: &str, date: Option<NaiveDate>) -> bool {
    a.areas.iter().any(|r| {
        r.country == country
            && r.admin1.iter().any(|c| c == admin1)
            && date.is_none_or(|d| d >= r.from && r.to.is_none_or(|t| d <= t))
    })
}

#[cfg(test)]
mod tests {
    use super::Areas;
    use crate::rules::DataFiles;
    use chrono::NaiveDate;

    #[test]
    fn areas_of_the_war_reported() {
        let a = Areas::load(&DataFiles::embedded()).unwrap();
        let regions = |v: &str, c: &[&str], d| super::regions(&a, v, c, d);
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
