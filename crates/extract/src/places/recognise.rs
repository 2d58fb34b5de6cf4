//! Recognition: the names of places in the text, before any is resolved. Pattern passes first (facilities,
//! "the Zaporizhzhia nuclear power plant"; dotted abbreviations, "U.S.", "D-S.C."; regions written short after
//! a place, "Chowchilla, Calif."; names with "of" or "and" in them, "Isle of Man"), then the capitalised runs
//! of each sentence ([`runs`]), then romanisation variants standing alone in a text about their country, and
//! last unknown names that a relative location describes ("Robotyne, to the southeast of ...").
//!
//! Writes: nothing on the `Doc`; it hands the names found ([`Found`], in text order) to [`super::resolve`],
//! which writes the places layer.
//! Reads: the text and its sentences, the actors layer (a name inside an actor's is the actor's), the
//! gazetteer, the lexicon's stop names and the places rules (word lists, the `places.*` patterns).

mod metonymy;
mod persons;
mod runs;

use super::{romanised::main_country, Found, PlaceRules};
use crate::doc::{is_capitalised, words, Doc, MentionKind};
use crate::lexicon::Lexicon;
use metonymy::metonymy;
use rustc_hash::FxHashMap;
use sitrep_gazetteer::{normalise, Candidate, Gazetteer};
use std::collections::HashSet;
use std::rc::Rc;

/// The names of places in `doc`, in text order.
pub(super) fn names(doc: &Doc, gaz: &Gazetteer) -> Vec<Found> {
    let mut r = Reader::new(doc, gaz);
    // facilities first: "the Zaporizhzhia nuclear power plant"
    r.facilities();
    r.dotted_abbreviations();
    r.short_regions();
    r.names_with_of();
    r.read_runs();
    r.romanised_alone();
    r.described_by_relation();
    let mut found = r.found.v;
    sort_by_start(&mut found);
    found
}

/// Sorts the names by start, keeping the order of names that start together (the order of a stable
/// sort). The order is sorted as indices (4 bytes each) and applied in place: a stable sort of the names
/// themselves takes a buffer of half of them, the largest allocation of a long list of places.
fn sort_by_start(found: &mut [Found]) {
    let mut order: Vec<u32> = (0..found.len() as u32).collect();
    order.sort_by_key(|&i| found[i as usize].start);
    // apply the permutation cycle by cycle: position `i` takes the name at `order[i]`
    for i in 0..order.len() {
        if order[i] as usize == i || order[i] == u32::MAX {
            continue;
        }
        let mut hole = i;
        loop {
            let from = order[hole] as usize;
            order[hole] = u32::MAX;
            if from == i {
                break;
            }
            found.swap(hole, from);
            hole = from;
        }
    }
}

/// What the passes share: the document and its rules, the gazetteer's answers so far, and the names found.
struct Reader<'a> {
    doc: &'a Doc<'a>,
    gaz: &'a Gazetteer,
    pr: &'a PlaceRules,
    lex: &'a Lexicon,
    view: &'a str,
    cache: LookupCache,
    found: FoundList,
    /// Tokens that name people in this document (set before the capitalised runs are read).
    persons: HashSet<String>,
    /// Romanisation variants standing alone, kept until the text's main country is known.
    pending: Vec<Found>,
}

impl<'a> Reader<'a> {
    fn new(doc: &'a Doc<'a>, gaz: &'a Gazetteer) -> Self {
        Reader {
            doc,
            gaz,
            pr: &doc.rules.places,
            lex: &doc.rules.lexicon,
            view: doc.view(),
            cache: LookupCache::default(),
            found: FoundList::default(),
            persons: HashSet::new(),
            pending: Vec::new(),
        }
    }

    /// A facility named after a place: "the Zaporizhzhia nuclear power plant", "Kherson airport".
    fn facilities(&mut self) {
        let (pr, view, gaz) = (self.pr, self.view, self.gaz);
        for c in pr.patterns.facility.captures_iter(view) {
            let name_part = c[1].trim();
            let name_part = name_part.strip_prefix("The ").unwrap_or(name_part);
            let cands = self.cache.lookup(gaz, name_part);
            if cands.is_empty() {
                continue;
            }
            let all = c.get(0).unwrap();
            let s = all.end() - c[2].len() - c[1].trim_start_matches("The ").len();
            let kind = facility_kind(&c[2]);
            let name = format!("{name_part} {kind}");
            self.found.push(Found {
                key: normalise(&format!("{} {kind}", cands[0].geonames_id)),
                facility: Some(kind.to_string()),
                ..Found::literal(s, all.end(), &name, cands)
            });
        }
    }

