//! Quotes and speakers on sentences written for these tests.
//!
//! Writes: no layer (tests). Reads: the embedded rules and gazetteer.

use crate::testing::{ledger, speaker_of};

const D: &str = "2024-05-02";

#[test]
fn name_said_colon_quote() {
    let l = ledger(
        "Deputy Minister Ivan Petrov said: \"We will rebuild every bridge.\"",
        D,
    );
    assert_eq!(speaker_of(&l, "rebuild every bridge"), "Ivan Petrov");
}

#[test]
fn quote_then_name_said() {
    let l = ledger(
        "\u{201C}The shelling went on all night,\u{201D} Mayor Oksana Bilyk said.",
        D,
    );
    assert_eq!(speaker_of(&l, "shelling went on"), "Oksana Bilyk");
}

#[test]
fn quote_then_said_name() {
    let l = ledger(
        "\"Nothing is left of the school,\" said Governor Serhiy Lysak.",
        D,
    );
    assert_eq!(speaker_of(&l, "Nothing is left"), "Serhiy Lysak");
}

#[test]
fn pronoun_after_quote_joins_the_last_person() {
    let l = ledger(
        "Yulia Marchenko, the head of the district, arrived at dawn. \"We need generators. We need water,\" she added.",
        D,
    );
    assert_eq!(speaker_of(&l, "We need generators"), "Yulia Marchenko");
}

#[test]
fn he_said_in_place_colon() {
    let l = ledger(
        "Vladimir Putin met officers on Monday. He said in Sochi: \"The plan is working.\"",
        D,
    );
    assert_eq!(speaker_of(&l, "plan is working"), "Vladimir Putin");
}

#[test]
fn partial_quote_after_speech_verb() {
    let l = ledger(
        "Defence Minister Hanna Maliar said the troops were \"holding firm\" near the river.",
        D,
    );
    assert_eq!(speaker_of(&l, "holding firm"), "Hanna Maliar");
    assert_eq!(l.quotes[0].kind, sitrep_ledger::QuoteKind::Partial);
}

#[test]
fn spoke_of_a_phrase() {
    let l = ledger(
        "General Staff spokesman Andriy Kovalov spoke of a \"difficult week\" for the brigades.",
        D,
    );
    assert_eq!(speaker_of(&l, "difficult week"), "Andriy Kovalov");
}

#[test]
fn interrupted_by_name_colon() {
    let l = ledger(
        "\"The talks are over,\" Lukashenko said before being interrupted by Putin: \"They are only paused.\"",
        D,
    );
    assert_eq!(speaker_of(&l, "talks are over"), "Alexander Lukashenko");
    assert_eq!(speaker_of(&l, "only paused"), "Vladimir Putin");
}

#[test]
fn appositive_between_name_and_verb() {
    let l = ledger(
        "Rafael Grossi, the head of the International Atomic Energy Agency, told ministers in Vienna that the cooling lines were \"fragile\".",
        D,
    );
    assert_eq!(speaker_of(&l, "fragile"), "Rafael Grossi");
}

#[test]
fn organisation_said_partial_quote() {
    let l = ledger(
        "The US-based Institute for the Study of War said a \"limited advance\" was under way.",
        D,
    );
    assert_eq!(
        speaker_of(&l, "limited advance"),
        "Institute for the Study of War"
    );
}

#[test]
fn anonymous_officials_told_that() {
    let l = ledger(
        "British defence officials told reporters that \"the air defences held\".",
        D,
    );
    assert_eq!(
        speaker_of(&l, "air defences held"),
        "British defence officials"
    );
}

#[test]
fn quote_continued_in_next_paragraph() {
    let l = ledger("Kremlin spokesman Dmitry Peskov said: \"The operation continues.\"\n\n\"There is no pause,\" he added.", D);
    assert_eq!(speaker_of(&l, "no pause"), "Dmitry Peskov");
}

#[test]
fn offsets_point_at_the_quoted_text() {
    let text = "Ihor Tarasenko, a spokesman for the garrison, said: \u{201C}Hold on.\u{201D}";
    let l = ledger(text, D);
    let q = &l.quotes[0];
    let chars: Vec<char> = text.chars().collect();
    let s: String = chars[q.start..q.end].iter().collect();
    assert_eq!(s, q.text);
    assert_eq!(q.text, "Hold on.");
}

