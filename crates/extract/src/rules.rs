//! The engine's rules: every lexicon, cue table, word list and pattern that the stages read, loaded once by
//! one loader ([`DataFiles`]) into one [`Rules`] value that the [`crate::Engine`] owns. Two engines with
//! different rule sets can run in one process.
//!
//! Writes: no document layer; it is read by every stage.
//! Reads: `crates/extract/data/*` (the lexicons, `patterns.tsv`, `lists/*.txt`) and the `data/gazetteer/*`
//! files that place resolution uses; each file opens with a header saying what its columns mean.
//!
//! The files are compiled into the binary ([`Rules::embedded`], the one process-wide copy). A folder given to
//! [`Rules::load`] overrides them file by file: a file present there (same relative name, for example
//! `lists/water_words.txt`) replaces the embedded one, the others stay embedded.
//!
//! File conventions, the same for every file: UTF-8; blank lines and lines starting with `#` are skipped;
//! columns are separated by one tab.

use crate::actors::ActorRules;
use crate::attribution::phrases::SpeakerRules;
use crate::events::EventRules;
use crate::language::LanguageRules;
use crate::lexicon::Lexicon;
use crate::places::PlaceRules;
use crate::quotes::QuoteRules;
use crate::statements::StatementRules;
use regex::Regex;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// A rules file that cannot be read or parsed: the file, the line (1-based) when one is to blame, and what is
/// wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for RulesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "rules file {}, line {}: {}", self.file, l, self.message),
            None => write!(f, "rules file {}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for RulesError {}

/// The embedded data files, by the name a [`DataFiles`] lookup uses.
const EMBEDDED: &[(&str, &str)] = &[
    (
        "acled_taxonomy.tsv",
        include_str!("../data/acled_taxonomy.tsv"),
    ),
    ("actors.tsv", include_str!("../data/actors.tsv")),
    ("border_nouns.txt", include_str!("../data/border_nouns.txt")),
    (
        "conflict_context.tsv",
        include_str!("../data/conflict_context.tsv"),
    ),
    (
        "disease_words.txt",
        include_str!("../data/disease_words.txt"),
    ),
    ("event_cues.tsv", include_str!("../data/event_cues.tsv")),
    ("given_names.tsv", include_str!("../data/given_names.tsv")),
    ("hedges.tsv", include_str!("../data/hedges.tsv")),
    ("modality.txt", include_str!("../data/modality.txt")),
    (
        "non_place_names.txt",
        include_str!("../data/non_place_names.txt"),
    ),
    ("patterns.tsv", include_str!("../data/patterns.tsv")),
    ("relevance.tsv", include_str!("../data/relevance.tsv")),
    ("place_nouns.txt", include_str!("../data/place_nouns.txt")),
    (
        "region_adjectives.tsv",
        include_str!("../data/region_adjectives.tsv"),
    ),
    ("roles.txt", include_str!("../data/roles.txt")),
    ("speech_verbs.txt", include_str!("../data/speech_verbs.txt")),
    ("stop_names.txt", include_str!("../data/stop_names.txt")),
    ("street_words.txt", include_str!("../data/street_words.txt")),
    ("weapons.tsv", include_str!("../data/weapons.tsv")),
    (
        "lists/adjective_tails.txt",
        include_str!("../data/lists/adjective_tails.txt"),
    ),
    (
        "lists/centre_endings.txt",
        include_str!("../data/lists/centre_endings.txt"),
    ),
    (
        "lists/victims.tsv",
        include_str!("../data/lists/victims.tsv"),
    ),
    (
        "lists/perpetrators.txt",
        include_str!("../data/lists/perpetrators.txt"),
    ),
    (
        "lists/unnamed_forces.tsv",
        include_str!("../data/lists/unnamed_forces.tsv"),
    ),
    (
        "lists/against_civilians.tsv",
        include_str!("../data/lists/against_civilians.tsv"),
    ),
    (
        "lists/function_words.tsv",
        include_str!("../data/lists/function_words.tsv"),
    ),
    (
        "lists/compass_adjectives.txt",
        include_str!("../data/lists/compass_adjectives.txt"),
    ),
    (
        "lists/district_words.txt",
        include_str!("../data/lists/district_words.txt"),
    ),
    (
        "lists/english_words.txt",
        include_str!("../data/lists/english_words.txt"),
    ),
    (
        "lists/event_combinations.tsv",
        include_str!("../data/lists/event_combinations.tsv"),
    ),
    (
        "lists/event_precedence.tsv",
        include_str!("../data/lists/event_precedence.tsv"),
    ),
    (
        "lists/generic_event_classes.txt",
        include_str!("../data/lists/generic_event_classes.txt"),
    ),
    (
        "lists/locative_words.txt",
        include_str!("../data/lists/locative_words.txt"),
    ),
    (
        "lists/political_words.txt",
        include_str!("../data/lists/political_words.txt"),
    ),
    (
        "lists/metonym_nouns.txt",
        include_str!("../data/lists/metonym_nouns.txt"),
    ),
    (
        "lists/name_particles.txt",
        include_str!("../data/lists/name_particles.txt"),
    ),
    (
        "lists/number_words.tsv",
        include_str!("../data/lists/number_words.tsv"),
    ),
    (
        "lists/org_heads.txt",
        include_str!("../data/lists/org_heads.txt"),
    ),
    (
        "lists/person_nouns.txt",
        include_str!("../data/lists/person_nouns.txt"),
    ),
    (
        "lists/person_verbs.txt",
        include_str!("../data/lists/person_verbs.txt"),
    ),
    (
        "lists/place_cues.txt",
        include_str!("../data/lists/place_cues.txt"),
    ),
    (
        "lists/quote_adverbs.txt",
        include_str!("../data/lists/quote_adverbs.txt"),
    ),
    (
        "lists/verb_auxiliaries.txt",
        include_str!("../data/lists/verb_auxiliaries.txt"),
    ),
    (
        "lists/quote_determiners.txt",
        include_str!("../data/lists/quote_determiners.txt"),
    ),
    (
        "lists/quote_org_nouns.txt",
        include_str!("../data/lists/quote_org_nouns.txt"),
    ),
    (
        "lists/not_quote_cues.tsv",
        include_str!("../data/lists/not_quote_cues.tsv"),
    ),
    (
        "lists/speaker_nouns.txt",
        include_str!("../data/lists/speaker_nouns.txt"),
    ),
    (
        "lists/statement_adjuncts.txt",
        include_str!("../data/lists/statement_adjuncts.txt"),
    ),
    (
        "lists/statement_cues.tsv",
        include_str!("../data/lists/statement_cues.tsv"),
    ),
    (
        "lists/negations.txt",
        include_str!("../data/lists/negations.txt"),
    ),
    (
        "lists/modal_verbs.txt",
        include_str!("../data/lists/modal_verbs.txt"),
    ),
    (
        "lists/indefinite_speakers.txt",
        include_str!("../data/lists/indefinite_speakers.txt"),
    ),
    (
        "lists/be_forms.txt",
        include_str!("../data/lists/be_forms.txt"),
    ),
    (
        "lists/statement_nouns.tsv",
        include_str!("../data/lists/statement_nouns.tsv"),
    ),
    (
        "lists/months_days.txt",
        include_str!("../data/lists/months_days.txt"),
    ),
    (
        "lists/slavic_endings.txt",
        include_str!("../data/lists/slavic_endings.txt"),
    ),
    ("lists/titles.txt", include_str!("../data/lists/titles.txt")),
    (
        "lists/water_words.txt",
        include_str!("../data/lists/water_words.txt"),
    ),
    (
        "gazetteer/borders.tsv",
        include_str!("../../../data/gazetteer/borders.tsv"),
    ),
    (
        "gazetteer/common_words.txt",
        include_str!("../../../data/gazetteer/common_words.txt"),
    ),
    (
        "gazetteer/conflict_areas.tsv",
        include_str!("../../../data/gazetteer/conflict_areas.tsv"),
    ),
    (
        "gazetteer/conflict_words.txt",
        include_str!("../../../data/gazetteer/conflict_words.txt"),
    ),
    (
        "gazetteer/person_names.txt",
        include_str!("../../../data/gazetteer/person_names.txt"),
    ),
    (
        "gazetteer/region_abbreviations.tsv",
        include_str!("../../../data/gazetteer/region_abbreviations.tsv"),
    ),
    (
        "gazetteer/region_aliases.tsv",
        include_str!("../../../data/gazetteer/region_aliases.tsv"),
    ),
];

/// Where rules files come from: the embedded copies, each replaceable by a file in an override folder.
#[derive(Debug, Clone, Default)]
pub struct DataFiles {
    overrides: Option<PathBuf>,
}

/// One line of a rules file that holds data: its 1-based number and its text (trailing blanks trimmed).
struct Line<'a> {
    number: usize,
    text: &'a str,
}

