//! Merging reports of events: each report of an event cue either tells more of an event already read (the
//! same outcome at the same place, a bare "was hit" right after a strike, "the attack" read back, a denial of
//! the latest report) or starts a new one; either way it becomes a claim of that event.
//!
//! Writes: the events and claims layers (`Doc::events`, `Doc::claims`): an event per distinct report, a claim
//! per report.
//! Reads: the actors layer (sides and kinds), the places layer (precision, countries), the sentences, and the
//! generic event classes of [`super::EventRules`].

use super::{family, EventRules, Family, Mention, MAX_SENTENCES_APART, WINDOW};
use crate::doc::{ClaimRec, Doc, EventRec, MentionKind};
use sitrep_ledger::{ActorKind, Outcome, Verification};

/// Adds each report to the event it tells of, or as a new event, and records it as a claim.
pub(super) fn merge(doc: &mut Doc, mentions: Vec<Mention>) {
    let er = &doc.rules.events;
    for m in mentions {
        let target = match target_event(doc, &m) {
            Target::Event(i) => Some(i),
            Target::New => None,
            Target::Dropped => continue,
        };
        let claim_id = doc.claims.len();
        let ei = match (target, m.class) {
            (Some(i), None) => i,
            // a denial always has a target (the latest event when no other fits)
            (None, None) => continue,
            (Some(i), Some(class)) => {
                tell_more(er, doc, i, &m, class);
                i
            }
            (None, Some(class)) => {
                let event = new_event(er, doc, &m, class);
                doc.events.push(event);
                doc.events.len() - 1
            }
        };
        doc.events[ei].claims.push(claim_id);
        let statement = statement_of(doc, m.cue);
        // a report with no source read at its cue is the speaker's of the statement it is told in
        let source = m
            .source
            .or_else(|| statement.and_then(|s| doc.statements[s].speaker));
        doc.claims.push(ClaimRec {
            event: ei,
            source,
            denies: m.denies,
            hedge: m.hedge,
            start: m.evidence.0,
            end: m.evidence.1,
            contradicts: Vec::new(),
            verification: Verification::SingleSource,
            statement,
        });
    }
}

/// The statement a cue is told in: the narrowest whose content holds it, or whose own cue it overlaps ("The
/// ministry denied the report."). The statements layer is in content order: the candidates are those starting
/// in the cue's sentence and the direct statement of the quote the cue stands in.
fn statement_of(doc: &Doc, (s, e): (usize, usize)) -> Option<usize> {
    let sts = &doc.statements;
    let (ss, _) = doc.sentence_bounds(s);
    let lo = sts.partition_point(|st| st.start < ss.min(s));
    let hi = sts.partition_point(|st| st.start <= e);
    let quoted = doc.text.quote_at(s).and_then(|q| {
        let start = q.inner().0;
        let i = sts.partition_point(|st| st.start < start);
        (i < sts.len() && sts[i].start == start).then_some(i)
    });
    (lo..hi)
        .chain(quoted)
        .filter(|&i| {
            let st = &sts[i];
            (st.start <= s && e <= st.end + 1) || st.cue.is_some_and(|(cs, ce)| cs < e && s < ce)
        })
        .min_by_key(|&i| sts[i].end - sts[i].start)
}

/// Which event a report tells of.
enum Target {
    /// One already read.
    Event(usize),
    /// None yet: a new event.
    New,
    /// A denial with nothing to deny: no event, no claim.
    Dropped,
}

/// The event a report tells of: for a denial the latest event another side asserted, for a continuation
/// with no place of its own ("was hit") the latest, for an anaphor ("the attack") the latest violence or clash, else a recent event
/// of the same outcome at the same place.
fn target_event(doc: &Doc, m: &Mention) -> Target {
    let found = if m.is_denial() {
        if doc.events.is_empty() {
            return Target::Dropped;
        }
        Some(denied_event(doc, m))
    } else if continues_latest(&doc.rules.events, doc, m) {
        Some(doc.events.len() - 1)
    } else if m.anaphoric {
        let lo = doc.events.len().saturating_sub(WINDOW);
        doc.events[lo..]
            .iter()
            .rposition(|e| family(e.class) == Family::Violence || e.class == Outcome::Clash)
            .map(|i| lo + i)
    } else {
        same_recent_event(doc, m)
    };
    found.map_or(Target::New, Target::Event)
}

/// The sentence holding `off`.
fn sentence_of(doc: &Doc, off: usize) -> usize {
    doc.text.sentence_at(off).unwrap_or(0)
}

/// How many sentences after the latest event's last report a report with no place of its own may still tell
/// of it ("A gun battle broke out in Acapulco. Two soldiers and 16 gunmen were killed in the battle.").
const CONTINUATION_SENTENCES: usize = 1;
/// The sub-event type of a grenade: told right after a clash, the clash's weapon.
const GRENADE: &str = "Grenade";

