//! The `quote_match` kind through its built-in rules: the seed article,
//! faithful excerpts, each finding kind, speakers set by hand for
//! variants, and parameter validation.

use crate::diagnostic::Finding;
use crate::document::{Document, Format, Speaker};
use crate::rules::{parse_rule, LoadContext, Rule, RuleSet, YamlSource};

const SEED: &str = include_str!("../../../examples/seed-article.txt");

/// `quote_variant` needs speakers, which the attribution analysis sets;
/// its tests set them by hand and use this rule.
const VARIANT_RULE: &str = "id: quote-variant\nextends: quote_variant\ncategory: quote\nseverity: warning\nmessage: \"{speaker} is quoted twice in slightly different words\"\ndescription: x\nthreshold: 0.8\nexamples: {flag: [a], pass: [b]}\n";

fn builtin(id: &str) -> Rule {
    if id == "quote-variant" {
        return rule_from(VARIANT_RULE);
    }
    let rules = RuleSet::builtin().unwrap();
    let yaml = crate::rules::BUILTIN
        .iter()
        .find(|(path, _)| path.ends_with(&format!("/{id}.yaml")))
        .map(|(_, text)| *text)
        .unwrap();
    assert!(rules.get(id).is_some());
    rule_from(yaml)
}

fn rule_from(yaml: &str) -> Rule {
    let ctx = LoadContext::new(YamlSource::new("test.yaml", yaml));
    parse_rule(&ctx).unwrap()
}

fn doc(text: &str) -> Document {
    Document::parse(text.to_string(), Format::Text)
}

fn findings(rule: &Rule, doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    rule.check.check(doc, &mut out);
    out
}

fn run(id: &str, text: &str) -> Vec<Finding> {
    findings(&builtin(id), &doc(text))
}

const QUOTE_RULES: [&str; 4] = [
    "quote-mismatch",
    "quote-unsupported",
    "quote-variant",
    "quote-unbalanced",
];

#[test]
fn seed_subhead_against_the_body_quote() {
    let d = doc(SEED);
    let found = findings(&builtin("quote-mismatch"), &d);
    assert_eq!(found.len(), 1);
    let f = &found[0];
    assert_eq!(d.lines.line_col(&d.text, f.span.start).0, 6);
    assert_eq!(&d.text[f.span.clone()], "“Reliable and honest”");
    assert_eq!(f.labels.len(), 1);
    let label = &f.labels[0];
    assert_eq!(d.lines.line_col(&d.text, label.span.start).0, 8);
    assert_eq!(&d.text[label.span.clone()], "“honest and responsible.”");
    assert_eq!(
        f.notes[0],
        "body has 'responsible' where this has 'reliable'; word order differs"
    );
    for id in ["quote-unsupported", "quote-variant", "quote-unbalanced"] {
        assert!(findings(&builtin(id), &d).is_empty(), "{id}");
    }
}

#[test]
fn faithful_excerpts_are_not_flagged() {
    let body = "\n\n“We’re a nation of lazy so-and-sos, and we can’t be bothered to write them down,” David Noone said.\n";
    for display in [
        "“We’re a nation of lazy so-and-sos”",
        "“we're a NATION of lazy so and sos!”",
        "'We’re a nation of lazy so-and-sos'",
        "“We’re a nation … can’t be bothered”",
        "“We’re a nation... can’t be bothered to write them down”",
        "“[Britons are] a nation of lazy so-and-sos”",
        "“We [mobile owners] can’t be bothered”",
        "«a nation of lazy so-and-sos»",
    ] {
        let text = format!("Mobiles: {display}{body}");
        for id in QUOTE_RULES {
            assert!(run(id, &text).is_empty(), "{id} on {display}");
        }
    }
}

#[test]
fn diacritics_do_not_count() {
    let text = "Chef: “The café is our pride”\n\n“The cafe is our pride and joy,” the chef said.\n";
    assert!(run("quote-mismatch", text).is_empty());
}

#[test]
fn a_word_dropped_swapped_added_or_moved_is_a_mismatch() {
    let body =
        "“Speed is very important because of the pace of competition,” the chief executive said.";
    for (display, note) in [
        (
            "“Speed is important because of the pace of competition”",
            "body has 'very', which this leaves out (changes degree)",
        ),
        (
            "“Speed is extremely important because of the pace of competition”",
            "body has 'very' where this has 'extremely' (changes degree)",
        ),
        (
            "“Speed is very important because of the fast pace of competition”",
            "this adds 'fast', which the body does not have",
        ),
        (
            "“Speed is very important because of the competition pace”",
            "body has 'of', which this leaves out; word order differs",
        ),
    ] {
        let found = run("quote-mismatch", &format!("Chips\n\n{display}\n\n{body}\n"));
        assert_eq!(found.len(), 1, "{display}");
        assert_eq!(found[0].notes[0], note);
    }
}

