//! Targets the text names without the country's name: "the Belgian
//! Ardennes" and "the US state of Ohio" (a region, typed or qualified by
//! its country), and "the country's far north" or "the northern city of
//! Guangzhou" (the country the story is about).

use super::words::{heading_of, REGION_WORDS};
use super::{Scanner, Target};
use crate::gazetteer::{normalise, Country, Region};

impl<'a> Scanner<'a> {
    /// "[the] [ADJ] TYPE of REGION" ("the US state of Ohio", "the province
    /// of Ulster") or "the ADJ REGION" ("the Austrian Tyrol") at `i`.
    pub(super) fn qualified_region(&self, i: usize) -> Option<(Target, usize)> {
        let the = self.is_word(i, &["the"]);
        let mut k = if the { i + 1 } else { i };
        let mut country: Option<Country> = None;
        for len in [2, 1] {
            if k + len <= self.t.len() {
                if let Some(c) = self.adjective(k, k + len).and_then(|t| t.country) {
                    country = Some(c);
                    k += len;
                    break;
                }
            }
        }
        let typed = self.is_word(k, REGION_WORDS) && self.is_word(k + 1, &["of"]);
        if typed {
            k += 2;
        } else if country.is_none() || !the {
            return None;
        }
        for len in (1..=4).rev() {
            let end = k + len;
            if end > self.t.len() || !self.t[k..end].iter().all(|t| t.is_capitalised()) {
                continue;
            }
            if !self.ends_name(end) {
                continue;
            }
            let text = self.text(k, end);
            let regions: Vec<Region> = self
                .gaz
                .regions_named(text)
                .into_iter()
                .filter(|r| country.is_none_or(|c| c.code == r.country))
                .collect();
            if regions.is_empty() {
                continue;
            }
            return Some((
                Target {
                    span: self.span(i, end),
                    text: text.to_string(),
                    country: None,
                    regions,
                    also: Vec::new(),
                    typed_region: true,
                },
                end,
            ));
        }
        None
    }

    /// "the country's" at `i`, standing for the country of `place` when the
    /// story names that country (or its people) somewhere.
    pub(super) fn the_country(&self, i: usize, place: &str) -> Option<(Target, usize)> {
        if !self.is_word(i, &["the"]) || !self.is_word(i + 1, &["country's", "country’s"]) {
            return None;
        }
        let target = self.implied_country(place, self.span(i, i + 2), "the country")?;
        Some((target, i + 2))
    }

    /// The country of the best-known place named `place`, if the document
    /// names that country or its adjective.
    pub(super) fn implied_country(
        &self,
        place: &str,
        span: std::ops::Range<usize>,
        text: &str,
    ) -> Option<Target> {
        let best = self.gaz.places_named(place).into_iter().next()?;
        if best.population < 100_000 {
            return None;
        }
        let country = self.gaz.country(best.country.as_str())?;
        let named = [country.name, country.adjective]
            .iter()
            .any(|w| !w.is_empty() && mentions_word(&self.doc.text, w));
        if !named {
            return None;
        }
        Some(Target {
            span,
            text: text.to_string(),
            country: Some(country),
            regions: Vec::new(),
            also: Vec::new(),
            typed_region: false,
        })
    }

    /// A region named attributively ("the Ohio city of", "the Bavarian
    /// capital"): the region name, or its adjective in "-n" ("Bavarian").
    pub(super) fn region_adjective(&self, text: &str) -> Vec<Region> {
        if text.chars().count() < 4 || heading_of(text).is_some() {
            return Vec::new();
        }
        let regions = self.gaz.regions_named(text);
        if !regions.is_empty() {
            return regions;
        }
        if let Some(stem) = text.strip_suffix('n') {
            if normalise(stem).ends_with('a') {
                let regions = self.gaz.regions_named(stem);
                if !regions.is_empty() {
                    return regions;
                }
            }
        }
        // Irregular adjectives: "Catalan" (Catalonia), "Tuscan" (Tuscany),
        // "Sicilian" (Sicily), "Cornish" (Cornwall). The stem must be long
        // and name regions of one country only.
        for suffix in ["ian", "an", "ish", "ese"] {
            let Some(stem) = text.strip_suffix(suffix) else {
                continue;
            };
            if stem.chars().count() < 4 {
                continue;
            }
            let regions = self.gaz.regions_by_stem(stem, 4);
            let one_country = regions
                .first()
                .is_some_and(|f| regions.iter().all(|r| r.country == f.country));
            if one_country {
                return regions;
            }
        }
        Vec::new()
    }
}

/// Whether `word` occurs in `text` as a whole word (case-sensitive).
fn mentions_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
