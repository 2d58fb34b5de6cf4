//! The capitalised runs of each sentence, read as place names: every span of up to four words of a run,
//! the longest first, goes through a list of checks, each of which may read it (as a place, or as no place:
//! a person, a street, a currency, a brand), pass it over for a shorter span, or leave it to the next check.
//! In order: stop names and short words; contractions and names that are never places; streets; currencies;
//! continents' adjectives; demonyms; names inside an actor's; names before a water or disease word; then,
//! when the gazetteer knows the name, people and common words against the name itself; else a district's
//! adjective, another romanisation, a misspelling, or an unknown name in a clear place context.
//!
//! Writes: nothing on the `Doc`; names found for [`super::Reader`].
//! Reads: the runs and the words around them, the actors layer, the gazetteer, and the places word lists
//! (`lists/*`: water words, titles, person verbs, locative words, place cues; `street_words.txt`,
//! `disease_words.txt`, `non_place_names.txt`, `region_adjectives.tsv`).

use super::metonymy::metonymy;
use super::persons::person_tokens;
use super::Reader;
use crate::doc::{capitalised_runs, is_capitalised, Doc, MentionKind, Run};
use crate::places::romanised::{numbered_base, person_like, slavic_toponym};
use crate::places::{address, macro_feature, prev_word, word_after, Found, PlaceRules};
use sitrep_gazetteer::Candidate;
use sitrep_ledger::ActorKind;
use std::ops::ControlFlow::{self, Break, Continue};
use std::rc::Rc;

/// What a check decides about a span of a run.
enum Verdict {
    /// Not this span: try a shorter one.
    Shorter,
    /// The span is read (as a place or as no place): go on `n` tokens further.
    Take(usize),
}

/// A check's answer: a verdict, or `Continue` for the next check to decide.
type Check = ControlFlow<Verdict>;

/// A span of a capitalised run, as the checks see it.
struct Span<'v> {
    s: usize,
    e: usize,
    /// How many tokens of the run it covers.
    len: usize,
    name: &'v str,
    lower: String,
    /// "Texas-based", "Kyiv-born": the place before the hyphen, a literal location.
    compound: bool,
    /// The whole capitalised run (not "Nataliia Mykolska", not a word of a longer name).
    whole: bool,
    /// It starts its sentence.
    sentence_initial: bool,
}

impl<'a> Reader<'a> {
    /// Reads the capitalised runs of every sentence.
    pub(super) fn read_runs(&mut self) {
        let view = self.view;
        let sentences = self.doc.sentence_spans();
        // the capitalised runs of each sentence, read twice: for person tokens, then for names
        let mut sentence_runs: Vec<Vec<Run>> = sentences
            .iter()
            .map(|&(ss, se)| capitalised_runs(self.doc.text, ss, se, false))
            .collect();
        self.persons = person_tokens(self.doc, self.gaz, &mut self.cache, &sentence_runs);
        for (k, &(ss, _)) in sentences.iter().enumerate() {
            let mut runs = std::mem::take(&mut sentence_runs[k]);
            merge_saint(view, &mut runs);
            for run in runs {
                self.read_run(&run.tokens, ss);
            }
        }
    }

    /// Reads one run of a sentence starting at `ss`: from each token, the longest span a check reads.
    fn read_run(&mut self, toks: &[(usize, usize)], ss: usize) {
        if self.names_a_person(toks) {
            return;
        }
        let mut i = 0;
        while i < toks.len() {
            let mut matched = 0;
            for len in (1..=toks.len().min(i + 4) - i).rev() {
                let Some(span) = self.span(toks, i, len, ss) else {
                    continue;
                };
                if let Break(Verdict::Take(n)) = self.decide(&span) {
                    matched = n;
                    break;
                }
            }
            i += matched.max(1);
        }
    }

    /// "Tom Jones", "Chiquita Raquel Henry": a person, not a place.
    fn names_a_person(&mut self, toks: &[(usize, usize)]) -> bool {
        let (view, gaz) = (self.view, self.gaz);
        (2..=3).contains(&toks.len())
            && self.pr.names.given.contains(&view[toks[0].0..toks[0].1])
            && self
                .cache
                .lookup(gaz, &view[toks[0].0..toks[toks.len() - 1].1])
                .is_empty()
            && gaz.demonym(&view[toks[0].0..toks[0].1]).is_none()
    }

