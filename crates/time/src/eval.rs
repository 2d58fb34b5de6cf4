//! Evaluation against TimeML corpora (MEANTIME English CAT XML, TimeBank and AQUAINT TimeML),
//! scored the TempEval-3 way: strict and relaxed span P/R/F1, value accuracy on relaxed matches,
//! value F1 (a relaxed match whose value is also right counts), and the same value figures for
//! relative expressions (gold expressions without a written year, which need the document date).
//!
//! The document creation time itself is not scored (TempEval practice); in MEANTIME, where the
//! creation date is written in the text, system mentions overlapping it are ignored; MEANTIME
//! annotates only the first sentences of each article, so later system output is not scored.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::find_times;

/// Precision, recall, F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub correct: usize,
    pub system: usize,
    pub gold: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.system)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for Prf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.3} R {:.3} F1 {:.3} ({}/{} sys, {} gold)",
            self.precision(),
            self.recall(),
            self.f1(),
            self.correct,
            self.system,
            self.gold
        )
    }
}

/// Figures for one corpus.
#[derive(Debug, Clone, Default)]
pub struct CorpusReport {
    pub name: String,
    pub documents: usize,
    pub strict: Prf,
    pub relaxed: Prf,
    /// Relaxed matches with the right value / relaxed matches.
    pub value_accuracy: f64,
    /// Relaxed matches with the right TIMEX3 type / relaxed matches.
    pub type_accuracy: f64,
    pub value: Prf,
    /// Value F1 restricted to relative expressions (gold without a year / system `relative`).
    pub relative_value: Prf,
    pub relative_value_accuracy: f64,
    /// Relaxed matches with the right type (numerator of `type_accuracy`).
    pub type_correct: usize,
    /// Relaxed matches of relative gold expressions, and those with the right value.
    pub relative_matched: usize,
    pub relative_value_ok: usize,
    /// Sample of disagreements: "kind\tgold text\tgold value\tsystem text\tsystem value".
    pub errors: Vec<String>,
}

/// Figures for all corpora.
#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    pub corpora: Vec<CorpusReport>,
}

impl fmt::Display for CorpusReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} ({} documents)", self.name, self.documents)?;
        writeln!(f, "  strict span   {}", self.strict)?;
        writeln!(f, "  relaxed span  {}", self.relaxed)?;
        writeln!(
            f,
            "  value acc {:.3}  type acc {:.3}",
            self.value_accuracy, self.type_accuracy
        )?;
        writeln!(f, "  value         {}", self.value)?;
        writeln!(
            f,
            "  relative value {}  (acc {:.3})",
            self.relative_value, self.relative_value_accuracy
        )
    }
}

impl Prf {
    fn add(&mut self, o: &Prf) {
        self.correct += o.correct;
        self.system += o.system;
        self.gold += o.gold;
    }
}

impl CorpusReport {
    /// Pools the counts of several corpora (micro-averaged; errors are not carried over).
    pub fn combine(name: &str, parts: &[&CorpusReport]) -> CorpusReport {
        let mut r = CorpusReport {
            name: name.to_string(),
            ..Default::default()
        };
        for p in parts {
            r.documents += p.documents;
            r.strict.add(&p.strict);
            r.relaxed.add(&p.relaxed);
            r.value.add(&p.value);
            r.relative_value.add(&p.relative_value);
            r.type_correct += p.type_correct;
            r.relative_matched += p.relative_matched;
            r.relative_value_ok += p.relative_value_ok;
        }
        r.value_accuracy = ratio(r.value.correct, r.relaxed.correct);
        r.type_accuracy = ratio(r.type_correct, r.relaxed.correct);
        r.relative_value_accuracy = ratio(r.relative_value_ok, r.relative_matched);
        r
    }
}

impl EvalReport {
    /// TimeBank and AQUAINT pooled (the TempEval-3 "TBAQ" training set), if both were scored.
    pub fn tbaq(&self) -> Option<CorpusReport> {
        let tb = self.corpora.iter().find(|c| c.name == "TimeBank")?;
        let aq = self.corpora.iter().find(|c| c.name == "AQUAINT")?;
        Some(CorpusReport::combine(
            "TBAQ (TimeBank + AQUAINT)",
            &[tb, aq],
        ))
    }