impl DataFiles {
    /// The files compiled into the binary.
    pub fn embedded() -> Self {
        DataFiles { overrides: None }
    }

    /// The embedded files, each replaced by the file of the same name under `dir` when there is one.
    pub fn with_overrides(dir: &Path) -> Self {
        DataFiles {
            overrides: Some(dir.to_path_buf()),
        }
    }

    /// The whole text of a rules file.
    pub fn text(&self, name: &str) -> Result<Cow<'static, str>, RulesError> {
        if let Some(dir) = &self.overrides {
            let p = dir.join(name);
            if p.is_file() {
                return std::fs::read_to_string(&p)
                    .map(Cow::Owned)
                    .map_err(|e| RulesError {
                        file: p.display().to_string(),
                        line: None,
                        message: format!("cannot be read ({e})"),
                    });
            }
        }
        EMBEDDED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| Cow::Borrowed(*t))
            .ok_or_else(|| RulesError {
                file: name.to_string(),
                line: None,
                message: "no such rules file is known to the engine".into(),
            })
    }

    /// The data lines of a file: no blanks, no `#` comments.
    pub fn lines(&self, name: &str) -> Result<Vec<(usize, String)>, RulesError> {
        let text = self.text(name)?;
        Ok(data_lines(&text)
            .map(|l| (l.number, l.text.to_string()))
            .collect())
    }

    /// A word list: one entry a line, trimmed, in file order.
    pub fn list(&self, name: &str) -> Result<Vec<String>, RulesError> {
        Ok(self
            .lines(name)?
            .into_iter()
            .map(|(_, l)| l.trim().to_string())
            .collect())
    }

    /// A long word list kept sorted in its file (byte order), read as [`SortedWords`]: one copy of the text,
    /// no allocation a word. A line out of order is an error naming it.
    pub fn sorted_words(&self, name: &str) -> Result<SortedWords, RulesError> {
        let text = self.text(name)?.into_owned();
        let mut spans: Vec<(u32, u32)> = Vec::new();
        let mut previous = "";
        for l in data_lines(&text) {
            let w = l.text.trim();
            if w <= previous {
                let message = format!(
                    "{w:?} is not after {previous:?}: the list must be sorted, each word once"
                );
                return Err(self.error(name, l.number, message));
            }
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            spans.push((start as u32, (start + w.len()) as u32));
            previous = w;
        }
        Ok(SortedWords { text, spans })
    }

    /// A word list as a set (with the hasher of the field it fills).
    pub fn set<S: std::hash::BuildHasher + Default>(
        &self,
        name: &str,
    ) -> Result<HashSet<String, S>, RulesError> {
        Ok(self.list(name)?.into_iter().collect())
    }

    /// The rows of a tab-separated file with at least `min_columns` columns each (a shorter row is an error
    /// naming its line).
    pub fn rows(&self, name: &str, min_columns: usize) -> Result<Vec<Vec<String>>, RulesError> {
        let mut out = Vec::new();
        for (number, l) in self.lines(name)? {
            let cols: Vec<String> = l.split('\t').map(str::to_string).collect();
            if cols.len() < min_columns {
                return Err(self.error(
                    name,
                    number,
                    format!(
                    "{} columns where {min_columns} are needed (columns are separated by one tab)",
                    cols.len()
                ),
                ));
            }
            out.push(cols);
        }
        Ok(out)
    }

    /// An error naming a line of a file.
    pub fn error(&self, name: &str, line: usize, message: String) -> RulesError {
        RulesError {
            file: name.to_string(),
            line: Some(line),
            message,
        }
    }
}

