//! Statements: every attributed statement of the report, with its speaker, cue and content.
//!
//! * **Direct**: a whole quote of the quotes layer, with the quote's speaker.
//! * **Reported**: words told without quotation marks, in the constructions of `lists/statement_cues.tsv`:
//!   `X said (on Tuesday) (that) S`, `S, X said.`, `S, said X.`, `X told reporters (that) S`,
//!   `according to X, S` / `S, according to X`, `X plans to ...`, `X urged Y to ...`, `X called for ...`,
//!   `..., saying (that) S` (the speaker of the main clause); a cue in the passive ("is expected to",
//!   "was condemned by X as": [`passive`]); a noun after a possessive ("Russia's claim that", "his call for":
//!   [`possessed`], `lists/statement_nouns.tsv`). Who speaks, and where a cue's verb group starts, is
//!   [`speakers`]'s.
//! * **Partial**: reported words holding a partial quote ("the governor said the town had become a
//!   'fortress'": the governor's, not the army's), or a partial quote with a speaker and no reported clause.
//!
//! A cue inside quotation marks is the quote's, never a statement of its own; a clause that is a whole quote
//! is the direct statement already; a cue used as a noun ("the claims", "Trump's plans to") tells nothing.
//!
//! Writes: the statements layer (`Doc::statements`); a speaker the actors stage did not know is asked of it
//! (`actors::intern`, through the speaker phrases).
//! Reads: sentences and tokens, the quotes layer, the actors layer, the times layer, `lists/statement_cues.tsv`,
//! `lists/statement_nouns.tsv`, `lists/be_forms.txt`, `lists/modal_verbs.txt`, `lists/indefinite_speakers.txt`
//! and the speaker phrases of `attribution::phrases`.

use crate::attribution::phrases::{speaker_head, trim_span};
use crate::attribution::{
    after_preposition, coordinated, is_preposition, label_at, name_part, used_as_noun, Subject,
};
use crate::doc::{words, Doc, StatementRec};
use crate::rules::{DataFiles, RulesError};
use rustc_hash::{FxHashMap, FxHashSet};
use sitrep_ledger::{StatementKind, StatementMode};

mod passive;
mod possessed;
mod speakers;

use passive::{in_passive, passive_statement};
use speakers::{
    main_clause_speaker, phrase_speaker, speaker_after, speaker_before, verb_start, Speaker,
};

/// Words after a cue searched for the "that" opening its clause ("said in a statement on Tuesday that").
const THAT_WINDOW: usize = 10;
/// Words between a cue and the "to" of its infinitive when an object stands between ("urged the allies to").
const OBJECT_WINDOW: usize = 6;
/// Words a trailing attribution may have after its cue ("..., he said on Tuesday in a statement.").
const TAIL_WORDS: usize = 8;
/// Words between the comma and the cue of a trailing attribution (the speaker: "..., a senior official said").
const TAIL_SPEAKER_WORDS: usize = 9;
/// Words after the cue of an inverted trailing attribution, the speaker's appositive included ("..., said
/// Mr. Kovalenko, the deputy head of the regional council").
const INVERTED_TAIL_WORDS: usize = 14;
/// Fewest words of a reported clause.
const MIN_CLAUSE_WORDS: usize = 3;

/// What a cue takes as its content (column 2 of `lists/statement_cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Takes {
    Clause,
    That,
    ObjectClause,
    Infinitive,
    ObjectInfinitive,
    Object,
    Source,
    Passive,
}

impl Takes {
    fn parse(s: &str) -> Option<Takes> {
        Some(match s {
            "clause" => Takes::Clause,
            "that" => Takes::That,
            "object_clause" => Takes::ObjectClause,
            "infinitive" => Takes::Infinitive,
            "object_infinitive" => Takes::ObjectInfinitive,
            "object" => Takes::Object,
            "source" => Takes::Source,
            "passive" => Takes::Passive,
            _ => return None,
        })
    }
}

/// One row of the cue table: the words after the first, what the cue takes, and the statement's mode.
#[derive(Debug, Clone)]
struct CueRow {
    rest: Vec<String>,
    takes: Takes,
    mode: StatementMode,
}

