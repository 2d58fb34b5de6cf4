//! Exports of the clusters: ACLED-compatible CSV, GeoJSON, JSONL, Parquet.
use crate::cluster::ClusterView;
use crate::{Result, StoreError};
use std::io::Write;

/// ACLED's columns, then sitrep's claim columns.
pub const ACLED_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    "sitrep_cluster_id",
    "sitrep_verification",
    "sitrep_independent_sources",
    "sitrep_reports",
    "sitrep_outlets",
    "sitrep_claimants",
    "sitrep_stances",
    "sitrep_fatalities_max",
    "sitrep_date_last",
];

/// (ISO 3166 alpha-2, ISO numeric, name, ACLED region) for the countries the conflict news names most.
const COUNTRIES: &[(&str, u16, &str, &str)] = &[
    ("UA", 804, "Ukraine", "Europe"),
    ("RU", 643, "Russia", "Europe"),
    ("BY", 112, "Belarus", "Europe"),
    ("PL", 616, "Poland", "Europe"),
    ("MD", 498, "Moldova", "Europe"),
    ("GE", 268, "Georgia", "Caucasus and Central Asia"),
    ("IL", 376, "Israel", "Middle East"),
    ("PS", 275, "Palestine", "Middle East"),
    ("LB", 422, "Lebanon", "Middle East"),
    ("SY", 760, "Syria", "Middle East"),
    ("IQ", 368, "Iraq", "Middle East"),
    ("IR", 364, "Iran", "Middle East"),
    ("YE", 887, "Yemen", "Middle East"),
    ("AF", 4, "Afghanistan", "South Asia"),
    ("PK", 586, "Pakistan", "South Asia"),
    ("IN", 356, "India", "South Asia"),
    ("SD", 729, "Sudan", "Northern Africa"),
    ("LY", 434, "Libya", "Northern Africa"),
    ("ML", 466, "Mali", "Western Africa"),
    ("NG", 566, "Nigeria", "Western Africa"),
    ("SO", 706, "Somalia", "Eastern Africa"),
    ("ET", 231, "Ethiopia", "Eastern Africa"),
    ("CD", 180, "Democratic Republic of Congo", "Middle Africa"),
    ("MM", 104, "Myanmar", "Southeast Asia"),
    ("US", 840, "United States", "North America"),
    ("GB", 826, "United Kingdom", "Europe"),
    ("FR", 250, "France", "Europe"),
    ("DE", 276, "Germany", "Europe"),
    ("CN", 156, "China", "East Asia"),
    ("MX", 484, "Mexico", "Central America"),
    ("CO", 170, "Colombia", "South America"),
];

fn disorder_type(event_type: &str) -> &'static str {
    match event_type {
        "Protests" | "Riots" => "Demonstrations",
        "Strategic developments" => "Strategic developments",
        _ => "Political violence",
    }
}

fn s<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

