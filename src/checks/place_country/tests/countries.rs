//! Dependencies, UK nations, settable parameters, local places, directions,
//! contradictions, city states and everyday sentences that must pass.

use super::*;

#[test]
fn dependencies_and_disputed_areas() {
    for text in [
        "Shops in Hong Kong, China, were closed.",
        "Flights to Nuuk, Denmark, resumed.",
        "Ships docked in Gibraltar, Britain.",
    ] {
        assert!(flagged("country", text).is_empty(), "{text}");
    }
    for text in [
        "The fleet is based in Sevastopol, Russia.",
        "Protests were held in Simferopol, Russia.",
    ] {
        let found = findings("country", text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].severity, Some(Severity::Info), "{text}");
    }
    for text in [
        "Police in Srinagar, Pakistan, said so.",
        "Typhoons hit homes in Taipei, China, often.",
        "The vote in Laayoune, Morocco, was calm.",
    ] {
        let found = findings("country", text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].severity, Some(Severity::Info), "{text}");
    }
    // A dispute over one area does not soften errors elsewhere.
    for text in [
        "Police in Lahore, India, said so.",
        "He lives in Kyiv, Russia.",
        "Born in Melbourne in eastern Argentina, she moved.",
    ] {
        let found = findings("country", text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].severity, None, "{text}");
    }
    let found = findings_with(
        "country",
        "disputed-severity: warning",
        Vec::new(),
        "The fleet is based in Sevastopol, Russia.",
    );
    assert_eq!(found[0].severity, Some(Severity::Warning));
}

#[test]
fn constituent_countries_of_the_uk() {
    for text in [
        "The match in Cardiff, Wales, was sold out.",
        "She moved to the Welsh capital, Cardiff.",
        "He lives in Leicester, England.",
        "He lives in Belfast, Northern Ireland.",
        "He lives in the Irish city of Belfast.",
        "He lives in Cardiff, Britain.",
    ] {
        assert!(flagged("country", text).is_empty(), "{text}");
    }
    let found = findings("country", "The match in Cardiff, England, was sold out.");
    assert_eq!(found.len(), 1);
    assert_eq!(field(&found[0], "actual"), "Wales, United Kingdom");
    assert_eq!(
        flagged("country", "She moved to the English city of Cardiff."),
        ["English"]
    );
}

#[test]
fn min_population_and_patterns_are_settable() {
    let text = "She reached another final in Plaisir, Germany, a week later.";
    assert_eq!(flagged("country", text), ["Germany"]);
    assert!(findings_with("country", "min-population: 50000", Vec::new(), text).is_empty());
    assert!(findings_with(
        "country",
        "patterns: [appositive, adjective-city]",
        Vec::new(),
        text
    )
    .is_empty());
    let ctx = LoadContext::new(YamlSource::new(
        "bad.yaml",
        rule_yaml("country", "patterns: [nowhere]"),
    ));
    assert!(parse_rule(&ctx).is_err());
}

#[test]
fn local_additions_add_and_override_places() {
    let places = vec![
        local("Qardahaya", &["Qardahaya al-Kubra"], "SY", Some("Latakia")),
        local("Springfield", &[], "United States", Some("Illinois")),
        local("Nowhere", &[], "Atlantis", None),
    ];
    let run = |text: &str| -> Vec<String> {
        findings_with("country", "", places.clone(), text)
            .iter()
            .map(|f| text[f.span.clone()].to_string())
            .collect()
    };
    assert!(flagged("country", "Clashes in Qardahaya, Lebanon, went on.").is_empty());
    assert_eq!(run("Clashes in Qardahaya, Lebanon, went on."), ["Lebanon"]);
    assert!(run("Clashes in Qardahaya al-Kubra, Syria, went on.").is_empty());
    let f = &findings_with(
        "country",
        "",
        places.clone(),
        "Clashes in Qardahaya, Lebanon.",
    )[0];
    assert_eq!(
        f.notes[0],
        "local gazetteer (config): Qardahaya, Latakia, Syria"
    );
    // Overrides: this newsroom's Springfield is the one in Illinois.
    assert!(flagged("country", "He lives in Springfield, Missouri.").is_empty());
    assert_eq!(run("He lives in Springfield, Missouri."), ["Missouri"]);
    assert!(run("He lives in Springfield, Illinois.").is_empty());
}

