//! Event clusters across reports, corroboration and the control timeline.
//!
//! An event joins the cluster of an earlier event when all hold (see README.md):
//! - compatible type (same ACLED event type; territory changes count as Battles);
//! - places within `radius_km(geo_precision)` (the coarser of the two precisions), or the same place name;
//! - dates within `window_days(time_precision)` (the coarser of the two);
//! - compatible actors (the sides named by the two events overlap, or one names none).

use crate::row::{
    cluster_item, ClaimFields, ClaimRow, ClusterSummary, EventFields, EventRow, CLAIMS_SELECT,
    CLUSTERS_SELECT, EVENTS_SELECT,
};
use crate::{Result, StoreError};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use sitrep_geo::haversine_km;
use sitrep_ledger::{Ledger, Outcome as EventOutcome, Stance, UnknownValue, Verification};
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub use crate::filter::Filter;

/// Largest distance between two reports of one event, by ACLED geo_precision.
pub fn radius_km(geo_precision: u8) -> f64 {
    match geo_precision {
        0 | 1 => 5.0,
        2 => 25.0,
        _ => 100.0,
    }
}

/// Largest gap between the dates of two reports of one event, by ACLED time_precision.
pub fn window_days(time_precision: u8) -> i64 {
    match time_precision {
        0 | 1 => 1,
        2 => 7,
        _ => 31,
    }
}

fn type_group(event_type: &str, sub: &str) -> String {
    if sub.to_lowercase().contains("territory") {
        "Battles".into()
    } else {
        event_type.to_string()
    }
}

pub fn place_key(name: &str) -> String {
    crate::dedup::words(name).join(" ")
}

fn day_number(date: &str) -> Option<i64> {
    let d = chrono::NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d").ok()?;
    Some(
        d.signed_duration_since(chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?)
            .num_days(),
    )
}

/// Fallback only (see [`control`]): a trigger that reads as a repelled attack.
fn is_repel(trigger: &str) -> bool {
    let t = trigger.to_lowercase();
    [
        "repel",
        "repuls",
        "fought off",
        "thwart",
        "beat back",
        "beaten back",
        "held off",
        "foiled",
    ]
    .iter()
    .any(|k| t.contains(k))
}

/// Fallback only (see [`control`]): a sub-event type that is a change of territory.
fn is_takeover(sub: &str) -> bool {
    let s = sub.to_lowercase();
    s.contains("overtakes territory")
        || s.contains("regains territory")
        || s.contains("transfer of territory")
}

/// The kinds of actor that hold territory: states, their forces, armed groups, organisations (a person,
/// civilians or a news outlet never do).
fn holds_territory(kind: sitrep_ledger::ActorKind) -> bool {
    use sitrep_ledger::ActorKind::*;
    matches!(kind, State | ArmedForces | ArmedGroup | Organization)
}

/// What an event says about who holds its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Control {
    /// A side took (or holds) it: a gain.
    Taken,
    /// An attack on it was repelled: the defender held it.
    Held,
    Neither,
}

/// The control an event tells, from its outcome class. Events stored before ledgers carried one (a NULL
/// `outcome`, from an old store or an old ledger) are guessed from the sub-event type and the trigger words.
fn control(outcome: Option<EventOutcome>, sub: &str, trigger: &str) -> Control {
    match outcome {
        Some(EventOutcome::Gain) => Control::Taken,
        Some(EventOutcome::Repelled) => Control::Held,
        Some(_) => Control::Neither,
        None if is_takeover(sub) => Control::Taken,
        None if is_repel(trigger) => Control::Held,
        None => Control::Neither,
    }
}

