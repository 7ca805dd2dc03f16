//! The quote rules on one fixture (excerpts of a dev-corpus article with
//! errors put in): a misquoted headline, an unsupported subhead, a quote
//! left open; a faithful pull quote and a multi-paragraph quote whose
//! paragraphs were run together are left alone.

use crate::common;
use common::{repo_root, run};

#[test]
fn quote_fixture_human_output() {
    let out = run(
        repo_root(),
        &[
            "check",
            "--color",
            "never",
            "--select",
            "quote",
            "tests/fixtures/quote-match.txt",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    insta::assert_snapshot!("quote_match_human", out.stdout);
}
