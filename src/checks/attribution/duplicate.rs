//! `attribution_duplicate`: one statement given two attribution clauses,
//! whatever their verbs and order — "According to X, …, Y said", "X said
//! …, Y added", `X said: "…," Y said` — and one "according to X" repeated
//! at the end of the next sentence. A speaker citing a document or data
//! ("Mr Thomas said guidance said …", "…, according to figures") and a
//! relay through a medium ("…, according to the Interfax news agency",
//! "a transcript", "a memo") are one attribution, not two.

use super::{closed_by_other, ends_sentence, in_body, lower_case_lists, words};
use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::{Attribution, AttributionForm, Document};
use crate::rule_params;
use crate::source::LoadError;

pub const KIND: Kind = Kind {
    name: "attribution_duplicate",
    fields: &["clause", "other"],
    build,
    summary: "two attribution clauses for one statement",
    params: crate::checks::params_schema::<Params>,
};

rule_params! {
    struct Params {
        /// Words that make "according to …" a data source ("according to
        /// figures"), which a speaker may cite.
        #[serde(default)]
        data_sources: Vec<String>,
        /// Words that make "according to …" the medium that relayed an
        /// attribution ("news agency", "transcript", "memo").
        #[serde(default)]
        relays: Vec<String>,
        /// Verbs besides the neutral ones that report a statement
        /// ("reported", "announced", "confirmed").
        #[serde(default)]
        statement_verbs: Vec<String>,
        /// Words that may follow a closing attribution clause ("on
        /// Thursday", "in a statement").
        #[serde(default)]
        trailing_words: Vec<String>,
        /// Sources that wrote the document an "according to" names ("the
        /// researchers", "the authors"): crediting both is one statement
        /// attributed twice.
        #[serde(default)]
        document_authors: Vec<String>,
    }
}

struct Duplicates {
    params: Params,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let mut params: Params = ctx.params()?;
    lower_case_lists(&mut [
        &mut params.data_sources,
        &mut params.relays,
        &mut params.trailing_words,
        &mut params.statement_verbs,
        &mut params.document_authors,
    ]);
    Ok(Box::new(Duplicates { params }))
}

impl Check for Duplicates {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        self.duplicates(doc, out);
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let p = &self.params;
        vec![
            ("data-sources".into(), p.data_sources.join(", ")),
            ("relays".into(), p.relays.join(", ")),
            ("statement-verbs".into(), p.statement_verbs.join(", ")),
            ("trailing-words".into(), p.trailing_words.join(", ")),
            ("document-authors".into(), p.document_authors.join(", ")),
        ]
    }
}

impl Duplicates {
    fn is_data_source(&self, doc: &Document, a: &Attribution) -> bool {
        words(doc.slice(&a.source))
            .iter()
            .any(|w| self.params.data_sources.contains(w))
    }

    fn duplicates(&self, doc: &Document, out: &mut Vec<Finding>) {
        let mut by_sentence: Vec<Vec<&Attribution>> = Vec::new();
        for a in doc
            .attributions
            .iter()
            .filter(|a| in_body(doc, a) && (a.neutral || self.states(doc, a)))
        {
            if a.form == AttributionForm::Citing {
                continue;
            }
            let trailing = ends_sentence(doc, a.sentence, a.span.end);
            // Inside a quotation only a trailing "according to" is the
            // writer's, not the speaker's.
            if a.in_quote && !(a.form == AttributionForm::AccordingTo && trailing) {
                continue;
            }
            match by_sentence.last_mut() {
                Some(group) if group[0].sentence == a.sentence => group.push(a),
                _ => by_sentence.push(vec![a]),
            }
        }
        let mut previous_trailing: Option<&Attribution> = None;
        for group in &by_sentence {
            let according: Vec<&&Attribution> = group
                .iter()
                .filter(|a| a.form == AttributionForm::AccordingTo)
                .collect();
            for second in according.iter().skip(1) {
                out.push(self.duplicate(doc, second, according[0], "in the same sentence"));
            }
            let last = group[group.len() - 1];
            let trailing = self.closes_sentence(doc, last);
            let earlier = group.iter().find(|e| {
                e.span.end <= last.span.start
                    && !split_by_number(doc, e.span.end..last.span.start)
                    && if e.form == AttributionForm::AccordingTo {
                        according.len() == 1
                    } else {
                        // A clause of its own: opening the sentence (after
                        // "In a statement,") or set off by a comma, not
                        // "every time they wrote a song".
                        // A closing "according to" follows any clause.
                        !e.in_quote
                            && (last.form == AttributionForm::AccordingTo
                                || set_off(doc, e)
                                || opens_sentence(doc, e))
                    }
            });
            let relayed = self.is_relay(doc, last)
                || self.is_data_source(doc, last) && !self.second_author(doc, last, earlier)
                || earlier.is_some_and(|e| {
                    // A speaker citing a document ("guidance said …, Mr
                    // Thomas said") or what someone had said before, as a
                    // speaker reports it ("the barrister had said …, said
                    // Mr Clarke").
                    self.names_document(doc, e)
                        && !self.is_data_source(doc, last)
                        && !(e.form == AttributionForm::AccordingTo && self.wrote_it(doc, last))
                        || last.form != AttributionForm::AccordingTo
                            && ["had", "has", "have"]
                                .iter()
                                .any(|aux| preceded_by(doc, e.cue.start, aux))
                });
            if trailing && set_off(doc, last) && !relayed && !closes_for_other(doc, last) {
                if let Some(e) = earlier {
                    out.push(self.duplicate(doc, last, e, "in the same sentence"));
                } else if let Some(p) = previous_trailing.filter(|p| {
                    last.form == AttributionForm::AccordingTo
                        && p.sentence + 1 == last.sentence
                        && doc.sentences[p.sentence].block == doc.sentences[last.sentence].block
                        && words(doc.slice(&p.source)) == words(doc.slice(&last.source))
                }) {
                    out.push(self.duplicate(doc, last, p, "in the sentence before"));
                }
            }
            previous_trailing =
                (trailing && last.form == AttributionForm::AccordingTo && !relayed).then_some(last);
        }
    }

