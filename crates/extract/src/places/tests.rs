//! Place recognition and resolution on sentences written for these tests.
//!
//! Writes: no layer (tests). Reads: the embedded rules and gazetteer.

use crate::{Engine, InputDoc};
use sitrep_gazetteer::Gazetteer;
use sitrep_ledger::{Bearing, Ledger, Place, RelativeKind, Resolution};
fn engine() -> Engine {
    Engine::new(Gazetteer::embedded().unwrap())
}

fn border_point(a: &str, b: &str) -> Option<(f64, f64)> {
    super::border_point(&crate::Rules::embedded().places.borders, a, b)
}

fn read(text: &str) -> Ledger {
    engine().extract(&InputDoc {
        id: "t".into(),
        text: text.into(),
        ..Default::default()
    })
}

/// The place with a mention whose text is `m`.
fn place<'a>(l: &'a Ledger, m: &str) -> Option<&'a Place> {
    l.places
        .iter()
        .find(|p| p.mentions.iter().any(|x| x.text == m))
}

fn kind_of(l: &Ledger, m: &str) -> String {
    let p = place(l, m).unwrap_or_else(|| panic!("no place mention '{m}'"));
    p.mentions
        .iter()
        .find(|x| x.text == m)
        .unwrap()
        .kind
        .to_string()
}

fn near(p: &Place, lat: f64, lon: f64, km: f64) -> bool {
    match (p.lat, p.lon) {
        (Some(a), Some(b)) => super::haversine_km((a, b), (lat, lon)) <= km,
        _ => false,
    }
}

#[test]
fn relative_location_with_distance_and_bearing() {
    let l = read("Russian troops shelled Robotyne, 10km south of the town of Orikhiv, on Tuesday.");
    let r = place(&l, "Robotyne").expect("Robotyne");
    let rel = r.relative_to.as_ref().expect("relation");
    assert_eq!(rel.distance_km, Some(10.0));
    assert_eq!(rel.bearing, Some(Bearing::S));
    let anchor = l.places.iter().find(|p| p.id == rel.anchor).unwrap();
    assert!(anchor.name.contains("Orikhiv"), "{}", anchor.name);
}

#[test]
fn unknown_village_placed_from_its_relation() {
    let l = read("Fighting went on around the village of Zorianopilka, 12 km north-west of Avdiivka, the army said.");
    let v = place(&l, "Zorianopilka").expect("the village is a place");
    assert_eq!(v.resolution, Resolution::Relative);
    let rel = v.relative_to.as_ref().unwrap();
    assert_eq!(rel.bearing, Some(Bearing::NW));
    // Avdiivka is at 48.14, 37.74: 12 km to the north-west
    assert!(near(v, 48.216, 37.626, 3.0), "{:?} {:?}", v.lat, v.lon);
}

#[test]
fn just_north_of_the_occupied_city() {
    let l = read(
        "Ukrainian drones struck a depot in Makiivka, just north of the occupied city of Donetsk.",
    );
    let m = place(&l, "Makiivka").expect("Makiivka");
    let rel = m.relative_to.as_ref().expect("relation");
    assert_eq!(rel.bearing, Some(Bearing::N));
    let anchor = l.places.iter().find(|p| p.id == rel.anchor).unwrap();
    assert!(anchor.name.contains("Donetsk"));
}

#[test]
fn capital_as_subject_is_a_metonym() {
    let l = read("Kyiv denied the report on Friday.");
    assert_eq!(kind_of(&l, "Kyiv"), "metonym");
    let l = read("Moscow said the strikes hit military targets.");
    assert_eq!(kind_of(&l, "Moscow"), "metonym");
}

#[test]
fn capital_after_a_preposition_is_literal() {
    let l = read("Air raid sirens sounded in Kyiv overnight.");
    assert_eq!(kind_of(&l, "Kyiv"), "literal");
    assert!(near(place(&l, "Kyiv").unwrap(), 50.45, 30.52, 20.0));
}

#[test]
fn demonym_points_to_its_country() {
    let l = read("Ukrainian troops advanced near the front line.");
    assert_eq!(kind_of(&l, "Ukrainian"), "demonym");
    assert_eq!(
        place(&l, "Ukrainian").unwrap().country_code.as_deref(),
        Some("UA")
    );
}

#[test]
fn us_abbreviation_names_the_country() {
    let l = read("The aid was sent to the U.S. last week, and the UK promised more.");
    let us = place(&l, "U.S.")
        .or_else(|| place(&l, "U.S"))
        .expect("U.S.");
    assert_eq!(us.country_code.as_deref(), Some("US"));
    assert_ne!(kind_of(&l, "UK"), "demonym");
}

#[test]
fn saint_petersburg_is_russian_by_default() {
    let l = read("Talks were held in St. Petersburg on Friday.");
    let p = place(&l, "St. Petersburg").expect("St. Petersburg");
    assert_eq!(p.country_code.as_deref(), Some("RU"));
}

#[test]
fn saint_petersburg_florida_with_a_cue() {
    let l = read("A storm flooded streets in St. Petersburg, Florida, on Monday, and Tampa closed its schools.");
    let p = place(&l, "St. Petersburg").expect("St. Petersburg");
    assert_eq!(p.country_code.as_deref(), Some("US"));
    assert!(near(p, 27.77, -82.68, 30.0));
}

