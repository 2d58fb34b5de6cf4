//! Opening a store: read-write for `ingest`, `migrate` and a server that takes documents (the schema brought
//! up to date, WAL mode), read-only for `query`, `export` and `serve` (the file read as it is: no migration,
//! no journal switch, nothing written, also from read-only media). A database that is not a sitrep store is
//! refused either way, and every error names the file and says what to do.

use crate::{Attempt, Result, Store, StoreError, MIGRATIONS};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// The tables every sitrep store has had since its first schema.
const SITREP_TABLES: [&str; 5] = ["documents", "sightings", "clusters", "events", "claims"];

/// What is in a database file, as far as sitrep cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No tables at all (a new or empty file): ingest may make a store of it.
    Empty,
    /// A sitrep store of this schema version.
    Sitrep(i64),
    /// Tables, but not a sitrep store's.
    Foreign,
}

fn not_a_store(path: &Path, why: &str) -> StoreError {
    StoreError(format!(
        "not a sitrep store: {} ({why}); give the database `sitrep ingest --db FILE` made, or a new file name to make one",
        path.display()
    ))
}

/// An error of the database at `path`, saying what to do.
pub(crate) fn db_error(path: &Path, e: rusqlite::Error) -> StoreError {
    let what = e.to_string();
    let hint = match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ReadOnly) => {
            "the file or its folder cannot be written: ingest and migrate need write access (query, export and serve only read)"
        }
        Some(rusqlite::ErrorCode::NotADatabase) => {
            return not_a_store(path, "not an SQLite database");
        }
        Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => {
            "another sitrep is writing it: try again when it is done"
        }
        Some(rusqlite::ErrorCode::CannotOpen) => {
            "check that the file and its folder exist and can be read"
        }
        Some(rusqlite::ErrorCode::DiskFull) => "the disk is full: free some space",
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            "the file is damaged: restore it from a copy, or ingest the reports again into a new one"
        }
        _ => "check that it is a store made by `sitrep ingest`",
    };
    StoreError(format!("{}: {what}: {hint}", path.display()))
}

/// What the database on `conn` holds.
fn kind(conn: &Connection, path: &Path) -> Result<Kind> {
    let e = |e| db_error(path, e);
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .map_err(e)?
        .query_map([], |r| r.get(0))
        .map_err(e)?
        .collect::<std::result::Result<_, _>>()
        .map_err(e)?;
    if tables.is_empty() {
        return Ok(Kind::Empty);
    }
    if !SITREP_TABLES.iter().all(|t| tables.iter().any(|x| x == t)) {
        return Ok(Kind::Foreign);
    }
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(e)?;
    Ok(if v >= 1 {
        Kind::Sitrep(v)
    } else {
        Kind::Foreign
    })
}

/// The message for a store whose schema this sitrep does not read as it is.
fn version_error(path: &Path, v: i64) -> StoreError {
    let want = MIGRATIONS.len() as i64;
    if v > want {
        StoreError(format!(
            "{}: the store has schema version {v}, newer than this sitrep knows ({want}): upgrade sitrep",
            path.display()
        ))
    } else {
        StoreError(format!(
            "{}: the store has schema version {v}, this sitrep reads version {want}: run `sitrep migrate --db {}` (or `sitrep ingest`) once to upgrade it",
            path.display(),
            path.display()
        ))
    }
}

/// Opens a connection read-only; a store in WAL mode on read-only media (no `-shm` file can be made) is
/// opened immutable.
fn connect_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let probe = |c: &Connection| {
        c.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
    };
    let first = Connection::open_with_flags(path, flags).and_then(|c| probe(&c).map(|_| c));
    match first {
        Ok(c) => Ok(c),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            Err(not_a_store(path, "not an SQLite database"))
        }
        Err(first_error) => {
            let uri = format!("file:{}?immutable=1", uri_path(path));
            Connection::open_with_flags(&uri, flags | OpenFlags::SQLITE_OPEN_URI)
                .and_then(|c| probe(&c).map(|_| c))
                .map_err(|_| db_error(path, first_error))
        }
    }
}

