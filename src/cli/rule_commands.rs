//! `copydesk rules`, `explain` and `test-rules`: the rule catalogue, one
//! rule's documentation, and running rules' own examples.

use super::check::{color_stream, load_failure};
use super::ColorChoice;
use crate::config::LoadedConfig;
use crate::lint::run_rule;
use crate::rules::{Rule, RuleSet};
use std::io::Write;
use std::path::{Path, PathBuf};

fn load(config: Option<&Path>) -> Result<RuleSet, u8> {
    let mut stderr = color_stream(ColorChoice::Auto, true);
    let loaded = match config.map(LoadedConfig::load).transpose() {
        Ok(c) => c.unwrap_or_default(),
        Err(e) => return Err(load_failure(&[e], &mut stderr)),
    };
    RuleSet::load_with(
        !loaded.config.no_builtin_rules,
        &loaded.rule_dirs(),
        &loaded.load_options(),
    )
    .map_err(|errs| load_failure(&errs, &mut stderr))
}

pub fn list(config: Option<&Path>) -> u8 {
    let rules = match load(config) {
        Ok(r) => r,
        Err(code) => return code,
    };
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
    let rules = match load(config) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let Some(rule) = rules.get(id) else {
        let mut stderr = color_stream(ColorChoice::Auto, true);
        let _ = super::check::print_error(&mut stderr, id, "no such rule (see `copydesk rules`)");
        return 2;
    };
    let _ = std::io::stdout()
        .lock()
        .write_all(explain_text(rule).as_bytes());
    0
}

/// The rule's documentation as `explain` prints it.
pub fn explain_text(rule: &Rule) -> String {
    let mut s = format!(
        "{} ({} {}, kind `{}`)\n\n{}\n",
        rule.id,
        rule.category.as_str(),
        rule.severity.as_str(),
        rule.kind,
        rule.description.trim_end()
    );
    s.push_str(&format!("\nMessage: {}\n", rule.message));
    if let Some(kind) = crate::checks::kind(rule.kind) {
        s.push_str(&format!("Kind: `{}` — {}\n", kind.name, kind.summary));
    }
    let params = rule.check.parameters();
    if !params.is_empty() {
        s.push_str("\nParameters:\n");
        for (k, v) in params {
            // Long lists ("a -> b; c -> d") read better one item a line.
            let items: Vec<&str> = v.split("; ").collect();
            if items.len() > 1 {
                s.push_str(&format!("  {k}:\n"));
                for item in items {
                    s.push_str(&format!("    {item}\n"));
                }
            } else {
                s.push_str(&format!("  {k}: {v}\n"));
            }
        }
    }
    s.push_str("\nFlags (each must give a finding):\n");
    for e in &rule.examples.flag {
        s.push_str(&format!("  - {}\n", e.trim_end().replace('\n', "\n    ")));
    }
    s.push_str("\nPasses (each must give none):\n");
    for e in &rule.examples.pass {
        s.push_str(&format!("  - {}\n", e.trim_end().replace('\n', "\n    ")));
    }
    if let Some(link) = &rule.link {
        s.push_str(&format!("\nSee: {link}\n"));
    }
    s.push_str(&format!("\nDefined in {}\n", rule.origin));
    s
}

/// Examples numbered from 1 within their group, as `explain` lists them.
fn numbered(examples: &[String], flag: bool) -> impl Iterator<Item = (usize, &String, bool)> {
    examples
        .iter()
        .enumerate()
        .map(move |(i, e)| (i + 1, e, flag))
}

/// Why an example failed, or None when it behaves.
pub fn example_failure(rule: &Rule, text: &str, should_flag: bool) -> Option<String> {
    let found: Vec<_> = run_rule(rule, text)
        .into_iter()
        .filter(|d| d.rule == rule.id)
        .collect();
    match (should_flag, found.is_empty()) {
        (true, true) => Some("expected a finding, got none".into()),
        (false, false) => Some(format!("expected no finding, got: {}", found[0].message)),
        _ => None,
    }
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
