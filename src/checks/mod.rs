//! Check kinds. A rule's `extends:` names one of them; each kind reads its
//! own parameters from the rule file (strictly: unknown keys are errors)
//! and compiles its patterns once, so running a check is a pure scan.

mod attribution;
mod consistency;
mod existence;
mod load;
mod name_consistency;
mod numbers;
mod pattern;
mod place_country;
mod quote_match;
mod repetition;
mod substitution;

use crate::diagnostic::Finding;
use crate::document::Document;
pub use load::LoadContext;

use crate::source::LoadError;

/// One check kind's compiled form of one rule.
pub trait Check: Send + Sync {
    /// Appends what the rule finds in `doc` to `out`.
    fn check(&self, doc: &Document, out: &mut Vec<Finding>);

    /// The rule's parameters as `name: value` lines, for `copydesk explain`.
    fn parameters(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

/// Builds a check from the rule file (its text is in the context).
pub type Builder = fn(&LoadContext) -> Result<Box<dyn Check>, LoadError>;

/// A check kind: its name in `extends:`, the template fields its findings
/// fill, and its builder.
pub struct Kind {
    /// The name rule files give in `extends:`.
    pub name: &'static str,
    /// The `{field}` names its findings fill for message templates.
    pub fields: &'static [&'static str],
    /// Compiles a rule file of this kind.
    pub build: Builder,
    /// What the kind finds, in a phrase (`copydesk rules`, the schema).
    pub summary: &'static str,
    /// The JSON Schema of the kind's own parameters, derived from its
    /// `Params` struct (doc comments are the descriptions). The rule-file
    /// schema, docs/rules.md's tables, `explain` and `new-rule` read it.
    pub params: fn() -> schemars::Schema,
}

/// Sets the documented default of `param` in a kind's parameter schema
/// (for kinds that share a parameter struct but not its defaults).
pub fn set_default(schema: &mut schemars::Schema, param: &str, value: serde_json::Value) {
    let property = schema
        .get_mut("properties")
        .and_then(|p| p.get_mut(param))
        .and_then(|p| p.as_object_mut());
    if let Some(property) = property {
        property.insert("default".into(), value);
    }
}

/// The parameter schema of `T`, subschemas inlined (draft-07, which every
/// YAML editor's schema support reads).
pub fn params_schema<T: schemars::JsonSchema>() -> schemars::Schema {
    schemars::generate::SchemaSettings::draft07()
        .with(|s| s.inline_subschemas = true)
        .into_generator()
        .into_root_schema_for::<T>()
}

/// Every check kind, in the order `copydesk rules` lists them.
pub const KINDS: &[Kind] = &[
    existence::KIND,
    substitution::KIND,
    consistency::KIND,
    repetition::KIND,
    place_country::COUNTRY,
    place_country::DIRECTION,
    place_country::CONTRADICTION,
    quote_match::MISMATCH,
    quote_match::UNSUPPORTED,
    quote_match::VARIANT,
    quote_match::UNBALANCED,
    attribution::DUPLICATE,
    attribution::CONFLICT,
    attribution::MISSING,
    name_consistency::KIND,
    numbers::HEADLINE,
    numbers::CONFLICT,
    numbers::AGE,
    numbers::WEEKDAY,
];

/// The kind named `name` in `extends:`.
pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}
