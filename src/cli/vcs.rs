//! The git checkout a run is in, for SARIF's `versionControlProvenance`:
//! read with `git` itself (worktrees, submodules and `safe.directory`
//! behave as git says). Not a repository, no git, a detached or unborn
//! HEAD: the log simply has less, never an error.

use super::changed::git;
use copydesk::report::VersionControl;
use std::path::{Path, PathBuf};

/// The checkout `dir` is in; `None` outside a repository or without git.
pub fn version_control(dir: &Path) -> Option<VersionControl> {
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"]).ok()?.trim());
    let revision_id = git(dir, &["rev-parse", "--verify", "-q", "HEAD"])
        .ok()?
        .trim()
        .to_string();
    if revision_id.is_empty() {
        return None;
    }
    let branch = git(dir, &["symbolic-ref", "-q", "--short", "HEAD"])
        .ok()
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty());
    let repository_uri = git(dir, &["remote", "get-url", "origin"])
        .ok()
        .and_then(|url| remote_uri(url.trim()))
        .unwrap_or_else(|| file_uri(&top));
    Some(VersionControl {
        repository_uri,
        revision_id,
        branch,
        base_in_repository: relative_dir(&top, dir),
    })
}

/// A remote as a URI without credentials: `https://user:token@host/x`
/// loses `user:token@`; scp-like `git@host:org/repo.git` becomes
/// `ssh://git@host/org/repo.git`; a local path, a `file:` URI.
fn remote_uri(url: &str) -> Option<String> {
    if url.is_empty() {
        return None;
    }
    if let Some((scheme, rest)) = url.split_once("://") {
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host = authority.rsplit('@').next().unwrap_or(authority);
        // ssh's user is not a secret and is part of how it is reached.
        let user = match authority.rsplit_once('@') {
            Some((user, _)) if scheme == "ssh" && !user.contains(':') => format!("{user}@"),
            _ => String::new(),
        };
        return Some(format!("{scheme}://{user}{host}/{path}"));
    }
    if let Some((host, path)) = url.split_once(':') {
        if !host.contains('/') && !path.starts_with("//") && host.len() > 1 {
            return Some(format!("ssh://{host}/{}", path.trim_start_matches('/')));
        }
    }
    Some(file_uri(Path::new(url)))
}

fn file_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let encoded: String = text
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    if encoded.starts_with('/') {
        format!("file://{encoded}")
    } else {
        format!("file:///{encoded}")
    }
}

/// `dir` below `top`, as `a/b/` (empty when they are the same directory).
fn relative_dir(top: &Path, dir: &Path) -> String {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let top = top.canonicalize().unwrap_or_else(|_| top.to_path_buf());
    match dir.strip_prefix(&top) {
        Ok(rel) if !rel.as_os_str().is_empty() => {
            format!("{}/", rel.to_string_lossy().replace('\\', "/"))
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_never_reach_the_log() {
        assert_eq!(
            remote_uri("https://x-access-token:SECRET@github.com/o/r.git").as_deref(),
            Some("https://github.com/o/r.git")
        );
        assert_eq!(
            remote_uri("ssh://git@example.org:22/o/r").as_deref(),
            Some("ssh://git@example.org:22/o/r")
        );
        assert_eq!(
            remote_uri("git@github.com:o/r.git").as_deref(),
            Some("ssh://git@github.com/o/r.git")
        );
        assert_eq!(
            remote_uri("/srv/git/news").as_deref(),
            Some("file:///srv/git/news")
        );
        assert_eq!(remote_uri(""), None);
    }

    #[test]
    fn outside_a_repository_there_is_none() {
        let dir = tempfile::tempdir().expect("tempdir");
        // GIT_CEILING_DIRECTORIES is not set here, but a fresh temp
        // directory is not inside this checkout.
        assert!(version_control(dir.path()).is_none());
    }
}
