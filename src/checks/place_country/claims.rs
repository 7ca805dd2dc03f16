//! Finds explicit claims that a place lies in a country or region:
//! "Suwayda, a city … in southern Syria", "in Tokyo, Japan", "the Spanish
//! city of Valencia", "Idlib province of Syria", "in Mulhouse (France)".
//!
//! Precision first: a comma or "in" next to two names is only read as a
//! location claim where the framing says so (a locative preposition before
//! the place, punctuation or a time phrase after the country, no list).

use super::tokens::{tokenise, Token};
use crate::document::{lower_case, Document};
use crate::gazetteer::{normalise, Country, CountryCode, Gazetteer, Region};
use serde::Deserialize;
use std::ops::Range;

/// The sentence shapes a claim can take; rules turn each on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
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
}

impl Pattern {
    pub const ALL: [Pattern; 6] = [
        Pattern::Appositive,
        Pattern::InCountry,
        Pattern::Comma,
        Pattern::AdjectiveCity,
        Pattern::RegionOf,
        Pattern::Parenthesis,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Pattern::Appositive => "appositive",
            Pattern::InCountry => "in-country",
            Pattern::Comma => "comma",
            Pattern::AdjectiveCity => "adjective-city",
            Pattern::RegionOf => "region-of",
            Pattern::Parenthesis => "parenthesis",
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
}

/// Words that name a kind of settlement or area in an appositive
/// ("Suwayda, a city …") or after a country adjective ("the Syrian city of").
const SETTLEMENT_WORDS: &[&str] = &[
    "city",
    "town",
    "village",
    "port",
    "capital",
    "suburb",
    "district",
    "province",
    "region",
    "state",
    "municipality",
    "county",
    "settlement",
    "resort",
    "enclave",
    "hamlet",
    "commune",
    "township",
    "governorate",
    "oasis",
    "metropolis",
    "borough",
    "island",
    "outpost",
    "stronghold",
];

/// Region type words after a name ("Idlib province", "Suwayda governorate").
const REGION_WORDS: &[&str] = &[
    "province",
    "governorate",
    "governate",
    "region",
    "state",
    "district",
    "oblast",
    "prefecture",
    "county",
    "department",
    "emirate",
    "canton",
    "voivodeship",
    "krai",
];

/// Lower-case particles inside place names ("Rio de Janeiro",
/// "Newcastle upon Tyne", "Frankfurt am Main").
const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el",
    "al", "ad", "as", "ash", "ar", "az", "ez", "es", "en", "van", "von", "der", "den", "ter",
    "upon", "am", "im", "an", "sur", "y", "bin", "ibn", "of",
];

/// Particles that never occur in running English, so a capitalised word
/// after them continues a name ("Rio de Janeiro", not "Syria of Assad").
const FOREIGN_PARTICLES: &[&str] = &[
    "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el",
    "al", "ad", "ar", "az", "ez", "ash", "van", "von", "der", "den", "ter", "sur", "bin", "ibn",
];

/// Prepositions that make "X, COUNTRY" read as a location.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "outside",
    "into",
    "around",
    "inside",
    "via",
    "across",
    "throughout",
    "towards",
    "toward",
    "to",
    "of",
];

/// Capitalised words that open a sentence before the place ("In Paris, …").
const OPENERS: &[&str] = &[
    "In", "At", "From", "Near", "Outside", "Inside", "Around", "To", "The", "And", "But", "Then",
];

/// Titles that make the run a person's name ("Mr Jordan", "President Paris").
const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Sir",
    "Lord",
    "Lady",
    "Dame",
    "President",
    "Prime",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sheikh",
    "General",
    "Gen",
    "Col",
    "Capt",
    "Judge",
    "Senator",
    "Sen",
    "Rep",
    "Governor",
    "Gov",
    "Mayor",
    "Chancellor",
    "Minister",
    "Secretary",
];

/// Lower-case words after "X, COUNTRY" that keep the location reading
/// ("in Bangkok, Thailand, on 3 February"; "in Paris, France last week").
const FOLLOWERS: &[&str] = &[
    "on",
    "in",
    "at",
    "last",
    "this",
    "next",
    "earlier",
    "later",
    "during",
    "where",
    "when",
    "before",
    "after",
    "until",
    "since",
    "for",
    "from",
    "between",
    "over",
    "yesterday",
    "today",
    "tomorrow",
    "to",
];

