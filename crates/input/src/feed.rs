//! RSS, Atom and JSON feeds (feed-rs): one document an entry, its HTML made flat text.
//!
//! The feed is decoded first ([`crate::charset::decode_markup`]: a UTF-16 or windows-1251 feed becomes UTF-8,
//! its XML declaration rewritten to say so), refused when nested deeper than any feed is, and parsed on a
//! parser thread. Dates are the feed's local calendar dates ("Fri, 12 Aug 2022 00:30:00 +0300" is 12 August).
//! An entry over `--max-mb` or without text is that entry's failure; the other entries stand.

use crate::charset::decode_markup;
use crate::guard::{isolated, Panics};
use crate::html::{flat_text, nesting_depth, MAX_LAYOUT_DEPTH};
use crate::{err, host_of, over_limit, InputDoc, InputError, Item, ReadOptions};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// Every entry of the feed in `bytes`, as items.
pub(crate) fn entries(name: &str, bytes: Vec<u8>, opts: ReadOptions) -> VecDeque<Item> {
    match parse(name, bytes) {
        Ok((feed, unread_dates)) => to_items(name, feed, &unread_dates, opts),
        Err(e) => VecDeque::from([Item::Failed(e)]),
    }
}

fn parse(name: &str, bytes: Vec<u8>) -> Result<(feed_rs::model::Feed, Vec<String>), InputError> {
    let decoded = decode_markup(name, &bytes, None)?;
    drop(bytes);
    let xml = declare_utf8(later_declarations_dropped(decoded.text));
    let depth = nesting_depth(&xml);
    if depth > MAX_LAYOUT_DEPTH {
        return Err(err(
            name,
            format!("is nested {depth} deep (over {MAX_LAYOUT_DEPTH}): not a feed sitrep reads"),
        ));
    }
    let owner = name.to_string();
    isolated(name, "feed", Panics::OnDamagedInput, move || {
        let unread = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&unread);
        let parser = feed_rs::parser::Builder::new()
            .timestamp_parser(move |s| {
                let d = local_date(s);
                if d.is_none() {
                    if let Ok(mut v) = seen.lock() {
                        v.push(s.chars().take(60).collect());
                    }
                }
                d
            })
            .build();
        let feed = parser
            .parse(xml.as_bytes())
            .map_err(|e| err(&owner, format!("not a readable RSS/Atom feed: {e}")))?;
        let unread = unread.lock().map(|v| v.clone()).unwrap_or_default();
        Ok((feed, unread))
    })
}

/// The feed's own calendar date, carried as noon UTC of that date so that feed-rs's UTC timestamp keeps it.
fn local_date(s: &str) -> Option<DateTime<Utc>> {
    let d: NaiveDate = sitrep_time::parse_metadata_date(s)?;
    Some(d.and_hms_opt(12, 0, 0)?.and_utc())
}

/// XML declarations anywhere but at the very start (damaged or concatenated feeds) taken out: one may only
/// open a document, and quick-xml panics when one elsewhere names an encoding.
fn later_declarations_dropped(xml: String) -> String {
    let lead = xml.len() - xml.trim_start().len();
    let first = if xml[lead..].starts_with("<?xml") {
        lead + 5
    } else {
        0
    };
    if !xml[first..].contains("<?xml") {
        return xml;
    }
    let mut out = String::with_capacity(xml.len());
    out.push_str(&xml[..first]);
    let mut rest = &xml[first..];
    while let Some(at) = rest.find("<?xml") {
        out.push_str(&rest[..at]);
        rest = match rest[at..].find("?>") {
            Some(end) => &rest[at + end + 2..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// The XML declaration made to say UTF-8, which the text now is.
fn declare_utf8(xml: String) -> String {
    let Some(rest) = xml.trim_start().strip_prefix("<?xml") else {
        return xml;
    };
    let Some(end) = rest.find("?>") else {
        return xml;
    };
    let decl = &rest[..end];
    if !decl.to_ascii_lowercase().contains("encoding") {
        return xml;
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>{}",
        &rest[end + 2..]
    )
}

fn to_items(
    name: &str,
    feed: feed_rs::model::Feed,
    unread_dates: &[String],
    opts: ReadOptions,
) -> VecDeque<Item> {
    let outlet = feed.title.as_ref().map(|t| flat_text(&t.content));
    feed.entries
        .into_iter()
        .enumerate()
        .map(
            |(i, e)| match entry(name, i, e, outlet.as_deref(), unread_dates, opts) {
                Ok(d) => Item::Doc(d),
                Err(e) => Item::Failed(e),
            },
        )
        .collect()
}

fn entry(
    name: &str,
    i: usize,
    e: feed_rs::model::Entry,
    outlet: Option<&str>,
    unread_dates: &[String],
    opts: ReadOptions,
) -> Result<InputDoc, InputError> {
    let where_ = format!("{name}#{}", i + 1);
    let body = e
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .or_else(|| e.summary.as_ref().map(|s| s.content.as_str()))
        .unwrap_or_default();
    if body.len() as u64 > opts.max_bytes {
        return Err(over_limit(&where_, body.len() as u64, opts.max_bytes));
    }
    let text = flat_text(body);
    if text.trim().is_empty() {
        return Err(err(
            &where_,
            "the feed entry has no text (no content or summary)",
        ));
    }
    let published = e.published.or(e.updated).map(|d| d.date_naive());
    let mut warnings = Vec::new();
    if published.is_none() && !unread_dates.is_empty() {
        warnings.push(format!(
            "the feed's date '{}' is not a date sitrep reads; published left empty",
            unread_dates[0]
        ));
    }
    let url = e.links.first().map(|l| l.href.clone());
    Ok(InputDoc {
        id: if e.id.is_empty() {
            where_
        } else {
            e.id.clone()
        },
        text,
        published_source: published.map(|_| sitrep_ledger::PublishedSource::Metadata),
        published,
        title: e.title.as_ref().map(|t| flat_text(&t.content)),
        source: outlet
            .map(str::to_string)
            .or_else(|| url.as_deref().and_then(host_of)),
        url,
        warnings,
        ..Default::default()
    })
}
