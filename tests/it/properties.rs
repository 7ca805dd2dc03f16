//! Properties over generated drafts — prose with every kind of quote and
//! apostrophe, Markdown markup, HTML comments, CRLF, a BOM, multibyte and
//! arbitrary chars: spans stay in the text and on char boundaries, JSON
//! positions agree with byte offsets, output is deterministic at any
//! thread count, fixes converge, and linting never writes a file.
//! Case counts are kept small so the suite stays fast in debug builds.

use crate::common;
use crate::fuzz_harness;

use copydesk::document::Format;
use copydesk::fix;
use copydesk::lint::{lint_text, Selection};
use fuzz_harness::{builtin_rules, check_diagnostics, check_reports};
use proptest::prelude::*;
use proptest::sample::select;
use std::path::Path;

const WORDS: &[&str] = &[
    "The",
    "minister",
    "said",
    "the",
    "the the",
    "was was",
    "talks",
    "Druzes",
    "Druze",
    "Suwayda",
    "southern",
    "Syria",
    "India",
    "al-Qaeda",
    "al-Qaida",
    "café",
    "naïve",
    "e\u{301}",
    "Ελλάδα",
    "日本",
    "🙂",
    "\u{200b}",
    "U.S.",
    "Dr.",
    "Source: Reuters",
    "By Jane Doe",
    "Photo: AP",
    "Advertisement",
    "Leave a Reply",
    "Click here to subscribe",
];

const MARKS: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "don't",
    "parties’",
    "’90s",
    "'em",
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "…",
    "(",
    ")",
    "—",
];

const MARKUP: &[&str] = &[
    "# ",
    "## ",
    "**",
    "*",
    "_",
    "`",
    "[link](https://example.com/a_b)",
    "> ",
    "- ",
    "1. ",
    "```",
    "<b>",
    "</b>",
    "<!-- copydesk-disable-next-line doubled-word -->",
    "<!-- copydesk-disable -->",
    "<!-- copydesk-enable -->",
    "<!-- copydesk-disable style -->",
    "<!--",
    "-->",
    "---",
    "title: X",
];

const BREAKS: &[&str] = &[
    " ", " ", " ", " ", "\n", "\r\n", "\n\n", "\r\n\r\n", "\t", "",
];

fn fragment() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => select(WORDS),
        3 => select(MARKS),
        2 => select(MARKUP),
    ]
    .prop_map(str::to_string);
    let odd = prop::collection::vec(any::<char>(), 1..4).prop_map(String::from_iter);
    let piece = prop_oneof![10 => piece, 1 => odd];
    (piece, select(BREAKS)).prop_map(|(p, b)| format!("{p}{b}"))
}

/// A draft: optional BOM, optional front matter, then fragments.
fn draft() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(fragment(), 0..80),
    )
        .prop_map(|(bom, front_matter, parts)| {
            let mut text = String::new();
            if bom {
                text.push('\u{feff}');
            }
            if front_matter {
                text.push_str("---\ntitle: \"Talks in Paris\"\ndek: The the talks\n---\n");
            }
            text.extend(parts);
            text
        })
}

fn json_report(path: &str, text: &str, format: Format) -> Vec<u8> {
    use copydesk::report::{FileReport, Run};
    let (doc, diagnostics) = lint_text(
        text.to_string(),
        format,
        builtin_rules(),
        &Selection::default(),
    );
    let files = [FileReport {
        path,
        text: &doc.text,
        lines: &doc.lines,
        diagnostics: &diagnostics,
    }];
    let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
    copydesk::report::write_all(
        &copydesk::report::Json,
        &mut Run::default(),
        &files,
        &mut out,
    )
    .expect("json");
    out.into_inner()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Spans in the text on char boundaries; JSON line/column agree with
    /// the byte offsets; the same input gives the same bytes.
    #[test]
    fn spans_and_positions_hold(text in draft()) {
        for (format, path) in [(Format::Text, "d.txt"), (Format::Markdown, "d.md")] {
            let (doc, diagnostics) =
                lint_text(text.clone(), format, builtin_rules(), &Selection::default());
            prop_assert_eq!(&doc.text, &text);
            check_diagnostics(&text, &diagnostics);
            check_reports(path, &text, &diagnostics);
            prop_assert_eq!(json_report(path, &text, format), json_report(path, &text, format));
        }
    }

    /// Applying fixes converges: within a few rounds no fixable finding is
    /// left (overlapping fixes wait for the next round, as `--fix` does).
    #[test]
    fn fixes_converge(text in draft()) {
        for format in [Format::Text, Format::Markdown] {
            let mut current = text.clone();
            let mut rounds = 0;
            loop {
                let (doc, diagnostics) =
                    lint_text(current.clone(), format, builtin_rules(), &Selection::default());
                if fix::count(&diagnostics) == 0 {
                    break;
                }
                rounds += 1;
                prop_assert!(rounds <= 8, "fixes do not converge on {:?}", text);
                let fixed = fix::apply(&doc.text, &diagnostics);
                prop_assert_ne!(&fixed, &doc.text, "a fix that changes nothing");
                current = fixed;
            }
        }
    }
}

/// Runs `copydesk check` over `dir`: exit code, stdout, stderr.
fn check_dir(dir: &Path, format: &str, threads: Option<&str>) -> (i32, Vec<u8>, Vec<u8>) {
    let mut cmd = common::command(dir);
    cmd.args(["check", "--color", "never", "--format", format, "."]);
    if let Some(n) = threads {
        cmd.env("RAYON_NUM_THREADS", n);
    }
    let out = cmd.output().expect("copydesk runs");
    (out.status.code().unwrap_or(-1), out.stdout, out.stderr)
}

/// Every file's bytes and modification time.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| {
            let meta = e.metadata().expect("metadata");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
                meta.modified().expect("mtime"),
            )
        })
        .collect();
    files.sort();
    files
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    /// Over a directory of generated drafts: the same bytes out with one
    /// thread or many, run after run; no file is touched.
    #[test]
    fn runs_are_deterministic_and_read_only(drafts in prop::collection::vec(draft(), 24..40)) {
        let dir = tempfile::tempdir().expect("tempdir");
        for (i, text) in drafts.iter().enumerate() {
            let ext = if i % 2 == 0 { "md" } else { "txt" };
            common::write(dir.path(), &format!("draft-{i:03}.{ext}"), text);
        }
        let before = snapshot(dir.path());
        for format in ["json", "human"] {
            let serial = check_dir(dir.path(), format, Some("1"));
            // 2 is a file error (a generated NUL makes a "binary" file), not a crash.
            prop_assert!((0..=2).contains(&serial.0), "exit {}", serial.0);
            prop_assert_eq!(&serial, &check_dir(dir.path(), format, None));
            prop_assert_eq!(&serial, &check_dir(dir.path(), format, Some("4")));
        }
        prop_assert_eq!(before, snapshot(dir.path()));
    }
}
