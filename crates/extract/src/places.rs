//! Places: gazetteer names in the text, demonyms and metonyms, facilities, relative locations
//! ("10km south of the town of Orikhiv"), and disambiguation by population, feature rank, the article's
//! countries and the other places around.
//!
//! Writes: the places layer (`Doc::places`, `Doc::place_mentions`, `Doc::anchor_spans`), recognised then resolved
//! here and in the sub-modules (addresses, borders, near, romanisation, region aliases, conflict areas).
//! Reads: the text and its sentences, the actors layer (to tell people from places), the gazetteer, and the files
//! listed at [`PlaceRules::load`] (word lists in `lists/`, `data/gazetteer/*` side tables, the `places.*`
//! patterns).

use crate::doc::{
    capitalised_runs, is_capitalised, words, Doc, MentionKind, PlaceMention, PlaceRec, Relation,
};
use crate::rules::{DataFiles, Patterns as PatternTable, RulesError, SortedWords};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use sitrep_gazetteer::{normalise, Candidate, Gazetteer};
use sitrep_geo::{compass_code, compass_degrees, destination, haversine_km};
use sitrep_ledger::{ActorKind, Resolution};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Data-driven lists (data/gazetteer, made by tools/gazetteer/derive_stopwords.py): gazetteer names that are
/// common English words, and frequent given names and surnames.
struct NameLists {
    common: FxHashSet<String>,
    given: FxHashSet<String>,
    surnames: FxHashSet<String>,
}

/// Whether an organisation's (not a person's) actor mention starts at `s`.
fn org_head(doc: &Doc, s: usize) -> bool {
    let sorted = &doc.actor_mentions[doc.actor_mentions.partition_point(|m| m.start < s)..];
    sorted
        .iter()
        .take_while(|m| m.start == s)
        .chain(doc.pending_actors.iter().filter(|m| m.start == s))
        .any(|m| !m.pronoun && doc.actors[m.actor].kind != ActorKind::Person)
}

/// A reading that names a place even at the head of an organisation's name.
fn head_reading(cands: &[Candidate]) -> bool {
    cands.iter().any(|c| {
        c.feature_code.starts_with("PCL")
            || c.feature_code == "ADM1"
            || c.feature_code == "ADM2"
            || c.population >= 100_000
    })
}

/// The end of a street word right after `e` ("Atlantic| Avenue", "Memphis| Ave."), if there is one.
fn street_after(pr: &PlaceRules, view: &str, e: usize) -> Option<usize> {
    if !view[e..].starts_with(' ') {
        return None;
    }
    let w = word_after(view, e)?;
    if !pr.street_words.contains(w) {
        return None;
    }
    let end = e + 1 + w.len();
    Some(if view[end..].starts_with('.') && w.len() <= 4 {
        end + 1
    } else {
        end
    })
}

/// "We're", "I've", "They'll", "Don't".
fn contraction(w: &str) -> bool {
    let Some(i) = w.rfind(['\'', '’']) else {
        return false;
    };
    let tail = &w[i + w[i..].chars().next().map_or(1, char::len_utf8)..];
    ["re", "ve", "ll", "d", "m"]
        .iter()
        .any(|s| tail.eq_ignore_ascii_case(s))
        || tail.eq_ignore_ascii_case("t") && w[..i].ends_with(['n', 'N'])
}

/// A reading strong enough to stand without a cue: a country, a region, a continent, an ocean, sea or
/// macro-region, or a large city.
fn strong_reading(cands: &[Candidate]) -> bool {
    cands.iter().any(|c| {
        c.feature_code.starts_with("PCL")
            || c.feature_code == "ADM1"
            || c.feature_code == "CONT"
            || macro_feature(&c.feature_code)
            || c.population >= 100_000
    })
}

/// Feature codes of the water bodies and macro-regions of data/gazetteer/water_regions.tsv (GeoNames codes):
/// well-known names with no population, that a town of the same name should not beat ("the Atlantic", "the
/// Middle East", "the Gulf").
fn macro_feature(code: &str) -> bool {
    matches!(
        code,
        "OCN" | "SEA" | "GULF" | "BAY" | "STRT" | "CHN" | "CNL" | "RGN" | "PEN" | "DSRT" | "HLLS"
    )
}

fn person_noun(pr: &PlaceRules, w: &str) -> bool {
    let w = w.trim_end_matches('.').to_lowercase();
    pr.person_nouns.contains(w.as_str()) || pr.titles.contains(w.as_str())
}

/// Tokens that name people in this document: the last word of person actors, of runs that start with a
/// given name ("Chiquita Raquel Henry" makes a later "Henry" a person), of names after a person noun
/// ("fighter Conor McGregor", "County Commissioner Bill McDaniel") and of names with a particle after a
/// given name ("Mike de Kock").
/// `runs` are the capitalised runs of each sentence.
fn person_tokens(
    doc: &Doc,
    gaz: &Gazetteer,
    cache: &mut LookupCache,
    runs: &[Vec<crate::doc::Run>],
) -> HashSet<String> {
    let pr = &doc.rules.places;
    let view = doc.view();
    let lists = &pr.names;
    let lex = &doc.rules.lexicon;
    let given = |w: &str| lists.given.contains(w) || lex.given_names.contains_key(w);
    let mut out = HashSet::new();
    for m in &doc.actor_mentions {
        if !m.pronoun && doc.actors[m.actor].kind == ActorKind::Person {
            if let Some(&(s, e)) = words(view, m.start, m.end).last() {
                out.insert(view[s..e].to_string());
            }
        }
    }
    let mut add = |view: &str, (s, e): (usize, usize)| {
        out.insert(
            view[s..e]
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string(),
        );
    };
    for (sent, runs) in doc.text.sentences.iter().zip(runs) {
        for run in runs {
            let t = &run.tokens;
            let mut unknown = |t: &[(usize, usize)]| {
                cache
                    .lookup(gaz, &view[t[0].0..t[t.len() - 1].1])
                    .is_empty()
            };
            if (2..=4).contains(&t.len()) && given(&view[t[0].0..t[0].1]) && unknown(t) {
                add(view, t[t.len() - 1]);
                continue;
            }
            // the name after a person noun, before the run or inside it
            let role = t[..t.len() - 1]
                .iter()
                .rposition(|&(s, e)| person_noun(pr, &view[s..e]));
            let name = match role {
                Some(k) => &t[k + 1..],
                None if prev_word(view, t[0].0).is_some_and(|w| person_noun(pr, w)) => &t[..],
                None => &t[..0],
            };
            if (2..=3).contains(&name.len()) && unknown(name) {
                add(view, name[name.len() - 1]);
            }
        }
        let w = words(view, sent.start, sent.end);
        for i in 1..w.len().saturating_sub(1) {
            let (p, n) = (&view[w[i - 1].0..w[i - 1].1], &view[w[i + 1].0..w[i + 1].1]);
            if pr.name_particles.contains(&view[w[i].0..w[i].1]) && given(p) && is_capitalised(n) {
                add(view, w[i + 1]);
            }
        }
    }
    out
}

struct Patterns {
    relation: Regex,
    abbreviation: Regex,
    region_abbr: Regex,
    facility: Regex,
    definite: Regex,
    of_name: Regex,
}

/// The rules of the places stages: word lists, gazetteer side tables and patterns (see [`PlaceRules::load`]
/// for the files).
pub struct PlaceRules {
    names: NameLists,
    /// Regions written short after a place ("Chowchilla, Calif.", "Atlanta, GA"): abbreviation ->
    /// (country, region name).
    region_abbreviations: HashMap<String, (String, String)>,
    /// Adjectives of continents, read like demonyms ("European airports"): adjective -> continent name.
    region_adjectives: HashMap<String, String>,
    /// Words after a place name that make it a disease's name ("Marburg virus").
    disease_words: FxHashSet<String>,
    /// Names that are never places on their own ("White House", "Toyota").
    non_place_names: FxHashSet<String>,
    /// Words that end a street's name ("Street", "Avenue").
    street_words: FxHashSet<String>,
    water_words: FxHashSet<String>,
    locative: FxHashSet<String>,
    metonym_nouns: FxHashSet<String>,
    /// In file order: the first that ends the words before a name wins.
    place_cues: Vec<String>,
    titles: FxHashSet<String>,
    person_verbs: FxHashSet<String>,
    person_nouns: FxHashSet<String>,
    name_particles: FxHashSet<String>,
    compass_adjectives: FxHashSet<String>,
    slavic_endings: Vec<String>,
    /// Common English words of six letters or more (`lists/english_words.txt`): never read as a misspelt
    /// place name.
    english_words: SortedWords,
    patterns: Patterns,
    near: near::NearRules,
    address: address::AddressRules,
    borders: borders::BorderRules,
    aliases: region_aliases::Aliases,
    areas: conflict_areas::Areas,
}

