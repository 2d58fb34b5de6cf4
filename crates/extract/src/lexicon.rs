//! The shared lexicons: known actors (`actors.tsv`), speech verbs (`speech_verbs.txt`), given names
//! (`given_names.tsv`), role words (`roles.txt`), hedges (`hedges.tsv`), event cues (`event_cues.tsv`), weapons
//! (`weapons.tsv`), modality words (`modality.txt`), conflict context words (`conflict_context.tsv`) and stop
//! names (`stop_names.txt`), all in `crates/extract/data/`. Part of [`crate::rules::Rules`]; writes no layer.

use crate::rules::{DataFiles, RulesError};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use sitrep_ledger::{ActorKind, Outcome};

pub struct KnownActor {
    pub name: String,
    pub kind: ActorKind,
    pub affiliation: Option<String>,
    pub role: Option<String>,
}

pub struct EventCue {
    pub re: Regex,
    pub class: Outcome,
    pub event_type: String,
    pub sub_event_type: String,
    /// Column 5: the context the cue needs (`armed`, `any`; none: its class's).
    pub context: CueContext,
}

/// The context an event cue needs to count (`event_cues.tsv` column 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueContext {
    /// Its outcome class's rule (events::extract).
    Class,
    /// An armed actor, a military word or a political word in its sentence.
    Armed,
    /// None: the cue names a weapon of war.
    Any,
    /// An armed actor, a military word, a political word, a word of violence or another cue of violence in its
    /// sentence ("shops were looted in xenophobic attacks"; not "shops were looted after the hurricane").
    Violence,
}

pub struct Weapon {
    pub re: Regex,
    pub event_type: String,
    pub sub_event_type: String,
}

/// Which event cues can match a text: an Aho-Corasick automaton (ASCII case-insensitive) over the
/// literal prefixes that every match of a cue starts with. A cue with no such prefixes always runs. Cues are
/// matched without case folding on the lower-cased view (`Text::lower`), so the automaton is exact on any text.
pub struct CuePrefilter {
    ac: aho_corasick::AhoCorasick,
    /// The cue of each automaton pattern.
    cue_of: Vec<usize>,
    always: Vec<usize>,
    cues: usize,
}

impl CuePrefilter {
    fn new(patterns: &[String]) -> Result<CuePrefilter, String> {
        use regex_syntax::hir::literal::{ExtractKind, Extractor};
        let (mut lits, mut cue_of, mut always) = (Vec::new(), Vec::new(), Vec::new());
        for (i, p) in patterns.iter().enumerate() {
            let hir = regex_syntax::parse(&format!("(?:{p})")).map_err(|e| e.to_string())?;
            let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
            match seq.literals() {
                Some(ls)
                    if p.is_ascii()
                        && !ls.is_empty()
                        && ls.iter().all(|l| !l.as_bytes().is_empty()) =>
                {
                    for l in ls {
                        lits.push(l.as_bytes().to_vec());
                        cue_of.push(i);
                    }
                }
                _ => always.push(i),
            }
        }
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&lits)
            .map_err(|e| e.to_string())?;
        Ok(CuePrefilter {
            ac,
            cue_of,
            always,
            cues: patterns.len(),
        })
    }

    /// For each cue, whether it can match in `hay` (false only where it cannot).
    pub fn candidates(&self, hay: &str) -> Vec<bool> {
        let mut can = vec![false; self.cues];
        for &i in &self.always {
            can[i] = true;
        }
        for m in self.ac.find_overlapping_iter(hay) {
            can[self.cue_of[m.pattern().as_usize()]] = true;
        }
        can
    }
}

pub struct Hedge {
    pub phrase: String,
    pub next_sentence: bool,
}

pub struct Lexicon {
    pub actors: Vec<KnownActor>,
    /// alias (as written) -> index into `actors`; includes canonical names and surnames.
    pub actor_aliases: Vec<(String, usize)>,
    pub speech_verbs: FxHashSet<String>,
    pub given_names: FxHashMap<String, char>,
    /// Role words, longest first.
    pub roles: Vec<String>,
    pub hedges: Vec<Hedge>,
    pub cues: Vec<EventCue>,
    /// The cues that can match a sentence, found in one pass (see `events::cues_in`).
    pub cue_prefilter: CuePrefilter,
    pub weapons: Vec<Weapon>,
    pub modality: Vec<String>,
    /// Words of armed conflict: armed people and operations.
    pub military_words: FxHashSet<String>,
    /// Words of armed conflict: weapons, their use and their effects.
    pub violence_words: FxHashSet<String>,
    /// The violence words that name an effect with no armed cause of its own ("blast", "injured").
    pub harm_words: FxHashSet<String>,
    pub stop_names: FxHashSet<String>,
}

/// A cue or weapon pattern, matched on whole words of the lower-cased view: so it must be written in lower case
/// (an upper-case letter would never match; escapes such as `\W` aside).
fn word_regex(
    files: &DataFiles,
    file: &str,
    line: usize,
    pattern: &str,
) -> Result<Regex, RulesError> {
    let unescaped = pattern.split('\\').enumerate().map(|(i, part)| {
        if i == 0 {
            part
        } else {
            part.get(1..).unwrap_or("")
        }
    });
    if unescaped.clone().any(|p| p.chars().any(char::is_uppercase)) {
        let message = format!(
            "pattern {pattern}: write it in lower case (cues are matched on lower-cased text)"
        );
        return Err(files.error(file, line, message));
    }
    crate::rules::compile_cue(&format!(r"\b(?:{pattern})\b"))
        .map_err(|e| files.error(file, line, format!("bad pattern {pattern}: {e}")))
}

