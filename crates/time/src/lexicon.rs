//! Word tables used by the recogniser. Everything language-specific lives here.

/// Month names and abbreviations (matched case-insensitively, but a capital initial is required).
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Months that are also common English words ("may be", "the march", "June" as a name,
/// "august body"): standing alone they need a date context (preposition, modifier, day or year).
pub const AMBIGUOUS_MONTHS: &[&str] = &["may", "march", "mar", "june", "august", "jan", "sun"];

/// Weekday names; index 0 = Monday.
pub const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 0),
    ("tuesday", 1),
    ("wednesday", 2),
    ("thursday", 3),
    ("friday", 4),
    ("saturday", 5),
    ("sunday", 6),
];

/// Weekday abbreviations, only accepted directly before a written date ("Fri 28 July 2023").
pub const WEEKDAY_ABBREVS: &[(&str, u32)] = &[
    ("mon", 0),
    ("tue", 1),
    ("tues", 1),
    ("wed", 2),
    ("thu", 3),
    ("thur", 3),
    ("thurs", 3),
    ("fri", 4),
    ("sat", 5),
    ("sun", 6),
];

/// Capitalised words after a weekday that make it part of a name ("Sunday Times").
pub const WEEKDAY_NAME_FOLLOWERS: &[&str] = &[
    "times",
    "telegraph",
    "mirror",
    "express",
    "herald",
    "post",
    "tribune",
    "observer",
    "mail",
    "star",
    "independent",
    "people",
    "sport",
    "school",
    "service",
    "league",
];

/// Capitalised words before a weekday that make it a name ("Bloody Sunday").
pub const WEEKDAY_NAME_PRECEDERS: &[&str] = &["bloody", "black", "cyber"];

/// Seasons and their TIMEX3 codes.
pub const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("autumn", "FA"),
    ("fall", "FA"),
    ("winter", "WI"),
];

/// Parts of the day and their TIMEX3 codes.
pub const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
];

/// Time units: word, TIMEX3 duration letter, whether it is a clock unit (PT...).
pub const UNITS: &[(&str, &str, bool)] = &[
    ("second", "S", true),
    ("seconds", "S", true),
    ("minute", "M", true),
    ("minutes", "M", true),
    ("hour", "H", true),
    ("hours", "H", true),
    ("day", "D", false),
    ("days", "D", false),
    ("week", "W", false),
    ("weeks", "W", false),
    ("fortnight", "2W", false),
    ("month", "M", false),
    ("months", "M", false),
    ("year", "Y", false),
    ("years", "Y", false),
    ("decade", "DE", false),
    ("decades", "DE", false),
    ("century", "CE", false),
    ("centuries", "CE", false),
    ("quarters", "Q", false),
];

/// Decades in words ("the nineties").
pub const DECADE_WORDS: &[(&str, u32)] = &[
    ("twenties", 20),
    ("thirties", 30),
    ("forties", 40),
    ("fifties", 50),
    ("sixties", 60),
    ("seventies", 70),
    ("eighties", 80),
    ("nineties", 90),
];

/// Cardinal number words.
pub const NUMBER_WORDS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// Quantifiers that give an unspecified number ("several days" -> PXD).
pub const VAGUE_QUANTIFIERS: &[&str] = &["several", "few", "many", "some", "couple", "numerous"];

/// Ordinals used for quarters, halves and "the 18th of July".
pub const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("final", 4),
    ("last", 4),
];

/// Approximators included in a duration span ("about three days", "more than a decade").
pub const APPROXIMATORS: &[&str] = &[
    "about",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "around",
];

/// Words that give a bare year or month a date context when they precede it.
pub const DATE_CONTEXT_BEFORE: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "to",
    "through",
    "during",
    "of",
    "before",
    "after",
    "between",
    "and",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "each",
    "every",
    "throughout",
    "into",
    "around",
    "for",
    "fiscal",
    "the",
    "on",
    "as",
    "than",
    "or",
    "year",
    "summer",
    "spring",
    "autumn",
    "winter",
    "fall",
    "end",
    "beginning",
    "start",
    "middle",
    "ending",
    "starting",
    "past",
];

/// Lower-case words after a number that show it is a count, not a year ("by 2000 troops").
pub const NON_YEAR_FOLLOWERS: &[&str] = &[
    "people",
    "troops",
    "soldiers",
    "men",
    "women",
    "children",
    "civilians",
    "servicemen",
    "fighters",
    "units",
    "cases",
    "homes",
    "houses",
    "km",
    "miles",
    "metres",
    "meters",
    "tonnes",
    "tons",
    "dollars",
    "euros",
    "shares",
    "votes",
    "residents",
    "refugees",
    "workers",
    "jobs",
    "points",
    "percent",
];

