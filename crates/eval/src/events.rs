//! Events evaluation on WikiEvents dev and the PLOVER gold records (read from `../shared/eval/events`, never
//! copied into the project).
//!
//! **WikiEvents dev** (KAIROS ontology). The scope and the mapping onto ACLED are data:
//! `data/kairos_acled.tsv` (which KAIROS types count and which ACLED event types answer them) and
//! `data/kairos_roles.tsv` (which argument roles are actor1, actor2, place). Each document's sentences are
//! joined with a space and read by the engine; every ledger event is placed in the gold sentence holding the
//! start of its evidence.
//! * **Detection** at the sentence level (ledger events of an ACLED type no in-scope KAIROS type maps to, such as
//!   Strategic developments, are out of scope and not scored): a gold sentence is one with an in-scope event; a predicted sentence
//!   one with a ledger event. P / R / F1 over sentences. A typed line requires the ledger event's type to be
//!   one the mapping allows for a gold event of that sentence.
//! * **Arguments**: for every in-scope gold event in a detected sentence, each argument with a mapped role is
//!   correct when a ledger event of that sentence fills the same field with an actor (place) one of whose
//!   mentions overlaps the argument's span. Accuracy = correct / arguments.
//!
//! **PLOVER**: each record's sentence is read alone. Over the records in conflict categories
//! (`data/plover_acled.tsv`) where the engine reads an event: actor1 accuracy (a mention of actor1 overlaps
//! the gold source text) and actor2 accuracy (target). Over the records in categories that are not events
//! (threats, demands, ...): how many got a ledger event anyway (false events).

use rayon::prelude::*;
use serde_json::Value;
use sitrep_extract::{Engine, InputDoc};
use sitrep_ledger::Ledger;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

const KAIROS_ACLED: &str = include_str!("../data/kairos_acled.tsv");
const KAIROS_ROLES: &str = include_str!("../data/kairos_roles.tsv");
const PLOVER_ACLED: &str = include_str!("../data/plover_acled.tsv");
const CASE_ACLED: &str = include_str!("../data/case_acled.tsv");

fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// ACLED event types allowed for a KAIROS type; None when out of scope.
fn acled_types(kairos: &str) -> Option<Vec<String>> {
    let mut best: Option<(usize, Vec<&str>)> = None;
    for r in rows(KAIROS_ACLED) {
        let p = r[0];
        if (kairos == p || kairos.starts_with(&format!("{p}.")))
            && best.as_ref().is_none_or(|(n, _)| p.len() > *n)
        {
            best = Some((p.len(), r));
        }
    }
    let (_, r) = best?;
    let t = r.get(1).copied().unwrap_or("-");
    if t == "-" {
        return None;
    }
    Some(t.split('|').map(str::to_string).collect())
}

fn role_field(role: &str) -> Option<String> {
    rows(KAIROS_ROLES)
        .find(|r| r[0] == role)
        .and_then(|r| r.get(1).map(|s| s.to_string()))
}

#[derive(Debug, Clone, Default)]
pub struct ArgScore {
    pub gold: usize,
    pub correct: usize,
}

impl ArgScore {
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
}

