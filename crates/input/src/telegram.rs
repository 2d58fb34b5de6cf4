//! Telegram channel exports: the `result.json` Telegram Desktop writes ("Export chat history", JSON), one
//! document a message.
//!
//! A message's text is flattened (its formatting and link entities kept as their text), its date is the
//! export's local date, the channel is the outlet, `https://t.me/c/CHANNEL/MESSAGE` its address, and a message
//! forwarded from another channel keeps that channel as its original source. Service messages (pins, joins)
//! are not documents; a message without text (a photo, a file) is skipped and counted. A full account export
//! (`chats.list`) is read chat by chat.

use crate::{err, metadata_date, over_limit, InputDoc, Item, ReadOptions};
use serde_json::Value;
use std::collections::VecDeque;

/// Every message of the export in `bytes`, as items.
pub(crate) fn messages(name: &str, bytes: Vec<u8>, opts: ReadOptions) -> VecDeque<Item> {
    let root: Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => {
            return VecDeque::from([Item::Failed(err(
                name,
                format!("not a Telegram export (result.json) nor any JSON sitrep reads: {e}; give JSONL for one document a line"),
            ))])
        }
    };
    let chats: Vec<&Value> = match root
        .get("chats")
        .and_then(|c| c.get("list"))
        .and_then(Value::as_array)
    {
        Some(list) => list.iter().collect(),
        None => vec![&root],
    };
    if !chats
        .iter()
        .any(|c| c.get("messages").is_some_and(Value::is_array))
    {
        return VecDeque::from([Item::Failed(err(
            name,
            "is JSON but not a Telegram export (it has no \"messages\"); give JSONL for one document a line",
        ))]);
    }
    chats
        .into_iter()
        .flat_map(|chat| chat_items(name, chat, opts))
        .collect()
}

fn chat_items(name: &str, chat: &Value, opts: ReadOptions) -> Vec<Item> {
    let channel = chat.get("name").and_then(Value::as_str).map(str::to_string);
    let chat_id = chat.get("id").map(id_string);
    let Some(list) = chat.get("messages").and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter(|m| m.get("type").and_then(Value::as_str) == Some("message"))
        .map(|m| message(name, m, channel.as_deref(), chat_id.as_deref(), opts))
        .collect()
}

fn message(
    name: &str,
    m: &Value,
    channel: Option<&str>,
    chat_id: Option<&str>,
    opts: ReadOptions,
) -> Item {
    let msg_id = m.get("id").map(id_string).unwrap_or_default();
    let where_ = format!("{name}#{msg_id}");
    let text = m.get("text").map(flatten).unwrap_or_default();
    if text.len() as u64 > opts.max_bytes {
        return Item::Failed(over_limit(&where_, text.len() as u64, opts.max_bytes));
    }
    if text.trim().is_empty() {
        return Item::Skipped(err(
            where_,
            "the message has no text (a photo, a file or a sticker)",
        ));
    }
    let url = chat_id.map(|c| format!("https://t.me/c/{}/{msg_id}", c.trim_start_matches("-100")));
    let mut warnings = Vec::new();
    let published = metadata_date(
        m.get("date").and_then(Value::as_str),
        "the message's date",
        &mut warnings,
    );
    Item::Doc(InputDoc {
        id: url.clone().unwrap_or_else(|| where_.clone()),
        text,
        published_source: published.map(|_| sitrep_ledger::PublishedSource::Metadata),
        published,
        title: None,
        url,
        source: channel.map(str::to_string),
        original_source: m
            .get("forwarded_from")
            .and_then(Value::as_str)
            .map(str::to_string),
        warnings,
    })
}

/// A message's `text`: a string, or a list of strings and entities (`{"type": "bold", "text": …}`).
fn flatten(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(parts) => parts
            .iter()
            .map(|p| match p {
                Value::String(s) => s.as_str(),
                other => other.get("text").and_then(Value::as_str).unwrap_or(""),
            })
            .collect(),
        _ => String::new(),
    }
}

fn id_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_of_a_few_messages() {
        let export = r#"{"name": "Example Front News", "type": "public_channel", "id": 1234567890, "messages": [
          {"id": 1, "type": "service", "date": "2023-07-28T08:00:00", "action": "pin_message"},
          {"id": 2, "type": "message", "date": "2023-07-28T09:15:00", "from": "Example Front News",
           "text": ["Russian forces shelled ", {"type": "bold", "text": "Kupiansk"}, " overnight, the governor said. ",
                    {"type": "text_link", "text": "Details", "href": "https://example.org/a"}]},
          {"id": 3, "type": "message", "date": "2023-07-28T10:00:00", "forwarded_from": "Regional Administration",
           "text": "Two civilians were wounded in the shelling of Kupiansk."},
          {"id": 4, "type": "message", "date": "2023-07-28T11:00:00", "photo": "photos/1.jpg", "text": ""}
        ]}"#;
        let items: Vec<Item> = messages(
            "result.json",
            export.as_bytes().to_vec(),
            ReadOptions::new(1 << 20),
        )
        .into();
        assert_eq!(items.len(), 3);
        let Item::Doc(a) = &items[0] else {
            panic!("{:?}", items[0])
        };
        assert_eq!(
            a.text,
            "Russian forces shelled Kupiansk overnight, the governor said. Details"
        );
        assert_eq!(a.published.unwrap().to_string(), "2023-07-28");
        assert_eq!(a.source.as_deref(), Some("Example Front News"));
        assert_eq!(a.url.as_deref(), Some("https://t.me/c/1234567890/2"));
        let Item::Doc(b) = &items[1] else { panic!() };
        assert_eq!(
            b.original_source.as_deref(),
            Some("Regional Administration")
        );
        assert!(matches!(items[2], Item::Skipped(_)));
    }

    #[test]
    fn other_json_is_a_clear_error() {
        let items: Vec<Item> =
            messages("x.json", br#"{"a": 1}"#.to_vec(), ReadOptions::new(1 << 20)).into();
        let Item::Failed(e) = &items[0] else { panic!() };
        assert!(e.message.contains("not a Telegram export"), "{e}");
    }
}
