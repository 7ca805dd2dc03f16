//! In-process micro-benchmarks (divan): rule loading, parsing, linting
//! with all rules and with each rule alone, and the reports. They isolate
//! what `scripts/bench.sh` measures end to end.
//!
//! `cargo bench --bench lint` runs them all; `cargo bench --bench lint -- rule`
//! only the per-rule ones. Sizes are copies of the seed article (2.5 kB),
//! so throughput across 1, 16 and 64 copies shows whether cost is linear
//! in document length. The allocation profiler counts allocations per
//! iteration: a hot loop that allocates per word shows up there first.

use copydesk::document::{Document, Format};
use copydesk::lint::{lint_document, lint_text, Selection};
use copydesk::report::{FileReport, Human, Json, Report, Run};
use copydesk::rules::RuleSet;
use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use std::sync::LazyLock;

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

const SEED: &str = include_str!("../examples/seed-article.txt");
const COPIES: &[usize] = &[1, 16, 64];

/// The seed article `copies` times, as one draft.
fn draft(copies: usize) -> String {
    vec![SEED.trim_end(); copies].join("\n\n")
}

static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::builtin().expect("built-in rules load"));

fn rule_ids() -> Vec<String> {
    RULES.iter().map(|r| r.id.clone()).collect()
}

/// Loading and compiling every built-in rule: paid once per process.
#[divan::bench(sample_count = 20)]
fn builtin_rules() -> RuleSet {
    RuleSet::builtin().expect("built-in rules load")
}

/// Text -> `Document`: blocks, sentences, quotations, line index.
#[divan::bench(args = COPIES)]
fn parse(bencher: Bencher, copies: usize) {
    let text = draft(copies);
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| text.clone())
        .bench_values(|text| Document::parse(text, Format::Text));
}

/// Markdown goes through pulldown-cmark instead of the plain-text splitter.
#[divan::bench(args = COPIES)]
fn parse_markdown(bencher: Bencher, copies: usize) {
    let text = draft(copies);
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| text.clone())
        .bench_values(|text| Document::parse(text, Format::Markdown));
}

/// Parse plus every built-in rule: what `copydesk check` does per file.
#[divan::bench(args = COPIES)]
fn lint_all(bencher: Bencher, copies: usize) {
    let text = draft(copies);
    let selection = Selection::default();
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| text.clone())
        .bench_values(|text| lint_text(text, Format::Text, &RULES, &selection));
}

/// One rule alone on a parsed 16-copy draft (parsing excluded).
#[divan::bench(args = rule_ids())]
fn rule(bencher: Bencher, id: &str) {
    let doc = Document::parse(draft(16), Format::Text);
    let selection = Selection {
        select: vec![id.to_string()],
        ..Selection::default()
    };
    bencher
        .counter(BytesCount::of_str(&doc.text))
        .bench(|| lint_document(black_box(&doc), &RULES, &selection));
}

/// A linted 64-copy draft, for the reports.
fn linted(copies: usize) -> (Document, Vec<copydesk::diagnostic::Diagnostic>) {
    lint_text(draft(copies), Format::Text, &RULES, &Selection::default())
}

fn bench_report(bencher: Bencher, format: &dyn Report) {
    let (doc, diagnostics) = linted(64);
    let files = [FileReport {
        path: "draft.txt",
        text: &doc.text,
        lines: &doc.lines,
        diagnostics: &diagnostics,
    }];
    bencher.bench(|| {
        let mut out = codespan_reporting::term::termcolor::NoColor::new(std::io::sink());
        copydesk::report::write_all(format, &mut Run::default(), black_box(&files), &mut out)
    });
}

#[divan::bench]
fn report_json(bencher: Bencher) {
    bench_report(bencher, &Json);
}

#[divan::bench]
fn report_human(bencher: Bencher) {
    bench_report(bencher, &Human);
}
