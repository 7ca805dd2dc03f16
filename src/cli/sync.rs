//! `copydesk sync`: fetches the config's git packages into the cache
//! (`.copydesk/packages/NAME` beside the config), each at its pinned
//! commit, with git itself. A package is fetched into a temporary
//! directory and moved into place only once its commit is verified and
//! it holds no symbolic link (a link could make a rule file read
//! anything on the machine), so a failed sync leaves the old cache.

use super::changed::git;
use super::output::{color_stream, load_failure, print_error};
use super::ColorChoice;
use copydesk::config::{self, LoadedConfig};
use copydesk::packages::{self, Source, REVISION_FILE};
use std::path::{Path, PathBuf};

pub fn run(config: Option<&Path>) -> u8 {
    let mut stderr = color_stream(ColorChoice::Auto, true);
    let path = match config.map(Path::to_path_buf).or_else(|| {
        std::env::current_dir()
            .ok()
            .and_then(|d| config::discover(&d))
    }) {
        Some(p) => p,
        None => {
            let _ = print_error(
                &mut stderr,
                ".copydesk.yaml",
                "no config file here or above; nothing to sync",
            );
            return 2;
        }
    };
    let loaded = match LoadedConfig::load(&path) {
        Ok(l) => l,
        Err(e) => return load_failure(&[e], &mut stderr),
    };
    let base = loaded.base_dir();
    let resolved = match packages::resolve(&loaded.config.packages, &base, &loaded.source()) {
        Ok(r) => r,
        Err(errs) => return load_failure(&errs, &mut stderr),
    };
    if resolved.is_empty() {
        println!("{}: no packages", path.display());
        return 0;
    }
    let mut code = 0;
    for package in &resolved {
        let result = match &package.source {
            Source::Local(dir) if dir.is_dir() => {
                Ok(format!("local directory {} (read in place)", dir.display()))
            }
            Source::Local(dir) => Err(format!("no such directory {}", dir.display())),
            Source::Git { url, rev, cache } => sync_git(url, rev, cache),
        };
        match result {
            Ok(what) => println!("{}: {what}", package.name),
            Err(message) => {
                let _ = print_error(&mut stderr, &format!("package {}", package.name), &message);
                code = 2;
            }
        }
    }
    code
}

/// Brings `cache` to commit `rev` of `url`.
fn sync_git(url: &str, rev: &str, cache: &Path) -> Result<String, String> {
    if packages::cached_revision(cache).as_deref() == Some(rev) {
        return Ok(format!("up to date at {rev}"));
    }
    let parent = cache.parent().ok_or("the cache has no parent directory")?;
    std::fs::create_dir_all(parent)
        .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    // The cache is the machine's, never the repository's.
    if let Some(root) = parent.parent() {
        let ignore = root.join(".gitignore");
        if !ignore.exists() {
            let _ = std::fs::write(&ignore, "# copydesk's package cache (`copydesk sync`)\n*\n");
        }
    }
    let tmp = tempfile::Builder::new()
        .prefix(".sync-")
        .tempdir_in(parent)
        .map_err(|e| {
            format!(
                "cannot create a temporary directory in {}: {e}",
                parent.display()
            )
        })?;
    let dir = tmp.path();
    git(dir, &["init", "-q"])?;
    // A pinned commit is fetched alone when the server allows it (GitHub,
    // GitLab do); otherwise every branch and tag, and the commit checked out.
    if git(dir, &["fetch", "-q", "--depth", "1", url, rev]).is_err() {
        git(
            dir,
            &[
                "fetch",
                "-q",
                url,
                "+refs/heads/*:refs/remotes/origin/*",
                "+refs/tags/*:refs/tags/*",
            ],
        )
        .map_err(|e| format!("cannot fetch {url}: {e}"))?;
    }
    git(
        dir,
        &["-c", "advice.detachedHead=false", "checkout", "-q", rev],
    )
    .map_err(|e| format!("{url} has no commit {rev}: {e}"))?;
    let head = git(dir, &["rev-parse", "HEAD"])?;
    if head.trim() != rev {
        return Err(format!("{url}: checked out {} for {rev}", head.trim()));
    }
    std::fs::remove_dir_all(dir.join(".git"))
        .map_err(|e| format!("cannot tidy the checkout: {e}"))?;
    let mut count = 0;
    check_tree(dir, dir, &mut count)?;
    std::fs::write(dir.join(REVISION_FILE), format!("{rev}\n"))
        .map_err(|e| format!("cannot record the revision: {e}"))?;
    if cache.exists() {
        std::fs::remove_dir_all(cache)
            .map_err(|e| format!("cannot replace {}: {e}", cache.display()))?;
    }
    let kept: PathBuf = tmp.keep();
    std::fs::rename(&kept, cache).map_err(|e| {
        let _ = std::fs::remove_dir_all(&kept);
        format!("cannot move the package into {}: {e}", cache.display())
    })?;
    Ok(format!("synced {rev} from {url} ({count} rule files)"))
}

/// Refuses symbolic links anywhere in the package; counts rule files.
fn check_tree(root: &Path, dir: &Path, count: &mut usize) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| e.to_string())?;
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        if kind.is_symlink() {
            return Err(format!("refused: `{rel}` is a symbolic link"));
        }
        if kind.is_dir() {
            check_tree(root, &path, count)?;
        } else if rel.ends_with(".yaml") || rel.ends_with(".yml") {
            *count += 1;
        }
    }
    Ok(())
}
