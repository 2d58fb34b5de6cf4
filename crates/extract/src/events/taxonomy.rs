//! ACLED's taxonomy and the precedence between the cues of one sentence, as data.
//!
//! Reads: `acled_taxonomy.tsv` (disorder type, event type, sub-event type: every cue and weapon row must name one
//! of its rows), `lists/event_combinations.tsv` (two sub-types told in one sentence that are one event of a third:
//! "protesters" and "arrested" are a protest with intervention), `lists/event_precedence.tsv` (ordered sub-types:
//! a cue of a listed sub-type removes the cues of the sentence listed below it, or every other cue when its scope
//! is `all`), `lists/against_civilians.tsv` (the sub-type of a generic cue whose victims are civilians: "soldiers
//! killed three villagers" is an Attack) and `lists/political_words.txt` (words that make an arrest or a strategic development political
//! where no armed actor is in view).

use super::Cue;
use crate::rules::{DataFiles, RulesError};
use sitrep_ledger::{DisorderType, Outcome};

const TAXONOMY: &str = "acled_taxonomy.tsv";
const COMBINATIONS: &str = "lists/event_combinations.tsv";
const PRECEDENCE: &str = "lists/event_precedence.tsv";
const POLITICAL: &str = "lists/political_words.txt";
const AGAINST_CIVILIANS: &str = "lists/against_civilians.tsv";

struct Combination {
    /// The sub-event type of the first cue.
    a: String,
    /// The second cue: its sub-event type, or its class.
    b: CueKey,
    sub_event_type: String,
    class: Outcome,
}

/// How a combination names its second cue.
enum CueKey {
    SubType(String),
    Class(Outcome),
}

impl CueKey {
    fn matches(&self, c: &Cue) -> bool {
        match self {
            CueKey::SubType(s) => c.sub_event_type == *s,
            CueKey::Class(k) => c.class == *k,
        }
    }
}

pub struct Taxonomy {
    /// (disorder type, event type, sub-event type)
    rows: Vec<(DisorderType, String, String)>,
    combinations: Vec<Combination>,
    /// (sub-event type, removes every other cue of the sentence)
    precedence: Vec<(String, bool)>,
    political: Vec<String>,
    /// (cue class, sub-event type of the cue, sub-event type with civilian victims)
    against_civilians: Vec<(Outcome, String, String)>,
}

