//! Geoparsing evaluation on LGL, GeoWebNews, GeoVirus and UCDP GED Ukraine (read from `../shared/eval/geo`,
//! never copied into the project).
//!
//! * **Recognition**: precision / recall / F1 of the ledger's place mentions against the gold toponym spans,
//!   a match being any character overlap (one prediction per gold toponym). LGL and GeoVirus annotate every
//!   toponym but no demonyms, so demonym mentions are left out of the predictions there. On GeoWebNews the
//!   score is on *literal* toponyms (types Literal, Literal_Modifier, Mixed, Coercion, Embedded_Literal);
//!   a prediction on a non-literal toponym (Metonymic, Non_Literal_Modifier, Embedded_Non_Lit, Demonym,
//!   Homonym, Language) counts neither way. A second line gives all GeoWebNews toponym types.
//! * **Resolution**: over the gold toponyms with coordinates that were recognised, the share whose predicted
//!   point is within 161 km (100 miles) of the gold point, and the median error in km (an unresolved
//!   prediction counts as 20,000 km). GeoWebNews: every toponym with `nonLocational == No` and coordinates.
//! * **End-to-end**: over all gold toponyms with coordinates, the share recognised *and* within 161 km.
//! * **UCDP**: each `where_prec == 1` (exact place) row's `where_description` ("Gorlovka/Horlivka town",
//!   "Andreyevka village") goes through the whole engine, with the event's first source headline as a
//!   second paragraph for context (the country the report is about); the prediction is the first place
//!   mention inside the description that has coordinates, a settlement preferred over a region or a
//!   country. Scored: share within 25 km of the UCDP point.
//!
//! Offsets: the ledger's offsets are characters, and so are the corpora's (LGL and GeoWebNews exact,
//! except 5 GeoWebNews spans that are off and are re-found by name nearby; GeoVirus shifted by +1).

use rayon::prelude::*;
use regex::Regex;
use sitrep_extract::{Engine, InputDoc};
use sitrep_ledger::MentionKind;
use std::fmt::Write as _;
use std::path::Path;

/// Gold toponym: character span, and the point when the corpus gives one.
#[derive(Debug, Clone)]
struct Gold {
    start: usize,
    end: usize,
    point: Option<(f64, f64)>,
    /// Counts for recognition (P/R/F1).
    recognise: bool,
    /// A toponym that does not count for recognition; predictions on it count neither way.
    ignore: bool,
    /// A literal or non-literal toponym (GeoWebNews all-types line).
    toponym: bool,
}

struct GoldDoc {
    id: String,
    text: String,
    published: Option<chrono::NaiveDate>,
    gold: Vec<Gold>,
}

/// Scores for one corpus.
#[derive(Debug, Clone, Default)]
pub struct CorpusScore {
    pub corpus: String,
    pub docs: usize,
    pub gold_toponyms: usize,
    pub predicted: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// GeoWebNews: recognition F1 over all toponym types (literal and not).
    pub f1_all_types: Option<f64>,
    /// Gold toponyms with coordinates.
    pub gold_with_point: usize,
    /// Of those, recognised.
    pub recognised_with_point: usize,
    pub acc161: f64,
    pub median_km: f64,
    pub end_to_end161: f64,
    /// UCDP: exact-place rows, and the share within 25 km.
    pub ucdp_rows: usize,
    pub ucdp_acc25: f64,
    pub ucdp_unresolved: usize,
}

const CORPORA: [&str; 4] = ["lgl", "gwn", "geovirus", "ucdp"];

/// Runs the geo evaluation on one corpus or all (`corpus` = lgl | gwn | geovirus | ucdp) and returns the report.
pub fn run(eval_dir: &Path, corpus: Option<&str>, engine: &Engine) -> Result<String, String> {
    let scores = evaluate(eval_dir, corpus, engine)?;
    Ok(report(&scores))
}