/// One ACLED row for a cluster.
pub fn acled_row(c: &ClusterView) -> Vec<String> {
    let first = c.events.first();
    let country = c
        .summary
        .country
        .as_deref()
        .and_then(|cc| COUNTRIES.iter().find(|x| x.0 == cc));
    let date = c.summary.date_min.clone().unwrap_or_default();
    let year = date.get(..4).unwrap_or("").to_string();
    let assoc = |pick: fn(&crate::cluster::EventView) -> &Option<String>, main: &str| {
        let mut v: Vec<String> = c
            .events
            .iter()
            .filter_map(|e| pick(e).clone())
            .filter(|a| a != main)
            .collect();
        v.sort();
        v.dedup();
        v.join("; ")
    };
    let actor1 = first
        .and_then(|e| e.event.actor1.clone())
        .unwrap_or_default();
    let actor2 = first
        .and_then(|e| e.event.actor2.clone())
        .unwrap_or_default();
    let notes = c
        .events
        .iter()
        .map(|e| e.notes.as_str())
        .find(|n| !n.is_empty())
        .unwrap_or("");
    let mut stances: Vec<String> = c
        .events
        .iter()
        .flat_map(|e| {
            e.claims.iter().map(|k| {
                format!(
                    "{}: {}",
                    k.claim
                        .source
                        .as_deref()
                        .or(k.claim.outlet.as_deref())
                        .unwrap_or("?"),
                    k.claim.stance
                )
            })
        })
        .collect();
    stances.sort();
    stances.dedup();
    vec![
        c.id.clone(),
        date,
        year,
        s(&c.summary.time_precision),
        disorder_type(&c.event_type).into(),
        c.event_type.clone(),
        c.sub_event_type.clone(),
        actor1.clone(),
        assoc(|e| &e.event.actor1, &actor1),
        String::new(),
        actor2.clone(),
        assoc(|e| &e.event.actor2, &actor2),
        String::new(),
        String::new(),
        if c.event_type == "Violence against civilians" {
            "Civilian targeting".into()
        } else {
            String::new()
        },
        country.map(|x| x.1.to_string()).unwrap_or_default(),
        country.map(|x| x.3.to_string()).unwrap_or_default(),
        country
            .map(|x| x.2.to_string())
            .or_else(|| c.summary.country.clone())
            .unwrap_or_default(),
        s(&c.summary.admin1),
        String::new(),
        String::new(),
        s(&c.place),
        c.summary.lat.map(|v| format!("{v:.4}")).unwrap_or_default(),
        c.summary.lon.map(|v| format!("{v:.4}")).unwrap_or_default(),
        s(&c.summary.geo_precision),
        c.outlets.join("; "),
        String::new(),
        notes.to_string(),
        // ACLED records the most conservative figure
        c.summary.fatalities_min.unwrap_or(0).to_string(),
        String::new(),
        String::new(),
        c.id.clone(),
        c.summary.verification.clone(),
        c.summary.independent_sources.to_string(),
        c.summary.reports.to_string(),
        c.outlets.join("; "),
        c.claimants.join("; "),
        stances.join("; "),
        s(&c.summary.fatalities_max),
        s(&c.summary.date_max),
    ]
}

pub fn acled_csv<W: Write>(clusters: &[ClusterView], w: W) -> Result<()> {
    let mut out = csv::Writer::from_writer(w);
    let e = |e: csv::Error| StoreError(format!("writing CSV: {e}"));
    out.write_record(ACLED_COLUMNS).map_err(e)?;
    for c in clusters {
        out.write_record(acled_row(c)).map_err(e)?;
    }
    out.flush()?;
    Ok(())
}

