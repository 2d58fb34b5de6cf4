//! Exports of the clusters: ACLED-compatible CSV, GeoJSON, JSONL, Parquet. One typed row per cluster
//! ([`acled_row`]: ACLED's columns as the codebook defines them, then sitrep's), written by each format as
//! its types allow: the CSV leaves unknown values empty, GeoJSON and Parquet write real nulls.
use crate::acled::{self, AcledCodes};
use crate::cluster::{ClusterView, EventView};
use crate::geography::{self, Country};
use crate::{Result, StoreError};
use std::io::Write;

/// The type of an export column: how the CSV writes it, the GeoJSON property it becomes and its Arrow type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    Utf8,
    /// A day (`YYYY-MM-DD` in the CSV and GeoJSON, Date32 in Parquet).
    Date32,
    Int32,
    Int64,
    Float64,
    Boolean,
}

/// ACLED's columns (the codebook's order), then sitrep's claim columns, each with its type and whether it
/// can be null (a CSV field left empty, a GeoJSON null, a Parquet null).
pub const COLUMNS: &[(&str, ColumnType, bool)] = &[
    ("event_id_cnty", ColumnType::Utf8, false),
    ("event_date", ColumnType::Date32, true),
    ("year", ColumnType::Int32, true),
    ("time_precision", ColumnType::Int32, true),
    ("disorder_type", ColumnType::Utf8, false),
    ("event_type", ColumnType::Utf8, false),
    ("sub_event_type", ColumnType::Utf8, false),
    ("actor1", ColumnType::Utf8, true),
    ("assoc_actor_1", ColumnType::Utf8, true),
    ("inter1", ColumnType::Int32, true),
    ("actor2", ColumnType::Utf8, true),
    ("assoc_actor_2", ColumnType::Utf8, true),
    ("inter2", ColumnType::Int32, true),
    ("interaction", ColumnType::Int32, true),
    ("civilian_targeting", ColumnType::Utf8, true),
    ("iso", ColumnType::Int32, true),
    ("region", ColumnType::Utf8, true),
    ("country", ColumnType::Utf8, true),
    ("admin1", ColumnType::Utf8, true),
    ("admin2", ColumnType::Utf8, true),
    ("admin3", ColumnType::Utf8, true),
    ("location", ColumnType::Utf8, true),
    ("latitude", ColumnType::Float64, true),
    ("longitude", ColumnType::Float64, true),
    ("geo_precision", ColumnType::Int32, true),
    ("source", ColumnType::Utf8, true),
    ("source_scale", ColumnType::Utf8, true),
    ("notes", ColumnType::Utf8, true),
    ("fatalities", ColumnType::Int64, false),
    ("sitrep_fatalities_known", ColumnType::Boolean, false),
    ("tags", ColumnType::Utf8, true),
    ("timestamp", ColumnType::Int64, false),
    ("sitrep_cluster_id", ColumnType::Utf8, false),
    ("sitrep_verification", ColumnType::Utf8, false),
    ("sitrep_independent_sources", ColumnType::Int64, false),
    ("sitrep_reports", ColumnType::Int64, false),
    ("sitrep_outlets", ColumnType::Utf8, true),
    ("sitrep_claimants", ColumnType::Utf8, true),
    ("sitrep_stances", ColumnType::Utf8, true),
    ("sitrep_fatalities_max", ColumnType::Int64, true),
    ("sitrep_date_last", ColumnType::Date32, true),
];

/// The column names of [`COLUMNS`], in order.
pub fn column_names() -> Vec<&'static str> {
    COLUMNS.iter().map(|c| c.0).collect()
}

/// The type of the column `name` (`Utf8` for a name that is not one of [`COLUMNS`]).
pub fn acled_column_type(name: &str) -> ColumnType {
    COLUMNS
        .iter()
        .find(|c| c.0 == name)
        .map_or(ColumnType::Utf8, |c| c.1)
}

/// One cell of an export row, typed; `Null` where the store does not know the value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Int(i64),
    Float(f64),
    Date(chrono::NaiveDate),
    Bool(bool),
}