    /// The figures as README-ready markdown: one table of span and value scores per corpus
    /// (and TBAQ pooled), one of the value scores on relative expressions.
    pub fn markdown(&self) -> String {
        use std::fmt::Write as _;
        let mut rows: Vec<CorpusReport> = self.corpora.clone();
        rows.extend(self.tbaq());
        let mut s = String::new();
        s.push_str(
            "| Corpus | Docs | Gold | Strict P | Strict R | Strict F1 | Relaxed P | Relaxed R | \
             Relaxed F1 | Value acc. | Value P | Value R | Value F1 |\n",
        );
        s.push_str("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for c in &rows {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | \
                 {:.3} | **{:.3}** |",
                c.name,
                c.documents,
                c.relaxed.gold,
                c.strict.precision(),
                c.strict.recall(),
                c.strict.f1(),
                c.relaxed.precision(),
                c.relaxed.recall(),
                c.relaxed.f1(),
                c.value_accuracy,
                c.value.precision(),
                c.value.recall(),
                c.value.f1()
            );
        }
        s.push_str(
            "\nRelative expressions (gold DATE/TIME without a written year, resolved against the \
             document date):\n\n",
        );
        s.push_str("| Corpus | Gold | System | Value acc. | Value P | Value R | Value F1 |\n");
        s.push_str("|---|--:|--:|--:|--:|--:|--:|\n");
        for c in &rows {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {:.3} | {:.3} | {:.3} | **{:.3}** |",
                c.name,
                c.relative_value.gold,
                c.relative_value.system,
                c.relative_value_accuracy,
                c.relative_value.precision(),
                c.relative_value.recall(),
                c.relative_value.f1()
            );
        }
        s
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in &self.corpora {
            write!(f, "{c}")?;
        }
        if let Some(t) = self.tbaq() {
            write!(f, "{t}")?;
        }
        Ok(())
    }
}

/// A gold expression in a rebuilt document text.
#[derive(Debug, Clone)]
struct Gold {
    start: usize,
    end: usize,
    ty: String,
    value: String,
}

struct Doc {
    text: String,
    dct: Option<NaiveDate>,
    gold: Vec<Gold>,
    /// Spans where system output is ignored (the creation time written in the text).
    ignore: Vec<(usize, usize)>,
    /// System output at or after this offset is not scored (unannotated part of the text).
    scored_until: usize,
}

/// MEANTIME annotates only the title, the date line and the first sentences of each article:
/// sentence numbers 0..=5 (no gold TIMEX3 lies beyond).
const MEANTIME_ANNOTATED_SENTENCES: usize = 6;

/// Evaluates on `shared_time_dir` (the directory holding `meantime_en/` and `TBAQ-cleaned/`).
pub fn evaluate(shared_time_dir: &Path) -> Result<EvalReport, String> {
    let mut report = EvalReport::default();
    let sets: [(&str, PathBuf, &str); 3] = [
        (
            "MEANTIME-en",
            shared_time_dir.join("meantime_en/intra-doc_annotation"),
            "xml",
        ),
        (
            "TimeBank",
            shared_time_dir.join("TBAQ-cleaned/TimeBank"),
            "tml",
        ),
        (
            "AQUAINT",
            shared_time_dir.join("TBAQ-cleaned/AQUAINT"),
            "tml",
        ),
    ];
    for (name, dir, ext) in sets {
        let mut files = Vec::new();
        collect_files(&dir, ext, &mut files)?;
        files.sort();
        if files.is_empty() {
            return Err(format!("no .{ext} files under {}", dir.display()));
        }
        let mut docs = Vec::new();
        for f in &files {
            let raw = fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
            let doc = if ext == "xml" {
                parse_cat(&raw)
            } else {
                parse_timeml(&raw)
            };
            docs.push(doc.map_err(|e| format!("{}: {e}", f.display()))?);
        }
        report.corpora.push(score(name, &docs));
    }
    Ok(report)
}

fn collect_files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let rd = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in rd {
        let p = entry.map_err(|e| e.to_string())?.path();
        if p.is_dir() {
            collect_files(&p, ext, out)?;
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
    Ok(())
}

// ---- tiny XML helpers -----------------------------------------------------------------------

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(pos) = tag[from..].find(name) {
        let at = from + pos;
        let before_ok = at > 0 && tag.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = &tag[at + name.len()..];
        if before_ok && rest.starts_with("=\"") {
            let v = &rest[2..];
            return v.find('"').map(|e| &v[..e]);
        }
        from = at + name.len();
    }
    None
}

