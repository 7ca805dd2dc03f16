//! Who says what: attribution clauses ("according to X", "X said", "said
//! X", "X told Y", "citing X"), the people and organisations a draft names
//! (with titles such as "Foreign Minister" or "US envoy"), short
//! references resolved to full names, and the speaker of each quotation.
//! Everything is computed once per document in a few linear passes.

mod affiliation;
mod clauses;
#[rustfmt::skip]
mod lexicon;
mod names;
mod roles;
mod speakers;
mod tokens;

use super::{Block, Quote, Sentence};
pub use affiliation::Affiliation;
use lexicon::Gender;
pub use roles::Role;
use std::ops::Range;
use tokens::{word, Token};

/// How a clause attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributionForm {
    /// "X said", "X told Reuters", "X has said".
    Verb,
    /// "said X" after a quotation or a comma.
    Inverted,
    /// "according to X".
    AccordingTo,
    /// "citing X": the source of a source, part of the clause before it.
    Citing,
    /// "…, saying": the sentence's subject speaks.
    Participle,
}

/// One attribution clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The whole clause: "according to Syria's state-run Ekhbariya TV",
    /// "Mr Cable told BBC News", "said Mr Gammage".
    pub span: Range<usize>,
    /// The verb or "according to".
    pub cue: Range<usize>,
    /// The source as written ("the TV source", "he", "Mr Cable"); empty
    /// when the text does not say (a participle whose subject is unclear).
    pub source: Range<usize>,
    /// The shape of the clause ("X said", "according to X", …).
    pub form: AttributionForm,
    /// A neutral verb (said, says, told, stated, added) or "according to":
    /// an unambiguous attribution, not an opinion verb.
    pub neutral: bool,
    /// Index into `Document::sentences`.
    pub sentence: usize,
    /// Who the source is: a resolved name ("Vince Cable" for "Mr Cable" or
    /// "he") or the phrase ("a spokesman"); None for an unresolved pronoun.
    pub speaker: Option<String>,
    /// Index into `Document::entities` when the source is a named entity.
    pub entity: Option<usize>,
    /// Inside a closed quotation: the quoted speaker's own words.
    pub in_quote: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
/// What a speaker is.
pub enum EntityKind {
    /// A named person.
    Person,
    /// A company, agency, party or government body.
    Organisation,
    /// Two or more capitalised words with no sign of what they name.
    Unknown,
}

/// A person or organisation named in the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The full name as first written ("Ahmed al-Sharaa").
    pub name: String,
    /// Person or organisation.
    pub kind: EntityKind,
    /// The gender the text implies, for pronoun links.
    pub gender: Gender,
    /// Every mention, in document order, short ones included.
    pub mentions: Vec<Mention>,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The name as written here ("al-Sharaa", "Tom Barrack").
    pub span: Range<usize>,
    /// The title or office written with the name, if any.
    pub title: Option<Title>,
    /// The parties, employers and roles written around the name.
    pub affiliations: Vec<Affiliation>,
}

/// A title or role written before a name.
#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    /// "Foreign Minister", "Mr", "US envoy".
    pub text: String,
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// Lower-case modifiers before it: "former", "interim", "new".
    pub modifiers: Vec<String>,
}

impl Title {
    /// The office this title names, as lower-case words without national
    /// or party qualifiers and with "minister" read as "secretary":
    /// "UK Chancellor" → {chancellor}, "Foreign Minister" → {foreign,
    /// secretary}. None for a role that is no office ("Mr", "US envoy").
    pub fn office(&self) -> Option<Vec<String>> {
        let words: Vec<&str> = self.text.split_whitespace().collect();
        let head = words.last()?;
        // "British foreign minister", "shadow home secretary": a cabinet
        // post written in lower case, with its portfolio.
        let lower_post = matches!(*head, "minister" | "secretary");
        if !lexicon::OFFICE_HEADS.contains(head) && !lower_post {
            return None;
        }
        let mut office: Vec<String> = words
            .iter()
            .filter(|w| {
                (tokens::is_capitalised(w) && !is_qualifier(w))
                    || lower_post && (*w == head || lexicon::PORTFOLIOS.contains(w))
            })
            .map(|w| match w.to_lowercase().as_str() {
                "minister" => "secretary".to_string(),
                other => other.to_string(),
            })
            .collect();
        office.sort();
        office.dedup();
        Some(office)
    }

