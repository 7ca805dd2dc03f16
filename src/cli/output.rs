//! A run's output, ripgrep style: each file's report part is rendered on
//! the worker that linted it, and written as soon as it and every file
//! before it are done, so memory holds only files in flight and output
//! order is input order. Also the exit code, errors on stderr, diffs.

use super::check::FixMode;
use super::{CheckArgs, ColorChoice, OutputFormat};
use codespan_reporting::term::termcolor::{self, Buffer, BufferWriter, StandardStream};
use copydesk::engine::{Engine, FileError};
use copydesk::report::{self, FileReport, Report, RuleMeta, Run, Summary};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::{mpsc, Arc};

/// The format, the colour choice and the run's frame (rules, errors).
pub struct Output {
    format: Box<dyn Report>,
    writer: BufferWriter,
    mode: FixMode,
    run: Run,
    /// `$GITHUB_STEP_SUMMARY` with `--format github`: the job summary
    /// the format's `aside` is appended to.
    step_summary: Option<std::path::PathBuf>,
}

/// One file's share of the run, sent from its worker.
pub struct Outcome {
    part: Option<Buffer>,
    summary: Option<Summary>,
    failed: bool,
    fixed: usize,
    diff: Option<String>,
    error: Option<FileError>,
    aside: Option<Vec<u8>>,
}

impl Outcome {
    /// A file that could not be linted.
    pub fn failed(error: FileError) -> Self {
        Outcome {
            part: None,
            summary: None,
            failed: false,
            fixed: 0,
            diff: None,
            error: Some(error),
            aside: None,
        }
    }
}

impl Output {
    pub fn new<'a>(
        args: &CheckArgs,
        mode: FixMode,
        engines: impl Iterator<Item = &'a Arc<Engine>>,
        errors: Vec<FileError>,
    ) -> Self {
        let mut rules = BTreeMap::new();
        for engine in engines {
            for rule in engine.rules().iter() {
                rules
                    .entry(rule.id.clone())
                    .or_insert_with(|| RuleMeta::of(rule));
            }
        }
        let format: Box<dyn Report> = match args.format {
            OutputFormat::Human => Box::new(report::Human),
            OutputFormat::Json => Box::new(report::Json),
            OutputFormat::Jsonl => Box::new(report::Jsonl),
            OutputFormat::Sarif => {
                let base = std::env::current_dir().ok();
                let vcs = base.as_deref().and_then(super::vcs::version_control);
                Box::new(report::Sarif { base, vcs })
            }
            OutputFormat::Github => Box::new(report::Github),
            OutputFormat::Gitlab => Box::new(report::Gitlab),
            OutputFormat::Rdjsonl => Box::new(report::Rdjsonl),
            OutputFormat::Checkstyle => Box::new(report::Checkstyle),
        };
        // Only human output is ever coloured.
        let color = match args.format {
            OutputFormat::Human => term_choice(args.color, std::io::stdout().is_terminal()),
            _ => termcolor::ColorChoice::Never,
        };
        let step_summary = (args.format == OutputFormat::Github)
            .then(|| std::env::var_os("GITHUB_STEP_SUMMARY"))
            .flatten()
            .filter(|p| !p.is_empty())
            .map(std::path::PathBuf::from);
        Output {
            format,
            step_summary,
            writer: BufferWriter::stdout(color),
            mode,
            run: Run {
                rules,
                errors,
                ..Run::default()
            },
        }
    }

    pub fn has_errors(&self) -> bool {
        !self.run.errors.is_empty()
    }

    /// What one linted file contributes; renders its report part.
    pub fn outcome(
        &self,
        file: &FileReport,
        engine: &Engine,
        fixed: usize,
        diff: Option<String>,
        error: Option<FileError>,
    ) -> Outcome {
        let mut summary = Summary::default();
        summary.add(file.diagnostics);
        let part = (self.mode != FixMode::Diff).then(|| {
            let mut buffer = self.writer.buffer();
            // A part that fails to render is left out; writing it would
            // fail the same way.
            match self.format.file(&self.run, file, &mut buffer) {
                Ok(()) => buffer,
                Err(_) => self.writer.buffer(),
            }
        });
        let aside = self
            .step_summary
            .as_ref()
            .and_then(|_| self.format.aside(&self.run, file));
        Outcome {
            aside,
            part,
            summary: Some(summary),
            failed: file
                .diagnostics
                .iter()
                .any(|d| d.severity >= engine.fail_level()),
            fixed,
            diff,
            error,
        }
    }

    /// Lints every job in parallel, writes the parts in order as they
    /// come, then the end of the report and the errors; the exit code.
    pub fn finish<J: Sync>(
        &self,
        jobs: &[J],
        lint: impl Fn(&J) -> Outcome + Sync,
        report: bool,
        stderr: &mut StandardStream,
    ) -> u8 {
        let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
        let mut state = Written::default();
        let mut run = Run {
            rules: self.run.rules.clone(),
            errors: self.run.errors.clone(),
            ..Run::default()
        };
        let lint = &lint;
        std::thread::scope(|scope| {
            scope.spawn(move || {
                jobs.par_iter()
                    .enumerate()
                    .for_each_with(tx, |tx, (i, job)| {
                        let _ = tx.send((i, lint(job)));
                    });
            });
            if report && self.mode != FixMode::Diff {
                state.write(self, &run, |format, run, out| format.begin(run, out));
            }
            let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
            let mut next = 0;
            for (i, outcome) in rx {
                pending.insert(i, outcome);
                while let Some(outcome) = pending.remove(&next) {
                    next += 1;
                    self.take(outcome, &mut run, &mut state, report);
                }
            }
        });
        if report && self.mode != FixMode::Diff {
            let any = state.any;
            state.write(self, &run, |format, run, out| format.end(run, any, out));
        }
        let summary_error = match (&self.step_summary, report) {
            (Some(path), true) => self
                .format
                .aside_end(&run, &state.aside)
                .and_then(|text| append(path, &text).err()),
            _ => None,
        };
        for e in &run.errors {
            let _ = print_error(stderr, &e.path, &e.message);
        }
        if let Some(e) = &summary_error {
            let _ = print_error(stderr, "GITHUB_STEP_SUMMARY", e);
        }
        if let Some(e) = &state.failed_write {
            let _ = print_error(stderr, "<stdout>", &e.to_string());
        }
        if state.failed_write.is_some() || !run.errors.is_empty() || summary_error.is_some() {
            2
        } else if self.mode == FixMode::Diff {
            u8::from(state.diffs)
        } else {
            u8::from(state.failed)
        }
    }

    /// One finished file, in input order.
    fn take(&self, outcome: Outcome, run: &mut Run, state: &mut Written, report: bool) {
        run.errors.extend(outcome.error);
        if let Some(aside) = &outcome.aside {
            state.aside.extend_from_slice(aside);
        }
        let Some(summary) = outcome.summary else {
            return;
        };
        let s = &mut run.summary;
        s.files += summary.files;
        s.errors += summary.errors;
        s.warnings += summary.warnings;
        s.infos += summary.infos;
        run.fixed += outcome.fixed;
        state.failed |= outcome.failed;
        if let Some(diff) = outcome.diff.filter(|d| !d.is_empty()) {
            state.diffs = true;
            let mut buffer = self.writer.buffer();
            let _ = std::io::Write::write_all(&mut buffer, diff.as_bytes());
            state.print(&self.writer, &buffer);
        }
        if let Some(part) = outcome.part.filter(|p| !p.is_empty() && report) {
            if state.any {
                let mut sep = self.writer.buffer();
                let _ = std::io::Write::write_all(&mut sep, self.format.separator());
                state.print(&self.writer, &sep);
            }
            state.any = true;
            state.print(&self.writer, &part);
        }
    }
}