/// A FeatureCollection of the located clusters (points, WGS84 lon/lat), ACLED columns as properties.
pub fn geojson<W: Write>(clusters: &[ClusterView], mut w: W) -> Result<()> {
    use geojson::{Feature, FeatureCollection, Geometry, JsonObject, JsonValue};
    let mut features = Vec::new();
    for c in clusters {
        let (Some(lat), Some(lon)) = (c.summary.lat, c.summary.lon) else {
            continue;
        };
        let mut props = JsonObject::new();
        for (k, v) in ACLED_COLUMNS.iter().zip(acled_row(c)) {
            let val = match *k {
                "latitude" | "longitude" => continue,
                "year"
                | "time_precision"
                | "geo_precision"
                | "fatalities"
                | "sitrep_independent_sources"
                | "sitrep_reports"
                | "sitrep_fatalities_max"
                | "iso" => v
                    .parse::<i64>()
                    .map(JsonValue::from)
                    .unwrap_or(JsonValue::Null),
                _ => JsonValue::from(v),
            };
            props.insert(k.to_string(), val);
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

/// The Arrow type of an ACLED column in the Parquet export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    Utf8,
    /// Days since 1970-01-01 (the CSV's YYYY-MM-DD).
    Date32,
    Int32,
    Int64,
    Float64,
}

/// The Parquet type of each of [`ACLED_COLUMNS`]: numbers and dates typed, the rest strings.
pub fn acled_column_type(name: &str) -> ColumnType {
    match name {
        "event_date" | "sitrep_date_last" => ColumnType::Date32,
        "year" | "time_precision" | "iso" | "geo_precision" => ColumnType::Int32,
        "fatalities"
        | "timestamp"
        | "sitrep_independent_sources"
        | "sitrep_reports"
        | "sitrep_fatalities_max" => ColumnType::Int64,
        "latitude" | "longitude" => ColumnType::Float64,
        _ => ColumnType::Utf8,
    }
}

/// The columns the CSV never leaves empty (non-nullable in Parquet); every other column is nullable and an
/// empty CSV field is a null.
const PARQUET_REQUIRED: &[&str] = &[
    "event_id_cnty",
    "disorder_type",
    "event_type",
    "fatalities",
    "sitrep_cluster_id",
    "sitrep_verification",
    "sitrep_independent_sources",
    "sitrep_reports",
];

/// The Arrow schema of the Parquet export: [`ACLED_COLUMNS`] in order.
pub fn acled_arrow_schema() -> arrow_schema::Schema {
    use arrow_schema::{DataType, Field};
    let fields: Vec<Field> = ACLED_COLUMNS
        .iter()
        .map(|&name| {
            let t = match acled_column_type(name) {
                ColumnType::Utf8 => DataType::Utf8,
                ColumnType::Date32 => DataType::Date32,
                ColumnType::Int32 => DataType::Int32,
                ColumnType::Int64 => DataType::Int64,
                ColumnType::Float64 => DataType::Float64,
            };
            Field::new(name, t, !PARQUET_REQUIRED.contains(&name))
        })
        .collect();
    arrow_schema::Schema::new(fields)
}

/// Parses the non-empty cells of a column; an empty cell is a null.
fn parse_all<'a, T: std::str::FromStr>(
    cells: impl Iterator<Item = Option<&'a str>>,
    bad: impl Fn(&str) -> StoreError,
) -> Result<Vec<Option<T>>> {
    cells
        .map(|c| c.map(|v| v.parse::<T>().map_err(|_| bad(v))).transpose())
        .collect()
}

/// The clusters as one Arrow record batch with the ACLED CSV's rows and columns ([`acled_row`]), typed.
pub fn acled_record_batch(clusters: &[ClusterView]) -> Result<arrow_array::RecordBatch> {
    use arrow_array::{
        ArrayRef, Date32Array, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
    };
    use std::sync::Arc;
    let rows: Vec<Vec<String>> = clusters.iter().map(acled_row).collect();
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(ACLED_COLUMNS.len());
    for (i, &name) in ACLED_COLUMNS.iter().enumerate() {
        let cells = rows.iter().map(|r| {
            let v = r[i].as_str();
            (!v.is_empty()).then_some(v)
        });
        let bad = |v: &str| StoreError(format!("Parquet export: column {name}: cannot read '{v}'"));
        let col: ArrayRef = match acled_column_type(name) {
            ColumnType::Utf8 => Arc::new(StringArray::from(cells.collect::<Vec<_>>())),
            ColumnType::Date32 => {
                let mut v = Vec::with_capacity(rows.len());
                for c in cells {
                    v.push(match c {
                        None => None,
                        Some(d) => Some(
                            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                                .map_err(|_| bad(d))?
                                .signed_duration_since(epoch)
                                .num_days() as i32,
                        ),
                    });
                }
                Arc::new(Date32Array::from(v))
            }
            ColumnType::Int32 => Arc::new(Int32Array::from(parse_all::<i32>(cells, bad)?)),
            ColumnType::Int64 => Arc::new(Int64Array::from(parse_all::<i64>(cells, bad)?)),
            ColumnType::Float64 => Arc::new(Float64Array::from(parse_all::<f64>(cells, bad)?)),
        };
        columns.push(col);
    }
    RecordBatch::try_new(Arc::new(acled_arrow_schema()), columns)
        .map_err(|e| StoreError(format!("Parquet export: {e}")))
}

/// Parquet (Snappy-compressed, one row group) with the ACLED CSV's rows and columns, typed: dates as Date32,
/// counts and codes as Int32/Int64, coordinates as Float64 (rounded as in the CSV), the rest UTF-8; a field the
/// CSV leaves empty is null. Needs `Send` because the Arrow writer does; buffer in a `Vec<u8>` otherwise.
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
