//! `copydesk check`: resolve configs, read and lint files in parallel,
//! report in a deterministic order, and pick the exit code.

use super::changed::Changes;
use super::files::{self, Input, DEFAULT_MAX_FILE_SIZE};
use super::interrupt::{self, Writes};
use super::write;
use super::{CheckArgs, ColorChoice, OutputFormat};
use crate::changed_lines;
use crate::config::{self, LoadedConfig};
use crate::diagnostic::Severity;
use crate::document::{Document, Format};
use crate::fix;
use crate::lint::{lint_document, lint_text, Selection};
use crate::report::{self, FileError, FileReport, Report, Reread, RuleMeta, Run};
use crate::rules::{Category, LoadError, RuleSet};
use codespan_reporting::term::termcolor::{self, StandardStream};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::IsTerminal;
use std::ops::{Range, RangeInclusive};
use std::path::PathBuf;
use std::sync::Arc;

/// Everything one config decides for the files it governs.
pub struct Settings {
    pub rules: RuleSet,
    pub selection: Selection,
    pub fail_level: Severity,
    pub max_file_size: u64,
}

impl Settings {
    pub fn resolve(loaded: &LoadedConfig, args: &CheckArgs) -> Result<Settings, Vec<LoadError>> {
        let c = &loaded.config;
        let rules = RuleSet::load_with(
            !c.no_builtin_rules,
            &loaded.rule_dirs(),
            &loaded.load_options(),
        )?;
        let mut selection = Selection {
            select: if args.select.is_empty() {
                c.select.clone()
            } else {
                args.select.clone()
            },
            ignore: c.ignore.iter().chain(&args.ignore).cloned().collect(),
            severity: c.severity.iter().map(|(k, v)| (k.clone(), *v)).collect(),
        };
        selection.select.retain(|s| !s.is_empty());
        let config_path = loaded
            .path
            .as_ref()
            .map_or_else(|| "config".to_string(), |p| p.display().to_string());
        let named = [
            (&args.select, "--select", "--select"),
            (&args.ignore, "--ignore", "--ignore"),
            (&c.select, config_path.as_str(), "select"),
            (&c.ignore, config_path.as_str(), "ignore"),
        ];
        let mut unknown: Vec<LoadError> = named
            .iter()
            .flat_map(|(names, origin, field)| {
                names
                    .iter()
                    .filter_map(|name| unknown_name(&rules, name, origin, field, true))
            })
            .collect();
        unknown.extend(
            c.severity
                .keys()
                .filter_map(|id| unknown_name(&rules, id, &config_path, "severity", false)),
        );
        if !unknown.is_empty() {
            return Err(unknown);
        }
        Ok(Settings {
            rules,
            selection,
            fail_level: args
                .fail_level
                .map(Into::into)
                .or(c.fail_level)
                .unwrap_or(Severity::Warning),
            max_file_size: c.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
        })
    }
}

/// An error for a `--select`/`--ignore`/config entry that names no rule
/// or category: a typo there would silently run (or skip) the wrong rules.
/// `severity` takes rule ids only (`categories` false).
fn unknown_name(
    rules: &RuleSet,
    name: &str,
    origin: &str,
    field: &str,
    categories: bool,
) -> Option<LoadError> {
    let known = |n: &str| {
        rules.get(n).is_some()
            || categories && (n == "all" || Category::ALL.iter().any(|c| c.as_str() == n))
    };
    if name.is_empty() || known(name) {
        return None;
    }
    let candidates = rules.iter().map(|r| r.id.as_str()).chain(
        Category::ALL
            .iter()
            .map(|c| c.as_str())
            .filter(|_| categories),
    );
    let closest = candidates
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c);
    let mut notes = vec!["`copydesk rules` lists the rule ids and categories".to_string()];
    if let Some(c) = closest {
        notes.insert(0, format!("did you mean `{c}`?"));
    }
    Some(LoadError {
        path: origin.to_string(),
        source: String::new(),
        span: 0..0,
        message: format!(
            "`{field}` names `{name}`, which is no rule id{}",
            if categories { " or category" } else { "" }
        ),
        notes,
    })
}

/// What a run does with the fixes it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FixMode {
    /// Report only; files are never touched.
    Report,
    /// Apply fixes and write the files.
    Write,
    /// Apply fixes in memory and print a unified diff.
    Diff,
}

/// One linted file: what remains to report, how many fixes were applied,
/// the diff of those fixes (`--diff`), and why they could not be written.
struct Outcome {
    report: FileReport,
    fixed: usize,
    diff: Option<String>,
    error: Option<FileError>,
}

