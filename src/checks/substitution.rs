//! `substitution`: use B instead of A ("Druzes" → "Druze"), with a fix.
//! All keys are scanned with one combined regex; each match is mapped back
//! to its key with that key's anchored pattern, compiled on first use (most
//! keys never match a given draft, and compiling them all slowed start-up).

use super::pattern::{self, bounded, compile_tokens, scoped_ranges, Scope};
use super::{Check, Kind};
use crate::checks::LoadContext;
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::rule_params;
use crate::source::LoadError;
use regex::Regex;
use serde_saphyr::Spanned;
use std::collections::HashMap;
use std::sync::OnceLock;

pub const KIND: Kind = Kind {
    name: "substitution",
    fields: &["match", "replacement"],
    build,
    summary: "suggests a replacement for a word or pattern, with a fix",
    params: crate::checks::params_schema::<Params>,
};

fn default_scope() -> Scope {
    Scope::All
}

fn yes() -> bool {
    true
}

rule_params! {
    struct Params {
        /// Map of pattern (a regular expression; plain words work) to
        /// replacement (literal text).
        #[schemars(with = "std::collections::BTreeMap<String, String>")]
        swap: HashMap<Spanned<String>, String>,
        /// Match regardless of case. When on, a capitalised match gets a
        /// capitalised replacement ("Claimed" → "Said").
        #[serde(default)]
        ignorecase: bool,
        /// Do not add word boundaries around the patterns (as in `existence`).
        #[serde(default)]
        nonword: bool,
        /// Offer the replacement as a fix `--fix` applies. Set `false` where
        /// the sentence may need rewording rather than a word swapped.
        #[serde(default = "yes")]
        fixable: bool,
        /// Where to look: all, body (paragraphs), display (headline,
        /// standfirst, subheads, captions, pull quotes), title, subhead,
        /// byline.
        #[serde(default = "default_scope")]
        scope: Scope,
    }
}

struct Swap {
    /// `^(?:pattern)$`, compiled on first use; None if it does not compile
    /// (it always does: the combined pattern containing it compiled).
    anchored: OnceLock<Option<Regex>>,
    pattern: String,
    replacement: String,
}

impl Swap {
    /// Whether this key's pattern matches all of `text`.
    fn matches_whole(&self, text: &str, ignorecase: bool) -> bool {
        self.anchored
            .get_or_init(|| pattern::build(&format!("^(?:{})$", self.pattern), ignorecase).ok())
            .as_ref()
            .is_some_and(|r| r.is_match(text))
    }
}

struct Substitution {
    combined: Regex,
    swaps: Vec<Swap>,
    ignorecase: bool,
    fixable: bool,
    scope: Scope,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let params: Params = ctx.params()?;
    let mut keys: Vec<(&Spanned<String>, &String)> = params.swap.iter().collect();
    keys.sort_by_key(|(k, _)| (k.referenced.line(), k.referenced.column()));
    if keys.is_empty() {
        return Err(ctx
            .source
            .error_span(0..0, "`swap` needs at least one entry"));
    }
    let parts: Vec<String> = keys
        .iter()
        .map(|(key, _)| bounded(&key.value, params.nonword))
        .collect();
    let tokens: Vec<&Spanned<String>> = keys.iter().map(|(key, _)| *key).collect();
    let combined = compile_tokens(&parts.join("|"), &tokens, params.ignorecase, ctx)?;
    let swaps = keys
        .iter()
        .map(|(key, replacement)| Swap {
            anchored: OnceLock::new(),
            pattern: key.value.clone(),
            replacement: (*replacement).clone(),
        })
        .collect();
    Ok(Box::new(Substitution {
        combined,
        swaps,
        ignorecase: params.ignorecase,
        fixable: params.fixable,
        scope: params.scope,
    }))
}

impl Check for Substitution {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for range in scoped_ranges(doc, self.scope) {
            let text = doc.slice(&range);
            for m in self.combined.find_iter(text) {
                let Some(swap) = self
                    .swaps
                    .iter()
                    .find(|s| s.matches_whole(m.as_str(), self.ignorecase))
                else {
                    continue;
                };
                let replacement = match_case(m.as_str(), &swap.replacement, self.ignorecase);
                let span = range.start + m.start()..range.start + m.end();
                let mut finding = Finding::at(span.clone())
                    .field("match", m.as_str())
                    .field("replacement", replacement.clone());
                if self.fixable {
                    finding = finding.fix(span, replacement);
                }
                out.push(finding);
            }
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let swaps: Vec<String> = self
            .swaps
            .iter()
            .map(|s| format!("{} -> {}", s.pattern, s.replacement))
            .collect();
        vec![
            ("swap".into(), swaps.join("; ")),
            ("ignorecase".into(), self.ignorecase.to_string()),
            ("fixable".into(), self.fixable.to_string()),
        ]
    }
}

/// "Claimed" → "Said" when the match is capitalised and case was ignored.
fn match_case(matched: &str, replacement: &str, ignorecase: bool) -> String {
    let capital = matched.chars().next().is_some_and(char::is_uppercase);
    if !ignorecase || !capital {
        return replacement.to_string();
    }
    let mut chars = replacement.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
