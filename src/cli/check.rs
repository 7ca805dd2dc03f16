//! `copydesk check`: resolve configs, read and lint files in parallel,
//! report in a deterministic order, and pick the exit code.

use super::files::{self, Input, DEFAULT_MAX_FILE_SIZE};
use super::{CheckArgs, ColorChoice, OutputFormat};
use crate::config::{self, LoadedConfig};
use crate::diagnostic::Severity;
use crate::document::Format;
use crate::lint::{lint_text, Selection};
use crate::report::{self, FileError, FileReport, Report, Run};
use crate::rules::{LoadError, RuleSet};
use codespan_reporting::term::termcolor::{self, StandardStream};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::IsTerminal;
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
        let rules = RuleSet::load_with_places(
            !c.no_builtin_rules,
            &loaded.rule_dirs(),
            Arc::new(c.gazetteer.clone()),
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

pub fn run(args: &CheckArgs) -> u8 {
    let mut stderr = color_stream(args.color, true);
    let forced = match args.config.as_deref().map(LoadedConfig::load).transpose() {
        Ok(c) => c,
        Err(e) => return load_failure(&[e], &mut stderr),
    };
    let (inputs, mut errors) =
        files::collect(&args.paths, args.stdin_filename.as_deref(), forced.as_ref());
    let settings = match resolve_all(&inputs, forced.as_ref(), args) {
        Ok(s) => s,
        Err(errs) => return load_failure(&errs, &mut stderr),
    };
    let results: Vec<(Result<FileReport, FileError>, Severity)> = inputs
        .par_iter()
        .map(|input| {
            let s = &settings[&config_key(input, forced.as_ref())];
            (lint_input(input, s), s.fail_level)
        })
        .collect();
    let mut run = Run::default();
    let mut failed = false;
    for (result, fail_level) in results {
        match result {
            Ok(file) => {
                failed |= file.diagnostics.iter().any(|d| d.severity >= fail_level);
                run.files.push(file);
            }
            Err(e) => errors.push(e),
        }
    }
    run.errors = errors;
    if let Err(e) = write_report(args, &run) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = print_error(&mut stderr, "<stdout>", &e.to_string());
            return 2;
        }
    }
    for e in &run.errors {
        let _ = print_error(&mut stderr, &e.path, &e.message);
    }
    if !run.errors.is_empty() {
        2
    } else {
        u8::from(failed)
    }
}

fn lint_input(input: &Input, settings: &Settings) -> Result<FileReport, FileError> {
    let path = input.display();
    let text = files::read(input, settings.max_file_size).map_err(|message| FileError {
        path: path.clone(),
        message,
    })?;
    let format = Format::from_path(&path);
    let (doc, diagnostics) = lint_text(text, format, &settings.rules, &settings.selection);
    Ok(FileReport {
        path,
        text: doc.text,
        diagnostics,
    })
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
    match args.format {
        OutputFormat::Human => {
            let mut out = color_stream(args.color, false);
            report::Human.write(run, &mut out)
        }
        OutputFormat::Json => {
            let stdout = std::io::stdout();
            let mut out = termcolor::NoColor::new(stdout.lock());
            report::Json.write(run, &mut out)
        }
    }
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
