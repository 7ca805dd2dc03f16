//! Which files a `check` run lints, how they are read, and which config
//! governs each. An error on one file is reported and the run goes on.

use copydesk::config::{self, LoadedConfig};
use copydesk::engine::{self, FileError, DEFAULT_EXTENSIONS};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where a draft comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin { name: PathBuf },
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => display_path(p),
            Input::Stdin { name } => display_path(name),
        }
    }

    /// The path config discovery and the format start from.
    pub fn path(&self) -> &Path {
        match self {
            Input::File(p) | Input::Stdin { name: p } => p,
        }
    }
}

/// Paths as the user will recognise them: `./a.md` shown as `a.md`.
pub fn display_path(p: &Path) -> String {
    let s = p.display().to_string();
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Expands the command-line paths into inputs; a directory is walked
/// honouring .gitignore, following symbolic links only with `follow` (as
/// ripgrep does); an explicit file is linted whatever its extension.
pub fn collect(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
    forced: Option<&LoadedConfig>,
    follow: bool,
) -> (Vec<Input>, Vec<FileError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut filters = FilterCache::default();
    for path in paths {
        if path.as_os_str() == "-" {
            let name = stdin_name.map_or_else(|| PathBuf::from("<stdin>"), Path::to_path_buf);
            inputs.push(Input::Stdin { name });
        } else if path.is_dir() {
            let before = inputs.len();
            walk(path, forced, follow, &mut filters, &mut inputs, &mut errors);
            if inputs.len() == before {
                errors.push(FileError {
                    path: display_path(path),
                    message: "no lintable files here (extensions: .md, .markdown, .txt or the config's `extensions`)".into(),
                });
            }
        } else if path.exists() || path.symlink_metadata().is_ok() {
            // A dangling or looping link is linted too, so reading it
            // reports the real reason ("too many levels of symbolic links").
            inputs.push(Input::File(path.clone()));
        } else {
            errors.push(FileError {
                path: display_path(path),
                message: "no such file or directory".into(),
            });
        }
    }
    // A file named twice (`a.md ./a.md`, a file and its directory, two
    // links to one file) is linted once, under the first name it came by:
    // two fixes of one file at once would race.
    let mut seen = std::collections::HashSet::new();
    inputs.retain(|input| match input {
        Input::File(p) => seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())),
        Input::Stdin { .. } => true,
    });
    (inputs, errors)
}

/// Regular files only: a link is skipped unless `follow` (the walker then
/// reports loops), and a FIFO, socket or device is always skipped.
fn walk(
    dir: &Path,
    forced: Option<&LoadedConfig>,
    follow: bool,
    filters: &mut FilterCache,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<FileError>,
) {
    let mut found = Vec::new();
    for entry in ignore::WalkBuilder::new(dir).follow_links(follow).build() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(FileError {
                    path: display_path(dir),
                    message: e.to_string(),
                });
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        if filters.accepts(path, forced) {
            found.push(path.to_path_buf());
        }
    }
    // Sorted, so a file links reach twice is named by its first path
    // (`collect` keeps one of each file).
    found.sort();
    inputs.extend(found.into_iter().map(Input::File));
}

/// A config's file filter: extensions to lint and globs to skip.
struct Filter {
    extensions: Vec<String>,
    excludes: GlobSet,
    base: PathBuf,
}

impl Filter {
    fn of(config: Option<&LoadedConfig>) -> Self {
        let Some(c) = config else {
            return Filter {
                extensions: Vec::new(),
                excludes: GlobSet::empty(),
                base: PathBuf::from("."),
            };
        };
        let mut builder = GlobSetBuilder::new();
        for pattern in &c.config.exclude {
            if let Ok(glob) = Glob::new(pattern) {
                builder.add(glob);
            }
        }
        Filter {
            extensions: c.config.extensions.clone(),
            excludes: builder.build().unwrap_or_else(|_| GlobSet::empty()),
            base: c.base_dir(),
        }
    }

    fn accepts(&self, path: &Path) -> bool {
        let ext_ok = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            if self.extensions.is_empty() {
                DEFAULT_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e))
            } else {
                self.extensions
                    .iter()
                    .any(|x| x.trim_start_matches('.').eq_ignore_ascii_case(e))
            }
        });
        let rel = path.strip_prefix(&self.base).unwrap_or(path);
        let rel = rel.strip_prefix("./").unwrap_or(rel);
        ext_ok && !self.excludes.is_match(rel)
    }
}

/// Filters per config file, built once; a broken config is reported when
/// the file is linted, and filters nothing here.
#[derive(Default)]
struct FilterCache {
    by_config: HashMap<Option<PathBuf>, Filter>,
}

impl FilterCache {
    fn accepts(&mut self, path: &Path, forced: Option<&LoadedConfig>) -> bool {
        let config_path = match forced {
            Some(c) => c.path.clone(),
            None => path.parent().and_then(config::discover),
        };
        self.by_config
            .entry(config_path.clone())
            .or_insert_with(|| match forced {
                Some(c) => Filter::of(Some(c)),
                None => {
                    let loaded = config_path
                        .as_deref()
                        .and_then(|p| LoadedConfig::load(p).ok());
                    Filter::of(loaded.as_ref())
                }
            })
            .accepts(path)
    }
}

/// Reads a draft: refuses what is too large, binary (NUL bytes) or not
/// UTF-8, naming the byte offset (the checks are the engine's).
pub fn read(input: &Input, max_size: u64) -> Result<String, String> {
    match input {
        Input::Stdin { .. } => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(
                &mut std::io::Read::take(std::io::stdin(), max_size + 1),
                &mut buf,
            )
            .map_err(|e| format!("cannot read stdin: {e}"))?;
            engine::decode(buf, max_size)
        }
        Input::File(path) => engine::read_file(path, max_size).map_err(|e| e.message),
    }
}
