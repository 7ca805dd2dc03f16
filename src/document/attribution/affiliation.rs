//! What a mention says a person is: the party, the employer or club and
//! the role written with the name — before it ("Lib Dem MP Lembit Opik",
//! "Labour's Vince Cable", "Air Deccan's marketing director, Gorur
//! Gopinath,"), in apposition after it ("Bob Murray, chairman of
//! Sunderland FC,", "Henry, the Chelsea striker,") or in an opening phrase
//! ("For the Lib Dems, Vince Cable said"). Each is read from a few words
//! around the mention, so the pass stays linear.

use super::lexicon;
use super::roles::Role;
use super::tokens::is_capitalised;
use std::ops::Range;

/// One description of a person attached to one mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Affiliation {
    /// The words that describe ("Lib Dem MP", "chairman of Sunderland FC").
    pub span: Range<usize>,
    /// The party, by its canonical name ("Liberal Democrat").
    pub party: Option<&'static str>,
    /// The employer, club or publication, lower-cased without "FC",
    /// "plc", "the": ["sunderland"], ["jewish", "chronicle"].
    pub organisation: Vec<String>,
    /// The role's head noun, lower-cased ("striker", "editor", "executive").
    pub role: Option<String>,
    /// The role as a leading post ("chief executive", "deputy head").
    pub leading: Option<Role>,
    /// "former", "ex-", "then": a past description.
    pub past: bool,
}

/// Parties as written, longest first, with the name they stand for.
const PARTIES: &[(&str, &str)] = &[
    ("liberal democrats", "Liberal Democrat"),
    ("liberal democrat", "Liberal Democrat"),
    ("lib dems", "Liberal Democrat"),
    ("lib dem", "Liberal Democrat"),
    ("scottish national party", "SNP"),
    ("plaid cymru", "Plaid Cymru"),
    ("conservatives", "Conservative"),
    ("conservative", "Conservative"),
    ("tories", "Conservative"),
    ("tory", "Conservative"),
    ("labour", "Labour"),
    ("snp", "SNP"),
    ("ukip", "UKIP"),
    ("republicans", "Republican"),
    ("republican", "Republican"),
    ("democrats", "Democratic"),
    ("democrat", "Democratic"),
    ("democratic", "Democratic"),
];

/// Words of an organisation's name that do not tell one from another.
const ORGANISATION_NOISE: &[&str] = &[
    "the", "fc", "afc", "plc", "ltd", "inc", "group", "club", "city's", "party",
];

/// The affiliations written around the mention at `span`, whose pre-name
/// title (if any) is `title`. `sentence` is the mention's sentence.
pub fn around(
    prose: &str,
    sentence: &Range<usize>,
    span: &Range<usize>,
    title: Option<(&Range<usize>, &[String])>,
) -> Vec<Affiliation> {
    let mut out = Vec::new();
    let starts = title.map_or(span.start, |(t, _)| t.start.min(span.start));
    if let Some((t, modifiers)) = title {
        // The modifiers before the title ("former", "deputy") are its own.
        if let Some(mut a) = describe(prose, t.clone()) {
            let has = |list: &[&str]| modifiers.iter().any(|m| list.contains(&m.as_str()));
            a.past |= has(lexicon::PAST_MODIFIERS);
            if let Some(l) = a.leading.as_mut() {
                l.deputy |= has(&["deputy", "vice", "assistant"]);
            }
            out.push(a);
        }
    }
    let before = prose.get(sentence.start..starts).unwrap_or("");
    // "Labour's Vince Cable": a possessive party or employer right before;
    // "Air Deccan's managing director Gorur Gopinath": the title's employer.
    if let Some(owner) = possessive_owner(before) {
        let at = sentence.start + owner.start;
        if let Some(owned) = describe(prose, at..sentence.start + owner.end) {
            match out.first_mut().filter(|_| title.is_some()) {
                Some(t) => {
                    t.span.start = at;
                    if t.party.is_none() {
                        t.party = owned.party;
                    }
                    let mut organisation = owned.organisation;
                    organisation.append(&mut t.organisation);
                    t.organisation = organisation;
                }
                None => out.push(owned),
            }
        }
    }
    // "For the Lib Dems, Vince Cable said".
    if let Some(stripped) = before.trim_end().strip_suffix(',') {
        let opening = stripped.trim_start();
        let at = sentence.start + (stripped.len() - opening.len());
        let party = opening
            .get(..8)
            .filter(|p| p.eq_ignore_ascii_case("for the "))
            .map(|_| opening[8..].to_lowercase())
            .filter(|rest| rest.split_whitespace().count() <= 3)
            .and_then(|rest| party_in(&rest));
        if let Some(party) = party {
            out.push(Affiliation {
                span: at..sentence.start + stripped.len(),
                party: Some(party),
                organisation: Vec::new(),
                role: None,
                leading: None,
                past: false,
            });
        }
        // "Air Deccan's marketing director, Gorur Gopinath,": a role phrase
        // opening the sentence in apposition to the name after it.
        let closed = prose
            .get(span.end..sentence.end)
            .is_some_and(|after| after.trim_start().starts_with(','));
        if title.is_none() && closed && !stripped.contains(',') {
            if let Some(a) = describe(prose, at..sentence.start + stripped.len()) {
                if a.role.is_some() {
                    out.push(a);
                }
            }
        }
    }
    // "Bob Murray, chairman of Sunderland FC,": an appositive after.
    if let Some(after) = prose.get(span.end..sentence.end) {
        if let Some(rest) = after.strip_prefix(", ") {
            let end = rest
                .find([',', ';', '(', ')', '"', '“', '”'])
                .filter(|&e| rest[e..].starts_with(','))
                .unwrap_or(0);
            let phrase = &rest[..end];
            let first = phrase.split_whitespace().next().unwrap_or("");
            let words = phrase.split_whitespace().count();
            if (1..=9).contains(&words) && !matches!(first, "who" | "which" | "whose" | "and") {
                let at = span.end + 2;
                if let Some(a) = describe(prose, at..at + phrase.len()) {
                    if a.role.is_some() {
                        out.push(a);
                    }
                }
            }
        }
    }
    out
}

