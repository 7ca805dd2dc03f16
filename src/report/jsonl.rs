//! `--format jsonl`: one JSON object per diagnostic per line, the same
//! object as in `--format json`'s `diagnostics` array, for streaming into
//! `jq`, log pipelines or editors.

use super::{json_diagnostic_indexed, Report, Run, WriteColorish};
use crate::document::LineIndex;
use std::io;

pub struct Jsonl;

impl Report for Jsonl {
    fn write(&self, run: &Run, out: &mut dyn WriteColorish) -> io::Result<()> {
        for (file, text) in run.reports() {
            let lines = LineIndex::new(&text);
            for d in &file.diagnostics {
                let diagnostic = json_diagnostic_indexed(&file.path, &text, &lines, d);
                serde_json::to_writer(&mut *out, &diagnostic).map_err(io::Error::other)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}
