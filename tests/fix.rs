//! `check --fix` and `--diff`: safe fixes written atomically with the
//! file's permissions kept, never without `--fix`, idempotent, and the
//! report afterwards shows only what remains.

mod common;
use common::{run, run_stdin, write};
use std::fs;
use std::path::Path;

/// A draft with three fixable problems (two doubled words, a boilerplate
/// line) and one that needs an editor (the consistency finding). Fixes
/// that overlap and need a second round are covered in `fix.rs`'s tests.
const DRAFT: &str = "Officials met in in Paris on Saturday, the the envoy said.\nThe official told Al Jazeera the talks were frank.\nAdvertisement\nSource: Aljazeera\n";
const FIXED: &str = "Officials met in Paris on Saturday, the envoy said.\nThe official told Al Jazeera the talks were frank.\nSource: Aljazeera\n";

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read_dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}

#[test]
fn without_fix_the_file_is_never_touched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "draft.md", DRAFT);
    let before = fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("mtime");
    for format in ["human", "json", "sarif"] {
        let out = run(dir.path(), &["check", "--format", format, "draft.md"]);
        assert_eq!(out.code, 1);
    }
    assert_eq!(fs::read_to_string(&path).expect("read"), DRAFT);
    assert_eq!(
        fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("mtime"),
        before
    );
    assert_eq!(entries(dir.path()), ["draft.md"]);
}

#[test]
fn fix_applies_safe_fixes_and_reports_what_remains() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "draft.md", DRAFT);
    let out = run(
        dir.path(),
        &["check", "--fix", "--color", "never", "draft.md"],
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), FIXED);
    // The consistency finding needs an editor: it remains, and fails the run.
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("Fixed 3 problems."), "{}", out.stdout);
    assert!(
        out.stdout.contains("is spelled `Al Jazeera` elsewhere"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("doubled-word"), "{}", out.stdout);
    assert!(!out.stdout.contains("web-boilerplate"), "{}", out.stdout);
    // Line numbers in the report are those of the fixed file.
    assert!(out.stdout.contains("draft.md:3:9"), "{}", out.stdout);
    // No temporary file is left behind.
    assert_eq!(entries(dir.path()), ["draft.md"]);
}

#[test]
fn a_second_run_finds_nothing_fixable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "draft.md", DRAFT);
    run(dir.path(), &["check", "--fix", "draft.md"]);
    let once = fs::read_to_string(&path).expect("read");
    let again = run(
        dir.path(),
        &["check", "--fix", "--format", "json", "draft.md"],
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), once);
    let report: serde_json::Value = serde_json::from_str(&again.stdout).expect("json");
    let fixable = report["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| !d["fix"].is_null())
        .count();
    assert_eq!(fixable, 0);
    let diff = run(dir.path(), &["check", "--diff", "draft.md"]);
    assert_eq!((diff.code, diff.stdout.as_str()), (0, ""));
}

#[cfg(unix)]
#[test]
fn fix_keeps_permissions_and_writes_through_symlinks() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let real = write(dir.path(), "real/draft.md", DRAFT);
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).expect("chmod");
    std::os::unix::fs::symlink("real/draft.md", dir.path().join("link.md")).expect("symlink");
    let out = run(dir.path(), &["check", "--fix", "link.md"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(fs::read_to_string(&real).expect("read"), FIXED);
    let mode = fs::metadata(&real).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert!(fs::symlink_metadata(dir.path().join("link.md"))
        .expect("meta")
        .file_type()
        .is_symlink());
    assert_eq!(entries(&dir.path().join("real")), ["draft.md"]);
}

#[cfg(unix)]
#[test]
fn fix_replaces_the_file_by_rename() {
    // The inode changes: the new text was written elsewhere and renamed
    // over the draft, never written into it in place.
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "draft.md", DRAFT);
    let before = fs::metadata(&path).expect("meta").ino();
    run(dir.path(), &["check", "--fix", "draft.md"]);
    assert_ne!(fs::metadata(&path).expect("meta").ino(), before);
}

#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "draft.md", DRAFT);
    let out = run(dir.path(), &["check", "--diff", "draft.md"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(fs::read_to_string(&path).expect("read"), DRAFT);
    insta::assert_snapshot!("diff_of_fixes", out.stdout);
}

#[test]
fn diff_applies_with_git_apply() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "draft.md", DRAFT);
    let out = run(dir.path(), &["check", "--diff", "draft.md"]);
    let patch = write(dir.path(), "fixes.patch", &out.stdout);
    let status = std::process::Command::new("git")
        .current_dir(dir.path())
        .args(["apply", "--unsafe-paths"])
        .arg(&patch)
        .status()
        .expect("git runs");
    assert!(status.success());
    assert_eq!(fs::read_to_string(&path).expect("read"), FIXED);
}

#[test]
fn diff_works_on_stdin_and_fix_refuses_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run_stdin(
        dir.path(),
        &["check", "--diff", "--stdin-filename", "draft.md", "-"],
        DRAFT.as_bytes(),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("--- a/draft.md\n+++ b/draft.md\n"),
        "{}",
        out.stdout
    );
    // Refused before stdin is read (so no input is piped: it would race the exit).
    let out = run(dir.path(), &["check", "--fix", "-"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--diff"), "{}", out.stderr);
}

#[test]
fn fixes_many_files_in_one_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..8 {
        write(dir.path(), &format!("d{i}.md"), DRAFT);
    }
    let out = run(dir.path(), &["check", "--fix", "."]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    for i in 0..8 {
        assert_eq!(
            fs::read_to_string(dir.path().join(format!("d{i}.md"))).expect("read"),
            FIXED
        );
    }
}
