//! `--format json`: one versioned JSON object, the contract in DESIGN.md.

use super::{FileReport, Report, Run, WriteColorish};
use crate::diagnostic::Diagnostic;
use serde::Serialize;
use std::io;

/// One JSON document for the run (the contract in DESIGN.md).
pub struct Json;

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

/// Builds the JSON view of one diagnostic (shared by the line formats),
/// with positions from the file's line index.
pub fn json_diagnostic<'a>(file: &FileReport<'a>, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let path = file.path;
    let line_col = |offset| file.line_col(offset);
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
    // The output is one pretty-printed object (`version`, `diagnostics`,
    // `summary`), written in pieces:
    // serde_json indents by depth, so a diagnostic pretty-printed alone and
    // indented by two levels is byte for byte what the whole would hold.
    fn begin(&self, _run: &Run, out: &mut dyn WriteColorish) -> io::Result<()> {
        write!(out, "{{\n  \"version\": 1,\n  \"diagnostics\": [")
    }

    fn file(&self, _run: &Run, file: &FileReport, out: &mut dyn WriteColorish) -> io::Result<()> {
        for (i, d) in file.diagnostics.iter().enumerate() {
            if i > 0 {
                write!(out, ",")?;
            }
            write!(out, "\n    ")?;
            write_indented(out, &json_diagnostic(file, d), "\n    ")?;
        }
        Ok(())
    }

    fn separator(&self) -> &'static [u8] {
        b","
    }

    fn end(&self, run: &Run, any: bool, out: &mut dyn WriteColorish) -> io::Result<()> {
        let s = run.summary;
        if any {
            write!(out, "\n  ")?;
        }
        write!(out, "],\n  \"summary\": ")?;
        let summary = JsonSummary {
            files: s.files,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
        };
        write_indented(out, &summary, "\n  ")?;
        writeln!(out, "\n}}")
    }
}

/// `value` pretty-printed with every line break followed by `indent`.
pub(super) fn write_indented(
    out: &mut dyn WriteColorish,
    value: &impl Serialize,
    indent: &str,
) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    // JSON strings escape their line breaks, so every raw one is layout.
    out.write_all(text.replace('\n', indent).as_bytes())
}
