//! `attribution`: who-said-what errors, over the attribution clauses,
//! entities and quote speakers the document model extracts.
//! `finds: duplicate` — two attribution clauses for one statement in one
//! sentence, or one "according to X" repeated in the next sentence;
//! `finds: conflict` — one quotation given to two speakers, one person
//! given two offices; `finds: missing` — a quotation nobody is said to say.

use super::{Check, Kind};
use crate::checks::LoadContext;
use crate::diagnostic::Finding;
use crate::document::{
    is_speech_word, lower_case, Attribution, BlockKind, Document, EntityKind, Quote,
};
use crate::rule_params;
use crate::source::LoadError;
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

mod duplicates;

pub const KIND: Kind = Kind {
    name: "attribution",
    fields: &["clause", "other", "conflict", "quote"],
    build,
    summary: "duplicate, conflicting or missing attributions",
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
enum Finds {
    Duplicate,
    Conflict,
    Missing,
}

impl Finds {
    fn name(self) -> &'static str {
        match self {
            Finds::Duplicate => "duplicate",
            Finds::Conflict => "conflict",
            Finds::Missing => "missing",
        }
    }
}

fn default_min_words() -> usize {
    4
}

rule_params! {
    struct Params {
        /// What the rule looks for: duplicate, conflict or missing.
        finds: Finds,
        /// duplicate: words that make "according to …" a data source
        /// ("according to figures"), which a speaker may cite.
        #[serde(default)]
        data_sources: Vec<String>,
        /// duplicate: words that make "according to …" the medium that
        /// relayed an attribution ("news agency", "transcript", "memo").
        #[serde(default)]
        relays: Vec<String>,
        /// duplicate: verbs besides the neutral ones that report a
        /// statement ("reported", "announced", "confirmed").
        #[serde(default)]
        statement_verbs: Vec<String>,
        /// duplicate: words that may follow a closing attribution clause
        /// ("on Thursday", "in a statement").
        #[serde(default)]
        trailing_words: Vec<String>,
        /// conflict / missing: shortest quotation compared or required to
        /// have a speaker, in words.
        #[serde(default = "default_min_words")]
        min_quote_words: usize,
        /// conflict: words in either sentence that explain a change of
        /// office ("became", "appointed", "reshuffle").
        #[serde(default)]
        change_cues: Vec<String>,
    }
}

struct AttributionCheck {
    params: Params,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let mut params: Params = ctx.params()?;
    for list in [
        &mut params.data_sources,
        &mut params.change_cues,
        &mut params.relays,
        &mut params.trailing_words,
        &mut params.statement_verbs,
    ] {
        for w in list.iter_mut() {
            *w = w.to_lowercase();
        }
    }
    Ok(Box::new(AttributionCheck { params }))
}

impl Check for AttributionCheck {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        match self.params.finds {
            Finds::Duplicate => self.duplicates(doc, out),
            Finds::Conflict => {
                self.quote_conflicts(doc, out);
                self.title_conflicts(doc, out);
            }
            Finds::Missing => self.missing(doc, out),
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let p = &self.params;
        vec![
            ("finds".into(), p.finds.name().into()),
            ("data-sources".into(), p.data_sources.join(", ")),
            ("min-quote-words".into(), p.min_quote_words.to_string()),
            ("change-cues".into(), p.change_cues.join(", ")),
            ("relays".into(), p.relays.join(", ")),
            ("statement-verbs".into(), p.statement_verbs.join(", ")),
            ("trailing-words".into(), p.trailing_words.join(", ")),
        ]
    }
}

/// Lower-case words of a text.
fn words(text: &str) -> Vec<String> {
    raw_words(text).map(str::to_lowercase).collect()
}

/// The words of `text` as written.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
}

fn in_body(doc: &Document, a: &Attribution) -> bool {
    doc.kind_at(a.span.start) == BlockKind::Paragraph
}

/// Nothing but punctuation and closing marks from `at` to the end of the
/// sentence.
fn ends_sentence(doc: &Document, sentence: usize, at: usize) -> bool {
    doc.sentences
        .get(sentence)
        .and_then(|s| doc.prose.get(at..s.span.end))
        .is_some_and(|rest| !rest.chars().any(char::is_alphanumeric))
}

impl AttributionCheck {
    fn is_data_source(&self, doc: &Document, a: &Attribution) -> bool {
        words(doc.slice(&a.source))
            .iter()
            .any(|w| self.params.data_sources.contains(w))
    }

    /// One quotation (or one sentence of it) given to two speakers.
    fn quote_conflicts(&self, doc: &Document, out: &mut Vec<Finding>) {
        let mut seen: HashMap<Vec<String>, &Quote> = HashMap::default();
        for q in doc.quotes.iter().filter(|q| q.closed) {
            let Some(speaker) = &q.speaker else {
                continue;
            };
            let mut reported = false;
            for piece in pieces(doc.slice(&q.inner)) {
                if piece.len() < self.params.min_quote_words {
                    continue;
                }
                match seen.get(&piece) {
                    Some(first) if !reported => {
                        let Some(earlier) = &first.speaker else {
                            continue;
                        };
                        if same_speaker(&earlier.name, &speaker.name) {
                            continue;
                        }
                        reported = true;
                        out.push(
                            Finding::at(speaker.span.clone())
                                .field(
                                    "conflict",
                                    format!(
                                        "this quotation is attributed to {} here but to {} earlier",
                                        speaker.name, earlier.name
                                    ),
                                )
                                .label(
                                    first.span.clone(),
                                    format!("quoted as {}'s here", earlier.name),
                                )
                                .label(q.span.clone(), "the same words"),
                        );
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(piece, q);
                    }
                }
            }
        }
    }