fn columns(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

impl Taxonomy {
    pub fn load(files: &DataFiles) -> Result<Self, RulesError> {
        let mut rows = Vec::new();
        for (n, l) in files.lines(TAXONOMY)? {
            let c = columns(&l);
            if c.len() < 3 {
                return Err(files.error(TAXONOMY, n, "3 columns are needed".into()));
            }
            let d: DisorderType = c[0]
                .parse()
                .map_err(|e| files.error(TAXONOMY, n, format!("{e}")))?;
            rows.push((d, c[1].to_string(), c[2].to_string()));
        }
        let t = Taxonomy {
            rows,
            combinations: Vec::new(),
            precedence: Vec::new(),
            political: files.list(POLITICAL)?,
            against_civilians: Vec::new(),
        };
        let known = |name: &str, n: usize, sub: &str| -> Result<(), RulesError> {
            if t.rows.iter().any(|r| r.2 == sub) {
                Ok(())
            } else {
                Err(files.error(
                    name,
                    n,
                    format!("'{sub}' is not a sub-event type of {TAXONOMY}"),
                ))
            }
        };
        // every cue and weapon row names a type and sub-type of the taxonomy
        for (name, et, st) in [("event_cues.tsv", 2, 3), ("weapons.tsv", 1, 2)] {
            for (n, l) in files.lines(name)? {
                let c = columns(&l);
                let (Some(e), Some(s)) = (c.get(et), c.get(st)) else {
                    continue;
                };
                known(name, n, s)?;
                if !t.rows.iter().any(|r| r.1 == *e && r.2 == *s) {
                    return Err(files.error(
                        name,
                        n,
                        format!("'{s}' is not a sub-event type of '{e}' in {TAXONOMY}"),
                    ));
                }
            }
        }
        let mut combinations = Vec::new();
        for (n, l) in files.lines(COMBINATIONS)? {
            let c = columns(&l);
            if c.len() < 4 {
                return Err(files.error(COMBINATIONS, n, "4 columns are needed".into()));
            }
            // column 2 may name a cue class instead ("kill": any death or injury told beside the first cue)
            let b = match c[1].parse::<Outcome>() {
                Ok(class) => CueKey::Class(class),
                Err(_) => {
                    known(COMBINATIONS, n, c[1])?;
                    CueKey::SubType(c[1].to_string())
                }
            };
            known(COMBINATIONS, n, c[0])?;
            known(COMBINATIONS, n, c[2])?;
            combinations.push(Combination {
                a: c[0].to_string(),
                b,
                sub_event_type: c[2].to_string(),
                class: c[3]
                    .parse()
                    .map_err(|e| files.error(COMBINATIONS, n, format!("{e}")))?,
            });
        }
        let mut precedence = Vec::new();
        for (n, l) in files.lines(PRECEDENCE)? {
            let c = columns(&l);
            known(PRECEDENCE, n, c[0])?;
            let all = match c.get(1).copied() {
                Some("all") => true,
                Some("listed") | None => false,
                Some(x) => {
                    return Err(files.error(PRECEDENCE, n, format!("scope '{x}': all or listed")))
                }
            };
            precedence.push((c[0].to_string(), all));
        }
        let mut against_civilians = Vec::new();
        for (n, l) in files.lines(AGAINST_CIVILIANS)? {
            let c = columns(&l);
            if c.len() < 3 {
                return Err(files.error(AGAINST_CIVILIANS, n, "3 columns are needed".into()));
            }
            for s in &c[1..3] {
                known(AGAINST_CIVILIANS, n, s)?;
            }
            let class = c[0]
                .parse()
                .map_err(|e| files.error(AGAINST_CIVILIANS, n, format!("{e}")))?;
            against_civilians.push((class, c[1].to_string(), c[2].to_string()));
        }
        Ok(Taxonomy {
            combinations,
            precedence,
            against_civilians,
            ..t
        })
    }

    /// ACLED's disorder type of a sub-event type.
    pub fn disorder_of(&self, sub_event_type: &str) -> Option<DisorderType> {
        self.rows
            .iter()
            .find(|r| r.2 == sub_event_type)
            .map(|r| r.0)
    }

    /// The (event type, sub-event type) of a cue of `class` and `sub_event_type` whose victims are civilians,
    /// when `lists/against_civilians.tsv` changes it.
    pub(super) fn against_civilians(
        &self,
        class: Outcome,
        sub_event_type: &str,
    ) -> Option<(String, String)> {
        let (_, _, to) = self
            .against_civilians
            .iter()
            .find(|r| r.0 == class && r.1 == sub_event_type)?;
        Some((self.event_type_of(to)?.to_string(), to.clone()))
    }

    fn event_type_of(&self, sub_event_type: &str) -> Option<&str> {
        self.rows
            .iter()
            .find(|r| r.2 == sub_event_type)
            .map(|r| r.1.as_str())
    }

    /// A political word in the (lower-cased) sentence.
    pub fn political(&self, lower: &str) -> bool {
        self.political
            .iter()
            .any(|w| super::contains_phrase(lower, w))
    }

    /// The cues of one sentence as the codebook's precedence reads them: combinations first (the earlier cue of
    /// the pair takes the combined sub-type, the later one is dropped), then the ordered precedence list.
    pub(super) fn settle(&self, cues: &mut Vec<Cue>) {
        if cues.len() < 2 {
            return;
        }
        for c in &self.combinations {
            loop {
                let ia = cues.iter().position(|x| x.sub_event_type == c.a);
                let ib = cues
                    .iter()
                    .enumerate()
                    .position(|(i, x)| Some(i) != ia && c.b.matches(x));
                let (Some(ia), Some(ib)) = (ia, ib) else {
                    break;
                };
                // a pair of sub-types keeps the earlier cue; a sub-type with a cue class keeps the sub-type's cue
                let (keep, drop) = match c.b {
                    CueKey::Class(_) => (ia, ib),
                    CueKey::SubType(_) if ia < ib => (ia, ib),
                    CueKey::SubType(_) => (ib, ia),
                };
                let k = &mut cues[keep];
                k.sub_event_type = c.sub_event_type.clone();
                if let Some(et) = self.event_type_of(&c.sub_event_type) {
                    k.event_type = et.to_string();
                }
                k.class = c.class;
                cues.remove(drop);
            }
        }
        let rank = |c: &Cue| self.precedence.iter().position(|p| p.0 == c.sub_event_type);
        let Some((top, all)) = cues
            .iter()
            .filter_map(rank)
            .min()
            .map(|r| (r, self.precedence[r].1))
        else {
            return;
        };
        cues.retain(|c| match rank(c) {
            Some(r) => r <= top,
            None => !all,
        });
    }
}
