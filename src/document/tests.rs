use super::*;

const SEED: &str = include_str!("../../examples/seed-article.txt");

fn doc(text: &str) -> Document {
    Document::parse(text.to_string(), Format::Text)
}

fn kinds(d: &Document) -> Vec<BlockKind> {
    d.blocks.iter().map(|b| b.kind).collect()
}

fn quote_texts(d: &Document) -> Vec<&str> {
    d.quotes.iter().map(|q| &d.prose[q.inner.clone()]).collect()
}

#[test]
fn seed_blocks_subhead_and_byline() {
    let d = doc(SEED);
    assert_eq!(d.blocks.len(), 15);
    // Line 1 ends with a full stop: a paragraph, not a headline.
    assert_eq!(d.blocks[0].kind, BlockKind::Paragraph);
    assert_eq!(d.blocks[5].kind, BlockKind::Subhead);
    assert_eq!(d.slice(&d.blocks[5].span), "“Reliable and honest”");
    assert_eq!(d.blocks[13].kind, BlockKind::Byline);
    assert_eq!(d.blocks[14].kind, BlockKind::Subhead);
}

#[test]
fn seed_quotes_skip_apostrophes() {
    let d = doc(SEED);
    // Syria’s, parties’, forces’, al-Assad’s are apostrophes, not quotes.
    assert_eq!(
        quote_texts(&d),
        vec!["Reliable and honest", "honest and responsible."]
    );
    assert!(d.quotes.iter().all(|q| q.closed));
}

#[test]
fn title_line_then_paragraphs() {
    let d = doc("Galloway plea for hostage release\n\nEx-Labour MP George Galloway has appealed for her release.\n\nHe said so.\n");
    assert_eq!(
        kinds(&d),
        vec![BlockKind::Title, BlockKind::Paragraph, BlockKind::Paragraph]
    );
}

#[test]
fn wrapped_lines_join_into_one_paragraph() {
    let text = "Title here\n\nThe minister said on Saturday that the talks in Paris had been\nconstructive and would continue next week.\n";
    let d = doc(text);
    assert_eq!(d.blocks.len(), 2);
    assert!(d.slice(&d.blocks[1].span).ends_with("next week."));
}

#[test]
fn abbreviations_do_not_split_sentences() {
    let d = doc("Body.\n\nThe U.S. envoy met Dr. Smith on Jan. 5 in Washington. He left. Mr. Jones stayed.\n");
    let sentences: Vec<&str> = d
        .sentences
        .iter()
        .filter(|s| s.block == 1)
        .map(|s| d.slice(&s.span))
        .collect();
    assert_eq!(
        sentences,
        vec![
            "The U.S. envoy met Dr. Smith on Jan. 5 in Washington.",
            "He left.",
            "Mr. Jones stayed."
        ]
    );
}

#[test]
fn sentence_ends_after_closing_quote() {
    let d = doc("Body.\n\nHe called it “honest.” The talks ended.\n");
    let sentences: Vec<&str> = d
        .sentences
        .iter()
        .filter(|s| s.block == 1)
        .map(|s| d.slice(&s.span))
        .collect();
    assert_eq!(
        sentences,
        vec!["He called it “honest.”", "The talks ended."]
    );
}

#[test]
fn straight_double_and_nested_single_quotes() {
    let d =
        doc("Body.\n\n\"He told me 'we will win' and left,\" she said. It's the team's plan.\n");
    let texts = quote_texts(&d);
    assert!(
        texts.contains(&"He told me 'we will win' and left,"),
        "{texts:?}"
    );
    assert!(texts.contains(&"we will win"), "{texts:?}");
    let nested = d
        .quotes
        .iter()
        .find(|q| d.prose[q.inner.clone()] == *"we will win");
    assert!(nested.is_some_and(|q| q.mark == QuoteMark::Single));
    assert_eq!(texts.len(), 2);
}

#[test]
fn guillemets_and_low_quotes() {
    let d = doc("Body.\n\nIl a dit « nous gagnerons » hier. Er sagte „wir gewinnen“ gestern.\n");
    assert_eq!(quote_texts(&d), vec![" nous gagnerons ", "wir gewinnen"]);
}

#[test]
fn multi_paragraph_quote_continues() {
    let d = doc("Body.\n\n“We will not give up. The fight goes on.\n\n“We will win,” she said.\n");
    let first = &d.quotes[0];
    assert!(!first.closed && first.continues);
    assert!(d.quotes[1].closed);
}

#[test]
fn unbalanced_quote_is_not_continued() {
    let d = doc("Body.\n\n“We will not give up, she said.\n\nThe crowd cheered.\n");
    assert!(!d.quotes[0].closed && !d.quotes[0].continues);
}

#[test]
fn apostrophes_never_open_quotes() {
    let d = doc(
        "Body.\n\nDon’t go, the parties’ deal, rock ’n’ roll, the ’90s and Be'er Sheva's mayor.\n",
    );
    assert!(d.quotes.is_empty(), "{:?}", quote_texts(&d));
}

#[test]
fn scare_quotes_are_marked() {
    let d =
        doc("Body.\n\nThe so-called “peace plan” was “a complete and utter failure,” he said.\n");
    assert!(d.quotes[0].is_scare(&d.prose));
    assert!(!d.quotes[1].is_scare(&d.prose));
}

#[test]
fn markdown_front_matter_and_headings() {
    let text = "---\ntitle: \"Talks in Paris\"\ndek: Officials met\nauthor: X\n---\n# Ignored as title\n\n## Reliable and honest\n\nThe talks were `code` [frank](http://x.y).\n";
    let d = Document::parse(text.to_string(), Format::Markdown);
    assert_eq!(d.blocks[0].kind, BlockKind::Title);
    assert_eq!(&d.text[d.blocks[0].span.clone()], "Talks in Paris");
    assert_eq!(d.blocks[1].kind, BlockKind::Standfirst);
    assert!(d
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::Subhead && d.slice(&b.span).trim() == "Reliable and honest"));
    // Markup, code and link targets are blanked; offsets are unchanged.
    assert_eq!(d.prose.len(), d.text.len());
    assert!(!d.prose.contains("http"));
    assert!(!d.prose.contains("code"));
    assert!(!d.prose.contains("author"));
    assert!(d.prose.contains("frank"));
}

#[test]
fn bom_and_crlf_keep_offsets() {
    let text = "\u{feff}Title\r\n\r\nThe talks ended. They left.\r\n";
    let d = doc(text);
    assert_eq!(d.prose.len(), d.text.len());
    assert_eq!(d.blocks[0].kind, BlockKind::Title);
    assert_eq!(d.slice(&d.blocks[0].span), "Title");
    assert_eq!(d.slice(&d.blocks[1].span), "The talks ended. They left.");
}

#[test]
fn html_comments_are_not_prose() {
    let d = doc("Body.\n\n<!-- copydesk-disable-next-line -->\nText here.\n");
    assert!(!d.prose.contains("copydesk"));
    assert!(!d.suppressions.is_empty());
}

#[test]
fn line_index_matches_offsets() {
    let d = doc(SEED);
    let at = SEED.find("southern India").unwrap_or(0);
    let (line, col) = d.lines.line_col(&d.text, at);
    assert_eq!(line, 2);
    assert_eq!(
        col,
        SEED[SEED.find("The meeting").unwrap_or(0)..at]
            .chars()
            .count()
            + 1
    );
}
