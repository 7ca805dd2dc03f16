//! `check --fix` and `--diff`: safe fixes written atomically with the
//! file's permissions kept, never without `--fix`, idempotent, and the
//! report afterwards shows only what remains.

use crate::common;
use common::{entries, run, run_stdin, write};
use std::fs;

/// A draft with three fixable problems (two doubled words, a boilerplate
/// line) and one that needs an editor (the consistency finding). Fixes
/// that overlap and need a second round are covered in `fix.rs`'s tests.
const DRAFT: &str = "Officials met in in Paris on Saturday, the the envoy said.\nThe official told Al Jazeera the talks were frank.\nAdvertisement\nSource: Aljazeera\n";
const FIXED: &str = "Officials met in Paris on Saturday, the envoy said.\nThe official told Al Jazeera the talks were frank.\nSource: Aljazeera\n";

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

/// Drafts `--fix` may not write: each is left byte for byte as it was, with
/// an error naming it and the step that failed (exit 2), its findings are
/// still reported, no temporary file is left, and the other drafts of the
/// run are fixed.
#[cfg(unix)]
mod unwritable {
    use super::{DRAFT, FIXED};
    use crate::common::{self, entries, write};
    use std::fs;
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;
    use std::process::Command;

    fn chmod(path: &Path, mode: u32) {
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
    }

    #[test]
    fn read_only_drafts_and_directories_are_left_intact() {
        let root = tempfile::tempdir().expect("tempdir");
        let top = root.path();
        // A read-only directory: no temporary file can be made in it.
        let locked = top.join("locked");
        chmod(&write(&locked, "ro.md", DRAFT), 0o444);
        chmod(&write(&locked, "rw.md", DRAFT), 0o666);
        // A writable directory, where a rename could replace any file.
        let open = top.join("open");
        chmod(&write(&open, "ro.md", DRAFT), 0o444);
        chmod(&write(&open, "ok.md", DRAFT), 0o666);
        let privileged = common::privileged();
        let mut args = vec![
            "check",
            "--fix",
            "--color",
            "never",
            "locked/ro.md",
            "locked/rw.md",
            "open/ro.md",
            "open/ok.md",
        ];
        if privileged {
            // Writable by its owner (root) only: copydesk runs as nobody.
            chmod(&write(&open, "foreign.md", DRAFT), 0o644);
            args.push("open/foreign.md");
        }
        chmod(top, 0o755);
        chmod(&locked, 0o555);
        chmod(&open, if privileged { 0o777 } else { 0o755 });
        let mut keep = None;
        let out = common::run_command(common::command_unprivileged(top, &mut keep).args(&args));
        chmod(&locked, 0o755);

        assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
        let expect_error = |path: &str, reason: &str| {
            let line = out
                .stderr
                .lines()
                .find(|l| l.starts_with(&format!("error: {path}: ")))
                .unwrap_or_else(|| panic!("no error for {path}: {}", out.stderr));
            assert!(line.contains(reason), "{line}");
            assert!(line.ends_with("; file left unchanged"), "{line}");
        };
        expect_error(
            "locked/ro.md",
            "cannot fix: the file is read-only (no write permission)",
        );
        expect_error(
            "locked/rw.md",
            &format!(
                "cannot fix: cannot create a temporary file in {} (Permission denied",
                fs::canonicalize(&locked).expect("path").display()
            ),
        );
        expect_error(
            "open/ro.md",
            "cannot fix: the file is read-only (no write permission)",
        );
        let mut intact = vec![
            locked.join("ro.md"),
            locked.join("rw.md"),
            open.join("ro.md"),
        ];
        if privileged {
            expect_error(
                "open/foreign.md",
                "cannot fix: the file is not writable (Permission denied",
            );
            intact.push(open.join("foreign.md"));
        }
        for path in &intact {
            assert_eq!(fs::read(path).expect("read"), DRAFT.as_bytes(), "{path:?}");
        }
        assert_eq!(
            fs::read(open.join("ok.md")).expect("read"),
            FIXED.as_bytes()
        );
        // The drafts left as they were are still reported in full.
        assert!(out.stdout.contains("locked/ro.md:1:15"), "{}", out.stdout);
        assert!(out.stdout.contains("open/ro.md:3:1"), "{}", out.stdout);
        assert!(out.stdout.contains("Fixed 3 problems."), "{}", out.stdout);
        assert_eq!(entries(&locked), ["ro.md", "rw.md"]);
        let mut names = vec!["ok.md", "ro.md"];
        if privileged {
            names.insert(0, "foreign.md");
        }
        assert_eq!(entries(&open), names);
    }

