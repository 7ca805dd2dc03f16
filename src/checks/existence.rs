//! `existence`: words, phrases or patterns that should not appear at all
//! (web boilerplate, banned terms). Optionally only as a whole line, and
//! optionally fixed by deleting that line.

use super::pattern::{bounded, compile_tokens, scoped_ranges, Scope};
use super::{Check, Kind};
use crate::checks::LoadContext;
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::rule_params;
use crate::source::LoadError;
use regex::Regex;
use serde_saphyr::Spanned;

pub const KIND: Kind = Kind {
    name: "existence",
    fields: &["match"],
    build,
    summary: "flags tokens or patterns that should not appear",
    params: crate::checks::params_schema::<Params>,
};

fn default_scope() -> Scope {
    Scope::All
}

rule_params! {
    struct Params {
        /// List of regular expressions (Rust `regex` syntax: no look-around,
        /// no back-references); plain words work as they are.
        #[schemars(with = "Vec<String>")]
        tokens: Vec<Spanned<String>>,
        /// Match regardless of case.
        #[serde(default)]
        ignorecase: bool,
        /// Do not add word boundaries. By default `\b` is added at each end
        /// of a token that starts or ends with a letter or digit, so
        /// `utilise` does not match inside `utilised` and `U.S.` still works.
        #[serde(default)]
        nonword: bool,
        /// A token must fill its whole line (surrounding spaces aside): a
        /// stray "Advertisement" line, not the word in a sentence.
        #[serde(default)]
        whole_line: bool,
        /// With `whole-line`, offer a fix that deletes the line and its line
        /// break.
        #[serde(default)]
        remove_line: bool,
        /// Where to look: all, body (paragraphs), display (headline,
        /// standfirst, subheads, captions, pull quotes), title, subhead,
        /// byline.
        #[serde(default = "default_scope")]
        scope: Scope,
    }
}

struct Existence {
    regex: Regex,
    params: Params,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let params: Params = ctx.params()?;
    let parts: Vec<String> = params
        .tokens
        .iter()
        .map(|t| bounded(&t.value, params.nonword))
        .collect();
    let joined = parts.join("|");
    let pattern = if params.whole_line {
        format!(r"(?m)^[ \t]*(?:{joined})[ \t\r]*$")
    } else {
        joined
    };
    let tokens: Vec<&Spanned<String>> = params.tokens.iter().collect();
    let regex = compile_tokens(&pattern, &tokens, params.ignorecase, ctx)?;
    Ok(Box::new(Existence { regex, params }))
}

impl Check for Existence {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for range in scoped_ranges(doc, self.params.scope) {
            let text = doc.slice(&range);
            for m in self.regex.find_iter(text) {
                let trimmed = m.as_str().trim();
                if trimmed.is_empty() {
                    continue;
                }
                let start =
                    range.start + m.start() + (m.as_str().len() - m.as_str().trim_start().len());
                let span = start..start + trimmed.len();
                let mut finding = Finding::at(span).field("match", trimmed);
                if self.params.whole_line && self.params.remove_line {
                    finding = finding.fix(line_with_newline(&doc.text, start), "");
                }
                out.push(finding);
            }
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let tokens: Vec<&str> = self
            .params
            .tokens
            .iter()
            .map(|t| t.value.as_str())
            .collect();
        vec![
            ("tokens".into(), tokens.join(" | ")),
            ("ignorecase".into(), self.params.ignorecase.to_string()),
            ("whole-line".into(), self.params.whole_line.to_string()),
            ("scope".into(), self.params.scope.name().into()),
        ]
    }
}

/// The whole line around `offset`, with its line break (or the one before
/// it, for a last line), so deleting it leaves no blank line behind.
fn line_with_newline(text: &str, offset: usize) -> std::ops::Range<usize> {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    match text[offset..].find('\n') {
        Some(i) => start..offset + i + 1,
        None => start.saturating_sub(usize::from(start > 0))..text.len(),
    }
}
