//! The running ledger: every report's ledger stored in SQLite, duplicates and syndicated copies linked,
//! events of different reports joined into clusters, corroboration counted, control of places tracked.
//! See README.md in this crate for the schema and the rules.

pub mod acled;
pub mod api;
pub mod cluster;
pub mod dedup;
pub mod export;
pub mod filter;
pub mod geography;
pub mod open;
pub mod row;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use sitrep_ledger::Ledger;
use Attempt::{Busy, Other};

pub use rusqlite::Error as DbError;
pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for StoreError {}
impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(format!("database: {e}"))
    }
}
impl From<filter::FilterError> for StoreError {
    fn from(e: filter::FilterError) -> Self {
        StoreError(e.message)
    }
}
impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError(e.to_string())
    }
}

/// The R*Tree over the clusters' points and day ranges (`clusters_rt`), filled from the clusters table and kept
/// in step with it by triggers: keyed by the clusters' column `$key`, its update trigger firing on `$update_of`.
macro_rules! clusters_rt {
    ($key:literal, $update_of:literal) => {
        concat!(
            "CREATE VIRTUAL TABLE clusters_rt USING rtree(id, min_lon, max_lon, min_lat, max_lat, min_day, max_day);\n",
            "INSERT INTO clusters_rt SELECT c.", $key, ",\n",
            rt_box!("c"), " FROM clusters c;\n",
            "CREATE TRIGGER clusters_rt_insert AFTER INSERT ON clusters BEGIN\n",
            "  INSERT INTO clusters_rt VALUES (new.", $key, ",\n",
            rt_box!("new"), ");\n",
            "END;\n",
            "CREATE TRIGGER clusters_rt_update AFTER UPDATE OF ", $update_of, " ON clusters BEGIN\n",
            "  DELETE FROM clusters_rt WHERE id = old.", $key, ";\n",
            "  INSERT INTO clusters_rt VALUES (new.", $key, ",\n",
            rt_box!("new"), ");\n",
            "END;\n",
            "CREATE TRIGGER clusters_rt_delete AFTER DELETE ON clusters BEGIN\n",
            "  DELETE FROM clusters_rt WHERE id = old.", $key, ";\n",
            "END;\n",
        )
    };
}

/// The R*Tree box of the clusters row `$r` (`c`, `new`): its longitude, latitude and day range, unbounded
/// where the cluster has no point or no date.
macro_rules! rt_box {
    ($r:literal) => {
        concat!(
            "    min(coalesce(",
            $r,
            ".lon, -1e9), coalesce(",
            $r,
            ".lon, 1e9)), ",
            "max(coalesce(",
            $r,
            ".lon, -1e9), coalesce(",
            $r,
            ".lon, 1e9)),\n",
            "    min(coalesce(",
            $r,
            ".lat, -1e9), coalesce(",
            $r,
            ".lat, 1e9)), ",
            "max(coalesce(",
            $r,
            ".lat, -1e9), coalesce(",
            $r,
            ".lat, 1e9)),\n",
            "    min(coalesce(julianday(substr(",
            $r,
            ".date_min, 1, 10)), -1e9), ",
            "coalesce(julianday(substr(",
            $r,
            ".date_max, 1, 10)) + 1, 1e9)),\n",
            "    max(coalesce(julianday(substr(",
            $r,
            ".date_min, 1, 10)), -1e9), ",
            "coalesce(julianday(substr(",
            $r,
            ".date_max, 1, 10)) + 1, 1e9))",
        )
    };
}

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  outlet TEXT,
  title TEXT,
  url TEXT,
  published TEXT,
  chars INTEGER NOT NULL,
  syndicated_of INTEGER REFERENCES documents(id),
  similarity REAL,
  minhash BLOB,
  ledger TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE TABLE doc_bands(band INTEGER NOT NULL, doc INTEGER NOT NULL REFERENCES documents(id));
