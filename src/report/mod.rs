//! Reports turn a run's diagnostics into output; they never look at the
//! text beyond the spans they are given. One module per `--format`.

mod checkstyle;
mod excerpt;
mod fingerprint;
mod github;
mod github_summary;
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
pub use json::{json_diagnostic, Json};
pub use jsonl::Jsonl;
pub use rdjsonl::Rdjsonl;
pub use sarif::{Sarif, VersionControl};

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{LineIndex, Position};
use crate::rules::Rule;
use std::collections::BTreeMap;
use std::io::{self, Write};

pub use crate::engine::FileError;

/// One linted file as a report sees it: its path as given, the text that
/// was linted with its line index (built once, when the text was parsed),
/// and its diagnostics. Borrowed from the engine's `Linted`, so a report
/// never reads a file and never sees a text other than the one linted.
#[derive(Debug, Clone, Copy)]
pub struct FileReport<'a> {
    /// The file's path as given.
    pub path: &'a str,
    /// The text that was linted (never re-read from disk).
    pub text: &'a str,
    /// Its line index, built once by the document.
    pub lines: &'a LineIndex,
    /// What was found, in document order.
    pub diagnostics: &'a [Diagnostic],
}

impl<'a> FileReport<'a> {
    /// The report of an engine result.
    pub fn of(path: &'a str, linted: &'a crate::engine::Linted) -> Self {
        FileReport {
            path,
            text: linted.text(),
            lines: linted.lines(),
            diagnostics: &linted.diagnostics,
        }
    }

    /// Every coordinate of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(self.text, offset)
    }

    /// 1-based line and char column of `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let p = self.position(offset);
        (p.line, p.column)
    }

    /// 1-based line and 1-based UTF-8 byte column of `offset`.
    pub fn line_byte_col(&self, offset: usize) -> (usize, usize) {
        let p = self.position(offset);
        (p.line, p.byte_column)
    }
}

/// What a report may say about a rule besides its id: SARIF's rule
/// metadata, help links. Copied from the rule so reports need no `Rule`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleMeta {
    /// The rule's id.
    pub id: String,
    /// The check kind it extends.
    pub kind: String,
    /// Its category.
    pub category: String,
    /// The rule's own severity, before config overrides.
    pub severity: Severity,
    /// The description in its "What it flags / Why / How to fix" sections.
    pub description: String,
    /// What it flags, as one line.
    pub summary: String,
    /// A page with more about the rule.
    pub link: Option<String>,
}

impl RuleMeta {
    /// The metadata of a loaded rule.
    pub fn of(rule: &Rule) -> Self {
        RuleMeta {
            id: rule.id.clone(),
            kind: rule.kind.to_string(),
            category: rule.category.as_str().to_string(),
            severity: rule.severity,
            description: rule.description.text(),
            summary: rule.description.summary(),
            link: rule.link.clone(),
        }
    }
}

/// What a run says around its files: the rules in force (known before
/// any file is linted) and, at the end, the counts, fixes and file errors.
#[derive(Debug, Default)]
pub struct Run {
    /// Metadata of every rule in force, by id.
    pub rules: BTreeMap<String, RuleMeta>,
    /// Counts over every file reported so far.
    pub summary: Summary,
    /// How many fixes `--fix` applied (the diagnostics are what remains).
    pub fixed: usize,
    /// Files that could not be linted.
    pub errors: Vec<FileError>,
}

/// Counts for the summary line and the JSON `summary`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files linted.
    pub files: usize,
    /// Diagnostics at error.
    pub errors: usize,
    /// Diagnostics at warning.
    pub warnings: usize,
    /// Diagnostics at info.
    pub infos: usize,
}

impl Summary {
    /// Adds one file and its diagnostics.
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.files += 1;
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// An output format, written in three steps so a run holds no more than
/// the files in flight: `begin` before any file, `file` for each file as
/// soon as it and every file before it are linted (rendered into a
/// buffer on the worker thread, while the text is still in memory), and
/// `end` once with the counts. Reports see spans, positions and rule
/// metadata; they never read a file.
pub trait Report: Sync {
    /// Written once, before any file.
    fn begin(&self, _run: &Run, _out: &mut dyn WriteColorish) -> io::Result<()> {
        Ok(())
    }

    /// One file's part (empty for a file with nothing to say).
    fn file(&self, run: &Run, file: &FileReport, out: &mut dyn WriteColorish) -> io::Result<()>;

    /// Written between two parts that are not empty (`,` in JSON arrays).
    fn separator(&self) -> &'static [u8] {
        b""
    }

    /// Written once, after every file; `any` says whether any file wrote a part.
    fn end(&self, _run: &Run, _any: bool, _out: &mut dyn WriteColorish) -> io::Result<()> {
        Ok(())
    }

    /// One file's part of a second document written beside the report
    /// (GitHub's job summary), rendered on the worker like `file`;
    /// `None` when the format has no such document.
    fn aside(&self, _run: &Run, _file: &FileReport) -> Option<Vec<u8>> {
        None
    }

    /// The second document, from every file's `aside` in input order.
    fn aside_end(&self, _run: &Run, _parts: &[u8]) -> Option<String> {
        None
    }
}

/// A writer that may or may not do colour (termcolor's `WriteColor`).
pub use codespan_reporting::term::termcolor::WriteColor as WriteColorish;

/// A whole run written to one buffer at once, for tests and the library:
/// `files` are reported in order between `begin` and `end`.
pub fn write_all(
    format: &dyn Report,
    run: &mut Run,
    files: &[FileReport],
    out: &mut dyn WriteColorish,
) -> io::Result<()> {
    for f in files {
        run.summary.add(f.diagnostics);
    }
    format.begin(run, out)?;
    let mut any = false;
    for f in files {
        let mut part = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
        format.file(run, f, &mut part)?;
        let part = part.into_inner();
        if part.is_empty() {
            continue;
        }
        if any {
            out.write_all(format.separator())?;
        }
        any = true;
        out.write_all(&part)?;
    }
    format.end(run, any, out)
}

/// Writes a line to `out`, treating a closed pipe as success.
pub fn write_quietly(out: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
    match out.write_all(bytes) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
