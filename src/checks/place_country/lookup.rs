//! What the gazetteer (and the user's local additions) know about a name:
//! candidate places, and how two countries relate (the same, a dependency
//! of the other, or a disputed pair).

use crate::gazetteer::LocalPlace;
use crate::gazetteer::{normalise, CountryCode, Gazetteer, Region};

/// One place a name may refer to.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Candidate {
    pub name: String,
    pub country: CountryCode,
    pub region: Option<String>,
    pub region_code: Option<String>,
    /// The second-level division's name and code ("Medway",
    /// "GB.ENG.I3"), where the data has one.
    pub district: Option<String>,
    pub district_code: Option<String>,
    /// Latitude and longitude; `None` for local additions.
    pub position: Option<(f64, f64)>,
    pub population: u32,
    /// From the config's `gazetteer:` list rather than the embedded data.
    pub local: bool,
}

/// Words that split a region by compass point ("North Darfur", "Western
/// Darfur" in GeoNames' spelling).
const COMPASS_PREFIXES: &[&str] = &[
    "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
];

/// How a claimed country relates to a place's country (disputed areas
/// are judged by region: see `disputed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Relation {
    Same,
    /// One is a dependency or special administrative region of the other
    /// ("Hong Kong, China"; "San Juan, Puerto Rico" in the US).
    Dependency,
    Different,
}

/// Territories listed under their own ISO code whose places news copy
/// may equally put in the sovereign state: (territory, sovereign).
const DEPENDENCIES: &[(&str, &str)] = &[
    ("HK", "CN"),
    ("MO", "CN"),
    ("PR", "US"),
    ("GU", "US"),
    ("VI", "US"),
    ("AS", "US"),
    ("MP", "US"),
    ("UM", "US"),
    ("GL", "DK"),
    ("FO", "DK"),
    ("GI", "GB"),
    ("JE", "GB"),
    ("GG", "GB"),
    ("IM", "GB"),
    ("BM", "GB"),
    ("KY", "GB"),
    ("VG", "GB"),
    ("TC", "GB"),
    ("FK", "GB"),
    ("MS", "GB"),
    ("AI", "GB"),
    ("SH", "GB"),
    ("IO", "GB"),
    ("RE", "FR"),
    ("MQ", "FR"),
    ("GP", "FR"),
    ("GF", "FR"),
    ("YT", "FR"),
    ("NC", "FR"),
    ("PF", "FR"),
    ("PM", "FR"),
    ("BL", "FR"),
    ("MF", "FR"),
    ("WF", "FR"),
    ("TF", "FR"),
    ("AW", "NL"),
    ("CW", "NL"),
    ("SX", "NL"),
    ("BQ", "NL"),
    ("AX", "FI"),
    ("SJ", "NO"),
    ("CX", "AU"),
    ("CC", "AU"),
    ("NF", "AU"),
    ("TK", "NZ"),
    ("CK", "NZ"),
    ("NU", "NZ"),
];

/// Areas with a live sovereignty dispute, as (country the gazetteer puts
/// them in, first-level region or "*" for all of it, the other claimant).
/// A place there put in the other claimant is not a plain error.
const DISPUTED: &[(&str, &str, &str)] = &[
    ("UA", "crimea", "RU"),
    ("UA", "sevastopol city", "RU"),
    ("UA", "donetsk", "RU"),
    ("UA", "luhansk", "RU"),
    ("UA", "zaporizhzhia", "RU"),
    ("UA", "kherson", "RU"),
    ("GE", "abkhazia", "RU"),
    ("GE", "shida kartli", "RU"),
    ("MD", "transnistria", "RU"),
    ("AZ", "xankendi", "AM"),
    ("AZ", "shusha", "AM"),
    ("IN", "jammu and kashmir", "PK"),
    ("IN", "ladakh", "PK"),
    ("IN", "ladakh", "CN"),
    ("IN", "arunachal pradesh", "CN"),
    ("PK", "azad kashmir", "IN"),
    ("PK", "gilgit baltistan", "IN"),
    ("IL", "jerusalem", "PS"),
    ("SY", "quneitra", "IL"),
    ("PS", "*", "IL"),
    ("CY", "keryneia", "TR"),
    ("CY", "ammochostos", "TR"),
    ("XK", "*", "RS"),
    ("TW", "*", "CN"),
    ("EH", "*", "MA"),
    ("FK", "*", "AR"),
];

/// Whether a place in `country`/`region` is disputed with `claimed`.
pub(super) fn disputed(country: CountryCode, region: Option<&str>, claimed: CountryCode) -> bool {
    let region = region.map(normalise).unwrap_or_default();
    DISPUTED.iter().any(|&(c, r, other)| {
        country == c && sovereign(claimed) == other && (r == "*" || r == region)
    })
}

