//! The country or region a claim names: "Syria", "Idlib province",
//! "the Spanish", "South Korean", with an optional heading before it.

use super::words::{is_name_word, is_particle, is_possessive, FOREIGN_PARTICLES, REGION_WORDS};
use super::{HeadingMention, Scanner, Target};
use crate::document::lower_case;
use crate::gazetteer::{normalise, Country, CountryCode, Gazetteer, Region};

impl<'a> Scanner<'a> {
    /// A country or region named at token `i` (after an optional "the"),
    /// returning it and the index after it. The longest reading wins.
    pub(super) fn target_at(&self, i: usize) -> Option<(Target, usize)> {
        let start = if self.word_at(i).is_some_and(|t| t.is("the")) {
            i + 1
        } else {
            i
        };
        let first = self.word_at(start)?;
        if !first.is_capitalised() {
            return None;
        }
        let mut best: Option<(Target, usize)> = None;
        for len in (1..=5).rev() {
            let end = start + len;
            if end > self.t.len() || !self.t[start..end].iter().all(|t| t.is_word) {
                continue;
            }
            let last = &self.t[end - 1];
            if !last.is_capitalised() || is_possessive(last) {
                continue;
            }
            let inner_ok = self.t[start..end]
                .iter()
                .all(|t| t.is_capitalised() || is_particle(t) || t.is("and"));
            if !inner_ok {
                continue;
            }
            let text = self.text(start, end);
            // "Idlib province", "Texas state": a region type word after the name.
            let typed_end = if self.is_word(end, REGION_WORDS)
                || self
                    .word_at(end)
                    .is_some_and(|t| REGION_WORDS.contains(&lower_case(t.text).as_ref()))
            {
                Some(end + 1)
            } else {
                None
            };
            if let Some(typed) = typed_end {
                let typed_text = self.text(start, typed);
                let regions = self.gaz.regions_named(typed_text);
                if !regions.is_empty() && self.ends_name(typed) {
                    return Some((
                        Target {
                            span: self.span(start, typed),
                            text: typed_text.to_string(),
                            country: None,
                            regions,
                            also: Vec::new(),
                            typed_region: true,
                        },
                        typed,
                    ));
                }
            }
            if !self.ends_name(end) {
                continue;
            }
            let country = self.gaz.country_named(text);
            let regions = self.gaz.regions_named(text);
            if country.is_none() && regions.is_empty() {
                continue;
            }
            best = Some((self.target(start, end, text, country, regions), end));
            break;
        }
        best
    }

    pub(super) fn target(
        &self,
        start: usize,
        end: usize,
        text: &str,
        country: Option<Country>,
        regions: Vec<Region>,
    ) -> Target {
        let key = normalise(text);
        let key = key.strip_prefix("the ").unwrap_or(&key);
        // England, Scotland, Wales and Northern Ireland are GB's first-level
        // regions: "Cardiff, England" is a claim about the region.
        let constituent = ["england", "scotland", "wales", "northern ireland"].contains(&key);
        let (country, mut regions) = if constituent {
            let gb: Vec<Region> = regions.into_iter().filter(|r| r.country == "GB").collect();
            if gb.is_empty() {
                (country, gb)
            } else {
                (None, gb)
            }
        } else {
            (country, regions)
        };
        // "Ireland" may mean the island ("Belfast, Ireland").
        if key == "ireland" {
            regions.extend(self.northern_ireland());
        }
        Target {
            span: self.span(start, end),
            text: text.to_string(),
            country,
            also: also_meant(key),
            // England, Scotland, Wales, Northern Ireland: no namesakes abroad.
            typed_region: constituent && !regions.is_empty(),
            regions,
        }
    }

    pub(super) fn northern_ireland(&self) -> Vec<Region> {
        self.gaz
            .regions_named("Northern Ireland")
            .into_iter()
            .filter(|r| r.country == "GB")
            .collect()
    }

    /// "the Belgian capital" at `i`: the country whose capital it is.
    pub(super) fn capital_target(&self, i: usize) -> Option<(Target, usize)> {
        if !self.is_word(i, &["the"]) {
            return None;
        }
        let at = (i + 2..=i + 3).find(|&k| self.is_word(k, &["capital"]))?;
        let target = self.adjective(i + 1, at)?;
        target.country?;
        Some((target, at + 1))
    }

