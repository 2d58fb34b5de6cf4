//! Cues in the passive: `North Korea is not thought to be capable of ...`, `the strike was condemned by the
//! United Nations as ...`. A cue with a form of "be" in its verb group (`lists/be_forms.txt`) and no "-ing" is
//! read by its `passive` rows of `lists/statement_cues.tsv` only, never as the subject's own words: the
//! statement is the clause around the cue, its speaker the agent after "by" or no one named.

use super::speakers::{speaker_after, verb_start, Speaker};
use super::{content, CueAt, MIN_CLAUSE_WORDS};
use crate::attribution::is_preposition;
use crate::doc::{words, Doc};

/// True when the cue stands in the passive: a form of "be" in its verb group and no "-ing" ("is expected",
/// "has been described"; "is demanding" is active); `verb` is where the group starts.
pub(super) fn in_passive(doc: &Doc, verb: usize, cue: &CueAt) -> bool {
    let lower = doc.text.lower();
    !lower[cue.start..cue.end]
        .split(' ')
        .next()
        .unwrap_or("")
        .ends_with("ing")
        && words(doc.text, verb, cue.start)
            .iter()
            .any(|&(a, b)| doc.rules.statements.be_forms.contains(&lower[a..b]))
}

/// `North Korea is not thought to be capable of ...`, `the plan was criticised by the ministry as ...`: the
/// clause around a passive cue (from the last comma, semicolon or quotation mark before it to the end of its
/// phrase), spoken by the agent after "by" or by no one named.
pub(super) fn passive_statement(
    doc: &mut Doc,
    (ss, se): (usize, usize),
    cue: &CueAt,
) -> Option<(usize, usize, Option<Speaker>)> {
    let view = doc.view();
    let verb = verb_start(doc, ss, cue.start);
    let cs = view[ss..verb]
        .rfind([',', ';', ':', '"', '('])
        .map_or(ss, |i| ss + i + 1);
    let lower = doc.text.lower();
    // the phrase after the cue up to a comma or the sentence's end ("condemned by X as a violation")
    let first = *words(doc.text, cue.end, se).first()?;
    let ce = view[first.1..se]
        .find([',', ';'])
        .map_or(se, |i| first.1 + i);
    let agent = if &lower[first.0..first.1] == "by" {
        // the agent's words up to the next preposition ("by Democrats for his remarks": Democrats)
        let rest = words(doc.text, first.1, ce);
        let end = rest
            .iter()
            .skip(1)
            .find(|&&(a, b)| {
                is_preposition(&lower[a..b]) || matches!(&lower[a..b], "as" | "to" | "that")
            })
            .map_or(ce, |w| w.0);
        speaker_after(doc, first.1, end)
    } else {
        None
    };
    let (cs, ce) = content(doc, cs, ce, MIN_CLAUSE_WORDS)?;
    (cs < verb).then_some((cs, ce, agent))
}
