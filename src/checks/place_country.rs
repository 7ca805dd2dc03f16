//! `place_country`: a place put in the wrong country or region. The text
//! must frame the claim explicitly ("Suwayda, a city in southern India",
//! "in Tokyo, Yemen", "the Libyan city of Berlin"); the embedded gazetteer
//! (plus the config's local places) is the evidence.
//!
//! Three kinds share one search for claims and one set of parameters, each
//! its own `Check` in its own file: `place_country` (no place of that name
//! lies in the claimed country, country_finding.rs), `place_direction`
//! ("southern Syria" for a town in the north, direction.rs) and
//! `place_contradiction` (one place put in two countries in one text,
//! contradiction.rs).

mod capital;
mod claims;
mod contradiction;
mod coreference;
mod country_finding;
mod direction;
mod lookup;
mod notes;
mod stoplist;
mod tokens;
mod verdict;

use crate::checks::LoadContext;
use crate::diagnostic::Severity;
use crate::document::Document;
use crate::gazetteer::normalise;
use crate::rule_params;
use crate::source::LoadError;
use claims::{find_claims, Claim, Pattern};
use lookup::Lookup;
#[cfg(test)]
use notes::gazetteer_note;
use rustc_hash::FxHashSet as HashSet;
use verdict::Verdict;

/// The template fields the place kinds fill.
const FIELDS: &[&str] = &[
    "place",
    "claimed",
    "actual",
    "direction",
    "position",
    "other",
];

pub use contradiction::KIND as CONTRADICTION;
pub use country_finding::KIND as COUNTRY;
pub use direction::KIND as DIRECTION;

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

/// What the three place kinds share: their parameters, the stoplist and
/// the gazetteer with the config's local places.
struct PlaceCountry {
    params: Params,
    stoplist: HashSet<String>,
    lookup: Lookup,
}

impl PlaceCountry {
    fn build(ctx: &LoadContext) -> Result<Self, LoadError> {
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
        Ok(PlaceCountry {
            params,
            stoplist,
            lookup,
        })
    }

    /// Calls `f` with the document's claims this rule's patterns accept,
    /// each with its verdict; `headed_only` keeps those that name a
    /// direction. (A callback: the claims live in the document's memo.)
    fn with_judged(&self, doc: &Document, headed_only: bool, f: impl FnOnce(&[(&Claim, Verdict)])) {
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
            .filter(|c| !headed_only || c.heading.is_some())
            .map(|c| (c, self.judge(c)))
            .collect();
        f(&judged)
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let p = &self.params;
        let patterns: Vec<&str> = p.patterns.iter().map(|p| p.name()).collect();
        vec![
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

/// The claims found in one document, shared by the place rules.
struct PlaceClaims(Vec<Claim>);

#[cfg(test)]
mod tests;