/// Words that may follow "a city" before the "in COUNTRY" of an
/// appositive ("a city with a high proportion of Druze in southern Syria").
/// Anything else ("a city official in Texas") ends the appositive.
const APPOSITIVE_GAP_OPENERS: &[&str] = &[
    "with",
    "of",
    "home",
    "known",
    "famous",
    "near",
    "close",
    "just",
    "located",
    "situated",
    "lying",
    "on",
    "some",
    "about",
    "around",
    "roughly",
    "populated",
    "inhabited",
    "mostly",
    "largely",
    "predominantly",
    "mainly",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "high",
    "deep",
    "far",
    "best",
];

/// Words that end an appositive gap: the "in COUNTRY" after them no
/// longer places the settlement ("a city whose people fled to camps in Jordan").
const APPOSITIVE_GAP_BLOCKERS: &[&str] = &[
    "to", "from", "by", "at", "for", "than", "like", "and", "or", "but", "who", "whose", "which",
    "that", "where", "when", "while", "after", "before", "since", "during", "said", "says", "told",
    "was", "were", "is", "are", "has", "have", "had", "been", "will", "would", "visited",
    "twinned", "compared",
];

/// Words that cannot sit between "X, a" and "city": the phrase is about
/// something else ("Fidelis Nanga, a journalist based in the … capital").
const MODIFIER_BREAKERS: &[&str] = &[
    "in", "of", "on", "at", "for", "from", "by", "to", "with", "based", "and", "or", "but", "who",
    "which", "that", "is", "was", "has", "had", "said",
];

fn is_particle(t: &Token) -> bool {
    t.is_word && NAME_PARTICLES.contains(&t.text)
}

/// A capitalised word, or a lower-case article joined to a capital
/// ("ez-Zor", "al-Sham").
fn is_name_word(t: &Token) -> bool {
    if t.is_capitalised() {
        return true;
    }
    t.is_word
        && t.text
            .split_once(['-', '‐'])
            .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_uppercase))
}

/// Possessive or plural endings make a country word something else
/// ("Syria's unity").
fn is_possessive(t: &Token) -> bool {
    t.text.ends_with("'s") || t.text.ends_with("’s") || t.text.ends_with("s'")
}