fn column<'a>(
    files: &DataFiles,
    file: &str,
    line: usize,
    f: &[&'a str],
    i: usize,
) -> Result<&'a str, RulesError> {
    f.get(i)
        .copied()
        .ok_or_else(|| files.error(file, line, format!("column {} is missing", i + 1)))
}

impl Lexicon {
    /// Reads the lexicon files (see the module doc).
    pub fn load(files: &DataFiles) -> Result<Lexicon, RulesError> {
        let mut actors = Vec::new();
        let mut actor_aliases = Vec::new();
        for (n, l) in files.lines("actors.tsv")? {
            let f: Vec<&str> = l.split('\t').collect();
            let idx = actors.len();
            let name = f[0].to_string();
            let kind = match f.get(1) {
                None => ActorKind::Organization,
                Some(k) => k
                    .parse()
                    .map_err(|e| files.error("actors.tsv", n, format!("{e}")))?,
            };
            actors.push(KnownActor {
                name: name.clone(),
                kind,
                affiliation: f
                    .get(2)
                    .filter(|a| **a != "-" && !a.is_empty())
                    .map(|a| a.to_string()),
                role: f.get(3).filter(|a| !a.is_empty()).map(|a| a.to_string()),
            });
            actor_aliases.push((name.clone(), idx));
            if let Some(al) = f.get(4) {
                for a in al.split('|').filter(|a| !a.is_empty()) {
                    actor_aliases.push((a.to_string(), idx));
                }
            }
        }
        let speech_verbs = files.set("speech_verbs.txt")?;
        let given_names = files
            .lines("given_names.tsv")?
            .into_iter()
            .filter_map(|(_, l)| {
                let mut it = l.split('\t');
                Some((it.next()?.to_string(), it.next()?.chars().next()?))
            })
            .collect();
        let mut roles = files.list("roles.txt")?;
        roles.sort_by_key(|r| std::cmp::Reverse(r.len()));
        let hedges = files
            .lines("hedges.tsv")?
            .into_iter()
            .filter_map(|(_, l)| {
                let mut it = l.split('\t');
                Some(Hedge {
                    phrase: it.next()?.to_string(),
                    next_sentence: it.next() == Some("next"),
                })
            })
            .collect();
        let mut cues = Vec::new();
        let mut cue_patterns = Vec::new();
        for (n, l) in files.lines("event_cues.tsv")? {
            let f: Vec<&str> = l.split('\t').collect();
            cue_patterns.push(f[0].to_string());
            let col = |i| column(files, "event_cues.tsv", n, &f, i);
            cues.push(EventCue {
                re: word_regex(files, "event_cues.tsv", n, f[0])?,
                class: col(1)?
                    .parse()
                    .map_err(|e| files.error("event_cues.tsv", n, format!("{e}")))?,
                event_type: col(2)?.to_string(),
                sub_event_type: col(3)?.to_string(),
                context: match f.get(4).map(|x| x.trim()) {
                    None | Some("") => CueContext::Class,
                    Some("armed") => CueContext::Armed,
                    Some("any") => CueContext::Any,
                    Some("violence") => CueContext::Violence,
                    Some(x) => {
                        return Err(files.error(
                            "event_cues.tsv",
                            n,
                            format!("column 5 '{x}': armed, violence, any or nothing"),
                        ))
                    }
                },
            });
        }
        let mut weapons = Vec::new();
        for (n, l) in files.lines("weapons.tsv")? {
            let f: Vec<&str> = l.split('\t').collect();
            let col = |i| column(files, "weapons.tsv", n, &f, i);
            weapons.push(Weapon {
                re: word_regex(files, "weapons.tsv", n, f[0])?,
                event_type: col(1)?.to_string(),
                sub_event_type: col(2)?.to_string(),
            });
        }
        let cue_prefilter = CuePrefilter::new(&cue_patterns)
            .map_err(|e| files.error("event_cues.tsv", 1, format!("cue prefilter: {e}")))?;
        let modality = files.list("modality.txt")?;
        let stop_names = files.set("stop_names.txt")?;
        let mut military_words = FxHashSet::default();
        let mut violence_words = FxHashSet::default();
        let mut harm_words = FxHashSet::default();
        for (n, l) in files.lines("conflict_context.tsv")? {
            let mut it = l.split('\t');
            let (Some(w), Some(k)) = (it.next(), it.next()) else {
                continue;
            };
            match k.trim() {
                "military" => {
                    military_words.insert(w.to_string());
                }
                "violence" => {
                    violence_words.insert(w.to_string());
                }
                "harm" => {
                    violence_words.insert(w.to_string());
                    harm_words.insert(w.to_string());
                }
                k => {
                    let message = format!("{k:?} is not a kind (military, violence, harm)");
                    return Err(files.error("conflict_context.tsv", n, message));
                }
            }
        }
        Ok(Lexicon {
            military_words,
            violence_words,
            harm_words,
            actors,
            actor_aliases,
            speech_verbs,
            given_names,
            roles,
            hedges,
            cues,
            cue_prefilter,
            weapons,
            modality,
            stop_names,
        })
    }

    pub fn is_speech_verb(&self, w: &str) -> bool {
        self.speech_verbs.contains(&w.to_ascii_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let l = Lexicon::load(&DataFiles::embedded()).expect("lexicon");
        assert!(l.actors.len() > 50);
        assert!(l.is_speech_verb("Said"));
        assert_eq!(l.given_names.get("Hanna"), Some(&'f'));
        assert!(l.cues.iter().any(|c| c.class == Outcome::Gain));
        assert!(l.roles[0].len() >= l.roles[l.roles.len() - 1].len());
    }
}