impl Cell {
    /// Empty text is a null.
    fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Null
        } else {
            Cell::Text(s)
        }
    }

    fn opt_text(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Null, Cell::text)
    }

    fn opt_int(v: Option<impl Into<i64>>) -> Cell {
        v.map_or(Cell::Null, |v| Cell::Int(v.into()))
    }

    /// A `YYYY-MM-DD...` date (time of day dropped); anything else is a null.
    fn date(s: Option<&str>) -> Cell {
        s.and_then(|s| s.get(..10))
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or(Cell::Null, Cell::Date)
    }

    /// The CSV field: empty for a null, dates `YYYY-MM-DD`, coordinates with 4 decimals.
    pub fn csv(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => format!("{f:.4}"),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Bool(b) => b.to_string(),
        }
    }

    /// The GeoJSON property: null, a string, a number or a boolean.
    pub fn json(&self) -> serde_json::Value {
        match self {
            Cell::Null => serde_json::Value::Null,
            Cell::Text(s) => s.clone().into(),
            Cell::Int(i) => (*i).into(),
            Cell::Float(f) => {
                serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into)
            }
            Cell::Date(d) => d.format("%Y-%m-%d").to_string().into(),
            Cell::Bool(b) => (*b).into(),
        }
    }
}

fn disorder_type(event_type: &str) -> &'static str {
    match event_type {
        "Protests" | "Riots" => "Demonstrations",
        "Strategic developments" => "Strategic developments",
        _ => "Political violence",
    }
}

fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

/// ACLED's `event_id_cnty`: the country's ISO alpha-3 code and the cluster's number ("UKR17"); `XXX` (ICAO's
/// "unspecified nationality") for a cluster whose country is not known.
pub fn event_id_cnty(country: Option<&Country>, seq: i64) -> String {
    format!("{}{seq}", country.map_or("XXX", |c| c.iso3.as_str()))
}

/// When the cluster last changed: the latest time one of its reports was stored, in unix seconds (0 when no
/// report's time can be read).
fn timestamp(c: &ClusterView) -> i64 {
    c.events
        .iter()
        .filter_map(|e| chrono::DateTime::parse_from_rfc3339(&e.ingested_at).ok())
        .map(|t| t.timestamp())
        .max()
        .unwrap_or(0)
}

/// The other actors named in the cluster's reports in one role ("; "-joined, sorted), `main` left out.
fn assoc(c: &ClusterView, pick: fn(&EventView) -> &Option<String>, main: Option<&str>) -> Cell {
    let mut v: Vec<&str> = c
        .events
        .iter()
        .filter_map(|e| pick(e).as_deref())
        .filter(|a| Some(*a) != main)
        .collect();
    v.sort_unstable();
    v.dedup();
    Cell::text(v.join("; "))
}

/// Who says what: "claimant (or outlet): stance", once each, sorted.
fn stances(c: &ClusterView) -> String {
    let mut v: Vec<String> = c
        .events
        .iter()
        .flat_map(|e| {
            e.claims.iter().map(|k| {
                let who = k.claim.source.as_deref().or(k.claim.outlet.as_deref());
                format!("{}: {}", who.unwrap_or("?"), k.claim.stance)
            })
        })
        .collect();
    v.sort();
    v.dedup();
    v.join("; ")
}

/// ACLED's tags the store can tell: a demonstration's crowd size, which sitrep does not read ("crowd
/// size=no report", as ACLED writes it when no report gives one).
fn tags(c: &ClusterView) -> Cell {
    match c.event_type.as_str() {
        "Protests" | "Riots" => Cell::text("crowd size=no report"),
        _ => Cell::Null,
    }
}

/// The event that stands for the cluster: the first that names the most of actor1 and actor2.
fn lead(c: &ClusterView) -> Option<&EventView> {
    let named = |e: &EventView| {
        usize::from(e.event.actor1.is_some()) + usize::from(e.event.actor2.is_some())
    };
    let most = c.events.iter().map(named).max()?;
    c.events.iter().find(|e| named(e) == most)
}

/// ACLED's codes of the cluster: its lead event's inter codes and interaction; civilian targeting when any
/// of its reports tells it.
fn codes(c: &ClusterView, lead: Option<&EventView>) -> AcledCodes {
    let mut k = lead.map(|e| e.codes).unwrap_or_default();
    k.civilian_targeting = c
        .events
        .iter()
        .any(|e| e.codes.civilian_targeting == Some(true))
        .then_some(true);
    k
}

