//! The document's language. sitrep's rules read English; a document in another language is named for what it
//! is and left unread, rather than misread ("Les forces russes" is not Lezhë, Albania).
//!
//! Writes: `document.language` (ISO 639-1) and, for a language other than English, a warning; the engine runs
//! no other stage on such a document.
//! Reads: `lists/function_words.tsv`; lingua's models for the languages of [`DETECTED`] (embedded).
//!
//! How: the first [`SAMPLE_WORDS`] words are counted against the function words of each language. English
//! news reaches [`ENGLISH_SHARE`] easily and is taken as English there and then (most documents; no model is
//! consulted), and so is a Latin-script text in which no other language shows its function words (lingua's
//! answer could not be taken there). Anything else goes to lingua over its first [`SAMPLE_CHARS`]. A language in another script
//! (Cyrillic, Arabic) is taken as lingua says; a Latin-script language must also show more of its own function
//! words than of English ones, so that an English list of names or a headline stays English. Too few words
//! to tell is English.

use crate::rules::{DataFiles, RulesError};
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use rustc_hash::FxHashMap;
use sitrep_text::Text;
use std::sync::OnceLock;

/// The languages lingua tells apart here: English, the languages of the war's own reporting, and the largest
/// languages of conflict reporting elsewhere. Each adds its model (about 5 MB) to the binary.
const DETECTED: &[Language] = &[
    Language::English,
    Language::Ukrainian,
    Language::Russian,
    Language::French,
    Language::German,
    Language::Spanish,
    Language::Polish,
    Language::Arabic,
];

/// Words counted from the start of the document.
const SAMPLE_WORDS: usize = 400;

/// Share of the counted words that are English function words from which a document is English.
const ENGLISH_SHARE: f64 = 0.15;

/// Fewer words than this: too few to tell, read as English.
const MIN_WORDS: usize = 3;

/// Share of its own function words a Latin-script language other than English must show.
const OWN_SHARE: f64 = 0.05;

/// Characters of the document given to lingua.
const SAMPLE_CHARS: usize = 2000;

/// Languages written in the Latin script among [`DETECTED`].
const LATIN: &[Language] = &[
    Language::English,
    Language::French,
    Language::German,
    Language::Spanish,
    Language::Polish,
];

pub struct LanguageRules {
    /// Function word -> the ISO 639-1 codes of the languages it belongs to.
    function_words: FxHashMap<String, Vec<String>>,
    detector: OnceLock<LanguageDetector>,
}

/// What the stage found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// ISO 639-1.
    pub code: String,
    /// The language's English name.
    pub name: String,
}

impl Detected {
    pub fn is_english(&self) -> bool {
        self.code == "en"
    }

    fn english() -> Detected {
        Detected {
            code: "en".into(),
            name: "English".into(),
        }
    }
}

impl LanguageRules {
    pub fn load(files: &DataFiles) -> Result<LanguageRules, RulesError> {
        let mut function_words: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for (number, line) in files.lines("lists/function_words.tsv")? {
            let Some((word, code)) = line.split_once('\t') else {
                return Err(RulesError {
                    file: "lists/function_words.tsv".into(),
                    line: Some(number),
                    message: "expected a word, a tab and a language code".into(),
                });
            };
            function_words
                .entry(word.trim().to_lowercase())
                .or_default()
                .push(code.trim().to_string());
        }
        Ok(LanguageRules {
            function_words,
            detector: OnceLock::new(),
        })
    }

    fn detector(&self) -> &LanguageDetector {
        self.detector.get_or_init(|| {
            LanguageDetectorBuilder::from_languages(DETECTED)
                .with_low_accuracy_mode()
                .build()
        })
    }

    /// The language of `text` (see the module doc).
    pub fn detect(&self, text: &Text) -> Detected {
        let mut words = 0usize;
        let mut hits: FxHashMap<&str, usize> = FxHashMap::default();
        for tok in text
            .tokens()
            .iter()
            .filter(|t| t.is_word())
            .take(SAMPLE_WORDS)
        {
            words += 1;
            if let Some(codes) = self.function_words.get(text.token_lower(tok)) {
                for c in codes {
                    *hits.entry(c.as_str()).or_default() += 1;
                }
            }
        }
        let share = |code: &str| hits.get(code).copied().unwrap_or(0) as f64 / words.max(1) as f64;
        if words < MIN_WORDS || share("en") >= ENGLISH_SHARE {
            return Detected::english();
        }
        let view = text.view();
        let mut cut = view.len().min(SAMPLE_CHARS);
        while !view.is_char_boundary(cut) {
            cut -= 1;
        }
        // a text in the Latin script where no other language shows its function words could only be taken for
        // English after lingua too: spare the model
        let others_show = hits
            .iter()
            .any(|(c, _)| *c != "en" && share(c) >= OWN_SHARE && share(c) > share("en"));
        if !others_show && latin_script(&view[..cut]) {
            return Detected::english();
        }
        let Some(lang) = self.detector().detect_language_of(&view[..cut]) else {
            return Detected::english();
        };
        let code = lang.iso_code_639_1().to_string();
        let latin = LATIN.contains(&lang);
        if lang == Language::English
            || latin && (share(&code) < OWN_SHARE || share(&code) <= share("en"))
        {
            return Detected::english();
        }
        Detected {
            code,
            name: format!("{lang:?}"),
        }
    }
}

/// Share of letters outside the Latin script (beyond Latin Extended-B) above which a text is not in it.
const NON_LATIN_SHARE: f64 = 0.2;

/// Most of the letters of `s` are Latin.
fn latin_script(s: &str) -> bool {
    let (mut letters, mut other) = (0usize, 0usize);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c > '\u{24f}' {
            other += 1;
        }
    }
    (other as f64) <= letters as f64 * NON_LATIN_SHARE
}

#[cfg(test)]
mod tests {
    use crate::rules::Rules;
    use sitrep_text::Text;

    fn code(s: &str) -> String {
        Rules::embedded().language.detect(&Text::new(s)).code
    }

    #[test]
    fn english_news_lists_and_headlines_stay_english() {
        for s in [
            "Russian forces shelled Kupiansk overnight, the governor said on Telegram.",
            "Kupiansk, Izium, Balakliia, Lyman",
            "Shelling in Kherson",
            "Les Misérables opened in London on Friday, and the critics were kind to it.",
        ] {
            assert_eq!(code(s), "en", "{s}");
        }
    }

    #[test]
    fn other_languages_are_named() {
        for (s, want) in [
            ("Російські війська обстріляли Куп'янськ уночі, повідомив голова обласної адміністрації.", "uk"),
            ("Российские войска обстреляли Купянск ночью, сообщил глава областной администрации.", "ru"),
            ("Les forces russes ont bombardé la ville pendant la nuit, a indiqué le gouverneur de la région.", "fr"),
            ("Die russischen Truppen haben die Stadt in der Nacht beschossen, sagte der Gouverneur der Region.", "de"),
            ("Las fuerzas rusas bombardearon la ciudad durante la noche, dijo el gobernador de la región.", "es"),
        ] {
            assert_eq!(code(s), want, "{s}");
        }
    }
}
