//! Zero-copy view of `data/places.bin`, written by `scripts/build_gazetteer.py`.
//!
//! Nothing is parsed up front: the header is checked once, then records are
//! read in place with little-endian loads from byte slices (no transmutes, so
//! alignment does not matter). Layout, all integers little-endian:
//!
//! ```text
//! header   64 bytes: magic "CDGAZET\0", version u32, n_places, n_regions,
//!          n_place_keys, n_region_keys, n_postings, pool_len, total_len (u32),
//!          zero padding
//! places   n_places × 26: name_off u32, name_len u16, country [u8; 2],
//!          region u16 (0xFFFF = none), lat i32 µdeg, lon i32 µdeg,
//!          population u32, flags u16, district u16 (a region index of
//!          the second level: UK counties, unitary authorities, council
//!          areas; 0xFFFF = none)
//! regions  n_regions × 32 (first-level regions, then second-level
//!          divisions): name_off u32, name_len u16, country [u8; 2],
//!          codes_off u32, code_len u8, iso_len u8, flags u16 (bit 0:
//!          a second-level division; bit 1: has a box), then the box of
//!          its places: min_lat, max_lat, min_lon, max_lon (i32 µdeg)
//!          (pool[codes_off..] holds "SY.05" then "SY-SU")
//! keys     (n_place_keys + n_region_keys) × 12, each table sorted by key
//!          bytes: key_off u32, key_len u16, n u16, first_posting u32
//!          (when n == 1, first_posting is the place or region index itself)
//! postings n_postings × u32: place or region indices, population order
//! pool     UTF-8 strings
//! ```

use std::fmt;

pub(crate) const MAGIC: &[u8; 8] = b"CDGAZET\0";
pub(crate) const FORMAT_VERSION: u32 = 3;
const HEADER_LEN: usize = 64;
const PLACE_LEN: usize = 26;
const REGION_LEN: usize = 32;
const KEY_LEN: usize = 12;
const NO_REGION: u16 = 0xFFFF;
const REGION_DISTRICT: u16 = 1;
const REGION_BOX: u16 = 2;

/// Why embedded gazetteer data could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GazetteerError {
    /// The place index does not start with the expected magic bytes.
    BadMagic,
    /// The place index was written for another format version.
    UnsupportedVersion(u32),
    /// Section sizes in the header do not add up to the data's length.
    BadLength {
        /// The length the header gives.
        expected: u64,
        /// The data's actual length.
        actual: usize,
    },
    /// A line of the country table is malformed (1-based line number).
    BadCountryLine(usize),
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadMagic => write!(f, "gazetteer data has no valid header"),
            Self::UnsupportedVersion(v) => write!(
                f,
                "gazetteer data format version {v} is not supported (expected {FORMAT_VERSION})"
            ),
            Self::BadLength { expected, actual } => write!(
                f,
                "gazetteer data is {actual} bytes but its header describes {expected}"
            ),
            Self::BadCountryLine(n) => write!(f, "gazetteer country table: bad line {n}"),
        }
    }
}

