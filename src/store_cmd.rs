//! `sitrep ingest`, `sitrep query`, `sitrep export`: the running ledger in a SQLite database.

use crate::{report, Failure};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use sitrep_extract::{Engine, InputDoc};
use sitrep_input::{InputError, Item};
use sitrep_store::cluster::{Filter, Sort};
use sitrep_store::filter::Style;
use sitrep_store::{NewDoc, Outcome, Store};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct IngestArgs {
    /// Text files (.txt, any charset with --encoding), folders (recursively), JSONL (.jsonl, .jsonl.gz: one document
    /// a line), saved pages (.html), RSS/Atom feeds (.rss/.atom/.xml), WARC crawls (.warc, .warc.gz), Telegram
    /// exports (result.json), PDF reports, or - for standard input.
    #[arg(required = true)]
    sources: Vec<PathBuf>,
    /// The database [default: sitrep.db in the current folder].
    #[arg(long, default_value = "sitrep.db")]
    db: PathBuf,
    /// Documents stored per transaction.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    batch: u32,
    /// Publication date (YYYY-MM-DD) for every document; wins over metadata and datelines (as `extract --date`).
    #[arg(long, value_parser = crate::parse_date)]
    date: Option<chrono::NaiveDate>,
    /// The outlet of every document (a folder of one outlet's reports, say); wins over the inputs' own.
    #[arg(long, value_name = "OUTLET", value_parser = non_empty)]
    source: Option<String>,
    #[command(flatten)]
    engine: crate::EngineArgs,
    /// Print the summary as JSON on standard output.
    #[arg(long)]
    json: bool,
}