#[test]
fn river_is_not_the_city() {
    let l = read("Troops crossed the Dnipro river south of Kherson.");
    if let Some(p) = place(&l, "Dnipro") {
        assert!(
            !near(p, 48.45, 35.04, 50.0),
            "the river resolved to the city of Dnipro"
        );
    }
    assert!(place(&l, "Kherson").is_some());
}

#[test]
fn nuclear_plant_is_a_facility() {
    let l = read("Shelling hit the Zaporizhzhia nuclear power plant overnight.");
    let p = l
        .places
        .iter()
        .find(|p| p.feature_code.as_deref() == Some("FCL"))
        .expect("facility");
    assert!(p.name.contains("nuclear power plant"), "{}", p.name);
}

#[test]
fn region_cue_picks_the_region() {
    let l = read("Shelling was reported across the Donetsk region on Sunday.");
    let p = place(&l, "Donetsk").expect("Donetsk");
    assert_eq!(p.feature_code.as_deref(), Some("ADM1"));
}

#[test]
fn every_resolved_place_has_admin1_and_a_confidence() {
    let l = read("Explosions were heard in Odesa and in Kharkiv on Tuesday.");
    for m in ["Odesa", "Kharkiv"] {
        let p = place(&l, m).unwrap_or_else(|| panic!("{m}"));
        assert!(p.admin1.is_some(), "{m} has no admin1");
        assert!(p.confidence > 0.0 && p.confidence <= 1.0);
    }
}

#[test]
fn transliteration_variant_resolves() {
    let l = read("Shelling hit Gorlovka overnight, local officials said.");
    let p = place(&l, "Gorlovka").expect("Gorlovka");
    assert!(near(p, 48.30, 38.05, 15.0), "{:?} {:?}", p.lat, p.lon);
}

#[test]
fn people_are_not_places() {
    let l =
        read("Senator Tom Jones said the bill would pass. Jones added that Mr. Lincoln agreed.");
    assert!(place(&l, "Jones").is_none());
    assert!(place(&l, "Lincoln").is_none());
}

#[test]
fn common_words_are_not_places() {
    let l = read("Police said the Hospital was closed. More help is coming, Many residents said.");
    for w in ["Police", "Hospital", "More", "Many"] {
        assert!(place(&l, w).is_none(), "{w} taken for a place");
    }
}

#[test]
fn continent_resolves() {
    let l = read("The virus spread quickly across Africa last year.");
    let p = place(&l, "Africa").expect("Africa");
    assert_eq!(p.feature_code.as_deref(), Some("CONT"));
}

#[test]
fn state_in_the_text_picks_the_town() {
    let l =
        read("A fire destroyed two homes in Paris, Texas, on Sunday, the fire department said.");
    let p = place(&l, "Paris").expect("Paris");
    assert_eq!(p.country_code.as_deref(), Some("US"));
}

#[test]
fn country_after_a_preposition() {
    let l = read("The convoy crossed into Poland before dawn.");
    let p = place(&l, "Poland").expect("Poland");
    assert!(p
        .feature_code
        .as_deref()
        .is_some_and(|f| f.starts_with("PCL")));
    assert_eq!(kind_of(&l, "Poland"), "literal");
}

#[test]
fn region_abbreviation_after_a_place() {
    let l = read(
        "Olson was taken in Chowchilla, Calif. on Monday. A plant in Wheeling, W.Va., closed.",
    );
    let ca = place(&l, "Calif.").expect("Calif. is a place");
    assert!(near(ca, 37.2, -119.6, 300.0), "{ca:?}");
    let wv = place(&l, "W.Va.").expect("W.Va. is a place");
    assert!(near(wv, 38.6, -80.6, 200.0), "{wv:?}");
    // a title is no region: "Miss. Smith" has no place before it
    let l = read("He met Miss. Smith at the station.");
    assert!(place(&l, "Miss.").is_none());
}

#[test]
fn admin1_point_is_the_middle_of_the_region() {
    // Ontario's point is the middle of the province, not of its southern cities
    let l = read("Health officials in the Canadian province of Ontario reported new cases.");
    let on = place(&l, "Ontario").expect("Ontario");
    assert!(near(on, 50.0, -85.0, 161.0), "{on:?}");
}

#[test]
fn region_of_the_other_places_decides_a_shared_name() {
    // Gainesville in the state the article's other towns are in, not the larger one in Florida
    let l = read(
        "Crews from Atlanta, Savannah and Macon helped after the storm hit Gainesville on Monday.",
    );
    let g = place(&l, "Gainesville").expect("Gainesville");
    assert!(near(g, 34.3, -83.8, 50.0), "{g:?}");
}

/// The border place of a mention "border" / "frontier".
fn border(l: &Ledger) -> &Place {
    l.places
        .iter()
        .find(|p| {
            p.relative_to
                .as_ref()
                .is_some_and(|r| r.kind == RelativeKind::Border)
        })
        .unwrap_or_else(|| {
            panic!(
                "no border place in {:?}",
                l.places.iter().map(|p| &p.name).collect::<Vec<_>>()
            )
        })
}

fn anchor_name<'a>(l: &'a Ledger, p: &Place) -> &'a str {
    let a = &p.relative_to.as_ref().unwrap().anchor;
    &l.places.iter().find(|q| &q.id == a).unwrap().name
}

