//! The ledger contract (`sitrep/ledger@1`).
//!
//! Every type here serialises to the JSON documented in `schema/ledger.schema.json`.
//! Offsets (`start`, `end`) count Unicode scalar values (chars) of the input text, end exclusive.
//! Field names are fixed: later tools read them. Add fields, never rename.

use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "sitrep/ledger@1";

/// A string the contract does not know for a closed field (`"soldier"` as an actor kind).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    /// The type it was read as ("ActorKind").
    pub what: &'static str,
    pub value: String,
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown {}: {:?}", self.what, self.value)
    }
}

impl std::error::Error for UnknownValue {}

/// A closed set of contract strings as an enum: serialised (serde, `as_str`, `Display`) to exactly the
/// listed string and parsed back from it (`FromStr`, serde); `ALL` lists the variants in schema order.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// Every variant, in the order the schema lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The contract string.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownValue;

            fn from_str(s: &str) -> Result<Self, UnknownValue> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownValue {
                        what: stringify!($name),
                        value: s.to_string(),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
}

string_enum! {
    /// Where a document's publication date came from.
    PublishedSource {
        /// Given on the command line (`--published`).
        Flag = "flag",
        /// The input's own metadata (a JSONL field, an HTML meta tag, a feed entry).
        Metadata = "metadata",
        /// Read from the dateline of the text.
        Dateline = "dateline",
    }
}

string_enum! {
    /// How a place name is used in a mention.
    MentionKind {
        /// The place itself ("in Kharkiv").
        Literal = "literal",
        /// The place standing for its government or people ("Kyiv said").
        Metonym = "metonym",
        /// An adjective or demonym of it ("Ukrainian", "Russians").
        Demonym = "demonym",
    }
}

string_enum! {
    /// What a relative location is relative to (ledgers written before `kind` existed hold offsets only:
    /// the default).
    #[derive(Default)]
    RelativeKind {
        /// A distance and/or a bearing from the anchor ("10km south of Orikhiv").
        #[default]
        Offset = "offset",
        /// The border of the place's country with the anchor country ("near the Romanian border").
        Border = "border",
    }
}

string_enum! {
    /// A compass point (eight-wind rose).
    Bearing {
        N = "N",
        NE = "NE",
        E = "E",
        SE = "SE",
        S = "S",
        SW = "SW",
        W = "W",
        NW = "NW",
    }
}

string_enum! {
    /// How a place's coordinates were found.
    Resolution {
        /// A gazetteer entry of the name.
        Gazetteer = "gazetteer",
        /// A gazetteer entry of a near spelling of the name.
        Fuzzy = "fuzzy",
        /// Put on the map from a relative location (distance and bearing from an anchor, a border).
        Relative = "relative",
        /// A facility (plant, bridge) at a gazetteer entry's point.
        Facility = "facility",
        /// Not found.
        Unresolved = "unresolved",
    }
}

string_enum! {
    /// What sort of actor an actor is.
    ActorKind {
        Person = "person",
        Organization = "organization",
        /// A state's armed forces (or its defence ministry).
        ArmedForces = "armed_forces",
        /// A state or its government.
        State = "state",
        /// A non-state armed group.
        ArmedGroup = "armed_group",
        Media = "media",
        /// Civilians as the victims of an event ("Civilians (Ukraine)": ACLED's actor type 7).
        Civilians = "civilians",
    }
}

string_enum! {
    /// TIMEX3 type of a time expression.
    TimexType {
        Date = "DATE",
        Time = "TIME",
        Duration = "DURATION",
        Set = "SET",
    }
}

string_enum! {
    /// How a statement is told.
    StatementKind {
        /// A whole quoted statement (it has a quote of kind `direct`).
        Direct = "direct",
        /// Reported words holding a quoted phrase (it has a quote of kind `partial`).
        Partial = "partial",
        /// Reported speech without quotation marks ("X said (that) ...", "according to X, ...").
        Reported = "reported",
    }
}

string_enum! {
    /// What a statement does, as its cue tells ("said": an assertion, "believes": a belief, "plans to": an
    /// intent, "urged ... to": a call, "accused": an accusation, "denied": a denial, "predicted": a forecast,
    /// "a study found": a finding).
    StatementMode {
        Assertion = "assertion",
        Belief = "belief",
        Intent = "intent",
        Call = "call",
        Accusation = "accusation",
        Denial = "denial",
        Forecast = "forecast",
        Finding = "finding",
    }
}