#[derive(Debug, Clone, Default)]
pub struct EventsScore {
    pub docs: usize,
    pub gold_events: usize,
    pub gold_sentences: usize,
    pub predicted_sentences: usize,
    pub correct_sentences: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub typed_f1: f64,
    /// Ledger events of an ACLED type no in-scope KAIROS type maps to (not scored).
    pub unscored_events: usize,
    pub actor1: ArgScore,
    pub actor2: ArgScore,
    pub place: ArgScore,
    // PLOVER
    pub plover_conflict: usize,
    pub plover_with_event: usize,
    pub plover_actor1: ArgScore,
    pub plover_actor2: ArgScore,
    pub plover_non_event: usize,
    pub plover_false_events: usize,
    /// CASE 2021 task 2 dev (None when the file is absent).
    pub case: Option<CaseScore>,
    /// GeoVirus: (articles, ledger events) (None when the corpus is absent).
    pub geovirus: Option<(usize, usize)>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// The report; with `markdown`, the CASE per-class table too.
pub fn run(eval_dir: &Path, engine: &Engine, markdown: bool) -> Result<String, String> {
    let s = evaluate(eval_dir, engine)?;
    Ok(if markdown {
        report(&s) + &case_table(&s)
    } else {
        report(&s)
    })
}

pub fn report(s: &EventsScore) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "WikiEvents dev: {} documents, {} in-scope gold events (data/kairos_acled.tsv) in {} sentences",
        s.docs, s.gold_events, s.gold_sentences
    );
    let _ = writeln!(
        o,
        "  sentence-level detection: P {:.3}  R {:.3}  F1 {:.3}  ({} predicted, {} correct); typed F1 {:.3}",
        s.precision, s.recall, s.f1, s.predicted_sentences, s.correct_sentences, s.typed_f1
    );
    if s.unscored_events > 0 {
        let _ = writeln!(
            o,
            "  ({} ledger events of types no in-scope KAIROS type maps to, such as Strategic developments, not scored)",
            s.unscored_events
        );
    }
    for (name, a) in [
        ("actor1 (attacker)", &s.actor1),
        ("actor2 (target)", &s.actor2),
        ("place", &s.place),
    ] {
        let _ = writeln!(
            o,
            "  argument {:<18} accuracy {:.3} ({}/{}, gold arguments in detected sentences)",
            name,
            a.accuracy(),
            a.correct,
            a.gold
        );
    }
    let _ = writeln!(
        o,
        "PLOVER gold records: {} in conflict categories, {} read as an event; actor1 (source) {:.3} ({}/{}), actor2 (target) {:.3} ({}/{})",
        s.plover_conflict,
        s.plover_with_event,
        s.plover_actor1.accuracy(),
        s.plover_actor1.correct,
        s.plover_actor1.gold,
        s.plover_actor2.accuracy(),
        s.plover_actor2.correct,
        s.plover_actor2.gold
    );
    let _ = writeln!(
        o,
        "  non-event categories (threats, demands, ...): {} records, {} with a ledger event (false events)",
        s.plover_non_event, s.plover_false_events
    );
    match &s.case {
        Some(c) => {
            let _ = writeln!(
                o,
                "CASE 2021 task 2 dev: {} snippets ({} ACLED, {} outside ACLED); main event = the one told first",
                c.acled_snippets + c.non_acled,
                c.acled_snippets,
                c.non_acled
            );
            let _ = writeln!(
                o,
                "  macro-F1 over {} ACLED sub-types {:.3}; accuracy {:.3}; ACLED snippets with an event {}/{}",
                c.classes.len(),
                c.macro_f1,
                ratio(c.correct(), c.acled_snippets),
                c.acled_with_event,
                c.acled_snippets
            );
            let _ = writeln!(
                o,
                "  outside ACLED (disasters, crime, diplomacy, attribution): {}/{} got an event ({:.1}%)",
                c.non_acled_with_event,
                c.non_acled,
                100.0 * ratio(c.non_acled_with_event, c.non_acled)
            );
        }
        None => {
            let _ = writeln!(o, "CASE 2021 task 2 dev: not found (skipped)");
        }
    }
    match s.geovirus {
        Some((docs, events)) => {
            let _ = writeln!(
                o,
                "GeoVirus (epidemics, nearly no event is right): {events} events in {docs} articles, {:.1} per 100",
                100.0 * ratio(events, docs)
            );
        }
        None => {
            let _ = writeln!(o, "GeoVirus: not found (skipped)");
        }
    }
    o
}

/// The CASE per-class table (markdown).
pub fn case_table(s: &EventsScore) -> String {
    let mut o = String::new();
    let Some(c) = &s.case else {
        return o;
    };
    let _ = writeln!(
        o,
        "\n| CASE label | ACLED sub-event type | disorder type | gold | pred | correct | P | R | F1 |"
    );
    let _ = writeln!(o, "|---|---|---|---:|---:|---:|---:|---:|---:|");
    for k in &c.classes {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {:.2} | {:.2} | {:.2} |",
            k.label,
            k.sub_event_type,
            k.disorder_type,
            k.gold,
            k.predicted,
            k.correct,
            k.precision(),
            k.recall(),
            k.f1()
        );
    }
    o
}

// ---------------------------------------------------------------- WikiEvents

struct GoldEvent {
    sentence: usize,
    types: Vec<String>,
    /// (ledger field, char span in the rebuilt text)
    args: Vec<(String, (usize, usize))>,
}

struct WikiDoc {
    id: String,
    text: String,
    /// char start / end of every sentence in `text`
    sentences: Vec<(usize, usize)>,
    events: Vec<GoldEvent>,
}

