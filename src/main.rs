//! `sitrep`: reads conflict news and turns every report into a ledger of claims.

mod report;
mod store_cmd;
mod summary;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use sitrep_extract::{Engine, InputDoc};
use sitrep_gazetteer::Gazetteer;
use sitrep_input::Item;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "sitrep",
    version,
    about = "Reads conflict news and turns every report into a ledger of claims"
)]
struct Cli {
    /// Print errors only (no summaries, counts or progress).
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print details too (every skipped document, timings).
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

/// How a command failed: a usage error (exit status 2, with the usage of `command`) or a failure of its
/// work (exit status 1).
#[derive(Debug)]
pub enum Failure {
    Usage {
        command: &'static str,
        message: String,
    },
    Failed(String),
}

impl From<String> for Failure {
    fn from(s: String) -> Self {
        Failure::Failed(s)
    }
}

impl From<&str> for Failure {
    fn from(s: &str) -> Self {
        Failure::Failed(s.to_string())
    }
}

/// The exit status of a run that got to the end: 0 when every input was done, 1 when some failed.
pub fn finished(failures: usize) -> ExitCode {
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[derive(Subcommand)]
enum Command {
    /// Read reports and print their ledgers.
    Extract(ExtractArgs),
    /// Import GeoNames dumps into a local gazetteer index, or show what the gazetteer holds.
    Gazetteer {
        #[command(subcommand)]
        command: GazCommand,
    },
    /// Score sitrep on the evaluation corpora in ../shared/eval (or $SITREP_SHARED/eval).
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Store reports in the running ledger (SQLite): dedup, event clusters, corroboration.
    Ingest(store_cmd::IngestArgs),
    /// Search the event clusters of the running ledger.
    Query(store_cmd::QueryArgs),
    /// Export the event clusters: ACLED CSV, GeoJSON, JSONL.
    Export(store_cmd::ExportArgs),
    /// Serve the store over HTTP: the JSON API (crates/serve/API.md) and the map page.
    Serve(store_cmd::ServeArgs),
    /// Upgrade a store made by an older sitrep to the schema this one reads.
    Migrate(store_cmd::MigrateArgs),
    /// Print the shell completion script of sitrep for SHELL (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print sitrep's manual page (roff) on standard output: `sitrep man | man -l -`.
    Man,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Time expressions: MEANTIME and TimeBank/AQUAINT, TempEval-3 style.
    Time {
        /// Print the README's markdown tables.
        #[arg(long)]
        markdown: bool,
    },
    /// Quotes and attributions: PolNeAR (direct quotes, speakers, indirect attributions).
    Quotes,
    /// Conflict events: WikiEvents (detection, arguments), PLOVER (actor assignment), CASE 2021 task 2
    /// (ACLED sub-event types) and GeoVirus (false events on epidemic news).
    Events {
        /// Also print the CASE per-class table (markdown).
        #[arg(long)]
        markdown: bool,
    },
    /// Toponym recognition and resolution: LGL, GeoWebNews, GeoVirus, UCDP GED Ukraine.
    Geo {
        /// One corpus only.
        #[arg(long, value_parser = ["lgl", "gwn", "geovirus", "ucdp"])]
        corpus: Option<String>,
        #[arg(long = "gazetteer", value_parser = gazetteer_dir)]
        dirs: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum GazCommand {
    /// Import GeoNames dump files (UA.zip, allCountries.zip, cities500.txt, alternateNamesV2.txt) into an index.
    Import {
        /// GeoNames files as GeoNames publishes them.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the index (default: the user's data dir, which `extract` reads automatically).
        #[arg(long)]
        out: Option<PathBuf>,
        /// GeoNames feature classes to keep: P populated places, A admin areas, T hills and
        /// mountains, S spots (airports, mines, stations, checkpoints), H water, L areas, R roads,
        /// V forests, U undersea. Spots and roads share many names with towns.
        #[arg(long, default_value = "PA", value_parser = valid_classes)]
        classes: String,
    },
    /// Show the layers of the gazetteer and their sizes.
    Info {
        /// Extra index directories made by `gazetteer import`.
        #[arg(long = "gazetteer", value_parser = gazetteer_dir)]
        dirs: Vec<PathBuf>,
    },
    /// Look a name up, as extract would.
    Lookup {
        name: String,
        #[arg(long = "gazetteer", value_parser = gazetteer_dir)]
        dirs: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    /// A readable summary (the default on a terminal).
    Text,
    /// One ledger as pretty JSON (one compact ledger a line for several documents).
    Json,
    /// One ledger a line.
    Jsonl,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Text files (.txt, any charset with --encoding), folders (recursively), JSONL (.jsonl, .jsonl.gz: one document
    /// a line), saved pages (.html), RSS/Atom feeds (.rss/.atom/.xml), WARC crawls (.warc, .warc.gz), Telegram
    /// exports (result.json), PDF reports, or - for standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format [default: text on a terminal, json otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Publication date (YYYY-MM-DD) for every document; wins over metadata and datelines.
    #[arg(long, value_parser = parse_date)]
    date: Option<chrono::NaiveDate>,
    #[command(flatten)]
    engine: EngineArgs,
    /// Worker threads (default: all cores).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

/// The gazetteer and the size limit, as `sitrep extract` and `sitrep ingest` take them.
#[derive(clap::Args)]
struct EngineArgs {
    /// Index directories made by `sitrep gazetteer import`, used on top of the embedded gazetteer.
    #[arg(long = "gazetteer", value_parser = gazetteer_dir)]
    gazetteers: Vec<PathBuf>,
    /// Do not read the imported index in the user's data dir.
    #[arg(long)]
    no_default_gazetteer: bool,
    /// Largest document accepted, in MB (1 to 65536); also the cap on any decompression and on a JSONL line,
    /// a WARC record or a feed entry.
    #[arg(long, default_value_t = 256, allow_hyphen_values = true, value_parser = clap::value_parser!(u64).range(1..=MAX_MB))]
    max_mb: u64,
    /// The charset of text files that are not UTF-8 (e.g. windows-1251, iso-8859-2). Web pages, feeds and
    /// crawls say their own.
    #[arg(long, value_parser = encoding_label)]
    encoding: Option<&'static encoding_rs::Encoding>,
}

/// `--encoding LABEL`: a WHATWG charset label.
fn encoding_label(s: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(s.trim().as_bytes()).ok_or_else(|| {
        format!("unknown charset '{s}': give a label such as windows-1251, koi8-u, iso-8859-1")
    })
}

/// The largest `--max-mb`: 64 GB, far above what one document can be, and far from overflowing a byte count.
const MAX_MB: u64 = 65_536;

/// `--gazetteer DIR`: a folder (what is in it is checked when the gazetteer opens).
pub fn gazetteer_dir(s: &str) -> Result<PathBuf, String> {
    let p = PathBuf::from(s);
    if p.is_dir() {
        Ok(p)
    } else {
        Err("is not a folder: give a folder made by `sitrep gazetteer import --out DIR`".into())
    }
}

impl EngineArgs {
    /// The engine over the embedded gazetteer and the index directories asked for.
    fn engine(&self) -> Result<Engine, String> {
        Ok(Engine::new(open_gazetteer(
            &self.gazetteers,
            !self.no_default_gazetteer,
        )?))
    }

    fn read_options(&self) -> sitrep_input::ReadOptions {
        sitrep_input::ReadOptions {
            max_bytes: self.max_mb << 20,
            encoding: self.encoding,
        }
    }
}

/// `--date`: checked as the filters' dates are.
fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    sitrep_store::filter::parse_date(s)
}

/// The ledger of one document; a bug in one document must not cost the others: it is that document's error.
pub fn extract_one(
    engine: &Engine,
    doc: &InputDoc,
) -> Result<sitrep_ledger::Ledger, sitrep_input::InputError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.extract(doc))).map_err(|p| {
        sitrep_input::InputError {
            input: doc.id.clone(),
            message: format!(
                "internal error while extracting ({}); the other documents are unaffected. \
                 Please report it with this document",
                panic_message(&p)
            ),
        }
    })
}

/// The warnings of reading a document (a guessed charset, an unread date, a language sitrep does not read),
/// said on standard error unless `--quiet`.
pub fn warn_of(ledger: &sitrep_ledger::Ledger, say: impl Fn(String)) {
    if report::level() < report::Level::Normal {
        return;
    }
    for w in &ledger.document.warnings {
        say(format!("{}: warning: {w}", ledger.document.id));
    }
}

fn panic_message(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

fn main() -> ExitCode {
    // panics inside extraction are caught and reported per document; keep their default report off stderr
    std::panic::set_hook(Box::new(|info| {
        if std::env::var_os("SITREP_DEBUG").is_some() {
            eprintln!("sitrep: panic: {info}");
        }
    }));
    let cli = Cli::parse();
    report::set(if cli.quiet {
        report::Level::Quiet
    } else if cli.verbose {
        report::Level::Verbose
    } else {
        report::Level::Normal
    });
    // a closed pipe (`sitrep extract ... | head`) ends the run quietly, as it does `cat`; the server keeps
    // Rust's default (ignored: a client that hangs up gets an error on its socket alone)
    if !matches!(cli.command, Command::Serve(_)) {
        default_sigpipe();
    }
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Gazetteer { command } => gazetteer(command).map_err(Failure::from),
        Command::Eval { what } => eval(what).map_err(Failure::from),
        Command::Ingest(a) => store_cmd::ingest(a),
        Command::Query(a) => store_cmd::query(a),
        Command::Export(a) => store_cmd::export(a),
        Command::Serve(a) => store_cmd::serve(a),
        Command::Migrate(a) => store_cmd::migrate(a),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "sitrep", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => man(),
    };
    match result {
        Ok(code) => code,
        Err(Failure::Usage { command, message }) => {
            let mut cmd = Cli::command();
            let sub = cmd.find_subcommand_mut(command).cloned();
            let mut c = sub
                .map(|s| s.bin_name(format!("sitrep {command}")))
                .unwrap_or(cmd);
            c.error(clap::error::ErrorKind::ValueValidation, message)
                .exit()
        }
        Err(Failure::Failed(msg)) => {
            eprintln!("sitrep: {msg}");
            ExitCode::from(1)
        }
    }
}

/// Restores the default action of SIGPIPE (end the process) that the Rust runtime replaces with "ignore".
fn default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: signal() with SIG_DFL only changes this process's disposition of SIGPIPE, before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// `sitrep man`: the manual page of every command, made from the command-line definition.
fn man() -> Result<ExitCode, Failure> {
    let cmd = Cli::command();
    let mut out = std::io::stdout().lock();
    let io = |e: std::io::Error| Failure::Failed(format!("writing the manual page: {e}"));
    clap_mangen::Man::new(cmd.clone())
        .render(&mut out)
        .map_err(io)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let title = format!("sitrep-{}", sub.get_name());
        clap_mangen::Man::new(sub.clone())
            .title(title)
            .render(&mut out)
            .map_err(io)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn open_gazetteer(dirs: &[PathBuf], use_default: bool) -> Result<Gazetteer, String> {
    let mut dirs = dirs.to_vec();
    if use_default {
        if let Some(d) = sitrep_gazetteer::default_index_dir() {
            if d.is_dir()
                && std::fs::read_dir(&d)
                    .map(|mut r| r.next().is_some())
                    .unwrap_or(false)
            {
                dirs.push(d);
            }
        }
    }
    Gazetteer::open(&dirs).map_err(|e| format!("gazetteer: {e}"))
}

fn gazetteer(cmd: GazCommand) -> Result<ExitCode, String> {
    match cmd {
        GazCommand::Import {
            files,
            out,
            classes,
        } => {
            let out = match out.or_else(sitrep_gazetteer::default_index_dir) {
                Some(o) => o,
                None => return Err("no data directory found: give --out DIR".into()),
            };
            let t = std::time::Instant::now();
            let opts = sitrep_gazetteer::ImportOptions {
                feature_classes: parse_classes(&classes)?,
            };
            let stats = sitrep_gazetteer::import_with(&files, &out, &opts)
                .map_err(|e| format!("import: {e}"))?;
            report::note(format!(
                "imported {} places ({} names, {} rows read, {} skipped) into {} in {:.1} s",
                stats.entries,
                stats.names,
                stats.rows,
                stats.skipped,
                out.display(),
                t.elapsed().as_secs_f64()
            ));
            if out != sitrep_gazetteer::default_index_dir().unwrap_or_default() {
                report::note(format!(
                    "use it with: sitrep extract --gazetteer {} ...",
                    out.display()
                ));
            }
            Ok(ExitCode::SUCCESS)
        }
        GazCommand::Info { dirs } => {
            let t = std::time::Instant::now();
            let g = open_gazetteer(&dirs, true)?;
            let opened = t.elapsed();
            let s = g.stats();
            println!(
                "gazetteer opened in {:.1} ms",
                opened.as_secs_f64() * 1000.0
            );
            for l in &s.layers {
                println!(
                    "  {:<40} {:>9} places {:>9} names {:>8.1} MB",
                    l.source,
                    l.entries,
                    l.names,
                    l.bytes as f64 / 1e6
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        GazCommand::Lookup { name, dirs } => {
            let g = open_gazetteer(&dirs, true)?;
            let mut c = g.lookup(&name);
            if c.is_empty() {
                c = g.lookup_fuzzy(&name, 2);
                if !c.is_empty() {
                    println!("(no exact match; nearest spellings)");
                }
            }
            c.sort_by_key(|b| std::cmp::Reverse(b.population));
            for x in c.iter().take(20) {
                println!(
                    "{:<10} {:<28} {:>9.5} {:>10.5} {} {:<6} {:<24} pop {}",
                    x.geonames_id,
                    x.name,
                    x.lat,
                    x.lon,
                    x.country_code,
                    x.feature_code,
                    x.admin1.as_deref().unwrap_or("-"),
                    x.population
                );
            }
            if c.is_empty() {
                println!("no place called '{name}'");
                return Ok(ExitCode::from(1));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn eval(what: EvalCommand) -> Result<ExitCode, String> {
    let dir = sitrep_eval::shared_eval_dir().ok_or(
        "the evaluation corpora were not found: put them at ../shared/eval or set SITREP_SHARED",
    )?;
    let report = match what {
        EvalCommand::Time { markdown } => sitrep_eval::time(&dir, markdown)?,
        EvalCommand::Quotes => {
            sitrep_eval::quotes::run(&dir, &Engine::new(open_gazetteer(&[], false)?))?
        }
        EvalCommand::Events { markdown } => {
            sitrep_eval::events::run(&dir, &Engine::new(open_gazetteer(&[], false)?), markdown)?
        }
        EvalCommand::Geo { corpus, dirs } => {
            let engine = Engine::new(open_gazetteer(&dirs, false)?);
            sitrep_eval::geo::run(&dir, corpus.as_deref(), &engine)?
        }
    };
    print!("{report}");
    Ok(ExitCode::SUCCESS)
}

fn extract(args: ExtractArgs) -> Result<ExitCode, Failure> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global()
            .map_err(|e| e.to_string())?;
    }
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Text
    } else {
        Format::Json
    });
    let engine = args.engine.engine()?;
    let opts = args.engine.read_options();
    let (sources, unreadable) = sitrep_input::expand(&args.inputs);
    let batch = sources.len() + unreadable.len() > 1 || sources.iter().any(|s| s.is_batch());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failures = unreadable.len();
    let mut skipped = 0usize;
    let mut done = 0usize;
    for e in &unreadable {
        eprintln!("sitrep: {e}");
    }
    let progress = if report::progress_allowed() && batch {
        let pb = ProgressBar::new(0);
        pb.set_style(
            ProgressStyle::with_template(
                "{spinner} {pos}/{len} documents {per_sec} eta {eta} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Some(pb)
    } else {
        None
    };
    let say = |msg: String| match &progress {
        Some(pb) => pb.suspend(|| eprintln!("sitrep: {msg}")),
        None => eprintln!("sitrep: {msg}"),
    };
    for src in &sources {
        let mut reader = sitrep_input::Reader::open(src, opts);
        loop {
            // read a chunk of documents, extract them in parallel, write them in input order
            let mut chunk: Vec<Result<InputDoc, sitrep_input::InputError>> = Vec::new();
            while chunk.len() < 512 {
                match reader.next_item() {
                    Some(Item::Doc(d)) => chunk.push(Ok(d)),
                    Some(Item::Failed(e)) => chunk.push(Err(e)),
                    Some(Item::Skipped(e)) => {
                        skipped += 1;
                        report::detail(format!("skipped {e}"));
                    }
                    None => break,
                }
            }
            if chunk.is_empty() {
                break;
            }
            if let Some(pb) = &progress {
                pb.inc_length(chunk.len() as u64);
            }
            let results: Vec<Result<sitrep_ledger::Ledger, sitrep_input::InputError>> = chunk
                .into_par_iter()
                .map(|d| {
                    d.and_then(|mut doc| {
                        if let Some(date) = args.date {
                            doc.published = Some(date);
                            doc.published_source = Some(sitrep_ledger::PublishedSource::Flag);
                        }
                        extract_one(&engine, &doc)
                    })
                })
                .collect();
            for r in results {
                match r {
                    Ok(ledger) => {
                        warn_of(&ledger, say);
                        let w = match format {
                            Format::Jsonl => serde_json::to_writer(&mut out, &ledger)
                                .map_err(std::io::Error::other)
                                .and_then(|_| writeln!(out)),
                            Format::Json if batch => serde_json::to_writer(&mut out, &ledger)
                                .map_err(std::io::Error::other)
                                .and_then(|_| writeln!(out)),
                            Format::Json => serde_json::to_writer_pretty(&mut out, &ledger)
                                .map_err(std::io::Error::other)
                                .and_then(|_| writeln!(out)),
                            Format::Text => summary::write(&mut out, &ledger, engine.gazetteer()),
                        };
                        if let Err(e) = w {
                            if e.kind() == std::io::ErrorKind::BrokenPipe {
                                return Ok(ExitCode::SUCCESS);
                            }
                            return Err(format!("writing the output: {e}").into());
                        }
                        done += 1;
                    }
                    Err(e) => {
                        say(e.to_string());
                        failures += 1;
                    }
                }
                if let Some(pb) = &progress {
                    pb.inc(1);
                }
            }
            let _ = out.flush();
        }
    }
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    out.flush()
        .map_err(|e| format!("writing the output: {e}"))?;
    let skipped_note = if skipped > 0 {
        format!(", {skipped} skipped (not documents; --verbose lists them)")
    } else {
        String::new()
    };
    if failures > 0 {
        report::note(format!(
            "{done} document(s) extracted, {failures} failed (see the messages above){skipped_note}"
        ));
    } else if batch && std::io::stderr().is_terminal() || skipped > 0 {
        report::note(format!("{done} document(s) extracted{skipped_note}"));
    }
    Ok(finished(failures))
}

/// `--classes PAT` as given, checked (a usage error, exit status 2, when a letter is unknown).
fn valid_classes(s: &str) -> Result<String, String> {
    parse_classes(s).map(|_| s.to_string())
}

/// `--classes PAT`: GeoNames feature classes, one letter each.
fn parse_classes(s: &str) -> Result<Vec<char>, String> {
    let classes: Vec<char> = s.chars().filter(|c| !matches!(c, ',' | ' ')).collect();
    match classes.iter().find(|c| !"ADHLPRSTUV".contains(**c)) {
        Some(c) => Err(format!(
            "unknown GeoNames feature class '{c}': use letters of ADHLPRSTUV (e.g. PAT)"
        )),
        None if classes.is_empty() => Err("no feature class given (e.g. PAT)".into()),
        None => Ok(classes),
    }
}