#[test]
fn near_the_demonym_border_is_the_border_with_the_articles_country() {
    let l = read(
        "Ukrainian border guards in Chernivtsi and Odesa stopped two men near the Romanian border on Friday, \
         the State Border Guard Service of Ukraine said.",
    );
    let b = border(&l);
    assert_eq!(b.geo_precision, Some(3));
    assert_eq!(b.country_code.as_deref(), Some("UA"));
    assert_eq!(anchor_name(&l, b), "Romania");
    let (pt_lat, pt_lon) = border_point("UA", "RO").expect("Romania and Ukraine share a border");
    assert!(near(b, pt_lat, pt_lon, 1.0));
    // the point lies between the two countries, not in the middle of either
    assert!(near(b, 47.9, 26.0, 400.0), "{:?} {:?}", b.lat, b.lon);
}

#[test]
fn along_the_border_with_a_named_country() {
    let l = read("Shelling continued in Kharkiv and Sumy along the border with Russia overnight.");
    let b = border(&l);
    assert_eq!(b.country_code.as_deref(), Some("UA"));
    assert_eq!(anchor_name(&l, b), "Russia");
    assert!(near(b, 50.5, 36.0, 500.0), "{:?} {:?}", b.lat, b.lon);
    assert_eq!(place(&l, "Russia").unwrap().name, "Russia");
}

#[test]
fn on_the_belarusian_border_and_an_owner() {
    let l = read("Kyiv said troops were massing on the Belarusian border, north of Zhytomyr.");
    let b = border(&l);
    assert_eq!(anchor_name(&l, b), "Belarus");
    assert_eq!(b.country_code.as_deref(), Some("UA"));
    let l = read("Poland's border with Belarus was closed after the incident in Bialystok.");
    let b = border(&l);
    assert_eq!(b.country_code.as_deref(), Some("PL"));
    assert_eq!(anchor_name(&l, b), "Belarus");
}

#[test]
fn two_named_countries_make_the_border() {
    let l = read("Refugees crossed the Polish-Ukrainian border at Medyka all night.");
    let b = border(&l);
    let (lat, lon) = border_point("PL", "UA").unwrap();
    assert!(near(b, lat, lon, 1.0));
    let l = read("Ukrainian troops in Chernihiv stood near the border with Belarus and Russia.");
    assert_eq!(anchor_name(&l, border(&l)), "Belarus");
    let l = read("The convoy waited at the border between Moldova and Ukraine.");
    let (lat, lon) = border_point("MD", "UA").unwrap();
    assert!(near(border(&l), lat, lon, 1.0));
}

#[test]
fn no_border_place_without_a_shared_border_or_a_country() {
    // a state line is not a country border; Poland has no land border with the United States
    let l = read("Police in Bowling Green, Ky., patrolled the Tennessee border and the Polish border crossing of Medyka.");
    assert!(l.places.iter().all(|p| p
        .relative_to
        .as_ref()
        .is_none_or(|r| r.kind != RelativeKind::Border)));
}

#[test]
fn names_with_of_are_read_whole() {
    let l = read("Ebola spread in the Democratic Republic of the Congo and in the Republic of Congo last year.");
    let p = place(&l, "Democratic Republic of the Congo").expect("the whole name");
    assert_eq!(p.country_code.as_deref(), Some("CD"));
    let p = place(&l, "Republic of Congo").expect("the whole name");
    assert_eq!(p.country_code.as_deref(), Some("CG"));
    // an organisation named after a place is not read as the place with "of"
    let l = read("The Bank of America branch in Charlotte closed.");
    assert!(place(&l, "Bank of America").is_none());
}

#[test]
fn common_country_names_resolve() {
    let l = read("Cholera cases were reported in Zaire and in America, and later in Congo.");
    assert_eq!(
        place(&l, "Zaire").unwrap().country_code.as_deref(),
        Some("CD")
    );
    assert_eq!(
        place(&l, "America").unwrap().country_code.as_deref(),
        Some("US")
    );
    assert_eq!(
        place(&l, "Congo").unwrap().country_code.as_deref(),
        Some("CG")
    );
    // a country whose largest island crosses the antimeridian is put on it
    let l = read("Storms hit Fiji on Monday.");
    assert!(near(place(&l, "Fiji").unwrap(), -17.8, 178.0, 200.0));
}

#[test]
fn a_local_article_keeps_its_towns_at_home() {
    // most towns named lie in Pennsylvania: "Lebanon" is the town there, not the country
    let l = read(
        "Mary Smith, 84, of Annville, died Sunday at Good Samaritan Hospital in Lebanon. She was born in \
         Palmyra and lived in Myerstown and Hershey. Services will be held at the church, 400 S. Locust St., \
         Lebanon.",
    );
    let p = place(&l, "Lebanon").expect("Lebanon");
    assert_eq!(p.country_code.as_deref(), Some("US"), "{}", p.name);
    // the same name in an article about the Middle East is the country
    let l = read(
        "Israeli jets struck targets in Syria and Lebanon, officials in Beirut and Damascus said.",
    );
    assert_eq!(
        place(&l, "Lebanon").unwrap().country_code.as_deref(),
        Some("LB")
    );
}

#[test]
fn a_country_listed_with_countries_stays_a_country() {
    // towns of one country around, but "China" is listed with the United States
    let l = read(
        "A professor at Rice University in Houston, Texas, said the dispute between the United States and \
         China would hurt farmers in Austin and Dallas. China answered with tariffs.",
    );
    let p = place(&l, "China").expect("China");
    assert_eq!(p.country_code.as_deref(), Some("CN"), "{}", p.name);
}