#[test]
fn headlinese_may_drop_function_words_in_single_quotes_only() {
    let body = "\n\n“I left the books alone,” the former chief executive told the jury.\n";
    assert!(run(
        "quote-mismatch",
        &format!("Worldcom boss 'left books alone'{body}")
    )
    .is_empty());
    assert_eq!(
        run(
            "quote-mismatch",
            &format!("Worldcom boss: “left books alone”{body}")
        )
        .len(),
        1
    );
    assert_eq!(
        run(
            "quote-mismatch",
            &format!("Worldcom boss 'left the ledgers alone'{body}")
        )
        .len(),
        1
    );
}

#[test]
fn the_label_marks_the_stretch_of_a_long_body_quote() {
    let text = "Talks\n\n“Stop nonsense, this poisonous briefing”\n\n“We lost the vote. Stop this nonsense, this poisonous briefing against colleagues,” he said.\n";
    let d = doc(text);
    let found = findings(&builtin("quote-mismatch"), &d);
    assert_eq!(found.len(), 1);
    assert_eq!(
        &text[found[0].labels[0].span.clone()],
        "Stop this nonsense, this poisonous briefing"
    );
}

#[test]
fn paraphrased_headline_single_quotes_are_left_alone() {
    // bbc-business-030: British headline quotes condense a claim.
    let text = "Soaring oil 'hits world economy'\n\nThe OECD said \"the world economy will regain momentum in a not-too-distant future\".\n";
    for id in QUOTE_RULES {
        assert!(run(id, text).is_empty(), "{id}");
    }
}

#[test]
fn headline_paraphrases_from_mid_clause_are_left_alone() {
    // bbc-politics-054 and bbc-tech-283: the words occur mid-clause in a
    // longer quote, or in another form.
    for text in [
        "Lib Dems 'to target stamp duty'\n\n“By failing to uprate the stamp duty threshold Gordon Brown has hit first time buyers,” he said.\n",
        "Games help you 'learn and play'\n\n“One goal would be to break the assumption that learning and play are oppositional,” he said.\n",
    ] {
        assert!(run("quote-mismatch", text).is_empty(), "{text}");
    }
}

#[test]
fn a_short_body_fragment_is_no_source_for_a_longer_display_quote() {
    // bbc-tech-296: the body quotes only "in 2005".
    let text =
        "Gadget market 'to grow in 2005'\n\nSales are expected to rise “in 2005”, analysts said.\n";
    assert!(run("quote-mismatch", text).is_empty());
}

#[test]
fn unsupported_display_quote() {
    let text = "Talks: “A historic breakthrough for peace”\n\nThe TV source described the talks as “honest and responsible.”\n";
    let found = run("quote-unsupported", text);
    assert_eq!(found.len(), 1);
    assert!(run("quote-mismatch", text).is_empty());
    // Words the body has only in its own prose are the writer's
    // paraphrase put in quote marks: the label shows them.
    let text = "Talks: “A historic breakthrough for peace”\n\nBoth sides called it a historic breakthrough for peace.\n";
    let found = run("quote-unsupported", text);
    assert_eq!(found.len(), 1);
    assert_eq!(
        &text[found[0].labels[0].span.clone()],
        "a historic breakthrough for peace"
    );
    // A term of two or three words the prose uses is a scare quote.
    let text = "Talks “a historic breakthrough”\n\nBoth sides called it a historic breakthrough for peace.\n";
    assert!(run("quote-unsupported", text).is_empty());
}

#[test]
fn display_kinds_are_a_parameter() {
    let yaml = crate::rules::BUILTIN
        .iter()
        .find(|(p, _)| p.ends_with("/quote-mismatch.yaml"))
        .map(|(_, t)| {
            t.replace(
                "display: [title, standfirst, subhead, caption, pull-quote]",
                "display: [title]",
            )
        })
        .unwrap();
    let rule = rule_from(&yaml);
    assert!(
        findings(&rule, &doc(SEED)).is_empty(),
        "the seed's quote is in a subhead"
    );
    let text = "Talks: “Reliable and honest”\n\nThe source described the talks as “honest and responsible.”\n";
    assert_eq!(findings(&rule, &doc(text)).len(), 1);
}

#[test]
fn config_params_override_the_rule_file() {
    let yaml = crate::rules::BUILTIN
        .iter()
        .find(|(p, _)| p.ends_with("/quote-mismatch.yaml"))
        .map(|(_, t)| *t)
        .unwrap();
    let overrides = std::collections::BTreeMap::from([
        ("threshold".to_string(), serde_json::json!(0.9)),
        ("display".to_string(), serde_json::json!(["title"])),
    ]);
    let ctx = LoadContext::with_overrides(YamlSource::new("q.yaml", yaml), Some(&overrides));
    let rule = parse_rule(&ctx).unwrap();
    let params = rule.check.parameters();
    assert!(
        params.contains(&("threshold".into(), "0.90".into())),
        "{params:?}"
    );
    assert!(
        params.contains(&("display".into(), "title".into())),
        "{params:?}"
    );
    assert!(findings(&rule, &doc(SEED)).is_empty());
}