impl std::error::Error for GazetteerError {}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn i32_at(b: &[u8], at: usize) -> Option<i32> {
    Some(i32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// One place record, fields still in storage form.
pub(crate) struct RawPlace {
    pub name: &'static str,
    pub country: [u8; 2],
    pub region: Option<u32>,
    pub district: Option<u32>,
    pub lat_micro: i32,
    pub lon_micro: i32,
    pub population: u32,
}

pub(crate) struct RawRegion {
    pub name: &'static str,
    pub country: [u8; 2],
    pub code: &'static str,
    pub iso: &'static str,
    pub district: bool,
    /// Box of the region's places: (min_lat, max_lat, min_lon, max_lon) µdeg.
    pub box_micro: Option<[i32; 4]>,
}

/// A validated view of the place index.
#[derive(Debug)]
pub(crate) struct PlaceIndex {
    places: &'static [u8],
    regions: &'static [u8],
    place_keys: &'static [u8],
    region_keys: &'static [u8],
    postings: &'static [u8],
    pool: &'static [u8],
}

impl PlaceIndex {
    /// An index with no entries (used when the embedded data is unusable).
    pub(crate) fn empty() -> Self {
        Self {
            places: &[],
            regions: &[],
            place_keys: &[],
            region_keys: &[],
            postings: &[],
            pool: &[],
        }
    }

    /// Checks the header and splits the data into its sections.
    pub(crate) fn new(data: &'static [u8]) -> Result<Self, GazetteerError> {
        if data.len() < HEADER_LEN || data.get(..8) != Some(MAGIC.as_slice()) {
            return Err(GazetteerError::BadMagic);
        }
        let field = |i: usize| u32_at(data, 8 + 4 * i).map_or(0, u64::from);
        let version = field(0);
        if version != u64::from(FORMAT_VERSION) {
            return Err(GazetteerError::UnsupportedVersion(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
        let sizes = [
            field(1) * PLACE_LEN as u64,
            field(2) * REGION_LEN as u64,
            field(3) * KEY_LEN as u64,
            field(4) * KEY_LEN as u64,
            field(5) * 4,
            field(6),
        ];
        let expected = HEADER_LEN as u64 + sizes.iter().sum::<u64>();
        if expected != field(7) || expected != data.len() as u64 {
            return Err(GazetteerError::BadLength {
                expected,
                actual: data.len(),
            });
        }
        // Every size fits in usize now: their sum equals data.len().
        let mut rest = data.get(HEADER_LEN..).unwrap_or_default();
        let mut next = |len: u64| {
            let (head, tail) = rest.split_at(usize::try_from(len).unwrap_or(0).min(rest.len()));
            rest = tail;
            head
        };
        Ok(Self {
            places: next(sizes[0]),
            regions: next(sizes[1]),
            place_keys: next(sizes[2]),
            region_keys: next(sizes[3]),
            postings: next(sizes[4]),
            pool: next(sizes[5]),
        })
    }

    pub(crate) fn place_count(&self) -> usize {
        self.places.len() / PLACE_LEN
    }

    pub(crate) fn region_count(&self) -> usize {
        self.regions.len() / REGION_LEN
    }

    fn pool_str(&self, off: u32, len: usize) -> Option<&'static str> {
        let start = usize::try_from(off).ok()?;
        let pool: &'static [u8] = self.pool;
        std::str::from_utf8(pool.get(start..start.checked_add(len)?)?).ok()
    }

    pub(crate) fn place(&self, i: u32) -> Option<RawPlace> {
        let at = usize::try_from(i).ok()?.checked_mul(PLACE_LEN)?;
        let r = self.places.get(at..at.checked_add(PLACE_LEN)?)?;
        let region = u16_at(r, 8)?;
        let district = u16_at(r, 24)?;
        Some(RawPlace {
            name: self.pool_str(u32_at(r, 0)?, usize::from(u16_at(r, 4)?))?,
            country: [*r.get(6)?, *r.get(7)?],
            region: (region != NO_REGION).then_some(u32::from(region)),
            district: (district != NO_REGION).then_some(u32::from(district)),
            lat_micro: i32_at(r, 10)?,
            lon_micro: i32_at(r, 14)?,
            population: u32_at(r, 18)?,
        })
    }

    pub(crate) fn region(&self, i: u32) -> Option<RawRegion> {
        let at = usize::try_from(i).ok()?.checked_mul(REGION_LEN)?;
        let r = self.regions.get(at..at.checked_add(REGION_LEN)?)?;
        let codes_off = u32_at(r, 8)?;
        let code_len = usize::from(*r.get(12)?);
        let iso_len = usize::from(*r.get(13)?);
        let codes = self.pool_str(codes_off, code_len + iso_len)?;
        let flags = u16_at(r, 14)?;
        Some(RawRegion {
            name: self.pool_str(u32_at(r, 0)?, usize::from(u16_at(r, 4)?))?,
            country: [*r.get(6)?, *r.get(7)?],
            code: codes.get(..code_len)?,
            iso: codes.get(code_len..)?,
            district: flags & REGION_DISTRICT != 0,
            box_micro: (flags & REGION_BOX != 0).then_some([
                i32_at(r, 16)?,
                i32_at(r, 20)?,
                i32_at(r, 24)?,
                i32_at(r, 28)?,
            ]),
        })
    }

    fn key_bytes(&self, table: &[u8], i: usize) -> Option<&'static [u8]> {
        let e = table.get(i * KEY_LEN..(i + 1) * KEY_LEN)?;
        let start = usize::try_from(u32_at(e, 0)?).ok()?;
        let pool: &'static [u8] = self.pool;
        pool.get(start..start.checked_add(usize::from(u16_at(e, 4)?))?)
    }

    /// Binary search of a key table; returns the postings of an exact match.
    fn lookup(&self, table: &[u8], key: &str) -> impl Iterator<Item = u32> + '_ {
        let n = table.len() / KEY_LEN;
        let key = key.as_bytes();
        // Keys are sorted by bytes; an unreadable entry sorts first, which
        // can only misplace a search in corrupt data, never panic.
        let i = partition_point(n, |i| self.key_bytes(table, i).unwrap_or_default() < key);
        let entry = (self.key_bytes(table, i) == Some(key))
            .then(|| table.get(i * KEY_LEN..(i + 1) * KEY_LEN))
            .flatten();
        let count = entry.and_then(|e| u16_at(e, 6)).unwrap_or(0);
        let first = entry.and_then(|e| u32_at(e, 8)).unwrap_or(0);
        // A key with one place stores the place index itself.
        let single = (count == 1).then_some(first);
        let postings = (count > 1)
            .then(|| {
                let first = usize::try_from(first).ok()?;
                let end = first.checked_add(usize::from(count))?.checked_mul(4)?;
                self.postings.get(first.checked_mul(4)?..end)
            })
            .flatten()
            .unwrap_or_default();
        single.into_iter().chain(
            postings
                .chunks_exact(4)
                .filter_map(|c| Some(u32::from_le_bytes(c.try_into().ok()?))),
        )
    }

    pub(crate) fn places_with_key(&self, key: &str) -> impl Iterator<Item = u32> + '_ {
        self.lookup(self.place_keys, key)
    }

    /// Region keys starting with `prefix`, in key order.
    pub(crate) fn region_keys_with_prefix(&self, prefix: &str) -> Vec<&'static str> {
        let table = self.region_keys;
        let n = table.len() / KEY_LEN;
        let p = prefix.as_bytes();
        let first = partition_point(n, |i| self.key_bytes(table, i).unwrap_or_default() < p);
        (first..n)
            .map_while(|i| self.key_bytes(table, i).filter(|k| k.starts_with(p)))
            .filter_map(|k| std::str::from_utf8(k).ok())
            .collect()
    }

    pub(crate) fn regions_with_key(&self, key: &str) -> impl Iterator<Item = u32> + '_ {
        self.lookup(self.region_keys, key)
    }
}

/// First index in `0..n` for which `before` is false (`before` must be
/// true for a prefix of the range).
fn partition_point(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
