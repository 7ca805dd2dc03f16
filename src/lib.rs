//! copydesk: an editorial fact-check and consistency linter for news
//! drafts. Data flows one way: text -> `Document` -> rules x checks ->
//! `Diagnostic`s -> report. The library never prints except through the
//! CLI's reports.
#![warn(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// The library never prints: front ends (the CLI, the language server)
// decide what reaches a terminal.
#![deny(clippy::print_stdout, clippy::print_stderr)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::print_stdout
    )
)]

pub mod changed_lines;
pub mod checks;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fix;
pub mod gazetteer;
pub mod lint;
pub mod lsp;
pub mod packages;
pub mod reference;
pub mod report;
pub mod rules;
pub mod source;
