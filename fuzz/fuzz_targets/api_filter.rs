//! The query parameters of `GET /api/events` (and the filter flags of `query` and `export`): an arbitrary query
//! string, split as a browser sends it, read by `sitrep_store::filter::Filter::parse`. Any outcome is a filter
//! or a message; never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sitrep_store::filter::{Filter, Style};

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let pairs: Vec<(String, String)> = query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let _ = Filter::parse(get, Style::Api);
    let _ = Filter::parse(
        |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        },
        Style::Cli,
    );
});