/// The scores, one per corpus asked for.
pub fn evaluate(
    eval_dir: &Path,
    corpus: Option<&str>,
    engine: &Engine,
) -> Result<Vec<CorpusScore>, String> {
    let geo = eval_dir.join("geo");
    let which: Vec<&str> = match corpus {
        Some(c) if CORPORA.contains(&c) => vec![c],
        Some(c) => {
            return Err(format!(
                "unknown geo corpus '{c}': lgl, gwn, geovirus or ucdp"
            ))
        }
        None => CORPORA.to_vec(),
    };
    let mut out = Vec::new();
    for c in which {
        let s = match c {
            "lgl" => score_docs("LGL", &load_lgl(&geo.join("lgl/lgl.xml"))?, engine, false),
            "gwn" => score_docs(
                "GeoWebNews",
                &load_gwn(&geo.join("geowebnews/GWN.xml"))?,
                engine,
                false,
            ),
            "geovirus" => score_docs(
                "GeoVirus",
                &load_geovirus(&geo.join("geovirus/GeoVirus.xml"))?,
                engine,
                true,
            ),
            _ => score_ucdp(&geo.join("ucdp_ged_ukraine/conflict_data_ukr.csv"), engine)?,
        };
        out.push(s);
    }
    Ok(out)
}

pub fn report(scores: &[CorpusScore]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<11} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>9} {:>7} {:>9} {:>8}",
        "corpus",
        "docs",
        "gold",
        "P",
        "R",
        "F1",
        "F1all",
        "res@161",
        "med km",
        "e2e@161",
        "recog/pt"
    );
    for c in scores.iter().filter(|c| c.ucdp_rows == 0) {
        let _ = writeln!(
            s,
            "{:<11} {:>5} {:>6} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>9.3} {:>7.1} {:>9.3} {:>8}",
            c.corpus,
            c.docs,
            c.gold_toponyms,
            c.precision,
            c.recall,
            c.f1,
            c.f1_all_types
                .map(|f| format!("{f:.3}"))
                .unwrap_or_else(|| "-".into()),
            c.acc161,
            c.median_km,
            c.end_to_end161,
            format!("{}/{}", c.recognised_with_point, c.gold_with_point),
        );
    }
    for c in scores.iter().filter(|c| c.ucdp_rows > 0) {
        let _ = writeln!(
            s,
            "UCDP GED Ukraine: {} exact-place strings (where_prec 1), {:.1}% within 25 km, {} unresolved (engine on where_description + headline)",
            c.ucdp_rows,
            100.0 * c.ucdp_acc25,
            c.ucdp_unresolved
        );
    }
    s
}