CREATE INDEX doc_bands_band ON doc_bands(band);
CREATE TABLE sightings(doc INTEGER NOT NULL REFERENCES documents(id), name TEXT NOT NULL, outlet TEXT, UNIQUE(doc, name));
CREATE TABLE clusters(
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  place TEXT, lat REAL, lon REAL, geo_precision INTEGER, country TEXT, admin1 TEXT,
  date_min TEXT, date_max TEXT, time_precision INTEGER,
  reports INTEGER NOT NULL DEFAULT 0,
  independent_sources INTEGER NOT NULL DEFAULT 0,
  verification TEXT NOT NULL DEFAULT 'single-source',
  fatalities_min INTEGER, fatalities_max INTEGER,
  outlets TEXT NOT NULL DEFAULT '[]',
  claimants TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(id),
  event_id TEXT NOT NULL,
  cluster TEXT NOT NULL REFERENCES clusters(id),
  type_group TEXT NOT NULL,
  event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, trigger TEXT NOT NULL,
  actor1 TEXT, actor2 TEXT, side1 TEXT, side2 TEXT,
  place TEXT, place_key TEXT, lat REAL, lon REAL, geo_precision INTEGER, country TEXT, admin1 TEXT,
  date TEXT, day INTEGER, time_precision INTEGER,
  fatalities INTEGER,
  notes TEXT
);
CREATE INDEX events_cluster ON events(cluster);
CREATE INDEX events_day ON events(type_group, day);
CREATE TABLE claims(
  id INTEGER PRIMARY KEY,
  event INTEGER NOT NULL REFERENCES events(id),
  doc INTEGER NOT NULL REFERENCES documents(id),
  claim_id TEXT,
  source TEXT, source_side TEXT, outlet TEXT,
  stance TEXT NOT NULL, verification TEXT NOT NULL, hedge TEXT, evidence TEXT
);
CREATE INDEX claims_event ON claims(event);
CREATE TABLE control(
  id INTEGER PRIMARY KEY,
  place TEXT NOT NULL, place_key TEXT NOT NULL, lat REAL, lon REAL,
  holder TEXT NOT NULL, date TEXT, claimant TEXT, outlet TEXT,
  doc INTEGER NOT NULL REFERENCES documents(id), cluster TEXT NOT NULL, event INTEGER NOT NULL
);
CREATE INDEX control_place ON control(place_key, date);
"#,
    // 2: document text with a full-text index (FTS5, external content kept in sync by triggers; documents
    // stored before this have NULL text, their title and outlet are indexed), and indexes for the HTTP API's
    // filtered, paged cluster lists and place timelines.
    r#"
ALTER TABLE documents ADD COLUMN text TEXT;
CREATE VIRTUAL TABLE documents_fts USING fts5(
  text, title, outlet, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, text, title, outlet) VALUES (new.id, new.text, new.title, new.outlet);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, text, title, outlet) VALUES ('delete', old.id, old.text, old.title, old.outlet);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF text, title, outlet ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, text, title, outlet) VALUES ('delete', old.id, old.text, old.title, old.outlet);
  INSERT INTO documents_fts(rowid, text, title, outlet) VALUES (new.id, new.text, new.title, new.outlet);
