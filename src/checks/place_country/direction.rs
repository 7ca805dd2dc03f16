//! `place-direction`: "southern Syria" for a town in the north, judged
//! against the country's mainland box.

use super::claims::{Claim, Heading};
use super::lookup::Candidate;
use super::notes::{claimed_display, coordinates, gazetteer_note};
use super::verdict::Verdict;
use super::{PlaceCountry, FIELDS};
use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::gazetteer::{normalise, BBox, CountryCode, Direction, Region};
use crate::source::LoadError;

pub const KIND: Kind = Kind {
    name: "place_direction",
    fields: FIELDS,
    build,
    summary: "a direction inside a country that the place's position contradicts",
    params: crate::checks::params_schema::<super::Params>,
};

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    Ok(Box::new(DirectionCheck(PlaceCountry::build(ctx)?)))
}

/// A place put in the wrong part of its own country.
struct DirectionCheck(PlaceCountry);

impl Check for DirectionCheck {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        self.0.with_judged(doc, true, |judged| {
            for (claim, verdict) in judged {
                out.extend(self.0.direction_finding(claim, verdict));
            }
        });
    }

    fn parameters(&self) -> Vec<(String, String)> {
        self.0.parameters()
    }
}

impl PlaceCountry {
    pub(super) fn direction_finding(&self, claim: &Claim, verdict: &Verdict) -> Option<Finding> {
        let mention = claim.heading.as_ref()?;
        let Verdict::Holds { in_target } = verdict else {
            return None;
        };
        let frame = Frame::of(claim, in_target)?;
        let placed: Vec<(&Candidate, Direction)> = in_target
            .iter()
            .filter(|c| frame.holds(c))
            .filter_map(|c| {
                let (lat, lon) = c.position?;
                Some((c, frame.bbox.direction_of(lat, lon)))
            })
            .collect();
        // Every namesake in the country must contradict the heading; one
        // outside the country's mainland box (an island) says nothing.
        if placed.is_empty() || placed.len() < in_target.len() {
            return None;
        }
        // "Nyeri in central Kenya" (Central Province): the official
        // division's name says what the coordinates may not.
        if placed
            .iter()
            .any(|(c, _)| named_by_division(c, &mention.heading))
        {
            return None;
        }
        let margin = self.params.direction_margin;
        let shape = Shape::of_box(Some(frame.bbox));
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
                .field("claimed", claimed_display(&claim.target))
                .field("actual", frame.name.clone())
                .field("direction", mention.word.clone())
                .field("position", position.clone())
                .label(
                    claim.place_span.clone(),
                    format!(
                        "the gazetteer puts `{}` in the {position} of {}",
                        claim.place,
                        claimed_display(&claim.target)
                    ),
                )
                .note(format!(
                    "{} at {}; {:.0}% of the way from the {}'s southern to northern edge, {:.0}% from west to east",
                    gazetteer_note(std::slice::from_ref(*best)),
                    coordinates(best.position.unwrap_or_default()),
                    d.north_south * 100.0,
                    frame.kind,
                    d.west_east * 100.0,
                )),
        )
    }
}

/// What a heading is measured in: the country's mainland box, or for a
/// region ("southern England") the box of the region's places.
struct Frame {
    name: String,
    bbox: BBox,
    /// "country" or "region", for the note.
    kind: &'static str,
    country: Option<CountryCode>,
    region: Option<Region>,
}

impl Frame {
    fn of(claim: &Claim, in_target: &[Candidate]) -> Option<Frame> {
        if let Some(country) = claim.target.country {
            return Some(Frame {
                name: country.name.to_string(),
                bbox: country.bbox?,
                kind: "country",
                country: Some(country.code),
                region: None,
            });
        }
        // One region reading that every namesake lies in, with a box.
        let region = claim
            .target
            .regions
            .iter()
            .find(|r| r.bbox.is_some() && in_target.iter().all(|c| in_region(c, r)))?;
        Some(Frame {
            name: region.name.to_string(),
            bbox: region.bbox?,
            kind: "region",
            country: None,
            region: Some(region.clone()),
        })
    }

    fn holds(&self, c: &Candidate) -> bool {
        match (&self.country, &self.region) {
            (Some(code), _) => c.country == *code,
            (None, Some(r)) => in_region(c, r),
            (None, None) => false,
        }
    }
}

fn in_region(c: &Candidate, r: &Region) -> bool {
    let code = if r.is_district() {
        &c.district_code
    } else {
        &c.region_code
    };
    code.as_deref() == Some(r.code)
}

/// Whether a place at `d` contradicts the heading: at least `margin` past
/// the middle on the wrong side. "Central" is measured along the
/// country's long axis only (Nha Trang is in central Vietnam, though on its
/// eastern edge) and contradicted only near its ends. A heading across the
/// short axis of a long, narrow country says little and is not judged.
pub(super) fn contradicts(h: &Heading, d: &Direction, shape: Shape, margin: f64) -> bool {
    let (ns, we) = (d.north_south, d.west_east);
    // "Far west": the place must at least lie in the western half.
    let margin = if h.far { 0.0 } else { margin };
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
pub(super) enum Shape {
    /// More than twice as long north–south as east–west (Chile, Vietnam).
    TallNorthSouth,
    /// More than twice as wide as tall (Russia, Indonesia).
    WideEastWest,
    /// Neither.
    Compact { tall: bool },
}

impl Shape {
    pub(super) fn of_box(bbox: Option<BBox>) -> Shape {
        let Some(b) = bbox else {
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

    pub(super) fn long_axis_is_north_south(self) -> bool {
        matches!(self, Shape::TallNorthSouth | Shape::Compact { tall: true })
    }
}

/// "north", "south-west", "centre".
pub(super) fn position_name(d: &Direction, margin: f64) -> String {
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

/// Whether the place's first-level division is named for the heading
/// ("Central", "North West", "Nord", "Sud-Est").
fn named_by_division(c: &Candidate, h: &Heading) -> bool {
    let Some(region) = c.region.as_deref() else {
        return false;
    };
    normalise(region).split([' ', '-']).any(|w| {
        let w = w.strip_suffix("ern").unwrap_or(w);
        (h.central
            && matches!(
                w,
                "central" | "centre" | "center" | "centro" | "middle" | "mid"
            ))
            || (h.north && matches!(w, "north" | "nord" | "norte"))
            || (h.south && matches!(w, "south" | "sud" | "sur" | "sul"))
            || (h.east && matches!(w, "east" | "est" | "este" | "leste"))
            || (h.west && matches!(w, "west" | "ouest" | "oeste"))
    })
}