// ---------------------------------------------------------------- loading

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The XML file without its comments (GeoVirus comments out whole articles).
fn read_xml(path: &Path) -> Result<String, String> {
    let raw = read(path)?;
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw.as_str();
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        match rest[i..].find("-->") {
            Some(j) => rest = &rest[i + j + 3..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn unescape(s: &str) -> String {
    let s = s
        .strip_prefix("<![CDATA[")
        .and_then(|x| x.strip_suffix("]]>"));
    if let Some(raw) = s {
        return raw.to_string();
    }
    String::new()
}

/// Text of the first `<tag>...</tag>` in `xml` (CDATA kept raw, entities decoded).
fn field(xml: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let s = xml.find(&open)? + open.len();
    let e = s + xml[s..].find(&close)?;
    let raw = &xml[s..e];
    if raw.starts_with("<![CDATA[") {
        return Some(unescape(raw));
    }
    Some(decode_entities(raw))
}

fn decode_entities(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let re =
        RE.get_or_init(|| Regex::new(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").unwrap());
    re.replace_all(raw, |c: &regex::Captures| {
        let v = &c[1];
        match v {
            "amp" => "&".to_string(),
            "lt" => "<".to_string(),
            "gt" => ">".to_string(),
            "quot" => "\"".to_string(),
            "apos" => "'".to_string(),
            _ => {
                let n = if let Some(h) = v.strip_prefix("#x") {
                    u32::from_str_radix(h, 16).ok()
                } else {
                    v[1..].parse().ok()
                };
                n.and_then(char::from_u32)
                    .map(String::from)
                    .unwrap_or_default()
            }
        }
    })
    .into_owned()
}

/// Every `<tag ...>...</tag>` block.
fn blocks<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = xml[at..].find(&open) {
        let s = at + i;
        let next = xml[s + open.len()..].chars().next();
        if !matches!(next, Some('>') | Some(' ')) {
            at = s + open.len();
            continue;
        }
        let Some(j) = xml[s..].find(&close) else {
            break;
        };
        out.push(&xml[s..s + j + close.len()]);
        at = s + j + close.len();
    }
    out
}

fn num<T: std::str::FromStr>(xml: &str, tag: &str) -> Option<T> {
    field(xml, tag).and_then(|v| v.trim().parse().ok())
}

fn load_lgl(path: &Path) -> Result<Vec<GoldDoc>, String> {
    let xml = read_xml(path)?;
    let docid = Regex::new(r#"docid="(\d+)""#).unwrap();
    let mut docs = Vec::new();
    for a in blocks(&xml, "article") {
        let text = field(a, "text").unwrap_or_default();
        let id = docid
            .captures(a)
            .map(|c| c[1].to_string())
            .unwrap_or_default();
        let published = field(a, "dltime")
            .and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok());
        let mut gold = Vec::new();
        for t in blocks(a, "toponym") {
            let (Some(start), Some(end)) = (num(t, "start"), num(t, "end")) else {
                continue;
            };
            let point = match (num::<f64>(t, "lat"), num::<f64>(t, "lon")) {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            };
            gold.push(Gold {
                start,
                end,
                point,
                recognise: true,
                ignore: false,
                toponym: true,
            });
        }
        docs.push(GoldDoc {
            id,
            text,
            published,
            gold,
        });
    }
    Ok(docs)
}

fn load_geovirus(path: &Path) -> Result<Vec<GoldDoc>, String> {
    let xml = read_xml(path)?;
    let mut docs = Vec::new();
    for (i, a) in blocks(&xml, "article").into_iter().enumerate() {
        let text = field(a, "text").unwrap_or_default();
        let mut gold = Vec::new();
        for t in blocks(a, "location") {
            let (Some(start), Some(end)) = (num::<usize>(t, "start"), num::<usize>(t, "end"))
            else {
                continue;
            };
            let point = match (num::<f64>(t, "lat"), num::<f64>(t, "lon")) {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            };
            // GeoVirus offsets are shifted by +1
            gold.push(Gold {
                start: start.saturating_sub(1),
                end: end.saturating_sub(1),
                point,
                recognise: true,
                ignore: false,
                toponym: true,
            });
        }
        docs.push(GoldDoc {
            id: format!("geovirus-{i}"),
            text,
            published: None,
            gold,
        });
    }
    Ok(docs)
}

const GWN_LITERAL: &[&str] = &[
    "Literal",
    "Literal_Modifier",
    "Mixed",
    "Coercion",
    "Embedded_Literal",
];
const GWN_NON_LITERAL: &[&str] = &[
    "Metonymic",
    "Non_Literal_Modifier",
    "Embedded_Non_Lit",
    "Demonym",
    "Homonym",
    "Language",
];

fn load_gwn(path: &Path) -> Result<Vec<GoldDoc>, String> {
    let xml = read_xml(path)?;
    let mut docs = Vec::new();
    for (i, a) in blocks(&xml, "article").into_iter().enumerate() {
        let text = field(a, "text").unwrap_or_default();
        let chars: Vec<char> = text.chars().collect();
        let mut gold = Vec::new();
        for t in blocks(a, "toponym") {
            let (Some(mut start), Some(mut end)) =
                (num::<usize>(t, "start"), num::<usize>(t, "end"))
            else {
                continue;
            };
            let name = field(t, "extractedName").unwrap_or_default();
            let ty = field(t, "type").unwrap_or_default();
            let nonloc = field(t, "nonLocational").unwrap_or_default();
            let at = |s: usize, e: usize| -> String {
                chars
                    .get(s..e)
                    .map(|c| c.iter().collect())
                    .unwrap_or_default()
            };
            if at(start, end) != name {
                // 5 spans are off: the nearest occurrence of the name
                let n = name.chars().count();
                let best = (0..chars.len().saturating_sub(n) + 1)
                    .filter(|&s| at(s, s + n) == name)
                    .min_by_key(|&s| s.abs_diff(start));
                match best {
                    Some(s) if s.abs_diff(start) < 200 => {
                        start = s;
                        end = s + n;
                    }
                    _ => continue,
                }
            }
            let point = match (num::<f64>(t, "latitude"), num::<f64>(t, "longitude")) {
                (Some(a), Some(b)) if nonloc.trim() == "No" => Some((a, b)),
                _ => None,
            };
            let literal = GWN_LITERAL.contains(&ty.as_str());
            let non_literal = GWN_NON_LITERAL.contains(&ty.as_str());
            gold.push(Gold {
                start,
                end,
                point,
                recognise: literal,
                ignore: non_literal,
                toponym: literal || non_literal,
            });
        }
        docs.push(GoldDoc {
            id: format!("gwn-{i}"),
            text,
            published: None,
            gold,
        });
    }
    Ok(docs)
}

// ---------------------------------------------------------------- scoring

/// One predicted place mention: char span, point, kind.
struct Pred {
    start: usize,
    end: usize,
    point: Option<(f64, f64)>,
    demonym: bool,
}

fn predictions(engine: &Engine, d: &GoldDoc) -> Vec<Pred> {
    let input = InputDoc {
        id: d.id.clone(),
        text: d.text.clone(),
        published: d.published,
        ..Default::default()
    };
    // a document the engine fails on counts as one with no predictions (and is named on stderr)
    let Ok(led) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.extract(&input)))
    else {
        eprintln!("geo eval: the engine panicked on {}", d.id);
        return Vec::new();
    };
    let mut out = Vec::new();
    for p in &led.places {
        let point = match (p.lat, p.lon) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        };
        for m in &p.mentions {
            out.push(Pred {
                start: m.start,
                end: m.end,
                point,
                demonym: m.kind == MentionKind::Demonym,
            });
        }
    }
    out.sort_by_key(|p| p.start);
    out
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tp_all: usize,
    fp_all: usize,
    fn_all: usize,
    gold_pt: usize,
    recog_pt: usize,
    within: usize,
    errors: Vec<f64>,
    predicted: usize,
    gold: usize,
}

/// Recognition counts for gold items selected by `counts`, ignoring predictions on gold items selected by
/// `ignore`. Returns (tp, fp, fn).
fn recognition(
    gold: &[Gold],
    preds: &[&Pred],
    counts: impl Fn(&Gold) -> bool,
    ignore: impl Fn(&Gold) -> bool,
) -> (usize, usize, usize) {
    let mut used = vec![false; preds.len()];
    let mut tp = 0;
    let mut fn_ = 0;
    for g in gold.iter().filter(|g| counts(g)) {
        match preds
            .iter()
            .enumerate()
            .find(|(i, p)| !used[*i] && overlaps((g.start, g.end), (p.start, p.end)))
        {
            Some((i, _)) => {
                used[i] = true;
                tp += 1;
            }
            None => fn_ += 1,
        }
    }
    let fp = preds
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            !used[*i]
                && !gold.iter().any(|g| {
                    (counts(g) || ignore(g)) && overlaps((g.start, g.end), (p.start, p.end))
                })
        })
        .count();
    (tp, fp, fn_)
}

