use super::*;
use std::io::Write;
use std::sync::OnceLock;

fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::embedded().expect("embedded layer"))
}

fn near(c: &Candidate, lat: f64, lon: f64, tol: f64) -> bool {
    (c.lat - lat).abs() <= tol && (c.lon - lon).abs() <= tol
}

fn has_near(cs: &[Candidate], cc: &str, lat: f64, lon: f64, tol: f64) -> bool {
    cs.iter()
        .any(|c| c.country_code == cc && near(c, lat, lon, tol))
}

#[test]
fn normalise_rules() {
    assert_eq!(normalise("Kup'yansk"), normalise("Kupyansk"));
    assert_eq!(normalise("Kup’yans’k"), "kupyansk");
    assert_eq!(normalise("  Ivano-Frankivsk "), "ivano frankivsk");
    assert_eq!(normalise("St. Petersburg"), "saint petersburg");
    assert_eq!(normalise("St Petersburg"), "saint petersburg");
    assert_eq!(normalise("Ste-Foy"), "saint foy");
    assert_eq!(normalise("Stryi"), "stryi");
    assert_eq!(normalise("Zaporižžja"), "zaporizzja");
    assert_eq!(normalise("Łódź"), "lodz");
    assert_eq!(normalise("Straße"), "strasse");
    assert_eq!(normalise("Київ"), "київ");
    assert_eq!(normalise("Орёл"), "орел");
    assert_eq!(normalise("Bila  Tserkva--"), "bila tserkva");
    assert_eq!(normalise("ʼ'`"), "");
}

#[test]
fn kyiv_three_spellings_same_place() {
    let mut ids = Vec::new();
    for name in ["Kyiv", "Kiev", "Київ"] {
        let cs = gaz().lookup(name);
        let top = cs.first().unwrap_or_else(|| panic!("{name}: no result"));
        assert!(near(top, 50.45, 30.52, 0.02), "{name}: {top:?}");
        assert_eq!(top.country_code, "UA");
        assert_eq!(top.feature_code, "PPLC", "{name}: {top:?}");
        assert_eq!(top.admin1_code.as_deref(), Some("12"));
        ids.push(top.geonames_id);
    }
    assert!(ids.iter().all(|&i| i == 703448), "{ids:?}");
}

#[test]
fn saint_petersburg_variants() {
    for name in ["Saint Petersburg", "St Petersburg", "St. Petersburg"] {
        let cs = gaz().lookup(name);
        assert!(has_near(&cs, "RU", 59.94, 30.31, 0.02), "{name}: {cs:?}");
        assert!(
            has_near(&cs, "US", 27.77, -82.68, 0.02),
            "{name} (Florida): {cs:?}"
        );
        assert_eq!(cs[0].country_code, "RU", "most populous first");
        assert_eq!(cs[0].name, "Saint Petersburg");
    }
}

#[test]
fn zaporizhzhia_spellings_and_villages() {
    for name in ["Zaporizhzhia", "Zaporozhye", "Запоріжжя", "Zaporizhzhya"] {
        let cs = gaz().lookup(name);
        assert!(
            cs.iter()
                .any(|c| c.geonames_id == 687700 && near(c, 47.85, 35.12, 0.01)),
            "{name}: {cs:?}"
        );
    }
    let cs = gaz().lookup("Staromaiorske");
    let c = cs
        .iter()
        .find(|c| c.country_code == "UA")
        .expect("Staromaiorske");
    assert!(
        (c.lat - 47.75271).abs() < 1e-6 && (c.lon - 36.79345).abs() < 1e-6,
        "{c:?}"
    );
    assert_eq!(c.admin1.as_deref(), Some("Donetsk Oblast"));
    // apostrophe spellings meet
    assert_eq!(gaz().lookup("Staromayors'ke")[0].geonames_id, c.geonames_id);
}

