//! `place_country`: a place put in the wrong country or region. The text
//! must frame the claim explicitly ("Suwayda, a city in southern India",
//! "in Tokyo, Yemen", "the Libyan city of Berlin"); the embedded gazetteer
//! (plus the config's local places) is the evidence.
//!
//! One kind serves three rules through `check:` — `country` (no place of
//! that name lies in the claimed country), `direction` ("southern Syria"
//! for a town in the north) and `contradiction` (one place put in two
//! countries in one text).

mod capital;
mod claims;
mod contradiction;
mod country_finding;
mod direction;
mod lookup;
mod notes;
mod stoplist;
mod tokens;
mod verdict;

use super::{Check, Kind};
use crate::checks::LoadContext;
use crate::diagnostic::{Finding, Severity};
use crate::document::Document;
use crate::gazetteer::normalise;
use crate::rule_params;
use crate::source::LoadError;
use claims::{find_claims, Claim, Pattern};
use lookup::Lookup;
#[cfg(test)]
use notes::gazetteer_note;
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use verdict::Verdict;

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
                    let finding = if verdict.is_reported() {
                        self.country_finding(doc, claim, verdict)
                    } else {
                        self.capital_finding(claim, verdict)
                    };
                    if let Some(f) = finding {
                        if seen.insert(claim.target.span.clone()) {
                            out.push(f);
                        }
                    }
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
