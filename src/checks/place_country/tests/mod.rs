//! The place checks on short texts: each claim pattern, ambiguous names,
//! stoplisted words, spellings, local additions, directions and
//! contradictions.

use super::*;
use crate::diagnostic::Finding;
use crate::document::Format;
use crate::gazetteer::LocalPlace;
use crate::rules::{parse_rule, YamlSource};
use std::sync::Arc;

/// A test rule of the place kind named by its finding: `country`,
/// `direction` or `contradiction`.
fn rule_yaml(check: &str, extra: &str) -> String {
    let kind = match check {
        "country" => "place_country".to_string(),
        other => format!("place_{other}"),
    };
    format!(
        "id: test-place\nextends: {kind}\ncategory: place\nseverity: error\nmessage: \"{{place}}\"\ndescription: \"What it flags\"\n{extra}\nexamples:\n  flag: [x]\n  pass: [y]\n"
    )
}

fn rule_with(check: &str, extra: &str, places: Vec<LocalPlace>) -> crate::rules::Rule {
    let mut ctx = LoadContext::new(YamlSource::new("test.yaml", rule_yaml(check, extra)));
    ctx.local_places = Arc::new(places);
    parse_rule(&ctx).unwrap()
}

fn findings_with(check: &str, extra: &str, places: Vec<LocalPlace>, text: &str) -> Vec<Finding> {
    let rule = rule_with(check, extra, places);
    let doc = Document::parse(text.to_string(), Format::Text);
    let mut out = Vec::new();
    rule.check.check(&doc, &mut out);
    out
}

fn findings(check: &str, text: &str) -> Vec<Finding> {
    findings_with(check, "", Vec::new(), text)
}

/// The text of each finding's primary span.
fn flagged(check: &str, text: &str) -> Vec<String> {
    findings(check, text)
        .iter()
        .map(|f| text[f.span.clone()].to_string())
        .collect()
}

fn claims_in(text: &str) -> Vec<(String, String, Pattern)> {
    let doc = Document::parse(text.to_string(), Format::Text);
    find_claims(&doc, true)
        .into_iter()
        .map(|c| (c.place, c.target.text, c.pattern))
        .collect()
}

fn field<'a>(f: &'a Finding, name: &str) -> &'a str {
    f.fields
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, v)| v.as_str())
}

/// Lists every claim and verdict in a directory of articles, for reading
/// what the patterns pick up on real text:
/// `PLACE_CLAIMS_DIR=../shared/corpus/dev/articles cargo test --lib dump_claims -- --ignored --nocapture`
#[test]
#[ignore]
fn dump_claims() {
    let Ok(dir) = std::env::var("PLACE_CLAIMS_DIR") else {
        return;
    };
    let rule = rule_with("country", "", Vec::new());
    let check = rule.check.as_ref();
    let _ = check;
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let place_check = PlaceCountry {
        params: serde_saphyr::from_str(&rule_yaml("country", "")).unwrap(),
        stoplist: stoplist::WORDS.iter().map(|w| normalise(w)).collect(),
        lookup: Lookup::new(&[]).0,
    };
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let doc = Document::parse(text, Format::Text);
        for claim in find_claims(&doc, true) {
            let verdict = match place_check.judge(&claim) {
                Verdict::Ignored => "ignored".to_string(),
                Verdict::Unknown => "unknown".to_string(),
                Verdict::Holds { .. } => "holds".to_string(),
                Verdict::Wrong {
                    strong, candidates, ..
                } => format!("WRONG strong={strong} {}", gazetteer_note(&candidates)),
            };
            let sentence = doc.slice(&doc.sentences[claim.sentence].span);
            println!(
                "{}\t{}\t{}\t{}\t{:?}\t{}",
                path.file_name().unwrap_or_default().to_string_lossy(),
                claim.place,
                claim.target.text,
                verdict,
                claim.pattern,
                sentence.replace('\n', " ")
            );
        }
    }
}

fn local(name: &str, aliases: &[&str], country: &str, region: Option<&str>) -> LocalPlace {
    LocalPlace {
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        country: country.into(),
        region: region.map(Into::into),
    }
}

#[test]
fn seed_sentence_is_flagged_with_the_gazetteer_answer_and_the_texts_own_evidence() {
    let text = "The meeting was held to discuss developments in Suwayda, a city with a high proportion of Druze in southern India, where fighting continues.\nIsrael struck soldiers in Suwayda province.\nThe official said that Suwayda and its people are integral parts of Syria.\n";
    let found = findings("country", text);
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    assert_eq!(&text[f.span.clone()], "India");
    assert_eq!(field(f, "place"), "Suwayda");
    assert_eq!(field(f, "actual"), "Syria");
    assert_eq!(
        f.notes,
        ["gazetteer: As-Suwayda, Suwayda, Syria (pop. 59,052)"]
    );
    let labels: Vec<&str> = f.labels.iter().map(|l| &text[l.span.clone()]).collect();
    assert_eq!(
        labels,
        [
            "Suwayda",
            "Suwayda and its people are integral parts of Syria"
        ]
    );
}

