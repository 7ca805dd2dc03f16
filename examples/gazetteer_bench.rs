//! Start-up and lookup cost of the embedded gazetteer (run with --release).
//!
//! `cargo run --release --example gazetteer_bench` prints first-lookup
//! latency, mean lookup cost and memory; `... -- once` does one lookup and
//! exits, `... -- none` exits without touching the gazetteer, to time whole
//! process runs against each other.

use copydesk::gazetteer::Gazetteer;
use std::time::Instant;

const NAMES: &[&str] = &[
    "As-Suwayda",
    "Suwayda",
    "Sweida",
    "Al-Suwayda",
    "Aleppo",
    "Halab",
    "Kyiv",
    "Kiev",
    "Gaza",
    "Khan Younis",
    "Deir ez-Zour",
    "Idleb",
    "Dar'a",
    "Lattakia",
    "Tartous",
    "Homs",
    "Hama",
    "Be'er Sheva",
    "Tripoli",
    "Paris",
    "Rafah",
    "Mulhouse",
    "Dubai",
    "Helsinki",
    "Adelaide",
    "Minneapolis",
    "Cardiff",
    "Sheffield",
    "San Antonio",
    "Victoria",
    "Nowhereville",
];

/// Resident memory from /proc (Linux): anonymous (heap) and file-backed
/// (the embedded data, paged in on demand) separately.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .filter(|l| {
            ["VmRSS", "RssAnon", "RssFile"]
                .iter()
                .any(|f| l.starts_with(f))
        })
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(", ")
}

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("none") => return,
        Some("once") => {
            let n = Gazetteer::global().places_named("Suwayda").len();
            let c = Gazetteer::global().country_named("Syria").is_some();
            std::process::exit(i32::from(n == 0 || !c));
        }
        _ => {}
    }
    println!("before: {}", memory());
    let t = Instant::now();
    let g = Gazetteer::global();
    let init = t.elapsed();
    let t = Instant::now();
    let first = g.places_named("Suwayda");
    let first_lookup = t.elapsed();
    let t = Instant::now();
    let country = g.country_by_adjective("Syrian");
    let first_country = t.elapsed();
    println!("after first lookups: {}", memory());
    println!(
        "init {init:?}; first places_named {first_lookup:?} ({} hits); first country lookup {first_country:?} ({:?})",
        first.len(),
        country.map(|c| c.name)
    );
    let rounds = 2000;
    let t = Instant::now();
    let mut hits = 0usize;
    for _ in 0..rounds {
        for n in NAMES {
            hits += g.places_named(n).len();
        }
    }
    let per = t.elapsed() / (rounds * NAMES.len() as u32);
    let t = Instant::now();
    for _ in 0..rounds {
        for n in ["Syria", "the U.S.", "Britain", "Ivory Coast", "Mars"] {
            hits += usize::from(g.country_named(n).is_some());
        }
        for n in ["Idlib province", "Texas", "Suwayda Governorate"] {
            hits += g.regions_named(n).len();
        }
    }
    let per_other = t.elapsed() / (rounds * 8);
    println!(
        "mean places_named {per:?}; mean country_named/regions_named {per_other:?} ({hits} hits)"
    );
    let (p, r, c) = g.counts();
    println!("{p} places, {r} regions, {c} countries");
    println!("after: {}", memory());
}