/// The cue table (`lists/statement_cues.tsv`), by a cue's first word; rows of one word keep file order.
pub struct StatementRules {
    cues: FxHashMap<String, Vec<CueRow>>,
    /// Head nouns of a phrase between the cue and the clause (`lists/statement_adjuncts.txt`).
    adjuncts: FxHashSet<String>,
    /// Nouns that tell a statement after a possessive (`lists/statement_nouns.tsv`).
    nouns: possessed::NounTable,
    /// Forms of "be" that make a verb group passive (`lists/be_forms.txt`).
    be_forms: FxHashSet<String>,
    /// Modal verbs (`lists/modal_verbs.txt`).
    modals: FxHashSet<String>,
    /// Negations of a verb group (`lists/negations.txt`).
    negations: FxHashSet<String>,
    /// Speakers that name no one (`lists/indefinite_speakers.txt`: "some", "no one").
    indefinite: FxHashSet<String>,
}

impl StatementRules {
    pub fn load(files: &DataFiles) -> Result<Self, RulesError> {
        const FILE: &str = "lists/statement_cues.tsv";
        let mut cues: FxHashMap<String, Vec<CueRow>> = FxHashMap::default();
        for (number, line) in files.lines(FILE)? {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [cue, takes, mode] = cols[..] else {
                let message = format!(
                    "{} columns where 3 are needed: cue, takes, mode",
                    cols.len()
                );
                return Err(files.error(FILE, number, message));
            };
            let takes = Takes::parse(takes).ok_or_else(|| {
                files.error(FILE, number, format!("unknown construction {takes:?}"))
            })?;
            let mode: StatementMode = mode
                .parse()
                .map_err(|e| files.error(FILE, number, format!("{e}")))?;
            let mut ws = cue.split(' ').map(str::to_string);
            let Some(first) = ws.next().filter(|w| !w.is_empty()) else {
                return Err(files.error(FILE, number, "an empty cue".into()));
            };
            cues.entry(first).or_default().push(CueRow {
                rest: ws.collect(),
                takes,
                mode,
            });
        }
        Ok(StatementRules {
            cues,
            adjuncts: files.set("lists/statement_adjuncts.txt")?,
            nouns: load_nouns(files)?,
            be_forms: files.set("lists/be_forms.txt")?,
            modals: files.set("lists/modal_verbs.txt")?,
            negations: files.set("lists/negations.txt")?,
            indefinite: files.set("lists/indefinite_speakers.txt")?,
        })
    }
}

/// `lists/statement_nouns.tsv`: noun, the word opening its content, mode.
fn load_nouns(files: &DataFiles) -> Result<possessed::NounTable, RulesError> {
    const FILE: &str = "lists/statement_nouns.tsv";
    let mut nouns = possessed::NounTable::default();
    for (number, line) in files.lines(FILE)? {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [noun, opens, mode] = cols[..] else {
            let message = format!(
                "{} columns where 3 are needed: noun, opens, mode",
                cols.len()
            );
            return Err(files.error(FILE, number, message));
        };
        let mode: StatementMode = mode
            .parse()
            .map_err(|e| files.error(FILE, number, format!("{e}")))?;
        if noun.is_empty() || opens.is_empty() || noun.contains(' ') || opens.contains(' ') {
            return Err(files.error(
                FILE,
                number,
                "a noun and its opening word, one word each".into(),
            ));
        }
        nouns
            .entry(noun.to_string())
            .or_default()
            .push((opens.to_string(), mode));
    }
    Ok(nouns)
}

/// A cue found in a sentence: its span and the rows it may be read by, the longest cue's first.
struct CueAt<'r> {
    start: usize,
    end: usize,
    rows: Vec<&'r CueRow>,
}

