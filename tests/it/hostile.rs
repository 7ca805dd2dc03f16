//! Hostile input: each case must end quickly with a clear, located error
//! and exit 2 for the bad file, while the other files are still linted.
//! Every run has a watchdog, so a hang fails the test instead of CI.

use crate::common;

use common::write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
    took: Duration,
}

/// Runs copydesk in `dir`, killing it (and failing) after `limit`.
fn run_within(dir: &Path, args: &[&str], limit: Duration) -> Outcome {
    let out_path = dir.join(".stdout");
    let err_path = dir.join(".stderr");
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .expect("copydesk starts");
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("copydesk {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).expect("output")).into_owned();
    Outcome {
        code: status.code().unwrap_or(-1),
        stdout: read(&out_path),
        stderr: read(&err_path),
        took: start.elapsed(),
    }
}

/// A hang guard, not a benchmark: generous so a loaded machine does not fail it.
const LIMIT: Duration = Duration::from_secs(300);

fn json(out: &Outcome) -> serde_json::Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", out.stdout))
}

/// Paths of the files that were linted and gave a diagnostic.
fn flagged_paths(out: &Outcome) -> Vec<String> {
    let mut paths: Vec<String> = json(out)["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["path"].as_str().map(str::to_string))
        .collect();
    paths.dedup();
    paths
}

/// A small draft with one finding, to show the run went on.
const GOOD: &str = "The talks went on on Saturday.\n";

/// A rule file whose `flag` example is an alias bomb: nine levels of nine
/// aliases each would expand to 387 million strings.
fn alias_bomb(key: &str) -> String {
    let mut yaml = String::from("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..9 {
        let prev = level - 1;
        let refs = vec![format!("*l{prev}"); 9].join(", ");
        yaml.push_str(&format!("l{level}: &l{level} [{refs}]\n"));
    }
    yaml.push_str(&format!("{key}: *l8\n"));
    yaml
}

fn rule_file(extra: &str) -> String {
    format!(
        "id: house-rule\nextends: existence\ncategory: style\nseverity: warning\n\
         message: \"{{match}}\"\ndescription: x\n{extra}\
         examples:\n  flag: [\"bad\"]\n  pass: [\"good\"]\n"
    )
}

/// The run stopped at the broken YAML with its path, line and column.
fn assert_located_yaml_error(out: &Outcome, path: &str) {
    assert_eq!(out.code, 2, "stderr: {}", out.stderr);
    assert!(
        out.stderr.contains(&format!("{path}:")),
        "error does not name {path}: {}",
        out.stderr
    );
    assert!(out.took < Duration::from_secs(60), "took {:?}", out.took);
}

#[test]
fn alias_bomb_in_a_rule_file_is_refused_quickly() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), ".copydesk.yaml", "rules: [house]\n");
    let bomb = rule_file("").replace(
        "description: x\n",
        &format!("description: x\n{}", alias_bomb("x-unused")),
    );
    write(dir.path(), "house/bomb.yaml", bomb);
    write(dir.path(), "a.txt", GOOD);
    let out = run_within(dir.path(), &["check", "a.txt"], LIMIT);
    assert_located_yaml_error(&out, "bomb.yaml");
    assert!(
        out.stderr
            .contains("YAML beyond the limits for rule and config files"),
        "{}",
        out.stderr
    );
}

/// Config keys are typed and strict, so a bomb there stops at the first
/// key or value of the wrong shape, before any expansion; the YAML budget
/// stands behind that.
#[test]
fn alias_bomb_in_the_config_is_refused_quickly() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), ".copydesk.yaml", alias_bomb("select"));
    write(dir.path(), "a.txt", GOOD);
    let out = run_within(dir.path(), &["check", "a.txt"], LIMIT);
    assert_located_yaml_error(&out, ".copydesk.yaml");
}

