//! `--diff-base REF` and `--diff-file PATCH`: only findings on changed
//! lines are reported, in a real temporary git repository.

use crate::common;
use common::{run, write};
use std::path::Path;
use std::process::Command;

pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Old copy with two problems already there (lines 1 and 3).
const OLD: &str = "The minister said the the talks would resume.\nThe official told Al Jazeera the talks were frank.\nThousands of Lebaneses crossed the border.\nNothing else happened.\n";

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    git(dir.path(), &["init", "-q"]);
    write(dir.path(), "archive/story.md", OLD);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "archive"]);
    dir
}

fn rules_at(out: &str) -> Vec<(String, u64)> {
    let report: serde_json::Value = serde_json::from_str(out).expect("json");
    report["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn diff_base_reports_only_changed_lines() {
    let dir = repo();
    // The edit: line 4 rewritten with a new slip in it.
    let edited = OLD.replace("Nothing else happened.", "Officials met in in Paris.");
    write(dir.path(), "archive/story.md", &edited);
    let all = run(dir.path(), &["check", "--format", "json", "archive"]);
    assert_eq!(rules_at(&all.stdout).len(), 3, "{}", all.stdout);
    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--diff-base",
            "HEAD",
            "archive",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(rules_at(&out.stdout), [("doubled-word".to_string(), 4)]);
}

#[test]
fn diff_base_works_from_a_subdirectory_and_with_staged_files() {
    let dir = repo();
    let edited = OLD.replace("Nothing else happened.", "Officials met in in Paris.");
    write(dir.path(), "archive/story.md", &edited);
    git(dir.path(), &["add", "archive/story.md"]);
    let out = run(
        &dir.path().join("archive"),
        &[
            "check",
            "--format",
            "json",
            "--diff-base",
            "HEAD",
            "story.md",
        ],
    );
    assert_eq!(
        rules_at(&out.stdout),
        [("doubled-word".to_string(), 4)],
        "{}",
        out.stderr
    );
}

#[test]
fn untracked_and_new_files_are_wholly_changed_and_unchanged_files_quiet() {
    let dir = repo();
    write(dir.path(), "new.md", "The the vote was close.\n");
    let out = run(
        dir.path(),
        &["check", "--format", "json", "--diff-base", "HEAD", "."],
    );
    assert_eq!(
        rules_at(&out.stdout),
        [("doubled-word".to_string(), 1)],
        "{}",
        out.stderr
    );
    // Nothing changed in the archive: its two old findings are not reported.
    let out = run(dir.path(), &["check", "--diff-base", "HEAD", "archive"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
}

#[test]
fn a_bad_ref_is_an_error() {
    let dir = repo();
    let out = run(
        dir.path(),
        &["check", "--diff-base", "no-such-ref", "archive"],
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no-such-ref"), "{}", out.stderr);
    let outside = tempfile::tempdir().expect("tempdir");
    write(outside.path(), "a.md", "x\n");
    let out = run(outside.path(), &["check", "--diff-base", "HEAD", "a.md"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("git repository"), "{}", out.stderr);
}

#[test]
fn diff_file_reads_a_patch() {
    let dir = repo();
    let edited = OLD.replace("Nothing else happened.", "Officials met in in Paris.");
    write(dir.path(), "archive/story.md", &edited);
    // A patch with context lines, as a reviewer would send it.
    let patch = git(dir.path(), &["diff", "HEAD"]);
    write(dir.path(), "change.patch", &patch);
    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--diff-file",
            "change.patch",
            "archive/story.md",
        ],
    );
    assert_eq!(
        rules_at(&out.stdout),
        [("doubled-word".to_string(), 4)],
        "{}",
        out.stderr
    );
}

#[test]
fn fix_with_diff_base_fixes_only_changed_lines() {
    let dir = repo();
    let edited = OLD.replace("Nothing else happened.", "Officials met in in Paris.");
    write(dir.path(), "archive/story.md", &edited);
    let out = run(
        dir.path(),
        &["check", "--fix", "--diff-base", "HEAD", "archive"],
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    let text = std::fs::read_to_string(dir.path().join("archive/story.md")).expect("read");
    // The new slip is fixed; the old ones (lines 1 and 3) are left alone.
    assert_eq!(
        text,
        OLD.replace("Nothing else happened.", "Officials met in Paris.")
    );
}
