//! Check kinds. A rule's `extends:` names one of them; each kind reads its
//! own parameters from the rule file (strictly: unknown keys are errors)
//! and compiles its patterns once, so running a check is a pure scan.

mod attribution;
mod consistency;
mod existence;
mod load;
mod name_consistency;
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
    pub name: &'static str,
    pub fields: &'static [&'static str],
    pub build: Builder,
    pub summary: &'static str,
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
];

pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}
