//! Reports turn a run's diagnostics into output; they never look at the
//! text beyond the spans they are given. One module per `--format`.

mod checkstyle;
mod excerpt;
mod fingerprint;
mod github;
mod gitlab;
mod human;
mod json;
mod jsonl;
mod rdjsonl;
mod sarif;

pub use checkstyle::Checkstyle;
pub use fingerprint::fingerprints;
pub use github::Github;
pub use gitlab::Gitlab;
pub use human::{render_load_errors, Human};
pub use json::{json_diagnostic, json_diagnostic_indexed, Json};
pub use jsonl::Jsonl;
pub use rdjsonl::Rdjsonl;
pub use sarif::Sarif;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::LineIndex;
use crate::rules::Rule;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::hash::Hasher;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

/// One linted file: its path as given, its text, its diagnostics.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: String,
    /// Empty when `reread` says where to read it again.
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    pub reread: Option<Reread>,
}

/// A file on disk whose text was dropped after linting and is read again
/// when its report is written: a run over thousands of files with findings
/// would otherwise hold every text to the end (116 MB for 10,000 files).
#[derive(Debug, Clone)]
pub struct Reread {
    pub path: PathBuf,
    /// `text_hash` of the text that was linted.
    pub hash: u64,
}

impl Reread {
    fn text(&self) -> Result<String, String> {
        let text = std::fs::read_to_string(&self.path)
            .map_err(|e| format!("cannot read it again to report its findings: {e}"))?;
        if text_hash(&text) == self.hash {
            Ok(text)
        } else {
            Err("changed while it was being linted; its findings are not shown, run again".into())
        }
    }
}

/// A fast hash of a file's text, to tell whether it changed.
pub fn text_hash(text: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(text.as_bytes());
    h.write_usize(text.len());
    h.finish()
}

/// A file that could not be linted (missing, unreadable, not UTF-8 …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

/// What a report may say about a rule besides its id: SARIF's rule
/// metadata, help links. Copied from the rule so reports need no `Rule`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleMeta {
    pub id: String,
    pub kind: String,
    pub category: String,
    /// The rule's own severity, before config overrides.
    pub severity: Severity,
    /// The description in its "What it flags / Why / How to fix" sections.
    pub description: String,
    pub link: Option<String>,
}

impl RuleMeta {
    pub fn of(rule: &Rule) -> Self {
        RuleMeta {
            id: rule.id.clone(),
            kind: rule.kind.to_string(),
            category: rule.category.as_str().to_string(),
            severity: rule.severity,
            description: rule.description.trim_end().to_string(),
            link: rule.link.clone(),
        }
    }

    /// The "What it flags" section as one line (the whole description
    /// when it has no sections).
    pub fn summary(&self) -> String {
        let text = self.description.as_str();
        let what = match text.find("What it flags:") {
            Some(at) => &text[at + "What it flags:".len()..],
            None => text,
        };
        let end = what.find("\nWhy:").unwrap_or(what.len());
        let line = what[..end].split_whitespace().collect::<Vec<_>>().join(" ");
        let mut chars = line.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => self.id.clone(),
        }
    }
}

/// Everything one `copydesk check` found, files in path order.
#[derive(Debug, Default)]
pub struct Run {
    pub files: Vec<FileReport>,
    pub errors: Vec<FileError>,
    /// Metadata of every rule in force, by id.
    pub rules: BTreeMap<String, RuleMeta>,
    /// How many fixes `--fix` applied (the diagnostics are what remains).
    pub fixed: usize,
    /// Files whose text could not be read again while reporting.
    pub late_errors: Mutex<Vec<FileError>>,
}

/// Counts for the summary line and the JSON `summary`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Run {
    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            files: self.files.len(),
            ..Summary::default()
        };
        for d in self.files.iter().flat_map(|f| &f.diagnostics) {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }

    /// The files in order with their texts, each read again from disk
    /// (one at a time) when it was dropped after linting. A file that
    /// cannot be is left out and recorded in `late_errors`.
    pub fn reports(&self) -> impl Iterator<Item = (&FileReport, Cow<'_, str>)> {
        self.files.iter().filter_map(|file| {
            let Some(reread) = &file.reread else {
                return Some((file, Cow::Borrowed(file.text.as_str())));
            };
            match reread.text() {
                Ok(text) => Some((file, Cow::Owned(text))),
                Err(message) => {
                    let mut late = self
                        .late_errors
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner);
                    late.push(FileError {
                        path: file.path.clone(),
                        message,
                    });
                    None
                }
            }
        })
    }

    /// Whether any diagnostic reaches `level`.
    pub fn reaches(&self, level: Severity) -> bool {
        self.files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .any(|d| d.severity >= level)
    }
}

