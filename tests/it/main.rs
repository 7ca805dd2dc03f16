//! Every integration test in one binary: one link instead of one per
//! file (the test build's slowest step on two cores). Each module is one
//! former test file; shared helpers live in `common`.

mod common;
#[path = "../fuzz_harness/mod.rs"]
mod fuzz_harness;
mod lsp_client;

mod changed_lines;
mod cli;
mod cmd;
mod concurrency;
mod fix;
mod formats;
mod front_matter;
mod fuzz_regressions;
mod generated_files;
mod github_summary;
mod hostile;
mod init;
mod kinds;
mod lsp_hostile;
mod lsp_server;
mod numbers;
mod packages;
mod place_local;
mod place_seed;
mod properties;
mod provenance;
mod quote_match;
mod rule_authoring;
mod rule_examples;
mod seed;
#[cfg(unix)]
mod signals;
mod speakers;