fn load_wikievents(path: &Path) -> Result<Vec<WikiDoc>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value =
            serde_json::from_str(line).map_err(|e| format!("{}: {e}", path.display()))?;
        let id = v["doc_id"].as_str().unwrap_or("").to_string();
        let mut text = String::new();
        let mut chars = 0usize;
        let mut sentences = Vec::new();
        // doc-level token index -> char span in the rebuilt text
        let mut tok_spans: Vec<(usize, usize)> = Vec::new();
        for s in v["sentences"].as_array().into_iter().flatten() {
            let stext = s[1].as_str().unwrap_or("");
            if !text.is_empty() {
                text.push(' ');
                chars += 1;
            }
            let start = chars;
            // tokens found in order in the sentence text (the corpus's char offsets do not fit its text)
            let mut at = 0usize; // byte offset in stext
            for t in s[0].as_array().into_iter().flatten() {
                let tok = t[0].as_str().unwrap_or("");
                let (ts, te) = match stext[at..].find(tok) {
                    Some(i) if !tok.is_empty() => {
                        let b = at + i;
                        at = b + tok.len();
                        (b, at)
                    }
                    _ => (at, at),
                };
                let cs = start + stext[..ts].chars().count();
                let ce = start + stext[..te].chars().count();
                tok_spans.push((cs, ce));
            }
            text.push_str(stext);
            chars += stext.chars().count();
            sentences.push((start, chars));
        }
        let mut ents: HashMap<&str, (usize, usize)> = HashMap::new();
        for e in v["entity_mentions"].as_array().into_iter().flatten() {
            let (Some(a), Some(b)) = (e["start"].as_u64(), e["end"].as_u64()) else {
                continue;
            };
            let (a, b) = (a as usize, b as usize);
            if a < b && b <= tok_spans.len() {
                ents.insert(
                    e["id"].as_str().unwrap_or(""),
                    (tok_spans[a].0, tok_spans[b - 1].1),
                );
            }
        }
        let mut events = Vec::new();
        for e in v["event_mentions"].as_array().into_iter().flatten() {
            let Some(types) = acled_types(e["event_type"].as_str().unwrap_or("")) else {
                continue;
            };
            let sentence = e["trigger"]["sent_idx"].as_u64().unwrap_or(0) as usize;
            let mut args = Vec::new();
            for a in e["arguments"].as_array().into_iter().flatten() {
                let Some(field) = role_field(a["role"].as_str().unwrap_or("")) else {
                    continue;
                };
                if let Some(&sp) = ents.get(a["entity_id"].as_str().unwrap_or("")) {
                    args.push((field, sp));
                }
            }
            events.push(GoldEvent {
                sentence,
                types,
                args,
            });
        }
        docs.push(WikiDoc {
            id,
            text,
            sentences,
            events,
        });
    }
    Ok(docs)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn actor_hits(l: &Ledger, id: Option<&str>, span: (usize, usize)) -> bool {
    id.and_then(|id| l.actor(id))
        .is_some_and(|a| a.mentions.iter().any(|m| overlaps((m.start, m.end), span)))
}

fn place_hits(l: &Ledger, id: Option<&str>, span: (usize, usize)) -> bool {
    id.and_then(|id| l.place(id))
        .is_some_and(|p| p.mentions.iter().any(|m| overlaps((m.start, m.end), span)))
}

#[derive(Default)]
struct DocCounts {
    gold_events: usize,
    gold_s: usize,
    pred_s: usize,
    ok_s: usize,
    typed_pred: usize,
    typed_ok: usize,
    args: [ArgScore; 3],
    unscored: usize,
}

/// Every ACLED event type some in-scope KAIROS type maps to (`data/kairos_acled.tsv`).
fn mapped_range() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in rows(KAIROS_ACLED) {
        for t in r.get(1).copied().unwrap_or("-").split('|') {
            if t != "-" && !out.iter().any(|o| o == t) {
                out.push(t.to_string());
            }
        }
    }
    out
}

