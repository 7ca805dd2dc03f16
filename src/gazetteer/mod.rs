//! Place, region and country lookup over the data embedded from `data/`.
//!
//! `places.bin` (GeoNames, CC BY 4.0) is read in place, zero-copy; the
//! small `countries.tsv` (world-countries, ODbL) is split into borrowed
//! strings on first use. Both are built by `scripts/build_gazetteer.py`.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod countries;
mod format;
mod local;
mod normalise;

use std::sync::OnceLock;

pub use countries::{BBox, Country, CountryCode, Direction};
pub use format::GazetteerError;
pub use local::LocalPlace;
pub use normalise::normalise;

use countries::CountryTable;
use format::PlaceIndex;
use normalise::strip_article;

static PLACES_BIN: &[u8] = include_bytes!("../../data/places.bin");
static COUNTRIES_TSV: &str = include_str!("../../data/countries.tsv");

/// Trailing words that name a region's type ("Idlib province").
const REGION_TYPE_WORDS: &[&str] = &[
    "governorate",
    "governate",
    "province",
    "state",
    "region",
    "district",
    "oblast",
    "prefecture",
    "county",
    "department",
    "emirate",
    "municipality",
    "territory",
    "canton",
    "voivodeship",
    "krai",
    "republic",
];

/// Whether `word` names a region's type ("province", "Governorate").
pub fn is_region_type_word(word: &str) -> bool {
    REGION_TYPE_WORDS.contains(&normalise(word).as_str())
}

/// A populated place (GeoNames, population ≥ 1000).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The name as the gazetteer spells it.
    pub name: &'static str,
    /// The country it is in.
    pub country: CountryCode,
    /// Display name of the first-level region ("Suwayda", "Wales").
    pub region: Option<&'static str>,
    /// GeoNames code of that region ("SY.05").
    pub region_code: Option<&'static str>,
    /// Display name of the second-level division, where the data has
    /// them (the UK: "Medway", Chatham's unitary authority).
    pub district: Option<&'static str>,
    /// GeoNames code of that division ("GB.ENG.I3").
    pub district_code: Option<&'static str>,
    /// Latitude, in degrees.
    pub lat: f64,
    /// Longitude, in degrees.
    pub lon: f64,
    /// Population (0 when unknown).
    pub population: u32,
}

/// An administrative region: first-level (governorate, province, state)
/// or, in the UK, second-level (county, unitary authority, council area).
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// The name as the gazetteer spells it.
    pub name: &'static str,
    /// The country it is in.
    pub country: CountryCode,
    /// GeoNames admin1 code, "SY.05"; for a division, admin2, "GB.ENG.I1".
    pub code: &'static str,
    /// ISO 3166-2 code, "SY-SU"; empty where unknown.
    pub iso: &'static str,
    /// A second-level division ("Fife", "Luton"), not a first-level region.
    pub district: bool,
    /// The box of the region's places, for directions inside it.
    pub bbox: Option<BBox>,
}

impl Region {
    /// Whether it is a second-level division (a UK county or authority).
    pub fn is_district(&self) -> bool {
        self.district
    }

    /// True if this region is `other` or lies within it ("GB.SCT.V1", Fife,
    /// lies within "GB.SCT", Scotland).
    pub fn within(&self, other: &str) -> bool {
        self.code == other
            || self
                .code
                .strip_prefix(other)
                .is_some_and(|rest| rest.starts_with('.'))
    }
}

/// The embedded gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    index: PlaceIndex,
    countries: CountryTable,
}

static GLOBAL: OnceLock<Result<Gazetteer, GazetteerError>> = OnceLock::new();
static EMPTY: OnceLock<Gazetteer> = OnceLock::new();

impl Gazetteer {
    /// Builds a gazetteer over data in the build script's formats.
    pub fn from_bytes(
        places: &'static [u8],
        countries: &'static str,
    ) -> Result<Self, GazetteerError> {
        Ok(Self {
            index: PlaceIndex::new(places)?,
            countries: CountryTable::parse(countries)?,
        })
    }

    /// The embedded data, checked once on first use.
    pub fn try_global() -> Result<&'static Gazetteer, GazetteerError> {
        GLOBAL
            .get_or_init(|| Self::from_bytes(PLACES_BIN, COUNTRIES_TSV))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The embedded data; an empty gazetteer if it is unusable (a test
    /// guards against that; `try_global` reports why).
    pub fn global() -> &'static Gazetteer {
        Self::try_global().unwrap_or_else(|_| {
            EMPTY.get_or_init(|| Gazetteer {
                index: PlaceIndex::empty(),
                countries: CountryTable::default(),
            })
        })
    }

