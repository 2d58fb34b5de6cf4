//! The document model shared by the extraction stages: one [`Doc`] that every stage annotates, spaCy style.
//! All offsets here are byte offsets into the normalised view of [`sitrep_text::Text`].
//!
//! Writes: nothing itself; it holds the layers, each written by one stage (see `crates/extract/README.md`).
//! Reads: no data file.

use crate::rules::Rules;
use sitrep_gazetteer::Candidate;
pub use sitrep_ledger::MentionKind;
use sitrep_ledger::{
    ActorKind, Outcome, Resolution, StatementKind, StatementMode, TimexType, Verification,
};
use sitrep_text::Text;

#[derive(Debug, Clone)]
pub struct ActorRec {
    pub name: String,
    pub kind: ActorKind,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    /// m / f when a given name or pronoun tells.
    pub gender: Option<char>,
}

#[derive(Debug, Clone, Copy)]
pub struct ActorMention {
    pub start: usize,
    pub end: usize,
    pub actor: usize,
    pub pronoun: bool,
}

#[derive(Debug, Clone)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
    pub place: usize,
}

#[derive(Debug, Clone)]
pub struct Relation {
    pub anchor: usize,
    pub distance_km: Option<f64>,
    pub bearing: Option<&'static str>,
    pub start: usize,
    pub end: usize,
    /// A border ("near the Romanian border"): the country on whose side the place is; the anchor is the
    /// other country.
    pub border: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PlaceRec {
    pub name: String,
    pub key: String,
    pub resolved: Option<Candidate>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub confidence: f64,
    pub resolution: Resolution,
    /// Facility ("nuclear power plant", "bridge") rather than a settlement.
    pub facility: Option<String>,
    /// Settlement type words seen with it ("village", "city", "town", "region").
    pub cue: Option<String>,
    pub relation: Option<Relation>,
    /// Precision for events: 1 town, 2 near/part, 3 region.
    pub geo_precision: u8,
    /// ISO 3166 alpha-2 code of the country the place is in (set by `places::regions`, last).
    pub country_code: Option<String>,
    /// Its admin-1 region's name (set by `places::regions`, last).
    pub admin1: Option<String>,
}

#[derive(Debug, Clone)]
pub struct QuoteRec {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<usize>,
    pub speaker_mention: Option<(usize, usize)>,
    pub cue: Option<String>,
    /// Where the cue stands ("said", a dash before a name), when it is words of the text.
    pub cue_span: Option<(usize, usize)>,
    pub partial: bool,
}

/// An attributed statement (the statements layer, written by `statements`).
#[derive(Debug, Clone)]
pub struct StatementRec {
    pub kind: StatementKind,
    pub mode: StatementMode,
    pub speaker: Option<usize>,
    /// The words naming the speaker here ("he", "officials", a mention of the actor).
    pub speaker_mention: Option<(usize, usize)>,
    /// The reporting words ("said", "according to").
    pub cue: Option<(usize, usize)>,
    /// The content: the quote's text or the reported clause.
    pub start: usize,
    pub end: usize,
    /// Index into the quotes layer of the quote the statement holds.
    pub quote: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct TimeRec {
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
    pub range: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    pub timex_type: TimexType,
    pub precision: Option<u8>,
    pub relative: bool,
    pub in_caption: bool,
}

#[derive(Debug, Clone)]
pub struct ClaimRec {
    pub event: usize,
    pub source: Option<usize>,
    pub denies: bool,
    pub hedge: Option<String>,
    pub start: usize,
    pub end: usize,
    pub contradicts: Vec<usize>,
    /// Settled by the events stage, last.
    pub verification: Verification,
    /// The statement (index into the statements layer) the claim is told in.
    pub statement: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct EventRec {
    pub class: Outcome,
    pub event_type: String,
    pub sub_event_type: String,
    pub actor1: Option<usize>,
    pub actor2: Option<usize>,
    pub place: Option<usize>,
    pub date: Option<String>,
    pub time_precision: Option<u8>,
    pub fatalities: Option<u64>,
    pub evidence: Vec<(usize, usize)>,
    pub trigger: String,
    pub claims: Vec<usize>,
    /// ACLED's inter codes and civilian targeting (set by `events::inter` once the events are merged).
    pub actor_types: crate::events::ActorTypes,
}

pub struct Doc<'a> {
    pub text: &'a Text,
    /// The engine's rules, read by every stage.
    pub rules: &'a Rules,
    pub published: Option<chrono::NaiveDate>,
    pub actors: Vec<ActorRec>,
    pub actor_mentions: Vec<ActorMention>,
    /// Actor mentions added since the last `actors::flush_mentions`, sorted by start.
    pub pending_actors: Vec<ActorMention>,
    pub places: Vec<PlaceRec>,
    pub place_mentions: Vec<PlaceMention>,
    pub times: Vec<TimeRec>,
    pub quotes: Vec<QuoteRec>,
    pub statements: Vec<StatementRec>,
    pub events: Vec<EventRec>,
    pub claims: Vec<ClaimRec>,
    /// Every relative-location phrase with its anchor place ("10km south of the town of Orikhiv").
    pub anchor_spans: Vec<(usize, usize, usize)>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a Text, published: Option<chrono::NaiveDate>, rules: &'a Rules) -> Self {
        Doc {
            text,
            rules,
            published,
            actors: Vec::new(),
            actor_mentions: Vec::new(),
            pending_actors: Vec::new(),
            places: Vec::new(),
            place_mentions: Vec::new(),
            times: Vec::new(),
            quotes: Vec::new(),
            statements: Vec::new(),
            events: Vec::new(),
            claims: Vec::new(),
            anchor_spans: Vec::new(),
        }
    }

