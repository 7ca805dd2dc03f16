//! The claim shapes read as relations between mentions: possessive,
//! dateline, relative clause, qualified region, implied country, capital
//! role. Wordings are our own.

use super::*;

#[test]
fn possessive_apposition_puts_the_place_in_the_possessor() {
    let found = flagged("country", "The congress met in Lyon, Italy's third city.\n");
    assert_eq!(found, ["Italy's"]);
    assert!(flagged("country", "Lyon, France's third city, hosted it.\n").is_empty());
}

#[test]
fn possessive_part_carries_a_heading() {
    let text = "The mine is in Kalgoorlie, in Australia's far east.\n";
    let claims = claims_in(text);
    assert!(
        claims.contains(&("Kalgoorlie".into(), "Australia".into(), Pattern::Possessive)),
        "{claims:?}"
    );
    assert_eq!(findings("direction", text).len(), 1);
    assert!(findings(
        "direction",
        "The mine is in Kalgoorlie, on Australia's west coast.\n"
    )
    .is_empty());
}

#[test]
fn possessive_division_of_a_country_and_region_of_a_city() {
    assert_eq!(
        flagged(
            "country",
            "Troops entered Thailand's southern province of Kedah.\n"
        )
        .len(),
        1
    );
    assert_eq!(
        flagged(
            "country",
            "Officials in Cologne's state of Bavaria objected.\n"
        ),
        ["Bavaria"]
    );
}

#[test]
fn datelines_with_countries_and_state_abbreviations() {
    assert_eq!(
        flagged("country", "PORTO, Spain (Reuters) - Shares rose.\n"),
        ["Spain"]
    );
    assert_eq!(
        flagged("country", "OMAHA, Iowa — Jobs were cut.\n"),
        ["Iowa"]
    );
    assert_eq!(
        flagged("country", "DENVER, Utah, March 3 (AP) - Roads closed.\n"),
        ["Utah"]
    );
    assert!(flagged("country", "PORTO, Portugal (Reuters) - Shares rose.\n").is_empty());
    // Not a dateline: the place is not in capitals.
    let claims = claims_in("Porto, Spain and Italy signed the deal.\n");
    assert!(
        claims.iter().all(|c| c.2 != Pattern::Dateline),
        "{claims:?}"
    );
}

#[test]
fn relative_clause_places_the_name() {
    assert_eq!(
        flagged(
            "country",
            "Delegates met in Bern, which lies in Austria, on Friday.\n"
        ),
        ["Austria"]
    );
    assert!(flagged(
        "country",
        "Bern, which is located in Switzerland, is small.\n"
    )
    .is_empty());
}

#[test]
fn qualified_regions_and_region_adjectives() {
    assert_eq!(
        flagged("country", "She lives in Denver in the US state of Utah.\n"),
        ["the US state of Utah"]
    );
    assert_eq!(
        flagged(
            "country",
            "The fair opened in the Bavarian city of Cologne.\n"
        ),
        ["Bavarian"]
    );
    assert!(flagged(
        "country",
        "The fair opened in the Bavarian city of Munich.\n"
    )
    .is_empty());
    assert!(flagged(
        "country",
        "The Georgia city of Atlanta is the state capital.\n"
    )
    .is_empty());
}

#[test]
fn lists_of_states_are_not_claims() {
    assert!(flagged(
        "country",
        "It has branches in Boston, Illinois, and Texas.\n"
    )
    .is_empty());
    assert!(flagged(
        "country",
        "It has branches in Boston, Illinois and Texas.\n"
    )
    .is_empty());
}

#[test]
fn implied_country_needs_the_story_to_name_it() {
    let named = "Australian officials said the storm hit Darwin, in the country's far south.\n";
    assert_eq!(findings("direction", named).len(), 1);
    let unnamed = "Officials said the storm hit Darwin, in the country's far south.\n";
    assert!(findings("direction", unnamed).is_empty());
}

