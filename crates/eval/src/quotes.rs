//! Quotes and statements evaluation on the PolNeAR dev split (`quotes/polnear/data/dev`, brat standoff; read
//! from `../shared/eval`, never copied into the project).
//!
//! * **Annotator**: some texts have several annotation files (`<text>_<annotator>.ann`); the one whose
//!   annotator id sorts first is used, so every run scores the same file.
//! * **Gold direct quote**: an attribution whose Content span is a whole quoted statement — its text starts
//!   with a quotation mark (or one stands right before it) and ends with one (or one stands right after it).
//!   Every other attribution with a Content span is **indirect**: **partial** when its content holds a
//!   quotation mark ("called the strike \"a war crime\""), **reported** otherwise ("X said that ...",
//!   "according to X").
//! * **Predictions**: the ledger's statements, by kind (`direct`, `partial`, `reported`). Precision: share of
//!   them that overlap a gold attribution's content of their row; recall: share of the row's gold attributions
//!   overlapped by one. **Speaker accuracy**: over the gold attributions found that have a Source span, the share
//!   whose best-overlapping statement has a speaker with a mention (the statement's `speaker_mention` or any
//!   mention of the same actor) that overlaps the gold Source span.
//! * **Rows**: direct quotes; partial; reported; and all indirect (partial and reported statements against
//!   every gold indirect attribution, the figure the targets for reported speech are read on, since
//!   PolNeAR's indirect attributions hold both).
//!
//! Offsets: brat offsets count characters, as the ledger's do (checked: every span text matches).

use rayon::prelude::*;
use sitrep_extract::{Engine, InputDoc};
use sitrep_ledger::{Ledger, PublishedSource, StatementKind};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

#[derive(Debug, Clone)]
struct GoldAttr {
    content: Vec<(usize, usize)>,
    source: Vec<(usize, usize)>,
    cue: Vec<(usize, usize)>,
    direct: bool,
}

struct GoldDoc {
    id: String,
    text: String,
    published: Option<chrono::NaiveDate>,
    attrs: Vec<GoldAttr>,
}

/// Precision / recall / F1 and speaker accuracy for one kind of attribution.
#[derive(Debug, Clone, Default)]
pub struct AttrScore {
    pub gold: usize,
    pub predicted: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Found gold attributions that have a Source span.
    pub with_source: usize,
    pub speaker_correct: usize,
    pub speaker_accuracy: f64,
}

#[derive(Debug, Clone, Default)]
pub struct QuotesScore {
    pub docs: usize,
    pub direct: AttrScore,
    pub partial: AttrScore,
    pub reported: AttrScore,
    /// Partial and reported statements against every gold indirect attribution.
    pub indirect: AttrScore,
}

pub fn run(eval_dir: &Path, engine: &Engine) -> Result<String, String> {
    Ok(report(&evaluate(eval_dir, engine)?))
}

pub fn report(s: &QuotesScore) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "PolNeAR dev: {} texts (one annotation file per text: the first annotator id)",
        s.docs
    );
    let _ = writeln!(
        out,
        "{:<22} {:>6} {:>6} {:>6} {:>6} {:>6} {:>13}",
        "attributions", "gold", "pred", "P", "R", "F1", "speaker acc"
    );
    for (name, a) in [
        ("direct quotes", &s.direct),
        ("partial", &s.partial),
        ("reported", &s.reported),
        ("all indirect", &s.indirect),
    ] {
        let _ = writeln!(
            out,
            "{:<22} {:>6} {:>6} {:>6.3} {:>6.3} {:>6.3} {:>6.3} ({}/{})",
            name,
            a.gold,
            a.predicted,
            a.precision,
            a.recall,
            a.f1,
            a.speaker_accuracy,
            a.speaker_correct,
            a.with_source
        );
    }
    out
}

pub fn evaluate(eval_dir: &Path, engine: &Engine) -> Result<QuotesScore, String> {
    let docs = load(&eval_dir.join("quotes/polnear/data"))?;
    let per: Vec<[Counts; 4]> = docs.par_iter().map(|d| score_doc(d, engine)).collect();
    let mut tot: [Counts; 4] = Default::default();
    for p in &per {
        for (t, c) in tot.iter_mut().zip(p) {
            t.add(c);
        }
    }
    Ok(QuotesScore {
        docs: docs.len(),
        direct: tot[0].score(),
        partial: tot[1].score(),
        reported: tot[2].score(),
        indirect: tot[3].score(),
    })
}