#[test]
fn directions_against_the_country_extent() {
    let found = findings(
        "direction",
        "Fighting broke out in Aleppo, a city in southern Syria.",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(field(&found[0], "position"), "north-west");
    assert_eq!(field(&found[0], "direction"), "southern");
    for text in [
        "Fighting broke out in Aleppo, a city in northern Syria.",
        "Suwayda, a city in southern Syria, was shelled.",
        "Homs, a city in central Syria, was quiet.",
        "Hama, a city in central Syria, was quiet.",
        "Nha Trang, a city in central Vietnam, was flooded.",
        "Valparaiso, a city in eastern Chile, was quiet.",
        "Tyre, a city in southern Lebanon, was shelled.",
        "Kiryat Shmona in northern Israel was hit.",
        "Idlib, a city in north-western Syria, was hit.",
        "Deir ez-Zor, a city in eastern Syria, was hit.",
        "Lviv, a city in western Ukraine, was hit.",
        "Suwayda, a city in southern India, was shelled.",
        "Rockets hit Mosul in Iraq.",
    ] {
        assert!(findings("direction", text).is_empty(), "{text}");
    }
    let text = "Rockets hit Suwayda in northern Syria on Sunday.";
    assert_eq!(findings("direction", text).len(), 1);
    assert_eq!(
        findings("direction", "Floods hit Hanoi, a city in southern Vietnam.").len(),
        1
    );
    assert_eq!(
        findings("direction", "Floods hit Lviv, a city in eastern Ukraine.").len(),
        1
    );
    assert!(findings_with("direction", "directions: false", Vec::new(), text).is_empty());
    assert!(findings_with("direction", "direction-margin: 0.45", Vec::new(), text).is_empty());
    // Direction claims are not country errors.
    assert!(findings("country", text).is_empty());
}

#[test]
fn contradictions_between_two_claims() {
    let text = "Clashes erupted in Qardahaya, Syria, on Monday.\n\nResidents of Qardahaya, Lebanon, fled across the border.\n";
    let found = findings("contradiction", text);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].span.clone()], "Lebanon");
    let labels: Vec<&str> = found[0]
        .labels
        .iter()
        .map(|l| &text[l.span.clone()])
        .collect();
    assert_eq!(labels, ["Syria", "Qardahaya"]);
    // Two different places of one name, and a claim place-country reports.
    for text in [
        "The summit in Tripoli, Lebanon, ended; another in Tripoli, Libya, began.",
        "He was in Aleppo, Syria, then in Aleppo, Iraq.",
        "Clashes erupted in Qardahaya, Syria. Residents of Qardahaya, Syria, fled.",
    ] {
        assert!(findings("contradiction", text).is_empty(), "{text}");
    }
    // The gazetteer knows the place in one of the two: the other is flagged.
    let text = "Shells fell in Plaisir, Belgium, at night. Plaisir, a town in France, is quiet.";
    let found = findings_with("contradiction", "min-population: 100000", Vec::new(), text);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].span.clone()], "Belgium");
}

#[test]
fn city_states_and_possessives() {
    for (text, claimed) in [
        (
            "It opened an office in Hong Kong, Iran, last month.",
            "Iran",
        ),
        (
            "The final is in the Egyptian capital, Hong Kong, next month.",
            "Egyptian",
        ),
        (
            "He spoke in the French city of London's West End.",
            "French",
        ),
        ("Staff in Frankfurt in Japan have protested.", "Japan"),
        (
            "The board met in Mumbai, Egypt to discuss results.",
            "Egypt",
        ),
    ] {
        assert_eq!(flagged("country", text), [claimed], "{text}");
    }
    for text in [
        "Offices in Singapore, Malaysia and Thailand opened.",
        "Offices in Singapore, Malaysia, Thailand and Indonesia opened.",
        "Shops in Hong Kong, China, were closed.",
    ] {
        assert!(flagged("country", text).is_empty(), "{text}");
    }
}

