//! Statements on sentences written for these tests: each construction of `lists/statement_cues.tsv`, the
//! speaker found, and what is not a statement.
//!
//! Writes: no layer (tests). Reads: the embedded rules and gazetteer.

use crate::testing::ledger;
use sitrep_ledger::{Ledger, Statement, StatementKind, StatementMode};

const D: &str = "2024-05-02";

/// The statement whose content holds `needle`.
fn statement<'l>(l: &'l Ledger, needle: &str) -> &'l Statement {
    l.statements
        .iter()
        .find(|s| s.content.text.contains(needle))
        .unwrap_or_else(|| panic!("no statement holds {needle:?}: {:#?}", l.statements))
}

/// The speaker's name of the statement holding `needle` ("" when it has none).
fn speaker<'l>(l: &'l Ledger, needle: &str) -> &'l str {
    statement(l, needle)
        .speaker
        .as_deref()
        .and_then(|id| l.actor(id))
        .map(|a| a.name.as_str())
        .unwrap_or("")
}

/// The words naming the speaker of the statement holding `needle` ("" when none do).
fn speaker_text<'l>(l: &'l Ledger, needle: &str) -> &'l str {
    statement(l, needle)
        .speaker_mention
        .as_ref()
        .map(|m| m.text.as_str())
        .unwrap_or("")
}

fn no_statement(l: &Ledger, needle: &str) {
    assert!(
        l.statements
            .iter()
            .all(|s| !s.content.text.contains(needle)),
        "a statement holds {needle:?}: {:#?}",
        l.statements
    );
}

fn kind(l: &Ledger, needle: &str) -> StatementKind {
    statement(l, needle).kind
}

fn mode(l: &Ledger, needle: &str) -> StatementMode {
    statement(l, needle).mode
}

// ---------------------------------------------------------------- X said (that) S