    /// "former", "ex", "then": the title is past.
    pub fn is_past(&self) -> bool {
        self.modifiers
            .iter()
            .any(|m| lexicon::PAST_MODIFIERS.contains(&m.as_str()))
    }

    /// "new", "incoming", "now": the title is a change.
    pub fn is_new(&self) -> bool {
        self.modifiers
            .iter()
            .any(|m| lexicon::NEW_MODIFIERS.contains(&m.as_str()))
    }
}

/// Words that say whose office, not which: "UK", "British", "Labour".
fn is_qualifier(word: &str) -> bool {
    const PARTIES: &[&str] = &[
        "Labour",
        "Tory",
        "Conservative",
        "Democrat",
        "Democratic",
        "Republican",
        "Liberal",
        "Green",
        "Party",
        "Dem",
        "Lib",
        "Government",
    ];
    names::is_acronym(word)
        || PARTIES.contains(&word)
        || ["ish", "ian", "ese", "an", "i"]
            .iter()
            .any(|suffix| word.len() > suffix.len() + 2 && word.ends_with(suffix))
            && !lexicon::OFFICE_HEADS.contains(&word)
}

pub use lexicon::Gender as SpeakerGender;

/// A verb or participle that reports speech ("said", "remarks", "asking").
pub fn is_speech_word(lower: &str) -> bool {
    lexicon::is_speech_verb(lower)
        || lexicon::is_participle(lower)
        || matches!(
            lower,
            "according"
                | "asking"
                | "remarks"
                | "points"
                | "pointing"
                | "pointed"
                | "reveals"
                | "quoted"
                | "statement"
                | "interview"
                | "citing"
                | "calling"
                | "called"
                | "describing"
                | "adds"
                | "asks"
                | "answers"
                | "answered"
                | "recalls"
                | "admits"
                | "insists"
                | "argues"
        )
}

/// A lower-case word naming a role or post ("minister", "striker").
pub fn is_role_word(lower: &str) -> bool {
    lexicon::is_role_noun(lower) || lexicon::TITLE_HEADS.contains(&lower)
}

/// A capitalised word that is a title, honorific or sentence opener, not
/// a first name ("Mr", "President", "Foreign", "The").
pub fn is_title_word(word: &str) -> bool {
    lexicon::honorific_gender(word).is_some()
        || lexicon::is_title_head_or_not_name(word)
        || lexicon::is_role_noun(&super::lower_case(word))
        || names::is_acronym(word)
}

/// What the analysis adds to a document.
pub(super) struct Analysis {
    pub attributions: Vec<Attribution>,
    pub entities: Vec<Entity>,
}

pub(super) fn analyse(
    prose: &str,
    blocks: &[Block],
    sentences: &[Sentence],
    quotes: &mut [Quote],
) -> Analysis {
    let tokens = tokens::tokenize(prose, sentences);
    let sentence_tokens = ranges_by_sentence(&tokens, sentences.len());
    let runs = names::runs(prose, &tokens);
    let (mut entities, run_entity) = names::entities(prose, &tokens, &runs);
    let resolver = Resolver {
        prose,
        tokens: &tokens,
        runs: &runs,
        run_entity: &run_entity,
        sentence_tokens: &sentence_tokens,
    };
    let mut attributions = Vec::new();
    let mut pronouns = Vec::new();
    for (index, range) in sentence_tokens.iter().enumerate() {
        for clause in clauses::in_sentence(prose, &tokens, range.clone()) {
            let (speaker, entity, pronoun) = resolver.source(&clause, range);
            if let Some(gender) = pronoun {
                pronouns.push((attributions.len(), gender));
            }
            attributions.push(Attribution {
                span: resolver.span(&clause.clause),
                cue: resolver.span(&clause.cue),
                source: resolver.span_or_empty(&clause.source),
                form: clause.form,
                neutral: clause.neutral,
                sentence: index,
                speaker,
                entity,
                in_quote: false,
            });
        }
    }
    // The named subject of a speech verb is a person, unless an organisation.
    for a in &attributions {
        if let Some(e) = a.entity.and_then(|e| entities.get_mut(e)) {
            if e.kind == EntityKind::Unknown && a.form != AttributionForm::AccordingTo {
                e.kind = EntityKind::Person;
            }
        }
    }
    resolve_pronouns(&mut attributions, &mut entities, &pronouns, &resolver);
    mark_in_quote(&mut attributions, quotes);
    speakers::assign(prose, blocks, sentences, &attributions, quotes);
    describe_people(prose, sentences, &mut entities);
    Analysis {
        attributions,
        entities,
    }
}