    /// One person given two different offices, with no "former" and no
    /// change explained in either sentence.
    fn title_conflicts(&self, doc: &Document, out: &mut Vec<Finding>) {
        for entity in doc
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Organisation)
        {
            let titled: Vec<_> = entity
                .mentions
                .iter()
                .filter(|m| doc.slice(&m.span).contains(' '))
                .filter_map(|m| m.title.as_ref().and_then(|t| t.office().map(|o| (m, t, o))))
                .collect();
            // Distinct offices seen so far, so each mention is compared
            // with a handful of offices, not with every earlier mention.
            let mut offices: Vec<&Vec<String>> = Vec::new();
            let mut past_before = false;
            for (i, (mention, title, office)) in titled.iter().enumerate() {
                let compatible = offices
                    .iter()
                    .any(|o| subset(o, office) || subset(office, o));
                let past = past_before;
                past_before |= title.is_past();
                if !offices.contains(&office) {
                    offices.push(office);
                }
                let Some((first_mention, first_title, _)) = titled[..i].first() else {
                    continue;
                };
                let explained = title.is_new()
                    || title.is_past()
                    || past
                    || self.change_explained(doc, mention.span.start)
                    || self.change_explained(doc, first_mention.span.start)
                    // A mention in between may explain it: "Safadi, who
                    // became Defence Minister".
                    || entity
                        .mentions
                        .iter()
                        .take_while(|m| m.span.start < mention.span.start)
                        .filter(|m| m.span.start > first_mention.span.start)
                        .any(|m| self.change_follows(doc, m.span.end));
                if compatible || explained {
                    continue;
                }
                out.push(
                    Finding::at(title.span.clone())
                        .field(
                            "conflict",
                            format!(
                                "{} is called {} here but {} earlier",
                                entity.name, title.text, first_title.text
                            ),
                        )
                        .label(
                            first_title.span.clone(),
                            format!("called {} here", first_title.text),
                        ),
                );
            }
        }
    }

    /// A change cue among the few words after `offset`.
    fn change_follows(&self, doc: &Document, offset: usize) -> bool {
        let rest = doc.prose.get(offset..).unwrap_or("");
        let window: String = rest.chars().take(40).collect();
        words(&window)
            .iter()
            .take(4)
            .any(|w| self.params.change_cues.contains(w))
    }

    fn change_explained(&self, doc: &Document, offset: usize) -> bool {
        doc.sentence_at(offset).is_some_and(|s| {
            words(doc.slice(&doc.sentences[s].span))
                .iter()
                .any(|w| self.params.change_cues.contains(w))
        })
    }

    /// A quotation with no speaker and no attribution in its paragraph or
    /// the one before.
    fn missing(&self, doc: &Document, out: &mut Vec<Finding>) {
        // Once a paragraph, so the cost stays linear in the text.
        let speaks: Vec<bool> = doc
            .blocks
            .iter()
            .map(|b| raw_words(doc.slice(&b.span)).any(|w| is_speech_word(&lower_case(w))))
            .collect();
        for q in doc
            .quotes
            .iter()
            .filter(|q| !q.nested && q.speaker.is_none())
        {
            if doc
                .blocks
                .get(q.block)
                .is_none_or(|b| b.kind != BlockKind::Paragraph)
            {
                continue;
            }
            let text = doc.slice(&q.inner);
            let n = text.split_whitespace().count();
            // "Action Plan for the Development of Italy": a title.
            let is_title = text.split_whitespace().all(|w| {
                w.chars().next().is_some_and(|c| !c.is_lowercase())
                    || matches!(
                        w,
                        "of" | "the" | "for" | "and" | "a" | "an" | "in" | "on" | "to"
                    )
            });
            if n < self.params.min_quote_words.max(3) || is_title {
                continue;
            }
            // Any word of speech in the paragraph or the one before may
            // attribute it in a way the clause finder does not read
            // ("he is seen asking", "points out the coach").
            let first_block = q.block.saturating_sub(1);
            let paragraph = doc.slice(&doc.blocks[q.block].span).trim_start();
            // List items quote documents; ": " opens an interview answer.
            let listed = paragraph.starts_with(['-', '*', '•', ':']);
            if listed || speaks[first_block..=q.block].iter().any(|&s| s) {
                continue;
            }
            let preview: String = text
                .split_whitespace()
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Finding::at(q.span.clone()).field("quote", preview));
        }
    }
}

/// The sentences of a quotation as word lists (the whole quotation too,
/// when it is one sentence), so a repeated sentence of a longer quotation
/// is found without comparing every pair.
fn pieces(text: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = text
        .split_inclusive(['.', '!', '?'])
        .map(words)
        .filter(|w| !w.is_empty())
        .collect();
    let whole = words(text);
    if out.len() != 1 && !whole.is_empty() {
        out.push(whole);
    }
    out
}

/// "Mr Cable" and "Vince Cable" are one speaker; "a spokesman" and "the
/// spokesman" too.
fn same_speaker(a: &str, b: &str) -> bool {
    let strip = |s: &str| -> Vec<String> {
        words(s)
            .into_iter()
            .filter(|w| {
                !matches!(
                    w.as_str(),
                    "the" | "a" | "an" | "mr" | "mrs" | "ms" | "dr" | "miss" | "sir"
                )
            })
            .collect()
    };
    let (a, b) = (strip(a), strip(b));
    a == b || a.ends_with(&b) || b.ends_with(&a)
}

fn subset(a: &[String], b: &[String]) -> bool {
    a.iter().all(|w| b.contains(w))
}
