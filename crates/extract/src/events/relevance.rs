//! The relevance gate: an event is coded only for a clause that reports a happening of political violence, a
//! demonstration or a strategic development. A cue's clause is turned away when it is
//! - a plan, threat or condition: a modal word in the few words before the cue ("plans to take", "would
//!   retake"; `modality.txt`), or a statement whose content holds the cue intends or calls for it ("urged the
//!   allies to strike the bases", "called for an end to the shelling": the statements layer);
//! - a metaphor or sport ("Trump attacked Clinton", "an initial attack on the flames", "the trade war");
//! - a disaster, an epidemic or an accident with no armed act in it ("the cyclone hit the coast", "cholera
//!   killed 80", "the chemical plant exploded");
//! - ordinary crime with no armed or political actor in view ("a grenade exploded during a robbery");
//! - a cumulative tally ("killed up to 3,000 servicemen since the summer");
//! - history: told as such ("years ago", "the anniversary of"), or dated more than [`HISTORY_DAYS`] before the
//!   report's latest date;
//! - negated ("no attacks were reported", "no one was hurt");
//! - a death, an injury or a blast with nothing armed or violent told in its sentence or the one before ("he died
//!   at his home", "the toads exploded");
//! - a happening named only as the grounds of another act ("expelled for taking part in protests", "jailed over
//!   the bombing"): the act is the news, the happening is told elsewhere;
//! - a campaign told as a whole, with no place ("the counter-offensive started last month", "it has failed");
//! - a bare death, harm or destruction with nothing armed in its sentence, in a report of a disaster or an
//!   epidemic (its words [`DISASTER_WORDS`] times or more) that tells of no means of violence ("it has left 1,600 people dead", "the
//!   worst hit areas", "the banana crop was destroyed" after a cyclone).
//!
//! The phrases are data (`relevance.tsv`: expression, reason, where it is looked for, the cues it applies to).
//!
//! Writes: no layer; the events stage codes no event for a cue the gate turns away.
//! Reads: the actors layer (armed actors and their kinds), the times layer (dates), the statements layer, the lexicon's conflict
//! words and political words (through the caller's [`Context`]), `relevance.tsv`, `modality.txt`.

use super::Clause;
use crate::doc::{words, Doc};
use crate::rules::{compile_cue, DataFiles, RulesError};
use chrono::NaiveDate;
use regex::Regex;
use sitrep_ledger::{ActorKind, Outcome, StatementKind, StatementMode};

/// A happening dated more than this many days before the report's latest date is history, not news.
const HISTORY_DAYS: i64 = 365;
/// How many times a report names a disaster or an epidemic (the `disaster` rows of `relevance.tsv`) before its
/// bare deaths and harms are read as the disaster's when their sentence tells of nothing armed.
const DISASTER_WORDS: usize = 3;
/// How many words before a cue a modal word turns it into a plan or a threat ("plans to take control").
const MODAL_WORDS: usize = 4;

/// Why a cue's clause codes no event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    Hypothetical,
    Metaphor,
    Sport,
    Disaster,
    Crime,
    Tally,
    History,
    Negation,
    Unexplained,
    Campaign,
    Grounds,
}

impl std::str::FromStr for Reason {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "metaphor" => Reason::Metaphor,
            "sport" => Reason::Sport,
            "disaster" => Reason::Disaster,
            "crime" => Reason::Crime,
            "tally" => Reason::Tally,
            "history" => Reason::History,
            "negation" => Reason::Negation,
            "campaign" => Reason::Campaign,
            "unexplained" => Reason::Unexplained,
            "grounds" => Reason::Grounds,
            _ => return Err(format!("{s:?} is not a reason (metaphor, sport, disaster, crime, tally, history, negation, unexplained, campaign, grounds)")),
        })
    }
}

/// Where a row's expression is looked for, around the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Before,
    After,
    Clause,
    Sentence,
    /// The cue's sentence and the one before ("a man tried to rob a shop. ... he threatened with a grenade").
    Near,
}

struct Row {
    re: Regex,
    reason: Reason,
    scope: Scope,
    /// The cues the row applies to (the whole cue must match); none: every cue.
    cue: Option<Regex>,
}

/// The gate's rules: the rows of `relevance.tsv` (the modal words are the lexicon's, `modality.txt`).
pub struct RelevanceRules {
    rows: Vec<Row>,
}