END;
CREATE INDEX clusters_date ON clusters(date_min, id);
CREATE INDEX clusters_lat ON clusters(lat, lon);
CREATE INDEX clusters_lon ON clusters(lon);
CREATE INDEX events_place_key ON events(place_key);
"#,
    // 3: a new cluster takes max(seq) + 1: without an index that read every cluster, so ingest slowed as
    // the store grew
    "CREATE INDEX clusters_seq ON clusters(seq);",
    // 4: an R*Tree over each cluster's point and day range, the prefilter of bbox and date queries (the exact
    // conditions run on the clusters row after it). Unlocated or undated clusters get an unbounded box.
    // And the sides of a cluster's events read from an index alone.
    concat!(
        "\n",
        clusters_rt!("rowid", "lat, lon, date_min, date_max"),
        "CREATE INDEX events_cluster_sides ON events(cluster, id, side1, side2);\n"
    ),
    // 5: the R*Tree keyed by the clusters' `seq` (assigned once, never changed) rather than their implicit
    // rowid, which VACUUM may renumber
    concat!(
        r#"
DROP TRIGGER clusters_rt_insert;
DROP TRIGGER clusters_rt_update;
DROP TRIGGER clusters_rt_delete;
DROP TABLE clusters_rt;
CREATE UNIQUE INDEX clusters_seq_unique ON clusters(seq);
DROP INDEX clusters_seq;
"#,
        clusters_rt!("seq", "seq, lat, lon, date_min, date_max")
    ),
    // 6: the event's outcome class as its ledger gives it (`gain`, `repelled`, ...: sitrep_ledger::Outcome).
    // NULL for events stored before (their ledgers had none): the control timeline and the disputes then
    // guess it from the sub-event type and the trigger, as they did
    "ALTER TABLE events ADD COLUMN outcome TEXT;",
    // 7: nothing in SQL; after it every cluster is refreshed ([`REFRESH_AFTER`]): its admin-1 region spelled
    // the embedded gazetteer's way whatever layer resolved it, a point at sea given the nearest coast's country
    "SELECT 1;",
    // 8: ACLED's inter codes, interaction and civilian targeting of each event (`acled::AcledCodes`); NULL for
    // events stored before
    "ALTER TABLE events ADD COLUMN inter1 INTEGER;
     ALTER TABLE events ADD COLUMN inter2 INTEGER;
     ALTER TABLE events ADD COLUMN interaction INTEGER;
     ALTER TABLE events ADD COLUMN civilian_targeting INTEGER;",
];

/// The migration (its 1-based number) after which every stored cluster is refreshed in the same transaction.
const REFRESH_AFTER: usize = 7;

pub struct Store {
    conn: Connection,
}

/// Tries of a batch that finds the database busy after the busy timeout (another run's batch holds it).
const BUSY_RETRIES: u32 = 12;
/// The first wait before a batch is tried again; each further wait doubles.
const BUSY_WAIT_FIRST: std::time::Duration = std::time::Duration::from_millis(100);
/// The longest wait between tries (twelve tries: about a minute besides the busy timeouts).
const BUSY_WAIT_MAX: std::time::Duration = std::time::Duration::from_secs(8);

/// Runs `attempt` until it does not find the database busy ([`BUSY_RETRIES`] more tries at most, the waits
/// between them doubling from [`BUSY_WAIT_FIRST`] up to [`BUSY_WAIT_MAX`]).
pub(crate) fn retry_busy<T>(
    mut attempt: impl FnMut() -> std::result::Result<T, Attempt>,
) -> Result<T> {
    let mut wait = BUSY_WAIT_FIRST;
    for _ in 0..BUSY_RETRIES {
        match attempt() {
            Err(Busy(_)) => {
                std::thread::sleep(wait);
                wait = (wait * 2).min(BUSY_WAIT_MAX);
            }
            other => return other.map_err(StoreError::from),
        }
    }
    attempt().map_err(StoreError::from)
}

/// Why one attempt at the database failed (a batch, opening the store): it was busy with another run's
/// transaction (try again), or anything else.
pub(crate) enum Attempt {
    Busy(StoreError),
    Other(StoreError),
}

impl Attempt {
    /// `e`, as `to` words it: busy when the database was.
    pub(crate) fn of(
        e: rusqlite::Error,
        to: impl FnOnce(rusqlite::Error) -> StoreError,
    ) -> Attempt {
        let busy = matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        );
        if busy {
            Busy(to(e))
        } else {
            Other(to(e))
        }
    }
}

impl From<rusqlite::Error> for Attempt {
    fn from(e: rusqlite::Error) -> Self {
        Attempt::of(e, StoreError::from)
    }
}

impl From<StoreError> for Attempt {
    fn from(e: StoreError) -> Self {
        Other(e)
    }
}

impl From<Attempt> for StoreError {
    fn from(e: Attempt) -> Self {
        match e {
            Busy(e) | Other(e) => e,
        }
    }
}