fn heading_of(word: &str) -> Option<Heading> {
    let w = word.to_ascii_lowercase().replace(['-', '‐'], "");
    let w = w.strip_prefix("far").unwrap_or(&w).to_string();
    let mut h = Heading::default();
    let rest = match w.as_str() {
        "central" | "centre" | "center" => {
            h.central = true;
            return Some(h);
        }
        _ => w
            .strip_suffix("ern")
            .or_else(|| w.strip_suffix("erly"))
            .unwrap_or(&w),
    };
    let mut rest = rest;
    for (prefix, flag) in [("north", 0), ("south", 1)] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r;
            if flag == 0 {
                h.north = true;
            } else {
                h.south = true;
            }
        }
    }
    match rest {
        "" => {}
        "east" => h.east = true,
        "west" => h.west = true,
        _ => return None,
    }
    (h != Heading::default()).then_some(h)
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

    /// The place name ending at token `end` (inclusive), walking left.
    /// A possessive may sit inside a name ("King's Lynn") but not end it.
    fn name_before(&self, end: usize) -> Option<NameRun> {
        let last = self.t.get(end)?;
        if !is_name_word(last) || is_possessive(last) {
            return None;
        }
        let mut start = end;
        while start > 0 && end - start < 5 {
            let prev = &self.t[start - 1];
            if is_name_word(prev) {
                start -= 1;
            } else if is_particle(prev) && start >= 2 && is_name_word(&self.t[start - 2]) {
                start -= 2;
            } else if prev.is_punct('.')
                && start >= 2
                && ["St", "Ste", "Mt", "Ft"].contains(&self.t[start - 2].text)
            {
                // "St. Louis"
                start -= 2;
            } else {
                break;
            }
        }
        // "Residents of Qardaha": keep "of" only inside a known name
        // ("Isle of Wight").
        if let Some(of) = (start..end).rev().find(|&k| self.t[k].is("of")) {
            if self.gaz.places_named(self.text(start, end + 1)).is_empty() {
                start = of + 1;
            }
        }
        self.trim_run(start, end + 1)
    }

    /// The place name starting at token `start`, walking right.
    fn name_after(&self, start: usize) -> Option<NameRun> {
        let first = self.t.get(start)?;
        if !first.is_capitalised() {
            return None;
        }
        let mut end = start + 1;
        while end - start < 6 && !self.t.get(end - 1).is_some_and(is_possessive) {
            match self.t.get(end) {
                Some(t) if is_name_word(t) => end += 1,
                Some(t) if is_particle(t) && self.t.get(end + 1).is_some_and(is_name_word) => {
                    end += 2
                }
                _ => break,
            }
        }
        self.trim_run(start, end)
    }

    /// Drops a sentence opener; rejects people's names ("Mr Jordan").
    fn trim_run(&self, mut start: usize, end: usize) -> Option<NameRun> {
        let mut opener = None;
        let sentence_start = self.t[..start].iter().all(|t| !t.is_word);
        if sentence_start && OPENERS.contains(&self.t[start].text) && end - start > 1 {
            opener = Some(start);
            start += 1;
        }
        if TITLES.contains(&self.t[start].text.trim_end_matches('.')) {
            return None;
        }
        // A particle may not start or end a name.
        if is_particle(&self.t[start]) || is_particle(&self.t[end - 1]) {
            return None;
        }
        Some(NameRun { start, end, opener })
    }

    fn place_text(&self, run: &NameRun) -> String {
        let s = self.text(run.start, run.end);
        s.strip_suffix("'s")
            .or_else(|| s.strip_suffix("’s"))
            .unwrap_or(s)
            .to_string()
    }

    /// A heading word at `i` ("southern", "north-eastern").
    fn heading_at(&self, i: usize) -> Option<HeadingMention> {
        let t = self.word_at(i)?;
        if t.is_capitalised() {
            return None;
        }
        heading_of(t.text).map(|heading| HeadingMention {
            heading,
            span: t.span.clone(),
            word: t.text.to_string(),
        })
    }

    /// A country or region named at token `i` (after an optional "the"),
    /// returning it and the index after it. The longest reading wins.
    fn target_at(&self, i: usize) -> Option<(Target, usize)> {
        let start = if self.word_at(i).is_some_and(|t| t.is("the")) {
            i + 1
        } else {
            i
        };
        let first = self.word_at(start)?;
        if !first.is_capitalised() {
            return None;
        }
        let mut best: Option<(Target, usize)> = None;
        for len in (1..=5).rev() {
            let end = start + len;
            if end > self.t.len() || !self.t[start..end].iter().all(|t| t.is_word) {
                continue;
            }
            let last = &self.t[end - 1];
            if !last.is_capitalised() || is_possessive(last) {
                continue;
            }
            let inner_ok = self.t[start..end]
                .iter()
                .all(|t| t.is_capitalised() || is_particle(t) || t.is("and"));
            if !inner_ok {
                continue;
            }
            let text = self.text(start, end);
            // "Idlib province", "Texas state": a region type word after the name.
            let typed_end = if self.is_word(end, REGION_WORDS)
                || self
                    .word_at(end)
                    .is_some_and(|t| REGION_WORDS.contains(&lower_case(t.text).as_ref()))
            {
                Some(end + 1)
            } else {
                None
            };
            if let Some(typed) = typed_end {
                let typed_text = self.text(start, typed);
                let regions = self.gaz.regions_named(typed_text);
                if !regions.is_empty() && self.ends_name(typed) {
                    return Some((
                        Target {
                            span: self.span(start, typed),
                            text: typed_text.to_string(),
                            country: None,
                            regions,
                            also: Vec::new(),
                            typed_region: true,
                        },
                        typed,
                    ));
                }
            }
            if !self.ends_name(end) {
                continue;
            }
            let country = self.gaz.country_named(text);
            let regions = self.gaz.regions_named(text);
            if country.is_none() && regions.is_empty() {
                continue;
            }
            best = Some((self.target(start, end, text, country, regions), end));
            break;
        }
        best
    }

    fn target(
        &self,
        start: usize,
        end: usize,
        text: &str,
        country: Option<Country>,
        regions: Vec<Region>,
    ) -> Target {
        let key = normalise(text);
        let key = key.strip_prefix("the ").unwrap_or(&key);
        // England, Scotland, Wales and Northern Ireland are GB's first-level
        // regions: "Cardiff, England" is a claim about the region.
        let constituent = ["england", "scotland", "wales", "northern ireland"].contains(&key);
        let (country, mut regions) = if constituent {
            let gb: Vec<Region> = regions.into_iter().filter(|r| r.country == "GB").collect();
            if gb.is_empty() {
                (country, gb)
            } else {
                (None, gb)
            }
        } else {
            (country, regions)
        };
        // "Ireland" may mean the island ("Belfast, Ireland").
        if key == "ireland" {
            regions.extend(self.northern_ireland());
        }
        Target {
            span: self.span(start, end),
            text: text.to_string(),
            country,
            regions,
            also: also_meant(key),
            typed_region: false,
        }
    }

    fn northern_ireland(&self) -> Vec<Region> {
        self.gaz
            .regions_named("Northern Ireland")
            .into_iter()
            .filter(|r| r.country == "GB")
            .collect()
    }

    /// True if no name continues at token `i` ("France Telecom", "Jordan Brown").
    fn ends_name(&self, i: usize) -> bool {
        match self.t.get(i) {
            None => true,
            Some(t) => {
                let continues = t.is_word
                    && FOREIGN_PARTICLES.contains(&t.text)
                    && self.t.get(i + 1).is_some_and(is_name_word);
                !(is_name_word(t) || continues)
            }
        }
    }

    /// A country adjective ("Syrian", "South Korean", "U.S.") spanning
    /// tokens `start..end`.
    fn adjective(&self, start: usize, end: usize) -> Option<Target> {
        if !self.t[start..end].iter().all(|t| t.is_capitalised()) {
            return None;
        }
        let text = self.text(start, end);
        let key = normalise(text);
        let constituent = match key.as_str() {
            "english" => Some("England"),
            "scottish" => Some("Scotland"),
            "welsh" => Some("Wales"),
            "northern irish" => Some("Northern Ireland"),
            _ => None,
        };
        if let Some(region) = constituent {
            let regions: Vec<Region> = self
                .gaz
                .regions_named(region)
                .into_iter()
                .filter(|r| r.country == "GB")
                .collect();
            return Some(Target {
                span: self.span(start, end),
                text: text.to_string(),
                country: None,
                regions,
                also: Vec::new(),
                typed_region: false,
            });
        }
        let country = self
            .gaz
            .country_by_adjective(text)
            .or_else(|| self.gaz.country_named(text))?;
        // "Irish" also covers Northern Ireland ("the Irish city of Belfast").
        let regions = if key == "irish" {
            self.northern_ireland()
        } else {
            Vec::new()
        };
        Some(Target {
            span: self.span(start, end),
            text: text.to_string(),
            country: Some(country),
            regions,
            also: also_meant(&key),
            typed_region: false,
        })
    }

    /// Whether what follows a claimed country keeps the location reading.
    /// `list_is_fatal`: "X, COUNTRY and …" reads as a list.
    fn follows_claim(
        &self,
        after: usize,
        list_is_fatal: bool,
        opener: bool,
        target: &Target,
    ) -> bool {
        self.follows(after, list_is_fatal, opener, false, target)
    }

    /// As `follows_claim`; `any_word`: a lower-case word after the country
    /// cannot make it the subject of a clause ("in Frankfurt in Germany
    /// have said"), so any may follow.
    fn follows(
        &self,
        after: usize,
        list_is_fatal: bool,
        opener: bool,
        any_word: bool,
        target: &Target,
    ) -> bool {
        let Some(next) = self.t.get(after) else {
            return true;
        };
        if next.is_word {
            if next.is("and") || next.is("or") {
                return !list_is_fatal && self.target_at(after + 1).is_none();
            }
            return any_word || (!opener && FOLLOWERS.contains(&next.text));
        }
        if !next.is_punct(',') {
            return !next.is_punct('&') && !next.is_punct('/');
        }
        // "in X, COUNTRY, COUNTRY and …" is a list of countries, and
        // "in Tokyo, Singapore, and Sydney" a list of cities.
        let mut y = after + 1;
        if self.word_at(y).is_some_and(|t| t.is("and") || t.is("or")) {
            y += 1;
        }
        if self.target_at(y).is_some_and(|(t, _)| t.country.is_some()) {
            return self.is_not_list(y);
        }
        if self.name_after(y).is_some() && is_city_state(self.gaz, target) {
            return false;
        }
        true
    }

    /// After "in X, C1, C2": a list unless no "and"/"or" closes it
    /// ("in Pattaya, Finland, Thailand, on Tuesday" is a location).
    fn is_not_list(&self, mut i: usize) -> bool {
        while let Some((_, end)) = self.target_at(i) {
            match self.t.get(end) {
                Some(t) if t.is_punct(',') => {
                    i = end + 1;
                    if self.word_at(i).is_some_and(|t| t.is("and") || t.is("or")) {
                        return false;
                    }
                }
                Some(t) if t.is("and") || t.is("or") => return false,
                _ => return true,
            }
        }
        true
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
        }
    }

    /// "[the] [heading] TARGET" at `i`.
    fn headed_target(&self, i: usize) -> Option<(Option<HeadingMention>, Target, usize)> {
        let j = if self.word_at(i).is_some_and(|t| t.is("the")) {
            i + 1
        } else {
            i
        };
        if let Some(h) = self.heading_at(j) {
            let (target, end) = self.target_at(j + 1)?;
            return Some((Some(h), target, end));
        }
        let (target, end) = self.target_at(i)?;
        Some((None, target, end))
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
                }
                self.comma(&run, i + 1, out);
            } else if tok.is("is") || tok.is("was") {
                if self.is_word(i + 1, &["a", "an", "the"]) {
                    if let Some(run) = before() {
                        self.appositive(&run, i + 2, out);
                    }
                }
            } else if tok.is("in") {
                if let Some(run) = before() {
                    self.in_country(&run, i + 1, out);
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
        }
    }

    /// True when the word before the name is a locative preposition, or a
    /// sentence opener ("In Paris, …") was dropped.
    fn locative_before(&self, run: &NameRun) -> bool {
        if let Some(o) = run.opener {
            return [
                "In", "At", "From", "Near", "Outside", "Inside", "Around", "To",
            ]
            .contains(&self.t[o].text);
        }
        if run.start == 0 || !self.is_word(run.start - 1, LOCATIVE) {
            return false;
        }
        // "residents of Qardaha, Syria", but not "Ronaldinho of Barcelona,
        // Brazil": "of" after a name is a club or a title.
        if self.t[run.start - 1].is("of") && run.start >= 2 {
            let head = &self.t[run.start - 2];
            let sentence_initial = self.t[..run.start - 2].iter().all(|t| !t.is_word);
            return !head.is_capitalised() || sentence_initial;
        }
        true
    }

    /// "the city of X": the framing names a place.
    fn framed_as_place(&self, run: &NameRun) -> bool {
        run.opener.is_none()
            && run.start >= 2
            && self.is_word(run.start - 1, &["of"])
            && self.is_word(run.start - 2, SETTLEMENT_WORDS)
    }

    /// "X, a [modifiers] city [gap] in [heading] TARGET", "X, the capital
    /// of TARGET", "X, a Syrian city".
    fn appositive(&self, run: &NameRun, k: usize, out: &mut Vec<Claim>) {
        // Modifiers up to the settlement word.
        let mut m = k;
        let mut adjective: Option<Target> = None;
        let mut heading = None;
        while m < self.t.len() && m - k < 4 {
            let t = &self.t[m];
            if !t.is_word {
                return;
            }
            if SETTLEMENT_WORDS.contains(&t.text) {
                break;
            }
            if MODIFIER_BREAKERS.contains(&t.text) {
                return;
            }
            if t.is_capitalised() {
                // A country adjective: the whole capitalised run ("Syrian",
                // "South Korean"; not "Latin American").
                let mut end = m + 1;
                while self.t.get(end).is_some_and(|t| t.is_capitalised()) {
                    end += 1;
                }
                adjective = self.adjective(m, end);
                if adjective.is_none() {
                    return;
                }
                m = end;
                continue;
            }
            if let Some(h) = self.heading_at(m) {
                heading = Some(h);
            }
            m += 1;
        }
        if !self.is_word(m, SETTLEMENT_WORDS) {
            return;
        }
        // "a port city": skip a second settlement word.
        if self.is_word(m + 1, SETTLEMENT_WORDS) {
            m += 1;
        }
        if let Some(adj) = adjective {
            out.push(self.claim(Pattern::Appositive, run, adj, heading.clone(), true));
            return;
        }
        // "the capital of Syria".
        if self.is_word(m + 1, &["of"]) {
            if let Some((h, target, end)) = self.headed_target(m + 2) {
                if self.follows_claim(end, false, false, &target) {
                    out.push(self.claim(Pattern::Appositive, run, target, h, true));
                }
                return;
            }
        }
        let mut g = m + 1;
        if !self.is_word(g, &["in"]) && !self.is_word(g, APPOSITIVE_GAP_OPENERS) {
            return;
        }
        while g < self.t.len() && g - m <= 10 {
            let t = &self.t[g];
            if !t.is_word || APPOSITIVE_GAP_BLOCKERS.contains(&t.text) {
                return;
            }
            if t.is("in") {
                if let Some((h, target, end)) = self.headed_target(g + 1) {
                    if self.follows_claim(end, false, false, &target) {
                        out.push(self.claim(Pattern::Appositive, run, target, h, true));
                    }
                    return;
                }
            }
            g += 1;
        }
    }

    /// "in X, [heading] TARGET" with a locative word before X, or "X,
    /// Idlib province" (a typed region needs no preposition).
    fn comma(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) {
        // "in Suwayda, in southern Syria, …"
        let comma_in = self.is_word(i, &["in"]);
        let i = if comma_in { i + 1 } else { i };
        let Some((heading, target, end)) = self.headed_target(i) else {
            return;
        };
        let typed_region = target.country.is_none()
            && self
                .t
                .get(end - 1)
                .is_some_and(|t| REGION_WORDS.contains(&lower_case(t.text).as_ref()));
        // "Suwayda, in southern Syria": the heading makes it geographic.
        let headed = comma_in && heading.is_some();
        if !self.locative_before(run) && !typed_region && !headed {
            return;
        }
        if !self.follows_claim(end, true, run.opener.is_some(), &target) {
            return;
        }
        let explicit = self.framed_as_place(run);
        out.push(self.claim(Pattern::Comma, run, target, heading, explicit));
    }

    /// "X in [the] heading TARGET", or "in X in [the] TARGET".
    fn in_country(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) {
        let Some((heading, target, end)) = self.headed_target(i) else {
            return;
        };
        let prep = self.locative_before(run)
            && !(run.start > 0 && self.is_word(run.start - 1, &["to", "of"]));
        if heading.is_none() && !prep {
            return;
        }
        if !self.follows(end, false, run.opener.is_some(), true, &target) {
            return;
        }
        let explicit = self.framed_as_place(run);
        out.push(self.claim(Pattern::InCountry, run, target, heading, explicit));
    }

    /// "X province of [heading] TARGET", "X governorate in TARGET".
    fn region_of(&self, run: &NameRun, type_word: usize, out: &mut Vec<Claim>) {
        let Some((heading, target, end)) = self.headed_target(type_word + 2) else {
            return;
        };
        if target.country.is_none() || !self.follows_claim(end, false, false, &target) {
            return;
        }
        let mut claim = self.claim(Pattern::RegionOf, run, target, heading, true);
        claim.place = format!("{} {}", claim.place, self.t[type_word].text);
        claim.place_is_region = true;
        out.push(claim);
    }

    /// "in X (TARGET)".
    fn parenthesis(&self, run: &NameRun, i: usize, out: &mut Vec<Claim>) {
        let Some((target, end)) = self.target_at(i) else {
            return;
        };
        // Only "in"/"at"/"near": "signed from Ajax (Holland)" names a club.
        let located =
            run.start > 0 && self.is_word(run.start - 1, &["in", "at", "near", "outside"]);
        if !self.t.get(end).is_some_and(|t| t.is_punct(')')) || !located {
            return;
        }
        let explicit = self.framed_as_place(run);
        out.push(self.claim(Pattern::Parenthesis, run, target, None, explicit));
    }

    /// "the [heading] ADJ city of X", "the ADJ capital[,] X".
    fn adjective_city(&self, i: usize, out: &mut Vec<Claim>) {
        let (heading, a) = match self.heading_at(i) {
            Some(h) => (Some(h), i + 1),
            None => (None, i),
        };
        for len in [2, 1] {
            let type_at = a + len;
            if type_at > self.t.len() || !self.is_word(type_at, SETTLEMENT_WORDS) {
                continue;
            }
            let Some(target) = self.adjective(a, type_at) else {
                continue;
            };
            let capital = self.is_word(type_at, &["capital"]);
            let of_or_comma = self.is_word(type_at + 1, &["of"])
                || (capital && self.t.get(type_at + 1).is_some_and(|t| t.is_punct(',')));
            let x = if of_or_comma {
                type_at + 2
            } else if capital {
                type_at + 1
            } else {
                return;
            };
            if let Some(run) = self.name_after(x) {
                if run.opener.is_none() {
                    out.push(self.claim(Pattern::AdjectiveCity, &run, target, heading, true));
                }
            }
            return;
        }
    }
}