#[test]
fn fuzzy_finds_misspelling() {
    assert!(gaz().lookup("Zaporzhhia").is_empty());
    let cs = gaz().lookup_fuzzy("Zaporzhhia", 2);
    let c = cs.first().expect("fuzzy result");
    assert_eq!(c.geonames_id, 687700, "{cs:?}");
    assert!((c.lat - 47.85167).abs() < 1e-6 && (c.lon - 35.11714).abs() < 1e-6);
    // distance capped by length: 4-letter keys get nothing, 5-8 at most one edit
    assert!(gaz().lookup_fuzzy("Kyiw", 2).is_empty());
    assert!(gaz()
        .lookup_fuzzy("Khersn", 2)
        .iter()
        .any(|c| c.geonames_id == 706448));
    assert!(gaz()
        .lookup_fuzzy("Kharkivv", 1)
        .iter()
        .any(|c| c.geonames_id == 706483));
}

#[test]
fn countries_and_admin1() {
    let ua = gaz().country("UA").expect("UA");
    assert_eq!(ua.feature_code, "PCLI");
    assert_eq!(ua.feature_class, 'A');
    assert_eq!(ua.name, "Ukraine");
    assert!(near(&ua, 49.0, 32.0, 0.01));
    assert_eq!(gaz().country("ru").expect("RU").name, "Russia");
    assert!(gaz().country("QQ").is_none());
    assert!(gaz().country("Ukraine").is_none());
    assert!(gaz()
        .lookup("Ukraine")
        .iter()
        .any(|c| c.feature_code == "PCLI" && c.country_code == "UA"));
    assert!(gaz()
        .lookup("Україна")
        .iter()
        .any(|c| c.feature_code == "PCLI"));
    // every country has a plausible point
    for cc in ["FR", "BR", "NG", "AU", "JP", "SY", "IL"] {
        let c = gaz().country(cc).unwrap_or_else(|| panic!("{cc}"));
        assert!(
            c.lat.abs() <= 90.0 && c.lon.abs() <= 180.0 && (c.lat, c.lon) != (0.0, 0.0),
            "{c:?}"
        );
    }

    let d = gaz().lookup("Donetsk Oblast");
    let adm = d
        .iter()
        .find(|c| c.feature_code == "ADM1")
        .expect("Donetsk Oblast ADM1");
    assert_eq!(adm.country_code, "UA");
    assert_eq!(adm.admin1_code.as_deref(), Some("05"));
    assert!(near(adm, 48.0, 37.8, 1.0), "{adm:?}");
    let cr = gaz().lookup("Crimea");
    let adm = cr
        .iter()
        .find(|c| c.feature_code == "ADM1")
        .expect("Crimea ADM1");
    assert_eq!(adm.country_code, "UA");
    assert!(near(adm, 45.3, 34.4, 1.0), "{adm:?}");
    // the city record carries its oblast's name
    let z = gaz().lookup("Zaporizhzhia");
    let city = z.iter().find(|c| c.geonames_id == 687700).unwrap();
    assert_eq!(city.admin1.as_deref(), Some("Zaporizhzhia Oblast"));
}

#[test]
fn demonyms() {
    let g = gaz();
    assert_eq!(g.demonym("Ukrainian"), Some("UA"));
    assert_eq!(g.demonym("Ukrainians"), Some("UA"));
    assert_eq!(g.demonym("UKRAINIAN"), Some("UA"));
    assert_eq!(g.demonym("Belarusian"), Some("BY"));
    assert_eq!(g.demonym("Russian"), Some("RU"));
    assert_eq!(g.demonym("Russia's"), None);
    assert_eq!(g.demonym("Kremlin"), None);
    assert_eq!(g.demonym("American"), Some("US"));
    assert_eq!(g.demonym("US"), Some("US"));
    assert_eq!(g.demonym("U.S."), Some("US"));
    assert_eq!(g.demonym("us"), None);
    assert_eq!(g.demonym("British"), Some("GB"));
    assert_eq!(g.demonym("Poles"), Some("PL"));
    assert_eq!(g.demonym("pole"), None);
    assert_eq!(g.demonym("Dominican"), Some("DO"));
    assert_eq!(g.demonym("North Korean"), Some("KP"));
    assert_eq!(g.demonym("Iranian's"), Some("IR"));
    assert_eq!(g.demonym("українські"), Some("UA"));
    assert_eq!(g.demonym("Российские"), Some("RU"));
}