/// The parties, employers and roles written around each person's mentions.
fn describe_people(prose: &str, sentences: &[Sentence], entities: &mut [Entity]) {
    for entity in entities
        .iter_mut()
        .filter(|e| e.kind != EntityKind::Organisation)
    {
        for m in &mut entity.mentions {
            let i = sentences.partition_point(|s| s.span.end <= m.span.start);
            let Some(sentence) = sentences.get(i) else {
                continue;
            };
            let title = m.title.as_ref().map(|t| (&t.span, t.modifiers.as_slice()));
            m.affiliations = affiliation::around(prose, &sentence.span, &m.span, title);
        }
    }
}

fn ranges_by_sentence(tokens: &[Token], n: usize) -> Vec<Range<usize>> {
    let mut ranges = vec![0..0; n];
    let mut k = 0;
    while k < tokens.len() {
        let s = tokens[k].sentence;
        let start = k;
        while k < tokens.len() && tokens[k].sentence == s {
            k += 1;
        }
        if let Some(r) = ranges.get_mut(s) {
            *r = start..k;
        }
    }
    // Sentences without words get an empty range at the right place.
    let mut last = 0;
    for r in &mut ranges {
        if r.start == r.end {
            *r = last..last;
        } else {
            last = r.end;
        }
    }
    ranges
}

struct Resolver<'a> {
    prose: &'a str,
    tokens: &'a [Token],
    runs: &'a [names::NameRun],
    run_entity: &'a [Option<usize>],
    sentence_tokens: &'a [Range<usize>],
}

impl Resolver<'_> {
    fn span(&self, range: &Range<usize>) -> Range<usize> {
        self.tokens[range.start].span.start..self.tokens[range.end - 1].span.end
    }

    fn span_or_empty(&self, range: &Range<usize>) -> Range<usize> {
        if range.is_empty() {
            let at = self.tokens.get(range.start).map_or(0, |t| t.span.start);
            at..at
        } else {
            self.span(range)
        }
    }

    /// Speaker name, entity and pronoun gender of a clause's source.
    fn source(
        &self,
        clause: &clauses::Clause,
        sentence: &Range<usize>,
    ) -> (Option<String>, Option<usize>, Option<Gender>) {
        let mut source = clause.source.clone();
        if clause.form == AttributionForm::Participle {
            // "…, saying": the sentence's subject, when it opens the sentence.
            match self.subject_of(sentence) {
                Some(s) => source = s,
                None => return (None, None, None),
            }
        }
        if source.is_empty() {
            return (None, None, None);
        }
        if source.len() == 1 {
            let w = word(self.prose, &self.tokens[source.start]).to_lowercase();
            if let Some(g) = lexicon::pronoun_gender(&w) {
                return (None, None, Some(g));
            }
        }
        let text = self.prose[self.span(&source)].to_string();
        // "a spokesman for Tony Blair" speaks, not Tony Blair.
        let represented = source.clone().any(|k| {
            let w = word(self.prose, &self.tokens[k]).to_lowercase();
            matches!(w.as_str(), "for" | "of" | "at" | "to")
        });
        if represented {
            return (Some(text), None, None);
        }
        match self.run_ending_at(source.end) {
            Some(r) if self.runs[r].name.start >= source.start => {
                let entity = self.run_entity[r];
                let name = entity.map_or_else(
                    || self.prose[self.span(&self.runs[r].name)].to_string(),
                    |_| String::new(),
                );
                (Some(name), entity, None)
            }
            _ => (Some(text), None, None),
        }
    }

    /// The run whose name ends just before token `end`.
    fn run_ending_at(&self, end: usize) -> Option<usize> {
        let i = self.runs.partition_point(|r| r.name.end < end);
        (i < self.runs.len() && self.runs[i].name.end == end).then_some(i)
    }

    /// A pronoun or a name that opens the sentence.
    fn subject_of(&self, sentence: &Range<usize>) -> Option<Range<usize>> {
        let mut first = sentence.start;
        if first >= sentence.end {
            return None;
        }
        // "But he …", "And Mr Smith …".
        let opener = word(self.prose, &self.tokens[first]).to_lowercase();
        if matches!(opener.as_str(), "but" | "and" | "yet" | "so") && first + 1 < sentence.end {
            first += 1;
        }
        let w = word(self.prose, &self.tokens[first]).to_lowercase();
        if lexicon::pronoun_gender(&w).is_some() {
            return Some(first..first + 1);
        }
        let i = self.runs.partition_point(|r| r.name.end <= first);
        let run = self.runs.get(i)?;
        let opens = run
            .title
            .as_ref()
            .map_or(run.name.start, |t| t.start.min(run.name.start));
        (opens < first + 3 && run.name.end <= sentence.end).then(|| run.name.clone())
    }
}