fn unescape(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let tail = &rest[p..];
        let ents = [
            ("&amp;", "&"),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&quot;", "\""),
            ("&apos;", "'"),
        ];
        if let Some((e, r)) = ents.iter().find(|(e, _)| tail.starts_with(e)) {
            out.push_str(r);
            rest = &tail[e.len()..];
        } else {
            out.push('&');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
}

fn parse_dct(v: &str) -> Option<NaiveDate> {
    let v = v.get(..10).unwrap_or(v);
    ["%Y-%m-%d", "%d-%m-%Y", "%Y%m%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(v, f).ok())
}

/// MEANTIME CAT XML: tokens, then markables anchored on token ids.
fn parse_cat(raw: &str) -> Result<Doc, String> {
    let mut text = String::new();
    let mut offsets: Vec<(usize, usize)> = Vec::new(); // indexed by t_id
    let mut last_sentence = None;
    let mut scored_until = None;
    let mut pos = 0;
    while let Some(p) = raw[pos..].find("<token ") {
        let start = pos + p;
        let close = raw[start..].find('>').ok_or("unclosed token")? + start;
        let tag = &raw[start..close];
        let end = raw[close..].find("</token>").ok_or("unclosed token")? + close;
        let body = &raw[close + 1..end];
        let id: usize = attr(tag, "t_id")
            .and_then(|v| v.parse().ok())
            .ok_or("token without t_id")?;
        let sent = attr(tag, "sentence").unwrap_or("");
        let sent_no: usize = sent.parse().unwrap_or(0);
        if sent_no >= MEANTIME_ANNOTATED_SENTENCES && scored_until.is_none() {
            scored_until = Some(text.len());
        }
        if !text.is_empty() {
            text.push(if last_sentence.as_deref() == Some(sent) {
                ' '
            } else {
                '\n'
            });
        }
        last_sentence = Some(sent.to_string());
        let s = text.len();
        unescape(body, &mut text);
        if offsets.len() <= id {
            offsets.resize(id + 1, (0, 0));
        }
        offsets[id] = (s, text.len());
        pos = end;
    }
    let mut gold = Vec::new();
    let mut ignore = Vec::new();
    let mut dct = None;
    let mut pos = raw.find("<Markables").unwrap_or(raw.len());
    while let Some(p) = raw[pos..].find("<TIMEX3 ") {
        let start = pos + p;
        let close = raw[start..].find('>').ok_or("unclosed TIMEX3")? + start;
        let tag = &raw[start..close];
        let end = raw[close..].find("</TIMEX3>").map_or(close, |e| e + close);
        let body = &raw[close..end];
        let mut span: Option<(usize, usize)> = None;
        let mut bp = 0;
        while let Some(a) = body[bp..].find("t_id=\"") {
            let v = &body[bp + a + 6..];
            let id: usize = v[..v.find('"').unwrap_or(0)]
                .parse()
                .map_err(|_| "bad anchor")?;
            let (s, e) = *offsets.get(id).ok_or("anchor out of range")?;
            span = Some(span.map_or((s, e), |(a, b)| (a.min(s), b.max(e))));
            bp += a + 6;
        }
        let value = attr(tag, "value").unwrap_or("").to_string();
        let ty = attr(tag, "type").unwrap_or("").to_string();
        if attr(tag, "functionInDocument") == Some("CREATION_TIME") {
            dct = parse_dct(&value);
            if let Some(sp) = span {
                ignore.push(sp);
            }
        } else if let Some((s, e)) = span {
            gold.push(Gold {
                start: s,
                end: e,
                ty,
                value,
            });
        }
        pos = end.max(close);
    }
    gold.sort_by_key(|g| g.start);
    let scored_until = scored_until.unwrap_or(text.len());
    Ok(Doc {
        text,
        dct,
        gold,
        ignore,
        scored_until,
    })
}

/// TimeML: DCT in `<DCT>`, inline TIMEX3 in `<TEXT>`.
fn parse_timeml(raw: &str) -> Result<Doc, String> {
    let dct = raw
        .find("<DCT>")
        .and_then(|p| {
            let s = &raw[p..];
            let tag_end = s.find('>').map(|e| e + 1)?;
            let t = &s[tag_end..];
            let close = t.find('>')?;
            attr(&t[..close], "value")
        })
        .and_then(parse_dct);
    let ts = raw.find("<TEXT>").ok_or("no <TEXT>")? + "<TEXT>".len();
    let te = raw[ts..].find("</TEXT>").ok_or("no </TEXT>")? + ts;
    let body = &raw[ts..te];
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut pos = 0;
    while pos < body.len() {
        match body[pos..].find('<') {
            None => {
                unescape(&body[pos..], &mut text);
                break;
            }
            Some(p) => {
                unescape(&body[pos..pos + p], &mut text);
                let ts = pos + p;
                let tend = body[ts..].find('>').ok_or("unclosed tag")? + ts;
                let tag = &body[ts..=tend];
                if tag.starts_with("<TIMEX3") {
                    let v = attr(tag, "value").unwrap_or("").to_string();
                    let ty = attr(tag, "type").unwrap_or("").to_string();
                    open = Some((text.len(), ty, v));
                } else if tag.starts_with("</TIMEX3") {
                    if let Some((s, ty, value)) = open.take() {
                        gold.push(Gold {
                            start: s,
                            end: text.len(),
                            ty,
                            value,
                        });
                    }
                }
                pos = tend + 1;
            }
        }
    }
    let scored_until = text.len();
    Ok(Doc {
        text,
        dct,
        gold,
        ignore: Vec::new(),
        scored_until,
    })
}

// ---- scoring --------------------------------------------------------------------------------

/// Whether a gold expression needs the document date (no year written in it).
fn gold_is_relative(text: &str, g: &Gold) -> bool {
    if !(g.ty == "DATE" || g.ty == "TIME") {
        return false;
    }
    let t = &text[g.start..g.end];
    let b = t.as_bytes();
    let has_year = b.windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    });
    !has_year
}