#[test]
fn names_that_mean_more_than_one_country() {
    for text in [
        "Rebels advanced on Goma, Congo, on Monday.",
        "He was born in Kinshasa, Zaire, in 1965.",
        "Oil flows from Erbil, Kurdistan, to Turkey.",
        "Protests spread in Tabriz, Azerbaijan, last year.",
        "He studied in Thessaloniki, Macedonia.",
        "Bogota, a Latin American city of eight million, hosted the talks.",
        "The talks were held in Juba, Sudan, in 2005.",
        "He grew up in Belfast, Ireland.",
        "Aid reached the Congolese city of Goma.",
        "She flew to Pyongyang, Korea.",
    ] {
        assert!(flagged("country", text).is_empty(), "{text}");
    }
}

/// Sentences in the shapes news copy uses every day; none is an error.
#[test]
fn everyday_news_sentences_pass() {
    let texts = [
        "Israeli strikes hit the town of Khan Younis in southern Gaza on Sunday.",
        "Hezbollah fired rockets at Kiryat Shmona in northern Israel.",
        "Troops raided the West Bank city of Jenin overnight.",
        "The envoy arrived in the Lebanese capital Beirut on Friday.",
        "Strikes hit Tyre, in southern Lebanon, and Nabatieh.",
        "Shelling was reported in Kherson, southern Ukraine, and in Donetsk.",
        "Drones struck an oil depot in Belgorod in Russia.",
        "The rebels hold Hodeidah, a port city in western Yemen.",
        "Police in Lahore, Pakistan, arrested three men.",
        "The company is based in Redmond, Washington, and employs 200,000 people.",
        "Apple unveiled the phone in Cupertino, California, on Tuesday.",
        "The summit took place in Davos, Switzerland, last January.",
        "He was arrested at Heathrow in London on Monday.",
        "The festival in Cannes, France, opens next week.",
        "Shares rose in Tokyo, Hong Kong and Sydney.",
        "Trading in London, Frankfurt and Paris was thin.",
        "The plant in Sunderland, north-east England, will close.",
        "In Brussels, EU ministers agreed a deal.",
        "In Washington, President Bush said the war was going well.",
        "Chelsea beat Barcelona in Spain and Arsenal drew in Germany.",
        "Wales beat England in Cardiff on Saturday.",
        "Liverpool won the final in Istanbul, Turkey, on penalties.",
        "Federer, Switzerland's number one, beat Hewitt in Melbourne.",
        "Real Madrid, Spain's richest club, signed him.",
        "The Mayor of London, Ken Livingstone, spoke.",
        "Sales of Nokia, Finland's biggest company, fell.",
        "Guests at the Savoy in London included the Prime Minister.",
        "A new office opens in Bangalore, India, next year.",
        "The Taiwanese capital Taipei was hit by a typhoon.",
        "Hindu pilgrims gathered in Varanasi, a city in northern India.",
        "She lives in Perth, Scotland, not Perth, Australia.",
        "The match at Twickenham in London was sold out.",
        "Flights from Dubai, the UAE's largest city, resumed.",
        "Officials in Kabul, Afghanistan's capital, confirmed the attack.",
        "They met in Geneva on Monday, Switzerland said.",
        "Demonstrators in Caracas, Venezuela, marched on Sunday.",
        "The storm hit Galveston, Texas, and Lake Charles, Louisiana.",
        "She was born in Kingston, Jamaica, and raised in London, Ontario.",
        "Floods hit Dhaka, Bangladesh, and Kolkata, India.",
        "Refugees fled from Darfur to Chad.",
        "Trade talks in Doha, Qatar, collapsed.",
        "He grew up in Londonderry, Northern Ireland.",
        "The vote in Kiev was watched closely in Moscow.",
        "A bomb exploded in Baghdad's Karrada district.",
        "In Paris, France's president met the Pope.",
        "Prices in Germany, France and Italy fell.",
    ];
    for text in texts {
        for check in ["country", "direction", "contradiction"] {
            assert!(findings(check, text).is_empty(), "{check}: {text}");
        }
    }
}
