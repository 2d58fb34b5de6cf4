//! Reads for the HTTP API (`crates/serve/API.md`): clusters filtered, ordered and paged in SQL (with the
//! total count), one cluster with its events and claims (evidence offsets and relative locations read
//! from the stored ledgers), documents with their text and evidence spans, full-text search (FTS5) and
//! the control timeline of one place key.

use crate::row::{
    cluster_item, ClaimFields, ClaimRow, ClusterSummary, EventFields, EventRow, CLAIMS_SELECT,
    CLUSTERS_SELECT, EVENTS_SELECT,
};
use crate::{Result, Store};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use sitrep_ledger::Ledger;
use std::collections::HashMap;
use std::path::Path;

/// The verification values a cluster can have.
pub const VERIFICATIONS: [&str; 4] = ["single-source", "corroborated", "disputed", "unconfirmed"];

/// Filters of `GET /api/events`: the store's one filter ([`crate::filter::Filter`]).
pub type EventQuery = crate::filter::Filter;

/// A cluster as listed by `/api/events` (`view=full`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClusterItem {
    pub id: String,
    pub event_type: String,
    pub sub_event_type: String,
    pub place: Option<String>,
    pub place_key: Option<String>,
    #[serde(flatten)]
    pub summary: ClusterSummary,
    /// Sides of the cluster's actors (actor1 then actor2 of each event, in event order, once each).
    pub sides: Vec<String>,
    pub outlets: Vec<String>,
    pub claimants: Vec<String>,
    /// The cluster's number (assigned once, never changed): the number of the export's `event_id_cnty`.
    #[serde(skip)]
    pub seq: i64,
}

/// A compact row of `view=points`: `[id, lat, lon, verification, side, date_min, event_type]`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PointItem(
    pub String,
    pub f64,
    pub f64,
    pub String,
    pub Option<String>,
    pub Option<String>,
    pub String,
);

#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    pub total: i64,
    pub offset: i64,
    pub limit: i64,
    pub items: Vec<T>,
}

/// Character offsets into the document text (null when the ledger does not have them).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evidence {
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClaimItem {
    #[serde(flatten)]
    pub claim: ClaimFields,
    pub evidence: Evidence,
}