    /// The span of `len` tokens from token `i`, less a possessive "'s" and a "-based" ending; none where
    /// a name is found already.
    fn span(&self, toks: &[(usize, usize)], i: usize, len: usize, ss: usize) -> Option<Span<'a>> {
        let view = self.view;
        let (s, mut e) = (toks[i].0, toks[i + len - 1].1);
        if view[s..e].ends_with("'s") {
            e -= 2;
        }
        let mut compound = false;
        if len == 1 {
            if let Some(h) = view[s..e].rfind('-') {
                if matches!(&view[s + h + 1..e], "based" | "born" | "bound") {
                    e = s + h;
                    compound = true;
                }
            }
        }
        if self.found.overlaps(s, e) {
            return None;
        }
        let name = &view[s..e];
        Some(Span {
            s,
            e,
            len,
            name,
            lower: name.to_ascii_lowercase(),
            compound,
            whole: i == 0 && len == toks.len(),
            sentence_initial: s == ss,
        })
    }

    /// The checks, in order, on one span.
    fn decide(&mut self, sp: &Span) -> Check {
        self.stop_or_short(sp)?;
        self.never_a_place(sp)?;
        self.street(sp)?;
        self.currency(sp)?;
        self.continent_adjective(sp)?;
        self.demonym(sp)?;
        self.inside_actor(sp)?;
        self.before_water_or_disease(sp)?;
        let cands = self.gazetteer_readings(sp);
        let cue = cue_before(self.pr, self.view, sp.s).or_else(|| cue_after(self.view, sp.e));
        if !cands.is_empty() {
            if cue.is_none() {
                self.person_or_common_word(sp, &cands)?;
            }
            return self.gazetteer_name(sp, &cands, cue);
        }
        // not in the gazetteer as written: a district's adjective, another romanisation, a misspelling, or
        // an unknown name in a place context
        self.district_centre(sp, &cue)?;
        self.romanisation_variant(sp, &cue)?;
        self.misspelt(sp, &cue)?;
        self.unknown_in_place_context(sp, cue)
    }

    /// A stop name, or a word of one or two letters that is no demonym: not this span.
    fn stop_or_short(&self, sp: &Span) -> Check {
        if sp.len == 1
            && (self.lex.stop_names.contains(&sp.lower)
                || sp.name.len() < 3 && self.gaz.demonym(sp.name).is_none())
        {
            return Break(Verdict::Shorter);
        }
        Continue(())
    }

    /// "We're", "I've": a pronoun and a verb; "White House", "Toyota": an institution or a brand, whatever
    /// the gazetteer holds.
    fn never_a_place(&self, sp: &Span) -> Check {
        if sp.len == 1 && contraction(sp.name) || self.pr.non_place_names.contains(sp.name) {
            return Break(Verdict::Take(sp.len));
        }
        Continue(())
    }

    /// "Atlantic Avenue", "Frenchmen Street": a street named after a place, not the place; it lies in the
    /// article's town (set in `resolve`). Only after a name that reads as a place by itself (not a common
    /// word: "Court Street").
    fn street(&mut self, sp: &Span) -> Check {
        let Some(street_end) = street_after(self.pr, self.view, sp.e) else {
            return Continue(());
        };
        let cands = self.cache.lookup(self.gaz, sp.name);
        let common =
            sp.len == 1 && self.pr.names.common.contains(&sp.lower) && !strong_reading(&cands);
        if self.gaz.demonym(sp.name).is_some() || !cands.is_empty() && !common {
            let street = &self.view[sp.s..street_end];
            self.found.push(Found {
                facility: Some("street".to_string()),
                ..Found::literal(sp.s, street_end, street, Rc::default())
            });
            return Break(Verdict::Take(sp.len));
        }
        Continue(())
    }

    /// "US$100 million", "A$5": a currency.
    fn currency(&self, sp: &Span) -> Check {
        if sp.len == 1 && self.view[sp.e..].starts_with('$') {
            return Break(Verdict::Take(1));
        }
        Continue(())
    }

    /// "European airports": a continent's adjective, not in an organisation's name; read as the continent,
    /// or a region or water body of that very name ("English" -> England, "Middle Eastern" -> the Middle
    /// East).
    fn continent_adjective(&mut self, sp: &Span) -> Check {
        if sp.len > 2 {
            return Continue(());
        }
        let Some(cont) = self.pr.region_adjectives.get(sp.name) else {
            return Continue(());
        };
        let org =
            word_after(self.view, sp.e).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
        let c = self
            .cache
            .lookup(self.gaz, cont)
            .iter()
            .find(|c| c.feature_code == "CONT" || c.feature_class != 'P' && c.name == *cont)
            .cloned();
        if let (false, Some(c)) = (org, c) {
            self.found
                .push(Found::whole_entry(sp.s, sp.e, c, MentionKind::Demonym));
            return Break(Verdict::Take(sp.len));
        }
        if cont == "-" || org && sp.name.contains(' ') {
            // "Central American": no place, and not "American" alone either
            return Break(Verdict::Take(sp.len));
        }
        Continue(())
    }

    /// "Ukrainian", "US"; "Sri Lankan", "South African" are two words. "US", "U.S.", "UK" name the country;
    /// "Ukrainian" is a demonym.
    fn demonym(&mut self, sp: &Span) -> Check {
        if sp.len > 3 {
            return Continue(());
        }
        let Some(c) = self
            .gaz
            .demonym(sp.name)
            .and_then(|cc| self.gaz.country(cc))
        else {
            return Continue(());
        };
        let kind = if sp.name.chars().any(char::is_lowercase) {
            MentionKind::Demonym
        } else if sp.compound {
            MentionKind::Literal
        } else {
            metonymy(
                self.pr,
                self.view,
                sp.s,
                sp.e,
                std::slice::from_ref(&c),
                &None,
            )
        };
        self.found.push(Found::whole_entry(sp.s, sp.e, c, kind));
        Break(Verdict::Take(1))
    }

    /// A name inside an actor's is the actor's, but for a country, a region, a county or a large city at
    /// the head of an organisation's name ("Georgia officials", "the Georgia Bureau of Investigation"); and a
    /// name of several words that is a country, a region or a large city whatever its last word is a
    /// person's ("Hong Kong" where a "Sally Kong" speaks).
    fn inside_actor(&mut self, sp: &Span) -> Check {
        let (doc, gaz, s, e) = (self.doc, self.gaz, sp.s, sp.e);
        if doc.actor_overlapping(s, e)
            && !(org_head(doc, s) && head_reading(&self.cache.lookup(gaz, sp.name)))
            && !(sp.len >= 2
                && !doc.actor_overlapping(s, s + 1)
                && strong_reading(&self.cache.lookup(gaz, sp.name)))
        {
            return Break(Verdict::Shorter);
        }
        Continue(())
    }

    /// A name before a water word ("Dnipro river") or a disease word ("Marburg virus"), or before "'s" and
    /// a side or bank ("the Dnipro's left bank"): no place of its own.
    fn before_water_or_disease(&self, sp: &Span) -> Check {
        let (pr, view, e) = (self.pr, self.view, sp.e);
        if let Some(w) = word_after(view, e) {
            let w = w.to_ascii_lowercase();
            if pr.water_words.contains(w.as_str()) || pr.disease_words.contains(&w) {
                return Break(Verdict::Take(sp.len));
            }
        }
        if view[e..].starts_with("'s") {
            let after = word_after(view, e + 2).map(|w| w.to_ascii_lowercase());
            if after.is_some_and(|a| words_water_side(&a, view, e + 2)) {
                return Break(Verdict::Take(sp.len));
            }
        }
        Continue(())
    }

    /// The gazetteer's readings of the name; of a numbered part of a settlement ("Zolote-4", a mine's
    /// village), the settlement's.
    fn gazetteer_readings(&mut self, sp: &Span) -> Rc<Vec<Candidate>> {
        let mut cands = self.cache.lookup(self.gaz, sp.name);
        if cands.is_empty() {
            if let Some(base) = numbered_base(sp.name) {
                cands = self.cache.lookup(self.gaz, base);
            }
        }
        cands
    }

    /// A known name with no place cue that is a person's or a common word's: "Sen. Lincoln", "Jones
    /// said", "Police", a surname alone; not this span.
    fn person_or_common_word(&self, sp: &Span, cands: &[Candidate]) -> Check {
        let (pr, view, name, len) = (self.pr, self.view, sp.name, sp.len);
        let lists = &pr.names;
        let prev = prev_word(view, sp.s).map(|w| w.to_ascii_lowercase());
        let locative = prev.as_deref().is_some_and(|p| pr.locative.contains(p));
        let titled = prev.as_deref().is_some_and(|p| pr.titles.contains(p));
        let next = word_after(view, sp.e).map(|w| w.to_ascii_lowercase());
        let big = cands.iter().any(|c| {
            c.feature_code.starts_with("PCL") || c.feature_code == "ADM1" || c.population >= 500_000
        });
        // "Jones said", "said Noma."
        let after_verb = prev.as_deref().is_some_and(|p| pr.person_verbs.contains(p))
            && view[sp.e..].starts_with(['.', ',']);
        let speaks =
            !big && (next.as_deref().is_some_and(|n| pr.person_verbs.contains(n)) || after_verb);
        // an acronym ("APC", "OAS", "MIDI") is an organisation's unless it names a country, a region or a
        // large city
        let acronym = len == 1
            && (2..=4).contains(&name.len())
            && name.chars().all(|c| c.is_ascii_uppercase());
        let weak = len == 1 && !strong_reading(cands);
        let common = weak && lists.common.contains(&sp.lower);
        let surname = weak && lists.surnames.contains(name);
        if titled
            || speaks
            || common
            || acronym && weak
            || (surname || self.persons.contains(name)) && !locative
        {
            return Break(Verdict::Shorter);
        }
        Continue(())
    }

    /// A name the gazetteer knows: a place, with the other romanisations of the name for the context to
    /// choose ("Zaitsevo", a Russian spelling of a Ukrainian "Zaitseve").
    fn gazetteer_name(
        &mut self,
        sp: &Span,
        cands: &Rc<Vec<Candidate>>,
        cue: Option<String>,
    ) -> Check {
        let kind = if sp.compound {
            MentionKind::Literal
        } else {
            metonymy(self.pr, self.view, sp.s, sp.e, cands, &cue)
        };
        let first_variant = cands.len();
        let cands = self.cache.readings(self.gaz, sp.name, cands);
        self.found.push(Found {
            kind,
            cue,
            first_variant,
            ..Found::literal(sp.s, sp.e, sp.name, cands)
        });
        Break(Verdict::Take(sp.len))
    }

    /// A district named by the adjective of its centre ("Shakhtarskyi district"): the centre, not a
    /// village spelt like the adjective.
    fn district_centre(&mut self, sp: &Span, cue: &Option<String>) -> Check {
        let (ar, view) = (&self.pr.address, self.view);
        if sp.len == 1
            && cue_after(view, sp.e).as_deref() == Some("district")
            && address::is_district_adjective(ar, sp.name)
            && !address::city_district(ar, view, sp.e)
        {
            if let Some(c) = address::district_centre(ar, self.gaz, sp.name, None) {
                self.found.push(Found {
                    cue: cue.clone(),
                    ..Found::literal(sp.s, sp.e, sp.name, Rc::new(vec![c]))
                });
                return Break(Verdict::Take(1));
            }
        }
        Continue(())
    }

    /// Another romanisation of the name: in a place context, a place; standing alone as a whole run that
    /// looks like a Slavic place name and not a person's, kept for later (see `romanised_alone`).
    fn romanisation_variant(&mut self, sp: &Span, cue: &Option<String>) -> Check {
        if sp.len > 3 {
            return Continue(());
        }
        let v = self.cache.variants(self.gaz, sp.name);
        if v.is_empty() {
            return Continue(());
        }
        let variant = |cue: &Option<String>| Found {
            cue: cue.clone(),
            fuzzy: true,
            first_variant: 0,
            ..Found::literal(sp.s, sp.e, sp.name, v.clone())
        };
        if cue.is_some() {
            self.found.push(variant(cue));
            return Break(Verdict::Take(sp.len));
        }
        if sp.whole
            && slavic_toponym(self.pr, sp.name)
            && !person_like(self.pr, self.view, sp.s, sp.e, &self.persons)
        {
            self.pending.push(variant(&None));
        }
        Continue(())
    }

    /// A misspelt longer name in a place context; at the start of a sentence only when the settlement
    /// word follows it ("Shachastia town"); 6 letters only before a settlement word (fuzzy look-ups are
    /// dear); never an ordinary English word ("Acting" is one edit from "A Ting").
    fn misspelt(&mut self, sp: &Span, cue: &Option<String>) -> Check {
        let settlement_after = cue_after(self.view, sp.e).is_some();
        let initial_ok = !sp.sentence_initial || settlement_after;
        let min_len = if settlement_after { 6 } else { 7 };
        let letters = sp.name.chars().count();
        if sp.len == 1
            && letters >= min_len
            && cue.is_some()
            && initial_ok
            && !self.pr.english_word(sp.name)
        {
            let edits = if letters >= 9 { 2 } else { 1 };
            let fz = self.cache.fuzzy(self.gaz, sp.name, edits);
            if !fz.is_empty() {
                self.found.push(Found {
                    cue: cue.clone(),
                    fuzzy: true,
                    ..Found::literal(sp.s, sp.e, sp.name, fz)
                });
                return Break(Verdict::Take(1));
            }
        }
        Continue(())
    }

    /// An unknown name in a clear place context stays a place, unresolved for now; not a name run on into
    /// a district's ("the town of Uglegorsk Artemivsky district": Uglegorsk). Else: not this span.
    fn unknown_in_place_context(&mut self, sp: &Span, cue: Option<String>) -> Check {
        let into_district = sp.len > 1 && cue_after(self.view, sp.e).as_deref() == Some("district");
        if sp.len <= 2
            && cue
                .as_deref()
                .is_some_and(|c| c != "city" && c != "region" && c != "state")
            && !sp.sentence_initial
            && !into_district
        {
            self.found.push(Found {
                cue,
                ..Found::literal(sp.s, sp.e, sp.name, Rc::default())
            });
            return Break(Verdict::Take(sp.len));
        }
        Break(Verdict::Shorter)
    }
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