pub fn recognise(doc: &mut Doc) {
    let mut out: Vec<StatementRec> = Vec::new();
    let mut new_mentions: Vec<Speaker> = Vec::new();
    for (i, q) in doc.quotes.iter().enumerate().filter(|(_, q)| !q.partial) {
        out.push(of_quote(i, q, StatementKind::Direct));
    }
    let reported_from = out.len();
    for (ss, se) in doc.sentence_spans() {
        let in_sentence = out.len();
        if let Some((st, sp)) = labelled(doc, ss, se) {
            if let Some(sp) = sp.filter(|s| s.new_mention.is_some()) {
                new_mentions.push(sp);
            }
            out.push(st);
        }
        for (st, sp) in possessed::statements(doc, ss, se) {
            if sp.new_mention.is_some() {
                new_mentions.push(sp);
            }
            out.push(st);
        }
        for cue in cues_in(doc, ss, se) {
            let earlier = &out[in_sentence..];
            if let Some((st, sp)) = read_cue(doc, (ss, se), &cue, earlier) {
                if let Some(sp) = sp.filter(|s| s.new_mention.is_some()) {
                    new_mentions.push(sp);
                }
                out.push(st);
            }
        }
    }
    join_partial_quotes(doc, &mut out, reported_from);
    out.sort_by_key(|s| (s.start, s.end));
    for sp in new_mentions {
        if let Some(actor) = sp.actor {
            let pronoun = sp.new_mention == Some(true);
            crate::actors::add_mention(doc, sp.start, sp.end, actor, pronoun);
        }
    }
    crate::actors::flush_mentions(doc);
    doc.statements = out;
}

/// The statement of quote `i` of the quotes layer: its text, speaker and cue.
fn of_quote(i: usize, q: &crate::doc::QuoteRec, kind: StatementKind) -> StatementRec {
    StatementRec {
        kind,
        mode: StatementMode::Assertion,
        speaker: q.speaker,
        speaker_mention: q.speaker_mention,
        cue: q.cue_span,
        start: q.start,
        end: q.end,
        quote: Some(i),
    }
}

/// A paragraph opened by a speaker label ("Pence: Gennifer Flowers won't be at the debate", "The spokesman, on
/// Telegram: the bridge is closed"): the label's words up to the paragraph's end, when they are no quote (a
/// quote opened by a label is the quotes stage's).
fn labelled(doc: &mut Doc, ss: usize, se: usize) -> Option<(StatementRec, Option<Speaker>)> {
    let para = &doc.text.paragraphs[doc.text.paragraph_at(ss)?];
    if para.start != ss || doc.text.quote_at(ss).is_some() {
        return None;
    }
    let para_end = para.end;
    let (subject, colon) = label_at(doc, ss, se)?;
    // a dateline ("LOS ANGELES: ...") names a place, not a speaker ("Iraqi officials:" names speakers)
    if doc
        .places_within(ss, colon)
        .any(|m| m.kind == crate::doc::MentionKind::Literal)
    {
        return None;
    }
    let speaker = match subject {
        Subject::Mention(start, end, actor) => Some(Speaker::mention(start, end, actor)),
        Subject::Phrase(ph) => phrase_speaker(doc, ph),
    }?;
    let (cs, ce) = content(doc, colon + 1, para_end, MIN_CLAUSE_WORDS)?;
    if whole_quote(doc, cs, ce) {
        return None;
    }
    let st = StatementRec {
        kind: StatementKind::Reported,
        mode: StatementMode::Assertion,
        speaker: speaker.actor,
        speaker_mention: Some((speaker.start, speaker.end)),
        cue: Some((colon, colon + 1)),
        start: cs,
        end: ce,
        quote: None,
    };
    Some((st, Some(speaker)))
}

/// Partial quotes: inside a reported statement they make it partial; with a speaker and no statement around
/// them, they are a partial statement of their own. `out[reported_from..]` holds the reported statements in
/// sentence order, each within its sentence (a binary search finds the quote's).
fn join_partial_quotes(doc: &Doc, out: &mut Vec<StatementRec>, reported_from: usize) {
    let sentence_of = |off: usize| doc.text.sentence_at(off);
    let reported_end = out.len();
    for (i, q) in doc.quotes.iter().enumerate().filter(|(_, q)| q.partial) {
        let si = sentence_of(q.start);
        let reported = &out[reported_from..reported_end];
        let lo = reported.partition_point(|s| sentence_of(s.start) < si);
        let hi = reported.partition_point(|s| sentence_of(s.start) <= si);
        let holder = (reported_from + lo..reported_from + hi)
            .filter(|&k| {
                let s = &out[k];
                s.start <= q.start && q.end <= s.end + 1 && s.quote.is_none()
            })
            .min_by_key(|&k| out[k].end - out[k].start);
        if let Some(k) = holder {
            out[k].kind = StatementKind::Partial;
            out[k].quote = Some(i);
            continue;
        }
        if q.speaker.is_some() {
            out.push(of_quote(i, q, StatementKind::Partial));
        }
    }
}

