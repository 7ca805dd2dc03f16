//! Lookups of the names news copy uses, against the embedded data.

use super::*;

fn gaz() -> &'static Gazetteer {
    Gazetteer::try_global().expect("embedded gazetteer data is valid")
}

/// The most populous place with this name in `country`.
fn place_in(name: &str, country: &str) -> Place {
    gaz()
        .places_named(name)
        .into_iter()
        .find(|p| p.country == country)
        .unwrap_or_else(|| panic!("{name} not found in {country}"))
}

fn top(name: &str) -> Place {
    let places = gaz().places_named(name);
    places
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("{name} not found"))
}

#[test]
fn embedded_data_loads() {
    let (places, regions, countries) = gaz().counts();
    assert!(places > 140_000, "{places} places");
    assert!(regions > 4_000, "{regions} regions");
    assert_eq!(countries, 250);
}

#[test]
fn suwayda_spellings() {
    for name in [
        "As-Suwayda",
        "Suwayda",
        "Sweida",
        "Al-Suwayda",
        "as suwayda",
    ] {
        let p = top(name);
        assert_eq!(p.name, "As-Suwayda", "{name}");
        assert_eq!(p.country, "SY", "{name}");
        assert_eq!(p.region_code, Some("SY.05"), "{name}");
        assert_eq!(p.region, Some("Suwayda"), "{name}");
    }
    let regions = gaz().regions_named("As-Suwayda Governorate");
    assert!(regions.iter().any(|r| r.code == "SY.05"), "{regions:?}");
}

#[test]
fn syrian_and_levant_cities() {
    let cases: &[(&[&str], &str, &str)] = &[
        (&["Aleppo", "Halab"], "Aleppo", "SY"),
        (&["Kyiv", "Kiev"], "Kyiv", "UA"),
        (&["Gaza"], "Gaza", "PS"),
        (&["Khan Younis", "Khan Yunis"], "Khān Yūnis", "PS"),
        (
            &["Deir ez-Zor", "Deir al-Zor", "Deir ez-Zour", "Dayr az Zawr"],
            "Deir ez-Zor",
            "SY",
        ),
        (&["Idlib", "Idleb"], "Idlib", "SY"),
        (&["Daraa", "Deraa", "Dar'a"], "Dar‘ā", "SY"),
        (&["Latakia", "Lattakia"], "Latakia", "SY"),
        (&["Tartus", "Tartous"], "Ţarţūs", "SY"),
        (&["Homs"], "Homs", "SY"),
        (
            &["Jisr al-Shughur", "Jisr al-Shughour", "Jisr ash Shughur"],
            "Jisr ash Shughūr",
            "SY",
        ),
        (&["Deir al-Balah", "Deir el-Balah"], "Dayr al Balaḩ", "PS"),
        (&["Hama"], "Ḩamāh", "SY"),
        (&["Be'er Sheva", "Beersheba"], "Beersheba", "IL"),
        (&["Mulhouse"], "Mulhouse", "FR"),
        (&["Dubai"], "Dubai", "AE"),
        (&["Helsinki"], "Helsinki", "FI"),
        (&["Adelaide"], "Adelaide", "AU"),
        (&["Minneapolis"], "Minneapolis", "US"),
        (&["Sheffield"], "Sheffield", "GB"),
    ];
    for (names, expected, country) in cases {
        for name in *names {
            let p = top(name);
            assert_eq!(
                (p.name, p.country.as_str()),
                (*expected, *country),
                "{name}"
            );
        }
    }
}

#[test]
fn names_in_several_countries() {
    for (name, countries) in [
        ("Tripoli", ["LB", "LY"]),
        ("Paris", ["FR", "US"]),
        ("Rafah", ["PS", "EG"]),
    ] {
        for c in countries {
            place_in(name, c);
        }
    }
    // Most populous first.
    assert_eq!(top("Paris").country, "FR");
    let cardiff = place_in("Cardiff", "GB");
    assert_eq!(cardiff.region, Some("Wales"));
}