#[derive(Debug, Clone, Default)]
struct Counts {
    gold: usize,
    found: usize,
    pred: usize,
    pred_ok: usize,
    with_source: usize,
    speaker_ok: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.found += o.found;
        self.pred += o.pred;
        self.pred_ok += o.pred_ok;
        self.with_source += o.with_source;
        self.speaker_ok += o.speaker_ok;
    }
    fn score(&self) -> AttrScore {
        let p = ratio(self.pred_ok, self.pred);
        let r = ratio(self.found, self.gold);
        AttrScore {
            gold: self.gold,
            predicted: self.pred,
            precision: p,
            recall: r,
            f1: if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
            with_source: self.with_source,
            speaker_correct: self.speaker_ok,
            speaker_accuracy: ratio(self.speaker_ok, self.with_source),
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

fn overlaps(a: (usize, usize), b: (usize, usize)) -> usize {
    let s = a.0.max(b.0);
    let e = a.1.min(b.1);
    e.saturating_sub(s)
}

fn overlap_any(a: (usize, usize), bs: &[(usize, usize)]) -> usize {
    bs.iter().map(|&b| overlaps(a, b)).sum()
}

/// A predicted attribution: content span and the char spans of its speaker's mentions.
struct Pred {
    span: (usize, usize),
    speaker_spans: Vec<(usize, usize)>,
}

impl Pred {
    fn copy(&self) -> Pred {
        Pred {
            span: self.span,
            speaker_spans: self.speaker_spans.clone(),
        }
    }
}

/// The prediction that overlaps the gold attribution's content most (the last of equals), if any does.
fn best_pred<'p>(g: &GoldAttr, preds: &'p [Pred]) -> Option<&'p Pred> {
    preds
        .iter()
        .map(|p| (overlap_any(p.span, &g.content), p))
        .filter(|(o, _)| *o > 0)
        .max_by_key(|(o, _)| *o)
        .map(|(_, p)| p)
}

fn actor_spans(l: &Ledger, id: Option<&str>) -> Vec<(usize, usize)> {
    id.and_then(|id| l.actor(id))
        .map(|a| a.mentions.iter().map(|m| (m.start, m.end)).collect())
        .unwrap_or_default()
}

fn score_doc(d: &GoldDoc, engine: &Engine) -> [Counts; 4] {
    let l = engine.extract(&InputDoc {
        id: d.id.clone(),
        text: d.text.clone(),
        published: d.published,
        published_source: d.published.map(|_| PublishedSource::Metadata),
        ..Default::default()
    });
    let chars: Vec<char> = d.text.chars().collect();
    let mut preds: [Vec<Pred>; 3] = Default::default();
    for st in &l.statements {
        let mut sp = actor_spans(&l, st.speaker.as_deref());
        if let Some(m) = &st.speaker_mention {
            sp.push((m.start, m.end));
        }
        let k = match st.kind {
            StatementKind::Direct => 0,
            StatementKind::Partial => 1,
            StatementKind::Reported => 2,
        };
        preds[k].push(Pred {
            span: (st.content.start, st.content.end),
            speaker_spans: sp,
        });
    }
    let [direct, partial, reported] = preds;
    let golds_d: Vec<&GoldAttr> = d.attrs.iter().filter(|a| a.direct).collect();
    let golds_i: Vec<&GoldAttr> = d.attrs.iter().filter(|a| !a.direct).collect();
    let (golds_p, golds_r): (Vec<&GoldAttr>, Vec<&GoldAttr>) = golds_i
        .iter()
        .partition(|a| holds_quote(&a.content, &chars));
    let indirect: Vec<Pred> = partial.iter().chain(&reported).map(Pred::copy).collect();
    match std::env::var("SITREP_EVAL_DEBUG").as_deref() {
        Ok("indirect") => debug_indirect(&chars, &golds_i, &indirect),
        Ok(_) => debug(d, &l, &golds_d, &direct),
        Err(_) => {}
    }
    [
        count(&golds_d, &direct),
        count(&golds_p, &partial),
        count(&golds_r, &reported),
        count(&golds_i, &indirect),
    ]
}

/// True when a content span holds a quotation mark.
fn holds_quote(content: &[(usize, usize)], chars: &[char]) -> bool {
    content
        .iter()
        .any(|&(s, e)| (s..e.min(chars.len())).any(|i| mark_at(chars, i)))
}

