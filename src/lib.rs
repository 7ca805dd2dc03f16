//! copydesk: an editorial fact-check and consistency linter for news
//! drafts. Data flows one way: text -> `Document` -> rules x checks ->
//! `Diagnostic`s -> report. The library never prints except through the
//! CLI's reports.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod changed_lines;
pub mod checks;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fix;
pub mod gazetteer;
pub mod lint;
pub mod report;
pub mod rules;