const FILE: &str = "relevance.tsv";

impl RelevanceRules {
    pub fn load(files: &DataFiles) -> Result<Self, RulesError> {
        let mut rows = Vec::new();
        for (n, line) in files.lines(FILE)? {
            let cols: Vec<&str> = line.split('\t').collect();
            let bad = |m: String| files.error(FILE, n, m);
            if cols.len() < 3 {
                return Err(bad(
                    "an expression, a reason and a scope are needed, tab-separated".into(),
                ));
            }
            if has_capital(cols[0]) {
                return Err(bad(
                    "write the expression in lower case: it is matched on the lower-cased view"
                        .into(),
                ));
            }
            let reason: Reason = cols[1].trim().parse().map_err(bad)?;
            let scope = match cols[2].trim() {
                "before" => Scope::Before,
                "after" => Scope::After,
                "clause" => Scope::Clause,
                "sentence" => Scope::Sentence,
                "near" => Scope::Near,
                s => {
                    return Err(bad(format!(
                        "{s:?} is not a scope (before, after, clause, sentence, near)"
                    )))
                }
            };
            let anchored = match scope {
                Scope::Before => format!(r"(?:\b|^)(?:{})$", cols[0]),
                Scope::After => format!(r"^[^a-z0-9]*(?:{})", cols[0]),
                Scope::Clause | Scope::Sentence | Scope::Near => format!(r"\b(?:{})", cols[0]),
            };
            let re = compile_cue(&anchored).map_err(|e| bad(format!("bad expression: {e}")))?;
            let cue = match cols.get(3).map(|c| c.trim()).filter(|c| !c.is_empty()) {
                Some(c) => Some(
                    compile_cue(&format!("^(?:{c})$"))
                        .map_err(|e| bad(format!("bad cue expression: {e}")))?,
                ),
                None => None,
            };
            rows.push(Row {
                re,
                reason,
                scope,
                cue,
            });
        }
        Ok(RelevanceRules { rows })
    }
}

/// A capital letter outside an escape (`\W`, `\S` are fine): the expression could never match the lower-cased view.
fn has_capital(expression: &str) -> bool {
    let mut escaped = false;
    expression.chars().any(|c| {
        let capital = !escaped && c.is_uppercase();
        escaped = !escaped && c == '\\';
        capital
    })
}

/// What the events stage knows of the cue's sentence that the gate weighs.
pub(super) struct Context {
    /// An armed actor or a military word in the sentence.
    pub armed: bool,
    /// A political word in the sentence (`lists/political_words.txt`).
    pub political: bool,
    /// Words of means or acts of violence in the sentence outside the cue's own words.
    pub violence_besides_cue: usize,
    /// The report tells of armed people or means of violence (a bombing, a war), not only of a harm.
    pub violent_report: bool,
    /// The report is about a disaster or an epidemic and tells of nothing armed ([`disaster_report`]).
    pub disaster_report: bool,
}

/// Whether the report names a disaster or an epidemic [`DISASTER_WORDS`] times or more (the caller adds: and
/// tells of no means of violence; soldiers and armies may be there, at relief work). Read once a report.
pub(super) fn disaster_report(doc: &Doc) -> bool {
    let rules = &doc.rules.events.relevance;
    let lower = doc.text.lower();
    let mut n = 0;
    for r in rules.rows.iter().filter(|r| {
        r.reason == Reason::Disaster
            && matches!(r.scope, Scope::Clause | Scope::Sentence)
            && r.cue.is_none()
    }) {
        n += r.re.find_iter(lower).take(DISASTER_WORDS).count();
        if n >= DISASTER_WORDS {
            return true;
        }
    }
    false
}