fn score_doc(engine: &Engine, d: &GoldDoc, drop_demonyms: bool) -> Counts {
    let all = predictions(engine, d);
    let preds: Vec<&Pred> = all
        .iter()
        .filter(|p| !(drop_demonyms && p.demonym))
        .collect();
    let mut c = Counts {
        predicted: preds.len(),
        gold: d.gold.iter().filter(|g| g.recognise).count(),
        ..Default::default()
    };
    (c.tp, c.fp, c.fn_) = recognition(&d.gold, &preds, |g| g.recognise, |g| g.ignore);
    (c.tp_all, c.fp_all, c.fn_all) = recognition(&d.gold, &preds, |g| g.toponym, |_| false);
    for g in &d.gold {
        let Some(gp) = g.point else { continue };
        c.gold_pt += 1;
        // the prediction on this toponym; a resolved one first when several overlap
        let mut on: Vec<&&Pred> = preds
            .iter()
            .filter(|p| overlaps((g.start, g.end), (p.start, p.end)))
            .collect();
        on.sort_by_key(|p| p.point.is_none());
        let Some(p) = on.first() else { continue };
        c.recog_pt += 1;
        let err = p
            .point
            .map(|pp| sitrep_geo::haversine_km(pp, gp))
            .unwrap_or(20_000.0);
        if err <= 161.0 {
            c.within += 1;
        }
        c.errors.push(err);
        if debug() && err > 161.0 {
            eprintln!(
                "RES\t{}\t{}\t{:?}\t{:.0}\tgold {:?}\t{}",
                d.id,
                span(&d.text, g.start, g.end),
                p.point,
                err,
                gp,
                context(&d.text, g.start, g.end)
            );
        }
    }
    if debug() {
        for g in d.gold.iter().filter(|g| g.recognise) {
            if !preds
                .iter()
                .any(|p| overlaps((g.start, g.end), (p.start, p.end)))
            {
                eprintln!(
                    "FN\t{}\t{}\t{}",
                    d.id,
                    span(&d.text, g.start, g.end),
                    context(&d.text, g.start, g.end)
                );
            }
        }
        for p in &preds {
            if !d
                .gold
                .iter()
                .any(|g| (g.recognise || g.ignore) && overlaps((g.start, g.end), (p.start, p.end)))
            {
                eprintln!(
                    "FP\t{}\t{}\t{}",
                    d.id,
                    span(&d.text, p.start, p.end),
                    context(&d.text, p.start, p.end)
                );
            }
        }
    }
    c
}

