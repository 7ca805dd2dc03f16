//! `place_country`: a place put in the wrong country or region. The text
//! must frame the claim explicitly ("Suwayda, a city in southern India",
//! "in Tokyo, Yemen", "the Libyan city of Berlin"); the embedded gazetteer
//! (plus the config's local places) is the evidence.
//!
//! One kind serves three rules through `check:` — `country` (no place of
//! that name lies in the claimed country), `direction` ("southern Syria"
//! for a town in the north) and `contradiction` (one place put in two
//! countries in one text).

mod claims;
mod lookup;
mod stoplist;
mod tokens;

use super::{Check, Kind};
use crate::checks::LoadContext;
use crate::diagnostic::{Finding, Severity};
use crate::document::Document;
use crate::gazetteer::{normalise, Country, CountryCode, Direction, Gazetteer};
use crate::rule_params;
use crate::source::LoadError;
use claims::{find_claims, find_evidence, Claim, Heading, Pattern, Target};
use lookup::{bare_key, relation, sovereign, Candidate, Lookup, Relation};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

pub const KIND: Kind = Kind {
    name: "place_country",
    fields: &[
        "place",
        "claimed",
        "actual",
        "direction",
        "position",
        "other",
    ],
    build,
    summary: "places put in the wrong country, region or part of a country",
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Mode {
    Country,
    Direction,
    Contradiction,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Country => "country",
            Mode::Direction => "direction",
            Mode::Contradiction => "contradiction",
        }
    }
}

fn default_mode() -> Mode {
    Mode::Country
}
fn default_min_population() -> u32 {
    15_000
}
fn default_true() -> bool {
    true
}
fn default_patterns() -> Vec<Pattern> {
    Pattern::ALL.to_vec()
}
fn default_margin() -> f64 {
    0.15
}
fn default_disputed() -> Severity {
    Severity::Info
}

rule_params! {
    struct Params {
        /// What to report: `country`, `direction` or `contradiction`.
        #[serde(default = "default_mode")]
        check: Mode,
        /// A name is only judged when its most populous namesake has at
        /// least this many people (a smaller one may be a village the
        /// gazetteer lacks in the claimed country).
        #[serde(default = "default_min_population")]
        min_population: u32,
        /// Read "northern", "south-eastern" … before the country.
        #[serde(default = "default_true")]
        directions: bool,
        /// Extra names never read as places unless the framing says so.
        #[serde(default)]
        stoplist: Vec<String>,
        /// Which sentence shapes count as a claim.
        #[serde(default = "default_patterns")]
        patterns: Vec<Pattern>,
        /// How far past the middle of the country (as a fraction of its
        /// extent) a place must lie to contradict a direction.
        #[serde(default = "default_margin")]
        direction_margin: f64,
        /// Severity when sovereignty over the place is disputed.
        #[serde(default = "default_disputed")]
        disputed_severity: Severity,
    }
}

struct PlaceCountry {
    params: Params,
    stoplist: HashSet<String>,
    lookup: Lookup,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let params: Params = ctx.params()?;
    if !(0.0..0.5).contains(&params.direction_margin) {
        return Err(ctx
            .source
            .error_span(0..0, "`direction-margin` must be at least 0 and below 0.5"));
    }
    let stoplist = stoplist::WORDS
        .iter()
        .copied()
        .chain(params.stoplist.iter().map(String::as_str))
        .map(normalise)
        .collect();
    // Local places whose country is unknown are left out; the config
    // loader is the place to report them.
    let (lookup, _unknown) = Lookup::new(&ctx.local_places);
    Ok(Box::new(PlaceCountry {
        params,
        stoplist,
        lookup,
    }))
}

/// Countries that are one city, named like it.
const CITY_STATES: &[&str] = &["HK", "MO", "SG", "MC", "GI", "VA"];

/// What the gazetteer says about one claim.
#[derive(Debug, Clone)]
enum Verdict {
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
    fn is_reported(&self) -> bool {
        matches!(self, Verdict::Wrong { strong: true, .. })
    }
}

fn same_state(claimed: CountryCode, actual: CountryCode) -> bool {
    matches!(
        relation(claimed, actual),
        Relation::Same | Relation::Dependency
    )
}

/// The claimed country and the others its words may mean.
fn claimed_states(target: &Target) -> impl Iterator<Item = CountryCode> + '_ {
    target
        .country
        .map(|c| c.code)
        .into_iter()
        .chain(target.also.iter().copied())
}

fn satisfies(c: &Candidate, target: &Target) -> bool {
    let in_country = claimed_states(target).any(|tc| same_state(tc, c.country));
    let in_region = target.regions.iter().any(|r| match &c.region_code {
        Some(code) => {
            code == r.code
                || c.region
                    .as_deref()
                    .is_some_and(|n| normalise(n) == normalise(r.name))
        }
        // Region unknown: the country is the best we can say.
        None => c.country == r.country,
    });
    in_country || in_region
}

