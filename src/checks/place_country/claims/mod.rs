//! Finds explicit claims that a place lies in a country or region:
//! "Suwayda, a city … in southern Syria", "in Tokyo, Japan", "the Spanish
//! city of Valencia", "Idlib province of Syria", "in Mulhouse (France)".
//!
//! Precision first: a comma or "in" next to two names is only read as a
//! location claim where the framing says so (a locative preposition before
//! the place, punctuation or a time phrase after the country, no list).

mod adjective_city;
mod appositive;
mod comma;
mod context;
mod dateline;
mod evidence;
mod implied;
mod in_country;
mod island;
mod names;
mod parenthesis;
mod possessive;
mod region_of;
mod relative;
mod targets;
mod words;

use super::tokens::{tokenise, Token};
use crate::document::{lower_case, Document};
use crate::gazetteer::{Country, CountryCode, Gazetteer, Region};
pub(crate) use evidence::find_evidence;
use serde::Deserialize;
use std::ops::Range;
use words::{is_possessive, REGION_WORDS};

/// The sentence shapes a claim can take; rules turn each on or off.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Pattern {
    /// "Suwayda, a city … in southern Syria"; "Aleppo, a Syrian city".
    Appositive,
    /// "in Kirkuk in northern Iraq"; "Suwayda in southern Syria".
    InCountry,
    /// "in Tokyo, Japan"; "in Aleppo, Idlib province".
    Comma,
    /// "the Spanish city of Valencia"; "the Iraqi capital, Baghdad".
    AdjectiveCity,
    /// "Idlib province of Syria"; "Suwayda governorate in Syria".
    RegionOf,
    /// "in Mulhouse (France)".
    Parenthesis,
    /// "Rotterdam, Belgium's second city"; "Lille, in Belgium's far west";
    /// "Malaysia's northern province of Aceh".
    Possessive,
    /// "GENEVA, France (Reuters) -" at the head of a story.
    Dateline,
    /// "Geneva, which lies in France".
    Relative,
}

impl Pattern {
    pub const ALL: [Pattern; 9] = [
        Pattern::Appositive,
        Pattern::InCountry,
        Pattern::Comma,
        Pattern::AdjectiveCity,
        Pattern::RegionOf,
        Pattern::Parenthesis,
        Pattern::Possessive,
        Pattern::Dateline,
        Pattern::Relative,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Pattern::Appositive => "appositive",
            Pattern::InCountry => "in-country",
            Pattern::Comma => "comma",
            Pattern::AdjectiveCity => "adjective-city",
            Pattern::RegionOf => "region-of",
            Pattern::Parenthesis => "parenthesis",
            Pattern::Possessive => "possessive",
            Pattern::Dateline => "dateline",
            Pattern::Relative => "relative",
        }
    }
}

/// A compass heading as written before a country: "southern", "north-east".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Heading {
    pub north: bool,
    pub south: bool,
    pub east: bool,
    pub west: bool,
    pub central: bool,
    /// "far west", "deep south": the place must lie past the middle on
    /// that side, not merely off the other edge.
    pub far: bool,
}

/// A heading word in the text ("southern" at 120..128).
#[derive(Debug, Clone)]
pub(crate) struct HeadingMention {
    pub heading: Heading,
    pub span: Range<usize>,
    pub word: String,
}

/// Where the text says the place is.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    /// The country or region words ("India", "Idlib province", "Syrian").
    pub span: Range<usize>,
    pub text: String,
    /// The country reading, if the words name one.
    pub country: Option<Country>,
    /// Region readings: "Idlib province", "Texas", "Wales"; several when
    /// ambiguous. A place in any reading satisfies the claim.
    pub regions: Vec<Region>,
    /// Other countries the words are commonly used for ("Congo" for both
    /// Congos, "Macedonia" for the Greek region); a place in one of them
    /// satisfies the claim too.
    pub also: Vec<CountryCode>,
    /// The region was named with its type word ("Idlib province").
    pub typed_region: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Claim {
    pub pattern: Pattern,
    /// The place as written, possessive dropped.
    pub place: String,
    pub place_span: Range<usize>,
    pub target: Target,
    pub heading: Option<HeadingMention>,
    /// The framing itself says the name is a place ("a city", "the city
    /// of"), so the stoplist of common words does not apply.
    pub explicit: bool,
    /// The place is named as a region ("Idlib province of Syria").
    pub place_is_region: bool,
    /// Index into `Document::sentences`.
    pub sentence: usize,
    /// The text also names the place the country's capital ("Sydney, the
    /// Australian capital"); checked against the countryInfo capitals.
    pub capital: bool,
    /// The text names the place a part of the country's capital ("Saint-
    /// Denis, a suburb of the Belgian capital"); checked by distance.
    pub suburb_of_capital: bool,
}

