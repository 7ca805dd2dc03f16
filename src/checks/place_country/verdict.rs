//! What the gazetteer says about one claim: it holds, it is wrong (and
//! whether the evidence is strong enough to report), or it is not judged.

use super::claims::{Claim, Target};
use super::lookup::{self, bare_key, relation, sovereign, Candidate, Relation};
use super::PlaceCountry;
use crate::gazetteer::{normalise, CountryCode, Gazetteer};

/// Countries that are one city, named like it.
pub(super) const CITY_STATES: &[&str] = &["HK", "MO", "SG", "MC", "GI", "VA"];

/// What the gazetteer says about one claim.
#[derive(Debug, Clone)]
pub(super) enum Verdict {
    /// Not judged: stoplisted, a country name, a person …
    Ignored,
    /// The name is unknown to the gazetteer.
    Unknown,
    /// Some place of that name lies in the claimed country or region.
    Holds { in_target: Vec<Candidate> },
    /// None does. `strong`: the evidence suffices for `place-country`.
    Wrong {
        candidates: Vec<Candidate>,
        disputed: bool,
        strong: bool,
    },
}

impl Verdict {
    pub(super) fn is_reported(&self) -> bool {
        matches!(self, Verdict::Wrong { strong: true, .. })
    }
}

pub(super) fn same_state(claimed: CountryCode, actual: CountryCode) -> bool {
    matches!(
        relation(claimed, actual),
        Relation::Same | Relation::Dependency
    )
}

/// The claimed country and the others its words may mean.
pub(super) fn claimed_states(target: &Target) -> impl Iterator<Item = CountryCode> + '_ {
    target
        .country
        .map(|c| c.code)
        .into_iter()
        .chain(target.also.iter().copied())
}

/// First-level regions split from another within living memory; copy
/// written before the split rightly puts their places in the parent
/// ("Hyderabad, capital of Andhra Pradesh"). (country, region, parent),
/// from the states' reorganisation acts (India 2000 and 2014, Canada 1999).
const FORMER_PARENTS: &[(&str, &str, &str)] = &[
    ("IN", "telangana", "andhra pradesh"),
    ("IN", "jharkhand", "bihar"),
    ("IN", "chhattisgarh", "madhya pradesh"),
    ("IN", "uttarakhand", "uttar pradesh"),
    ("IN", "ladakh", "jammu and kashmir"),
    ("CA", "nunavut", "northwest territories"),
];

fn was_part_of(c: &Candidate, region: &str) -> bool {
    let (Some(own), claimed) = (c.region.as_deref().map(normalise), normalise(region)) else {
        return false;
    };
    FORMER_PARENTS
        .iter()
        .any(|&(cc, r, parent)| c.country == cc && own == r && claimed == parent)
}

pub(super) fn satisfies(c: &Candidate, target: &Target) -> bool {
    let in_country = claimed_states(target).any(|tc| same_state(tc, c.country));
    let in_region = target.regions.iter().any(|r| match &c.region_code {
        // A county ("Luton, Hertfordshire") is judged by the place's own
        // division; where the data gives none, the claim cannot be judged.
        _ if r.is_district() => match &c.district_code {
            Some(code) => code == r.code || c.region_code.as_deref() == Some(r.code),
            None => c.country == r.country,
        },
        Some(code) => {
            code == r.code
                || c.region
                    .as_deref()
                    .is_some_and(|n| normalise(n) == normalise(r.name))
                || was_part_of(c, r.name)
        }
        // Region unknown: the country is the best we can say.
        None => c.country == r.country,
    });
    in_country || in_region
}

/// The country a claim names: the country reading, or the single country
/// of its region readings.
pub(super) fn claimed_country(target: &Target) -> Option<CountryCode> {
    if !target.also.is_empty() {
        return None;
    }
    if let Some(c) = target.country {
        return Some(sovereign(c.code));
    }
    let first = target.regions.first()?.country;
    target
        .regions
        .iter()
        .all(|r| r.country == first)
        .then(|| sovereign(first))
}

