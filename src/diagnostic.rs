//! What a check reports: a finding with its evidence, turned into a
//! `Diagnostic` once the rule's id, severity and message are attached.

use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
/// How serious a finding is; orders as info < warning < error.
pub enum Severity {
    /// Advice: worth a look, never a failure by default.
    Info,
    /// Something an editor must look at.
    Warning,
    /// A fact that is wrong.
    Error,
}

impl Severity {
    /// The name used in configs and output: `info`, `warning`, `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity `{other}` (expected error, warning or info)"
            )),
        }
    }
}

/// A secondary label: evidence somewhere else in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// What the span shows ("the body quotes it as …").
    pub message: String,
}

/// A replacement that makes the text right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Byte range the replacement takes the place of.
    pub span: Range<usize>,
    /// The text to write there (empty: delete).
    pub replacement: String,
}

/// What a check found, before the rule's metadata is attached.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Finding {
    /// Byte range of the primary span.
    pub span: Range<usize>,
    /// Values for the rule's message template, e.g. `("match", "Druzes")`.
    pub fields: Vec<(&'static str, String)>,
    /// Secondary spans: the evidence.
    pub labels: Vec<Label>,
    /// Extra lines under the finding (the gazetteer's answer, a word diff).
    pub notes: Vec<String>,
    /// The fix, when the check is sure of one.
    pub fix: Option<Fix>,
    /// Lowers the rule's severity when the evidence is weaker.
    pub severity: Option<Severity>,
}

impl Finding {
    /// A finding at `span` with nothing else yet.
    pub fn at(span: Range<usize>) -> Self {
        Finding {
            span,
            ..Finding::default()
        }
    }

    /// Sets a message-template field.
    pub fn field(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.fields.push((name, value.into()));
        self
    }

    /// Adds an evidence label.
    pub fn label(mut self, span: Range<usize>, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Adds a note.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Sets the fix: replace `span` with `replacement`.
    pub fn fix(mut self, span: Range<usize>, replacement: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }
}

/// A finding of one rule in one file, ready to report.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The rule's id.
    pub rule: String,
    /// The rule's category.
    pub category: String,
    /// The severity in force (config overrides applied).
    pub severity: Severity,
    /// The rendered message.
    pub message: String,
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// Secondary spans: the evidence.
    pub labels: Vec<Label>,
    /// Extra lines under the finding.
    pub notes: Vec<String>,
    /// The fix, if any.
    pub fix: Option<Fix>,
}