/// `--source`: an outlet's name, not blank.
fn non_empty(s: &str) -> Result<String, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("an outlet's name is needed (--source \"Kyiv Independent\")".into());
    }
    Ok(t.to_string())
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum QueryFormat {
    /// One line per cluster, aligned columns.
    Table,
    /// The clusters as one JSON array.
    Json,
    /// One cluster a line.
    Jsonl,
    /// The ACLED CSV of the export.
    Csv,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum SortArg {
    /// The order the clusters were founded in.
    Founded,
    /// First date, oldest first.
    Date,
    /// Highest fatality figure first.
    Fatalities,
    /// Most independent sources first.
    Sources,
}

impl SortArg {
    fn sort(self) -> Sort {
        match self {
            SortArg::Founded => Sort::Founded,
            SortArg::Date => Sort::Date,
            SortArg::Fatalities => Sort::Fatalities,
            SortArg::Sources => Sort::Sources,
        }
    }
}

/// The filter of `query` and `export`: the same parameters, checks and messages as the API's
/// (`sitrep_store::filter`); values are kept as given and checked together.
#[derive(Args)]
pub struct FilterArgs {
    /// Part of a place name.
    #[arg(long)]
    place: Option<String>,
    /// Country: ISO 3166 code (UA, UKR) or English name; a point at sea counts for the nearest coast's.
    #[arg(long)]
    country: Option<String>,
    /// MIN_LON,MIN_LAT,MAX_LON,MAX_LAT
    #[arg(long, allow_hyphen_values = true)]
    bbox: Option<String>,
    /// LAT,LON: clusters within --radius km of it.
    #[arg(long, allow_hyphen_values = true)]
    near: Option<String>,
    /// Radius in km around --near [default: 25].
    #[arg(long, allow_hyphen_values = true)]
    radius: Option<String>,
    /// First date (YYYY-MM-DD): the cluster's dates reach it.
    #[arg(long)]
    from: Option<String>,
    /// Last date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Event or sub-event type (part of it).
    #[arg(long = "type")]
    event_type: Option<String>,
    /// Actor name (part of it).
    #[arg(long)]
    actor: Option<String>,
    /// Claimant or outlet (part of it).
    #[arg(long)]
    source: Option<String>,
    /// Side (country code such as UA or RU) of an actor or claimant.
    #[arg(long)]
    side: Option<String>,
    /// single-source, corroborated, disputed or unconfirmed.
    #[arg(long)]
    verification: Option<String>,
}

impl FilterArgs {
    /// The filter, checked; a bad value is a usage error of `command` naming its flag.
    fn filter(&self, command: &'static str) -> Result<Filter, Failure> {
        let get = |name: &str| -> Option<String> {
            match name {
                "place" => self.place.clone(),
                "country" => self.country.clone(),
                "bbox" => self.bbox.clone(),
                "near" => self.near.clone(),
                "radius" => self.radius.clone(),
                "from" => self.from.clone(),
                "to" => self.to.clone(),
                "type" => self.event_type.clone(),
                "actor" => self.actor.clone(),
                "source" => self.source.clone(),
                "side" => self.side.clone(),
                "verification" => self.verification.clone(),
                _ => None,
            }
        };
        Filter::parse(get, Style::Cli).map_err(|e| Failure::Usage {
            command,
            message: e.message,
        })
    }
}

#[derive(Args)]
pub struct QueryArgs {
    #[arg(long, default_value = "sitrep.db")]
    db: PathBuf,
    #[command(flatten)]
    filter: FilterArgs,
    /// At most this many clusters.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=1_000_000_000))]
    limit: Option<u64>,
    /// Order of the clusters.
    #[arg(long, value_enum, default_value_t = SortArg::Founded)]
    sort: SortArg,
    /// Print the control timeline (who claims to hold each matching place) instead of the clusters.
    #[arg(long)]
    control: bool,
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    format: QueryFormat,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    /// ACLED's columns then sitrep's, one row per cluster.
    AcledCsv,
    /// A FeatureCollection of the located clusters (opens in QGIS).
    Geojson,
    /// Each cluster with its events and claims, one a line.
    Jsonl,
    /// The ACLED CSV's rows and columns as typed Parquet (Snappy).
    Parquet,
}

#[derive(Args)]
pub struct ExportArgs {
    #[arg(long, default_value = "sitrep.db")]
    db: PathBuf,
    /// acled-csv, geojson, jsonl or parquet.
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Output file [default: standard output].
    #[arg(long, short)]
    out: Option<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
}

#[derive(Args)]
pub struct MigrateArgs {
    /// The store to upgrade.
    #[arg(long, default_value = "sitrep.db")]
    db: PathBuf,
}

/// How many documents the sources hold, when cheap to tell (JSONL lines, one per file); for the ETA.
fn estimate(sources: &[sitrep_input::Source]) -> u64 {
    sources
        .iter()
        .map(|s| match (&s.path, s.format, s.gzipped) {
            (Some(p), sitrep_input::Format::Jsonl, false) => std::fs::File::open(p)
                .map(|f| {
                    std::io::BufReader::new(f)
                        .split(b'\n')
                        .filter(|l| {
                            l.as_ref()
                                .is_ok_and(|l| !l.iter().all(u8::is_ascii_whitespace))
                        })
                        .count() as u64
                })
                .unwrap_or(0),
            _ => 1,
        })
        .sum()
}

#[derive(Default, serde::Serialize)]
struct Summary {
    new: usize,
    syndicated: usize,
    duplicate: usize,
    /// Duplicates that brought what the stored copy lacked (a date, a URL, an outlet, a title).
    filled_in: usize,
    failed: usize,
    /// Records that are not documents (redirects, error pages, images, messages without text).
    skipped: usize,
    seconds: f64,
    docs_per_second: f64,
    failures: Vec<String>,
    database: Option<sitrep_store::Counts>,
}

/// A later copy of the stored document `id` fills in the metadata the store lacks; a date it brings re-dates
/// the stored events (the copy is read again with it). True when something was filled in. A copy that can
/// fill nothing in costs one look-up.
fn fill_in(store: &mut Store, engine: &Engine, id: i64, d: &InputDoc) -> Result<bool, InputError> {
    let store_error = |e: sitrep_store::StoreError| InputError {
        input: d.id.clone(),
        message: format!("filling in what the stored copy lacks: {e}"),
    };
    let gone = store.missing(id).map_err(store_error)?;
    let brings = (gone.published && d.published.is_some())
        || (gone.url && d.url.is_some())
        || (gone.outlet && d.source.is_some())
        || (gone.title && d.title.is_some());
    if !brings {
        return Ok(false);
    }
    let ledger = crate::extract_one(engine, d)?;
    Ok(store.fill_in(id, &ledger).map_err(store_error)?.any())
}

pub fn ingest(args: IngestArgs) -> Result<ExitCode, Failure> {
    let t0 = std::time::Instant::now();
    let mut store = Store::open(&args.db).map_err(|e| e.to_string())?;
    let engine = args.engine.engine()?;
    let opts = args.engine.read_options();
    let (sources, mut failures) = sitrep_input::expand(&args.sources);
    let mut sum = Summary::default();
    let show = report::progress_allowed();
    let pb = if show {
        ProgressBar::new(estimate(&sources))
    } else {
        ProgressBar::hidden()
    };
    pb.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} documents {per_sec} eta {eta} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let batch = args.batch as usize;
    let mut pending: Vec<InputDoc> = Vec::new();
    let flush = |store: &mut Store,
                 pending: &mut Vec<InputDoc>,
                 sum: &mut Summary,
                 failures: &mut Vec<InputError>|
     -> Result<(), String> {
        if pending.is_empty() {
            return Ok(());
        }
        let docs = std::mem::take(pending);
        let extracted: Vec<Result<NewDoc, InputError>> = docs
            .into_par_iter()
            .map(|doc| {
                crate::extract_one(&engine, &doc).map(|ledger| {
                    crate::warn_of(&ledger, |w| pb.suspend(|| eprintln!("sitrep: {w}")));
                    NewDoc {
                        name: doc.id.clone(),
                        text: doc.text.clone(),
                        ledger,
                    }
                })
            })
            .collect();
        let mut ok = Vec::new();
        for e in extracted {
            match e {
                Ok(d) => ok.push(d),
                Err(e) => failures.push(e),
            }
        }
        for o in store.ingest_batch(&ok).map_err(|e| e.to_string())? {
            match o {
                Outcome::New(_) => sum.new += 1,
                Outcome::Syndicated { .. } => sum.syndicated += 1,
                Outcome::Duplicate(_) => sum.duplicate += 1,
            }
        }
        pb.inc(ok.len() as u64);
        Ok(())
    };
    for src in &sources {
        let mut docs = sitrep_input::Reader::open(src, opts);
        while let Some(item) = docs.next_item() {
            match item {
                Item::Skipped(e) => {
                    sum.skipped += 1;
                    report::detail(format!("skipped {e} (not a document)"));
                }
                Item::Failed(e) => {
                    pb.inc(1);
                    failures.push(e)
                }
                Item::Doc(mut d) => {
                    if let Some(date) = args.date {
                        d.published = Some(date);
                        d.published_source = Some(sitrep_ledger::PublishedSource::Flag);
                    }
                    if let Some(outlet) = &args.source {
                        d.source = Some(outlet.clone());
                    }
                    // exact duplicates of stored documents skip extraction
                    let hash = sitrep_store::dedup::content_hash(&d.text);
                    if let Some(id) = store.find_hash(&hash).map_err(|e| e.to_string())? {
                        store
                            .link_sighting(id, &d.id, d.source.as_deref())
                            .map_err(|e| e.to_string())?;
                        match fill_in(&mut store, &engine, id, &d) {
                            Ok(true) => sum.filled_in += 1,
                            Ok(false) => {}
                            Err(e) => failures.push(e),
                        }
                        sum.duplicate += 1;
                        pb.inc(1);
                        continue;
                    }
                    pending.push(d);
                    if pending.len() >= batch {
                        flush(&mut store, &mut pending, &mut sum, &mut failures)?;
                    }
                }
            }
            pb.set_message(format!("{} failed", failures.len()));
        }
    }
    flush(&mut store, &mut pending, &mut sum, &mut failures)?;
    pb.finish_and_clear();
    sum.failed = failures.len();
    sum.failures = failures.iter().map(|e| e.to_string()).collect();
    sum.seconds = t0.elapsed().as_secs_f64();
    let processed = sum.new + sum.syndicated + sum.duplicate + sum.failed;
    sum.docs_per_second = processed as f64 / sum.seconds.max(1e-9);
    sum.database = store.counts().ok();
    if args.json {
        println!(
            "{}",
            serde_json::to_string(&sum).map_err(|e| e.to_string())?
        );
    }
    let shown = if report::level() >= report::Level::Verbose {
        usize::MAX
    } else {
        50
    };
    // skipped documents are errors of their inputs: named even with --quiet
    for f in sum.failures.iter().take(shown) {
        eprintln!("sitrep: skipped {f}");
    }
    if sum.failures.len() > shown {
        eprintln!(
            "sitrep: ... and {} more failures (--verbose lists them all)",
            sum.failures.len() - shown
        );
    }
    report::note(format!(
        "{} new, {} syndicated copies, {} duplicates ({} filled in what the stored copy lacked), {} failed, {} skipped (not documents); {processed} documents in {:.1} s ({:.1} documents/s) into {}",
        sum.new, sum.syndicated, sum.duplicate, sum.filled_in, sum.failed, sum.skipped, sum.seconds, sum.docs_per_second, args.db.display()
    ));
    if let Some(c) = &sum.database {
        report::note(format!(
            "the database holds {} documents, {} events in {} clusters ({} with several reports, {} corroborated, {} disputed)",
            c.documents, c.events, c.clusters, c.multi_report_clusters, c.corroborated, c.disputed
        ));
    }
    Ok(crate::finished(sum.failed))
}

