//! The job summary `--format github` appends to `$GITHUB_STEP_SUMMARY`:
//! a Markdown table of every finding, since GitHub turns at most 10
//! error, 10 warning and 10 notice commands of a step into annotations
//! and drops the rest without a word. Each row says whether its finding
//! was one of those shown.
//!
//! Rows are rendered per file on the worker that linted it (`rows`) and
//! joined in input order, the order the commands were printed in, which
//! is the order GitHub counts them in (`render`).

use super::{FileReport, Run};
use crate::diagnostic::Severity;

/// Annotations of one level GitHub shows per step.
pub const ANNOTATIONS_PER_LEVEL: usize = 10;
/// GitHub refuses a step summary above 1 MiB; the table stops short of it.
const SUMMARY_BUDGET: usize = 1000 * 1024;

/// One file's rows: `LEVEL\tROW` lines, the level being the workflow
/// command's, so `render` can count them in printed order.
pub fn rows(file: &FileReport) -> Vec<u8> {
    let mut out = String::new();
    for d in file.diagnostics {
        let (line, col) = file.line_col(d.span.start);
        out.push_str(&format!(
            "{}\t| {} | `{}` | {line}:{col} | `{}` | {} |",
            command(d.severity),
            command(d.severity),
            cell(file.path).replace('`', "'"),
            d.rule,
            cell(&d.message)
        ));
        out.push('\n');
    }
    out.into_bytes()
}

/// The workflow command (and annotation level) of a severity.
pub fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// How many of the run's findings GitHub shows as annotations.
pub fn shown(run: &Run) -> usize {
    let s = &run.summary;
    [s.errors, s.warnings, s.infos]
        .iter()
        .map(|n| (*n).min(ANNOTATIONS_PER_LEVEL))
        .sum()
}

/// The whole summary, from every file's `rows` in input order.
pub fn render(run: &Run, rows: &[u8]) -> String {
    let s = &run.summary;
    let total = s.errors + s.warnings + s.infos;
    let shown = shown(run);
    let files = if s.files == 1 { "file" } else { "files" };
    let mut out = format!(
        "## copydesk\n\n**{} errors, {} warnings, {} infos** in {} {files}.",
        s.errors, s.warnings, s.infos, s.files
    );
    if total > 0 {
        out.push_str(&format!(
            " {shown} of {total} findings were shown as annotations \
             (GitHub shows at most {ANNOTATIONS_PER_LEVEL} errors, {ANNOTATIONS_PER_LEVEL} warnings \
             and {ANNOTATIONS_PER_LEVEL} notices per step)"
        ));
        if shown < total {
            out.push_str(&format!(
                "; the other {} are listed only here",
                total - shown
            ));
        }
        out.push('.');
    }
    out.push('\n');
    if !run.errors.is_empty() {
        let n = run.errors.len();
        let noun = if n == 1 { "file" } else { "files" };
        out.push_str(&format!("\n{n} {noun} could not be linted:\n\n"));
        for e in &run.errors {
            out.push_str(&format!(
                "- `{}`: {}\n",
                cell(&e.path).replace('`', "'"),
                cell(&e.message)
            ));
        }
    }
    if total == 0 {
        return out;
    }
    out.push_str("\n| Level | File | Line:Col | Rule | Finding | Annotation |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- |\n");
    let mut seen = [0usize; 3];
    let text = String::from_utf8_lossy(rows);
    let mut listed = 0;
    for line in text.lines() {
        let Some((level, row)) = line.split_once('\t') else {
            continue;
        };
        let slot = match level {
            "error" => 0,
            "warning" => 1,
            _ => 2,
        };
        seen[slot] += 1;
        let mark = if seen[slot] <= ANNOTATIONS_PER_LEVEL {
            "shown"
        } else {
            "not shown"
        };
        if out.len() + row.len() + 200 > SUMMARY_BUDGET {
            break;
        }
        out.push_str(&format!("{row} {mark} |\n"));
        listed += 1;
    }
    if listed < total {
        out.push_str(&format!(
            "\n{} more findings are not listed: a step summary may not exceed 1 MiB. The job log has them all.\n",
            total - listed
        ));
    }
    out
}

/// Text safe inside a Markdown table cell (GitHub also renders HTML).
fn cell(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a|b\n<i>"), "a\\|b<br>&lt;i&gt;");
    }

    #[test]
    fn rows_past_the_cap_are_marked_not_shown() {
        let mut run = Run::default();
        run.summary.files = 1;
        run.summary.warnings = 12;
        run.summary.errors = 1;
        let mut rows = String::new();
        rows.push_str("error\t| error | `a` | 1:1 | `r` | m |\n");
        for i in 0..12 {
            rows.push_str(&format!("warning\t| warning | `a` | {i}:1 | `r` | m |\n"));
        }
        let out = render(&run, rows.as_bytes());
        assert!(out.contains("11 of 13 findings were shown"), "{out}");
        assert!(out.contains("the other 2 are listed only here"), "{out}");
        assert_eq!(out.matches("| shown |").count(), 11);
        assert_eq!(out.matches("| not shown |").count(), 2);
        assert!(out.contains("| 11:1 | `r` | m | not shown |"), "{out}");
    }
}
