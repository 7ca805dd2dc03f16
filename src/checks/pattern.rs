//! Shared pattern handling for the generic kinds: word-boundary aware
//! regex building and scope filtering by block kind.

use crate::document::{BlockKind, Document};
use crate::rules::{LoadContext, LoadError};
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use serde_saphyr::Spanned;

/// Upper bound on a compiled rule pattern; the regex crate is linear-time
/// but a hostile pattern can still be made huge.
const REGEX_SIZE_LIMIT: usize = 2 << 20;

/// Compiles `pattern`, reporting a bad one at its place in the rule file.
pub fn compile(
    pattern: &str,
    at: &Spanned<String>,
    ignorecase: bool,
    ctx: &LoadContext,
) -> Result<Regex, LoadError> {
    RegexBuilder::new(pattern)
        .case_insensitive(ignorecase)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| {
            ctx.error_at(
                &at.referenced,
                format!("invalid regular expression: {}", first_line(&e.to_string())),
            )
        })
}

fn first_line(s: &str) -> String {
    s.lines().last().unwrap_or(s).trim().to_string()
}

/// Wraps a token in word boundaries unless `nonword` is set: `\b` only
/// where the token starts/ends with a letter or digit, so "U.S." works.
pub fn bounded(token: &str, nonword: bool) -> String {
    if nonword {
        return format!("(?:{token})");
    }
    let starts_word = token.chars().next().is_some_and(char::is_alphanumeric);
    let ends_word = token.chars().last().is_some_and(char::is_alphanumeric);
    format!(
        "{}(?:{token}){}",
        if starts_word { r"\b" } else { "" },
        if ends_word { r"\b" } else { "" }
    )
}

/// Where in a draft a rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    All,
    Body,
    Display,
    Title,
    Subhead,
    Byline,
}

impl Scope {
    pub fn includes(self, kind: BlockKind) -> bool {
        match self {
            Scope::All => true,
            Scope::Body => kind == BlockKind::Paragraph,
            Scope::Display => kind.is_display(),
            Scope::Title => kind == BlockKind::Title,
            Scope::Subhead => kind == BlockKind::Subhead,
            Scope::Byline => kind == BlockKind::Byline,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::Body => "body",
            Scope::Display => "display",
            Scope::Title => "title",
            Scope::Subhead => "subhead",
            Scope::Byline => "byline",
        }
    }
}

/// Byte ranges of `doc.prose` a rule with `scope` looks at: whole blocks.
pub fn scoped_ranges(doc: &Document, scope: Scope) -> Vec<std::ops::Range<usize>> {
    if scope == Scope::All {
        let whole = 0..doc.prose.len();
        return vec![whole];
    }
    doc.blocks
        .iter()
        .filter(|b| scope.includes(b.kind))
        .map(|b| b.span.clone())
        .collect()
}
