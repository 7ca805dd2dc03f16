//! Which files a `check` run lints, how they are read, and which config
//! governs each. An error on one file is reported and the run goes on.

use crate::config::{self, LoadedConfig};
use crate::report::FileError;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const DEFAULT_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];
/// Files above this size are refused unless the config raises it.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 100 * 1024 * 1024;

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
/// UTF-8, naming the byte offset.
pub fn read(input: &Input, max_size: u64) -> Result<String, String> {
    let bytes = match input {
        Input::Stdin { .. } => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(
                &mut std::io::Read::take(std::io::stdin(), max_size + 1),
                &mut buf,
            )
            .map_err(|e| format!("cannot read stdin: {e}"))?;
            buf
        }
        Input::File(path) => {
            let meta = std::fs::metadata(path).map_err(|e| io_message(&e))?;
            // Reading a FIFO waits for a writer, and a device never ends.
            if !meta.is_file() {
                return Err(format!(
                    "not a regular file ({}); not read (pipe text in with `-` instead)",
                    kind_of(&meta.file_type())
                ));
            }
            if meta.len() > max_size {
                return Err(format!("file is {} bytes, above the limit of {max_size} (raise `max-file-size` in .copydesk.yaml)", meta.len()));
            }
            std::fs::read(path).map_err(|e| io_message(&e))?
        }
    };
    if bytes.len() as u64 > max_size {
        return Err(format!("input is above the limit of {max_size} bytes (raise `max-file-size` in .copydesk.yaml)"));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = position(&bytes, at);
        return Err(format!(
            "binary file (NUL byte at line {line}, column {column}, byte offset {at}); not linted"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let (line, column) = position(e.as_bytes(), at);
        format!("invalid UTF-8 at line {line}, column {column} (byte offset {at}); save the file as UTF-8")
    })
}

/// 1-based line and char column of byte `at`, counting only the valid
/// UTF-8 before it (callers pass the first bad offset).
fn position(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = String::from_utf8_lossy(&bytes[..at.min(bytes.len())]);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before[..line_start].matches('\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// What a non-regular file is, for the error that refuses it.
fn kind_of(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