    /// True if no name continues at token `i` ("France Telecom", "Jordan Brown").
    pub(super) fn ends_name(&self, i: usize) -> bool {
        match self.t.get(i) {
            None => true,
            Some(t) => {
                let continues = t.is_word
                    && FOREIGN_PARTICLES.contains(&t.text)
                    && self.t.get(i + 1).is_some_and(is_name_word);
                !(is_name_word(t) || continues)
            }
        }
    }

    /// A target of regions only (no country) spanning tokens `start..end`;
    /// `typed` when the text named it as definitely as a country.
    fn region_target(&self, start: usize, end: usize, regions: Vec<Region>, typed: bool) -> Target {
        Target {
            span: self.span(start, end),
            text: self.text(start, end).to_string(),
            country: None,
            regions,
            also: Vec::new(),
            typed_region: typed,
        }
    }

    /// A country adjective ("Syrian", "South Korean", "U.S.") spanning
    /// tokens `start..end`.
    pub(super) fn adjective(&self, start: usize, end: usize) -> Option<Target> {
        if !self.t[start..end].iter().all(|t| t.is_capitalised()) {
            return None;
        }
        let text = self.text(start, end);
        let key = normalise(text);
        let constituent = match key.as_str() {
            "english" => Some("England"),
            "scottish" => Some("Scotland"),
            "welsh" => Some("Wales"),
            "northern irish" => Some("Northern Ireland"),
            _ => None,
        };
        if let Some(region) = constituent {
            let regions: Vec<Region> = self
                .gaz
                .regions_named(region)
                .into_iter()
                .filter(|r| r.country == "GB")
                .collect();
            // A constituent country is as definite as a country.
            return Some(self.region_target(start, end, regions, true));
        }
        let by_adjective = self.gaz.country_by_adjective(text);
        let Some(country) = by_adjective.or_else(|| self.gaz.country_named(text)) else {
            // "the Ohio city of", "the Bavarian city of".
            let regions = self.region_adjective(text);
            if regions.is_empty() {
                return None;
            }
            return Some(self.region_target(start, end, regions, false));
        };
        // "Irish" also covers Northern Ireland ("the Irish city of Belfast");
        // a country name used attributively may be a region ("the Georgia
        // city of Atlanta").
        let regions = if key == "irish" {
            self.northern_ireland()
        } else if by_adjective.is_none() {
            self.gaz.regions_named(text)
        } else {
            Vec::new()
        };
        Some(Target {
            span: self.span(start, end),
            text: text.to_string(),
            country: Some(country),
            regions,
            also: also_meant(&key),
            typed_region: false,
        })
    }

    /// "[the] [heading] TARGET" at `i`.
    pub(super) fn headed_target(
        &self,
        i: usize,
    ) -> Option<(Option<HeadingMention>, Target, usize)> {
        let j = if self.word_at(i).is_some_and(|t| t.is("the")) {
            i + 1
        } else {
            i
        };
        if let Some(h) = self.heading_at(j) {
            let (target, end) = self.target_at(j + 1)?;
            return Some((Some(h), target, end));
        }
        let (target, end) = self.qualified_region(i).or_else(|| self.target_at(i))?;
        Some((None, target, end))
    }
}

/// Countries a name or adjective is also used for, beyond the one the
/// country table gives.
pub(super) fn also_meant(key: &str) -> Vec<CountryCode> {
    const ALSO: &[(&str, &[&str])] = &[
        ("congo", &["CD", "CG"]),
        ("congolese", &["CD", "CG"]),
        ("korea", &["KP"]),
        ("macedonia", &["GR"]),
        ("macedonian", &["GR"]),
        ("dominican", &["DM"]),
        ("guinean", &["GQ", "GW", "PG"]),
        ("sudan", &["SS"]),
        ("sudanese", &["SS"]),
        ("azerbaijan", &["IR"]),
        ("azeri", &["IR"]),
        ("azerbaijani", &["IR"]),
        ("samoa", &["AS"]),
        ("samoan", &["AS"]),
        ("virgin islands", &["VI", "VG"]),
    ];
    ALSO.iter()
        .find(|(k, _)| *k == key)
        .map(|(_, codes)| codes.iter().filter_map(|c| CountryCode::new(c)).collect())
        .unwrap_or_default()
}

/// A country whose name is also a large city ("Singapore", "Kuwait"), so
/// it may be a list item rather than the city's country.
pub(super) fn is_city_state(gaz: &Gazetteer, target: &Target) -> bool {
    let Some(country) = target.country else {
        return false;
    };
    gaz.places_named(&target.text)
        .iter()
        .any(|p| p.country == country.code && p.population >= 100_000)
}
