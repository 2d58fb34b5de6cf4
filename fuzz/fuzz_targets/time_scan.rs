//! Text normalisation, segmentation and the time-expression scanner on arbitrary text, with and without a
//! publication date.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let text = sitrep_text::Text::new(s);
    let _ = text.sentences.len();
    let _ = sitrep_time::find_times_in(&text, chrono_date());
    let _ = sitrep_time::find_times(s, None);
    let _ = sitrep_time::find_dateline(s);
    let _ = sitrep_time::parse_metadata_date(s);
});

fn chrono_date() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2023, 7, 28)
}
