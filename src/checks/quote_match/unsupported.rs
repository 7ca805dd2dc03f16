//! `quote-unsupported`: a display quote that no body quotation holds. When
//! the body paragraphs have the words in the writer's own prose, the label
//! points there: a paraphrase put in quote marks is not the speaker's
//! words.

use super::body::Body;
use super::display::DisplayQuote;
use super::{element_name, inner_text};
use crate::diagnostic::Finding;
use crate::document::Document;
use std::ops::Range;

pub fn unsupported(
    doc: &Document,
    body: &Body,
    dq: &DisplayQuote,
    prose: Option<&Range<usize>>,
) -> Finding {
    let finding = Finding::at(dq.quote.span.clone())
        .field("quote", inner_text(doc, dq.quote))
        .field("element", element_name(dq.kind));
    match prose {
        Some(range) => {
            let span = body.prose[range.start].span.start..body.prose[range.end - 1].span.end;
            let text = doc.slice(&span).to_string();
            finding
                .label(
                    span,
                    format!("the body has “{text}” only in its own words, not as a quotation"),
                )
                .note("no body quotation holds these words")
        }
        None => finding.note("no body quotation holds these words, and the body does not use them"),
    }
}
