//! How findings describe places: "Wales, United Kingdom", gazetteer notes,
//! coordinates.

use super::claims::Target;
use super::lookup::{sovereign, Candidate};
use super::verdict::claimed_country;
use crate::gazetteer::Gazetteer;
use rustc_hash::FxHashSet as HashSet;

/// "Syria", or "Wales, United Kingdom" when the claim was about a region.
pub(super) fn describe_actual(best: &Candidate, target: &Target) -> String {
    let g = Gazetteer::global();
    let country = g
        .country(best.country.as_str())
        .map_or_else(|| best.country.to_string(), |c| c.name.to_string());
    let same_country = claimed_country(target).is_some_and(|c| c == sovereign(best.country));
    // "Chatham, Essex": name the town's own division (Medway), unless the
    // town is its own ("Luton").
    let county_claim = target.regions.iter().any(|r| r.is_district());
    let district = best
        .district
        .as_ref()
        .filter(|d| county_claim && **d != best.name);
    match (&best.region, same_country || target.country.is_none()) {
        (Some(region), true) => match district {
            Some(d) => format!("{d}, {region}, {country}"),
            None => format!("{region}, {country}"),
        },
        _ => country,
    }
}

/// "gazetteer: As-Suwayda, Suwayda, Syria (pop. 59,052)", up to three
/// candidates, most populous first.
pub(super) fn gazetteer_note(candidates: &[Candidate]) -> String {
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
pub(super) fn coordinates((lat, lon): (f64, f64)) -> String {
    format!(
        "{:.2}° {}, {:.2}° {}",
        lat.abs(),
        if lat < 0.0 { 'S' } else { 'N' },
        lon.abs(),
        if lon < 0.0 { 'W' } else { 'E' }
    )
}

pub(super) fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Country names that take "the" in running text.
const NAMES_WITH_THE: &[&str] = &[
    "Netherlands",
    "Philippines",
    "Bahamas",
    "Gambia",
    "Maldives",
    "Comoros",
    "Seychelles",
    "Czech Republic",
    "Central African Republic",
    "Dominican Republic",
    "Vatican City",
];

/// "the Netherlands", "the United States", "Belgium".
pub(super) fn country_display(code: crate::gazetteer::CountryCode) -> String {
    let Some(c) = Gazetteer::global().country(code.as_str()) else {
        return code.to_string();
    };
    let the = NAMES_WITH_THE.contains(&c.name)
        || c.name.starts_with("United ")
        || c.name.ends_with(" Islands");
    if the {
        format!("the {}", c.name)
    } else {
        c.name.to_string()
    }
}

/// The claimed country or region as a message names it: a country, never
/// an adjective ("the Dutch capital" → "the Netherlands").
pub(super) fn claimed_display(target: &Target) -> String {
    let g = Gazetteer::global();
    match (target.country, target.regions.as_slice()) {
        (Some(c), _) if g.country_named(&target.text).is_none() => country_display(c.code),
        // A region adjective ("Catalan"): name the region.
        (None, [region]) if g.regions_named(&target.text).is_empty() => region.name.to_string(),
        _ => target.text.clone(),
    }
}