/// Canonical form for comparing values: trimmed, ISO weeks zero-padded ("2000-W7" = "2000-W07").
fn norm_value(v: &str) -> String {
    let v = v.trim();
    let b = v.as_bytes();
    if b.len() >= 7
        && b[4] == b'-'
        && b[5] == b'W'
        && b[6].is_ascii_digit()
        && b.get(7).is_none_or(|c| !c.is_ascii_digit())
    {
        return format!("{}-W0{}", &v[..4], &v[6..]);
    }
    v.to_string()
}

fn score(name: &str, docs: &[Doc]) -> CorpusReport {
    let mut r = CorpusReport {
        name: name.to_string(),
        documents: docs.len(),
        ..Default::default()
    };
    let (mut matched, mut val_ok, mut type_ok) = (0usize, 0usize, 0usize);
    let (mut rel_matched, mut rel_ok) = (0usize, 0usize);
    for doc in docs {
        // a document without a creation time falls back on its dateline, as the pipeline does
        let dct = doc
            .dct
            .or_else(|| crate::find_dateline(&doc.text).map(|d| d.date));
        let sys: Vec<_> = find_times(&doc.text, dct)
            .into_iter()
            .filter(|m| {
                m.start < doc.scored_until
                    && !doc.ignore.iter().any(|&(s, e)| m.start < e && s < m.end)
            })
            .collect();
        r.strict.system += sys.len();
        r.relaxed.system += sys.len();
        r.value.system += sys.len();
        r.strict.gold += doc.gold.len();
        r.relaxed.gold += doc.gold.len();
        r.value.gold += doc.gold.len();
        r.relative_value.system += sys.iter().filter(|m| m.relative).count();
        // one-to-one alignment: exact spans first, then the first free overlapping mention
        // (so a range tagged both whole and by its parts pairs each part with its own tag)
        let mut used = vec![false; sys.len()];
        let mut assigned: Vec<Option<usize>> = vec![None; doc.gold.len()];
        for (gi, g) in doc.gold.iter().enumerate() {
            if let Some(k) =
                (0..sys.len()).find(|&k| !used[k] && sys[k].start == g.start && sys[k].end == g.end)
            {
                used[k] = true;
                assigned[gi] = Some(k);
            }
        }
        for (gi, g) in doc.gold.iter().enumerate() {
            if assigned[gi].is_none() {
                if let Some(k) = (0..sys.len())
                    .find(|&k| !used[k] && sys[k].start < g.end && g.start < sys[k].end)
                {
                    used[k] = true;
                    assigned[gi] = Some(k);
                }
            }
        }
        for (gi, g) in doc.gold.iter().enumerate() {
            let rel = gold_is_relative(&doc.text, g);
            if rel {
                r.relative_value.gold += 1;
            }
            let hit = assigned[gi];
            let gtext = doc.text[g.start..g.end].replace('\n', " ");
            let ctx = context(&doc.text, g.start, g.end);
            let Some(k) = hit else {
                push_err(
                    &mut r.errors,
                    format!("MISS\t{gtext}\t{}\t\t\t{ctx}", g.value),
                );
                continue;
            };
            let m = &sys[k];
            matched += 1;
            if m.start == g.start && m.end == g.end {
                r.strict.correct += 1;
            }
            if m.timex_type.as_str() == g.ty {
                type_ok += 1;
            }
            let ok = m.value.as_deref().map(norm_value) == Some(norm_value(&g.value));
            if ok {
                val_ok += 1;
            } else {
                push_err(
                    &mut r.errors,
                    format!(
                        "VALUE\t{gtext}\t{}\t{}\t{}\t{ctx}\t{:?}",
                        g.value,
                        m.text.replace('\n', " "),
                        m.value.as_deref().unwrap_or("None"),
                        doc.dct
                    ),
                );
            }
            if rel {
                rel_matched += 1;
                if ok {
                    rel_ok += 1;
                    if m.relative {
                        r.relative_value.correct += 1;
                    }
                }
            }
        }
        for (k, m) in sys.iter().enumerate() {
            if !used[k] {
                push_err(
                    &mut r.errors,
                    format!(
                        "FALSE\t\t\t{}\t{}\t{}",
                        m.text.replace('\n', " "),
                        m.value.as_deref().unwrap_or("None"),
                        context(&doc.text, m.start, m.end)
                    ),
                );
            }
        }
    }
    r.relaxed.correct = matched;
    r.value.correct = val_ok;
    r.value_accuracy = ratio(val_ok, matched);
    r.type_accuracy = ratio(type_ok, matched);
    r.relative_value_accuracy = ratio(rel_ok, rel_matched);
    r.type_correct = type_ok;
    r.relative_matched = rel_matched;
    r.relative_value_ok = rel_ok;
    r
}