impl PlaceRules {
    /// Reads `data/gazetteer/{common_words.txt, person_names.txt, region_abbreviations.tsv}` (as
    /// `gazetteer/…`), `region_adjectives.tsv`, `disease_words.txt`, `non_place_names.txt`, `street_words.txt`,
    /// the `lists/` of places, and the `places.*` patterns; the sub-rules read their own.
    /// An ordinary English word, not a misspelt name: the word, or the last part of a hyphenated one
    /// ("Georgian-controlled"), is in `lists/english_words.txt`.
    fn english_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let last = lower.rsplit('-').next().unwrap_or(&lower);
        self.english_words.contains(&lower) || self.english_words.contains(last)
    }

    pub fn load(files: &DataFiles, patterns: &PatternTable) -> Result<Self, RulesError> {
        let (mut given, mut surnames) = (FxHashSet::default(), FxHashSet::default());
        for (_, l) in files.lines("gazetteer/person_names.txt")? {
            match l.trim().split_once('\t') {
                Some(("g", n)) => given.insert(n.to_string()),
                Some(("s", n)) => surnames.insert(n.to_string()),
                _ => false,
            };
        }
        let names = NameLists {
            common: files.set("gazetteer/common_words.txt")?,
            given,
            surnames,
        };
        let region_abbreviations = files
            .rows("gazetteer/region_abbreviations.tsv", 4)?
            .into_iter()
            .map(|r| (r[0].clone(), (r[1].clone(), r[3].clone())))
            .collect();
        let region_adjectives = files
            .rows("region_adjectives.tsv", 2)?
            .into_iter()
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect();
        Ok(PlaceRules {
            names,
            region_abbreviations,
            region_adjectives,
            disease_words: files.set("disease_words.txt")?,
            non_place_names: files.set("non_place_names.txt")?,
            street_words: files.set("street_words.txt")?,
            water_words: files.set("lists/water_words.txt")?,
            locative: files.set("lists/locative_words.txt")?,
            metonym_nouns: files.set("lists/metonym_nouns.txt")?,
            place_cues: files.list("lists/place_cues.txt")?,
            titles: files.set("lists/titles.txt")?,
            person_verbs: files.set("lists/person_verbs.txt")?,
            person_nouns: files.set("lists/person_nouns.txt")?,
            name_particles: files.set("lists/name_particles.txt")?,
            compass_adjectives: files.set("lists/compass_adjectives.txt")?,
            slavic_endings: files.list("lists/slavic_endings.txt")?,
            english_words: files.sorted_words("lists/english_words.txt")?,
            patterns: Patterns {
                relation: patterns.get("places.relation")?,
                abbreviation: patterns.get("places.abbreviation")?,
                region_abbr: patterns.get("places.region_abbr")?,
                facility: patterns.get("places.facility")?,
                definite: patterns.get("places.definite")?,
                of_name: patterns.get("places.of_name")?,
            },
            near: near::NearRules::load(patterns)?,
            address: address::AddressRules::load(files, patterns)?,
            borders: borders::BorderRules::load(files, patterns)?,
            aliases: region_aliases::Aliases::load(files)?,
            areas: conflict_areas::Areas::load(files)?,
        })
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

/// The distance a relative location states, in kilometres ("10km", "90 miles", "2,5 km").
fn relation_km(c: &regex::Captures) -> Option<f64> {
    let d = c.get(1)?.as_str().replace(',', ".").parse::<f64>().ok()?;
    let miles = c
        .get(2)
        .is_some_and(|u| u.as_str().to_ascii_lowercase().starts_with("mi"));
    Some(if miles { d * 1.609_344 } else { d })
}

fn word_before(view: &str, pos: usize) -> Option<&str> {
    let b = view[..pos].trim_end();
    let s = b
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    (s < b.len()).then(|| &b[s..])
}

/// The word before `pos`, past a full stop of an abbreviation ("Mr. Jones" -> "Mr").
fn prev_word(view: &str, pos: usize) -> Option<&str> {
    let b = view[..pos].trim_end();
    let b = b.strip_suffix('.').unwrap_or(b);
    word_before(view, b.len())
}

fn word_after(view: &str, pos: usize) -> Option<&str> {
    let a = view[pos..].trim_start_matches([' ']);
    let off = view.len() - a.len();
    let e = a
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(a.len());
    (e > 0).then(|| &view[off..off + e])
}

/// Gazetteer answers for this document: names repeat, and fuzzy look-ups are dear.
/// Answers are shared, not copied: most are only looked at.
#[derive(Default)]
struct LookupCache {
    exact: FxHashMap<String, Rc<Vec<Candidate>>>,
    fuzzy: FxHashMap<(String, u32), Vec<Candidate>>,
    variants: FxHashMap<String, Rc<Vec<Candidate>>>,
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

    fn fuzzy(&mut self, gaz: &Gazetteer, name: &str, edits: u32) -> Vec<Candidate> {
        let key = (name.to_string(), edits);
        if let Some(c) = self.fuzzy.get(&key) {
            return c.clone();
        }
        let c = gaz.lookup_fuzzy(name, edits);
        self.fuzzy.insert(key, c.clone());
        c
    }
}

impl Found {
    /// A mention read as exactly one gazetteer entry (a country, a demonym, an abbreviation).
    fn whole_entry(start: usize, end: usize, c: Candidate, kind: MentionKind) -> Found {
        Found {
            start,
            end,
            key: normalise(&c.name),
            name: c.name.clone(),
            cands: vec![c],
            kind,
            cue: None,
            fuzzy: false,
            facility: None,
            first_variant: usize::MAX,
        }
    }
}

impl Found {
    /// The readings spelt as written, or the romanisation variants when there are none.
    fn readings(&self) -> &[Candidate] {
        match self.cands.get(..self.first_variant) {
            Some(exact) if !exact.is_empty() => exact,
            _ => &self.cands,
        }
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

struct Found {
    start: usize,
    end: usize,
    key: String,
    name: String,
    cands: Vec<Candidate>,
    kind: MentionKind,
    cue: Option<String>,
    fuzzy: bool,
    facility: Option<String>,
    /// Index in `cands` where romanisation variants ([`Gazetteer::lookup_variants`]) begin;
    /// `usize::MAX` when there are none.
    first_variant: usize,
}

fn cue_before(pr: &PlaceRules, view: &str, s: usize) -> Option<String> {
    // only the last few words matter: never copy the whole text before the name
    let from = view.floor_char_boundary(s.saturating_sub(48));
    let before = view[from..s].trim_end().to_ascii_lowercase();
    pr.place_cues
        .iter()
        .find(|c| before.ends_with(*c))
        .map(|c| c.split(' ').next().unwrap_or(c).to_string())
}

fn cue_after(view: &str, e: usize) -> Option<String> {
    match word_after(view, e).map(|w| w.to_ascii_lowercase()) {
        Some(w)
            if matches!(
                w.as_str(),
                "city"
                    | "town"
                    | "village"
                    | "settlement"
                    | "region"
                    | "oblast"
                    | "province"
                    | "district"
            ) =>
        {
            Some(w)
        }
        // "Donetsk Obl", "Kharkiv obl."
        Some(w) if w == "obl" => Some("oblast".to_string()),
        // "New York state", "Washington State" (not "Washington State University", "Ohio State Buckeyes")
        Some(w) if w == "state" => {
            let rest = view[e..].trim_start_matches(' ');
            let next = word_after(view, view.len() - rest.len() + "state".len());
            (!next.is_some_and(is_capitalised)).then(|| w.clone())
        }
        _ => None,
    }
}

pub fn recognise(doc: &mut Doc, gaz: &Gazetteer) {
    let pr = &doc.rules.places;
    let lex = &doc.rules.lexicon;
    let view = doc.view();
    let mut found = FoundList::default();
    let mut cache = LookupCache::default();

    // facilities first: "the Zaporizhzhia nuclear power plant"
    for c in pr.patterns.facility.captures_iter(view) {
        let name_part = c[1].trim();
        let name_part = name_part.strip_prefix("The ").unwrap_or(name_part);
        let cands = cache.lookup(gaz, name_part);
        if cands.is_empty() {
            continue;
        }
        let all = c.get(0).unwrap();
        let s = all.end() - c[2].len() - c[1].trim_start_matches("The ").len();
        let kind = facility_kind(&c[2]);
        let name = format!("{name_part} {kind}");
        found.push(Found {
            start: s,
            end: all.end(),
            key: normalise(&format!("{} {kind}", cands[0].geonames_id)),
            name,
            cands: cands.to_vec(),
            kind: MentionKind::Literal,
            cue: None,
            fuzzy: false,
            facility: Some(kind.to_string()),
            first_variant: usize::MAX,
        });
    }

    // dotted country abbreviations the tokeniser splits: "U.S.", "U.K."; and dotted regions ("in S.C.",
    // "Rep. Jim Clyburn, D-S.C.")
    for m in pr.patterns.abbreviation.find_iter(view) {
        let Some(c) = gaz.demonym(m.as_str()).and_then(|cc| gaz.country(cc)) else {
            let region = pr
                .region_abbreviations
                .get(m.as_str())
                .and_then(|(cc, region)| {
                    cache
                        .lookup(gaz, region)
                        .iter()
                        .find(|c| c.feature_code == "ADM1" && &c.country_code == cc)
                        .cloned()
                });
            if let Some(c) = region {
                found.push(Found::whole_entry(
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
        found.push(Found::whole_entry(m.start(), m.end(), c, kind));
    }
    // a region written short after a place: "Chowchilla, Calif.", "Wheeling, W.Va.", "Atlanta, GA"
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
        if !before.starts_with(|ch: char| ch.is_uppercase()) || found.overlaps(m.start(), m.end()) {
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
        let Some(c) = cache
            .lookup(gaz, region)
            .iter()
            .find(|c| c.feature_code == "ADM1" && &c.country_code == cc)
            .cloned()
        else {
            continue;
        };
        found.push(Found::whole_entry(
            m.start(),
            m.end(),
            c,
            MentionKind::Literal,
        ));
    }
    // names with "of" or "and" in them, which a capitalised run breaks: "Democratic Republic of the Congo", "Isle
    // of Man", "Trinidad and Tobago"
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
        // the longest name first
        'name: for &s in &starts {
            for &e in ends.iter().rev() {
                if found.overlaps(s, e) {
                    continue;
                }
                let cands = cache.lookup(gaz, &view[s..e]);
                if !cands.is_empty() {
                    let kind = metonymy(pr, view, s, e, &cands, &None);
                    found.push(Found {
                        start: s,
                        end: e,
                        key: normalise(&view[s..e]),
                        name: view[s..e].to_string(),
                        cands: cands.to_vec(),
                        kind,
                        cue: None,
                        fuzzy: false,
                        facility: None,
                        first_variant: usize::MAX,
                    });
                    break 'name;
                }
            }
        }
    }
    let sentences = doc.sentence_spans();
    // the capitalised runs of each sentence, read twice: for person tokens, then for names
    let mut sentence_runs: Vec<Vec<crate::doc::Run>> = sentences
        .iter()
        .map(|&(ss, se)| capitalised_runs(view, ss, se, false))
        .collect();
    let persons = person_tokens(doc, gaz, &mut cache, &sentence_runs);
    let mut pending: Vec<Found> = Vec::new();
    let lists = &pr.names;
    for (k, &(ss, _)) in sentences.iter().enumerate() {
        let mut runs = std::mem::take(&mut sentence_runs[k]);
        merge_saint(view, &mut runs);
        for run in runs {
            let toks = &run.tokens;
            // "Tom Jones", "Chiquita Raquel Henry": a person, not a place
            if (2..=3).contains(&toks.len())
                && lists.given.contains(&view[toks[0].0..toks[0].1])
                && cache
                    .lookup(gaz, &view[toks[0].0..toks[toks.len() - 1].1])
                    .is_empty()
                && gaz.demonym(&view[toks[0].0..toks[0].1]).is_none()
            {
                continue;
            }
            let mut i = 0;
            while i < toks.len() {
                let mut matched = 0;
                for len in (1..=toks.len().min(i + 4) - i).rev() {
                    let (s, mut e) = (toks[i].0, toks[i + len - 1].1);
                    if view[s..e].ends_with("'s") {
                        e -= 2;
                    }
                    // "Texas-based", "Kyiv-born": the place before the hyphen, a literal location
                    let mut compound = false;
                    if len == 1 {
                        if let Some(h) = view[s..e].rfind('-') {
                            if matches!(&view[s + h + 1..e], "based" | "born" | "bound") {
                                e = s + h;
                                compound = true;
                            }
                        }
                    }
                    if found.overlaps(s, e) {
                        continue;
                    }
                    let name = &view[s..e];
                    let lower = name.to_ascii_lowercase();
                    if len == 1
                        && (lex.stop_names.contains(&lower)
                            || name.len() < 3 && gaz.demonym(name).is_none())
                    {
                        continue;
                    }
                    // "We're", "I've": a pronoun and a verb; "White House", "Toyota": an institution or a
                    // brand, whatever the gazetteer holds
                    if len == 1 && contraction(name) || pr.non_place_names.contains(name) {
                        matched = len;
                        break;
                    }
                    // "Atlantic Avenue", "Frenchmen Street": a street named after a place, not the place; it
                    // lies in the article's town (set in `resolve`)
                    if let Some(street_end) = street_after(pr, view, e) {
                        // a name that reads as a place by itself (not a common word: "Court Street")
                        let cands = cache.lookup(gaz, name);
                        let common =
                            len == 1 && lists.common.contains(&lower) && !strong_reading(&cands);
                        if gaz.demonym(name).is_some() || !cands.is_empty() && !common {
                            let street = &view[s..street_end];
                            found.push(Found {
                                start: s,
                                end: street_end,
                                key: normalise(street),
                                name: street.to_string(),
                                cands: Vec::new(),
                                kind: MentionKind::Literal,
                                cue: None,
                                fuzzy: false,
                                facility: Some("street".to_string()),
                                first_variant: usize::MAX,
                            });
                            matched = len;
                            break;
                        }
                    }
                    // "US$100 million", "A$5": a currency
                    if len == 1 && view[e..].starts_with('$') {
                        matched = 1;
                        break;
                    }
                    // "European airports": a continent's adjective, not in an organisation's name
                    if len <= 2 {
                        if let Some(cont) = pr.region_adjectives.get(name) {
                            let org = word_after(view, e)
                                .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
                            // a continent, or a region or water body of that very name ("English" ->
                            // England, "Middle Eastern" -> the Middle East)
                            let c = cache
                                .lookup(gaz, cont)
                                .iter()
                                .find(|c| {
                                    c.feature_code == "CONT"
                                        || c.feature_class != 'P' && c.name == *cont
                                })
                                .cloned();
                            if let (false, Some(c)) = (org, c) {
                                found.push(Found::whole_entry(s, e, c, MentionKind::Demonym));
                                matched = len;
                                break;
                            }
                            if cont == "-" || org && name.contains(' ') {
                                // "Central American": no place, and not "American" alone either
                                matched = len;
                                break;
                            }
                        }
                    }
                    // "Ukrainian", "US"; "Sri Lankan", "South African" are two words
                    if len <= 3 {
                        if let Some(cc) = gaz.demonym(name) {
                            if let Some(c) = gaz.country(cc) {
                                // "US", "U.S.", "UK" name the country; "Ukrainian" is a demonym
                                let kind = if name.chars().any(char::is_lowercase) {
                                    MentionKind::Demonym
                                } else if compound {
                                    MentionKind::Literal
                                } else {
                                    metonymy(pr, view, s, e, std::slice::from_ref(&c), &None)
                                };
                                found.push(Found::whole_entry(s, e, c, kind));
                                matched = 1;
                                break;
                            }
                        }
                    }
                    // a name inside an actor's is the actor's, but for a country, a region, a county or a
                    // large city at the head of an organisation's name ("Georgia officials", "the Georgia
                    // Bureau of Investigation"); and a name of several words that is a country, a region or a
                    // large city whatever its last word is a person's ("Hong Kong" where a "Sally Kong" speaks)
                    if doc.actor_overlapping(s, e)
                        && !(org_head(doc, s) && head_reading(&cache.lookup(gaz, name)))
                        && !(len >= 2
                            && !doc.actor_overlapping(s, s + 1)
                            && strong_reading(&cache.lookup(gaz, name)))
                    {
                        continue;
                    }
                    if let Some(w) = word_after(view, e) {
                        let w = w.to_ascii_lowercase();
                        if pr.water_words.contains(w.as_str()) || pr.disease_words.contains(&w) {
                            matched = len;
                            break;
                        }
                    }
                    if view[e..].starts_with("'s") {
                        let after = word_after(view, e + 2).map(|w| w.to_ascii_lowercase());
                        if after.is_some_and(|a| words_water_side(&a, view, e + 2)) {
                            matched = len;
                            break;
                        }
                    }
                    let mut cands = cache.lookup(gaz, name);
                    // a numbered part of a settlement ("Zolote-4", a mine's village): the settlement
                    if cands.is_empty() {
                        if let Some(base) = romanised::numbered_base(name) {
                            cands = cache.lookup(gaz, base);
                        }
                    }
                    let cue = cue_before(pr, view, s).or_else(|| cue_after(view, e));
                    if !cands.is_empty() && cue.is_none() {
                        // people and common words: "Sen. Lincoln", "Jones said", "Police", a surname alone
                        let prev = prev_word(view, s).map(|w| w.to_ascii_lowercase());
                        let locative = prev.as_deref().is_some_and(|p| pr.locative.contains(p));
                        let titled = prev.as_deref().is_some_and(|p| pr.titles.contains(p));
                        let next = word_after(view, e).map(|w| w.to_ascii_lowercase());
                        let big = cands.iter().any(|c| {
                            c.feature_code.starts_with("PCL")
                                || c.feature_code == "ADM1"
                                || c.population >= 500_000
                        });
                        // "Jones said", "said Noma."
                        let after_verb =
                            prev.as_deref().is_some_and(|p| pr.person_verbs.contains(p))
                                && view[e..].starts_with(['.', ',']);
                        let speaks = !big
                            && (next.as_deref().is_some_and(|n| pr.person_verbs.contains(n))
                                || after_verb);
                        // an acronym ("APC", "OAS", "MIDI") is an organisation's unless it names a
                        // country, a region or a large city
                        let acronym = len == 1
                            && (2..=4).contains(&name.len())
                            && name.chars().all(|c| c.is_ascii_uppercase());
                        let weak = len == 1 && !strong_reading(&cands);
                        let common = weak && lists.common.contains(&lower);
                        let surname = weak && lists.surnames.contains(name);
                        if titled
                            || speaks
                            || common
                            || acronym && weak
                            || (surname || persons.contains(name)) && !locative
                        {
                            continue;
                        }
                    }
                    if !cands.is_empty() {
                        let kind = if compound {
                            MentionKind::Literal
                        } else {
                            metonymy(pr, view, s, e, &cands, &cue)
                        };

                        // other romanisations of the name, for the context to choose ("Zaitsevo", a
                        // Russian spelling of a Ukrainian "Zaitseve")
                        let first_variant = cands.len();
                        let mut cands = cands.to_vec();
                        cands.extend(cache.variants(gaz, name).iter().cloned());
                        found.push(Found {
                            start: s,
                            end: e,
                            key: normalise(name),
                            name: name.to_string(),
                            cands,
                            kind,
                            cue,
                            fuzzy: false,
                            facility: None,
                            first_variant,
                        });
                        matched = len;
                        break;
                    }
                    // another romanisation of a name in a place context ("Novotoshkovka village"),
                    // or standing alone in a text about the country (kept for after the loop)
                    // a district named by the adjective of its centre ("Shakhtarskyi district"):
                    // the centre, not a village spelt like the adjective
                    if len == 1
                        && cands.is_empty()
                        && cue_after(view, e).as_deref() == Some("district")
                        && address::is_district_adjective(&pr.address, name)
                        && !address::city_district(&pr.address, view, e)
                    {
                        if let Some(c) = address::district_centre(&pr.address, gaz, name, None) {
                            found.push(Found {
                                start: s,
                                end: e,
                                key: normalise(name),
                                name: name.to_string(),
                                cands: vec![c],
                                kind: MentionKind::Literal,
                                cue,
                                fuzzy: false,
                                facility: None,
                                first_variant: usize::MAX,
                            });
                            matched = 1;
                            break;
                        }
                    }
                    if len <= 3 && cands.is_empty() {
                        let v = cache.variants(gaz, name);
                        if !v.is_empty() && cue.is_none() {
                            // the whole capitalised run: not "Nataliia Mykolska", not a word of a
                            // longer name
                            let whole = i == 0 && len == toks.len();
                            if whole
                                && slavic_toponym(pr, name)
                                && !person_like(pr, view, s, e, &persons)
                            {
                                pending.push(Found {
                                    start: s,
                                    end: e,
                                    key: normalise(name),
                                    name: name.to_string(),
                                    cands: v.to_vec(),
                                    kind: MentionKind::Literal,
                                    cue: None,
                                    fuzzy: true,
                                    facility: None,
                                    first_variant: 0,
                                });
                            }
                        } else if !v.is_empty() {
                            found.push(Found {
                                start: s,
                                end: e,
                                key: normalise(name),
                                name: name.to_string(),
                                cands: v.to_vec(),
                                kind: MentionKind::Literal,
                                cue,
                                fuzzy: true,
                                facility: None,
                                first_variant: 0,
                            });
                            matched = len;
                            break;
                        }
                    }
                    // a misspelt longer name in a place context; at the start of a sentence only
                    // when the settlement word follows it ("Shachastia town")
                    let sentence_initial = s == ss;
                    let settlement_after = cue_after(view, e).is_some();
                    let initial_ok = !sentence_initial || settlement_after;
                    // (6 letters only before a settlement word: fuzzy look-ups are dear)
                    let min_len = if settlement_after { 6 } else { 7 };
                    if len == 1
                        && name.chars().count() >= min_len
                        && cue.is_some()
                        && initial_ok
                        && !pr.english_word(name)
                    {
                        let edits = if name.chars().count() >= 9 { 2 } else { 1 };
                        let fz = cache.fuzzy(gaz, name, edits);
                        if !fz.is_empty() {
                            found.push(Found {
                                start: s,
                                end: e,
                                key: normalise(name),
                                name: name.to_string(),
                                cands: fz,
                                kind: MentionKind::Literal,
                                cue,
                                fuzzy: true,
                                facility: None,
                                first_variant: usize::MAX,
                            });
                            matched = 1;
                            break;
                        }
                    }
                    // an unknown name in a clear place context stays a place, unresolved for now;
                    // not a name run on into a district's ("the town of Uglegorsk Artemivsky
                    // district": Uglegorsk)
                    let into_district =
                        len > 1 && cue_after(view, e).as_deref() == Some("district");
                    if len <= 2
                        && cue
                            .as_deref()
                            .is_some_and(|c| c != "city" && c != "region" && c != "state")
                        && !sentence_initial
                        && !into_district
                    {
                        found.push(Found {
                            start: s,
                            end: e,
                            key: normalise(name),
                            name: name.to_string(),
                            cands: Vec::new(),
                            kind: MentionKind::Literal,
                            cue,
                            fuzzy: false,
                            facility: None,
                            first_variant: usize::MAX,
                        });
                        matched = len;
                        break;
                    }
                }
                i += matched.max(1);
            }
        }
    }
    // romanisation variants standing alone, in a text about a country whose names are romanised
    // from Cyrillic ("heavy shelling in Stanitsa Luganska" in a report on Ukraine)
    if let Some(cc) = main_country(&found.v) {
        for mut f in pending {
            f.cands.retain(|c| c.country_code == cc);
            if !f.cands.is_empty() && !found.overlaps(f.start, f.end) {
                found.push(f);
            }
        }
    }
    // unknown names that a relative location describes ("Robotyne, to the southeast of ...")
    for m in pr.patterns.relation.find_iter(view) {
        let before = view[..m.start()].trim_end().trim_end_matches(',');
        let b_end = before.len();
        let toks = words(
            view,
            view.floor_char_boundary(b_end.saturating_sub(40)),
            b_end,
        );
        if let Some(&(s, e)) = toks.last() {
            let name = &view[s..e];
            if e == b_end
                && crate::doc::is_capitalised(name)
                && !lex.stop_names.contains(&name.to_ascii_lowercase())
                && !doc.actor_overlapping(s, e)
                && !found.overlaps(s, e)
                && doc.text.sentence_at(s).is_some_and(|i| {
                    doc.text.sentences[i].start != s || view[e..].starts_with(" lies")
                })
            {
                found.push(Found {
                    start: s,
                    end: e,
                    key: normalise(name),
                    name: name.to_string(),
                    cands: Vec::new(),
                    kind: MentionKind::Literal,
                    cue: None,
                    fuzzy: false,
                    facility: None,
                    first_variant: usize::MAX,
                });
            }
        }
    }
    let mut found = found.v;
    found.sort_by_key(|f| f.start);
    resolve(doc, gaz, found);
    relations(doc);
    borders::borders(doc, gaz);
    regions::assign(doc, gaz);
}

fn words_water_side(after: &str, _view: &str, _pos: usize) -> bool {
    matches!(
        after,
        "east"
            | "west"
            | "left"
            | "right"
            | "north"
            | "south"
            | "eastern"
            | "western"
            | "northern"
            | "southern"
            | "bank"
            | "banks"
            | "river"
    )
}

/// Joins "St" "." "Petersburg" into one run.
fn merge_saint(view: &str, runs: &mut Vec<crate::doc::Run>) {
    let mut i = 0;
    while i + 1 < runs.len() {
        let last = *runs[i].tokens.last().unwrap();
        let next = runs[i + 1].tokens[0];
        if matches!(&view[last.0..last.1], "St" | "Ste" | "Mt") && &view[last.1..next.0] == ". " {
            let mut nt = runs.remove(i + 1).tokens;
            runs[i].tokens.append(&mut nt);
        } else {
            i += 1;
        }
    }
}

fn metonymy(
    pr: &PlaceRules,
    view: &str,
    s: usize,
    e: usize,
    cands: &[Candidate],
    cue: &Option<String>,
) -> MentionKind {
    if cue.is_some() {
        return MentionKind::Literal;
    }
    let is_country = cands.iter().any(|c| c.feature_code.starts_with("PCL"));
    let is_capital = cands
        .iter()
        .any(|c| c.feature_code == "PPLC" && c.population > 500_000);
    if !is_country && !is_capital {
        return MentionKind::Literal;
    }
    if view[e..].starts_with("'s") {
        let next = word_after(view, e + 2).map(|w| w.to_ascii_lowercase());
        return if next
            .as_deref()
            .is_some_and(|n| pr.metonym_nouns.contains(n))
            || is_country && next.is_some()
        {
            MentionKind::Metonym
        } else {
            MentionKind::Literal
        };
    }
    let prev = word_before(view, s).map(|w| w.to_ascii_lowercase());
    let next = word_after(view, e).map(|w| w.to_ascii_lowercase());
    if next.as_deref().is_some_and(|n| {
        matches!(
            n,
            "regime" | "government" | "authorities" | "leadership" | "officials"
        )
    }) {
        return MentionKind::Metonym;
    }
    if let Some(p) = prev.as_deref() {
        if p == "by" {
            return MentionKind::Metonym;
        }
        if (p == "of" || p == "for") && is_capital {
            // "the counteroffensive of Kyiv", "a decisive step for Kyiv": the state, not the city
            let before_of = word_before(view, s - p.len() - 1).map(|w| w.to_ascii_lowercase());
            let noun = before_of.as_deref().is_some_and(|w| {
                pr.metonym_nouns.contains(w)
                    || matches!(
                        w,
                        "step" | "victory" | "defeat" | "success" | "setback" | "blow" | "win"
                    )
            });
            if noun || p == "for" {
                return MentionKind::Metonym;
            }
        }
        if pr.locative.contains(p) {
            return MentionKind::Literal;
        }
    }
    // subject of a verb: "Kyiv denied", "Ukraine had shelled", "Ukraine and Russia accused"
    match next.as_deref() {
        Some(n)
            if n.ends_with("ed")
                || n.ends_with('s') && !n.ends_with("ss")
                || matches!(
                    n,
                    "had"
                        | "has"
                        | "did"
                        | "does"
                        | "is"
                        | "was"
                        | "and"
                        | "will"
                        | "would"
                        | "said"
                        | "says"
                        | "told"
                        | "took"
                        | "made"
                        | "sent"
                        | "fired"
                ) =>
        {
            MentionKind::Metonym
        }
        _ => MentionKind::Literal,
    }
}

/// A town that bears the name: called so, or its name starts with it ("New York" of "New York City").
fn namesake(c: &Candidate, key: &str) -> bool {
    own_name(c, key) || normalise(&c.name).starts_with(&format!("{key} "))
}

/// Share of the other towns and regions named, and how many at least (a name with several readings counts
/// half), that makes an article local to one country.
const LOCAL_SHARE: f64 = 0.6;
const LOCAL_NAMES: f64 = 2.0;
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

/// A cue that calls the name a region ("the Donetsk region", "Washington state", "Kherson oblast").
fn is_region_cue(cue: Option<&str>) -> bool {
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

fn base_score(c: &Candidate, cue: Option<&str>) -> f64 {
    (1.0 + c.population as f64).log10() + feature_bonus(c, cue)
}

fn resolve(doc: &mut Doc, gaz: &Gazetteer, found: Vec<Found>) {
    let pr = &doc.rules.places;
    // the article's countries: demonyms and names with one clear reading
    let mut focus: HashMap<String, f64> = HashMap::new();
    // what each name gives, so that a name is not its own evidence ("Lebanon" ten times in a Pennsylvania
    // obituary does not make the article Lebanese)
    let mut own: HashMap<String, (String, f64)> = HashMap::new();
    // the same for towns and regions only (names with no country reading)
    let mut local: HashMap<String, f64> = HashMap::new();
    let mut local_own: HashSet<String> = HashSet::new();
    for f in &found {
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
        *focus.entry(cc.clone()).or_default() += w;
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
    let local_total: f64 = local.values().sum::<f64>();
    // the country of a local article: most of the other towns and regions named lie in it
    let local_home = |key: &str| -> Option<&str> {
        let (mine_cc, mine_w) = match own.get(key) {
            Some((c, w)) if local_own.contains(key) => (c.as_str(), *w),
            _ => ("", 0.0),
        };
        let rest = local_total - mine_w;
        local.iter().find_map(|(cc, &w)| {
            let w = if cc == mine_cc { w - mine_w } else { w };
            (w >= LOCAL_NAMES.max(LOCAL_SHARE * rest)).then_some(cc.as_str())
        })
    };
    let total: f64 = focus.values().sum::<f64>();
    let focus_bonus = |cc: &str, key: &str| {
        let (mine, mine_w) = own.get(key).map_or((false, 0.0), |(c, w)| (c == cc, *w));
        let rest = total - mine_w;
        let here = focus.get(cc).copied().unwrap_or(0.0) - if mine { mine_w } else { 0.0 };
        4.0 * here.max(0.0) / rest.max(1.0)
    };
    // the article's regions: admin-1 names read as regions, and the regions of names with one reading
    let best_of = |f: &Found| -> Option<Candidate> {
        f.readings()
            .iter()
            .max_by(|a, b| {
                base_score(a, f.cue.as_deref()).total_cmp(&base_score(b, f.cue.as_deref()))
            })
            .cloned()
    };
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
    // "Paris, Texas", "Alexandria, Va.": a name followed by its region or country
    let view = doc.view();
    // and regions named by another name: "Donbas", "the DPR"
    let named_regions = region_aliases::regions_named(&pr.aliases, view);
    // and, in a report on a war, the regions fought over when it was published
    let countries: Vec<&str> = focus
        .iter()
        .filter(|(_, w)| **w >= 1.0)
        .map(|(c, _)| c.as_str())
        .collect();
    let war_regions = conflict_areas::regions(&pr.areas, view, &countries, doc.published);
    // and its longer form: "X village, Y district, Z region", "X (Z region)"; a district on the
    // way puts the place near the district's centre
    let addresses: Vec<address::Address> = (0..found.len())
        .map(|i| address::address(&pr.address, view, &found, i, &best_of))
        .collect();
    let container: Vec<Option<Candidate>> = addresses
        .iter()
        .map(|a| a.region.and_then(|j| best_of(&found[j])))
        .collect();
    let district_points: Vec<Vec<(f64, f64)>> = addresses
        .iter()
        .zip(&container)
        .map(|(a, k)| {
            a.districts
                .iter()
                .filter_map(|&(s, e)| {
                    address::district_point(&pr.address, gaz, &view[s..e], k.as_ref())
                })
                .collect()
        })
        .collect();
    // the town a place is written to lie by ("Kamenka near Debaltseve", "X (47km north-east of
    // Donetsk)"): the name's best reading as a town ("near Donetsk": the city, not the region)
    let town_of = |f: &Found| -> Option<Candidate> {
        f.readings()
            .iter()
            .filter(|c| c.feature_class == 'P')
            .max_by(|a, b| {
                base_score(a, f.cue.as_deref()).total_cmp(&base_score(b, f.cue.as_deref()))
            })
            .cloned()
    };
    // "Oleksandrivske (47km north-east of Donetsk)": the stated point, and how far from it a
    // reading may lie
    // (point, tolerance in km, anchor id)
    type StatedPoint = ((f64, f64), f64, u64);
    let stated_points: Vec<Option<StatedPoint>> = {
        let mut out = vec![None; found.len()];
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
            out[i] = Some((point, (0.5 * km).max(20.0), a.geonames_id));
        }
        out
    };
    // (the anchor's point and id: a place is not its own anchor, whatever names they share)
    // and the direction stated ("west of Donetsk"), if any
    type NearPoint = ((f64, f64), u64, Option<f64>);
    let near_points: Vec<Option<NearPoint>> = near::anchors(&pr.near, view, &found)
        .into_iter()
        .enumerate()
        .map(|(i, j)| {
            let j = j?;
            // an anchor placed by its own stated distance: its reading nearest that point
            // ("Zhovanka, an area of Zaitseve (50km northeast of Donetsk)")
            let b = match stated_points[j] {
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
        })
        .collect();
    if doc.rules.debug_places {
        eprintln!("places: near points {near_points:?}, stated points {stated_points:?}");
    }
    let region_bonus = |i: usize, c: &Candidate| -> f64 {
        if c.feature_code == "ADM1" || c.feature_code.starts_with("PCL") {
            return 0.0;
        }
        let mut b = 0.0;
        if let Some(a) = &c.admin1_code {
            if regions.contains(&(c.country_code.clone(), a.clone())) {
                b += 2.5;
            }
        }
        if let Some(k) = &container[i] {
            let inside = if k.feature_code == "ADM1" {
                k.country_code == c.country_code && k.admin1_code == c.admin1_code
            } else {
                k.country_code == c.country_code
            };
            if inside {
                b += 8.0;
            }
        }
        if named_regions.contains(&(
            c.country_code.clone(),
            c.admin1_code.clone().unwrap_or_default(),
        )) {
            b += region_aliases::BONUS;
        }
        if war_regions.contains(&(
            c.country_code.clone(),
            c.admin1_code.clone().unwrap_or_default(),
        )) {
            b += conflict_areas::BONUS;
        }
        if district_points[i]
            .iter()
            .any(|&p| haversine_km(p, (c.lat, c.lon)) <= DISTRICT_KM)
        {
            b += 4.0;
        }
        if let Some((p, anchor, bearing)) = near_points[i] {
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
        if let Some((p, tolerance, anchor)) = stated_points[i] {
            let d = haversine_km(p, (c.lat, c.lon));
            b += near::NEAR_BONUS * (1.0 - d / (2.0 * tolerance)).max(0.0);
            if c.geonames_id == anchor {
                b -= near::SELF_PENALTY;
            }
        }
        b
    };

    // names listed with a country ("the United States and China", "Chad, Niger and Mali") are countries
    // themselves where they can be
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
    // whether a reading bears the name as its own, or starts with it ("New York City"), once per
    // name and entry: the skeletons behind it are dear, and pick runs twice over every mention
    let mut names_of: HashMap<(&str, u64), (bool, bool)> = HashMap::new();
    for f in &found {
        for c in &f.cands {
            names_of
                .entry((f.key.as_str(), c.geonames_id))
                .or_insert_with(|| {
                    let own = own_name(c, &f.key);
                    (own, own || namesake(c, &f.key))
                });
        }
    }
    let own_of =
        |c: &Candidate, key: &str| names_of.get(&(key, c.geonames_id)).is_some_and(|n| n.0);
    let namesake_of =
        |c: &Candidate, key: &str| names_of.get(&(key, c.geonames_id)).is_some_and(|n| n.1);
    // names listed with a region ("states such as California or Washington", "Alaska, Hawaii and Washington")
    // are regions themselves where they can be, unless an address closes them ("Washington, D.C."); a region
    // that shares its name with a sizeable town does not count ("Washington, New York and Boston")
    let plain_region = |f: &Found| {
        best_of(f).is_some_and(|b| b.feature_code == "ADM1")
            && !f.cands.iter().any(|c| {
                c.feature_class == 'P' && c.population >= 100_000 && namesake_of(c, &f.key)
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
    // "Blakely, Georgia", "Mississauga, Ontario": a name right after a town, with a region reading that holds
    // one of the town's readings, is that region (not the country Georgia, not Ontario, New York); not when
    // the region's namesake town lies in it ("Opytne, Donetsk": the city is as likely)
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
                        && namesake_of(t, &w[1].key)
                        && t.country_code == r.country_code
                        && t.admin1_code == r.admin1_code
                })
        });
        if let Some(r) = region {
            apposed_region.insert(i + 1, r.clone());
        }
    }
    // the article's countries as points (names read as countries, demonyms), for the water bodies and
    // macro-regions that share a name ("the Gulf": the Persian Gulf near Iran, the Gulf of Mexico near the US)
    let mut country_points: Vec<(f64, f64)> = Vec::new();
    for f in &found {
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
    // "central Washington", "southern California": a part of an area, so the region rather than a town (a
    // country stays the country: "southern Taiwan")
    let compass: Vec<bool> = found
        .iter()
        .map(|f| {
            !f.cands.iter().any(|c| c.feature_code.starts_with("PCL"))
                && prev_word(view, f.start).is_some_and(|w| {
                    pr.compass_adjectives.contains(w)
                        && !view[..f.start].trim_end().ends_with(['.', '!', '?'])
                })
        })
        .collect();
    // first pass: priors and the article's countries
    type Support = HashMap<(String, String), Vec<String>>;
    let pick =
        |fi: usize, f: &Found, anchors: &[(f64, f64)], support: &Support| -> Option<(usize, f64)> {
            // a bare name shared by a region and a sizeable town is the town ("Kharkiv", "Odesa"); the region
            // needs a cue ("the Kharkiv region")
            // (a town called so, or whose name starts with it: "New York City"; not one that only has it among
            // its other names, as Floridablanca has "Florida")
            let namesakes: Vec<&Candidate> = f
                .cands
                .iter()
                .filter(|c| {
                    c.feature_class == 'P'
                        && c.population >= 100_000
                        && (namesake_of(c, &f.key) || f.facility.is_some())
                })
                .collect();
            let town_namesake = !namesakes.is_empty();
            let region_cue = is_region_cue(f.cue.as_deref());
            // a local article: most other names lie in one country, and this name has a reading there; a
            // foreign country or capital of the same name that nothing else in the article points to is
            // unlikely ("Lebanon", "Paris", "Dublin" in a Pennsylvania, Illinois or Ohio paper)
            let home = local_home(&f.key)
                .filter(|h| f.cands.iter().any(|c| c.country_code == *h))
                .filter(|_| !with_countries.contains(&f.key));
            let mut scored: Vec<(usize, f64)> = f
                .cands
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let mut s = base_score(c, f.cue.as_deref())
                        + focus_bonus(&c.country_code, &f.key)
                        + region_bonus(fi, c);
                    let foreign = home.is_some_and(|h| h != c.country_code)
                        && focus_bonus(&c.country_code, &f.key) == 0.0;
                    if foreign
                        && (c.feature_code.starts_with("PCL")
                            || c.feature_code == "PPLC"
                            || c.feature_code == "ADM1")
                    {
                        s -= FOREIGN_PENALTY;
                    }
                    if c.feature_code == "ADM1" && town_namesake && !region_cue {
                        s -= 3.0;
                    }
                    if c.feature_code == "ADM1" && with_regions.contains(&fi) {
                        s += LISTED_REGION_BONUS;
                    }
                    if apposed_region
                        .get(&fi)
                        .is_some_and(|r| r.geonames_id == c.geonames_id)
                    {
                        s += APPOSED_REGION_BONUS;
                    }
                    if c.feature_code == "ADM1" && compass[fi] {
                        s += COMPASS_REGION_BONUS;
                    }
                    // the region other places of the article lie in: "Georgia" with Atlanta and Athens
                    // in the US state, "Gainesville" in the state the others are in
                    if let Some(a) = &c.admin1_code {
                        let others = support
                            .get(&(c.country_code.clone(), a.clone()))
                            .map_or(0, |v| v.iter().filter(|k| **k != f.key).count());
                        // names inside a region whose namesake town is in it too ("Brooklyn" with "New York")
                        // are as much the town's support as the region's
                        let town_inside = namesakes.iter().any(|t| {
                            t.country_code == c.country_code && t.admin1_code == c.admin1_code
                        });
                        if c.feature_code == "ADM1" {
                            if !town_inside || region_cue {
                                s += 2.0 * others.min(3) as f64;
                            }
                        } else if others > 0
                            && !c.feature_code.starts_with("PCL")
                            && !regions.contains(&(c.country_code.clone(), a.clone()))
                        {
                            s += 1.5;
                        }
                    }
                    if f.fuzzy {
                        s += 0.0;
                    }
                    if i >= f.first_variant {
                        s -= VARIANT_PENALTY;
                    } else if own_of(c, &f.key) || c.feature_class == 'P' && namesake_of(c, &f.key)
                    {
                        s += OWN_NAME_BONUS;
                    }
                    if macro_feature(&c.feature_code) && f.cands.len() > 1 {
                        let d = anchors
                            .iter()
                            .chain(&country_points)
                            .map(|&a| haversine_km(a, (c.lat, c.lon)))
                            .fold(f64::MAX, f64::min);
                        s += if d < 1000.0 {
                            3.0
                        } else if d < 2500.0 {
                            2.0
                        } else if d < 5000.0 {
                            1.0
                        } else {
                            0.0
                        };
                    }
                    if !anchors.is_empty() && c.feature_class == 'P' {
                        let d = anchors
                            .iter()
                            .map(|&a| haversine_km(a, (c.lat, c.lon)))
                            .fold(f64::MAX, f64::min);
                        s += if d < 50.0 {
                            3.0
                        } else if d < 200.0 {
                            2.0
                        } else if d < 600.0 {
                            0.5
                        } else {
                            0.0
                        };
                    }
                    (i, s)
                })
                .collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1));
            if doc.rules.debug_places {
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
            let best = *scored.first()?;
            let second = scored.get(1).map(|s| s.1).unwrap_or(best.1 - 6.0);
            let margin = best.1 - second;
            let conf = (1.0 / (1.0 + (-margin).exp())).clamp(0.3, 0.99);
            Some((best.0, if f.fuzzy { conf * 0.8 } else { conf }))
        };
    let first: Vec<Option<(usize, f64)>> = found
        .iter()
        .enumerate()
        .map(|(i, f)| pick(i, f, &[], &Support::new()))
        .collect();
    // the regions of the first readings: a few distinct names each
    let mut support = Support::new();
    for (f, p) in found.iter().zip(&first) {
        let Some((ci, conf)) = *p else { continue };
        let c = &f.cands[ci];
        if conf <= 0.6 || f.kind == MentionKind::Demonym || c.feature_code.starts_with("PCL") {
            continue;
        }
        if let Some(a) = &c.admin1_code {
            let v = support
                .entry((c.country_code.clone(), a.clone()))
                .or_default();
            if v.len() < 4 && !v.contains(&f.key) {
                v.push(f.key.clone());
            }
        }
    }
    // the article's town: the sure town named most often (first named on a tie); streets lie in it
    let mut town_count: Vec<(u64, usize, usize)> = Vec::new(); // (geonames id, mentions, found index)
    for (i, (f, p)) in found.iter().zip(&first).enumerate() {
        let Some((ci, conf)) = *p else { continue };
        let c = &f.cands[ci];
        if conf > 0.8 && c.feature_class == 'P' && f.kind == MentionKind::Literal {
            match town_count.iter_mut().find(|t| t.0 == c.geonames_id) {
                Some(t) => t.1 += 1,
                None => town_count.push((c.geonames_id, 1, i)),
            }
        }
    }
    let main_town: Option<Candidate> = town_count
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .and_then(|&(_, _, i)| first[i].map(|(ci, _)| found[i].cands[ci].clone()));
    // second pass: closeness to the other places that are sure
    let sure: Vec<(usize, (f64, f64))> = found
        .iter()
        .zip(&first)
        .enumerate()
        .filter_map(|(i, (f, p))| {
            let (ci, conf) = (*p)?;
            let c = &f.cands[ci];
            (conf > 0.8 && c.feature_class == 'P' && f.kind == MentionKind::Literal)
                .then_some((i, (c.lat, c.lon)))
        })
        .collect();
    // distinct sure points (a long text repeats the same places many times)
    let mut distinct: Vec<(usize, (f64, f64))> = Vec::new();
    for &(i, p) in &sure {
        if distinct.len() < 300 && !distinct.iter().any(|(_, q)| *q == p) {
            distinct.push((i, p));
        }
    }
    let choices: Vec<Option<(usize, f64)>> = found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            // other places only: no support from another mention of one of its own readings
            let anchors: Vec<(f64, f64)> = distinct
                .iter()
                .filter(|(j, p)| *j != i && !f.cands.iter().any(|c| (c.lat, c.lon) == *p))
                .map(|(_, p)| *p)
                .collect();
            pick(i, f, &anchors, &support)
        })
        .collect();
    // one sense per text: the mentions of a name with the same readings take the reading of the
    // surest of them ("Oleksandrivske; ... Oleksandrivske (47km north-east of Donetsk)")
    let mut surest: HashMap<&str, usize> = HashMap::new();
    for (i, f) in found.iter().enumerate() {
        let Some((_, conf)) = choices[i] else {
            continue;
        };
        let e = surest.entry(f.key.as_str()).or_insert(i);
        if choices[*e].is_none_or(|(_, c)| conf > c) {
            *e = i;
        }
    }
    // ("the city of Kherson" is not "the Kherson region": the same cue, or no region cue on
    // either and a town)
    let region_cue = |f: &Found| is_region_cue(f.cue.as_deref());
    let same_readings = |a: &Found, b: &Found, chosen: Option<(usize, f64)>| {
        let town = chosen.is_some_and(|(ci, _)| b.cands[ci].feature_class == 'P');
        a.cands.len() == b.cands.len()
            && (a.cue == b.cue || !region_cue(a) && !region_cue(b) && town)
            && a.facility.is_none()
            && b.facility.is_none()
            && a.cands
                .iter()
                .zip(&b.cands)
                .all(|(x, y)| x.geonames_id == y.geonames_id)
    };
    let choices: Vec<Option<(usize, f64)>> = (0..found.len())
        .map(|i| match surest.get(found[i].key.as_str()) {
            Some(&k) if k != i && same_readings(&found[i], &found[k], choices[k]) => choices[k],
            _ => choices[i],
        })
        .collect();
    for (i, f) in found.into_iter().enumerate() {
        let choice = choices[i];
        let (cand, conf) = if f.facility.as_deref() == Some("street") {
            (
                main_town.clone(),
                if main_town.is_some() { 0.5 } else { 0.0 },
            )
        } else {
            (
                choice.map(|(ci, _)| f.cands[ci].clone()),
                choice.map(|(_, c)| c).unwrap_or(0.0),
            )
        };
        // one place per resolved entry (or per unresolved key)
        let existing = doc.places.iter().position(|p| match (&p.resolved, &cand) {
            _ if p.facility.is_some() || f.facility.is_some() => p.key == f.key,
            (Some(a), Some(b)) => a.geonames_id == b.geonames_id,
            (None, None) => p.key == f.key,
            _ => false,
        });
        let idx = match existing {
            Some(i) => {
                if doc.places[i].cue.is_none() {
                    doc.places[i].cue = f.cue.clone();
                }
                i
            }
            None => {
                let (name, lat, lon, resolution, precision) = match &cand {
                    Some(c) if f.facility.is_some() => (
                        f.name.clone(),
                        Some(c.lat),
                        Some(c.lon),
                        Resolution::Facility,
                        2,
                    ),
                    Some(c) => {
                        let prec = if c.feature_code.starts_with("PCL")
                            || c.feature_code.starts_with("ADM")
                        {
                            3
                        } else {
                            1
                        };
                        (
                            c.name.clone(),
                            Some(c.lat),
                            Some(c.lon),
                            if f.fuzzy {
                                Resolution::Fuzzy
                            } else {
                                Resolution::Gazetteer
                            },
                            prec,
                        )
                    }
                    None => (f.name.clone(), None, None, Resolution::Unresolved, 1),
                };
                doc.places.push(PlaceRec {
                    name,
                    key: f.key.clone(),
                    resolved: cand,
                    lat,
                    lon,
                    confidence: conf,
                    resolution,
                    facility: f.facility.clone(),
                    cue: f.cue.clone(),
                    relation: None,
                    geo_precision: precision,
                    country_code: None,
                    admin1: None,
                });
                doc.places.len() - 1
            }
        };
        doc.add_place_mention(PlaceMention {
            start: f.start,
            end: f.end,
            kind: f.kind,
            place: idx,
        });
    }
}

/// Relative locations: "150km east of the city of Zaporizhzhia", "30 km east of Kherson".
fn relations(doc: &mut Doc) {
    let pr = &doc.rules.places;
    let view = doc.view();
    let mut rels: Vec<(usize, Relation)> = Vec::new();
    let mut anchors_at: HashSet<usize> = HashSet::new();
    let mut raw = Vec::new();
    for c in pr.patterns.relation.captures_iter(view) {
        let all = c.get(0).unwrap();
        // the anchor: a place mention right after the match (or "X city")
        let Some(am) = doc
            .places_within(all.end(), all.end() + 200)
            .find(|m| m.start == all.end() && m.kind != MentionKind::Demonym)
            .cloned()
        else {
            continue;
        };
        let dist = relation_km(&c);
        anchors_at.insert(am.start);
        doc.anchor_spans.push((all.start(), am.end, am.place));
        raw.push((
            all.start(),
            all.end(),
            am.place,
            am.end,
            dist,
            compass_code(&c[3]),
        ));
    }
    for (ms, _me, anchor, aend, dist, bearing) in raw {
        let (ss, _) = doc.sentence_bounds(ms);
        // the located place: nearest earlier literal mention in the sentence that is not itself an anchor,
        // or a definite noun phrase ("the village", "the plant") standing for an earlier place
        let lit = doc.places_within(ss, ms).rev().find(|m| {
            m.end <= ms
                && m.start >= ss
                && m.kind == MentionKind::Literal
                && !anchors_at.contains(&m.start)
                && m.place != anchor
        });
        let np = pr
            .patterns
            .definite
            .captures_iter(&view[ss..ms])
            .last()
            .map(|c| (ss + c.get(0).unwrap().start(), c[1].to_ascii_lowercase()));
        let located = match (lit, np) {
            (Some(l), Some((np_at, _))) if l.start > np_at => Some(l.place),
            (_, Some((np_at, noun))) => antecedent(doc, np_at, &noun),
            (Some(l), None) => Some(l.place),
            (None, None) => None,
        };
        let Some(located) = located else { continue };
        if located == anchor {
            continue;
        }
        rels.push((
            located,
            Relation {
                anchor,
                distance_km: dist,
                bearing,
                start: ms,
                end: aend,
                border: None,
            },
        ));
    }
    // "Zhovanka, an area of Zaitseve": a place the gazetteer lacks (or knows only far away, by a
    // guess at its spelling) lies by its anchor
    let mut mentions: Vec<&PlaceMention> = doc
        .place_mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Literal)
        .collect();
    mentions.sort_by_key(|m| m.start);
    for w in mentions.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a.place == b.place || b.start < a.end || anchors_at.contains(&b.start) {
            continue;
        }
        let Some(gap) = view.get(a.end..b.start) else {
            continue;
        };
        if !near::is_near_gap(&pr.near, gap) || doc.places[a.place].facility.is_some() {
            continue;
        }
        let (p, anchor) = (&doc.places[a.place], &doc.places[b.place]);
        let far = match (p.lat.zip(p.lon), anchor.lat.zip(anchor.lon)) {
            (Some(x), Some(y)) => haversine_km(x, y) > near::NEAR_KM,
            _ => false,
        };
        let guess =
            p.resolution == Resolution::Unresolved || p.resolution == Resolution::Fuzzy && far;
        if guess && anchor.resolved.is_some() {
            rels.push((
                a.place,
                Relation {
                    anchor: b.place,
                    distance_km: None,
                    bearing: near::gap_bearing_code(&pr.near, gap),
                    start: a.end,
                    end: b.end,
                    border: None,
                },
            ));
        }
    }
    for (p, r) in rels {
        let better = match &doc.places[p].relation {
            None => true,
            Some(old) => old.distance_km.is_none() && r.distance_km.is_some(),
        };
        if better {
            doc.places[p].relation = Some(r);
        }
    }
    // place what the gazetteer could not: from the anchor, the distance and the bearing
    for i in 0..doc.places.len() {
        let Some(r) = doc.places[i].relation.clone() else {
            continue;
        };
        let a = &doc.places[r.anchor];
        let (Some(alat), Some(alon)) = (a.lat, a.lon) else {
            continue;
        };
        let anchor_known = a.resolved.is_some();
        // a spelling guess the stated distance and bearing contradict is dropped for the stated point
        let stated = match (r.distance_km, r.bearing.and_then(compass_degrees)) {
            (Some(d), Some(deg)) => Some(destination((alat, alon), d, deg)),
            _ => None,
        };
        // a spelling guess the stated distance and bearing contradict, or far from the place it
        // is written to lie by, is dropped: the stated point or the anchor's instead
        let contradicted = doc.places[i].resolution == Resolution::Fuzzy
            && doc.places[i]
                .resolved
                .as_ref()
                .is_some_and(|c| match (stated, r.distance_km) {
                    (Some(pt), Some(d)) => haversine_km(pt, (c.lat, c.lon)) > (0.5 * d).max(15.0),
                    (_, None) => haversine_km((alat, alon), (c.lat, c.lon)) > near::NEAR_KM,
                    _ => false,
                });
        if contradicted {
            // back to the name as the text spells it
            let written = doc
                .place_mentions
                .iter()
                .find(|m| m.place == i)
                .map(|m| view[m.start..m.end].to_string());
            let p = &mut doc.places[i];
            p.resolved = None;
            p.resolution = Resolution::Unresolved;
            if let Some(w) = written {
                p.name = w;
            }
        }
        let unplaced = doc.places[i].resolved.is_none() || doc.places[i].facility.is_some();
        if unplaced && stated.is_none() && doc.places[i].resolved.is_none() {
            // "west of Avdiivka" with no distance: near the anchor, precision 2
            if anchor_known {
                let p = &mut doc.places[i];
                p.lat = Some(alat);
                p.lon = Some(alon);
                p.resolution = Resolution::Relative;
                p.geo_precision = 2;
                p.confidence = 0.4;
            }
        }
        if unplaced {
            if let (Some(d), Some(deg)) = (r.distance_km, r.bearing.and_then(compass_degrees)) {
                let (lat, lon) = destination((alat, alon), d, deg);
                let p = &mut doc.places[i];
                p.lat = Some((lat * 1e5).round() / 1e5);
                p.lon = Some((lon * 1e5).round() / 1e5);
                p.resolution = Resolution::Relative;
                p.geo_precision = 2;
                p.confidence = 0.6;
                if p.resolved.is_none() {
                    p.resolved = None;
                }
            }
        }
    }
}