/// Why the cue of `c` codes no event, if it does not; `place` is the place its clause names.
pub(super) fn turned_away(
    doc: &Doc,
    c: &Clause,
    ctx: &Context,
    place: Option<usize>,
) -> Option<Reason> {
    let rules = &doc.rules.events.relevance;
    let lower = doc.text.lower();
    if modal_before(&doc.rules.lexicon.modality, &lower[c.clause.0..c.cue.start])
        || wished(doc, c.cue.start, c.cue.end)
    {
        return Some(Reason::Hypothetical);
    }
    let cue_text = &lower[c.cue.start..c.cue.end];
    let found = rules.rows.iter().find(|r| {
        r.cue.as_ref().is_none_or(|re| re.is_match(cue_text))
            && !yields(r.reason, doc, c, ctx, place)
            && r.re.is_match(match r.scope {
                Scope::Before => &lower[c.clause.0..c.cue.start],
                Scope::After => &lower[c.cue.end..c.clause.1],
                Scope::Clause => {
                    let (s, e) = sub_clause(lower, c);
                    &lower[s..e]
                }
                Scope::Sentence => &lower[c.sentence.0..c.sentence.1],
                Scope::Near => &lower[sentence_before(doc, c.sentence.0)..c.sentence.1],
            })
    });
    if let Some(r) = found {
        return Some(r.reason);
    }
    let bare_harm = matches!(
        c.cue.class,
        Outcome::Kill | Outcome::Attack | Outcome::Defeat | Outcome::Explosive
    );
    if ctx.disaster_report && bare_harm && !ctx.armed && ctx.violence_besides_cue == 0 {
        return Some(Reason::Disaster);
    }
    if verbal_attack(doc, c, ctx) {
        return Some(Reason::Metaphor);
    }
    None
}

/// True when the cue at `[s, e)` is what a statement intends or calls for ("Moscow plans to take the town",
/// "Kyiv urged the allies to strike the bases", "they called for an end to the shelling"): the statements layer
/// (in content order) tells.
fn wished(doc: &Doc, s: usize, e: usize) -> bool {
    let sts = &doc.statements;
    let (ss, _) = doc.sentence_bounds(s);
    let lo = sts.partition_point(|st| st.start < ss);
    let hi = sts.partition_point(|st| st.start <= s);
    sts[lo..hi.max(lo)].iter().any(|st| {
        st.kind == StatementKind::Reported
            && matches!(st.mode, StatementMode::Intent | StatementMode::Call)
            && st.start <= s
            && e <= st.end
    })
}

/// The start of the sentence before the one starting at `start` (`start` itself for the first).
fn sentence_before(doc: &Doc, start: usize) -> usize {
    let sentences = &doc.text.sentences;
    let i = sentences.partition_point(|s| s.start < start);
    match i.checked_sub(1) {
        Some(p) if sentences[p].end <= start => sentences[p].start,
        _ => start,
    }
}

/// Where the clause of a cue is cut into parts told as separate happenings.
const SUB_CLAUSE_BOUNDARIES: [&str; 6] =
    [", and ", ", but ", "; ", ", while ", ", whereas ", ", as "];

/// The part of the cue's clause between the coordinating boundaries around the cue.
fn sub_clause(lower: &str, c: &Clause) -> (usize, usize) {
    let (cs, ce) = c.clause;
    let before = &lower[cs..c.cue.start];
    let after = &lower[c.cue.end..ce];
    let start = SUB_CLAUSE_BOUNDARIES
        .iter()
        .filter_map(|b| before.rfind(b).map(|i| cs + i + b.len()))
        .max()
        .unwrap_or(cs);
    let end = SUB_CLAUSE_BOUNDARIES
        .iter()
        .filter_map(|b| after.find(b).map(|i| c.cue.end + i))
        .min()
        .unwrap_or(ce);
    (start, end)
}

/// True when a row of this reason does not apply here:
/// - sport yields to an armed actor, a military word or violence besides the cue ("bombs exploded near the
///   finish line of the marathon");
/// - crime to an armed actor, a military word or a political word, and never turns away a riot or a protest
///   ("a mob lynched two men accused of theft");
/// - a disaster to a cue that is an armed act of itself (shelling, fighting, a capture, a protest), to violence
///   besides the cue, to an armed group, to armed actors with an attack, and to a blast in a report of violence;
/// - a death, an injury or a blast with nothing told of its cause to anything armed or violent in view, or to
///   a place in a region at war (`gazetteer/conflict_areas.tsv`);
/// - a campaign to a clause that places it.
fn yields(reason: Reason, doc: &Doc, c: &Clause, ctx: &Context, place: Option<usize>) -> bool {
    match reason {
        Reason::Sport => ctx.armed || ctx.violence_besides_cue > 0,
        Reason::Crime => {
            ctx.armed || ctx.political || matches!(c.cue.class, Outcome::Riot | Outcome::Protest)
        }
        Reason::Disaster => {
            use Outcome::*;
            let armed_act = matches!(
                c.cue.class,
                Shelling | Air | Clash | Gain | Repelled | Protest | Riot | Civilian
            );
            armed_act
                || ctx.violence_besides_cue > 0
                || ctx.armed && matches!(c.cue.class, Attack | Defeat)
                || ctx.violent_report && c.cue.class == Explosive
                || armed_group_in(doc, c.sentence)
        }
        Reason::Campaign => place.is_some(),
        Reason::Unexplained => {
            ctx.armed
                || ctx.violent_report
                || ctx.violence_besides_cue > 0
                || violence_in_sentence_before(doc, c.sentence.0)
                || place
                    .is_some_and(|p| doc.rules.places.in_war_zone(&doc.places[p], doc.published))
        }
        _ => false,
    }
}