/// One extracted report, ready to store.
pub struct NewDoc {
    /// Where it came from (file name, file:line).
    pub name: String,
    pub text: String,
    pub ledger: Ledger,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Stored; its events joined clusters.
    New(i64),
    /// The same text is already stored (this sighting is linked to it).
    Duplicate(i64),
    /// Stored as a syndicated copy of an earlier document (counted once for independence).
    Syndicated { id: i64, of: i64 },
}

impl Store {
    fn migrate(&mut self) -> Result<()> {
        let v: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if v as usize > MIGRATIONS.len() {
            return Err(StoreError(format!(
                "the database has schema version {v}, newer than this sitrep knows ({}): upgrade sitrep",
                MIGRATIONS.len()
            )));
        }
        for (i, m) in MIGRATIONS.iter().enumerate().skip(v as usize) {
            // the write lock first, then the version again: two runs opening a new store migrate it once
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if now as usize > i {
                continue;
            }
            tx.execute_batch(m)?;
            if i + 1 == REFRESH_AFTER {
                cluster::refresh_all(&tx)?;
            }
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The stored document with this content hash, if any.
    pub fn find_hash(&self, hash: &str) -> Result<Option<i64>> {
        find_hash(&self.conn, hash)
    }

    /// Records that `name` (from `outlet`) is another copy of the stored document `doc`.
    pub fn link_sighting(&self, doc: i64, name: &str, outlet: Option<&str>) -> Result<()> {
        link_sighting(&self.conn, doc, name, outlet)
    }

    /// Stores a batch of documents in one transaction: all of it or none of it is in the database,
    /// so a run killed mid-batch redoes just that batch. Runs ingesting into one store at once take turns:
    /// the transaction takes the write lock when it starts (waiting out the busy timeout), and a batch that
    /// still finds the database busy is tried again ([`BUSY_RETRIES`] times, waits doubling up to
    /// [`BUSY_WAIT_MAX`]).
    pub fn ingest_batch(&mut self, docs: &[NewDoc]) -> Result<Vec<Outcome>> {
        retry_busy(|| self.try_ingest_batch(docs))
    }

    fn try_ingest_batch(&mut self, docs: &[NewDoc]) -> std::result::Result<Vec<Outcome>, Attempt> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(Attempt::from)?;
        let mut out = Vec::with_capacity(docs.len());
        let mut touched = std::collections::BTreeSet::new();
        for d in docs {
            out.push(ingest_one(&tx, d, &mut touched)?);
        }
        for c in &touched {
            cluster::refresh(&tx, c)?;
        }
        tx.commit().map_err(Attempt::from)?;
        Ok(out)
    }

    /// What the stored document `id` lacks of its metadata.
    pub fn missing(&self, id: i64) -> Result<Missing> {
        Ok(self.conn.query_row(
            "SELECT published IS NULL, url IS NULL, outlet IS NULL, title IS NULL FROM documents WHERE id = ?1",
            [id],
            |r| {
                Ok(Missing {
                    published: r.get(0)?,
                    url: r.get(1)?,
                    outlet: r.get(2)?,
                    title: r.get(3)?,
                })
            },
        )?)
    }

    /// Fills in what the stored document `id` lacks from a later copy of it: its publication date, URL,
    /// outlet and title (what the store has is kept). A date filled in re-dates the document's events from
    /// `ledger`, the copy's extraction with its metadata (the same text: the same events by id); their
    /// clusters are refreshed; an outlet filled in is its claims' too. Returns what was filled in.
    pub fn fill_in(&mut self, id: i64, copy: &Ledger) -> Result<Missing> {
        let gone = self.missing(id)?;
        let m = &copy.document;
        let filled = Missing {
            published: gone.published && m.published.is_some(),
            url: gone.url && m.url.is_some(),
            outlet: gone.outlet && m.source.is_some(),
            title: gone.title && m.title.is_some(),
        };
        if !filled.any() {
            return Ok(filled);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "UPDATE documents SET published = coalesce(published, ?2), url = coalesce(url, ?3),
               outlet = coalesce(outlet, ?4), title = coalesce(title, ?5) WHERE id = ?1",
            params![id, m.published, m.url, m.source, m.title],
        )?;
        if filled.outlet {
            tx.execute(
                "UPDATE claims SET outlet = ?2 WHERE doc = ?1 AND outlet IS NULL",
                params![id, m.source],
            )?;
        }
        let mut touched: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
        if filled.published {
            let json =
                serde_json::to_string(copy).map_err(|e| StoreError(format!("ledger: {e}")))?;
            tx.execute(
                "UPDATE documents SET ledger = ?2 WHERE id = ?1",
                params![id, json],
            )?;
            let mut up = tx.prepare_cached(
                "UPDATE events SET date = ?3, day = ?4, time_precision = ?5 WHERE doc = ?1 AND event_id = ?2
                 RETURNING cluster",
            )?;
            for ev in &copy.events {
                let (date, tp, day) = cluster::event_date(ev, m.published.as_deref());
                let clusters =
                    up.query_map(params![id, ev.id, date, day, tp], |r| r.get::<_, String>(0))?;
                for c in clusters {
                    touched.insert(c?);
                }
            }
        }
        if filled.outlet {
            let mut stmt =
                tx.prepare_cached("SELECT DISTINCT cluster FROM events WHERE doc = ?1")?;
            for c in stmt.query_map([id], |r| r.get::<_, String>(0))? {
                touched.insert(c?);
            }
        }
        for c in &touched {
            cluster::refresh(&tx, c)?;
        }
        tx.commit()?;
        Ok(filled)
    }

    pub fn counts(&self) -> Result<Counts> {
        let q = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        Ok(Counts {
            documents: q("SELECT count(*) FROM documents")?,
            syndicated: q("SELECT count(*) FROM documents WHERE syndicated_of IS NOT NULL")?,
            sightings: q("SELECT count(*) FROM sightings")?,
            events: q("SELECT count(*) FROM events")?,
            claims: q("SELECT count(*) FROM claims")?,
            clusters: q("SELECT count(*) FROM clusters")?,
            multi_report_clusters: q("SELECT count(*) FROM clusters WHERE reports > 1")?,
            corroborated: q("SELECT count(*) FROM clusters WHERE verification = 'corroborated'")?,
            disputed: q("SELECT count(*) FROM clusters WHERE verification = 'disputed'")?,
        })
    }
}

/// Metadata a stored document lacks (or, from [`Store::fill_in`], was given).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Missing {
    pub published: bool,
    pub url: bool,
    pub outlet: bool,
    pub title: bool,
}

