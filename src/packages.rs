//! Rule packages: house styles shared by many repositories, named in
//! `.copydesk.yaml` under `packages:`. A package is a local directory
//! (read in place) or a git repository pinned to a commit, which
//! `copydesk sync` fetches into `.copydesk/packages/NAME` beside the
//! config. Runs never fetch: they read the cache, and a package missing
//! from it (or synced at another commit) is a located error that says to
//! run `copydesk sync`. A package's rules load like the `rules:`
//! directories', so an id clash names both files.

use crate::rules::{LoadError, YamlSource};
use std::path::{Path, PathBuf};

/// The cache directory, relative to the config file's directory.
pub const CACHE_DIR: &str = ".copydesk/packages";
/// The file in a synced package recording the commit it holds.
pub const REVISION_FILE: &str = ".copydesk-revision";

/// One entry of `packages:`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Package {
    /// The package's name: its cache directory (letters, digits, `.`, `_`, `-`).
    pub name: String,
    /// A local directory of rule files, relative to the config file.
    #[serde(default)]
    pub path: Option<String>,
    /// A git repository URL (`https://…`, `ssh://…`, `file://…`).
    #[serde(default)]
    pub git: Option<String>,
    /// The full commit id the git package is pinned to.
    #[serde(default)]
    pub rev: Option<String>,
    /// The directory inside the package that holds the rule files.
    #[serde(default)]
    pub dir: Option<String>,
}

/// Where a package comes from, once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Read in place.
    Local(PathBuf),
    /// Fetched by `copydesk sync` into `cache`.
    Git {
        /// The repository URL.
        url: String,
        /// The pinned commit.
        rev: String,
        /// The package's cache directory.
        cache: PathBuf,
    },
}

/// A checked package: its name, source and where its rules are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The package's name.
    pub name: String,
    /// Where it comes from.
    pub source: Source,
    /// The directory its rule files are read from.
    pub rules: PathBuf,
}

/// Checks every package entry (`config` is the config file's text, for
/// located errors; `base` its directory).
pub fn resolve(
    packages: &[Package],
    base: &Path,
    config: &YamlSource,
) -> Result<Vec<Resolved>, Vec<LoadError>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, p) in packages.iter().enumerate() {
        let err = |message: String| config.error_span(span_of(config, &p.name), message);
        if p.name.is_empty()
            || p.name.starts_with('.')
            || !p
                .name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        {
            errors.push(err(format!(
                "package name `{}` must be letters, digits, `.`, `_` or `-` (it names a directory)",
                p.name
            )));
            continue;
        }
        if packages[..i].iter().any(|q| q.name == p.name) {
            errors.push(err(format!("two packages are named `{}`", p.name)));
            continue;
        }
        let inner = p.dir.as_deref().unwrap_or("");
        if inner.split(['/', '\\']).any(|c| c == "..") || Path::new(inner).is_absolute() {
            errors.push(err(format!(
                "package `{}`: `dir` must stay inside the package",
                p.name
            )));
            continue;
        }
        let source = match (&p.path, &p.git, &p.rev) {
            (Some(path), None, None) => Source::Local(base.join(path)),
            (None, Some(url), Some(rev)) if is_commit(rev) => Source::Git {
                url: url.clone(),
                rev: rev.to_ascii_lowercase(),
                cache: base.join(CACHE_DIR).join(&p.name),
            },
            (None, Some(_), _) => {
                errors.push(err(format!(
                    "package `{}`: `git` needs `rev`, the full commit id to pin (a branch or tag can move)",
                    p.name
                )));
                continue;
            }
            _ => {
                errors.push(err(format!(
                    "package `{}` needs exactly one source: `path` (a directory) or `git` with `rev`",
                    p.name
                )));
                continue;
            }
        };
        let root = match &source {
            Source::Local(dir) => dir.clone(),
            Source::Git { cache, .. } => cache.clone(),
        };
        out.push(Resolved {
            name: p.name.clone(),
            rules: root.join(inner),
            source,
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The rule directories of the packages, as a run reads them: a git
/// package must be in the cache at its pinned commit.
pub fn rule_dirs(
    packages: &[Package],
    base: &Path,
    config: &YamlSource,
) -> Result<Vec<PathBuf>, Vec<LoadError>> {
    let resolved = resolve(packages, base, config)?;
    let mut errors = Vec::new();
    for r in &resolved {
        if let Source::Git { rev, cache, .. } = &r.source {
            let at = span_of(config, &r.name);
            match cached_revision(cache) {
                Some(have) if have == *rev => {}
                Some(have) => errors.push(config.error_span(
                    at,
                    format!(
                        "package `{}` is synced at {have}, not the pinned {rev}; run `copydesk sync`",
                        r.name
                    ),
                )),
                None => errors.push(config.error_span(
                    at,
                    format!(
                        "package `{}` is not in the cache ({}); run `copydesk sync`",
                        r.name,
                        cache.display()
                    ),
                )),
            }
        }
    }
    if errors.is_empty() {
        Ok(resolved.into_iter().map(|r| r.rules).collect())
    } else {
        Err(errors)
    }
}

/// The commit a synced package holds, from its revision file.
pub fn cached_revision(cache: &Path) -> Option<String> {
    let text = std::fs::read_to_string(cache.join(REVISION_FILE)).ok()?;
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

/// A full SHA-1 or SHA-256 commit id.
fn is_commit(rev: &str) -> bool {
    matches!(rev.len(), 40 | 64) && rev.chars().all(|c| c.is_ascii_hexdigit())
}

/// The span of `name: NAME` in the config text (the start of the file
/// when it cannot be found).
fn span_of(config: &YamlSource, name: &str) -> std::ops::Range<usize> {
    let text = &config.text;
    ["name: ", "name: \"", "name: '"]
        .iter()
        .find_map(|prefix| {
            let needle = format!("{prefix}{name}");
            text.find(&needle).map(|at| {
                let start = at + prefix.len();
                start..start + name.len()
            })
        })
        .unwrap_or(0..0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(name: &str) -> Package {
        Package {
            name: name.into(),
            path: None,
            git: Some("file:///x".into()),
            rev: Some("a".repeat(40)),
            dir: None,
        }
    }

    #[test]
    fn bad_entries_are_located_errors() {
        let text = "packages:\n  - name: ../up\n  - name: house\n    git: x\n";
        let src = YamlSource::new("c.yaml", text);
        let mut unpinned = package("house");
        unpinned.rev = Some("main".into());
        let errs = resolve(&[package("../up"), unpinned], Path::new("."), &src).unwrap_err();
        assert_eq!(errs.len(), 2);
        assert!(errs[0].message.contains("must be letters"));
        assert_eq!(&text[errs[1].span.clone()], "house");
        assert!(errs[1].message.contains("full commit id"));
        let mut escape = package("ok");
        escape.dir = Some("../../etc".into());
        assert!(resolve(&[escape], Path::new("."), &src).is_err());
    }

    #[test]
    fn a_missing_cache_says_to_sync() {
        let dir = tempfile::tempdir().expect("tempdir");
        let src = YamlSource::new("c.yaml", "packages:\n  - name: house\n");
        let errs = rule_dirs(&[package("house")], dir.path(), &src).unwrap_err();
        assert!(
            errs[0].message.contains("run `copydesk sync`"),
            "{}",
            errs[0].message
        );
    }
}