#[test]
fn two_word_demonyms() {
    let l = read("Sri Lankan troops and South African doctors arrived on Monday.");
    assert_eq!(
        place(&l, "Sri Lankan").unwrap().country_code.as_deref(),
        Some("LK")
    );
    assert_eq!(kind_of(&l, "Sri Lankan"), "demonym");
    assert_eq!(
        place(&l, "South African").unwrap().country_code.as_deref(),
        Some("ZA")
    );
}

#[test]
fn a_country_name_counts_fully_for_the_articles_country() {
    // "Ukraine" has a village namesake in Spain; it still weighs as much as "Russian" does
    let l = read("Fighting in Donetsk town. A Russian journalist was killed in Ukraine.");
    assert_eq!(
        place(&l, "Donetsk").unwrap().country_code.as_deref(),
        Some("UA")
    );
}

#[test]
fn continent_adjectives_and_institutions() {
    let l = read(
        "The plan will help European airports, the minister told the European Union in Brussels.",
    );
    let p = place(&l, "European").expect("a continent's adjective");
    assert_eq!(p.name, "Europe");
    assert_eq!(kind_of(&l, "European"), "demonym");
    assert!(
        l.places
            .iter()
            .all(|p| p.mentions.iter().all(|m| m.start != 60)),
        "not in 'European Union'"
    );
    // institutions and acronyms that small places are named after
    let l = read("The Secretary told Congress that the APC would meet in the Centre of Abuja.");
    for w in ["Secretary", "Congress", "APC", "Centre"] {
        assert!(place(&l, w).is_none(), "{w} is not a place");
    }
    // a person quoted after the verb
    let l = read("\"We waited all night,\" said Noma. Police in Durban did not answer.");
    assert!(place(&l, "Noma").is_none());
    assert!(place(&l, "Durban").is_some());
}

#[test]
fn contractions_holidays_and_diseases_are_not_places() {
    let l = read("\"We're happy,\" she said. \"I’ve seen worse.\" The Marburg virus spread in Angola at Christmas.");
    for w in ["We're", "I’ve", "Marburg", "Christmas"] {
        assert!(place(&l, w).is_none(), "{w} is not a place");
    }
    assert!(place(&l, "Angola").is_some());
    // a compass word before a place is not a place of its own
    let l = read("Schools in Northeast Georgia and Atlanta reopened. Sen. Smith visited Athens.");
    assert!(place(&l, "Northeast").is_none());
    assert!(place(&l, "Sen").is_none());
    assert!(place(&l, "Georgia").is_some());
}

#[test]
fn us_counties_resolve_in_their_state() {
    let l = read("Deputies in Laurel County, Kentucky, arrested a man from London on Monday.");
    let p = place(&l, "Laurel County").expect("a county");
    assert_eq!(p.country_code.as_deref(), Some("US"));
    assert!(near(p, 37.11, -84.12, 30.0));
    // a county name shared by several states: the one in the state of the other places
    let l = read(
        "The fire in Henry County spread toward McDonough and Stockbridge, Georgia officials said.",
    );
    let p = place(&l, "Henry County").expect("a county");
    assert!(near(p, 33.45, -84.15, 50.0), "{:?} {:?}", p.lat, p.lon);
}

#[test]
fn a_region_heading_an_organisation_is_a_place_too() {
    let l = read(
        "Georgia officials said the Georgia Bureau of Investigation found the car in Macon, between Atlanta \
         and Savannah.",
    );
    let p = place(&l, "Georgia").expect("Georgia at the head of an organisation");
    assert_eq!(p.country_code.as_deref(), Some("US"), "{}", p.name);
}

#[test]
fn compounds_dotted_regions_and_state_abbreviations() {
    let l = read("The Texas-based company hired workers in S.C. and in NSW last year.");
    let t = place(&l, "Texas").expect("the place before -based");
    assert_eq!(kind_of(&l, "Texas"), "literal");
    assert_eq!(t.country_code.as_deref(), Some("US"));
    assert_eq!(
        place(&l, "S.C.").expect("a dotted state").name,
        "South Carolina"
    );
    assert_eq!(
        place(&l, "NSW").expect("an Australian state").name,
        "New South Wales"
    );
    // "US-based" names a place, not the state as an actor
    let l = read("The US-based Institute for the Study of War said the assault had begun.");
    assert_eq!(kind_of(&l, "US"), "literal");
}

#[test]
fn and_names_and_compound_continent_adjectives() {
    let l = read("Flights from Trinidad and Tobago to Morocco resumed, Central American and North American officials said.");
    assert_eq!(
        place(&l, "Trinidad and Tobago")
            .expect("the whole name")
            .country_code
            .as_deref(),
        Some("TT")
    );
    assert!(near(place(&l, "Morocco").unwrap(), 32.0, -6.0, 100.0));
    // no "American" (the United States) inside "Central American"
    assert!(place(&l, "American").is_none());
    // Central America is a region of data/gazetteer/water_regions.tsv
    assert_eq!(
        place(&l, "Central American").unwrap().name,
        "Central America"
    );
    assert_eq!(place(&l, "North American").unwrap().name, "North America");
}

