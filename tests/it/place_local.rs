//! The config's `gazetteer:` additions reach the place checks: a local
//! name the gazetteer lacks is checked, and a local entry overrides the
//! gazetteer's places of that name.

use crate::common;
use common::run;

fn project(config: &str, draft: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(".copydesk.yaml"), config).expect("config");
    std::fs::write(dir.path().join("draft.txt"), draft).expect("draft");
    dir
}

const CONFIG: &str = "gazetteer:
  - name: Qardahaya
    aliases: [Qardahaya al-Kubra]
    country: SY
    region: Latakia
  - name: Springfield
    country: United States
    region: Illinois
";

#[test]
fn local_places_are_checked() {
    let dir = project(
        CONFIG,
        "Local news\n\nClashes broke out in Qardahaya, Lebanon, on Monday.\n",
    );
    let out = run(dir.path(), &["check", "--format", "json", "draft.txt"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let d = &doc["diagnostics"][0];
    assert_eq!(d["rule"], "place-country");
    assert_eq!(d["message"], "Qardahaya is in Syria, not Lebanon");
    let notes = d["notes"].to_string();
    assert!(notes.contains("local gazetteer"), "{notes}");
}

#[test]
fn local_places_override_the_gazetteer() {
    let draft = "Local news\n\nHe lives in Springfield, Missouri, with his family.\n";
    let dir = project(CONFIG, draft);
    let out = run(dir.path(), &["check", "--format", "json", "draft.txt"]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(
        doc["diagnostics"][0]["rule"], "place-country",
        "{}",
        out.stdout
    );

    // Without the config, Springfield, Missouri is a real place.
    let plain = project("", draft);
    let out = run(plain.path(), &["check", "--format", "json", "draft.txt"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
}

#[test]
fn without_local_places_unknown_names_are_left_alone() {
    let dir = project(
        "",
        "Local news\n\nClashes broke out in Qardahaya, Lebanon, on Monday.\n",
    );
    let out = run(dir.path(), &["check", "draft.txt"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
}
