//! `copydesk rules`, `explain` and `test-rules`: the rule catalogue, one
//! rule's documentation, and running rules' own examples.

use super::output::{color_stream, load_failure, print_error};
use super::ColorChoice;
use copydesk::config::LoadedConfig;
use copydesk::engine::{Engine, Overrides};
use copydesk::lint::example_failure;
use copydesk::rules::{explain_text, RuleSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The rules a config puts in force, loaded as `check` loads them.
fn load(config: Option<&Path>) -> Result<Engine, u8> {
    let mut stderr = color_stream(ColorChoice::Auto, true);
    let loaded = match config.map(LoadedConfig::load).transpose() {
        Ok(c) => c.unwrap_or_default(),
        Err(e) => return Err(load_failure(&[e], &mut stderr)),
    };
    Engine::new(&loaded, &Overrides::default()).map_err(|errs| load_failure(&errs, &mut stderr))
}

pub fn list(config: Option<&Path>) -> u8 {
    let engine = match load(config) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let rules = engine.rules();
    let mut out = std::io::stdout().lock();
    let mut text = format!(
        "{:<26} {:<12} {:<8} {}\n",
        "RULE", "CATEGORY", "SEVERITY", "KIND"
    );
    for r in rules.iter() {
        text.push_str(&format!(
            "{:<26} {:<12} {:<8} {}\n",
            r.id,
            r.category.as_str(),
            r.severity.as_str(),
            r.kind
        ));
    }
    let _ = out.write_all(text.as_bytes());
    0
}

pub fn explain(id: &str, config: Option<&Path>) -> u8 {
    let engine = match load(config) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let rules = engine.rules();
    let Some(rule) = rules.get(id) else {
        let mut stderr = color_stream(ColorChoice::Auto, true);
        let message =
            match copydesk::source::suggest::closest(id, rules.iter().map(|r| r.id.as_str())) {
                Some(near) => {
                    format!("no such rule; did you mean `{near}`? (see `copydesk rules`)")
                }
                None => "no such rule (see `copydesk rules`)".to_string(),
            };
        let _ = print_error(&mut stderr, id, &message);
        return 2;
    };
    let _ = std::io::stdout()
        .lock()
        .write_all(explain_text(rule).as_bytes());
    0
}

/// Examples numbered from 1 within their group, as `explain` lists them.
fn numbered(examples: &[String], flag: bool) -> impl Iterator<Item = (usize, &String, bool)> {
    examples
        .iter()
        .enumerate()
        .map(move |(i, e)| (i + 1, e, flag))
}

pub fn test_rules(dirs: &[PathBuf]) -> u8 {
    let mut stderr = color_stream(ColorChoice::Auto, true);
    let rules = match RuleSet::load(dirs.is_empty(), dirs) {
        Ok(r) => r,
        Err(errs) => return load_failure(&errs, &mut stderr),
    };
    let (mut passed, mut failed) = (0, 0);
    let mut out = String::new();
    for rule in rules.iter() {
        let cases = numbered(&rule.examples.flag, true).chain(numbered(&rule.examples.pass, false));
        for (n, text, flag) in cases {
            let what = if flag { "flag" } else { "pass" };
            match example_failure(rule, text, flag) {
                None => {
                    passed += 1;
                    out.push_str(&format!("ok   {} {what} #{n}\n", rule.id));
                }
                Some(why) => {
                    failed += 1;
                    out.push_str(&format!(
                        "FAIL {} {what} #{n}: {why}\n    {}\n    ({})\n",
                        rule.id,
                        text.trim(),
                        rule.origin
                    ));
                }
            }
        }
    }
    out.push_str(&format!("{passed} passed, {failed} failed\n"));
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    u8::from(failed > 0)
}