/// A contract string of a stored row (`stance`, `verification`, `outcome`) as its enum.
fn parsed<T: std::str::FromStr<Err = UnknownValue>>(
    r: &rusqlite::Row,
    i: usize,
) -> rusqlite::Result<T> {
    let s: String = r.get(i)?;
    s.parse().map_err(|e: UnknownValue| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// What the candidate search needs to know of a stored event.
struct Cand {
    cluster: String,
    type_group: String,
    place_key: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    geo_precision: u8,
    day: i64,
    time_precision: u8,
    sides: Vec<String>,
}

fn compatible(a: &Cand, b: &Cand) -> Option<f64> {
    if a.type_group != b.type_group {
        return None;
    }
    let tp = a.time_precision.max(b.time_precision);
    if (a.day - b.day).abs() > window_days(tp) {
        return None;
    }
    if !a.sides.is_empty() && !b.sides.is_empty() && !a.sides.iter().any(|s| b.sides.contains(s)) {
        return None;
    }
    let same_name = a.place_key.is_some() && a.place_key == b.place_key;
    match (a.lat.zip(a.lon), b.lat.zip(b.lon)) {
        (Some((la, lo)), Some((lb, lob))) => {
            let d = haversine_km((la, lo), (lb, lob));
            let gp = a.geo_precision.max(b.geo_precision);
            if d <= radius_km(gp) || (same_name && d <= radius_km(3)) {
                Some(d)
            } else {
                None
            }
        }
        _ if same_name => Some(0.0),
        _ => None,
    }
}

/// Stores the events and claims of a new document and puts every event into a cluster.
/// An event's stored date, time precision and day number: its own date, else the report's publication day
/// (precision 2), else none (precision 3).
pub(crate) fn event_date(
    ev: &sitrep_ledger::Event,
    published: Option<&str>,
) -> (Option<String>, u8, Option<i64>) {
    let (date, tp) = match (&ev.date, published) {
        (Some(d), _) => (Some(d.clone()), ev.time_precision.unwrap_or(1)),
        (None, Some(p)) => (Some(p.get(..10).unwrap_or(p).to_string()), 2),
        _ => (None, 3),
    };
    let day = date.as_deref().and_then(day_number);
    (date, tp, day)
}

/// The cluster of the original's event that a syndicated copy's event is the copy of: the original's event
/// with the same id and type group, else (`same_id` false) its event of that type group nearest in days.
fn original_cluster(
    tx: &Transaction,
    original: i64,
    ev_id: &str,
    group: &str,
    day: Option<i64>,
    same_id: bool,
) -> Result<Option<String>> {
    let mut stmt = tx.prepare_cached(
        "SELECT cluster FROM events WHERE doc = ?1 AND type_group = ?2 AND (?3 = 0 OR event_id = ?4)
         ORDER BY event_id = ?4 DESC, abs(coalesce(day, 0) - ?5), id LIMIT 1",
    )?;
    Ok(stmt
        .query_row(
            params![original, group, same_id as i64, ev_id, day.unwrap_or(0)],
            |r| r.get(0),
        )
        .optional()?)
}

/// Files the events of the stored document `doc` (its content hash `hash`) into clusters. The events of a
/// syndicated copy (`copy_of`: the original document) join the clusters of the original's events they copy
/// (the same event id, then the nearest compatible event, then the original's event of the same type group):
/// a copy founds a cluster only for an event the original does not tell at all.
pub(crate) fn add_events(
    tx: &Transaction,
    doc: i64,
    hash: &str,
    ledger: &Ledger,
    copy_of: Option<i64>,
    touched: &mut BTreeSet<String>,
) -> Result<()> {
    let outlet = ledger.document.source.clone();
    let published = ledger.document.published.clone();
    let side_of = |id: &Option<String>| -> Option<String> {
        let a = ledger.actor(id.as_deref()?)?;
        Some(a.affiliation.clone().unwrap_or_else(|| a.name.clone()))
    };
    let name_of = |id: &Option<String>| -> Option<String> {
        Some(ledger.actor(id.as_deref()?)?.name.clone())
    };
    for ev in &ledger.events {
        let place = ev.place.as_deref().and_then(|p| ledger.place(p));
        let (date, tp, day) = event_date(ev, published.as_deref());
        let group = type_group(&ev.event_type, &ev.sub_event_type);
        let (side1, side2) = (side_of(&ev.actor1), side_of(&ev.actor2));
        let me = Cand {
            cluster: String::new(),
            type_group: group.clone(),
            place_key: place.map(|p| place_key(&p.name)).filter(|k| !k.is_empty()),
            lat: place.and_then(|p| p.lat),
            lon: place.and_then(|p| p.lon),
            geo_precision: place.and_then(|p| p.geo_precision).unwrap_or(3),
            day: day.unwrap_or(0),
            time_precision: tp,
            sides: side1.iter().chain(side2.iter()).cloned().collect(),
        };
        // the nearest compatible event of another document decides the cluster
        let mut best: Option<(f64, String)> = None;
        if let (Some(day), true) = (day, me.place_key.is_some() || me.lat.is_some()) {
            let mut stmt = tx.prepare_cached(
                "SELECT cluster, type_group, place_key, lat, lon, geo_precision, day, time_precision, side1, side2
                 FROM events WHERE type_group = ?1 AND day BETWEEN ?2 AND ?3 AND doc != ?4",
            )?;
            let w = window_days(3);
            let rows = stmt.query_map(params![group, day - w, day + w, doc], |r| {
                let s1: Option<String> = r.get(8)?;
                let s2: Option<String> = r.get(9)?;
                Ok(Cand {
                    cluster: r.get(0)?,
                    type_group: r.get(1)?,
                    place_key: r.get(2)?,
                    lat: r.get(3)?,
                    lon: r.get(4)?,
                    geo_precision: r.get::<_, Option<u8>>(5)?.unwrap_or(3),
                    day: r.get(6)?,
                    time_precision: r.get::<_, Option<u8>>(7)?.unwrap_or(3),
                    sides: s1.into_iter().chain(s2).collect(),
                })
            })?;
            for c in rows {
                let c = c?;
                if let Some(d) = compatible(&me, &c) {
                    if best
                        .as_ref()
                        .is_none_or(|(bd, bc)| d < *bd || (d == *bd && c.cluster < *bc))
                    {
                        best = Some((d, c.cluster));
                    }
                }
            }
        }
        let copied = match copy_of {
            Some(orig) => original_cluster(tx, orig, &ev.id, &group, day, true)?,
            None => None,
        };
        let best = copied.or(best.map(|b| b.1));
        let best = match (best, copy_of) {
            (None, Some(orig)) => original_cluster(tx, orig, &ev.id, &group, day, false)?,
            (b, _) => b,
        };
        let cluster = match best {
            Some(c) => c,
            None => {
                // a stable id: from the content hash of the founding report and the event's id in it
                let id = format!(
                    "C{:016x}",
                    crate::dedup::mix(
                        u64::from_str_radix(&hash[..16], 16).unwrap_or(0)
                            ^ crate::dedup::mix(
                                ev.id
                                    .bytes()
                                    .fold(0u64, |h, b| h.wrapping_mul(131).wrapping_add(b as u64))
                            )
                    )
                );
                let seq: i64 =
                    tx.query_row("SELECT coalesce(max(seq), 0) + 1 FROM clusters", [], |r| {
                        r.get(0)
                    })?;
                tx.execute(
                    "INSERT INTO clusters(id, seq, event_type, sub_event_type) VALUES (?1, ?2, ?3, ?4)",
                    params![id, seq, ev.event_type, ev.sub_event_type],
                )?;
                id
            }
        };
        let notes: String = ev
            .evidence
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" … ");
        let codes = crate::acled::codes(ledger, ev, place.and_then(|p| p.country_code.as_deref()));
        tx.execute(
            "INSERT INTO events(doc, event_id, cluster, type_group, event_type, sub_event_type, trigger, actor1, actor2, side1, side2,
               place, place_key, lat, lon, geo_precision, country, admin1, date, day, time_precision, fatalities, notes, outcome,
               inter1, inter2, interaction, civilian_targeting)
             VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,?27,?28)",
            params![
                doc, ev.id, cluster, group, ev.event_type, ev.sub_event_type, ev.trigger,
                name_of(&ev.actor1), name_of(&ev.actor2), side1, side2,
                place.map(|p| p.name.clone()), me.place_key, me.lat, me.lon,
                place.and_then(|p| p.geo_precision), place.and_then(|p| p.country_code.clone()),
                place.and_then(|p| p.admin1.clone()), date, day, tp, ev.fatalities.map(|f| f as i64), notes,
                ev.outcome.map(|o| o.as_str()),
                codes.inter1, codes.inter2, codes.interaction, codes.civilian_targeting
            ],
        )?;
        let event_row = tx.last_insert_rowid();
        let claims: Vec<_> = ledger.claims.iter().filter(|c| c.event == ev.id).collect();
        let mut first_claimant: Option<(Option<String>, Option<String>)> = None;
        if claims.is_empty() {
            // the outlet's own report
            tx.execute(
                "INSERT INTO claims(event, doc, claim_id, source, source_side, outlet, stance, verification, hedge, evidence)
                 VALUES (?1, ?2, NULL, NULL, NULL, ?3, 'asserts', 'single-source', NULL, ?4)",
                params![event_row, doc, outlet, notes],
            )?;
            first_claimant = Some((None, None));
        }
        for c in claims {
            let src = name_of(&c.source);
            let src_side = side_of(&c.source);
            if first_claimant.is_none() {
                first_claimant = Some((src.clone(), src_side.clone()));
            }
            tx.execute(
                "INSERT INTO claims(event, doc, claim_id, source, source_side, outlet, stance, verification, hedge, evidence)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![event_row, doc, c.id, src, src_side, outlet, c.stance.as_str(), c.verification.as_str(), c.hedge, c.evidence.text],
            )?;
        }
        // control: a takeover names who holds the place now; a repelled attack, who held on to it
        if let (Some(p), Some((claimant, claimant_side))) = (place, first_claimant) {
            // only a state, its forces, an armed group or an organisation holds ground ("Clinton captured New
            // York" names no holder)
            let holds = |id: &Option<String>| {
                id.as_deref()
                    .and_then(|i| ledger.actor(i))
                    .is_some_and(|a| holds_territory(a.kind))
            };
            let holder = match control(ev.outcome, &ev.sub_event_type, &ev.trigger) {
                Control::Taken if holds(&ev.actor1) => {
                    side1.clone().or_else(|| name_of(&ev.actor1))
                }
                Control::Held => match &claimant_side {
                    Some(s) if Some(s) == side1.as_ref() && holds(&ev.actor1) => Some(s.clone()),
                    Some(s) if Some(s) == side2.as_ref() && holds(&ev.actor2) => Some(s.clone()),
                    _ => side2.clone().filter(|_| holds(&ev.actor2)),
                },
                Control::Taken | Control::Neither => None,
            };
            if let Some(holder) = holder {
                tx.execute(
                    "INSERT INTO control(place, place_key, lat, lon, holder, date, claimant, outlet, doc, cluster, event)
                     VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
                    params![p.name, place_key(&p.name), p.lat, p.lon, holder, date, claimant, outlet, doc, cluster, event_row],
                )?;
            }
        }
        touched.insert(cluster);
    }
    Ok(())
}

