//! SARIF `versionControlProvenance` from a real temporary git repository:
//! the commit, the branch and the remote without its credentials; the
//! run's directory placed inside the repository; nothing outside one.

use crate::changed_lines::git;
use crate::common;
use common::{run, write};
use serde_json::Value;

fn sarif_run(dir: &std::path::Path, file: &str) -> Value {
    let out = run(dir, &["check", "--format", "sarif", file]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let log: Value = serde_json::from_str(&out.stdout).expect("SARIF");
    log["runs"][0].clone()
}

#[test]
fn provenance_names_the_commit_branch_and_clean_remote() {
    let dir = tempfile::tempdir().expect("tempdir");
    git(dir.path(), &["init", "-q"]);
    write(dir.path(), "desk/story.md", "The the minister resigned.\n");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "story"]);
    git(
        dir.path(),
        &[
            "remote",
            "add",
            "origin",
            "https://bot:SECRET-TOKEN@example.org/news/desk.git",
        ],
    );
    let head = git(dir.path(), &["rev-parse", "HEAD"]);

    let run_root = sarif_run(dir.path(), "desk/story.md");
    let vcs = &run_root["versionControlProvenance"][0];
    assert_eq!(vcs["revisionId"], head.trim());
    assert_eq!(vcs["branch"], "main");
    assert_eq!(vcs["repositoryUri"], "https://example.org/news/desk.git");
    assert_eq!(vcs["mappedTo"]["uriBaseId"], "%SRCROOT%");
    assert!(!run_root.to_string().contains("SECRET"));
    // The region carries the flagged words.
    let region = &run_root["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["snippet"]["text"], "The the");

    // From a directory below the root, %SRCROOT% is placed inside it.
    let below = sarif_run(&dir.path().join("desk"), "story.md");
    assert_eq!(
        below["versionControlProvenance"][0]["mappedTo"]["uriBaseId"],
        "REPOROOT"
    );
    assert_eq!(below["originalUriBaseIds"]["%SRCROOT%"]["uri"], "desk/");
    assert_eq!(
        below["originalUriBaseIds"]["%SRCROOT%"]["uriBaseId"],
        "REPOROOT"
    );
}

#[test]
fn no_provenance_outside_a_repository_or_before_the_first_commit() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "story.md", "The the minister resigned.\n");
    let out = common::command(dir.path())
        .env(
            "GIT_CEILING_DIRECTORIES",
            dir.path().parent().unwrap_or(dir.path()),
        )
        .args(["check", "--format", "sarif", "story.md"])
        .output()
        .expect("runs");
    let log: Value = serde_json::from_slice(&out.stdout).expect("SARIF");
    assert!(log["runs"][0].get("versionControlProvenance").is_none());

    git(dir.path(), &["init", "-q"]);
    let unborn = sarif_run(dir.path(), "story.md");
    assert!(unborn.get("versionControlProvenance").is_none());
    assert!(unborn["tool"]["driver"]["informationUri"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://")));
}
