//! Events and claims: ACLED-typed events from event cues in clauses, with actors, place, date and fatalities;
//! a claim for every report of an event (who asserts it, with what hedge), and contradictions between claims of
//! opposing sides whose outcomes cannot both hold.
//!
//! Writes: the events and claims layers (`Doc::events`, `Doc::claims`), with ACLED's actor types of each event
//! (`events/inter.rs`); the forces of a side are asked of the
//! actors stage (`actors::forces_of`).
//! Reads: every earlier layer (actors, places, times, quotes); the lexicon's event cues, weapons, hedges, modality
//! and conflict words (`event_cues.tsv`, `weapons.tsv`, `hedges.tsv`, `modality.txt`, `conflict_context.tsv`),
//! `lists/number_words.tsv`, `lists/generic_event_classes.txt`, the `events.*` patterns; the relevance gate's
//! `relevance.tsv` (`events/relevance.rs`) and `lists/victims.tsv` (`events/victims.rs`).

use crate::attribution::{self, subject_before, Attribution};
use crate::doc::{words, Doc, MentionKind};
use crate::lexicon::{CueContext, Lexicon};
use crate::rules::{DataFiles, Patterns as PatternTable, RulesError};
use regex::Regex;
use sitrep_gazetteer::Gazetteer;
use sitrep_ledger::{ActorKind, Outcome, Verification};
use sitrep_text::ParagraphKind;
use std::collections::HashMap;

/// How many of the latest events a new report of an event is compared with (merging, denials, contradictions).
/// News reports stay near their events; the window keeps very long inputs linear.
const WINDOW: usize = 64;
/// Reports of one event more sentences apart than this are not merged.
const MAX_SENTENCES_APART: usize = 80;

struct Patterns {
    killed_n: Regex,
    n_killed: Regex,
    anaphor: Regex,
    blamed: Regex,
    responsibility: Regex,
    negation: Regex,
    passive: Regex,
    denial: Regex,
}

/// The rules of the events stage besides the lexicon's cues: `lists/number_words.tsv`,
/// `lists/generic_event_classes.txt` and the `events.*` patterns.
pub struct EventRules {
    /// Number words of fatality counts and the count each stands for.
    number_words: HashMap<String, u64>,
    /// Generic cue classes: they yield to a specific cue in the same sentence.
    generic: Vec<Outcome>,
    patterns: Patterns,
    /// ACLED's taxonomy, the combinations and the precedence of cues (`events/taxonomy.rs`).
    pub(crate) taxonomy: taxonomy::Taxonomy,
    /// Nouns for unnamed attackers (`lists/perpetrators.txt`: `events/perpetrators.rs`).
    perpetrators: rustc_hash::FxHashSet<String>,
    /// Victims' words (`lists/victims.tsv`: `events/victims.rs`, `events/inter.rs`).
    victims: victims::VictimWords,
    /// The relevance gate's phrases (`relevance.tsv`, `modality.txt`: `events/relevance.rs`).
    relevance: relevance::RelevanceRules,
}

/// A list of outcome classes, one a line (a class `event_cues.tsv` does not know is an error naming its line).
fn outcomes(files: &DataFiles, name: &str) -> Result<Vec<Outcome>, RulesError> {
    files
        .lines(name)?
        .into_iter()
        .map(|(n, l)| {
            l.trim()
                .parse()
                .map_err(|e| files.error(name, n, format!("{e}")))
        })
        .collect()
}

impl EventRules {
    /// The count a number word stands for ("twelve": 12), lower case.
    pub(crate) fn number_word(&self, lower: &str) -> Option<u64> {
        self.number_words.get(lower).copied()
    }

