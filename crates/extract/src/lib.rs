//! sitrep's extraction pipeline: text in, a `sitrep/ledger@1` ledger out.
//!
//! segment ([`sitrep_text`]) -> recognise actors, places, times, quotes -> resolve places (gazetteer, context,
//! relative locations) and dates (publication date) -> extract events, claims and contradictions -> [`Ledger`].
//! Every stage annotates one [`doc::Doc`]; every field in the output points back at the characters that support it.
//!
//! Writes: the document's language first ([`language`]; a document not in English gets a warning and no other
//! stage), the times layer (`Doc::times`, from [`sitrep_time`]) and, at the end, the [`Ledger`] (`ledger`, a
//! mapping of the layers).
//! Reads: no data file itself; the stages read theirs through [`Rules`].

pub mod actors;
pub mod attribution;
pub mod doc;
pub mod events;
pub mod language;
mod ledger;
pub mod lexicon;
pub mod places;
pub mod quotes;
pub mod rules;
pub mod statements;

use doc::{Doc, TimeRec};
pub use rules::{Rules, RulesError};
use sitrep_gazetteer::Gazetteer;
use sitrep_ledger::{DocumentMeta, Ledger, PublishedSource, TimexType};
use sitrep_text::Text;
use std::sync::Arc;

pub use sitrep_ledger::InputDoc;

/// The extraction engine: the gazetteer and the rules, shared by every document (Send + Sync).
pub struct Engine {
    gaz: Gazetteer,
    rules: Arc<Rules>,
}

impl Engine {
    /// An engine with the embedded rules.
    pub fn new(gaz: Gazetteer) -> Self {
        Engine::with_rules(gaz, Rules::embedded())
    }

    /// An engine with its own rules (for example [`Rules::load`] of a folder of edited data files).
    pub fn with_rules(gaz: Gazetteer, rules: Arc<Rules>) -> Self {
        Engine { gaz, rules }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gaz
    }

    /// Reads one document into a ledger.
    pub fn extract(&self, input: &InputDoc) -> Ledger {
        let text = Text::new(&input.text);
        let language = self.rules.language.detect(&text);
        let mut published = input.published;
        let mut published_source = input.published_source;
        if published.is_none() {
            if let Some(d) = sitrep_time::find_dateline_in(&text) {
                published = Some(d.date);
                published_source = Some(PublishedSource::Dateline);
            }
        }
        let mut meta = DocumentMeta {
            id: input.id.clone(),
            published: published.map(|d| d.format("%Y-%m-%d").to_string()),
            published_source,
            title: input.title.clone().or_else(|| headline(&text)),
            url: input.url.clone(),
            source: input.source.clone(),
            language: Some(language.code.clone()),
            chars: input.text.chars().count(),
            original_source: input.original_source.clone(),
            warnings: input.warnings.clone(),
        };
        if !language.is_english() {
            meta.warnings.push(format!(
                "written in {} ({}): sitrep reads English only, so nothing was extracted from it",
                language.name, language.code
            ));
            return Ledger::new(meta);
        }
        let mut doc = Doc::new(&text, published, &self.rules);
        // times
        for t in sitrep_time::find_times_in(&text, published) {
            let in_caption = text.in_caption(t.start);
            doc.times.push(TimeRec {
                start: t.start,
                end: t.end,
                value: t.value.clone(),
                range: t.range,
                timex_type: timex_type(t.timex_type),
                precision: t.precision,
                relative: t.relative,
                in_caption,
            });
        }
        actors::recognise(&mut doc, &self.gaz);
        places::recognise(&mut doc, &self.gaz);
        actors::from_metonyms(&mut doc, &self.gaz);
        actors::unnamed_forces(&mut doc, &self.gaz);
        quotes::recognise(&mut doc);
        statements::recognise(&mut doc);
        events::extract(&mut doc, &self.gaz);
        ledger::to_ledger(&doc, meta)
    }
}

fn timex_type(t: sitrep_time::TimexType) -> TimexType {
    match t {
        sitrep_time::TimexType::Date => TimexType::Date,
        sitrep_time::TimexType::Time => TimexType::Time,
        sitrep_time::TimexType::Duration => TimexType::Duration,
        sitrep_time::TimexType::Set => TimexType::Set,
    }
}