fn context(text: &str, s: usize, e: usize) -> String {
    let mut a = s.saturating_sub(60);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (e + 60).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("{}[{}]{}", &text[a..s], &text[s..e], &text[e..b]).replace('\n', " ")
}

const MAX_ERRORS: usize = 5000;

fn push_err(errors: &mut Vec<String>, e: String) {
    if errors.len() < MAX_ERRORS {
        errors.push(e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeml_inline_spans() {
        let raw = "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT>\
                   <TEXT>Bombs &amp; fire <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-07\">Friday</TIMEX3>.</TEXT>";
        let d = parse_timeml(raw).unwrap();
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 8, 7));
        assert_eq!(d.text, "Bombs & fire Friday.");
        assert_eq!(&d.text[d.gold[0].start..d.gold[0].end], "Friday");
        let r = score("t", &[d]);
        assert_eq!(r.strict.correct, 1);
        assert_eq!(r.value.correct, 1);
    }

    #[test]
    fn cat_tokens_and_anchors() {
        let raw = "<Document><token sentence=\"0\" t_id=\"1\">On</token><token sentence=\"0\" t_id=\"2\">Monday</token>\
                   <token sentence=\"1\" t_id=\"3\">May</token><token sentence=\"1\" t_id=\"4\">4</token>\
                   <Markables><TIMEX3 functionInDocument=\"NONE\" type=\"DATE\" value=\"2009-05-04\"><token_anchor t_id=\"2\"/></TIMEX3>\
                   <TIMEX3 functionInDocument=\"CREATION_TIME\" type=\"DATE\" value=\"2009-05-04\"><token_anchor t_id=\"3\"/><token_anchor t_id=\"4\"/></TIMEX3></Markables></Document>";
        let d = parse_cat(raw).unwrap();
        assert_eq!(d.text, "On Monday\nMay 4");
        assert_eq!(d.gold.len(), 1);
        assert_eq!(d.ignore, vec![(10, 15)]);
        let r = score("c", &[d]);
        assert_eq!(r.relaxed.correct, 1);
        assert_eq!(r.relaxed.system, 1);
        assert_eq!(r.value.correct, 1);
    }
}
