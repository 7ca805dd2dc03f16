//! `place-country`: the finding for a place put in the wrong country or region.

use super::capital::is_capital;
use super::claims::{find_evidence, Claim};
use super::coreference::capital_role_findings;
use super::lookup::{bare_key, sovereign};
use super::notes::{claimed_display, country_display, describe_actual, gazetteer_note};
use super::verdict::claimed_country;
use super::verdict::Verdict;
use super::{PlaceCountry, FIELDS};
use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::source::LoadError;
use rustc_hash::FxHashSet as HashSet;

pub const KIND: Kind = Kind {
    name: "place_country",
    fields: FIELDS,
    build,
    summary: "places put in the wrong country or region",
    params: crate::checks::params_schema::<super::Params>,
};

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    Ok(Box::new(CountryCheck(PlaceCountry::build(ctx)?)))
}

/// A place no namesake of which lies in the country the text puts it in
/// (or a city called the capital of a country it is not the capital of).
struct CountryCheck(PlaceCountry);

impl Check for CountryCheck {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let rule = &self.0;
        // One finding per place mention, however many claims frame it.
        let mut seen = HashSet::default();
        rule.with_judged(doc, false, |judged| {
            for (claim, verdict) in judged {
                let finding = if verdict.is_reported() {
                    rule.country_finding(doc, claim, verdict)
                } else {
                    rule.capital_finding(claim, verdict)
                        .or_else(|| rule.suburb_finding(claim, verdict))
                };
                if let Some(f) = finding {
                    if seen.insert(claim.target.span.clone()) {
                        out.push(f);
                    }
                }
            }
            let claims: Vec<&Claim> = judged.iter().map(|(c, _)| *c).collect();
            out.extend(capital_role_findings(doc, &claims));
        });
    }

    fn parameters(&self) -> Vec<(String, String)> {
        self.0.parameters()
    }
}

impl PlaceCountry {
    pub(super) fn country_finding(
        &self,
        doc: &Document,
        claim: &Claim,
        verdict: &Verdict,
    ) -> Option<Finding> {
        let Verdict::Wrong {
            candidates,
            disputed,
            strong: true,
        } = verdict
        else {
            return None;
        };
        // Explain with the namesake in the claimed country when there is one
        // ("Newcastle in southern Scotland": the English Newcastle, not the
        // larger one in New South Wales).
        let claimed = claimed_country(&claim.target);
        let best = candidates
            .iter()
            .find(|c| claimed.is_some_and(|cc| sovereign(c.country) == cc))
            .or_else(|| candidates.first())?;
        let actual = describe_actual(best, &claim.target);
        let mut finding = Finding::at(claim.target.span.clone())
            .field("place", claim.place.clone())
            .field("claimed", claimed_display(&claim.target))
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
        // The namesake the message names comes first in the note.
        let listed: Vec<_> = std::iter::once(best)
            .chain(candidates.iter().filter(|c| *c != best))
            .cloned()
            .collect();
        finding = finding.note(gazetteer_note(&listed));
        if is_capital(best) {
            finding = finding.note(format!(
                "{} is the capital of {}",
                best.name,
                country_display(best.country)
            ));
        }
        if *disputed {
            finding.severity = Some(self.params.disputed_severity);
            finding = finding
                .note("sovereignty over this area is disputed; the gazetteer follows GeoNames");
        }
        Some(finding)
    }
}
