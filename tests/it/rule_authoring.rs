//! Rule authoring as a standards desk does it: scaffold a rule with
//! `new-rule`, run a user directory's examples with `test-rules`, read a
//! rule with `explain`; and the rule format documented for every kind.

use crate::common;
use common::{repo_root, run, write};

#[test]
fn new_rule_scaffolds_a_rule_that_passes_test_rules() {
    let dir = tempfile::tempdir().expect("tempdir");
    for kind in copydesk::checks::KINDS {
        let id = format!("house-{}", kind.name.replace('_', "-"));
        let out = run(dir.path(), &["new-rule", kind.name, &id, "--dir", "house"]);
        assert_eq!(out.code, 0, "{}: {}", kind.name, out.stderr);
        assert!(
            out.stdout.contains(&format!("created house/{id}.yaml")),
            "{}",
            out.stdout
        );
        let text =
            std::fs::read_to_string(dir.path().join(format!("house/{id}.yaml"))).expect("written");
        assert!(text.contains(&format!("extends: {}", kind.name)));
    }
    let out = run(dir.path(), &["test-rules", "house"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("ok   house-existence flag #1"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("FAIL"), "{}", out.stdout);
}

#[test]
fn new_rule_refuses_what_it_cannot_do_well() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = run(dir.path(), &["new-rule", "existence", "banned"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let again = run(dir.path(), &["new-rule", "existence", "banned"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    let unknown = run(dir.path(), &["new-rule", "spelling", "x"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("known kinds: existence"),
        "{}",
        unknown.stderr
    );
    let bad_id = run(dir.path(), &["new-rule", "existence", "Bad_Id"]);
    assert_eq!(bad_id.code, 2);
    let bad_category = run(
        dir.path(),
        &["new-rule", "existence", "y", "--category", "sport"],
    );
    assert_eq!(bad_category.code, 2);
    assert!(
        bad_category.stderr.contains("unknown category"),
        "{}",
        bad_category.stderr
    );
}

#[test]
fn test_rules_reports_each_example_of_a_user_directory() {
    let out = run(repo_root(), &["test-rules", "tests/fixtures/house-rules"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    insta::assert_snapshot!("house_rules_ok", out.stdout);
}

#[test]
fn test_rules_names_a_failing_example_and_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rule =
        std::fs::read_to_string(repo_root().join("tests/fixtures/house-rules/kyiv-spelling.yaml"))
            .expect("fixture");
    // A false alarm the rule cannot avoid (no look-behind in the regex engine).
    let rule = rule.replace(
        "    - \"Kievan Rus was a medieval state.\"",
        "    - \"Kievan Rus was a medieval state.\"\n    - \"Chicken Kiev is on the menu.\"",
    );
    write(dir.path(), "rules/kyiv-spelling.yaml", rule);
    let out = run(dir.path(), &["test-rules", "rules"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains("FAIL kyiv-spelling pass #3: expected no finding, got: house style is `Kyiv`, not `Kiev`"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("rules/kyiv-spelling.yaml"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with("5 passed, 1 failed\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_house_rule_runs_through_the_config_and_fixes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rule =
        std::fs::read_to_string(repo_root().join("tests/fixtures/house-rules/kyiv-spelling.yaml"))
            .expect("fixture");
    write(dir.path(), "style/kyiv-spelling.yaml", rule);
    write(dir.path(), ".copydesk.yaml", "rules: [style]\n");
    let draft = write(dir.path(), "draft.md", "Talks in Kiev resumed on Monday.\n");
    let out = run(dir.path(), &["check", "--fix", "draft.md"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(
        std::fs::read_to_string(draft).expect("read"),
        "Talks in Kyiv resumed on Monday.\n"
    );
    let explain = run(
        dir.path(),
        &["explain", "kyiv-spelling", "--config", ".copydesk.yaml"],
    );
    assert_eq!(explain.code, 0, "{}", explain.stderr);
    insta::assert_snapshot!("explain_house_rule", explain.stdout);
}

/// docs/rules.md has a section for every check kind (`### \`kind\``).
#[test]
fn every_check_kind_is_documented() {
    let docs = std::fs::read_to_string(repo_root().join("docs/rules.md")).expect("docs/rules.md");
    let missing: Vec<&str> = copydesk::checks::KINDS
        .iter()
        .map(|k| k.name)
        .filter(|name| !docs.contains(&format!("### `{name}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/rules.md has no section for: {missing:?}"
    );
    for field in [
        "`id`",
        "`extends`",
        "`category`",
        "`severity`",
        "`message`",
        "`description`",
        "`link`",
        "`examples`",
    ] {
        assert!(
            docs.contains(&format!("| {field} |")),
            "shared field {field} is not in the table"
        );
    }
}

/// The worked example in docs/rules.md is the rule the tests run.
#[test]
fn the_worked_example_in_the_docs_is_the_tested_rule() {
    let docs = std::fs::read_to_string(repo_root().join("docs/rules.md")).expect("docs");
    let rule =
        std::fs::read_to_string(repo_root().join("tests/fixtures/house-rules/kyiv-spelling.yaml"))
            .expect("fixture");
    let body: String = rule.lines().skip(1).map(|l| format!("{l}\n")).collect();
    assert!(
        docs.contains(&body),
        "docs/rules.md's worked example differs from the fixture"
    );
}

/// The example CI and pre-commit files are valid YAML and use the formats
/// their services read.
#[test]
fn integration_examples_are_valid_and_consistent() {
    let read = |p: &str| {
        std::fs::read_to_string(repo_root().join(p)).unwrap_or_else(|e| panic!("{p}: {e}"))
    };
    for (path, must_contain) in [
        ("examples/ci/github-actions.yml", "output: sarif"),
        ("examples/ci/gitlab-ci.yml", "--format gitlab"),
        ("examples/ci/reviewdog.yml", "output: reviewdog"),
        ("action.yml", "github/codeql-action/upload-sarif@v4"),
        ("action/check.sh", "--format rdjsonl"),
        ("examples/pre-commit-config.yaml", "id: copydesk"),
        (".pre-commit-hooks.yaml", "entry: copydesk check"),
    ] {
        let text = read(path);
        // No example or action still uses the retired upload-sarif@v3.
        assert!(!text.contains("upload-sarif@v3"), "{path}");
        if path.ends_with(".sh") {
            assert!(text.contains(must_contain), "{path} lacks {must_contain}");
            continue;
        }
        let parsed: Result<serde_json::Value, _> = serde_saphyr::from_str(&text);
        assert!(parsed.is_ok(), "{path} is not valid YAML: {parsed:?}");
        assert!(text.contains(must_contain), "{path} lacks {must_contain}");
    }
    let hooks: serde_json::Value =
        serde_saphyr::from_str(&read(".pre-commit-hooks.yaml")).expect("yaml");
    let hook = &hooks[0];
    assert_eq!(hook["id"], "copydesk");
    assert_eq!(hook["language"], "rust");
    let files = regex::Regex::new(hook["files"].as_str().expect("files regex")).expect("regex");
    for (name, linted) in [
        ("draft.md", true),
        ("a/b.markdown", true),
        ("notes.txt", true),
        ("main.rs", false),
    ] {
        assert_eq!(files.is_match(name), linted, "{name}");
    }
}