fn score_wiki(d: &WikiDoc, engine: &Engine) -> DocCounts {
    let l = engine.extract(&InputDoc {
        id: d.id.clone(),
        text: d.text.clone(),
        ..Default::default()
    });
    let sentence_of = |c: usize| d.sentences.partition_point(|s| s.1 <= c);
    // ledger events per gold sentence; an event of an ACLED type that no in-scope KAIROS type maps to
    // (Strategic developments) is out of scope, not scored either way
    let range = mapped_range();
    let mut by_sentence: HashMap<usize, Vec<&sitrep_ledger::Event>> = HashMap::new();
    let mut c = DocCounts {
        gold_events: d.events.len(),
        ..Default::default()
    };
    for e in &l.events {
        if !range.contains(&e.event_type) {
            c.unscored += 1;
            continue;
        }
        let mut seen = Vec::new();
        for ev in &e.evidence {
            let s = sentence_of(ev.start);
            if !seen.contains(&s) {
                seen.push(s);
                by_sentence.entry(s).or_default().push(e);
            }
        }
    }
    let mut gold_sents: HashMap<usize, Vec<&GoldEvent>> = HashMap::new();
    for g in &d.events {
        gold_sents.entry(g.sentence).or_default().push(g);
    }
    c.gold_s = gold_sents.len();
    c.pred_s = by_sentence.len();
    c.ok_s = by_sentence
        .keys()
        .filter(|s| gold_sents.contains_key(s))
        .count();
    for (s, evs) in &by_sentence {
        let typed = match gold_sents.get(s) {
            Some(gs) => evs
                .iter()
                .any(|e| gs.iter().any(|g| g.types.contains(&e.event_type))),
            None => false,
        };
        c.typed_pred += 1;
        if typed {
            c.typed_ok += 1;
        }
    }
    for (s, gs) in &gold_sents {
        let Some(evs) = by_sentence.get(s) else {
            continue;
        };
        for g in gs {
            for (field, span) in &g.args {
                let (k, ok) = match field.as_str() {
                    "actor1" => (
                        0,
                        evs.iter()
                            .any(|e| actor_hits(&l, e.actor1.as_deref(), *span)),
                    ),
                    "actor2" => (
                        1,
                        evs.iter()
                            .any(|e| actor_hits(&l, e.actor2.as_deref(), *span)),
                    ),
                    _ => (
                        2,
                        evs.iter()
                            .any(|e| place_hits(&l, e.place.as_deref(), *span)),
                    ),
                };
                c.args[k].gold += 1;
                if ok {
                    c.args[k].correct += 1;
                }
            }
        }
    }
    c
}

// ---------------------------------------------------------------- PLOVER

struct PloverRec {
    text: String,
    /// None: not a conflict category
    acled: Option<Vec<String>>,
    source: Vec<String>,
    target: Vec<String>,
}

fn load_plover(path: &Path) -> Result<Vec<PloverRec>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: Value = serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
    let map: HashMap<String, Option<Vec<String>>> = rows(PLOVER_ACLED)
        .map(|r| {
            let t = r.get(1).copied().unwrap_or("-");
            (
                r[0].to_string(),
                (t != "-").then(|| t.split('|').map(str::to_string).collect()),
            )
        })
        .collect();
    let actors = |x: &Value| -> Vec<String> {
        x.as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a["actorText"].as_str().map(str::to_string))
            .collect()
    };
    let mut out = Vec::new();
    for r in v.as_array().into_iter().flatten() {
        let ev = r["event"].as_str().unwrap_or("");
        let (Some(text), Some(acled)) = (r["text"].as_str(), map.get(ev)) else {
            continue;
        };
        out.push(PloverRec {
            text: text.to_string(),
            acled: acled.clone(),
            source: actors(&r["source"]),
            target: actors(&r["target"]),
        });
    }
    Ok(out)
}

/// Char spans of every occurrence of `needle` in `text` (case-insensitive, ASCII folding).
fn find_all(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let hay = text.to_lowercase();
    let n = needle.to_lowercase();
    if n.is_empty() || hay.len() != text.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = hay[at..].find(&n) {
        let b = at + i;
        let cs = text[..b].chars().count();
        out.push((cs, cs + n.chars().count()));
        at = b + n.len();
    }
    out
}

#[derive(Default)]
struct PloverCounts {
    conflict: usize,
    with_event: usize,
    a1: ArgScore,
    a2: ArgScore,
    non_event: usize,
    false_events: usize,
}

fn score_plover(r: &PloverRec, engine: &Engine) -> PloverCounts {
    let l = engine.extract(&InputDoc {
        id: "plover".into(),
        text: r.text.clone(),
        ..Default::default()
    });
    let mut c = PloverCounts::default();
    let Some(types) = &r.acled else {
        c.non_event = 1;
        if !l.events.is_empty() {
            c.false_events = 1;
        }
        return c;
    };
    c.conflict = 1;
    let evs: Vec<&sitrep_ledger::Event> = l
        .events
        .iter()
        .filter(|e| types.contains(&e.event_type))
        .collect();
    if evs.is_empty() {
        return c;
    }
    c.with_event = 1;
    let spans = |names: &[String]| -> Vec<(usize, usize)> {
        names.iter().flat_map(|n| find_all(&r.text, n)).collect()
    };
    let (src, tgt) = (spans(&r.source), spans(&r.target));
    if !src.is_empty() {
        c.a1.gold = 1;
        if evs
            .iter()
            .any(|e| src.iter().any(|&s| actor_hits(&l, e.actor1.as_deref(), s)))
        {
            c.a1.correct = 1;
        }
    }
    if !tgt.is_empty() {
        c.a2.gold = 1;
        if evs
            .iter()
            .any(|e| tgt.iter().any(|&s| actor_hits(&l, e.actor2.as_deref(), s)))
        {
            c.a2.correct = 1;
        }
    }
    c
}