    /// Number of places, regions and countries.
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            self.index.place_count(),
            self.index.region_count(),
            self.countries.len(),
        )
    }

    /// Places whose name or alternate name matches, most populous first.
    ///
    /// Also matches without a leading Arabic article on either side:
    /// "Suwayda", "Al-Suwayda" and "As-Suwayda" find the same city.
    pub fn places_named(&self, name: &str) -> Vec<Place> {
        let key = normalise(name);
        if key.is_empty() {
            return Vec::new();
        }
        let mut ids: Vec<u32> = self.index.places_with_key(&key).collect();
        if let Some(bare) = strip_article(&key) {
            ids.extend(self.index.places_with_key(bare));
        }
        ids.sort_unstable();
        ids.dedup();
        let mut places: Vec<Place> = ids.into_iter().filter_map(|i| self.place(i)).collect();
        places.sort_by_key(|p| std::cmp::Reverse(p.population));
        places
    }

    fn place(&self, i: u32) -> Option<Place> {
        let raw = self.index.place(i)?;
        let region = raw.region.and_then(|r| self.index.region(r));
        let district = raw.district.and_then(|r| self.index.region(r));
        Some(Place {
            name: raw.name,
            country: CountryCode(raw.country),
            region: region.as_ref().map(|r| r.name),
            region_code: region.as_ref().map(|r| r.code),
            district: district.as_ref().map(|r| r.name),
            district_code: district.as_ref().map(|r| r.code),
            lat: f64::from(raw.lat_micro) / 1e6,
            lon: f64::from(raw.lon_micro) / 1e6,
            population: raw.population,
        })
    }

    /// First-level regions by name or alias: "Idlib", "Idlib province",
    /// "Suwayda Governorate", "Texas".
    pub fn regions_named(&self, name: &str) -> Vec<Region> {
        let key = normalise(name);
        let mut candidates = vec![key.clone()];
        let words: Vec<&str> = key.split(' ').collect();
        // "Idlib province" -> "idlib"; "Province of Idlib" -> "idlib".
        let is_type = |w: &&str| REGION_TYPE_WORDS.contains(w);
        let without_suffix = match &words[..] {
            [rest @ .., last] if !rest.is_empty() && is_type(last) => Some(rest.join(" ")),
            _ => None,
        };
        let without_prefix = match &words[..] {
            [first, "of", rest @ ..] if !rest.is_empty() && is_type(first) => Some(rest.join(" ")),
            _ => None,
        };
        candidates.extend(without_suffix.into_iter().chain(without_prefix));
        let bare: Vec<String> = candidates
            .iter()
            .filter_map(|k| strip_article(k).map(str::to_owned))
            .collect();
        candidates.extend(bare);
        let mut ids: Vec<u32> = candidates
            .iter()
            .filter(|k| !k.is_empty())
            .flat_map(|k| self.index.regions_with_key(k))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .filter_map(|i| self.index.region(i))
            .map(|r| Region {
                name: r.name,
                country: CountryCode(r.country),
                code: r.code,
                iso: r.iso,
                district: r.district,
                bbox: r.box_micro.map(|[a, b, c, d]| BBox {
                    min_lat: f64::from(a) / 1e6,
                    max_lat: f64::from(b) / 1e6,
                    min_lon: f64::from(c) / 1e6,
                    max_lon: f64::from(d) / 1e6,
                }),
            })
            .collect()
    }

    /// One-word region names that extend `stem` by at most `extra`
    /// letters ("catal" → Catalonia, Catalunya), for adjectives the data
    /// lacks.
    pub fn regions_by_stem(&self, stem: &str, extra: usize) -> Vec<Region> {
        let stem = normalise(stem);
        let keys = self.index.region_keys_with_prefix(&stem);
        let mut out: Vec<Region> = keys
            .into_iter()
            .filter(|k| !k.contains(' ') && k.len() <= stem.len() + extra)
            .flat_map(|k| self.regions_named(k))
            .collect();
        out.sort_by(|a, b| a.code.cmp(b.code));
        out.dedup_by(|a, b| a.code == b.code);
        out
    }

    /// Country by ISO 3166-1 alpha-2 code, either case.
    pub fn country(&self, code: &str) -> Option<Country> {
        self.countries.by_code(CountryCode::new(code)?)
    }

    /// Country by name or alias: "Syria", "the United States", "US",
    /// "U.S.", "Britain", "UK", "Ivory Coast". Acronyms are case-sensitive
    /// ("us" is not the United States).
    pub fn country_named(&self, name: &str) -> Option<Country> {
        let trimmed = name.trim();
        let without_the = trimmed
            .strip_prefix("the ")
            .or_else(|| trimmed.strip_prefix("The "))
            .unwrap_or(trimmed);
        if let Some(c) = self.countries.by_acronym(without_the) {
            return Some(c);
        }
        let key = normalise(trimmed);
        self.countries
            .by_name_key(&key)
            .or_else(|| self.countries.by_name_key(key.strip_prefix("the ")?))
    }

    /// Country by adjective: "Syrian", "Spanish", "American", "Emirati",
    /// "Saudi"; also acronyms used as adjectives ("the U.S. city of").
    pub fn country_by_adjective(&self, adj: &str) -> Option<Country> {
        self.countries
            .by_acronym(adj.trim())
            .or_else(|| self.countries.by_adjective_key(&normalise(adj)))
    }

    /// The capital of a country as a place: the most populous place in
    /// that country named like its countryInfo capital.
    pub fn capital_of(&self, code: CountryCode) -> Option<Place> {
        let country = self.countries.by_code(code)?;
        if country.capital.is_empty() {
            return None;
        }
        self.places_named(country.capital)
            .into_iter()
            .find(|p| p.country == code)
    }

    /// Every country in the table, by code.
    pub fn countries(&self) -> impl Iterator<Item = Country> + '_ {
        self.countries.all()
    }

    /// Whether `place` is the capital of `code` (same name and position).
    pub fn is_capital(&self, place: &Place, code: CountryCode) -> bool {
        self.capital_of(code)
            .is_some_and(|c| c.name == place.name && c.lat == place.lat && c.lon == place.lon)
    }

    /// Whether `name` is a country's name or common alias.
    pub fn is_country_name(&self, name: &str) -> bool {
        self.country_named(name).is_some()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
