//! Query parameters: only the known names, each at most once, each checked with a message that says
//! what is accepted. The tables here also feed the OpenAPI document.

use crate::ApiError;
use std::collections::HashMap;

/// A query parameter: name, OpenAPI schema, description.
pub struct ParamSpec {
    pub name: &'static str,
    pub schema: fn() -> serde_json::Value,
    pub description: &'static str,
}

fn text() -> serde_json::Value {
    serde_json::json!({"type": "string"})
}
fn date() -> serde_json::Value {
    serde_json::json!({"type": "string", "format": "date"})
}

pub const EVENT_PARAMS: [ParamSpec; 11] = [
    ParamSpec {
        name: "bbox",
        schema: || serde_json::json!({"type": "string", "pattern": "^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$"}),
        description: "min_lon,min_lat,max_lon,max_lat: the cluster point is inside (inclusive); lat in [-90,90], lon in [-180,180], min ≤ max",
    },
    ParamSpec {
        name: "from",
        schema: date,
        description: "YYYY-MM-DD: the cluster's date range overlaps [from, to]; from ≤ to",
    },
    ParamSpec {
        name: "to",
        schema: date,
        description: "YYYY-MM-DD: the cluster's date range overlaps [from, to]; from ≤ to",
    },
    ParamSpec {
        name: "type",
        schema: text,
        description: "the event type or sub-event type contains it (case-insensitive)",
    },
    ParamSpec {
        name: "actor",
        schema: text,
        description: "an event's actor1 or actor2 contains it (case-insensitive)",
    },
    ParamSpec {
        name: "source",
        schema: text,
        description: "an outlet or a claimant contains it (case-insensitive)",
    },
    ParamSpec {
        name: "side",
        schema: text,
        description: "an actor's side or a claimant's side equals it (case-insensitive), e.g. Ukraine, Russia",
    },
    ParamSpec {
        name: "verification",
        schema: || serde_json::json!({"type": "string", "enum": ["single-source", "corroborated", "disputed", "unconfirmed"]}),
        description: "the cluster's verification, exactly",
    },
    ParamSpec {
        name: "limit",
        schema: || serde_json::json!({"type": "integer", "minimum": 1, "maximum": 10000, "default": 500}),
        description: "page size",
    },
    ParamSpec {
        name: "offset",
        schema: || serde_json::json!({"type": "integer", "minimum": 0, "default": 0}),
        description: "page start",
    },
    ParamSpec {
        name: "view",
        schema: || serde_json::json!({"type": "string", "enum": ["full", "points"], "default": "full"}),
        description: "`points` returns compact rows [id, lat, lon, verification, side, date_min, event_type] of located clusters",
    },
];

pub const SEARCH_PARAMS: [ParamSpec; 2] = [
    ParamSpec {
        name: "q",
        schema: || serde_json::json!({"type": "string", "minLength": 1}),
        description: "words that must all occur in the document's text, title or outlet (required)",
    },
    ParamSpec {
        name: "limit",
        schema: || serde_json::json!({"type": "integer", "minimum": 1, "maximum": 100, "default": 20}),
        description: "most hits returned",
    },
];

/// The parameters of one request, checked against the accepted names.
pub struct Params(HashMap<String, String>);

pub fn parse_date(name: &str, v: &str) -> Result<chrono::NaiveDate, ApiError> {
    let ok = v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-';
    ok.then(|| chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| {
            ApiError::bad(format!(
                "{name}={v:?} is not a date: give YYYY-MM-DD, e.g. 2024-03-05"
            ))
        })
}

impl Params {
    pub fn parse(raw: Option<&str>, accepted: &[ParamSpec]) -> Result<Params, ApiError> {
        let names: Vec<&str> = accepted.iter().map(|p| p.name).collect();
        let mut map = HashMap::new();
        let mut unknown: Vec<String> = Vec::new();
        for (k, v) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            if !names.contains(&k.as_ref()) {
                if !unknown.contains(&k.to_string()) {
                    unknown.push(k.into_owned());
                }
                continue;
            }
            if map.insert(k.to_string(), v.into_owned()).is_some() {
                return Err(ApiError::bad(format!(
                    "query parameter `{k}` is given more than once: give it once"
                )));
            }
        }
        if !unknown.is_empty() {
            let accepted = if names.is_empty() {
                "this endpoint takes no query parameters".to_string()
            } else {
                format!("accepted are {}", names.join(", "))
            };
            return Err(ApiError::bad(format!(
                "unknown query parameter{} {}: {accepted}",
                if unknown.len() > 1 { "s" } else { "" },
                unknown.join(", ")
            )));
        }
        Ok(Params(map))
    }

    /// A text filter; an empty value filters nothing (everything contains the empty text).
    pub fn text(&self, name: &str) -> Option<String> {
        self.0
            .get(name)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    }

    pub fn bbox(&self, name: &str) -> Result<Option<[f64; 4]>, ApiError> {
        let Some(v) = self.0.get(name) else {
            return Ok(None);
        };
        let bad = |why: &str| {
            ApiError::bad(format!(
                "{name}={v:?} {why}: give min_lon,min_lat,max_lon,max_lat with lon in [-180,180], lat in [-90,90], min ≤ max, e.g. 36.5,48.0,39.0,50.5"
            ))
        };
        let nums: Vec<f64> = v
            .split(',')
            .map(|x| x.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad("is not four numbers"))?;
        let [x0, y0, x1, y1] =
            <[f64; 4]>::try_from(nums).map_err(|_| bad("is not four numbers"))?;
        if ![x0, y0, x1, y1].iter().all(|x| x.is_finite()) {
            return Err(bad("is not four numbers"));
        }
        if !(-180.0..=180.0).contains(&x0) || !(-180.0..=180.0).contains(&x1) {
            return Err(bad("has a longitude outside [-180,180]"));
        }
        if !(-90.0..=90.0).contains(&y0) || !(-90.0..=90.0).contains(&y1) {
            return Err(bad("has a latitude outside [-90,90]"));
        }
        if x0 > x1 || y0 > y1 {
            return Err(bad("has a minimum above its maximum"));
        }
        Ok(Some([x0, y0, x1, y1]))
    }

    pub fn date(&self, name: &str) -> Result<Option<chrono::NaiveDate>, ApiError> {
        self.0.get(name).map(|v| parse_date(name, v)).transpose()
    }

    pub fn int(&self, name: &str, min: i64, max: i64) -> Result<Option<i64>, ApiError> {
        let Some(v) = self.0.get(name) else {
            return Ok(None);
        };
        let range = if max == i64::MAX {
            format!("an integer ≥ {min}")
        } else {
            format!("an integer from {min} to {max}")
        };
        match v.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(ApiError::bad(format!("{name}={v:?} is not {range}"))),
        }
    }

    pub fn one_of(&self, name: &str, values: &[&str]) -> Result<Option<String>, ApiError> {
        let Some(v) = self.0.get(name) else {
            return Ok(None);
        };
        if values.contains(&v.as_str()) {
            Ok(Some(v.clone()))
        } else {
            Err(ApiError::bad(format!(
                "{name}={v:?} is not accepted: give one of {}",
                values.join(", ")
            )))
        }
    }
}
