//! The readable summary printed by `extract --format text`.

use sitrep_gazetteer::Gazetteer;
use sitrep_ledger::{Ledger, MentionKind, Stance, StatementKind, StatementMode};
use std::io::{self, Write};

fn claim_number(id: &str) -> usize {
    id.trim_start_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .unwrap_or(0)
}

fn short(s: &str, n: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

pub fn write(out: &mut dyn Write, l: &Ledger, _gaz: &Gazetteer) -> io::Result<()> {
    let actor = |id: &Option<String>| -> String {
        id.as_deref()
            .and_then(|i| l.actor(i))
            .map(|a| a.name.clone())
            .unwrap_or_else(|| "-".into())
    };
    let place = |id: &Option<String>| -> String {
        id.as_deref()
            .and_then(|i| l.place(i))
            .map(|p| p.name.clone())
            .unwrap_or_else(|| "no named place".into())
    };
    let d = &l.document;
    writeln!(out, "== {} ==", d.title.as_deref().unwrap_or(&d.id))?;
    writeln!(
        out,
        "document {} · published {}{}",
        d.id,
        d.published
            .as_deref()
            .unwrap_or("unknown (relative dates left unresolved)"),
        d.published_source
            .map(|s| format!(" (from {s})"))
            .unwrap_or_default()
    )?;

    writeln!(out, "\nPLACES ({})  name, lat/lon, country, GeoNames feature, admin-1, mentions, confidence, how placed", l.places.len())?;
    for p in &l.places {
        let coords = match (p.lat, p.lon) {
            (Some(a), Some(b)) => format!("{a:>9.4}, {b:>9.4}"),
            _ => format!("{:>20}", "not located"),
        };
        let kinds: Vec<MentionKind> = p.mentions.iter().map(|m| m.kind).collect();
        let as_ = if kinds.iter().all(|k| *k != MentionKind::Literal) {
            format!(" [{}]", kinds[0])
        } else {
            String::new()
        };
        let rel = p
            .relative_to
            .as_ref()
            .map(|r| {
                let anchor = l.place(&r.anchor).map(|a| a.name.as_str()).unwrap_or("?");
                let dist = r
                    .distance_km
                    .map(|d| format!("{d:.0} km "))
                    .unwrap_or_default();
                let check = match (r.consistent, r.gazetteer_distance_km) {
                    (Some(true), Some(g)) => format!(", gazetteer agrees ({g:.0} km)"),
                    (Some(false), Some(g)) => format!(", gazetteer disagrees ({g:.0} km)"),
                    _ => String::new(),
                };
                format!(
                    "  · {dist}{} of {anchor}{check}",
                    r.bearing.map_or("?", |b| b.as_str())
                )
            })
            .unwrap_or_default();
        writeln!(
            out,
            "  {:<28} {coords}  {} {:<5} {:<26} x{} {:.2} {}{as_}{rel}",
            short(&p.name, 28),
            p.country_code.as_deref().unwrap_or("--"),
            p.feature_code.as_deref().unwrap_or("-"),
            short(p.admin1.as_deref().unwrap_or("-"), 26),
            p.mentions.len(),
            p.confidence,
            p.resolution,
        )?;
    }

    writeln!(out, "\nACTORS ({})  name, kind, side, role", l.actors.len())?;
    for a in &l.actors {
        writeln!(
            out,
            "  {:<40} {:<13} {:<3} {}",
            short(&a.name, 40),
            a.kind,
            a.affiliation.as_deref().unwrap_or("-"),
            a.role.as_deref().map(|r| short(r, 50)).unwrap_or_default()
        )?;
    }

    let quoted = l
        .statements
        .iter()
        .filter(|s| s.kind == StatementKind::Direct)
        .count();
    writeln!(
        out,
        "\nWHO SAID WHAT ({} statements: {} quoted, {} reported)  speaker, cue, what",
        l.statements.len(),
        quoted,
        l.statements.len() - quoted
    )?;
    for st in &l.statements {
        let speaker = match (&st.speaker, &st.speaker_mention) {
            (Some(_), _) => actor(&st.speaker),
            (None, Some(m)) => format!("({})", m.text),
            (None, None) => actor(&None),
        };
        let what = match st.kind {
            StatementKind::Direct => format!("\"{}\"", short(&st.content.text, 80)),
            _ => short(&st.content.text, 80),
        };
        let mode = match st.mode {
            StatementMode::Assertion => String::new(),
            m => format!("  [{m}]"),
        };
        writeln!(
            out,
            "  {:<28} {:<12} {}{}",
            short(&speaker, 28),
            short(st.cue.as_ref().map_or("", |c| c.text.as_str()), 12),
            what,
            mode
        )?;
    }

    writeln!(out, "\nTIMES ({})", l.times.len())?;
    for t in &l.times {
        writeln!(
            out,
            "  {:<24} {:<12} {}{}",
            short(&t.text, 24),
            t.value.as_deref().unwrap_or("?"),
            t.range
                .as_ref()
                .map(|r| format!("[{} .. {}]", r[0], r[1]))
                .unwrap_or_default(),
            if t.in_caption {
                "  (picture caption)"
            } else {
                ""
            }
        )?;
    }

    writeln!(out, "\nEVENTS ({})  ACLED type, where, when; actor1 -> actor2; each claim: who says it, stance, verification", l.events.len())?;
    for e in &l.events {
        let prec = match e.time_precision {
            Some(1) => "",
            Some(2) => " ±week",
            Some(_) => " ±month",
            None => "",
        };
        writeln!(
            out,
            "  {} {} / {} at {} on {}{prec}{}",
            e.id,
            e.event_type,
            e.sub_event_type,
            place(&e.place),
            e.date.as_deref().unwrap_or("unknown date"),
            e.fatalities
                .map(|f| format!(", {f} killed"))
                .unwrap_or_default()
        )?;
        writeln!(
            out,
            "     {} -> {}   (cue: {})",
            actor(&e.actor1),
            actor(&e.actor2),
            e.trigger
        )?;
        for cid in &e.claims {
            if let Some(c) = l.claims.iter().find(|c| &c.id == cid) {
                let src = c
                    .source
                    .as_ref()
                    .map(|_| actor(&c.source))
                    .unwrap_or_else(|| "the report itself".into());
                writeln!(
                    out,
                    "     {} {} {} [{}]{}: \"{}\"",
                    c.id,
                    src,
                    c.stance,
                    c.verification,
                    c.hedge
                        .as_deref()
                        .map(|h| format!(" hedge \"{h}\""))
                        .unwrap_or_default(),
                    short(&c.evidence.text, 80)
                )?;
            }
        }
    }

    let pairs: Vec<(&str, &str)> = l
        .claims
        .iter()
        .flat_map(|c| {
            c.contradicts
                .iter()
                .map(move |o| (c.id.as_str(), o.as_str()))
        })
        .filter(|(a, b)| claim_number(a) < claim_number(b))
        .collect();
    writeln!(
        out,
        "\nCONTRADICTIONS ({})  claims that cannot both hold, from opposing sides",
        pairs.len()
    )?;
    let describe = |id: &str| -> String {
        match l.claims.iter().find(|c| c.id == id) {
            Some(c) => {
                let e = l.events.iter().find(|e| e.id == c.event);
                let who = c
                    .source
                    .as_ref()
                    .map(|_| actor(&c.source))
                    .unwrap_or_else(|| "the report".into());
                let what = match e {
                    Some(e) if c.stance == Stance::Denies => {
                        format!("denies \"{}\" at {}", e.trigger, place(&e.place))
                    }
                    Some(e) => format!(
                        "\"{}\" at {} ({} -> {})",
                        e.trigger,
                        place(&e.place),
                        actor(&e.actor1),
                        actor(&e.actor2)
                    ),
                    None => String::new(),
                };
                format!("{who} ({}): {what}", c.id)
            }
            None => id.to_string(),
        }
    };
    for (a, b) in pairs {
        writeln!(out, "  {}\n    <> {}", describe(a), describe(b))?;
    }
    writeln!(out)?;
    Ok(())
}