pub fn run(args: &CheckArgs) -> u8 {
    let mut stderr = color_stream(args.color, true);
    let mode = match (args.fix, args.diff) {
        (_, true) => FixMode::Diff,
        (true, false) => FixMode::Write,
        (false, false) => FixMode::Report,
    };
    interrupt::install(mode == FixMode::Write);
    let forced = match args.config.as_deref().map(LoadedConfig::load).transpose() {
        Ok(c) => c,
        Err(e) => return load_failure(&[e], &mut stderr),
    };
    let (inputs, mut errors) = files::collect(
        &args.paths,
        args.stdin_filename.as_deref(),
        forced.as_ref(),
        args.follow,
    );
    if mode == FixMode::Write && inputs.iter().any(|i| matches!(i, Input::Stdin { .. })) {
        let _ = print_error(
            &mut stderr,
            "<stdin>",
            "--fix cannot write back to stdin; use --diff to see the fixes",
        );
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
            let _ = print_error(&mut stderr, "<diff>", &message);
            return 2;
        }
    };
    let settings = match resolve_all(&inputs, forced.as_ref(), args) {
        Ok(s) => s,
        Err(errs) => return load_failure(&errs, &mut stderr),
    };
    let results: Vec<(Result<Outcome, FileError>, Severity)> = inputs
        .par_iter()
        .map(|input| {
            let s = &settings[&config_key(input, forced.as_ref())];
            let lines = changes.as_ref().map(|c| c.lines(input));
            (lint_input(input, s, lines, mode), s.fail_level)
        })
        .collect();
    let mut run = Run::default();
    for s in settings.values() {
        for rule in s.rules.iter() {
            run.rules
                .entry(rule.id.clone())
                .or_insert_with(|| RuleMeta::of(rule));
        }
    }
    let mut failed = false;
    let mut diffs = String::new();
    for (result, fail_level) in results {
        match result {
            Ok(outcome) => {
                errors.extend(outcome.error);
                let file = outcome.report;
                failed |= file.diagnostics.iter().any(|d| d.severity >= fail_level);
                run.fixed += outcome.fixed;
                diffs.push_str(outcome.diff.as_deref().unwrap_or(""));
                run.files.push(file);
            }
            Err(e) => errors.push(e),
        }
    }
    run.errors = errors;
    let written = if mode == FixMode::Diff {
        let mut out = std::io::stdout().lock();
        report::write_quietly(&mut out, diffs.as_bytes())
    } else {
        write_report(args, &run)
    };
    let mut output_failed = false;
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = print_error(&mut stderr, "<stdout>", &e.to_string());
            output_failed = true;
        }
    }
    let late_errors = std::mem::take(
        &mut *run
            .late_errors
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    for e in run.errors.iter().chain(&late_errors) {
        let _ = print_error(&mut stderr, &e.path, &e.message);
    }
    if output_failed || !run.errors.is_empty() || !late_errors.is_empty() {
        2
    } else if mode == FixMode::Diff {
        u8::from(!diffs.is_empty())
    } else {
        u8::from(failed)
    }
}

fn lint_input(
    input: &Input,
    settings: &Settings,
    changed: Option<&[RangeInclusive<usize>]>,
    mode: FixMode,
) -> Result<Outcome, FileError> {
    let path = input.display();
    let file_error = |message: String| FileError {
        path: path.clone(),
        message,
    };
    let text = files::read(input, settings.max_file_size).map_err(file_error)?;
    let format = Format::from_path(&path);
    if mode == FixMode::Report {
        // The common case: the document takes the text, no copy.
        return Ok(Outcome {
            report: report_only(input, path, text, format, settings, changed),
            fixed: 0,
            diff: None,
            error: None,
        });
    }
    // With a diff, only findings touching its changed lines count; the
    // ranges are bytes of the current text and follow it through fixes.
    let mut allowed: Option<Vec<Range<usize>>> =
        changed.map(|lines| changed_lines::byte_ranges(&text, lines));
    let lint = |text: &str, applied: Option<&fix::Applied>| {
        let doc = Document::parse(text.to_string(), format);
        let mut diagnostics = lint_document(&doc, &settings.rules, &settings.selection);
        if let Some(ranges) = &mut allowed {
            if let Some(applied) = applied {
                for r in ranges.iter_mut() {
                    *r = applied.map_range(r);
                }
            }
            diagnostics.retain(|d| changed_lines::touches(ranges, &d.span));
        }
        diagnostics
    };
    let stable = fix::fix_until_stable(text.clone(), lint);
    let mut diff = None;
    if stable.fixed > 0 {
        match (mode, input) {
            (FixMode::Write, Input::File(file)) => {
                if let Err(message) =
                    write::replace_contents(file, &text, &stable.text, Writes::global())
                {
                    // The draft is as it was: report its findings as they
                    // stand, beside the reason the fixes were not written.
                    let error = Some(file_error(message));
                    return Ok(Outcome {
                        report: report_only(input, path, text, format, settings, changed),
                        fixed: 0,
                        diff: None,
                        error,
                    });
                }
            }
            _ => diff = Some(unified_diff(&path, &text, &stable.text)),
        }
    }
    Ok(Outcome {
        report: FileReport {
            path,
            text: stable.text,
            diagnostics: stable.remaining,
            reread: None,
        },
        fixed: stable.fixed,
        diff,
        error: None,
    })
}