/// The data lines of a text: blanks and `#` comments dropped, trailing blanks trimmed.
fn data_lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines()
        .enumerate()
        .map(|(i, l)| Line {
            number: i + 1,
            text: l.trim_end(),
        })
        .filter(|l| !l.text.trim().is_empty() && !l.text.starts_with('#'))
}

/// A sorted word list searched by halves (see [`DataFiles::sorted_words`]).
pub struct SortedWords {
    text: String,
    spans: Vec<(u32, u32)>,
}

impl SortedWords {
    pub fn contains(&self, word: &str) -> bool {
        self.spans
            .binary_search_by(|&(s, e)| self.text[s as usize..e as usize].cmp(word))
            .is_ok()
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// The named regular expressions of `patterns.tsv`. A pattern may splice in a fragment, a row whose name
/// starts with `@`, written `{@name}`; it is spliced in as it is, so a pattern writes the group around it.
pub struct Patterns {
    compiled: HashMap<String, Regex>,
}

impl Patterns {
    pub const FILE: &'static str = "patterns.tsv";

    pub fn load(files: &DataFiles) -> Result<Self, RulesError> {
        let mut fragments: HashMap<String, String> = HashMap::new();
        let mut compiled = HashMap::new();
        for (number, l) in files.lines(Self::FILE)? {
            let Some((name, pattern)) = l.split_once('\t') else {
                return Err(files.error(
                    Self::FILE,
                    number,
                    "a name, a tab and a pattern are needed".into(),
                ));
            };
            let pattern =
                splice(pattern, &fragments).map_err(|m| files.error(Self::FILE, number, m))?;
            if let Some(f) = name.strip_prefix('@') {
                fragments.insert(f.to_string(), pattern);
                continue;
            }
            let re = compile(&pattern)
                .map_err(|e| files.error(Self::FILE, number, format!("pattern {name}: {e}")))?;
            compiled.insert(name.to_string(), re);
        }
        Ok(Patterns { compiled })
    }

    /// The pattern of that name (an error naming the file when it has none).
    pub fn get(&self, name: &str) -> Result<Regex, RulesError> {
        self.compiled.get(name).cloned().ok_or_else(|| RulesError {
            file: Self::FILE.into(),
            line: None,
            message: format!("no pattern named {name}"),
        })
    }
}

/// Compiles a pattern of the data files. A word boundary `\b` (and `\B`) is read as an ASCII one,
/// `(?-u:\b)`: the regex crate's fast engine gives up on a Unicode boundary as soon as the text holds a
/// non-ASCII character (a curly quote, a dash), and the slow one then scans the rest of the document. The two
/// differ only beside a non-ASCII letter ("café" ends at "caf" for the ASCII boundary), which English news
/// text rarely puts against a pattern's edge; `\w` and the letter classes stay Unicode.
pub(crate) fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&ascii_escapes(pattern, &['b', 'B']))
}

