//! Clusters, corroboration and disputes on small reports written for these tests.
mod common;

use sitrep_extract::Engine;
use sitrep_store::cluster::Filter;
use sitrep_store::{NewDoc, Outcome, Store};

fn engine() -> Engine {
    Engine::new(sitrep_gazetteer::Gazetteer::open(&[]).expect("embedded gazetteer"))
}

fn docs(engine: &Engine, jsonl: &str) -> Vec<NewDoc> {
    sitrep_testkit::docs_from_jsonl(engine, jsonl)
}

const FIXTURES: &str = include_str!("fixtures/reports.jsonl");

fn stored() -> (tempfile::TempDir, Store, Vec<Outcome>) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("t.db")).unwrap();
    let e = engine();
    let out = s.ingest_batch(&docs(&e, FIXTURES)).unwrap();
    (dir, s, out)
}

#[test]
fn three_outlets_and_a_syndicated_copy_make_one_cluster_with_two_sources() {
    let (_d, s, out) = stored();
    assert!(matches!(out[1], Outcome::Syndicated { .. }), "{out:?}");
    let c = s.cluster_of("kharkiv-daily-1", "e1").unwrap().unwrap();
    for name in ["wire-mirror-1", "eastern-courier-7", "frontline-post-3"] {
        assert_eq!(
            s.cluster_of(name, "e1").unwrap().as_deref(),
            Some(c.as_str()),
            "{name}"
        );
    }
    let all = s.clusters(&Filter::default()).unwrap();
    let cl = all.iter().find(|x| x.id == c).unwrap();
    assert_eq!(cl.summary.reports, 4);
    assert_eq!(cl.summary.independent_sources, 2, "{:?}", cl.claimants);
    assert_eq!(cl.summary.verification, "corroborated");
    assert_eq!(cl.outlets.len(), 4);
    // every claim kept with its source and outlet
    assert!(cl
        .events
        .iter()
        .any(|e| e.event.outlet.as_deref() == Some("Wire Mirror") && e.event.syndicated));
    assert!(cl
        .events
        .iter()
        .flat_map(|e| &e.claims)
        .any(|k| k.claim.source.as_deref() == Some("Oleh Syniehubov")));
}

#[test]
fn captured_and_repelled_make_a_disputed_cluster_and_a_control_timeline() {
    let (_d, s, _) = stored();
    let a = s.cluster_of("moscow-herald-2", "e1").unwrap().unwrap();
    let b = s.cluster_of("kyiv-monitor-9", "e1").unwrap().unwrap();
    assert_eq!(a, b);
    let f = Filter {
        place: Some("krasnohorivka".into()),
        ..Default::default()
    };
    let cs = s.clusters(&f).unwrap();
    assert_eq!(cs.len(), 1);
    assert_eq!(cs[0].summary.verification, "disputed");
    assert_eq!(cs[0].summary.independent_sources, 2);
    let t = s.control_timeline(Some("Krasnohorivka")).unwrap();
    let holders: Vec<(&str, Option<&str>)> = t
        .iter()
        .map(|r| (r.holder.as_str(), r.according_to.as_deref()))
        .collect();
    assert!(
        holders.contains(&("RU", Some("Russian Defence Ministry"))),
        "{holders:?}"
    );
    assert!(
        holders.contains(&("UA", Some("General Staff of the Armed Forces of Ukraine"))),
        "{holders:?}"
    );
}

#[test]
fn events_in_nearby_towns_on_one_day_stay_apart() {
    let (_d, s, _) = stored();
    let a = s.cluster_of("donbas-news-4", "e1").unwrap().unwrap();
    let b = s.cluster_of("steppe-times-5", "e1").unwrap().unwrap();
    assert_ne!(a, b);
    let vov = s.cluster_of("kharkiv-daily-1", "e1").unwrap().unwrap();
    assert_ne!(a, vov);
}

