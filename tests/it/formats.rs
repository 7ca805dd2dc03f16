//! Every `--format` on the seed article, pinned by snapshots; the SARIF
//! output validated against the official SARIF 2.1.0 schema.

use crate::common;
use common::{repo_root, run, write};
use serde_json::Value;

const SEED: &str = "examples/seed-article.txt";

fn seed_in(format: &str) -> String {
    // No git for the snapshots: SARIF's versionControlProvenance would
    // pin this checkout's commit (tests/it/provenance.rs covers it).
    let out = common::command(repo_root())
        .env("GIT_DIR", "/nonexistent/copydesk-snapshot")
        .args(["check", "--format", format, SEED])
        .output()
        .expect("copydesk runs");
    let out = common::Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert_eq!(out.code, 1, "{format}: {}", out.stderr);
    assert!(out.stderr.is_empty(), "{format}: {}", out.stderr);
    out.stdout
}

fn sarif_validator() -> jsonschema::Validator {
    let path = repo_root().join("tests/fixtures/sarif/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(path).expect("schema fixture");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

fn assert_valid_sarif(log: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF is invalid:\n{}",
        errors.join("\n")
    );
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let log: Value = serde_json::from_str(&seed_in("sarif")).expect("SARIF is JSON");
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for result in results {
        // Every result points at its rule's metadata, which has help text.
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(rules[index]["help"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("What it flags")));
        assert!(result["partialFingerprints"]["copydesk/v1"].is_string());
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .expect("uri");
        assert_eq!(uri, SEED, "URIs are relative to the run's directory");
    }
}

#[test]
fn the_validator_rejects_broken_sarif() {
    // Guards the test above: a validator that accepts anything proves nothing.
    let mut log: Value = serde_json::from_str(&seed_in("sarif")).expect("SARIF is JSON");
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!sarif_validator().is_valid(&log));
}

#[test]
fn sarif_with_odd_paths_and_file_errors_is_valid() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "my drafts/café.md",
        "The the minister resigned.\n",
    );
    let other = write(
        dir.path(),
        "my drafts/zoë.md",
        "The the minister resigned.\n",
    );
    let abs = other.to_string_lossy().into_owned();
    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "sarif",
            "my drafts/café.md",
            &abs,
            "missing.md",
        ],
    );
    assert_eq!(out.code, 2, "a missing file is an error: {}", out.stderr);
    let log: Value = serde_json::from_str(&out.stdout).expect("SARIF is JSON");
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let uris: Vec<&str> = run["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    // An absolute path below the working directory is made relative too.
    assert_eq!(
        uris,
        ["my%20drafts/caf%C3%A9.md", "my%20drafts/zo%C3%AB.md"]
    );
}

#[test]
fn seed_sarif_snapshot() {
    insta::assert_snapshot!("seed_sarif", seed_in("sarif"));
}

#[test]
fn seed_github_snapshot() {
    insta::assert_snapshot!("seed_github", seed_in("github"));
}

#[test]
fn seed_jsonl_snapshot() {
    let out = seed_in("jsonl");
    for line in out.lines() {
        let d: Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(d["rule"].is_string() && d["line"].is_u64());
    }
    insta::assert_snapshot!("seed_jsonl", out);
}

#[test]
fn seed_rdjsonl_snapshot() {
    let out = seed_in("rdjsonl");
    for line in out.lines() {
        let d: Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(d["message"].is_string());
        assert!(d["location"]["range"]["start"]["line"].is_u64());
        assert!(["ERROR", "WARNING", "INFO"].contains(&d["severity"].as_str().unwrap_or("")));
    }
    insta::assert_snapshot!("seed_rdjsonl", out);
}

#[test]
fn rdjsonl_columns_are_utf8_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", "Syria’s the the talks.\n");
    let out = run(dir.path(), &["check", "--format", "rdjsonl", "a.txt"]);
    let d: Value = serde_json::from_str(out.stdout.lines().next().unwrap_or("")).expect("JSON");
    // "Syria’s " is 8 characters but 10 bytes: the finding starts at byte column 11.
    assert_eq!(d["location"]["range"]["start"]["column"], 11);
}

#[test]
fn seed_gitlab_snapshot() {
    let out = seed_in("gitlab");
    let issues: Value = serde_json::from_str(&out).expect("JSON array");
    let issues = issues.as_array().expect("array");
    let mut fingerprints: Vec<&str> = issues
        .iter()
        .filter_map(|i| i["fingerprint"].as_str())
        .collect();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), issues.len(), "fingerprints are unique");
    for issue in issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[key].is_string(), "{key} missing in {issue}");
        }
        let location = &issue["location"];
        assert!(location["lines"]["begin"].is_u64());
        // Positions agree with the lines and never end before they begin.
        let positions = &location["positions"];
        assert_eq!(positions["begin"]["line"], location["lines"]["begin"]);
        assert_eq!(positions["end"]["line"], location["lines"]["end"]);
        let begin = (
            positions["begin"]["line"].as_u64(),
            positions["begin"]["column"].as_u64(),
        );
        let end = (
            positions["end"]["line"].as_u64(),
            positions["end"]["column"].as_u64(),
        );
        assert!(
            begin.1.is_some_and(|c| c >= 1) && begin < end,
            "{positions}"
        );
    }
    // Stable: a second run gives the same fingerprints.
    let again: Value = serde_json::from_str(&seed_in("gitlab")).expect("JSON array");
    let again: Vec<&str> = again
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|i| i["fingerprint"].as_str())
        .collect();
    let first: Vec<&str> = issues
        .iter()
        .filter_map(|i| i["fingerprint"].as_str())
        .collect();
    assert_eq!(first, again);
    insta::assert_snapshot!("seed_gitlab", out);
}

#[test]
fn seed_checkstyle_snapshot() {
    insta::assert_snapshot!("seed_checkstyle", seed_in("checkstyle"));
}

#[test]
fn clean_files_give_empty_machine_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "clean.md",
        "The minister resigned on Tuesday.\n",
    );
    for (format, expected) in [
        ("jsonl", ""),
        ("github", ""),
        ("rdjsonl", ""),
        ("gitlab", "[]\n"),
    ] {
        let out = run(dir.path(), &["check", "--format", format, "clean.md"]);
        assert_eq!(out.code, 0, "{format}");
        assert_eq!(out.stdout, expected, "{format}");
    }
}
