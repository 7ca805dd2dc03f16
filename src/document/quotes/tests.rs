//! Quotation extraction, one case per behaviour the issue lists, plus the
//! slips real articles show (run-together paragraphs, inch marks, closing
//! marks typed the wrong way round).

use crate::document::{BlockKind, Document, Format, Quote, QuoteMark};

fn doc(text: &str) -> Document {
    Document::parse(text.to_string(), Format::Text)
}

/// Inner texts of the quotes that are not nested.
fn outer(d: &Document) -> Vec<&str> {
    d.quotes
        .iter()
        .filter(|q| !q.nested)
        .map(|q| d.slice(&q.inner))
        .collect()
}

fn unbalanced(d: &Document) -> Vec<&Quote> {
    d.quotes.iter().filter(|q| q.is_unbalanced()).collect()
}

#[test]
fn straight_and_curly_doubles_with_exact_spans() {
    let text = "Talks\n\n\"We will win,\" he said. She called it “a fair deal”.\n";
    let d = doc(text);
    assert_eq!(outer(&d), vec!["We will win,", "a fair deal"]);
    let q = &d.quotes[0];
    assert_eq!(&text[q.span.clone()], "\"We will win,\"");
    assert!(q.closed && !q.nested && q.mark == QuoteMark::Double);
    assert_eq!(&text[d.quotes[1].span.clone()], "“a fair deal”");
}

#[test]
fn guillemets_and_german_quotes() {
    let d = doc("Talks\n\nIl a dit «nous gagnerons» hier. Er sagte „wir gewinnen“ gestern.\n");
    assert_eq!(outer(&d), vec!["nous gagnerons", "wir gewinnen"]);
    assert_eq!(d.quotes[0].mark, QuoteMark::Guillemet);
    assert_eq!(d.quotes[1].mark, QuoteMark::Low);
    assert!(d.quotes.iter().all(|q| q.closed));
}

#[test]
fn nested_single_quotes_inside_doubles() {
    let d = doc("Talks\n\n“He told me ‘we will win’ and left,” she said.\n");
    let nested: Vec<&str> = d
        .quotes
        .iter()
        .filter(|q| q.nested)
        .map(|q| d.slice(&q.inner))
        .collect();
    assert_eq!(nested, vec!["we will win"]);
    assert_eq!(outer(&d), vec!["He told me ‘we will win’ and left,"]);
}

#[test]
fn apostrophes_open_nothing() {
    let d = doc(
        "Talks\n\nDon’t go, the parties’ deal, Syria’s unity, rock ’n’ roll, the ’90s, \
         the 1990's, Be'er Sheva's mayor and the players' union.\n",
    );
    assert!(d.quotes.is_empty(), "{:?}", outer(&d));
}

#[test]
fn partial_quote_inside_a_sentence() {
    let d = doc("Talks\n\nThe TV source described the talks as “honest and responsible” before it closed.\n");
    assert_eq!(outer(&d), vec!["honest and responsible"]);
    assert!(!d.quotes[0].is_scare(&d.prose));
}

#[test]
fn scare_quotes_of_one_or_two_words() {
    let d =
        doc("Talks\n\nThe so-called “peace plan” was “a complete failure”, and the “deal” died.\n");
    let scare: Vec<bool> = d.quotes.iter().map(|q| q.is_scare(&d.prose)).collect();
    assert_eq!(scare, vec![true, false, true]);
}

#[test]
fn a_quote_may_run_over_several_sentences() {
    let d = doc("Talks\n\n\"We lost. It hurts. We go on,\" he said. \"Next week we win.\"\n");
    assert_eq!(
        outer(&d),
        vec!["We lost. It hurts. We go on,", "Next week we win."]
    );
    assert!(d.quotes.iter().all(|q| q.closed));
}

#[test]
fn multi_paragraph_quote_reopens_in_the_next_paragraph() {
    let d = doc("Talks\n\n“We will not give up. The fight goes on.\n\n“We will win,” she said.\n");
    assert!(!d.quotes[0].closed && d.quotes[0].continues);
    assert!(d.quotes[1].closed);
    assert!(unbalanced(&d).is_empty());
}