/// What has been written so far.
#[derive(Default)]
struct Written {
    /// Whether any file wrote a part.
    any: bool,
    /// Every file's `aside`, in input order.
    aside: Vec<u8>,
    failed: bool,
    diffs: bool,
    /// The first write error other than a closed pipe.
    failed_write: Option<std::io::Error>,
    /// A reader closed the pipe: nothing more is written.
    closed: bool,
}

impl Written {
    fn write(
        &mut self,
        output: &Output,
        run: &Run,
        render: impl FnOnce(&dyn Report, &Run, &mut Buffer) -> std::io::Result<()>,
    ) {
        let mut buffer = output.writer.buffer();
        if let Err(e) = render(output.format.as_ref(), run, &mut buffer) {
            self.failed_write.get_or_insert(e);
        }
        self.print(&output.writer, &buffer);
    }

    fn print(&mut self, writer: &BufferWriter, buffer: &Buffer) {
        if self.closed || self.failed_write.is_some() {
            return;
        }
        match writer.print(buffer) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => self.closed = true,
            Err(e) => self.failed_write = Some(e),
            Ok(()) => {}
        }
    }
}

/// Appends `text` to the file at `path` (the runner creates the job
/// summary file; other steps may have written to it already).
fn append(path: &std::path::Path, text: &str) -> Result<(), String> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| format!("cannot append the job summary to {}: {e}", path.display()))
}

/// A `git apply`-able unified diff of one file's fixes.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

fn term_choice(choice: ColorChoice, tty: bool) -> termcolor::ColorChoice {
    match choice {
        ColorChoice::Always => termcolor::ColorChoice::Always,
        ColorChoice::Never => termcolor::ColorChoice::Never,
        ColorChoice::Auto if tty && std::env::var_os("NO_COLOR").is_none() => {
            termcolor::ColorChoice::Auto
        }
        ColorChoice::Auto => termcolor::ColorChoice::Never,
    }
}

pub fn color_stream(choice: ColorChoice, stderr: bool) -> StandardStream {
    if stderr {
        StandardStream::stderr(term_choice(choice, std::io::stderr().is_terminal()))
    } else {
        StandardStream::stdout(term_choice(choice, std::io::stdout().is_terminal()))
    }
}

/// A file-level error, rustc style: `error: PATH: message`.
pub fn print_error(out: &mut StandardStream, path: &str, message: &str) -> std::io::Result<()> {
    use std::io::Write;
    use termcolor::{Color, ColorSpec, WriteColor};
    out.set_color(ColorSpec::new().set_fg(Some(Color::Red)).set_bold(true))?;
    write!(out, "error")?;
    out.reset()?;
    writeln!(out, ": {path}: {message}")
}

pub fn load_failure(errors: &[copydesk::rules::LoadError], stderr: &mut StandardStream) -> u8 {
    let _ = report::render_load_errors(errors, stderr);
    2
}
