//! The one filter of the clusters that `sitrep query`, `sitrep export` and the HTTP API take: parsed and
//! checked once here (the same checks and messages everywhere, only the way a parameter is written differs:
//! `--from` on the command line, `from=` in a URL), and turned into one SQL condition on the clusters table.

use rusqlite::types::Value;
use sitrep_ledger::Verification;

/// The filter parameters, by the name both the command line (`--name`) and the API (`name=`) use.
pub const PARAMS: [&str; 12] = [
    "place",
    "country",
    "bbox",
    "near",
    "radius",
    "from",
    "to",
    "type",
    "actor",
    "source",
    "side",
    "verification",
];

/// The radius around `near` when none is given, in km.
pub const DEFAULT_RADIUS_KM: f64 = 25.0;

/// Which clusters to keep; every condition given must hold. Text conditions are plain text (no wildcards),
/// matched case-insensitively (ASCII).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// The cluster's place or one of its events' places contains it.
    pub place: Option<String>,
    /// ISO alpha-2 code of the cluster's country (for a point at sea, the nearest coast's).
    pub country: Option<String>,
    /// min_lon, min_lat, max_lon, max_lat (inclusive).
    pub bbox: Option<[f64; 4]>,
    /// lat, lon, radius km: the cluster's point is within the radius.
    pub near: Option<(f64, f64, f64)>,
    /// The cluster's date range overlaps [from, to].
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    /// The event type or sub-event type contains it.
    pub event_type: Option<String>,
    /// An event's actor1 or actor2 contains it.
    pub actor: Option<String>,
    /// An outlet or a claimant contains it.
    pub source: Option<String>,
    /// An actor's side or a claimant's side equals it.
    pub side: Option<String>,
    pub verification: Option<Verification>,
    /// Only clusters with coordinates.
    pub located: bool,
}

/// How a parameter is written in messages: `--from` or `from=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Cli,
    Api,
}

impl Style {
    /// The parameter as this interface writes it, without a value: `--radius`, `radius`.
    pub fn name(self, param: &str) -> String {
        match self {
            Style::Cli => format!("--{param}"),
            Style::Api => param.to_string(),
        }
    }

    /// The parameter with its value: `--from "2023-02-30"`, `from="2023-02-30"`.
    fn with_value(self, param: &str, value: &str) -> String {
        match self {
            Style::Cli => format!("--{param} {value:?}"),
            Style::Api => format!("{param}={value:?}"),
        }
    }
}

/// A filter parameter that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterError {
    /// The parameter at fault (one of [`PARAMS`]).
    pub param: &'static str,
    /// The whole message, naming the parameter and saying what is accepted.
    pub message: String,
}

impl std::fmt::Display for FilterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for FilterError {}

/// The checks of one parameter's value: `Err(why)` completes "PARAM=VALUE ...".
type Check<T> = std::result::Result<T, String>;

const BBOX_HELP: &str = "give min_lon,min_lat,max_lon,max_lat with lon in [-180,180], lat in [-90,90], min ≤ max, e.g. 36.5,48.0,39.0,50.5";

fn numbers(v: &str) -> Option<Vec<f64>> {
    let n: Vec<f64> = v
        .split(',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<std::result::Result<_, _>>()
        .ok()?;
    n.iter().all(|x| x.is_finite()).then_some(n)
}

pub fn parse_bbox(v: &str) -> Check<[f64; 4]> {
    let [x0, y0, x1, y1] = numbers(v)
        .and_then(|n| <[f64; 4]>::try_from(n).ok())
        .ok_or_else(|| format!("is not four numbers: {BBOX_HELP}"))?;
    if !(-180.0..=180.0).contains(&x0) || !(-180.0..=180.0).contains(&x1) {
        return Err(format!("has a longitude outside [-180,180]: {BBOX_HELP}"));
    }
    if !(-90.0..=90.0).contains(&y0) || !(-90.0..=90.0).contains(&y1) {
        return Err(format!("has a latitude outside [-90,90]: {BBOX_HELP}"));
    }
    if y0 > y1 {
        return Err(format!(
            "has a minimum above its maximum (south {y0} is north of north {y1}): {BBOX_HELP}"
        ));
    }
    if x0 > x1 {
        return Err(format!(
            "has a minimum above its maximum (west {x0} is east of east {x1}): {BBOX_HELP}"
        ));
    }
    Ok([x0, y0, x1, y1])
}

pub fn parse_date(v: &str) -> Check<chrono::NaiveDate> {
    let b = v.as_bytes();
    let shaped = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    shaped
        .then(|| chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| "is not a date: give YYYY-MM-DD, e.g. 2024-03-05".to_string())
}

pub fn parse_point(v: &str) -> Check<(f64, f64)> {
    let help = "give LAT,LON with lat in [-90,90] and lon in [-180,180], e.g. 48.59,38.0";
    match numbers(v).as_deref() {
        Some(&[lat, lon]) if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) => {
            Ok((lat, lon))
        }
        Some(&[_, _]) => Err(format!("is outside the globe: {help}")),
        _ => Err(format!("is not LAT,LON: {help}")),
    }
}