#[test]
fn stats_and_dirs() {
    let s = gaz().stats();
    assert_eq!(s.layers.len(), 1);
    assert!(s.entries > 230_000, "{s:?}");
    assert!(s.names > s.entries, "{s:?}");
    assert!(default_index_dir().is_some());
}

fn ua_zip() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/geonames/UA.zip");
    if p.is_file() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared/geonames/UA.zip not found");
        None
    }
}

#[test]
fn import_ua_zip() {
    let Some(zip) = ua_zip() else { return };
    let dir = tempfile::tempdir().unwrap();
    let stats = import(std::slice::from_ref(&zip), dir.path()).expect("import");
    assert_eq!(stats.rows, 45_086, "{stats:?}");
    // feature classes P (33,681) and A (2,605) by default
    assert_eq!(stats.entries, 36_286, "{stats:?}");
    assert_eq!(stats.skipped, 45_086 - 36_286);

    let g = Gazetteer::open(&[dir.path().to_path_buf()]).expect("open");
    assert_eq!(g.stats().layers.len(), 2);
    assert_eq!(g.stats().layers[0].entries, 36_286);
    let r = g.lookup("Robotyne");
    let c = r.iter().find(|c| c.country_code == "UA").expect("Robotyne");
    assert!(
        (c.lat - 47.44781).abs() < 1e-5 && (c.lon - 35.837).abs() < 1e-5,
        "{c:?}"
    );
    assert_eq!(c.feature_class, 'P');
    // same id in both layers: one candidate, with the imported (real) feature code
    let z = g.lookup("Zaporizhzhia");
    assert_eq!(z.iter().filter(|c| c.geonames_id == 687700).count(), 1);
    let city = z.iter().find(|c| c.geonames_id == 687700).unwrap();
    assert_eq!(city.feature_code, "PPLA", "{city:?}");
    assert!(city.admin1.is_some());
    // a name only the embedded layer knows still yields the imported record
    let k = g.lookup("Kiev");
    assert_eq!(k.iter().filter(|c| c.geonames_id == 703448).count(), 1);
    // the imported layer's countries win too
    assert_eq!(g.country("UA").unwrap().geonames_id, 690791);

    // all feature classes with the option
    let dir2 = tempfile::tempdir().unwrap();
    let all = import_with(&[zip], dir2.path(), &ImportOptions::all_classes()).unwrap();
    assert_eq!(all.entries, 45_086);
}