    /// Dotted country abbreviations the tokeniser splits: "U.S.", "U.K."; and dotted regions ("in S.C.",
    /// "Rep. Jim Clyburn, D-S.C.").
    fn dotted_abbreviations(&mut self) {
        let (pr, view, gaz) = (self.pr, self.view, self.gaz);
        for m in pr.patterns.abbreviation.find_iter(view) {
            let Some(c) = gaz.demonym(m.as_str()).and_then(|cc| gaz.country(cc)) else {
                let region = pr
                    .region_abbreviations
                    .get(m.as_str())
                    .and_then(|(cc, region)| self.region_entry(cc, region));
                if let Some(c) = region {
                    self.found.push(Found::whole_entry(
                        m.start(),
                        m.end(),
                        c,
                        MentionKind::Literal,
                    ));
                }
                continue;
            };
            let kind = metonymy(
                pr,
                view,
                m.start(),
                m.end(),
                std::slice::from_ref(&c),
                &None,
            );
            self.found
                .push(Found::whole_entry(m.start(), m.end(), c, kind));
        }
    }

    /// A region written short after a place: "Chowchilla, Calif.", "Wheeling, W.Va.", "Atlanta, GA".
    fn short_regions(&mut self) {
        let (pr, view) = (self.pr, self.view);
        for c in pr.patterns.region_abbr.captures_iter(view) {
            let m = c.get(1).unwrap();
            let Some((cc, region)) = pr.region_abbreviations.get(m.as_str()) else {
                continue;
            };
            // the place before must be capitalised: "Wheeling, W.Va."
            let before = view[..m.start() - 2]
                .rsplit(|ch: char| !ch.is_alphanumeric() && ch != '.' && ch != '-')
                .next()
                .unwrap_or("");
            if !before.starts_with(|ch: char| ch.is_uppercase())
                || self.found.overlaps(m.start(), m.end())
            {
                continue;
            }
            // a two-letter code needs to end the phrase ("Atlanta, GA, said" / "Atlanta, GA.")
            if m.as_str().len() == 2
                && view[m.end()..]
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_alphanumeric() || ch == '-')
            {
                continue;
            }
            let Some(c) = self.region_entry(cc, region) else {
                continue;
            };
            self.found.push(Found::whole_entry(
                m.start(),
                m.end(),
                c,
                MentionKind::Literal,
            ));
        }
    }

    /// The gazetteer's entry of the region `region` (admin-1) of country `cc`.
    fn region_entry(&mut self, cc: &str, region: &str) -> Option<Candidate> {
        self.cache
            .lookup(self.gaz, region)
            .iter()
            .find(|c| c.feature_code == "ADM1" && c.country_code == cc)
            .cloned()
    }

    /// Names with "of" or "and" in them, which a capitalised run breaks: "Democratic Republic of the
    /// Congo", "Isle of Man", "Trinidad and Tobago"; the longest name first.
    fn names_with_of(&mut self) {
        let (pr, view, gaz) = (self.pr, self.view, self.gaz);
        for c in pr.patterns.of_name.captures_iter(view) {
            let (a, b) = (c.get(1).unwrap(), c.get(2).unwrap());
            let starts: Vec<usize> = std::iter::once(a.start())
                .chain(
                    a.as_str()
                        .match_indices(' ')
                        .map(|(i, _)| a.start() + i + 1),
                )
                .collect();
            let ends: Vec<usize> = b
                .as_str()
                .match_indices(' ')
                .map(|(i, _)| b.start() + i)
                .chain(std::iter::once(b.end()))
                .collect();
            'name: for &s in &starts {
                for &e in ends.iter().rev() {
                    if self.found.overlaps(s, e) {
                        continue;
                    }
                    let cands = self.cache.lookup(gaz, &view[s..e]);
                    if !cands.is_empty() {
                        let kind = metonymy(pr, view, s, e, &cands, &None);
                        self.found.push(Found {
                            kind,
                            ..Found::literal(s, e, &view[s..e], cands)
                        });
                        break 'name;
                    }
                }
            }
        }
    }

    /// Romanisation variants standing alone, in a text about a country whose names are romanised from
    /// Cyrillic ("heavy shelling in Stanitsa Luganska" in a report on Ukraine).
    fn romanised_alone(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        if let Some(cc) = main_country(&self.found.v) {
            for mut f in pending {
                Rc::make_mut(&mut f.cands).retain(|c| c.country_code == cc);
                if !f.cands.is_empty() && !self.found.overlaps(f.start, f.end) {
                    self.found.push(f);
                }
            }
        }
    }

    /// Unknown names that a relative location describes ("Robotyne, to the southeast of ...").
    fn described_by_relation(&mut self) {
        let (doc, view) = (self.doc, self.view);
        for m in self.pr.patterns.relation.find_iter(view) {
            let before = view[..m.start()].trim_end().trim_end_matches(',');
            let b_end = before.len();
            let toks = words(
                doc.text,
                view.floor_char_boundary(b_end.saturating_sub(40)),
                b_end,
            );
            if let Some(&(s, e)) = toks.last() {
                let name = &view[s..e];
                if e == b_end
                    && is_capitalised(name)
                    && !self.lex.stop_names.contains(&name.to_ascii_lowercase())
                    && !doc.actor_overlapping(s, e)
                    && !self.found.overlaps(s, e)
                    && doc.text.sentence_at(s).is_some_and(|i| {
                        doc.text.sentences[i].start != s || view[e..].starts_with(" lies")
                    })
                {
                    self.found.push(Found::literal(s, e, name, Rc::default()));
                }
            }
        }
    }
}

