//! Ctrl-C (SIGINT) and SIGTERM: `check` ends promptly with 128 + the
//! signal's number (130 for Ctrl-C), and a `--fix` run leaves every draft
//! either as it was or fully fixed, with no temporary file behind.

use crate::common;

use common::{entries, write};
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Fixable findings (doubled words, a boilerplate line) and one that stays.
const DRAFT: &str = "Officials met in in Paris on Saturday, the the envoy said.\nThe official told Al Jazeera the talks were frank.\nAdvertisement\nSource: Aljazeera\n";

/// A hang guard, generous for a loaded machine.
const LIMIT: Duration = Duration::from_secs(120);
/// Start-up to the installed handler, as generous.
const STARTUP: Duration = Duration::from_secs(60);

fn spawn(dir: &Path, args: &[&str]) -> Child {
    common::command(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("copydesk starts")
}

/// Waits until the child has its SIGINT handler (a signal sent earlier
/// would meet the default action and prove nothing). Linux shows caught
/// signals in /proc; elsewhere a pause stands in.
fn wait_for_handler(child: &mut Child) {
    let status = format!("/proc/{}/status", child.id());
    let start = Instant::now();
    while start.elapsed() < STARTUP {
        if child.try_wait().expect("wait").is_some() {
            return;
        }
        let Ok(text) = std::fs::read_to_string(&status) else {
            std::thread::sleep(Duration::from_millis(500));
            return;
        };
        let caught = text
            .lines()
            .find_map(|l| l.strip_prefix("SigCgt:"))
            .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
            .unwrap_or(0);
        // Bit n - 1 stands for signal n; SIGINT is 2.
        if caught & (1 << 1) != 0 {
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let _ = child.kill();
    panic!("copydesk installed no SIGINT handler within {STARTUP:?}");
}

fn send(child: &Child, signal: &str) {
    let status = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(child.id().to_string())
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{signal} failed");
}

/// Waits for the child's exit, killing it (and failing) after `LIMIT`.
fn wait_within(child: &mut Child) -> (ExitStatus, String) {
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("copydesk still running {LIMIT:?} after the signal");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        pipe.read_to_string(&mut stderr).expect("stderr");
    }
    (status, stderr)
}

/// Blocked on a stdin that never ends, `check` still stops at once.
#[test]
fn a_waiting_check_ends_on_ctrl_c_and_sigterm() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (signal, code, word) in [("INT", 130, "interrupted"), ("TERM", 143, "terminated")] {
        let mut child = spawn(dir.path(), &["check", "-"]);
        wait_for_handler(&mut child);
        let sent = Instant::now();
        send(&child, signal);
        let (status, stderr) = wait_within(&mut child);
        assert_eq!(
            status.code(),
            Some(code),
            "SIG{signal}: {status:?} {stderr}"
        );
        assert_eq!(stderr, format!("copydesk: {word}\n"));
        assert!(
            sent.elapsed() < Duration::from_secs(30),
            "took {:?}",
            sent.elapsed()
        );
    }
}

#[test]
fn ctrl_c_during_fix_leaves_every_draft_whole() {
    const FILES: usize = 300;
    let draft = DRAFT.repeat(40);
    // What an uninterrupted run makes of a draft.
    let control = tempfile::tempdir().expect("tempdir");
    let path = write(control.path(), "d.md", &draft);
    let out = common::run(control.path(), &["check", "--fix", "d.md"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let fixed = std::fs::read_to_string(&path).expect("read");
    assert_ne!(fixed, draft);

    let mut interrupted = 0;
    for delay_ms in [0, 10, 50, 150, 400, 1000] {
        let dir = tempfile::tempdir().expect("tempdir");
        for i in 0..FILES {
            write(dir.path(), &format!("d{i:03}.md"), &draft);
        }
        let mut child = spawn(dir.path(), &["check", "--fix", "--format", "json", "."]);
        wait_for_handler(&mut child);
        std::thread::sleep(Duration::from_millis(delay_ms));
        // A run that already ended is a zombie until waited for: the
        // signal still finds it, and does nothing.
        send(&child, "INT");
        let (status, stderr) = wait_within(&mut child);
        match status.code() {
            Some(130) => {
                interrupted += 1;
                assert!(
                    stderr.contains(
                        "copydesk: interrupted; files already fixed stay fixed, the others are unchanged"
                    ),
                    "{stderr}"
                );
            }
            // Finished before the signal: the remaining finding fails it.
            Some(1) => {}
            _ => panic!("after {delay_ms} ms: {status:?} {stderr}"),
        }
        let (mut whole, mut done) = (0, 0);
        for name in entries(dir.path()) {
            assert!(
                name.starts_with('d') && name.ends_with(".md"),
                "after {delay_ms} ms, left behind: {name}"
            );
            let text = std::fs::read_to_string(dir.path().join(&name)).expect("read");
            if text == draft {
                whole += 1;
            } else if text == fixed {
                done += 1;
            } else {
                panic!("after {delay_ms} ms, {name} is neither the draft nor its fix");
            }
        }
        assert_eq!(whole + done, FILES);
        eprintln!(
            "SIGINT after {delay_ms} ms: exit {:?}, {done} fixed, {whole} untouched",
            status.code()
        );
    }
    assert!(interrupted > 0, "no run was interrupted");
}