/// A report with no place of its own right after an event tells more of it: one happening told over a few
/// sentences is one event ("was hit" after a strike, the dead of a battle, the protesters of a protest). Its
/// outcome must be a generic one after violence or a clash, a grenade after a clash, or a protest after a protest; its side, when it names
/// one, the event's; its date, when as precise, the event's. A cue in the plural ("the bombs", "explosions")
/// tells of several happenings, not more of one.
fn continues_latest(er: &EventRules, doc: &Doc, m: &Mention) -> bool {
    let (Some(class), None, Some(e)) = (m.class, m.place, doc.events.last()) else {
        return false;
    };
    let weapon_of_battle = grenade_in_battle(e, m);
    if plural(&m.trigger) && !matches!(class, Outcome::Attack | Outcome::Kill) && !weapon_of_battle
    {
        return false;
    }
    let near = e.evidence.last().is_some_and(|ev| {
        sentence_of(doc, m.evidence.0) <= sentence_of(doc, ev.0) + CONTINUATION_SENTENCES
    });
    // a bare killing, attack or clash after violence or a clash; a protest after a protest (a strike or a blast
    // of its own is a happening of its own: a report of a bombing campaign tells of many)
    let kin = er.is_generic(class)
        && (family(e.class) == Family::Violence || e.class == Outcome::Clash)
        || class == Outcome::Protest && e.class == Outcome::Protest
        || weapon_of_battle;
    let same_side =
        m.actor1.is_none() || e.actor1.is_none() || doc.side_of(e.actor1) == doc.side_of(m.actor1);
    let same_day = e.date == m.date || m.time_precision.unwrap_or(3) > 1;
    near && kin && same_side && same_day
}

/// Grenades told right after a gun battle are its weapons, not an attack of their own (ACLED: Armed clash);
/// they leave it a battle.
fn grenade_in_battle(e: &EventRec, m: &Mention) -> bool {
    e.class == Outcome::Clash && m.sub_event_type == GRENADE
}

/// Whether a cue's last word is a plural noun ("bombings", "explosions"; not "gunmen", "clashes" alike).
fn plural(trigger: &str) -> bool {
    let last = trigger.rsplit(' ').next().unwrap_or("");
    last.len() > 3 && last.ends_with('s') && !last.ends_with("ss")
}

/// The event a denial denies: the latest event that someone on another side asserted; else the latest
/// (there is one).
fn denied_event(doc: &Doc, m: &Mention) -> usize {
    let my_side = doc.side_of(m.source).map(str::to_string);
    let lo = doc.events.len().saturating_sub(WINDOW);
    let other = doc.events[lo..].iter().rposition(|e| {
        e.claims.iter().any(|&c| {
            let s = doc.side_of(doc.claims[c].source);
            s.is_some() && my_side.is_some() && s != my_side.as_deref()
        })
    });
    other.map(|i| lo + i).unwrap_or(doc.events.len() - 1)
}

/// A recent event the report tells of again: one with this very evidence and outcome, or of the same family
/// at the same place, by the same side (when both say) and on the same day (when both are that precise).
/// Only recent events: a report tells of one event in a few neighbouring paragraphs.
fn same_recent_event(doc: &Doc, m: &Mention) -> Option<usize> {
    let mut lo = doc.events.len().saturating_sub(WINDOW);
    let here = sentence_of(doc, m.evidence.0);
    while lo < doc.events.len()
        && doc.events[lo]
            .evidence
            .first()
            .is_some_and(|ev| sentence_of(doc, ev.0) + MAX_SENTENCES_APART < here)
    {
        lo += 1;
    }
    let recent = &doc.events[lo..];
    recent
        .iter()
        .position(|e| Some(e.class) == m.class && e.evidence.contains(&m.evidence))
        .or_else(|| {
            recent.iter().position(|e| {
                m.class.is_some_and(|c| family(e.class) == family(c))
                    && e.place.is_some()
                    && e.place == m.place
                    && (e.actor1.is_none()
                        || m.actor1.is_none()
                        || doc.side_of(e.actor1) == doc.side_of(m.actor1))
                    && (e.date == m.date
                        || e.time_precision.unwrap_or(3) > 1
                        || m.time_precision.unwrap_or(3) > 1)
            })
        })
        .map(|i| lo + i)
}