#[test]
fn regions() {
    for (name, code) in [
        ("Idlib", "SY.12"),
        ("Idlib province", "SY.12"),
        ("Suwayda Governorate", "SY.05"),
        ("Sweida Governorate", "SY.05"),
        ("Texas", "US.TX"),
        ("Wales", "GB.WLS"),
    ] {
        let regions = gaz().regions_named(name);
        assert!(
            regions.iter().any(|r| r.code == code),
            "{name}: {regions:?}"
        );
    }
    assert!(gaz().regions_named("Nowhereland").is_empty());
}

#[test]
fn countries_by_name() {
    for (name, code) in [
        ("US", "US"),
        ("U.S.", "US"),
        ("the U.S.", "US"),
        ("USA", "US"),
        ("America", "US"),
        ("the United States", "US"),
        ("United States", "US"),
        ("the States", "US"),
        ("Britain", "GB"),
        ("Great Britain", "GB"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("United Kingdom", "GB"),
        ("the United Kingdom", "GB"),
        ("Wales", "GB"),
        ("Syria", "SY"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("the Netherlands", "NL"),
        ("Turkey", "TR"),
        ("UAE", "AE"),
    ] {
        let c = gaz().country_named(name);
        assert_eq!(
            c.map(|c| c.code.as_str().to_owned()),
            Some(code.into()),
            "{name}"
        );
    }
    for not_country in ["us", "States", "in", "Of", "Suwayda"] {
        assert!(!gaz().is_country_name(not_country), "{not_country}");
    }
    assert_eq!(gaz().country("sy").map(|c| c.name), Some("Syria"));
    assert!(gaz().country("XX").is_none());
    assert!(gaz().country("SYR").is_none());
}

#[test]
fn countries_by_adjective() {
    for (adj, code) in [
        ("Syrian", "SY"),
        ("Israeli", "IL"),
        ("Emirati", "AE"),
        ("Spanish", "ES"),
        ("American", "US"),
        ("U.S.", "US"),
        ("British", "GB"),
        ("Welsh", "GB"),
        ("Saudi", "SA"),
        ("Iranian", "IR"),
        ("French", "FR"),
        ("Dutch", "NL"),
        ("Finnish", "FI"),
        ("Australian", "AU"),
        ("Palestinian", "PS"),
    ] {
        let c = gaz().country_by_adjective(adj);
        assert_eq!(
            c.map(|c| c.code.as_str().to_owned()),
            Some(code.into()),
            "{adj}"
        );
    }
    assert_eq!(gaz().country("ES").map(|c| c.adjective), Some("Spanish"));
    assert!(gaz().country_by_adjective("Martian").is_none());
}

#[test]
fn boxes_and_directions() {
    let syria = gaz().country("SY").and_then(|c| c.bbox).expect("Syria box");
    assert!((syria.min_lat - 32.31).abs() < 0.05, "{syria:?}");
    assert!((syria.max_lat - 37.29).abs() < 0.05, "{syria:?}");
    let sy = gaz().country("SY").expect("Syria");
    let suwayda = top("Suwayda");
    let d = sy.direction_of(suwayda.lat, suwayda.lon).expect("box");
    assert!(d.north_south < 0.15, "{d:?}");
    assert!(syria.contains(suwayda.lat, suwayda.lon));
    let aleppo = top("Aleppo");
    let d = sy.direction_of(aleppo.lat, aleppo.lon).expect("box");
    assert!(d.north_south > 0.7, "{d:?}");

    let us = gaz().country("US").and_then(|c| c.bbox).expect("US box");
    assert!((us.min_lat - 25.1).abs() < 0.2 && (us.max_lat - 49.4).abs() < 0.2);
    let mpls = top("Minneapolis");
    assert!(us.direction_of(mpls.lat, mpls.lon).north_south > 0.7);

    // A box across 180°: 170 E .. 170 W.
    let b = BBox {
        min_lat: -20.0,
        max_lat: -10.0,
        min_lon: 170.0,
        max_lon: -170.0,
    };
    assert!(b.contains(-15.0, 179.0) && b.contains(-15.0, -175.0));
    assert!(!b.contains(-15.0, 0.0));
    let d = b.direction_of(-15.0, 180.0);
    assert!((d.west_east - 0.5).abs() < 1e-9 && (d.north_south - 0.5).abs() < 1e-9);
    assert!(b.direction_of(-15.0, 160.0).west_east < 0.0);
}

#[test]
fn unknown_and_empty_names() {
    assert!(gaz().places_named("").is_empty());
    assert!(gaz().places_named("---").is_empty());
    assert!(gaz().places_named("Xqzzyville").is_empty());
    assert!(gaz().country_named("").is_none());
    assert!(gaz().country_by_adjective("").is_none());
}

#[test]
fn malformed_data_is_an_error() {
    let countries = "";
    assert_eq!(
        Gazetteer::from_bytes(b"", countries).err(),
        Some(GazetteerError::BadMagic)
    );
    assert_eq!(
        Gazetteer::from_bytes(&[0u8; 64], countries).err(),
        Some(GazetteerError::BadMagic)
    );
    // Right magic, wrong version.
    static WRONG_VERSION: [u8; 64] = {
        let mut b = [0u8; 64];
        let m = *format::MAGIC;
        let mut i = 0;
        while i < 8 {
            b[i] = m[i];
            i += 1;
        }
        b[8] = 99;
        b
    };
    assert_eq!(
        Gazetteer::from_bytes(&WRONG_VERSION, countries).err(),
        Some(GazetteerError::UnsupportedVersion(99))
    );
    // Truncated real data.
    let cut = &PLACES_BIN[..PLACES_BIN.len() - 1];
    assert!(matches!(
        Gazetteer::from_bytes(cut, countries),
        Err(GazetteerError::BadLength { .. })
    ));
    // A header whose counts overflow.
    static HUGE: [u8; 64] = {
        let mut b = WRONG_VERSION;
        b[8] = 1;
        let mut i = 12;
        while i < 40 {
            b[i] = 0xFF;
            i += 1;
        }
        b
    };
    assert!(Gazetteer::from_bytes(&HUGE, countries).is_err());
    // Bad country table.
    assert_eq!(
        Gazetteer::from_bytes(PLACES_BIN, "# header\nC\tSY\tSyria\tSyrian\t1\n").err(),
        Some(GazetteerError::BadCountryLine(2))
    );
    // Random bytes after a valid header never panic on lookup.
    let g = Gazetteer::from_bytes(PLACES_BIN, COUNTRIES_TSV).expect("valid");
    assert!(!g.places_named("Aleppo").is_empty());
}

#[test]
fn corrupt_sections_do_not_panic() {
    // Valid header, every other byte scrambled.
    let mut data = PLACES_BIN.to_vec();
    for (i, b) in data.iter_mut().enumerate().skip(64) {
        *b = b.wrapping_mul(31).wrapping_add(i as u8);
    }
    let data: &'static [u8] = Box::leak(data.into_boxed_slice());
    let g = Gazetteer::from_bytes(data, COUNTRIES_TSV).expect("header still valid");
    for name in ["Aleppo", "Paris", "a", "zzzz"] {
        let _ = g.places_named(name);
        let _ = g.regions_named(name);
    }
}

#[test]
fn capitals_from_country_info() {
    let g = gaz();
    let nl = CountryCode::new("NL").unwrap();
    let capital = g.capital_of(nl).expect("Amsterdam");
    assert_eq!(capital.name, "Amsterdam");
    assert!(g.is_capital(&place_in("Amsterdam", "NL"), nl));
    assert!(!g.is_capital(&place_in("Rotterdam", "NL"), nl));
    let au = CountryCode::new("AU").unwrap();
    assert!(!g.is_capital(&place_in("Sydney", "AU"), au));
    assert!(g.is_capital(&place_in("Canberra", "AU"), au));
}
#[test]
fn uk_towns_carry_their_division_and_counties_group_divisions() {
    let g = Gazetteer::global();
    let chatham = g
        .places_named("Chatham")
        .into_iter()
        .find(|p| p.country == "GB")
        .unwrap();
    assert_eq!(chatham.district, Some("Medway"));
    let kent: Vec<&str> = g.regions_named("Kent").iter().map(|r| r.name).collect();
    assert!(
        kent.contains(&"Medway") && kent.contains(&"Kent"),
        "{kent:?}"
    );
    assert!(g.regions_named("Kent").iter().all(|r| r.is_district()));
    // A division named after its town is no region key: the name is the town.
    assert!(g.regions_named("Luton").is_empty());
    assert!(!g.regions_named("Scotland").iter().any(|r| r.is_district()));
}