/// The cues of `[ss, se)` outside quotation marks, in text order, the longest at each word.
fn cues_in<'r>(doc: &Doc<'r>, ss: usize, se: usize) -> Vec<CueAt<'r>> {
    let table = &doc.rules.statements.cues;
    let lower = doc.text.lower();
    let ws = words(doc.text, ss, se);
    let mut out = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        let (s, e) = ws[k];
        let Some(rows) = table.get(&lower[s..e]) else {
            k += 1;
            continue;
        };
        if doc.text.quote_at(s).is_some() || name_part(doc, s, &doc.view()[s..e]) {
            k += 1;
            continue;
        }
        // the rows whose further words follow, longest first
        let fits = |r: &&CueRow| {
            r.rest
                .iter()
                .enumerate()
                .all(|(j, w)| ws.get(k + 1 + j).is_some_and(|&(a, b)| lower[a..b] == *w))
        };
        let mut rows: Vec<&CueRow> = rows.iter().filter(fits).collect();
        let Some(longest) = rows.iter().map(|r| r.rest.len()).max() else {
            k += 1;
            continue;
        };
        rows.retain(|r| r.rest.len() == longest);
        let end = ws[k + longest].1;
        out.push(CueAt {
            start: s,
            end,
            rows,
        });
        k += longest + 1;
    }
    out
}

/// The statement a cue tells, trying its rows in file order.
fn read_cue(
    doc: &mut Doc,
    sentence: (usize, usize),
    cue: &CueAt,
    earlier: &[StatementRec],
) -> Option<(StatementRec, Option<Speaker>)> {
    if used_as_noun(doc, sentence.0, cue.start) {
        return None;
    }
    // the verb group read once, for the negation and the voice
    let verb = verb_start(doc, sentence.0, cue.start);
    if negated(doc, verb, cue) {
        return None;
    }
    let passive = in_passive(doc, verb, cue);
    for row in cue
        .rows
        .iter()
        .filter(|r| (r.takes == Takes::Passive) == passive)
    {
        let read = match row.takes {
            Takes::Passive => passive_statement(doc, sentence, cue),
            Takes::Source => according_to(doc, sentence, cue),
            Takes::Clause | Takes::ObjectClause => trailing(doc, sentence, cue, row.takes)
                .or_else(|| leading(doc, sentence, cue, row, earlier)),
            _ => leading(doc, sentence, cue, row, earlier),
        };
        if let Some((start, end, speaker)) = read {
            let st = StatementRec {
                kind: StatementKind::Reported,
                mode: row.mode,
                speaker: speaker.and_then(|s| s.actor),
                speaker_mention: speaker.map(|s| (s.start, s.end)),
                cue: Some((cue.start, cue.end)),
                start,
                end,
                quote: None,
            };
            return Some((st, speaker));
        }
    }
    None
}

/// True when a negation stands in the cue's verb group (from `verb` on: "did not claim", "has never said"):
/// no statement.
fn negated(doc: &Doc, verb: usize, cue: &CueAt) -> bool {
    let lower = doc.text.lower();
    words(doc.text, verb, cue.start)
        .iter()
        .any(|&(a, b)| doc.rules.statements.negations.contains(&lower[a..b]))
}

/// Content span trimmed of quotation marks, commas and final stops; None when it has fewer than `min` words.
fn content(doc: &Doc, s: usize, e: usize, min: usize) -> Option<(usize, usize)> {
    let (s, e) = trim_span(doc.view(), s, e);
    (s < e && words(doc.text, s, e).len() >= min).then_some((s, e))
}

/// True when `[s, e)` is one whole quote (the direct statement already holds it).
fn whole_quote(doc: &Doc, s: usize, e: usize) -> bool {
    doc.text.quote_at(s).is_some_and(|q| {
        let (qs, qe) = q.inner();
        qs <= s && s <= qs + 1 && qe + 1 >= e
    })
}

