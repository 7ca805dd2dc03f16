//! `--format jsonl`: one JSON object per diagnostic per line, the same
//! object as in `--format json`'s `diagnostics` array, for streaming into
//! `jq`, log pipelines or editors.

use super::{json_diagnostic, FileReport, Report, Run, WriteColorish};
use std::io;

/// One JSON object per diagnostic, a line each.
pub struct Jsonl;

impl Report for Jsonl {
    fn file(&self, _run: &Run, file: &FileReport, out: &mut dyn WriteColorish) -> io::Result<()> {
        for d in file.diagnostics {
            serde_json::to_writer(&mut *out, &json_diagnostic(file, d))
                .map_err(io::Error::other)?;
            writeln!(out)?;
        }
        Ok(())
    }
}