/// Words before a number that show it is a count, not a year ("about 2000", "No. 1999").
pub const COUNT_BEFORE: &[&str] = &[
    "about",
    "some",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "over",
    "than",
    "no",
    "number",
    "least",
    "only",
    "just",
    "total",
    "totalling",
    "page",
    "route",
    "flight",
    "room",
    "highway",
];

/// Words signalling that a weekday/month without a year lies in the future (same clause).
pub const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "would",
    "upcoming",
    "forthcoming",
    "scheduled",
    "tomorrow",
];

/// Future cues only when followed by "to"/"for"/"on"/"in" ("is due to", "set for", "plans to").
pub const FUTURE_CUES_BEFORE_TO: &[&str] = &[
    "due", "expected", "plans", "plan", "planned", "planning", "intends", "intend", "set", "going",
    "slated", "poised", "pledge", "pledged", "pledges",
];

/// Reporting verbs: a time expression right after one of them dates the report, i.e. the past.
pub const PAST_REPORTING: &[&str] = &[
    "said",
    "told",
    "announced",
    "reported",
    "added",
    "stated",
    "confirmed",
    "claimed",
    "wrote",
    "declared",
    "warned",
    "denied",
    "insisted",
    "tweeted",
    "posted",
    "saying",
];

/// Time zone words that may follow a clock time ("0600 GMT").
pub const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "cest", "eet", "eest", "msk",
    "bst",
];

/// Holidays: first word, optional second word (None = the first word alone), rule.
pub const HOLIDAYS: &[(&str, Option<&str>, Holiday)] = &[
    ("thanksgiving", Some("day"), Holiday::NthWeekday(11, 3, 4)),
    ("thanksgiving", None, Holiday::NthWeekday(11, 3, 4)),
    ("christmas", Some("eve"), Holiday::Fixed(12, 24)),
    ("christmas", Some("day"), Holiday::Fixed(12, 25)),
    ("christmas", None, Holiday::Fixed(12, 25)),
    ("halloween", None, Holiday::Fixed(10, 31)),
    ("independence", Some("day"), Holiday::Fixed(7, 4)),
    ("labor", Some("day"), Holiday::NthWeekday(9, 0, 1)),
    ("memorial", Some("day"), Holiday::NthWeekday(5, 0, 5)),
    ("election", Some("day"), Holiday::ElectionDay),
    ("easter", Some("sunday"), Holiday::Easter(0)),
    ("easter", Some("monday"), Holiday::Easter(1)),
    ("easter", None, Holiday::Easter(0)),
    ("boxing", Some("day"), Holiday::Fixed(12, 26)),
];

/// How a holiday's date is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// Month, day.
    Fixed(u32, u32),
    /// Month, weekday (0 = Monday), n-th occurrence (5 = the last).
    NthWeekday(u32, u32, u32),
    /// Easter Sunday plus this many days.
    Easter(i64),
    /// The Tuesday after the first Monday of November.
    ElectionDay,
}

/// Set (frequency) adverbs with their TIMEX3 values.
pub const SET_ADVERBS: &[(&str, &str)] = &[
    ("daily", "P1D"),
    ("nightly", "P1D"),
    ("weekly", "P1W"),
    ("monthly", "P1M"),
    ("yearly", "P1Y"),
    ("annually", "P1Y"),
    ("hourly", "PT1H"),
];

/// Vague single-word references.
pub const VAGUE_WORDS: &[(&str, &str)] = &[
    ("now", "PRESENT_REF"),
    ("currently", "PRESENT_REF"),
    ("nowadays", "PRESENT_REF"),
    ("recently", "PAST_REF"),
    ("lately", "PAST_REF"),
];

/// Other words the grammar keys on (deictic words, determiners, modifiers, clock words).
pub const EXTRA_WORDS: &[&str] = &[
    "thanksgiving",
    "christmas",
    "halloween",
    "independence",
    "labor",
    "memorial",
    "election",
    "easter",
    "boxing",
    "new",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "overnight",
    "ago",
    "earlier",
    "later",
    "weekend",
    "weekends",
    "quarter",
    "half",
    "coming",
    "previous",
    "following",
    "current",
    "recent",
    "per",
    "noon",
    "midday",
    "midnight",
    "am",
    "pm",
    "present",
    "future",
    "right",
    "these",
    "that",
    "same",
    "more",
    "less",
    "least",
    "over",
    "within",
    "up",
    "once",
    "twice",
    "times",
    "other",
    "q",
    "yearend",
    "thousand",
    "straight",
    "consecutive",
    "successive",
    "single",
    "year",
    "month",
    "week",
    "rest",
    "whole",
    "entire",
    "latest",
    "weeks",
    "months",
    "soon",
    "old",
    "most",
    "his",
    "her",
    "its",
    "their",
    "our",
    "both",
    "fiscal",
    "should",
    "had",
];