/// `S, X said.` / `S, said X.` / `S, X told reporters.`: a cue near the sentence's end after a comma.
fn trailing(
    doc: &mut Doc,
    (ss, se): (usize, usize),
    cue: &CueAt,
    takes: Takes,
) -> Option<(usize, usize, Option<Speaker>)> {
    let view = doc.view();
    // the tail runs to the next comma ("S, he said, adding that ...") or the sentence's end
    let tail_end = view[cue.end..se]
        .find(',')
        .map(|i| cue.end + i)
        .unwrap_or(se);
    let tail = words(doc.text, cue.end, tail_end);
    let inverted = view[ss..cue.start].trim_end().ends_with(',');
    let most = if inverted {
        INVERTED_TAIL_WORDS
    } else {
        TAIL_WORDS
    };
    if tail.len() > most || view[cue.end..tail_end].contains(['"', ':', ';']) {
        return None;
    }
    if tail.iter().any(|&(a, b)| doc.text.lower()[a..b] == *"that") {
        return None;
    }
    let comma = view[ss..cue.start].rfind(',').map(|i| ss + i)?;
    let between = words(doc.text, comma + 1, cue.start);
    if between.len() > TAIL_SPEAKER_WORDS {
        return None;
    }
    // after the cue: the object told ("told reporters") and times or prepositional phrases, not a clause
    if !between.is_empty() {
        let skip = match takes {
            Takes::ObjectClause => object_len(doc, &tail).unwrap_or(0),
            _ => 0,
        };
        let from = tail.get(skip).map(|w| w.0).unwrap_or(tail_end);
        if !only_adjuncts(doc, from, tail_end) {
            return None;
        }
    }
    let (cs, mut ce) = content(doc, ss, comma, MIN_CLAUSE_WORDS - 2)?;
    if whole_quote(doc, cs, ce) {
        return None;
    }
    // "At the hearing, O'Neill said, \"...\"": the cue leads a quote, its words are the quote's
    if view[tail_end..se]
        .trim_start_matches([',', ' '])
        .starts_with('"')
    {
        return None;
    }
    if parenthetical(doc, tail_end, se) {
        // "The museum, Mr. Bush said, celebrated his heroes": the words on both sides
        ce = content(doc, cs, se, MIN_CLAUSE_WORDS)?.1;
    } else if words(doc.text, cs, ce).len() < MIN_CLAUSE_WORDS || fronted_phrase(doc, cs, ce) {
        return None;
    }
    // "S, said X" is the order of verbs of saying only ("S, shows X" is not English)
    let inverted_ok = doc.rules.lexicon.is_speech_verb(&view[cue.start..cue.end]);
    if between.is_empty() && !inverted_ok {
        return None;
    }
    let speaker = if between.is_empty() {
        // "..., said the spokesman", not "X, who understood it, said the cuts would come"
        speaker_after(doc, cue.end, tail_end).filter(|sp| {
            only_adjuncts(doc, sp.end, tail_end)
                && (sp.new_mention != Some(false)
                    || crate::doc::is_capitalised(&view[sp.start..sp.end])
                    || words(doc.text, sp.start, sp.end)
                        .last()
                        .is_some_and(|&(a, b)| speaker_head(doc.rules, &view[a..b])))
        })
    } else {
        speaker_before(doc, comma + 1, cue.start)
    };
    speaker.map(|sp| (cs, ce, Some(sp)))
}

/// True when `[cs, ce)` is a fronted phrase, not a clause: opened by a preposition or "like", with no comma
/// inside ("Like President Obama, I believe in ...": no statement before the comma).
fn fronted_phrase(doc: &Doc, cs: usize, ce: usize) -> bool {
    let Some(&(a, b)) = words(doc.text, cs, ce).first() else {
        return false;
    };
    let w = &doc.text.lower()[a..b];
    (is_preposition(w) || matches!(w, "like" | "unlike" | "despite" | "amid"))
        && !doc.view()[cs..ce].contains(',')
}

/// True when an attribution ending at `tail_end` stands inside its clause, which goes on after the comma
/// ("..., Mr. Bush said, celebrated ...") rather than ending or opening a participle or a new clause
/// ("..., he said, adding that ...", "..., he said, and ...").
fn parenthetical(doc: &Doc, tail_end: usize, se: usize) -> bool {
    let view = doc.view();
    if !view[tail_end..se].starts_with(',') || view[tail_end..se].contains('"') {
        return false;
    }
    let rest = words(doc.text, tail_end, se);
    let Some(&(a, b)) = rest.first() else {
        return false;
    };
    let w = &doc.text.lower()[a..b];
    rest.len() >= MIN_CLAUSE_WORDS
        && !w.ends_with("ing")
        && !matches!(
            w,
            "and" | "but" | "or" | "so" | "as" | "because" | "while" | "although" | "though"
        )
        && !doc.rules.statements.cues.contains_key(w)
}