/// A store opened to be read as it is (`query`, `export`).
fn open_existing(db: &Path) -> Result<Store, Failure> {
    Store::open_read(db).map_err(|e| Failure::Failed(e.to_string()))
}

/// A database error of the store at `db`, naming it.
fn db_error(db: &Path) -> impl Fn(sitrep_store::StoreError) -> Failure + '_ {
    move |e| {
        let msg = e.to_string();
        let shown = db.display().to_string();
        Failure::Failed(if msg.contains(&shown) {
            msg
        } else {
            format!("{shown}: {msg}")
        })
    }
}

/// Writes the control timeline of the places whose name contains `place`.
fn write_control(
    store: &Store,
    place: Option<&str>,
    format: QueryFormat,
    out: &mut impl Write,
    db: &Path,
) -> Result<(), Failure> {
    let io = |e: std::io::Error| Failure::Failed(format!("writing the output: {e}"));
    let rows = store.control_timeline(place).map_err(db_error(db))?;
    match format {
        QueryFormat::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?
        )
        .map_err(io)?,
        QueryFormat::Jsonl => {
            for r in &rows {
                let line = serde_json::to_string(r).map_err(|e| e.to_string())?;
                writeln!(out, "{line}").map_err(io)?;
            }
        }
        QueryFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            let e = |e: csv::Error| Failure::Failed(format!("writing CSV: {e}"));
            w.write_record([
                "place",
                "lat",
                "lon",
                "date",
                "holder",
                "according_to",
                "outlet",
                "cluster",
            ])
            .map_err(e)?;
            for r in &rows {
                let opt = |v: Option<f64>| v.map(|x| format!("{x:.4}")).unwrap_or_default();
                w.write_record([
                    r.place.clone(),
                    opt(r.lat),
                    opt(r.lon),
                    r.date.clone().unwrap_or_default(),
                    r.holder.clone(),
                    r.according_to.clone().unwrap_or_default(),
                    r.outlet.clone().unwrap_or_default(),
                    r.cluster.clone(),
                ])
                .map_err(e)?;
            }
            w.flush().map_err(io)?;
        }
        QueryFormat::Table => {
            writeln!(
                out,
                "{:<24} {:<10} {:<10} {:<40} outlet",
                "place", "date", "holder", "according to"
            )
            .map_err(io)?;
            for r in &rows {
                writeln!(
                    out,
                    "{:<24} {:<10} {:<10} {:<40} {}",
                    r.place,
                    r.date.as_deref().unwrap_or("-"),
                    r.holder,
                    r.according_to.as_deref().unwrap_or("(the outlet)"),
                    r.outlet.as_deref().unwrap_or("-")
                )
                .map_err(io)?;
            }
        }
    }
    Ok(())
}

