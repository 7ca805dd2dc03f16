//! The words of figures: number words, magnitudes, currencies,
//! approximations, and the verbs and nouns that say what a figure counts
//! (with the event they name: "killed", "dead", "died", "deaths" and
//! "death toll" all count the dead).

use super::Approx;

/// Number words below twenty, by value.
pub(super) const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// Multiples of ten from twenty, in order.
pub(super) const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// "two" … "ninety", "twelve": a number word's value.
pub fn number_word(w: &str) -> Option<f64> {
    if let Some((tens, unit)) = w.split_once('-') {
        let t = TENS.iter().position(|x| *x == tens)?;
        let u = UNITS[1..10].iter().position(|x| *x == unit)?;
        return Some((t as f64 + 2.0) * 10.0 + u as f64 + 1.0);
    }
    if let Some(u) = UNITS.iter().position(|x| *x == w) {
        return Some(u as f64);
    }
    TENS.iter()
        .position(|x| *x == w)
        .map(|t| (t as f64 + 2.0) * 10.0)
}

/// A multiplier after a number: "3 million", "3.2bn", "450m".
pub fn magnitude(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "m" | "mn" | "mln" => 1e6,
        "billion" | "bn" | "b" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Vague plurals: "dozens" (24 to 199), "hundreds", "thousands".
pub fn vague(w: &str) -> Option<(f64, f64)> {
    Some(match w {
        "dozens" => (24.0, 199.0),
        "scores" => (40.0, 199.0),
        "hundreds" => (200.0, 1999.0),
        "thousands" => (2000.0, 999_999.0),
        "millions" => (2e6, 999e6),
        _ => return None,
    })
}

/// A currency sign or word: its code.
pub fn currency(w: &str) -> Option<&'static str> {
    Some(match w {
        "£" | "pounds" | "pound" | "sterling" => "GBP",
        "$" | "dollars" | "dollar" => "USD",
        "€" | "euros" | "euro" => "EUR",
        "¥" | "yen" => "JPY",
        _ => return None,
    })
}

/// Approximation words before a figure, longest first: ("more than", …).
pub const APPROXIMATIONS: &[(&[&str], Approx)] = &[
    (&["more", "than"], Approx::AtLeast),
    (&["at", "least"], Approx::AtLeast),
    (&["in", "excess", "of"], Approx::AtLeast),
    (&["upwards", "of"], Approx::AtLeast),
    (&["as", "many", "as"], Approx::AtMost),
    (&["up", "to"], Approx::AtMost),
    (&["at", "most"], Approx::AtMost),
    (&["less", "than"], Approx::AtMost),
    (&["fewer", "than"], Approx::AtMost),
    (&["close", "to"], Approx::Nearly),
    (&["an", "estimated"], Approx::About),
    (&["nearly"], Approx::Nearly),
    (&["almost"], Approx::Nearly),
    (&["over"], Approx::AtLeast),
    (&["under"], Approx::AtMost),
    (&["about"], Approx::About),
    (&["around"], Approx::About),
    (&["roughly"], Approx::About),
    (&["approximately"], Approx::About),
    (&["some"], Approx::About),
    (&["estimated"], Approx::About),
];

/// The event a verb or noun counts: "killed", "dead", "deaths" → "dead".
pub fn event(w: &str) -> Option<&'static str> {
    Some(match w {
        "killed" | "kill" | "kills" | "killing" | "dead" | "died" | "die" | "dies" | "deaths"
        | "death" | "fatalities" | "perished" => "dead",
        "injured" | "injuring" | "injure" | "injures" | "wounded" | "wounding" | "hurt"
        | "injuries" => "injured",
        "arrested" | "arrests" | "arresting" | "arrest" => "arrested",
        "missing" => "missing",
        "rescued" => "rescued",
        "evacuated" => "evacuated",
        _ => return None,
    })
}

/// Verbs that take the count as their object: "killing 12", "the blast
/// killed 10 people", "left 12 dead" (the noun or adjective after wins).
pub fn object_event(w: &str) -> Option<&'static str> {
    Some(match w {
        "killed" | "kill" | "kills" | "killing" | "claimed" => "dead",
        "injured" | "injuring" | "injure" | "injures" | "wounded" | "wounding" | "wound"
        | "wounds" => "injured",
        "arrested" | "arresting" | "arrest" | "arrests" | "detained" | "detain" | "detains" => {
            "arrested"
        }
        _ => return None,
    })
}

/// Nouns for people that a count of an event goes through: "12 people
/// were killed", "ten civilians died".
pub fn is_people(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "persons"
            | "person"
            | "civilians"
            | "soldiers"
            | "troops"
            | "children"
            | "men"
            | "women"
            | "officers"
            | "policemen"
            | "police"
            | "passengers"
            | "workers"
            | "miners"
            | "students"
            | "pupils"
            | "tourists"
            | "residents"
            | "villagers"
            | "protesters"
            | "demonstrators"
            | "militants"
            | "fighters"
            | "insurgents"
            | "others"
            | "more"
            | "americans"
            | "britons"
            | "iraqis"
            | "israelis"
            | "palestinians"
            | "pilgrims"
            | "climbers"
            | "fans"
            | "crew"
            | "migrants"
            | "refugees"
            | "victims"
            | "staff"
    )
}

/// Words after a figure that name no counted thing.
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "and"
            | "or"
            | "but"
            | "the"
            | "a"
            | "an"
            | "is"
            | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "with"
            | "as"
            | "than"
            | "that"
            | "this"
            | "which"
            | "who"
            | "it"
            | "its"
            | "their"
            | "his"
            | "her"
            | "per"
            | "percent"
            | "cent"
            | "more"
            | "less"
            | "year"
            | "years"
            | "last"
            | "next"
            | "so"
            | "far"
            | "after"
            | "before"
            | "since"
            | "into"
            | "out"
            | "over"
            | "under"
            | "up"
            | "down"
            | "off"
            | "times"
            | "would"
            | "will"
            | "could"
            | "can"
            | "may"
            | "also"
            | "not"
            | "each"
            | "apiece"
            | "ago"
            | "earlier"
            | "later"
            | "yesterday"
            | "today"
            | "now"
    )
}

/// Words that may stand between a death toll and its figure: "the death
/// toll rose to 12", "a toll of 12", "the toll now stands at 12".
pub fn is_toll_link(w: &str) -> bool {
    matches!(
        w,
        "of" | "to"
            | "at"
            | "is"
            | "was"
            | "has"
            | "had"
            | "now"
            | "risen"
            | "rose"
            | "rises"
            | "climbed"
            | "climbs"
            | "reached"
            | "reaches"
            | "stands"
            | "stood"
            | "increased"
            | "jumped"
            | "stand"
            | "official"
            | "been"
            | "put"
    )
}

/// A singular form for comparing counted nouns ("losses" / "loss").
pub fn singular(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() > 2) {
        return format!("{stem}y");
    }
    if let Some(stem) = w.strip_suffix("sses") {
        return format!("{stem}ss");
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}
