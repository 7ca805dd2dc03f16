//! `--format github`: GitHub Actions workflow commands, which the runner
//! turns into annotations on the pull request's changed files:
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
//! GitHub shows only the first 10 of each level per step; the log says so
//! when there are more, and the job summary (`aside`) lists them all.

use super::github_summary::{self, command};
use super::{FileReport, Report, Run, WriteColorish};
use std::io;

/// GitHub Actions workflow commands (annotations on the pull request).
pub struct Github;

impl Report for Github {
    fn end(&self, run: &Run, _any: bool, out: &mut dyn WriteColorish) -> io::Result<()> {
        let s = &run.summary;
        let total = s.errors + s.warnings + s.infos;
        let shown = github_summary::shown(run);
        if shown < total {
            writeln!(
                out,
                "copydesk: {shown} of {total} findings shown as annotations (GitHub shows at most {} of each level per step); the job summary lists them all",
                github_summary::ANNOTATIONS_PER_LEVEL
            )?;
        }
        Ok(())
    }

    fn aside(&self, _run: &Run, file: &FileReport) -> Option<Vec<u8>> {
        Some(github_summary::rows(file))
    }

    fn aside_end(&self, run: &Run, parts: &[u8]) -> Option<String> {
        Some(github_summary::render(run, parts))
    }

    fn file(&self, _run: &Run, file: &FileReport, out: &mut dyn WriteColorish) -> io::Result<()> {
        {
            for d in file.diagnostics {
                let (line, col) = file.line_col(d.span.start);
                let (end_line, end_col) = file.line_col(d.span.end);
                let command = command(d.severity);
                let mut message = d.message.clone();
                for note in &d.notes {
                    message.push_str(&format!("\nnote: {note}"));
                }
                writeln!(
                    out,
                    "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
                    escape_property(file.path),
                    escape_property(&format!("copydesk ({})", d.rule)),
                    escape_data(&message)
                )?;
            }
        }
        Ok(())
    }
}

/// The runner's escaping for a command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Property values also may not contain the separators `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_runner() {
        assert_eq!(escape_data("50% of\nthem"), "50%25 of%0Athem");
        assert_eq!(escape_property("a,b:c"), "a%2Cb%3Ac");
    }
}