    pub fn load(files: &DataFiles, p: &PatternTable) -> Result<Self, RulesError> {
        const NUMBERS: &str = "lists/number_words.tsv";
        let mut number_words = HashMap::new();
        for (n, l) in files.lines(NUMBERS)? {
            let count = l
                .split_once('\t')
                .and_then(|(w, c)| Some((w, c.trim().parse().ok()?)));
            let Some((w, c)) = count else {
                return Err(files.error(
                    NUMBERS,
                    n,
                    "a phrase, a tab and a whole number are needed".into(),
                ));
            };
            number_words.insert(w.to_string(), c);
        }
        Ok(EventRules {
            number_words,
            generic: outcomes(files, "lists/generic_event_classes.txt")?,
            taxonomy: taxonomy::Taxonomy::load(files)?,
            relevance: relevance::RelevanceRules::load(files)?,
            victims: victims::VictimWords::load(files)?,
            perpetrators: files.set("lists/perpetrators.txt")?,
            patterns: Patterns {
                killed_n: p.get("events.killed_n")?,
                n_killed: p.get("events.n_killed")?,
                anaphor: p.get("events.anaphor")?,
                blamed: p.get("events.blamed")?,
                responsibility: p.get("events.responsibility")?,
                negation: p.get("events.negation")?,
                passive: p.get("events.passive")?,
                denial: p.get("events.denial")?,
            },
        })
    }

    fn is_generic(&self, class: Outcome) -> bool {
        self.generic.contains(&class)
    }
}

fn number_of(er: &EventRules, s: &str) -> Option<u64> {
    let l = s.to_ascii_lowercase();
    if let Some(&n) = er.number_words.get(&l) {
        return Some(n);
    }
    l.replace(',', "").parse().ok()
}

#[derive(Clone)]
struct Cue {
    start: usize,
    end: usize,
    class: Outcome,
    event_type: String,
    sub_event_type: String,
    /// The context the cue needs (`event_cues.tsv` column 5).
    context: CueContext,
}

/// The clause of one cue, as the argument rules read it.
struct Clause<'c> {
    /// The sentence `[start, end)`.
    sentence: (usize, usize),
    /// The attributed clause `[start, end)` inside it (after "X said that", inside quote marks).
    clause: (usize, usize),
    cue: &'c Cue,
    /// The cue's text.
    trigger: &'c str,
    /// "was shelled", "were pushed back".
    passive: bool,
    /// The cue stands inside quote marks.
    in_quote: bool,
}

/// The cues in `s..e` of `lower`, the lower-cased view (`Text::lower`: the same offsets), which the cue
/// patterns are written for.
fn cues_in(lex: &Lexicon, lower: &str, s: usize, e: usize) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    // the cues that can match here, found in one pass; each then searched as written
    let can = lex.cue_prefilter.candidates(&lower[s..e]);
    for c in lex.cues.iter().zip(can).filter(|x| x.1).map(|x| x.0) {
        for m in c.re.find_iter(&lower[s..e]) {
            let (ms, me) = (s + m.start(), s + m.end());
            if out.iter().any(|o| o.start < me && ms < o.end) {
                continue;
            }
            out.push(Cue {
                start: ms,
                end: me,
                class: c.class,
                event_type: c.event_type.clone(),
                sub_event_type: c.sub_event_type.clone(),
                context: c.context,
            });
        }
    }
    out.sort_by_key(|c| c.start);
    out
}

