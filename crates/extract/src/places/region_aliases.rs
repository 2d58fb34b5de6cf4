//! Names of areas that stand for admin-1 regions without being gazetteer entries ("Donbas",
//! "DPR", "Lugansk People's Republic"), from data/gazetteer/region_aliases.tsv: a text that uses
//! one is about those regions.

use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// What a reading inside a region the text names by an alias gains.
pub(super) const BONUS: f64 = 4.0;

struct Aliases {
    ac: AhoCorasick,
    /// per pattern: (country, admin-1 codes, a word the text must also hold)
    regions: Vec<(String, Vec<String>, Option<String>)>,
}

fn aliases() -> &'static Aliases {
    static A: OnceLock<Aliases> = OnceLock::new();
    A.get_or_init(|| {
        let mut names = Vec::new();
        let mut regions = Vec::new();
        for line in include_str!("../../../../data/gazetteer/region_aliases.tsv").lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let (name, cc, codes, requires) = match f[..] {
                [name, cc, codes] => (name, cc, codes, None),
                [name, cc, codes, req] => (name, cc, codes, Some(req.to_string())),
                _ => continue,
            };
            names.push(name.to_string());
            regions.push((
                cc.to_string(),
                codes.split(',').map(|c| c.trim().to_string()).collect(),
                requires,
            ));
        }
        Aliases {
            ac: AhoCorasick::new(&names).expect("region alias patterns"),
            regions,
        }
    })
}

/// The (country, admin-1 code) regions that the text names by an alias, as whole words.
pub(super) fn regions_named(view: &str) -> Vec<(String, String)> {
    let a = aliases();
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
    use super::regions_named;

    #[test]
    fn aliases_name_regions() {
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
