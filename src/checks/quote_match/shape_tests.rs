//! The display-quote shapes and word senses the alignment reads, in
//! wordings of our own: one word that reverses or inflates, words dropped
//! without an ellipsis, a hedge cut off, headline shapes that give a quote
//! to a speaker, pull quotes with a name attached, and the cost on a long
//! archive.

use crate::diagnostic::Finding;
use crate::document::{Document, Format};
use crate::rules::RuleSet;

fn run(id: &str, text: &str) -> Vec<Finding> {
    let rules = RuleSet::builtin().unwrap();
    let rule = rules.get(id).unwrap();
    let doc = Document::parse(text.to_string(), Format::Text);
    let mut out = Vec::new();
    rule.check.check(&doc, &mut out);
    out
}

#[test]
fn one_word_of_meaning_changed_is_a_mismatch() {
    for (display, body, sense) in [
        (
            "“We can win this”",
            "“We cannot win this without a proper squad,” the coach said.",
            "negation",
        ),
        (
            "“The plan will fail”",
            "“The plan may fail,” she said.",
            "modality",
        ),
        (
            "“We lost ten players”",
            "“We lost five players in a month,” he said.",
            "number",
        ),
        (
            "'They never liked touring'",
            "“We never liked touring,” the singer said.",
            "person",
        ),
    ] {
        let found = run("quote-mismatch", &format!("Sport: {display}\n\n{body}\n"));
        assert_eq!(found.len(), 1, "{display}");
        assert!(found[0].notes[0].contains(sense), "{}", found[0].notes[0]);
        assert!(found[0].labels[0]
            .message
            .starts_with("the body quotes it as"));
    }
}

#[test]
fn words_dropped_without_an_ellipsis_and_a_hedge_cut_off() {
    let found = run(
        "quote-mismatch",
        "Report: “The plan is a failure”\n\n“The plan is, frankly, a total failure,” she said.\n",
    );
    assert_eq!(found.len(), 1);
    let found = run(
        "quote-mismatch",
        "'Rugby should stay amateur', says coach\n\n“Perhaps rugby should stay amateur, but the money says otherwise,” the coach said.\n",
    );
    assert_eq!(found.len(), 1);
    assert!(
        found[0].notes[0].contains("'perhaps'"),
        "{:?}",
        found[0].notes
    );
    // Marked with an ellipsis, the cut is faithful.
    assert!(run(
        "quote-mismatch",
        "Report: “The plan is … a total failure”\n\n“The plan is, frankly, a total failure,” she said.\n",
    )
    .is_empty());
}

#[test]
fn short_headline_phrases_against_the_body_quotes() {
    // A degree word reversed in a two-word phrase.
    assert_eq!(
        run(
            "quote-mismatch",
            "Mayor 'deeply worried' by cuts\n\nThe mayor said she was “slightly worried by the scale of the cuts”.\n",
        )
        .len(),
        1
    );
    // A degree word moved along its direction, a name shared, a frame.
    for text in [
        "Late trains 'more likely' in winter\n\n“Delays are most likely to come from frozen points,” the operator said.\n",
        "Leaflets 'hide Smith'\n\n“John Smith seems to have vanished from the leaflets,” he said.\n",
        "Council 'to cut bus routes'\n\nThe leader said “bus routes” were under review.\n",
    ] {
        assert!(run("quote-mismatch", text).is_empty(), "{text}");
    }
}

#[test]
fn speaker_shapes_make_single_quotes_testimony() {
    for text in [
        "'I am too tired to go on', says runner\n\nThe runner said she was too tired to go on after the race.\n",
        "Runner: 'Too tired to go on after that race'\n\nThe runner said she was too tired to go on after that race.\n",
        "'Too tired to go on after that race' - runner\n\nThe runner said she was too tired to go on after that race.\n",
    ] {
        assert_eq!(run("quote-unsupported", text).len(), 1, "{text}");
    }
    // A condensed claim in British headline style.
    let text = "Wales 'must learn health lessons'\n\nThe report says Wales must learn lessons from England.\n";
    assert!(run("quote-unsupported", text).is_empty());
}

#[test]
fn pull_quote_with_a_name_attached() {
    let body = "Schools plan\n\nThe council met on Monday to discuss the budget for the coming years and beyond.\n\n";
    let tail = "\n\n“We will build five new schools by 2027, and we will staff them properly,” Jane Mills said.\n";
    let wrong = "“We will build ten new schools by 2027, and we will staff them properly” – Jane Mills, council leader";
    let right = "“We will build five new schools by 2027, and we will staff them properly” – Jane Mills, council leader";
    assert_eq!(
        run("quote-mismatch", &format!("{body}{wrong}{tail}")).len(),
        1
    );
    assert!(run("quote-mismatch", &format!("{body}{right}{tail}")).is_empty());
}

#[test]
fn a_long_archive_stays_linear() {
    let article = "Talks\n\n“Reliable and honest”\n\nThe source described the talks as “honest and responsible.”\n\n";
    let text = article.repeat(3000);
    let start = std::time::Instant::now();
    assert_eq!(run("quote-mismatch", &text).len(), 3000);
    assert!(start.elapsed().as_secs() < 30);
}