#[test]
fn paragraphs_run_together_keep_the_reopening_mark() {
    // bbc-tech-069: a two-paragraph quote whose paragraphs were joined.
    for text in [
        "Phones\n\n“We put the numbers in our phones. “The mobile phone plays such a key role,” he said.\n",
        "Phones\n\n\"We put the numbers in our phones. \"The mobile phone plays such a key role,\" he said.\n",
    ] {
        let d = doc(text);
        assert_eq!(
            outer(&d),
            vec![
                "We put the numbers in our phones.",
                "The mobile phone plays such a key role,"
            ],
            "{text}"
        );
        assert!(d.quotes[0].continues && d.quotes[1].closed);
        assert!(unbalanced(&d).is_empty());
    }
}

#[test]
fn a_line_break_in_mid_sentence_does_not_end_the_quote() {
    let d = doc("Talks\n\n“He wanted to look like a prime minister. I\n\nwas\n\nprime minister,” says Mr Major.\n");
    assert!(unbalanced(&d).is_empty());
}

#[test]
fn a_quote_left_open_is_unbalanced() {
    // bbc-politics-124: the closing mark after "agenda" is missing.
    let d = doc("Health\n\nShe said waiting lists were “only 10% of the health agenda. Dr Gibbons said staff wanted a period of consolidation.\n\nThe minister left.\n");
    let open = unbalanced(&d);
    assert_eq!(open.len(), 1);
    assert_eq!(d.slice(&(open[0].span.start..open[0].inner.start)), "“");
}

#[test]
fn straight_quotes_are_told_apart_by_their_neighbours() {
    // A space before a closing straight quote, an inch mark, and a closing
    // quote typed as an opening curly one (bbc-business-413, typographic).
    let d = doc("Screens\n\n\"It was great, \" he said of the 42\" screen.\n");
    assert_eq!(outer(&d), vec!["It was great, "]);
    assert!(unbalanced(&d).is_empty());
    let d = doc("Budget\n\n“The Commission is buckling under the pressure, “ EPP spokesman Alexander Radwan said. “The scary fact is that sinners go free.”\n");
    assert_eq!(
        outer(&d),
        vec![
            "The Commission is buckling under the pressure, ",
            "The scary fact is that sinners go free."
        ]
    );
    assert!(unbalanced(&d).is_empty());
}

#[test]
fn headline_single_quotes_and_a_double_quote() {
    let d = doc("'Friends fear' with lost mobiles: “We’re a of lazy so-and-sos”\n\nPeople are becoming dependent on their phones.\n");
    assert_eq!(d.blocks[0].kind, BlockKind::Title);
    assert_eq!(
        outer(&d),
        vec!["Friends fear", "We’re a of lazy so-and-sos"]
    );
    assert_eq!(d.quotes[0].mark, QuoteMark::Single);
    assert!(d.quotes[0].is_scare(&d.prose));
    assert!(!d.quotes[1].is_scare(&d.prose));
}

#[test]
fn pull_quotes_are_short_standalone_quotations_repeated_from_the_body() {
    let d = doc("Festival\n\nThe festival opens on Thursday.\n\n\"Where's the fun in that?\"\n\n\"Where's the fun in that?\" he asked.\n\nHe added:\n\n\"Where's the fun?\"\n\n\"We will be back next year.\"\n");
    let kinds: Vec<BlockKind> = d.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        vec![
            BlockKind::Title,
            BlockKind::Paragraph,
            BlockKind::PullQuote,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            // Introduced by "He added:", so testimony, not a pull quote.
            BlockKind::Paragraph,
            // Repeats nothing from the body: testimony too.
            BlockKind::Paragraph,
        ]
    );
}

#[test]
fn a_quoted_paragraph_closing_a_multi_paragraph_quote_is_no_pull_quote() {
    let d = doc("Talks\n\n“We will not give up.\n\n“We will win.”\n");
    assert_eq!(d.blocks[2].kind, BlockKind::Paragraph);
}
