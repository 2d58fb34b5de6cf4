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
fn a_doubled_apostrophe_is_a_quotation_mark() {
    let input = "''It's a boon for tax lawyers,'' said Mr. Burman. ``Yes,'' she said.";
    let t = Text::new(input);
    assert_eq!(t.quotes.len(), 2);
    let (a, b) = t.quotes[0].inner();
    assert_eq!(t.slice(a, b), "It's a boon for tax lawyers,");
    // the view's mark maps back to the pair's first char, and what follows to its place in the input
    assert_eq!(
        &input[t.to_input(a)..t.to_input(b)],
        "It's a boon for tax lawyers,"
    );
    assert_eq!(t.to_input(t.quotes[0].open), 0);
    let (a, b) = t.quotes[1].inner();
    assert_eq!(t.slice(a, b), "Yes,");
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

/// The word cutter as it was before the token layer, kept as the reference the layer must agree with.
fn reference_tokens(s: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let part = &s[start..end];
    let mut pos = 0;
    let mut out = Vec::new();
    while let Some(skip) = part[pos..].find(|c: char| c.is_alphanumeric()) {
        let b = pos + skip;
        let mut e = b;
        let mut chars = part[b..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                e = b + i + c.len_utf8();
                continue;
            }
            let joins = matches!(c, '\'' | '-' | '.');
            let next = chars.peek().map(|&(_, n)| n);
            let ok = joins
                && match (c, next) {
                    ('.', Some(n)) => {
                        n.is_uppercase()
                            && part[b..b + i]
                                .chars()
                                .last()
                                .is_some_and(|p| p.is_uppercase())
                    }
                    (_, Some(n)) => n.is_alphanumeric(),
                    _ => false,
                };
            if !ok {
                break;
            }
        }
        pos = e;
        out.push((start + b, start + e));
    }
    out
}

const SAMPLE: &str = "KYIV, July 28 (Reuters) - Russian forces shelled Kup\u{2019}yansk's outskirts at 0600 GMT.\n\n\
    U.S. officials said 3,000 men (about 150km away) held the line; \u{201C}We hold,\u{201D} Lt. Col. \
    O'Neil said.\nThe F-16s arrived on 3rd March -- or 2023-07-28? İstanbul's ÖZTÜRK a.m. x.Y A.b ..end \
    Ψ Σίσυφος \u{2028}tab\there.";

fn pseudo_random_texts() -> Vec<String> {
    let alphabet: Vec<char> = "aZ09 .'-\n,\"(İßÉé٣²\u{2019}\u{00A0}\t".chars().collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..300)
        .map(|n| {
            (0..(n % 40))
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect()
        })
        .collect()
}

#[test]
fn free_tokens_cut_words_as_the_reference_does() {
    let mut texts = pseudo_random_texts();
    texts.push(SAMPLE.to_string());
    for s in &texts {
        let got: Vec<(usize, usize)> = tokens(s, 0, s.len()).map(|t| (t.start, t.end)).collect();
        assert_eq!(got, reference_tokens(s, 0, s.len()), "{s:?}");
        // sub-ranges, cut anywhere on a char boundary
        let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        for (k, &a) in bounds.iter().enumerate().step_by(3) {
            for &b in bounds[k..].iter().step_by(5) {
                let got: Vec<(usize, usize)> = tokens(s, a, b).map(|t| (t.start, t.end)).collect();
                assert_eq!(got, reference_tokens(s, a, b), "{s:?} {a}..{b}");
            }
        }
    }
}