#[test]
fn deeply_nested_yaml_is_refused_without_overflowing_the_stack() {
    let flow = format!("{}x{}", "[".repeat(100_000), "]".repeat(100_000));
    let block: String = (0..2_000)
        .map(|depth| format!("{}- \n", "  ".repeat(depth)))
        .collect();
    for nested in [flow, block] {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), ".copydesk.yaml", format!("select:\n{nested}"));
        write(dir.path(), "a.txt", GOOD);
        let out = run_within(dir.path(), &["check", "a.txt"], LIMIT);
        assert_located_yaml_error(&out, ".copydesk.yaml");

        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), ".copydesk.yaml", "rules: [house]\n");
        write(
            dir.path(),
            "house/deep.yaml",
            rule_file(&format!("x-deep:\n{nested}")),
        );
        write(dir.path(), "a.txt", GOOD);
        let out = run_within(dir.path(), &["check", "a.txt"], LIMIT);
        assert_located_yaml_error(&out, "deep.yaml");
    }
}

#[test]
fn a_file_above_max_file_size_is_refused_and_the_rest_linted() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), ".copydesk.yaml", "max-file-size: 1000\n");
    write(dir.path(), "big.txt", "word ".repeat(1000));
    write(dir.path(), "small.txt", GOOD);
    let out = run_within(
        dir.path(),
        &["check", "--format", "json", "big.txt", "small.txt"],
        LIMIT,
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("big.txt: file is 5000 bytes, above the limit of 1000"),
        "{}",
        out.stderr
    );
    assert_eq!(flagged_paths(&out), ["small.txt"]);
}

#[test]
fn stdin_above_max_file_size_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), ".copydesk.yaml", "max-file-size: 1000\n");
    let out = common::run_stdin(
        dir.path(),
        &["check", "--stdin-filename", "draft.txt", "-"],
        "word ".repeat(1000).as_bytes(),
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("draft.txt: input is above the limit of 1000 bytes"),
        "{}",
        out.stderr
    );
}

#[test]
fn one_ten_megabyte_line_is_linted_with_right_positions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sentence = "The minister said the “talks” would go on, and the Druze elders agreed. ";
    let mut line = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    line.push_str("It was was over.");
    write(dir.path(), "long.txt", &line);
    write(dir.path(), "small.txt", GOOD);
    let out = run_within(
        dir.path(),
        &["check", "--format", "json", "long.txt", "small.txt"],
        Duration::from_secs(180),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let report = json(&out);
    let last = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["path"] == "long.txt")
        .expect("the doubled word at the end is found");
    let at = line.find("was was").expect("doubled word");
    assert_eq!(last["byte_start"], at);
    assert_eq!(last["line"], 1);
    assert_eq!(last["column"], line[..at].chars().count() + 1);
    assert_eq!(flagged_paths(&out), ["long.txt", "small.txt"]);
    // Human output shows an excerpt of a long line, not the whole line
    // (a one-megabyte line here, to keep the debug-build test quick).
    let mut medium = sentence.repeat(1024 * 1024 / sentence.len());
    medium.push_str("It was was over.");
    write(dir.path(), "medium.txt", &medium);
    let out = run_within(
        dir.path(),
        &["check", "--color", "never", "medium.txt"],
        LIMIT,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let at = medium.find("was was").expect("doubled word");
    let column = medium[..at].chars().count() + 1;
    assert!(
        out.stdout.contains(&format!("medium.txt:1:{column}")),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("1 │ …"), "{}", out.stdout);
    assert!(
        out.stdout.contains("agreed. It was was over.\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.len() < 4_000,
        "{} bytes of output",
        out.stdout.len()
    );
}

#[test]
fn a_megabyte_of_unbalanced_quotes_stays_fast() {
    let dir = tempfile::tempdir().expect("tempdir");
    let marks = "\"a «b „c ‘d “e ";
    write(
        dir.path(),
        "quotes.txt",
        marks.repeat(1024 * 1024 / marks.len()),
    );
    write(
        dir.path(),
        "quotes.md",
        marks.repeat(1024 * 1024 / marks.len()),
    );
    let out = run_within(
        dir.path(),
        &["check", "--format", "json", "quotes.txt", "quotes.md"],
        LIMIT,
    );
    assert!(out.code < 2, "{}", out.stderr);
}

/// Findings are cheap to report: many on one long line (JSON positions
/// once took time proportional to the offset each), and many suppression
/// comments (each finding once checked every comment).
#[test]
fn many_findings_and_suppressions_stay_fast() {
    const PAIRS: usize = 256 * 1024 / 12;
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "one-line.txt", "the the cat ".repeat(PAIRS));
    write(dir.path(), "lines.txt", "the the cat\n".repeat(PAIRS));
    write(
        dir.path(),
        "suppressed.md",
        "<!-- copydesk-disable-next-line doubled-word -->\nthe the\n\
         <!-- copydesk-disable x -->\n<!-- copydesk-enable y -->\n"
            .repeat(1024 * 1024 / 100),
    );
    let out = run_within(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "one-line.txt",
            "lines.txt",
            "suppressed.md",
        ],
        LIMIT,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let report = json(&out);
    let count = |path: &str| {
        report["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["path"] == path)
            .count()
    };
    // One doubled word per "the the cat" (runs of three or more are
    // emphasis, not slips, so the pairs are kept apart).
    assert_eq!(count("one-line.txt"), PAIRS);
    assert_eq!(count("lines.txt"), PAIRS);
    assert_eq!(count("suppressed.md"), 0);
    let out = run_within(
        dir.path(),
        &["check", "--color", "never", "lines.txt", "suppressed.md"],
        LIMIT,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
}

#[test]
fn invalid_utf8_in_the_middle_is_located() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "bad.txt",
        b"First line.\nSecond \xff\xfe line.\n",
    );
    write(dir.path(), "small.txt", GOOD);
    let out = run_within(
        dir.path(),
        &["check", "--format", "json", "bad.txt", "small.txt"],
        LIMIT,
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("bad.txt: invalid UTF-8 at line 2, column 8 (byte offset 19)"),
        "{}",
        out.stderr
    );
    assert_eq!(flagged_paths(&out), ["small.txt"]);
}

