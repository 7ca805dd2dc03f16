//! copydesk findings as LSP diagnostics: ranges in the negotiated
//! position encoding, the rule id as code with a link to its docs, the
//! evidence (secondary labels) as related information, notes in the
//! message.

use super::rule_docs;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{LineIndex, Position};
use crate::engine::{Engine, Linted};
use crate::rules::LoadError;
use lsp_types as lsp;
use lsp_types::Url;
use std::ops::Range;

pub const SOURCE: &str = "copydesk";

/// How the client counts columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf16,
    Utf8,
}

impl Encoding {
    pub fn is_utf16(self) -> bool {
        self == Encoding::Utf16
    }

    pub fn kind(self) -> lsp::PositionEncodingKind {
        match self {
            Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
            Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        }
    }

    fn position(self, p: Position) -> lsp::Position {
        let column = match self {
            Encoding::Utf16 => p.utf16_column,
            Encoding::Utf8 => p.byte_column,
        };
        lsp::Position::new(to_u32(p.line - 1), to_u32(column - 1))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The range of a byte span of `text`.
pub fn range(lines: &LineIndex, text: &str, span: &Range<usize>, enc: Encoding) -> lsp::Range {
    lsp::Range::new(
        enc.position(lines.position(text, span.start)),
        enc.position(lines.position(text, span.end)),
    )
}

/// The byte offset of a client position in `text`.
pub fn offset(lines: &LineIndex, text: &str, p: lsp::Position, enc: Encoding) -> usize {
    lines.offset_of(text, p.line as usize, p.character as usize, enc.is_utf16())
}

fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// One finding of a linted document at `uri`.
pub fn diagnostic(
    engine: &Engine,
    linted: &Linted,
    uri: &Url,
    d: &Diagnostic,
    enc: Encoding,
) -> lsp::Diagnostic {
    let (lines, text) = (linted.lines(), linted.text());
    let mut message = d.message.clone();
    for note in &d.notes {
        message.push_str("\nnote: ");
        message.push_str(note);
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), range(lines, text, &l.span, enc)),
            message: l.message.clone(),
        })
        .collect();
    let href = engine.rules().get(&d.rule).and_then(rule_docs::href);
    lsp::Diagnostic {
        range: range(lines, text, &d.span, enc),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.rule.clone())),
        code_description: href.map(|href| lsp::CodeDescription { href }),
        source: Some(SOURCE.into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// Every finding of a linted document.
pub fn diagnostics(
    engine: &Engine,
    linted: &Linted,
    uri: &Url,
    enc: Encoding,
) -> Vec<lsp::Diagnostic> {
    let mut out: Vec<lsp::Diagnostic> = linted
        .diagnostics
        .iter()
        .map(|d| diagnostic(engine, linted, uri, d, enc))
        .collect();
    // The command line refuses such a draft; the editor shows where.
    if let Some(e) = &linted.document.front_matter_error {
        let at = e.offset..e.offset;
        out.push(lsp::Diagnostic {
            range: range(linted.lines(), linted.text(), &at, enc),
            ..whole_file(e.to_string(), lsp::DiagnosticSeverity::ERROR)
        });
    }
    out
}

/// A message pinned to the start of a document (a refused draft, a
/// config that does not load).
pub fn whole_file(message: String, severity: lsp::DiagnosticSeverity) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: lsp::Range::default(),
        severity: Some(severity),
        source: Some(SOURCE.into()),
        message,
        ..lsp::Diagnostic::default()
    }
}

/// A config or rule file error, located in that file.
pub fn load_error(e: &LoadError, enc: Encoding) -> lsp::Diagnostic {
    let lines = LineIndex::new(&e.source);
    let span = e.span.start.min(e.source.len())..e.span.end.min(e.source.len());
    let mut message = e.message.clone();
    for note in &e.notes {
        message.push_str("\nnote: ");
        message.push_str(note);
    }
    lsp::Diagnostic {
        range: range(&lines, &e.source, &span, enc),
        ..whole_file(message, lsp::DiagnosticSeverity::ERROR)
    }
}