/// Sides in the conflict: affiliation counts of armed forces and states mentioned.
fn sides(doc: &Doc) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for m in &doc.actor_mentions {
        let a = &doc.actors[m.actor];
        if matches!(
            a.kind,
            ActorKind::ArmedForces | ActorKind::State | ActorKind::ArmedGroup
        ) {
            if let Some(aff) = &a.affiliation {
                *counts.entry(aff.clone()).or_default() += 1;
            }
        }
    }
    for m in &doc.place_mentions {
        if m.kind == MentionKind::Demonym {
            if let Some(c) = &doc.places[m.place].resolved {
                *counts.entry(c.country_code.clone()).or_default() += 1;
            }
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().take(2).map(|x| x.0).collect()
}

fn opposing(sides: &[String], side: &str) -> Option<String> {
    if sides.len() == 2 && sides.iter().any(|s| s == side) {
        sides.iter().find(|s| *s != side).cloned()
    } else {
        None
    }
}

impl Mention {
    fn denial(
        source: Option<usize>,
        evidence: (usize, usize),
        cue: (usize, usize),
        trigger: String,
    ) -> Mention {
        Mention {
            cue,
            class: None,
            event_type: String::new(),
            sub_event_type: String::new(),
            trigger,
            actor1: None,
            actor2: None,
            place: None,
            place_precision: 0,
            date: None,
            time_precision: None,
            fatalities: None,
            evidence,
            source,
            hedge: None,
            denies: true,
            anaphoric: false,
            weapon: None,
            actor1_inferred: false,
        }
    }

    fn is_denial(&self) -> bool {
        self.class.is_none()
    }
}

struct Mention {
    /// The outcome class of the cue; none for a denial of an earlier report ("The ministry denied the report.").
    class: Option<Outcome>,
    event_type: String,
    sub_event_type: String,
    trigger: String,
    actor1: Option<usize>,
    actor2: Option<usize>,
    place: Option<usize>,
    place_precision: u8,
    date: Option<String>,
    time_precision: Option<u8>,
    fatalities: Option<u64>,
    evidence: (usize, usize),
    /// Where the cue stands (the statement it is told in holds it).
    cue: (usize, usize),
    source: Option<usize>,
    hedge: Option<String>,
    denies: bool,
    anaphoric: bool,
    weapon: Option<(String, String)>,
    /// actor1 was not stated in the clause but carried over from the discourse.
    actor1_inferred: bool,
}

pub fn extract(doc: &mut Doc, gaz: &Gazetteer) {
    let er = &doc.rules.events;
    let view = doc.view();
    let rules = doc.rules;
    let lex = &rules.lexicon;
    let sides = sides(doc);
    let sentences: Vec<(usize, usize, usize)> = doc
        .text
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.start, s.end))
        .collect();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut last_attacker: Option<usize> = None;
    let in_doc = context_counts(doc, lex, 0, view.len());
    let (doc_mil, doc_vio) = (in_doc.military, in_doc.violence);
    let violent_report = in_doc.means >= 2 || in_doc.military >= 2;
    let disaster_report = in_doc.means < 2 && relevance::disaster_report(doc);
    // a report that is only a headline (a feed title, a message of one unpunctuated line) is read as its body
    let headline_only = !doc
        .text
        .paragraphs
        .iter()
        .any(|p| p.kind == ParagraphKind::Body);
    for &(si, ss, se) in &sentences {
        let pk = doc.text.paragraphs[doc.text.sentences[si].paragraph].kind;
        let read = pk == ParagraphKind::Body || headline_only && pk == ParagraphKind::Headline;
        if !read {
            continue;
        }
        let mut cues = cues_in(lex, doc.text.lower(), ss, se);
        trace_cues("found", &cues, &view[ss..se]);
        if cues.is_empty() {
            // "The ministry denied the report.": a denial of the last event told
            if let Some(d) = er.patterns.denial.find(&view[ss..se]) {
                let source = subject_before(doc, ss, ss + d.start()).map(|x| x.2);
                if source.is_some() {
                    mentions.push(Mention::denial(
                        source,
                        (ss, se),
                        (ss + d.start(), ss + d.end()),
                        view[ss + d.start()..ss + d.end()].to_string(),
                    ));
                }
            }
            continue;
        }
        // broad cues count only where armed conflict is in view (sentence or report)
        let in_sentence = context_counts(doc, lex, ss, se);
        let (s_mil, s_vio) = (in_sentence.military, in_sentence.violence);
        // (the police are state forces, but police alone do not make a robbery or a fire an armed act)
        let armed_here = s_mil > 0
            || doc.actors_within(ss, se).any(|m| {
                let a = &doc.actors[m.actor];
                matches!(a.kind, ActorKind::ArmedForces | ActorKind::ArmedGroup)
                    && a.role.as_deref() != Some("police")
            });
        // a political word in the sentence: read once, by the strategic cues and by the relevance gate
        let political_words = er.taxonomy.political(&view[ss..se].to_ascii_lowercase());
        let political = political_words
            && cues
                .iter()
                .any(|c| c.context == CueContext::Armed || c.class == Outcome::Strategic);
        // a cue of violence of any kind, before the rules below weigh it ("looted in xenophobic attacks")
        let violent_cue = cues.iter().any(|c| {
            matches!(
                c.class,
                Outcome::Attack
                    | Outcome::Clash
                    | Outcome::Civilian
                    | Outcome::Riot
                    | Outcome::Shelling
                    | Outcome::Air
                    | Outcome::Explosive
            )
        });
        cues.retain(|c| match c.class {
            Outcome::Attack | Outcome::Kill | Outcome::Civilian => {
                armed_here || s_vio > 0 || doc_mil + doc_vio >= 2
            }
            Outcome::Clash | Outcome::Gain | Outcome::Repelled | Outcome::Defeat => {
                armed_here || doc_mil >= 2 || c.class == Outcome::Clash && s_vio > 0
            }
            Outcome::Shelling | Outcome::Air | Outcome::Explosive => true,
            Outcome::Protest | Outcome::Riot => true,
            Outcome::Strategic => {
                armed_here
                    || political
                    || c.context == CueContext::Any
                    || c.context == CueContext::Violence && (s_vio > 0 || violent_cue)
            }
        });
        // column 5 of event_cues.tsv: cues that need an armed actor, a military or a political word
        cues.retain(|c| c.context != CueContext::Armed || armed_here || political);
        trace_cues("kept by context", &cues, &view[ss..se]);
        // (settling changes nothing in a sentence of one cue: no copy there)
        let before_settling = if cues.len() > 1 {
            cues.clone()
        } else {
            Vec::new()
        };
        er.taxonomy.settle(&mut cues);
        trace_cues("settled", &cues, &view[ss..se]);
        if cues.is_empty() {
            continue;
        }
        // a generic cue yields to a specific cue of violence ("attacked ... with artillery"); a strategic
        // development told beside it is another happening ("shot dead by police, had pledged allegiance")
        let specific_violence = |c: &Cue| !er.is_generic(c.class) && c.class != Outcome::Strategic;
        if cues.iter().any(specific_violence) {
            cues.retain(|c| !er.is_generic(c.class));
        } else {
            // of the generic cues, the first
            let mut first = true;
            cues.retain(|c| !er.is_generic(c.class) || std::mem::take(&mut first));
        }
        // one event per class in a sentence: the first cue of the class the gate lets through
        let mut seen_class: Vec<Outcome> = Vec::new();
        let in_view = InView {
            armed: armed_here,
            political: political_words,
            violent_report,
            disaster_report,
        };
        // when the gate turns away every cue precedence kept, one of them as the grounds of another act ("arrested
        // ... in connection with the bombing"), the specific cues it outranked are read instead (the arrest)
        let kept: Vec<(usize, usize)> = cues.iter().map(|c| (c.start, c.end)).collect();
        let outranked: Vec<Cue> = before_settling
            .into_iter()
            .filter(|c| !kept.contains(&(c.start, c.end)) && !er.is_generic(c.class))
            .collect();
        let told_before = mentions.len();
        let mut grounds = false;
        let mut outranked = Some(outranked);
        let mut pass = Some(cues);
        while let Some(list) = pass.take() {
            for cue in list {
                if seen_class.contains(&cue.class) {
                    continue;
                }
                let class = cue.class;
                let told = mention_for(doc, gaz, &sides, &in_view, cue, si, ss, se);
                if matches!(told, Err(Some(relevance::Reason::Grounds))) {
                    grounds = true;
                }
                if let Ok(mut m) = told {
                    seen_class.push(class);
                    // fighting with no stated side: the side that was last said to be attacking keeps the initiative
                    if m.actor1.is_none() && m.class == Some(Outcome::Clash) {
                        m.actor1 = last_attacker;
                        m.actor1_inferred = m.actor1.is_some();
                    }
                    if matches!(
                        m.class,
                        Some(Outcome::Clash | Outcome::Gain | Outcome::Repelled)
                    ) && m.actor1.is_some()
                    {
                        last_attacker = m.actor1;
                    }
                    mentions.push(m);
                }
            }
            if mentions.len() == told_before && grounds {
                pass = outranked.take();
            }
        }
    }
    // the victims' and attackers' mentions (events/victims.rs, events/perpetrators.rs), merged in once
    crate::actors::flush_mentions(doc);
    merge(doc, mentions);
    inter::code(doc);
    contradictions(doc);
    for i in 0..doc.claims.len() {
        doc.claims[i].verification = verification(doc, i);
    }
}

