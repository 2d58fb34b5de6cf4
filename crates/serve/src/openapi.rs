//! The OpenAPI 3.1 description of the API (`GET /api/openapi.json`). Query parameters come from the
//! same tables the handlers check them against (`params.rs`), so the two cannot drift apart.

use crate::params::{ParamSpec, EVENT_PARAMS, SEARCH_PARAMS};
use serde_json::{json, Value};

fn query_params(specs: &[ParamSpec], required: &[&str]) -> Vec<Value> {
    specs
        .iter()
        .map(|p| {
            json!({
                "name": p.name, "in": "query", "required": required.contains(&p.name),
                "description": p.description, "schema": (p.schema)()
            })
        })
        .collect()
}

fn path_param(name: &str, description: &str, schema: Value) -> Value {
    json!({"name": name, "in": "path", "required": true, "description": description, "schema": schema})
}

fn ok(description: &str, schema: &str) -> Value {
    json!({"description": description,
           "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}})
}

fn err(description: &str) -> Value {
    json!({"description": description,
           "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
}

fn nullable(t: &str) -> Value {
    json!({"type": [t, "null"]})
}

pub fn document() -> Value {
    let s = || nullable("string");
    let n = || nullable("number");
    let i = || nullable("integer");
    let cluster_props = json!({
        "id": {"type": "string"}, "event_type": {"type": "string"}, "sub_event_type": {"type": "string"},
        "place": s(), "place_key": s(), "lat": n(), "lon": n(), "geo_precision": i(),
        "country": s(), "admin1": s(), "date_min": s(), "date_max": s(), "time_precision": i(),
        "reports": {"type": "integer"}, "independent_sources": {"type": "integer"},
        "verification": {"type": "string", "enum": ["single-source", "corroborated", "disputed", "unconfirmed"]},
        "fatalities_min": i(), "fatalities_max": i(),
        "sides": {"type": "array", "items": {"type": "string"}},
        "outlets": {"type": "array", "items": {"type": "string"}},
        "claimants": {"type": "array", "items": {"type": "string"}}
    });
    let mut detail_props = cluster_props.clone();
    detail_props["events"] =
        json!({"type": "array", "items": {"$ref": "#/components/schemas/Event"}});
    let page = |items: Value| {
        json!({"type": "object", "required": ["total", "offset", "limit", "items"], "properties": {
            "total": {"type": "integer", "description": "clusters matching, all pages"},
            "offset": {"type": "integer"}, "limit": {"type": "integer"}, "items": items}})
    };
    let bad = || err("a bad parameter (the message says what is accepted)");
    json!({
      "openapi": "3.1.0",
      "info": {
        "title": "sitrep serve",
        "version": env!("CARGO_PKG_VERSION"),
        "description": "Event clusters, their reports and claims, documents and the control timeline of a store built by `sitrep ingest`. Every error is {\"error\": message}. Unknown query parameters are a 400 naming them."
      },
      "paths": {
        "/api/events": {"get": {
          "summary": "Event clusters matching the filters, ordered by date_min then id, one page",
          "parameters": query_params(&EVENT_PARAMS, &[]),
          "responses": {
            "200": {"description": "one page of clusters (view=full) or points (view=points)",
                    "content": {"application/json": {"schema": {"oneOf": [
                        {"$ref": "#/components/schemas/ClusterPage"}, {"$ref": "#/components/schemas/PointPage"}]}}}},
            "400": bad(), "408": err("timeout")}}},
        "/api/clusters/{id}": {"get": {
          "summary": "One cluster with every report's event and its claims",
          "parameters": [path_param("id", "a cluster id (`id` of /api/events items)", json!({"type": "string"}))],
          "responses": {"200": ok("the cluster", "ClusterDetail"), "400": bad(), "404": err("no such cluster")}}},
        "/api/places/{id}/timeline": {"get": {
          "summary": "Who is said to hold the place, when, according to whom (oldest first)",
          "parameters": [path_param("id", "a place key (`place_key` of /api/events items, e.g. synkivka)", json!({"type": "string"}))],
          "responses": {"200": ok("the control timeline", "Timeline"), "400": bad(),
                        "404": err("the place has no control rows and no events")}}},
        "/api/documents/{id}": {"get": {
          "summary": "A stored document: its text and the evidence spans of its ledger",
          "parameters": [path_param("id", "a numeric document id", json!({"type": "integer"}))],
          "responses": {"200": ok("the document", "Document"), "400": bad(), "404": err("no such document")}}},
        "/api/documents": {"post": {
          "summary": "Extract, deduplicate and cluster one report, as `sitrep ingest` does (only when the server has a token)",
          "security": [{"bearer": []}],
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewDocument"}}}},
          "responses": {"201": ok("stored (or found to be a duplicate)", "IngestResult"), "400": bad(),
                        "401": err("the bearer token is missing or wrong"),
                        "403": err("ingest is disabled: the server was started without --token"),
                        "413": err("the body is larger than 2 MB")}}},
        "/api/search": {"get": {
          "summary": "Documents whose text, title or outlet contain every word of q (SQLite FTS5), best first",
          "parameters": query_params(&SEARCH_PARAMS, &["q"]),
          "responses": {"200": ok("the hits", "SearchResult"), "400": bad()}}},
        "/api/openapi.json": {"get": {
          "summary": "This document",
          "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}}}},
        "/": {"get": {
          "summary": "The map page",
          "responses": {"200": {"description": "index.html", "content": {"text/html": {}}}, "404": err("the page is not embedded")}}},
        "/assets/{path}": {"get": {
          "summary": "An embedded asset of the page (content type by extension, long cache)",
          "parameters": [path_param("path", "the asset's path under assets/", json!({"type": "string"}))],
          "responses": {"200": {"description": "the file"}, "404": err("no such asset")}}}
      },
      "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
          "Cluster": {"type": "object", "properties": cluster_props},
          "ClusterPage": page(json!({"type": "array", "items": {"$ref": "#/components/schemas/Cluster"}})),
          "PointPage": page(json!({"type": "array", "items": {"$ref": "#/components/schemas/Point"}})),
          "Point": {"type": "array", "description": "[id, lat, lon, verification, side (first side of the actor1s, or null), date_min, event_type]",
                    "prefixItems": [{"type": "string"}, {"type": "number"}, {"type": "number"}, {"type": "string"},
                                    s(), s(), {"type": "string"}], "minItems": 7, "maxItems": 7},
          "ClusterDetail": {"type": "object", "properties": detail_props},
          "Event": {"type": "object", "properties": {
            "document": {"type": "integer"}, "document_name": {"type": "string"}, "outlet": s(), "title": s(), "url": s(),
            "published": s(), "syndicated": {"type": "boolean"}, "event_id": {"type": "string"},
            "event_type": {"type": "string"}, "sub_event_type": {"type": "string"}, "trigger": {"type": "string"},
            "actor1": s(), "actor2": s(), "side1": s(), "side2": s(), "place": s(), "lat": n(), "lon": n(),
            "geo_precision": i(), "date": s(), "fatalities": i(),
            "relative_to": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/RelativeTo"}]},
            "claims": {"type": "array", "items": {"$ref": "#/components/schemas/Claim"}}}},
          "RelativeTo": {"type": "object", "properties": {
            "anchor": {"type": "string"}, "anchor_lat": n(), "anchor_lon": n(), "distance_km": n(), "bearing_deg": n(),
            "stated_lat": n(), "stated_lon": n(), "uncertainty_km": n(), "gazetteer_distance_km": n(),
            "agrees": nullable("boolean")}},
          "Claim": {"type": "object", "properties": {
            "source": s(), "source_side": s(), "outlet": s(), "stance": {"type": "string"},
            "verification": {"type": "string"}, "hedge": s(),
            "evidence": {"type": "object", "properties": {"start": i(), "end": i(), "text": s()}}}},
          "Timeline": {"type": "object", "properties": {
            "place": {"type": "string"}, "place_key": {"type": "string"},
            "rows": {"type": "array", "items": {"type": "object", "properties": {
              "date": s(), "holder": {"type": "string"}, "according_to": s(), "outlet": s(), "cluster": {"type": "string"}}}}}},
          "Document": {"type": "object", "properties": {
            "id": {"type": "integer"}, "name": {"type": "string"}, "outlet": s(), "title": s(), "url": s(), "published": s(),
            "text": s(),
            "evidence": {"type": "array", "items": {"type": "object", "properties": {
              "start": {"type": "integer"}, "end": {"type": "integer"},
              "kind": {"type": "string", "enum": ["claim", "event", "quote", "place"]}, "ref": {"type": "string"}}}}}},
          "SearchResult": {"type": "object", "properties": {
            "q": {"type": "string"},
            "items": {"type": "array", "items": {"type": "object", "properties": {
              "document": {"type": "integer"}, "name": {"type": "string"}, "title": s(), "outlet": s(), "published": s(),
              "snippet": {"type": "string", "description": "the best passage, matched words between [ and ]"}}}}}},
          "NewDocument": {"type": "object", "required": ["text"], "additionalProperties": false, "properties": {
            "text": {"type": "string", "minLength": 1}, "name": {"type": "string"},
            "published": {"type": "string", "format": "date"}, "outlet": {"type": "string"},
            "title": {"type": "string"}, "url": {"type": "string"}}},
          "IngestResult": {"type": "object", "properties": {
            "document": {"type": "integer"}, "duplicate_of": i(), "syndicated_of": i(),
            "events": {"type": "integer"}, "clusters": {"type": "array", "items": {"type": "string"}}}}
        }
      }
    })
}