/// Half the Earth's circumference, km: no point is farther.
const MAX_RADIUS_KM: f64 = 20_038.0;

pub fn parse_radius(v: &str) -> Check<f64> {
    match v.trim().parse::<f64>() {
        Ok(r) if r > 0.0 && r <= MAX_RADIUS_KM => Ok(r),
        _ => Err(format!(
            "is not a distance: give kilometres above 0 and at most {MAX_RADIUS_KM}, e.g. 25"
        )),
    }
}

pub fn parse_verification(v: &str) -> Check<Verification> {
    v.parse().map_err(|_| {
        format!(
            "is not accepted: give one of {}",
            crate::api::VERIFICATIONS.join(", ")
        )
    })
}

pub fn parse_country(v: &str) -> Check<String> {
    crate::geography::find_country(v)
        .map(|c| c.iso2.clone())
        .ok_or_else(|| {
            "is not a country: give an ISO 3166 code (UA, UKR) or an English name (Ukraine)".into()
        })
}

/// A text condition; an empty one filters nothing (everything contains the empty text).
fn text(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl Filter {
    /// The filter of the parameters `get` gives (by the names of [`PARAMS`]), every value checked, and the
    /// parameters checked against each other (`from` ≤ `to`, `radius` only with `near`). A message names the
    /// parameter as `style` writes it.
    pub fn parse(
        get: impl Fn(&str) -> Option<String>,
        style: Style,
    ) -> std::result::Result<Filter, FilterError> {
        fn one<T>(
            get: &impl Fn(&str) -> Option<String>,
            style: Style,
            param: &'static str,
            check: fn(&str) -> Check<T>,
        ) -> std::result::Result<Option<T>, FilterError> {
            get(param)
                .map(|v| {
                    check(&v).map_err(|why| FilterError {
                        param,
                        message: format!("{} {why}", style.with_value(param, &v)),
                    })
                })
                .transpose()
        }
        let from = one(&get, style, "from", parse_date)?;
        let to = one(&get, style, "to", parse_date)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                let (nf, nt) = (style.name("from"), style.name("to"));
                return Err(FilterError {
                    param: "from",
                    message: format!("{nf} ({f}) is after {nt} ({t}): give {nf} ≤ {nt}"),
                });
            }
        }
        let near = one(&get, style, "near", parse_point)?;
        let radius = one(&get, style, "radius", parse_radius)?;
        if radius.is_some() && near.is_none() {
            return Err(FilterError {
                param: "radius",
                message: format!(
                    "{} needs {}: give the point the radius is around",
                    style.name("radius"),
                    style.with_value("near", "LAT,LON")
                ),
            });
        }
        Ok(Filter {
            place: text(get("place")),
            country: one(&get, style, "country", parse_country)?,
            bbox: one(&get, style, "bbox", parse_bbox)?,
            near: near.map(|(a, b)| (a, b, radius.unwrap_or(DEFAULT_RADIUS_KM))),
            from,
            to,
            event_type: text(get("type")),
            actor: text(get("actor")),
            source: text(get("source")),
            side: text(get("side")),
            verification: one(&get, style, "verification", parse_verification)?,
            located: false,
        })
    }
}

/// `%text%` for LIKE, with the wildcards of the text escaped (ESCAPE '\').
fn like(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('%');
    s
}

/// Degrees of latitude in a km (the box around `near` that the R*Tree prefilters with).
const DEG_PER_KM: f64 = 1.0 / 111.0;

/// The box (min_lon, min_lat, max_lon, max_lat) that holds every point within `r` km of (lat, lon).
fn near_box(lat: f64, lon: f64, r: f64) -> [f64; 4] {
    let dlat = r * DEG_PER_KM;
    let cos = lat.to_radians().cos().abs();
    let dlon = if cos < 1e-6 || lat.abs() + dlat >= 90.0 {
        180.0
    } else {
        (r * DEG_PER_KM / cos).min(180.0)
    };
    [lon - dlon, lat - dlat, lon + dlon, lat + dlat]
}

