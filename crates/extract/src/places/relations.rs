//! Relative locations: "150km east of the city of Zaporizhzhia", "30 km east of Kherson", "Zhovanka, an area
//! of Zaitseve". The place located is the nearest earlier literal mention in the sentence (or the place a
//! definite noun phrase stands for: "the village", "the plant"); the anchor is the place right after the
//! phrase. A place the gazetteer could not place (or a spelling guess the phrase contradicts) is then put
//! at the stated distance and bearing from its anchor, or by the anchor.
//!
//! Writes: the relations of the places layer (`PlaceRec::relation`, `Doc::anchor_spans`) and the points of
//! the places they locate.
//! Reads: the places layer, the sentences, the `places.relation` and `places.definite` patterns and the
//! near rules.

use super::{antecedent, near, relation_km};
use crate::doc::{Doc, MentionKind, PlaceMention, Relation};
use sitrep_geo::{compass_code, compass_degrees, destination, haversine_km};
use sitrep_ledger::Resolution;
use std::collections::HashSet;

/// Finds the relative locations, keeps the best of each place, and places what they locate.
pub(super) fn relations(doc: &mut Doc) {
    let (mut rels, anchors_at) = stated_relations(doc);
    rels.extend(near_relations(doc, &anchors_at));
    for (p, r) in rels {
        // a stated distance over none
        let better = match &doc.places[p].relation {
            None => true,
            Some(old) => old.distance_km.is_none() && r.distance_km.is_some(),
        };
        if better {
            doc.places[p].relation = Some(r);
        }
    }
    // place what the gazetteer could not: from the anchor, the distance and the bearing
    for i in 0..doc.places.len() {
        place_by_relation(doc, i);
    }
}

/// A relation phrase found: its span, the anchor place and the end of its mention, the distance stated (km)
/// and the compass code.
struct Phrase {
    start: usize,
    anchor: usize,
    anchor_end: usize,
    distance_km: Option<f64>,
    bearing: Option<&'static str>,
}

/// The relations the `places.relation` pattern states ("10km south of Orikhiv"), as (located place,
/// relation), and the starts of the anchors' mentions; records every phrase in `Doc::anchor_spans`.
fn stated_relations(doc: &mut Doc) -> (Vec<(usize, Relation)>, HashSet<usize>) {
    let pr = &doc.rules.places;
    let view = doc.view();
    let mut anchors_at: HashSet<usize> = HashSet::new();
    let mut phrases = Vec::new();
    for c in pr.patterns.relation.captures_iter(view) {
        let all = c.get(0).unwrap();
        // the anchor: a place mention right after the match (or "X city")
        let Some(am) = doc
            .places_within(all.end(), all.end() + 200)
            .find(|m| m.start == all.end() && m.kind != MentionKind::Demonym)
            .cloned()
        else {
            continue;
        };
        anchors_at.insert(am.start);
        doc.anchor_spans.push((all.start(), am.end, am.place));
        phrases.push(Phrase {
            start: all.start(),
            anchor: am.place,
            anchor_end: am.end,
            distance_km: relation_km(&c),
            bearing: compass_code(&c[3]),
        });
    }
    let mut rels: Vec<(usize, Relation)> = Vec::new();
    for ph in phrases {
        let Some(located) = located_before(doc, ph.start, ph.anchor, &anchors_at) else {
            continue;
        };
        if located == ph.anchor {
            continue;
        }
        rels.push((
            located,
            Relation {
                anchor: ph.anchor,
                distance_km: ph.distance_km,
                bearing: ph.bearing,
                start: ph.start,
                end: ph.anchor_end,
                border: None,
            },
        ));
    }
    (rels, anchors_at)
}

/// The place a relation phrase at `ms` locates: the nearest earlier literal mention in the sentence that
/// is not itself an anchor, or a definite noun phrase ("the village", "the plant") standing for an earlier
/// place, whichever is nearer.
fn located_before(
    doc: &Doc,
    ms: usize,
    anchor: usize,
    anchors_at: &HashSet<usize>,
) -> Option<usize> {
    let view = doc.view();
    let (ss, _) = doc.sentence_bounds(ms);
    let lit = doc.places_within(ss, ms).rev().find(|m| {
        m.end <= ms
            && m.start >= ss
            && m.kind == MentionKind::Literal
            && !anchors_at.contains(&m.start)
            && m.place != anchor
    });
    let np = doc
        .rules
        .places
        .patterns
        .definite
        .captures_iter(&view[ss..ms])
        .last()
        .map(|c| (ss + c.get(0).unwrap().start(), c[1].to_ascii_lowercase()));
    match (lit, np) {
        (Some(l), Some((np_at, _))) if l.start > np_at => Some(l.place),
        (_, Some((np_at, noun))) => antecedent(doc, np_at, &noun),
        (Some(l), None) => Some(l.place),
        (None, None) => None,
    }
}

