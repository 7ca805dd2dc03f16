//! What each fuzz target does with its input, and the invariants it
//! asserts. Shared by the cargo-fuzz targets in `fuzz/` and by
//! `tests/it/fuzz_regressions.rs`, so a minimized crash input replays
//! through exactly the code that found it.
#![allow(dead_code)]

pub mod lsp;

use codespan_reporting::term::termcolor::NoColor;
use copydesk::config;
use copydesk::diagnostic::Diagnostic;
use copydesk::document::{Document, Format};
use copydesk::fix;
use copydesk::lint::{self, Selection};
use copydesk::report::{self, FileReport, Run};
use copydesk::rules::{parse_rule, LoadContext, LoadError, RuleSet, YamlSource};
use std::ops::Range;
use std::sync::OnceLock;

/// Document parsing, plain text and Markdown, on any bytes.
pub fn document(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    for format in [Format::Text, Format::Markdown] {
        let doc = Document::parse(text.clone(), format);
        check_document(&doc, &text);
    }
}

/// One rule file: it loads or fails with a located error; a rule that
/// loads runs on its own examples.
pub fn rule_yaml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ctx = LoadContext::new(YamlSource::new("fuzz.yaml", text));
    match parse_rule(&ctx) {
        Ok(rule) => {
            let examples = rule.examples.flag.iter().chain(&rule.examples.pass);
            for example in examples.take(8) {
                let diagnostics = lint::run_rule(&rule, example);
                check_diagnostics(example, &diagnostics);
            }
        }
        Err(e) => check_load_error(&e),
    }
}

/// `.copydesk.yaml` text: it parses or fails with a located error.
pub fn config_yaml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = config::parse(&YamlSource::new("fuzz.yaml", text)) {
        check_load_error(&e);
    }
}

/// The whole pipeline with the built-in rules: parse, lint, report in
/// both formats, apply the fixes and lint the result again.
pub fn lint(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    for (format, path) in [(Format::Text, "fuzz.txt"), (Format::Markdown, "fuzz.md")] {
        let (doc, diagnostics) =
            lint::lint_text(text.clone(), format, builtin_rules(), &Selection::default());
        assert_eq!(doc.text, text, "linting changed the text");
        check_diagnostics(&doc.text, &diagnostics);
        check_reports(path, &doc.text, &diagnostics);
        let fixed = fix::apply(&doc.text, &diagnostics);
        if fixed != doc.text {
            let (again, diagnostics) =
                lint::lint_text(fixed, format, builtin_rules(), &Selection::default());
            check_diagnostics(&again.text, &diagnostics);
        }
    }
}

pub fn builtin_rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| match RuleSet::builtin() {
        Ok(rules) => rules,
        Err(errors) => panic!("built-in rules do not load: {errors:?}"),
    })
}

fn check_span(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} not on char boundaries"
    );
}

/// Every element lies in the text, on char boundaries of `prose`, and
/// `prose` keeps the text's length and line breaks.
pub fn check_document(doc: &Document, text: &str) {
    assert_eq!(doc.text, text);
    assert_eq!(doc.prose.len(), text.len(), "prose changed the length");
    let breaks = |s: &str| -> Vec<usize> { s.match_indices('\n').map(|(i, _)| i).collect() };
    assert_eq!(breaks(&doc.prose), breaks(text), "prose moved a line break");
    for block in &doc.blocks {
        check_span(&doc.prose, &block.span, "block");
    }
    for sentence in &doc.sentences {
        check_span(&doc.prose, &sentence.span, "sentence");
        let block = &doc.blocks[sentence.block];
        assert!(
            block.span.start <= sentence.span.start && sentence.span.end <= block.span.end,
            "sentence {:?} outside its block {:?}",
            sentence.span,
            block.span
        );
    }
    for quote in &doc.quotes {
        check_span(&doc.prose, &quote.span, "quote");
        check_span(&doc.prose, &quote.inner, "quote inner");
        assert!(quote.block < doc.blocks.len());
        if let Some(speaker) = &quote.speaker {
            check_span(&doc.prose, &speaker.span, "speaker");
        }
    }
    for offset in [0, text.len() / 2, text.len()] {
        let (line, column) = doc.lines.line_col(text, offset);
        assert!(line >= 1 && column >= 1);
    }
}