impl Filter {
    /// The WHERE clause (without the keyword) on the clusters table `c`, and its parameters. Distances use
    /// the SQL function `sitrep_km` that the store registers on its connections.
    pub(crate) fn where_clause(&self) -> (String, Vec<Value>) {
        let mut w: Vec<String> = Vec::new();
        let mut p: Vec<Value> = Vec::new();
        let arg = |p: &mut Vec<Value>, v: Value| -> String {
            p.push(v);
            format!("?{}", p.len())
        };
        if let Some([x0, y0, x1, y1]) = self.bbox {
            let (a, b, c, d) = (
                arg(&mut p, Value::Real(y0)),
                arg(&mut p, Value::Real(y1)),
                arg(&mut p, Value::Real(x0)),
                arg(&mut p, Value::Real(x1)),
            );
            w.push(format!(
                "c.lat BETWEEN {a} AND {b} AND c.lon BETWEEN {c} AND {d}"
            ));
        } else if self.located || self.near.is_some() {
            w.push("c.lat IS NOT NULL AND c.lon IS NOT NULL".into());
        }
        if let Some((lat, lon, r)) = self.near {
            let (a, b, c) = (
                arg(&mut p, Value::Real(lat)),
                arg(&mut p, Value::Real(lon)),
                arg(&mut p, Value::Real(r)),
            );
            w.push(format!("sitrep_km(c.lat, c.lon, {a}, {b}) <= {c}"));
        }
        if let Some(t) = &self.place {
            let a = arg(&mut p, Value::Text(like(t)));
            w.push(format!(
                "(c.place LIKE {a} ESCAPE '\\' OR c.id IN (SELECT cluster FROM events WHERE place LIKE {a} ESCAPE '\\'))"
            ));
        }
        if let Some(cc) = &self.country {
            let a = arg(&mut p, Value::Text(cc.clone()));
            w.push(format!("upper(c.country) = {a}"));
        }
        if let Some(f) = self.from {
            let a = arg(&mut p, Value::Text(f.format("%Y-%m-%d").to_string()));
            w.push(format!("c.date_max >= {a}"));
        }
        if let Some(t) = self.to {
            // dates may carry more than the day: anything before the next day starts
            let next = t.succ_opt().unwrap_or(t);
            let a = arg(&mut p, Value::Text(next.format("%Y-%m-%d").to_string()));
            w.push(format!("c.date_min < {a}"));
        }
        if let Some(t) = &self.event_type {
            let a = arg(&mut p, Value::Text(like(t)));
            w.push(format!(
                "(c.event_type LIKE {a} ESCAPE '\\' OR c.sub_event_type LIKE {a} ESCAPE '\\')"
            ));
        }
        if let Some(t) = &self.actor {
            let a = arg(&mut p, Value::Text(like(t)));
            w.push(format!(
                "c.id IN (SELECT cluster FROM events WHERE actor1 LIKE {a} ESCAPE '\\' OR actor2 LIKE {a} ESCAPE '\\')"
            ));
        }
        if let Some(t) = &self.source {
            let a = arg(&mut p, Value::Text(like(t)));
            w.push(format!(
                "(EXISTS (SELECT 1 FROM json_each(c.outlets) WHERE value LIKE {a} ESCAPE '\\') \
                  OR EXISTS (SELECT 1 FROM json_each(c.claimants) WHERE value LIKE {a} ESCAPE '\\'))"
            ));
        }
        if let Some(t) = &self.side {
            let a = arg(&mut p, Value::Text(t.to_lowercase()));
            w.push(format!(
                "c.id IN (SELECT cluster FROM events WHERE lower(side1) = {a} OR lower(side2) = {a} \
                  UNION SELECT e.cluster FROM claims k JOIN events e ON e.id = k.event WHERE lower(k.source_side) = {a})"
            ));
        }
        if let Some(v) = &self.verification {
            let a = arg(&mut p, Value::Text(v.as_str().to_string()));
            w.push(format!("c.verification = {a}"));
        }
        // the R*Tree prefilter (migrations 4, 5): only the boxes that can hold a match are read
        let mut rt: Vec<String> = Vec::new();
        for [x0, y0, x1, y1] in self
            .bbox
            .into_iter()
            .chain(self.near.map(|(a, b, r)| near_box(a, b, r)))
        {
            let (a, b, c, d) = (
                arg(&mut p, Value::Real(x0)),
                arg(&mut p, Value::Real(x1)),
                arg(&mut p, Value::Real(y0)),
                arg(&mut p, Value::Real(y1)),
            );
            rt.push(format!(
                "max_lon >= {a} AND min_lon <= {b} AND max_lat >= {c} AND min_lat <= {d}"
            ));
        }
        if let Some(f) = self.from {
            let a = arg(&mut p, Value::Text(f.format("%Y-%m-%d").to_string()));
            rt.push(format!("max_day >= julianday({a})"));
        }
        if let Some(t) = self.to {
            let a = arg(&mut p, Value::Text(t.format("%Y-%m-%d").to_string()));
            rt.push(format!("min_day <= julianday({a}) + 1"));
        }
        if !rt.is_empty() {
            w.insert(
                0,
                format!(
                    "c.seq IN (SELECT id FROM clusters_rt WHERE {})",
                    rt.join(" AND ")
                ),
            );
        }
        if w.is_empty() {
            ("1".into(), p)
        } else {
            (w.join(" AND "), p)
        }
    }
}