#[test]
fn layer_words_are_the_free_tokens_of_the_view() {
    let mut texts = pseudo_random_texts();
    texts.push(SAMPLE.to_string());
    for s in &texts {
        let t = Text::new(s);
        let view = t.view();
        let layer: Vec<(usize, usize)> = t
            .tokens()
            .iter()
            .filter(|k| k.is_word())
            .map(|k| (k.span.start, k.span.end))
            .collect();
        assert_eq!(layer, reference_tokens(view, 0, view.len()), "{s:?}");
        // per sentence and per paragraph, through the binary search
        for sen in &t.sentences {
            let got: Vec<(usize, usize)> = t
                .words_in(sen.start, sen.end)
                .map(|k| (k.span.start, k.span.end))
                .collect();
            assert_eq!(got, reference_tokens(view, sen.start, sen.end), "{s:?}");
        }
        for p in &t.paragraphs {
            let got: Vec<(usize, usize)> = t
                .words_in(p.start, p.end)
                .map(|k| (k.span.start, k.span.end))
                .collect();
            assert_eq!(got, reference_tokens(view, p.start, p.end), "{s:?}");
        }
        // every non-whitespace char is in exactly one token, tokens in order, in their sentence
        let mut covered = 0;
        for (i, k) in t.tokens().iter().enumerate() {
            assert!(!k.span.is_empty());
            if i > 0 {
                assert!(t.tokens()[i - 1].span.end <= k.span.start);
            }
            let gap = &view[covered..k.span.start];
            assert!(gap.chars().all(char::is_whitespace), "{s:?}: {gap:?}");
            assert_eq!(k.space_before, i == 0 || !gap.is_empty());
            assert_eq!(k.line_before, i == 0 || gap.contains('\n'));
            let sen = &t.sentences[k.sentence()];
            assert!(
                sen.start <= k.span.start && k.span.end <= sen.end,
                "{s:?}: {k:?}"
            );
            if k.shape == Shape::Punct {
                assert_eq!(t.token_text(k).chars().count(), 1);
            }
            covered = k.span.end;
        }
        assert!(view[covered..].chars().all(char::is_whitespace));
        assert_eq!(t.lower().len(), view.len());
    }
}

