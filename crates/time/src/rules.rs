//! The grammar: token patterns for time expressions and their normalisation.

use chrono::{Datelike, Duration, NaiveDate};

use crate::calendar::{
    self, add_months, modified_range, monday_of, season_of, season_range, ymd, Mod, Point,
};
use crate::lexicon as lx;
use crate::scan::{Kind, Tok};
use crate::{TimeMention, TimexType};

/// Direction used to place an expression without a year relative to the anchor.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Dir {
    /// Most recent occurrence not after the anchor (news past bias).
    Past,
    /// Nearest occurrence not before the anchor.
    Future,
    /// Strictly before the anchor ("last Monday").
    Last,
    /// Strictly after the anchor ("next Monday").
    Next,
    /// No cue either way: the nearest occurrence, preferring the past.
    Near,
}

enum Out {
    P {
        p: Option<Point>,
        m: Mod,
        rel: bool,
        ty: TimexType,
        /// The point becomes the period under discussion (false for "a year earlier").
        ctx: bool,
    },
    L {
        ty: TimexType,
        v: Option<String>,
        rel: bool,
    },
}

struct Cand {
    e: usize,
    out: Out,
}

/// Modifier keywords in front of a date.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mk {
    Early,
    Mid,
    Late,
    Earlier,
    Later,
}

pub(crate) struct Sentence<'a> {
    text: &'a str,
    t: &'a [Tok],
    pubd: Option<NaiveDate>,
    /// The last day mentioned earlier in this sentence (anchors bare clock times).
    day: std::cell::Cell<Option<NaiveDate>>,
    /// The last quarter mentioned earlier in the document ("a year earlier" then means that
    /// quarter a year before, as in earnings reports).
    quarter: std::cell::Cell<Option<(i32, u32)>>,
    /// The last month or quarter mentioned earlier in the document ("the same period last year").
    period: std::cell::Cell<Option<Point>>,
}

/// What carries over from one sentence to the next.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Ctx {
    /// The last day mentioned (anchors "the next day", "a day earlier").
    pub refd: Option<NaiveDate>,
    /// The last quarter mentioned.
    pub quarter: Option<(i32, u32)>,
    /// The last month or quarter mentioned.
    pub period: Option<Point>,
}

/// How many tokens either side of an expression are searched for future cues.
const CLAUSE_WINDOW: usize = 12;

/// A month (or month and day) without a year is placed in the future when that is this many
/// times nearer to the publication date than the past occurrence (news past bias otherwise).
const NEAR_FUTURE_FACTOR: i32 = 2;

/// Scans one sentence, appending mentions to `out`; `ctx` carries what earlier sentences
/// mentioned.
pub(crate) fn scan_sentence(
    text: &str,
    toks: &[Tok],
    pubd: Option<NaiveDate>,
    ctx: &mut Ctx,
    out: &mut Vec<TimeMention>,
) {
    let s = Sentence {
        text,
        t: toks,
        pubd,
        day: std::cell::Cell::new(None),
        quarter: std::cell::Cell::new(ctx.quarter),
        period: std::cell::Cell::new(ctx.period),
    };
    let refd = &mut ctx.refd;
    let mut i = 0;
    while i < toks.len() {
        let tok = &toks[i];
        if tok.kind == Kind::Punct || (tok.kind == Kind::Alpha && !tok.lex) {
            i += 1;
            continue;
        }
        match s.best(i, *refd) {
            Some(c) if c.e > i => {
                out.push(s.emit(i, &c, refd));
                i = c.e;
            }
            _ => i += 1,
        }
    }
    ctx.quarter = s.quarter.get();
    ctx.period = s.period.get();
}

fn unit_letter(code: &str, clock: bool, n: Option<u32>) -> String {
    let n = n.map_or_else(|| "X".to_string(), |n| n.to_string());
    match (code, clock) {
        ("2W", _) => "P2W".to_string(),
        ("DE", _) | ("CE", _) => {
            let f = if code == "DE" { 10 } else { 100 };
            n.parse::<u32>()
                .map_or_else(|_| "PXY".to_string(), |n| format!("P{}Y", n * f))
        }
        (c, true) => format!("PT{n}{c}"),
        (c, false) => format!("P{n}{c}"),
    }
}