string_enum! {
    /// How much of a statement a quote holds.
    QuoteKind {
        /// A whole quoted statement.
        Direct = "direct",
        /// A quoted phrase inside reported speech.
        Partial = "partial",
    }
}

string_enum! {
    /// The outcome class of an event: the `class` column of the event cues
    /// (`crates/extract/data/event_cues.tsv`) that the event was read from.
    Outcome {
        /// A side takes or holds ground.
        Gain = "gain",
        /// A side's attack failed or was stopped.
        Repelled = "repelled",
        /// A side's forces destroyed, trapped or encircled.
        Defeat = "defeat",
        /// Artillery, rockets, missiles.
        Shelling = "shelling",
        /// Air or drone strikes.
        Air = "air",
        /// Remote explosives, mines, IEDs, bombs.
        Explosive = "explosive",
        /// Fighting, assaults, offensives.
        Clash = "clash",
        /// An attack of unstated means.
        Attack = "attack",
        /// Killing with no other cue.
        Kill = "kill",
        /// Violence against civilians.
        Civilian = "civilian",
        /// A demonstration by peaceful protesters (met with force or not).
        Protest = "protest",
        /// A violent demonstration or mob violence.
        Riot = "riot",
        /// A strategic development: an agreement, arrests, disrupted weapons, a base, a handover, looting.
        Strategic = "strategic",
    }
}

string_enum! {
    /// ACLED's disorder type of an event, from its sub-event type (the ACLED codebook's strings;
    /// `crates/extract/data/acled_taxonomy.tsv`).
    DisorderType {
        PoliticalViolence = "Political violence",
        Demonstrations = "Demonstrations",
        /// Excessive force against protesters: violence against a demonstration.
        PoliticalViolenceDemonstrations = "Political violence; Demonstrations",
        StrategicDevelopments = "Strategic developments",
    }
}

string_enum! {
    /// Whether a claim says the event happened.
    Stance {
        Asserts = "asserts",
        Denies = "denies",
    }
}

string_enum! {
    /// How well a claim is borne out.
    Verification {
        /// Hedged ("claimed", "could not be verified").
        Unconfirmed = "unconfirmed",
        /// One source, unhedged.
        SingleSource = "single-source",
        /// Asserted by another source too (of another side, when sides are known).
        Corroborated = "corroborated",
        /// Contradicted by another claim.
        Disputed = "disputed",
    }
}

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
    pub published_source: Option<PublishedSource>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub language: Option<String>,
    /// Length of the text in chars.
    #[serde(default)]
    pub chars: usize,
    /// Who first said it, when the document relays another's message (a Telegram post "forwarded from" a
    /// channel): the outlet is `source`, the original author this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_source: Option<String>,
    /// What the reader should know about how the document was read: a date that could not be understood, a
    /// guessed charset, a language sitrep does not read. Empty for most documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// One document to read, as the input layer hands it to the engine.