/// True when `[from, to)` holds nothing but times and prepositional phrases ("said Ann on Tuesday in Kyiv"),
/// not a clause of its own ("said Russian artillery shelled the town").
fn only_adjuncts(doc: &Doc, from: usize, to: usize) -> bool {
    let ws = words(doc.text, from, to);
    ws.is_empty() || {
        let (a, b) = ws[0];
        is_preposition(&doc.text.lower()[a..b]) || in_time(doc, (a, b))
    }
}

/// True when the word `[a, b)` lies in a time of the times layer (kept in text order: a binary search).
fn in_time(doc: &Doc, (a, b): (usize, usize)) -> bool {
    let i = doc.times.partition_point(|t| t.start <= a);
    i > 0 && b <= doc.times[i - 1].end
}

/// `X said (that) S`, `X plans to ...`, `X urged Y to ...`, `X called for ...`, `..., saying S`.
fn leading(
    doc: &mut Doc,
    (ss, se): (usize, usize),
    cue: &CueAt,
    row: &CueRow,
    earlier: &[StatementRec],
) -> Option<(usize, usize, Option<Speaker>)> {
    let view = doc.view();
    let fronted = fronted_as(doc, ss, cue.end, se);
    let (cs, ce) = fronted.or_else(|| complement(doc, cue.end, se, row.takes))?;
    if whole_quote(doc, cs, ce) {
        return None;
    }
    let from = view[ss..cue.start]
        .rfind(['"', ';'])
        .map(|i| ss + i + 1)
        .unwrap_or(ss);
    let from = if fronted.is_some() {
        words(doc.text, ss, cue.start).get(1).map_or(from, |w| w.0)
    } else {
        from
    };
    // the subject stands before the verb group ("Democrats have successfully argued")
    let verb = verb_start(doc, from, cue.start);
    // "..., saying S", "began by saying S": a participle after a comma or a preposition
    let participle = doc.text.lower()[cue.start..cue.end].ends_with("ing")
        && (view[ss..verb].trim_end().ends_with(',') || after_preposition(doc, ss, verb));
    let speaker = if participle || coordinated(doc, ss, verb) {
        main_clause_speaker(doc, ss, verb, earlier)?
    } else {
        let sp = speaker_before(doc, from, verb)?;
        // "the man would say": before a modal, a description is a speaker by its head only
        let modal = words(doc.text, verb, cue.start).iter().any(|&(a, b)| {
            doc.rules
                .statements
                .modals
                .contains(&doc.text.lower()[a..b])
        });
        let headless = words(doc.text, sp.start, sp.end)
            .last()
            .is_some_and(|&(a, b)| {
                !crate::doc::is_capitalised(&view[a..b]) && !speaker_head(doc.rules, &view[a..b])
            });
        if modal && sp.new_mention == Some(false) && headless {
            return None;
        }
        // a lone capitalised word before "supports", "wants to", "believes that" may be an adjective
        // ("Western support for"): only verbs of saying take an English word as a name
        let lone_name = sp.new_mention == Some(false)
            && !matches!(row.takes, Takes::Clause | Takes::ObjectClause)
            && words(doc.text, sp.start, sp.end).len() == 1
            && crate::doc::is_capitalised(&view[sp.start..sp.end])
            && doc.rules.places.english_word(&view[sp.start..sp.end]);
        if lone_name {
            return None;
        }
        sp
    };
    Some((cs, ce, Some(speaker)))
}

/// `As many tax experts have pointed out, S`: a clause opened by "As" whose cue a comma follows; the content
/// is the clause after the comma.
fn fronted_as(doc: &Doc, ss: usize, cue_end: usize, se: usize) -> Option<(usize, usize)> {
    let lower = doc.text.lower();
    let first = *words(doc.text, ss, cue_end).first()?;
    if &lower[first.0..first.1] != "as" || !doc.view()[cue_end..se].starts_with(',') {
        return None;
    }
    content(doc, cue_end + 1, se, MIN_CLAUSE_WORDS)
}

