//! Linting many files in parallel gives exactly what one thread gives:
//! same diagnostics, same order, same bytes.

mod common;

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