fn debug() -> bool {
    std::env::var_os("SITREP_GEO_DEBUG").is_some()
}

fn span(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e.saturating_sub(s)).collect()
}

fn context(text: &str, s: usize, e: usize) -> String {
    text.chars()
        .skip(s.saturating_sub(40))
        .take(e - s.saturating_sub(40) + 40)
        .collect::<String>()
        .replace('\n', " ")
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = ratio(tp, tp + fp);
    let r = ratio(tp, tp + fn_);
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn score_docs(name: &str, docs: &[GoldDoc], engine: &Engine, drop_demonyms: bool) -> CorpusScore {
    let per: Vec<Counts> = docs
        .par_iter()
        .map(|d| score_doc(engine, d, drop_demonyms))
        .collect();
    let mut t = Counts::default();
    for c in per {
        t.tp += c.tp;
        t.fp += c.fp;
        t.fn_ += c.fn_;
        t.tp_all += c.tp_all;
        t.fp_all += c.fp_all;
        t.fn_all += c.fn_all;
        t.gold_pt += c.gold_pt;
        t.recog_pt += c.recog_pt;
        t.within += c.within;
        t.errors.extend(c.errors);
        t.predicted += c.predicted;
        t.gold += c.gold;
    }
    let (precision, recall, f) = f1(t.tp, t.fp, t.fn_);
    let f_all = (name == "GeoWebNews").then(|| f1(t.tp_all, t.fp_all, t.fn_all).2);
    CorpusScore {
        corpus: name.to_string(),
        docs: docs.len(),
        gold_toponyms: t.gold,
        predicted: t.predicted,
        precision,
        recall,
        f1: f,
        f1_all_types: f_all,
        gold_with_point: t.gold_pt,
        recognised_with_point: t.recog_pt,
        acc161: ratio(t.within, t.recog_pt),
        median_km: median(&mut t.errors),
        end_to_end161: ratio(t.within, t.gold_pt),
        ..Default::default()
    }
}

/// Splits one CSV line into fields (quotes doubled inside quoted fields).
fn csv_records(data: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = data.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn score_ucdp(path: &Path, engine: &Engine) -> Result<CorpusScore, String> {
    let data = read(path)?;
    let rows = csv_records(&data);
    let header = rows
        .first()
        .ok_or_else(|| format!("{}: empty", path.display()))?;
    let col = |n: &str| {
        header
            .iter()
            .position(|h| h == n)
            .ok_or_else(|| format!("{}: no column {n}", path.display()))
    };
    let (prec, desc, lat, lon, head, date) = (
        col("where_prec")?,
        col("where_description")?,
        col("latitude")?,
        col("longitude")?,
        col("source_headline")?,
        col("source_date")?,
    );
    // row 2 holds HXL tags
    type Item = (String, String, (f64, f64), Option<chrono::NaiveDate>);
    let items: Vec<Item> = rows
        .iter()
        .skip(2)
        .filter(|r| r.get(prec).map(|s| s.trim()) == Some("1"))
        .filter_map(|r| {
            let p = (r.get(lat)?.parse().ok()?, r.get(lon)?.parse().ok()?);
            let headline = r
                .get(head)
                .map(|h| h.split(';').next().unwrap_or("").to_string())
                .unwrap_or_default();
            // the publication date of the first source, as the headline's
            let published = r.get(date).and_then(|d| {
                let d = d.split(';').next()?.trim();
                chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok()
            });
            Some((r[desc].clone(), headline, p, published))
        })
        .collect();
    let results: Vec<Option<f64>> = items
        .par_iter()
        .map(|(desc, headline, gold, published)| {
            let text = format!("{desc}\n\n{headline}");
            let n = desc.chars().count();
            let led = engine.extract(&InputDoc {
                id: "ucdp".into(),
                text,
                published: *published,
                ..Default::default()
            });
            let mut cands: Vec<(usize, bool, (f64, f64))> = Vec::new();
            for p in &led.places {
                let (Some(a), Some(b)) = (p.lat, p.lon) else {
                    continue;
                };
                let area = p
                    .feature_code
                    .as_deref()
                    .is_some_and(|f| f.starts_with("PCL") || f.starts_with("ADM"));
                for m in p
                    .mentions
                    .iter()
                    .filter(|m| m.end <= n && m.kind != MentionKind::Demonym)
                {
                    cands.push((m.start, area, (a, b)));
                }
            }
            cands.sort_by_key(|c| (c.1, c.0));
            let r = cands.first().map(|c| sitrep_geo::haversine_km(c.2, *gold));
            if debug() && !r.is_some_and(|d| d <= 25.0) {
                eprintln!(
                    "UCDP\t{desc}\t{:?}\t{gold:?}\t{headline}",
                    r.map(|d| d.round())
                );
            }
            r
        })
        .collect();
    let within = results
        .iter()
        .filter(|r| r.is_some_and(|d| d <= 25.0))
        .count();
    let unresolved = results.iter().filter(|r| r.is_none()).count();
    Ok(CorpusScore {
        corpus: "UCDP".into(),
        docs: items.len(),
        ucdp_rows: items.len(),
        ucdp_acc25: ratio(within, items.len()),
        ucdp_unresolved: unresolved,
        ..Default::default()
    })
}

/// The article texts of the three news corpora (LGL, GeoWebNews, GeoVirus) under
/// `eval_dir/geo`, as (corpus, text), for throughput benchmarks (crates/bench `geo-bench`).
pub fn corpus_texts(eval_dir: &Path) -> Result<Vec<(&'static str, String)>, String> {
    let geo = eval_dir.join("geo");
    let mut out = Vec::new();
    for (name, docs) in [
        ("LGL", load_lgl(&geo.join("lgl/lgl.xml"))?),
        ("GeoWebNews", load_gwn(&geo.join("geowebnews/GWN.xml"))?),
        (
            "GeoVirus",
            load_geovirus(&geo.join("geovirus/GeoVirus.xml"))?,
        ),
    ] {
        out.extend(docs.into_iter().map(|d| (name, d.text)));
    }
    Ok(out)
}