#[test]
fn fatality_counts_far_apart_are_disputed() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("t.db")).unwrap();
    let e = engine();
    let two = r#"{"id":"a","source":"Outlet A","published":"2024-05-02","text":"Russian forces shelled Kupiansk on Wednesday, killing two civilians, the regional governor Oleh Syniehubov said."}"#;
    let seventy = r#"{"id":"b","source":"Outlet B","published":"2024-05-02","text":"A Russian missile strike on Kupiansk on Wednesday killed 70 people, Ukraine's General Staff said."}"#;
    s.ingest_batch(&docs(&e, two)).unwrap();
    s.ingest_batch(&docs(&e, seventy)).unwrap();
    let a = s.cluster_of("a", "e1").unwrap().unwrap();
    assert_eq!(
        s.cluster_of("b", "e1").unwrap().as_deref(),
        Some(a.as_str())
    );
    let cs = s
        .clusters(&Filter {
            place: Some("kup".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(cs[0].summary.verification, "disputed");
    assert_eq!(
        (cs[0].summary.fatalities_min, cs[0].summary.fatalities_max),
        (Some(2), Some(70))
    );
}

#[test]
fn ingesting_again_changes_nothing_and_ids_are_stable() {
    let (d, mut s, _) = stored();
    let before = s.counts().unwrap();
    let ids: Vec<String> = s
        .clusters(&Filter::default())
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    let out = s.ingest_batch(&docs(&engine(), FIXTURES)).unwrap();
    assert!(out.iter().all(|o| matches!(o, Outcome::Duplicate(_))));
    assert_eq!(s.counts().unwrap().events, before.events);
    assert_eq!(s.counts().unwrap().clusters, before.clusters);
    // a fresh database fed the same reports gives the same cluster ids
    let mut s2 = Store::open(&d.path().join("t2.db")).unwrap();
    s2.ingest_batch(&docs(&engine(), FIXTURES)).unwrap();
    let ids2: Vec<String> = s2
        .clusters(&Filter::default())
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(ids, ids2);
    assert_eq!(s.schema_version().unwrap(), 8);
}

#[test]
fn exports_read_back() {
    let (_d, s, _) = stored();
    let cs = s.clusters(&Filter::default()).unwrap();
    let mut csv_out = Vec::new();
    sitrep_store::export::acled_csv(&cs, &mut csv_out).unwrap();
    let mut r = csv::Reader::from_reader(&csv_out[..]);
    let h = r.headers().unwrap().clone();
    for col in [
        "event_date",
        "year",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "country",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "notes",
        "fatalities",
        "sitrep_verification",
    ] {
        assert!(h.iter().any(|x| x == col), "{col}");
    }
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), cs.len());
    assert!(rows.iter().any(|r| &r[17] == "Ukraine"));
    let mut gj = Vec::new();
    sitrep_store::export::geojson(&cs, &mut gj).unwrap();
    let g: geojson::GeoJson = String::from_utf8(gj).unwrap().parse().unwrap();
    let geojson::GeoJson::FeatureCollection(fc) = g else {
        panic!("not a FeatureCollection")
    };
    assert!(!fc.features.is_empty());
}

#[test]
fn parquet_export_reads_back_like_the_csv() {
    use arrow_array::{Array, Date32Array, Float64Array, Int64Array, StringArray};
    use arrow_schema::DataType;
    let (d, s, _) = stored();
    let cs = s.clusters(&Filter::default()).unwrap();
    let mut csv_out = Vec::new();
    sitrep_store::export::acled_csv(&cs, &mut csv_out).unwrap();
    let path = d.path().join("events.parquet");
    sitrep_store::export::parquet(&cs, std::fs::File::create(&path).unwrap()).unwrap();
    // every cell equals the CSV's
    assert_eq!(common::assert_parquet_equals_csv(&path, &csv_out), cs.len());
    let (names, batches) = common::read_parquet(&path);
    assert_eq!(
        batches.iter().map(|b| b.num_rows()).sum::<usize>(),
        cs.len()
    );
    let b = &batches[0];
    let col = |n: &str| b.column(names.iter().position(|x| x == n).unwrap()).clone();
    // typed columns
    assert_eq!(col("event_date").data_type(), &DataType::Date32);
    assert_eq!(col("fatalities").data_type(), &DataType::Int64);
    assert_eq!(col("latitude").data_type(), &DataType::Float64);
    assert_eq!(col("country").data_type(), &DataType::Utf8);
    let schema = b.schema();
    assert!(!schema
        .field_with_name("event_id_cnty")
        .unwrap()
        .is_nullable());
    assert!(schema.field_with_name("latitude").unwrap().is_nullable());
    // a few values against the clusters themselves
    let ids = col("sitrep_cluster_id");
    let ids = ids.as_any().downcast_ref::<StringArray>().unwrap();
    let dates = col("event_date");
    let dates = dates.as_any().downcast_ref::<Date32Array>().unwrap();
    let fat = col("fatalities");
    let fat = fat.as_any().downcast_ref::<Int64Array>().unwrap();
    let lat = col("latitude");
    let lat = lat.as_any().downcast_ref::<Float64Array>().unwrap();
    for (i, c) in cs.iter().enumerate().take(b.num_rows()) {
        assert_eq!(ids.value(i), c.id);
        assert_eq!(fat.value(i), c.summary.fatalities_min.unwrap_or(0));
        match &c.summary.date_min {
            Some(dm) => assert_eq!(dates.value_as_date(i).unwrap().to_string(), *dm),
            None => assert!(dates.is_null(i)),
        }
        match c.summary.lat {
            Some(v) => assert!((lat.value(i) - v).abs() < 1e-4),
            None => assert!(lat.is_null(i)),
        }
    }
    let country = col("country");
    let country = country.as_any().downcast_ref::<StringArray>().unwrap();
    assert!((0..country.len()).any(|i| !country.is_null(i) && country.value(i) == "Ukraine"));
}

