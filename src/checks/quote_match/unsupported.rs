//! `quote-unsupported`: a display quote that no body quotation holds. When
//! the body paragraphs have the words in the writer's own prose, the label
//! points there: a paraphrase put in quote marks is not the speaker's
//! words.

use super::body::Body;
use super::display::DisplayQuote;
use super::judge::Verdict;
use super::{element_name, inner_text, DisplayRule};
use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::source::LoadError;
use std::ops::Range;

pub const KIND: Kind = Kind {
    name: "quote_unsupported",
    fields: &["quote", "element"],
    build,
    summary: "a display quotation that no body quotation holds",
    params: || super::display_schema(false),
};

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    Ok(Box::new(Unsupported(DisplayRule::build(ctx, false)?)))
}

struct Unsupported(DisplayRule);

impl Check for Unsupported {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        self.0.judge_display_quotes(doc, |body, dq, verdict| {
            if let Verdict::Unsupported { prose } = verdict {
                out.push(unsupported(doc, body, dq, prose.as_ref()));
            }
        });
    }

    fn parameters(&self) -> Vec<(String, String)> {
        self.0.parameters()
    }
}

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
