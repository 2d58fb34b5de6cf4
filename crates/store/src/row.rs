//! How the stored clusters, events and claims are read back: for each, one SELECT (its column
//! list), one row type and one mapper, shared by the HTTP API's reads (`api.rs`) and the query and
//! export views (`cluster.rs`). What both show of a row is one struct, flattened into each view's
//! JSON at the place it always stood, so neither view's JSON changes shape.

use crate::acled::AcledCodes;
use crate::api::ClusterItem;
use crate::cluster::place_key;
use rusqlite::Row;
use serde::Serialize;

/// The clusters as [`cluster_item`] reads them (`c` is the clusters table).
pub(crate) const CLUSTERS_SELECT: &str = "SELECT c.id, c.event_type, c.sub_event_type, c.place, \
     c.lat, c.lon, c.geo_precision, c.country, c.admin1, c.date_min, c.date_max, c.time_precision, \
     c.reports, c.independent_sources, c.verification, c.fatalities_min, c.fatalities_max, \
     c.outlets, c.claimants, c.seq FROM clusters c";

/// Where and when a cluster is, how many reports tell it and how sure it is: what the API's
/// clusters and the exported ones both show between the place and the sides or sources.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClusterSummary {
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geo_precision: Option<i64>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub date_min: Option<String>,
    pub date_max: Option<String>,
    pub time_precision: Option<i64>,
    pub reports: i64,
    pub independent_sources: i64,
    pub verification: String,
    pub fatalities_min: Option<i64>,
    pub fatalities_max: Option<i64>,
}

/// A row of [`CLUSTERS_SELECT`] (the sides are left empty: they are read from the events).
pub(crate) fn cluster_item(r: &Row) -> rusqlite::Result<ClusterItem> {
    let place: Option<String> = r.get(3)?;
    let outlets: String = r.get(17)?;
    let claimants: String = r.get(18)?;
    Ok(ClusterItem {
        id: r.get(0)?,
        event_type: r.get(1)?,
        sub_event_type: r.get(2)?,
        place_key: place.as_deref().map(place_key).filter(|k| !k.is_empty()),
        place,
        summary: ClusterSummary {
            lat: r.get(4)?,
            lon: r.get(5)?,
            geo_precision: r.get(6)?,
            country: r.get(7)?,
            admin1: r.get(8)?,
            date_min: r.get(9)?,
            date_max: r.get(10)?,
            time_precision: r.get(11)?,
            reports: r.get(12)?,
            independent_sources: r.get(13)?,
            verification: r.get(14)?,
            fatalities_min: r.get(15)?,
            fatalities_max: r.get(16)?,
        },
        sides: Vec::new(),
        outlets: serde_json::from_str(&outlets).unwrap_or_default(),
        claimants: serde_json::from_str(&claimants).unwrap_or_default(),
        seq: r.get(19)?,
    })
}

/// The events with their documents as [`EventRow::from_row`] reads them (`e` is the events
/// table, `d` the documents table).
pub(crate) const EVENTS_SELECT: &str = "SELECT e.id, e.cluster, e.doc, d.name, d.outlet, d.title, \
     d.url, d.published, d.syndicated_of IS NOT NULL, e.event_id, e.event_type, e.sub_event_type, \
     e.trigger, e.actor1, e.actor2, e.side1, e.side2, e.place, e.lat, e.lon, e.geo_precision, \
     e.date, e.time_precision, e.fatalities, e.notes, d.ingested_at, e.inter1, e.inter2, e.interaction, \
     e.civilian_targeting FROM events e JOIN documents d ON d.id = e.doc";

/// What the API's events and the exported ones both show of a stored event and its document, in
/// the order they show it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventFields {
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// The document is a syndicated copy of an earlier one.
    pub syndicated: bool,
    /// The event's id in its document's ledger.
    pub event_id: String,
    pub event_type: String,
    pub sub_event_type: String,
    pub trigger: String,
    pub actor1: Option<String>,
    pub actor2: Option<String>,
    pub side1: Option<String>,
    pub side2: Option<String>,
    pub place: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geo_precision: Option<i64>,
    pub date: Option<String>,
}

/// A row of [`EVENTS_SELECT`].
pub(crate) struct EventRow {
    /// The events table's row id.
    pub id: i64,
    pub cluster: String,
    /// The document's row id and its name.
    pub doc: i64,
    pub doc_name: String,
    pub event: EventFields,
    pub time_precision: Option<i64>,
    pub fatalities: Option<i64>,
    pub notes: String,
    /// When the document was stored (`YYYY-MM-DDTHH:MM:SSZ`).
    pub ingested_at: String,
    pub codes: AcledCodes,
}

impl EventRow {
    pub(crate) fn from_row(r: &Row) -> rusqlite::Result<EventRow> {
        Ok(EventRow {
            id: r.get(0)?,
            cluster: r.get(1)?,
            doc: r.get(2)?,
            doc_name: r.get(3)?,
            event: EventFields {
                outlet: r.get(4)?,
                title: r.get(5)?,
                url: r.get(6)?,
                published: r.get(7)?,
                syndicated: r.get(8)?,
                event_id: r.get(9)?,
                event_type: r.get(10)?,
                sub_event_type: r.get(11)?,
                trigger: r.get(12)?,
                actor1: r.get(13)?,
                actor2: r.get(14)?,
                side1: r.get(15)?,
                side2: r.get(16)?,
                place: r.get(17)?,
                lat: r.get(18)?,
                lon: r.get(19)?,
                geo_precision: r.get(20)?,
                date: r.get(21)?,
            },
            time_precision: r.get(22)?,
            fatalities: r.get(23)?,
            notes: r.get::<_, Option<String>>(24)?.unwrap_or_default(),
            ingested_at: r.get(25)?,
            codes: AcledCodes {
                inter1: r.get(26)?,
                inter2: r.get(27)?,
                interaction: r.get(28)?,
                civilian_targeting: r.get(29)?,
            },
        })
    }
}

/// The claims as [`ClaimRow::from_row`] reads them (`k` is the claims table).
pub(crate) const CLAIMS_SELECT: &str = "SELECT k.event, k.claim_id, k.source, k.source_side, \
     k.outlet, k.stance, k.verification, k.hedge, k.evidence FROM claims k";

/// What the API's claims and the exported ones both show of a stored claim, before its evidence.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClaimFields {
    pub source: Option<String>,
    pub source_side: Option<String>,
    pub outlet: Option<String>,
    pub stance: String,
    pub verification: String,
    pub hedge: Option<String>,
}

/// A row of [`CLAIMS_SELECT`].
pub(crate) struct ClaimRow {
    /// The events table's row id of the claim's event.
    pub event: i64,
    /// The claim's id in its document's ledger; None for the outlet's own report.
    pub claim_id: Option<String>,
    pub claim: ClaimFields,
    /// The evidence sentence.
    pub evidence: Option<String>,
}

impl ClaimRow {
    pub(crate) fn from_row(r: &Row) -> rusqlite::Result<ClaimRow> {
        Ok(ClaimRow {
            event: r.get(0)?,
            claim_id: r.get(1)?,
            claim: ClaimFields {
                source: r.get(2)?,
                source_side: r.get(3)?,
                outlet: r.get(4)?,
                stance: r.get(5)?,
                verification: r.get(6)?,
                hedge: r.get(7)?,
            },
            evidence: r.get(8)?,
        })
    }
}