    pub fn view(&self) -> &'a str {
        self.text.view()
    }

    /// True when `[start, end)` overlaps an actor mention (kept sorted and non-overlapping: a binary search).
    pub fn actor_overlapping(&self, start: usize, end: usize) -> bool {
        fn hit(v: &[ActorMention], start: usize, end: usize) -> bool {
            let i = v.partition_point(|m| m.start < end);
            i > 0 && v[i - 1].end > start
        }
        hit(&self.actor_mentions, start, end) || hit(&self.pending_actors, start, end)
    }

    /// Actor mentions lying within `[start, end)`, in text order.
    pub fn actors_within(
        &self,
        start: usize,
        end: usize,
    ) -> impl DoubleEndedIterator<Item = &ActorMention> + '_ {
        let i = self.actor_mentions.partition_point(|m| m.start < start);
        let j = self.actor_mentions.partition_point(|m| m.start < end);
        self.actor_mentions[i..j.max(i)]
            .iter()
            .filter(move |m| m.end <= end)
    }

    /// Place mentions lying within `[start, end)`, in text order.
    pub fn places_within(
        &self,
        start: usize,
        end: usize,
    ) -> impl DoubleEndedIterator<Item = &PlaceMention> + '_ {
        let i = self.place_mentions.partition_point(|m| m.start < start);
        let j = self.place_mentions.partition_point(|m| m.start < end);
        self.place_mentions[i..j.max(i)]
            .iter()
            .filter(move |m| m.end <= end)
    }

    /// Place mentions ending at or before `pos`, latest first.
    pub fn places_before(&self, pos: usize) -> impl Iterator<Item = &PlaceMention> + '_ {
        let j = self.place_mentions.partition_point(|m| m.start < pos);
        self.place_mentions[..j]
            .iter()
            .rev()
            .filter(move |m| m.end <= pos)
    }

    pub fn place_overlapping(&self, start: usize, end: usize) -> Option<&PlaceMention> {
        self.place_mentions
            .iter()
            .find(|m| m.start < end && start < m.end)
    }

    pub fn add_place_mention(&mut self, m: PlaceMention) {
        let i = self.place_mentions.partition_point(|x| x.start < m.start);
        self.place_mentions.insert(i, m);
    }

    /// Start and end of every sentence, in text order.
    pub fn sentence_spans(&self) -> Vec<(usize, usize)> {
        self.text
            .sentences
            .iter()
            .map(|s| (s.start, s.end))
            .collect()
    }

    /// Sentence bounds of the sentence containing `off`.
    pub fn sentence_bounds(&self, off: usize) -> (usize, usize) {
        match self.text.sentence_at(off) {
            Some(i) => (self.text.sentences[i].start, self.text.sentences[i].end),
            None => (off, off),
        }
    }

    /// The country code of the country that an affiliation-bearing actor belongs to.
    pub fn side_of(&self, actor: Option<usize>) -> Option<&str> {
        actor.and_then(|a| self.actors[a].affiliation.as_deref())
    }
}