struct Member {
    doc: i64,
    canonical: i64,
    outlet: Option<String>,
    sub: String,
    trigger: String,
    /// None for events stored before the outcome was (see [`control`]).
    outcome: Option<EventOutcome>,
    side1: Option<String>,
    fatalities: Option<i64>,
    claims: Vec<(Option<String>, Stance, Verification)>, // source, stance, verification
}

/// Independent sources of a cluster: its reports, with syndicated copies merged into their original
/// and reports relaying the same claimant merged together; each group left counts once.
fn independent(members: &[Member]) -> usize {
    let docs: Vec<i64> = members
        .iter()
        .map(|m| m.canonical)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut parent: HashMap<i64, i64> = docs.iter().map(|d| (*d, *d)).collect();
    fn find(p: &mut HashMap<i64, i64>, x: i64) -> i64 {
        let mut r = x;
        while p[&r] != r {
            r = p[&r];
        }
        p.insert(x, r);
        r
    }
    let mut by_claimant: HashMap<String, i64> = HashMap::new();
    for m in members {
        for (src, _, _) in &m.claims {
            if let Some(s) = src {
                let k = place_key(s);
                match by_claimant.get(&k) {
                    Some(&other) => {
                        let (a, b) = (find(&mut parent, other), find(&mut parent, m.canonical));
                        if a != b {
                            parent.insert(a.max(b), a.min(b));
                        }
                    }
                    None => {
                        by_claimant.insert(k, m.canonical);
                    }
                }
            }
        }
    }
    docs.iter()
        .map(|d| find(&mut parent, *d))
        .collect::<BTreeSet<_>>()
        .len()
}

