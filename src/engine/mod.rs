//! The engine every front end calls: the CLI, the language server, the
//! local web page and the Python package. It owns what is decided once per
//! config (the rule set, the selection, the fail level, the size limit),
//! turns bytes into a checked text, lints a text into a `Linted` document
//! (diagnostics plus positions computed once), fixes a text until nothing
//! fixable is left, and keeps only findings on changed lines when asked.
//! It never prints and never writes a file: front ends decide that.

mod input;
mod settings;
mod workspace;

pub use input::{decode, read_file, FileError, DEFAULT_EXTENSIONS, DEFAULT_MAX_FILE_SIZE};
pub use settings::Overrides;
pub use workspace::Workspace;

use crate::changed_lines;
use crate::config::LoadedConfig;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{CalendarDate, Document, Format, LineIndex, Position};
use crate::fix;
use crate::lint::{lint_document, Selection};
use crate::rules::{LoadError, RuleSet};
use std::ops::{Range, RangeInclusive};
use std::path::Path;

/// Rules and settings resolved once from a config and overrides; cheap to
/// share between threads (`&Engine` is `Sync`).
#[derive(Debug)]
pub struct Engine {
    rules: RuleSet,
    selection: Selection,
    fail_level: Severity,
    max_file_size: u64,
    /// The drafts' date when their front matter gives none.
    date: Option<CalendarDate>,
}

/// One linted text: the parsed document (its text and line index) and
/// what the enabled rules found, in report order.
#[derive(Debug)]
pub struct Linted {
    /// The parsed document (text, blocks, line index).
    pub document: Document,
    /// What the rules found, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Linted {
    /// The text that was linted.
    pub fn text(&self) -> &str {
        &self.document.text
    }

    /// The line index built when the text was parsed.
    pub fn lines(&self) -> &LineIndex {
        &self.document.lines
    }

    /// Every coordinate (line, columns in chars, UTF-16 units and bytes,
    /// offsets) of byte `offset` of the linted text.
    pub fn position(&self, offset: usize) -> Position {
        self.document.lines.position(&self.document.text, offset)
    }

    /// Whether any finding reaches `level`.
    pub fn reaches(&self, level: Severity) -> bool {
        self.diagnostics.iter().any(|d| d.severity >= level)
    }
}

/// A text fixed until stable: the fixed text linted once more (what is
/// left to do by hand) and how many fixes were applied.
#[derive(Debug)]
pub struct Fixed {
    /// The fixed text, linted again: what remains.
    pub linted: Linted,
    /// How many fixes were applied.
    pub fixed: usize,
}

impl Engine {
    /// The engine for a config (`LoadedConfig::default()` for none) with
    /// command-line style overrides. Errors are located in the rule or
    /// config file they come from.
    pub fn new(config: &LoadedConfig, overrides: &Overrides) -> Result<Engine, Vec<LoadError>> {
        settings::resolve(config, overrides)
    }

    /// The built-in rules with default settings.
    pub fn builtin() -> Result<Engine, Vec<LoadError>> {
        Engine::new(&LoadedConfig::default(), &Overrides::default())
    }

    /// The rules loaded.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Which rules run, with their severities.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The severity at which a finding fails a run.
    pub fn fail_level(&self) -> Severity {
        self.fail_level
    }

    /// Texts above this many bytes are refused.
    pub fn max_file_size(&self) -> u64 {
        self.max_file_size
    }

    /// The drafts' date when their front matter gives none (config
    /// `date:`, `--date`).
    pub fn date(&self) -> Option<CalendarDate> {
        self.date
    }

    /// Parses a draft; the engine's date stands in for a missing `date:`.
    fn parse(&self, text: String, format: Format) -> Document {
        let mut document = Document::parse(text, format);
        document.date = document.date.or(self.date);
        document
    }

    /// Lints `text`; `path_hint` picks the format (`.md` is Markdown).
    pub fn lint_text(&self, path_hint: &str, text: String) -> Linted {
        self.lint_changed(path_hint, text, None)
    }

    /// `lint_text`, keeping only findings that touch the given 1-based
    /// lines (`None`: all), as `check --diff-base` does.
    pub fn lint_changed(
        &self,
        path_hint: &str,
        text: String,
        changed: Option<&[RangeInclusive<usize>]>,
    ) -> Linted {
        let document = self.parse(text, Format::from_path(path_hint));
        let mut diagnostics = lint_document(&document, &self.rules, &self.selection);
        if let Some(lines) = changed {
            let ranges = changed_lines::byte_ranges(&document.lines, document.text.len(), lines);
            diagnostics.retain(|d| changed_lines::touches(&ranges, &d.span));
        }
        Linted {
            document,
            diagnostics,
        }
    }

    /// Reads (size limit, UTF-8 and binary checks) and lints a file.
    pub fn lint_file(&self, path: &Path) -> Result<Linted, FileError> {
        let text = read_file(path, self.max_file_size)?;
        Ok(self.lint_text(&path.display().to_string(), text))
    }

    /// Applies fixes and lints again until a round applies nothing (at
    /// most `fix::MAX_ROUNDS` rounds). With `changed`, only findings on
    /// those lines are fixed and kept; the lines follow the text as fixes
    /// move it.
    pub fn fix_text(
        &self,
        path_hint: &str,
        text: String,
        changed: Option<&[RangeInclusive<usize>]>,
    ) -> Fixed {
        let format = Format::from_path(path_hint);
        let mut allowed: Option<Vec<Range<usize>>> = None;
        let lint = |text: String, allowed: &mut Option<Vec<Range<usize>>>| {
            let document = self.parse(text, format);
            let mut diagnostics = lint_document(&document, &self.rules, &self.selection);
            if let Some(lines) = changed {
                let ranges = allowed.get_or_insert_with(|| {
                    changed_lines::byte_ranges(&document.lines, document.text.len(), lines)
                });
                diagnostics.retain(|d| changed_lines::touches(ranges, &d.span));
            }
            Linted {
                document,
                diagnostics,
            }
        };
        let mut linted = lint(text, &mut allowed);
        let mut fixed = 0;
        for _ in 0..fix::MAX_ROUNDS {
            let applied = fix::apply_fixes(linted.text(), &linted.diagnostics);
            if applied.count == 0 {
                break;
            }
            fixed += applied.count;
            if let Some(ranges) = &mut allowed {
                for r in ranges.iter_mut() {
                    *r = applied.map_range(r);
                }
            }
            linted = lint(applied.text, &mut allowed);
        }
        Fixed { linted, fixed }
    }
}

#[cfg(test)]
mod tests;
