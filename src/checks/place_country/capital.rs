//! The capital role: "Sydney, the Australian capital" or "Lagos, Nigeria's
//! capital" names a place in the right country but not its capital. The
//! countryInfo capitals (GeoNames, in `countries.tsv`) are the evidence.

use super::claims::Claim;
use super::lookup::Candidate;
use super::notes::{country_display, gazetteer_note};
use super::verdict::Verdict;
use super::PlaceCountry;
use crate::diagnostic::{Finding, Severity};
use crate::gazetteer::{normalise, CountryCode, Gazetteer};

/// Cities news copy rightly calls a capital beside the countryInfo one: a
/// second constitutional capital or the seat of government (from the
/// countries' constitutions as summarised by the CIA World Factbook,
/// "Capital" entries). (country, normalised names).
const OTHER_CAPITALS: &[(&str, &[&str])] = &[
    ("ZA", &["cape town", "bloemfontein", "tshwane"]),
    ("BO", &["la paz"]),
    ("NL", &["the hague", "den haag", "s gravenhage"]),
    ("CI", &["abidjan"]),
    ("MY", &["putrajaya"]),
    ("LK", &["sri jayawardenepura kotte", "kotte"]),
    ("TZ", &["dar es salaam"]),
    ("MM", &["yangon", "rangoon", "naypyidaw", "nay pyi taw"]),
    ("BJ", &["cotonou"]),
    ("KZ", &["astana", "nur sultan", "almaty"]),
    ("IL", &["tel aviv", "tel aviv yafo"]),
    ("PS", &["ramallah", "east jerusalem", "gaza"]),
    ("CH", &["berne", "bern"]),
    ("SZ", &["lobamba"]),
    ("MA", &["rabat"]),
    ("CZ", &["prague", "praha"]),
];

fn is_other_capital(code: CountryCode, name: &str) -> bool {
    let key = normalise(name);
    OTHER_CAPITALS
        .iter()
        .any(|(c, names)| code == *c && names.contains(&key.as_str()))
}

/// Whether `c` is the countryInfo capital of its own country.
pub(super) fn is_capital(c: &Candidate) -> bool {
    let Some((lat, lon)) = c.position else {
        return false;
    };
    Gazetteer::global()
        .capital_of(c.country)
        .is_some_and(|cap| cap.name == c.name && cap.lat == lat && cap.lon == lon)
}

/// How far from a capital's centre its suburbs lie, at most (Greater
/// London's edge is ~30 km from Charing Cross; Tokyo's commuter towns
/// lie further, but copy calls those "near", not "a suburb of").
const SUBURB_KM: f64 = 45.0;

/// Great-circle distance in km.
pub(super) fn km_between((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

impl PlaceCountry {
    /// A place called a suburb of a country's capital when no namesake
    /// lies anywhere near that capital.
    pub(super) fn suburb_finding(&self, claim: &Claim, verdict: &Verdict) -> Option<Finding> {
        if !claim.suburb_of_capital {
            return None;
        }
        let Verdict::Holds { .. } = verdict else {
            return None;
        };
        let country = claim.target.country?;
        let capital = Gazetteer::global().capital_of(country.code)?;
        let candidates = self.lookup.places(&claim.place);
        if candidates.is_empty() || candidates.iter().any(|c| c.position.is_none()) {
            return None;
        }
        let at = (capital.lat, capital.lon);
        let km = |c: &Candidate| c.position.map_or(f64::INFINITY, |p| km_between(p, at));
        let closest = candidates.iter().min_by(|a, b| km(a).total_cmp(&km(b)))?;
        let nearest = km(closest);
        if nearest <= SUBURB_KM {
            return None;
        }
        let country_of = country_display(closest.country);
        let whereabouts = match &closest.region {
            Some(r) => format!("{r}, {country_of}"),
            None => country_of,
        };
        let name = country_display(country.code);
        let mut finding = Finding::at(claim.target.span.clone())
            .field("place", claim.place.clone())
            .field(
                "claimed",
                format!("a suburb of {}, the capital of {name}", capital.name),
            )
            .field(
                "actual",
                format!("{whereabouts}, {nearest:.0} km from {}", capital.name),
            )
            .label(
                claim.place_span.clone(),
                format!(
                    "no place named {} lies within {SUBURB_KM:.0} km of {}",
                    claim.place, capital.name
                ),
            )
            .note(format!(
                "countryInfo (GeoNames): the capital of {name} is {}; {}",
                capital.name,
                gazetteer_note(&candidates)
            ));
        finding.severity = Some(Severity::Warning);
        Some(finding)
    }

    /// A place named the capital of the country it lies in, which is not
    /// that country's capital.
    pub(super) fn capital_finding(&self, claim: &Claim, verdict: &Verdict) -> Option<Finding> {
        if !claim.capital {
            return None;
        }
        let Verdict::Holds { in_target } = verdict else {
            return None;
        };
        let country = claim.target.country?;
        let capital = Gazetteer::global().capital_of(country.code)?;
        let in_country: Vec<&Candidate> = in_target
            .iter()
            .filter(|c| c.country == country.code)
            .collect();
        if in_country.is_empty()
            || in_country.iter().any(|c| is_capital(c))
            || is_other_capital(country.code, &claim.place)
            || normalise(&claim.place) == normalise(capital.name)
        {
            return None;
        }
        // Only a settled name: the place must be well known, and a smaller
        // namesake must not be what was meant.
        let best = in_country.first()?;
        if best.population < self.params.min_population.max(100_000) {
            return None;
        }
        let name = country_display(country.code);
        let mut finding = Finding::at(claim.target.span.clone())
            .field("place", claim.place.clone())
            .field("claimed", format!("the capital of {name}"))
            .field(
                "actual",
                format!("{name}, whose capital is {}", capital.name),
            )
            .label(
                claim.place_span.clone(),
                format!("{} is in {name} but is not its capital", claim.place),
            )
            .note(format!(
                "countryInfo (GeoNames): the capital of {name} is {}; {}",
                capital.name,
                gazetteer_note(std::slice::from_ref(*best))
            ));
        finding.severity = Some(Severity::Warning);
        Some(finding)
    }
}
