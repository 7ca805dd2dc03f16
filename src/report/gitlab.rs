//! `--format gitlab`: a GitLab Code Quality report (a JSON array of issues
//! with `description`, `check_name`, `fingerprint`, `severity` and a
//! location), shown in merge-request widgets when a job publishes it as
//! the `codequality` artifact.

use super::json::write_indented;
use super::{fingerprints, FileReport, Report, Run, WriteColorish};
use crate::diagnostic::Severity;
use serde_json::json;
use std::io;

/// GitLab Code Quality JSON.
pub struct Gitlab;

impl Report for Gitlab {
    // A pretty-printed JSON array of issues, written a file at a time
    // (see `Json` for why the pieces equal the whole).
    fn begin(&self, _run: &Run, out: &mut dyn WriteColorish) -> io::Result<()> {
        write!(out, "[")
    }

    fn file(&self, _run: &Run, file: &FileReport, out: &mut dyn WriteColorish) -> io::Result<()> {
        for (i, (d, fingerprint)) in file.diagnostics.iter().zip(fingerprints(file)).enumerate() {
            {
                let (begin, begin_column) = file.line_col(d.span.start);
                let (end, end_column) = file.line_col(d.span.end);
                let issue = json!({
                    "description": d.message,
                    "check_name": d.rule,
                    "fingerprint": fingerprint,
                    // GitLab's scale is info < minor < major < critical < blocker.
                    "severity": match d.severity {
                        Severity::Error => "major",
                        Severity::Warning => "minor",
                        Severity::Info => "info",
                    },
                    // Fact errors are the report's bugs; the rest is style.
                    "categories": [match d.category.as_str() {
                        "place" | "quote" | "attribution" => "Bug Risk",
                        _ => "Style",
                    }],
                    // `lines` for GitLab's widget; `positions` (1-based
                    // char columns, end exclusive) for tools that mark
                    // the words themselves.
                    "location": {
                        "path": file.path,
                        "lines": {"begin": begin, "end": end},
                        "positions": {
                            "begin": {"line": begin, "column": begin_column},
                            "end": {"line": end, "column": end_column},
                        },
                    },
                });
                if i > 0 {
                    write!(out, ",")?;
                }
                write!(out, "\n  ")?;
                write_indented(out, &issue, "\n  ")?;
            }
        }
        Ok(())
    }

    fn separator(&self) -> &'static [u8] {
        b","
    }

    fn end(&self, _run: &Run, any: bool, out: &mut dyn WriteColorish) -> io::Result<()> {
        writeln!(out, "{}]", if any { "\n" } else { "" })
    }
}
