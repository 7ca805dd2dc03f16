//! `place-contradiction`: one place put in two countries in one text.

use super::claims::Claim;
use super::lookup::{bare_key, relation, Relation};
use super::notes::gazetteer_note;
use super::verdict::{claimed_country, Verdict};
use super::{PlaceCountry, FIELDS};
use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::gazetteer::{Country, Gazetteer};
use crate::source::LoadError;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub const KIND: Kind = Kind {
    name: "place_contradiction",
    fields: FIELDS,
    build,
    summary: "one place put in two different countries in one text",
    params: crate::checks::params_schema::<super::Params>,
};

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    Ok(Box::new(ContradictionCheck(PlaceCountry::build(ctx)?)))
}

/// One place put in two countries in one text.
struct ContradictionCheck(PlaceCountry);

impl Check for ContradictionCheck {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        self.0.with_judged(doc, false, |judged| {
            self.0.contradiction_findings(judged, out)
        });
    }

    fn parameters(&self) -> Vec<(String, String)> {
        self.0.parameters()
    }
}

impl PlaceCountry {
    pub(super) fn contradiction_findings(
        &self,
        judged: &[(&Claim, Verdict)],
        out: &mut Vec<Finding>,
    ) {
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
pub(super) fn counts_for_contradiction(v: &Verdict) -> bool {
    match v {
        Verdict::Ignored => false,
        Verdict::Wrong {
            strong, disputed, ..
        } => !strong && !disputed,
        Verdict::Unknown | Verdict::Holds { .. } => true,
    }
}