#[test]
fn import_bad_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");

    let missing = dir.path().join("nope.zip");
    let e = import(&[missing], &out).unwrap_err();
    assert!(matches!(e, GazetteerError::NotFound { .. }), "{e}");
    assert!(e.to_string().contains("nope.zip"), "{e}");

    let fake = dir.path().join("UA.zip");
    std::fs::write(&fake, b"this is not a zip").unwrap();
    let e = import(&[fake], &out).unwrap_err();
    assert!(matches!(e, GazetteerError::CorruptZip { .. }), "{e}");

    let truncated = dir.path().join("trunc.zip");
    std::fs::write(&truncated, b"PK\x03\x04garbage").unwrap();
    let e = import(&[truncated], &out).unwrap_err();
    assert!(matches!(e, GazetteerError::CorruptZip { .. }), "{e}");

    let txt = dir.path().join("cities500.txt");
    let mut f = std::fs::File::create(&txt).unwrap();
    writeln!(
        f,
        "1\tA\tA\t\t1.0\t2.0\tP\tPPL\tUA\t\t01\t\t\t\t5\t\t1\tEurope/Kyiv\t2020-01-01"
    )
    .unwrap();
    writeln!(f, "2\tB\tB").unwrap();
    drop(f);
    let e = import(&[txt], &out).unwrap_err();
    match &e {
        GazetteerError::WrongColumns {
            line,
            found,
            expected,
            path,
        } => {
            assert_eq!((*line, *found, *expected), (2, 3, 19));
            assert!(path.ends_with("cities500.txt"));
        }
        e => panic!("{e}"),
    }
    assert!(e.to_string().contains("line 2"), "{e}");

    let badnum = dir.path().join("x.txt");
    std::fs::write(
        &badnum,
        "abc\tA\tA\t\t1.0\t2.0\tP\tPPL\tUA\t\t01\t\t\t\t5\t\t1\tE\t2020-01-01\n",
    )
    .unwrap();
    assert!(matches!(
        import(&[badnum], &out).unwrap_err(),
        GazetteerError::BadValue { .. }
    ));

    let bin = dir.path().join("blob.bin");
    std::fs::write(&bin, [0u8, 1, 2, 3, 0, 0]).unwrap();
    assert!(matches!(
        import(&[bin], &out).unwrap_err(),
        GazetteerError::NotGeoNames { .. }
    ));

    // a zip with no GeoNames table
    let z = dir.path().join("empty.zip");
    {
        let mut w = zip::ZipWriter::new(std::fs::File::create(&z).unwrap());
        w.start_file("readme.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(b"hello").unwrap();
        w.finish().unwrap();
    }
    assert!(matches!(
        import(&[z], &out).unwrap_err(),
        GazetteerError::NotGeoNames { .. }
    ));

    // open on a directory without an index, and on garbage index files
    assert!(matches!(
        Gazetteer::open(&[dir.path().join("none")]),
        Err(GazetteerError::NotFound { .. })
    ));
    let junk = dir.path().join("junk");
    std::fs::create_dir_all(&junk).unwrap();
    std::fs::write(junk.join("names.fst"), b"xx").unwrap();
    std::fs::write(junk.join("places.bin"), b"yy").unwrap();
    assert!(matches!(
        Gazetteer::open(&[junk]),
        Err(GazetteerError::Damaged { .. })
    ));
}

/// A small imported index (three places of a hand-made GeoNames table) in `dir/idx`.
fn small_index(dir: &Path) -> PathBuf {
    let txt = dir.join("cities500.txt");
    let mut rows = String::new();
    for (id, name, lat) in [
        (9100001, "Testivka", 48.5),
        (9100002, "Probne", 48.7),
        (9100003, "Zrazkove", 48.9),
    ] {
        rows.push_str(&format!(
            "{id}\t{name}\t{name}\t{name}a,{name}o\t{lat}\t37.5\tP\tPPL\tUA\t\t05\t\t\t\t120\t\t100\tEurope/Kyiv\t2024-01-01\n"
        ));
    }
    std::fs::write(&txt, rows).unwrap();
    let out = dir.join("idx");
    import(&[txt], &out).unwrap();
    out
}

