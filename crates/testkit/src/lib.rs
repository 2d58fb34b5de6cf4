//! Test support shared by the tests of the store, the HTTP API and the CLI: reports given as JSONL read by
//! the engine, ready to store, and the shared evaluation corpus (`../shared` next to the workspace) made
//! into one JSONL file.

use sitrep_extract::{Engine, InputDoc};
use sitrep_ledger::{
    Actor, ActorKind, Claim, DocumentMeta, Event, Ledger, MentionKind, Outcome, Place,
    PlaceMention, PublishedSource, Resolution, Span, Stance, Verification,
};
use sitrep_store::NewDoc;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Documents of a JSONL text ({"id", "text", "published", "source"}) read by the engine, ready to store.
pub fn docs_from_jsonl(engine: &Engine, jsonl: &str) -> Vec<NewDoc> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let doc = InputDoc {
                id: v["id"].as_str().unwrap().into(),
                text: v["text"].as_str().unwrap().into(),
                published: v["published"].as_str().map(|d| {
                    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                        .unwrap_or_else(|e| panic!("published {d:?}: {e}"))
                }),
                published_source: Some(sitrep_ledger::PublishedSource::Metadata),
                source: v["source"].as_str().map(str::to_string),
                ..Default::default()
            };
            NewDoc {
                name: doc.id.clone(),
                text: doc.text.clone(),
                ledger: engine.extract(&doc),
            }
        })
        .collect()
}

/// The span of the first place `part` stands in `text` (character offsets).
pub fn span(text: &str, part: &str) -> Span {
    let b = text
        .find(part)
        .unwrap_or_else(|| panic!("{part:?} not in {text:?}"));
    let start = text[..b].chars().count();
    Span {
        start,
        end: start + part.chars().count(),
        text: part.to_string(),
    }
}

/// A report with a hand-made ledger (no extraction): one event (`e1`) of the first actor against the
/// second at one place (`p1`), and the claim (`c1`) of the third actor, the source, that asserts it. Each
/// name, and the evidence, is found in the text.
pub struct HandReport<'a> {
    /// The document's id, also the name it is stored under.
    pub id: &'a str,
    pub text: &'a str,
    pub published: &'a str,
    pub title: Option<String>,
    pub outlet: &'a str,
    /// The place's name, latitude and longitude (a city in Ukraine, from the gazetteer).
    pub place: (&'a str, f64, f64),
    /// `a1`, `a2` and `a3`: name, affiliation and kind.
    pub actors: [(&'a str, &'a str, ActorKind); 3],
    pub event_type: &'a str,
    pub sub_event_type: &'a str,
    pub trigger: &'a str,
    pub date: &'a str,
    pub fatalities: Option<u64>,
    pub outcome: Option<Outcome>,
    /// The part of the text that tells the event.
    pub evidence: &'a str,
}

impl HandReport<'_> {
    /// The report ready to store.
    pub fn doc(&self) -> NewDoc {
        let text = self.text;
        let mut l = Ledger::new(DocumentMeta {
            id: self.id.into(),
            published: Some(self.published.into()),
            published_source: Some(PublishedSource::Metadata),
            title: self.title.clone(),
            url: None,
            source: Some(self.outlet.into()),
            language: Some("en".into()),
            chars: text.chars().count(),
            ..Default::default()
        });
        let (place, lat, lon) = self.place;
        let p = span(text, place);
        l.places.push(Place {
            id: "p1".into(),
            name: place.into(),
            mentions: vec![PlaceMention {
                start: p.start,
                end: p.end,
                text: p.text,
                kind: MentionKind::Literal,
            }],
            lat: Some(lat),
            lon: Some(lon),
            country_code: Some("UA".into()),
            admin1: None,
            geonames_id: None,
            feature_code: Some("PPL".into()),
            geo_precision: Some(1),
            relative_to: None,
            confidence: 0.9,
            resolution: Resolution::Gazetteer,
        });
        for (id, (name, side, kind)) in ["a1", "a2", "a3"].into_iter().zip(self.actors) {
            l.actors.push(Actor {
                id: id.into(),
                name: name.into(),
                kind,
                affiliation: Some(side.into()),
                role: None,
                mentions: vec![span(text, name)],
            });
        }
        let ev = span(text, self.evidence);
        l.events.push(Event {
            id: "e1".into(),
            event_type: self.event_type.into(),
            sub_event_type: self.sub_event_type.into(),
            actor1: Some("a1".into()),
            actor2: Some("a2".into()),
            place: Some("p1".into()),
            date: Some(self.date.into()),
            time_precision: Some(1),
            fatalities: self.fatalities,
            evidence: vec![ev.clone()],
            claims: vec!["c1".into()],
            trigger: self.trigger.into(),
            outcome: self.outcome,
            disorder_type: None,
            inter1: None,
            inter2: None,
            interaction: None,
            civilian_targeting: None,
        });
        l.claims.push(Claim {
            id: "c1".into(),
            event: "e1".into(),
            source: Some("a3".into()),
            stance: Stance::Asserts,
            verification: Verification::SingleSource,
            contradicts: Vec::new(),
            evidence: ev,
            hedge: None,
            statement: None,
        });
        NewDoc {
            name: self.id.into(),
            text: text.into(),
            ledger: l,
        }
    }
}

/// The workspace's root folder.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shared evaluation corpus made into `dir`/corpus.jsonl by tools/bench/make_corpus.py. None, with a
/// note printed, when ../shared/eval is absent or python3 cannot make it: the `what` test is skipped.
pub fn shared_corpus(dir: &Path, what: &str) -> Option<PathBuf> {
    let shared = workspace().join("../shared");
    if !shared.join("eval").is_dir() {
        println!("note: ../shared/eval is absent; the shared-corpus {what} test is skipped");
        return None;
    }
    let corpus = dir.join("corpus.jsonl");
    let made = Command::new("python3")
        .arg(workspace().join("tools/bench/make_corpus.py"))
        .arg("--shared")
        .arg(&shared)
        .arg("--out")
        .arg(&corpus)
        .output();
    match made {
        Ok(o) if o.status.success() => Some(corpus),
        other => {
            println!("note: could not build the corpus with python3 ({other:?}); skipped");
            None
        }
    }
}
