//! Helpers for running the built binary in integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

fn finish(out: Output) -> Outcome {
    Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

pub fn command(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    cmd.current_dir(dir).env_remove("NO_COLOR");
    cmd
}

/// Runs copydesk with `args` in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> Outcome {
    finish(command(dir).args(args).output().expect("copydesk runs"))
}

/// Runs copydesk with `input` on stdin.
pub fn run_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Outcome {
    let mut child = command(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("copydesk starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    finish(child.wait_with_output().expect("copydesk ends"))
}

pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> std::path::PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&path, content).expect("write fixture");
    path
}
