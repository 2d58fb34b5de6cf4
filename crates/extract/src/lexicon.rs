//! Lexicons and patterns, loaded once from the data files in `crates/extract/data/`.

use regex::Regex;
use sitrep_ledger::{ActorKind, Outcome};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

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
}

pub struct Weapon {
    pub re: Regex,
    pub event_type: String,
    pub sub_event_type: String,
}

pub struct Hedge {
    pub phrase: String,
    pub next_sentence: bool,
}

pub struct Lexicon {
    pub actors: Vec<KnownActor>,
    /// alias (as written) -> index into `actors`; includes canonical names and surnames.
    pub actor_aliases: Vec<(String, usize)>,
    pub speech_verbs: HashSet<String>,
    pub given_names: HashMap<String, char>,
    /// Role words, longest first.
    pub roles: Vec<String>,
    pub hedges: Vec<Hedge>,
    pub cues: Vec<EventCue>,
    pub weapons: Vec<Weapon>,
    pub modality: Vec<String>,
    /// Words of armed conflict: armed people and operations.
    pub military_words: HashSet<String>,
    /// Words of armed conflict: weapons and their effects.
    pub violence_words: HashSet<String>,
    pub stop_names: HashSet<String>,
}

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn word_regex(pattern: &str) -> Regex {
    Regex::new(&format!(r"(?i)\b(?:{pattern})\b"))
        .unwrap_or_else(|e| panic!("bad pattern in data file: {pattern}: {e}"))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut actors = Vec::new();
        let mut actor_aliases = Vec::new();
        for l in lines(include_str!("../data/actors.tsv")) {
            let f: Vec<&str> = l.split('\t').collect();
            let idx = actors.len();
            let name = f[0].to_string();
            actors.push(KnownActor {
                name: name.clone(),
                kind: f.get(1).map_or(ActorKind::Organization, |k| {
                    k.parse()
                        .unwrap_or_else(|e| panic!("actors.tsv: {name}: {e}"))
                }),
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
        let speech_verbs = lines(include_str!("../data/speech_verbs.txt"))
            .map(|s| s.trim().to_string())
            .collect();
        let given_names = lines(include_str!("../data/given_names.tsv"))
            .filter_map(|l| {
                let mut it = l.split('\t');
                Some((it.next()?.to_string(), it.next()?.chars().next()?))
            })
            .collect();
        let mut roles: Vec<String> = lines(include_str!("../data/roles.txt"))
            .map(|s| s.trim().to_string())
            .collect();
        roles.sort_by_key(|r| std::cmp::Reverse(r.len()));
        let hedges = lines(include_str!("../data/hedges.tsv"))
            .filter_map(|l| {
                let mut it = l.split('\t');
                Some(Hedge {
                    phrase: it.next()?.to_string(),
                    next_sentence: it.next() == Some("next"),
                })
            })
            .collect();
        let cues = lines(include_str!("../data/event_cues.tsv"))
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                EventCue {
                    re: word_regex(f[0]),
                    class: f[1]
                        .parse()
                        .unwrap_or_else(|e| panic!("event_cues.tsv: {e}")),
                    event_type: f[2].to_string(),
                    sub_event_type: f[3].to_string(),
                }
            })
            .collect();
        let weapons = lines(include_str!("../data/weapons.tsv"))
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                Weapon {
                    re: word_regex(f[0]),
                    event_type: f[1].to_string(),
                    sub_event_type: f[2].to_string(),
                }
            })
            .collect();
        let modality = lines(include_str!("../data/modality.txt"))
            .map(|s| s.trim().to_string())
            .collect();
        let stop_names = lines(include_str!("../data/stop_names.txt"))
            .map(|s| s.trim().to_string())
            .collect();
        let mut military_words = HashSet::new();
        let mut violence_words = HashSet::new();
        for l in lines(include_str!("../data/conflict_context.tsv")) {
            let mut it = l.split('\t');
            if let (Some(w), Some(k)) = (it.next(), it.next()) {
                if k == "military" {
                    military_words.insert(w.to_string());
                } else {
                    violence_words.insert(w.to_string());
                }
            }
        }
        Lexicon {
            military_words,
            violence_words,
            actors,
            actor_aliases,
            speech_verbs,
            given_names,
            roles,
            hedges,
            cues,
            weapons,
            modality,
            stop_names,
        }
    }

    pub fn get() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(Lexicon::load)
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
        let l = Lexicon::get();
        assert!(l.actors.len() > 50);
        assert!(l.is_speech_verb("Said"));
        assert_eq!(l.given_names.get("Hanna"), Some(&'f'));
        assert!(l.cues.iter().any(|c| c.class == Outcome::Gain));
        assert!(l.roles[0].len() >= l.roles[l.roles.len() - 1].len());
    }
}