fn speak(d: &mut Document, index: usize, name: &str) {
    d.quotes[index].speaker = Some(Speaker {
        name: name.to_string(),
        span: 0..0,
        entity: None,
    });
}

#[test]
fn variant_needs_one_speaker_and_near_identical_words() {
    let text = "Talks\n\n“We will never accept the division of Syria,” Asaad al-Shaibani said on Saturday.\n\n“We will never accept the partition of Syria,” he said later.\n";
    let rule = builtin("quote-variant");
    let mut d = doc(text);
    // Without speakers, nothing is said.
    for quote in &mut d.quotes {
        quote.speaker = None;
    }
    assert!(findings(&rule, &d).is_empty());
    speak(&mut d, 0, "Asaad al-Shaibani");
    speak(&mut d, 1, "Asaad al-Shaibani");
    let found = findings(&rule, &d);
    assert_eq!(found.len(), 1);
    let f = &found[0];
    assert_eq!(f.span, d.quotes[1].span);
    assert_eq!(f.labels[0].span, d.quotes[0].span);
    assert_eq!(
        f.notes[0],
        "the earlier quote has 'division' where this has 'partition'"
    );
    // One speaker named with an affiliation the second time.
    speak(&mut d, 1, "Asaad al-Shaibani of Syria");
    assert_eq!(findings(&rule, &d).len(), 1);
    // Two speakers may say near-identical things.
    speak(&mut d, 1, "Ayman Safadi");
    assert!(findings(&rule, &d).is_empty());
}

#[test]
fn variant_leaves_repeats_excerpts_and_other_statements_alone() {
    let rule = builtin("quote-variant");
    for second in [
        "“We will never accept the division of Syria.”",
        "“never accept the division”",
        "“The talks were honest and responsible.”",
        // Words shared with the middle of a longer statement.
        "“Did you know we will never accept the partition of a country like ours?”",
        // The same statement quoted in full: a longer quote around it.
        "“I said it before. And we will also never accept the division of Syria by anyone, ever.”",
    ] {
        let text = format!("Talks\n\n“We will never accept the division of Syria,” Asaad al-Shaibani said.\n\nHe added: {second}\n");
        let mut d = doc(&text);
        for i in 0..d.quotes.len() {
            speak(&mut d, i, "Asaad al-Shaibani");
        }
        assert!(findings(&rule, &d).is_empty(), "{second}");
    }
}

#[test]
fn unbalanced_quote_mark() {
    let text = "Health\n\nShe said waiting lists were “only 10% of the health agenda. Dr Gibbons said staff wanted a pause.\n";
    let d = doc(text);
    let found = findings(&builtin("quote-unbalanced"), &d);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].span.clone()], "“");
    assert_eq!(found[0].fields, vec![("mark", "“".to_string())]);
}

#[test]
fn bad_parameters_are_load_errors() {
    let base = "id: q\ncategory: quote\nseverity: error\nmessage: x\ndescription: x\nexamples: {flag: [a], pass: [b]}\n";
    for (extra, expected) in [
        (
            "extends: quote_mismatch\ndisplay: [title, sidebar]\n",
            "unknown block kind `sidebar`",
        ),
        (
            "extends: quote_mismatch\nmarks: [curly]\n",
            "unknown quote mark `curly`",
        ),
        (
            "extends: quote_mismatch\nthreshold: 1.5\n",
            "`threshold` must be in (0, 1]",
        ),
        (
            "extends: quote_variant\nthreshold: 0\n",
            "`threshold` must be in (0, 1]",
        ),
        (
            "extends: quote_unbalanced\nthreshold: 0.5\n",
            "unknown field",
        ),
        (
            "extends: quote_variant\ndisplay: [title]\n",
            "unknown field",
        ),
        (
            "extends: quote_mismatch\nsimilarity: 0.5\n",
            "unknown field",
        ),
        // Rule files from before each finding was its own kind.
        (
            "extends: quote_match\nfinds: variant\n",
            "write `extends: quote_variant` and remove this line",
        ),
        (
            "extends: quote_match\nfinds: everything\n",
            "`finds: everything` is not a finding of `quote_match`",
        ),
        ("extends: quote_match\n", "the kind `quote_match` was split"),
    ] {
        let ctx = LoadContext::new(YamlSource::new("q.yaml", format!("{base}{extra}")));
        let err = parse_rule(&ctx)
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert!(err.contains(expected), "{extra}: {err}");
    }
}

#[test]
fn markdown_front_matter_and_headings_are_display() {
    let text = "---\ntitle: Talks in Paris\ndek: 'Officials call talks “reliable and honest”'\n---\n\n## “Frank and useful”\n\nThe TV source described the talks as “honest and responsible.” Both sides called them “frank and useful.”\n";
    let d = Document::parse(text.to_string(), Format::Markdown);
    let found = findings(&builtin("quote-mismatch"), &d);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].span.clone()], "“reliable and honest”");
    assert!(findings(&builtin("quote-unsupported"), &d).is_empty());
}
