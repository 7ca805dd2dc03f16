//! Row 1 of seed-expected.md: "Suwayda, a city … in southern India" is a
//! place-country error with the gazetteer's answer and the article's own
//! evidence (line 4); the correct placements stay silent.

use crate::common;
use common::{repo_root, run};

#[test]
fn seed_place_finding_and_nothing_else() {
    let out = run(
        repo_root(),
        &[
            "check",
            "--format",
            "json",
            "--select",
            "place",
            "examples/seed-article.txt",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
    let diagnostics = doc["diagnostics"].as_array().expect("array");
    assert_eq!(diagnostics.len(), 1, "{}", out.stdout);
    let d = &diagnostics[0];
    assert_eq!(d["rule"], "place-country");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["line"], 2);
    let text =
        std::fs::read_to_string(repo_root().join("examples/seed-article.txt")).expect("seed");
    let slice = |v: &serde_json::Value| {
        let (s, e) = (
            v["byte_start"].as_u64().unwrap_or(0) as usize,
            v["byte_end"].as_u64().unwrap_or(0) as usize,
        );
        text[s..e].to_string()
    };
    assert_eq!(slice(d), "India");
    let labels = d["labels"].as_array().expect("labels");
    assert_eq!(slice(&labels[0]), "Suwayda");
    assert_eq!(labels[1]["line"], 4);
    assert!(slice(&labels[1]).ends_with("integral parts of Syria"));
    assert_eq!(
        d["notes"][0],
        "gazetteer: As-Suwayda, Suwayda, Syria (pop. 59,052)"
    );
}
