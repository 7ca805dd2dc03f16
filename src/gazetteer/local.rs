//! The user's own places (`gazetteer:` in .copydesk.yaml): a local overlay
//! the place checks consult before the built-in data.

use serde::Deserialize;

/// A local place the gazetteer lacks (or overrides).
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LocalPlace {
    /// The place's name as articles write it.
    pub name: String,
    /// Other names for it.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 code or English name of the country.
    pub country: String,
    /// The first-level division (state, province, county) it is in.
    #[serde(default)]
    pub region: Option<String>,
}
