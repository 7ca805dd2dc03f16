//! Each scalar shape a front-matter field can take, read through the
//! whole document model: the title's words in `prose` are YAML's value,
//! and each word sits at its own bytes of the file.

use crate::document::{BlockKind, Document, Format};

fn doc(text: &str, format: Format) -> Document {
    Document::parse(text.to_string(), format)
}

/// The words of the first block of `kind`, as the checks read them.
fn words(d: &Document, kind: BlockKind) -> String {
    let b = d.blocks.iter().find(|b| b.kind == kind).expect("block");
    d.slice(&b.span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every occurrence of `word` in `prose` is the same bytes in `text`.
fn at_home(d: &Document, word: &str) -> usize {
    let at = d.prose.find(word).expect("word in prose");
    assert_eq!(&d.text[at..at + word.len()], word);
    at
}

fn both_formats(text: &str, check: impl Fn(&Document)) {
    for format in [Format::Text, Format::Markdown] {
        let d = doc(text, format);
        assert_eq!(d.prose.len(), d.text.len());
        assert!(d.front_matter_error.is_none(), "{:?}", d.front_matter_error);
        check(&d);
    }
}

#[test]
fn plain_and_quoted_one_line() {
    both_formats(
        "---\ntitle: Talks in Paris # a comment\ndek: \"Officials met\"\nstandfirst: 'It''s over'\n---\nBody.\n",
        |d| {
            assert_eq!(words(d, BlockKind::Title), "Talks in Paris");
            assert!(!d.prose.contains("comment"));
            let dek: Vec<_> = d.blocks.iter().filter(|b| b.kind == BlockKind::Standfirst).collect();
            assert_eq!(dek.len(), 2);
            assert_eq!(d.slice(&dek[0].span), "Officials met");
            // `''` is one apostrophe: the first is blanked.
            assert_eq!(d.slice(&dek[1].span), "It 's over");
        },
    );
}

#[test]
fn folded_title_with_each_chomping() {
    for indicator in [">", ">-", ">+", ">2"] {
        let text = format!(
            "---\ntitle: {indicator}\n  Suwayda, a city\n  in southern India\n\ndek: x\n---\nBody.\n"
        );
        both_formats(&text, |d| {
            assert_eq!(
                words(d, BlockKind::Title),
                "Suwayda, a city in southern India"
            );
            let at = at_home(d, "India");
            // Line 4 of the file: `---`, `title: >`, then two lines.
            assert_eq!(d.lines.position(&d.text, at).line, 4, "{indicator}");
            assert_eq!(d.lines.position(&d.text, at).column, 15, "{indicator}");
        });
    }
}

#[test]
fn literal_subtitle_keeps_lines_and_blank_lines() {
    both_formats(
        "---\nsubtitle: |-\n    First line\n\n    second line\ntitle: T\n---\n",
        |d| {
            assert_eq!(words(d, BlockKind::Standfirst), "First line second line");
            at_home(d, "second line");
        },
    );
}

#[test]
fn multi_line_plain_and_quoted() {
    both_formats(
        "---\ntitle: A plain\n  title on two lines\ndescription: \"a quoted \\\"dek\\\"\n  that wraps\"\n---\n",
        |d| {
            assert_eq!(words(d, BlockKind::Title), "A plain title on two lines");
            // The escape backslashes are blanked (offsets stay), the marks kept.
            assert_eq!(words(d, BlockKind::Standfirst), "a quoted \"dek \" that wraps");
            at_home(d, "that wraps");
        },
    );
}

#[test]
fn date_and_tags() {
    let d = doc(
        "---\ntitle: T\ndate: 2024-05-01\ntags: [Syria, \"Druze\"]\n---\n",
        Format::Markdown,
    );
    let date = d.front_matter.date.as_ref().expect("date");
    assert_eq!(date.value, "2024-05-01");
    assert_eq!(&d.text[date.span.clone()], "2024-05-01");
    let tags: Vec<_> = d
        .front_matter
        .tags
        .iter()
        .map(|t| t.value.as_str())
        .collect();
    assert_eq!(tags, ["Syria", "Druze"]);
    assert_eq!(&d.text[d.front_matter.tags[1].span.clone()], "Druze");
    // Metadata is not prose.
    assert!(!d.prose.contains("2024"));
    assert!(!d.prose.contains("Syria"));

    let d = doc(
        "---\ntags:\n  - one\n  - [nested]\n  - two\n---\n",
        Format::Text,
    );
    let tags: Vec<_> = d
        .front_matter
        .tags
        .iter()
        .map(|t| t.value.as_str())
        .collect();
    assert_eq!(tags, ["one", "two"]);

    let d = doc("---\ntags: a, b c ,d\n---\n", Format::Text);
    let tags: Vec<_> = d
        .front_matter
        .tags
        .iter()
        .map(|t| &d.text[t.span.clone()])
        .collect();
    assert_eq!(tags, ["a", "b c", "d"]);
}

#[test]
fn nested_values_and_other_keys_are_not_prose() {
    both_formats(
        "---\nauthor:\n  name: Jane\n  title: Editor\n? [complex]\n: key\ntitle: Real\n---\n",
        |d| {
            let titles: Vec<_> = d
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Title)
                .collect();
            assert_eq!(titles.len(), 1);
            assert_eq!(d.slice(&titles[0].span), "Real");
            assert!(!d.prose.contains("Editor"));
        },
    );
}

#[test]
fn crlf_and_bom() {
    both_formats(
        "\u{feff}---\r\ntitle: >\r\n  Two\r\n  lines\r\n---\r\nBody.\r\n",
        |d| {
            assert_eq!(words(d, BlockKind::Title), "Two lines");
            assert!(!d.slice(&d.blocks[0].span).contains('\r') || d.prose.contains('\r'));
        },
    );
}

#[test]
fn malformed_front_matter_is_located() {
    let cases = [
        ("---\ntitle: \"unclosed\ndek: x\n---\nBody\n", 2),
        ("---\ntitle: ok\ndek: bad: colon\n---\n", 3),
        ("---\ntitle: >\n  Foo\n bar\n---\n", 4),
        // The unclosed bracket itself.
        ("---\ntitle: [a, b\n---\n", 2),
    ];
    for (text, line) in cases {
        let e = crate::document::front_matter_error(text).expect(text);
        assert_eq!(e.line, line, "{text:?}: {e}");
        assert!(e.column >= 1);
        let d = doc(text, Format::Markdown);
        assert_eq!(d.front_matter_error.as_ref(), Some(&e));
        // Nothing of it is linted, as body or as a display field.
        assert!(d
            .blocks
            .iter()
            .all(|b| b.span.start >= text.find("\n---\n").unwrap_or(0)));
    }
}

#[test]
fn a_list_is_not_a_mapping() {
    let e = crate::document::front_matter_error("---\ntitle: x\n---\n").is_none();
    assert!(e);
    // Starts like a key, but YAML reads it as a list continuation error or
    // a non-mapping: either way a located error, never silently dropped.
    let e = crate::document::front_matter_error("---\nkey: 1\n- item\n---\n").expect("error");
    assert_eq!(e.line, 3);
}

#[test]
fn a_rule_line_is_not_front_matter() {
    // A text opening with a `---` rule and a headline is not YAML: it is
    // linted as the draft's own title, with no error.
    let text = "---\nFire in Paris\n---\n\nThe fire started at noon.\n";
    assert!(crate::document::front_matter_error(text).is_none());
    let d = doc(text, Format::Text);
    assert!(d.prose.contains("Fire in Paris"));
    // Comments and an empty front matter are fine.
    assert!(crate::document::front_matter_error("---\n# only a comment\n---\n").is_none());
    assert!(crate::document::front_matter_error("---\n---\nBody\n").is_none());
}