#[derive(Debug, Clone, Default)]
pub struct InputDoc {
    pub id: String,
    pub text: String,
    pub published: Option<chrono::NaiveDate>,
    /// Where `published` came from (`flag`, `metadata`); the engine adds `dateline` when it reads one.
    pub published_source: Option<PublishedSource>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// The original author of a relayed message (see [`DocumentMeta::original_source`]).
    pub original_source: Option<String>,
    /// How the input was read (see [`DocumentMeta::warnings`]); the engine adds its own.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `literal`, `metonym` or `demonym`.
    pub kind: MentionKind,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RelativeLocation {
    /// "offset" (a distance and/or a bearing from the anchor: "10km south of Orikhiv") or "border" (the
    /// border of the place's country with the anchor country: "near the Romanian border").
    #[serde(default)]
    pub kind: RelativeKind,
    pub anchor: String,
    pub distance_km: Option<f64>,
    pub bearing: Option<Bearing>,
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
    /// How the coordinates were found: `gazetteer`, `fuzzy`, `relative`, `facility`, `unresolved`.
    pub resolution: Resolution,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// person, organization, armed_forces, state, armed_group, media, civilians
    pub kind: ActorKind,
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
    pub timex_type: TimexType,
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
    pub kind: QuoteKind,
    /// The span naming the speaker that the attribution was read from ("he", "Maliar"), when found.
    pub speaker_mention: Option<Span>,
}

/// An attributed statement: who said (or believes, wants, denies) what, read from a quote or from reported
/// speech. Every field points at the characters that support it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    pub kind: StatementKind,
    pub mode: StatementMode,
    /// The actor id of the speaker, when one is named or a pronoun leads to one.
    pub speaker: Option<String>,
    /// The words naming the speaker in this statement ("he", "a senior official", "Zelensky").
    pub speaker_mention: Option<Span>,
    /// The reporting words ("said", "according to", "called for"); none for a quote whose speaker continues.
    pub cue: Option<Span>,
    /// What was said: the quote's text, or the reported clause.
    pub content: Span,
    /// The quote (`direct` or `partial`) the statement holds.
    pub quote: Option<String>,
    /// The event the statement reports, when it reports one (its claim names this statement).
    pub event: Option<String>,
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
    /// The outcome class of the cue the event was read from ("gain", "repelled", "shelling").
    /// Ledgers written before the field existed lack it (`None`); it is then left out when written again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// ACLED's disorder type of the sub-event type ("Political violence", "Demonstrations", "Strategic
    /// developments"); ledgers written before the field existed lack it (`None`, left out when written again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disorder_type: Option<DisorderType>,
    /// ACLED's inter code of actor1: 1 state forces, 2 rebel groups, 3 political militias, 4 identity
    /// militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces (a state's forces abroad).
    /// Like every field added after the first ledgers, absent when unknown or when read from an older ledger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inter1: Option<u8>,
    /// ACLED's inter code of actor2 (civilians, 7, for the victims of violence against civilians).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inter2: Option<u8>,
    /// ACLED's interaction code: the two inter codes, the lower first (17: state forces and civilians); one
    /// actor alone, its code times ten (60: protesters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interaction: Option<u16>,
    /// Whether civilians are the target (ACLED's civilian_targeting): violence against civilians, and strikes
    /// or blasts whose report names civilians as their victims.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub civilian_targeting: Option<bool>,
}

