//! A capital named by its role alone, "the Dutch capital", where the text
//! has just named another country's capital and never names the Dutch one
//! (nor the Netherlands): the writer meant the city named earlier
//! (Brussels) and gave it the wrong country.
//!
//! The link is inferred, so the finding is a warning, and only where the
//! text offers no other reading: the role's country appears nowhere else,
//! and a capital of another country was named shortly before.

use super::claims::Claim;
use super::notes::country_display;
use super::tokens::tokenise;
use super::verdict::CITY_STATES;
use crate::diagnostic::{Finding, Severity};
use crate::document::Document;
use crate::gazetteer::{normalise, Country, Gazetteer};
use std::ops::Range;

/// How far back (bytes) the earlier capital may be named: about a
/// paragraph or two of news copy.
const LOOKBACK: usize = 1500;

/// "the ADJ capital" phrases not already part of a claim.
fn role_mentions(doc: &Document, claims: &[&Claim]) -> Vec<(Range<usize>, Country)> {
    let g = Gazetteer::global();
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let t = tokenise(doc.slice(&sentence.span), sentence.span.start);
        for i in 0..t.len().saturating_sub(2) {
            if !t[i].is_ci("the") || !t[i + 1].is_word || !t[i + 1].is_capitalised() {
                continue;
            }
            let cap = if t[i + 2].is("capital") {
                i + 2
            } else if t.get(i + 3).is_some_and(|x| x.is("capital")) && t[i + 2].is_capitalised() {
                i + 3
            } else {
                continue;
            };
            let adj = &doc.text[t[i + 1].span.start..t[cap - 1].span.end];
            let Some(country) = g.country_by_adjective(adj) else {
                continue;
            };
            // "the Dutch capital, Amsterdam" / "the Dutch capital Amsterdam":
            // the city is named; the apposition claims judge that.
            let next = t.get(cap + 1);
            let after = if next.is_some_and(|x| x.is_punct(',')) {
                t.get(cap + 2)
            } else {
                next
            };
            if after.is_some_and(|x| x.is_word && x.is_capitalised()) {
                continue;
            }
            let span = t[i + 1].span.start..t[cap].span.end;
            if claims
                .iter()
                .any(|c| c.target.span.start < span.end && span.start < c.target.span.end)
            {
                continue;
            }
            out.push((span, country));
        }
    }
    out
}

fn whole_word_positions<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices(word)
        .map(|(at, _)| at)
        .filter(move |&at| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// Findings for capital roles that point back at another country's capital.
pub(super) fn capital_role_findings(doc: &Document, claims: &[&Claim]) -> Vec<Finding> {
    let g = Gazetteer::global();
    let text = doc.text.as_str();
    let mut out = Vec::new();
    for (span, country) in role_mentions(doc, claims) {
        let adjective = &text[span.start..span.end - "capital".len()].trim_end();
        // The role's country must appear nowhere else: its name, its
        // capital, or the adjective a second time.
        let named_elsewhere = whole_word_positions(text, country.name).next().is_some()
            || (!country.capital.is_empty()
                && whole_word_positions(text, country.capital).next().is_some())
            || whole_word_positions(text, adjective).count() > 1;
        if named_elsewhere {
            continue;
        }
        let window = span.start.saturating_sub(LOOKBACK)..span.start;
        // The capital of another country named last before the role.
        let antecedent = g
            .countries()
            .filter(|c| c.code != country.code && !c.capital.is_empty())
            .filter(|c| !CITY_STATES.contains(&c.code.as_str()))
            .filter_map(|c| {
                let at = whole_word_positions(&text[..span.start], c.capital)
                    .filter(|at| window.contains(at))
                    .last()?;
                Some((at, c))
            })
            .max_by_key(|(at, _)| *at);
        let Some((at, owner)) = antecedent else {
            continue;
        };
        // A capital spelt like a common word or a person ("Victoria") is no
        // antecedent unless it is well known.
        if g.capital_of(owner.code)
            .is_none_or(|p| p.population < 100_000)
        {
            continue;
        }
        let claimed = country_display(country.code);
        let actual = country_display(owner.code);
        let mut finding = Finding::at(span.clone())
            .field("place", owner.capital.to_string())
            .field("claimed", claimed.clone())
            .field("actual", actual.clone())
            .label(
                at..at + owner.capital.len(),
                format!("{} is named here, the capital of {actual}", owner.capital),
            )
            .note(format!(
                "the text never names {claimed} or its capital, {}; \"the {} capital\" seems to mean {}, named earlier",
                country.capital,
                adjective,
                owner.capital
            ));
        finding.severity = Some(Severity::Warning);
        if normalise(owner.capital) != normalise(country.capital) {
            out.push(finding);
        }
    }
    out
}
