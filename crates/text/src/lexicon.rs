//! Word lists used by segmentation. Lower-case unless noted.

/// Words after which a full stop does not end a sentence (compared case-insensitively, without the dot).
pub const ABBREVIATIONS: &[&str] = &[
    "st", "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "gov", "sen", "rep", "pres", "rev", "hon", "jr", "sr", "no", "nos", "vol",
    "fig", "approx", "est", "etc", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mt", "ft", "inc", "ltd", "co", "corp", "dept", "univ", "ave",
    "blvd", "rd", "km", "mi",
];

/// Phrases that mark a paragraph as a picture caption.
pub const CAPTION_CUES: &[&str] = &[
    "in this picture",
    "in this photo",
    "in this handout",
    "in this image",
    "in this still image",
    "picture released",
    "photo released",
    "image released",
    "handout picture",
    "handout photo",
    "file photo",
    "file picture",
    "pictured here",
    "is seen in this",
    "are seen in this",
    "can be seen in this",
    "photo taken",
    "picture taken",
    "obtained by reuters",
    "screengrab",
    "screen grab",
];

/// Credit lines typical of captions.
pub const PHOTO_CREDIT: &[&str] = &[
    "- instagram/",
    "- reuters/",
    "(reuters/",
    "(ap photo",
    "/afp via getty",
    "getty images",
    "photo: ",
    "photo by ",
    "/reuters",
    "/ap photo",
    "/handout",
];
