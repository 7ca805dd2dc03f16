//! The command line as a user meets it: exit codes, bad input, config,
//! selection, suppressions and stdin.

use crate::common;
use common::{repo_root, run, run_stdin, write};
use tempfile::tempdir;

const SEED: &str = include_str!("../../examples/seed-article.txt");

#[test]
fn clean_text_exits_zero() {
    let dir = tempdir().expect("tempdir");
    write(
        dir.path(),
        "a.txt",
        "Talks resume\n\nOfficials met in Paris on Saturday, the ministry said.\n",
    );
    let out = run(dir.path(), &["check", "--color", "never", "a.txt"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("No problems found in 1 file."));
}

#[test]
fn missing_path_is_an_error_and_other_files_still_lint() {
    let dir = tempdir().expect("tempdir");
    write(dir.path(), "a.txt", "Body text.\n\nLeave a Reply\n");
    let out = run(
        dir.path(),
        &["check", "--color", "never", "nope.md", "a.txt"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("error: nope.md: no such file or directory"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("web-boilerplate"), "{}", out.stdout);
}

#[test]
fn directory_without_lintable_files() {
    let dir = tempdir().expect("tempdir");
    write(dir.path(), "sub/image.png", [0u8, 1, 2]);
    let out = run(dir.path(), &["check", "sub"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("sub: no lintable files"),
        "{}",
        out.stderr
    );
}

#[test]
fn directories_are_walked_honouring_gitignore_and_extensions() {
    let dir = tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join(".git")).expect("git dir");
    write(dir.path(), ".gitignore", "ignored/\n");
    write(dir.path(), "drafts/a.md", "Leave a Reply\n");
    write(dir.path(), "drafts/b.txt", "Fine text here.\n");
    write(dir.path(), "drafts/c.html", "Leave a Reply\n");
    write(dir.path(), "ignored/d.md", "Leave a Reply\n");
    let out = run(dir.path(), &["check", "--format", "json", "."]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let paths: Vec<&str> = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(paths, vec!["drafts/a.md"]);
    assert_eq!(doc["summary"]["files"], 2);
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = tempdir().expect("tempdir");
    write(dir.path(), "bad.txt", b"Good start \xff\xfe bad".as_slice());
    let out = run(dir.path(), &["check", "bad.txt"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("bad.txt: invalid UTF-8 at line 1, column 12 (byte offset 11)"),
        "{}",
        out.stderr
    );
}

#[test]
fn binary_file_is_refused() {
    let dir = tempdir().expect("tempdir");
    write(dir.path(), "bin.txt", b"PK\x03\x04\x00\x00data".as_slice());
    let out = run(dir.path(), &["check", "bin.txt"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("bin.txt: binary file (NUL byte at line 1, column 5, byte offset 4)"),
        "{}",
        out.stderr
    );
}

#[test]
fn empty_file_is_clean() {
    let dir = tempdir().expect("tempdir");
    write(dir.path(), "empty.md", "");
    let out = run(dir.path(), &["check", "empty.md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn fifty_megabyte_file_is_linted() {
    let dir = tempdir().expect("tempdir");
    let para = "Officials met in Paris on Saturday to discuss the talks, the ministry said in a statement.\n\n";
    let mut text = String::with_capacity(50 * 1024 * 1024 + para.len());
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(para);
    }
    text.push_str("Leave a Reply\n");
    write(dir.path(), "big.txt", &text);
    let out = run(dir.path(), &["check", "--format", "json", "big.txt"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let rules: Vec<&str> = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert_eq!(rules, vec!["web-boilerplate"]);
}

#[test]
fn crlf_and_bom_keep_lines_and_columns() {
    let dir = tempdir().expect("tempdir");
    write(
        dir.path(),
        "win.txt",
        "\u{feff}Talks\r\n\r\nA city with many Druzes.\r\nLeave a Reply\r\n",
    );
    let out = run(dir.path(), &["check", "--format", "json", "win.txt"]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let d = &doc["diagnostics"];
    assert_eq!(d[0]["rule"], "demonym-plural");
    assert_eq!(
        (d[0]["line"].as_u64(), d[0]["column"].as_u64()),
        (Some(3), Some(18))
    );
    assert_eq!(d[1]["rule"], "web-boilerplate");
    assert_eq!(
        (
            d[1]["line"].as_u64(),
            d[1]["column"].as_u64(),
            d[1]["end_column"].as_u64()
        ),
        (Some(4), Some(1), Some(14))
    );
}

#[test]
fn stdin_with_filename() {
    let dir = tempdir().expect("tempdir");
    let out = run_stdin(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "draft.md",
            "-",
        ],
        b"Many Druzes live there.\n",
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(doc["diagnostics"][0]["path"], "draft.md");
}

#[test]
fn select_ignore_and_fail_level() {
    let root = repo_root();
    let only_style = run(
        root,
        &[
            "check",
            "--format",
            "json",
            "--select",
            "style",
            "examples/seed-article.txt",
        ],
    );
    let doc: serde_json::Value = serde_json::from_str(&only_style.stdout).expect("json");
    assert!(doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|d| d["category"] == "style"));
    let ignored = run(
        root,
        &[
            "check",
            "--format",
            "json",
            "--select",
            "style,hygiene,consistency",
            "--ignore",
            "doubled-word,demonym-plural,web-boilerplate,organisation-spelling,name-variant",
            "examples/seed-article.txt",
        ],
    );
    assert_eq!(ignored.code, 0, "{}", ignored.stdout);
    let info_only = run(
        root,
        &[
            "check",
            "--select",
            "attribution-verb",
            "examples/seed-article.txt",
        ],
    );
    assert_eq!(info_only.code, 0, "info is below the default fail level");
    let info_fails = run(
        root,
        &[
            "check",
            "--select",
            "attribution-verb",
            "--fail-level",
            "info",
            "examples/seed-article.txt",
        ],
    );
    assert_eq!(info_fails.code, 1);
}

#[test]
fn inline_suppressions() {
    let dir = tempdir().expect("tempdir");
    let text = "Body.\n\n<!-- copydesk-disable-next-line demonym-plural -->\nMany Druzes.\n\n<!-- copydesk-disable hygiene -->\nLeave a Reply\n<!-- copydesk-enable hygiene -->\n\nMore Druzes.\n";
    write(dir.path(), "s.md", text);
    let out = run(dir.path(), &["check", "--format", "json", "s.md"]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let lines: Vec<u64> = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["line"].as_u64())
        .collect();
    assert_eq!(lines, vec![10]);
}

#[test]
fn config_is_discovered_upwards_and_applied() {
    let dir = tempdir().expect("tempdir");
    write(
        dir.path(),
        ".copydesk.yaml",
        "ignore: [demonym-plural]\nseverity:\n  web-boilerplate: error\n",
    );
    write(
        dir.path(),
        "desk/today/a.txt",
        "Many Druzes.\nLeave a Reply\n",
    );
    let out = run(
        dir.path(),
        &["check", "--format", "json", "desk/today/a.txt"],
    );
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let d = doc["diagnostics"].as_array().cloned().unwrap_or_default();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["rule"], "web-boilerplate");
    assert_eq!(d[0]["severity"], "error");
}

#[test]
fn unknown_config_key_is_located() {
    let dir = tempdir().expect("tempdir");
    write(
        dir.path(),
        ".copydesk.yaml",
        "select: [place]\nfail-levle: error\n",
    );
    write(dir.path(), "a.txt", "Text.\n");
    let out = run(dir.path(), &["check", "--color", "never", "a.txt"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("fail-levle"), "{}", out.stderr);
    assert!(out.stderr.contains(".copydesk.yaml:2:1"), "{}", out.stderr);
}

#[test]
fn user_rules_load_and_broken_rule_is_located() {
    let dir = tempdir().expect("tempdir");
    write(dir.path(), ".copydesk.yaml", "rules: [house]\n");
    write(
        dir.path(),
        "house/ok.yaml",
        "id: house-towards\nextends: substitution\ncategory: style\nseverity: warning\nmessage: \"use {replacement}\"\ndescription: |\n  What it flags: towards.\nswap:\n  towards: toward\nexamples:\n  flag: [\"walk towards it\"]\n  pass: [\"walk toward it\"]\n",
    );
    write(dir.path(), "a.txt", "They walked towards Damascus.\n");
    let out = run(dir.path(), &["check", "--format", "json", "a.txt"]);
    assert!(
        out.stdout.contains("house-towards"),
        "{}{}",
        out.stdout,
        out.stderr
    );

    write(
        dir.path(),
        "house/bad.yaml",
        "id: house-bad\nextends: existence\ncategory: style\nseverity: warning\nmessage: \"bad\"\ndescription: x\ntokens:\n  - \"(unclosed\"\nexamples:\n  flag: [\"x\"]\n  pass: [\"y\"]\n",
    );
    let out = run(dir.path(), &["check", "--color", "never", "a.txt"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("invalid regular expression"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("bad.yaml:8:"), "{}", out.stderr);
}

#[test]
fn broken_rule_files_each_get_a_location() {
    let dir = tempdir().expect("tempdir");
    let base = "id: r\nextends: existence\ncategory: style\nseverity: warning\nmessage: m\ndescription: d\ntokens: [x]\nexamples:\n  flag: [x]\n  pass: [y]\n";
    let cases = [
        (
            "unknown-field.yaml",
            base.replace("tokens: [x]", "tokens: [x]\ntokenz: [y]"),
            "tokenz",
            8,
        ),
        (
            "unknown-kind.yaml",
            base.replace("extends: existence", "extends: existance"),
            "unknown check kind `existance`",
            2,
        ),
        (
            "no-pass.yaml",
            base.replace("  pass: [y]\n", ""),
            "at least one `flag` and one `pass`",
            9,
        ),
        (
            "bad-severity.yaml",
            base.replace("severity: warning", "severity: loud"),
            "loud",
            4,
        ),
        (
            "bad-placeholder.yaml",
            base.replace("message: m", "message: \"{nope}\""),
            "{nope}",
            5,
        ),
    ];
    for (name, text, expect, line) in cases {
        let rules = dir.path().join(name.trim_end_matches(".yaml"));
        write(
            &rules,
            name,
            text.replace("id: r", &format!("id: {}", name.trim_end_matches(".yaml"))),
        );
        let out = run(dir.path(), &["test-rules", &rules.display().to_string()]);
        assert_eq!(out.code, 2, "{name}: {}", out.stdout);
        assert!(out.stderr.contains(expect), "{name}: {}", out.stderr);
        assert!(
            out.stderr.contains(&format!("{name}:{line}:")),
            "{name} at line {line}: {}",
            out.stderr
        );
    }
    // Duplicate ids across two files.
    let dup = dir.path().join("dup");
    write(&dup, "a.yaml", base.replace("id: r", "id: same"));
    write(&dup, "b.yaml", base.replace("id: r", "id: same"));
    let out = run(dir.path(), &["test-rules", &dup.display().to_string()]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("duplicate rule id `same`"),
        "{}",
        out.stderr
    );
}

#[test]
fn rules_explain_and_test_rules() {
    let root = repo_root();
    let list = run(root, &["rules"]);
    assert_eq!(list.code, 0);
    assert!(list.stdout.contains("demonym-plural") && list.stdout.contains("substitution"));
    let explain = run(root, &["explain", "demonym-plural"]);
    assert_eq!(explain.code, 0);
    assert!(
        explain.stdout.contains("What it flags") && explain.stdout.contains("Druzes -> Druze"),
        "{}",
        explain.stdout
    );
    let missing = run(root, &["explain", "no-such-rule"]);
    assert_eq!(missing.code, 2);
    let tested = run(root, &["test-rules"]);
    assert_eq!(tested.code, 0, "{}", tested.stdout);
    assert!(
        tested.stdout.trim_end().ends_with("0 failed"),
        "{}",
        tested.stdout
    );
}

#[test]
fn output_to_a_closed_pipe_is_quiet() {
    let dir = tempdir().expect("tempdir");
    let mut text = String::new();
    for _ in 0..2000 {
        text.push_str("Many Druzes.\n");
    }
    write(dir.path(), "a.txt", &text);
    let mut child = common::command(dir.path())
        .args(["check", "a.txt"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(out.status.code(), Some(101));
}

#[test]
fn seed_text_via_stdin_matches_file() {
    let dir = tempdir().expect("tempdir");
    let out = run_stdin(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "examples/seed-article.txt",
            "-",
        ],
        SEED.as_bytes(),
    );
    let file = run(
        repo_root(),
        &["check", "--format", "json", "examples/seed-article.txt"],
    );
    assert_eq!(out.stdout, file.stdout);
}

#[test]
fn config_params_override_rule_parameters() {
    let dir = tempdir().expect("tempdir");
    write(
        dir.path(),
        ".copydesk.yaml",
        "params:\n  doubled-word:\n    exceptions: [the the]\n",
    );
    write(dir.path(), "a.txt", "He said the the talks ended.\n");
    let out = run(dir.path(), &["check", "--format", "json", "a.txt"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    write(
        dir.path(),
        ".copydesk.yaml",
        "params:\n  doubled-word:\n    exceptionz: [x]\n",
    );
    let out = run(dir.path(), &["check", "--color", "never", "a.txt"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("exceptionz"), "{}", out.stderr);
    write(
        dir.path(),
        ".copydesk.yaml",
        "params:\n  no-such-rule:\n    x: 1\n",
    );
    let out = run(dir.path(), &["check", "a.txt"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("`params` names rule `no-such-rule`"),
        "{}",
        out.stderr
    );
}

#[test]
fn rule_template_is_a_working_rule() {
    let dir = tempdir().expect("tempdir");
    let template =
        std::fs::read_to_string(repo_root().join("docs/rule-template.yaml")).expect("template");
    write(dir.path(), "house/house-toward.yaml", template);
    let out = run(dir.path(), &["test-rules", "house"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("2 passed, 0 failed"), "{}", out.stdout);
}

#[test]
fn unknown_rule_or_category_in_a_selection_is_an_error_with_a_suggestion() {
    let dir = tempdir().expect("tempdir");
    write(dir.path(), "a.txt", "Leave a Reply\n");
    let out = run(dir.path(), &["check", "--ignore", "quotes", "a.txt"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_has("`--ignore` names `quotes`, which is no rule id or category");
    out.assert_stderr_has("did you mean `quote`?");
    write(
        dir.path(),
        ".copydesk.yaml",
        "select: [place]\nseverity: {doubled-wrd: error}\n",
    );
    let out = run(dir.path(), &["check", "a.txt"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_has("`severity` names `doubled-wrd`, which is no rule id");
    // Known ids, categories and `all` pass.
    std::fs::remove_file(dir.path().join(".copydesk.yaml")).expect("remove config");
    let out = run(
        dir.path(),
        &[
            "check",
            "--select",
            "all",
            "--ignore",
            "place,doubled-word",
            "a.txt",
        ],
    );
    assert_ne!(out.code, 2, "{}", out.stderr);
}

#[test]
fn a_file_named_twice_is_linted_once() {
    let dir = tempdir().expect("tempdir");
    write(dir.path(), "drafts/a.txt", "Leave a Reply\n");
    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "drafts/a.txt",
            "./drafts/a.txt",
            "drafts",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(json["summary"]["files"], 1, "{}", out.stdout);
    assert_eq!(json["diagnostics"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["diagnostics"][0]["path"], "drafts/a.txt");
}