/// Registers `sitrep_km(lat1, lon1, lat2, lon2)` (great-circle km; NULL when a coordinate is) on a connection.
pub(crate) fn register_functions(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "sitrep_km",
        4,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let v: Vec<Option<f64>> = (0..4)
                .map(|i| ctx.get::<Option<f64>>(i))
                .collect::<rusqlite::Result<_>>()?;
            Ok(match v[..] {
                [Some(a), Some(b), Some(c), Some(d)] => {
                    Some(sitrep_geo::haversine_km((a, b), (c, d)))
                }
                _ => None,
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)], style: Style) -> std::result::Result<Filter, FilterError> {
        let m: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Filter::parse(|k| m.get(k).cloned(), style)
    }

    fn err(pairs: &[(&str, &str)]) -> String {
        parse(pairs, Style::Cli).unwrap_err().message
    }

    #[test]
    fn bad_values_are_refused_naming_the_parameter() {
        assert!(err(&[("verification", "bogus")])
            .starts_with("--verification \"bogus\" is not accepted"));
        let e = err(&[("bbox", "40,50,30,45")]);
        assert!(
            e.contains("--bbox") && e.contains("south 50 is north of north 45"),
            "{e}"
        );
        assert!(err(&[("from", "2023-02-30")]).contains("--from \"2023-02-30\" is not a date"));
        assert!(err(&[("radius", "10")]).contains("--radius needs --near"));
        assert!(
            err(&[("near", "48,38"), ("radius", "0")]).contains("--radius \"0\" is not a distance")
        );
        assert!(err(&[("near", "91,38")]).contains("outside the globe"));
        assert!(err(&[("country", "Atlantis")]).contains("--country \"Atlantis\" is not a country"));
        let e = err(&[("from", "2024-03-06"), ("to", "2024-03-05")]);
        assert!(
            e.contains("--from (2024-03-06) is after --to (2024-03-05)"),
            "{e}"
        );
    }

    #[test]
    fn the_api_writes_the_same_message_with_its_parameter_names() {
        let e = parse(&[("verification", "bogus")], Style::Api).unwrap_err();
        assert_eq!(e.param, "verification");
        assert!(
            e.message
                .starts_with("verification=\"bogus\" is not accepted"),
            "{}",
            e.message
        );
        let cli = err(&[("verification", "bogus")]);
        assert_eq!(
            cli.strip_prefix("--verification \"bogus\""),
            e.message.strip_prefix("verification=\"bogus\"")
        );
    }

    #[test]
    fn good_values_make_the_filter() {
        let f = parse(
            &[
                ("country", "ukr"),
                ("near", "48.6, 38.0"),
                ("from", "2024-03-01"),
                ("verification", "disputed"),
                ("type", "  "),
            ],
            Style::Api,
        )
        .unwrap();
        assert_eq!(f.country.as_deref(), Some("UA"));
        assert_eq!(f.near, Some((48.6, 38.0, DEFAULT_RADIUS_KM)));
        assert_eq!(f.verification, Some(Verification::Disputed));
        assert_eq!(f.event_type, None);
    }

    #[test]
    fn like_escapes_wildcards() {
        assert_eq!(like("a%b_c\\"), "%a\\%b\\_c\\\\%");
    }

    #[test]
    fn the_box_around_a_point_holds_the_radius() {
        let [x0, y0, x1, y1] = near_box(48.0, 38.0, 100.0);
        for b in [0.0, 90.0, 180.0, 270.0] {
            let (a, o) = sitrep_geo::destination((48.0, 38.0), 99.0, b);
            assert!(o >= x0 && o <= x1 && a >= y0 && a <= y1, "{b}");
        }
    }
}