/// A capitalised word run: consecutive tokens that start with an upper-case letter (or are joined by
/// `of`/`for`/`the`/`and` when `allow_links`), within one sentence.
#[derive(Debug, Clone)]
pub struct Run {
    pub tokens: Vec<(usize, usize)>,
}

pub fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Capitalised runs in `start..end` of the view, read from the token layer (see [`words`]).
pub fn capitalised_runs(text: &Text, start: usize, end: usize, allow_links: bool) -> Vec<Run> {
    runs_of(text.view(), &words(text, start, end), allow_links)
}

fn runs_of(view: &str, toks: &[(usize, usize)], allow_links: bool) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut cur: Vec<(usize, usize)> = Vec::new();
    let mut pending: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in toks {
        let w = &view[s..e];
        let gap = cur.last().map(|&(_, pe)| &view[pe..s]).unwrap_or(" ");
        let contiguous = pending
            .last()
            .or(cur.last())
            .map(|&(ps, pe)| gap_ok(&view[pe..s]) || after_initial(view, (ps, pe), s))
            .unwrap_or(true);
        if is_capitalised(w) && contiguous {
            cur.append(&mut pending);
            cur.push((s, e));
        } else if allow_links
            && !cur.is_empty()
            && matches!(w, "of" | "for" | "the" | "and" | "on")
            && gap_ok(gap)
        {
            pending.push((s, e));
        } else {
            pending.clear();
            if !cur.is_empty() {
                runs.push(Run {
                    tokens: std::mem::take(&mut cur),
                });
            }
            if is_capitalised(w) {
                cur.push((s, e));
            }
        }
    }
    if !cur.is_empty() {
        runs.push(Run { tokens: cur });
    }
    runs
}

/// A middle initial before the next word of a name: "Jeffrey N. Trimble", "Donald J. Trump".
fn after_initial(view: &str, (ps, pe): (usize, usize), next: usize) -> bool {
    pe - ps == 1 && view.as_bytes()[ps].is_ascii_uppercase() && &view[pe..next] == ". "
}

fn gap_ok(gap: &str) -> bool {
    gap.chars().all(|c| c == ' ') && gap.len() <= 2
}

/// The words of `start..end` of the view as byte spans, read from the token layer built once per text
/// ([`Text::words_in`]). A bound that falls inside a word cuts it the way [`sitrep_text::tokens`] cuts a
/// range (only then is the range scanned again), so the answer is always that of
/// `sitrep_text::tokens(view, start, end)`.
pub fn words(text: &Text, start: usize, end: usize) -> Vec<(usize, usize)> {
    if start >= end {
        return Vec::new();
    }
    if inside_word(text, start) || inside_word(text, end) {
        return sitrep_text::tokens(text.view(), start, end)
            .map(|t| (t.start, t.end))
            .collect();
    }
    text.words_in(start, end)
        .map(|t| (t.span.start, t.span.end))
        .collect()
}

/// Whether `offset` lies strictly inside a word token.
fn inside_word(text: &Text, offset: usize) -> bool {
    let toks = text.tokens();
    let i = toks.partition_point(|t| t.span.end <= offset);
    toks.get(i)
        .is_some_and(|t| t.is_word() && t.span.start < offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The token layer answers as a fresh scan of the range would, for every range of a text with joined
    /// words ("U.S.", "Kup'yansk", "Anti-Terrorism"), curly quotes, digits and a line break: bounds inside a
    /// word included.
    #[test]
    fn words_are_those_of_a_fresh_scan() {
        let text = Text::new(
            "The U.S.-backed Anti-Terrorism unit said “Kup'yansk was hit”.\nOn 2023-07-28, 150km away — 3 died.",
        );
        let view = text.view();
        let bounds: Vec<usize> = (0..=view.len())
            .filter(|&i| view.is_char_boundary(i))
            .collect();
        for &s in &bounds {
            for &e in bounds.iter().filter(|&&e| e >= s) {
                let fresh: Vec<(usize, usize)> = sitrep_text::tokens(view, s, e)
                    .map(|t| (t.start, t.end))
                    .collect();
                assert_eq!(words(&text, s, e), fresh, "{s}..{e}");
            }
        }
    }
}
