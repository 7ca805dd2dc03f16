//! `--format sarif`: a SARIF 2.1.0 log for code-scanning services (GitHub
//! code scanning, Azure DevOps, IDE viewers). One run; the driver lists the
//! rules that have results, with help text from their descriptions; each
//! result has relative URIs, a region in Unicode code points, related
//! locations for the evidence, a fix when there is one, and a partial
//! fingerprint that survives edits elsewhere in the file.

use super::{fingerprints, Positions, Report, RuleMeta, Run, WriteColorish};
use crate::diagnostic::{Diagnostic, Severity};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The `partialFingerprints` key; versioned so a change of scheme is a new key.
const FINGERPRINT_KEY: &str = "copydesk/v1";

// The outer objects are structs so the log reads in a natural order
// (version before runs, ruleId before the details); the leaves are built
// with `json!`.
#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<SarifRun>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRun {
    tool: Value,
    invocations: Value,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Value,
    locations: Vec<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Value>,
    partial_fingerprints: Value,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Value>,
}

/// SARIF output. Paths are written relative to `base` (the directory the
/// run started in) when they lie below it, as code-scanning services
/// resolve them against the checkout root.
#[derive(Debug, Clone, Default)]
pub struct Sarif {
    pub base: Option<PathBuf>,
}

impl Report for Sarif {
    fn write(&self, run: &Run, out: &mut dyn WriteColorish) -> io::Result<()> {
        let log = self.build(run);
        serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
        writeln!(out)
    }
}

impl Sarif {
    /// The whole SARIF log as JSON.
    pub fn log(&self, run: &Run) -> Value {
        serde_json::to_value(self.build(run)).unwrap_or(Value::Null)
    }

    fn build(&self, run: &Run) -> Log {
        let used: BTreeMap<&str, &RuleMeta> = run
            .files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter_map(|d| run.rules.get(&d.rule))
            .map(|m| (m.id.as_str(), m))
            .collect();
        let index: BTreeMap<&str, usize> =
            used.keys().enumerate().map(|(i, id)| (*id, i)).collect();
        let results: Vec<SarifResult> = run
            .reports()
            .flat_map(|(file, text)| {
                let uri = self.uri(&file.path);
                let positions = Positions::new(&text);
                file.diagnostics
                    .iter()
                    .zip(fingerprints(file, &text))
                    .map(|(d, fp)| result(&positions, &uri, d, &fp, index.get(d.rule.as_str())))
                    .collect::<Vec<_>>()
            })
            .collect();
        let notifications: Vec<Value> = run
            .errors
            .iter()
            .map(|e| {
                json!({
                    "level": "error",
                    "message": {"text": e.message},
                    "locations": [{"physicalLocation": {"artifactLocation": artifact_location(&self.uri(&e.path))}}],
                })
            })
            .collect();
        Log {
            schema: SCHEMA,
            version: "2.1.0",
            runs: vec![SarifRun {
                tool: json!({"driver": {
                    "name": "copydesk",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": used.values().map(|m| rule(m)).collect::<Vec<_>>(),
                }}),
                invocations: json!([{
                    "executionSuccessful": run.errors.is_empty(),
                    "toolExecutionNotifications": notifications,
                }]),
                column_kind: "unicodeCodePoints",
                results,
            }],
        }
    }