/// With `SITREP_GATE_DEBUG` set, the cues of a sentence at each step (for tuning the cue tables).
fn trace_cues(step: &str, cues: &[Cue], sentence: &str) {
    if !cues.is_empty() && std::env::var_os("SITREP_GATE_DEBUG").is_some() {
        let names: Vec<String> = cues
            .iter()
            .map(|c| format!("{}:{}", c.class.as_str(), c.sub_event_type))
            .collect();
        eprintln!("CUES {step} {names:?} {sentence}");
    }
}

/// What the sentence of a cue holds that the relevance gate weighs.
struct InView {
    /// An armed actor or a military word.
    armed: bool,
    /// A political word (`lists/political_words.txt`).
    political: bool,
    /// The report tells of armed people or means of violence (two words or more of either).
    violent_report: bool,
    /// The report is about a disaster or an epidemic and tells of nothing armed (`relevance::disaster_report`).
    disaster_report: bool,
}

#[allow(clippy::too_many_arguments)]
fn mention_for(
    doc: &mut Doc,
    gaz: &Gazetteer,
    sides: &[String],
    in_view: &InView,
    cue: Cue,
    si: usize,
    ss: usize,
    se: usize,
) -> Result<Mention, Option<relevance::Reason>> {
    let er = &doc.rules.events;
    let view = doc.view();
    let Attribution {
        mut source,
        clause_start,
        clause_end,
    } = attribution::of_cue(doc, (ss, se), (cue.start, cue.end));
    let quote = doc.text.quote_at(cue.start).copied();
    let sent_lower = view[ss..se].to_ascii_lowercase();
    if sent_lower.contains("each other") || sent_lower.contains("one another") {
        // "X and Y accused each other of shelling": neither side's claim can be told apart here
        return Err(None);
    }
    let trigger = view[cue.start..cue.end].to_string();
    let before_cue = &view[clause_start..cue.start];
    let anaphoric = matches!(
        cue.class.as_str(),
        "attack" | "shelling" | "air" | "explosive" | "clash"
    ) && er
        .patterns
        .anaphor
        .is_match(&before_cue.to_ascii_lowercase())
        && !trigger.contains(' ');
    let before_plain = before_cue.replace('"', "");
    let first_word = trigger.split(' ').next().unwrap_or("");
    let passive_tail = format!("{} ", before_plain.trim_end());
    let passive = er.patterns.passive.is_match(&passive_tail) && !first_word.ends_with("ing")
        || trigger.starts_with("being ")
        || trigger.contains(" been ")
        || trigger.starts_with("was ")
        || trigger.starts_with("were ");
    let denies = er.patterns.negation.is_match(before_cue);
    let mut cue = cue;
    if passive && cue.class == Outcome::Gain && trigger.ends_with("back") {
        // "the enemy was pushed back": the attacker failed
        cue.class = Outcome::Repelled;
        cue.sub_event_type = "Armed clash".into();
    }

    let clause = Clause {
        sentence: (ss, se),
        clause: (clause_start, clause_end),
        cue: &cue,
        trigger: &trigger,
        passive,
        in_quote: quote.is_some(),
    };
    let best = place::of_clause(
        doc,
        (ss, se),
        (clause_start, clause_end),
        (cue.start, cue.end),
    );
    let context = relevance::Context {
        armed: in_view.armed,
        political: in_view.political,
        violent_report: in_view.violent_report,
        disaster_report: in_view.disaster_report,
        violence_besides_cue: relevance::violence_outside(doc, (ss, se), (cue.start, cue.end)),
    };
    if let Some(r) = relevance::turned_away(doc, &clause, &context, best.map(|b| b.2)) {
        if std::env::var_os("SITREP_GATE_DEBUG").is_some() {
            eprintln!("GATE {r:?} [{}] {}", trigger, &view[ss..se]);
        }
        return Err(Some(r));
    }
    let (date, time_precision, dated_in_text) = date::of_cue(doc, (ss, se), cue.start);
    if relevance::dated_as_history(doc, date.as_deref(), dated_in_text) {
        if std::env::var_os("SITREP_GATE_DEBUG").is_some() {
            eprintln!("GATE History [{}] {}", trigger, &view[ss..se]);
        }
        return Err(Some(relevance::Reason::History));
    }
    let country = best
        .and_then(|b| doc.places[b.2].resolved.as_ref())
        .map(|r| r.country_code.clone());
    let (actor1, mut actor2) =
        roles::of_clause(doc, gaz, sides, &clause, &mut source, country.as_deref());
    let mut retyped = None;
    if let Some(v) = victims_as_target(doc, gaz, &clause, country.as_deref(), actor2) {
        if Some(v) != actor1 {
            actor2 = Some(v);
        }
        // an armed actor's violence against civilians ("soldiers killed three villagers")
        if doc.actors[v].kind == ActorKind::Civilians {
            retyped = er
                .taxonomy
                .against_civilians(cue.class, &cue.sub_event_type);
        }
    }
    // a source who is also the actor ("Ukrainian troops claim control")
    if source.is_none() && trigger.to_ascii_lowercase().starts_with("claim") {
        source = actor1;
    }

    let sent = &view[ss..se];
    let fatalities = fatalities_in(er, sent);
    // weapons settle generic cues
    let lex = &doc.rules.lexicon;
    let weapon = lex
        .weapons
        .iter()
        .find(|w| w.re.is_match(&doc.text.lower()[ss..se]))
        .map(|w| (w.event_type.clone(), w.sub_event_type.clone()));
    let hedge = hedge_of(doc, si, (ss, se), &sent_lower);
    let (place_precision, place) = best.map(|b| (b.0, Some(b.2))).unwrap_or((0, None));
    let (event_type, sub_event_type) =
        retyped.unwrap_or((cue.event_type.clone(), cue.sub_event_type.clone()));
    Ok(Mention {
        class: Some(cue.class),
        event_type,
        sub_event_type,
        trigger,
        actor1,
        actor2,
        place,
        place_precision,
        date,
        time_precision,
        fatalities,
        evidence: (ss, se),
        cue: (cue.start, cue.end),
        source,
        hedge,
        denies,
        anaphoric,
        weapon,
        actor1_inferred: false,
    })
}