#[test]
fn currencies_institutions_and_brands_are_not_places() {
    let l = read(
        "The White House pledged US$100 million; Toyota and Hamas were not consulted in Gaza.",
    );
    for w in ["White House", "US", "Toyota", "Hamas"] {
        assert!(place(&l, w).is_none(), "{w} is not a place");
    }
    assert!(place(&l, "Gaza").is_some());
    // the country itself still is
    let l = read("The US pledged aid to Gaza.");
    assert!(place(&l, "US").is_some());
}

#[test]
fn village_named_with_its_district_and_region() {
    // "Novoselivka" is common; the one in Donetsk region, near the district centre, is meant
    let l = read(
        "Two soldiers were wounded in Novoselivka village, Lymanskyi district, Donetsk region.",
    );
    let p = place(&l, "Novoselivka").expect("Novoselivka");
    assert!(near(p, 49.07, 37.70, 5.0), "{:?}", (p.lat, p.lon));
    assert_eq!(p.country_code.as_deref(), Some("UA"));
    assert!(
        p.admin1.as_deref().is_some_and(|a| a.contains("Donetsk")),
        "{:?}",
        p.admin1
    );
    let l = read("Shelling was reported in the village of Andriivka, Donetsk Obl, on Sunday.");
    let p = place(&l, "Andriivka").expect("Andriivka");
    assert!(
        p.admin1.as_deref().is_some_and(|a| a.contains("Donetsk")),
        "{:?}",
        p.admin1
    );
}

#[test]
fn russian_spelling_of_a_ukrainian_town() {
    // neither spelling is in the gazetteer as written: "Selydove" in Ukrainian
    let l = read("A shell hit a school in Selydovo town overnight, Ukrainian officials said.");
    let p = place(&l, "Selydovo").expect("Selydovo");
    assert!(near(p, 48.15, 37.30, 5.0), "{:?}", (p.lat, p.lon));
    // standing alone, in a report about Ukraine
    let l = read("Ukraine said two civilians died in Novohrodovka.");
    let p = place(&l, "Novohrodovka").expect("Novohrodovka");
    assert!(near(p, 48.20, 37.34, 5.0), "{:?}", (p.lat, p.lon));
    // a surname in a report about somewhere else is not a village
    let l = read("Ghost Tiger, the band of Anna Selydova, played in Chicago.");
    assert!(place(&l, "Selydova").is_none());
}

#[test]
fn relative_point_takes_its_region_from_the_polygon() {
    // 60 km north-east of Mariupol lies in Donetsk region; 25 km south of Orikhiv in Zaporizhzhia
    let l = read("Shelling hit Zorianopilka, 60 km north-east of Mariupol, the army said.");
    let v = place(&l, "Zorianopilka").expect("Zorianopilka");
    assert_eq!(v.resolution, Resolution::Relative);
    assert_eq!(v.country_code.as_deref(), Some("UA"));
    assert_eq!(v.admin1.as_deref(), Some("Donetsk Oblast"));
    let l = read("Fighting went on at Zorianopilka, 25 km south of the town of Orikhiv.");
    let v = place(&l, "Zorianopilka").expect("Zorianopilka");
    assert_eq!(v.admin1.as_deref(), Some("Zaporizhzhia Oblast"));
}

#[test]
fn region_named_by_an_alias() {
    let l = read("The DPR said a civilian was killed by shelling in Novoselivka on Monday.");
    let p = place(&l, "Novoselivka").expect("Novoselivka");
    assert!(
        p.admin1.as_deref().is_some_and(|a| a.contains("Donetsk")),
        "{:?}",
        p.admin1
    );
}

#[test]
fn a_name_after_a_person_noun_is_a_person() {
    // small gazetteer towns used as surnames, introduced by what the person does
    for text in [
        "Heavyweight boxer Dewan Thaxton lost on points last night. Thaxton will fight again in May.",
        "Tech company CEO Orla Keswick spoke at the conference. Keswick announced a new phone.",
        "The singer Tomasz Colquitt performed. Colquitt was cheered.",
    ] {
        let l = read(text);
        for name in ["Thaxton", "Keswick", "Colquitt"] {
            assert!(place(&l, name).is_none(), "{name} in {text}");
        }
    }
    // the same towns after a preposition stay places
    let l = read("He drove from Gilroy to Keswick.");
    assert!(place(&l, "Gilroy").is_some() && place(&l, "Keswick").is_some());
}

#[test]
fn international_given_names_and_particles_make_persons() {
    let l = read("The winning stake went to Aidan Gilroy, an amateur. Gilroy was stunned.");
    assert!(place(&l, "Gilroy").is_none());
    let l = read("The race was won by Mike de Keswick's horse. Keswick trained it for a year.");
    assert!(place(&l, "Keswick").is_none());
}

#[test]
fn climate_phenomena_and_brands_are_not_places() {
    let l = read(
        "El Niño brought warm water, and La Niña will follow. Shoppers queued at Zara and bought Mega Millions tickets.",
    );
    for name in ["El Niño", "Niña", "La Niña", "Zara", "Mega"] {
        assert!(place(&l, name).is_none(), "{name}");
    }
}