#[test]
fn nul_bytes_mark_a_binary_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "nul.txt", b"Some text.\nand\0more\n");
    write(dir.path(), "small.txt", GOOD);
    let out = run_within(
        dir.path(),
        &["check", "--format", "json", "nul.txt", "small.txt"],
        LIMIT,
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "nul.txt: binary file (NUL byte at line 2, column 4, byte offset 14); not linted"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(flagged_paths(&out), ["small.txt"]);
}

#[test]
fn pathological_regexes_in_user_rules_give_located_errors() {
    let cases = [
        // Compiles to far more than the size limit.
        ("huge.yaml", "tokens:\n  - '(?:\\w{100}){100}'\n"),
        // Nested deeper than the regex parser allows.
        (
            "nested.yaml",
            &format!("tokens:\n  - '{}a{}'\n", "(".repeat(1000), ")".repeat(1000)),
        ),
    ];
    for (name, tokens) in cases {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), ".copydesk.yaml", "rules: [house]\n");
        write(dir.path(), &format!("house/{name}"), rule_file(tokens));
        write(dir.path(), "a.txt", GOOD);
        let out = run_within(dir.path(), &["check", "--color", "never", "a.txt"], LIMIT);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(
            out.stderr.contains("invalid regular expression"),
            "{}",
            out.stderr
        );
        // The rule file's line 8 holds the token.
        assert!(
            out.stderr.contains(&format!("{name}:8:")),
            "not located: {}",
            out.stderr
        );
        assert!(out.took < Duration::from_secs(60), "took {:?}", out.took);
    }
}

