//! Front matter end to end: a headline written as a YAML block scalar is
//! linted where it stands in the file, and a broken front matter is a
//! located error with exit code 2.

use crate::common;
use common::{run, write};
use tempfile::tempdir;

const BODY: &str = "\nClashes in Suwayda, Syria, killed 30 people on Saturday.\n";

fn findings(dir: &std::path::Path, file: &str) -> Vec<(String, u64, u64)> {
    let out = run(dir, &["check", "--format", "json", file]);
    assert!(out.code <= 1, "{}{}", out.stdout, out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn wrong_country_inside_a_folded_title_is_flagged_at_its_line() {
    let dir = tempdir().expect("tempdir");
    for (indicator, name) in [(">-", "folded.md"), ("|", "literal.md"), (">+", "keep.txt")] {
        let text = format!(
            "---\ntitle: {indicator}\n  Clashes in Suwayda, a city\n  in southern India, kill 30\nauthor: A. Writer\n---\n{BODY}"
        );
        write(dir.path(), name, &text);
        let got = findings(dir.path(), name);
        // `India` is on line 4, column 15 of the file.
        assert_eq!(got, [("place-country".to_string(), 4, 15)], "{name}");
    }
}

#[test]
fn plain_and_quoted_multi_line_titles_are_linted() {
    let dir = tempdir().expect("tempdir");
    let cases = [
        "title: Clashes in Suwayda, a city\n  in southern India, kill 30",
        "title: \"Clashes in Suwayda, a city\n  in southern India, kill 30\"",
        "dek: 'Clashes in Suwayda, a city\n  in southern India, kill 30'",
    ];
    for (i, field) in cases.iter().enumerate() {
        let name = format!("case{i}.md");
        write(dir.path(), &name, format!("---\n{field}\n---\n{BODY}"));
        assert_eq!(
            findings(dir.path(), &name),
            [("place-country".to_string(), 3, 15)],
            "{field}"
        );
    }
}

#[test]
fn clean_block_scalar_title_has_no_finding() {
    let dir = tempdir().expect("tempdir");
    let text = format!(
        "---\ntitle: >\n  Clashes in Suwayda, a city\n  in southern Syria, kill 30\n---\n{BODY}"
    );
    write(dir.path(), "clean.md", &text);
    assert_eq!(findings(dir.path(), "clean.md"), []);
}

#[test]
fn broken_front_matter_is_a_located_error_exit_2() {
    let dir = tempdir().expect("tempdir");
    write(
        dir.path(),
        "bad.md",
        "---\ntitle: ok\ndek: \"never closed\n---\nBody.\n",
    );
    write(dir.path(), "good.md", "---\ntitle: Fine\n---\nBody.\n");
    let out = run(
        dir.path(),
        &["check", "--color", "never", "bad.md", "good.md"],
    );
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr
            .contains("bad.md: front matter is not valid YAML: unclosed quote at line 3, column 6"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("good.md"), "{}", out.stderr);
}