/// Whether the reports of a cluster contradict each other, and why.
fn contradiction(members: &[Member]) -> Option<&'static str> {
    if members
        .iter()
        .any(|m| m.claims.iter().any(|c| c.1 == Stance::Denies))
    {
        return Some("a claim denies the event");
    }
    if members
        .iter()
        .any(|m| m.claims.iter().any(|c| c.2 == Verification::Disputed))
    {
        return Some("a report says the claims conflict");
    }
    let takers: BTreeSet<&str> = members
        .iter()
        .filter(|m| control(m.outcome, &m.sub, &m.trigger) == Control::Taken)
        .filter_map(|m| m.side1.as_deref())
        .collect();
    if takers.len() > 1 {
        return Some("different sides are said to have taken the place");
    }
    if !takers.is_empty()
        && members
            .iter()
            .any(|m| control(m.outcome, &m.sub, &m.trigger) == Control::Held)
    {
        return Some("captured according to one report, repelled according to another");
    }
    let f: Vec<(i64, i64)> = members
        .iter()
        .filter_map(|m| Some((m.canonical, m.fatalities?)))
        .collect();
    if let (Some(lo), Some(hi)) = (f.iter().map(|x| x.1).min(), f.iter().map(|x| x.1).max()) {
        if hi >= 2 * lo + 3 {
            return Some("the reported fatalities differ widely");
        }
    }
    None
}