/// The country a claim names: the country reading, or the single country
/// of its region readings.
fn claimed_country(target: &Target) -> Option<CountryCode> {
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

impl PlaceCountry {
    fn judge(&self, claim: &Claim) -> Verdict {
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
        let candidates = self.lookup.places(base);
        let local = candidates.iter().any(|c| c.local);
        let regions = if local {
            Vec::new()
        } else {
            self.lookup.regions(name)
        };
        let in_target: Vec<Candidate> = candidates
            .iter()
            .filter(|c| satisfies(c, &claim.target))
            .cloned()
            .collect();
        let region_holds = regions.iter().any(|r| {
            claim.target.regions.iter().any(|t| t.code == r.code)
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

    fn country_finding(&self, doc: &Document, claim: &Claim, verdict: &Verdict) -> Option<Finding> {
        let Verdict::Wrong {
            candidates,
            disputed,
            strong: true,
        } = verdict
        else {
            return None;
        };
        let best = candidates.first()?;
        let actual = describe_actual(best, &claim.target);
        let mut finding = Finding::at(claim.target.span.clone())
            .field("place", claim.place.clone())
            .field("claimed", claim.target.text.clone())
            .field("actual", actual.clone())
            .label(
                claim.place_span.clone(),
                format!("the gazetteer puts `{}` in {actual}", claim.place),
            );
        let countries: Vec<_> = candidates.iter().map(|c| sovereign(c.country)).collect();
        let key = bare_key(&claim.place);
        let evidence = find_evidence(
            doc,
            claim.sentence,
            |name| {
                bare_key(name) == key
                    || self
                        .lookup
                        .places(name)
                        .first()
                        .is_some_and(|c| c.name == best.name && c.country == best.country)
            },
            &countries,
        );
        if let Some((span, country)) = evidence {
            finding = finding.label(
                span,
                format!("the text itself puts {} in {country} here", claim.place),
            );
        }
        finding = finding.note(gazetteer_note(candidates));
        if *disputed {
            finding.severity = Some(self.params.disputed_severity);
            finding = finding
                .note("sovereignty over this area is disputed; the gazetteer follows GeoNames");
        }
        Some(finding)
    }

    fn direction_finding(&self, claim: &Claim, verdict: &Verdict) -> Option<Finding> {
        let mention = claim.heading.as_ref()?;
        let Verdict::Holds { in_target } = verdict else {
            return None;
        };
        let country = claim.target.country?;
        let placed: Vec<(&Candidate, Direction)> = in_target
            .iter()
            .filter(|c| c.country == country.code)
            .filter_map(|c| {
                let (lat, lon) = c.position?;
                Some((c, country.direction_of(lat, lon)?))
            })
            .collect();
        // Every namesake in the country must contradict the heading; one
        // outside the country's mainland box (an island) says nothing.
        if placed.is_empty() || placed.len() < in_target.len() {
            return None;
        }
        let margin = self.params.direction_margin;
        let shape = Shape::of(&country);
        let inside = |d: &Direction| {
            (-0.05..=1.05).contains(&d.north_south) && (-0.05..=1.05).contains(&d.west_east)
        };
        if !placed
            .iter()
            .all(|(_, d)| inside(d) && contradicts(&mention.heading, d, shape, margin))
        {
            return None;
        }
        let (best, d) = placed.first()?;
        let position = position_name(d, margin);
        Some(
            Finding::at(claim.target.span.start.min(mention.span.start)..claim.target.span.end)
                .field("place", claim.place.clone())
                .field("claimed", claim.target.text.clone())
                .field("actual", country.name)
                .field("direction", mention.word.clone())
                .field("position", position.clone())
                .label(
                    claim.place_span.clone(),
                    format!(
                        "the gazetteer puts `{}` in the {position} of {}",
                        claim.place, claim.target.text
                    ),
                )
                .note(format!(
                    "{} at {}; {:.0}% of the way from the country's southern to northern edge, {:.0}% from west to east",
                    gazetteer_note(std::slice::from_ref(*best)),
                    coordinates(best.position.unwrap_or_default()),
                    d.north_south * 100.0,
                    d.west_east * 100.0,
                )),
        )
    }

    fn contradiction_findings(&self, judged: &[(&Claim, Verdict)], out: &mut Vec<Finding>) {
        let mut reported: HashSet<String> = HashSet::default();
        // Claims by place, so each is compared only with earlier claims
        // about the same place, not with every earlier claim.
        let keys: Vec<String> = judged.iter().map(|(c, _)| bare_key(&c.place)).collect();
        let mut by_key: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, key) in keys.iter().enumerate() {
            by_key.entry(key).or_default().push(i);
        }
        for (i, (later, later_verdict)) in judged.iter().enumerate() {
            let Some(b) = claimed_country(&later.target) else {
                continue;
            };
            let key = &keys[i];
            if reported.contains(key) || !counts_for_contradiction(later_verdict) {
                continue;
            }
            let same_place = by_key.get(key.as_str()).map_or(&[][..], Vec::as_slice);
            for &j in same_place.iter().take_while(|&&j| j < i) {
                let (earlier, earlier_verdict) = &judged[j];
                if !counts_for_contradiction(earlier_verdict) {
                    continue;
                }
                let Some(a) = claimed_country(&earlier.target) else {
                    continue;
                };
                if relation(a, b) != Relation::Different {
                    continue;
                }
                // The gazetteer knows a place of that name in both: two places.
                let holds = |v: &Verdict| matches!(v, Verdict::Holds { .. });
                if holds(earlier_verdict) && holds(later_verdict) {
                    continue;
                }
                // Point at the claim the gazetteer does not support.
                let (wrong, right) = if holds(later_verdict) {
                    (earlier, later)
                } else {
                    (later, earlier)
                };
                let g = Gazetteer::global();
                let name_of = |c: &&Claim| {
                    claimed_country(&c.target)
                        .and_then(|code| g.country(code.as_str()))
                        .map_or_else(|| c.target.text.clone(), |c: Country| c.name.to_string())
                };
                let mut finding = Finding::at(wrong.target.span.clone())
                    .field("place", wrong.place.clone())
                    .field("claimed", wrong.target.text.clone())
                    .field("other", right.target.text.clone())
                    .field("actual", name_of(right))
                    .label(
                        right.target.span.clone(),
                        format!(
                            "here the text puts {} in {}",
                            right.place, right.target.text
                        ),
                    )
                    .label(wrong.place_span.clone(), "the same place");
                let known = match (earlier_verdict, later_verdict) {
                    (Verdict::Holds { in_target }, _) | (_, Verdict::Holds { in_target }) => {
                        Some(gazetteer_note(in_target))
                    }
                    _ => None,
                };
                finding = finding.note(known.unwrap_or_else(|| {
                    format!(
                        "the gazetteer does not know {}; check which country is right",
                        wrong.place
                    )
                }));
                out.push(finding);
                reported.insert(key.clone());
                break;
            }
        }
    }
}

/// Claims that take part in contradiction checks: judged, and not already
/// reported by `place-country`.
fn counts_for_contradiction(v: &Verdict) -> bool {
    match v {
        Verdict::Ignored => false,
        Verdict::Wrong {
            strong, disputed, ..
        } => !strong && !disputed,
        Verdict::Unknown | Verdict::Holds { .. } => true,
    }
}

/// "Syria", or "Wales, United Kingdom" when the claim was about a region.
fn describe_actual(best: &Candidate, target: &Target) -> String {
    let g = Gazetteer::global();
    let country = g
        .country(best.country.as_str())
        .map_or_else(|| best.country.to_string(), |c| c.name.to_string());
    let same_country = claimed_country(target).is_some_and(|c| c == sovereign(best.country));
    match (&best.region, same_country || target.country.is_none()) {
        (Some(region), true) => format!("{region}, {country}"),
        _ => country,
    }
}

/// "gazetteer: As-Suwayda, Suwayda, Syria (pop. 59,052)", up to three
/// candidates, most populous first.
fn gazetteer_note(candidates: &[Candidate]) -> String {
    let g = Gazetteer::global();
    let local = candidates.iter().any(|c| c.local);
    let mut seen = HashSet::default();
    let entries: Vec<String> = candidates
        .iter()
        .filter(|c| seen.insert((c.name.clone(), c.country, c.region.clone())))
        .take(3)
        .map(|c| {
            let country = g
                .country(c.country.as_str())
                .map_or_else(|| c.country.to_string(), |k| k.name.to_string());
            let mut parts = vec![c.name.clone()];
            parts.extend(c.region.clone());
            parts.push(country);
            let mut s = parts.join(", ");
            if c.population > 0 {
                s.push_str(&format!(" (pop. {})", thousands(c.population)));
            }
            s
        })
        .collect();
    let more = candidates.len().saturating_sub(entries.len());
    let mut note = format!(
        "{}: {}",
        if local {
            "local gazetteer (config)"
        } else {
            "gazetteer"
        },
        entries.join("; ")
    );
    if more > 0 {
        note.push_str(&format!("; and {more} smaller"));
    }
    note
}

/// "36.20° N, 37.16° E".
fn coordinates((lat, lon): (f64, f64)) -> String {
    format!(
        "{:.2}° {}, {:.2}° {}",
        lat.abs(),
        if lat < 0.0 { 'S' } else { 'N' },
        lon.abs(),
        if lon < 0.0 { 'W' } else { 'E' }
    )
}

fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Whether a place at `d` contradicts the heading: at least `margin` past
/// the middle on the wrong side. "Central" is measured along the
/// country's long axis only (Nha Trang is in central Vietnam, though on its
/// eastern edge) and contradicted only near its ends. A heading across the
/// short axis of a long, narrow country says little and is not judged.
fn contradicts(h: &Heading, d: &Direction, shape: Shape, margin: f64) -> bool {
    let (ns, we) = (d.north_south, d.west_east);
    let judge_ns = shape != Shape::WideEastWest;
    let judge_we = shape != Shape::TallNorthSouth;
    let central = if shape.long_axis_is_north_south() {
        ns
    } else {
        we
    };
    (judge_ns && h.south && ns > 0.5 + margin)
        || (judge_ns && h.north && ns < 0.5 - margin)
        || (judge_we && h.east && we < 0.5 - margin)
        || (judge_we && h.west && we > 0.5 + margin)
        || (h.central && (central < margin / 2.0 || central > 1.0 - margin / 2.0))
}

/// A country's outline, from its mainland box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// More than twice as long north–south as east–west (Chile, Vietnam).
    TallNorthSouth,
    /// More than twice as wide as tall (Russia, Indonesia).
    WideEastWest,
    /// Neither.
    Compact { tall: bool },
}

impl Shape {
    fn of(country: &Country) -> Shape {
        let Some(b) = country.bbox else {
            return Shape::Compact { tall: true };
        };
        let height = b.max_lat - b.min_lat;
        let mid_lat = ((b.max_lat + b.min_lat) / 2.0).to_radians();
        let width = (b.max_lon - b.min_lon).rem_euclid(360.0) * mid_lat.cos();
        if height > 2.0 * width {
            Shape::TallNorthSouth
        } else if width > 2.0 * height {
            Shape::WideEastWest
        } else {
            Shape::Compact {
                tall: height >= width,
            }
        }
    }

    fn long_axis_is_north_south(self) -> bool {
        matches!(self, Shape::TallNorthSouth | Shape::Compact { tall: true })
    }
}

/// "north", "south-west", "centre".
fn position_name(d: &Direction, margin: f64) -> String {
    let ns = if d.north_south > 0.5 + margin {
        "north"
    } else if d.north_south < 0.5 - margin {
        "south"
    } else {
        ""
    };
    let we = if d.west_east > 0.5 + margin {
        "east"
    } else if d.west_east < 0.5 - margin {
        "west"
    } else {
        ""
    };
    match (ns, we) {
        ("", "") => "centre".into(),
        (a, "") => a.into(),
        ("", b) => b.into(),
        (a, b) => format!("{a}-{b}"),
    }
}

/// The claims found in one document, shared by the place rules.
struct PlaceClaims(Vec<Claim>);

impl Check for PlaceCountry {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let mode = self.params.check;
        // The three place rules share one search for claims.
        let claims = doc
            .memo
            .get_or_compute(u64::from(self.params.directions), || {
                PlaceClaims(find_claims(doc, self.params.directions))
            });
        let judged: Vec<(&Claim, Verdict)> = claims
            .0
            .iter()
            .filter(|c| self.params.patterns.contains(&c.pattern))
            .filter(|c| mode != Mode::Direction || c.heading.is_some())
            .map(|c| {
                let v = self.judge(c);
                (c, v)
            })
            .collect();
        match mode {
            Mode::Country => {
                let mut seen = HashSet::default();
                for (claim, verdict) in &judged {
                    if !verdict.is_reported() || !seen.insert(claim.target.span.clone()) {
                        continue;
                    }
                    out.extend(self.country_finding(doc, claim, verdict));
                }
            }
            Mode::Direction => {
                for (claim, verdict) in &judged {
                    out.extend(self.direction_finding(claim, verdict));
                }
            }
            Mode::Contradiction => self.contradiction_findings(&judged, out),
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let p = &self.params;
        let patterns: Vec<&str> = p.patterns.iter().map(|p| p.name()).collect();
        vec![
            ("check".into(), p.check.name().into()),
            ("min-population".into(), p.min_population.to_string()),
            ("directions".into(), p.directions.to_string()),
            ("direction-margin".into(), p.direction_margin.to_string()),
            ("patterns".into(), patterns.join(", ")),
            ("stoplist".into(), p.stoplist.join(", ")),
            (
                "disputed-severity".into(),
                p.disputed_severity.as_str().into(),
            ),
        ]
    }
}

#[cfg(test)]
mod tests;