pub fn evaluate(eval_dir: &Path, engine: &Engine) -> Result<EventsScore, String> {
    let ev = eval_dir.join("events");
    let docs = load_wikievents(&ev.join("wikievents/dev.jsonl"))?;
    let counts: Vec<DocCounts> = docs.par_iter().map(|d| score_wiki(d, engine)).collect();
    let mut s = EventsScore {
        docs: docs.len(),
        ..Default::default()
    };
    let (mut tp, mut tc) = (0, 0);
    for c in &counts {
        s.gold_events += c.gold_events;
        s.gold_sentences += c.gold_s;
        s.predicted_sentences += c.pred_s;
        s.correct_sentences += c.ok_s;
        tp += c.typed_pred;
        s.unscored_events += c.unscored;
        tc += c.typed_ok;
        for (k, a) in [&mut s.actor1, &mut s.actor2, &mut s.place]
            .into_iter()
            .enumerate()
        {
            a.gold += c.args[k].gold;
            a.correct += c.args[k].correct;
        }
    }
    s.precision = ratio(s.correct_sentences, s.predicted_sentences);
    s.recall = ratio(s.correct_sentences, s.gold_sentences);
    s.f1 = f1(s.precision, s.recall);
    s.typed_f1 = f1(ratio(tc, tp), ratio(tc, s.gold_sentences));
    let recs = load_plover(&ev.join("plover_gsr_cameo/PLOVER_GSR_CAMEO.json"))?;
    let pc: Vec<PloverCounts> = recs.par_iter().map(|r| score_plover(r, engine)).collect();
    for c in pc {
        s.plover_conflict += c.conflict;
        s.plover_with_event += c.with_event;
        s.plover_actor1.gold += c.a1.gold;
        s.plover_actor1.correct += c.a1.correct;
        s.plover_actor2.gold += c.a2.gold;
        s.plover_actor2.correct += c.a2.correct;
        s.plover_non_event += c.non_event;
        s.plover_false_events += c.false_events;
    }
    s.case = evaluate_case(eval_dir, engine)?;
    s.geovirus = evaluate_geovirus(eval_dir, engine)?;
    Ok(s)
}

// ---------------------------------------------------------------- CASE 2021 task 2