/// Every kind of damage to an imported index is an error at open naming the file and saying to import
/// again: never a panic, never an index read as if whole. An index without a manifest (written before
/// manifests) is refused the same way.
#[test]
fn a_damaged_index_is_refused_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let good = small_index(dir.path());
    let g = Gazetteer::open(std::slice::from_ref(&good)).unwrap();
    assert_eq!(g.lookup("Probne")[0].geonames_id, 9100002);
    let fst_len = std::fs::metadata(good.join(format::FST_FILE))
        .unwrap()
        .len() as usize;
    let data_len = std::fs::metadata(good.join(format::DATA_FILE))
        .unwrap()
        .len() as usize;

    type Damage = Box<dyn Fn(&Path)>;
    let edit = |name: &'static str, f: fn(&mut Vec<u8>)| -> Damage {
        Box::new(move |d: &Path| {
            let mut b = std::fs::read(d.join(name)).unwrap();
            f(&mut b);
            std::fs::write(d.join(name), b).unwrap();
        })
    };
    let flip_middle = |b: &mut Vec<u8>| {
        let (m, n) = (b.len() / 2, b.len());
        for x in &mut b[m..(m + 8).min(n)] {
            *x ^= 0x5a;
        }
    };
    let zero_region = |b: &mut Vec<u8>| {
        let (s, e) = (b.len() / 4, b.len() / 2);
        b[s..e].fill(0);
    };
    let cases: Vec<(&str, &str, Damage)> = vec![
        (
            "truncated fst",
            format::FST_FILE,
            edit(format::FST_FILE, |b| b.truncate(b.len() / 2)),
        ),
        (
            "truncated data",
            format::DATA_FILE,
            edit(format::DATA_FILE, |b| b.truncate(b.len() - 3)),
        ),
        (
            "empty fst",
            format::FST_FILE,
            edit(format::FST_FILE, |b| b.clear()),
        ),
        (
            "fst bytes flipped",
            format::FST_FILE,
            edit(format::FST_FILE, flip_middle),
        ),
        (
            "data bytes flipped",
            format::DATA_FILE,
            edit(format::DATA_FILE, flip_middle),
        ),
        (
            "fst region zeroed",
            format::FST_FILE,
            edit(format::FST_FILE, zero_region),
        ),
        (
            "data region zeroed",
            format::DATA_FILE,
            edit(format::DATA_FILE, zero_region),
        ),
        (
            "data grown",
            format::DATA_FILE,
            edit(format::DATA_FILE, |b| b.extend_from_slice(b"more")),
        ),
        (
            "files swapped",
            if fst_len == data_len {
                format::DATA_FILE
            } else {
                format::FST_FILE
            },
            Box::new(|d: &Path| {
                let (a, b) = (d.join(format::FST_FILE), d.join(format::DATA_FILE));
                let t = d.join("t");
                std::fs::rename(&a, &t).unwrap();
                std::fs::rename(&b, &a).unwrap();
                std::fs::rename(&t, &b).unwrap();
            }),
        ),
        (
            "no manifest (an older index)",
            MANIFEST_FILE,
            Box::new(|d: &Path| std::fs::remove_file(d.join(MANIFEST_FILE)).unwrap()),
        ),
        (
            "manifest of another version",
            MANIFEST_FILE,
            edit(MANIFEST_FILE, |b| {
                *b = String::from_utf8_lossy(b)
                    .replacen(" 1\n", " 99\n", 1)
                    .into_bytes()
            }),
        ),
        (
            "manifest garbled",
            MANIFEST_FILE,
            edit(MANIFEST_FILE, |b| b.truncate(b.len() - 5)),
        ),
        (
            "manifest binary",
            MANIFEST_FILE,
            edit(MANIFEST_FILE, |b| *b = vec![0xff, 0, 1]),
        ),
    ];
    for (what, file, damage) in &cases {
        let d = dir.path().join(what.replace(' ', "_"));
        std::fs::create_dir_all(&d).unwrap();
        for f in [format::FST_FILE, format::DATA_FILE, MANIFEST_FILE] {
            std::fs::copy(good.join(f), d.join(f)).unwrap();
        }
        damage(&d);
        let opened = std::panic::catch_unwind(|| Gazetteer::open(std::slice::from_ref(&d)));
        let e = match opened {
            Ok(Err(e)) => e,
            Ok(Ok(_)) => panic!("{what}: opened"),
            Err(_) => panic!("{what}: panicked"),
        };
        assert!(matches!(e, GazetteerError::Damaged { .. }), "{what}: {e}");
        let msg = e.to_string();
        assert!(
            msg.contains(&d.join(file).display().to_string()),
            "{what}: {msg}"
        );
        assert!(msg.contains("sitrep gazetteer import"), "{what}: {msg}");
    }
    // a new import over a damaged index mends it
    let d = dir.path().join("files_swapped");
    let txt = dir.path().join("cities500.txt");
    import(&[txt], &d).unwrap();
    let g = Gazetteer::open(&[d]).unwrap();
    assert!(g
        .lookup("Zrazkove")
        .iter()
        .any(|c| c.geonames_id == 9100003));
}