/// A candidate that has the written name only as an alternate name while
/// a place ten times its size bears it as its own ("Durban" for
/// Durbanville, whose alternate names include it, beside Durban): copy
/// means the famous one.
fn eclipsed(c: &Candidate, written: &str, candidates: &[Candidate]) -> bool {
    let key = bare_key(written);
    if c.local || bare_key(&c.name) == key {
        return false;
    }
    candidates.iter().any(|p| {
        !p.local
            && bare_key(&p.name) == key
            && u64::from(p.population) >= 10 * u64::from(c.population)
    })
}

impl PlaceCountry {
    pub(super) fn judge(&self, claim: &Claim) -> Verdict {
        let g = Gazetteer::global();
        let name = claim.place.as_str();
        let base = if claim.place_is_region {
            name.rsplit_once(' ').map_or(name, |(b, _)| b)
        } else {
            name
        };
        // A country is no place in another country ("Scotland, Ireland"),
        // except a city state ("in Singapore, Malaysia").
        let city_state = g
            .country_named(base)
            .is_some_and(|c| CITY_STATES.contains(&c.code.as_str()));
        if !city_state && (g.is_country_name(base) || g.country_by_adjective(base).is_some()) {
            return Verdict::Ignored;
        }
        if !claim.explicit && self.stoplist.contains(&normalise(base)) {
            return Verdict::Ignored;
        }
        if bare_key(base) == bare_key(&claim.target.text) {
            return Verdict::Ignored;
        }
        let mut candidates = self.lookup.places(base);
        // "West Edmonton", "North Jakarta": a district named for its part
        // of a city the gazetteer knows.
        if candidates.is_empty() && !claim.place_is_region {
            if let Some((first, rest)) = base.split_once(' ') {
                if ["North", "South", "East", "West", "Central"].contains(&first) {
                    candidates = self.lookup.places(rest);
                }
            }
        }
        let local = candidates.iter().any(|c| c.local);
        let regions = if local {
            Vec::new()
        } else {
            self.lookup.regions(name)
        };
        let in_target: Vec<Candidate> = candidates
            .iter()
            .filter(|c| satisfies(c, &claim.target) && !eclipsed(c, base, &candidates))
            .cloned()
            .collect();
        let region_holds = regions.iter().any(|r| {
            claim.target.regions.iter().any(|t| r.within(t.code))
                || claimed_states(&claim.target).any(|tc| same_state(tc, r.country))
        });
        if !in_target.is_empty() || region_holds {
            return Verdict::Holds { in_target };
        }
        if candidates.is_empty() && (regions.is_empty() || !claim.place_is_region) {
            return Verdict::Unknown;
        }
        let claimed = claimed_country(&claim.target);
        let disputed = claimed.is_some_and(|cc| {
            candidates
                .iter()
                .any(|c| lookup::disputed(c.country, c.region.as_deref(), cc))
        });
        let known = local
            || candidates
                .first()
                .is_some_and(|c| c.population >= self.params.min_population)
            || (claim.place_is_region && !regions.is_empty());
        // A bare region name may mean something else abroad ("Erbil,
        // Kurdistan" is not Iran's Kurdistan province): without its type
        // word it only counts against a place in the same country.
        let region_only = claim.target.country.is_none() && !claim.target.typed_region;
        let same_country_region = claim.target.regions.iter().any(|r| {
            candidates
                .iter()
                .any(|c| sovereign(c.country) == sovereign(r.country))
        });
        // "Khan Younis in southern Gaza": a region that is also a city may
        // mean the city's surroundings.
        let region_is_city = region_only
            && Gazetteer::global()
                .places_named(&claim.target.text)
                .iter()
                .any(|p| p.population >= 100_000);
        let strong = known && (!region_only || (same_country_region && !region_is_city));
        let candidates = if candidates.is_empty() {
            regions
                .iter()
                .map(|r| Candidate {
                    name: r.name.to_string(),
                    country: r.country,
                    region: None,
                    region_code: Some(r.code.to_string()),
                    district: None,
                    district_code: None,
                    position: None,
                    population: 0,
                    local: false,
                })
                .collect()
        } else {
            candidates
        };
        Verdict::Wrong {
            candidates,
            disputed,
            strong,
        }
    }
}
