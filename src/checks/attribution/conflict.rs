//! `attribution_conflict`: one quotation (or one sentence of it) given
//! to two speakers, and one person given two offices with no "former"
//! and no change explained.

use super::{closed_by_other, default_min_words, lower_case_lists, words};
use crate::checks::{Check, Kind, LoadContext};
use crate::diagnostic::Finding;
use crate::document::{Document, Entity, EntityKind, Mention};
use crate::rule_params;
use crate::source::LoadError;

pub const KIND: Kind = Kind {
    name: "attribution_conflict",
    fields: &["conflict"],
    build,
    summary: "one quotation given to two speakers, or one person two offices",
    params: crate::checks::params_schema::<Params>,
};

fn default_shared_words() -> usize {
    8
}

rule_params! {
    struct Params {
        /// Shortest quotation (or sentence of one) compared, in words.
        #[serde(default = "default_min_words")]
        min_quote_words: usize,
        /// Shortest run of words a longer quotation shares with an earlier
        /// one for the two to be one quotation.
        #[serde(default = "default_shared_words")]
        min_shared_words: usize,
        /// Words in either sentence that explain a change of office
        /// ("became", "appointed", "reshuffle").
        #[serde(default)]
        change_cues: Vec<String>,
    }
}

pub(super) struct Conflicts {
    params: Params,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let mut params: Params = ctx.params()?;
    lower_case_lists(&mut [&mut params.change_cues]);
    Ok(Box::new(Conflicts { params }))
}

impl Conflicts {
    /// (shortest quotation compared whole, shortest shared run), in words.
    pub(super) fn quote_lengths(&self) -> (usize, usize) {
        (self.params.min_quote_words, self.params.min_shared_words)
    }
}

impl Check for Conflicts {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        self.quote_conflicts(doc, out);
        closing_conflicts(doc, out);
        self.title_conflicts(doc, out);
        self.role_conflicts(doc, out);
        self.affiliation_conflicts(doc, out);
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let p = &self.params;
        vec![
            ("min-quote-words".into(), p.min_quote_words.to_string()),
            ("min-shared-words".into(), p.min_shared_words.to_string()),
            ("change-cues".into(), p.change_cues.join(", ")),
        ]
    }
}

impl Conflicts {
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
                let explained = past || self.change_between(doc, entity, first_mention, mention);
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

    /// The text marks the later mention's title as new or past, or says
    /// the person changed post: "became", "appointed" in either sentence,
    /// or right after a mention in between ("Safadi, who became Defence
    /// Minister").
    pub(super) fn change_between(
        &self,
        doc: &Document,
        entity: &Entity,
        first: &Mention,
        later: &Mention,
    ) -> bool {
        later
            .title
            .as_ref()
            .is_some_and(|t| t.is_new() || t.is_past())
            || self.change_explained(doc, later.span.start)
            || self.change_explained(doc, first.span.start)
            || entity
                .mentions
                .iter()
                .take_while(|m| m.span.start < later.span.start)
                .filter(|m| m.span.start > first.span.start)
                .any(|m| self.change_follows(doc, m.span.end))
    }

    /// One person given two leading roles that exclude each other
    /// ("BP chief executive Lord Browne" … "BP chairman Lord Browne",
    /// "Fiat chief executive" … "Fiat's finance director"), unless the
    /// text joins the two ("chairman and chief executive") or explains a
    /// change. Two capitalised offices are `title_conflicts`' to judge.
    fn role_conflicts(&self, doc: &Document, out: &mut Vec<Finding>) {
        // Lower-cased once, and only when two roles are compared.
        let text = std::cell::OnceCell::new();
        for entity in doc
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Organisation)
        {
            let roles: Vec<_> = entity
                .mentions
                .iter()
                .filter(|m| doc.slice(&m.span).contains(' '))
                .filter_map(|m| m.title.as_ref().and_then(|t| t.role().map(|r| (m, t, r))))
                .collect();
            let Some((first_mention, first_title, first_role)) = roles.first() else {
                continue;
            };
            let mut past = first_title.is_past();
            for (mention, title, role) in &roles[1..] {
                let offices = first_title.office().is_some() && title.office().is_some();
                let joined = |a: &str, b: &str| {
                    let text = text.get_or_init(|| doc.prose.to_lowercase());
                    text.contains(&format!("{a} and {b}")) || text.contains(&format!("{b} and {a}"))
                };
                let (a, b) = (first_role.words(), role.words());
                let conflict = !offices
                    && first_role.excludes(role)
                    && !joined(first_role.head, role.head)
                    && !joined(&a, &b)
                    && !past
                    && !self.change_between(doc, entity, first_mention, mention);
                past |= title.is_past();
                if !conflict {
                    continue;
                }
                out.push(
                    Finding::at(title.span.clone())
                        .field(
                            "conflict",
                            format!("{} is called {b} here but {a} earlier", entity.name),
                        )
                        .label(first_title.span.clone(), format!("called {a} here")),
                );
                break;
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
            let words = words(doc.slice(&doc.sentences[s].span));
            words.iter().enumerate().any(|(i, w)| {
                // "became chief executive", not "is becoming impatient".
                let becoming = w.starts_with("becom") || w == "became";
                self.params.change_cues.contains(w)
                    && (!becoming
                        || words
                            .iter()
                            .skip(i + 1)
                            .take(4)
                            .any(|n| crate::document::is_role_word(n)))
            })
        })
    }
}

/// A quotation opened as one person's words and closed as another's.
fn closing_conflicts(doc: &Document, out: &mut Vec<Finding>) {
    for q in &doc.quotes {
        let Some((opener, closer)) = closed_by_other(q) else {
            continue;
        };
        if same_speaker(&opener.name, &closer.name) {
            continue;
        }
        out.push(
            Finding::at(closer.span.clone())
                .field(
                    "conflict",
                    format!(
                        "this quotation is closed as {}'s words but opened as {}'s",
                        closer.name, opener.name
                    ),
                )
                .label(
                    opener.span.clone(),
                    format!("opened as {}'s words here", opener.name),
                )
                .label(q.span.clone(), "one quotation"),
        );
    }
}

/// "Mr Cable" and "Vince Cable" are one speaker; "a spokesman" and "the
/// spokesman" too.
pub(super) fn same_speaker(a: &str, b: &str) -> bool {
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
