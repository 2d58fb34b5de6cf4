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

/// The filter parameters (`sitrep_store::filter::PARAMS`, checked by `Filter::parse`), then the page's.
pub const EVENT_PARAMS: [ParamSpec; 15] = [
    ParamSpec {
        name: "place",
        schema: text,
        description: "the cluster's place or one of its events' places contains it (case-insensitive)",
    },
    ParamSpec {
        name: "country",
        schema: text,
        description: "the cluster's country (for a point at sea, the nearest coast's): an ISO 3166 alpha-2 or alpha-3 code or an English name, e.g. UA, UKR, Ukraine",
    },
    ParamSpec {
        name: "near",
        schema: || serde_json::json!({"type": "string", "pattern": "^-?[0-9.]+, ?-?[0-9.]+$"}),
        description: "LAT,LON: the cluster point is within `radius` km of it",
    },
    ParamSpec {
        name: "radius",
        schema: || serde_json::json!({"type": "number", "exclusiveMinimum": 0, "maximum": 20038, "default": 25}),
        description: "km around `near` (only with `near`)",
    },
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

/// A `YYYY-MM-DD` parameter, checked as the filters' dates are (`sitrep_store::filter::parse_date`).
pub fn parse_date(name: &str, v: &str) -> Result<chrono::NaiveDate, ApiError> {
    sitrep_store::filter::parse_date(v).map_err(|why| ApiError::bad(format!("{name}={v:?} {why}")))
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

    /// The value of a parameter as given.
    pub fn raw(&self, name: &str) -> Option<String> {
        self.0.get(name).cloned()
    }

    /// A text filter; an empty value filters nothing (everything contains the empty text).
    pub fn text(&self, name: &str) -> Option<String> {
        self.0
            .get(name)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
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