/// Means of violence in the sentence before the one starting at `ss` ("Shells hit the market. Two people died.").
fn violence_in_sentence_before(doc: &Doc, ss: usize) -> bool {
    let Some(i) = doc.text.sentence_at(ss).filter(|&i| i > 0) else {
        return false;
    };
    let s = &doc.text.sentences[i - 1];
    violence_outside(doc, (s.start, s.end), (s.end, s.end)) > 0
}

fn armed_group_in(doc: &Doc, (ss, se): (usize, usize)) -> bool {
    doc.actors_within(ss, se)
        .any(|m| doc.actors[m.actor].kind == ActorKind::ArmedGroup)
}

/// A modal word among the last [`MODAL_WORDS`] words before the cue.
fn modal_before(modality: &[String], before: &str) -> bool {
    let tail: Vec<&str> = before.split_whitespace().rev().take(MODAL_WORDS).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    let tail = format!(" {} ", tail.join(" "));
    modality.iter().any(|m| tail.contains(&format!(" {m} ")))
}

/// "Trump attacked Clinton": an attack cue ("attacked", "attacks on") right before a person, an organisation or
/// a medium, with no armed actor, military word or violence besides the cue in the sentence, is speech, not
/// violence.
fn verbal_attack(doc: &Doc, c: &Clause, ctx: &Context) -> bool {
    let lower = doc.text.lower();
    if c.cue.class != Outcome::Attack
        || !lower[c.cue.start..c.cue.end].starts_with("attack")
        || ctx.armed
        || ctx.violence_besides_cue > 0
    {
        return false;
    }
    let (ss, se) = c.sentence;
    let Some(target) = doc.actors_within(ss, se).find(|m| m.start >= c.cue.end) else {
        return false;
    };
    let between = lower[c.cue.end..target.start].trim();
    let adjacent = matches!(between, "" | "on" | "against" | "on the" | "against the");
    adjacent
        && matches!(
            doc.actors[target.actor].kind,
            ActorKind::Person | ActorKind::Organization | ActorKind::Media
        )
}

/// History by date: the date the clause gives the cue lies more than [`HISTORY_DAYS`] before the report's
/// latest date (its publication, else the latest date it names).
pub(super) fn dated_as_history(doc: &Doc, date: Option<&str>, from_text: bool) -> bool {
    let Some(d) = date
        .filter(|_| from_text)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    else {
        return false;
    };
    let latest = doc
        .published
        .or_else(|| doc.times.iter().filter_map(|t| t.range.map(|r| r.0)).max());
    latest.is_some_and(|l| (l - d).num_days() > HISTORY_DAYS)
}

/// Violence words of `[s, e)` outside `[cs, ce)` that name a means or an act of violence, not a bare harm
/// ("shelling", "gunfire"; not "blast", "injured").
pub(super) fn violence_outside(
    doc: &Doc,
    (s, e): (usize, usize),
    (cs, ce): (usize, usize),
) -> usize {
    let lex = &doc.rules.lexicon;
    let lower = doc.text.lower();
    words(doc.text, s, e)
        .into_iter()
        .filter(|&(ws, we)| (we <= cs || ws >= ce) && we - ws <= 20)
        .filter(|&(ws, we)| {
            let w = &lower[ws..we];
            lex.violence_words.contains(w) && !lex.harm_words.contains(w)
        })
        .count()
}