/// One ACLED sub-event type of the CASE scoring.
#[derive(Debug, Clone, Default)]
pub struct ClassScore {
    pub label: String,
    pub sub_event_type: String,
    pub disorder_type: String,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl ClassScore {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// CASE 2021 task 2 scoring: per-class P / R / F1 over the ACLED sub-types (`data/case_acled.tsv`), averaged
/// (macro-F1); a snippet outside ACLED's taxonomy that gets an event is a false positive of that event's
/// sub-type. The predicted sub-type of a snippet is that of its main event: the event whose evidence starts
/// first (of events told in one sentence, the first in the ledger); none when the ledger has no event.
#[derive(Debug, Clone, Default)]
pub struct CaseScore {
    pub classes: Vec<ClassScore>,
    pub macro_f1: f64,
    pub acled_snippets: usize,
    pub acled_with_event: usize,
    pub non_acled: usize,
    pub non_acled_with_event: usize,
}

impl CaseScore {
    pub fn correct(&self) -> usize {
        self.classes.iter().map(|c| c.correct).sum()
    }
    pub fn class(&self, label: &str) -> Option<&ClassScore> {
        self.classes.iter().find(|c| c.label == label)
    }
}

/// The sub-event type of the main event of a ledger: the one told first.
pub fn main_sub_event_type(l: &Ledger) -> Option<&str> {
    l.events
        .iter()
        .min_by_key(|e| {
            e.evidence
                .iter()
                .map(|s| s.start)
                .min()
                .unwrap_or(usize::MAX)
        })
        .map(|e| e.sub_event_type.as_str())
}

/// Scores `case2021_task2/dev.tsv` (columns `id`, `EventSnippet`, `SubType`); None when it is absent.
pub fn evaluate_case(eval_dir: &Path, engine: &Engine) -> Result<Option<CaseScore>, String> {
    let path = eval_dir.join("events/case2021_task2/dev.tsv");
    if !path.is_file() {
        return Ok(None);
    }
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut classes: Vec<ClassScore> = Vec::new();
    let mut outside: Vec<&str> = Vec::new();
    for r in rows(CASE_ACLED) {
        match (r.get(1), r.get(3)) {
            (Some(d), Some(st)) if *d != "-" => classes.push(ClassScore {
                label: r[0].to_string(),
                sub_event_type: st.to_string(),
                disorder_type: d.to_string(),
                ..Default::default()
            }),
            _ => outside.push(r[0]),
        }
    }
    let mut snippets: Vec<(&str, &str)> = Vec::new();
    for (n, l) in raw.lines().enumerate().skip(1) {
        if l.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = l.split('\t').collect();
        if c.len() < 3 {
            return Err(format!(
                "{}:{}: 3 columns are needed",
                path.display(),
                n + 1
            ));
        }
        let label = c[2].trim();
        if !outside.contains(&label) && !classes.iter().any(|k| k.label == label) {
            return Err(format!(
                "{}:{}: label {label} is not in data/case_acled.tsv",
                path.display(),
                n + 1
            ));
        }
        snippets.push((c[1], label));
    }
    let predicted: Vec<Option<String>> = snippets
        .par_iter()
        .enumerate()
        .map(|(i, (text, _))| {
            let l = engine.extract(&InputDoc {
                id: format!("case-{i}"),
                text: text.to_string(),
                ..Default::default()
            });
            main_sub_event_type(&l).map(str::to_string)
        })
        .collect();
    let mut s = CaseScore::default();
    for ((_, label), pred) in snippets.iter().zip(&predicted) {
        let gold = classes.iter().position(|k| k.label == *label);
        match gold {
            Some(g) => {
                s.acled_snippets += 1;
                classes[g].gold += 1;
                if pred.is_some() {
                    s.acled_with_event += 1;
                }
            }
            None => {
                s.non_acled += 1;
                if pred.is_some() {
                    s.non_acled_with_event += 1;
                }
            }
        }
        let Some(p) = pred else { continue };
        if let Some(k) = classes.iter().position(|k| &k.sub_event_type == p) {
            classes[k].predicted += 1;
            if Some(k) == gold {
                classes[k].correct += 1;
            }
        }
    }
    s.macro_f1 = classes.iter().map(ClassScore::f1).sum::<f64>() / classes.len().max(1) as f64;
    s.classes = classes;
    Ok(Some(s))
}

/// Events per GeoVirus article (Wikinews passages on epidemics; read with the geo evaluation's loader):
/// (articles, events); None when the corpus is absent.
pub fn evaluate_geovirus(
    eval_dir: &Path,
    engine: &Engine,
) -> Result<Option<(usize, usize)>, String> {
    if !eval_dir.join("geo/geovirus/GeoVirus.xml").is_file() {
        return Ok(None);
    }
    let Ok(all) = crate::geo::corpus_texts(eval_dir) else {
        return Ok(None);
    };
    let texts: Vec<String> = all
        .into_iter()
        .filter(|(c, _)| *c == "GeoVirus")
        .map(|(_, t)| t)
        .collect();
    let events: usize = texts
        .par_iter()
        .enumerate()
        .map(|(i, t)| {
            engine
                .extract(&InputDoc {
                    id: format!("geovirus-{i}"),
                    text: t.clone(),
                    ..Default::default()
                })
                .events
                .len()
        })
        .sum();
    Ok(Some((texts.len(), events)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_is_data_and_longest_prefix_wins() {
        assert_eq!(
            acled_types("Conflict.Attack.DetonateExplode").unwrap(),
            vec!["Explosions/Remote violence".to_string()]
        );
        assert!(acled_types("Conflict.Attack.Unspecified")
            .unwrap()
            .contains(&"Battles".to_string()));
        assert!(acled_types("Movement.Transportation.Unspecified").is_none());
        assert!(acled_types("Contact.Contact.Meet").is_none());
        assert_eq!(role_field("Victim").as_deref(), Some("actor2"));
    }

    #[test]
    fn finds_actor_text_in_chars() {
        assert_eq!(find_all("Iran told Iran", "iran"), vec![(0, 4), (10, 14)]);
    }
}