/// Six reports, two of them with no place the gazetteer knows, then four near-copies of each (a mirror's
/// name after the same text): the copies are syndicated and found no cluster of their own.
#[test]
fn near_copies_add_no_clusters() {
    let originals = [
        ("kd-1", "Russian forces shelled Vovchansk on Sunday, killing two civilians, the regional governor said on Telegram. The strike damaged a school."),
        ("kd-2", "Ukrainian troops repelled an assault near Kupiansk on Monday, the General Staff said. Two armoured vehicles were destroyed, it said."),
        ("kd-3", "A drone strike hit an oil depot in Nikopol overnight, starting a fire that burned until morning, officials said on Tuesday."),
        ("kd-4", "Russian artillery shelled Orikhiv on Wednesday, wounding three civilians, the head of the regional administration said."),
        ("kd-5", "Russian forces shelled a village on the front line overnight, killing one civilian and wounding four, police said on Thursday."),
        ("kd-6", "An air strike destroyed a warehouse on the outskirts of a frontline town on Friday, killing two workers, rescuers said."),
    ];
    let mut lines = String::new();
    for (id, text) in originals {
        lines.push_str(&serde_json::json!({"id": id, "source": "Kharkiv Daily", "published": "2024-03-04", "text": text}).to_string());
        lines.push('\n');
    }
    let e = engine();
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("t.db")).unwrap();
    s.ingest_batch(&docs(&e, &lines)).unwrap();
    let before = s.counts().unwrap();
    assert!(before.clusters >= 4, "{before:?}");
    let mut copies = String::new();
    for k in 1..=4 {
        for (id, text) in originals {
            let text = format!("{text} (Mirror {k})");
            copies.push_str(&serde_json::json!({"id": format!("{id}-m{k}"), "source": format!("Mirror {k}"), "published": "2024-03-04", "text": text}).to_string());
            copies.push('\n');
        }
    }
    let out = s.ingest_batch(&docs(&e, &copies)).unwrap();
    assert!(
        out.iter().all(|o| matches!(o, Outcome::Syndicated { .. })),
        "{out:?}"
    );
    let after = s.counts().unwrap();
    assert_eq!(after.documents, before.documents + 24);
    assert_eq!(after.clusters, before.clusters, "{before:?} -> {after:?}");
}

/// A takeover read with a person as the taker (as "Clinton captured New York" once was) names no holder of
/// the place; the same report with the armed forces as the taker does.
#[test]
fn only_states_forces_and_groups_hold_ground() {
    let line = serde_json::json!({
        "id": "mod-1", "source": "Kyiv Wire", "published": "2024-03-04",
        "text": "Russian forces captured the village of Krasnohorivka on Sunday, the Russian defence ministry said.",
    });
    let e = engine();
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("t.db")).unwrap();
    let mut d = docs(&e, &line.to_string());
    s.ingest_batch(&d).unwrap();
    let rows = s.control_timeline(None).unwrap();
    assert_eq!(rows.len(), 1, "the armed forces hold the village");
    // the same takeover with a person as the taker, in another store
    let ev = d[0]
        .ledger
        .events
        .iter()
        .find(|e| e.actor1.is_some())
        .expect("a taker");
    let taker = ev.actor1.clone().unwrap();
    let a = d[0]
        .ledger
        .actors
        .iter_mut()
        .find(|a| a.id == taker)
        .unwrap();
    a.kind = sitrep_ledger::ActorKind::Person;
    a.name = "Hillary Clinton".into();
    a.affiliation = None;
    let mut s2 = Store::open(&dir.path().join("t2.db")).unwrap();
    s2.ingest_batch(&d).unwrap();
    assert!(
        s2.control_timeline(None).unwrap().is_empty(),
        "a person holds no ground"
    );
}
