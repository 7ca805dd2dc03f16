//! `quote-unbalanced`: an opening mark that no closing mark or reopened
//! paragraph answers.

use crate::diagnostic::Finding;
use crate::document::Document;

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