/// The place a definite noun phrase stands for: the latest earlier place of a fitting kind.
pub fn antecedent(doc: &Doc, at: usize, noun: &str) -> Option<usize> {
    let want_facility = matches!(noun, "plant" | "site" | "station" | "facility" | "bridge");
    // "the village" stands first for a place introduced as a village ("the village of Synkivka")
    if matches!(noun, "village" | "town" | "city" | "settlement") {
        let cued = doc
            .places_before(at)
            .take(400)
            .filter(|m| m.kind == MentionKind::Literal)
            .find(|m| doc.places[m.place].cue.as_deref() == Some(noun))
            .map(|m| m.place);
        if cued.is_some() {
            return cued;
        }
    }
    doc.places_before(at)
        .take(2000)
        .filter(|m| m.kind == MentionKind::Literal)
        .find(|m| {
            let p = &doc.places[m.place];
            if want_facility {
                p.facility.is_some()
            } else if matches!(noun, "village" | "town" | "settlement") {
                p.facility.is_none()
                    && p.resolved
                        .as_ref()
                        .is_none_or(|c| c.feature_class == 'P' && c.population < 200_000)
            } else {
                p.facility.is_none() && p.resolved.as_ref().is_none_or(|c| c.feature_class == 'P')
            }
        })
        .map(|m| m.place)
}

mod address;
mod conflict_areas;
mod near;
mod region_aliases;
mod regions;
mod romanised;
use romanised::{
    main_country, own_name, person_like, slavic_toponym, DISTRICT_KM, OWN_NAME_BONUS,
    VARIANT_PENALTY,
};
mod borders;
#[cfg(test)]
use borders::border_point;

#[cfg(test)]
mod tests;