/// Fills in what event `i` lacks from another report of it: sides, a more precise place and date, the
/// fatalities, a specific outcome for a generic one, the weapon's type, and the report's evidence.
fn tell_more(er: &EventRules, doc: &mut Doc, i: usize, m: &Mention, class: Outcome) {
    let more_precise_place = m.place.is_some()
        && doc.events[i]
            .place
            .is_none_or(|p| m.place_precision < doc.places[p].geo_precision);
    let e = &mut doc.events[i];
    if e.actor1.is_none() {
        e.actor1 = m.actor1;
    }
    if e.actor2.is_none() {
        e.actor2 = m.actor2;
    }
    if more_precise_place {
        e.place = m.place;
    }
    if e.fatalities.is_none() {
        e.fatalities = m.fatalities;
    }
    if m.time_precision.unwrap_or(9) < e.time_precision.unwrap_or(9) {
        e.date = m.date.clone();
        e.time_precision = m.time_precision;
    }
    let battle_weapon = grenade_in_battle(e, m);
    if er.is_generic(e.class) && !er.is_generic(class) && !m.anaphoric && !battle_weapon {
        e.class = class;
        e.event_type = m.event_type.clone();
        e.sub_event_type = m.sub_event_type.clone();
    }
    if let Some(w) = m.weapon.as_ref().filter(|_| !battle_weapon) {
        if er.is_generic(e.class) || e.class == Outcome::Defeat {
            e.event_type = w.0.clone();
            e.sub_event_type = w.1.clone();
        }
    }
    if !e.evidence.contains(&m.evidence) {
        e.evidence.push(m.evidence);
    }
}

/// A new event from one report: its types (the weapon's for a generic outcome, who gains for a gain of
/// territory, violence against civilians for a killing with no side or weapon).
fn new_event(er: &EventRules, doc: &Doc, m: &Mention, class: Outcome) -> EventRec {
    let (mut et, mut st) = (m.event_type.clone(), m.sub_event_type.clone());
    if let Some(w) = &m.weapon {
        if er.is_generic(class) || class == Outcome::Defeat {
            et = w.0.clone();
            st = w.1.clone();
        }
    }
    if class == Outcome::Gain && st != "Armed clash" {
        st = gain_sub_type(doc, m).unwrap_or(st);
    }
    if class == Outcome::Kill && m.weapon.is_none() && m.actor2.is_none() && m.actor1.is_none() {
        et = "Violence against civilians".into();
        st = "Attack".into();
    }
    EventRec {
        class,
        event_type: et,
        sub_event_type: st,
        actor1: m.actor1,
        actor2: m.actor2,
        place: m.place,
        date: m.date.clone(),
        time_precision: m.time_precision,
        fatalities: m.fatalities,
        evidence: vec![m.evidence],
        trigger: m.trigger.clone(),
        claims: Vec::new(),
        actor_types: Default::default(),
    }
}

/// Who gains territory decides the sub-type: a state taking back its own land, or anyone else taking it;
/// none when the side or the place's country is not known. A place of no known country is taken to lie in
/// the country most of the report's places lie in.
fn gain_sub_type(doc: &Doc, m: &Mention) -> Option<String> {
    let place_cc = gained_place_country(doc, m).or_else(|| report_country(doc));
    let actor_cc = doc.side_of(m.actor1).map(str::to_string);
    let kind = m.actor1.map(|a| doc.actors[a].kind);
    let state_side = matches!(kind, Some(ActorKind::ArmedForces | ActorKind::State));
    // an armed group never regains: what it takes, it overtakes
    if kind == Some(ActorKind::ArmedGroup) {
        return Some("Non-state actor overtakes territory".into());
    }
    match (actor_cc, place_cc) {
        (Some(a), Some(p)) if a == p && state_side => Some("Government regains territory".into()),
        (Some(_), Some(_)) => Some("Non-state actor overtakes territory".into()),
        _ => None,
    }
}

/// The country most of the report's resolved places lie in.
fn report_country(doc: &Doc) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for cc in doc
        .places
        .iter()
        .filter_map(|p| p.resolved.as_ref())
        .map(|c| c.country_code.as_str())
    {
        match counts.iter_mut().find(|(c, _)| *c == cc) {
            Some((_, n)) => *n += 1,
            None => counts.push((cc, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map(|(c, _)| c.to_string())
}

/// The country of the place gained: its own, its anchor's, or (a village the gazetteer lacks) that of the
/// other places in its sentence.
fn gained_place_country(doc: &Doc, m: &Mention) -> Option<String> {
    m.place
        .and_then(|p| {
            let pl = &doc.places[p];
            pl.resolved
                .as_ref()
                .or_else(|| {
                    pl.relation
                        .as_ref()
                        .and_then(|r| doc.places[r.anchor].resolved.as_ref())
                })
                .map(|c| c.country_code.clone())
        })
        .or_else(|| {
            let (s, e) = m.evidence;
            doc.places_within(s, e)
                .filter(|pm| pm.start >= s && pm.end <= e && pm.kind == MentionKind::Literal)
                .find_map(|pm| {
                    doc.places[pm.place]
                        .resolved
                        .as_ref()
                        .map(|c| c.country_code.clone())
                })
        })
}