#[test]
fn capital_role_and_country_names_in_messages() {
    let f = findings(
        "country",
        "Talks opened in Brussels, the Dutch capital, on Monday.\n",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(field(&f[0], "claimed"), "the Netherlands");
    assert!(f[0]
        .notes
        .iter()
        .any(|n| n == "Brussels is the capital of Belgium"));
    let f = findings(
        "country",
        "The games were staged in Sydney, the Australian capital.\n",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(field(&f[0], "claimed"), "the capital of Australia");
    assert!(findings(
        "country",
        "The summit in Canberra, the Australian capital, ended.\n"
    )
    .is_empty());
    assert!(findings(
        "country",
        "It is on show in Bonn, the former West German capital.\n"
    )
    .is_empty());
}

#[test]
fn border_links_after_a_comma() {
    assert_eq!(
        flagged(
            "country",
            "The final was in Harare, just over the border in Mozambique, in May.\n"
        ),
        ["Mozambique"]
    );
}

#[test]
fn regions_split_from_a_parent_still_satisfy_the_parent() {
    let text = "He lived near Hyderabad, capital of the Indian state of Andhra Pradesh.\n";
    assert!(flagged("country", text).is_empty());
}

#[test]
fn based_compound_and_compass_districts() {
    assert_eq!(
        flagged("country", "The Denver, Utah-based firm cut jobs.\n"),
        ["Utah"]
    );
    assert_eq!(
        flagged(
            "country",
            "Fans queued in West Edmonton, Saskatchewan, on Friday.\n"
        ),
        ["Saskatchewan"]
    );
}

#[test]
fn an_alternate_name_does_not_outweigh_the_place_that_bears_it() {
    // Durbanville lists "Durban" among its alternate names.
    assert_eq!(
        flagged(
            "country",
            "The match is in Durban, in the Western Cape, on Sunday.\n"
        ),
        ["Western Cape"]
    );
    assert!(flagged(
        "country",
        "The match is in Durban, KwaZulu-Natal, on Sunday.\n"
    )
    .is_empty());
}

#[test]
fn a_far_heading_needs_the_half_of_the_country() {
    // Belgium's own Lille lies east of the middle, so not in its far west.
    let text = "Lille, in Belgium's far west, draws day-trippers.\n";
    assert_eq!(findings("direction", text).len(), 1);
    // Without "far" the heading tolerates the middle band.
    assert!(findings(
        "direction",
        "Lille, in Belgium's west, draws day-trippers.\n"
    )
    .is_empty());
    assert!(findings(
        "direction",
        "Ostend, in Belgium's far west, draws day-trippers.\n"
    )
    .is_empty());
}

#[test]
fn a_suburb_of_a_capital_must_lie_near_it() {
    let text = "The film is set in Saint-Denis, a suburb of the Belgian capital, in May.\n";
    let found = findings("country", text);
    assert_eq!(found.len(), 1);
    assert!(field(&found[0], "claimed").contains("Brussels"));
    for ok in [
        "The film is set in Saint-Denis, a suburb of the French capital, in May.\n",
        "The fans live in Ixelles, a district of the Belgian capital, in the south.\n",
    ] {
        assert!(findings("country", ok).is_empty(), "{ok}");
    }
}

#[test]
fn a_heading_inside_a_region_is_judged_by_the_regions_towns() {
    for (text, n) in [
        ("She moved to Newcastle in southern England last year.\n", 1),
        ("They flew to Miami in northern Florida on Friday.\n", 1),
        ("She moved to Brighton in southern England last year.\n", 0),
        ("They flew to Orlando in central Florida on Friday.\n", 0),
        ("He lives in Inverness in northern Scotland now.\n", 0),
    ] {
        assert_eq!(findings("direction", text).len(), n, "{text}");
    }
}

#[test]
fn irregular_region_adjectives_name_their_region() {
    let found = findings(
        "country",
        "Fans packed the stadium in the Catalan city of Valencia.\n",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(field(&found[0], "claimed"), "Catalonia");
    assert_eq!(
        flagged("country", "She studied in the Tuscan town of Bologna.\n"),
        ["Tuscan"]
    );
    for ok in [
        "Fans packed the stadium in the Catalan city of Girona.\n",
        "She studied in the Tuscan town of Lucca.\n",
        "He retired to the Cornish town of Truro.\n",
    ] {
        assert!(flagged("country", ok).is_empty(), "{ok}");
    }
}

#[test]
fn a_bare_name_of_compass_split_regions_means_all_of_them() {
    assert_eq!(
        flagged(
            "country",
            "Aid is flowing to the Kordofan region of Chad.\n"
        ),
        ["Chad"]
    );
    assert!(flagged(
        "country",
        "Aid is flowing to the Kordofan region of Sudan.\n"
    )
    .is_empty());
}

#[test]
fn an_island_named_as_a_region_puts_the_place_on_it() {
    assert_eq!(
        flagged(
            "country",
            "She grew up in Naples, on the island of Sicily, and left.\n"
        ),
        ["Sicily"]
    );
    assert!(flagged(
        "country",
        "She grew up in Palermo, on the island of Sicily, and left.\n"
    )
    .is_empty());
    assert!(flagged(
        "country",
        "They live in Sapporo, on the northern island of Hokkaido, all year.\n"
    )
    .is_empty());
}