/// Where the content after a cue lies for the construction `takes`, up to the sentence's end `se`.
fn complement(doc: &Doc, after: usize, se: usize, takes: Takes) -> Option<(usize, usize)> {
    let view = doc.view();
    let lower = doc.text.lower();
    let ws = words(doc.text, after, se);
    let first = ws.first().map(|&(a, b)| &lower[a..b]);
    // "that" within a few words, before any comma-clause or quote
    let that = ws
        .iter()
        .take(THAT_WINDOW)
        .position(|&(a, b)| &lower[a..b] == "that" && !view[after..a].contains(['"', ';', ':']));
    match takes {
        Takes::That => {
            let t = that?;
            content(doc, ws[t].1, se, MIN_CLAUSE_WORDS)
        }
        Takes::Clause | Takes::ObjectClause => {
            // "said the test could change that": a "that" with no clause after it is a pronoun
            if let Some(c) = that.and_then(|t| content(doc, ws[t].1, se, MIN_CLAUSE_WORDS)) {
                return Some(c);
            }
            let gap = view[after..ws.first()?.0].trim();
            if gap == ":" {
                return content(doc, ws[0].0, se, MIN_CLAUSE_WORDS);
            }
            if !gap.is_empty() {
                return None;
            }
            let k = if takes == Takes::ObjectClause {
                object_len(doc, &ws)?
            } else {
                0
            };
            let at = skip_adjuncts(doc, &ws, k);
            let start = ws.get(at)?.0;
            let head = &lower[start..ws[at].1];
            // "did not say when the road would reopen": "when" with a subject after it opens the clause
            let wh_clause = head == "when"
                && ws.get(at + 1).is_some_and(|&(a, b)| {
                    let next = &lower[a..b];
                    !next.ends_with("ed") && !next.ends_with("ing")
                });
            if (is_preposition(head) && !wh_clause)
                || matches!(head, "to" | "and" | "or" | "but" | "as" | "so")
            {
                return None;
            }
            content(doc, start, se, MIN_CLAUSE_WORDS)
        }
        Takes::Infinitive => {
            // "decided not to recommend": the negation kept with the infinitive
            let k = usize::from(matches!(first?, "not" | "never"));
            let to = ws.get(k).is_some_and(|&(a, b)| &lower[a..b] == "to");
            (to && view[after..ws[0].0].trim().is_empty()).then_some(())?;
            content(doc, ws[0].0, clause_end(doc, ws[0].0, se), 2 + k)
        }
        Takes::ObjectInfinitive => {
            // "to" between numbers is a range ("pushed them back by 3 to 8 km"), not an infinitive
            let number = |j: usize| lower[ws[j].0..ws[j].1].chars().all(|c| c.is_ascii_digit());
            let t = ws
                .iter()
                .take(OBJECT_WINDOW)
                .enumerate()
                .position(|(j, &(a, b))| &lower[a..b] == "to" && !(j > 0 && number(j - 1)))?;
            if t == 0 || view[after..ws[t].0].contains([',', '"', ';']) {
                return None;
            }
            content(doc, ws[0].0, clause_end(doc, ws[0].0, se), 3)
        }
        Takes::Object => {
            let f = first?;
            if !view[after..ws[0].0].trim().is_empty()
                || matches!(f, "that" | "to" | "by" | "on" | "in")
            {
                return None;
            }
            content(doc, ws[0].0, clause_end(doc, ws[0].0, se), 1)
        }
        Takes::Source | Takes::Passive => None,
    }
}