/// One ACLED row for a cluster, typed, in the order of [`COLUMNS`].
pub fn acled_row(c: &ClusterView) -> Vec<Cell> {
    let lead = lead(c);
    let country = c.summary.country.as_deref().and_then(geography::country);
    let actor1 = lead.and_then(|e| e.event.actor1.as_deref());
    let actor2 = lead.and_then(|e| e.event.actor2.as_deref());
    let notes = c
        .events
        .iter()
        .map(|e| e.notes.as_str())
        .find(|n| !n.is_empty());
    let k = codes(c, lead);
    let date = Cell::date(c.summary.date_min.as_deref());
    let year = match &date {
        Cell::Date(d) => Cell::Int(i64::from(chrono::Datelike::year(d))),
        _ => Cell::Null,
    };
    let float = |v: Option<f64>| v.map_or(Cell::Null, |v| Cell::Float(round4(v)));
    vec![
        Cell::Text(event_id_cnty(country, c.seq)),
        date,
        year,
        Cell::opt_int(c.summary.time_precision),
        Cell::text(disorder_type(&c.event_type)),
        Cell::text(c.event_type.clone()),
        Cell::text(c.sub_event_type.clone()),
        Cell::opt_text(actor1),
        assoc(c, |e| &e.event.actor1, actor1),
        Cell::opt_int(k.inter1),
        // civilians as the target with no actor named: ACLED's "Civilians (Country)"
        match (actor2, k.inter2, country) {
            (None, Some(7), Some(cn)) => Cell::Text(format!("Civilians ({})", cn.name)),
            _ => Cell::opt_text(actor2),
        },
        assoc(c, |e| &e.event.actor2, actor2),
        Cell::opt_int(k.inter2),
        Cell::opt_int(k.interaction),
        if k.civilian_targeting == Some(true) {
            Cell::text("Civilian targeting")
        } else {
            Cell::Null
        },
        Cell::opt_int(country.map(|x| x.iso_numeric)),
        Cell::opt_text(country.map(|x| x.region.clone())),
        Cell::opt_text(country.map(|x| x.name.clone())),
        Cell::opt_text(c.summary.admin1.clone()),
        // sitrep's gazetteer gives no second- or third-level region of a place
        Cell::Null,
        Cell::Null,
        Cell::opt_text(c.place.clone()),
        float(c.summary.lat),
        float(c.summary.lon),
        Cell::opt_int(c.summary.geo_precision),
        Cell::text(c.outlets.join("; ")),
        Cell::opt_text(acled::source_scale(c.outlets.iter().map(String::as_str))),
        Cell::opt_text(notes),
        // ACLED records the most conservative figure, and 0 when none is reported
        Cell::Int(c.summary.fatalities_min.unwrap_or(0)),
        Cell::Bool(c.summary.fatalities_min.is_some()),
        tags(c),
        Cell::Int(timestamp(c)),
        Cell::Text(c.id.clone()),
        Cell::Text(c.summary.verification.clone()),
        Cell::Int(c.summary.independent_sources),
        Cell::Int(c.summary.reports),
        Cell::text(c.outlets.join("; ")),
        Cell::text(c.claimants.join("; ")),
        Cell::text(stances(c)),
        Cell::opt_int(c.summary.fatalities_max),
        Cell::date(c.summary.date_max.as_deref()),
    ]
}

pub fn acled_csv<W: Write>(clusters: &[ClusterView], w: W) -> Result<()> {
    let mut out = csv::Writer::from_writer(w);
    let e = |e: csv::Error| StoreError(format!("writing CSV: {e}"));
    out.write_record(column_names()).map_err(e)?;
    for c in clusters {
        out.write_record(acled_row(c).iter().map(Cell::csv))
            .map_err(e)?;
    }
    out.flush()?;
    Ok(())
}

/// A FeatureCollection of the located clusters (points, WGS84 lon/lat), the ACLED columns as properties:
/// numbers as numbers, dates as `YYYY-MM-DD` strings, unknown values null.
pub fn geojson<W: Write>(clusters: &[ClusterView], mut w: W) -> Result<()> {
    use geojson::{Feature, FeatureCollection, Geometry, JsonObject};
    let mut features = Vec::new();
    for c in clusters {
        let (Some(lat), Some(lon)) = (c.summary.lat, c.summary.lon) else {
            continue;
        };
        let mut props = JsonObject::new();
        for ((name, _, _), v) in COLUMNS.iter().zip(acled_row(c)) {
            if !matches!(*name, "latitude" | "longitude") {
                props.insert(name.to_string(), v.json());
            }
        }
        features.push(Feature {
            bbox: None,
            geometry: Some(Geometry::new(geojson::GeometryValue::Point {
                coordinates: vec![lon, lat].into(),
            })),
            id: Some(geojson::feature::Id::String(c.id.clone())),
            properties: Some(props),
            foreign_members: None,
        });
    }
    let fc = FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    };
    serde_json::to_writer(&mut w, &fc).map_err(|e| StoreError(format!("writing GeoJSON: {e}")))?;
    writeln!(w)?;
    Ok(())
}

