//! Runs rules over a parsed document: selection, suppressions, severity
//! overrides, message templates, and a deterministic order.

use crate::diagnostic::{Diagnostic, Finding, Severity};
use crate::document::{Document, Format};
use crate::rules::{render_message, Rule, RuleSet};
use std::collections::HashMap;

/// Which rules run and how loud they are (resolved from config and flags).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Rule ids or categories to run; empty means all.
    pub select: Vec<String>,
    /// Rule ids or categories to skip (wins over `select`).
    pub ignore: Vec<String>,
    /// Per-rule severity overrides.
    pub severity: HashMap<String, Severity>,
}

impl Selection {
    /// Whether `rule` runs under this selection.
    pub fn enables(&self, rule: &Rule) -> bool {
        let named = |list: &[String]| {
            list.iter()
                .any(|s| s == &rule.id || s == rule.category.as_str() || s == "all")
        };
        (self.select.is_empty() || named(&self.select)) && !named(&self.ignore)
    }
}

/// Lints `text` with every enabled rule.
pub fn lint_text(
    text: String,
    format: Format,
    rules: &RuleSet,
    selection: &Selection,
) -> (Document, Vec<Diagnostic>) {
    let doc = Document::parse(text, format);
    let diagnostics = lint_document(&doc, rules, selection);
    (doc, diagnostics)
}

/// Runs every selected rule over `doc`; diagnostics in document order, suppressions applied.
pub fn lint_document(doc: &Document, rules: &RuleSet, selection: &Selection) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut findings = Vec::new();
    for rule in rules.iter().filter(|r| selection.enables(r)) {
        findings.clear();
        rule.check.check(doc, &mut findings);
        let base = selection
            .severity
            .get(&rule.id)
            .copied()
            .unwrap_or(rule.severity);
        for finding in findings.drain(..) {
            if doc
                .suppressions
                .covers(&rule.id, rule.category.as_str(), finding.span.start)
            {
                continue;
            }
            diagnostics.push(to_diagnostic(rule, base, finding, &doc.text));
        }
    }
    sort_and_dedup(&mut diagnostics);
    diagnostics
}

/// Runs one rule alone (rule examples, `test-rules`).
pub fn run_rule(rule: &Rule, text: &str) -> Vec<Diagnostic> {
    let doc = Document::parse(text.to_string(), Format::Text);
    let mut findings = Vec::new();
    rule.check.check(&doc, &mut findings);
    findings
        .into_iter()
        .map(|f| to_diagnostic(rule, rule.severity, f, &doc.text))
        .collect()
}

fn to_diagnostic(rule: &Rule, base: Severity, finding: Finding, text: &str) -> Diagnostic {
    let severity = finding.severity.map_or(base, |s| s.min(base));
    Diagnostic {
        rule: rule.id.clone(),
        category: rule.category.as_str().to_string(),
        severity,
        message: render_message(&rule.message, &finding.fields),
        span: on_char_boundaries(text, finding.span),
        labels: finding
            .labels
            .into_iter()
            .map(|mut l| {
                l.span = on_char_boundaries(text, l.span);
                l
            })
            .collect(),
        notes: finding.notes,
        fix: finding.fix.map(|mut f| {
            f.span = on_char_boundaries(text, f.span);
            f
        }),
    }
}

/// Clamps a span into the text and onto char boundaries, so a check's
/// off-by-one can never produce a garbage span in a report.
fn on_char_boundaries(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.min(text.len()).max(start);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// Sorted by position then rule id; where two rules of one category flag
/// the very same span, only the more severe one is kept (one problem, one finding).
fn sort_and_dedup(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        (
            a.span.start,
            a.span.end,
            &a.category,
            std::cmp::Reverse(a.severity),
            &a.rule,
        )
            .cmp(&(
                b.span.start,
                b.span.end,
                &b.category,
                std::cmp::Reverse(b.severity),
                &b.rule,
            ))
    });
    diagnostics.dedup_by(|later, earlier| {
        later.span == earlier.span && later.category == earlier.category
    });
    diagnostics.sort_by(|a, b| {
        (a.span.start, &a.rule, a.span.end).cmp(&(b.span.start, &b.rule, b.span.end))
    });
}

/// Why an example failed, or None when it behaves.
pub fn example_failure(rule: &Rule, text: &str, should_flag: bool) -> Option<String> {
    let found: Vec<_> = run_rule(rule, text)
        .into_iter()
        .filter(|d| d.rule == rule.id)
        .collect();
    match (should_flag, found.is_empty()) {
        (true, true) => Some("expected a finding, got none".into()),
        (false, false) => Some(format!("expected no finding, got: {}", found[0].message)),
        _ => None,
    }
}
