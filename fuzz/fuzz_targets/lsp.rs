//! Fuzz target `lsp`: random sessions through the language server's
//! message loop; see tests/fuzz_harness/lsp.rs for what it checks.
#![no_main]

#[path = "../../tests/fuzz_harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::lsp::session(data));
