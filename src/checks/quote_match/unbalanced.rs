//! `quote-unbalanced`: an opening mark that no closing mark or reopened
//! paragraph answers.

use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::rule_params;
use crate::source::LoadError;

pub const KIND: Kind = Kind {
    name: "quote_unbalanced",
    fields: &["mark"],
    build,
    summary: "an opening quote mark that never closes",
    params: crate::checks::params_schema::<Params>,
};

rule_params! {
    /// `quote_unbalanced` has no parameters of its own.
    struct Params {}
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let _: Params = ctx.params()?;
    Ok(Box::new(Unbalanced))
}

struct Unbalanced;

impl Check for Unbalanced {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        unbalanced(doc, out);
    }
}

/// Opening marks that no closing mark or reopened paragraph answers.
pub fn unbalanced(doc: &Document, out: &mut Vec<Finding>) {
    for quote in doc.quotes.iter().filter(|q| q.is_unbalanced()) {
        let mark = doc
            .slice(&(quote.span.start..quote.inner.start))
            .to_string();
        out.push(
            Finding::at(quote.span.start..quote.inner.start)
                .field("mark", mark)
                .note(
                    "the paragraph ends with the quotation still open, and the next \
                     paragraph does not reopen it",
                ),
        );
    }
}
