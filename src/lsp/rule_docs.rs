//! Where a diagnostic's `codeDescription.href` points: the rule's own
//! `link` when it has one; a house rule's YAML file (its description and
//! examples are its documentation); and for a built-in rule, a page of its
//! `explain` text written once per session under the user's cache folder,
//! since built-in rules live inside the binary and have no page on disk
//! that an editor could open.

use crate::rules::{explain_text, Rule, BUILTIN};
use lsp_types::Url;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// Pages already written this session, by rule id.
static WRITTEN: OnceLock<Mutex<HashMap<String, Option<Url>>>> = OnceLock::new();

/// The documentation link of `rule`, if one can be given.
pub fn href(rule: &Rule) -> Option<Url> {
    if let Some(link) = rule.link.as_deref().and_then(|l| Url::parse(l).ok()) {
        return Some(link);
    }
    if BUILTIN.iter().any(|(path, _)| *path == rule.origin) {
        return builtin_page(rule);
    }
    let origin = std::fs::canonicalize(Path::new(&rule.origin)).ok()?;
    Url::from_file_path(origin).ok()
}

fn builtin_page(rule: &Rule) -> Option<Url> {
    let written = WRITTEN.get_or_init(Mutex::default);
    let mut written = written
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    written
        .entry(rule.id.clone())
        .or_insert_with(|| write_page(rule))
        .clone()
}

fn write_page(rule: &Rule) -> Option<Url> {
    let dir = pages_dir()?;
    std::fs::create_dir_all(&dir).ok()?;
    // Ids are `[a-z0-9-]` by the loader's rules, so they are safe names.
    let path = dir.join(format!("{}.md", rule.id));
    let page = format!(
        "# {}\n\n```text\n{}```\n\nThis page is written by `copydesk lsp` from the built-in rule; `copydesk explain {}` prints the same text.\n",
        rule.id,
        explain_text(rule),
        rule.id
    );
    std::fs::write(&path, page).ok()?;
    Url::from_file_path(path).ok()
}

/// `$XDG_CACHE_HOME/copydesk/<version>/rules`, or `~/.cache/…`; none
/// without either (no shared temporary folder: another user could plant
/// files there).
fn pages_dir() -> Option<PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(
        cache
            .join("copydesk")
            .join(env!("CARGO_PKG_VERSION"))
            .join("rules"),
    )
}
