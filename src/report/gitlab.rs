//! `--format gitlab`: a GitLab Code Quality report (a JSON array of issues
//! with `description`, `check_name`, `fingerprint`, `severity` and a
//! location), shown in merge-request widgets when a job publishes it as
//! the `codequality` artifact.

use super::{fingerprints, Positions, Report, Run, WriteColorish};
use crate::diagnostic::Severity;
use serde_json::{json, Value};
use std::io;

pub struct Gitlab;

impl Report for Gitlab {
    fn write(&self, run: &Run, out: &mut dyn WriteColorish) -> io::Result<()> {
        let mut issues: Vec<Value> = Vec::new();
        for (file, text) in run.reports() {
            let positions = Positions::new(&text);
            for (d, fingerprint) in file.diagnostics.iter().zip(fingerprints(file, &text)) {
                let (begin, _) = positions.line_col(d.span.start);
                let (end, _) = positions.line_col(d.span.end);
                issues.push(json!({
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
                    "location": {"path": file.path, "lines": {"begin": begin, "end": end}},
                }));
            }
        }
        serde_json::to_writer_pretty(&mut *out, &issues).map_err(io::Error::other)?;
        writeln!(out)
    }
}