#[test]
fn a_place_written_by_another_is_read_near_it() {
    // Oleksandrivka has readings all over Ukraine; "west of Donetsk" says which
    let l = read("Shelling hit Oleksandrivka, west of Donetsk, on Monday.");
    let p = place(&l, "Oleksandrivka").expect("Oleksandrivka");
    assert!(near(p, 47.92, 37.58, 10.0), "{:?} {:?}", p.lat, p.lon);
    // and not the anchor itself, which GeoNames also calls Oleksandrivka
    assert_ne!(p.name, "Donetsk");
    let l = read("Shelling hit Oleksandrivka near Kramatorsk on Monday.");
    let p = place(&l, "Oleksandrivka").expect("Oleksandrivka");
    assert!(near(p, 48.71, 36.91, 10.0), "{:?} {:?}", p.lat, p.lon);
}

#[test]
fn a_stated_distance_and_bearing_choose_among_readings() {
    let l = read("Shelling hit Oleksandrivka (100 km north-west of Donetsk) on Monday.");
    let p = place(&l, "Oleksandrivka").expect("Oleksandrivka");
    assert!(near(p, 48.71, 36.91, 10.0), "{:?} {:?}", p.lat, p.lon);
}

#[test]
fn one_reading_per_name_in_a_text() {
    let l = read(
        "Oleksandrivka came under fire at dawn. Later the army said Oleksandrivka \
         (100 km north-west of Donetsk) was calm.",
    );
    let ps: Vec<&Place> = l
        .places
        .iter()
        .filter(|p| p.mentions.iter().any(|m| m.text == "Oleksandrivka"))
        .collect();
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(ps[0].mentions.len(), 2);
    // but the city and the region of one name stay apart
    let l = read("Shelling in the Kherson region went on; the city of Kherson had no power.");
    let region = l
        .places
        .iter()
        .find(|p| p.feature_code.as_deref() == Some("ADM1"));
    let city = l
        .places
        .iter()
        .find(|p| p.feature_code.as_deref() != Some("ADM1"));
    assert!(region.is_some() && city.is_some(), "{:?}", l.places);
}

#[test]
fn a_district_adjective_names_its_centre() {
    let l = read("Two men were wounded in the village of Stepanivka, Shakhtarskyi district.");
    let d = place(&l, "Shakhtarskyi").expect("the district is read");
    // the town of Shakhtarsk, not the village Shakhtarske near Dnipro
    assert!(
        near(d, 48.06, 38.44, 5.0),
        "{} {:?} {:?}",
        d.name,
        d.lat,
        d.lon
    );
    // a name does not run on into the district's: "Vuhlehirsk" alone
    let l = read("A checkpoint in the town of Vuhlehirsk Artemivsky district was shelled.");
    assert!(place(&l, "Vuhlehirsk").is_some(), "{:?}", l.places);
}

#[test]
fn a_misspelt_name_before_its_settlement_word() {
    let l = read("Shachastia town was shelled overnight.");
    let p = place(&l, "Shachastia").expect("a misspelling of Shchastia");
    assert!(near(p, 48.74, 39.23, 5.0), "{:?} {:?}", p.lat, p.lon);
}

#[test]
fn an_english_word_is_not_read_as_a_misspelt_name() {
    // "Acting" is one edit from "A Ting" (and "Atting"): an ordinary word, not looked up at a distance
    let l = read(
        "Homeowners were helped by social service agencies, Acting City Planner Sue Guio said.",
    );
    assert!(place(&l, "Acting").is_none(), "{:?}", l.places);
}

#[test]
fn a_report_on_the_war_prefers_the_areas_fought_over() {
    // Novoselivka: villages in Odesa oblast and one near Donetsk
    let l = read("A Ukrainian soldier was killed by shelling in Novoselivka.");
    let p = place(&l, "Novoselivka").expect("Novoselivka");
    assert_eq!(p.admin1.as_deref(), Some("Donetsk Oblast"), "{p:?}");
    // a report on something else keeps the population prior
    let l = read("A new school opened in Novoselivka, the Ukrainian education ministry said.");
    let p = place(&l, "Novoselivka").expect("Novoselivka");
    assert_ne!(p.admin1.as_deref(), Some("Donetsk Oblast"), "{p:?}");
}

#[test]
fn regions_listed_or_named_as_states() {
    // a bare "Washington" is the capital; written as a state, or listed with states, the state
    let l = read("The cow came from a farm in Washington state, officials said.");
    let p = place(&l, "Washington").expect("Washington");
    assert_eq!(p.feature_code.as_deref(), Some("ADM1"), "{p:?}");
    let l = read("Cases were found in the state of Washington.");
    let p = place(&l, "Washington").expect("Washington");
    assert_eq!(p.feature_code.as_deref(), Some("ADM1"), "{p:?}");
    let l = read("Cases rose in Oregon, Washington and Idaho last week.");
    let p = place(&l, "Washington").expect("Washington");
    assert_eq!(p.feature_code.as_deref(), Some("ADM1"), "{p:?}");
    // "Ontario" beside Manitoba, and after a town of it, is the province, not the Californian city
    let l = read("Illnesses were reported in Manitoba, Ontario and Quebec.");
    let p = place(&l, "Ontario").expect("Ontario");
    assert_eq!(p.feature_code.as_deref(), Some("ADM1"), "{p:?}");
    let l = read("The firm, based in Mississauga, Ontario, recalled its products.");
    let p = place(&l, "Ontario").expect("Ontario");
    assert_eq!(p.feature_code.as_deref(), Some("ADM1"), "{p:?}");
    // "Washington State University" is no cue
    let l = read("She studied at Washington State University before moving to Seattle.");
    assert!(place(&l, "Washington").is_none_or(|p| p.feature_code.as_deref() != Some("ADM1")));
}

