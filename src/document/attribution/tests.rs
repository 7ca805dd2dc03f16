use crate::document::{AttributionForm, Document, EntityKind, Format};

fn doc(text: &str) -> Document {
    Document::parse(text.to_string(), Format::Text)
}

/// (form, source text) of every clause.
fn clauses(d: &Document) -> Vec<(AttributionForm, String)> {
    d.attributions
        .iter()
        .map(|a| (a.form, d.slice(&a.source).to_string()))
        .collect()
}

/// Speaker names of the quotations, in order.
fn speakers(d: &Document) -> Vec<Option<String>> {
    d.quotes
        .iter()
        .map(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        .collect()
}

#[test]
fn finds_the_clause_forms() {
    let d = doc("Intro.\n\nThe talks failed, according to Syria’s state-run Ekhbariya TV, citing its own diplomatic source. Mr Cable told BBC News the plan was wrong. The laser links are cheap, said Mr Sridharan. The official said it was over.");
    use AttributionForm::*;
    assert_eq!(
        clauses(&d),
        vec![
            (AccordingTo, "Syria’s state-run Ekhbariya TV".to_string()),
            (Citing, "its own diplomatic source".to_string()),
            (Verb, "Mr Cable".to_string()),
            (Inverted, "Mr Sridharan".to_string()),
            (Verb, "The official".to_string()),
        ]
    );
    let told = &d.attributions[2];
    assert_eq!(d.slice(&told.span), "Mr Cable told BBC News");
}

#[test]
fn passives_and_infinitives_are_no_attribution() {
    let d = doc("Intro.\n\nThe player is said to be unhappy. He declined to say more. That said, the team won. Opposition parties say it will fail. They had the final say.");
    let verbs: Vec<&str> = d.attributions.iter().map(|a| d.slice(&a.cue)).collect();
    assert_eq!(verbs, vec!["say"], "only `parties say`: {verbs:?}");
}

#[test]
fn appositive_and_relative_subjects() {
    let d = doc("Intro.\n\nStephen Toulouse, a Microsoft security manager, said the flaws were known. The IAAF - which said it was surprised - will appeal.");
    let sources: Vec<&str> = d.attributions.iter().map(|a| d.slice(&a.source)).collect();
    assert_eq!(sources, vec!["Stephen Toulouse", "The IAAF"]);
}

#[test]
fn entities_with_titles_and_short_references() {
    let d = doc("Intro.\n\nUS envoy Tom Barrack met interim President Ahmed al-Sharaa and Foreign Minister Ayman Safadi. Later, al-Sharaa and Barrack spoke. Mr Safadi left.");
    let find = |name: &str| d.entities.iter().find(|e| e.name == name).expect(name);
    let barrack = find("Tom Barrack");
    assert_eq!(barrack.kind, EntityKind::Person);
    assert_eq!(barrack.mentions.len(), 2);
    assert_eq!(
        barrack.mentions[0].title.as_ref().map(|t| t.text.as_str()),
        Some("US envoy")
    );
    let sharaa = find("Ahmed al-Sharaa");
    assert_eq!(sharaa.mentions.len(), 2);
    let title = sharaa.mentions[0].title.as_ref().expect("title");
    assert_eq!(title.text, "President");
    assert_eq!(title.modifiers, vec!["interim".to_string()]);
    let safadi = find("Ayman Safadi");
    assert_eq!(safadi.mentions.len(), 2);
    assert_eq!(
        safadi.mentions[0].title.as_ref().and_then(|t| t.office()),
        Some(vec!["foreign".to_string(), "secretary".to_string()])
    );
}

#[test]
fn two_people_sharing_a_surname_stay_apart() {
    let d = doc("Intro.\n\nRalf Schumacher finished second. Michael Schumacher won. Schumacher said he was delighted.");
    let names: Vec<&str> = d.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Ralf Schumacher") && names.contains(&"Michael Schumacher"));
    // The bare surname joins the most recent full name.
    let michael = d
        .entities
        .iter()
        .find(|e| e.name == "Michael Schumacher")
        .expect("michael");
    assert_eq!(michael.mentions.len(), 2);
}

#[test]
fn speakers_of_the_usual_forms() {
    let text = "Intro.\n\n\
        “We will win,” Mr Smith said. \
        Ms Jones said: “We will not.” \
        “It is over,” said the coach. \
        Foreign Minister Ayman Safadi told Reuters “the talks went well”. \
        According to Mr Brown, “nothing was agreed”. \
        “That is the end of it.” The official said. \
        Safadi spoke again. “We hope for peace,” he said.";
    let d = doc(text);
    assert_eq!(
        speakers(&d),
        vec![
            Some("Smith".to_string()),
            Some("Jones".to_string()),
            Some("the coach".to_string()),
            Some("Ayman Safadi".to_string()),
            Some("Brown".to_string()),
            Some("The official".to_string()),
            Some("Ayman Safadi".to_string()),
        ]
    );
}

#[test]
fn a_quotation_continues_its_speaker() {
    let d = doc("Intro.\n\n“Banks are lending too much,” Mr Cable told BBC News. “There is a bigger problem ahead.”\n\nThe market fell.\n\n“Nobody knows who said this.”");
    assert_eq!(
        speakers(&d),
        vec![Some("Cable".to_string()), Some("Cable".to_string()), None]
    );
}

#[test]
fn pronouns_follow_gender() {
    let d = doc("Intro.\n\nMs Capella said the attacks had stopped. Mr Seagrave disagreed. “It's about genuine traffic,” she said. “It is not,” he said.");
    assert_eq!(
        speakers(&d),
        vec![Some("Capella".to_string()), Some("Seagrave".to_string())]
    );
}

#[test]
fn word_lists_answer_as_a_search_of_the_list_would() {
    use super::lexicon::{NOT_NAMES, ORGANISATION_HEADS, PARTICLES};
    for list in [&NOT_NAMES, &ORGANISATION_HEADS, &PARTICLES] {
        for word in list.words() {
            assert!(list.contains(word));
            let upper = word.to_uppercase();
            assert_eq!(
                list.contains(&upper.as_str()),
                list.words().contains(&upper.as_str())
            );
        }
        for other in ["", "Smith", "the", "THE", "Al"] {
            assert_eq!(list.contains(&other), list.words().contains(&other));
        }
    }
}

/// The leading role each titled mention of `name` is given, in order.
fn roles_of(d: &Document, name: &str) -> Vec<String> {
    d.entities
        .iter()
        .filter(|e| e.name.ends_with(name))
        .flat_map(|e| &e.mentions)
        .filter_map(|m| m.title.as_ref().and_then(|t| t.role()))
        .map(|r| r.words())
        .collect()
}

#[test]
fn two_word_roles_are_read_whole() {
    let d = doc("Intro.\n\nMinerva Bank chief executive Ola Brandt spoke. Later, Minerva's finance director Ola Brandt said costs fell. Finance director Ola Brandt agreed.");
    assert_eq!(
        roles_of(&d, "Ola Brandt"),
        vec!["chief executive", "finance director", "finance director"]
    );
}

#[test]
fn deputies_and_vices_are_their_own_role() {
    let d = doc("Intro.\n\nGuild vice-president Ines Roca spoke. Guild deputy chairman Ines Roca agreed. Guild president Ines Roca left.");
    let roles: Vec<_> = d
        .entities
        .iter()
        .flat_map(|e| &e.mentions)
        .filter_map(|m| m.title.as_ref().and_then(|t| t.role()))
        .collect();
    assert_eq!(roles.len(), 3, "{roles:?}");
    assert!(roles[0].deputy && roles[1].deputy && !roles[2].deputy);
    // A vice-president is not the president; the club president and its
    // chairman are one role written two ways.
    assert!(roles[0].excludes(&roles[2]));
    assert!(!roles[1].excludes(&roles[0]));
}

#[test]
fn role_words_that_are_no_leading_role() {
    let d = doc("Intro.\n\nAcme spokesman Tim Ward said nothing. Acme analyst Tim Ward agreed.");
    assert!(roles_of(&d, "Tim Ward").is_empty());
}

/// Prints a file's entities and attributions: `DUMP=path cargo test
/// dump_entities -- --ignored --nocapture`, for reading what the layer saw.
#[test]
#[ignore]
#[allow(clippy::print_stderr)]
fn dump_entities() {
    let path = std::env::var("DUMP").unwrap();
    let d = doc(&std::fs::read_to_string(path).unwrap());
    for e in &d.entities {
        let ms: Vec<String> = e
            .mentions
            .iter()
            .map(|m| {
                format!(
                    "{}[{}]",
                    d.slice(&m.span),
                    m.title
                        .as_ref()
                        .map_or("".into(), |t| format!("{}|{:?}", t.text, t.modifiers))
                )
            })
            .collect();
        eprintln!("{:?} {} :: {}", e.kind, e.name, ms.join("; "));
    }
    for a in &d.attributions {
        eprintln!(
            "ATTR {:?} {:?} src={:?} speaker={:?}",
            a.form,
            d.slice(&a.span),
            d.slice(&a.source),
            a.speaker
        );
    }
}

#[test]
fn a_document_that_found_closes_its_sentence_as_a_clause() {
    use AttributionForm::*;
    let d = doc(
        "Intro.\n\nWaiting lists grew in the north, the health select committee's report found.",
    );
    assert_eq!(
        clauses(&d),
        vec![(Verb, "the health select committee's report".to_string())]
    );
    // Any other subject, or "found" inside the sentence, is no attribution.
    let d = doc("Intro.\n\nThe next morning, police found the car. A new survey found that most drivers speed.");
    assert_eq!(clauses(&d), vec![]);
}

/// (opening speaker, closing speaker) of every quotation closed by a
/// second clause.
fn closings(d: &Document) -> Vec<(String, String, bool)> {
    d.quotes
        .iter()
        .filter_map(|q| {
            let c = q.closing.as_ref()?;
            Some((
                q.speaker.as_ref()?.name.clone(),
                c.speaker.name.clone(),
                c.reopened,
            ))
        })
        .collect()
}

#[test]
fn a_quotation_introduced_and_closed_has_two_speakers() {
    // A clause and a colon open it, a second clause closes it.
    let d = doc("Intro.\n\nRuth Kemp, director of the Ports Trust, said: “The levy will close harbours,” Mr Dale said.");
    assert_eq!(
        closings(&d),
        vec![("Ruth Kemp".to_string(), "Dale".to_string(), false)]
    );
    // The last passage of a quotation reopened after a named speaker's words.
    let d = doc("Intro.\n\n“We hope,” coach Ivo Brandt said. “He is training. “No plans yet,” according to a club spokeswoman.");
    assert_eq!(
        closings(&d),
        vec![(
            "Ivo Brandt".to_string(),
            "a club spokeswoman".to_string(),
            true
        )]
    );
    // A quotation closed by a clause only, or introduced only, has one.
    let d =
        doc("Intro.\n\n“The levy will close harbours,” Mr Dale said. Ruth Kemp said: “Not so.”");
    assert!(closings(&d).is_empty());
    // A comma is not an introduction ("X said, “…,” she added" is rare and
    // "In Leeds, “…,” he said" is no clause at all).
    let d = doc("Intro.\n\nIn Leeds, “The levy will close harbours,” Mr Dale said.");
    assert!(closings(&d).is_empty());
}

#[test]
fn an_appositive_role_without_article_still_ends_at_the_verb() {
    let d = doc("Intro.\n\nNeil Obi, director of Business for Sterling, said it was wrong. Ben Vos, BT's chief executive, said sales rose.");
    let sources: Vec<String> = clauses(&d).into_iter().map(|(_, s)| s).collect();
    assert_eq!(sources, vec!["Neil Obi".to_string(), "Ben Vos".to_string()]);
}