/// Recomputes a cluster's summary (place, dates, sources, verification) from its events.
pub(crate) fn refresh(tx: &Transaction, cluster: &str) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "SELECT e.id, e.doc, coalesce(d.syndicated_of, d.id), d.outlet, e.sub_event_type, e.trigger, e.side1, e.fatalities,
                e.place, e.lat, e.lon, e.geo_precision, e.country, e.admin1, e.date, e.time_precision, e.outcome
         FROM events e JOIN documents d ON d.id = e.doc WHERE e.cluster = ?1 ORDER BY e.id",
    )?;
    type Row = (
        i64,
        Member,
        Option<String>,
        Option<f64>,
        Option<f64>,
        Option<i64>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<i64>,
    );
    let rows: Vec<Row> = stmt
        .query_map([cluster], |r| {
            Ok((
                r.get(0)?,
                Member {
                    doc: r.get(1)?,
                    canonical: r.get(2)?,
                    outlet: r.get(3)?,
                    sub: r.get(4)?,
                    trigger: r.get(5)?,
                    outcome: r
                        .get::<_, Option<String>>(16)?
                        .map(|_| parsed(r, 16))
                        .transpose()?,
                    side1: r.get(6)?,
                    fatalities: r.get(7)?,
                    claims: Vec::new(),
                },
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
                r.get(11)?,
                r.get(12)?,
                r.get(13)?,
                r.get(14)?,
                r.get(15)?,
            ))
        })?
        .collect::<std::result::Result<_, _>>()?;
    if rows.is_empty() {
        return Err(StoreError(format!("cluster {cluster} has no events")));
    }
    let mut cstmt =
        tx.prepare_cached("SELECT source, stance, verification FROM claims WHERE event = ?1")?;
    let mut claimants = BTreeSet::new();
    let mut members = Vec::new();
    let mut info = Vec::new();
    for (eid, mut m, a, b, c, d, e, f, g, h) in rows {
        m.claims = cstmt
            .query_map([eid], |r| Ok((r.get(0)?, parsed(r, 1)?, parsed(r, 2)?)))?
            .collect::<std::result::Result<_, _>>()?;
        for c in &m.claims {
            if let Some(s) = &c.0 {
                claimants.insert(s.clone());
            }
        }
        members.push(m);
        info.push((eid, (), a, b, c, d, e, f, g, h));
    }
    let rows = info;
    // the most precise located place stands for the cluster
    let loc = rows
        .iter()
        .filter(|r| r.3.is_some())
        .min_by_key(|r| r.5.unwrap_or(9))
        .or_else(|| rows.iter().find(|r| r.2.is_some()))
        .unwrap_or(&rows[0]);
    let dates: Vec<&String> = rows.iter().filter_map(|r| r.8.as_ref()).collect();
    let tp = rows.iter().filter_map(|r| r.9).min();
    let outlets: BTreeSet<String> = members.iter().filter_map(|m| m.outlet.clone()).collect();
    let fat: Vec<i64> = members.iter().filter_map(|m| m.fatalities).collect();
    let reports = members.iter().map(|m| m.doc).collect::<BTreeSet<_>>().len();
    let indep = independent(&members);
    let verification = if contradiction(&members).is_some() {
        Verification::Disputed
    } else if indep >= 2 {
        Verification::Corroborated
    } else if members
        .iter()
        .all(|m| m.claims.iter().all(|c| c.2 == Verification::Unconfirmed))
    {
        Verification::Unconfirmed
    } else {
        Verification::SingleSource
    };
    // the country and admin-1 region as the export shows them: one spelling per region, the coast's at sea
    let (country, admin1) =
        crate::geography::locate(loc.6.as_deref(), loc.7.as_deref(), loc.3.zip(loc.4));
    tx.execute(
        "UPDATE clusters SET place=?2, lat=?3, lon=?4, geo_precision=?5, country=?6, admin1=?7, date_min=?8, date_max=?9,
           time_precision=?10, reports=?11, independent_sources=?12, verification=?13, fatalities_min=?14, fatalities_max=?15,
           outlets=?16, claimants=?17 WHERE id=?1",
        params![
            cluster, loc.2, loc.3, loc.4, loc.5, country, admin1,
            dates.iter().min(), dates.iter().max(), tp, reports as i64, indep as i64, verification.as_str(),
            fat.iter().min(), fat.iter().max(),
            serde_json::to_string(&outlets).unwrap_or_default(),
            serde_json::to_string(&claimants).unwrap_or_default()
        ],
    )?;
    Ok(())
}

