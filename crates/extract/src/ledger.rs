//! The ledger: a pure mapping of the [`Doc`] layers to the `sitrep/ledger@1` [`Ledger`], one mapper per
//! section. Items are numbered in layer order ("p1", "a1", "t1", "q1", "s1", "e1", "c1"); a place is listed
//! only with mentions, an actor only when mentioned or playing a part (an event's side, a claim's source, a
//! quote's or a statement's speaker); spans become char offsets into the input, with their text.
//!
//! Writes: no layer; the [`Ledger`] the engine returns.
//! Reads: every layer (places, actors, times, quotes, statements, events, claims) and the text.

use crate::doc::{self, Doc, PlaceRec, Relation};
use sitrep_ledger::{
    Actor, CharIndex, Claim, DocumentMeta, Event, Ledger, Place, PlaceMention, Quote, QuoteKind,
    RelativeKind, RelativeLocation, Span, Stance, Statement, Time,
};
use sitrep_text::Text;

/// The ledger of `doc`, described by `meta`.
pub(crate) fn to_ledger(doc: &Doc, meta: DocumentMeta) -> Ledger {
    let spans = Spans::new(doc.text);
    Ledger {
        places: places(doc, &spans),
        actors: actors(doc, &spans),
        times: times(doc, &spans),
        quotes: quotes(doc, &spans),
        statements: statements(doc, &spans),
        events: events(doc, &spans),
        claims: claims(doc, &spans),
        ..Ledger::new(meta)
    }
}

/// Spans of the layers (byte offsets into the normalised view) as the ledger writes them: char offsets into
/// the input, with the text.
struct Spans<'a> {
    text: &'a Text,
    ci: CharIndex,
}

impl<'a> Spans<'a> {
    fn new(text: &'a Text) -> Self {
        Spans {
            text,
            ci: CharIndex::new(text.input()),
        }
    }

    fn span(&self, s: usize, e: usize) -> Span {
        let (a, b) = (self.text.to_input(s), self.text.to_input(e));
        self.ci.span(self.text.input(), a, b)
    }
}

/// The ledger id of item `i` of a layer: `prefix` and its number from 1 ("p1", "a3").
fn numbered(prefix: char, i: usize) -> String {
    format!("{prefix}{}", i + 1)
}

fn place_id(i: usize) -> String {
    numbered('p', i)
}

fn actor_id(i: usize) -> String {
    numbered('a', i)
}

/// The places that have mentions.
fn places(doc: &Doc, spans: &Spans) -> Vec<Place> {
    let mut groups: Vec<Vec<&doc::PlaceMention>> = vec![Vec::new(); doc.places.len()];
    for m in &doc.place_mentions {
        groups[m.place].push(m);
    }
    let mut out = Vec::new();
    for (i, p) in doc.places.iter().enumerate() {
        let mentions: Vec<PlaceMention> = groups[i]
            .iter()
            .map(|m| {
                let s = spans.span(m.start, m.end);
                PlaceMention {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    kind: m.kind,
                }
            })
            .collect();
        if mentions.is_empty() {
            continue;
        }
        out.push(place(doc, spans, i, p, mentions));
    }
    out
}

fn place(doc: &Doc, spans: &Spans, i: usize, p: &PlaceRec, mentions: Vec<PlaceMention>) -> Place {
    let c = p.resolved.as_ref();
    Place {
        id: place_id(i),
        name: p.name.clone(),
        mentions,
        lat: p.lat,
        lon: p.lon,
        country_code: p.country_code.clone(),
        admin1: p.admin1.clone(),
        geonames_id: if p.facility.is_some() {
            None
        } else {
            c.map(|c| c.geonames_id)
        },
        feature_code: if p.facility.is_some() {
            Some("FCL".into())
        } else {
            c.map(|c| c.feature_code.clone())
        },
        geo_precision: p.lat.map(|_| p.geo_precision),
        relative_to: p
            .relation
            .as_ref()
            .map(|r| relative_location(doc, spans, p, r)),
        confidence: (p.confidence * 100.0).round() / 100.0,
        resolution: p.resolution,
    }
}

/// Where a place lies relative to its anchor, with the gazetteer's distance between them and whether it
/// agrees with the stated offset.
fn relative_location(doc: &Doc, spans: &Spans, p: &PlaceRec, r: &Relation) -> RelativeLocation {
    let a = &doc.places[r.anchor];
    let gd = match (p.resolved.as_ref(), a.lat, a.lon) {
        (Some(c), Some(alat), Some(alon)) if p.facility.is_none() => {
            Some(sitrep_geo::haversine_km((alat, alon), (c.lat, c.lon)))
        }
        _ => None,
    };
    let consistent = match (
        gd,
        r.distance_km,
        r.bearing,
        p.resolved.as_ref(),
        a.lat,
        a.lon,
    ) {
        (Some(g), Some(d), Some(b), Some(c), Some(alat), Some(alon)) => {
            let brg = sitrep_geo::bearing_deg((alat, alon), (c.lat, c.lon));
            sitrep_geo::compass_degrees(b).map(|deg| sitrep_geo::offset_consistent(d, deg, g, brg))
        }
        _ => None,
    };
    RelativeLocation {
        kind: if r.border.is_some() {
            RelativeKind::Border
        } else {
            RelativeKind::Offset
        },
        anchor: place_id(r.anchor),
        distance_km: r.distance_km.map(|d| (d * 10.0).round() / 10.0),
        // the places stage writes the eight compass codes only
        bearing: r.bearing.and_then(|b| b.parse().ok()),
        gazetteer_distance_km: gd.map(|d| (d * 10.0).round() / 10.0),
        consistent,
        evidence: spans.span(r.start, r.end),
    }
}