/// The victims the clause names ("killing three civilians"), as the event's target when the clause names no
/// armed one: not for demonstrations and strategic developments; for battles only fighters (civilians caught
/// in a battle are not its target). The victims' mentions are kept either way.
fn victims_as_target(
    doc: &mut Doc,
    gaz: &Gazetteer,
    c: &Clause,
    country: Option<&str>,
    actor2: Option<usize>,
) -> Option<usize> {
    let class = c.cue.class;
    if matches!(class, Outcome::Protest | Outcome::Riot | Outcome::Strategic) {
        return None;
    }
    let battle = matches!(
        class,
        Outcome::Clash | Outcome::Gain | Outcome::Repelled | Outcome::Defeat
    );
    let victims = victims::of_clause(
        doc,
        gaz,
        c.clause,
        (c.cue.start, c.cue.end),
        country,
        battle,
    );
    let armed_target = actor2.is_some_and(|a| {
        matches!(
            doc.actors[a].kind,
            ActorKind::ArmedForces | ActorKind::ArmedGroup | ActorKind::State
        )
    });
    victims.filter(|_| !armed_target)
}

/// The fatalities a sentence states ("killed 12", "two soldiers died").
fn fatalities_in(er: &EventRules, sent: &str) -> Option<u64> {
    er.patterns
        .killed_n
        .captures(sent)
        .and_then(|c| number_of(er, &c[1]))
        .or_else(|| {
            er.patterns
                .n_killed
                .captures(sent)
                .and_then(|c| number_of(er, &c[1]))
        })
}

