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

/// Where the tool's documentation lives (SARIF `informationUri`).
const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

/// SARIF output. Paths are written relative to `base` (the directory the
/// run started in) when they lie below it, as code-scanning services
/// resolve them against the checkout root.
#[derive(Debug, Clone, Default)]
pub struct Sarif {
    /// Directory artifact URIs are made relative to (`%SRCROOT%`).
    pub base: Option<PathBuf>,
    /// The git checkout `base` is in, if any (`versionControlProvenance`).
    pub vcs: Option<VersionControl>,
}

/// The revision of the repository the drafts were linted in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionControl {
    /// The remote's URL without credentials, or the checkout's `file:` URI.
    pub repository_uri: String,
    /// The commit checked out.
    pub revision_id: String,
    /// The branch checked out, if any.
    pub branch: Option<String>,
    /// `base` relative to the repository root, `/`-separated with a
    /// trailing `/` (empty when `base` is the root).
    pub base_in_repository: String,
}

impl VersionControl {
    /// `versionControlProvenance` and, when the run's directory is below
    /// the repository root, the `originalUriBaseIds` that place it there.
    fn sarif(&self) -> (Value, Option<Value>) {
        let mut details = json!({
            "repositoryUri": self.repository_uri,
            "revisionId": self.revision_id,
        });
        if let (Some(branch), Some(map)) = (&self.branch, details.as_object_mut()) {
            map.insert("branch".into(), json!(branch));
        }
        let (mapped_to, base_ids) = if self.base_in_repository.is_empty() {
            (json!({"uriBaseId": "%SRCROOT%"}), None)
        } else {
            (
                json!({"uriBaseId": "REPOROOT"}),
                Some(json!({
                    "REPOROOT": {"description": {"text": "The root of the git repository."}},
                    "%SRCROOT%": {"uri": percent_encode(&self.base_in_repository), "uriBaseId": "REPOROOT"},
                })),
            )
        };
        if let Some(map) = details.as_object_mut() {
            map.insert("mappedTo".into(), mapped_to);
        }
        (json!([details]), base_ids)
    }
}

// The log is written in pieces as files are linted: the driver lists
// every rule in force (known before the first file), so a result's
// `ruleIndex` is known when it is written; the invocation, with the
// notifications of files that could not be read, comes after the results.
impl Report for Sarif {
    fn begin(&self, run: &Run, out: &mut dyn WriteColorish) -> io::Result<()> {
        let tool = json!({"driver": {
            "name": "copydesk",
            "informationUri": INFORMATION_URI,
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": run.rules.values().map(rule).collect::<Vec<_>>(),
        }});
        write!(
            out,
            "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": "
        )?;
        write_indented(out, &tool, "\n      ")?;
        if let Some(vcs) = &self.vcs {
            let (provenance, base_ids) = vcs.sarif();
            write!(out, ",\n      \"versionControlProvenance\": ")?;
            write_indented(out, &provenance, "\n      ")?;
            if let Some(ids) = base_ids {
                write!(out, ",\n      \"originalUriBaseIds\": ")?;
                write_indented(out, &ids, "\n      ")?;
            }
        }
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
        "name": friendly_name(&meta.id),
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

/// `demonym-plural` -> `DemonymPlural`: SARIF's Pascal-case rule name.
fn friendly_name(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
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

/// A region in code points; with `snippet`, the flagged text itself, so a
/// viewer without the file still shows what was found.
fn region(file: &FileReport, span: &Range<usize>, snippet: bool) -> Value {
    let (start_line, start_column) = file.line_col(span.start);
    let (end_line, end_column) = file.line_col(span.end);
    let mut region = json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    });
    match (file.text.get(span.clone()), region.as_object_mut()) {
        (Some(text), Some(map)) if snippet && !text.is_empty() => {
            map.insert("snippet".into(), json!({"text": text}));
        }
        _ => {}
    }
    region
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
            "region": region(file, span, true),
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
                        "deletedRegion": region(file, &fix.span, false),
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
            vcs: None,
        };
        assert_eq!(sarif.uri("./drafts/a b.md"), "drafts/a%20b.md");
        assert_eq!(sarif.uri("/news/drafts/é.md"), "drafts/%C3%A9.md");
        assert_eq!(sarif.uri("/elsewhere/x.md"), "file:///elsewhere/x.md");
    }

    #[test]
    fn friendly_names_are_pascal_case() {
        assert_eq!(friendly_name("demonym-plural"), "DemonymPlural");
        assert_eq!(friendly_name("house_rule-2"), "HouseRule2");
    }

    #[test]
    fn provenance_maps_the_run_directory_into_the_repository() {
        let mut vcs = VersionControl {
            repository_uri: "https://example.org/news.git".into(),
            revision_id: "abc".into(),
            branch: Some("main".into()),
            base_in_repository: String::new(),
        };
        let (p, ids) = vcs.sarif();
        assert_eq!(p[0]["mappedTo"]["uriBaseId"], "%SRCROOT%");
        assert_eq!(p[0]["branch"], "main");
        assert!(ids.is_none());
        vcs.base_in_repository = "desk/drafts/".into();
        let (p, ids) = vcs.sarif();
        assert_eq!(p[0]["mappedTo"]["uriBaseId"], "REPOROOT");
        let ids = ids.expect("base ids");
        assert_eq!(ids["%SRCROOT%"]["uri"], "desk/drafts/");
        assert_eq!(ids["%SRCROOT%"]["uriBaseId"], "REPOROOT");
    }

    #[test]
    fn help_markdown_bolds_sections() {
        let md = help_markdown("What it flags: a thing\nmore.\nWhy: because.\n");
        assert_eq!(md, "**What it flags:** a thing\nmore.\n\n**Why:** because.");
    }
}
