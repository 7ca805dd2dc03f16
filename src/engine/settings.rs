//! Settings resolved once per config: the rule set loaded with the
//! config's rule directories and parameters, the selection (config then
//! overrides), severities, the fail level and the size limit. A name in a
//! selection that is no rule or category is an error with a did-you-mean:
//! a typo there would silently run (or skip) the wrong rules.

use super::{Engine, DEFAULT_MAX_FILE_SIZE};
use crate::config::LoadedConfig;
use crate::diagnostic::Severity;
use crate::document::CalendarDate;
use crate::lint::Selection;
use crate::rules::{Category, LoadError, RuleSet};

/// What a caller sets on top of the config (the CLI's `--select`,
/// `--ignore` and `--fail-level`; the Python `Linter`'s arguments).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// Replaces the config's `select` when not empty.
    pub select: Vec<String>,
    /// Added to the config's `ignore`.
    pub ignore: Vec<String>,
    /// Replaces the config's `fail-level`.
    pub fail_level: Option<Severity>,
    /// Replaces the config's `date` (the CLI's `--date`).
    pub date: Option<CalendarDate>,
}

pub(super) fn resolve(
    loaded: &LoadedConfig,
    overrides: &Overrides,
) -> Result<Engine, Vec<LoadError>> {
    let c = &loaded.config;
    let rules = RuleSet::load_with(
        !c.no_builtin_rules,
        &loaded.rule_dirs()?,
        &loaded.load_options(),
    )?;
    let mut selection = Selection {
        select: if overrides.select.is_empty() {
            c.select.clone()
        } else {
            overrides.select.clone()
        },
        ignore: c.ignore.iter().chain(&overrides.ignore).cloned().collect(),
        severity: c.severity.iter().map(|(k, v)| (k.clone(), *v)).collect(),
    };
    selection.select.retain(|s| !s.is_empty());
    let config_path = loaded
        .path
        .as_ref()
        .map_or_else(|| "config".to_string(), |p| p.display().to_string());
    let named = [
        (&overrides.select, "--select", "--select"),
        (&overrides.ignore, "--ignore", "--ignore"),
        (&c.select, config_path.as_str(), "select"),
        (&c.ignore, config_path.as_str(), "ignore"),
    ];
    let mut unknown: Vec<LoadError> = named
        .iter()
        .flat_map(|(names, origin, field)| {
            names
                .iter()
                .filter_map(|name| unknown_name(&rules, name, origin, field, true))
        })
        .collect();
    unknown.extend(
        c.severity
            .keys()
            .filter_map(|id| unknown_name(&rules, id, &config_path, "severity", false)),
    );
    if !unknown.is_empty() {
        return Err(unknown);
    }
    Ok(Engine {
        rules,
        selection,
        fail_level: overrides
            .fail_level
            .or(c.fail_level)
            .unwrap_or(Severity::Warning),
        max_file_size: c.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
        date: overrides
            .date
            .or_else(|| c.date.as_deref().and_then(CalendarDate::parse_iso)),
    })
}

/// An error for a selection entry that names no rule or category.
/// `severity` takes rule ids only (`categories` false).
fn unknown_name(
    rules: &RuleSet,
    name: &str,
    origin: &str,
    field: &str,
    categories: bool,
) -> Option<LoadError> {
    let known = |n: &str| {
        rules.get(n).is_some()
            || categories && (n == "all" || Category::ALL.iter().any(|c| c.as_str() == n))
    };
    if name.is_empty() || known(name) {
        return None;
    }
    let candidates = rules.iter().map(|r| r.id.as_str()).chain(
        Category::ALL
            .iter()
            .map(|c| c.as_str())
            .filter(|_| categories),
    );
    let closest = crate::source::suggest::closest(name, candidates);
    let mut notes = vec!["`copydesk rules` lists the rule ids and categories".to_string()];
    if let Some(c) = closest {
        notes.insert(0, format!("did you mean `{c}`?"));
    }
    Some(LoadError {
        path: origin.to_string(),
        source: String::new(),
        span: 0..0,
        message: format!(
            "`{field}` names `{name}`, which is no rule id{}",
            if categories { " or category" } else { "" }
        ),
        notes,
    })
}