/// The hedge of a claim: a hedge phrase of the sentence `[ss, se)` (not inside a quoted word), or of the next
/// sentence when it holds no cue of its own or the hedge is one that qualifies the sentence before.
fn hedge_of(doc: &Doc, si: usize, (ss, se): (usize, usize), sent_lower: &str) -> Option<String> {
    let lex = &doc.rules.lexicon;
    let view = doc.view();
    // hedges: in the sentence, or the next sentence for "next" hedges
    let next = doc
        .text
        .sentences
        .get(si + 1)
        .map(|s| view[s.start..s.end].to_ascii_lowercase())
        .unwrap_or_default();
    let next_has_no_cue = doc
        .text
        .sentences
        .get(si + 1)
        .is_some_and(|s| cues_in(lex, doc.text.lower(), s.start, s.end).is_empty());
    lex.hedges
        .iter()
        .find(|h| {
            let next_is_meta = next_has_no_cue && contains_phrase(&next, &h.phrase);
            if h.next_sentence {
                contains_phrase(&next, &h.phrase) || contains_phrase(sent_lower, &h.phrase)
            } else if next_is_meta && h.phrase.contains(' ') {
                true
            } else {
                contains_phrase(&view[ss..se].to_ascii_lowercase(), &h.phrase)
                    && !inside_quote_word(doc, ss, se, &h.phrase)
            }
        })
        .map(|h| h.phrase.clone())
}