#[test]
fn import_text_and_alternate_names() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("cities500.txt");
    std::fs::write(
        &txt,
        "9000001\tTestivka\tTestivka\tTestovka,Тестівка,TSTX\t48.5\t37.5\tP\tPPL\tUA\t\t05\t\t\t\t120\t\t100\tEurope/Kyiv\t2024-01-01\n\
         9000002\tHill\tHill\t\t48.6\t37.6\tT\tHLL\tUA\t\t05\t\t\t\t0\t\t100\tEurope/Kyiv\t2024-01-01\n",
    )
    .unwrap();
    let alt = dir.path().join("alternateNamesV2.txt");
    std::fs::write(
        &alt,
        "1\t9000001\tuk\tТестівка Друга\t\t\t\t\t\t\n2\t9000001\tlink\thttps://x\t\t\t\t\t\t\n3\t123\ten\tNope\t\t\t\t\t\t\n",
    )
    .unwrap();
    let out = dir.path().join("idx");
    let s = import(&[alt, txt], &out).unwrap();
    assert_eq!(
        (s.rows, s.entries, s.skipped, s.alternate_names),
        (2, 1, 1, 1),
        "{s:?}"
    );
    let g = Gazetteer::open(&[out]).unwrap();
    for n in ["Testivka", "Testovka", "Тестівка", "тестівка друга"] {
        let c = g.lookup(n);
        assert_eq!(c.len(), 1, "{n}");
        assert_eq!(c[0].geonames_id, 9000001);
        // admin-1 name filled from the embedded layer
        assert_eq!(c[0].admin1.as_deref(), Some("Donetsk Oblast"));
    }
    assert!(g.lookup("TSTX").is_empty());
}

#[test]
fn skeleton_keys() {
    use crate::format::skeleton;
    assert_eq!(skeleton("gulyaipole"), skeleton("huliaipole"));
    assert_eq!(skeleton("khmelnitsky"), skeleton("khmelnytskyi"));
    assert_eq!(skeleton("kyiv"), Some("~kiiv".replace("ii", "i")));
    assert_eq!(skeleton("київ"), None);
    assert_eq!(skeleton("abc"), None);
    // skeleton keys never surface in exact lookups
    assert!(gaz().lookup("~kiv").is_empty());
}

#[test]
fn gazetteer_is_send_sync() {
    fn check<T: Send + Sync>() {}
    check::<Gazetteer>();
}

#[test]
fn variant_keys_meet_russian_and_ukrainian_spellings() {
    use crate::format::variant_key;
    for (a, b) in [
        ("kharkov", "kharkiv"),
        ("zolotoye", "zolote"),
        ("peski", "pisky"),
        ("novokaterinovka", "novokaterynivka"),
        ("krasny partizan", "krasnyi partyzan"),
        ("shirokaya balka", "shyroka balka"),
        ("yasinovata", "yasynuvata"),
        ("borschevatoye", "borshchuvate"),
        ("rabotino", "robotyne"),
    ] {
        assert!(variant_key(a).is_some(), "{a}");
        assert_eq!(variant_key(a), variant_key(b), "{a} / {b}");
    }
    assert_ne!(variant_key("pervomaisk"), variant_key("pervomaiske"));
    // too few consonants to stand for one name
    assert_eq!(variant_key("oleo"), None);
    assert_eq!(variant_key("київ"), None);
}

