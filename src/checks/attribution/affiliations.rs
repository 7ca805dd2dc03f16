//! One person described two incompatible ways anywhere in the text: two
//! parties ("Lib Dem MP Lembit Opik" … "Labour MP Lembit Opik"), two
//! clubs or employers for a post held at one ("Arsenal striker" … "the
//! Chelsea striker"), or two leading posts at one organisation
//! ("chairman of Sunderland FC" … "Sunderland chief executive"). A past
//! description ("former"), a change the text states ("defected",
//! "joined", "appointed") and a national side ("England striker") pass.

use super::conflict::Conflicts;
use crate::diagnostic::Finding;
use crate::document::{Affiliation, Document, Entity, EntityKind, Mention};
use crate::gazetteer::Gazetteer;
use std::cell::OnceCell;

/// Posts a person holds at one organisation at a time.
const ONE_EMPLOYER: &[&str] = &[
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
    "captain",
    "manager",
    "coach",
    "editor",
    "chairman",
    "chairwoman",
    "executive",
    "boss",
];

/// Sides a player or coach represents beside a club.
const NATIONAL_SIDES: &[&str] = &[
    "england",
    "scotland",
    "wales",
    "ireland",
    "northern",
    "international",
    "national",
    "olympic",
    "lions",
];

impl Conflicts {
    pub(super) fn affiliation_conflicts(&self, doc: &Document, out: &mut Vec<Finding>) {
        // Lower-cased once, and only when two descriptions are compared.
        let lower = OnceCell::new();
        let text = || lower.get_or_init(|| doc.prose.to_lowercase()).as_str();
        for entity in doc.entities.iter().filter(|e| e.kind == EntityKind::Person) {
            let described: Vec<(&Mention, &Affiliation)> = entity
                .mentions
                .iter()
                .flat_map(|m| m.affiliations.iter().map(move |a| (m, a)))
                .collect();
            // Every later description against the first of each kind: a
            // handful per person, so the pass stays linear in mentions.
            let first_party = described.iter().find(|(_, a)| a.party.is_some());
            let first_post = described
                .iter()
                .find(|(_, a)| a.role.is_some() && !a.organisation.is_empty());
            for (mention, a) in &described {
                if a.past {
                    continue;
                }
                if let Some((m0, a0)) = first_party {
                    if a0.span.start < a.span.start
                        && !a0.past
                        && a.party.is_some()
                        && a0.party != a.party
                        && !self.change_between(doc, entity, m0, mention)
                    {
                        push(out, finding(doc, entity, a, a0, "two parties"));
                        break;
                    }
                }
                if let Some((m0, a0)) = first_post {
                    if a0.span.start < a.span.start
                        && !a0.past
                        && !self.change_between(doc, entity, m0, mention)
                    {
                        if let Some(reason) = post_conflict(&text, a0, a) {
                            push(out, finding(doc, entity, a, a0, reason));
                            break;
                        }
                    }
                }
            }
        }
    }
}

fn finding(
    doc: &Document,
    entity: &Entity,
    a: &Affiliation,
    first: &Affiliation,
    reason: &str,
) -> Finding {
    let (now, was) = (doc.slice(&a.span).trim(), doc.slice(&first.span).trim());
    Finding::at(a.span.clone())
        .field(
            "conflict",
            format!(
                "{} is called “{now}” here but “{was}” earlier: {reason}",
                entity.name
            ),
        )
        .label(first.span.clone(), format!("called “{was}” here"))
}

/// A finding unless another pass already reported this span.
fn push(out: &mut Vec<Finding>, finding: Finding) {
    let overlapping = out
        .iter()
        .any(|f| f.span.start < finding.span.end && finding.span.start < f.span.end);
    if !overlapping {
        out.push(finding);
    }
}

/// Two posts that one person cannot hold at once: the same kind of post
/// at two organisations, or two leading posts at one.
fn post_conflict<'t>(
    text: &dyn Fn() -> &'t str,
    first: &Affiliation,
    later: &Affiliation,
) -> Option<&'static str> {
    let (r0, r1) = (first.role.as_deref()?, later.role.as_deref()?);
    if later.organisation.is_empty() {
        // "The head of St Fintian's, Richard Fogarty" … "deputy head
        // Richard Fogarty": a post and its deputy's, wherever held.
        let (l0, l1) = (first.leading.as_ref()?, later.leading.as_ref()?);
        return (l0.head == l1.head && l0.deputy != l1.deputy).then_some("a post and its deputy's");
    }
    let same_org = subset(&first.organisation, &later.organisation)
        || one_name(text(), &first.organisation, &later.organisation);
    if same_org {
        let (l0, l1) = (first.leading.as_ref()?, later.leading.as_ref()?);
        let joined = |a: &str, b: &str| {
            let text = text();
            text.contains(&format!("{a} and {b}")) || text.contains(&format!("{b} and {a}"))
        };
        let (w0, w1) = (l0.words(), l1.words());
        return (l0.excludes(l1) && !joined(&w0, &w1) && !joined(l0.head, l1.head))
            .then_some("two posts at one organisation");
    }
    let one_post = r0 == r1 && ONE_EMPLOYER.contains(&r0);
    if !one_post || national(&first.organisation) || national(&later.organisation) {
        return None;
    }
    Some("one post at two organisations")
}

/// One name inside the other: "Sunderland" and "Sunderland FC",
/// "United" and "Manchester United" (not "Jewish Chronicle" and "Jewish
/// News").
fn subset(a: &[String], b: &[String]) -> bool {
    a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
}

/// The two names are written together somewhere ("Wigan Warriors"): one
/// organisation named two ways.
fn one_name(text: &str, a: &[String], b: &[String]) -> bool {
    let (a, b) = (a.join(" "), b.join(" "));
    text.contains(&format!("{a} {b}")) || text.contains(&format!("{b} {a}"))
}

/// A national side or a country ("England", "French"), not a club.
fn national(org: &[String]) -> bool {
    let gazetteer = Gazetteer::try_global().ok();
    org.iter().any(|w| {
        NATIONAL_SIDES.contains(&w.as_str())
            || gazetteer.is_some_and(|g| {
                let name = capitalised(w);
                g.is_country_name(&name) || g.country_by_adjective(&name).is_some()
            })
    })
}

/// "england" → "England": organisation words are kept lower-cased.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
