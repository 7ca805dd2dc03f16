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

impl PlaceCountry {
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