/// The actors mentioned, or playing a part in an event, a claim or a quote.
fn actors(doc: &Doc, spans: &Spans) -> Vec<Actor> {
    let mut groups: Vec<Vec<&doc::ActorMention>> = vec![Vec::new(); doc.actors.len()];
    for m in &doc.actor_mentions {
        groups[m.actor].push(m);
    }
    let used = actors_in_a_part(doc);
    let mut out = Vec::new();
    for (i, a) in doc.actors.iter().enumerate() {
        let mentions: Vec<Span> = groups[i]
            .iter()
            .map(|m| spans.span(m.start, m.end))
            .collect();
        if mentions.is_empty() && !used[i] {
            continue;
        }
        out.push(Actor {
            id: actor_id(i),
            name: a.name.clone(),
            kind: a.kind,
            affiliation: a.affiliation.clone(),
            role: a.role.clone(),
            mentions,
        });
    }
    out
}

/// For each actor, whether it is an event's side, a claim's source or a quote's or a statement's speaker.
fn actors_in_a_part(doc: &Doc) -> Vec<bool> {
    let mut used = vec![false; doc.actors.len()];
    for e in &doc.events {
        for a in [e.actor1, e.actor2].into_iter().flatten() {
            used[a] = true;
        }
    }
    for a in doc
        .claims
        .iter()
        .filter_map(|c| c.source)
        .chain(doc.quotes.iter().filter_map(|q| q.speaker))
        .chain(doc.statements.iter().filter_map(|s| s.speaker))
    {
        used[a] = true;
    }
    used
}

fn times(doc: &Doc, spans: &Spans) -> Vec<Time> {
    let date = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let time = |(i, t): (usize, &doc::TimeRec)| {
        let s = spans.span(t.start, t.end);
        Time {
            id: numbered('t', i),
            text: s.text,
            start: s.start,
            end: s.end,
            value: t.value.clone(),
            range: t.range.map(|(a, b)| [date(a), date(b)]),
            timex_type: t.timex_type,
            precision: t.precision,
            relative: t.relative,
            in_caption: t.in_caption,
        }
    };
    doc.times.iter().enumerate().map(time).collect()
}

fn quotes(doc: &Doc, spans: &Spans) -> Vec<Quote> {
    let quote = |(i, q): (usize, &doc::QuoteRec)| {
        let s = spans.span(q.start, q.end);
        // the speaker first: who said it, then what, then how
        Quote {
            id: numbered('q', i),
            speaker: q.speaker.map(actor_id),
            text: s.text,
            start: s.start,
            end: s.end,
            cue: q.cue.clone(),
            kind: if q.partial {
                QuoteKind::Partial
            } else {
                QuoteKind::Direct
            },
            speaker_mention: q.speaker_mention.map(|(a, b)| spans.span(a, b)),
        }
    };
    doc.quotes.iter().enumerate().map(quote).collect()
}

/// The statements, each with the event the first claim told in it reports.
fn statements(doc: &Doc, spans: &Spans) -> Vec<Statement> {
    let mut event_of: Vec<Option<usize>> = vec![None; doc.statements.len()];
    for c in &doc.claims {
        if let Some(s) = c.statement {
            event_of[s].get_or_insert(c.event);
        }
    }
    let statement = |(i, st): (usize, &doc::StatementRec)| Statement {
        id: numbered('s', i),
        kind: st.kind,
        mode: st.mode,
        speaker: st.speaker.map(actor_id),
        speaker_mention: st.speaker_mention.map(|(a, b)| spans.span(a, b)),
        cue: st.cue.map(|(a, b)| spans.span(a, b)),
        content: spans.span(st.start, st.end),
        quote: st.quote.map(|q| numbered('q', q)),
        event: event_of[i].map(|e| numbered('e', e)),
    };
    doc.statements.iter().enumerate().map(statement).collect()
}

fn events(doc: &Doc, spans: &Spans) -> Vec<Event> {
    let event = |(i, e): (usize, &doc::EventRec)| Event {
        id: numbered('e', i),
        event_type: e.event_type.clone(),
        sub_event_type: e.sub_event_type.clone(),
        actor1: e.actor1.map(actor_id),
        actor2: e.actor2.map(actor_id),
        place: e.place.map(place_id),
        date: e.date.clone(),
        time_precision: e.time_precision,
        fatalities: e.fatalities,
        evidence: e
            .evidence
            .iter()
            .map(|&(s, en)| spans.span(s, en))
            .collect(),
        claims: e.claims.iter().map(|&c| numbered('c', c)).collect(),
        trigger: e.trigger.clone(),
        outcome: Some(e.class),
        disorder_type: doc.rules.events.taxonomy.disorder_of(&e.sub_event_type),
        inter1: e.actor_types.inter1,
        inter2: e.actor_types.inter2,
        interaction: e.actor_types.interaction(),
        civilian_targeting: Some(e.actor_types.civilian_targeting),
    };
    doc.events.iter().enumerate().map(event).collect()
}

fn claims(doc: &Doc, spans: &Spans) -> Vec<Claim> {
    let claim = |(i, c): (usize, &doc::ClaimRec)| Claim {
        id: numbered('c', i),
        event: numbered('e', c.event),
        source: c.source.map(actor_id),
        stance: if c.denies {
            Stance::Denies
        } else {
            Stance::Asserts
        },
        verification: c.verification,
        contradicts: c.contradicts.iter().map(|&x| numbered('c', x)).collect(),
        evidence: spans.span(c.start, c.end),
        hedge: c.hedge.clone(),
        statement: c.statement.map(|s| numbered('s', s)),
    };
    doc.claims.iter().enumerate().map(claim).collect()
}