#[test]
fn said_that_clause() {
    let l = ledger(
        "Governor Oleh Syniehubov said that the power station had been hit twice.",
        D,
    );
    let s = statement(&l, "power station had been hit");
    assert_eq!(s.kind, StatementKind::Reported);
    assert_eq!(s.mode, StatementMode::Assertion);
    assert_eq!(s.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
    assert_eq!(s.content.text, "the power station had been hit twice");
    assert_eq!(speaker(&l, "power station"), "Oleh Syniehubov");
}

#[test]
fn said_without_that() {
    let l = ledger("Mayor Ihor Terekhov said the city had no water.", D);
    assert_eq!(
        statement(&l, "no water").content.text,
        "the city had no water"
    );
    assert_eq!(speaker(&l, "no water"), "Ihor Terekhov");
}

#[test]
fn said_on_a_day_then_the_clause() {
    let l = ledger(
        "Ukrainian forces said on Tuesday they had recaptured the village of Synkivka.",
        D,
    );
    let s = statement(&l, "recaptured");
    assert!(s.content.text.starts_with("they had recaptured"), "{s:?}");
}

#[test]
fn said_in_a_statement_that() {
    let l = ledger(
        "The Red Cross said in a statement on Monday that two of its staff were missing.",
        D,
    );
    assert!(statement(&l, "staff were missing")
        .content
        .text
        .starts_with("two of its staff"));
}

#[test]
fn said_in_an_interview_with_an_outlet() {
    let l = ledger(
        "Olena Kovalenko said in an interview with CNN the talks had stalled.",
        D,
    );
    let s = statement(&l, "talks had stalled");
    assert_eq!(s.content.text, "the talks had stalled");
    assert_eq!(speaker(&l, "talks had stalled"), "Olena Kovalenko");
}

#[test]
fn pronoun_speaker_joins_the_last_person() {
    let l = ledger(
        "Olena Kovalenko arrived in Kherson on Monday. She said the shelling had not stopped for two days.",
        D,
    );
    let s = statement(&l, "shelling had not stopped");
    assert_eq!(
        s.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("She")
    );
    assert_eq!(speaker(&l, "shelling had not stopped"), "Olena Kovalenko");
}

#[test]
fn an_organisation_speaks_as_it() {
    let l = ledger(
        "The Ministry of Defence of Ukraine gave no figures. It said the air force had shot down 20 drones.",
        D,
    );
    assert!(speaker(&l, "shot down 20 drones").contains("Ukraine"));
}

// ---------------------------------------------------------------- S, X said.

#[test]
fn clause_then_speaker_said() {
    let l = ledger(
        "Two schools were damaged in the strike, the regional governor said.",
        D,
    );
    let s = statement(&l, "schools were damaged");
    assert_eq!(s.content.text, "Two schools were damaged in the strike");
    assert_eq!(
        s.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("the regional governor")
    );
}

#[test]
fn clause_then_said_name() {
    let l = ledger(
        "The bridge was closed to traffic, said Serhiy Lysak on Tuesday.",
        D,
    );
    assert_eq!(speaker(&l, "bridge was closed"), "Serhiy Lysak");
}

#[test]
fn clause_then_said_name_with_a_long_appositive() {
    let l = ledger(
        "The evacuation will go on for a week, said Mykola Kovalenko, the deputy head of the regional council of Kharkiv.",
        D,
    );
    assert_eq!(speaker(&l, "evacuation will go on"), "Mykola Kovalenko");
}

#[test]
fn clause_then_bare_plural_speakers() {
    let l = ledger("The convoy was hit near the border, officials said.", D);
    let s = statement(&l, "convoy was hit");
    assert_eq!(
        s.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("officials")
    );
    assert!(s.speaker.is_some());
}

#[test]
fn modified_bare_plural_speakers() {
    let l = ledger(
        "Ukrainian military sources say the brigade has withdrawn.",
        D,
    );
    let s = statement(&l, "brigade has withdrawn");
    assert_eq!(
        s.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("Ukrainian military sources")
    );
}

#[test]
fn said_then_adding_that() {
    let l = ledger(
        "The strike hit a depot, Governor Vitaliy Kim said, adding that nobody was hurt.",
        D,
    );
    assert_eq!(speaker(&l, "strike hit a depot"), "Vitaliy Kim");
    let s = statement(&l, "nobody was hurt");
    assert_eq!(s.content.text, "nobody was hurt");
    assert_eq!(speaker(&l, "nobody was hurt"), "Vitaliy Kim");
}

#[test]
fn main_clause_subject_speaks_the_participle() {
    let l = ledger(
        "Senator Maria Lopez attacked the plan on Monday, saying it would cost too much.",
        D,
    );
    assert_eq!(speaker(&l, "would cost too much"), "Maria Lopez");
}

// ---------------------------------------------------------------- according to

#[test]
fn according_to_first() {
    let l = ledger(
        "According to the State Emergency Service, three people were rescued from the rubble.",
        D,
    );
    let s = statement(&l, "three people were rescued");
    assert_eq!(s.content.text, "three people were rescued from the rubble");
    assert!(s.speaker_mention.is_some());
}

#[test]
fn according_to_last() {
    let l = ledger(
        "Three people were rescued from the rubble, according to Governor Ivan Fedorov.",
        D,
    );
    assert_eq!(
        speaker(&l, "three people were rescued".trim_start_matches('t')),
        "Ivan Fedorov"
    );
}

// ---------------------------------------------------------------- objects, infinitives, calls

#[test]
fn told_reporters_clause() {
    let l = ledger(
        "Defence Minister Rustem Umerov told reporters the first jets would arrive in summer.",
        D,
    );
    let s = statement(&l, "first jets would arrive");
    assert_eq!(s.content.text, "the first jets would arrive in summer");
    assert_eq!(speaker(&l, "first jets"), "Rustem Umerov");
}

#[test]
fn told_an_outlet_that() {
    let l = ledger(
        "A senior official told The Associated Press that the deal was close.",
        D,
    );
    let s = statement(&l, "deal was close");
    assert_eq!(s.content.text, "the deal was close");
    assert_eq!(
        s.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("A senior official")
    );
}

#[test]
fn plans_to_is_an_intent() {
    let l = ledger(
        "President Emmanuel Macron plans to visit Kyiv next month.",
        D,
    );
    assert_eq!(mode(&l, "visit Kyiv"), StatementMode::Intent);
    assert!(statement(&l, "visit Kyiv")
        .content
        .text
        .starts_with("to visit"));
}

#[test]
fn urged_someone_to_is_a_call() {
    let l = ledger(
        "Secretary-General Antonio Guterres urged both sides to open a corridor for civilians.",
        D,
    );
    assert_eq!(mode(&l, "open a corridor"), StatementMode::Call);
    assert_eq!(speaker(&l, "open a corridor"), "Antonio Guterres");
}

#[test]
fn called_for_a_noun_is_a_call() {
    let l = ledger("Pope Francis called for a ceasefire in Gaza.", D);
    let s = statement(&l, "ceasefire");
    assert_eq!(s.mode, StatementMode::Call);
    assert_eq!(s.cue.as_ref().map(|c| c.text.as_str()), Some("called for"));
    assert_eq!(s.content.text, "a ceasefire in Gaza");
}

#[test]
fn condemned_is_an_accusation() {
    let l = ledger(
        "Foreign Minister Dmytro Kuleba condemned the attack on the port.",
        D,
    );
    assert_eq!(mode(&l, "attack on the port"), StatementMode::Accusation);
}

#[test]
fn believes_that_is_a_belief() {
    let l = ledger(
        "General Valerii Zaluzhnyi believes that the front has stabilised.",
        D,
    );
    assert_eq!(mode(&l, "front has stabilised"), StatementMode::Belief);
}

#[test]
fn a_poll_found_that_is_a_finding() {
    let l = ledger(
        "A poll by the Kyiv International Institute of Sociology found that most voters oppose the deal.",
        D,
    );
    assert_eq!(mode(&l, "most voters oppose"), StatementMode::Finding);
}

#[test]
fn warned_that_is_a_forecast() {
    let l = ledger(
        "Governor Vadym Filashkin warned that the town could be cut off within days.",
        D,
    );
    assert_eq!(mode(&l, "could be cut off"), StatementMode::Forecast);
}

#[test]
fn denied_the_report_is_a_denial() {
    let l = ledger(
        "Russian forces shelled Kupiansk on Monday, Ukraine's army said. Russia's defence ministry denied the report.",
        D,
    );
    let s = statement(&l, "the report");
    assert_eq!(s.mode, StatementMode::Denial);
    assert_eq!(s.content.text, "the report");
}

// ---------------------------------------------------------------- partial quotes

#[test]
fn partial_quote_belongs_to_the_subject_of_the_reporting_verb() {
    let l = ledger(
        "Governor Ivan Fedorov said the town had become a \"fortress\" for the army.",
        D,
    );
    let s = statement(&l, "fortress");
    assert_eq!(s.kind, StatementKind::Partial);
    assert!(s.quote.is_some());
    assert_eq!(speaker(&l, "fortress"), "Ivan Fedorov");
}

#[test]
fn a_partial_quote_called_by_its_speaker() {
    let l = ledger(
        "Foreign Minister Dmytro Kuleba called the strike \"a war crime\".",
        D,
    );
    assert_eq!(kind(&l, "war crime"), StatementKind::Partial);
    assert_eq!(speaker(&l, "war crime"), "Dmytro Kuleba");
}

// ---------------------------------------------------------------- direct quotes are statements once

#[test]
fn a_direct_quote_is_one_direct_statement() {
    let l = ledger(
        "Mayor Ihor Terekhov said: \"We will rebuild every school in the city.\"",
        D,
    );
    let holding: Vec<_> = l
        .statements
        .iter()
        .filter(|s| s.content.text.contains("rebuild every school"))
        .collect();
    assert_eq!(holding.len(), 1, "{holding:#?}");
    assert_eq!(holding[0].kind, StatementKind::Direct);
    assert!(holding[0].quote.is_some());
}

#[test]
fn a_quote_then_its_speaker_is_not_also_reported() {
    let l = ledger(
        "\"The shelling went on all night,\" Mayor Oksana Bilyk said.",
        D,
    );
    let holding: Vec<_> = l
        .statements
        .iter()
        .filter(|s| s.content.text.contains("shelling went on"))
        .collect();
    assert_eq!(holding.len(), 1, "{holding:#?}");
    assert_eq!(holding[0].kind, StatementKind::Direct);
}

#[test]
fn a_cue_inside_a_quote_is_the_quote_s() {
    let l = ledger(
        "\"They said the bridge would hold, and it did not,\" Mayor Oksana Bilyk said.",
        D,
    );
    assert!(l.statements.iter().all(|s| s.kind == StatementKind::Direct));
}

// ---------------------------------------------------------------- what is not a statement

#[test]
fn a_cue_as_a_noun_tells_nothing() {
    let l = ledger(
        "The claims could not be independently verified. Trump's plans to cut taxes were shelved.",
        D,
    );
    assert!(l.statements.is_empty(), "{:#?}", l.statements);
}

#[test]
fn an_appositive_subject_is_not_an_inverted_speaker() {
    let l = ledger(
        "Oleh Syniehubov, the governor of the Kharkiv region, said Russian artillery shelled Kupiansk overnight.",
        D,
    );
    assert_eq!(speaker(&l, "artillery shelled"), "Oleh Syniehubov");
    no_statement(&l, "governor of the Kharkiv region");
}

#[test]
fn an_actor_after_a_preposition_is_not_the_speaker() {
    let l = ledger(
        "The report on Russia said the sanctions had cut its oil revenue by a third.",
        D,
    );
    let s = statement(&l, "sanctions had cut");
    assert_ne!(
        s.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("Russia")
    );
}

#[test]
fn first_person_speakers_name_no_one() {
    // the author's statement (an op-ed, a letter): the words "I" as its speaker, no actor
    let l = ledger(
        "I said the plan would fail. We know the money was spent.",
        D,
    );
    for needle in ["plan would fail", "money was spent"] {
        let st = statement(&l, needle);
        assert_eq!(st.speaker, None);
        let mention = st.speaker_mention.as_ref().map(|m| m.text.as_str());
        assert!(matches!(mention, Some("I" | "We")), "{st:#?}");
    }
}

#[test]
fn said_with_nothing_after_is_no_statement() {
    let l = ledger("Mayor Ihor Terekhov said on Tuesday.", D);
    assert!(l.statements.is_empty(), "{:#?}", l.statements);
}

// ---------------------------------------------------------------- claims told in statements

#[test]
fn a_claim_names_the_statement_it_is_told_in() {
    let l = ledger(
        "Governor Oleh Syniehubov said Russian artillery shelled Kupiansk on Monday.",
        D,
    );
    let s = statement(&l, "artillery shelled");
    let e = s
        .event
        .as_deref()
        .expect("the statement reports the shelling");
    let c = l.claims.iter().find(|c| c.event == e).unwrap();
    assert_eq!(c.statement.as_deref(), Some(s.id.as_str()));
}

#[test]
fn statement_speakers_are_listed_actors() {
    let l = ledger("The convoy was hit near the border, officials said.", D);
    let s = statement(&l, "convoy was hit");
    let id = s.speaker.as_deref().unwrap();
    assert!(l.actor(id).is_some());
}

// ---------------------------------------------------------------- labels, appositives, coordination

#[test]
fn a_speaker_label_opens_a_headline() {
    let l = ledger(
        "Pence: Gennifer Flowers will not be at the debate\n\nThe debate is on Monday.",
        D,
    );
    let s = statement(&l, "Gennifer Flowers will not be");
    assert_eq!(s.cue.as_ref().map(|c| c.text.as_str()), Some(":"));
    assert_eq!(speaker(&l, "Gennifer Flowers will not"), "Pence");
}

#[test]
fn a_label_with_where_it_was_said() {
    let l = ledger(
        "The regional governor, on Telegram: the bridge at Zatoka is closed to traffic.",
        D,
    );
    let s = statement(&l, "bridge at Zatoka");
    assert_eq!(
        s.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("The regional governor")
    );
}

#[test]
fn a_topic_before_a_colon_is_no_speaker() {
    let l = ledger(
        "Ukraine war: Russian drones hit the port of Izmail overnight\n\nUpdate: the port is open again.",
        D,
    );
    no_statement(&l, "drones hit the port");
    no_statement(&l, "the port is open again");
}

#[test]
fn a_transcript_label_names_the_quote_s_speaker() {
    let l = ledger(
        "The interview went on.\n\n\"WALLACE: Will Gennifer Flowers be there tomorrow night?\"",
        D,
    );
    assert_eq!(speaker(&l, "Will Gennifer Flowers"), "WALLACE");
}

#[test]
fn a_long_appositive_before_the_cue() {
    let l = ledger(
        "Michael McFaul, a senior fellow at the Hoover Institution and a former ambassador to Russia, said the network was a tool of the state.",
        D,
    );
    assert_eq!(speaker(&l, "tool of the state"), "Michael McFaul");
}

#[test]
fn a_name_in_apposition_to_a_description() {
    let l = ledger(
        "\"We hold the bank,\" the navy's spokesman, Dmytro Pletenchuk, said.",
        D,
    );
    assert_eq!(speaker(&l, "We hold the bank"), "Dmytro Pletenchuk");
}

#[test]
fn a_middle_initial_is_part_of_the_name() {
    let l = ledger(
        "The stations were closed one by one, said Jeffrey N. Trimble, a senior official with the board.",
        D,
    );
    assert_eq!(speaker(&l, "stations were closed"), "Jeffrey N. Trimble");
}

#[test]
fn an_inverted_speaker_is_a_speaker_s_phrase() {
    let l = ledger(
        "Barack Obama, who understood it, said the cuts would come.",
        D,
    );
    assert_eq!(speaker(&l, "cuts would come"), "Barack Obama");
    no_statement(&l, "who understood it");
}

#[test]
fn a_possessive_opens_a_speaker_s_description() {
    let l = ledger(
        "Connecticut's tax commissioner says an internal review found no leak.",
        D,
    );
    let s = statement(&l, "internal review");
    assert_eq!(
        s.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("Connecticut's tax commissioner")
    );
}

#[test]
fn a_description_after_an_adjunct_is_the_speaker() {
    let l = ledger(
        "During the rally on Monday, the former president said the reform had raised premiums.",
        D,
    );
    let s = statement(&l, "raised premiums");
    assert_eq!(
        s.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("the former president")
    );
}

#[test]
fn a_description_needs_a_speaker_s_head() {
    let l = ledger("The bridge would show the road was open.", D);
    no_statement(&l, "road was open");
}

#[test]
fn a_coordinated_verb_of_saying_has_the_main_subject() {
    let l = ledger(
        "Senator Maria Lopez described the vote as ominous and said the committee would be damaged.",
        D,
    );
    assert_eq!(speaker(&l, "committee would be damaged"), "Maria Lopez");
}

#[test]
fn told_someone_to_is_a_call() {
    let l = ledger(
        "President Volodymyr Zelensky told his commanders to hold the town at any cost.",
        D,
    );
    assert_eq!(mode(&l, "hold the town"), StatementMode::Call);
    assert_eq!(speaker(&l, "hold the town"), "Volodymyr Zelensky");
}

#[test]
fn cited_takes_its_object() {
    let l = ledger(
        "Amnesty International cited satellite images of the burned villages.",
        D,
    );
    assert!(statement(&l, "satellite images")
        .content
        .text
        .starts_with("satellite images"));
}

#[test]
fn an_unresolved_pronoun_still_names_the_speaker_s_words() {
    let l = ledger("He said the road to the city was cut.", D);
    let s = statement(&l, "road to the city");
    assert_eq!(
        s.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("He")
    );
    assert!(s.speaker.is_none());
}

// ---------------------------------------------------------------- events told as intents and calls

#[test]
fn a_call_to_strike_is_no_strike() {
    let l = ledger(
        "Kyiv, May 2 - President Volodymyr Zelensky urged the allies to strike the airfields in Crimea.",
        D,
    );
    assert!(l.events.is_empty(), "{:#?}", l.events);
    assert_eq!(mode(&l, "strike the airfields"), StatementMode::Call);
}

#[test]
fn a_call_does_not_reach_the_clause_told_beside_it() {
    let l = ledger(
        "The opposition called for three days of protests as soldiers shot dead seven demonstrators in Khartoum.",
        D,
    );
    assert!(!l.events.is_empty(), "the shooting is an event");
    let s = statement(&l, "three days of protests");
    assert!(!s.content.text.contains("shot dead"), "{s:?}");
}

#[test]
fn a_belief_without_that() {
    let l = ledger(
        "Mayor Ihor Terekhov hoped the power plant would be repaired within a week.",
        D,
    );
    assert_eq!(
        mode(&l, "power plant would be repaired"),
        StatementMode::Belief
    );
    assert_eq!(
        speaker(&l, "power plant would be repaired"),
        "Ihor Terekhov"
    );
}

#[test]
fn a_fronted_as_clause() {
    let l = ledger(
        "As military analysts have pointed out, the brigade cannot hold the bridgehead for long.",
        D,
    );
    let s = statement(&l, "cannot hold the bridgehead");
    assert_eq!(
        s.content.text,
        "the brigade cannot hold the bridgehead for long"
    );
    assert_eq!(
        s.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("military analysts")
    );
}

#[test]
fn worried_about_is_no_clause() {
    let l = ledger("Residents worried about the water supply.", D);
    no_statement(&l, "water supply");
}

#[test]
fn a_pronoun_right_before_the_cue_is_its_subject() {
    let l = ledger("Police said he refused to leave the checkpoint.", D);
    let s = l
        .statements
        .iter()
        .find(|s| s.cue.as_ref().is_some_and(|c| c.text == "refused"))
        .expect("the refusal is a statement");
    assert_eq!(s.content.text, "to leave the checkpoint");
    assert_eq!(
        s.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("he")
    );
    assert_eq!(speaker(&l, "he refused"), "Police");
}

#[test]
fn they_is_a_group_not_one_person() {
    let l = ledger(
        "Ukraine's defence ministry sent a team to Kherson, where Ivan Petrov met it. They said the water plant had been hit.",
        D,
    );
    assert!(speaker(&l, "water plant had been hit").contains("Defence"));
}

#[test]
fn a_dateline_is_no_speaker_label() {
    let l = ledger(
        "LOS ANGELES: a man attacked a car on Sunset Boulevard, police said.",
        D,
    );
    assert!(l
        .statements
        .iter()
        .all(|s| s.cue.as_ref().is_none_or(|c| c.text != ":")));
}

#[test]
fn a_claim_with_no_source_at_its_cue_is_the_statement_speaker_s() {
    let l = ledger(
        "The day in Baghdad.\n\nIraqi officials: a car bomb killed 20 people in Baghdad on Monday.",
        D,
    );
    let c = l.claims.first().expect("the bombing is claimed");
    let s = l
        .statements
        .iter()
        .find(|s| Some(s.id.as_str()) == c.statement.as_deref())
        .expect("told in a statement");
    assert_eq!(c.source, s.speaker);
    assert!(c.source.is_some());
}

#[test]
fn a_title_case_headline_verb_is_a_cue() {
    let l = ledger(
        "Ted Cruz Endorses Donald Trump\n\nThe senator spoke on Friday.",
        D,
    );
    assert_eq!(speaker(&l, "Donald Trump"), "Ted Cruz");
}

#[test]
fn states_in_a_name_is_no_cue() {
    let l = ledger(
        "The talks in the United States ended with no deal for the region.",
        D,
    );
    assert!(l.statements.is_empty(), "{:#?}", l.statements);
}

// ---------------------------------------------------------------- the verb group before a cue

#[test]
fn auxiliaries_and_adverbs_stand_between_the_speaker_and_the_cue() {
    let l = ledger(
        "Ukrainian officials have repeatedly argued that the dam was mined. The governor has asked when the \
         road would reopen. The ministry is now demanding that the convoy be allowed through.",
        D,
    );
    assert_eq!(speaker_text(&l, "dam was mined"), "Ukrainian officials");
    assert_eq!(speaker_text(&l, "road would reopen"), "The governor");
    assert_eq!(speaker_text(&l, "convoy be allowed"), "The ministry");
    assert_eq!(mode(&l, "convoy be allowed"), StatementMode::Call);
}

#[test]
fn a_catenative_verb_belongs_to_the_verb_group() {
    let l = ledger(
        "Residents continued to call for the evacuation of the district. The mayor went on to warn of more \
         strikes.",
        D,
    );
    assert_eq!(speaker_text(&l, "evacuation of the district"), "Residents");
    assert_eq!(speaker_text(&l, "more strikes"), "The mayor");
}

#[test]
fn a_time_inside_the_verb_group_is_skipped() {
    let l = ledger(
        "The regional council on Friday condemned the shelling of the hospital.",
        D,
    );
    assert_eq!(
        speaker_text(&l, "shelling of the hospital"),
        "The regional council"
    );
}

#[test]
fn a_pronoun_with_a_contracted_auxiliary_is_the_subject() {
    let l = ledger(
        "Governor Oleh Syniehubov spoke on Monday. He's promised to rebuild the school by winter.",
        D,
    );
    assert_eq!(speaker(&l, "rebuild the school"), "Oleh Syniehubov");
}

// ---------------------------------------------------------------- who speaks

#[test]
fn a_relative_pronoun_stands_for_the_speaker_before_it() {
    let l = ledger(
        "The strike was condemned by Mayor Ihor Terekhov, who has called for air defence systems for the city.",
        D,
    );
    let st = statement(&l, "air defence systems");
    assert_eq!(speaker(&l, "air defence systems"), "Ihor Terekhov");
    assert_eq!(
        st.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("who")
    );
}

#[test]
fn indefinite_speakers_and_shares_name_no_actor() {
    let l = ledger(
        "Some say the bridge can be repaired within weeks. In the poll, 63 percent said the war would last \
         another year. No one expected the dam to hold.",
        D,
    );
    for (needle, words) in [
        ("bridge can be repaired", "Some"),
        ("war would last", "63 percent"),
        ("dam to hold", "No one"),
    ] {
        let st = statement(&l, needle);
        assert_eq!(st.speaker, None, "{st:#?}");
        assert_eq!(
            st.speaker_mention.as_ref().map(|m| m.text.as_str()),
            Some(words)
        );
    }
}

#[test]
fn a_speaker_noun_keeps_its_prepositional_phrase() {
    let l = ledger(
        "Although the front is quiet, analysts from both institutes say the offensive has stalled.",
        D,
    );
    assert_eq!(
        speaker_text(&l, "offensive has stalled"),
        "analysts from both institutes"
    );
}

#[test]
fn a_participle_after_a_preposition_has_the_main_subject() {
    let l = ledger(
        "Mayor Ihor Terekhov opened the briefing by saying the water supply had been restored.",
        D,
    );
    assert_eq!(
        speaker(&l, "water supply had been restored"),
        "Ihor Terekhov"
    );
}

// ---------------------------------------------------------------- constructions

#[test]
fn a_possessed_noun_tells_a_statement() {
    let l = ledger(
        "Mayor Ihor Terekhov repeated his call for more air defence. The Russian ministry's claim that the \
         depot was destroyed could not be verified.",
        D,
    );
    assert_eq!(speaker(&l, "more air defence"), "Ihor Terekhov");
    assert_eq!(mode(&l, "more air defence"), StatementMode::Call);
    assert_eq!(mode(&l, "depot was destroyed"), StatementMode::Assertion);
    let st = statement(&l, "depot was destroyed");
    assert!(st.speaker_mention.is_some(), "{st:#?}");
}

#[test]
fn an_intent_read_into_a_noun_is_no_statement() {
    let l = ledger("Russia's plans to encircle the town were foiled.", D);
    no_statement(&l, "encircle the town");
}

#[test]
fn a_passive_cue_has_the_agent_or_no_speaker() {
    let l = ledger(
        "The strike was condemned by the United Nations as a violation of the law. The town is expected to \
         fall within days.",
        D,
    );
    let st = statement(&l, "violation of the law");
    assert_eq!(mode(&l, "violation of the law"), StatementMode::Accusation);
    assert_eq!(
        st.speaker_mention.as_ref().map(|m| m.text.as_str()),
        Some("the United Nations")
    );
    let st = statement(&l, "fall within days");
    assert_eq!(st.speaker, None);
    assert_eq!(st.speaker_mention, None);
    assert_eq!(mode(&l, "fall within days"), StatementMode::Forecast);
}

#[test]
fn the_subject_of_a_passive_is_not_its_speaker() {
    let l = ledger(
        "Governor Oleh Syniehubov was criticised for the slow evacuation of the villages.",
        D,
    );
    assert_ne!(speaker(&l, "slow evacuation"), "Oleh Syniehubov");
}

#[test]
fn a_finding_is_told_by_its_object() {
    let l = ledger(
        "Satellite images show a burned-out depot near the rail line. Polls show the mayor ahead by ten points.",
        D,
    );
    assert_eq!(mode(&l, "burned-out depot"), StatementMode::Finding);
    assert_eq!(speaker_text(&l, "mayor ahead"), "Polls");
}

#[test]
fn a_stance_is_told_by_its_object() {
    let l = ledger(
        "The governor has promised a full inquiry. Opposition deputies railed against the new curfew.",
        D,
    );
    assert_eq!(mode(&l, "full inquiry"), StatementMode::Intent);
    assert_eq!(mode(&l, "new curfew"), StatementMode::Accusation);
}

#[test]
fn a_that_with_no_clause_after_it_is_a_pronoun() {
    let l = ledger(
        "Military analysts said the new drones could change that.",
        D,
    );
    assert_eq!(
        speaker_text(&l, "drones could change that"),
        "Military analysts"
    );
}

#[test]
fn a_fronted_phrase_is_no_statement() {
    let l = ledger("Like the mayor, we believe in the city's defenders.", D);
    no_statement(&l, "Like the mayor");
}

#[test]
fn a_finding_verb_has_no_inverted_speaker() {
    let l = ledger(
        "A review of the footage published on Monday, shows soldiers near the school.",
        D,
    );
    no_statement(&l, "A review of the footage");
}

#[test]
fn a_negated_cue_tells_no_statement() {
    let l = ledger(
        "Kyiv did not claim responsibility for the strike. The ministry has never said the bridge was mined. \
         The blast was not confirmed by the regional governor.",
        D,
    );
    no_statement(&l, "responsibility for the strike");
    no_statement(&l, "bridge was mined");
    no_statement(&l, "blast was not confirmed");
}

#[test]
fn a_range_of_numbers_is_no_infinitive() {
    let l = ledger(
        "The General Staff said its troops had pushed Russian forces back by 3 to 8 km from the river.",
        D,
    );
    assert!(
        l.statements.iter().all(|s| s.mode != StatementMode::Call),
        "{:#?}",
        l.statements
    );
}
