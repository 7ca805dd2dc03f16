//! `copydesk init`: the starter files load and work as written (and with
//! every commented setting switched on), name their schema and the
//! action's real inputs, and are never overwritten without `--force`.

use crate::common;
use common::{repo_root, run, write};
use serde_json::Value;

fn yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("not YAML: {e}\n{text}"))
}

#[test]
fn starter_files_load_and_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(dir.path(), &["init", "--github"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for f in [
        ".copydesk.yaml",
        ".pre-commit-config.yaml",
        ".github/workflows/copydesk.yml",
    ] {
        assert!(
            out.stdout.contains(&format!("wrote ./{f}")),
            "{}",
            out.stdout
        );
    }
    let config = std::fs::read_to_string(dir.path().join(".copydesk.yaml")).expect("config");
    // The editor's schema line names the committed schema.
    let first = config.lines().next().unwrap_or("");
    let schema = first
        .strip_prefix("# yaml-language-server: $schema=")
        .expect("schema line first");
    let rel = schema
        .split("/raw/")
        .nth(1)
        .and_then(|s| s.split_once('/'))
        .map(|(_, p)| p);
    assert_eq!(rel, Some("docs/schema/config.schema.json"));
    assert!(repo_root().join("docs/schema/config.schema.json").exists());
    // The config is found and used: `fail-level: warning` makes a warning exit 1.
    write(dir.path(), "a.md", "Title\n\nThe the end.\n");
    assert_eq!(run(dir.path(), &["check", "a.md"]).code, 1);

    // Every commented setting, switched on, is valid too.
    // A commented setting is `# key: …` and the indented lines under it.
    let key = regex::Regex::new(r"^[a-z-]+:( |$)").expect("regex");
    let mut on = String::new();
    let mut in_setting = false;
    for line in config.lines().skip(1) {
        let Some(l) = line.strip_prefix("# ") else {
            in_setting = false;
            continue;
        };
        in_setting = key.is_match(l) || (in_setting && l.starts_with("  "));
        if in_setting {
            on.push_str(l);
            on.push('\n');
        }
    }
    let on = format!("{on}fail-level: info\n");
    let parsed = yaml(&on);
    for key in [
        "rules",
        "select",
        "ignore",
        "severity",
        "exclude",
        "extensions",
        "gazetteer",
        "params",
    ] {
        assert!(parsed.get(key).is_some(), "{key} not switched on:\n{on}");
    }
    let out = run(
        dir.path(),
        &[
            "new-rule",
            "existence",
            "house-word",
            "--dir",
            "style-guide/rules",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    write(dir.path(), "all.yaml", &on);
    let out = run(dir.path(), &["rules", "--config", "all.yaml"]);
    assert_eq!(out.code, 0, "{}\n{on}", out.stderr);
    assert!(out.stdout.contains("house-word"), "{}", out.stdout);

    // The pre-commit entry names this repository's hook.
    let pre_commit =
        yaml(&std::fs::read_to_string(dir.path().join(".pre-commit-config.yaml")).expect("read"));
    assert_eq!(pre_commit["repos"][0]["hooks"][0]["id"], "copydesk");
    let hooks =
        yaml(&std::fs::read_to_string(repo_root().join(".pre-commit-hooks.yaml")).expect("hooks"));
    assert_eq!(hooks[0]["id"], "copydesk");

    // The workflow passes only inputs the action declares.
    let action = yaml(&std::fs::read_to_string(repo_root().join("action.yml")).expect("action"));
    let workflow = yaml(
        &std::fs::read_to_string(dir.path().join(".github/workflows/copydesk.yml")).expect("wf"),
    );
    let mut used = 0;
    for job in workflow["jobs"].as_object().expect("jobs").values() {
        for step in job["steps"].as_array().expect("steps") {
            if !step["uses"]
                .as_str()
                .is_some_and(|u| u.contains("/copydesk@"))
            {
                continue;
            }
            for key in step["with"].as_object().expect("with").keys() {
                assert!(
                    action["inputs"].get(key).is_some(),
                    "action has no input {key}"
                );
                used += 1;
            }
        }
    }
    assert!(used >= 4);
}

#[test]
fn nothing_is_overwritten_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), ".pre-commit-config.yaml", "repos: []\n");
    let out = run(dir.path(), &["init", "--github"]);
    assert_eq!(out.code, 2);
    out.assert_stderr_has(".pre-commit-config.yaml: already exists; not overwritten (use --force");
    // Not even the files that did not exist were written.
    assert!(!dir.path().join(".copydesk.yaml").exists());
    assert!(!dir.path().join(".github").exists());
    let kept = std::fs::read_to_string(dir.path().join(".pre-commit-config.yaml")).expect("read");
    assert_eq!(kept, "repos: []\n");

    let out = run(dir.path(), &["init", "--force", "--dir", "."]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let replaced =
        std::fs::read_to_string(dir.path().join(".pre-commit-config.yaml")).expect("read");
    assert!(replaced.contains("id: copydesk"));
    assert!(
        !dir.path().join(".github").exists(),
        "no workflow without --github"
    );
}
