//! `--format github` and `$GITHUB_STEP_SUMMARY`: every finding in the job
//! summary, those past GitHub's 10-per-level annotation cap marked, and
//! the log saying how many annotations were shown.

use crate::common;
use common::write;

fn run_with_summary(dir: &std::path::Path, summary: Option<&std::path::Path>) -> common::Outcome {
    let mut cmd = common::command(dir);
    cmd.env_remove("GITHUB_STEP_SUMMARY");
    if let Some(path) = summary {
        cmd.env("GITHUB_STEP_SUMMARY", path);
    }
    let out = cmd
        .args(["check", "--format", "github", "drafts"])
        .output()
        .expect("copydesk runs");
    common::Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn findings_past_the_annotation_cap_are_in_the_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    // 12 warnings (doubled words) and one error (a place in the wrong country).
    for i in 0..12 {
        write(
            dir.path(),
            &format!("drafts/d{i:02}.txt"),
            "Title\n\nThe the minister resigned.\n",
        );
    }
    write(
        dir.path(),
        "drafts/e|x.txt",
        "Clashes in Suwayda\n\nClashes in Suwayda, Syria, killed 30. Suwayda, a city in southern India, was calm.\n",
    );
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").expect("write");
    let out = run_with_summary(dir.path(), Some(&summary));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let commands = out.stdout.lines().filter(|l| l.starts_with("::")).count();
    assert_eq!(commands, 13, "every finding is still a command");
    assert!(
        out.stdout
            .contains("copydesk: 11 of 13 findings shown as annotations"),
        "{}",
        out.stdout
    );
    let text = std::fs::read_to_string(&summary).expect("summary");
    assert!(
        text.starts_with("earlier step\n## copydesk"),
        "appended: {text}"
    );
    assert!(
        text.contains("**1 errors, 12 warnings, 0 infos** in 13 files."),
        "{text}"
    );
    assert!(text.contains("the other 2 are listed only here"), "{text}");
    // One row per finding, in the order the commands were printed.
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("| error") || l.starts_with("| warning"))
        .collect();
    assert_eq!(rows.len(), 13);
    assert!(
        rows[0].contains("`drafts/d00.txt` | 3:1 | `doubled-word`"),
        "{}",
        rows[0]
    );
    assert!(
        rows[9].ends_with("| shown |") && rows[10].ends_with("| not shown |"),
        "{text}"
    );
    assert!(
        rows[12].starts_with("| error | `drafts/e\\|x.txt`") && rows[12].ends_with("| shown |")
    );
    // The `|` in the file name is escaped: the row still has six cells.
    assert_eq!(rows[12].matches(" | ").count(), 5, "{}", rows[12]);
}

#[test]
fn without_the_variable_nothing_is_written_and_clean_runs_say_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "drafts/a.txt",
        "Title\n\nThe minister resigned.\n",
    );
    let out = run_with_summary(dir.path(), None);
    assert_eq!((out.code, out.stdout.as_str()), (0, ""));
    let summary = dir.path().join("summary.md");
    let out = run_with_summary(dir.path(), Some(&summary));
    assert_eq!((out.code, out.stdout.as_str()), (0, ""), "{}", out.stderr);
    let text = std::fs::read_to_string(&summary).expect("summary");
    assert_eq!(
        text,
        "## copydesk\n\n**0 errors, 0 warnings, 0 infos** in 1 file.\n"
    );
}

#[test]
fn an_unwritable_summary_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "drafts/a.txt",
        "Title\n\nThe minister resigned.\n",
    );
    let out = run_with_summary(dir.path(), Some(&dir.path().join("no/such/dir/summary.md")));
    assert_eq!(out.code, 2);
    out.assert_stderr_has("GITHUB_STEP_SUMMARY: cannot append the job summary");
}