/// Diagnostic, label and fix spans lie in the text, on char boundaries.
pub fn check_diagnostics(text: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        check_span(text, &d.span, &d.rule);
        for label in &d.labels {
            check_span(text, &label.span, &format!("{} label", d.rule));
        }
        if let Some(f) = &d.fix {
            check_span(text, &f.span, &format!("{} fix", d.rule));
        }
    }
}

/// A load error points into its own source, on char boundaries, and
/// renders both as one line and as a codespan diagnostic.
pub fn check_load_error(e: &LoadError) {
    check_span(&e.source, &e.span, "load error");
    let line = e.to_string();
    assert!(line.starts_with(&e.path), "{line}");
    let mut out = NoColor::new(Vec::new());
    report::render_load_errors(std::slice::from_ref(e), &mut out).expect("renders");
}

/// Human and JSON reports render; JSON line/column agree with the byte
/// offsets.
pub fn check_reports(path: &str, text: &str, diagnostics: &[Diagnostic]) {
    let lines = copydesk::document::LineIndex::new(text);
    let files = [FileReport {
        path,
        text,
        lines: &lines,
        diagnostics,
    }];
    let write = |format: &dyn report::Report, out: &mut NoColor<Vec<u8>>| {
        report::write_all(format, &mut Run::default(), &files, out)
    };
    let mut human = NoColor::new(Vec::new());
    write(&report::Human, &mut human).expect("human report");
    let mut json = NoColor::new(Vec::new());
    write(&report::Json, &mut json).expect("json report");
    let value: serde_json::Value = serde_json::from_slice(&json.into_inner()).expect("valid JSON");
    check_json_positions(text, &value);
    // The CI formats render too, and the JSON ones parse.
    let formats: [(&dyn report::Report, bool); 6] = [
        (&report::Sarif::default(), true),
        (&report::Gitlab, true),
        (&report::Jsonl, false),
        (&report::Rdjsonl, false),
        (&report::Github, false),
        (&report::Checkstyle, false),
    ];
    for (format, whole_json) in formats {
        let mut out = NoColor::new(Vec::new());
        write(format, &mut out).expect("report renders");
        let out = out.into_inner();
        if whole_json {
            serde_json::from_slice::<serde_json::Value>(&out).expect("valid JSON");
        }
    }
}

/// 1-based line and char column of a byte offset, counted afresh.
pub fn expected_line_col(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = text[line_start..offset].chars().count() + 1;
    (line as u64, column as u64)
}

/// Every position in a JSON report agrees with its byte offsets.
pub fn check_json_positions(text: &str, report: &serde_json::Value) {
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics array");
    let at = |v: &serde_json::Value, key: &str| -> u64 {
        v[key]
            .as_u64()
            .unwrap_or_else(|| panic!("no `{key}` in {v}"))
    };
    for d in diagnostics {
        let (start, end) = (at(d, "byte_start") as usize, at(d, "byte_end") as usize);
        check_span(text, &(start..end), "json diagnostic");
        assert_eq!(
            (at(d, "line"), at(d, "column")),
            expected_line_col(text, start),
            "start position of {d}"
        );
        assert_eq!(
            (at(d, "end_line"), at(d, "end_column")),
            expected_line_col(text, end),
            "end position of {d}"
        );
        for label in d["labels"].as_array().expect("labels array") {
            let start = at(label, "byte_start") as usize;
            check_span(text, &(start..at(label, "byte_end") as usize), "json label");
            assert_eq!(
                (at(label, "line"), at(label, "column")),
                expected_line_col(text, start),
                "label position in {d}"
            );
        }
    }
}