#[test]
fn tokens_have_shapes_and_spacing() {
    let t = Text::new("NATO's F-16 jets hit Kyiv at 0600 GMT.\nU.S. iPhone 3rd kup'yansk A");
    let got: Vec<(&str, Shape, bool, bool)> = t
        .tokens()
        .iter()
        .map(|k| (t.token_text(k), k.shape, k.space_before, k.line_before))
        .collect();
    use Shape::*;
    assert_eq!(
        got,
        vec![
            ("NATO's", Capitalised, true, true),
            ("F-16", Mixed, true, false),
            ("jets", Lower, true, false),
            ("hit", Lower, true, false),
            ("Kyiv", Capitalised, true, false),
            ("at", Lower, true, false),
            ("0600", Digits, true, false),
            ("GMT", AllCaps, true, false),
            (".", Punct, false, false),
            ("U.S", AllCaps, true, true),
            (".", Punct, false, false),
            ("iPhone", Mixed, true, false),
            ("3rd", Mixed, true, false),
            ("kup'yansk", Lower, true, false),
            ("A", Capitalised, true, false),
        ]
    );
    let upper: Vec<bool> = t.tokens().iter().map(|k| k.upper_first).collect();
    assert_eq!(
        upper,
        vec![
            true, true, false, false, true, false, false, true, false, true, false, false, false,
            false, true
        ]
    );
    // two sentences: the line break ends the first
    let sentences: Vec<u32> = t.tokens().iter().map(|k| k.sentence).collect();
    assert_eq!(sentences, vec![0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
}

#[test]
fn lower_view_keeps_offsets() {
    let input = "KYIV\u{2019}s ÖZTÜRK İstanbul ẞ \u{212A}elvin ΣΊΣΥΦΟΣ";
    let t = Text::new(input);
    assert_eq!(t.lower().len(), t.view().len());
    assert_eq!(t.lower(), "kyiv's öztürk İstanbul ẞ \u{212A}elvin σίσυφοσ");
    for k in t.tokens() {
        assert_eq!(
            t.token_lower(k),
            &t.lower()[k.span.start..k.span.end],
            "offsets are shared"
        );
    }
    let words: Vec<&str> = t
        .words_in(0, t.view().len())
        .map(|k| t.token_lower(k))
        .collect();
    assert_eq!(
        words,
        vec![
            "kyiv's",
            "öztürk",
            "İstanbul",
            "ẞ",
            "\u{212A}elvin",
            "σίσυφοσ"
        ]
    );
}

#[test]
fn tokens_in_and_token_at_search_the_layer() {
    let t = Text::new("One fell. Two rose, then \"three\".");
    let view = t.view();
    let words =
        |a: usize, b: usize| -> Vec<&str> { t.words_in(a, b).map(|k| t.token_text(k)).collect() };
    assert_eq!(
        words(0, view.len()),
        vec!["One", "fell", "Two", "rose", "then", "three"]
    );
    let s1 = &t.sentences[1];
    assert_eq!(
        words(s1.start, s1.end),
        vec!["Two", "rose", "then", "three"]
    );
    let all: Vec<&str> = t
        .tokens_in(s1.start, s1.end)
        .iter()
        .map(|k| t.token_text(k))
        .collect();
    assert_eq!(
        all,
        vec!["Two", "rose", ",", "then", "\"", "three", "\"", "."]
    );
    // a word cut by a bound is left out
    assert_eq!(words(1, 8), vec!["fell"]);
    assert!(t.tokens_in(5, 5).is_empty());
    assert!(t.tokens_in(8, 2).is_empty());
    let i = t.token_at(view.find("rose").unwrap() + 2).unwrap();
    assert_eq!(t.token_text(&t.tokens()[i]), "rose");
    assert_eq!(t.token_at(3), None, "whitespace");
    assert_eq!(t.token_at(view.len()), None);
    assert_eq!(t.tokens()[t.token_at(8).unwrap()].shape, Shape::Punct);
}

#[test]
fn span_helpers() {
    let a = Span::new(2, 5);
    assert_eq!(a.len(), 3);
    assert!(!a.is_empty());
    assert!(Span::new(4, 4).is_empty());
    assert!(a.contains(2) && a.contains(4) && !a.contains(5) && !a.contains(1));
    assert!(a.overlaps(Span::new(4, 9)) && a.overlaps(Span::new(0, 3)));
    assert!(!a.overlaps(Span::new(5, 9)) && !a.overlaps(Span::new(0, 2)));
    assert!(!a.overlaps(Span::new(3, 3)));
    assert_eq!(&"abcdefg"[a.range()], "cde");
}

#[test]
fn an_article_on_one_line_with_a_photo_credit_is_body() {
    // a JSONL record or a feed entry often holds a whole article on one line, credits and all
    let sentence = "A device exploded on a busy street in the city on Friday, wounding 13 people. ";
    let line = format!(
        "{}Police issued this photo from CCTV. Photograph: Police/Handout. {}",
        sentence.repeat(4),
        sentence.repeat(2)
    );
    let t = Text::new(&line);
    assert_eq!(t.paragraphs[0].kind, ParagraphKind::Body);
    let t = Text::new(
        "The street after the blast. Photograph: Police/Handout\n\nThe street was quiet.",
    );
    assert_eq!(t.paragraphs[0].kind, ParagraphKind::Caption);
}

#[test]
fn a_typographic_opening_mark_never_closes_a_quote() {
    // a paragraph opened by a straight mark (a quoted passage), a curly quote inside it
    let t = Text::new(
        "\"Trump walked onto the stage, chanting \u{201C}U-S-A! U-S-A!\u{201D} The crowd cheered.",
    );
    let inner: Vec<&str> = t
        .quotes
        .iter()
        .map(|q| {
            let (a, b) = q.inner();
            t.slice(a, b)
        })
        .collect();
    assert!(inner.contains(&"U-S-A! U-S-A!"), "{inner:?}");
    let open = t
        .quotes
        .iter()
        .find(|q| q.open == 0)
        .expect("the passage's quote");
    assert!(open.unclosed, "{:?}", t.quotes);
}