    /// A disk that fills up mid-write, as a file size limit (`ulimit -f`):
    /// the write fails with "file too large" (the SIGXFSZ that comes with
    /// it must not kill copydesk before it removes its temporary file).
    #[test]
    fn a_file_size_limit_mid_write_leaves_the_draft_intact() {
        let dir = tempfile::tempdir().expect("tempdir");
        let big = DRAFT.repeat(200);
        write(dir.path(), "big.md", &big);
        write(dir.path(), "small.md", DRAFT);
        // 16 blocks: 8 KiB (POSIX sh counts 512 bytes) or 16 KiB (bash);
        // big.md is 28 KB, its fixed text 24 KB.
        let out = common::run_command(
            Command::new("sh")
                .current_dir(dir.path())
                .args(["-c", "ulimit -f 16 && exec \"$0\" \"$@\""])
                .arg(env!("CARGO_BIN_EXE_copydesk"))
                .args(["check", "--fix", "--color", "never", "big.md", "small.md"]),
        );
        assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
        let message = format!(
            "error: big.md: cannot fix: cannot write the fixed text to a temporary file in {} (File too large",
            fs::canonicalize(dir.path()).expect("path").display()
        );
        assert!(out.stderr.contains(&message), "{}", out.stderr);
        assert!(
            out.stderr.contains("; file left unchanged"),
            "{}",
            out.stderr
        );
        assert_eq!(
            fs::read(dir.path().join("big.md")).expect("read"),
            big.as_bytes()
        );
        assert_eq!(
            fs::read(dir.path().join("small.md")).expect("read"),
            FIXED.as_bytes()
        );
        assert_eq!(entries(dir.path()), ["big.md", "small.md"]);
    }

    /// A real full disk (ENOSPC): a small tmpfs in a private mount
    /// namespace, which needs root and `unshare`; skipped otherwise.
    #[test]
    fn a_full_disk_leaves_the_draft_intact() {
        let stage = tempfile::tempdir().expect("tempdir");
        let big = DRAFT.repeat(250);
        write(stage.path(), "in/big.md", &big);
        write(stage.path(), "in/small.md", DRAFT);
        let mount = stage.path().join("mnt");
        let result = stage.path().join("out");
        fs::create_dir_all(&mount).expect("mkdir");
        // 64 KiB: big.md (36 KB) and small.md fit; big.md's fixed text
        // (30 KB) beside it does not. One thread, so big.md's failed write
        // is cleaned up before small.md is fixed.
        let script = r#"
            mount -t tmpfs -o size=64k copydesk-full "$MNT" || exit 99
            cp "$STAGE/in/big.md" "$STAGE/in/small.md" "$MNT/" || exit 98
            cd "$MNT"
            RAYON_NUM_THREADS=1 "$BIN" check --fix --color never big.md small.md \
                >"$STAGE/stdout" 2>"$STAGE/stderr"
            echo $? >"$STAGE/code"
            cp -a "$MNT/." "$OUT/"
        "#;
        let status = Command::new("unshare")
            .args(["--mount", "sh", "-c", script])
            .env("MNT", &mount)
            .env("STAGE", stage.path())
            .env("OUT", &result)
            .env("BIN", env!("CARGO_BIN_EXE_copydesk"))
            .stderr(std::process::Stdio::null())
            .status();
        fs::create_dir_all(&result).expect("mkdir");
        let code = fs::read_to_string(stage.path().join("code")).unwrap_or_default();
        if code.is_empty() {
            eprintln!(
                "note: no tmpfs could be mounted (needs root and unshare: {status:?}); skipping the full-disk test"
            );
            return;
        }
        let stderr = fs::read_to_string(stage.path().join("stderr")).expect("stderr");
        assert_eq!(code.trim(), "2", "{stderr}");
        assert!(
            stderr.contains(
                "error: big.md: cannot fix: cannot write the fixed text to a temporary file in"
            ),
            "{stderr}"
        );
        assert!(stderr.contains("(No space left on device"), "{stderr}");
        assert_eq!(
            fs::read(result.join("big.md")).expect("read"),
            big.as_bytes()
        );
        assert_eq!(
            fs::read(result.join("small.md")).expect("read"),
            FIXED.as_bytes()
        );
        assert_eq!(entries(&result), ["big.md", "small.md"]);
    }
}