/// "he said" → the last named person before it whose gender fits. Named
/// attribution sources and names opening a sentence are the candidates.
fn resolve_pronouns(
    attributions: &mut [Attribution],
    entities: &mut [Entity],
    pronouns: &[(usize, Gender)],
    resolver: &Resolver,
) {
    fill_speaker_names(attributions, entities);
    if pronouns.is_empty() {
        return;
    }
    // Candidates in document order: (position, entity).
    let mut candidates: Vec<(usize, usize)> = attributions
        .iter()
        .filter_map(|a| a.entity.map(|e| (a.source.start, e)))
        .collect();
    for range in resolver.sentence_tokens {
        if let Some(subject) = resolver.subject_of(range) {
            if let Some(r) = resolver.run_ending_at(subject.end) {
                if let Some(e) = resolver.run_entity[r] {
                    candidates.push((resolver.span(&subject).start, e));
                }
            }
        }
    }
    candidates.retain(|(_, e)| entities[*e].kind == EntityKind::Person);
    candidates.sort_unstable();
    for &(index, gender) in pronouns {
        if matches!(gender, Gender::Unknown) {
            // they / it / I / we: not resolved.
            continue;
        }
        let at = attributions[index].source.start;
        let before = candidates.partition_point(|(p, _)| *p < at);
        let found = candidates[..before].iter().rev().take(8).find(|(_, e)| {
            let g = entities[*e].gender;
            g == Gender::Unknown || g == gender
        });
        if let Some(&(_, e)) = found {
            if entities[e].gender == Gender::Unknown {
                entities[e].gender = gender;
            }
            attributions[index].entity = Some(e);
        }
    }
    fill_speaker_names(attributions, entities);
}

fn fill_speaker_names(attributions: &mut [Attribution], entities: &[Entity]) {
    for a in attributions.iter_mut() {
        if let Some(e) = a.entity {
            if a.speaker.as_deref().is_none_or(str::is_empty) {
                a.speaker = Some(entities[e].name.clone());
            }
        }
    }
}

/// Marks clauses inside a closed quotation.
fn mark_in_quote(attributions: &mut [Attribution], quotes: &[Quote]) {
    let closed: Vec<&Range<usize>> = quotes
        .iter()
        .filter(|q| q.closed)
        .map(|q| &q.inner)
        .collect();
    for a in attributions {
        let i = closed.partition_point(|q| q.start <= a.cue.start);
        a.in_quote = closed[..i]
            .iter()
            .rev()
            .take(4)
            .any(|q| q.start <= a.cue.start && a.cue.end <= q.end);
    }
}

#[cfg(test)]
mod tests;