/// An output format. Reports see spans, line/column positions and rule
/// metadata; they never inspect the text beyond the spans they are given.
pub trait Report {
    fn write(&self, run: &Run, out: &mut dyn WriteColorish) -> io::Result<()>;
}

/// A writer that may or may not do colour (termcolor's `WriteColor`).
pub use codespan_reporting::term::termcolor::WriteColor as WriteColorish;

/// Line and column lookups into one file's text with its lines indexed
/// once: the free functions below scan the text from its start on every
/// call, which made a file with many findings cost quadratic time.
pub struct Positions<'a> {
    text: &'a str,
    lines: LineIndex,
}

impl<'a> Positions<'a> {
    pub fn new(text: &'a str) -> Self {
        Positions {
            text,
            lines: LineIndex::new(text),
        }
    }

    /// 1-based line and char column of `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(self.text, offset)
    }

    /// 1-based line and 1-based UTF-8 byte column of `offset`.
    pub fn line_byte_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.lines.line_of(offset);
        let start = self.lines.line_start(line).unwrap_or(0);
        (line + 1, offset - start + 1)
    }
}

/// 1-based line and char column of `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..line_start].matches('\n').count() + 1;
    let col = text
        .get(line_start..offset)
        .map_or(0, |s| s.chars().count())
        + 1;
    (line, col)
}

/// 1-based line and 1-based UTF-8 byte column of `offset` (reviewdog
/// counts columns in bytes).
pub fn line_byte_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..line_start].matches('\n').count() + 1;
    (line, offset - line_start + 1)
}

/// Writes a line to `out`, treating a closed pipe as success.
pub fn write_quietly(out: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
    match out.write_all(bytes) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::{text_hash, FileReport, Json, Report, Reread, Run};
    use crate::diagnostic::{Diagnostic, Severity};
    use codespan_reporting::term::termcolor::NoColor;

    fn run_over(path: &std::path::Path, linted: &str) -> Run {
        let diagnostic = Diagnostic {
            rule: "r".into(),
            category: "style".into(),
            severity: Severity::Warning,
            message: "m".into(),
            span: 6..11,
            labels: vec![],
            notes: vec![],
            fix: None,
        };
        Run {
            files: vec![FileReport {
                path: "a.txt".into(),
                text: String::new(),
                diagnostics: vec![diagnostic],
                reread: Some(Reread {
                    path: path.to_path_buf(),
                    hash: text_hash(linted),
                }),
            }],
            ..Run::default()
        }
    }

    fn json(run: &Run) -> String {
        let mut out = NoColor::new(Vec::new());
        Json.write(run, &mut out).unwrap();
        String::from_utf8(out.into_inner()).unwrap()
    }

    /// The JSON report of a file linted as `linted` and found on disk as
    /// `on_disk` when the report is written.
    fn reported(on_disk: &str, linted: &str) -> (Run, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, on_disk).unwrap();
        let run = run_over(&path, linted);
        let out = json(&run);
        (run, out)
    }

    #[test]
    fn a_dropped_text_is_read_again_for_the_report() {
        let (run, out) = reported("first\nsecond line", "first\nsecond line");
        assert!(
            out.contains("\"line\": 2") && out.contains("\"column\": 1"),
            "{out}"
        );
        assert!(run.late_errors.lock().unwrap().is_empty());
    }

    #[test]
    fn a_file_changed_since_linting_is_an_error_not_wrong_positions() {
        let (run, out) = reported("edited meanwhile", "first\nsecond line");
        assert!(!out.contains("\"rule\": \"r\""), "{out}");
        let errors = run.late_errors.lock().unwrap();
        assert_eq!(errors.len(), 1);
        assert!(errors[0]
            .message
            .contains("changed while it was being linted"));
    }
}