#[test]
fn lookup_variants_other_romanisations_only() {
    let g = gaz();
    // a Russian spelling of a Ukrainian town the embedded layer holds under Ukrainian names
    let v = g.lookup_variants("Novohrodovka");
    assert!(has_near(&v, "UA", 48.20, 37.34, 5.0), "{v:?}");
    let v = g.lookup_variants("Selydovo");
    assert!(has_near(&v, "UA", 48.15, 37.30, 5.0), "{v:?}");
    // exact matches are not repeated
    let exact: Vec<u64> = g.lookup("Kharkiv").iter().map(|c| c.geonames_id).collect();
    assert!(g
        .lookup_variants("Kharkiv")
        .iter()
        .all(|c| !exact.contains(&c.geonames_id)));
    // only countries whose names are romanised from Cyrillic
    assert!(g
        .lookup_variants("Sprinfield")
        .iter()
        .all(|c| crate::CYRILLIC_ROMANISED.contains(&c.country_code.as_str())));
    assert!(crate::same_skeleton("slovyansk", "sloviansk"));
    assert!(!crate::same_skeleton("slovyansk", "slavutych"));
}

#[test]
fn admin1_from_polygons() {
    let g = gaz();
    // a field a few km south of Orikhiv
    assert_eq!(
        g.admin1_at(47.47, 35.79),
        Some(("UA", "Zaporizhzhia Oblast"))
    );
    // central Kharkiv, and a point in Donetsk region near the Russian border
    assert_eq!(g.admin1_at(49.99, 36.23), Some(("UA", "Kharkiv Oblast")));
    assert_eq!(
        g.admin1_at(47.95, 38.70).map(|r| r.1),
        Some("Donetsk Oblast")
    );
    // across the border: Rostov region
    assert_eq!(g.admin1_at(47.23, 39.72).map(|r| r.0), Some("RU"));
    // Bavaria; Texas
    assert_eq!(g.admin1_at(48.14, 11.58).map(|r| r.0), Some("DE"));
    assert_eq!(g.admin1_at(30.27, -97.74).map(|r| r.0), Some("US"));
    // the Black Sea, the middle of the Atlantic, nonsense
    assert_eq!(g.admin1_at(43.5, 34.0), None);
    assert_eq!(g.admin1_at(30.0, -40.0), None);
    assert_eq!(g.admin1_at(f64::NAN, 0.0), None);
    let (n, bytes) = crate::admin1_polygon_stats();
    assert!(n > 3000 && bytes < 8_000_000, "{n} polygons, {bytes} bytes");
}

/// The row automaton of the fuzzy look-up accepts exactly the keys of fst's Levenshtein DFA (for the
/// ASCII queries it reads; Cyrillic keys are among those it meets).
#[test]
fn levenshtein_rows_match_the_fst_dfa() {
    let g = gaz();
    let names = &g.layers[g.layers.len() - 1].names;
    let mut found = 0;
    for (q, d) in [
        ("management", 2),
        ("huliaipole", 2),
        ("kramatorsk", 1),
        ("slepian", 1),
        ("zaporizhzhia", 2),
        ("ab cdef", 1),
        ("kharkov", 1),
        ("donetsk", 2),
        ("berlin", 1),
        ("washington", 2),
    ] {
        let kchars: Vec<char> = q.chars().collect();
        let rows = LevenshteinRows::new(&kchars, d);
        let dfa = fst::automaton::Levenshtein::new(q, d).unwrap();
        let a: Vec<Vec<u8>> = names.search(&rows).into_stream().into_byte_keys();
        let b: Vec<Vec<u8>> = names.search(&dfa).into_stream().into_byte_keys();
        assert_eq!(a, b, "{q} at distance {d}");
        found += b.len();
    }
    assert!(found > 10, "the queries find keys: {found}");
}