/// The Arrow schema of the Parquet export: [`COLUMNS`] in order, with their types and nullability.
pub fn acled_arrow_schema() -> arrow_schema::Schema {
    use arrow_schema::{DataType, Field};
    let fields: Vec<Field> = COLUMNS
        .iter()
        .map(|&(name, t, nullable)| {
            let t = match t {
                ColumnType::Utf8 => DataType::Utf8,
                ColumnType::Date32 => DataType::Date32,
                ColumnType::Int32 => DataType::Int32,
                ColumnType::Int64 => DataType::Int64,
                ColumnType::Float64 => DataType::Float64,
                ColumnType::Boolean => DataType::Boolean,
            };
            Field::new(name, t, nullable)
        })
        .collect();
    arrow_schema::Schema::new(fields)
}

/// The cells of one column as values of one type; a cell of another type is an error naming the column.
fn typed<T>(
    name: &str,
    cells: &[&Cell],
    pick: impl Fn(&Cell) -> Option<T>,
) -> Result<Vec<Option<T>>> {
    cells
        .iter()
        .map(|c| match c {
            Cell::Null => Ok(None),
            c => pick(c).map(Some).ok_or_else(|| {
                StoreError(format!(
                    "Parquet export: column {name}: unexpected value {c:?}"
                ))
            }),
        })
        .collect()
}

/// The clusters as one Arrow record batch with the ACLED CSV's rows and columns ([`acled_row`]), typed.
pub fn acled_record_batch(clusters: &[ClusterView]) -> Result<arrow_array::RecordBatch> {
    use arrow_array::{
        ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, RecordBatch,
        StringArray,
    };
    use std::sync::Arc;
    let rows: Vec<Vec<Cell>> = clusters.iter().map(acled_row).collect();
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(COLUMNS.len());
    for (i, &(name, t, _)) in COLUMNS.iter().enumerate() {
        let cells: Vec<&Cell> = rows.iter().map(|r| &r[i]).collect();
        let col: ArrayRef = match t {
            ColumnType::Utf8 => Arc::new(StringArray::from(typed(name, &cells, |c| match c {
                Cell::Text(s) => Some(s.clone()),
                _ => None,
            })?)),
            ColumnType::Date32 => Arc::new(Date32Array::from(typed(name, &cells, |c| match c {
                Cell::Date(d) => Some(d.signed_duration_since(epoch).num_days() as i32),
                _ => None,
            })?)),
            ColumnType::Int32 => Arc::new(Int32Array::from(typed(name, &cells, |c| match c {
                Cell::Int(v) => i32::try_from(*v).ok(),
                _ => None,
            })?)),
            ColumnType::Int64 => Arc::new(Int64Array::from(typed(name, &cells, |c| match c {
                Cell::Int(v) => Some(*v),
                _ => None,
            })?)),
            ColumnType::Float64 => {
                Arc::new(Float64Array::from(typed(name, &cells, |c| match c {
                    Cell::Float(v) => Some(*v),
                    _ => None,
                })?))
            }
            ColumnType::Boolean => {
                Arc::new(BooleanArray::from(typed(name, &cells, |c| match c {
                    Cell::Bool(v) => Some(*v),
                    _ => None,
                })?))
            }
        };
        columns.push(col);
    }
    RecordBatch::try_new(Arc::new(acled_arrow_schema()), columns)
        .map_err(|e| StoreError(format!("Parquet export: {e}")))
}

/// Parquet (Snappy-compressed, one row group) with the ACLED CSV's rows and columns, typed ([`COLUMNS`]):
/// dates as Date32, counts and codes as Int32/Int64, coordinates as Float64 (rounded as in the CSV),
/// `sitrep_fatalities_known` Boolean, the rest UTF-8; a value the store does not know is null. Needs `Send`
/// because the Arrow writer does; buffer in a `Vec<u8>` otherwise.
pub fn parquet<W: Write + Send>(clusters: &[ClusterView], w: W) -> Result<()> {
    use parquet::arrow::ArrowWriter;
    use parquet::basic::Compression;
    use parquet::file::properties::WriterProperties;
    let e = |e: parquet::errors::ParquetError| StoreError(format!("writing Parquet: {e}"));
    let batch = acled_record_batch(clusters)?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer = ArrowWriter::try_new(w, batch.schema(), Some(props)).map_err(e)?;
    writer.write(&batch).map_err(e)?;
    writer.close().map_err(e)?;
    Ok(())
}

/// One cluster a line, with its events and claims.
pub fn jsonl<W: Write>(clusters: &[ClusterView], mut w: W) -> Result<()> {
    for c in clusters {
        serde_json::to_writer(&mut w, c).map_err(|e| StoreError(format!("writing JSONL: {e}")))?;
        writeln!(w)?;
    }
    Ok(())
}