/// ACLED's interaction of two inter codes: smaller first ("17"), a lone actor's code times ten ("60").
pub fn interaction(inter1: Option<u8>, inter2: Option<u8>) -> Option<u16> {
    match (inter1, inter2) {
        (Some(a), Some(b)) => Some(u16::from(a.min(b)) * 10 + u16::from(a.max(b))),
        (Some(a), None) | (None, Some(a)) => Some(u16::from(a) * 10),
        (None, None) => None,
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub event: String,
    pub source: Option<String>,
    /// asserts | denies
    pub stance: Stance,
    /// unconfirmed | single-source | corroborated | disputed
    pub verification: Verification,
    pub contradicts: Vec<String>,
    pub evidence: Span,
    /// The hedge or attribution words that set the verification ("claimed", "could not be verified").
    pub hedge: Option<String>,
    /// The statement the claim is told in, when it is told as someone's words (absent otherwise and in
    /// ledgers written before the field existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Ledger {
    pub schema: String,
    pub document: DocumentMeta,
    pub places: Vec<Place>,
    pub actors: Vec<Actor>,
    pub times: Vec<Time>,
    pub quotes: Vec<Quote>,
    /// Attributed statements, quoted or reported; ledgers written before the layer existed lack it.
    #[serde(default)]
    pub statements: Vec<Statement>,
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
            statements: Vec::new(),
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

#[cfg(test)]
mod enum_tests {
    use super::*;
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    /// Every variant serialises to its `as_str` (and `Display`), and parses back from it through serde
    /// and `FromStr`; the strings are exactly `expected`.
    fn round_trips<T>(all: &[T], as_str: fn(T) -> &'static str, expected: &[&str])
    where
        T: Copy
            + PartialEq
            + std::fmt::Debug
            + std::fmt::Display
            + Serialize
            + DeserializeOwned
            + std::str::FromStr<Err = UnknownValue>,
    {
        let strings: Vec<&str> = all.iter().map(|v| as_str(*v)).collect();
        assert_eq!(strings, expected);
        for &v in all {
            let s = as_str(v);
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<T>(&format!("\"{s}\"")).unwrap(), v);
            assert_eq!(s.parse::<T>(), Ok(v));
            assert_eq!(v.to_string(), s);
        }
        assert!("no such value".parse::<T>().is_err());
        assert!(serde_json::from_str::<T>("\"no such value\"").is_err());
    }

    #[test]
    fn enums_serialise_to_the_contract_strings() {
        round_trips(
            PublishedSource::ALL,
            PublishedSource::as_str,
            &["flag", "metadata", "dateline"],
        );
        round_trips(
            MentionKind::ALL,
            MentionKind::as_str,
            &["literal", "metonym", "demonym"],
        );
        round_trips(
            RelativeKind::ALL,
            RelativeKind::as_str,
            &["offset", "border"],
        );
        round_trips(
            Bearing::ALL,
            Bearing::as_str,
            &["N", "NE", "E", "SE", "S", "SW", "W", "NW"],
        );
        round_trips(
            Resolution::ALL,
            Resolution::as_str,
            &["gazetteer", "fuzzy", "relative", "facility", "unresolved"],
        );
        round_trips(
            ActorKind::ALL,
            ActorKind::as_str,
            &[
                "person",
                "organization",
                "armed_forces",
                "state",
                "armed_group",
                "media",
                "civilians",
            ],
        );
        round_trips(
            TimexType::ALL,
            TimexType::as_str,
            &["DATE", "TIME", "DURATION", "SET"],
        );
        round_trips(QuoteKind::ALL, QuoteKind::as_str, &["direct", "partial"]);
        round_trips(
            StatementKind::ALL,
            StatementKind::as_str,
            &["direct", "partial", "reported"],
        );
        round_trips(
            Outcome::ALL,
            Outcome::as_str,
            &[
                "gain",
                "repelled",
                "defeat",
                "shelling",
                "air",
                "explosive",
                "clash",
                "attack",
                "kill",
                "civilian",
                "protest",
                "riot",
                "strategic",
            ],
        );
        round_trips(
            DisorderType::ALL,
            DisorderType::as_str,
            &[
                "Political violence",
                "Demonstrations",
                "Political violence; Demonstrations",
                "Strategic developments",
            ],
        );
        round_trips(Stance::ALL, Stance::as_str, &["asserts", "denies"]);
        round_trips(
            Verification::ALL,
            Verification::as_str,
            &["unconfirmed", "single-source", "corroborated", "disputed"],
        );
    }

    /// The enums hold exactly the values `schema/ledger.schema.json` allows (null aside).
    #[test]
    fn enums_match_the_json_schema() {
        let schema: Value =
            serde_json::from_str(include_str!("../../../schema/ledger.schema.json")).unwrap();
        let p = &schema["properties"];
        let place = &p["places"]["items"]["properties"];
        let relative = &place["relative_to"]["oneOf"][1]["properties"];
        let allowed = |v: &Value| -> Vec<String> {
            v["enum"]
                .as_array()
                .unwrap_or_else(|| panic!("no enum in {v}"))
                .iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        };
        fn of<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> Vec<String> {
            all.iter().map(|v| as_str(*v).to_string()).collect()
        }
        let cases: Vec<(&str, &Value, Vec<String>)> = vec![
            (
                "published_source",
                &p["document"]["properties"]["published_source"],
                of(PublishedSource::ALL, PublishedSource::as_str),
            ),
            (
                "mention kind",
                &place["mentions"]["items"]["allOf"][1]["properties"]["kind"],
                of(MentionKind::ALL, MentionKind::as_str),
            ),
            (
                "relative kind",
                &relative["kind"],
                of(RelativeKind::ALL, RelativeKind::as_str),
            ),
            (
                "bearing",
                &relative["bearing"],
                of(Bearing::ALL, Bearing::as_str),
            ),
            (
                "resolution",
                &place["resolution"],
                of(Resolution::ALL, Resolution::as_str),
            ),
            (
                "actor kind",
                &p["actors"]["items"]["properties"]["kind"],
                of(ActorKind::ALL, ActorKind::as_str),
            ),
            (
                "time type",
                &p["times"]["items"]["properties"]["type"],
                of(TimexType::ALL, TimexType::as_str),
            ),
            (
                "quote kind",
                &p["quotes"]["items"]["properties"]["kind"],
                of(QuoteKind::ALL, QuoteKind::as_str),
            ),
            (
                "statement kind",
                &p["statements"]["items"]["properties"]["kind"],
                of(StatementKind::ALL, StatementKind::as_str),
            ),
            (
                "statement mode",
                &p["statements"]["items"]["properties"]["mode"],
                of(StatementMode::ALL, StatementMode::as_str),
            ),
            (
                "outcome",
                &p["events"]["items"]["properties"]["outcome"],
                of(Outcome::ALL, Outcome::as_str),
            ),
            (
                "disorder type",
                &p["events"]["items"]["properties"]["disorder_type"],
                of(DisorderType::ALL, DisorderType::as_str),
            ),
            (
                "stance",
                &p["claims"]["items"]["properties"]["stance"],
                of(Stance::ALL, Stance::as_str),
            ),
            (
                "verification",
                &p["claims"]["items"]["properties"]["verification"],
                of(Verification::ALL, Verification::as_str),
            ),
        ];
        for (what, v, ours) in cases {
            assert_eq!(allowed(v), ours, "{what}");
        }
    }

    const OLD_EVENT: &str = r#"{"id":"e1","event_type":"Battles","sub_event_type":"Armed clash","actor1":null,"actor2":null,"place":null,"date":null,"time_precision":null,"fatalities":null,"evidence":[{"start":0,"end":4,"text":"held"}],"claims":["c1"],"trigger":"repelled"}"#;

    /// An event written before `outcome` existed reads with none and writes back byte for byte; a new one
    /// carries it after `trigger`.
    #[test]
    fn outcome_is_additive() {
        let mut e: Event = serde_json::from_str(OLD_EVENT).unwrap();
        assert_eq!(e.outcome, None);
        assert_eq!(serde_json::to_string(&e).unwrap(), OLD_EVENT);
        e.outcome = Some(Outcome::Repelled);
        let new = serde_json::to_string(&e).unwrap();
        assert_eq!(
            new,
            OLD_EVENT.replace(
                r#""trigger":"repelled"}"#,
                r#""trigger":"repelled","outcome":"repelled"}"#
            )
        );
        let back: Event = serde_json::from_str(&new).unwrap();
        assert_eq!(back.outcome, Some(Outcome::Repelled));
    }

    /// An event written before `disorder_type` existed reads with none and writes back byte for byte; a new
    /// one carries ACLED's string.
    #[test]
    fn disorder_type_is_additive() {
        let mut e: Event = serde_json::from_str(OLD_EVENT).unwrap();
        assert_eq!(e.disorder_type, None);
        assert_eq!(serde_json::to_string(&e).unwrap(), OLD_EVENT);
        e.disorder_type = Some(DisorderType::PoliticalViolence);
        let new = serde_json::to_string(&e).unwrap();
        assert!(new.ends_with(r#""trigger":"repelled","disorder_type":"Political violence"}"#));
        let back: Event = serde_json::from_str(&new).unwrap();
        assert_eq!(back.disorder_type, Some(DisorderType::PoliticalViolence));
    }

    /// An event written before the actor types existed reads with none and writes back byte for byte; a new
    /// one carries them after `trigger`, in the order of ACLED's columns.
    #[test]
    fn actor_types_are_additive() {
        let mut e: Event = serde_json::from_str(OLD_EVENT).unwrap();
        assert_eq!(
            (e.inter1, e.inter2, e.interaction, e.civilian_targeting),
            (None, None, None, None)
        );
        assert_eq!(serde_json::to_string(&e).unwrap(), OLD_EVENT);
        (e.inter1, e.inter2, e.interaction, e.civilian_targeting) =
            (Some(1), Some(7), Some(17), Some(true));
        let new = serde_json::to_string(&e).unwrap();
        assert!(new.ends_with(
            r#""trigger":"repelled","inter1":1,"inter2":7,"interaction":17,"civilian_targeting":true}"#
        ));
        let back: Event = serde_json::from_str(&new).unwrap();
        assert_eq!(back.interaction, Some(17));
    }

    /// A relative location written before `kind` existed reads as an offset.
    #[test]
    fn relative_kind_defaults_to_offset() {
        let r: RelativeLocation = serde_json::from_str(
            r#"{"anchor":"p1","distance_km":10.0,"bearing":"S","gazetteer_distance_km":null,"consistent":null,"evidence":{"start":0,"end":1,"text":"x"}}"#,
        )
        .unwrap();
        assert_eq!(r.kind, RelativeKind::Offset);
        assert_eq!(r.bearing, Some(Bearing::S));
    }
}
