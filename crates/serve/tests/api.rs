//! The HTTP API (API.md) called in-process through the router: every endpoint and filter, bad
//! parameters, unknown ids, the token rule and the body limit. The store is built once from the store
//! crate's fixture reports plus one report with a relative location; the list filters are checked
//! against `Store::clusters` (the store's own in-Rust filter) as the oracle.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::{json, Value};
use sitrep_extract::Engine;
use sitrep_serve::{router, App, Options};
use sitrep_store::cluster::{ClusterView, Filter};
use sitrep_store::{NewDoc, Store};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

/// A report read as "10 km south of Orikhiv": its place carries `relative_to`.
const RELATIVE: &str = r#"{"id":"south-front-1","source":"South Front Daily","published":"2024-03-12","text":"Russian troops shelled Robotyne, 10km south of the town of Orikhiv, on Tuesday, regional governor Ivan Fedorov said. Two houses were destroyed."}"#;

fn engine() -> Arc<Engine> {
    static E: OnceLock<Arc<Engine>> = OnceLock::new();
    E.get_or_init(|| {
        Arc::new(Engine::new(
            sitrep_gazetteer::Gazetteer::embedded().expect("embedded gazetteer"),
        ))
    })
    .clone()
}

fn docs_from_jsonl(jsonl: &str) -> Vec<NewDoc> {
    sitrep_testkit::docs_from_jsonl(&engine(), jsonl)
}

/// The fixture store, built once; tests that write copy it.
fn fixture_db() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("fixture.db");
        let jsonl = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../store/tests/fixtures/reports.jsonl"),
        )
        .unwrap();
        let mut store = Store::open(&db).unwrap();
        store.ingest_batch(&docs_from_jsonl(&jsonl)).unwrap();
        store.ingest_batch(&docs_from_jsonl(RELATIVE)).unwrap();
        drop(store);
        (dir, db)
    })
    .1
}

/// A private copy of the fixture store.
fn copy_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("copy.db");
    std::fs::copy(fixture_db(), &db).unwrap();
    (dir, db)
}

fn app(db: &Path, token: Option<&str>) -> axum::Router {
    app_with_timeout(db, token, sitrep_serve::TIMEOUT)
}

fn app_with_timeout(db: &Path, token: Option<&str>, timeout: std::time::Duration) -> axum::Router {
    router(
        App::open(Options {
            db: db.to_path_buf(),
            token: token.map(str::to_string),
            engine: token.map(|_| engine()),
            readers: 2,
            timeout,
        })
        .unwrap(),
    )
}

