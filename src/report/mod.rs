//! Reports turn a run's diagnostics into output; they never look at the
//! text beyond the spans they are given. One module per `--format`.

mod excerpt;
mod human;
mod json;

pub use human::{render_load_errors, Human};
pub use json::{json_diagnostic, Json};

use crate::diagnostic::{Diagnostic, Severity};
use std::io::{self, Write};

/// One linted file: its path as given, its text, its diagnostics.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// A file that could not be linted (missing, unreadable, not UTF-8 …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

/// Everything one `copydesk check` found, files in path order.
#[derive(Debug, Clone, Default)]
pub struct Run {
    pub files: Vec<FileReport>,
    pub errors: Vec<FileError>,
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

    /// Whether any diagnostic reaches `level`.
    pub fn reaches(&self, level: Severity) -> bool {
        self.files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .any(|d| d.severity >= level)
    }
}

/// An output format.
pub trait Report {
    fn write(&self, run: &Run, out: &mut dyn WriteColorish) -> io::Result<()>;
}

/// A writer that may or may not do colour (termcolor's `WriteColor`).
pub use codespan_reporting::term::termcolor::WriteColor as WriteColorish;

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

/// Writes a line to `out`, treating a closed pipe as success.
pub fn write_quietly(out: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
    match out.write_all(bytes) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
