//! Second-level divisions as a town's region: UK counties, unitary
//! authorities and council areas, with ceremonial and historic counties
//! grouping them. Wordings are our own.

use super::*;

#[test]
fn a_town_in_the_wrong_county_is_flagged() {
    for (text, county) in [
        (
            "The plant opened in Luton, Hertfordshire, last year.\n",
            "Hertfordshire",
        ),
        (
            "Fans gathered in Burnley, West Yorkshire, at dawn.\n",
            "West Yorkshire",
        ),
        (
            "The firm is based in Kirkcaldy, Aberdeenshire.\n",
            "Aberdeenshire",
        ),
        ("A rally was held in Chatham, Essex, on Friday.\n", "Essex"),
        (
            "The club trains near Manchester, in Yorkshire, every summer.\n",
            "Yorkshire",
        ),
    ] {
        assert_eq!(flagged("country", text), [county], "{text}");
    }
}

#[test]
fn ceremonial_and_historic_counties_take_in_their_towns() {
    for text in [
        // Luton is its own unitary authority, in ceremonial Bedfordshire.
        "He was born in Luton, Bedfordshire, in 1950.\n",
        // Chatham lies in Medway, in ceremonial Kent.
        "The dockyard in Chatham, Kent, closed in 1984.\n",
        // London boroughs in their historic counties.
        "She grew up in Croydon, Surrey, and moved north.\n",
        // Manchester in historic Lancashire.
        "The mills of Manchester, Lancashire, fed the world.\n",
        "The port of Aberdeen, Aberdeenshire, is busy.\n",
        "Workers in Kirkcaldy, Fife, walked out.\n",
        "The studio in Reading, Berkshire, is closing.\n",
    ] {
        assert!(flagged("country", text).is_empty(), "{text}");
    }
}

#[test]
fn a_division_named_after_its_town_is_the_town() {
    // "Manchester" after a comma is the conurbation, not the borough.
    assert!(flagged("country", "The club is in Salford, Manchester.\n").is_empty());
    assert!(flagged("country", "They met in Gateshead, Newcastle.\n").is_empty());
}

#[test]
fn messages_name_the_towns_own_division() {
    let text = "A rally was held in Chatham, Essex, on Friday.\n";
    let found = findings("country", text);
    assert_eq!(found.len(), 1);
    assert_eq!(
        field(&found[0], "actual"),
        "Medway, England, United Kingdom"
    );
}

#[test]
fn a_county_lies_in_its_constituent_country() {
    assert!(flagged("country", "The Fife region of Scotland voted no.\n").is_empty());
}
