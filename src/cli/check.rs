//! `copydesk check`: arguments in, exit code out. Files are collected,
//! each resolved to its engine, linted (and fixed) by the engine in
//! parallel, and written by `output` in input order as they finish.

use super::changed::Changes;
use super::files::{self, Input};
use super::interrupt::{self, Writes};
use super::output::{self, Outcome, Output};
use super::{write, CheckArgs, OutputFormat};
use copydesk::config::LoadedConfig;
use copydesk::engine::{Engine, FileError, Linted, Overrides, Workspace};
use copydesk::report::FileReport;
use std::ops::RangeInclusive;
use std::sync::Arc;

/// What a run does with the fixes it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Report only; files are never touched.
    Report,
    /// Apply fixes and write the files.
    Write,
    /// Apply fixes in memory and print a unified diff.
    Diff,
}

pub fn run(args: &CheckArgs) -> u8 {
    let mut stderr = output::color_stream(args.color, true);
    let mode = match (args.fix, args.diff) {
        (_, true) => FixMode::Diff,
        (true, false) => FixMode::Write,
        (false, false) => FixMode::Report,
    };
    interrupt::install(mode == FixMode::Write);
    let forced = match args.config.as_deref().map(LoadedConfig::load).transpose() {
        Ok(c) => c,
        Err(e) => return output::load_failure(&[e], &mut stderr),
    };
    let (inputs, errors) = files::collect(
        &args.paths,
        args.stdin_filename.as_deref(),
        forced.as_ref(),
        args.follow,
    );
    if mode == FixMode::Write && inputs.iter().any(|i| matches!(i, Input::Stdin { .. })) {
        let message = "--fix cannot write back to stdin; use --diff to see the fixes";
        let _ = output::print_error(&mut stderr, "<stdin>", message);
        return 2;
    }
    let changes = match (&args.diff_base, &args.diff_file) {
        (Some(base), _) => Changes::from_git(base, &args.paths).map(Some),
        (None, Some(patch)) => Changes::from_patch_file(patch).map(Some),
        (None, None) => Ok(None),
    };
    let changes = match changes {
        Ok(c) => c,
        Err(message) => {
            let _ = output::print_error(&mut stderr, "<diff>", &message);
            return 2;
        }
    };
    let overrides = Overrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        fail_level: args.fail_level.map(Into::into),
        date: args.date,
    };
    let mut workspace = Workspace::new(forced, overrides);
    let engines: Result<Vec<Arc<Engine>>, _> = inputs
        .iter()
        .map(|input| workspace.engine_for(input.path()))
        .collect();
    let engines = match engines {
        Ok(e) => e,
        Err(errs) => return output::load_failure(&errs, &mut stderr),
    };
    let jobs: Vec<(&Input, &Engine)> = inputs.iter().zip(engines.iter().map(Arc::as_ref)).collect();
    let out = Output::new(args, mode, workspace.engines(), errors);
    let lint = |(input, engine): &(&Input, &Engine)| {
        let lines = changes.as_ref().map(|c| c.lines(input));
        lint_input(input, engine, lines, mode, &out)
    };
    // A run that found nothing to lint says only why: a human summary of
    // "0 files" beside the error would contradict it.
    let report = args.format != OutputFormat::Human || !inputs.is_empty() || !out.has_errors();
    out.finish(&jobs, lint, report, &mut stderr)
}

/// Lints (and in fix modes fixes) one input; its report part is rendered
/// here, on the worker thread, while the text is still in memory.
fn lint_input(
    input: &Input,
    engine: &Engine,
    changed: Option<&[RangeInclusive<usize>]>,
    mode: FixMode,
    out: &Output,
) -> Outcome {
    let path = input.display();
    let text = match files::read(input, engine.max_file_size()) {
        Ok(text) => text,
        Err(message) => return Outcome::failed(FileError { path, message }),
    };
    // A broken front matter would hide the headline from every check:
    // refuse the draft (exit 2) and say where, rather than lint the rest.
    if let Some(e) = copydesk::document::front_matter_error(&text) {
        return Outcome::failed(FileError {
            path,
            message: e.to_string(),
        });
    }
    if mode == FixMode::Report {
        let linted = engine.lint_changed(&path, text, changed);
        return out.outcome(&FileReport::of(&path, &linted), engine, 0, None, None);
    }
    let fixed = engine.fix_text(&path, text.clone(), changed);
    if fixed.fixed == 0 {
        return out.outcome(&FileReport::of(&path, &fixed.linted), engine, 0, None, None);
    }
    match (mode, input) {
        (FixMode::Write, Input::File(file)) => {
            match write::replace_contents(file, &text, fixed.linted.text(), Writes::global()) {
                Ok(()) => out.outcome(
                    &FileReport::of(&path, &fixed.linted),
                    engine,
                    fixed.fixed,
                    None,
                    None,
                ),
                Err(message) => {
                    // The draft is as it was: report its findings as they
                    // stand, beside the reason the fixes were not written.
                    let linted: Linted = engine.lint_changed(&path, text, changed);
                    let error = FileError {
                        path: path.clone(),
                        message,
                    };
                    out.outcome(
                        &FileReport::of(&path, &linted),
                        engine,
                        0,
                        None,
                        Some(error),
                    )
                }
            }
        }
        _ => {
            let diff = output::unified_diff(&path, &text, fixed.linted.text());
            out.outcome(
                &FileReport::of(&path, &fixed.linted),
                engine,
                fixed.fixed,
                Some(diff),
                None,
            )
        }
    }
}