    /// Nothing but punctuation, a time ("on Thursday") or "in a statement"
    /// after the clause to the end of its sentence.
    fn closes_sentence(&self, doc: &Document, a: &Attribution) -> bool {
        if ends_sentence(doc, a.sentence, a.span.end) {
            return true;
        }
        let Some(rest) = doc
            .sentences
            .get(a.sentence)
            .and_then(|s| doc.prose.get(a.span.end..s.span.end))
        else {
            return false;
        };
        let rest = words(rest);
        rest.len() <= 4 && rest.iter().all(|w| self.params.trailing_words.contains(w))
    }

    /// A verb that reports a statement, as "said" does ("reported",
    /// "announced", "confirmed"), not one that characterises it.
    fn states(&self, doc: &Document, a: &Attribution) -> bool {
        a.form != AttributionForm::Participle
            && self
                .params
                .statement_verbs
                .contains(&doc.slice(&a.cue).to_lowercase())
    }

    /// "According to the NAO, …, the committee's report found": a document
    /// credited with a finding already credited to a source that is no data
    /// ("according to figures, …, the report found" is the report citing).
    fn second_author(
        &self,
        doc: &Document,
        last: &Attribution,
        earlier: Option<&&Attribution>,
    ) -> bool {
        last.form == AttributionForm::Verb
            && matches!(
                doc.slice(&last.cue).to_lowercase().as_str(),
                "found" | "finds"
            )
            && earlier.is_some_and(|e| {
                e.form == AttributionForm::AccordingTo
                    && (!self.names_document(doc, e) || authored(doc, e))
            })
    }

    /// "the researchers", "the study's authors": who wrote the document.
    fn wrote_it(&self, doc: &Document, a: &Attribution) -> bool {
        words(doc.slice(&a.source))
            .last()
            .is_some_and(|w| self.params.document_authors.contains(w))
    }

    /// The source's head noun is a document or data ("Government guidance").
    fn names_document(&self, doc: &Document, a: &Attribution) -> bool {
        words(doc.slice(&a.source))
            .last()
            .is_some_and(|w| self.params.data_sources.contains(w))
    }

    /// "according to the Interfax news agency / a transcript / a memo": the
    /// medium that carried an attribution, not a second source.
    fn is_relay(&self, doc: &Document, a: &Attribution) -> bool {
        words(doc.slice(&a.source))
            .iter()
            .any(|w| self.params.relays.contains(w))
    }

    fn duplicate(
        &self,
        doc: &Document,
        a: &Attribution,
        other: &Attribution,
        place: &str,
    ) -> Finding {
        Finding::at(a.span.clone())
            .field("clause", doc.slice(&a.span))
            .field("other", doc.slice(&other.span))
            .label(
                other.span.clone(),
                format!("already attributed {place} here"),
            )
    }
}

/// A closing attribution is set off from its statement by a comma, a dash
/// or a closing quotation mark (", he said"), unlike "anything he said".
fn set_off(doc: &Document, a: &Attribution) -> bool {
    doc.prose
        .get(..a.span.start)
        .and_then(|before| before.trim_end().chars().next_back())
        .is_some_and(|c| matches!(c, ',' | '"' | '”' | '’' | '\'' | '—' | '–' | '-'))
}

/// Nothing but an opening phrase set off by a comma ("In a statement,")
/// before the clause in its sentence.
fn opens_sentence(doc: &Document, a: &Attribution) -> bool {
    let Some(s) = doc.sentences.get(a.sentence) else {
        return false;
    };
    let before = doc.prose.get(s.span.start..a.span.start).unwrap_or("");
    !before.chars().any(char::is_alphanumeric)
}

/// A price or figure ending a sentence the splitter kept open ("costs
/// pounds 1.87. “Considering …"): the two clauses are in two sentences.
fn split_by_number(doc: &Document, between: std::ops::Range<usize>) -> bool {
    let text = doc.prose.get(between).unwrap_or("");
    let b = text.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b'.'
            && b[i - 1].is_ascii_digit()
            && b[i + 1] == b' '
            && !b[i + 2].is_ascii_lowercase()
    })
}

/// "according to the report by the FCC": a document whose author is named
/// right after it, so a second document is a second author.
fn authored(doc: &Document, a: &Attribution) -> bool {
    doc.prose
        .get(a.source.end..)
        .and_then(|after| after.split_whitespace().next())
        .is_some_and(|w| w.eq_ignore_ascii_case("by"))
}

/// The word right before `at` is `word`.
fn preceded_by(doc: &Document, at: usize, word: &str) -> bool {
    doc.prose
        .get(..at)
        .and_then(|before| before.split_whitespace().next_back())
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
}

/// The clause closes a quotation that another speaker opened: that is
/// `attribution_conflict`'s finding, not a second attribution of one.
fn closes_for_other(doc: &Document, a: &Attribution) -> bool {
    let i = doc.quotes.partition_point(|q| q.span.end <= a.span.start);
    i.checked_sub(1)
        .and_then(|i| doc.quotes.get(i))
        .is_some_and(|q| {
            q.closing
                .as_ref()
                .is_some_and(|c| c.speaker.span == a.source)
                && closed_by_other(q).is_some()
        })
}