    /// A relative URI reference for `path` (percent-encoded, `/`-separated).
    fn uri(&self, path: &str) -> String {
        let p = Path::new(path);
        let relative = match &self.base {
            Some(base) if p.is_absolute() => p.strip_prefix(base).unwrap_or(p),
            _ => p,
        };
        let text = relative.to_string_lossy().replace('\\', "/");
        let text = text.strip_prefix("./").unwrap_or(&text);
        let encoded = percent_encode(text);
        if relative.is_absolute() {
            format!("file://{encoded}")
        } else {
            encoded
        }
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A `reportingDescriptor`: id, one-line and full description, help in
/// text and Markdown, default level, and the category as a tag.
fn rule(meta: &RuleMeta) -> Value {
    let mut descriptor = json!({
        "id": meta.id,
        "shortDescription": {"text": meta.summary()},
        "fullDescription": {"text": meta.description},
        "help": {"text": meta.description, "markdown": help_markdown(&meta.description)},
        "defaultConfiguration": {"level": level(meta.severity)},
        "properties": {"tags": [meta.category], "kind": meta.kind},
    });
    if let (Some(link), Some(map)) = (&meta.link, descriptor.as_object_mut()) {
        map.insert("helpUri".into(), json!(link));
    }
    descriptor
}

/// The description with its section names in bold, each starting a paragraph.
fn help_markdown(description: &str) -> String {
    const SECTIONS: [&str; 4] = ["What it flags:", "Why:", "How to fix:", "Example:"];
    let mut out = String::new();
    for line in description.lines() {
        let trimmed = line.trim_start();
        match SECTIONS.iter().find(|s| trimmed.starts_with(*s)) {
            Some(section) => {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(&format!("**{section}**{}", &trimmed[section.len()..]));
            }
            None => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(trimmed);
            }
        }
    }
    out
}

/// A relative URI is resolved against `%SRCROOT%`, the checkout root.
fn artifact_location(uri: &str) -> Value {
    if uri.starts_with("file:") {
        json!({"uri": uri})
    } else {
        json!({"uri": uri, "uriBaseId": "%SRCROOT%"})
    }
}

fn region(positions: &Positions, span: &Range<usize>) -> Value {
    let (start_line, start_column) = positions.line_col(span.start);
    let (end_line, end_column) = positions.line_col(span.end);
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}

fn result(
    positions: &Positions,
    uri: &str,
    d: &Diagnostic,
    fingerprint: &str,
    rule_index: Option<&usize>,
) -> SarifResult {
    let location = |span: &Range<usize>| {
        json!({"physicalLocation": {
            "artifactLocation": artifact_location(uri),
            "region": region(positions, span),
        }})
    };
    // Notes carry the evidence ("gazetteer: …"); viewers show only the
    // message, so they go into it.
    let mut message = d.message.clone();
    for note in &d.notes {
        message.push_str(&format!("\nnote: {note}"));
    }
    let related_locations = d
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut loc = location(&l.span);
            if let Some(map) = loc.as_object_mut() {
                map.insert("id".into(), json!(i + 1));
                map.insert("message".into(), json!({"text": l.message}));
            }
            loc
        })
        .collect();
    let fixes = d
        .fix
        .iter()
        .map(|fix| {
            let description = if fix.replacement.is_empty() {
                "Delete this".to_string()
            } else {
                format!("Replace with `{}`", fix.replacement)
            };
            json!({
                "description": {"text": description},
                "artifactChanges": [{
                    "artifactLocation": artifact_location(uri),
                    "replacements": [{
                        "deletedRegion": region(positions, &fix.span),
                        "insertedContent": {"text": fix.replacement},
                    }],
                }],
            })
        })
        .collect();
    SarifResult {
        rule_id: d.rule.clone(),
        rule_index: rule_index.copied(),
        level: level(d.severity),
        message: json!({"text": message}),
        locations: vec![location(&d.span)],
        related_locations,
        partial_fingerprints: json!({FINGERPRINT_KEY: fingerprint}),
        fixes,
    }
}

/// Percent-encodes everything but unreserved characters and `/` (RFC 3986),
/// so a path with spaces or accents is still a valid URI reference.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        let sarif = Sarif {
            base: Some(PathBuf::from("/news")),
        };
        assert_eq!(sarif.uri("./drafts/a b.md"), "drafts/a%20b.md");
        assert_eq!(sarif.uri("/news/drafts/é.md"), "drafts/%C3%A9.md");
        assert_eq!(sarif.uri("/elsewhere/x.md"), "file:///elsewhere/x.md");
    }

    #[test]
    fn help_markdown_bolds_sections() {
        let md = help_markdown("What it flags: a thing\nmore.\nWhy: because.\n");
        assert_eq!(md, "**What it flags:** a thing\nmore.\n\n**Why:** because.");
    }
}
