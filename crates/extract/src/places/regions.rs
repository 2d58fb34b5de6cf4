//! The country and admin-1 region of every place: the gazetteer's, else for a place put on the map from a
//! relative location its anchor's (and the admin-1 polygon its point lies in), else for a town the gazetteer
//! gave no region the polygon's. The last step of the places stage.
//!
//! Writes: `PlaceRec::country_code` and `PlaceRec::admin1` (places layer).
//! Reads: the places layer (readings, relations, points) and the gazetteer's admin-1 polygons.

use crate::doc::{Doc, PlaceRec};
use sitrep_gazetteer::Gazetteer;
use sitrep_ledger::Resolution;

/// Fills the country and admin-1 of every place.
pub(super) fn assign(doc: &mut Doc, gaz: &Gazetteer) {
    for i in 0..doc.places.len() {
        let (country_code, admin1) = region_of(&doc.places, i, gaz);
        let p = &mut doc.places[i];
        p.country_code = country_code;
        p.admin1 = admin1;
    }
}

fn region_of(places: &[PlaceRec], i: usize, gaz: &Gazetteer) -> (Option<String>, Option<String>) {
    let p = &places[i];
    let c = p.resolved.as_ref();
    // a place put on the map from a relative location takes its anchor's country (and its admin-1 when close)
    let anchor_c = p
        .relation
        .as_ref()
        .filter(|_| c.is_none() && p.lat.is_some())
        .and_then(|r| {
            places[r.anchor]
                .resolved
                .as_ref()
                .map(|a| (a, r.distance_km.unwrap_or(0.0)))
        });
    // a border lies on the side of the country named as its own
    let border_side = p.relation.as_ref().and_then(|r| r.border.clone());
    let mut country_code = c
        .map(|c| c.country_code.clone())
        .or(border_side.clone())
        .or_else(|| anchor_c.map(|(a, _)| a.country_code.clone()));
    let mut admin1 = c.and_then(|c| c.admin1.clone()).or_else(|| {
        anchor_c
            .filter(|(_, d)| *d <= 30.0 && border_side.is_none())
            .and_then(|(a, _)| a.admin1.clone())
    });
    // the admin-1 polygon the point lies in: for a point put on the map from a relative location
    // it wins; for a town or a site the gazetteer gave no region, it fills the gap
    // (a border point lies on the line between two countries: its side is the one the text names)
    let relative = p.resolution == Resolution::Relative && border_side.is_none();
    let regionless_town =
        admin1.is_none() && c.is_some_and(|c| matches!(c.feature_class, 'P' | 'S'));
    if relative || regionless_town {
        if let Some((cc, region)) = p.lat.zip(p.lon).and_then(|(a, b)| gaz.admin1_at(a, b)) {
            if relative {
                country_code = Some(cc.to_string());
                admin1 = Some(region.to_string());
            } else if c.is_some_and(|c| c.country_code == cc) {
                admin1 = Some(region.to_string());
            }
        }
    }
    (country_code, admin1)
}