/// Compiles a cue pattern (`event_cues.tsv`, `weapons.tsv`): as [`compile`], and `\w` (`\W`) outside a class
/// is an ASCII word character too. The cues are English phrases whose gaps are written `(?:\w+ ){0,3}`;
/// case-insensitive Unicode `\w` there made the automaton of each cue hundreds of times larger and the start-up
/// five times longer, for words of English that are ASCII anyway.
pub(crate) fn compile_cue(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&ascii_escapes(pattern, &['b', 'B', 'w', 'W']))
}

/// `pattern` with every escape `\x` of `escapes` outside a character class written `(?-u:\x)`: its ASCII
/// form.
fn ascii_escapes(pattern: &str, escapes: &[char]) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(b) if class_depth == 0 && escapes.contains(&b) => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// `pattern` with every `{@name}` replaced by that fragment.
fn splice(pattern: &str, fragments: &HashMap<String, String>) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(i) = rest.find("{@") {
        out.push_str(&rest[..i]);
        let end = rest[i..]
            .find('}')
            .ok_or_else(|| "a {@ fragment is not closed".to_string())?;
        let name = &rest[i + 2..i + end];
        let f = fragments
            .get(name)
            .ok_or_else(|| format!("no fragment @{name} above this line"))?;
        out.push_str(f);
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Every rule the stages read, loaded once.
pub struct Rules {
    pub lexicon: Lexicon,
    pub actors: ActorRules,
    pub places: PlaceRules,
    /// The word lists of speaker phrases (quotes and statements).
    pub speakers: SpeakerRules,
    pub quotes: QuoteRules,
    pub statements: StatementRules,
    pub events: EventRules,
    /// Function words for telling the document's language (`lists/function_words.tsv`: `language.rs`).
    pub language: LanguageRules,
    /// `SITREP_PLACES_DEBUG=1` when the rules were loaded: every name's best-scored readings on stderr.
    pub debug_places: bool,
}

impl Rules {
    /// Loads every rules file from `files`.
    pub fn from_files(files: &DataFiles) -> Result<Rules, RulesError> {
        let patterns = Patterns::load(files)?;
        let lexicon = Lexicon::load(files)?;
        Ok(Rules {
            actors: ActorRules::load(files, &patterns, &lexicon)?,
            places: PlaceRules::load(files, &patterns)?,
            speakers: SpeakerRules::load(files)?,
            quotes: QuoteRules::load(files)?,
            statements: StatementRules::load(files)?,
            events: EventRules::load(files, &patterns)?,
            language: LanguageRules::load(files)?,
            lexicon,
            debug_places: std::env::var_os("SITREP_PLACES_DEBUG").is_some(),
        })
    }

    /// The embedded rules with the files of `dir` in place of theirs (see the module doc).
    pub fn load(dir: &Path) -> Result<Rules, RulesError> {
        Rules::from_files(&DataFiles::with_overrides(dir))
    }

    /// The embedded rules, loaded once per process.
    pub fn embedded() -> Arc<Rules> {
        static EMBEDDED_RULES: OnceLock<Arc<Rules>> = OnceLock::new();
        EMBEDDED_RULES
            .get_or_init(|| {
                Arc::new(
                    Rules::from_files(&DataFiles::embedded())
                        .unwrap_or_else(|e| panic!("the embedded rules do not load: {e}")),
                )
            })
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_load() {
        let r = Rules::from_files(&DataFiles::embedded()).expect("embedded rules");
        assert!(r.lexicon.actors.len() > 50);
    }

    #[test]
    fn every_embedded_file_has_a_header() {
        for (name, text) in EMBEDDED {
            assert!(
                text.lines().next().is_some_and(|l| l.starts_with('#')),
                "{name} opens without a # header"
            );
        }
    }

    #[test]
    fn a_fragment_is_spliced_and_a_missing_one_is_an_error() {
        let mut f = HashMap::new();
        f.insert("n".to_string(), "a|b".to_string());
        assert_eq!(splice(r"x(?:{@n})\b{0,2}", &f).unwrap(), r"x(?:a|b)\b{0,2}");
        assert!(splice("x{@m}", &f).unwrap_err().contains("@m"));
    }

    #[test]
    fn word_boundaries_are_read_as_ascii_ones_outside_classes() {
        assert_eq!(
            ascii_escapes(r"\bkill\B\w", &['b', 'B']),
            r"(?-u:\b)kill(?-u:\B)\w"
        );
        assert_eq!(
            ascii_escapes(r"[\b\w]\\b\d\w", &['b', 'w']),
            r"[\b\w]\\b\d(?-u:\w)"
        );
        // the same matches as Unicode boundaries beside ASCII letters, on a text with curly quotes
        let re = compile(r"(?i)\bshelled\b").unwrap();
        let hits: Vec<_> = re
            .find_iter("“They shelled it” — unshelled, Shelled’s")
            .map(|m| m.start())
            .collect();
        assert_eq!(hits, [8, 37]);
    }

    #[test]
    fn a_cue_in_capitals_is_an_error_naming_its_line() {
        let dir = std::env::temp_dir().join(format!("sitrep-cues-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut cues = DataFiles::embedded()
            .text("event_cues.tsv")
            .unwrap()
            .into_owned();
        let line = cues.lines().count() + 1;
        cues.push_str(
            "Shelled\\W\tshelling\tExplosions/Remote violence\tShelling/artillery/missile attack\n",
        );
        std::fs::write(dir.join("event_cues.tsv"), cues).unwrap();
        let e = Rules::from_files(&DataFiles::with_overrides(&dir))
            .err()
            .expect("an upper-case cue");
        assert_eq!((e.file.as_str(), e.line), ("event_cues.tsv", Some(line)));
        assert!(e.message.contains("lower case"), "{e}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_sorted_word_list_is_searched_and_an_unsorted_one_named() {
        let words = DataFiles::embedded()
            .sorted_words("lists/english_words.txt")
            .unwrap();
        assert!(words.len() > 10_000);
        assert!(words.contains("development") && words.contains("controlled"));
        assert!(!words.contains("kharkiv") && !words.contains("Development"));
        let dir = std::env::temp_dir().join(format!("sitrep-sorted-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("lists")).unwrap();
        std::fs::write(
            dir.join("lists/english_words.txt"),
            "# test\nabacus\nabbey\naardvark\n",
        )
        .unwrap();
        let e = DataFiles::with_overrides(&dir)
            .sorted_words("lists/english_words.txt")
            .err()
            .expect("an unsorted list");
        assert_eq!(e.line, Some(4));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn an_override_folder_replaces_one_file_and_names_bad_lines() {
        let dir = std::env::temp_dir().join(format!("sitrep-rules-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("lists")).unwrap();
        std::fs::write(dir.join("lists/water_words.txt"), "# test\nfjord\n").unwrap();
        let files = DataFiles::with_overrides(&dir);
        assert_eq!(files.list("lists/water_words.txt").unwrap(), ["fjord"]);
        assert!(files.list("roles.txt").unwrap().len() > 5);
        std::fs::write(dir.join("patterns.tsv"), "# test\nbroken\t(\n").unwrap();
        let e = Patterns::load(&files).err().expect("a bad pattern");
        assert_eq!(e.line, Some(2));
        assert!(e.to_string().contains("patterns.tsv"));
        std::fs::remove_dir_all(&dir).ok();
    }
}

#[cfg(test)]
mod two_engines {
    use crate::{Engine, InputDoc, Rules};
    use sitrep_gazetteer::Gazetteer;
    use std::sync::Arc;

    /// Two engines in one process, one with a known actor added to its copy of `actors.tsv`: each reads the
    /// same text by its own rules.
    #[test]
    fn two_engines_with_different_rules_read_by_their_own() {
        let dir = std::env::temp_dir().join(format!("sitrep-two-engines-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut actors = crate::rules::DataFiles::embedded()
            .text("actors.tsv")
            .unwrap()
            .into_owned();
        actors.push_str("Zorya Legion\tarmed_group\tUA\t\tthe Legion\n");
        std::fs::write(dir.join("actors.tsv"), actors).unwrap();
        let custom = Engine::with_rules(
            Gazetteer::embedded().unwrap(),
            Arc::new(Rules::load(&dir).expect("the edited rules load")),
        );
        let plain = Engine::new(Gazetteer::embedded().unwrap());
        let doc = InputDoc {
            id: "t".into(),
            text: "The unit, the Legion, said on Tuesday that it had repelled an assault near Kupiansk.".into(),
            ..Default::default()
        };
        let named = |e: &Engine| {
            e.extract(&doc)
                .actors
                .iter()
                .any(|a| a.name == "Zorya Legion")
        };
        assert!(named(&custom));
        assert!(!named(&plain));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_bad_rules_file_is_an_error_naming_it() {
        let dir = std::env::temp_dir().join(format!("sitrep-bad-rules-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("event_cues.tsv"),
            "# cues\nshell(ed\tattack\tBattles\tArmed clash\n",
        )
        .unwrap();
        let e = Rules::load(&dir).err().expect("a broken cue is refused");
        assert_eq!((e.file.as_str(), e.line), ("event_cues.tsv", Some(2)));
        std::fs::remove_dir_all(&dir).ok();
    }
}
