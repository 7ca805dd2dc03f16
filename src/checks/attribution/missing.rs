//! `attribution_missing`: a quotation in a body paragraph with no
//! speaker and no word of speech in its paragraph or the one before.

use super::{default_min_words, raw_words};
use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::{is_speech_word, lower_case, BlockKind, Document};
use crate::rule_params;
use crate::source::LoadError;

pub const KIND: Kind = Kind {
    name: "attribution_missing",
    fields: &["quote"],
    build,
    summary: "a quotation nobody is said to say",
    params: crate::checks::params_schema::<Params>,
};

rule_params! {
    struct Params {
        /// Shortest quotation required to have a speaker, in words (at
        /// least 3).
        #[serde(default = "default_min_words")]
        min_quote_words: usize,
    }
}

struct Missing {
    params: Params,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let params: Params = ctx.params()?;
    Ok(Box::new(Missing { params }))
}

impl Check for Missing {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        self.missing(doc, out);
    }

    fn parameters(&self) -> Vec<(String, String)> {
        vec![(
            "min-quote-words".into(),
            self.params.min_quote_words.to_string(),
        )]
    }
}

impl Missing {
    /// A quotation with no speaker and no attribution in its paragraph or
    /// the one before.
    fn missing(&self, doc: &Document, out: &mut Vec<Finding>) {
        // Once a paragraph, so the cost stays linear in the text.
        let speaks: Vec<bool> = doc
            .blocks
            .iter()
            .map(|b| raw_words(doc.slice(&b.span)).any(|w| is_speech_word(&lower_case(w))))
            .collect();
        for q in doc
            .quotes
            .iter()
            .filter(|q| !q.nested && q.speaker.is_none())
        {
            if doc
                .blocks
                .get(q.block)
                .is_none_or(|b| b.kind != BlockKind::Paragraph)
            {
                continue;
            }
            let text = doc.slice(&q.inner);
            let n = text.split_whitespace().count();
            // "Action Plan for the Development of Italy": a title.
            let is_title = text.split_whitespace().all(|w| {
                w.chars().next().is_some_and(|c| !c.is_lowercase())
                    || matches!(
                        w,
                        "of" | "the" | "for" | "and" | "a" | "an" | "in" | "on" | "to"
                    )
            });
            if n < self.params.min_quote_words.max(3) || is_title {
                continue;
            }
            // Any word of speech in the paragraph or the one before may
            // attribute it in a way the clause finder does not read
            // ("he is seen asking", "points out the coach").
            let first_block = q.block.saturating_sub(1);
            let paragraph = doc.slice(&doc.blocks[q.block].span).trim_start();
            // List items quote documents; ": " opens an interview answer.
            let listed = paragraph.starts_with(['-', '*', '•', ':']);
            if listed || speaks[first_block..=q.block].iter().any(|&s| s) {
                continue;
            }
            let preview: String = text
                .split_whitespace()
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Finding::at(q.span.clone()).field("quote", preview));
        }
    }
}
