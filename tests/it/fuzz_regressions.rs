//! Replays every input the fuzzers ever crashed on (minimized, under
//! tests/fuzz-regressions/<target>/) and the fuzz seeds through the same
//! harness the fuzz targets run, so a fixed crash that returns fails here.
//! File names say what each input broke.

use crate::fuzz_harness;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = Vec::new();
    for dir in [
        root.join("tests/fuzz-regressions").join(target),
        root.join("fuzz/seeds").join(target),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        inputs.extend(entries.flatten().map(|e| e.path()));
    }
    inputs.sort();
    for path in &inputs {
        let data = std::fs::read(path).expect("read fuzz input");
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{target} crashed on {}", path.display());
    }
}

#[test]
fn document_inputs() {
    replay("document", fuzz_harness::document);
}

#[test]
fn lint_inputs() {
    replay("document", fuzz_harness::lint);
    replay("lint", fuzz_harness::lint);
}

#[test]
fn rule_yaml_inputs() {
    replay("rule_yaml", fuzz_harness::rule_yaml);
}

#[test]
fn config_yaml_inputs() {
    replay("config_yaml", fuzz_harness::config_yaml);
}

#[test]
fn lsp_inputs() {
    replay("lsp", fuzz_harness::lsp::session);
}