fn headline(text: &Text) -> Option<String> {
    text.paragraphs
        .iter()
        .find(|p| p.kind == sitrep_text::ParagraphKind::Headline)
        .map(|p| text.input()[text.to_input(p.start)..text.to_input(p.end)].to_string())
}

/// Test helpers shared by the stage tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// An engine on the embedded gazetteer and rules (both are built once per process, so this is cheap).
    pub fn engine() -> Engine {
        Engine::new(Gazetteer::embedded().expect("embedded gazetteer"))
    }

    /// The ledger of `text` published on `date` (YYYY-MM-DD).
    pub fn ledger(text: &str, date: &str) -> Ledger {
        let doc = InputDoc {
            id: "test".into(),
            text: text.into(),
            published: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            ..Default::default()
        };
        engine().extract(&doc)
    }

    pub fn actor_name(l: &Ledger, id: &Option<String>) -> String {
        id.as_deref()
            .and_then(|i| l.actor(i))
            .map(|a| a.name.clone())
            .unwrap_or_default()
    }

    pub fn place_name(l: &Ledger, id: &Option<String>) -> String {
        id.as_deref()
            .and_then(|i| l.place(i))
            .map(|p| p.name.clone())
            .unwrap_or_default()
    }

    /// The speaker's canonical name of the quote containing `fragment`.
    pub fn speaker_of(l: &Ledger, fragment: &str) -> String {
        let q = l
            .quotes
            .iter()
            .find(|q| q.text.contains(fragment))
            .unwrap_or_else(|| panic!("no quote with {fragment:?}: {:#?}", l.quotes));
        actor_name(l, &q.speaker)
    }
}

#[cfg(test)]
mod robustness {
    use crate::testing::ledger;

    /// Random texts built from pieces that reach every stage (quotes, dots, multi-byte punctuation, names,
    /// distances) never make the pipeline panic, and every span's offsets point at its text.
    #[test]
    fn random_texts_never_panic_and_offsets_hold() {
        const PIECES: &[&str] = &[
            "said",
            " ",
            " ",
            ". ",
            "\"",
            "\u{201C}",
            "\u{201D}",
            "\u{2019}",
            " \u{2014} ",
            "\u{00A3}",
            "\u{00B7}",
            "\n\n",
            ", ",
            ": ",
            "(",
            ")",
            "-",
            "Kyiv",
            "Russian forces",
            "shelled",
            "captured",
            "the village of",
            "Robotyne",
            "10km",
            "south of",
            "St.",
            "U.S.",
            "Київ",
            "é",
            "\u{1F600}",
            "on Monday",
            "last month",
            "he added",
            "Putin",
            "according to",
            "Maliar",
            "killed two",
            "repelled",
            "there",
            "the plant",
            "Zaporizhzhia nuclear power plant",
            "\t",
            "\r\n",
            "\u{200B}",
            "a.",
            "Mr.",
            "'s",
            "..",
            "?",
            "!",
        ];
        // SITREP_FUZZ_SEED / SITREP_FUZZ_ITERS run it longer or elsewhere
        let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
        let mut seed: u64 = env("SITREP_FUZZ_SEED").unwrap_or(0x2545_F491_4F6C_DD1D) | 1;
        let iters = env("SITREP_FUZZ_ITERS").unwrap_or(400);
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..iters {
            let n = (next() % 80) as usize;
            let text: String = (0..n)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let l = ledger(&text, "2024-01-31");
            let chars: Vec<char> = text.chars().collect();
            let check = |s: usize, e: usize, t: &str| {
                assert!(s <= e && e <= chars.len(), "span {s}..{e} outside {text:?}");
                assert_eq!(chars[s..e].iter().collect::<String>(), t, "in {text:?}");
            };
            for p in &l.places {
                for m in &p.mentions {
                    check(m.start, m.end, &m.text);
                }
            }
            for a in &l.actors {
                for m in &a.mentions {
                    check(m.start, m.end, &m.text);
                }
            }
            for q in &l.quotes {
                check(q.start, q.end, &q.text);
            }
            for t in &l.times {
                check(t.start, t.end, &t.text);
            }
            for c in &l.claims {
                check(c.evidence.start, c.evidence.end, &c.evidence.text);
            }
        }
    }
}
