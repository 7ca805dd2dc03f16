//! A capital named by its role alone, pointing back at a city named
//! earlier. Wordings are our own.

use super::*;

#[test]
fn a_capital_role_for_a_city_named_just_before() {
    let text = "Delegates arrived in Lisbon on Monday. Hotels in the Spanish capital were full.\n";
    let found = findings("country", text);
    assert_eq!(found.len(), 1);
    assert_eq!(field(&found[0], "place"), "Lisbon");
    assert_eq!(field(&found[0], "claimed"), "Spain");
    assert_eq!(&text[found[0].span.clone()], "Spanish capital");
}

#[test]
fn a_capital_role_with_another_reading_is_left_alone() {
    for text in [
        // The role's own capital is named.
        "Delegates arrived in Lisbon. Later they went on to the Spanish capital, Madrid.\n",
        "Delegates arrived in Lisbon. Madrid waited; hotels in the Spanish capital were full.\n",
        // The role's country appears elsewhere.
        "Delegates arrived in Lisbon. Spain sent none; hotels in the Spanish capital were full.\n",
        // The role fits the city named before.
        "Delegates arrived in Lisbon. Hotels in the Portuguese capital were full.\n",
        // No capital named before.
        "Delegates arrived in Porto. Hotels in the Spanish capital were full.\n",
    ] {
        assert!(findings("country", text).is_empty(), "{text}");
    }
}