#[test]
fn each_pattern_is_read() {
    let cases: &[(&str, &str, &str, Pattern)] = &[
        (
            "Suwayda, a city in southern Syria, was shelled.",
            "Suwayda",
            "Syria",
            Pattern::Appositive,
        ),
        (
            "Aleppo is a city in northern Syria.",
            "Aleppo",
            "Syria",
            Pattern::Appositive,
        ),
        (
            "He lives in Damascus, the capital of Syria.",
            "Damascus",
            "Syria",
            Pattern::Appositive,
        ),
        (
            "He lives in Aleppo, a Syrian city.",
            "Aleppo",
            "Syrian",
            Pattern::Appositive,
        ),
        (
            "Rockets hit Mosul in northern Iraq on Sunday.",
            "Mosul",
            "Iraq",
            Pattern::InCountry,
        ),
        (
            "Engineers work at Kirkuk in Iraq.",
            "Kirkuk",
            "Iraq",
            Pattern::InCountry,
        ),
        (
            "She was born in Erfurt, Germany, in 1980.",
            "Erfurt",
            "Germany",
            Pattern::Comma,
        ),
        (
            "Suwayda, in southern Syria, was shelled.",
            "Suwayda",
            "Syria",
            Pattern::Comma,
        ),
        (
            "Clashes in Suwayda, in southern Syria, went on.",
            "Suwayda",
            "Syria",
            Pattern::Comma,
        ),
        (
            "Troops shelled Saraqib, Idlib province, at dawn.",
            "Saraqib",
            "Idlib province",
            Pattern::Comma,
        ),
        (
            "He moved to Phoenix, Arizona.",
            "Phoenix",
            "Arizona",
            Pattern::Comma,
        ),
        (
            "They met in the Spanish city of Valencia.",
            "Valencia",
            "Spanish",
            Pattern::AdjectiveCity,
        ),
        (
            "Troops entered the Iraqi capital, Baghdad.",
            "Baghdad",
            "Iraqi",
            Pattern::AdjectiveCity,
        ),
        (
            "They met in the southern Syrian city of Suwayda.",
            "Suwayda",
            "Syrian",
            Pattern::AdjectiveCity,
        ),
        (
            "Rebels hold Idlib province of Syria.",
            "Idlib province",
            "Syria",
            Pattern::RegionOf,
        ),
        (
            "She reached the final in Mulhouse (France).",
            "Mulhouse",
            "France",
            Pattern::Parenthesis,
        ),
        (
            "It opened in St. Louis, Missouri, on Monday.",
            "St. Louis",
            "Missouri",
            Pattern::Comma,
        ),
        (
            "It opened in Deir ez-Zor, Syria.",
            "Deir ez-Zor",
            "Syria",
            Pattern::Comma,
        ),
    ];
    for (text, place, target, pattern) in cases {
        let claims = claims_in(text);
        assert!(
            claims.contains(&(place.to_string(), target.to_string(), *pattern)),
            "{text}: {claims:?}"
        );
        assert!(findings("country", text).is_empty(), "{text}");
    }
}

#[test]
fn each_pattern_flags_a_wrong_country() {
    for (text, claimed) in [
        ("Suwayda, a city in southern India, was shelled.", "India"),
        ("Aleppo is a city in northern Iraq.", "Iraq"),
        ("He lives in Damascus, the capital of Lebanon.", "Lebanon"),
        ("He lives in Aleppo, a Turkish city.", "Turkish"),
        ("Rockets hit Mosul in northern Syria on Sunday.", "Syria"),
        ("She was born in Erfurt, Austria, in 1980.", "Austria"),
        (
            "Troops shelled Aleppo, Idlib province, at dawn.",
            "Idlib province",
        ),
        ("He moved to Phoenix, Texas.", "Texas"),
        ("They met in the Greek city of Valencia.", "Greek"),
        ("Troops entered the Iranian capital, Damascus.", "Iranian"),
        ("Rebels hold Idlib province of Iraq.", "Iraq"),
        ("She reached the final in Mulhouse (China).", "China"),
        ("The show opens in Toronto, France, in March.", "France"),
        ("Engineers work in Kirkuk, Belgium, and Baghdad.", "Belgium"),
        (
            "The tournament is in Pattaya, Finland, Thailand, on Tuesday.",
            "Finland",
        ),
        (
            "England won the final in Dubai, the Netherlands, on Sunday.",
            "Netherlands",
        ),
        (
            "Brussels, a city in eastern the Philippines, hosted talks.",
            "Philippines",
        ),
    ] {
        assert_eq!(flagged("country", text), [claimed], "{text}");
    }
}