impl Missing {
    pub fn any(&self) -> bool {
        self.published || self.url || self.outlet || self.title
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub documents: i64,
    pub syndicated: i64,
    pub sightings: i64,
    pub events: i64,
    pub claims: i64,
    pub clusters: i64,
    pub multi_report_clusters: i64,
    pub corroborated: i64,
    pub disputed: i64,
}

fn find_hash(conn: &Connection, hash: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM documents WHERE content_hash = ?1",
            [hash],
            |r| r.get(0),
        )
        .optional()?)
}

fn link_sighting(conn: &Connection, doc: i64, name: &str, outlet: Option<&str>) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO sightings(doc, name, outlet) VALUES (?1, ?2, ?3)",
        params![doc, name, outlet],
    )?;
    Ok(())
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn ingest_one(
    tx: &rusqlite::Transaction,
    d: &NewDoc,
    touched: &mut std::collections::BTreeSet<String>,
) -> Result<Outcome> {
    let hash = dedup::content_hash(&d.text);
    let outlet = d.ledger.document.source.as_deref();
    if let Some(id) = find_hash(tx, &hash)? {
        link_sighting(tx, id, &d.name, outlet)?;
        return Ok(Outcome::Duplicate(id));
    }
    // near-duplicates: LSH candidates, confirmed on the whole signature
    let sig = dedup::minhash(&d.text);
    let mut syndicated: Option<(i64, f64)> = None;
    if let Some(sig) = &sig {
        let mut stmt = tx.prepare_cached(
            "SELECT DISTINCT d.id, d.minhash, d.syndicated_of FROM doc_bands b JOIN documents d ON d.id = b.doc WHERE b.band = ?1",
        )?;
        for band in dedup::bands(sig) {
            let rows = stmt.query_map([band], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Vec<u8>>(1)?,
                    r.get::<_, Option<i64>>(2)?,
                ))
            })?;
            for row in rows {
                let (id, blob, of) = row?;
                let s = dedup::similarity(sig, &dedup::from_blob(&blob));
                if s >= dedup::NEAR_DUP && syndicated.is_none_or(|(_, best)| s > best) {
                    syndicated = Some((of.unwrap_or(id), s));
                }
            }
        }
    }
    let ledger_json =
        serde_json::to_string(&d.ledger).map_err(|e| StoreError(format!("ledger: {e}")))?;
    let m = &d.ledger.document;
    tx.execute(
        "INSERT INTO documents(content_hash, name, doc_id, outlet, title, url, published, chars, syndicated_of, similarity, minhash, ledger, ingested_at, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            hash,
            d.name,
            m.id,
            outlet,
            m.title,
            m.url,
            m.published,
            d.text.chars().count() as i64,
            syndicated.map(|s| s.0),
            syndicated.map(|s| s.1),
            sig.as_ref().map(|s| dedup::to_blob(s)),
            ledger_json,
            now(),
            d.text
        ],
    )?;
    let id = tx.last_insert_rowid();
    link_sighting(tx, id, &d.name, outlet)?;
    if let Some(sig) = &sig {
        let mut stmt = tx.prepare_cached("INSERT INTO doc_bands(band, doc) VALUES (?1, ?2)")?;
        for band in dedup::bands(sig) {
            stmt.execute(params![band, id])?;
        }
    }
    cluster::add_events(tx, id, &hash, &d.ledger, syndicated.map(|s| s.0), touched)?;
    Ok(match syndicated {
        Some((of, _)) => Outcome::Syndicated { id, of },
        None => Outcome::New(id),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store made before events kept their outcome opens, gains the column (NULL for its events), and
    /// its clusters still refresh: a takeover of the old kind is guessed from its sub-event type.
    #[test]
    fn a_version_5_store_is_upgraded_and_its_events_are_guessed() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("v5.db");
        {
            let c = Connection::open(&db).unwrap();
            for m in &MIGRATIONS[..5] {
                c.execute_batch(m).unwrap();
            }
            c.pragma_update(None, "user_version", 5).unwrap();
            c.execute_batch(
                "INSERT INTO documents(id, content_hash, name, doc_id, chars, ledger, ingested_at)
                   VALUES (1, 'h', 'old.txt', 'old', 10, '{}', 'now');
                 INSERT INTO clusters(id, seq, event_type, sub_event_type)
                   VALUES ('C1', 1, 'Battles', 'Non-state actor overtakes territory');
                 INSERT INTO events(id, doc, event_id, cluster, type_group, event_type, sub_event_type, trigger, side1, side2)
                   VALUES (1, 1, 'e1', 'C1', 'Battles', 'Battles', 'Non-state actor overtakes territory', 'captured', 'RU', 'UA'),
                          (2, 1, 'e2', 'C1', 'Battles', 'Battles', 'Armed clash', 'repelled', 'UA', 'RU');
                 INSERT INTO claims(event, doc, stance, verification) VALUES (1, 1, 'asserts', 'single-source');
                 INSERT INTO claims(event, doc, stance, verification) VALUES (2, 1, 'asserts', 'single-source');",
            )
            .unwrap();
        }
        let mut s = Store::open(&db).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
        let nulls: i64 = s
            .conn()
            .query_row(
                "SELECT count(*) FROM events WHERE outcome IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(nulls, 2);
        let tx = s.conn.transaction().unwrap();
        cluster::refresh(&tx, "C1").unwrap();
        tx.commit().unwrap();
        // captured (sub-event type) and repelled (trigger) in one cluster: disputed, as before
        let v: String = s
            .conn()
            .query_row(
                "SELECT verification FROM clusters WHERE id = 'C1'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(v, "disputed");
    }
}
