//! `--format json`: one versioned JSON object, the contract in DESIGN.md.

use super::{Report, Run, WriteColorish};
use crate::diagnostic::Diagnostic;
use crate::document::LineIndex;
use serde::Serialize;
use std::io;

pub struct Json;

#[derive(Serialize)]
pub struct JsonOutput<'a> {
    pub version: u32,
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
    pub summary: JsonSummary,
}

#[derive(Serialize)]
pub struct JsonSummary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    pub path: &'a str,
    pub rule: &'a str,
    pub category: &'a str,
    pub severity: &'a str,
    pub message: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub labels: Vec<JsonLabel<'a>>,
    pub notes: &'a [String],
    pub fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
pub struct JsonLabel<'a> {
    pub message: &'a str,
    pub line: usize,
    pub column: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

#[derive(Serialize)]
pub struct JsonFix<'a> {
    pub byte_start: usize,
    pub byte_end: usize,
    pub replacement: &'a str,
}

/// Builds the JSON view of one diagnostic (shared by the line formats).
/// Indexes the whole text: for many diagnostics of one file, build a
/// `LineIndex` once and use `json_diagnostic_indexed`.
pub fn json_diagnostic<'a>(path: &'a str, text: &str, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    json_diagnostic_indexed(path, text, &LineIndex::new(text), d)
}

/// `json_diagnostic` with the file's line index built once, so a file
/// with many findings on one long line is still reported in linear time.
pub fn json_diagnostic_indexed<'a>(
    path: &'a str,
    text: &str,
    lines: &LineIndex,
    d: &'a Diagnostic,
) -> JsonDiagnostic<'a> {
    let line_col = |offset| lines.line_col(text, offset);
    let (line, column) = line_col(d.span.start);
    let (end_line, end_column) = line_col(d.span.end);
    JsonDiagnostic {
        path,
        rule: &d.rule,
        category: &d.category,
        severity: d.severity.as_str(),
        message: &d.message,
        line,
        column,
        end_line,
        end_column,
        byte_start: d.span.start,
        byte_end: d.span.end,
        labels: d
            .labels
            .iter()
            .map(|l| {
                let (line, column) = line_col(l.span.start);
                JsonLabel {
                    message: &l.message,
                    line,
                    column,
                    byte_start: l.span.start,
                    byte_end: l.span.end,
                }
            })
            .collect(),
        notes: &d.notes,
        fix: d.fix.as_ref().map(|f| JsonFix {
            byte_start: f.span.start,
            byte_end: f.span.end,
            replacement: &f.replacement,
        }),
    }
}

impl Report for Json {
    fn write(&self, run: &Run, out: &mut dyn WriteColorish) -> io::Result<()> {
        let s = run.summary();
        let mut diagnostics = Vec::new();
        for (f, text) in run.reports() {
            let lines = LineIndex::new(&text);
            diagnostics.extend(
                f.diagnostics
                    .iter()
                    .map(|d| json_diagnostic_indexed(&f.path, &text, &lines, d)),
            );
        }
        let output = JsonOutput {
            version: 1,
            diagnostics,
            summary: JsonSummary {
                files: s.files,
                errors: s.errors,
                warnings: s.warnings,
                infos: s.infos,
            },
        };
        serde_json::to_writer_pretty(&mut *out, &output).map_err(io::Error::other)?;
        writeln!(out)
    }
}
