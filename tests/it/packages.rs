//! Rule packages end to end: a git repository over a `file://` URL,
//! pinned to a commit, fetched by `copydesk sync` into the cache; runs
//! read only the cache; clashes, stale or missing caches and symbolic
//! links are located errors.

use crate::changed_lines::git;
use crate::common;
use common::{run, write};
use std::path::Path;

/// A git repository holding one house rule; returns its commit.
fn house_repo(dir: &Path) -> String {
    git(dir, &["init", "-q"]);
    let out = run(
        dir,
        &["new-rule", "existence", "house-word", "--dir", "rules"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "house style"]);
    git(dir, &["rev-parse", "HEAD"]).trim().to_string()
}

fn config(url: &str, rev: &str) -> String {
    format!("packages:\n  - name: house\n    git: {url}\n    rev: {rev}\n    dir: rules\n")
}

#[test]
fn a_git_package_is_synced_then_read_offline() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let repo = tmp.path().join("house");
    std::fs::create_dir_all(&repo).expect("mkdir");
    let rev = house_repo(&repo);
    let url = format!("file://{}", repo.display());
    let project = tmp.path().join("project");
    write(&project, ".copydesk.yaml", config(&url, &rev));
    write(&project, "a.md", "The minister resigned.\n");

    // Before sync: a located error that says what to do.
    let out = run(&project, &["check", "a.md"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    out.assert_stderr_has("package `house` is not in the cache");
    out.assert_stderr_has("run `copydesk sync`");
    out.assert_stderr_has(".copydesk.yaml:2:");

    let out = run(&project, &["sync"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!("house: synced {rev} from {url} (1 rule files)\n")
    );
    let cache = project.join(".copydesk/packages/house");
    assert!(cache.join("rules/house-word.yaml").is_file());
    assert!(!cache.join(".git").exists());
    assert_eq!(
        std::fs::read_to_string(project.join(".copydesk/.gitignore"))
            .unwrap_or_default()
            .lines()
            .last(),
        Some("*")
    );
    assert_eq!(
        run(&project, &["sync"]).stdout,
        format!("house: up to date at {rev}\n")
    );

    // Runs never fetch: with the repository gone, the cache serves.
    std::fs::remove_dir_all(&repo).expect("rm");
    let out = run(&project, &["rules", "--config", ".copydesk.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("house-word"), "{}", out.stdout);
    let out = run(&project, &["check", "a.md"]);
    assert!(out.code <= 1, "{}", out.stderr);
}

#[test]
fn a_new_pin_needs_a_new_sync() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let repo = tmp.path().join("house");
    std::fs::create_dir_all(&repo).expect("mkdir");
    let first = house_repo(&repo);
    let url = format!("file://{}", repo.display());
    let project = tmp.path().join("project");
    write(&project, ".copydesk.yaml", config(&url, &first));
    write(&project, "a.md", "The minister resigned.\n");
    assert_eq!(run(&project, &["sync"]).code, 0);
    write(&repo, "rules/README.md", "notes\n");
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "notes"]);
    let second = git(&repo, &["rev-parse", "HEAD"]).trim().to_string();
    write(&project, ".copydesk.yaml", config(&url, &second));
    let out = run(&project, &["check", "."]);
    assert_eq!(out.code, 2);
    out.assert_stderr_has(&format!(
        "synced at {first}, not the pinned {second}; run `copydesk sync`"
    ));
    assert_eq!(run(&project, &["sync"]).code, 0);
    assert!(project
        .join(".copydesk/packages/house/rules/README.md")
        .is_file());

    // A commit the repository does not have: the old cache stays.
    write(&project, ".copydesk.yaml", config(&url, &"0".repeat(40)));
    let out = run(&project, &["sync"]);
    assert_eq!(out.code, 2);
    out.assert_stderr_has("package house");
    assert!(project
        .join(".copydesk/packages/house/rules/README.md")
        .is_file());
}

#[test]
fn symlinks_and_unpinned_revisions_are_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let repo = tmp.path().join("house");
    std::fs::create_dir_all(&repo).expect("mkdir");
    house_repo(&repo);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/etc/passwd", repo.join("rules/steal.yaml")).expect("symlink");
        git(&repo, &["add", "."]);
        git(&repo, &["commit", "-q", "-m", "link"]);
        let rev = git(&repo, &["rev-parse", "HEAD"]).trim().to_string();
        let project = tmp.path().join("project");
        write(
            &project,
            ".copydesk.yaml",
            config(&format!("file://{}", repo.display()), &rev),
        );
        let out = run(&project, &["sync"]);
        assert_eq!(out.code, 2);
        out.assert_stderr_has("refused: `rules/steal.yaml` is a symbolic link");
        assert!(!project.join(".copydesk/packages/house").exists());
    }
    let project = tmp.path().join("unpinned");
    write(&project, ".copydesk.yaml", config("file:///x", "main"));
    let out = run(&project, &["sync"]);
    assert_eq!(out.code, 2);
    out.assert_stderr_has("`git` needs `rev`, the full commit id to pin");
}

#[test]
fn a_package_rule_clashing_with_a_builtin_names_both_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write(
        tmp.path(),
        "styles/doubled.yaml",
        std::fs::read_to_string(common::repo_root().join("rules/style/doubled-word.yaml"))
            .expect("rule"),
    );
    write(
        tmp.path(),
        ".copydesk.yaml",
        "packages:\n  - name: local-style\n    path: styles\n",
    );
    let out = run(tmp.path(), &["sync"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("local-style: local directory"),
        "{}",
        out.stdout
    );
    write(tmp.path(), "a.md", "The minister resigned.\n");
    let out = run(tmp.path(), &["check", "a.md"]);
    assert_eq!(out.code, 2);
    out.assert_stderr_has("duplicate rule id `doubled-word`");
    out.assert_stderr_has("styles/doubled.yaml");
    out.assert_stderr_has("first defined in rules/style/doubled-word.yaml");
}