/// Conflict words of a span: military words, violence words (armed actors' own words included), and among
/// the violence words those that name a means or an act of violence rather than a bare harm ("shelling", not
/// "blast").
#[derive(Default, Clone, Copy)]
struct ConflictWords {
    military: usize,
    violence: usize,
    means: usize,
}

/// The conflict words of `view[s..e]`.
fn context_counts(doc: &Doc, lex: &Lexicon, s: usize, e: usize) -> ConflictWords {
    let lower = doc.text.lower();
    let mut c = ConflictWords::default();
    for (ts, te) in words(doc.text, s, e) {
        let w = &lower[ts..te];
        if w.len() > 20 {
            continue;
        }
        if lex.military_words.contains(w) {
            c.military += 1;
        } else if lex.violence_words.contains(w) {
            c.violence += 1;
            c.means += usize::from(!lex.harm_words.contains(w));
        }
    }
    c
}

fn find_word(hay: &str, w: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay[from..].find(w) {
        let s = from + i;
        let e = s + w.len();
        let ok_b = s == 0 || !hay.as_bytes()[s - 1].is_ascii_alphanumeric();
        let ok_a = e >= hay.len() || !hay.as_bytes()[e].is_ascii_alphanumeric();
        if ok_b && ok_a {
            return Some(s);
        }
        from = e;
    }
    None
}

fn contains_phrase(hay: &str, phrase: &str) -> bool {
    find_word(hay, phrase).is_some()
}

/// True when every occurrence of `phrase` in the sentence is inside quotation marks.
fn inside_quote_word(doc: &Doc, ss: usize, se: usize, phrase: &str) -> bool {
    let lower = doc.view()[ss..se].to_ascii_lowercase();
    match find_word(&lower, phrase) {
        Some(i) => doc.text.quote_at(ss + i).is_some(),
        None => false,
    }
}

/// Outcome classes as reports of one event are matched: every kind of strike or violence is one family.
#[derive(PartialEq)]
enum Family {
    Violence,
    Other(Outcome),
}

fn family(class: Outcome) -> Family {
    match class {
        Outcome::Shelling
        | Outcome::Air
        | Outcome::Explosive
        | Outcome::Attack
        | Outcome::Kill
        | Outcome::Civilian => Family::Violence,
        c => Family::Other(c),
    }
}

