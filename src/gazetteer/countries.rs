//! The country table, `data/countries.tsv` (ODbL, from world-countries plus
//! curated names): 250 rows, split in place into borrowed `&'static str`s.
//!
//! Its keys are already normalised and sorted by the build script, so
//! loading is one pass over ~37 KB.

use super::format::GazetteerError;

/// A latitude/longitude box. `min_lon > max_lon` means the box crosses 180°.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    /// Southern edge, in degrees.
    pub min_lat: f64,
    /// Northern edge, in degrees.
    pub max_lat: f64,
    /// Western edge, in degrees.
    pub min_lon: f64,
    /// Eastern edge, in degrees.
    pub max_lon: f64,
}

/// Where a point lies inside a box, as fractions of its extent.
///
/// `north_south`: 0 = southern edge, 1 = northern edge; `west_east`: 0 =
/// western edge, 1 = eastern edge. Points outside the box give values below
/// 0 or above 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Direction {
    /// 0 at the southern edge, 1 at the northern.
    pub north_south: f64,
    /// 0 at the western edge, 1 at the eastern.
    pub west_east: f64,
}

impl BBox {
    fn lon_width(&self) -> f64 {
        (self.max_lon - self.min_lon).rem_euclid(360.0)
    }

    /// Longitude east of the western edge, in degrees; points far west of
    /// the box come out negative rather than wrapping round the globe.
    fn lon_offset(&self, lon: f64) -> f64 {
        let width = self.lon_width();
        let x = (lon - self.min_lon).rem_euclid(360.0);
        if x > width + (360.0 - width) / 2.0 {
            x - 360.0
        } else {
            x
        }
    }

    /// Whether the point lies inside the box.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.min_lat..=self.max_lat).contains(&lat)
            && (0.0..=self.lon_width()).contains(&self.lon_offset(lon))
    }

    /// Relative position of a point in the box (0.5 for a degenerate axis).
    pub fn direction_of(&self, lat: f64, lon: f64) -> Direction {
        let frac = |x: f64, span: f64| if span > 0.0 { x / span } else { 0.5 };
        Direction {
            north_south: frac(lat - self.min_lat, self.max_lat - self.min_lat),
            west_east: frac(self.lon_offset(lon), self.lon_width()),
        }
    }
}

/// Upper-case ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(pub [u8; 2]);

impl CountryCode {
    /// Parses "sy" or "SY"; `None` unless two ASCII letters.
    pub fn new(code: &str) -> Option<Self> {
        match code.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Some(Self([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => None,
        }
    }

    /// The two-letter code.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for CountryCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A country as the gazetteer knows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: CountryCode,
    /// Common English name ("Syria", "United Kingdom").
    pub name: &'static str,
    /// Adjective for "the Spanish city of …" ("Spanish", "British"); may be empty.
    pub adjective: &'static str,
    /// Box of the largest polygon ("mainland"; US 25.1–49.4 N).
    pub bbox: Option<BBox>,
    /// The capital's GeoNames name ("Canberra"); empty where none is given.
    pub capital: &'static str,
}

impl Country {
    /// Relative position of a point in the mainland box, for "southern
    /// Syria"-style claims; `None` without a box.
    pub fn direction_of(&self, lat: f64, lon: f64) -> Option<Direction> {
        self.bbox.map(|b| b.direction_of(lat, lon))
    }
}

#[derive(Debug, Default)]
pub(crate) struct CountryTable {
    /// Sorted by code.
    rows: Vec<Country>,
    /// (normalised name, code) sorted by key.
    names: Vec<(&'static str, CountryCode)>,
    adjectives: Vec<(&'static str, CountryCode)>,
    /// Case-sensitive, dots removed ("US", "UAE").
    acronyms: Vec<(&'static str, CountryCode)>,
}

fn find(table: &[(&'static str, CountryCode)], key: &str) -> Option<CountryCode> {
    let i = table.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
    table.get(i).map(|&(_, code)| code)
}

impl CountryTable {
    /// Parses the table; rows and keys arrive sorted, so nothing is sorted
    /// here unless the file is out of order.
    pub(crate) fn parse(text: &'static str) -> Result<Self, GazetteerError> {
        let mut t = Self::default();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || GazetteerError::BadCountryLine(n + 1);
            let mut f = line.split('\t');
            let kind = f.next().ok_or_else(bad)?;
            if kind == "C" {
                let (Some(code), Some(name), Some(adjective)) = (f.next(), f.next(), f.next())
                else {
                    return Err(bad());
                };
                let code = CountryCode::new(code).ok_or_else(bad)?;
                let mut num = || -> Result<Option<f64>, GazetteerError> {
                    match f.next() {
                        None | Some("") => Ok(None),
                        Some(s) => s.parse().map(Some).map_err(|_| bad()),
                    }
                };
                let bbox = match (num()?, num()?, num()?, num()?) {
                    (Some(min_lat), Some(max_lat), Some(min_lon), Some(max_lon)) => Some(BBox {
                        min_lat,
                        max_lat,
                        min_lon,
                        max_lon,
                    }),
                    (None, None, None, None) => None,
                    _ => return Err(bad()),
                };
                let capital = f.next().unwrap_or("");
                t.rows.push(Country {
                    code,
                    name,
                    adjective,
                    bbox,
                    capital,
                });
                continue;
            }
            let table = match kind {
                "N" => &mut t.names,
                "A" => &mut t.adjectives,
                "X" => &mut t.acronyms,
                _ => return Err(bad()),
            };
            let (Some(key), Some(code), None) = (f.next(), f.next(), f.next()) else {
                return Err(bad());
            };
            table.push((key, CountryCode::new(code).ok_or_else(bad)?));
        }
        if !t.rows.is_sorted_by_key(|c| c.code) {
            t.rows.sort_by_key(|c| c.code);
        }
        for table in [&mut t.names, &mut t.adjectives, &mut t.acronyms] {
            if !table.is_sorted() {
                table.sort_unstable();
            }
        }
        Ok(t)
    }

    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    pub(crate) fn all(&self) -> impl Iterator<Item = Country> + '_ {
        self.rows.iter().copied()
    }

    pub(crate) fn by_code(&self, code: CountryCode) -> Option<Country> {
        let i = self.rows.binary_search_by_key(&code, |c| c.code).ok()?;
        self.rows.get(i).copied()
    }

    pub(crate) fn by_acronym(&self, raw: &str) -> Option<Country> {
        let s: String = raw
            .chars()
            .filter(|c| *c != '.' && !c.is_whitespace())
            .collect();
        self.by_code(find(&self.acronyms, &s)?)
    }

    pub(crate) fn by_name_key(&self, key: &str) -> Option<Country> {
        self.by_code(find(&self.names, key)?)
    }

    pub(crate) fn by_adjective_key(&self, key: &str) -> Option<Country> {
        self.by_code(find(&self.adjectives, key)?)
    }
}
