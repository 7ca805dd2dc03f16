//! What a check kind is given to build itself from a rule file: the
//! rule's YAML (with the config's parameters appended), the reference data
//! overlay, and `rule_params!` for a kind's strict parameter struct.
//! It lives with the checks so kinds import nothing from the layers above.

use crate::gazetteer::LocalPlace;
use crate::source::{yaml, LoadError, YamlSource};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the loader needs besides the YAML text.
#[derive(Debug, Clone)]
pub struct LoadContext {
    pub source: YamlSource,
    /// The text ends with parameters from the config, which win over the
    /// rule file's own (YAML duplicate keys, last one wins).
    pub has_overrides: bool,
    /// The config's `gazetteer:` additions: the gazetteer overlay that
    /// reference-data checks consult before the built-in data.
    pub local_places: Arc<Vec<LocalPlace>>,
}

impl LoadContext {
    pub fn error_at(&self, loc: &serde_saphyr::Location, message: impl Into<String>) -> LoadError {
        self.source.error_at(loc, message)
    }

    pub fn from_yaml(&self, err: &serde_saphyr::Error) -> LoadError {
        self.source.from_yaml(err)
    }

    pub fn new(source: YamlSource) -> Self {
        LoadContext {
            source,
            has_overrides: false,
            local_places: Arc::default(),
        }
    }

    /// A context whose text has the config's parameters for this rule
    /// appended (JSON is YAML flow syntax), so errors in them are located too.
    pub fn with_overrides(
        source: YamlSource,
        overrides: Option<&BTreeMap<String, serde_json::Value>>,
    ) -> Self {
        let Some(overrides) = overrides.filter(|o| !o.is_empty()) else {
            return Self::new(source);
        };
        let mut text = source.text.clone();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str("# parameters set in the config (`params:`)\n");
        for (key, value) in overrides {
            text.push_str(&format!("{key}: {value}\n"));
        }
        LoadContext {
            source: YamlSource::new(source.path, text),
            has_overrides: true,
            local_places: Arc::default(),
        }
    }

    /// Deserialises the whole rule file into a kind's strict parameter struct.
    pub fn params<T: for<'de> Deserialize<'de>>(&self) -> Result<T, LoadError> {
        let mut options = yaml::options();
        if self.has_overrides {
            options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::LastWins;
        }
        serde_saphyr::from_str_with_options(&self.source.text, options)
            .map_err(|e| self.from_yaml(&e))
    }
}

/// Declares a check kind's parameter struct: strict (`deny_unknown_fields`,
/// kebab-case keys) and accepting the shared rule fields, which the loader
/// has already read. Its doc comments are the parameters' one description:
/// the JSON Schema derived from it feeds `explain`, `new-rule`, docs/rules.md
/// and docs/schema/.
#[macro_export]
macro_rules! rule_params {
    ($(#[$meta:meta])* $vis:vis struct $name:ident { $($(#[$fmeta:meta])* $fvis:vis $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(serde::Deserialize, schemars::JsonSchema)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        $vis struct $name {
            $($(#[$fmeta])* $fvis $field: $ty,)*
            #[serde(default, rename = "id")] #[schemars(skip)] _id: Option<serde::de::IgnoredAny>,
            #[serde(default, rename = "extends")] #[schemars(skip)] _extends: Option<serde::de::IgnoredAny>,
            #[serde(default, rename = "category")] #[schemars(skip)] _category: Option<serde::de::IgnoredAny>,
            #[serde(default, rename = "severity")] #[schemars(skip)] _severity: Option<serde::de::IgnoredAny>,
            #[serde(default, rename = "message")] #[schemars(skip)] _message: Option<serde::de::IgnoredAny>,
            #[serde(default, rename = "description")] #[schemars(skip)] _description: Option<serde::de::IgnoredAny>,
            #[serde(default, rename = "link")] #[schemars(skip)] _link: Option<serde::de::IgnoredAny>,
            #[serde(default, rename = "examples")] #[schemars(skip)] _examples: Option<serde::de::IgnoredAny>,
        }
    };
}
