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

impl Outcome {
    /// Asserts that stderr says `text`, showing stderr when it does not.
    #[allow(dead_code)] // not every test binary that shares this module uses it
    pub fn assert_stderr_has(&self, text: &str) {
        assert!(self.stderr.contains(text), "{}", self.stderr);
    }
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

/// Runs `cmd` and collects its output.
pub fn run_command(cmd: &mut Command) -> Outcome {
    finish(cmd.output().expect("command runs"))
}

/// True when this process ignores file permissions (root): permission
/// tests then run copydesk as an unprivileged user instead.
#[cfg(unix)]
pub fn privileged() -> bool {
    use std::os::unix::fs::MetadataExt;
    // A directory this process creates is owned by its effective user.
    let probe = tempfile::tempdir().expect("tempdir");
    std::fs::metadata(probe.path()).expect("meta").uid() == 0
}

/// `nobody` on Debian; any unused id works, setuid needs no passwd entry.
#[cfg(unix)]
pub const UNPRIVILEGED: u32 = 65534;

/// copydesk in `dir` as a user that file permissions apply to: this user,
/// or `nobody` when running as root. The test's directories must let
/// others in (mode 0755 or so). `keep` holds a copy of the binary when the
/// build's own is out of others' reach (a checkout under a private home).
#[cfg(unix)]
pub fn command_unprivileged(dir: &Path, keep: &mut Option<tempfile::TempDir>) -> Command {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    if !privileged() {
        return command(dir);
    }
    let built = Path::new(env!("CARGO_BIN_EXE_copydesk"));
    let reachable = built
        .ancestors()
        .skip(1)
        .all(|d| std::fs::metadata(d).is_ok_and(|m| m.permissions().mode() & 0o001 != 0))
        && std::fs::metadata(built).is_ok_and(|m| m.permissions().mode() & 0o005 == 0o005);
    let binary = if reachable {
        built.to_path_buf()
    } else {
        let copy = tempfile::tempdir().expect("tempdir");
        let path = copy.path().join("copydesk");
        std::fs::copy(built, &path).expect("copy the binary");
        std::fs::set_permissions(copy.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod");
        *keep = Some(copy);
        path
    };
    let mut cmd = Command::new(binary);
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .uid(UNPRIVILEGED)
        .gid(UNPRIVILEGED);
    cmd
}

/// The names in `dir`, sorted (temporary files included).
pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read_dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}
