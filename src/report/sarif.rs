//! `--format sarif`: a SARIF 2.1.0 log for code-scanning services (GitHub
//! code scanning, Azure DevOps, IDE viewers). One run; the driver lists every
//! rule in force (so a service knows the rules that ran clean), with help text from their descriptions; each
//! result has relative URIs, a region in Unicode code points, related
//! locations for the evidence, a fix when there is one, and a partial
//! fingerprint that survives edits elsewhere in the file.

use super::json::write_indented;
use super::{fingerprints, FileReport, Report, RuleMeta, Run, WriteColorish};
use crate::diagnostic::{Diagnostic, Severity};
use serde::Serialize;
use serde_json::{json, Value};
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The `partialFingerprints` key; versioned so a change of scheme is a new key.
const FINGERPRINT_KEY: &str = "copydesk/v1";

// A result is a struct so it reads in a natural order (ruleId before the
// details); the leaves are built with `json!`.
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

// The log is written in pieces as files are linted: the driver lists
// every rule in force (known before the first file), so a result's
// `ruleIndex` is known when it is written; the invocation, with the
// notifications of files that could not be read, comes after the results.
impl Report for Sarif {
    fn begin(&self, run: &Run, out: &mut dyn WriteColorish) -> io::Result<()> {
        let tool = json!({"driver": {
            "name": "copydesk",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": run.rules.values().map(rule).collect::<Vec<_>>(),
        }});
        write!(
            out,
            "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": "
        )?;
        write_indented(out, &tool, "\n      ")?;
        write!(
            out,
            ",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ["
        )
    }

    fn file(&self, run: &Run, file: &FileReport, out: &mut dyn WriteColorish) -> io::Result<()> {
        let uri = self.uri(file.path);
        for (i, (d, fp)) in file.diagnostics.iter().zip(fingerprints(file)).enumerate() {
            let index = run.rules.keys().position(|id| *id == d.rule);
            if i > 0 {
                write!(out, ",")?;
            }
            write!(out, "\n        ")?;
            write_indented(out, &result(file, &uri, d, &fp, index), "\n        ")?;
        }
        Ok(())
    }

    fn separator(&self) -> &'static [u8] {
        b","
    }

    fn end(&self, run: &Run, any: bool, out: &mut dyn WriteColorish) -> io::Result<()> {
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
        let invocations = json!([{
            "executionSuccessful": run.errors.is_empty(),
            "toolExecutionNotifications": notifications,
        }]);
        if any {
            write!(out, "\n      ")?;
        }
        write!(out, "],\n      \"invocations\": ")?;
        write_indented(out, &invocations, "\n      ")?;
        writeln!(out, "\n    }}\n  ]\n}}")
    }
}

impl Sarif {
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
        "shortDescription": {"text": meta.summary},
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

fn region(file: &FileReport, span: &Range<usize>) -> Value {
    let (start_line, start_column) = file.line_col(span.start);
    let (end_line, end_column) = file.line_col(span.end);
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}

fn result(
    file: &FileReport,
    uri: &str,
    d: &Diagnostic,
    fingerprint: &str,
    rule_index: Option<usize>,
) -> SarifResult {
    let location = |span: &Range<usize>| {
        json!({"physicalLocation": {
            "artifactLocation": artifact_location(uri),
            "region": region(file, span),
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
                        "deletedRegion": region(file, &fix.span),
                        "insertedContent": {"text": fix.replacement},
                    }],
                }],
            })
        })
        .collect();
    SarifResult {
        rule_id: d.rule.clone(),
        rule_index,
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
