//! The ledger contract (`sitrep/ledger@1`).
//!
//! Every type here serialises to the JSON documented in `schema/ledger.schema.json`.
//! Offsets (`start`, `end`) count Unicode scalar values (chars) of the input text, end exclusive.
//! Field names are fixed: later tools read them. Add fields, never rename.

use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "sitrep/ledger@1";

/// A stretch of the input text that supports a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub id: String,
    pub published: Option<String>,
    /// Where the publication date came from: `flag`, `metadata`, `dateline` or null.
    #[serde(default)]
    pub published_source: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub language: Option<String>,
    /// Length of the text in chars.
    #[serde(default)]
    pub chars: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `literal`, `metonym` or `demonym`.
    pub kind: String,
}

fn offset_kind() -> String {
    "offset".to_string()
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RelativeLocation {
    /// "offset" (a distance and/or a bearing from the anchor: "10km south of Orikhiv") or "border" (the
    /// border of the place's country with the anchor country: "near the Romanian border").
    #[serde(default = "offset_kind")]
    pub kind: String,
    pub anchor: String,
    pub distance_km: Option<f64>,
    pub bearing: Option<String>,
    /// Distance between the gazetteer points of the place and the anchor, when both are known.
    pub gazetteer_distance_km: Option<f64>,
    /// Whether the stated distance and bearing agree with the gazetteer (null when not checkable).
    pub consistent: Option<bool>,
    pub evidence: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub mentions: Vec<PlaceMention>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country_code: Option<String>,
    pub admin1: Option<String>,
    pub geonames_id: Option<u64>,
    pub feature_code: Option<String>,
    pub geo_precision: Option<u8>,
    pub relative_to: Option<RelativeLocation>,
    /// 0..1: how sure the resolver is of this reading of the name.
    pub confidence: f64,
    /// How the coordinates were found: `gazetteer`, `fuzzy`, `relative`, `unresolved`.
    pub resolution: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// person, organization, armed_forces, state, armed_group, media
    pub kind: String,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Time {
    pub id: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
    pub range: Option<[String; 2]>,
    /// TIMEX3 type: DATE, TIME, DURATION, SET.
    #[serde(rename = "type")]
    pub timex_type: String,
    /// ACLED time precision of the value: 1 day, 2 week, 3 month or coarser.
    pub precision: Option<u8>,
    /// True when the value was resolved against the publication date.
    pub relative: bool,
    /// True inside a picture caption: it dates the picture, not the events.
    pub in_caption: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    pub cue: Option<String>,
    /// `direct` for a whole quoted statement, `partial` for a quoted phrase inside reported speech.
    pub kind: String,
    /// The span naming the speaker that the attribution was read from ("he", "Maliar"), when found.
    pub speaker_mention: Option<Span>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub event_type: String,
    pub sub_event_type: String,
    pub actor1: Option<String>,
    pub actor2: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub time_precision: Option<u8>,
    pub fatalities: Option<u64>,
    pub evidence: Vec<Span>,
    pub claims: Vec<String>,
    /// The cue word or phrase that triggered the event ("shelled", "took control").
    pub trigger: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub event: String,
    pub source: Option<String>,
    /// asserts | denies
    pub stance: String,
    /// unconfirmed | single-source | corroborated | disputed
    pub verification: String,
    pub contradicts: Vec<String>,
    pub evidence: Span,
    /// The hedge or attribution words that set the verification ("claimed", "could not be verified").
    pub hedge: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Ledger {
    pub schema: String,
    pub document: DocumentMeta,
    pub places: Vec<Place>,
    pub actors: Vec<Actor>,
    pub times: Vec<Time>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    pub claims: Vec<Claim>,
}

impl Ledger {
    pub fn new(document: DocumentMeta) -> Self {
        Ledger {
            schema: SCHEMA.to_string(),
            document,
            places: Vec::new(),
            actors: Vec::new(),
            times: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
            claims: Vec::new(),
        }
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }
}

/// Converts byte offsets of a `&str` into char offsets, in O(1) per lookup after an O(n) build.
pub struct CharIndex {
    /// For every byte offset that starts a char (and the end), the char offset; other bytes map to the char they are in.
    map: Vec<u32>,
    ascii: bool,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                map: Vec::new(),
                ascii: true,
            };
        }
        let mut map = Vec::with_capacity(text.len() + 1);
        let mut c = 0u32;
        for ch in text.chars() {
            for _ in 0..ch.len_utf8() {
                map.push(c);
            }
            c += 1;
        }
        map.push(c);
        CharIndex { map, ascii: false }
    }

    /// Char offset of a byte offset.
    pub fn char_of(&self, byte: usize) -> usize {
        if self.ascii {
            byte
        } else {
            self.map[byte.min(self.map.len() - 1)] as usize
        }
    }

    /// A ledger span from a byte range of `text`.
    pub fn span(&self, text: &str, start: usize, end: usize) -> Span {
        Span {
            start: self.char_of(start),
            end: self.char_of(end),
            text: text[start..end].to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_scalar_values() {
        let t = "Kyiv’s “forces” — Київ";
        let ci = CharIndex::new(t);
        let b = t.find("Київ").unwrap();
        let s = ci.span(t, b, t.len());
        assert_eq!(s.text, "Київ");
        assert_eq!(s.start, t.chars().count() - 4);
        assert_eq!(s.end, t.chars().count());
    }

    #[test]
    fn ascii_is_identity() {
        let ci = CharIndex::new("abc def");
        assert_eq!(ci.char_of(4), 4);
    }
}