/// The path as the path part of a `file:` URI (percent-encoding what URIs reserve).
fn uri_path(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for b in abs.to_string_lossy().bytes() {
        match b {
            b'%' | b'?' | b'#' | b' ' | 0x80..=0xff => out.push_str(&format!("%{b:02X}")),
            _ => out.push(b as char),
        }
    }
    out
}

fn missing(path: &Path) -> StoreError {
    StoreError(format!(
        "no store at {}: run `sitrep ingest ... --db {}` first",
        path.display(),
        path.display()
    ))
}

/// How long a read-write store waits for another run's transaction before a statement reports it busy
/// (a batch of 64 reports and its cluster refresh take well under a second; [`Store::ingest_batch`] then
/// tries again).
const WRITE_BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

impl Store {
    /// Opens (or creates) the store read-write, in WAL mode, and brings its schema up to date. A database
    /// of another application is refused, unchanged.
    pub fn open(path: &Path) -> Result<Store> {
        // two runs opening a new store at once: the one switching it to WAL may find the other reading it
        crate::retry_busy(|| Store::open_once(path))
    }

    fn open_once(path: &Path) -> std::result::Result<Store, Attempt> {
        let e = |e| Attempt::of(e, |e| db_error(path, e));
        let conn = Connection::open(path).map_err(e)?;
        // another run writing into the same store: wait for its transaction to end
        conn.busy_timeout(WRITE_BUSY_TIMEOUT).map_err(e)?;
        // the schema read once here first, so that a busy database is told apart from a foreign one
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(e)?;
        match kind(&conn, path)? {
            Kind::Foreign => {
                return Err(not_a_store(path, "its tables are another application's").into())
            }
            Kind::Sitrep(v) if v > MIGRATIONS.len() as i64 => {
                return Err(version_error(path, v).into())
            }
            _ => {}
        }
        let mode: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(e)?;
        if mode != "wal" && mode != "memory" {
            return Err(StoreError(format!(
                "{}: the database refused WAL mode ({mode}): put it on a local disk that allows it",
                path.display()
            ))
            .into());
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(e)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(e)?;
        crate::filter::register_functions(&conn).map_err(e)?;
        let mut s = Store { conn };
        s.migrate()
            .map_err(|err| StoreError(format!("{}: {err}", path.display())))?;
        Ok(s)
    }

    /// Opens an existing store read-only and reads it as it is: nothing is written (no migration, no WAL
    /// switch), so a store on read-only media is read too. A database that is not a sitrep store, or one of
    /// another schema version, is refused with what to do.
    pub fn open_read(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(missing(path));
        }
        let conn = connect_read_only(path)?;
        let e = |e| db_error(path, e);
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(e)?;
        match kind(&conn, path)? {
            Kind::Empty => return Err(not_a_store(path, "it holds no tables")),
            Kind::Foreign => return Err(not_a_store(path, "its tables are another application's")),
            Kind::Sitrep(v) if v != MIGRATIONS.len() as i64 => return Err(version_error(path, v)),
            Kind::Sitrep(_) => {}
        }
        crate::filter::register_functions(&conn).map_err(e)?;
        Ok(Store { conn })
    }

    /// Brings an existing store's schema up to date (`sitrep migrate`): the versions before and after.
    pub fn migrate_existing(path: &Path) -> Result<(i64, i64)> {
        if !path.is_file() {
            return Err(missing(path));
        }
        let before = {
            let conn = connect_read_only(path)?;
            match kind(&conn, path)? {
                Kind::Sitrep(v) => v,
                Kind::Empty => return Err(not_a_store(path, "it holds no tables")),
                Kind::Foreign => {
                    return Err(not_a_store(path, "its tables are another application's"))
                }
            }
        };
        let s = Store::open(path)?;
        Ok((before, s.schema_version()?))
    }
}

/// The schema version of the store at `path` and the version this sitrep writes.
pub fn schema_versions(path: &Path) -> Result<(i64, i64)> {
    let conn = connect_read_only(path)?;
    let v = match kind(&conn, path)? {
        Kind::Sitrep(v) => v,
        Kind::Empty => 0,
        Kind::Foreign => return Err(not_a_store(path, "its tables are another application's")),
    };
    Ok((v, MIGRATIONS.len() as i64))
}