/// The state a country's places belong to ("HK" → "CN").
pub(super) fn sovereign(code: CountryCode) -> CountryCode {
    DEPENDENCIES
        .iter()
        .find(|&&(t, _)| code == t)
        .and_then(|&(_, s)| CountryCode::new(s))
        .unwrap_or(code)
}

pub(super) fn relation(claimed: CountryCode, actual: CountryCode) -> Relation {
    if claimed == actual {
        Relation::Same
    } else if sovereign(claimed) == sovereign(actual) {
        Relation::Dependency
    } else {
        Relation::Different
    }
}

/// A local addition with its country resolved.
#[derive(Debug, Clone)]
struct Local {
    keys: Vec<String>,
    name: String,
    country: CountryCode,
    region: Option<String>,
}

/// Name lookups for the place checks: the embedded gazetteer, with the
/// config's local places taking precedence for the names they list.
#[derive(Debug)]
pub(super) struct Lookup {
    locals: Vec<Local>,
}

/// The normalised key without a leading Arabic article, so "Al-Suwayda"
/// and "Suwayda" compare equal.
pub(super) fn bare_key(name: &str) -> String {
    let key = normalise(name);
    const ARTICLES: &[&str] = &["al", "as", "ad", "ar", "an", "at", "az", "ash", "el"];
    match key.split_once(' ') {
        Some((first, rest)) if ARTICLES.contains(&first) && !rest.is_empty() => rest.to_string(),
        _ => key,
    }
}

impl Lookup {
    /// Resolves the local places' countries (ISO code or English name);
    /// entries whose country is unknown are returned by name so the
    /// caller can report them.
    pub fn new(local_places: &[LocalPlace]) -> (Self, Vec<String>) {
        let g = Gazetteer::global();
        let mut locals = Vec::new();
        let mut unknown = Vec::new();
        for p in local_places {
            let country = g
                .country(&p.country)
                .or_else(|| g.country_named(&p.country))
                .map(|c| c.code);
            let Some(country) = country else {
                unknown.push(format!("{} ({})", p.name, p.country));
                continue;
            };
            let keys = std::iter::once(&p.name)
                .chain(&p.aliases)
                .map(|n| bare_key(n))
                .filter(|k| !k.is_empty())
                .collect();
            locals.push(Local {
                keys,
                name: p.name.clone(),
                country,
                region: p.region.clone(),
            });
        }
        (Self { locals }, unknown)
    }

    /// Places a name may refer to, most populous first. A name listed in
    /// the local additions refers only to those entries (they override).
    pub fn places(&self, name: &str) -> Vec<Candidate> {
        let key = bare_key(name);
        let local: Vec<Candidate> = self
            .locals
            .iter()
            .filter(|l| l.keys.contains(&key))
            .map(|l| {
                let region = l.region.as_deref().and_then(|r| {
                    Gazetteer::global()
                        .regions_named(r)
                        .into_iter()
                        .find(|reg| reg.country == l.country)
                });
                Candidate {
                    name: l.name.clone(),
                    country: l.country,
                    region: l.region.clone(),
                    region_code: region.map(|r| r.code.to_string()),
                    district: None,
                    district_code: None,
                    position: None,
                    population: 0,
                    local: true,
                }
            })
            .collect();
        if !local.is_empty() {
            return local;
        }
        Gazetteer::global()
            .places_named(name)
            .into_iter()
            .map(|p| Candidate {
                name: p.name.to_string(),
                country: p.country,
                region: p.region.map(str::to_string),
                region_code: p.region_code.map(str::to_string),
                district: p.district.map(str::to_string),
                district_code: p.district_code.map(str::to_string),
                position: Some((p.lat, p.lon)),
                population: p.population,
                local: false,
            })
            .collect()
    }

    /// Regions a name given as a region may mean. A bare name shared by
    /// compass-split regions of one country ("Darfur": North, South, West,
    /// Central and East Darfur) means all of them.
    pub fn regions(&self, name: &str) -> Vec<Region> {
        let g = Gazetteer::global();
        let found = g.regions_named(name);
        if !found.is_empty() {
            return found;
        }
        let bare = match name.rsplit_once(' ') {
            Some((b, t)) if crate::gazetteer::is_region_type_word(t) => b,
            _ => name,
        };
        let mut parts: Vec<Region> = COMPASS_PREFIXES
            .iter()
            .flat_map(|p| g.regions_named(&format!("{p} {bare}")))
            .filter(|r| !r.is_district())
            .collect();
        parts.sort_by(|a, b| a.code.cmp(b.code));
        parts.dedup_by(|a, b| a.code == b.code);
        let one_country = parts
            .first()
            .is_some_and(|f| parts.iter().all(|r| r.country == f.country));
        if parts.len() >= 2 && one_country {
            parts
        } else {
            Vec::new()
        }
    }
}