/// One name for the several ways of writing a kind of facility.
fn facility_kind(w: &str) -> &'static str {
    match w {
        "nuclear power plant" | "nuclear power station" | "nuclear plant" => "nuclear power plant",
        "power plant" | "power station" => "power plant",
        "hydroelectric power plant" | "hydroelectric dam" | "dam" => "dam",
        "airport" => "airport",
        "air base" | "airbase" => "air base",
        "refinery" => "refinery",
        _ => "oil depot",
    }
}

/// Gazetteer answers for this document: names repeat, and fuzzy look-ups are dear.
/// Answers are shared, not copied: most are only looked at, and the names found hold them ([`Found::cands`]).
#[derive(Default)]
struct LookupCache {
    exact: FxHashMap<String, Rc<Vec<Candidate>>>,
    fuzzy: FxHashMap<(String, u32), Rc<Vec<Candidate>>>,
    variants: FxHashMap<String, Rc<Vec<Candidate>>>,
    /// The exact readings followed by the romanisation variants (see [`LookupCache::readings`]).
    readings: FxHashMap<String, Rc<Vec<Candidate>>>,
}

impl LookupCache {
    fn lookup(&mut self, gaz: &Gazetteer, name: &str) -> Rc<Vec<Candidate>> {
        if let Some(c) = self.exact.get(name) {
            return c.clone();
        }
        let c = Rc::new(gaz.lookup(name));
        self.exact.insert(name.to_string(), c.clone());
        c
    }

    fn variants(&mut self, gaz: &Gazetteer, name: &str) -> Rc<Vec<Candidate>> {
        if let Some(c) = self.variants.get(name) {
            return c.clone();
        }
        let c = Rc::new(gaz.lookup_variants(name));
        self.variants.insert(name.to_string(), c.clone());
        c
    }

    /// `exact` (the readings of `name` as written, or of the settlement of a numbered part) followed by
    /// the romanisation variants of `name`, one list per name for all its mentions.
    fn readings(
        &mut self,
        gaz: &Gazetteer,
        name: &str,
        exact: &Rc<Vec<Candidate>>,
    ) -> Rc<Vec<Candidate>> {
        if let Some(c) = self.readings.get(name) {
            return c.clone();
        }
        let variants = self.variants(gaz, name);
        let c = if variants.is_empty() {
            exact.clone()
        } else {
            Rc::new(exact.iter().chain(variants.iter()).cloned().collect())
        };
        self.readings.insert(name.to_string(), c.clone());
        c
    }

    fn fuzzy(&mut self, gaz: &Gazetteer, name: &str, edits: u32) -> Rc<Vec<Candidate>> {
        let key = (name.to_string(), edits);
        if let Some(c) = self.fuzzy.get(&key) {
            return c.clone();
        }
        let c = Rc::new(gaz.lookup_fuzzy(name, edits));
        self.fuzzy.insert(key, c.clone());
        c
    }
}

/// Found names with an index of their spans, so overlap checks stay logarithmic on long texts.
#[derive(Default)]
struct FoundList {
    v: Vec<Found>,
    spans: std::collections::BTreeMap<usize, usize>,
}

impl FoundList {
    fn push(&mut self, f: Found) {
        self.spans.insert(f.start, f.end);
        self.v.push(f);
    }

    fn overlaps(&self, s: usize, e: usize) -> bool {
        self.spans
            .range(..e)
            .next_back()
            .is_some_and(|(_, &end)| end > s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `sort_by_start` gives the order of a stable sort, names that start together included.
    #[test]
    fn sort_by_start_is_a_stable_sort() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for n in 0..60 {
            let names: Vec<Found> = (0..n)
                .map(|k| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let start = (seed % 8) as usize;
                    Found::literal(start, start + 1, &k.to_string(), Rc::default())
                })
                .collect();
            let mut want: Vec<(usize, String)> =
                names.iter().map(|f| (f.start, f.name.clone())).collect();
            want.sort_by_key(|w| w.0);
            let mut got = names;
            sort_by_start(&mut got);
            let got: Vec<(usize, String)> = got.iter().map(|f| (f.start, f.name.clone())).collect();
            assert_eq!(got, want, "{n} names");
        }
    }
}