/// Finds claims in every sentence of `doc`.
pub(crate) fn find_claims(doc: &Document, headings: bool) -> Vec<Claim> {
    let mut claims = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let text = doc.slice(&sentence.span);
        let tokens = tokenise(text, sentence.span.start);
        let scanner = Scanner {
            doc,
            t: &tokens,
            sentence: index,
            gaz: Gazetteer::global(),
        };
        scanner.scan(&mut claims);
    }
    if !headings {
        for c in &mut claims {
            c.heading = None;
        }
    }
    claims
}

struct Scanner<'a> {
    doc: &'a Document,
    t: &'a [Token<'a>],
    sentence: usize,
    gaz: &'static Gazetteer,
}

/// A place name found by walking left or right from a pattern's anchor.
struct NameRun {
    /// Token range of the name itself.
    start: usize,
    end: usize,
    /// A sentence opener was dropped ("In Paris" → "Paris").
    opener: Option<usize>,
}

impl<'a> Scanner<'a> {
    fn text(&self, from: usize, to: usize) -> &'a str {
        let (Some(a), Some(b)) = (self.t.get(from), self.t.get(to.saturating_sub(1))) else {
            return "";
        };
        self.doc.slice(&(a.span.start..b.span.end))
    }

    fn span(&self, from: usize, to: usize) -> Range<usize> {
        match (self.t.get(from), self.t.get(to.saturating_sub(1))) {
            (Some(a), Some(b)) => a.span.start..b.span.end,
            _ => 0..0,
        }
    }

    fn word_at(&self, i: usize) -> Option<&Token<'a>> {
        self.t.get(i).filter(|t| t.is_word)
    }

    fn is_word(&self, i: usize, words: &[&str]) -> bool {
        self.word_at(i).is_some_and(|t| words.contains(&t.text))
    }

    fn claim(
        &self,
        pattern: Pattern,
        run: &NameRun,
        target: Target,
        heading: Option<HeadingMention>,
        explicit: bool,
    ) -> Claim {
        Claim {
            pattern,
            place: self.place_text(run),
            place_span: self.span(run.start, run.end),
            target,
            heading,
            explicit,
            place_is_region: false,
            sentence: self.sentence,
            capital: false,
            suburb_of_capital: false,
        }
    }

    fn scan(&self, out: &mut Vec<Claim>) {
        for (i, tok) in self.t.iter().enumerate() {
            let before = || i.checked_sub(1).and_then(|j| self.name_before(j));
            if tok.is_punct(',') {
                let Some(run) = before() else {
                    continue;
                };
                if self.is_word(i + 1, &["a", "an", "the"]) {
                    self.appositive(&run, i + 2, out);
                } else if self.is_word(i + 1, &["capital"]) {
                    // "Bangalore, capital of the Indian state of …"
                    self.appositive(&run, i + 1, out);
                }
                self.comma(&run, i + 1, out);
                if self.is_word(i + 1, &["on"]) {
                    self.island_of(&run, i + 2, out);
                }
                self.possessive_apposition(&run, i + 1, out);
                self.relative(&run, i + 1, out);
                if i == run.end {
                    self.dateline(&run, i + 1, out);
                }
            } else if tok.is("is") || tok.is("was") {
                if self.is_word(i + 1, &["a", "an", "the"]) {
                    if let Some(run) = before() {
                        self.appositive(&run, i + 2, out);
                    }
                }
            } else if tok.is("in") || tok.is("on") {
                if let Some(run) = before() {
                    if tok.is("in") {
                        self.in_country(&run, i + 1, out);
                    } else {
                        self.island_of(&run, i + 1, out);
                    }
                    self.possessive_part(&run, i + 1, out);
                }
            } else if tok.is_word
                && REGION_WORDS.contains(&lower_case(tok.text).as_ref())
                && self.is_word(i + 1, &["of", "in"])
            {
                if let Some(run) = before() {
                    self.region_of(&run, i, out);
                }
            } else if tok.is_punct('(') {
                if let Some(run) = before() {
                    self.parenthesis(&run, i + 1, out);
                }
            } else if tok.is_ci("the") {
                self.adjective_city(i + 1, out);
            }
            if is_possessive(tok) && tok.is_capitalised() {
                self.possessive_of(i, out);
            }
        }
    }
}