impl<'a> Sentence<'a> {
    fn len(&self) -> usize {
        self.t.len()
    }
    fn w(&self, i: usize) -> &'a str {
        let t = &self.t[i];
        &self.text[t.s..t.e]
    }
    fn is(&self, i: usize, word: &str) -> bool {
        i < self.len() && self.t[i].kind == Kind::Alpha && self.w(i).eq_ignore_ascii_case(word)
    }
    fn is_any(&self, i: usize, list: &[&str]) -> bool {
        i < self.len() && self.t[i].kind == Kind::Alpha && {
            let w = self.w(i);
            list.iter().any(|x| x.eq_ignore_ascii_case(w))
        }
    }
    fn p(&self, i: usize, c: &str) -> bool {
        i < self.len() && self.t[i].kind == Kind::Punct && self.w(i) == c
    }
    fn hyphen(&self, i: usize) -> bool {
        i < self.len()
            && self.t[i].kind == Kind::Punct
            && matches!(self.w(i), "-" | "\u{2010}" | "\u{2011}" | "\u{2013}")
    }
    fn adj(&self, i: usize) -> bool {
        i < self.len() && !self.t[i].sp
    }
    fn lookup<T: Copy>(&self, i: usize, table: &[(&str, T)]) -> Option<T> {
        if i >= self.len() || !self.t[i].lex {
            return None;
        }
        let w = self.w(i);
        table
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(w))
            .map(|x| x.1)
    }
    fn apostrophe(&self, i: usize) -> bool {
        self.p(i, "'") || self.p(i, "\u{2019}")
    }

    /// Whether token `i` signals future reference ("will", "is due to", "set to", "as soon as").
    fn cue_at(&self, i: usize) -> bool {
        if i >= self.len() || !self.t[i].lex {
            return false;
        }
        if self.is_any(i, lx::FUTURE_CUES) {
            return true;
        }
        if self.is(i, "ll") {
            return i > 0 && self.apostrophe(i - 1);
        }
        if self.is(i, "won") {
            return self.apostrophe(i + 1);
        }
        if self.is(i, "should") {
            return !self.is(i + 1, "have");
        }
        if self.is(i, "planned") {
            // "planned to" tells of a past plan; "planned for Friday" points ahead
            return self.is_any(i + 1, &["for", "on", "in"]);
        }
        if self.is_any(i, lx::FUTURE_CUES_BEFORE_TO) {
            return self.is_any(i + 1, &["to", "for", "on", "in"]);
        }
        if self.is(i, "soon") {
            return i >= 2 && self.is(i - 1, "as") && self.is(i + 1, "as");
        }
        false
    }

    /// Whether an expression starting at token `s` refers forward in time: a future cue in the
    /// same clause, unless a reporting verb or "since"/"ago" ties it to the past.
    fn future(&self, s: usize) -> bool {
        let mut j = s;
        while j > 0
            && self.is_any(
                j - 1,
                &[
                    "on", "at", "in", "early", "late", "by", "from", "until", "this", "the",
                ],
            )
        {
            j -= 1;
        }
        if j > 0
            && (self.is_any(j - 1, lx::PAST_REPORTING) || self.is_any(j - 1, &["since", "ago"]))
        {
            return false;
        }
        self.future_cue_near(s)
    }

    /// A past cue right before the expression ("said Monday", "since March").
    fn past_forced(&self, s: usize) -> bool {
        let mut j = s;
        while j > 0 && self.is_any(j - 1, &["on", "at", "in", "early", "late", "this", "the"]) {
            j -= 1;
        }
        j > 0
            && (self.is_any(j - 1, lx::PAST_REPORTING)
                || self.is_any(j - 1, &["since", "ago", "last"]))
    }

    fn future_cue_near(&self, s: usize) -> bool {
        let boundary = |k: usize| {
            self.t[k].kind == Kind::Punct
                && matches!(
                    self.w(k),
                    "," | ";" | ":" | "\"" | "(" | ")" | "\u{201c}" | "\u{201d}" | "\u{2014}"
                )
        };
        // left: back to the clause start
        let mut k = s;
        let mut n = 0;
        while k > 0 && n < CLAUSE_WINDOW {
            k -= 1;
            n += 1;
            if boundary(k) {
                break;
            }
            if self.cue_at(k) {
                return true;
            }
            if self.is_any(k, lx::PAST_REPORTING) {
                break;
            }
        }
        // right: forward to the clause end (a sentence-initial expression may cross one comma)
        let mut commas = usize::from(s <= 2);
        let mut k = s + 1;
        let mut n = 0;
        while k < self.len() && n < CLAUSE_WINDOW {
            if boundary(k) {
                if commas == 0 || self.w(k) != "," {
                    break;
                }
                commas -= 1;
            } else if self.cue_at(k) {
                return true;
            } else if self.is_any(k, lx::PAST_REPORTING) {
                break;
            }
            k += 1;
            n += 1;
        }
        false
    }

    fn dir(&self, s: usize) -> Dir {
        if self.future(s) {
            Dir::Future
        } else {
            Dir::Past
        }
    }

    /// Like `dir`, but `Near` when nothing points either way (for dates with a month name).
    fn dir_near(&self, s: usize) -> Dir {
        if self.past_forced(s) {
            Dir::Past
        } else if self.future(s) {
            Dir::Future
        } else {
            Dir::Near
        }
    }

    // ---- atoms -------------------------------------------------------------------------

    /// Month name at `i`: (month, next index, ambiguous word).
    fn month_at(&self, i: usize) -> Option<(u32, usize, bool)> {
        if i >= self.len() || !self.t[i].cap {
            return None;
        }
        let m = self.lookup(i, lx::MONTHS)?;
        let w = self.w(i);
        let full = lx::MONTHS[..12]
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case(w));
        let amb = self.is_any(i, lx::AMBIGUOUS_MONTHS);
        if full {
            return Some((m, i + 1, amb));
        }
        // abbreviation: needs a period or a following number
        if self.p(i + 1, ".") && self.adj(i + 1) {
            return Some((m, i + 2, amb));
        }
        if i + 1 < self.len() && self.t[i + 1].kind == Kind::Digit {
            return Some((m, i + 1, amb));
        }
        None
    }

    fn weekday_at(&self, i: usize) -> Option<(u32, usize)> {
        if i >= self.len() || !self.t[i].cap {
            return None;
        }
        let d = self.lookup(i, lx::WEEKDAYS)?;
        Some((d, i + 1))
    }

    fn digits(&self, i: usize) -> Option<(u32, usize)> {
        if i >= self.len() || self.t[i].kind != Kind::Digit {
            return None;
        }
        let w = self.w(i);
        if w.len() > 9 {
            return None;
        }
        w.parse().ok().map(|v| (v, w.len()))
    }

    /// A following token glued to a number that makes it something else (5.5, 3,000, 150km).
    fn glued_number(&self, i: usize) -> bool {
        if !self.adj(i) {
            return false;
        }
        let t = &self.t[i];
        match t.kind {
            Kind::Digit => true,
            Kind::Alpha => true,
            Kind::Punct => {
                matches!(self.w(i), "," | "." | ":" | "%")
                    && self.adj(i + 1)
                    && i + 1 < self.len()
                    && self.t[i + 1].kind == Kind::Digit
                    || self.w(i) == "%"
            }
        }
    }

    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let (v, len) = self.digits(i)?;
        if len > 2 || !(1..=31).contains(&v) {
            return None;
        }
        if self.adj(i + 1) && self.is_any(i + 1, &["st", "nd", "rd", "th"]) {
            return Some((v, i + 2));
        }
        if self.glued_number(i + 1) {
            return None;
        }
        Some((v, i + 1))
    }

    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        if i < self.len() && self.t[i].kind == Kind::Alpha {
            return self.spelled_year(i);
        }
        let (v, len) = self.digits(i)?;
        if len != 4 || !(1000..=2099).contains(&v) || self.glued_number(i + 1) {
            return None;
        }
        if i > 0 && self.adj(i) && (self.p(i - 1, ",") || self.p(i - 1, ".")) {
            return None;
        }
        Some((v as i32, i + 1))
    }

    /// A cardinal: (Some(n) | None for vague quantities, next index).
    fn number_at(&self, i: usize) -> Option<(Option<u32>, usize)> {
        if i >= self.len() {
            return None;
        }
        if self.t[i].kind == Kind::Digit {
            let (v, len) = self.digits(i)?;
            if len > 4 {
                return None;
            }
            if self.glued_number(i + 1) {
                return None;
            }
            return Some((Some(v), i + 1));
        }
        if self.is_any(i, &["a", "an"]) {
            if self.is(i + 1, "few") {
                return Some((None, i + 2));
            }
            if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                return Some((Some(2), i + 3));
            }
            return Some((Some(1), i + 1));
        }
        if self.is(i, "couple") && self.is(i + 1, "of") {
            return Some((Some(2), i + 2));
        }
        if self.is_any(i, lx::VAGUE_QUANTIFIERS) {
            return Some((None, i + 1));
        }
        // "single-day"
        if self.is(i, "single") && self.hyphen(i + 1) && self.adj(i + 1) {
            return Some((Some(1), i + 1));
        }
        let v = self.lookup(i, lx::NUMBER_WORDS)?;
        if (20..100).contains(&v) {
            let k = if self.hyphen(i + 1) && self.adj(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Some(u) = self.lookup(k, lx::NUMBER_WORDS) {
                if (1..10).contains(&u) && !self.is_any(k, &["a", "an"]) {
                    return Some((Some(v + u), k + 1));
                }
            }
        }
        Some((Some(v), i + 1))
    }

    fn unit_at(&self, i: usize) -> Option<(&'static str, bool, usize)> {
        if self.is(i, "second")
            && (i == 0 || self.t[i - 1].kind != Kind::Digit)
            && !self.is_any(i + 1, &["later", "ago", "earlier"])
        {
            return None;
        }
        let (code, clock) = if i < self.len() && self.t[i].lex {
            let w = self.w(i);
            lx::UNITS
                .iter()
                .find(|(k, _, _)| k.eq_ignore_ascii_case(w))
                .map(|x| (x.1, x.2))?
        } else {
            return None;
        };
        Some((code, clock, i + 1))
    }

    fn is_plural_unit(&self, i: usize) -> bool {
        self.unit_at(i).is_some() && (self.w(i).ends_with('s') || self.is(i, "centuries"))
    }

    // ---- resolution --------------------------------------------------------------------

    fn weekday_date(&self, wd: u32, dir: Dir) -> Option<NaiveDate> {
        let p = self.pubd?;
        let pw = p.weekday().num_days_from_monday() as i64;
        let wd = i64::from(wd);
        let dir = if dir == Dir::Near { Dir::Past } else { dir };
        let back = (pw - wd).rem_euclid(7);
        let fwd = (wd - pw).rem_euclid(7);
        Some(match dir {
            Dir::Past | Dir::Near => p - Duration::days(back),
            Dir::Future => p + Duration::days(fwd),
            Dir::Last => p - Duration::days(if back == 0 { 7 } else { back }),
            Dir::Next => p + Duration::days(if fwd == 0 { 7 } else { fwd }),
        })
    }

    fn month_year(&self, m: u32, dir: Dir) -> Option<i32> {
        let p = self.pubd?;
        let (y, pm) = (p.year(), p.month());
        Some(match dir {
            Dir::Near => {
                let back = (pm as i32 - m as i32).rem_euclid(12);
                let fwd = (m as i32 - pm as i32).rem_euclid(12);
                if fwd * NEAR_FUTURE_FACTOR < back {
                    if m >= pm {
                        y
                    } else {
                        y + 1
                    }
                } else if m <= pm {
                    y
                } else {
                    y - 1
                }
            }
            Dir::Past => {
                if m <= pm {
                    y
                } else {
                    y - 1
                }
            }
            Dir::Future => {
                if m >= pm {
                    y
                } else {
                    y + 1
                }
            }
            Dir::Last => {
                if m < pm {
                    y
                } else {
                    y - 1
                }
            }
            Dir::Next => {
                if m > pm {
                    y
                } else {
                    y + 1
                }
            }
        })
    }

    fn month_day(&self, m: u32, d: u32, dir: Dir) -> Option<NaiveDate> {
        let p = self.pubd?;
        let y = p.year();
        let cands = [ymd(y - 1, m, d), ymd(y, m, d), ymd(y + 1, m, d)];
        if dir == Dir::Near {
            let past = self.month_day(m, d, Dir::Past);
            let fut = self.month_day(m, d, Dir::Future);
            return match (past, fut) {
                (Some(a), Some(b))
                    if (b - p).num_days() * i64::from(NEAR_FUTURE_FACTOR) < (p - a).num_days() =>
                {
                    Some(b)
                }
                (Some(a), _) => Some(a),
                (None, b) => b,
            };
        }
        let ok = |c: &NaiveDate| match dir {
            Dir::Near | Dir::Past => *c <= p,
            Dir::Future => *c >= p,
            Dir::Last => *c < p,
            Dir::Next => *c > p,
        };
        let valid = cands.iter().flatten().copied().filter(ok);
        match dir {
            Dir::Past | Dir::Last | Dir::Near => valid.max(),
            _ => valid.min(),
        }
        .or_else(|| ymd(y, m, d))
    }

    /// "until Friday", "until 9 a.m. EST Tuesday": a deadline ahead, unless the clause is in
    /// the past perfect ("until Thursday, they had not ...").
    fn after_until(&self, k: usize) -> bool {
        let mut j = k;
        let mut n = 0;
        while j > 0 && n < 6 {
            let t = &self.t[j - 1];
            let clockish = t.kind == Kind::Digit
                || (t.kind == Kind::Punct && matches!(self.w(j - 1), "." | ":"))
                || self.is_any(j - 1, &["a", "p", "m", "am", "pm", "noon", "midnight"])
                || self.is_any(j - 1, lx::TIME_ZONES);
            if !clockish {
                break;
            }
            j -= 1;
            n += 1;
        }
        if j == 0 || !self.is_any(j - 1, &["until", "till"]) || self.past_forced(j - 1) {
            return false;
        }
        let end = (k + CLAUSE_WINDOW).min(self.len());
        !(j.saturating_sub(CLAUSE_WINDOW)..end).any(|x| self.is(x, "had"))
    }

    /// "year-end", "yearend", "year end", "year's end": the last day of the publication year
    /// (of the year before after "since" or "last").
    fn year_end(&self, i: usize) -> Option<Cand> {
        let e = if self.is(i, "yearend") {
            i + 1
        } else if self.is(i, "year")
            && self.hyphen(i + 1)
            && self.adj(i + 1)
            && self.is(i + 2, "end")
        {
            i + 3
        } else if self.is(i, "year") && self.is(i + 1, "end") {
            i + 2
        } else if self.is(i, "year")
            && self.apostrophe(i + 1)
            && self.is(i + 2, "s")
            && self.is(i + 3, "end")
        {
            i + 4
        } else {
            return None;
        };
        // "year-end bonuses" still names the date; "the year end of 2008" is left to others
        if self.is(e, "of") {
            return None;
        }
        let back = i > 0 && self.is_any(i - 1, &["since", "last"]);
        let p = self
            .pubd
            .and_then(|p| ymd(p.year() - i32::from(back), 12, 31))
            .map(Point::Day);
        Self::pt(e, p, true)
    }

    /// Whether "the" stands at `i`, and where the words after it start.
    fn after_the(&self, i: usize) -> (bool, usize) {
        let the = self.is(i, "the");
        (the, if the { i + 1 } else { i })
    }

    /// "last", "next" or "this" at `i` (`this` looking ahead), and where the words after it start.
    fn dir_word(&self, i: usize) -> (Option<Dir>, usize) {
        if self.is(i, "last") {
            (Some(Dir::Last), i + 1)
        } else if self.is(i, "next") {
            (Some(Dir::Next), i + 1)
        } else if self.is(i, "this") {
            (Some(Dir::Future), i + 1)
        } else {
            (None, i)
        }
    }

    /// "Thanksgiving Day", "last Christmas", "Christmas 2008", "New Year's Day", "Easter week".
    fn holiday(&self, i: usize) -> Option<Cand> {
        let (dir0, k) = self.dir_word(i);
        if k >= self.len() || !self.t[k].cap {
            return None;
        }
        let (rule, mut e) = if self.is(k, "new") && self.is(k + 1, "year") {
            // "New Year's Day", "New Year's Eve", "New Year"
            let mut j = k + 2;
            if self.apostrophe(j) && self.is(j + 1, "s") {
                j += 2;
            }
            if self.is(j, "eve") {
                (crate::lexicon::Holiday::Fixed(12, 31), j + 1)
            } else if self.is(j, "day") {
                (crate::lexicon::Holiday::Fixed(1, 1), j + 1)
            } else {
                return None;
            }
        } else {
            let w = self.w(k);
            let mut found = None;
            for (a, b, h) in lx::HOLIDAYS {
                if !a.eq_ignore_ascii_case(w) {
                    continue;
                }
                match b {
                    Some(b) if self.is(k + 1, b) && self.t[k + 1].cap => {
                        found = Some((*h, k + 2));
                        break;
                    }
                    None => {
                        found = Some((*h, k + 1));
                        break;
                    }
                    _ => {}
                }
            }
            found?
        };
        // "Easter week"
        let week = self.is(e, "week");
        if week {
            e += 1;
        }
        let mk = |d: NaiveDate| {
            if week {
                Point::Week(monday_of(d))
            } else {
                Point::Day(d)
            }
        };
        if let Some((y, e2)) = self.year_at(e) {
            return Self::pt(e2, calendar::holiday(rule, y).map(mk), false);
        }
        let dir = match dir0 {
            Some(d) => d,
            None => self.dir_near(i),
        };
        let p = self.pubd.and_then(|p| {
            let ok = |c: &NaiveDate| match dir {
                Dir::Past => *c <= p,
                Dir::Future => *c >= p,
                Dir::Last => *c < p,
                Dir::Next => *c > p,
                Dir::Near => true,
            };
            let cands = (p.year() - 1..=p.year() + 1)
                .filter_map(|y| calendar::holiday(rule, y))
                .filter(ok);
            match dir {
                Dir::Past | Dir::Last => cands.max(),
                Dir::Future | Dir::Next => cands.min(),
                Dir::Near => cands.min_by_key(|c| {
                    let d = (*c - p).num_days();
                    if d > 0 {
                        d * i64::from(NEAR_FUTURE_FACTOR)
                    } else {
                        -d
                    }
                }),
            }
        });
        Self::pt(e, p.map(mk), true)
    }

    fn season_year(&self, s: &'static str, dir: Dir) -> Option<i32> {
        let p = self.pubd?;
        let y = season_of(p).0.max(p.year() - 1);
        let cands = [y - 1, y, y + 1];
        let pick = |f: &dyn Fn(i32) -> bool, rev: bool| -> Option<i32> {
            if rev {
                cands.iter().rev().copied().find(|&c| f(c))
            } else {
                cands.iter().copied().find(|&c| f(c))
            }
        };
        match dir {
            Dir::Past | Dir::Near => pick(&|c| season_range(c, s).0 <= p, true),
            Dir::Last => pick(&|c| season_range(c, s).1 < p, true),
            Dir::Future => pick(&|c| season_range(c, s).1 >= p, false),
            Dir::Next => pick(&|c| season_range(c, s).0 > p, false),
        }
    }

    // ---- driver ------------------------------------------------------------------------

    fn best(&self, i: usize, refd: Option<NaiveDate>) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        let mut take = |c: Option<Cand>| {
            if let Some(c) = c {
                if best.as_ref().is_none_or(|b| c.e > b.e) {
                    best = Some(c);
                }
            }
        };
        take(self.modified(i));
        take(self.point(i, refd));
        take(self.ago(i, refd));
        take(self.duration(i));
        take(self.set(i));
        take(self.vague(i));
        take(self.clock(i));
        best
    }

    /// Rules that denote a calendar point (may take a modifier).
    fn point(&self, i: usize, refd: Option<NaiveDate>) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        for c in [
            self.numeric_date(i),
            self.text_date(i),
            self.month_rule(i),
            self.weekday_rule(i),
            self.deictic_day(i),
            self.period(i),
            self.season(i),
            self.year_rule(i),
            self.quarter(i),
            self.anaphoric(i, refd),
            self.financial(i),
            self.holiday(i),
            self.year_end(i),
        ]
        .into_iter()
        .flatten()
        {
            if best.as_ref().is_none_or(|b| c.e > b.e) {
                best = Some(c);
            }
        }
        best
    }

    fn emit(&self, s: usize, c: &Cand, refd: &mut Option<NaiveDate>) -> TimeMention {
        let start = self.t[s].s;
        let end = self.t[c.e - 1].e;
        let text = self.text[start..end].to_string();
        match &c.out {
            Out::P { p, m, rel, ty, ctx } => {
                if let Some(d) = p.and_then(|p| p.day()) {
                    *refd = Some(d);
                    self.day.set(Some(d));
                }
                match p.filter(|_| *ctx) {
                    Some(Point::Quarter(y, q)) => {
                        self.quarter.set(Some((y, q)));
                        self.period.set(*p);
                    }
                    Some(Point::Month(..)) => self.period.set(*p),
                    _ => {}
                }
                TimeMention {
                    start,
                    end,
                    text,
                    timex_type: *ty,
                    value: p.map(|p| p.value()),
                    range: p.map(|p| modified_range(&p, *m)),
                    precision: p.map(|p| p.precision()),
                    relative: *rel,
                }
            }
            Out::L { ty, v, rel } => TimeMention {
                start,
                end,
                text,
                timex_type: *ty,
                value: v.clone(),
                range: None,
                precision: None,
                relative: *rel,
            },
        }
    }

    fn pt(e: usize, p: Option<Point>, rel: bool) -> Option<Cand> {
        let ty = p.map_or(TimexType::Date, |p| p.timex_type());
        Self::pt_ty(e, p, rel, ty)
    }

    /// The part `pod` ("MO", "NI") of the day `day` ending at `e`: a time, relative.
    fn day_part(e: usize, day: Option<NaiveDate>, pod: &'static str) -> Option<Cand> {
        Self::pt_ty(
            e,
            day.map(|d| Point::DayPart(d, pod)),
            true,
            TimexType::Time,
        )
    }

    /// Like `pt`, of the type `ty` whether or not the point is known (a time of day on an unknown day).
    fn pt_ty(e: usize, p: Option<Point>, rel: bool, ty: TimexType) -> Option<Cand> {
        Some(Cand {
            e,
            out: Out::P {
                p,
                m: Mod::None,
                rel,
                ty,
                ctx: true,
            },
        })
    }

    /// A candidate ending at `e` whose value `v` is written out (no point to compute).
    fn literal(e: usize, ty: TimexType, v: Option<String>, rel: bool) -> Option<Cand> {
        Some(Cand {
            e,
            out: Out::L { ty, v, rel },
        })
    }

    /// A duration of `n` (else some) units of `code` ending at `e`: "the past few weeks" ("PXW").
    fn stretch(e: usize, code: &str, clock: bool, n: Option<u32>) -> Option<Cand> {
        Self::literal(
            e,
            TimexType::Duration,
            Some(unit_letter(code, clock, n)),
            false,
        )
    }

    /// Like `pt`, for a point that does not become the period under discussion.
    fn pt_back(e: usize, p: Option<Point>) -> Option<Cand> {
        let mut c = Self::pt(e, p, true)?;
        if let Out::P { ctx, .. } = &mut c.out {
            *ctx = false;
        }
        Some(c)
    }

    // ---- modifiers ---------------------------------------------------------------------

    fn modified(&self, i: usize) -> Option<Cand> {
        let (mk, j) = self.modifier(i)?;
        let mut j = j;
        if matches!(mk, Mk::Early | Mk::Late)
            && self.is(j, "on")
            && self.weekday_at(j + 1).is_some()
        {
            j += 1;
        }
        if matches!(mk, Mk::Earlier | Mk::Later) && self.is(j, "in") {
            if self.is(j + 1, "the") && self.is(j + 2, "day") {
                return None;
            }
            j += 1;
        }
        let core = self.point(j, None).or_else(|| self.generic_period(j))?;
        let Out::P {
            p, rel, ty, ctx, ..
        } = core.out
        else {
            return None;
        };
        let m = match mk {
            Mk::Early => Mod::Early,
            Mk::Mid => Mod::Mid,
            Mk::Late => Mod::Late,
            Mk::Earlier | Mk::Later => {
                let pubd = self.pubd?;
                let covers = p.is_none_or(|p| {
                    let (a, b) = p.range();
                    a <= pubd && pubd <= b
                });
                if !covers {
                    return None;
                }
                if mk == Mk::Earlier {
                    Mod::UpTo(pubd)
                } else {
                    Mod::From(pubd)
                }
            }
        };
        Some(Cand {
            e: core.e,
            out: Out::P { p, m, rel, ty, ctx },
        })
    }

    fn modifier(&self, i: usize) -> Option<(Mk, usize)> {
        if self.is(i, "mid") {
            let j = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
            return Some((Mk::Mid, j));
        }
        if self.is_any(i, &["early", "late"]) {
            let mk = if self.is(i, "early") {
                Mk::Early
            } else {
                Mk::Late
            };
            let j = if self.hyphen(i + 1) && self.adj(i + 1) {
                i + 2
            } else {
                i + 1
            };
            return Some((mk, j));
        }
        if self.is_any(i, &["earlier", "later"])
            && self.is_any(i + 1, &["this", "today", "tonight", "in"])
        {
            return Some((
                if self.is(i, "earlier") {
                    Mk::Earlier
                } else {
                    Mk::Later
                },
                i + 1,
            ));
        }
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        if self.is(j, "end") && self.hyphen(j + 1) && self.adj(j + 1) {
            return Some((Mk::Late, j + 2));
        }
        let mk = if self.is(j, "end") {
            Mk::Late
        } else if self.is_any(j, &["beginning", "start"]) {
            Mk::Early
        } else if self.is(j, "middle") {
            Mk::Mid
        } else {
            return None;
        };
        if self.is(j + 1, "of") {
            Some((mk, j + 2))
        } else {
            None
        }
    }

    /// "the year", "the month", "the week", "the day" after a modifier.
    fn generic_period(&self, i: usize) -> Option<Cand> {
        if !self.is(i, "the") {
            return None;
        }
        let p = self.pubd;
        let pt = if self.is(i + 1, "year") {
            p.map(|p| Point::Year(p.year()))
        } else if self.is(i + 1, "month") {
            p.map(|p| Point::Month(p.year(), p.month()))
        } else if self.is(i + 1, "week") {
            p.map(|p| Point::Week(monday_of(p)))
        } else if self.is(i + 1, "day") {
            p.map(Point::Day)
        } else {
            return None;
        };
        Self::pt(i + 2, pt, true)
    }

    // ---- dates -------------------------------------------------------------------------

    fn numeric_date(&self, i: usize) -> Option<Cand> {
        let (a, alen) = self.digits(i)?;
        let sep = |k: usize| -> Option<&str> {
            if k < self.len() && self.t[k].kind == Kind::Punct && self.adj(k) && self.adj(k + 1) {
                let w = self.w(k);
                if matches!(w, "-" | "/" | ".") {
                    return Some(w);
                }
            }
            None
        };
        let s1 = sep(i + 1)?;
        let (b, blen) = self.digits(i + 2)?;
        if sep(i + 3) != Some(s1) {
            return None;
        }
        let (c, clen) = self.digits(i + 4)?;
        if self.glued_number(i + 5) && !(self.is(i + 5, "T") && self.adj(i + 5)) {
            return None;
        }
        let date = if alen == 4 && blen <= 2 && clen <= 2 {
            ymd(a as i32, b, c)
        } else if s1 == "/" && alen <= 2 && blen <= 2 && clen == 2 && a <= 12 {
            // US short form "7/8/07"
            let py = self.pubd.map_or(1999, |p| p.year());
            let y = py.div_euclid(100) * 100 + c as i32;
            ymd(if y > py { y - 100 } else { y }, a, b)
        } else if alen <= 2 && blen <= 2 && clen == 4 {
            // slashes read month first (US) when possible; dots and hyphens day first
            if s1 == "/" && a <= 12 {
                ymd(c as i32, a, b)
            } else {
                ymd(c as i32, b, a)
            }
        } else {
            None
        }?;
        Self::pt(i + 5, Some(Point::Day(date)), false)
    }

    fn text_date(&self, i: usize) -> Option<Cand> {
        let mut k = i;
        let mut had_wd = false;
        if self.weekday_at(i).is_some()
            || (i < self.len() && self.t[i].cap && self.lookup(i, lx::WEEKDAY_ABBREVS).is_some())
        {
            let mut j = i + 1;
            if self.p(j, ".") && self.adj(j) {
                j += 1;
            }
            if self.p(j, ",") {
                j += 1;
            }
            k = j;
            had_wd = true;
        }
        let r = self.bare_text_date(k);
        if r.is_none() && had_wd {
            return None;
        }
        r
    }

    fn year_suffix(&self, j: usize) -> Option<(i32, usize)> {
        if let Some(r) = self.year_at(j) {
            return Some(r);
        }
        if self.p(j, ",") {
            return self.year_at(j + 1);
        }
        None
    }

    fn bare_text_date(&self, i: usize) -> Option<Cand> {
        // [the] DAY [of] MONTH [,] [YEAR]
        let (the, k) = self.after_the(i);
        if let Some((d, j)) = self.day_at(k) {
            let ordinal = j > k + 1;
            let mut j2 = j;
            let of = self.is(j2, "of");
            if of {
                j2 += 1;
            }
            if (the || of) && !ordinal {
                return None;
            }
            if let Some((m, j3, _)) = self.month_at(j2) {
                return self.finish_md(if the { i } else { k }, m, d, j3);
            }
            return None;
        }
        if the {
            return None;
        }
        // MONTH [the] DAY [,] [YEAR] | MONTH [,|of] YEAR
        let (m, j, _) = self.month_at(i)?;
        let mut j2 = j;
        if self.is(j2, "the") {
            j2 += 1;
        }
        if let Some((d, j3)) = self.day_at(j2) {
            let clock = self.p(j3, ":")
                && self.adj(j3)
                && self.adj(j3 + 1)
                && j3 + 1 < self.len()
                && self.t[j3 + 1].kind == Kind::Digit;
            if !clock {
                return self.finish_md(i, m, d, j3);
            }
        }
        let j4 = if self.p(j, ",") || self.is(j, "of") {
            j + 1
        } else {
            j
        };
        let (y, j5) = self.year_at(j4)?;
        Self::pt(j5, Some(Point::Month(y, m)), false)
    }

    fn finish_md(&self, s: usize, m: u32, d: u32, j: usize) -> Option<Cand> {
        if let Some((y, e)) = self.year_suffix(j) {
            return Self::pt(e, Some(Point::Day(ymd(y, m, d)?)), false);
        }
        if d > 31 {
            return None;
        }
        let date = self.month_day(m, d, self.dir_near(s));
        Self::pt(j, date.map(Point::Day), true)
    }

    fn month_rule(&self, i: usize) -> Option<Cand> {
        let (dir0, k) = self.dir_word(i);
        let (m, j, amb) = self.month_at(k)?;
        // "last Oct. 23", "next May 5"
        if let Some(d0) = dir0.filter(|d| *d != Dir::Future) {
            if let Some((d, j2)) = self.day_at(j) {
                if !self.p(j2, ":") && self.year_suffix(j2).is_none() {
                    let date = self.month_day(m, d, d0);
                    return Self::pt(j2, date.map(Point::Day), true);
                }
            }
        }
        // year reference after the month ("July last year"; "October of next year" is two)
        let mut jj = j;
        if self.p(jj, ",") {
            jj += 1;
        }
        let yref = if self.is(jj, "last") && self.is(jj + 1, "year") {
            Some(-1)
        } else if self.is(jj, "this") && self.is(jj + 1, "year") {
            Some(0)
        } else if self.is(jj, "next") && self.is(jj + 1, "year") {
            Some(1)
        } else {
            None
        };
        if let Some(off) = yref {
            let p = self.pubd.map(|p| Point::Month(p.year() + off, m));
            return Self::pt(jj + 2, p, true);
        }
        // "October of next year": two expressions, the month takes that year
        if self.is(j, "of") && self.is(j + 2, "year") {
            let off = if self.is(j + 1, "last") {
                Some(-1)
            } else if self.is(j + 1, "next") {
                Some(1)
            } else if self.is(j + 1, "this") {
                Some(0)
            } else {
                None
            };
            if let Some(off) = off {
                let p = self.pubd.map(|p| Point::Month(p.year() + off, m));
                return Self::pt(j, p, true);
            }
        }
        if dir0.is_none() {
            let ctx = i > 0 && self.is_any(i - 1, lx::DATE_CONTEXT_BEFORE);
            if amb && !ctx {
                return None;
            }
            if amb
                && self.is(i, "may")
                && self.is_any(j, &["be", "have", "not", "also", "well", "yet", "never"])
            {
                return None;
            }
            // "March" as a noun/verb: "the March", "a March" without context
            if self.t[k].cap
                && self.is_any(j, &["on", "against", "through", "towards", "toward"])
                && amb
            {
                return None;
            }
        }
        let dir = dir0.unwrap_or_else(|| self.dir_near(i));
        let y = if dir0 == Some(Dir::Future) {
            self.pubd.map(|p| p.year())
        } else {
            self.month_year(m, dir)
        };
        Self::pt(j, y.map(|y| Point::Month(y, m)), true)
    }

    fn weekday_rule(&self, i: usize) -> Option<Cand> {
        let (dir0, k) = if self.is(i, "last") {
            (Some(Dir::Last), i + 1)
        } else if self.is_any(i, &["next", "coming"]) {
            (Some(Dir::Next), i + 1)
        } else if self.is(i, "this") && self.is_any(i + 1, &["past"]) {
            (Some(Dir::Last), i + 2)
        } else if self.is(i, "this") {
            (None, i + 1)
        } else {
            (None, i)
        };
        let (wd, j) = self.weekday_at(k)?;
        if self.t[j.min(self.len() - 1)].cap
            && j < self.len()
            && self.is_any(j, lx::WEEKDAY_NAME_FOLLOWERS)
        {
            return None;
        }
        if k > 0 && self.t[k - 1].cap && self.is_any(k - 1, lx::WEEKDAY_NAME_PRECEDERS) {
            return None;
        }
        let dir = dir0.unwrap_or_else(|| {
            if self.apostrophe(j) && self.is(j + 1, "s") {
                // "Wednesday's ruling": an event already reported
                Dir::Past
            } else if k >= 3 && self.is(k - 1, "as") && self.is_any(k - 2, &["early", "soon"]) {
                // "as early as Tuesday"
                Dir::Future
            } else if self.after_until(k) {
                Dir::Future
            } else {
                self.dir(i)
            }
        });
        let day = self.weekday_date(wd, dir);
        if let Some(pod) = self.lookup(j, lx::PARTS_OF_DAY) {
            return Self::day_part(j + 1, day, pod);
        }
        Self::pt(j, day.map(Point::Day), true)
    }

    fn deictic_day(&self, i: usize) -> Option<Cand> {
        let p = self.pubd;
        let shift = |n: i64| p.map(|d| d + Duration::days(n));
        let (day, j) = if self.is(i, "today") {
            (shift(0), i + 1)
        } else if self.is(i, "tonight") {
            return Self::day_part(i + 1, shift(0), "NI");
        } else if self.is(i, "yesterday") {
            (shift(-1), i + 1)
        } else if self.is(i, "tomorrow") {
            (shift(1), i + 1)
        } else if self.is(i, "overnight") && self.unit_at(i + 1).is_none() {
            return Self::day_part(i + 1, shift(-1), "NI");
        } else if self.is(i, "last") && self.is(i + 1, "night") {
            return Self::day_part(i + 2, shift(-1), "NI");
        } else if self.is(i, "this") {
            let pod = self.lookup(i + 1, lx::PARTS_OF_DAY)?;
            return Self::day_part(i + 2, shift(0), pod);
        } else if self.is(i, "the")
            && self.is(i + 1, "day")
            && self.is_any(i + 2, &["before", "after"])
        {
            let n = if self.is(i + 2, "before") { -2 } else { 2 };
            let anchor = if n < 0 { "yesterday" } else { "tomorrow" };
            if !self.is(i + 3, anchor) {
                return None;
            }
            (shift(n), i + 4)
        } else {
            return None;
        };
        if let Some(pod) = self.lookup(j, lx::PARTS_OF_DAY) {
            if !self.is(i, "today") {
                return Self::day_part(j + 1, day, pod);
            }
        }
        Self::pt(j, day.map(Point::Day), true)
    }

    /// this/last/next/past week|month|year|weekend|quarter|decade; the weekend.
    fn period(&self, i: usize) -> Option<Cand> {
        let (the, k) = self.after_the(i);
        let off: i32 = if self.is_any(k, &["this", "current"]) {
            0
        } else if self.is_any(k, &["last", "past", "previous"])
            && !(the && self.is_any(k, &["previous"]))
        {
            -1
        } else if self.is_any(k, &["next", "coming"]) && !(the && self.is(k, "next")) {
            1
        } else if self.is_any(k, &["weekend"])
            && (the || (i > 0 && self.is_any(i - 1, &["at", "over", "on", "during"])))
        {
            // "the weekend"
            let dir = self.dir(i);
            let p = self.pubd.map(|p| weekend_of(p, dir));
            return Self::pt(k + 1, p, true);
        } else {
            return None;
        };
        if the && self.is(k, "this") {
            return None;
        }
        let u = k + 1;
        let p = self.pubd;
        // "the past week" is a duration in TimeML
        if the && self.is_any(k, &["past", "last", "coming", "next"]) {
            // "the past year", "the last month": the calendar period before this one
            if self.is_any(k, &["past", "last"])
                && self.is_any(u, &["week", "month", "year"])
                && !(self.is(u + 1, "of")
                    && (self.month_at(u + 2).is_some() || self.year_at(u + 2).is_some()))
            {
                let pt = p.map(|p| match self.w(u).to_ascii_lowercase().as_str() {
                    "week" => Point::Week(monday_of(p) - Duration::weeks(1)),
                    "month" => {
                        let (y, m) = add_months(p.year(), p.month(), -1);
                        Point::Month(y, m)
                    }
                    _ => Point::Year(p.year() - 1),
                });
                return Self::pt(u + 1, pt, true);
            }
            if self.is_any(u, &["week", "month", "year", "decade", "day", "century"]) {
                let (code, clock, _) = self.unit_at(u)?;
                return Self::literal(
                    u + 1,
                    TimexType::Duration,
                    Some(unit_letter(code, clock, Some(1))),
                    false,
                );
            }
            return None;
        }
        let pt = if self.is(u, "week") {
            p.map(|p| Point::Week(monday_of(p) + Duration::weeks(i64::from(off))))
        } else if self.is(u, "weekend") {
            p.map(|p| {
                let base = weekend_of(p, Dir::Past);
                match (off, base) {
                    (0, _) => weekend_of(p, self.dir(i)),
                    (-1, Point::Weekend(m)) => Point::Weekend(if (p - m).num_days() >= 7 {
                        m
                    } else {
                        m - Duration::weeks(1)
                    }),
                    (_, Point::Weekend(m)) => Point::Weekend(m + Duration::weeks(1)),
                    (_, b) => b,
                }
            })
        } else if self.is(u, "month") {
            p.map(|p| {
                let (y, m) = add_months(p.year(), p.month(), off);
                Point::Month(y, m)
            })
        } else if self.is(u, "year") {
            p.map(|p| Point::Year(p.year() + off))
        } else if self.is(u, "quarter") {
            p.map(|p| {
                let q = (p.month() - 1) / 3 + 1;
                let (y, m) = add_months(p.year(), (q - 1) * 3 + 1, off * 3);
                Point::Quarter(y, (m - 1) / 3 + 1)
            })
        } else if self.is(u, "decade") {
            p.map(|p| Point::Decade((p.year() / 10 + off) * 10))
        } else {
            return None;
        };
        Self::pt(u + 1, pt, true)
    }

    /// "of last year", "of this year", "of next year" at `e`: that year's offset from the publication year.
    fn of_rel_year(&self, e: usize) -> Option<i32> {
        if !(self.is(e, "of")
            && self.is_any(e + 1, &["last", "this", "next"])
            && self.is(e + 2, "year"))
        {
            return None;
        }
        Some(if self.is(e + 1, "last") {
            -1
        } else if self.is(e + 1, "next") {
            1
        } else {
            0
        })
    }

    fn season(&self, i: usize) -> Option<Cand> {
        let (the, mut k) = self.after_the(i);
        let dir0 = if self.is(k, "last") || (self.is(k, "this") && self.is(k + 1, "past")) {
            Some(Dir::Last)
        } else if self.is_any(k, &["next", "coming"]) {
            Some(Dir::Next)
        } else if self.is(k, "this") {
            Some(Dir::Future)
        } else {
            None
        };
        if dir0.is_some() {
            k += if self.is(k + 1, "past") { 2 } else { 1 };
        }
        let code = self.lookup(k, lx::SEASONS)?;
        let mut e = k + 1;
        // explicit year: "summer 2022", "the summer of 2022"
        let mut jj = e;
        if self.is(jj, "of") {
            jj += 1;
        }
        if let Some((y, e2)) = self.year_at(jj) {
            return Self::pt(e2, Some(Point::Season(y, code)), false);
        }
        if let Some(off) = self.of_rel_year(e) {
            let p = self.pubd.map(|p| Point::Season(p.year() + off, code));
            return Self::pt(e + 3, p, true);
        }
        if dir0.is_none() && !the {
            let ctx = i > 0
                && self.is_any(
                    i - 1,
                    &[
                        "since",
                        "in",
                        "during",
                        "by",
                        "until",
                        "through",
                        "throughout",
                        "before",
                        "after",
                        "this",
                        "early",
                        "late",
                        "mid",
                    ],
                );
            if !ctx || self.is(k, "fall") {
                return None;
            }
        }
        if self.is(e, "'") {
            e = k + 1;
        }
        let dir = match dir0 {
            Some(Dir::Future) => {
                let p = self.pubd?;
                let (sy, sc) = season_of(p);
                let y = if sc == code {
                    sy
                } else {
                    self.season_year(code, self.dir(i)).unwrap_or(p.year())
                };
                return Self::pt(e, Some(Point::Season(y, code)), true);
            }
            Some(d) => d,
            None => self.dir(i),
        };
        let y = self.season_year(code, dir);
        Self::pt(e, y.map(|y| Point::Season(y, code)), true)
    }

    fn year_rule(&self, i: usize) -> Option<Cand> {
        // decades: "the 1990s", "1990s"
        let (the, k) = self.after_the(i);
        if let Some((v, len)) = self.digits(k) {
            if len == 4
                && self.adj(k + 1)
                && self.is(k + 1, "s")
                && v % 10 == 0
                && (1000..2100).contains(&v)
            {
                return Self::pt(k + 2, Some(Point::Decade(v as i32)), false);
            }
        }
        // "the '80s", "the 70s", "'82" (two-digit years after an apostrophe or a date word)
        let apo_before = k > 0 && self.apostrophe(k - 1) && self.adj(k);
        let apo = (self.apostrophe(k) && self.adj(k + 1)) || apo_before;
        let kk = if apo && !apo_before { k + 1 } else { k };
        if let Some((v, 2)) = self.digits(kk) {
            // the latest such year not after publication
            let century = |v: u32| -> i32 {
                let py = self.pubd.map_or(1999, |p| p.year());
                let y = py.div_euclid(100) * 100 + v as i32;
                if y > py {
                    y - 100
                } else {
                    y
                }
            };
            if self.adj(kk + 1) && self.is(kk + 1, "s") && v % 10 == 0 {
                return Self::pt(kk + 2, Some(Point::Decade(century(v))), false);
            }
            let b = if apo_before { k - 1 } else { k };
            let ctx = b > 0 && self.is_any(b - 1, &["in", "since", "of", "until", "from", "by"]);
            if apo && ctx && !self.glued_number(kk + 1) {
                return Self::pt(kk + 1, Some(Point::Year(century(v))), false);
            }
        }
        // "the nineties", "the nineteen-eighties"
        if the {
            let mut j = k;
            let mut base = 1900;
            if self.is(j, "nineteen") && self.hyphen(j + 1) && self.adj(j + 1) {
                j += 2;
            } else if self.is(j, "nineteen") {
                j += 1;
            }
            if let Some(v) = self.lookup(j, lx::DECADE_WORDS) {
                if j == k && self.pubd.is_some_and(|p| p.year() < 1900 + v as i32) {
                    base = 1800;
                }
                return Self::pt(j + 1, Some(Point::Decade(base + v as i32)), false);
            }
            // "the year two thousand"
            if self.is(k, "year") {
                if let Some((y, e)) = self.spelled_year(k + 1) {
                    return Self::pt(e, Some(Point::Year(y)), false);
                }
            }
            return None;
        }
        if self.is(i, "fiscal") {
            let (y, e) = self.year_at(i + 1)?;
            return Self::pt(e, Some(Point::Year(y)), false);
        }
        let (y, e) = self.year_at(i)?;
        if !(1900..=2099).contains(&y) {
            return None;
        }
        // a count rather than a year: "about 2000", "$1999", "2000 troops"
        if i > 0
            && (self.is_any(i - 1, lx::COUNT_BEFORE)
                || (self.t[i - 1].kind == Kind::Punct
                    && matches!(self.w(i - 1), "$" | "\u{a3}" | "\u{20ac}" | "#")))
        {
            return None;
        }
        if self.is_any(e, lx::NON_YEAR_FOLLOWERS) || self.p(e, "%") {
            return None;
        }
        // "from 1500 to 2000": a range of counts
        if i >= 2
            && self.is_any(i - 1, &["to", "and", "or", "than"])
            && self.t[i - 2].kind == Kind::Digit
        {
            let (_, l) = self.digits(i - 2)?;
            if l != 4 {
                return None;
            }
        }
        Self::pt(e, Some(Point::Year(y)), false)
    }

    /// A year in words: "nineteen ninety-six", "nineteen eighty", "two thousand", "two thousand
    /// and one" (only forms that cannot be counts of something else).
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        if self.is(i, "nineteen") {
            let j = i + 1;
            let tens = self.lookup(j, lx::NUMBER_WORDS)?;
            if !(20..100).contains(&tens) || tens % 10 != 0 {
                return None;
            }
            if self.hyphen(j + 1) && self.adj(j + 1) {
                let u = self.lookup(j + 2, lx::NUMBER_WORDS)?;
                if (1..10).contains(&u) && !self.is_any(j + 2, &["a", "an"]) {
                    return Some((1900 + (tens + u) as i32, j + 3));
                }
                return None;
            }
            return Some((1900 + tens as i32, j + 1));
        }
        if self.is(i, "two") && self.is(i + 1, "thousand") {
            let j = i + 2;
            let k = if self.is(j, "and") { j + 1 } else { j };
            if let Some(u) = self.lookup(k, lx::NUMBER_WORDS) {
                if (1..20).contains(&u) && !self.is_any(k, &["a", "an"]) {
                    return Some((2000 + u as i32, k + 1));
                }
            }
            // "two thousand" alone only before punctuation ("two thousand troops" is a count)
            if j >= self.len() || self.t[j].kind == Kind::Punct {
                return Some((2000, j));
            }
            return None;
        }
        None
    }

    fn quarter(&self, i: usize) -> Option<Cand> {
        let mut k = i;
        if self.is(k, "the") {
            k += 1;
            // "the quarter", "the latest quarter": the last completed quarter
            let mut q = k;
            if self.is(q, "latest") {
                q += 1;
            } else if self.is(q, "most") && self.is(q + 1, "recent") {
                q += 2;
            }
            if self.is(q, "quarter") && !self.is(q + 1, "of") && !self.hyphen(q + 1) {
                let p = self.pubd.map(|p| {
                    let (y, m) = add_months(p.year(), p.month(), -3);
                    Point::Quarter(y, (m - 1) / 3 + 1)
                });
                return Self::pt(q + 1, p, true);
            }
        }
        let ord = self.lookup(k, lx::ORDINALS)?;
        let mut u = k + 1;
        if self.hyphen(u) && self.adj(u) {
            u += 1;
        }
        let half = self.is(u, "half");
        if !half && !self.is(u, "quarter") {
            return None;
        }
        if self.is(k, "last") && !self.is(u + 1, "of") {
            return None;
        }
        let mut e = u + 1;
        if let Some(off) = self.of_rel_year(e) {
            let p = self.pubd.map(|p| {
                if half {
                    Point::Half(p.year() + off, ord)
                } else {
                    Point::Quarter(p.year() + off, ord)
                }
            });
            return Self::pt(e + 3, p, true);
        }
        let mut year = None;
        let mut jj = e;
        if self.is(jj, "of") {
            jj += 1;
        }
        if let Some((y, e2)) = self.year_at(jj) {
            year = Some(y);
            e = e2;
        }
        if half && ord > 2 {
            return None;
        }
        let rel = year.is_none();
        let y = match year {
            Some(y) => Some(y),
            None => self.pubd.map(|p| {
                let cur = if half {
                    (p.month() - 1) / 6 + 1
                } else {
                    (p.month() - 1) / 3 + 1
                };
                if ord <= cur {
                    p.year()
                } else {
                    p.year() - 1
                }
            }),
        };
        let p = y.map(|y| {
            if half {
                Point::Half(y, ord)
            } else {
                Point::Quarter(y, ord)
            }
        });
        Self::pt(e, p, rel)
    }

    /// "year-earlier" / "year-ago" / "year earlier" at `i`: the index after it.
    fn year_back(&self, i: usize) -> Option<usize> {
        if !self.is(i, "year") {
            return None;
        }
        let j = if self.hyphen(i + 1) && self.adj(i + 1) {
            i + 2
        } else {
            i + 1
        };
        self.is_any(j, &["earlier", "ago"]).then_some(j + 1)
    }

    /// "last year", "a year earlier", "a year ago", "the previous year", "the prior year",
    /// "[of] the year before" after a period word: the index after it.
    fn prior_year_tail(&self, i: usize) -> Option<usize> {
        let mut k = i;
        if self.is(k, "of") {
            k += 1;
        }
        if self.is(k, "last") && self.is(k + 1, "year") {
            return Some(k + 2);
        }
        if self.is_any(k, &["a", "one"]) {
            return self.year_back(k + 1);
        }
        if self.is(k, "the") && self.is_any(k + 1, &["previous", "prior"]) && self.is(k + 2, "year")
        {
            return Some(k + 3);
        }
        None
    }

    /// The quarter (or month) under discussion, shifted back `back` years.
    fn period_back(&self, back: i32) -> Option<Point> {
        if let Some((y, q)) = self.quarter.get() {
            return Some(Point::Quarter(y - back, q));
        }
        match self.period.get() {
            Some(Point::Month(y, m)) => Some(Point::Month(y - back, m)),
            Some(Point::Quarter(y, q)) => Some(Point::Quarter(y - back, q)),
            _ => self.pubd.map(|p| Point::Year(p.year() - back)),
        }
    }

    /// Financial periods: "the year-earlier quarter", "the year-ago period", "year-earlier
    /// profit", "the same period last year", "the latest period", "the 1988 third quarter",
    /// "this year's third quarter", "that quarter", "the year ended June 30" (a duration),
    /// "the full year", "the fiscal year".
    fn financial(&self, i: usize) -> Option<Cand> {
        let (the, k) = self.after_the(i);
        // "this year's third quarter", "next year's first quarter", "last year's quarter"
        if !the && self.is_any(k, &["this", "last", "next"]) && self.is(k + 1, "year") {
            let j = k + 2;
            if self.apostrophe(j) && self.is(j + 1, "s") {
                let off = if self.is(k, "last") {
                    -1
                } else if self.is(k, "next") {
                    1
                } else {
                    0
                };
                let y = self.pubd?.year() + off;
                let mut u = j + 2;
                let ord = self.lookup(u, lx::ORDINALS);
                if ord.is_some() {
                    u += 1;
                    if self.hyphen(u) && self.adj(u) {
                        u += 1;
                    }
                }
                if self.is(u, "quarter") {
                    let q = ord.or_else(|| self.quarter.get().map(|x| x.1))?;
                    return Self::pt(u + 1, Some(Point::Quarter(y, q)), true);
                }
                if self.is(u, "half") {
                    let h = ord.filter(|&h| h <= 2)?;
                    return Self::pt(u + 1, Some(Point::Half(y, h)), true);
                }
            }
            return None;
        }
        if self.is(i, "that") && self.is_any(i + 1, &["quarter", "period"]) {
            let (y, q) = self.quarter.get()?;
            return Self::pt(i + 2, Some(Point::Quarter(y, q)), true);
        }
        // "[the] [comparable|corresponding] year-earlier|year-ago [third] quarter|period"
        let mut j = k;
        if self.is_any(j, &["comparable", "corresponding"]) {
            j += 1;
        }
        if let Some(e) = self.year_back(j) {
            let mut u = e;
            let ord = self.lookup(u, lx::ORDINALS).filter(|_| {
                self.is(u + 1, "quarter") || (self.hyphen(u + 1) && self.is(u + 2, "quarter"))
            });
            if ord.is_some() {
                u += if self.is(u + 1, "quarter") { 1 } else { 2 };
            }
            if self.is_any(u, &["quarter", "period"]) {
                let p = match ord {
                    Some(q) => self.pubd.map(|p| Point::Quarter(p.year() - 1, q)),
                    None => self.period_back(1),
                };
                return Self::pt_back(u + 1, p);
            }
            if the || j > k {
                return None;
            }
            // adjective: "compared with year-earlier profit"
            if e == j + 3 {
                return Self::pt_back(e, self.period_back(1));
            }
            return None;
        }
        if !the {
            return None;
        }
        // "the same|corresponding|comparable period|quarter|month last year|a year earlier"
        if self.is_any(k, &["same", "corresponding", "comparable", "year's"])
            && self.is_any(k + 1, &["period", "quarter", "month"])
        {
            let e = self.prior_year_tail(k + 2)?;
            return Self::pt_back(e, self.period_back(1));
        }
        // "the quarter a year ago"
        if self.is_any(k, &["quarter", "period"]) {
            if let Some(e) = self.prior_year_tail(k + 1) {
                return Self::pt_back(e, self.period_back(1));
            }
        }
        // "the latest period", "the most recent period"
        let mut q = k;
        if self.is(q, "latest") {
            q += 1;
        } else if self.is(q, "most") && self.is(q + 1, "recent") {
            q += 2;
        }
        if q > k && self.is(q, "period") {
            let p = self
                .quarter
                .get()
                .map(|(y, q)| Point::Quarter(y, q))
                .or_else(|| {
                    self.pubd.map(|p| {
                        let (y, m) = add_months(p.year(), p.month(), -3);
                        Point::Quarter(y, (m - 1) / 3 + 1)
                    })
                });
            return Self::pt(q + 1, p, true);
        }
        // "the 1988 period", "the 1988 quarter", "the 1988 third quarter"
        if let Some((y, e)) = self.year_at(k) {
            if let Some(ord) = self.lookup(e, lx::ORDINALS) {
                let mut u = e + 1;
                if self.hyphen(u) && self.adj(u) {
                    u += 1;
                }
                if self.is(u, "quarter") {
                    return Self::pt(u + 1, Some(Point::Quarter(y, ord)), false);
                }
                if self.is(u, "half") && ord <= 2 {
                    return Self::pt(u + 1, Some(Point::Half(y, ord)), false);
                }
                return None;
            }
            if self.is_any(e, &["quarter", "period"]) {
                let p = match self.quarter.get() {
                    Some((_, q)) => Point::Quarter(y, q),
                    None => Point::Year(y),
                };
                return Self::pt(e + 1, Some(p), false);
            }
            return None;
        }
        // "the [fiscal] year ended June 30" is a duration; "the full year", "the fiscal year"
        let mut u = k;
        let mut qualified = false;
        while self.is_any(
            u,
            &["full", "current", "fiscal", "financial", "whole", "entire"],
        ) {
            qualified |= !self.is_any(u, &["whole", "entire"]);
            u += 1;
        }
        if self.is(u, "year") {
            if self.is_any(u + 1, &["ended", "ending"]) {
                return Self::literal(u + 1, TimexType::Duration, Some("P1Y".to_string()), false);
            }
            if qualified {
                return Self::pt(u + 1, self.pubd.map(|p| Point::Year(p.year())), true);
            }
        }
        None
    }

    /// Expressions anchored on the last mentioned day: "the next day", "a day earlier", "that day".
    fn anaphoric(&self, i: usize, refd: Option<NaiveDate>) -> Option<Cand> {
        let anchor = refd.or(self.pubd);
        if self.is_any(i, &["the", "that"]) && self.is(i + 1, "same") && self.is(i + 2, "day") {
            return Self::pt(i + 3, anchor.map(Point::Day), true);
        }
        if self.is(i, "that") && self.is(i + 1, "day") {
            return Self::pt(i + 2, anchor.map(Point::Day), true);
        }
        // market reports: "to end the day", "for the day", "later in the day"
        if self.is(i, "the")
            && self.is(i + 1, "day")
            && i > 0
            && (self.is_any(
                i - 1,
                &[
                    "end",
                    "ended",
                    "ending",
                    "ends",
                    "finish",
                    "finished",
                    "finishing",
                    "close",
                    "closed",
                    "closing",
                    "for",
                    "start",
                    "started",
                    "starting",
                    "begin",
                    "began",
                ],
            ) || (i > 1 && self.is(i - 1, "in") && self.is_any(i - 2, &["later", "earlier"])))
            && !self.is_any(i + 2, &["before", "after", "of", "that", "when"])
        {
            return Self::pt(i + 2, anchor.map(Point::Day), true);
        }
        // "late in the day", "early in the day"
        if self.is_any(i, &["late", "early"])
            && self.is(i + 1, "in")
            && self.is(i + 2, "the")
            && self.is(i + 3, "day")
            && !self.is_any(i + 4, &["before", "after", "of", "that", "when"])
        {
            return Self::pt(i + 4, anchor.map(Point::Day), true);
        }
        if self.is(i, "the")
            && self.is_any(i + 1, &["next", "following", "previous"])
            && self.is_any(i + 2, &["day", "morning", "evening", "night"])
        {
            let n = if self.is(i + 1, "previous") { -1 } else { 1 };
            let d = anchor.map(|a| a + Duration::days(n));
            if let Some(pod) = self.lookup(i + 2, lx::PARTS_OF_DAY) {
                return Self::day_part(i + 3, d, pod);
            }
            return Self::pt(i + 3, d.map(Point::Day), true);
        }
        if self.is(i, "the")
            && self.is(i + 1, "day")
            && self.is_any(i + 2, &["before", "after"])
            && (i + 3 >= self.len() || self.t[i + 3].kind == Kind::Punct)
        {
            let n = if self.is(i + 2, "before") { -1 } else { 1 };
            return Self::pt(
                i + 3,
                anchor.map(|a| Point::Day(a + Duration::days(n))),
                true,
            );
        }
        None
    }

    /// "three days ago", "a day earlier", "two weeks later".
    fn ago(&self, i: usize, refd: Option<NaiveDate>) -> Option<Cand> {
        let mut k = i;
        if self.is_any(k, lx::APPROXIMATORS) {
            k += 1;
        }
        let (n, j) = self.number_at(k)?;
        let (code, clock, e) = self.unit_at(j)?;
        let ago = self.is(e, "ago");
        let anaph = self.is_any(e, &["earlier", "later"])
            || (self.is(e, "before") && (e + 1 >= self.len() || self.t[e + 1].kind == Kind::Punct));
        if !ago && !anaph {
            return None;
        }
        let anchor = if ago { self.pubd } else { refd.or(self.pubd) };
        let back = ago || !self.is(e, "later");
        let Some(n) = n else {
            let v = if back { "PAST_REF" } else { "FUTURE_REF" };
            return Self::literal(e + 1, TimexType::Date, Some(v.to_string()), true);
        };
        if clock {
            return Self::literal(e + 1, TimexType::Time, None, true);
        }
        if code == "Y" && n == 1 && back {
            if let Some((y, q)) = self.quarter.get() {
                return Self::pt_back(e + 1, Some(Point::Quarter(y - 1, q)));
            }
        }
        let sign: i64 = if back { -1 } else { 1 };
        let n = i64::from(n);
        let p = anchor.map(|a| match code {
            "D" => Point::Day(a + Duration::days(sign * n)),
            "W" => Point::Week(monday_of(a + Duration::weeks(sign * n))),
            "2W" => Point::Week(monday_of(a + Duration::weeks(sign * 2 * n))),
            "M" => {
                let (y, m) = add_months(a.year(), a.month(), (sign * n) as i32);
                Point::Month(y, m)
            }
            "DE" => Point::Decade(((a.year() as i64 + sign * 10 * n) / 10 * 10) as i32),
            _ => Point::Year(
                (a.year() as i64 + sign * n * if code == "CE" { 100 } else { 1 }) as i32,
            ),
        });
        Self::pt(e + 1, p, true)
    }

    // ---- durations, sets, vague references, clock times ---------------------------------

    fn duration(&self, i: usize) -> Option<Cand> {
        let mut k = i;
        if (self.is_any(k, &["more", "less", "fewer"]) && self.is(k + 1, "than"))
            || (self.is(k, "at") && self.is_any(k + 1, &["least", "most"]))
            || (self.is(k, "up") && self.is(k + 1, "to"))
        {
            k += 2;
        } else if self.is_any(k, lx::APPROXIMATORS) {
            k += 1;
        }
        if self.is(k, "the") {
            k += 1;
            if !self.is_any(
                k,
                &[
                    "past",
                    "last",
                    "next",
                    "coming",
                    "first",
                    "previous",
                    "following",
                    "final",
                ],
            ) {
                return None;
            }
            k += 1;
        } else if self.is_any(k, &["recent", "coming"]) && self.is_plural_unit(k + 1) {
            // "recent years", "coming weeks": an unspecified stretch (TimeML "PXY")
            let (code, clock, e) = self.unit_at(k + 1)?;
            return Self::stretch(e, code, clock, None);
        }
        if let Some((n, j)) = self.number_at(k) {
            // "six straight days", "two consecutive quarters"
            let j = if n.is_some()
                && self.is_any(j, &["straight", "consecutive", "successive", "full"])
                && self.is_plural_unit(j + 1)
            {
                j + 1
            } else {
                j
            };
            // "two-day talks", "24-hour"
            let (jj, hy) = if self.hyphen(j) && self.adj(j) {
                (j + 1, true)
            } else {
                (j, false)
            };
            if let Some((code, clock, e)) = self.unit_at(jj) {
                if hy && self.w(jj).ends_with('s') && !self.is(jj, "days") {
                    return None;
                }
                if self.is(jj - 1, "a") || self.is(jj - 1, "an") {
                    // "a day" after "once/twice/times" is a set frequency
                    if jj > 1 && self.is_any(jj - 2, &["once", "twice", "times"]) {
                        return None;
                    }
                }
                // ages are not time expressions: "a 6-year-old", "52 years old"
                if self.is(e, "old") || (self.hyphen(e) && self.is(e + 1, "old")) {
                    return None;
                }
                // "the past few weeks" is an unspecified stretch: "PXW" (TimeML practice)
                return Self::stretch(e, code, clock, n);
            }
            return None;
        }
        // "the past few days" handled above via vague quantifiers; bare plurals after "for"
        if k == i
            && i > 0
            && self.is_any(i - 1, &["for", "within", "in"])
            && self.is_plural_unit(k)
            && !self.is(k, "days")
            || (k == i && i > 0 && self.is(i - 1, "for") && self.is(k, "days"))
        {
            let (code, clock, e) = self.unit_at(k)?;
            if self.is(e, "of") || self.is(e, "to") {
                return None;
            }
            return Self::stretch(e, code, clock, None);
        }
        None
    }

    fn set(&self, i: usize) -> Option<Cand> {
        if let Some(v) = self.lookup(i, lx::SET_ADVERBS) {
            return Self::literal(i + 1, TimexType::Set, Some(v.to_string()), false);
        }
        if self.is_any(i, &["every", "each", "per"]) {
            let mut k = i + 1;
            if self.is(k, "other") {
                k += 1;
            }
            if let Some((wd, e)) = self.weekday_at(k) {
                return Self::literal(
                    e,
                    TimexType::Set,
                    Some(format!("XXXX-WXX-{}", wd + 1)),
                    false,
                );
            }
            if let Some(pod) = self.lookup(k, lx::PARTS_OF_DAY) {
                return Self::literal(
                    k + 1,
                    TimexType::Set,
                    Some(format!("XXXX-XX-XXT{pod}")),
                    false,
                );
            }
            let n = if k > i + 1 { 2 } else { 1 };
            if let Some((code, clock, e)) = self.unit_at(k) {
                if self.w(k).ends_with('s') {
                    return None;
                }
                return Self::literal(
                    e,
                    TimexType::Set,
                    Some(unit_letter(code, clock, Some(n))),
                    false,
                );
            }
        }
        None
    }

    fn vague(&self, i: usize) -> Option<Cand> {
        let lit = |e: usize, v: &str| Self::literal(e, TimexType::Date, Some(v.to_string()), true);
        if let Some(v) = self.lookup(i, lx::VAGUE_WORDS) {
            if self.is(i, "now") && self.hyphen(i + 1) && self.adj(i + 1) {
                return None;
            }
            return lit(i + 1, v);
        }
        // "the current crisis": the adjective refers to the present
        if self.is(i, "current")
            && i + 1 < self.len()
            && self.t[i + 1].kind == Kind::Alpha
            && !self.is_any(i + 1, &["account", "accounts", "affairs", "and", "or"])
            && !self.is_any(
                i.wrapping_sub(1),
                &["electric", "electrical", "alternating", "direct"],
            )
        {
            return lit(i + 1, "PRESENT_REF");
        }
        if self.is(i, "present") && i > 0 && self.is(i - 1, "at") {
            return lit(i + 1, "PRESENT_REF");
        }
        if self.is(i, "these") && self.is(i + 1, "days") {
            return lit(i + 2, "PRESENT_REF");
        }
        if self.is(i, "the") && self.is_any(i + 1, &["past", "future"]) {
            let nxt = i + 2;
            if nxt < self.len()
                && self.t[nxt].kind != Kind::Punct
                && !self.is_any(
                    nxt,
                    &[
                        "and", "or", "but", "when", "as", "that", "is", "was", "has", "have",
                        "had", "will", "the",
                    ],
                )
            {
                return None;
            }
            let v = if self.is(i + 1, "past") {
                "PAST_REF"
            } else {
                "FUTURE_REF"
            };
            return lit(i + 2, v);
        }
        None
    }

    fn clock(&self, i: usize) -> Option<Cand> {
        let day = self.day.get().or(self.pubd);
        let mk = |e: usize, h: u32, m: u32, z: bool| {
            // a day right after the time: "noon Thursday", "12:00 UTC Monday", "16:00 today"
            let (day, e, rel) = match self
                .weekday_rule(e)
                .or_else(|| self.deictic_day(e))
                .or_else(|| self.text_date(e))
            {
                Some(Cand {
                    e: e2,
                    out:
                        Out::P {
                            p,
                            rel,
                            ty: TimexType::Date,
                            ..
                        },
                }) => (p.and_then(|p| p.day()), e2, rel),
                _ => (day, e, true),
            };
            let p = day.map(|d| Point::Clock(d, h, m, z));
            Self::pt_ty(e, p, rel, TimexType::Time)
        };
        if self.is_any(i, &["noon", "midday"]) && !(i > 0 && self.is(i - 1, "high")) {
            return mk(i + 1, 12, 0, false);
        }
        if self.is(i, "midnight") {
            return mk(i + 1, 24, 0, false);
        }
        let (h, hl) = self.digits(i)?;
        let mut e;
        let mut m = 0;
        let mut explicit = false;
        if self.p(i + 1, ":") && self.adj(i + 1) && self.adj(i + 2) {
            let (mm, ml) = self.digits(i + 2)?;
            if ml != 2 || mm > 59 || h > 24 {
                return None;
            }
            m = mm;
            e = i + 3;
            explicit = true;
        } else if hl == 4 && self.is_any(i + 1, lx::TIME_ZONES) {
            let (hh, mm) = (h / 100, h % 100);
            if hh > 24 || mm > 59 {
                return None;
            }
            return self.clock_tail(i + 1, hh, mm, &mk);
        } else {
            if hl > 2 || h > 12 {
                return None;
            }
            e = i + 1;
        }
        let mut h = h;
        // am / pm
        let ampm = if self.is_any(e, &["am", "pm"]) {
            let pm = self.is(e, "pm");
            e += 1;
            Some(pm)
        } else if self.is_any(e, &["a", "p"])
            && self.p(e + 1, ".")
            && self.is(e + 2, "m")
            && self.adj(e + 1)
            && self.adj(e + 2)
        {
            let pm = self.is(e, "p");
            e += 3;
            if self.p(e, ".") && self.adj(e) {
                e += 1;
            }
            Some(pm)
        } else {
            None
        };
        match ampm {
            Some(pm) => {
                if h > 12 {
                    return None;
                }
                if pm && h < 12 {
                    h += 12;
                } else if !pm && h == 12 {
                    h = 0;
                }
            }
            None if !explicit => return None,
            None => {}
        }
        self.clock_tail(e, h, m, &mk)
    }

    fn clock_tail(
        &self,
        e: usize,
        h: u32,
        m: u32,
        mk: &dyn Fn(usize, u32, u32, bool) -> Option<Cand>,
    ) -> Option<Cand> {
        let mut e = e;
        let mut z = false;
        if self.is_any(e, lx::TIME_ZONES) {
            z = self.is_any(e, &["utc", "gmt"]);
            e += 1;
        } else if self.is(e, "local") && self.is(e + 1, "time") {
            e += 2;
        }
        mk(e, h, m, z)
    }
}

fn weekend_of(p: NaiveDate, dir: Dir) -> Point {
    let mon = monday_of(p);
    let wd = p.weekday().num_days_from_monday();
    match dir {
        // the weekend just passed (or the current one)
        Dir::Past | Dir::Last => Point::Weekend(if wd >= 5 {
            mon
        } else {
            mon - Duration::weeks(1)
        }),
        _ => Point::Weekend(mon),
    }
}
