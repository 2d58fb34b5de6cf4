use super::*;

fn sentences(t: &Text) -> Vec<&str> {
    t.sentences
        .iter()
        .map(|s| t.slice(s.start, s.end))
        .collect()
}

#[test]
fn saint_and_us_do_not_end_sentences() {
    let t = Text::new(
        "The envoy flew to St. Petersburg on Monday. U.S. officials met him there. Talks ended.",
    );
    assert_eq!(
        sentences(&t),
        vec![
            "The envoy flew to St. Petersburg on Monday.",
            "U.S. officials met him there.",
            "Talks ended."
        ]
    );
}

#[test]
fn distances_in_brackets_stay_in_one_sentence() {
    let t = Text::new("The town lies 10km (6 miles) north of the river. It was shelled.");
    assert_eq!(
        sentences(&t),
        vec![
            "The town lies 10km (6 miles) north of the river.",
            "It was shelled."
        ]
    );
}

#[test]
fn quote_spanning_two_sentences_is_one_sentence() {
    let t = Text::new(
        "\u{201C}The road is cut. We are waiting,\u{201D} the mayor said. Buses left at noon.",
    );
    let s = sentences(&t);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(s[0].ends_with("the mayor said."));
}

#[test]
fn typographic_marks_fold_without_moving_offsets() {
    let input = "Kyiv\u{2019}s \u{201C}push\u{201D} \u{2014} done";
    let t = Text::new(input);
    assert_eq!(t.view(), "Kyiv's \"push\" - done");
    let at = t.view().find("push").unwrap();
    let back = t.to_input(at);
    assert_eq!(&input[back..back + 4], "push");
    assert_eq!(t.to_input(t.view().len()), input.len());
}

#[test]
fn quotes_are_paired() {
    let t = Text::new("She called it a \"gradual advance\" and said: \"We hold.\"");
    assert_eq!(t.quotes.len(), 2);
    let (a, b) = t.quotes[0].inner();
    assert_eq!(t.slice(a, b), "gradual advance");
    let (a, b) = t.quotes[1].inner();
    assert_eq!(t.slice(a, b), "We hold.");
}

#[test]
fn quote_running_over_paragraphs_continues() {
    let t = Text::new(
        "He said: \"The first part goes on.\n\n\"And the second part ends here.\" Then he left.",
    );
    assert_eq!(t.quotes.len(), 1);
    assert!(t
        .slice(t.quotes[0].open, t.quotes[0].close)
        .contains("second part"));
}

#[test]
fn captions_and_bylines_are_recognised() {
    let t = Text::new(
        "date 2024-02-03\nSoldiers rest near a trench in this picture released on February 1, 2024. - Reuters/Handout\n\nBy Jane Roe\n\nThe front was quiet.",
    );
    let kinds: Vec<_> = t.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ParagraphKind::Byline,
            ParagraphKind::Caption,
            ParagraphKind::Byline,
            ParagraphKind::Body
        ]
    );
    assert!(t.in_caption(t.view().find("trench").unwrap()));
}

#[test]
fn headline_is_recognised() {
    let t = Text::new("Drones hit fuel depot near the border\n\nA fuel depot burned overnight.");
    assert_eq!(t.paragraphs[0].kind, ParagraphKind::Headline);
    assert_eq!(t.paragraphs[1].kind, ParagraphKind::Body);
}

#[test]
fn tokens_keep_inner_apostrophes_and_hyphens() {
    let s = "Kup'yansk's Anti-Terrorism U.S. 3,000 men";
    let toks: Vec<&str> = tokens(s, 0, s.len()).map(|t| &s[t.start..t.end]).collect();
    assert_eq!(
        toks,
        vec!["Kup'yansk's", "Anti-Terrorism", "U.S", "3", "000", "men"]
    );
}

#[test]
fn sentence_at_finds_the_sentence() {
    let t = Text::new("One fell. Two rose.");
    assert_eq!(t.sentence_at(12), Some(1));
    assert_eq!(t.sentence_at(2), Some(0));
}

#[test]
fn initials_do_not_split() {
    let t = Text::new("Analyst J. Smith said the line held. Others disagreed.");
    assert_eq!(sentences(&t).len(), 2);
}

#[test]
fn empty_text_has_no_sentences() {
    let t = Text::new("");
    assert!(t.sentences.is_empty());
    assert!(t.paragraphs.is_empty());
}