/// Prints the gold indirect attributions no statement overlaps (`MISS cue | content`) and the statements that
/// overlap none (`FALSE content`), with SITREP_EVAL_DEBUG=indirect.
fn debug_indirect(chars: &[char], golds: &[&GoldAttr], preds: &[Pred]) {
    let cut = |(a, b): (usize, usize), n: usize| -> String {
        chars[a.min(chars.len())..b.min(chars.len())]
            .iter()
            .take(n)
            .collect::<String>()
            .replace('\n', " ")
    };
    for g in golds.iter().filter(|g| best_pred(g, preds).is_none()) {
        let cue = g
            .cue
            .iter()
            .map(|&c| cut(c, 40))
            .collect::<Vec<_>>()
            .join(" ");
        let src = g.source.first().map(|&s| cut(s, 30)).unwrap_or_default();
        let near = g.cue.first().map_or(g.content[0].0, |c| c.0);
        let ctx = cut((near.saturating_sub(120), near + 120), 240);
        eprintln!(
            "MISS {cue:?} src {src:?} | {:?} || {ctx:?}",
            cut(g.content[0], 80)
        );
    }
    for p in preds {
        if !golds.iter().any(|g| overlap_any(p.span, &g.content) > 0) {
            eprintln!("FALSE {:?}", cut(p.span, 100));
        }
    }
}

/// Prints the gold direct quotes missed or whose speaker was missed, and the direct statements that overlap no
/// gold direct quote (SITREP_EVAL_DEBUG set to anything else).
fn debug(d: &GoldDoc, l: &Ledger, golds: &[&GoldAttr], preds: &[Pred]) {
    let chars: Vec<char> = d.text.chars().collect();
    let cut = |(a, b): (usize, usize)| -> String {
        chars[a.min(chars.len())..b.min(chars.len())]
            .iter()
            .collect::<String>()
            .replace('\n', " ")
    };
    for g in golds {
        let Some(p) = best_pred(g, preds) else {
            eprintln!(
                "MISS quote {:?}",
                cut(g.content[0]).chars().take(70).collect::<String>()
            );
            continue;
        };
        if g.source.is_empty()
            || p.speaker_spans
                .iter()
                .any(|&s| overlap_any(s, &g.source) > 0)
        {
            continue;
        }
        let q = l
            .statements
            .iter()
            .find(|q| (q.content.start, q.content.end) == p.span);
        let e = g.content[g.content.len() - 1].1;
        eprintln!(
            "SPK gold {:?} pred {:?} mention {:?} | {:?}",
            cut(g.source[0]),
            q.and_then(|q| q.speaker.as_deref())
                .and_then(|id| l.actor(id))
                .map(|a| a.name.clone()),
            q.and_then(|q| q.speaker_mention.as_ref())
                .map(|m| m.text.clone()),
            cut((e.saturating_sub(60), e + 60)),
        );
    }
    for p in preds {
        if !golds.iter().any(|g| overlap_any(p.span, &g.content) > 0) {
            eprintln!(
                "FALSE {:?}",
                cut(p.span).chars().take(100).collect::<String>()
            );
        }
    }
}

fn count(golds: &[&GoldAttr], preds: &[Pred]) -> Counts {
    let mut c = Counts {
        gold: golds.len(),
        pred: preds.len(),
        ..Default::default()
    };
    c.pred_ok = preds
        .iter()
        .filter(|p| golds.iter().any(|g| overlap_any(p.span, &g.content) > 0))
        .count();
    for g in golds {
        let Some(p) = best_pred(g, preds) else {
            continue;
        };
        c.found += 1;
        if g.source.is_empty() {
            continue;
        }
        c.with_source += 1;
        if p.speaker_spans
            .iter()
            .any(|&s| overlap_any(s, &g.source) > 0)
        {
            c.speaker_ok += 1;
        }
    }
    c
}

// ---------------------------------------------------------------- loading

const QUOTE_MARKS: &[char] = &['"', '“', '”', '„', '«', '»'];

