//! Human output: codespan-reporting, like rustc — `error[rule-id]: …`,
//! the source line with carets, secondary labels, notes — then a summary.

use super::excerpt::excerpt;
use super::{FileReport, Report, Run, WriteColorish};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::LoadError;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};
use std::io;
use std::ops::Range;

/// rustc-style text with source excerpts and labels (codespan-reporting).
pub struct Human;

impl Report for Human {
    fn file(&self, _run: &Run, file: &FileReport, out: &mut dyn WriteColorish) -> io::Result<()> {
        emit_file(file, out, &Config::default())
    }

    fn end(&self, run: &Run, _any: bool, out: &mut dyn WriteColorish) -> io::Result<()> {
        if run.fixed > 0 {
            writeln!(out, "Fixed {} {}.", run.fixed, plural(run.fixed, "problem"))?;
        }
        let s = run.summary;
        let total = s.errors + s.warnings + s.infos;
        if total == 0 {
            writeln!(
                out,
                "No problems found in {} {}.",
                s.files,
                plural(s.files, "file")
            )?;
        } else {
            writeln!(
                out,
                "Found {} {}, {} {}, {} {} in {} {}.",
                s.errors,
                plural(s.errors, "error"),
                s.warnings,
                plural(s.warnings, "warning"),
                s.infos,
                plural(s.infos, "info"),
                s.files,
                plural(s.files, "file")
            )?;
        }
        Ok(())
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

fn emit_file(file: &FileReport, out: &mut dyn WriteColorish, config: &Config) -> io::Result<()> {
    if file.diagnostics.is_empty() {
        return Ok(());
    }
    let source = SimpleFile::new(file.path, file.text);
    for d in file.diagnostics {
        let emitted = match excerpt(file.path, file.text, file.lines, d) {
            Some(part) => term::emit(out, config, &part, &to_codespan(d, |s| part.map(s))),
            None => term::emit(out, config, &source, &to_codespan(d, Range::clone)),
        };
        emitted.map_err(io::Error::other)?;
    }
    Ok(())
}

/// `span` maps a file span to the span shown (the same, or in an excerpt).
fn to_codespan(d: &Diagnostic, span: impl Fn(&Range<usize>) -> Range<usize>) -> CsDiagnostic<()> {
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    };
    let mut labels = vec![Label::primary((), span(&d.span))];
    labels.extend(
        d.labels
            .iter()
            .map(|l| Label::secondary((), span(&l.span)).with_message(&l.message)),
    );
    let mut notes = d.notes.clone();
    if let Some(fix) = &d.fix {
        notes.push(if fix.replacement.is_empty() {
            "fix: delete this (copydesk check --fix)".to_string()
        } else {
            format!(
                "fix: replace with `{}` (copydesk check --fix)",
                fix.replacement
            )
        });
    }
    CsDiagnostic::new(severity)
        .with_code(d.rule.clone())
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Rule and config errors, shown like diagnostics pointing into the YAML.
pub fn render_load_errors(errors: &[LoadError], out: &mut dyn WriteColorish) -> io::Result<()> {
    let config = Config::default();
    for e in errors {
        let file = SimpleFile::new(e.path.as_str(), e.source.as_str());
        let mut diagnostic = CsDiagnostic::error()
            .with_message(&e.message)
            .with_notes(e.notes.clone());
        if !e.source.is_empty() {
            diagnostic = diagnostic.with_labels(vec![Label::primary((), e.span.clone())]);
        } else {
            diagnostic = diagnostic.with_message(format!("{}: {}", e.path, e.message));
        }
        term::emit(out, &config, &file, &diagnostic).map_err(io::Error::other)?;
    }
    Ok(())
}