/// Where the clause starts in `ws` from word `k` on, past the phrases that may stand between a cue and what
/// was said: times ("on Tuesday", "last week"), adverbs ("later", "again"), a preposition with a phrase of
/// `lists/statement_adjuncts.txt` ("in a statement", "on Telegram", "in an interview with CNN").
fn skip_adjuncts(doc: &Doc, ws: &[(usize, usize)], mut k: usize) -> usize {
    let lower = doc.text.lower();
    let rules = &doc.rules.statements;
    let in_time = |w: (usize, usize)| in_time(doc, w);
    for _ in 0..4 {
        let Some(&w) = ws.get(k) else {
            break;
        };
        let word = &lower[w.0..w.1];
        let next_in_time = ws.get(k + 1).is_some_and(|&n| in_time(n));
        if in_time(w) || (is_preposition(word) && next_in_time) {
            k += 1;
            while ws.get(k).is_some_and(|&n| in_time(n)) {
                k += 1;
            }
        } else if doc.rules.speakers.is_adverb(word) {
            k += 1;
        } else if is_preposition(word) {
            let head = (k + 1..ws.len().min(k + 6))
                .find(|&j| rules.adjuncts.contains(&lower[ws[j].0..ws[j].1]));
            let Some(j) = head else {
                break;
            };
            k = j + 1;
            // "in an interview with CNN", "in a letter to Congress"
            if ws
                .get(k)
                .is_some_and(|&(a, b)| matches!(&lower[a..b], "with" | "to"))
            {
                let view = doc.view();
                let caps = ws[k + 1..]
                    .iter()
                    .take(4)
                    .take_while(|&&(a, b)| crate::doc::is_capitalised(&view[a..b]))
                    .count();
                if caps > 0 {
                    k += 1 + caps;
                }
            }
        } else {
            break;
        }
    }
    k
}

/// Words that end what a call, an intent or a noun object holds: the clause told beside it ("called for
/// protests as the government showed no willingness ...", "vowed to fight, and ...").
const PHRASE_ENDS: [&str; 13] = [
    ",",
    ";",
    " as ",
    " after ",
    " following ",
    " because ",
    " while ",
    " when ",
    " since ",
    " but ",
    " until ",
    " amid ",
    " despite ",
];

/// The end of the phrase starting at `s`: the first of [`PHRASE_ENDS`], or the sentence's end.
fn clause_end(doc: &Doc, s: usize, se: usize) -> usize {
    let lower = &doc.text.lower()[s..se];
    PHRASE_ENDS
        .iter()
        .filter_map(|w| lower.find(w))
        .min()
        .map_or(se, |i| s + i)
}

/// Words of the object after `told`/`warned`: a pronoun, a capitalised run, a speaker noun or a short noun
/// phrase opened by a determiner ("told reporters", "told The Associated Press", "told the council").
fn object_len(doc: &Doc, ws: &[(usize, usize)]) -> Option<usize> {
    let view = doc.view();
    let lower = doc.text.lower();
    let w0 = &lower[ws.first()?.0..ws[0].1];
    if matches!(
        w0,
        "me" | "him" | "her" | "us" | "them" | "you" | "reporters" | "journalists"
    ) {
        return Some(1);
    }
    if matches!(w0, "the" | "a" | "an" | "his" | "her" | "their") {
        // the determiner and up to three words, capitalised runs included
        let k = ws.len().min(4);
        return (k >= 2).then_some(
            2.max(
                (1..k)
                    .take_while(|&j| crate::doc::is_capitalised(&view[ws[j].0..ws[j].1]))
                    .count()
                    + 1,
            ),
        );
    }
    let caps = ws
        .iter()
        .take(5)
        .take_while(|&&(a, b)| crate::doc::is_capitalised(&view[a..b]))
        .count();
    (caps > 0).then_some(caps)
}

/// `according to X, S` / `S, according to X.`
fn according_to(
    doc: &mut Doc,
    (ss, se): (usize, usize),
    cue: &CueAt,
) -> Option<(usize, usize, Option<Speaker>)> {
    let view = doc.view();
    let stop = view[cue.end..se]
        .find(',')
        .map(|i| cue.end + i)
        .unwrap_or(se);
    let speaker = speaker_after(doc, cue.end, stop)?;
    let lead = words(doc.text, ss, cue.start);
    let opens_clause = lead.is_empty()
        || (lead.len() <= 2 && view[lead[lead.len() - 1].1..cue.start].trim().is_empty());
    let (cs, ce) = if opens_clause {
        let comma = view[speaker.end..se]
            .find(',')
            .map(|i| speaker.end + i + 1)?;
        content(doc, comma, se, MIN_CLAUSE_WORDS)?
    } else {
        content(doc, ss, cue.start, MIN_CLAUSE_WORDS)?
    };
    Some((cs, ce, Some(speaker)))
}

#[cfg(test)]
mod tests;