/// "Zhovanka, an area of Zaitseve": a place the gazetteer lacks (or knows only far away, by a guess at its
/// spelling) lies by its anchor, the next literal mention over a near gap.
fn near_relations(doc: &Doc, anchors_at: &HashSet<usize>) -> Vec<(usize, Relation)> {
    let (nr, view) = (&doc.rules.places.near, doc.view());
    let mut mentions: Vec<&PlaceMention> = doc
        .place_mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Literal)
        .collect();
    mentions.sort_by_key(|m| m.start);
    let mut rels = Vec::new();
    for w in mentions.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a.place == b.place || b.start < a.end || anchors_at.contains(&b.start) {
            continue;
        }
        let Some(gap) = view.get(a.end..b.start) else {
            continue;
        };
        if !near::is_near_gap(nr, gap) || doc.places[a.place].facility.is_some() {
            continue;
        }
        let (p, anchor) = (&doc.places[a.place], &doc.places[b.place]);
        let far = match (p.lat.zip(p.lon), anchor.lat.zip(anchor.lon)) {
            (Some(x), Some(y)) => haversine_km(x, y) > near::NEAR_KM,
            _ => false,
        };
        let guess =
            p.resolution == Resolution::Unresolved || p.resolution == Resolution::Fuzzy && far;
        if guess && anchor.resolved.is_some() {
            rels.push((
                a.place,
                Relation {
                    anchor: b.place,
                    distance_km: None,
                    bearing: near::gap_bearing_code(nr, gap),
                    start: a.end,
                    end: b.end,
                    border: None,
                },
            ));
        }
    }
    rels
}

/// Places place `i` by its relation, if it has one and its anchor has a point: a spelling guess the
/// relation contradicts goes back to the name as written; a place with no point of its own lies at the
/// stated offset from the anchor, or by the anchor when no distance is stated.
fn place_by_relation(doc: &mut Doc, i: usize) {
    let Some(r) = doc.places[i].relation.clone() else {
        return;
    };
    let a = &doc.places[r.anchor];
    let (Some(alat), Some(alon)) = (a.lat, a.lon) else {
        return;
    };
    let anchor_known = a.resolved.is_some();
    let stated = match (r.distance_km, r.bearing.and_then(compass_degrees)) {
        (Some(d), Some(deg)) => Some(destination((alat, alon), d, deg)),
        _ => None,
    };
    if contradicted_guess(doc, i, &r, (alat, alon), stated) {
        back_to_written_name(doc, i);
    }
    let unplaced = doc.places[i].resolved.is_none() || doc.places[i].facility.is_some();
    if unplaced && stated.is_none() && doc.places[i].resolved.is_none() {
        // "west of Avdiivka" with no distance: near the anchor, precision 2
        if anchor_known {
            let p = &mut doc.places[i];
            p.lat = Some(alat);
            p.lon = Some(alon);
            p.resolution = Resolution::Relative;
            p.geo_precision = 2;
            p.confidence = 0.4;
        }
    }
    if unplaced {
        if let (Some(d), Some(deg)) = (r.distance_km, r.bearing.and_then(compass_degrees)) {
            let (lat, lon) = destination((alat, alon), d, deg);
            let p = &mut doc.places[i];
            p.lat = Some((lat * 1e5).round() / 1e5);
            p.lon = Some((lon * 1e5).round() / 1e5);
            p.resolution = Resolution::Relative;
            p.geo_precision = 2;
            p.confidence = 0.6;
            if p.resolved.is_none() {
                p.resolved = None;
            }
        }
    }
}

/// Whether place `i` is a spelling guess that its relation contradicts: far from the point the stated
/// distance and bearing give, or (no distance stated) far from the place it is written to lie by.
fn contradicted_guess(
    doc: &Doc,
    i: usize,
    r: &Relation,
    anchor: (f64, f64),
    stated: Option<(f64, f64)>,
) -> bool {
    doc.places[i].resolution == Resolution::Fuzzy
        && doc.places[i]
            .resolved
            .as_ref()
            .is_some_and(|c| match (stated, r.distance_km) {
                (Some(pt), Some(d)) => haversine_km(pt, (c.lat, c.lon)) > (0.5 * d).max(15.0),
                (_, None) => haversine_km(anchor, (c.lat, c.lon)) > near::NEAR_KM,
                _ => false,
            })
}

/// Drops the reading of place `i`: back to the name as the text spells it, unresolved.
fn back_to_written_name(doc: &mut Doc, i: usize) {
    let view = doc.view();
    let written = doc
        .place_mentions
        .iter()
        .find(|m| m.place == i)
        .map(|m| view[m.start..m.end].to_string());
    let p = &mut doc.places[i];
    p.resolved = None;
    p.resolution = Resolution::Unresolved;
    if let Some(w) = written {
        p.name = w;
    }
}