#[test]
fn oceans_seas_and_macro_regions_are_not_towns() {
    let l = read(
        "The storm formed over the Atlantic and moved towards the Gulf of Mexico, while a second one \
         crossed the Pacific. Tankers in the Indian Ocean were diverted.",
    );
    let a = place(&l, "Atlantic").expect("Atlantic");
    assert_eq!(a.name, "Atlantic Ocean");
    assert!(near(a, 10.0, -25.0, 1.0));
    assert_eq!(place(&l, "Pacific").expect("Pacific").name, "Pacific Ocean");
    assert_eq!(
        place(&l, "Indian Ocean").expect("Indian Ocean").name,
        "Indian Ocean"
    );
    assert_eq!(
        place(&l, "Gulf of Mexico").expect("Gulf of Mexico").name,
        "Gulf of Mexico"
    );
    let l = read("Diplomats from Jordan and Egypt met to discuss peace in the Middle East and the Korean Peninsula.");
    assert_eq!(
        place(&l, "Middle East").expect("Middle East").name,
        "Middle East"
    );
    let k = place(&l, "Korean Peninsula").expect("Korean Peninsula");
    assert!(near(k, 38.0, 127.5, 50.0));
}

#[test]
fn the_gulf_is_the_one_near_the_article() {
    let l = read("Iran sent warships into the Gulf after talks in Tehran and Doha broke down.");
    assert_eq!(place(&l, "Gulf").expect("Gulf").name, "Persian Gulf");
    let l = read(
        "Oil rigs off Houston and New Orleans were evacuated as the hurricane entered the Gulf.",
    );
    assert_eq!(place(&l, "Gulf").expect("Gulf").name, "Gulf of Mexico");
}

#[test]
fn uk_counties() {
    let l = read(
        "Flooding closed roads across Kent and Hampshire, and rail lines in Norfolk were shut.",
    );
    for (m, lat, lon) in [
        ("Kent", 51.2, 0.7),
        ("Hampshire", 51.05, -1.3),
        ("Norfolk", 52.65, 1.0),
    ] {
        let p = place(&l, m).unwrap_or_else(|| panic!("{m}"));
        assert!(near(p, lat, lon, 30.0), "{m}: {:?} {:?}", p.lat, p.lon);
    }
    // a US paper's Norfolk is still the Virginia city
    let l = read("The Navy ship returned to Norfolk, Virginia, after a tour near Richmond and Virginia Beach.");
    let p = place(&l, "Norfolk").expect("Norfolk");
    assert!(near(p, 36.85, -76.29, 30.0), "{:?} {:?}", p.lat, p.lon);
}

#[test]
fn region_adjectives_of_home_nations_and_macro_regions() {
    let l = read(
        "The poisoning happened in the English city of Salisbury, a Middle Eastern diplomat said.",
    );
    assert_eq!(place(&l, "English").expect("English").name, "England");
    assert_eq!(kind_of(&l, "English"), "demonym");
    assert_eq!(
        place(&l, "Middle Eastern").expect("Middle Eastern").name,
        "Middle East"
    );
    // "Latin American" before an organisation's word: no place, and not the United States either
    let l = read("She teaches at the Latin American Studies Institute.");
    assert!(place(&l, "American").is_none());
    assert!(place(&l, "Latin American").is_none());
}

#[test]
fn korea_by_its_iso_names() {
    let l = read(
        "The Democratic People's Republic of Korea and the Republic of Korea agreed to talks.",
    );
    let n = place(&l, "Democratic People's Republic of Korea").expect("DPRK");
    assert_eq!(n.name, "North Korea");
    let s = place(&l, "Republic of Korea").expect("ROK");
    assert_eq!(s.name, "South Korea");
}

#[test]
fn state_cue_and_listed_regions() {
    // "X state" is the region; "New York" alone, with places of the city around, the city
    let l = read("Apple growers in Washington state lost their crops.");
    let w = place(&l, "Washington").expect("Washington");
    assert!(near(w, 47.4, -120.4, 150.0), "{:?} {:?}", w.lat, w.lon);
    let l = read("The mayor of New York visited Brooklyn, Queens and the Bronx on Monday.");
    let ny = place(&l, "New York").expect("New York");
    assert!(near(ny, 40.71, -74.0, 20.0), "{:?} {:?}", ny.lat, ny.lon);
    let l = read("Many moved from western states such as California or Washington last year.");
    let w = place(&l, "Washington").expect("Washington");
    assert!(near(w, 47.4, -120.4, 150.0), "{:?} {:?}", w.lat, w.lon);
    // the capital is written with its district
    let l = read("The team flew to Alaska, Hawaii and Washington, D.C. last year.");
    let w = place(&l, "Washington").expect("Washington");
    assert!(near(w, 38.9, -77.04, 20.0), "{:?} {:?}", w.lat, w.lon);
}

#[test]
fn a_region_is_not_a_town_that_only_lists_its_name() {
    // Floridablanca (Colombia) has "Florida" among its names; it does not make "Florida" a town's name
    let l =
        read("The president spent the weekend at his Florida resort before flying to California.");
    let f = place(&l, "Florida").expect("Florida");
    assert!(near(f, 28.7, -82.5, 150.0), "{:?} {:?}", f.lat, f.lon);
}

