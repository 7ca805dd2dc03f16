//! Linting many files in parallel gives exactly what one thread gives:
//! same diagnostics, same order, same bytes.

use crate::common;

/// Sentences that trip different rules, and clean ones.
const LINES: &[&str] = &[
    "The talks went on on Saturday.",
    "Suwayda has a high proportion of Druzes.",
    "Advertisement",
    "The minister said the “talks” would go on.",
    "Click here to subscribe for updates.",
    "Officials met in Paris, according to a Syrian official.",
    "al-Qaeda and al-Qaida were both named.",
    "<!-- copydesk-disable-next-line doubled-word -->\nIt was was fine.",
    "Ελλάδα and 日本 and café.",
];

/// A small deterministic generator, so the files are the same every run.
fn next(seed: &mut u64) -> usize {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*seed >> 33) as usize
}

#[test]
fn ten_thousand_files_in_parallel_match_one_thread() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut seed = 9;
    for i in 0..10_000 {
        let ext = if i % 3 == 0 { "md" } else { "txt" };
        let lines: Vec<&str> = (0..1 + next(&mut seed) % 4)
            .map(|_| LINES[next(&mut seed) % LINES.len()])
            .collect();
        common::write(
            &dir.path().join(format!("d{:02}", i % 100)),
            &format!("f{i:05}.{ext}"),
            lines.join("\n\n"),
        );
    }
    let run = |threads: Option<&str>| {
        let mut cmd = common::command(dir.path());
        cmd.args(["check", "--format", "json", "."]);
        if let Some(n) = threads {
            cmd.env("RAYON_NUM_THREADS", n);
        }
        let out = cmd.output().expect("copydesk runs");
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let serial = run(Some("1"));
    let parallel = run(None);
    assert!(serial == parallel, "parallel output differs from serial");
    let report: serde_json::Value = serde_json::from_slice(&serial).expect("JSON");
    assert_eq!(report["summary"]["files"], 10_000);
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    assert!(diagnostics.len() > 5_000, "{}", diagnostics.len());
    let paths: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert!(paths.windows(2).all(|w| w[0] <= w[1]), "not sorted by path");
}

/// A draft rewritten again and again while a run lints it (and thousands
/// of files around it) is reported from the text that was linted: every
/// finding's line and column fit one version of the file, never a mix,
/// and no file is lost to an error.
#[test]
fn a_draft_edited_during_a_run_keeps_the_findings_of_what_was_linted() {
    use std::sync::atomic::{AtomicBool, Ordering};
    const FIRST: &str = "Title\n\nThe the cat sat.\n";
    const SECOND: &str = "Title\n\nA new opening paragraph.\n\nA dog and and a cat.\n";
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..3000 {
        common::write(dir.path(), &format!("f{i:04}.txt"), LINES[i % LINES.len()]);
    }
    let draft = common::write(dir.path(), "a-draft.txt", FIRST);
    let stop = AtomicBool::new(false);
    let outcome = std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut n = 0usize;
            while !stop.load(Ordering::Relaxed) {
                // Atomic replacement, as editors save.
                let tmp = dir.path().join("a-draft.tmp");
                std::fs::write(&tmp, if n.is_multiple_of(2) { SECOND } else { FIRST })
                    .expect("write");
                std::fs::rename(&tmp, &draft).expect("rename");
                n += 1;
            }
        });
        let outcome = common::run(dir.path(), &["check", "--format", "json", "."]);
        stop.store(true, Ordering::Relaxed);
        outcome
    });
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert!(outcome.stderr.is_empty(), "{}", outcome.stderr);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).expect("json");
    let found: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["path"] == "a-draft.txt")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let d = found[0];
    let at = (&d["message"], &d["line"], &d["column"], &d["byte_start"]);
    let fits_first = d["message"].as_str().is_some_and(|m| m.contains("The the"))
        && d["line"] == 3
        && d["byte_start"] == FIRST.find("The the").unwrap_or(0);
    let fits_second = d["message"].as_str().is_some_and(|m| m.contains("and and"))
        && d["line"] == 5
        && d["byte_start"] == SECOND.find("and and").unwrap_or(0);
    assert!(fits_first || fits_second, "{at:?}");
}
