//! Names of areas that stand for admin-1 regions without being gazetteer entries ("Donbas",
//! "DPR", "Lugansk People's Republic"), from data/gazetteer/region_aliases.tsv: a text that uses
//! one is about those regions.
//!
//! Writes: nothing on its own; a scoring rule of place resolution (places layer).
//! Reads: `gazetteer/region_aliases.tsv`.

use crate::rules::{DataFiles, RulesError};
use aho_corasick::AhoCorasick;

/// What a reading inside a region the text names by an alias gains.
pub(super) const BONUS: f64 = 4.0;

pub(crate) struct Aliases {
    ac: AhoCorasick,
    /// per pattern: (country, admin-1 codes, a word the text must also hold)
    regions: Vec<(String, Vec<String>, Option<String>)>,
}

impl Aliases {
    /// Reads `gazetteer/region_aliases.tsv`: name, country, admin-1 codes (comma-separated), and optionally a
    /// word the text must also hold.
    pub(crate) fn load(files: &DataFiles) -> Result<Self, RulesError> {
        const FILE: &str = "gazetteer/region_aliases.tsv";
        let mut names = Vec::new();
        let mut regions = Vec::new();
        for row in files.rows(FILE, 3)? {
            names.push(row[0].clone());
            regions.push((
                row[1].clone(),
                row[2].split(',').map(|c| c.trim().to_string()).collect(),
                row.get(3).cloned(),
            ));
        }
        let ac = AhoCorasick::new(&names).map_err(|e| RulesError {
            file: FILE.into(),
            line: None,
            message: format!("the names do not build a matcher: {e}"),
        })?;
        Ok(Aliases { ac, regions })
    }
}

/// The (country, admin-1 code) regions that the text names by an alias, as whole words.
pub(super) fn regions_named(a: &Aliases, view: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    for m in a.ac.find_iter(view) {
        if word(view[..m.start()].chars().next_back()) || word(view[m.end()..].chars().next()) {
            continue;
        }
        let (cc, codes, requires) = &a.regions[m.pattern().as_usize()];
        if requires.as_deref().is_some_and(|w| !view.contains(w)) {
            continue;
        }
        for code in codes {
            let r = (cc.clone(), code.clone());
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Aliases;
    use crate::rules::DataFiles;

    #[test]
    fn aliases_name_regions() {
        let a = Aliases::load(&DataFiles::embedded()).unwrap();
        let regions_named = |t: &str| super::regions_named(&a, t);
        let r = regions_named("Shelling in the Donbas; the LPR said two died.");
        assert!(r.contains(&("UA".into(), "05".into())));
        assert!(r.contains(&("UA".into(), "14".into())));
        assert!(regions_named("The DPRK fired a missile; Donbassian.").is_empty());
        let r = regions_named("Two soldiers were killed in eastern Ukraine.");
        assert!(r.contains(&("UA".into(), "07".into())));
        // "the rebel east" is Ukraine's only in a text about Ukraine
        assert!(regions_named("Fighting in Congo's rebel east.").is_empty());
        let r = regions_named("A Ukrainian soldier died in the rebel east.");
        assert_eq!(r.len(), 2);
    }
}