/// The capitalised words ending in "'s" at the end of `before`, as a
/// range of it: "Labour's ", "Air Deccan's ".
fn possessive_owner(before: &str) -> Option<Range<usize>> {
    let trimmed = before.trim_end();
    // "Labour's", "Hale Foods'": the owner's name without the ending.
    let stem = trimmed
        .strip_suffix("'s")
        .or_else(|| trimmed.strip_suffix("’s"))
        .or_else(|| {
            trimmed
                .strip_suffix(['\'', '’'])
                .filter(|s| s.ends_with('s'))
        })?;
    // Walk back over capitalised words, at most about 40 bytes of them,
    // stopping at a sentence opener ("But Air Deccan's" → "Air Deccan").
    let mut owner = None;
    let mut end = stem.len();
    for word in stem.rsplit(' ') {
        let opener = owner.is_some() && lexicon::NOT_NAMES.contains(&word);
        if word.is_empty() || !is_capitalised(word) || opener {
            break;
        }
        let word_start = end - word.len();
        owner = Some(word_start);
        if word_start == 0 || stem.len() - word_start > 40 {
            break;
        }
        end = word_start - 1;
    }
    owner.map(|start| start..trimmed.len())
}

/// Reads a description phrase: its party, organisation and role.
fn describe(prose: &str, span: Range<usize>) -> Option<Affiliation> {
    let text = prose.get(span.clone())?;
    let lower = text.to_lowercase();
    let party = party_in(&lower);
    let words: Vec<&str> = text.split_whitespace().collect();
    let bare = |w: &str| -> String {
        let w = w
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_matches(|c: char| !c.is_alphanumeric());
        w.to_lowercase()
    };
    let past = words.iter().any(|w| {
        let b = bare(w);
        lexicon::PAST_MODIFIERS.contains(&b.as_str()) || b.starts_with("ex-")
    });
    // The role: the last role noun, "chief executive" read as "executive".
    let role_at = words
        .iter()
        .rposition(|w| lexicon::ROLE_NOUNS.contains(&bare(w).as_str()));
    let role = role_at.map(|i| bare(words[i]));
    let leading = role_at.and_then(|r| {
        let lowered: Vec<String> = words[..=r].iter().map(|w| bare(w)).collect();
        Role::of_words(&lowered, false)
    });
    // The organisation: capitalised words that are not the party, before
    // the role ("Sunderland chief executive") or after "of/for/at" that
    // follows it ("chairman of Sunderland FC").
    let party_words: Vec<String> = party
        .map(|_| {
            PARTIES
                .iter()
                .filter(|(written, _)| lower.contains(written))
                .flat_map(|(written, _)| written.split(' ').map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let is_org_word = |w: &str| {
        let b = bare(w);
        is_capitalised(w)
            && !party_words.contains(&b)
            && !ORGANISATION_NOISE.contains(&b.as_str())
            && !lexicon::ROLE_NOUNS.contains(&b.as_str())
            && !lexicon::ROLE_QUALIFIERS.contains(&b.as_str())
            && !lexicon::PAST_MODIFIERS.contains(&b.as_str())
            && lexicon::honorific_gender(w.trim_end_matches(['.', ','])).is_none()
    };
    let mut organisation: Vec<String> = Vec::new();
    if let Some(r) = role_at {
        organisation.extend(
            words[..r]
                .iter()
                .filter(|w| is_org_word(w))
                .map(|w| bare(w)),
        );
        let after = &words[r + 1..];
        if after
            .first()
            .is_some_and(|w| matches!(*w, "of" | "for" | "at"))
        {
            organisation.extend(
                after[1..]
                    .iter()
                    .take_while(|w| is_capitalised(w) || matches!(**w, "the" | "of" | "and"))
                    .filter(|w| is_org_word(w))
                    .map(|w| bare(w)),
            );
        }
    } else {
        organisation.extend(words.iter().filter(|w| is_org_word(w)).map(|w| bare(w)));
    }
    for w in &mut organisation {
        if w == "utd" {
            *w = "united".to_string();
        }
    }
    if party.is_none() && organisation.is_empty() && role.is_none() {
        return None;
    }
    Some(Affiliation {
        span,
        party,
        organisation,
        role,
        leading,
        past,
    })
}

/// The first party named in a lower-case phrase, by whole words.
fn party_in(lower: &str) -> Option<&'static str> {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    PARTIES
        .iter()
        .find(|(written, _)| {
            let party: Vec<&str> = written.split(' ').collect();
            words
                .windows(party.len())
                .any(|run| run == party.as_slice())
        })
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn describe_text(text: &str) -> Affiliation {
        describe(text, 0..text.len()).unwrap()
    }

    #[test]
    fn reads_party_organisation_and_role() {
        let a = describe_text("Lib Dem MP");
        assert_eq!(
            (a.party, a.organisation.is_empty(), a.role.as_deref()),
            (Some("Liberal Democrat"), true, Some("mp"))
        );
        let a = describe_text("chairman of Sunderland FC");
        assert_eq!(a.organisation, vec!["sunderland".to_string()]);
        assert_eq!(a.role.as_deref(), Some("chairman"));
        let a = describe_text("the Chelsea striker");
        assert_eq!(a.organisation, vec!["chelsea".to_string()]);
        let a = describe_text("Jewish Chronicle editor");
        assert_eq!(a.organisation, vec!["jewish", "chronicle"]);
        let a = describe_text("former Tory leader");
        assert!(a.past);
        assert_eq!(a.party, Some("Conservative"));
        let a = describe_text("the Liberal Democrat MP for Henley-on-Thames");
        assert_eq!(a.party, Some("Liberal Democrat"));
    }

    #[test]
    fn finds_descriptions_around_a_name() {
        let text = "Labour's Vince Cable said so.";
        let s = 0..text.len();
        let found = around(text, &s, &(9..20), None);
        assert_eq!(found[0].party, Some("Labour"));
        let text = "For the Lib Dems, Vince Cable said so.";
        let found = around(text, &(0..text.len()), &(18..29), None);
        assert_eq!(found[0].party, Some("Liberal Democrat"));
        let text = "Bob Murray, chairman of Sunderland FC, has launched a bid.";
        let found = around(text, &(0..text.len()), &(0..10), None);
        assert_eq!(found[0].organisation, vec!["sunderland".to_string()]);
        let text = "Air Deccan's marketing director, Gorur Gopinath, said.";
        let found = around(text, &(0..text.len()), &(33..47), None);
        assert_eq!(found[0].organisation, vec!["air", "deccan"]);
        assert_eq!(found[0].role.as_deref(), Some("director"));
        // A clause after the name is no description of it.
        let text = "Bob Murray, who bought the club, said.";
        assert!(around(text, &(0..text.len()), &(0..10), None).is_empty());
    }
}