fn load(data: &Path) -> Result<Vec<GoldDoc>, String> {
    let dev = data.join("dev");
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    // publication dates
    let mut dates = HashMap::new();
    if let Ok(meta) = read(&data.join("metadata.tsv")) {
        let mut lines = meta.lines();
        let head: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
        let fi = head.iter().position(|h| *h == "filename");
        let di = head.iter().position(|h| *h == "publication_date");
        if let (Some(fi), Some(di)) = (fi, di) {
            for l in lines {
                let f: Vec<&str> = l.split('\t').collect();
                if let (Some(n), Some(d)) = (f.get(fi), f.get(di)) {
                    if let Ok(d) = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                        dates.insert(n.to_string(), d);
                    }
                }
            }
        }
    }
    // one annotation file per text: the first annotator id
    let mut anns: BTreeMap<String, String> = BTreeMap::new();
    let dir = dev.join("attributions");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    names.sort();
    for n in names {
        let stem = n.trim_end_matches(".ann");
        let Some((base, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        anns.entry(base.to_string()).or_insert(n);
    }
    let mut docs = Vec::new();
    for (base, ann) in anns {
        let text = read(&dev.join("text").join(format!("{base}.txt")))?;
        let chars: Vec<char> = text.chars().collect();
        let attrs = parse_ann(&read(&dir.join(&ann))?, &chars);
        docs.push(GoldDoc {
            published: dates.get(&base).copied(),
            id: base,
            text,
            attrs,
        });
    }
    Ok(docs)
}

fn parse_ann(ann: &str, chars: &[char]) -> Vec<GoldAttr> {
    let mut spans: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut out = Vec::new();
    for l in ann.lines() {
        let f: Vec<&str> = l.split('\t').collect();
        if f.len() >= 2 && f[0].starts_with('T') {
            let Some((_, rng)) = f[1].split_once(' ') else {
                continue;
            };
            let segs = rng
                .split(';')
                .filter_map(|s| {
                    let mut it = s.split_whitespace();
                    let a = it.next()?.parse().ok()?;
                    let b = it.next()?.parse().ok()?;
                    Some((a, b))
                })
                .collect();
            spans.insert(f[0], segs);
        }
    }
    for l in ann.lines() {
        let f: Vec<&str> = l.split('\t').collect();
        if f.len() < 2 || !f[0].starts_with('E') {
            continue;
        }
        let mut content = Vec::new();
        let mut source = Vec::new();
        let mut cue = Vec::new();
        for part in f[1].split_whitespace() {
            let Some((role, id)) = part.split_once(':') else {
                continue;
            };
            let segs = spans.get(id).cloned().unwrap_or_default();
            match role {
                "Content" => content = segs,
                "Source" => source = segs,
                "Cue" => cue = segs,
                _ => {}
            }
        }
        if content.is_empty() {
            continue;
        }
        let direct = is_direct(&content, chars);
        out.push(GoldAttr {
            content,
            source,
            cue,
            direct,
        });
    }
    out
}

/// True when a quotation mark stands at `chars[i]`: one of [`QUOTE_MARKS`], or one of a doubled apostrophe
/// (`''`, as some newspapers write quotation marks).
fn mark_at(chars: &[char], i: usize) -> bool {
    let apostrophe = |j: usize| {
        chars
            .get(j)
            .is_some_and(|c| matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`'))
    };
    chars.get(i).is_some_and(|c| QUOTE_MARKS.contains(c))
        || (apostrophe(i) && (apostrophe(i + 1) || (i > 0 && apostrophe(i - 1))))
}

/// A content span that is a whole quoted statement.
fn is_direct(content: &[(usize, usize)], chars: &[char]) -> bool {
    let s = content[0].0;
    let e = content[content.len() - 1].1.min(chars.len());
    if s >= e {
        return false;
    }
    let first = (s..e).find(|&i| !chars[i].is_whitespace());
    let last = (s..e).rev().find(|&i| !chars[i].is_whitespace());
    let (Some(f), Some(la)) = (first, last) else {
        return false;
    };
    let opens = mark_at(chars, f) || (s > 0 && mark_at(chars, s - 1));
    let closes = mark_at(chars, la)
        || (e < chars.len() && mark_at(chars, e))
        // the closing mark after a final comma or full stop inside the span ("...,” he said)
        || (la > s && mark_at(chars, la - 1));
    opens && closes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direct_means_a_whole_quoted_statement() {
        let t: Vec<char> = "He said “we will win,” and left. She said that it was over."
            .chars()
            .collect();
        assert!(is_direct(&[(8, 22)], &t));
        assert!(!is_direct(&[(42, 59)], &t));
        let t: Vec<char> = "He said ''we will win,'' and left.".chars().collect();
        assert!(is_direct(&[(10, 22)], &t));
    }

    #[test]
    fn parses_brat_attributions() {
        let text: Vec<char> = "“Yes,” Ann said.".chars().collect();
        let ann = "T1\tSource 7 10\tAnn\nT2\tCue 11 15\tsaid\nT3\tContent 0 6\t“Yes,”\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let a = parse_ann(ann, &text);
        assert_eq!(a.len(), 1);
        assert!(a[0].direct);
        assert_eq!(a[0].source, vec![(7, 10)]);
    }
}