/// Countries a name or adjective is also used for, beyond the one the
/// country table gives.
fn also_meant(key: &str) -> Vec<CountryCode> {
    const ALSO: &[(&str, &[&str])] = &[
        ("congo", &["CD", "CG"]),
        ("congolese", &["CD", "CG"]),
        ("korea", &["KP"]),
        ("macedonia", &["GR"]),
        ("macedonian", &["GR"]),
        ("dominican", &["DM"]),
        ("guinean", &["GQ", "GW", "PG"]),
        ("sudan", &["SS"]),
        ("sudanese", &["SS"]),
        ("azerbaijan", &["IR"]),
        ("azeri", &["IR"]),
        ("azerbaijani", &["IR"]),
        ("samoa", &["AS"]),
        ("samoan", &["AS"]),
        ("virgin islands", &["VI", "VG"]),
    ];
    ALSO.iter()
        .find(|(k, _)| *k == key)
        .map(|(_, codes)| codes.iter().filter_map(|c| CountryCode::new(c)).collect())
        .unwrap_or_default()
}

/// Evidence in another sentence that the text itself puts the place in
/// one of `countries`: a name for which `is_place` holds within a few
/// words of such a country ("Suwayda and its people are integral parts of
/// Syria"). Returns the span to label and the country as written.
pub(crate) fn find_evidence(
    doc: &Document,
    skip_sentence: usize,
    is_place: impl Fn(&str) -> bool,
    countries: &[crate::gazetteer::CountryCode],
) -> Option<(Range<usize>, String)> {
    const NEAR: usize = 12;
    const MAX_LABEL: usize = 120;
    for (index, sentence) in doc.sentences.iter().enumerate() {
        if index == skip_sentence {
            continue;
        }
        let tokens = tokenise(doc.slice(&sentence.span), sentence.span.start);
        let s = Scanner {
            doc,
            t: &tokens,
            sentence: index,
            gaz: Gazetteer::global(),
        };
        // Mentions of the right country first: they are rare, and only
        // names near one need a gazetteer lookup.
        let mentions: Vec<(usize, usize, Target)> = (0..tokens.len())
            .filter(|&j| tokens[j].is_capitalised())
            .filter_map(|j| s.target_at(j).map(|(t, end)| (j, end, t)))
            .filter(|(_, _, t)| {
                t.country
                    .is_some_and(|c| countries.contains(&super::lookup::sovereign(c.code)))
            })
            .collect();
        if mentions.is_empty() {
            continue;
        }
        for i in 0..tokens.len() {
            if i > 0 && is_name_word(&tokens[i - 1]) {
                continue;
            }
            let Some(run) = s.name_after(i) else {
                continue;
            };
            let near = mentions.iter().find(|(j, end, _)| {
                (*end <= run.start && run.start - end < NEAR)
                    || (*j >= run.end && j - run.end < NEAR)
            });
            let Some((_, _, target)) = near else {
                continue;
            };
            if !is_place(&s.place_text(&run)) {
                continue;
            }
            let place = s.span(run.start, run.end);
            let both = place.start.min(target.span.start)..place.end.max(target.span.end);
            let span = if both.len() <= MAX_LABEL {
                both
            } else {
                target.span.clone()
            };
            return Some((span, target.text.clone()));
        }
    }
    None
}

/// A country whose name is also a large city ("Singapore", "Kuwait"), so
/// it may be a list item rather than the city's country.
fn is_city_state(gaz: &Gazetteer, target: &Target) -> bool {
    let Some(country) = target.country else {
        return false;
    };
    gaz.places_named(&target.text)
        .iter()
        .any(|p| p.country == country.code && p.population >= 100_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        let h = heading_of("southern").expect("southern");
        assert!(h.south && !h.north && !h.east);
        let h = heading_of("north-eastern").expect("north-eastern");
        assert!(h.north && h.east);
        assert!(heading_of("southwest").is_some_and(|h| h.south && h.west));
        assert!(heading_of("central").is_some_and(|h| h.central));
        assert!(heading_of("Southern").is_some());
        assert!(heading_of("modern").is_none());
        assert!(heading_of("eastward").is_none());
    }
}