/// Writes the clusters as a table, one line each.
fn write_table(
    cs: &[sitrep_store::cluster::ClusterView],
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<18} {:<10} {:<26} {:<34} {:<20} {:>3} {:>3} {:<13} fatalities",
        "cluster", "date", "event type", "sub-event type", "place", "rep", "ind", "verification",
    )?;
    for c in cs {
        let fat = match (c.summary.fatalities_min, c.summary.fatalities_max) {
            (Some(a), Some(b)) if a != b => format!("{a}-{b}"),
            (Some(a), _) => a.to_string(),
            _ => "-".into(),
        };
        let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
        writeln!(
            out,
            "{:<18} {:<10} {:<26} {:<34} {:<20} {:>3} {:>3} {:<13} {}",
            c.id,
            c.summary.date_min.as_deref().unwrap_or("-"),
            cut(&c.event_type, 26),
            cut(&c.sub_event_type, 34),
            cut(c.place.as_deref().unwrap_or("-"), 20),
            c.summary.reports,
            c.summary.independent_sources,
            c.summary.verification,
            fat
        )?;
    }
    Ok(())
}

pub fn query(a: QueryArgs) -> Result<ExitCode, Failure> {
    let filter = a.filter.filter("query")?;
    let store = open_existing(&a.db)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = |e: std::io::Error| Failure::Failed(format!("writing the output: {e}"));
    if a.control {
        write_control(&store, filter.place.as_deref(), a.format, &mut out, &a.db)?;
        out.flush().map_err(io)?;
        return Ok(ExitCode::SUCCESS);
    }
    let limit = a.limit.map(|l| usize::try_from(l).unwrap_or(usize::MAX));
    let cs = store
        .clusters_sorted(&filter, a.sort.sort(), limit)
        .map_err(db_error(&a.db))?;
    match a.format {
        QueryFormat::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&cs).map_err(|e| e.to_string())?
        )
        .map_err(io)?,
        QueryFormat::Jsonl => {
            sitrep_store::export::jsonl(&cs, &mut out).map_err(db_error(&a.db))?
        }
        QueryFormat::Csv => {
            sitrep_store::export::acled_csv(&cs, &mut out).map_err(db_error(&a.db))?
        }
        QueryFormat::Table => write_table(&cs, &mut out).map_err(io)?,
    }
    out.flush().map_err(io)?;
    report::note(format!("{} cluster(s)", cs.len()));
    Ok(ExitCode::SUCCESS)
}