/// Outcomes that cannot both hold, claimed by opposing sides.
fn contradictions(doc: &mut Doc) {
    let n = doc.events.len();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    // where each event is first told: claims far apart in a long text are about different moments
    let told: Vec<usize> = doc
        .events
        .iter()
        .map(|e| {
            e.evidence
                .first()
                .and_then(|ev| doc.text.sentence_at(ev.0))
                .unwrap_or(0)
        })
        .collect();
    for a in 0..n {
        for b in a.saturating_sub(WINDOW)..(a + WINDOW).min(n) {
            if a == b || told[a].abs_diff(told[b]) > MAX_SENTENCES_APART {
                continue;
            }
            let (ea, eb) = (&doc.events[a], &doc.events[b]);
            let same_place = ea.place.is_some() && ea.place == eb.place;
            let side = |x: Option<usize>| doc.side_of(x).map(str::to_string);
            let conflict = match (ea.class, eb.class) {
                // a claimed gain against a claim that the same side's attacks there (or everywhere) failed
                (Outcome::Gain, Outcome::Repelled) => {
                    side(ea.actor1).is_some()
                        && side(ea.actor1) == side(eb.actor1)
                        && (same_place || eb.place.is_none())
                }
                // a claimed gain against a claim that the same side's troops there are being destroyed
                (Outcome::Gain, Outcome::Defeat) => {
                    same_place
                        && side(ea.actor1).is_some()
                        && (side(ea.actor1) == side(eb.actor2)
                            || side(eb.actor1).is_some() && side(ea.actor1) != side(eb.actor1))
                }
                // each side blames the other for the same strike
                _ if a < b
                    && family(ea.class) == Family::Violence
                    && family(eb.class) == Family::Violence =>
                {
                    same_place
                        && side(ea.actor1).is_some()
                        && side(eb.actor1).is_some()
                        && side(ea.actor1) != side(eb.actor1)
                }
                _ => false,
            };
            if conflict {
                pairs.push((a, b));
            }
        }
    }
    for (a, b) in pairs {
        let ca = doc.events[a].claims.clone();
        let cb = doc.events[b].claims.clone();
        for &x in &ca {
            for &y in &cb {
                let sx = doc.side_of(doc.claims[x].source).map(str::to_string);
                let sy = doc.side_of(doc.claims[y].source).map(str::to_string);
                if sx.is_some() && sy.is_some() && sx != sy {
                    if !doc.claims[x].contradicts.contains(&y) {
                        doc.claims[x].contradicts.push(y);
                    }
                    if !doc.claims[y].contradicts.contains(&x) {
                        doc.claims[y].contradicts.push(x);
                    }
                }
            }
        }
    }
    // a denial and an assertion of the same event
    for e in 0..n {
        let cl = doc.events[e].claims.clone();
        for &x in &cl {
            for &y in &cl {
                if x != y
                    && doc.claims[x].denies != doc.claims[y].denies
                    && !doc.claims[x].contradicts.contains(&y)
                {
                    doc.claims[x].contradicts.push(y);
                }
            }
        }
    }
}

/// The verification of a claim, from its hedge, contradictions and the other claims of its event (set on every
/// claim once the contradictions are known).
fn verification(doc: &Doc, claim: usize) -> Verification {
    let c = &doc.claims[claim];
    if !c.contradicts.is_empty() {
        return Verification::Disputed;
    }
    if c.hedge.is_some() {
        return Verification::Unconfirmed;
    }
    let my_side = doc.side_of(c.source);
    let others = doc.events[c.event]
        .claims
        .iter()
        .filter(|&&o| o != claim)
        .any(|&o| {
            let oc = &doc.claims[o];
            oc.source.is_some()
                && oc.source != c.source
                && !oc.denies
                && (my_side.is_none() || doc.side_of(oc.source) != my_side)
        });
    if others && c.source.is_some() {
        Verification::Corroborated
    } else {
        Verification::SingleSource
    }
}

mod date;
mod inter;
pub use inter::ActorTypes;
mod merge;
use merge::merge;
mod perpetrators;
mod place;
mod relevance;
mod roles;
mod taxonomy;
mod victims;

#[cfg(test)]
mod acled_tests;
#[cfg(test)]
mod inter_tests;
#[cfg(test)]
mod relevance_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod victims_tests;
