//! A newsroom tool linting a draft held in memory — as a CMS hook would,
//! before an article is published — through the copydesk library rather
//! than the command line. Run it with `cargo run --example library`.
//!
//! It prints each finding with its position (line and UTF-16 column, as a
//! browser editor counts), the evidence the check found, and the fix, applies the safe fixes, then
//! exits 1 if anything reaches warning: the CMS would hold the article.

use copydesk::diagnostic::Severity;
use copydesk::engine::Engine;

const DRAFT: &str = "\
Clashes in Suwayda leave dozens dead

Fighting broke out in Suwayda, a city in southern India, on Sunday.
Officials said the the curfew would hold.
";

fn main() -> std::process::ExitCode {
    // The built-in rules; `Engine::new` takes a `.copydesk.yaml` instead.
    let engine = match Engine::builtin() {
        Ok(engine) => engine,
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            return std::process::ExitCode::from(2);
        }
    };
    // The path only tells the engine the format (.md: Markdown).
    let linted = engine.lint_text("draft.txt", DRAFT.to_string());
    for d in &linted.diagnostics {
        let at = linted.position(d.span.start);
        println!(
            "{}:{} {} [{}] {}",
            at.line,
            at.utf16_column,
            d.severity.as_str(),
            d.rule,
            d.message
        );
        for label in &d.labels {
            let at = linted.position(label.span.start);
            println!(
                "    evidence at {}:{}: {}",
                at.line, at.utf16_column, label.message
            );
        }
        for note in &d.notes {
            println!("    note: {note}");
        }
        if let Some(fix) = &d.fix {
            println!(
                "    fix: replace {:?} with {:?}",
                &linted.text()[fix.span.clone()],
                fix.replacement
            );
        }
    }
    // The safe fixes applied until nothing fixable is left, and what remains.
    let fixed = engine.fix_text("draft.txt", DRAFT.to_string(), None);
    println!(
        "\n{} fix(es) applied; {} finding(s) remain. Corrected text:\n{}",
        fixed.fixed,
        fixed.linted.diagnostics.len(),
        fixed.linted.text()
    );
    if linted.reaches(Severity::Warning) {
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    }
}
