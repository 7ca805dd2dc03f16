//! `--format rdjsonl`: reviewdog's Diagnostic Format as JSON lines, for
//! `reviewdog -f=rdjsonl`. Columns are 1-based UTF-8 byte counts and range
//! ends exclusive, as that format specifies; fixes become suggestions.

use super::{FileReport, Report, Run, WriteColorish};
use crate::diagnostic::Severity;
use serde_json::{json, Map, Value};
use std::io;
use std::ops::Range;

/// reviewdog's rdjsonl (one diagnostic a line).
pub struct Rdjsonl;

fn range(file: &FileReport, span: &Range<usize>) -> Value {
    let (line, column) = file.line_byte_col(span.start);
    let (end_line, end_column) = file.line_byte_col(span.end);
    json!({
        "start": {"line": line, "column": column},
        "end": {"line": end_line, "column": end_column},
    })
}

impl Report for Rdjsonl {
    fn file(&self, run: &Run, file: &FileReport, out: &mut dyn WriteColorish) -> io::Result<()> {
        {
            for d in file.diagnostics {
                let mut message = d.message.clone();
                for note in &d.notes {
                    message.push_str(&format!("\nnote: {note}"));
                }
                let mut code = Map::new();
                code.insert("value".into(), json!(d.rule));
                if let Some(link) = run.rules.get(&d.rule).and_then(|m| m.link.as_ref()) {
                    code.insert("url".into(), json!(link));
                }
                let mut diagnostic = json!({
                    "message": message,
                    "location": {"path": file.path, "range": range(file, &d.span)},
                    "severity": match d.severity {
                        Severity::Error => "ERROR",
                        Severity::Warning => "WARNING",
                        Severity::Info => "INFO",
                    },
                    "source": {"name": "copydesk"},
                    "code": code,
                });
                if let (Some(fix), Some(map)) = (&d.fix, diagnostic.as_object_mut()) {
                    map.insert(
                        "suggestions".into(),
                        json!([{"range": range(file, &fix.span), "text": fix.replacement}]),
                    );
                }
                serde_json::to_writer(&mut *out, &diagnostic).map_err(io::Error::other)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}
