//! `--format jsonl`: one JSON object per diagnostic per line, the same
//! object as in `--format json`'s `diagnostics` array, for streaming into
//! `jq`, log pipelines or editors.

use super::{json_diagnostic, Report, Run, WriteColorish};
use std::io;

pub struct Jsonl;

impl Report for Jsonl {
    fn write(&self, run: &Run, out: &mut dyn WriteColorish) -> io::Result<()> {
        for file in &run.files {
            for d in &file.diagnostics {
                serde_json::to_writer(&mut *out, &json_diagnostic(&file.path, &file.text, d))
                    .map_err(io::Error::other)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}
