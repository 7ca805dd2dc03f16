//! Shared pattern handling for the generic kinds: word-boundary aware
//! regex building and scope filtering by block kind.

use crate::checks::LoadContext;
use crate::document::{BlockKind, Document};
use crate::source::LoadError;
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
    build(pattern, ignorecase).map_err(|e| {
        ctx.error_at(
            &at.referenced,
            format!("invalid regular expression: {}", first_line(&e.to_string())),
        )
    })
}

/// Compiles `pattern` with the limits every rule pattern gets.
pub fn build(pattern: &str, ignorecase: bool) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .case_insensitive(ignorecase)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
}

/// Compiles `pattern`, built from `tokens`, once. Each token is only
/// parsed on its own (cheap), not compiled: compiling every token twice,
/// alone and joined, was most of the start-up time. A token that fails to
/// parse, or the joined pattern failing, compiles the tokens alone to
/// report the bad one at its own line.
pub fn compile_tokens(
    pattern: &str,
    tokens: &[&Spanned<String>],
    ignorecase: bool,
    ctx: &LoadContext,
) -> Result<Regex, LoadError> {
    for token in tokens {
        if regex_syntax::ast::parse::Parser::new()
            .parse(&token.value)
            .is_err()
        {
            compile(&token.value, token, ignorecase, ctx)?;
        }
    }
    let unknown = Spanned::new(
        String::new(),
        serde_saphyr::Location::UNKNOWN,
        serde_saphyr::Location::UNKNOWN,
    );
    let first = tokens.first().copied().unwrap_or(&unknown);
    compile(pattern, first, ignorecase, ctx).map_err(|whole| {
        tokens
            .iter()
            .find_map(|t| compile(&t.value, t, ignorecase, ctx).err())
            .unwrap_or(whole)
    })
}

fn first_line(s: &str) -> String {
    s.lines().last().unwrap_or(s).trim().to_string()
}

/// Wraps a token in word boundaries unless `nonword` is set: `\b` only
/// where the token starts/ends with a letter or digit, so "U.S." works.
pub fn bounded(token: &str, nonword: bool) -> String {
    let group = group(token);
    if nonword {
        return group;
    }
    let starts_word = token.chars().next().is_some_and(char::is_alphanumeric);
    let ends_word = token.chars().last().is_some_and(char::is_alphanumeric);
    format!(
        "{}{group}{}",
        if starts_word { r"\b" } else { "" },
        if ends_word { r"\b" } else { "" }
    )
}

/// A token as a group. A token of plain ASCII words (letters, digits,
/// spaces, alternation, optional parts) is matched without Unicode case
/// folding, which only adds the Kelvin sign and long s to ASCII words:
/// a case-insensitive Unicode alternation was 5× slower to search, and
/// such rules scan every byte of every draft. The word boundaries stay
/// Unicode.
fn group(token: &str) -> String {
    let plain = token.chars().all(|c| {
        c.is_ascii_alphanumeric() || matches!(c, ' ' | '\'' | '-' | '|' | '?' | '(' | ')' | ':')
    });
    if plain {
        format!("(?-u:{token})")
    } else {
        format!("(?:{token})")
    }
}

/// Where in a draft a rule looks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
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

#[cfg(test)]
mod tests {
    use crate::rules::{parse_rule, LoadContext, YamlSource};

    fn error_of(yaml: &str) -> String {
        let ctx = LoadContext::new(YamlSource::new("r.yaml", yaml));
        parse_rule(&ctx)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    }

    const HEAD: &str = "id: r\nextends: KIND\ncategory: style\nseverity: warning\nmessage: m\ndescription: d\nexamples: {flag: [x], pass: [y]}\n";

    #[test]
    fn plain_ascii_tokens_keep_unicode_word_boundaries_and_case() {
        use super::{bounded, build};
        let re = build(&bounded("claimed|revealed", false), true).unwrap();
        let found: Vec<&str> = re
            .find_iter("He CLAIMED it; reclaimed; éclaimed; Claimed’s; revealed")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, ["CLAIMED", "Claimed", "revealed"]);
        // Tokens with classes or escapes stay fully Unicode.
        assert_eq!(bounded(r"Dru\w+", false), r"\b(?:Dru\w+)");
        assert_eq!(bounded("Druzes", false), r"\b(?-u:Druzes)\b");
    }

    #[test]
    fn a_bad_token_is_reported_at_its_own_line() {
        let head = HEAD.replace("KIND", "existence");
        // Syntax error (found by parsing alone) and compile error (found
        // only when the joined pattern fails) both point at their token.
        let syntax = error_of(&format!("{head}tokens:\n  - fine\n  - \"(open\"\n"));
        assert!(syntax.starts_with("r.yaml:10:"), "{syntax}");
        assert!(syntax.contains("invalid regular expression"), "{syntax}");
        let class = error_of(&format!("{head}tokens:\n  - fine\n  - '\\p{{Nope}}'\n"));
        assert!(class.starts_with("r.yaml:10:"), "{class}");
    }

    #[test]
    fn a_bad_swap_key_is_reported_at_its_own_line() {
        let head = HEAD.replace("KIND", "substitution");
        let err = error_of(&format!("{head}swap:\n  good: fine\n  \"[oops\": fine\n"));
        assert!(err.starts_with("r.yaml:10:"), "{err}");
    }
}