#[test]
fn unknown_surname_before_verb_becomes_the_speaker() {
    let l = ledger(
        "The hearing ran late. \u{201C}This is a failure of leadership,\u{201D} Okafor said on the radio.",
        D,
    );
    assert_eq!(speaker_of(&l, "failure of leadership"), "Okafor");
}

#[test]
fn dash_after_quote_names_the_speaker() {
    let l = ledger(
        "Readers wrote in.\n\n\u{201C}The bridge must be rebuilt first.\u{201D} \u{2015} Tamsin Hollowell",
        D,
    );
    assert_eq!(speaker_of(&l, "bridge must be rebuilt"), "Tamsin Hollowell");
}

#[test]
fn descriptive_speaker_after_verb_is_kept_as_unnamed_actor() {
    let l = ledger(
        "\"The convoy never arrived,\" said one aid worker on the border.",
        D,
    );
    assert_eq!(
        speaker_of(&l, "convoy never arrived"),
        "one aid worker on the border"
    );
}

#[test]
fn pronoun_after_quote_finds_a_new_named_speaker() {
    let l = ledger(
        "\u{201C}We stayed,\u{201D} Marta Oyelaran said. \u{201C}There was nowhere else to go,\u{201D} she added.",
        D,
    );
    assert_eq!(speaker_of(&l, "nowhere else to go"), "Marta Oyelaran");
}

#[test]
fn quote_following_in_the_same_paragraph_continues_the_speaker() {
    let l = ledger(
        "\u{201C}We will return,\u{201D} Ilse Brandvold said. \u{201C}Every family will.\u{201D}",
        D,
    );
    assert_eq!(speaker_of(&l, "Every family will"), "Ilse Brandvold");
}

#[test]
fn a_title_named_before_it_is_no_quote() {
    let l = ledger(
        "In his 2002 book, \"Make Your Kid a Millionaire,\" Kevin McKinley suggested saving early.",
        D,
    );
    assert!(l.quotes.is_empty(), "{:#?}", l.quotes);
}

#[test]
fn a_nickname_is_no_quote() {
    let l = ledger(
        "The commander, dubbed \"the Butcher\" by residents, was seen in Bakhmut.",
        D,
    );
    assert!(l.quotes.is_empty(), "{:#?}", l.quotes);
}

#[test]
fn a_sign_s_text_is_no_quote() {
    let l = ledger(
        "Protesters carried a sign that read, \"No war in our name.\"",
        D,
    );
    assert!(l.quotes.is_empty(), "{:#?}", l.quotes);
}

#[test]
fn markup_is_no_quote() {
    let l = ledger(
        "<tweet tweet-author=\"Ann\" tweet-date=\"2016-09-12\"> The rally was cancelled.",
        D,
    );
    assert!(l.quotes.is_empty(), "{:#?}", l.quotes);
}

#[test]
fn a_report_s_words_after_a_title_word_far_back_are_a_quote() {
    let l = ledger(
        "The book was out of print, the publisher said. \"We will print it again,\" she added.",
        D,
    );
    assert_eq!(l.quotes.len(), 1);
}

#[test]
fn a_quote_over_two_paragraphs_has_the_speaker_named_at_its_end() {
    let l = ledger(
        "Mayor Ihor Terekhov spoke at noon. \"The first part of the night was quiet.\n\n\"Then the drones came,\" he said.",
        D,
    );
    assert_eq!(speaker_of(&l, "first part of the night"), "Ihor Terekhov");
}

#[test]
fn each_segment_of_a_split_quote_is_the_speaker_s() {
    let l = ledger(
        "\"You went on television to blame the $12-an-hour\" workers. \"It's gutless leadership,\" Senator Elizabeth Warren said.",
        D,
    );
    assert_eq!(speaker_of(&l, "went on television"), "Elizabeth Warren");
}

#[test]
fn a_participle_before_the_quote_is_the_main_subject_s() {
    let l = ledger(
        "Donald Trump attacked Hillary Clinton's record on Iraq and Libya, saying, \"She's trigger-happy and very unstable.\"",
        D,
    );
    assert_eq!(speaker_of(&l, "trigger-happy"), "Donald Trump");
}

#[test]
fn a_lead_in_ending_with_a_colon_names_the_speaker() {
    let l = ledger(
        "Mayor Ihor Terekhov went on to describe the night:\n\n\"The drones came at three. Nobody slept.\"",
        D,
    );
    assert_eq!(speaker_of(&l, "drones came at three"), "Ihor Terekhov");
}