/// A FIFO would wait for a writer and a device never ends: named on the
/// command line they are refused unread; in a walked directory, skipped.
#[cfg(unix)]
#[test]
fn fifos_sockets_and_devices_are_refused_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let status = Command::new("mkfifo")
        .arg(dir.path().join("pipe.md"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let _socket =
        std::os::unix::net::UnixListener::bind(dir.path().join("sock.md")).expect("socket");
    write(dir.path(), "small.txt", GOOD);
    let out = run_within(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "pipe.md",
            "sock.md",
            "/dev/zero",
            "small.txt",
        ],
        Duration::from_secs(60),
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    for (path, kind) in [
        ("pipe.md", "a FIFO"),
        ("sock.md", "a socket"),
        ("/dev/zero", "a character device"),
    ] {
        assert!(
            out.stderr.contains(&format!(
                "error: {path}: not a regular file ({kind}); not read (pipe text in with `-` instead)"
            )),
            "{}",
            out.stderr
        );
    }
    assert_eq!(flagged_paths(&out), ["small.txt"]);
    // Walking the directory: only the regular file is linted.
    let out = run_within(
        dir.path(),
        &["check", "--format", "json", "."],
        Duration::from_secs(60),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(flagged_paths(&out), ["small.txt"]);
    // stdin is still read.
    let out = common::run_stdin(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "in.md",
            "-",
        ],
        GOOD.as_bytes(),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("\"path\": \"in.md\""), "{}", out.stdout);
}

#[cfg(unix)]
#[test]
fn symlink_loops_neither_hang_nor_hide_other_files() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    let drafts = dir.path().join("drafts");
    write(&drafts, "a.txt", GOOD);
    symlink(&drafts, drafts.join("loop")).expect("dir symlink");
    symlink("self.md", drafts.join("self.md")).expect("self symlink");
    // A walked directory: links are not followed, so no loop.
    let out = run_within(dir.path(), &["check", "--format", "json", "drafts"], LIMIT);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(flagged_paths(&out), ["drafts/a.txt"]);
    // Named explicitly, the looping link is an error of its own.
    let out = run_within(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "drafts/self.md",
            "drafts/a.txt",
        ],
        LIMIT,
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("drafts/self.md: Too many levels of symbolic links"),
        "{}",
        out.stderr
    );
    assert_eq!(flagged_paths(&out), ["drafts/a.txt"]);
}

/// Permission bits do not stop root (CI runs as root here), so as root
/// copydesk runs as `nobody` for this test.
#[cfg(unix)]
#[test]
fn unreadable_files_are_reported_and_the_rest_linted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let locked = write(dir.path(), "locked.txt", GOOD);
    let small = write(dir.path(), "small.txt", GOOD);
    let chmod = |path: &Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod")
    };
    chmod(&locked, 0o000);
    chmod(&small, 0o644);
    chmod(dir.path(), 0o755);
    let mut keep = None;
    let out = common::run_command(common::command_unprivileged(dir.path(), &mut keep).args([
        "check",
        "--format",
        "json",
        "locked.txt",
        "small.txt",
    ]));
    chmod(&locked, 0o644);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("locked.txt: permission denied"),
        "{}",
        out.stderr
    );
    let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let paths: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(paths, ["small.txt"]);
}

/// Links in a walked directory are skipped unless `--follow` (as ripgrep
/// does); with it, linked files and directories are linted, a file reached
/// twice only once (under its first name in sorted order), and a loop is
/// reported while the rest is linted.
#[cfg(unix)]
#[test]
fn follow_lints_linked_files_once_and_reports_loops() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    let drafts = dir.path().join("drafts");
    let elsewhere = dir.path().join("elsewhere");
    write(&drafts, "a.txt", GOOD);
    write(&elsewhere, "b.txt", GOOD);
    write(&elsewhere, "sub/c.txt", GOOD);
    symlink(elsewhere.join("b.txt"), drafts.join("b.txt")).expect("file link");
    symlink(&elsewhere, drafts.join("elsewhere")).expect("dir link");
    symlink(drafts.join("a.txt"), drafts.join("again.txt")).expect("second name");
    let args = ["check", "--format", "json", "drafts"];
    let out = run_within(dir.path(), &args, LIMIT);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(flagged_paths(&out), ["drafts/a.txt"]);
    let out = run_within(
        dir.path(),
        &["check", "-L", "--format", "json", "drafts"],
        LIMIT,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        flagged_paths(&out),
        ["drafts/a.txt", "drafts/b.txt", "drafts/elsewhere/sub/c.txt"]
    );
    symlink(&drafts, elsewhere.join("sub/up")).expect("loop");
    let out = run_within(
        dir.path(),
        &["check", "--follow", "--format", "json", "drafts"],
        LIMIT,
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("File system loop found"),
        "{}",
        out.stderr
    );
    assert_eq!(
        flagged_paths(&out),
        ["drafts/a.txt", "drafts/b.txt", "drafts/elsewhere/sub/c.txt"]
    );
}
