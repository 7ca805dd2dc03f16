//! `--diff-base REF` and `--diff-file PATCH`: which lines of each linted
//! file count as changed. The diff is read once for the whole run; its
//! paths are matched to the linted files by their canonical location.

use super::files::Input;
use copydesk::changed_lines::ChangedLines;
use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Changed line ranges keyed by canonical file path.
#[derive(Debug, Default)]
pub struct Changes {
    by_path: HashMap<PathBuf, Vec<RangeInclusive<usize>>>,
}

impl Changes {
    /// The changed lines of `input`; a file the diff does not name has none.
    pub fn lines(&self, input: &Input) -> &[RangeInclusive<usize>] {
        self.by_path
            .get(&canonical(input.path()))
            .map_or(&[], Vec::as_slice)
    }

    fn from_diff(changed: ChangedLines, bases: &[PathBuf]) -> Changes {
        let mut by_path: HashMap<PathBuf, Vec<RangeInclusive<usize>>> = HashMap::new();
        for (name, ranges) in changed.files {
            // `git diff` names files `b/path`; `diff -u` names them as given.
            let stripped = name.strip_prefix("b/").map(str::to_string);
            for candidate in std::iter::once(name).chain(stripped) {
                for base in bases {
                    let path = base.join(&candidate);
                    if path.exists() {
                        by_path
                            .entry(canonical(&path))
                            .or_default()
                            .extend(ranges.iter().cloned());
                    }
                }
            }
        }
        Changes { by_path }
    }

    /// Reads a unified diff from a file.
    pub fn from_patch_file(patch: &Path) -> Result<Changes, String> {
        let text = std::fs::read(patch)
            .map_err(|e| format!("cannot read diff file {}: {e}", patch.display()))?;
        let text = String::from_utf8_lossy(&text);
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let mut bases = vec![cwd.clone()];
        bases.extend(
            git(&cwd, &["rev-parse", "--show-toplevel"])
                .ok()
                .map(|s| PathBuf::from(s.trim())),
        );
        Ok(Changes::from_diff(ChangedLines::parse(&text), &bases))
    }

    /// Runs `git diff -U0 REF -- PATHS` (and lists untracked files, which
    /// are new in their entirety) from the current directory.
    pub fn from_git(base: &str, paths: &[PathBuf]) -> Result<Changes, String> {
        let cwd = std::env::current_dir().map_err(|e| format!("--diff-base: {e}"))?;
        let top = git(&cwd, &["rev-parse", "--show-toplevel"])
            .map_err(|e| format!("--diff-base needs a git repository: {e}"))?;
        let top = PathBuf::from(top.trim());
        let specs: Vec<String> = paths
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let mut args: Vec<&str> = vec![
            "diff",
            "-U0",
            "--no-color",
            "--no-ext-diff",
            "--find-renames",
            // Fixed prefixes, whatever the user's diff.noprefix/mnemonicPrefix say.
            "--src-prefix=a/",
            "--dst-prefix=b/",
            base,
            "--",
        ];
        args.extend(specs.iter().map(String::as_str));
        let diff = git(&cwd, &args).map_err(|e| format!("--diff-base {base}: {e}"))?;
        let mut changed = ChangedLines::parse(&diff);
        let mut untracked_args = vec![
            "ls-files",
            "--others",
            "--exclude-standard",
            "--full-name",
            "-z",
            "--",
        ];
        untracked_args.extend(specs.iter().map(String::as_str));
        let untracked =
            git(&cwd, &untracked_args).map_err(|e| format!("--diff-base {base}: {e}"))?;
        for path in untracked.split('\0').filter(|p| !p.is_empty()) {
            changed.add_whole_file(format!("b/{path}"));
        }
        Ok(Changes::from_diff(changed, &[top]))
    }
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    })
}

/// Runs git in `dir` with a clean, predictable output (no pager, no
/// colour, paths unquoted where possible); stderr becomes the error.
pub(super) fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "core.quotepath=off", "--no-pager"])
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(stderr
            .lines()
            .next()
            .unwrap_or("git failed")
            .trim()
            .to_string());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