/// Where a place was put from a relative location ("9 km north-east of Kupiansk").
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RelativeTo {
    pub anchor: String,
    pub anchor_lat: Option<f64>,
    pub anchor_lon: Option<f64>,
    pub distance_km: Option<f64>,
    pub bearing_deg: Option<f64>,
    /// The point the stated distance and bearing give from the anchor.
    pub stated_lat: Option<f64>,
    pub stated_lon: Option<f64>,
    /// The tolerance the extractor used to call the statement consistent with the gazetteer.
    pub uncertainty_km: Option<f64>,
    pub gazetteer_distance_km: Option<f64>,
    pub agrees: Option<bool>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventItem {
    /// The document's id (`/api/documents/{id}`) and name.
    pub document: i64,
    pub document_name: String,
    #[serde(flatten)]
    pub event: EventFields,
    pub fatalities: Option<i64>,
    pub relative_to: Option<RelativeTo>,
    pub claims: Vec<ClaimItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClusterDetail {
    #[serde(flatten)]
    pub cluster: ClusterItem,
    pub events: Vec<EventItem>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimelineRow {
    pub date: Option<String>,
    pub holder: String,
    pub according_to: Option<String>,
    pub outlet: Option<String>,
    pub cluster: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub place: String,
    pub place_key: String,
    pub rows: Vec<TimelineRow>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EvidenceSpan {
    pub start: usize,
    pub end: usize,
    /// `claim`, `event`, `quote` or `place`.
    pub kind: &'static str,
    /// The id of the claim, event, quote or place in the document's ledger.
    #[serde(rename = "ref")]
    pub reference: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub id: i64,
    pub name: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Null for documents stored before the store kept text.
    pub text: Option<String>,
    pub evidence: Vec<EvidenceSpan>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub document: i64,
    pub name: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// The best matching passage, matched terms between `[` and `]`.
    pub snippet: String,
}

/// Sides of the cluster's events: actor1's then actor2's of each event, in event order, once each.
fn sides(conn: &Connection, cluster: &str) -> Result<Vec<String>> {
    let mut st =
        conn.prepare_cached("SELECT side1, side2 FROM events WHERE cluster = ?1 ORDER BY id")?;
    let mut out: Vec<String> = Vec::new();
    for r in st.query_map([cluster], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            r.get::<_, Option<String>>(1)?,
        ))
    })? {
        let (a, b) = r?;
        for s in [a, b].into_iter().flatten() {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    Ok(out)
}

/// The total of a page's query: known without counting when the page is the last one.
fn total(conn: &Connection, q: &EventQuery, offset: i64, limit: i64, got: usize) -> Result<i64> {
    if (got as i64) < limit && (got > 0 || offset == 0) {
        Ok(offset + got as i64)
    } else {
        count(conn, q)
    }
}

/// One page of the clusters passing the query, ordered by first date then id, with the total
/// count: `select` (a SELECT from `clusters c`, without a WHERE clause) read row by row by `map`.
fn page<T>(
    conn: &Connection,
    q: &EventQuery,
    offset: i64,
    limit: i64,
    select: &str,
    map: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<Page<T>> {
    let (w, mut p) = q.where_clause();
    p.push(Value::Integer(limit));
    p.push(Value::Integer(offset));
    let sql = format!(
        "{select} WHERE {w} ORDER BY c.date_min, c.id LIMIT ?{} OFFSET ?{}",
        p.len() - 1,
        p.len()
    );
    let items = conn
        .prepare(&sql)?
        .query_map(rusqlite::params_from_iter(p), map)?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    Ok(Page {
        total: total(conn, q, offset, limit, items.len())?,
        offset,
        limit,
        items,
    })
}

fn count(conn: &Connection, q: &EventQuery) -> Result<i64> {
    let (w, p) = q.where_clause();
    let sql = format!("SELECT count(*) FROM clusters c WHERE {w}");
    Ok(conn.query_row(&sql, rusqlite::params_from_iter(p), |r| r.get(0))?)
}

/// Opens an existing store read-only: nothing the server does can change it ([`Store::open_read`]).
pub fn open_read_only(path: &Path) -> Result<Store> {
    Store::open_read(path)
}

pub use crate::open::schema_versions;

impl Store {
    /// One page of clusters passing the query, ordered by first date then id, with the total count.
    pub fn event_page(&self, q: &EventQuery, offset: i64, limit: i64) -> Result<Page<ClusterItem>> {
        let conn = self.conn();
        let mut page = page(conn, q, offset, limit, CLUSTERS_SELECT, cluster_item)?;
        for c in &mut page.items {
            c.sides = sides(conn, &c.id)?;
        }
        Ok(page)
    }

    /// One page of located clusters passing the query as compact map points.
    pub fn point_page(&self, q: &EventQuery, offset: i64, limit: i64) -> Result<Page<PointItem>> {
        let q = EventQuery {
            located: true,
            ..q.clone()
        };
        let select = "SELECT c.id, c.lat, c.lon, c.verification,
                    (SELECT e.side1 FROM events e WHERE e.cluster = c.id AND e.side1 IS NOT NULL ORDER BY e.id LIMIT 1),
                    c.date_min, c.event_type
             FROM clusters c";
        page(self.conn(), &q, offset, limit, select, |r| {
            Ok(PointItem(
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })
    }

    /// One cluster with every event of every report and their claims.
    pub fn cluster_detail(&self, id: &str) -> Result<Option<ClusterDetail>> {
        let conn = self.conn();
        let Some(mut cluster) = conn
            .query_row(
                &format!("{CLUSTERS_SELECT} WHERE c.id = ?1"),
                [id],
                cluster_item,
            )
            .optional()?
        else {
            return Ok(None);
        };
        cluster.sides = sides(conn, id)?;
        let rows = conn
            .prepare_cached(&format!(
                "{EVENTS_SELECT} WHERE e.cluster = ?1 ORDER BY e.id"
            ))?
            .query_map([id], EventRow::from_row)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut ledgers: HashMap<i64, Option<Ledger>> = HashMap::new();
        let mut cst =
            conn.prepare_cached(&format!("{CLAIMS_SELECT} WHERE k.event = ?1 ORDER BY k.id"))?;
        let mut events = Vec::with_capacity(rows.len());
        for row in rows {
            if let std::collections::hash_map::Entry::Vacant(v) = ledgers.entry(row.doc) {
                v.insert(ledger(conn, row.doc)?);
            }
            let led = ledgers.get(&row.doc).and_then(Option::as_ref);
            let lev = led.and_then(|l| l.events.iter().find(|e| e.id == row.event.event_id));
            let claims = cst
                .query_map([row.id], ClaimRow::from_row)?
                .map(|r| {
                    r.map(|k| {
                        // offsets from the ledger: the claim's evidence, or for the outlet's own report
                        // (no claim) the event's first evidence sentence
                        let span = match (&k.claim_id, led) {
                            (Some(cid), Some(l)) => {
                                l.claims.iter().find(|c| &c.id == cid).map(|c| &c.evidence)
                            }
                            (None, _) => lev.and_then(|e| e.evidence.first()),
                            _ => None,
                        };
                        let evidence = match span {
                            Some(s) => Evidence {
                                start: Some(s.start),
                                end: Some(s.end),
                                text: Some(s.text.clone()),
                            },
                            None => Evidence {
                                start: None,
                                end: None,
                                text: k.evidence,
                            },
                        };
                        ClaimItem {
                            claim: k.claim,
                            evidence,
                        }
                    })
                })
                .collect::<std::result::Result<Vec<_>, _>>()?;
            events.push(EventItem {
                document: row.doc,
                document_name: row.doc_name,
                relative_to: match (led, lev) {
                    (Some(l), Some(e)) => relative_to(l, e.place.as_deref()),
                    _ => None,
                },
                event: row.event,
                fatalities: row.fatalities,
                claims,
            });
        }
        Ok(Some(ClusterDetail { cluster, events }))
    }

    /// The control timeline of one place key (oldest first); None when the place has no rows and no events.
    pub fn place_timeline(&self, key: &str) -> Result<Option<Timeline>> {
        let conn = self.conn();
        let mut st = conn.prepare_cached(
            "SELECT place, date, holder, claimant, outlet, cluster FROM control WHERE place_key = ?1 ORDER BY date, id",
        )?;
        let mut place: Option<String> = None;
        let rows = st
            .query_map([key], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    TimelineRow {
                        date: r.get(1)?,
                        holder: r.get(2)?,
                        according_to: r.get(3)?,
                        outlet: r.get(4)?,
                        cluster: r.get(5)?,
                    },
                ))
            })?
            .map(|r| {
                r.map(|(p, row)| {
                    place.get_or_insert(p);
                    row
                })
            })
            .collect::<std::result::Result<Vec<_>, _>>()?;
        if place.is_none() {
            place = conn
                .query_row(
                    "SELECT place FROM events WHERE place_key = ?1 AND place IS NOT NULL ORDER BY id LIMIT 1",
                    [key],
                    |r| r.get(0),
                )
                .optional()?;
        }
        Ok(place.map(|place| Timeline {
            place,
            place_key: key.to_string(),
            rows,
        }))
    }

    /// A stored document, its text and the evidence spans of its ledger (sorted by start).
    pub fn document(&self, id: i64) -> Result<Option<DocumentView>> {
        let conn = self.conn();
        let Some(mut doc) = conn
            .query_row(
                "SELECT id, name, outlet, title, url, published, text FROM documents WHERE id = ?1",
                [id],
                |r| {
                    Ok(DocumentView {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        outlet: r.get(2)?,
                        title: r.get(3)?,
                        url: r.get(4)?,
                        published: r.get(5)?,
                        text: r.get(6)?,
                        evidence: Vec::new(),
                    })
                },
            )
            .optional()?
        else {
            return Ok(None);
        };
        if let Some(l) = ledger(conn, id)? {
            doc.evidence = evidence_spans(&l);
        }
        Ok(Some(doc))
    }

    /// Documents whose text, title or outlet match every word of `q` (FTS5, best first).
    pub fn search(&self, q: &str, limit: i64) -> Result<Vec<SearchHit>> {
        let query = fts_query(q);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let mut st = self.conn().prepare_cached(
            "SELECT d.id, d.name, d.title, d.outlet, d.published,
                    snippet(documents_fts, -1, '[', ']', '…', 16)
             FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
             WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let hits = st
            .query_map(rusqlite::params![query, limit], |r| {
                Ok(SearchHit {
                    document: r.get(0)?,
                    name: r.get(1)?,
                    title: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    snippet: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                })
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(hits)
    }

    /// The events stored for a document and the clusters they joined, in event order.
    pub fn document_clusters(&self, id: i64) -> Result<Vec<String>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT cluster FROM events WHERE doc = ?1 ORDER BY id")?;
        let out = st
            .query_map([id], |r| r.get(0))?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(out)
    }
}

/// Every word of the user's text as an FTS5 string (implicit AND): no FTS5 syntax gets through.
fn fts_query(q: &str) -> String {
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn ledger(conn: &Connection, doc: i64) -> Result<Option<Ledger>> {
    let json: Option<String> = conn
        .query_row("SELECT ledger FROM documents WHERE id = ?1", [doc], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}

fn evidence_spans(l: &Ledger) -> Vec<EvidenceSpan> {
    let mut out = Vec::new();
    for c in &l.claims {
        out.push(EvidenceSpan {
            start: c.evidence.start,
            end: c.evidence.end,
            kind: "claim",
            reference: c.id.clone(),
        });
    }
    for e in &l.events {
        for s in &e.evidence {
            out.push(EvidenceSpan {
                start: s.start,
                end: s.end,
                kind: "event",
                reference: e.id.clone(),
            });
        }
    }
    for q in &l.quotes {
        out.push(EvidenceSpan {
            start: q.start,
            end: q.end,
            kind: "quote",
            reference: q.id.clone(),
        });
    }
    for p in &l.places {
        for m in &p.mentions {
            out.push(EvidenceSpan {
                start: m.start,
                end: m.end,
                kind: "place",
                reference: p.id.clone(),
            });
        }
    }
    out.sort_by(|a, b| (a.start, a.end, a.kind).cmp(&(b.start, b.end, b.kind)));
    out
}

fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

/// The relative location the place `place` of the ledger was read from, if any.
fn relative_to(l: &Ledger, place: Option<&str>) -> Option<RelativeTo> {
    let r = l.place(place?)?.relative_to.as_ref()?;
    let anchor = l.place(&r.anchor);
    let (alat, alon) = (anchor.and_then(|a| a.lat), anchor.and_then(|a| a.lon));
    let bearing = r
        .bearing
        .map(|b| b.as_str())
        .and_then(sitrep_geo::compass_degrees);
    let stated = match (alat, alon, r.distance_km, bearing) {
        (Some(a), Some(o), Some(d), Some(b)) => Some(sitrep_geo::destination((a, o), d, b)),
        _ => None,
    };
    Some(RelativeTo {
        anchor: anchor
            .map(|a| a.name.clone())
            .unwrap_or_else(|| r.anchor.clone()),
        anchor_lat: alat,
        anchor_lon: alon,
        distance_km: r.distance_km,
        bearing_deg: bearing,
        stated_lat: stated.map(|s| round4(s.0)),
        stated_lon: stated.map(|s| round4(s.1)),
        // the distance tolerance of the extractor's agreement test (`consistent`)
        uncertainty_km: r.distance_km.map(sitrep_geo::offset_tolerance_km),
        gazetteer_distance_km: r.gazetteer_distance_km,
        agrees: r.consistent,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MIGRATIONS;

    #[test]
    fn fts_query_quotes_every_word() {
        assert_eq!(
            fts_query("  Vovchansk  \"x\" -y "),
            "\"Vovchansk\" \"\"\"x\"\"\" \"-y\""
        );
        assert_eq!(fts_query("   "), "");
    }

    /// A database made before the store kept text opens, is upgraded, and its documents answer with
    /// null text while their titles and outlets are searchable.
    #[test]
    fn a_version_1_database_is_upgraded_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("v1.db");
        {
            let c = Connection::open(&db).unwrap();
            c.execute_batch(MIGRATIONS[0]).unwrap();
            c.pragma_update(None, "user_version", 1).unwrap();
            let ledger = serde_json::to_string(&Ledger::new(Default::default())).unwrap();
            c.execute(
                "INSERT INTO documents(content_hash, name, doc_id, outlet, title, chars, ledger, ingested_at)
                 VALUES ('h', 'old.txt', 'old', 'Old Gazette', 'Shelling of Kherson', 10, ?1, 'now')",
                [ledger],
            )
            .unwrap();
        }
        assert_eq!(schema_versions(&db).unwrap(), (1, MIGRATIONS.len() as i64));
        assert!(open_read_only(&db).err().unwrap().0.contains("upgrade"));
        drop(Store::open(&db).unwrap());
        let s = open_read_only(&db).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
        let d = s.document(1).unwrap().unwrap();
        assert_eq!(d.name, "old.txt");
        assert_eq!(d.text, None);
        let hits = s.search("kherson", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert!(hits[0].snippet.contains("[Kherson]"), "{}", hits[0].snippet);
        assert_eq!(s.search("gazette", 10).unwrap().len(), 1);
        // the read-only connection cannot write
        assert!(s.conn().execute("DELETE FROM documents", []).is_err());
    }
}