#[test]
fn according_to_a_name_before_a_quote() {
    let l = ledger(
        "According to Limbaugh, \"the moderator ought to have no role in it.\"",
        D,
    );
    assert_eq!(speaker_of(&l, "moderator ought"), "Limbaugh");
}

#[test]
fn the_verb_nearest_a_whole_quote_leads_it() {
    let l = ledger(
        "Asked to describe the device, Commissioner James O'Neill said, \"Not going to go into that.\"",
        D,
    );
    assert_eq!(speaker_of(&l, "Not going to go"), "James O'Neill");
}

#[test]
fn a_fronted_phrase_is_not_the_participle_s_subject() {
    let l = ledger(
        "During a speech earlier in the day, Donald Trump attacked her record, saying, \"She's trigger-happy.\"",
        D,
    );
    assert_eq!(speaker_of(&l, "trigger-happy"), "Donald Trump");
}

#[test]
fn a_split_quote_over_two_paragraphs() {
    let l = ledger(
        "\"You went on television to blame the $12-an-hour\" workers.\n\n\"It's gutless leadership,\" Senator Elizabeth Warren said.",
        D,
    );
    assert_eq!(speaker_of(&l, "went on television"), "Elizabeth Warren");
}

#[test]
fn a_speech_verb_used_as_a_noun_is_no_cue() {
    let l = ledger(
        "\"It is an invasion of our domain,\" Scott Pruitt, the attorney general of Oklahoma, one of the states suing the agency, said.",
        D,
    );
    assert_eq!(speaker_of(&l, "invasion of our domain"), "Scott Pruitt");
}

#[test]
fn a_sentence_quoted_right_after_the_verb_is_direct() {
    let l = ledger(
        "In an interview, Donald Trump declared \"I think NATO may be obsolete.\"",
        D,
    );
    let q = l
        .quotes
        .iter()
        .find(|q| q.text.contains("NATO may be"))
        .unwrap();
    assert_eq!(q.kind, sitrep_ledger::QuoteKind::Direct);
    assert_eq!(speaker_of(&l, "NATO may be"), "Donald Trump");
}

#[test]
fn a_capitalised_verb_inside_a_name_is_no_cue() {
    let l = ledger(
        "\"Their strategy is very clear,\" Michael McFaul, a former United States ambassador to Russia, said of the channel.",
        D,
    );
    assert_eq!(speaker_of(&l, "strategy is very clear"), "Michael McFaul");
}

#[test]
fn an_adverb_between_the_pronoun_and_the_verb() {
    let l = ledger(
        "The newspaper ran the story on Monday. \"He pursued the trophy projects he is known for,\" it further wrote.",
        D,
    );
    let q = l
        .quotes
        .iter()
        .find(|q| q.text.contains("trophy projects"))
        .unwrap();
    assert_eq!(
        q.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("it")
    );
}

#[test]
fn a_coordinated_verb_of_saying_has_the_sentence_subject() {
    let l = ledger(
        "Mayor Oksana Bilyk walked to the barricade and repeatedly said, \"Nobody leaves the city.\"",
        D,
    );
    assert_eq!(speaker_of(&l, "Nobody leaves"), "Oksana Bilyk");
}

#[test]
fn a_participle_after_an_attribution_has_its_speaker() {
    let l = ledger(
        "\"We held the line,\" Colonel Petro Kuzmenko said, adding later, \"The bridge is ours.\"",
        D,
    );
    assert_eq!(speaker_of(&l, "bridge is ours"), "Petro Kuzmenko");
}

#[test]
fn the_first_person_outside_quotes_is_the_author() {
    let l = ledger(
        "On the road to Izium, I stopped and said, \"Turn back.\"",
        D,
    );
    let st = l
        .statements
        .iter()
        .find(|s| s.content.text.contains("Turn back"))
        .expect("the quote's statement");
    assert_eq!(st.speaker, None);
    assert_eq!(
        st.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("I")
    );
}

#[test]
fn a_sung_line_is_the_singer_s() {
    let l = ledger(
        "\u{201C}Keep your hands in sight,\u{201D} Mary Blige sings to the crowd.",
        D,
    );
    assert_eq!(speaker_of(&l, "hands in sight"), "Mary Blige");
}

#[test]
fn a_show_s_title_is_no_quote() {
    let l = ledger(
        "Mr. King sat for an interview on his show, \"Politicking.\" Critics were scathing.",
        D,
    );
    assert!(
        l.quotes.iter().all(|q| !q.text.contains("Politicking")),
        "{:#?}",
        l.quotes
    );
}
