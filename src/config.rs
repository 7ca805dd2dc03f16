//! `.copydesk.yaml`: found by walking up from each linted file (nearest
//! wins) or given with `--config`. Unknown keys are errors at their line.

use crate::diagnostic::Severity;
pub use crate::gazetteer::LocalPlace;
use crate::rules::{LoadError, YamlSource};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// File names a config is found under, nearest directory first.
pub const FILE_NAMES: &[&str] = &[".copydesk.yaml", ".copydesk.yml"];

/// A `.copydesk.yaml`. Its doc comments are the config schema's
/// descriptions (docs/schema/config.schema.json).
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Extra rule directories, relative to the config file.
    #[serde(default)]
    pub rules: Vec<String>,
    /// Leave the built-in rules out (only `rules` directories are used).
    #[serde(default)]
    pub no_builtin_rules: bool,
    /// Rule ids or categories to run (default: all).
    #[serde(default)]
    pub select: Vec<String>,
    /// Rule ids or categories not to run.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Rule id to severity.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// The lowest severity that makes `copydesk check` exit 1 (default: warning).
    #[serde(default)]
    pub fail_level: Option<Severity>,
    /// Globs of paths not to lint, relative to the config file.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// File extensions to lint (default: md, markdown, txt).
    #[serde(default)]
    pub extensions: Vec<String>,
    /// Files larger than this many bytes are refused with an error.
    #[serde(default)]
    pub max_file_size: Option<u64>,
    /// Places the built-in gazetteer lacks or has wrong for your patch.
    #[serde(default)]
    pub gazetteer: Vec<LocalPlace>,
    /// The date the drafts are written on (`YYYY-MM-DD`): a weekday's date
    /// written without a year is read in its year. A draft's front matter
    /// `date:` wins over it; `--date` replaces it.
    #[serde(default)]
    pub date: Option<String>,
    /// Per-rule parameters: rule id -> parameter -> value.
    #[serde(default)]
    pub params: crate::rules::ParamOverrides,
    /// Shared rule packages: a local directory (`path`) or a git
    /// repository pinned to a commit (`git` and `rev`); `copydesk sync`
    /// fetches git packages into `.copydesk/packages/` beside this file.
    #[serde(default)]
    pub packages: Vec<crate::packages::Package>,
}

/// The schema of `.copydesk.yaml`, with each built-in rule's parameters
/// under `params:`. Generated into docs/schema/config.schema.json.
pub fn config_schema() -> serde_json::Value {
    let mut schema = crate::checks::params_schema::<Config>().to_value();
    schema["title"] = ".copydesk.yaml".into();
    schema["properties"]["params"] = crate::rules::schema::builtin_params_schema();
    schema
}

/// A config file as loaded, with the directory it governs.
#[derive(Debug, Clone, Default)]
pub struct LoadedConfig {
    /// Where the config was read from (None: no config file).
    pub path: Option<PathBuf>,
    /// Its contents.
    pub config: Config,
    /// Its text, for errors located in it after loading.
    pub text: String,
}

impl LoadedConfig {
    /// Reads and checks a config file; errors carry the file and position.
    pub fn load(path: &Path) -> Result<LoadedConfig, LoadError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| {
            YamlSource::new(&name, "").error_span(0..0, format!("cannot read config: {e}"))
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            YamlSource::new(&name, "").error_span(
                0..0,
                format!(
                    "config is not valid UTF-8 (byte {})",
                    e.utf8_error().valid_up_to()
                ),
            )
        })?;
        let source = YamlSource::new(&name, text);
        let config = parse(&source)?;
        Ok(LoadedConfig {
            path: Some(path.to_path_buf()),
            config,
            text: source.text,
        })
    }

    /// The directory relative paths in the config are resolved against.
    pub fn base_dir(&self) -> PathBuf {
        self.path
            .as_ref()
            .and_then(|p| p.parent())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }

    /// What this config adds to rule loading.
    pub fn load_options(&self) -> crate::rules::LoadOptions {
        crate::rules::LoadOptions {
            params: self.config.params.clone(),
            local_places: std::sync::Arc::new(self.config.gazetteer.clone()),
        }
    }

    /// The `rules:` directories, resolved against the config's
    /// directory, then the packages' (which must be synced).
    pub fn rule_dirs(&self) -> Result<Vec<PathBuf>, Vec<LoadError>> {
        let base = self.base_dir();
        let mut dirs: Vec<PathBuf> = self.config.rules.iter().map(|d| base.join(d)).collect();
        dirs.extend(crate::packages::rule_dirs(
            &self.config.packages,
            &base,
            &self.source(),
        )?);
        Ok(dirs)
    }

    /// The config's text as a source for located errors.
    pub fn source(&self) -> YamlSource {
        let name = self
            .path
            .as_ref()
            .map_or_else(|| "config".to_string(), |p| p.display().to_string());
        YamlSource::new(&name, self.text.clone())
    }
}

/// Parses config text; an empty file is an empty config.
pub fn parse(source: &YamlSource) -> Result<Config, LoadError> {
    if source.text.trim().is_empty() {
        return Ok(Config::default());
    }
    let config: Config =
        crate::rules::yaml::from_str(&source.text).map_err(|e| source.from_yaml(&e))?;
    if let Some(date) = &config.date {
        if crate::document::CalendarDate::parse_iso(date).is_none() {
            let at = source.text.find(date.as_str()).unwrap_or(0);
            return Err(source.error_span(
                at..at + date.len(),
                format!("`date` must be a date written YYYY-MM-DD, not `{date}`"),
            ));
        }
    }
    Ok(config)
}

/// The nearest config file at or above `dir`.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .flat_map(|d| FILE_NAMES.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_located() {
        let source = YamlSource::new("c.yaml", "select: [place]\nfail-levle: error\n");
        let err = parse(&source)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("c.yaml:2:"), "{err}");
        assert!(err.contains("fail-levle"), "{err}");
    }

    #[test]
    fn reads_every_key() {
        let text = "rules: [house]\nselect: [place]\nignore: [style]\nseverity: {doubled-word: error}\nfail-level: info\nexclude: ['drafts/**']\ngazetteer:\n  - {name: Smallville, country: US}\n";
        let config = parse(&YamlSource::new("c.yaml", text))
            .ok()
            .unwrap_or_default();
        assert_eq!(config.rules, vec!["house"]);
        assert_eq!(config.fail_level, Some(Severity::Info));
        assert_eq!(config.severity.get("doubled-word"), Some(&Severity::Error));
        assert_eq!(config.gazetteer[0].name, "Smallville");
    }

    // The YAML limits (source::yaml) let honest configs through.
    #[test]
    fn a_large_honest_config_fits() {
        let mut text = String::from("gazetteer:\n");
        for i in 0..5_000 {
            text.push_str(&format!(
                "  - {{name: Place{i}, country: US, region: Kansas, aliases: [P{i}, Q{i}]}}\n"
            ));
        }
        let config = parse(&YamlSource::new("c.yaml", text));
        assert_eq!(config.map(|c| c.gazetteer.len()).ok(), Some(5_000));
    }

    #[test]
    fn a_few_anchors_still_work() {
        let text = "select: &both [place, style]\nignore: [quote]\nexclude: *both\n";
        let config = parse(&YamlSource::new("c.yaml", text));
        assert_eq!(
            config.map(|c| c.exclude).ok(),
            Some(vec!["place".to_string(), "style".to_string()])
        );
    }
}
