//! One fixture and one snapshot per check kind: `tests/fixtures/kinds/KIND.txt`
//! linted with only the built-in rules of that kind, in the human format.
//! A kind added without a fixture, a fixture that finds nothing, or a
//! change in what a kind reports or how it says it fails here.

use crate::common::{repo_root, run};
use copydesk::checks::KINDS;
use copydesk::rules::schema::builtin_ids;

#[test]
fn every_check_kind_has_a_fixture_with_findings() {
    for kind in KINDS {
        let rules: Vec<&str> = builtin_ids()
            .into_iter()
            .filter(|(_, k)| *k == kind.name)
            .map(|(id, _)| id)
            .collect();
        assert!(
            !rules.is_empty(),
            "kind `{}` has no built-in rule",
            kind.name
        );
        let fixture = format!("tests/fixtures/kinds/{}.txt", kind.name);
        assert!(
            repo_root().join(&fixture).exists(),
            "kind `{}` has no fixture {fixture}",
            kind.name
        );
        let out = run(
            repo_root(),
            &[
                "check",
                "--color",
                "never",
                // Every finding fails the run, so exit code 1 proves one.
                "--fail-level",
                "info",
                "--select",
                &rules.join(","),
                &fixture,
            ],
        );
        assert_eq!(
            out.code, 1,
            "{fixture}: no finding\n{}{}",
            out.stdout, out.stderr
        );
        insta::assert_snapshot!(format!("kind_{}", kind.name), out.stdout);
    }
}