#[test]
fn a_street_named_after_a_place_lies_in_the_article_town() {
    let l = read(
        "Music spilled out of the bars on Frenchmen Street on Saturday. New Orleans police said the \
         crowd in New Orleans was calm, and Atlantic Avenue was quiet.",
    );
    let f = place(&l, "Frenchmen Street").expect("the street, not France");
    assert_eq!(f.name, "Frenchmen Street");
    assert!(near(f, 29.95, -90.07, 30.0), "{:?} {:?}", f.lat, f.lon);
    let a = place(&l, "Atlantic Avenue").expect("the street, not the ocean");
    assert!(near(a, 29.95, -90.07, 30.0), "{:?} {:?}", a.lat, a.lon);
    assert!(place(&l, "Atlantic").is_none());
    // no town in the article: the street stays unresolved rather than in France
    let l = read("Music spilled out of the bars on Frenchmen Street on Saturday.");
    let f = place(&l, "Frenchmen Street").expect("street");
    assert!(f.lat.is_none());
}

#[test]
fn a_town_placed_by_its_address_stays_there() {
    let l = read(
        "After the school shooting in Parkland, Florida, students marched. The Parkland students \
         met lawmakers on Monday.",
    );
    for p in l
        .places
        .iter()
        .filter(|p| p.mentions.iter().any(|m| m.text == "Parkland"))
    {
        assert!(near(p, 26.31, -80.24, 30.0), "{:?} {:?}", p.lat, p.lon);
    }
    // a country's name in a list that reads like an address keeps its own reading elsewhere
    let l = read("Mexico has sent aid. Flights from Mexico, New York and Boston were cancelled.");
    let m = place(&l, "Mexico").expect("Mexico");
    assert_eq!(m.name, "Mexico");
}

#[test]
fn a_compass_adjective_makes_a_region_and_us_coasts() {
    let l = read(
        "The team had to travel to central Washington and set up shop before police could go in.",
    );
    let w = place(&l, "Washington").expect("Washington");
    assert!(near(w, 47.4, -120.4, 150.0), "{:?} {:?}", w.lat, w.lon);
    // a country stays the country
    let l = read("Floods hit southern Taiwan on Monday.");
    assert_eq!(place(&l, "Taiwan").expect("Taiwan").name, "Taiwan");
    let l = read("Wildfire smoke from California and Oregon drifted along the West Coast.");
    let c = place(&l, "West Coast").expect("West Coast");
    assert_eq!(c.country_code.as_deref(), Some("US"));
}

#[test]
fn place_nouns_holy_see_and_ghouta() {
    // "Beverly" is a given name, but "Hills" ends place names
    let l = read("The actress was in a parked car in Beverly Hills on Wednesday.");
    let b = place(&l, "Beverly Hills").expect("Beverly Hills is a place");
    assert!(near(b, 34.07, -118.4, 20.0), "{:?} {:?}", b.lat, b.lon);
    let l = read("The ambassador of Armenia to the Holy See presented his letters.");
    assert_eq!(
        place(&l, "Holy See")
            .expect("Holy See")
            .country_code
            .as_deref(),
        Some("VA")
    );
    let l = read(
        "Government jets struck Eastern Ghouta, east of Damascus, and aid could not reach Ghouta.",
    );
    let g = place(&l, "Eastern Ghouta").expect("Eastern Ghouta");
    assert!(near(g, 33.55, 36.45, 20.0));
    assert!(place(&l, "Ghouta").is_some());
}

#[test]
fn arab_is_the_arab_world_not_a_town_in_alabama() {
    let l = read("Several Arab states backed the plan announced in Cairo and Riyadh.");
    let a = place(&l, "Arab").expect("Arab");
    assert_eq!(a.name, "Arab world");
    assert_eq!(kind_of(&l, "Arab"), "demonym");
}

#[test]
fn a_long_strong_name_is_not_cut_by_a_person_named_like_its_last_word() {
    let l = read(
        "Spokeswoman Sally Kong said the virus was not endemic. Kong said Hong Kong does not meet \
         the standard, and officials in Hong Kong agreed.",
    );
    let h = place(&l, "Hong Kong").expect("Hong Kong");
    assert_eq!(h.country_code.as_deref(), Some("HK"));
    assert!(place(&l, "Hong").is_none());
}

#[test]
fn former_and_short_country_names() {
    let l = read("Delegates from Macedonia, Swaziland, East Timor and the UAE met in Holland.");
    for (m, cc) in [
        ("Macedonia", "MK"),
        ("Swaziland", "SZ"),
        ("East Timor", "TL"),
        ("UAE", "AE"),
        ("Holland", "NL"),
    ] {
        let p = place(&l, m).unwrap_or_else(|| panic!("{m}"));
        assert_eq!(p.country_code.as_deref(), Some(cc), "{m}");
    }
}

#[test]
fn a_region_right_after_its_town() {
    let l = read(
        "The peanut plant in Blakely, Georgia, was closed; the CDC in Atlanta, Georgia, said so.",
    );
    let g = place(&l, "Georgia").expect("Georgia");
    assert_eq!(g.country_code.as_deref(), Some("US"));
    let l = read("The company, based in Mississauga, Ontario, recalled its pet food.");
    let o = place(&l, "Ontario").expect("Ontario");
    assert_eq!(o.country_code.as_deref(), Some("CA"));
}