/// Lints `text` without fixing it.
fn report_only(
    input: &Input,
    path: String,
    text: String,
    format: Format,
    settings: &Settings,
    changed: Option<&[RangeInclusive<usize>]>,
) -> FileReport {
    let allowed = changed.map(|lines| changed_lines::byte_ranges(&text, lines));
    let (doc, mut diagnostics) = lint_text(text, format, &settings.rules, &settings.selection);
    if let Some(ranges) = &allowed {
        diagnostics.retain(|d| changed_lines::touches(ranges, &d.span));
    }
    // Reports read a file's text only around its findings, and only when
    // they are written: a clean file's text is dropped now, and a file on
    // disk with findings is read again then, rather than every text held
    // to the end of the run.
    let (text, reread) = match input {
        _ if diagnostics.is_empty() => (String::new(), None),
        Input::File(file) => (
            String::new(),
            Some(Reread {
                path: file.clone(),
                hash: report::text_hash(&doc.text),
            }),
        ),
        Input::Stdin { .. } => (doc.text, None),
    };
    FileReport {
        path,
        text,
        diagnostics,
        reread,
    }
}

/// A `git apply`-able unified diff of one file's fixes.
fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// The config file that governs `input` (None: defaults).
fn config_key(input: &Input, forced: Option<&LoadedConfig>) -> Option<PathBuf> {
    if let Some(c) = forced {
        return c.path.clone();
    }
    let path = input.path();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    config::discover(&dir)
}

/// Loads each distinct config once (sequentially: there are few).
fn resolve_all(
    inputs: &[Input],
    forced: Option<&LoadedConfig>,
    args: &CheckArgs,
) -> Result<HashMap<Option<PathBuf>, Arc<Settings>>, Vec<LoadError>> {
    let mut out: HashMap<Option<PathBuf>, Arc<Settings>> = HashMap::new();
    for input in inputs {
        let key = config_key(input, forced);
        if out.contains_key(&key) {
            continue;
        }
        let loaded = match (forced, &key) {
            (Some(c), _) => c.clone(),
            (None, Some(path)) => LoadedConfig::load(path).map_err(|e| vec![e])?,
            (None, None) => LoadedConfig::default(),
        };
        out.insert(key, Arc::new(Settings::resolve(&loaded, args)?));
    }
    Ok(out)
}

fn write_report(args: &CheckArgs, run: &Run) -> std::io::Result<()> {
    if args.format == OutputFormat::Human {
        let mut out = color_stream(args.color, false);
        return report::Human.write(run, &mut out);
    }
    let sarif;
    let format: &dyn Report = match args.format {
        OutputFormat::Human | OutputFormat::Json => &report::Json,
        OutputFormat::Jsonl => &report::Jsonl,
        OutputFormat::Sarif => {
            sarif = report::Sarif {
                base: std::env::current_dir().ok(),
            };
            &sarif
        }
        OutputFormat::Github => &report::Github,
        OutputFormat::Gitlab => &report::Gitlab,
        OutputFormat::Rdjsonl => &report::Rdjsonl,
        OutputFormat::Checkstyle => &report::Checkstyle,
    };
    // Machine formats are buffered whole, so a reader never sees half a
    // document, and never coloured.
    let mut buffer = termcolor::NoColor::new(Vec::new());
    format.write(run, &mut buffer)?;
    let mut out = std::io::stdout().lock();
    report::write_quietly(&mut out, &buffer.into_inner())
}

pub fn color_stream(choice: ColorChoice, stderr: bool) -> StandardStream {
    let tty = if stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let choice = match choice {
        ColorChoice::Always => termcolor::ColorChoice::Always,
        ColorChoice::Never => termcolor::ColorChoice::Never,
        ColorChoice::Auto if tty && std::env::var_os("NO_COLOR").is_none() => {
            termcolor::ColorChoice::Auto
        }
        ColorChoice::Auto => termcolor::ColorChoice::Never,
    };
    if stderr {
        StandardStream::stderr(choice)
    } else {
        StandardStream::stdout(choice)
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

pub fn load_failure(errors: &[LoadError], stderr: &mut StandardStream) -> u8 {
    let _ = report::render_load_errors(errors, stderr);
    2
}
