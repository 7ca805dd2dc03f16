//! The user's own places (`gazetteer:` in .copydesk.yaml): a local overlay
//! the place checks consult before the built-in data.

use serde::Deserialize;

/// A local place the gazetteer lacks (or overrides).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LocalPlace {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 code or English name of the country.
    pub country: String,
    #[serde(default)]
    pub region: Option<String>,
}
