//! The number rules over a hand-written set of cases
//! (tests/fixtures/numbers/): `flag/RULE/*.txt` must give a finding of
//! RULE, `pass/*.txt` (correct texts a careless checker would flag:
//! rounding, updated tolls, relatives, different things counted, correct
//! dates) must give no warning or error of the `numbers` category.
//! Prints recall and false alarms; asserts recall ≥ 90 % and none.

use crate::common::repo_root;
use copydesk::config::LoadedConfig;
use copydesk::diagnostic::Severity;
use copydesk::engine::{Engine, Overrides};
use std::path::PathBuf;

fn files(dir: PathBuf) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .collect();
    out.sort();
    out
}

#[test]
fn number_rules_recall_and_false_alarms() {
    let overrides = Overrides {
        select: vec!["numbers".into()],
        ..Overrides::default()
    };
    let engine = Engine::new(&LoadedConfig::default(), &overrides).expect("built-in rules load");
    let root = repo_root().join("tests/fixtures/numbers");
    let (mut cases, mut found, mut misses) = (0, 0, Vec::new());
    for rule_dir in files(root.join("flag")) {
        let rule = rule_dir
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        assert!(engine.rules().get(&rule).is_some(), "no rule {rule}");
        let (mut n, mut hit) = (0, 0);
        for case in files(rule_dir) {
            let text = std::fs::read_to_string(&case).expect("fixture reads");
            let linted = engine.lint_text(&case.display().to_string(), text);
            n += 1;
            if linted.diagnostics.iter().any(|d| d.rule == rule) {
                hit += 1;
            } else {
                misses.push(case.display().to_string());
            }
        }
        println!("{rule}: {hit}/{n} found");
        cases += n;
        found += hit;
    }
    let mut alarms = Vec::new();
    let passes = files(root.join("pass"));
    for case in &passes {
        let text = std::fs::read_to_string(case).expect("fixture reads");
        let linted = engine.lint_text(&case.display().to_string(), text);
        for d in linted
            .diagnostics
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
        {
            alarms.push(format!("{}: {} {}", case.display(), d.rule, d.message));
        }
    }
    let recall = 100.0 * f64::from(found) / f64::from(cases.max(1));
    println!(
        "numbers fixtures: recall {found}/{cases} = {recall:.1}%, false alarms {} on {} correct texts",
        alarms.len(),
        passes.len()
    );
    for m in &misses {
        println!("missed: {m}");
    }
    for a in &alarms {
        println!("false alarm: {a}");
    }
    assert!(
        cases >= 40 && passes.len() >= 40,
        "the set is at least 40 + 40 cases"
    );
    assert!(recall >= 90.0, "recall {recall:.1}% is under 90%");
    assert!(alarms.is_empty(), "{} false alarms", alarms.len());
}

/// The drafts' date comes from the front matter, else `--date`, else the
/// config's `date:`; a bad date is a located error (exit 2).
#[test]
fn the_drafts_date_reads_year_less_weekdays() {
    use crate::common::{run, write};
    let dir = tempfile::tempdir().expect("tempdir");
    let draft = "Strike\n\nThe strike begins on Monday 3 December.\n";
    write(dir.path(), "draft.txt", draft);
    let args = ["check", "--color", "never", "--select", "date-weekday"];
    let plain = run(dir.path(), &[&args[..], &["draft.txt"]].concat());
    assert_eq!(plain.code, 0, "no year known: {}", plain.stdout);
    let dated = run(
        dir.path(),
        &[&args[..], &["--date", "2026-11-20", "draft.txt"]].concat(),
    );
    assert_eq!(dated.code, 1, "{}", dated.stdout);
    assert!(
        dated.stdout.contains("is a Thursday, not a Monday"),
        "{}",
        dated.stdout
    );
    write(dir.path(), ".copydesk.yaml", "date: 2026-11-20\n");
    let configured = run(dir.path(), &[&args[..], &["draft.txt"]].concat());
    assert_eq!(configured.code, 1, "{}", configured.stdout);
    // The front matter wins: in 2018, 3 December was a Monday.
    write(
        dir.path(),
        "dated.txt",
        format!("---\ndate: 2018-11-20\n---\n{draft}"),
    );
    let front = run(dir.path(), &[&args[..], &["dated.txt"]].concat());
    assert_eq!(front.code, 0, "{}", front.stdout);
    let bad = run(
        dir.path(),
        &[&args[..], &["--date", "3 Dec", "draft.txt"]].concat(),
    );
    assert_eq!(bad.code, 2);
    bad.assert_stderr_has("not a date written YYYY-MM-DD");
    write(dir.path(), ".copydesk.yaml", "date: 20/11/2026\n");
    let bad_config = run(dir.path(), &[&args[..], &["draft.txt"]].concat());
    assert_eq!(bad_config.code, 2);
    bad_config.assert_stderr_has(".copydesk.yaml:1:7");
}