#[test]
fn ambiguous_names_pass_when_any_namesake_fits() {
    for text in [
        "The summit in Tripoli, Lebanon, ended; another in Tripoli, Libya, began.",
        "He grew up in Paris, Texas, and later in Paris, France.",
        "The port of San Juan, Puerto Rico, reopened.",
        "He lives in Springfield, Illinois, now.",
    ] {
        assert!(flagged("country", text).is_empty(), "{text}");
    }
    let found = findings(
        "country",
        "Fighting resumed in Tripoli, Tunisia, on Friday.",
    );
    assert_eq!(found.len(), 1);
    assert!(
        found[0].notes[0].starts_with(
            "gazetteer: Tripoli, Tripoli, Libya (pop. 1,302,947); Tripoli, North Lebanon, Lebanon"
        ),
        "{:?}",
        found[0].notes
    );
    assert_eq!(
        flagged("country", "She lives in Paris, Germany."),
        ["Germany"]
    );
}

#[test]
fn spellings_and_transliterations() {
    for text in [
        "Shells fell in Sweida, Syria, overnight.",
        "Shells fell in As-Suwayda, Syria, overnight.",
        "Shells fell in Al-Suwayda, Syria, overnight.",
        "He lives in Kyiv, Ukraine.",
        "He lives in Kiev, Ukraine.",
        "It opened in Deir ez-Zor, Syria.",
        "It opened in Deir al-Zor, Syria.",
        "It opened in Deir ez-Zour, Syria.",
        "Protests spread to Dar‘ā, Syria.",
        "Protests spread to Be'er Sheva, Israel.",
    ] {
        assert!(flagged("country", text).is_empty(), "{text}");
    }
    for (text, claimed) in [
        ("Shells fell in Sweida, Lebanon, overnight.", "Lebanon"),
        ("He lives in Kiev, Russia.", "Russia"),
        ("He lives in Kyiv, Poland.", "Poland"),
        ("It opened in Deir al-Zor, Iraq.", "Iraq"),
    ] {
        assert_eq!(flagged("country", text), [claimed], "{text}");
    }
    let f = &findings("country", "Shells fell in Sweida, Lebanon, overnight.")[0];
    assert_eq!(
        f.notes[0],
        "gazetteer: As-Suwayda, Suwayda, Syria (pop. 59,052)"
    );
}

#[test]
fn stoplisted_words_need_an_explicit_framing() {
    for text in [
        "The band played in Reading, Spain, last year.",
        "The band played in Nice, Italy, last year.",
        "The fans came from Florence, Spain.",
        "In March, France and Germany agreed the plan.",
        "The film opens in May, Italy said.",
    ] {
        assert!(flagged("country", text).is_empty(), "{text}");
    }
    assert_eq!(
        flagged(
            "country",
            "The festival is held in the Spanish town of Reading."
        ),
        ["Spanish"]
    );
    assert_eq!(
        flagged("country", "Reading, a town in northern Spain, is quiet."),
        ["Spain"]
    );
    // The rule's own stoplist additions.
    let text = "Fighting broke out in Aleppo, Iraq, on Sunday.";
    assert_eq!(flagged("country", text), ["Iraq"]);
    assert!(findings_with("country", "stoplist: [Aleppo]", Vec::new(), text).is_empty());
}

#[test]
fn lists_people_and_sport_are_not_claims() {
    for text in [
        "Scotland, Ireland and Wales all won on Saturday.",
        "After the draw in Paris, Ireland face the Faroe Islands in Dublin.",
        "Henson, Wales' centre, kicked the goal.",
        "Tim Henman (Britain) beat Roger Federer (Switzerland).",
        "Offices in London, Germany and the US will close.",
        "Offices in London, Germany, France and Italy will close.",
        "The bank has branches in Tokyo, Singapore, and Sydney.",
        "After talks in Brussels, France said it would veto the plan.",
        "By selling the unit to Rosneft, Russia is able to avoid the claim.",
        "Shares in Borussia Dortmund, Germany's only listed club, fell.",
        "Mr Jordan, Israel's envoy, spoke.",
        "They sold to Paris, France Telecom said.",
        "The match in Cardiff, Wales, was sold out.",
        "Analysts at Lehman Brothers in Tokyo agreed.",
        "Fidelis Nanga, a journalist based in the Cameroon capital Yaounde, said so.",
        "The mayor, a city official in Texas, said so.",
        "Ronaldinho of Barcelona, Brazil, scored twice.",
        "He signed from Ajax (Holland) in 2004.",
        "He lost to Safin (Russia) in the final.",
    ] {
        assert!(flagged("country", text).is_empty(), "{text}");
    }
}

mod coreference;
mod countries;
mod divisions;
mod shapes;