/// Recomputes every cluster's summary (a migration that changes how summaries are made runs it).
pub(crate) fn refresh_all(tx: &Transaction) -> Result<()> {
    let ids: Vec<String> = tx
        .prepare("SELECT id FROM clusters ORDER BY seq")?
        .query_map([], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    for id in &ids {
        refresh(tx, id)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- views for query and export

#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    #[serde(flatten)]
    pub claim: ClaimFields,
    /// The evidence sentence.
    pub evidence: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    /// The document's id (`/api/documents/{id}`) and name, as the API names them.
    pub document: i64,
    pub document_name: String,
    #[serde(flatten)]
    pub event: EventFields,
    pub time_precision: Option<i64>,
    pub fatalities: Option<i64>,
    pub notes: String,
    /// When the report was stored (`YYYY-MM-DDTHH:MM:SSZ`).
    pub ingested_at: String,
    /// ACLED's inter codes, interaction and civilian targeting (null for events stored before the store kept them).
    #[serde(flatten)]
    pub codes: crate::acled::AcledCodes,
    pub claims: Vec<ClaimView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClusterView {
    pub id: String,
    pub event_type: String,
    pub sub_event_type: String,
    pub place: Option<String>,
    #[serde(flatten)]
    pub summary: ClusterSummary,
    pub outlets: Vec<String>,
    pub claimants: Vec<String>,
    /// The cluster's number (assigned once, never changed).
    pub seq: i64,
    pub events: Vec<EventView>,
}

/// The order of the clusters `sitrep query` and `sitrep export` list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// The order they were founded in (their number).
    #[default]
    Founded,
    /// First date, oldest first (undated last), then number.
    Date,
    /// Highest fatality figure first, then number.
    Fatalities,
    /// Most independent sources first, then number.
    Sources,
}

impl Sort {
    fn order_by(self) -> &'static str {
        match self {
            Sort::Founded => "c.seq",
            Sort::Date => "c.date_min IS NULL, c.date_min, c.seq",
            Sort::Fatalities => "c.fatalities_max IS NULL, c.fatalities_max DESC, c.seq",
            Sort::Sources => "c.independent_sources DESC, c.seq",
        }
    }
}

impl crate::Store {
    /// Clusters (with their events and claims) that pass the filter, in the order they were founded.
    pub fn clusters(&self, filter: &Filter) -> Result<Vec<ClusterView>> {
        self.clusters_sorted(filter, Sort::Founded, None)
    }

    /// Clusters (with their events and claims) that pass the filter, in the order asked, at most `limit`.
    pub fn clusters_sorted(
        &self,
        filter: &Filter,
        sort: Sort,
        limit: Option<usize>,
    ) -> Result<Vec<ClusterView>> {
        let conn = self.conn();
        let (w, mut p) = filter.where_clause();
        p.push(rusqlite::types::Value::Integer(
            limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX)),
        ));
        let sql = format!(
            "{CLUSTERS_SELECT} WHERE {w} ORDER BY {} LIMIT ?{}",
            sort.order_by(),
            p.len()
        );
        let items = conn
            .prepare(&sql)?
            .query_map(rusqlite::params_from_iter(p), cluster_item)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let wanted: BTreeSet<&str> = items.iter().map(|c| c.id.as_str()).collect();
        let mut claims: HashMap<i64, Vec<ClaimView>> = HashMap::new();
        let mut st = conn.prepare(&format!("{CLAIMS_SELECT} ORDER BY k.id"))?;
        for r in st.query_map([], ClaimRow::from_row)? {
            let k = r?;
            claims.entry(k.event).or_default().push(ClaimView {
                claim: k.claim,
                evidence: k.evidence,
            });
        }
        let mut events: BTreeMap<String, Vec<EventView>> = BTreeMap::new();
        let mut st = conn.prepare(&format!("{EVENTS_SELECT} ORDER BY e.id"))?;
        for r in st.query_map([], EventRow::from_row)? {
            let r = r?;
            if !wanted.contains(r.cluster.as_str()) {
                continue;
            }
            events.entry(r.cluster).or_default().push(EventView {
                document: r.doc,
                document_name: r.doc_name,
                event: r.event,
                time_precision: r.time_precision,
                fatalities: r.fatalities,
                notes: r.notes,
                ingested_at: r.ingested_at,
                codes: r.codes,
                claims: claims.remove(&r.id).unwrap_or_default(),
            });
        }
        Ok(items
            .into_iter()
            .map(|c| ClusterView {
                events: events.remove(&c.id).unwrap_or_default(),
                id: c.id,
                event_type: c.event_type,
                sub_event_type: c.sub_event_type,
                place: c.place,
                summary: c.summary,
                outlets: c.outlets,
                claimants: c.claimants,
                seq: c.seq,
            })
            .collect())
    }

    /// Who claims to hold each place, when, according to whom (oldest first), for places whose name contains `place`.
    pub fn control_timeline(&self, place: Option<&str>) -> Result<Vec<ControlRow>> {
        let mut st = self.conn().prepare(
            "SELECT place, lat, lon, holder, date, claimant, outlet, cluster FROM control ORDER BY place_key, date, id",
        )?;
        let want = place.map(str::to_lowercase);
        let rows = st
            .query_map([], |r| {
                Ok(ControlRow {
                    place: r.get(0)?,
                    lat: r.get(1)?,
                    lon: r.get(2)?,
                    holder: r.get(3)?,
                    date: r.get(4)?,
                    according_to: r.get(5)?,
                    outlet: r.get(6)?,
                    cluster: r.get(7)?,
                })
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows
            .into_iter()
            .filter(|r| {
                want.as_ref()
                    .is_none_or(|w| r.place.to_lowercase().contains(w))
            })
            .collect())
    }

    /// The cluster holding event `event_id` of the document stored under `name`.
    pub fn cluster_of(&self, name: &str, event_id: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT e.cluster FROM events e JOIN documents d ON d.id = e.doc WHERE d.name = ?1 AND e.event_id = ?2",
                [name, event_id],
                |r| r.get(0),
            )
            .optional()?)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ControlRow {
    pub place: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub holder: String,
    pub date: Option<String>,
    pub according_to: Option<String>,
    pub outlet: Option<String>,
    pub cluster: String,
}