fn read_only() -> axum::Router {
    static R: OnceLock<axum::Router> = OnceLock::new();
    R.get_or_init(|| app(fixture_db(), None)).clone()
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Sends a request; the status, the content type and the body (JSON when it is JSON, else a string).
fn send(r: &axum::Router, req: Request<Body>) -> (StatusCode, String, Value) {
    rt().block_on(async {
        let resp = r.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let ty = resp
            .headers()
            .get(header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .unwrap();
        let v = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        (status, ty, v)
    })
}

fn get(r: &axum::Router, uri: &str) -> (StatusCode, Value) {
    let (s, ty, v) = send(r, Request::get(uri).body(Body::empty()).unwrap());
    if uri.starts_with("/api/") {
        assert_eq!(ty, "application/json; charset=utf-8", "{uri}");
    }
    (s, v)
}

fn ok(uri: &str) -> Value {
    let (s, v) = get(&read_only(), uri);
    assert_eq!(s, StatusCode::OK, "{uri}: {v}");
    v
}

/// Asserts a JSON error with this status whose message contains every one of `words`.
fn assert_error(r: &axum::Router, req: Request<Body>, status: StatusCode, words: &[&str]) {
    let what = format!("{} {}", req.method(), req.uri());
    let (s, ty, v) = send(r, req);
    assert_eq!(s, status, "{what}: {v}");
    assert!(ty.starts_with("application/json"), "{what}: {ty}");
    let msg = v["error"]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: no error message in {v}"));
    for w in words {
        assert!(msg.contains(w), "{what}: {msg:?} lacks {w:?}");
    }
}

fn bad(uri: &str, words: &[&str]) {
    assert_error(
        &read_only(),
        Request::get(uri).body(Body::empty()).unwrap(),
        StatusCode::BAD_REQUEST,
        words,
    );
}

fn ids(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

/// Cluster ids the store's own filter keeps, in the API's order (date_min, then id).
fn oracle(f: Filter) -> Vec<String> {
    let store = Store::open(fixture_db()).unwrap();
    let mut cs = store.clusters(&f).unwrap();
    cs.sort_by(|a, b| (&a.summary.date_min, &a.id).cmp(&(&b.summary.date_min, &b.id)));
    cs.into_iter().map(|c| c.id).collect()
}

#[test]
fn events_lists_every_cluster_in_date_then_id_order() {
    let v = ok("/api/events");
    let all = oracle(Filter::default());
    assert!(all.len() >= 5, "{all:?}");
    assert_eq!(v["total"], all.len());
    assert_eq!(v["limit"], 500);
    assert_eq!(v["offset"], 0);
    assert_eq!(ids(&v), all);
    let first = &v["items"][0];
    for k in [
        "id",
        "event_type",
        "sub_event_type",
        "place",
        "place_key",
        "lat",
        "lon",
        "geo_precision",
        "country",
        "admin1",
        "date_min",
        "date_max",
        "time_precision",
        "reports",
        "independent_sources",
        "verification",
        "fatalities_min",
        "fatalities_max",
        "sides",
        "outlets",
        "claimants",
    ] {
        assert!(first.get(k).is_some(), "item lacks {k}: {first}");
    }
    // the Vovchansk shelling is told by four outlets
    let vov = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["place_key"] == "vovchansk")
        .expect("a Vovchansk cluster");
    assert!(vov["reports"].as_i64().unwrap() >= 3, "{vov}");
    assert!(
        vov["sides"].as_array().unwrap().iter().any(|s| s != ""),
        "{vov}"
    );
}

#[test]
fn pages_cover_the_list_without_gaps_or_overlap() {
    let all = ids(&ok("/api/events"));
    let mut paged = Vec::new();
    let mut offset = 0;
    loop {
        let v = ok(&format!("/api/events?limit=2&offset={offset}"));
        assert_eq!(v["total"], all.len());
        assert_eq!(v["limit"], 2);
        let page = ids(&v);
        assert!(page.len() <= 2);
        if page.is_empty() {
            break;
        }
        paged.extend(page);
        offset += 2;
    }
    assert_eq!(paged, all);
    assert_eq!(ids(&ok("/api/events?offset=1000")), Vec::<String>::new());
}

/// Every filter, alone, keeps the clusters a plain reading of the fixtures' clusters says it should (each
/// predicate written here in Rust, apart from the store's SQL), and some but not all of them.
#[test]
fn every_filter_matches_a_reading_of_the_clusters() {
    type Pred = Box<dyn Fn(&ClusterView) -> bool>;
    let store = Store::open_read(fixture_db()).unwrap();
    let mut clusters = store.clusters(&Filter::default()).unwrap();
    clusters.sort_by(|a, b| (&a.summary.date_min, &a.id).cmp(&(&b.summary.date_min, &b.id)));
    let all: Vec<String> = clusters.iter().map(|c| c.id.clone()).collect();
    let has =
        |v: &Option<String>, t: &str| v.as_deref().is_some_and(|x| x.to_lowercase().contains(t));
    let cases: Vec<(&str, Pred)> = vec![
        (
            "bbox=36.0,49.5,38.0,50.5",
            Box::new(|c| {
                c.summary
                    .lat
                    .zip(c.summary.lon)
                    .is_some_and(|(a, o)| (49.5..=50.5).contains(&a) && (36.0..=38.0).contains(&o))
            }),
        ),
        (
            "near=50.29,36.94&radius=20",
            Box::new(|c| {
                c.summary
                    .lat
                    .zip(c.summary.lon)
                    .is_some_and(|p| sitrep_geo_km((50.29, 36.94), p) <= 20.0)
            }),
        ),
        (
            "from=2024-03-05",
            Box::new(|c| {
                c.summary
                    .date_max
                    .as_deref()
                    .is_some_and(|d| d >= "2024-03-05")
            }),
        ),
        (
            "to=2024-03-04",
            Box::new(|c| {
                c.summary
                    .date_min
                    .as_deref()
                    .is_some_and(|d| d <= "2024-03-04")
            }),
        ),
        (
            "from=2024-03-05&to=2024-03-05",
            Box::new(|c| {
                c.summary
                    .date_max
                    .as_deref()
                    .is_some_and(|d| d >= "2024-03-05")
                    && c.summary
                        .date_min
                        .as_deref()
                        .is_some_and(|d| d <= "2024-03-05")
            }),
        ),
        (
            "type=shelling",
            Box::new(|c| {
                c.event_type.to_lowercase().contains("shelling")
                    || c.sub_event_type.to_lowercase().contains("shelling")
            }),
        ),
        ("type=BATTLES", Box::new(|c| c.event_type == "Battles")),
        (
            "actor=ukrain",
            Box::new(move |c| {
                c.events
                    .iter()
                    .any(|e| has(&e.event.actor1, "ukrain") || has(&e.event.actor2, "ukrain"))
            }),
        ),
        (
            "source=Kharkiv%20Daily",
            Box::new(|c| c.outlets.iter().any(|o| o == "Kharkiv Daily")),
        ),
        (
            "source=syniehubov",
            Box::new(|c| {
                c.claimants
                    .iter()
                    .any(|o| o.to_lowercase().contains("syniehubov"))
            }),
        ),
        (
            "side=ua",
            Box::new(|c| {
                c.events.iter().any(|e| {
                    e.event.side1.as_deref() == Some("UA")
                        || e.event.side2.as_deref() == Some("UA")
                        || e.claims
                            .iter()
                            .any(|k| k.claim.source_side.as_deref() == Some("UA"))
                })
            }),
        ),
        (
            "verification=disputed",
            Box::new(|c| c.summary.verification == "disputed"),
        ),
        (
            "verification=single-source",
            Box::new(|c| c.summary.verification == "single-source"),
        ),
        ("place=chasiv", Box::new(move |c| has(&c.place, "chasiv"))),
    ];
    for (q, keep) in cases {
        let want: Vec<String> = clusters
            .iter()
            .filter(|c| keep(c))
            .map(|c| c.id.clone())
            .collect();
        let v = ok(&format!("/api/events?{q}"));
        assert_eq!(ids(&v), want, "{q}");
        assert_eq!(v["total"], want.len(), "{q}");
        assert!(
            !want.is_empty() && want.len() < all.len(),
            "{q} keeps {} of {}: the fixture does not exercise it",
            want.len(),
            all.len()
        );
    }
    // every cluster of the fixtures is in Ukraine, none in Russia
    assert_eq!(ok("/api/events?country=UKR")["total"], all.len());
    assert_eq!(ok("/api/events?country=Russia")["total"], 0);
    // filters combine with AND
    let both = ok("/api/events?type=shelling&from=2024-03-06");
    let want = oracle(Filter {
        event_type: Some("shelling".into()),
        from: chrono::NaiveDate::from_ymd_opt(2024, 3, 6),
        ..Default::default()
    });
    assert_eq!(ids(&both), want);
    // wildcards are text
    assert_eq!(ok("/api/events?actor=%25")["total"], 0);
    assert_eq!(ok("/api/events?type=_")["total"], 0);
    // an empty text filter keeps everything (everything contains the empty text)
    assert_eq!(ok("/api/events?actor=")["total"], all.len());
}

/// Great-circle km (the test's own, apart from the store's).
fn sitrep_geo_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[test]
fn points_are_compact_rows_of_located_clusters() {
    let full = ok("/api/events");
    let located: Vec<&Value> = full["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| !i["lat"].is_null())
        .collect();
    let v = ok("/api/events?view=points");
    assert_eq!(v["total"], located.len());
    let rows = v["items"].as_array().unwrap();
    assert_eq!(rows.len(), located.len());
    for (row, item) in rows.iter().zip(&located) {
        let r = row.as_array().expect("a row is an array");
        assert_eq!(r.len(), 7);
        assert_eq!(r[0], item["id"]);
        assert_eq!(r[1], item["lat"]);
        assert_eq!(r[2], item["lon"]);
        assert_eq!(r[3], item["verification"]);
        assert!(r[4].is_null() || r[4].is_string());
        assert_eq!(r[5], item["date_min"]);
        assert_eq!(r[6], item["event_type"]);
    }
    let some = ok("/api/events?view=points&bbox=36.0,49.5,38.0,50.5&limit=1");
    assert_eq!(some["items"].as_array().unwrap().len(), 1);
    assert_eq!(some["limit"], 1);
}

#[test]
fn bad_parameters_are_400_saying_what_is_accepted() {
    bad(
        "/api/events?bbox=1,2,3",
        &["bbox", "min_lon,min_lat,max_lon,max_lat"],
    );
    bad("/api/events?bbox=a,b,c,d", &["bbox", "four numbers"]);
    bad(
        "/api/events?bbox=38,49,36,50",
        &["minimum above its maximum"],
    );
    bad("/api/events?bbox=36,-91,38,50", &["latitude"]);
    bad("/api/events?bbox=-181,49,38,50", &["longitude"]);
    bad("/api/events?bbox=NaN,49,38,50", &["bbox"]);
    bad("/api/events?from=2024-13-01", &["from", "YYYY-MM-DD"]);
    bad("/api/events?to=5%20March", &["to", "YYYY-MM-DD"]);
    bad("/api/events?from=2024-3-5", &["YYYY-MM-DD"]);
    bad(
        "/api/events?from=2024-03-06&to=2024-03-05",
        &["from", "after", "to"],
    );
    bad("/api/events?radius=5", &["radius needs near=\"LAT,LON\""]);
    bad(
        "/api/events?near=48,38&radius=0",
        &["radius=\"0\" is not a distance"],
    );
    bad("/api/events?near=48", &["near", "LAT,LON"]);
    bad(
        "/api/events?country=Atlantis",
        &["country", "not a country"],
    );
    bad("/api/events?limit=0", &["limit", "1 to 10000"]);
    bad("/api/events?limit=10001", &["limit", "1 to 10000"]);
    bad("/api/events?limit=ten", &["limit"]);
    bad("/api/events?offset=-1", &["offset", "≥ 0"]);
    bad("/api/events?view=map", &["view", "full, points"]);
    bad(
        "/api/events?verification=confirmed",
        &[
            "verification",
            "single-source, corroborated, disputed, unconfirmed",
        ],
    );
    bad(
        "/api/events?colour=red&bbox=1,2,3,4&size=2",
        &[
            "unknown query parameters colour, size",
            "accepted are place, country, near, radius, bbox, from",
        ],
    );
    bad("/api/events?limit=1&limit=2", &["limit", "more than once"]);
    bad("/api/clusters/x?full=1", &["full", "no query parameters"]);
    bad("/api/search", &["q is missing"]);
    bad("/api/search?q=%20%20", &["q is missing or empty"]);
    bad("/api/search?q=a&limit=101", &["limit", "1 to 100"]);
    bad(
        "/api/search?query=a",
        &["unknown query parameter query", "q, limit"],
    );
    bad("/api/documents/abc", &["abc", "not a number"]);
}

#[test]
fn a_cluster_opens_with_its_reports_claims_and_evidence() {
    let list = ok("/api/events");
    let vov = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["place_key"] == "vovchansk")
        .unwrap()
        .clone();
    let id = vov["id"].as_str().unwrap();
    let c = ok(&format!("/api/clusters/{id}"));
    // the list's fields, then the events
    for (k, val) in vov.as_object().unwrap() {
        assert_eq!(&c[k], val, "{k}");
    }
    let events = c["events"].as_array().unwrap();
    assert_eq!(
        events
            .iter()
            .map(|e| e["document"].as_i64().unwrap())
            .collect::<std::collections::BTreeSet<_>>()
            .len() as i64,
        vov["reports"].as_i64().unwrap()
    );
    let mut claims = 0;
    for e in events {
        assert!(
            e["document"].is_i64() && e["document_name"].is_string(),
            "{e}"
        );
        assert!(e["syndicated"].is_boolean());
        let d = ok(&format!("/api/documents/{}", e["document"]));
        let text: Vec<char> = d["text"].as_str().unwrap().chars().collect();
        for k in e["claims"].as_array().unwrap() {
            claims += 1;
            let ev = &k["evidence"];
            let (s, t) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            let at: String = text[s..t].iter().collect();
            assert_eq!(
                at,
                ev["text"].as_str().unwrap(),
                "evidence offsets point at the text"
            );
        }
    }
    assert!(claims >= events.len());
    // a syndicated copy is marked
    assert!(events.iter().any(|e| e["syndicated"] == true), "{c}");
}

#[test]
fn relative_locations_carry_the_anchor_and_the_stated_point() {
    let c = ok("/api/events?source=South%20Front");
    assert_eq!(c["total"], 1);
    let id = c["items"][0]["id"].as_str().unwrap();
    let d = ok(&format!("/api/clusters/{id}"));
    let r = &d["events"][0]["relative_to"];
    assert!(r["anchor"].as_str().unwrap().contains("Orikhiv"), "{r}");
    assert_eq!(r["distance_km"], 10.0);
    assert_eq!(r["bearing_deg"], 180.0);
    let (alat, alon) = (
        r["anchor_lat"].as_f64().unwrap(),
        r["anchor_lon"].as_f64().unwrap(),
    );
    let (slat, slon) = (
        r["stated_lat"].as_f64().unwrap(),
        r["stated_lon"].as_f64().unwrap(),
    );
    // 10 km due south: 0.09 degrees of latitude, same longitude
    assert!((alat - slat - 0.0899).abs() < 0.002, "{r}");
    assert!((alon - slon).abs() < 0.001, "{r}");
    assert_eq!(r["uncertainty_km"], 5.0);
    assert!(r.get("agrees").is_some() && r.get("gazetteer_distance_km").is_some());
    // events without a relative location have null
    let vov = ok("/api/events?source=Kharkiv%20Daily");
    let c = ok(&format!(
        "/api/clusters/{}",
        vov["items"][0]["id"].as_str().unwrap()
    ));
    assert!(c["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["relative_to"].is_null()));
}

#[test]
fn unknown_ids_are_404() {
    let r = read_only();
    for (uri, words) in [
        (
            "/api/clusters/C0000000000000000",
            vec!["no cluster C0000000000000000"],
        ),
        (
            "/api/places/atlantis/timeline",
            vec!["atlantis", "place_key"],
        ),
        ("/api/documents/99999", vec!["no document 99999"]),
        ("/api/nothing", vec!["no such route", "/api/nothing"]),
        ("/assets/nope.js", vec!["nope.js"]),
    ] {
        assert_error(
            &r,
            Request::get(uri).body(Body::empty()).unwrap(),
            StatusCode::NOT_FOUND,
            &words,
        );
    }
    assert_error(
        &r,
        Request::delete("/api/events").body(Body::empty()).unwrap(),
        StatusCode::METHOD_NOT_ALLOWED,
        &["DELETE is not accepted on /api/events", "GET"],
    );
}

#[test]
fn place_timeline_lists_who_holds_it_according_to_whom() {
    let t = ok("/api/places/krasnohorivka/timeline");
    assert_eq!(t["place_key"], "krasnohorivka");
    assert!(t["place"].as_str().unwrap().contains("Krasnohorivka"));
    let rows = t["rows"].as_array().unwrap();
    assert!(rows.len() >= 2, "captured and repelled: {t}");
    let store = Store::open(fixture_db()).unwrap();
    let want: Vec<_> = store
        .control_timeline(Some("krasnohorivka"))
        .unwrap()
        .into_iter()
        .map(|r| (r.holder, r.according_to, r.cluster))
        .collect();
    let got: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r["holder"].as_str().unwrap().to_string(),
                r["according_to"].as_str().map(str::to_string),
                r["cluster"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(got, want);
    for r in rows {
        assert!(r.get("date").is_some() && r.get("outlet").is_some());
    }
    // a place with events but no control rows still answers, with no rows
    let v = ok("/api/places/vovchansk/timeline");
    assert_eq!(v["rows"], json!([]));
    assert_eq!(v["place"], "Vovchansk");
}

#[test]
fn documents_have_text_and_evidence_spans() {
    let d = ok("/api/documents/1");
    assert_eq!(d["id"], 1);
    assert_eq!(d["name"], "kharkiv-daily-1");
    assert_eq!(d["outlet"], "Kharkiv Daily");
    assert_eq!(d["published"], "2024-03-04");
    let text: Vec<char> = d["text"].as_str().unwrap().chars().collect();
    assert!(text.iter().collect::<String>().starts_with("KHARKIV"));
    let ev = d["evidence"].as_array().unwrap();
    let kinds: std::collections::BTreeSet<&str> =
        ev.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    for k in ["claim", "event", "place"] {
        assert!(kinds.contains(k), "no {k} span: {kinds:?}");
    }
    let mut last = 0;
    for e in ev {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert!(s <= t && t <= text.len() && s >= last, "{e}");
        last = s;
        assert!(e["ref"].is_string());
    }
    // the place spans spell the place
    let p = ev.iter().find(|e| e["kind"] == "place").unwrap();
    let at: String = text
        [p["start"].as_u64().unwrap() as usize..p["end"].as_u64().unwrap() as usize]
        .iter()
        .collect();
    assert!(["KHARKIV", "Vovchansk"].contains(&at.as_str()), "{at}");
}

#[test]
fn search_finds_documents_by_text_title_and_outlet() {
    let v = ok("/api/search?q=Vovchansk");
    assert_eq!(v["q"], "Vovchansk");
    let items = v["items"].as_array().unwrap();
    assert!(items.len() >= 4, "{v}");
    for i in items {
        assert!(
            i["snippet"].as_str().unwrap().contains("[Vovchansk]"),
            "{i}"
        );
        assert!(i["document"].is_i64() && i["name"].is_string());
    }
    // every word must match
    let two = ok("/api/search?q=Vovchansk%20hospital");
    assert_eq!(two["items"], json!([]));
    let hosp = ok("/api/search?q=hospital%20Chasiv");
    assert_eq!(hosp["items"].as_array().unwrap().len(), 1);
    assert_eq!(hosp["items"][0]["name"], "donbas-news-4");
    // the outlet is indexed; FTS syntax in the input is only text
    let outlet = ok("/api/search?q=Steppe%20Times");
    assert_eq!(outlet["items"][0]["outlet"], "Steppe Times");
    assert_eq!(ok("/api/search?q=%22OR%20NEAR(")["items"], json!([]));
    assert_eq!(
        ok("/api/search?q=Vovchansk&limit=2")["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // diacritics are folded
    assert!(!ok("/api/search?q=V%C3%B3vchansk")["items"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn openapi_lists_every_path_and_parameter() {
    let v = ok("/api/openapi.json");
    assert_eq!(v["openapi"], "3.1.0");
    let paths = v["paths"].as_object().unwrap();
    for p in [
        "/api/events",
        "/api/clusters/{id}",
        "/api/places/{id}/timeline",
        "/api/documents/{id}",
        "/api/documents",
        "/api/search",
        "/api/openapi.json",
        "/",
        "/assets/{path}",
    ] {
        assert!(paths.contains_key(p), "{p} missing");
    }
    let names = |path: &str, method: &str| -> Vec<String> {
        v["paths"][path][method]["parameters"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|p| p["name"].as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        names("/api/events", "get"),
        [
            "place",
            "country",
            "near",
            "radius",
            "bbox",
            "from",
            "to",
            "type",
            "actor",
            "source",
            "side",
            "verification",
            "limit",
            "offset",
            "view"
        ]
    );
    assert_eq!(names("/api/search", "get"), ["q", "limit"]);
    assert_eq!(names("/api/clusters/{id}", "get"), ["id"]);
    assert_eq!(names("/api/places/{id}/timeline", "get"), ["id"]);
    assert_eq!(names("/api/documents/{id}", "get"), ["id"]);
    assert!(v["paths"]["/api/documents"]["post"]["requestBody"].is_object());
    // every parameter the API accepts is described: an unknown one is refused naming the same list
    let (_, e) = get(&read_only(), "/api/events?zzz=1");
    for n in names("/api/events", "get") {
        assert!(e["error"].as_str().unwrap().contains(&n));
    }
    // every $ref resolves
    let text = v.to_string();
    for r in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = &r[..r.find('"').unwrap()];
        assert!(v["components"]["schemas"][name].is_object(), "{name}");
    }
}

fn post(token: Option<&str>, body: impl Into<Body>) -> Request<Body> {
    let mut b = Request::post("/api/documents").header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    b.body(body.into()).unwrap()
}

const NEW_REPORT: &str = r#"{"text": "Ukrainian forces recaptured the village of Synkivka near Kupiansk on Thursday, the General Staff of the Armed Forces of Ukraine said.", "name": "posted-1", "published": "2024-03-07", "outlet": "Posted Wire", "title": "Synkivka retaken"}"#;

#[test]
fn ingest_is_forbidden_without_a_token() {
    assert_error(
        &read_only(),
        post(Some("anything"), NEW_REPORT),
        StatusCode::FORBIDDEN,
        &["ingest is disabled: start the server with --token"],
    );
    // the read-only store refuses writes underneath too
    let ro = sitrep_store::api::open_read_only(fixture_db()).unwrap();
    assert!(ro.conn().execute("DELETE FROM control", []).is_err());
}

#[test]
fn ingest_needs_the_right_bearer_token_then_the_document_appears() {
    let (_dir, db) = copy_db();
    let r = app(&db, Some("s3cret"));
    assert_error(
        &r,
        post(None, NEW_REPORT),
        StatusCode::UNAUTHORIZED,
        &["Authorization", "Bearer"],
    );
    assert_error(
        &r,
        post(Some("wrong"), NEW_REPORT),
        StatusCode::UNAUTHORIZED,
        &["wrong"],
    );
    let basic = Request::post("/api/documents")
        .header(header::AUTHORIZATION, "Basic czNjcmV0")
        .body(Body::from(NEW_REPORT))
        .unwrap();
    assert_error(&r, basic, StatusCode::UNAUTHORIZED, &["Bearer"]);
    let before = get(&r, "/api/events").1["total"].as_i64().unwrap();
    let (s, _, v) = send(&r, post(Some("s3cret"), NEW_REPORT));
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let doc = v["document"].as_i64().unwrap();
    assert!(v["duplicate_of"].is_null());
    assert!(v["events"].as_i64().unwrap() >= 1, "{v}");
    let cluster = v["clusters"][0].as_str().unwrap().to_string();
    let (_, list) = get(&r, "/api/events?source=Posted%20Wire");
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], cluster.as_str());
    assert_eq!(
        get(&r, "/api/events").1["total"].as_i64().unwrap(),
        before + 1
    );
    let (_, d) = get(&r, &format!("/api/documents/{doc}"));
    assert_eq!(d["name"], "posted-1");
    assert_eq!(d["title"], "Synkivka retaken");
    assert!(d["text"]
        .as_str()
        .unwrap()
        .starts_with("Ukrainian forces recaptured"));
    let (_, c) = get(&r, &format!("/api/clusters/{cluster}"));
    assert_eq!(c["events"][0]["document"], doc);
    let (_, hits) = get(&r, "/api/search?q=Synkivka");
    assert_eq!(hits["items"][0]["document"], doc);
    // the same text again is a duplicate of it
    let (s, _, again) = send(&r, post(Some("s3cret"), NEW_REPORT));
    assert_eq!(s, StatusCode::CREATED);
    assert_eq!(again["duplicate_of"], doc);
    assert_eq!(
        get(&r, "/api/events").1["total"].as_i64().unwrap(),
        before + 1
    );
}

#[test]
fn bad_posted_documents_are_400() {
    let (_dir, db) = copy_db();
    let r = app(&db, Some("t"));
    for (body, words) in [
        ("not json", vec!["not JSON", "\"text\""]),
        ("[1]", vec!["not a JSON object"]),
        ("{\"name\": \"x\"}", vec!["`text` is missing"]),
        ("{\"text\": \"   \"}", vec!["`text` is missing or empty"]),
        ("{\"text\": 5}", vec!["`text` must be a string"]),
        (
            "{\"text\": \"a\", \"date\": \"2024-01-01\"}",
            vec!["unknown field(s) date"],
        ),
        (
            "{\"text\": \"a\", \"published\": \"yesterday\"}",
            vec!["published", "YYYY-MM-DD"],
        ),
    ] {
        assert_error(&r, post(Some("t"), body), StatusCode::BAD_REQUEST, &words);
    }
}

#[test]
fn bodies_over_two_megabytes_are_413() {
    let (_dir, db) = copy_db();
    let r = app(&db, Some("t"));
    let big = format!("{{\"text\": \"{}\"}}", "a".repeat(2 * 1024 * 1024 + 10));
    assert_error(
        &r,
        post(Some("t"), big.clone()),
        StatusCode::PAYLOAD_TOO_LARGE,
        &["2 MB"],
    );
    // without a Content-Length (streamed) too
    let stream = Body::from_stream(futures_stream(big.into_bytes()));
    assert_error(
        &r,
        post(Some("t"), stream),
        StatusCode::PAYLOAD_TOO_LARGE,
        &["2 MB"],
    );
    // and on a read-only server
    let big = "x".repeat(3 * 1024 * 1024);
    assert_error(
        &read_only(),
        post(None, big),
        StatusCode::PAYLOAD_TOO_LARGE,
        &["2 MB"],
    );
}

/// A body sent in 64 KB chunks with no length known up front.
fn futures_stream(
    bytes: Vec<u8>,
) -> impl futures_core::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    struct Chunks(Vec<u8>, usize);
    impl futures_core::Stream for Chunks {
        type Item = Result<Vec<u8>, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            let (start, len) = (self.1, self.0.len());
            if start >= len {
                return std::task::Poll::Ready(None);
            }
            let end = (start + 65536).min(len);
            self.1 = end;
            std::task::Poll::Ready(Some(Ok(self.0[start..end].to_vec())))
        }
    }
    Chunks(bytes, 0)
}

#[test]
fn missing_store_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let e = App::open(Options {
        db: db.clone(),
        token: None,
        engine: None,
        readers: 1,
        timeout: sitrep_serve::TIMEOUT,
    })
    .err()
    .unwrap();
    assert!(
        e.contains("no store at") && e.contains("sitrep ingest"),
        "{e}"
    );
    assert!(!db.exists(), "nothing is created");
}

#[test]
fn the_page_is_served_when_embedded() {
    let (s, ty, _) = send(&read_only(), Request::get("/").body(Body::empty()).unwrap());
    if sitrep_serve::assets::get("").is_some() {
        assert_eq!(s, StatusCode::OK);
        assert!(ty.starts_with("text/html"));
    } else {
        assert_eq!(s, StatusCode::NOT_FOUND);
    }
}

/// A body that never arrives.
struct Stalled;
impl futures_core::Stream for Stalled {
    type Item = Result<Vec<u8>, std::io::Error>;
    fn poll_next(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        std::task::Poll::Pending
    }
}

#[test]
fn a_request_over_the_time_limit_is_408() {
    let (_dir, db) = copy_db();
    let r = app_with_timeout(&db, Some("t"), std::time::Duration::from_millis(200));
    let t = std::time::Instant::now();
    assert_error(
        &r,
        post(Some("t"), Body::from_stream(Stalled)),
        StatusCode::REQUEST_TIMEOUT,
        &["longer than the 0.2 s allowed"],
    );
    assert!(t.elapsed() < std::time::Duration::from_secs(5));
    // fast requests are unaffected
    assert_eq!(get(&r, "/api/events?limit=1").0, StatusCode::OK);
}