pub fn export(a: ExportArgs) -> Result<ExitCode, Failure> {
    let filter = a.filter.filter("export")?;
    let store = open_existing(&a.db)?;
    let cs = store.clusters(&filter).map_err(db_error(&a.db))?;
    let mut w: Box<dyn Write> = match &a.out {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p)
                .map_err(|e| format!("{}: cannot write the export: {e}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let r = match a.format {
        ExportFormat::AcledCsv => sitrep_store::export::acled_csv(&cs, &mut w),
        ExportFormat::Geojson => sitrep_store::export::geojson(&cs, &mut w),
        ExportFormat::Jsonl => sitrep_store::export::jsonl(&cs, &mut w),
        // the Arrow writer wants a `Send` sink; the output may be stdout, so buffer it
        ExportFormat::Parquet => {
            let mut buf = Vec::new();
            sitrep_store::export::parquet(&cs, &mut buf)
                .and_then(|()| w.write_all(&buf).map_err(Into::into))
        }
    };
    r.map_err(|e| format!("writing the export: {e}"))?;
    w.flush().map_err(|e| format!("writing the output: {e}"))?;
    report::detail(format!("exported {} cluster(s)", cs.len()));
    Ok(ExitCode::SUCCESS)
}

pub fn migrate(a: MigrateArgs) -> Result<ExitCode, Failure> {
    let (before, after) = Store::migrate_existing(&a.db).map_err(db_error(&a.db))?;
    if before == after {
        report::note(format!(
            "{}: the store is at schema version {after} already",
            a.db.display()
        ));
    } else {
        report::note(format!(
            "{}: upgraded the store from schema version {before} to {after}",
            a.db.display()
        ));
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
pub struct ServeArgs {
    /// The database made by `sitrep ingest`.
    #[arg(long, default_value = "sitrep.db")]
    db: PathBuf,
    /// Address to listen on (port 0 picks a free port; the address is printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Enable POST /api/documents for requests carrying `Authorization: Bearer TOKEN` (opens the store read-write).
    #[arg(long, conflicts_with = "token_file")]
    token: Option<String>,
    /// Read the token from this file (first line, surrounding spaces dropped).
    #[arg(long)]
    token_file: Option<PathBuf>,
    /// Read-only database connections serving requests.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=256))]
    readers: u16,
    /// Index directories made by `sitrep gazetteer import` (for ingest through the API).
    #[arg(long = "gazetteer", value_parser = crate::gazetteer_dir)]
    gazetteers: Vec<PathBuf>,
    /// Do not read the imported index in the user's data dir.
    #[arg(long)]
    no_default_gazetteer: bool,
}

pub fn serve(a: ServeArgs) -> Result<ExitCode, Failure> {
    let usage = |message: String| Failure::Usage {
        command: "serve",
        message,
    };
    let token = match (&a.token, &a.token_file) {
        (Some(t), _) => Some(t.trim().to_string()),
        (None, Some(f)) => {
            let s = std::fs::read_to_string(f)
                .map_err(|e| usage(format!("--token-file {}: cannot read it: {e}", f.display())))?;
            let t = s.lines().next().unwrap_or("").trim().to_string();
            if t.is_empty() {
                return Err(usage(format!(
                    "--token-file {}: the file is empty: put the token on its first line",
                    f.display()
                )));
            }
            Some(t)
        }
        (None, None) => None,
    };
    if matches!(&token, Some(t) if t.is_empty()) {
        return Err(usage("--token is empty: give a non-empty token".into()));
    }
    if let Err(e) = std::net::ToSocketAddrs::to_socket_addrs(a.addr.as_str()) {
        return Err(usage(format!(
            "--addr {:?} is not an address: give HOST:PORT, e.g. 127.0.0.1:8080 ({e})",
            a.addr
        )));
    }
    let engine = match token {
        Some(_) => Some(std::sync::Arc::new(Engine::new(crate::open_gazetteer(
            &a.gazetteers,
            !a.no_default_gazetteer,
        )?))),
        None => None,
    };
    let ingest = token.is_some();
    let app = sitrep_serve::App::open(sitrep_serve::Options {
        db: a.db.clone(),
        token,
        engine,
        readers: usize::from(a.readers),
        timeout: sitrep_serve::TIMEOUT,
    })?;
    let what = sitrep_serve::describe(&a.db, ingest);
    sitrep_serve::run_blocking(app, &a.addr, |addr| {
        report::note(format!("serving {what} on http://{addr}/"));
    })?;
    Ok(ExitCode::SUCCESS)
}
