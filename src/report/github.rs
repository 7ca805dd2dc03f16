//! `--format github`: GitHub Actions workflow commands, which the runner
//! turns into annotations on the pull request's changed files:
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

use super::{FileReport, Report, Run, WriteColorish};
use crate::diagnostic::Severity;
use std::io;

/// GitHub Actions workflow commands (annotations on the pull request).
pub struct Github;

impl Report for Github {
    fn file(&self, _run: &Run, file: &FileReport, out: &mut dyn WriteColorish) -> io::Result<()> {
        {
            for d in file.diagnostics {
                let (line, col) = file.line_col(d.span.start);
                let (end_line, end_col) = file.line_col(d.span.end);
                let command = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
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
