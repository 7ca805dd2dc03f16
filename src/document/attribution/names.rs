//! Named people and organisations: runs of capitalised words, split into a
//! title ("Foreign Minister", "Mr", "US envoy") and a name ("Ayman
//! Safadi"), grouped into entities; a later short reference ("Safadi",
//! "Mr Safadi", "al-Sharaa") joins the most recent full name it ends.

use super::lexicon::{self, Gender};
use super::tokens::{gap, is_capitalised, is_plain_space, word, Token};
use super::{Entity, EntityKind, Mention, Title};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// One run of capitalised words, as token indexes.
#[derive(Debug, Clone)]
pub struct NameRun {
    /// Title tokens (office words, honorifics, a lower-case role before).
    pub title: Option<Range<usize>>,
    /// Lower-case modifiers before the title ("former", "interim", "new").
    pub modifiers: Vec<String>,
    /// Name tokens.
    pub name: Range<usize>,
    pub gender: Gender,
    pub organisation: bool,
}

/// A word that can be part of a name.
fn is_namey(w: &str) -> bool {
    if is_capitalised(w) {
        return !w.chars().all(|c| c.is_ascii_digit());
    }
    // "al-Sharaa", "bin-Laden": a lower-case particle joined to a capital.
    w.split_once(['-', '‐'])
        .is_some_and(|(p, rest)| lexicon::PARTICLES.contains(&p) && is_capitalised(rest))
}

/// Finds every name run in document order.
pub fn runs(prose: &str, tokens: &[Token]) -> Vec<NameRun> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_namey(word(prose, &tokens[i])) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() && continues_run(prose, tokens, end) {
            end += 1;
        }
        // A trailing particle is no part of the name.
        while end > start + 1 && !is_namey(word(prose, &tokens[end - 1])) {
            end -= 1;
        }
        if let Some(run) = split_run(prose, tokens, start..end) {
            out.push(run);
        }
        i = end;
    }
    out
}

/// Does token `k` continue the run that token `k - 1` is in?
fn continues_run(prose: &str, tokens: &[Token], k: usize) -> bool {
    let (prev, cur) = (&tokens[k - 1], &tokens[k]);
    if prev.sentence != cur.sentence || prev.possessive {
        return false;
    }
    let between = gap(prose, prev, cur);
    let prev_word = word(prose, prev);
    let initial = prev_word.chars().count() == 1 && is_capitalised(prev_word);
    if !(is_plain_space(between) || (initial && between == ". ")) {
        return false;
    }
    let w = word(prose, cur);
    if is_namey(w) {
        return true;
    }
    // A lower-case particle joins when a capitalised word follows it.
    lexicon::PARTICLES.contains(&w)
        && tokens.get(k + 1).is_some_and(|n| {
            n.sentence == cur.sentence
                && is_plain_space(gap(prose, cur, n))
                && is_capitalised(word(prose, n))
        })
}

fn split_run(prose: &str, tokens: &[Token], run: Range<usize>) -> Option<NameRun> {
    let mut start = run.start;
    let mut modifiers = Vec::new();
    // Sentence openers and dates are not names ("But Kapranos", "New Home
    // Secretary"); "New"/"Former" become modifiers of a title.
    while start < run.end && lexicon::NOT_NAMES.contains(&word(prose, &tokens[start])) {
        let w = word(prose, &tokens[start]).to_lowercase();
        if lexicon::PAST_MODIFIERS.contains(&w.as_str())
            || lexicon::NEW_MODIFIERS.contains(&w.as_str())
        {
            modifiers.push(w);
        }
        start += 1;
    }
    if start >= run.end {
        return None;
    }
    let words: Vec<&str> = (start..run.end).map(|k| word(prose, &tokens[k])).collect();
    let last = words.len() - 1;
    let title_end = (0..last)
        .rev()
        .find(|&k| {
            lexicon::TITLE_HEADS.contains(&words[k])
                || lexicon::honorific_gender(words[k]).is_some()
        })
        // "Novelist Arthur Hailey", "Tory David Heathcoat-Amory": a role or
        // party word before a full name.
        .or_else(|| {
            let first = words[0].to_lowercase();
            (words.len() >= 3
                && (lexicon::ROLE_NOUNS.contains(&first.as_str())
                    || lexicon::PARTY_WORDS.contains(&words[0])))
            .then_some(0)
        });
    let gender = words
        .iter()
        .take(title_end.map_or(0, |e| e + 1))
        .find_map(|w| lexicon::honorific_gender(w))
        .unwrap_or(Gender::Unknown);
    let name = title_end.map_or(start, |e| start + e + 1)..run.end;
    let mut title = title_end.map(|e| start..start + e + 1);
    // Lower-case words just before the run: a role noun ("US envoy") and
    // modifiers ("former", "interim", "shadow").
    let mut k = start;
    while k > 0 {
        let prev = &tokens[k - 1];
        if prev.sentence != tokens[k].sentence || !is_plain_space(gap(prose, prev, &tokens[k])) {
            break;
        }
        let w = word(prose, prev).to_lowercase();
        // "BP chief executive Lord Browne": a role before an honorific.
        let honorific_only = title.as_ref().is_some_and(|t| {
            t.start == start
                && (t.start..t.end)
                    .all(|i| lexicon::honorific_gender(word(prose, &tokens[i])).is_some())
        });
        let role = (title.is_none() || honorific_only)
            && lexicon::ROLE_NOUNS.contains(&w.as_str())
            && k == start;
        if role {
            title = Some(k - 1..title.as_ref().map_or(start, |t| t.end));
        } else if title.as_ref().is_some_and(|t| t.start == k)
            && (lexicon::ROLE_QUALIFIERS.contains(&w.as_str())
                || lexicon::PORTFOLIOS.contains(&w.as_str()))
        {
            // "chief executive", "finance director": one role of two words.
            title = title.map(|t| k - 1..t.end);
        } else if is_modifier(&w) {
            modifiers.push(w);
        } else if title.is_some()
            && k < start
            && is_capitalised(word(prose, prev))
            && !lexicon::NOT_NAMES.contains(&word(prose, prev))
        {
            // "US" in "US envoy", "HMV" in "HMV spokesman".
            title = title.map(|t| k - 1..t.end);
        } else {
            break;
        }
        k -= 1;
    }
    let organisation = title.is_none()
        && (words
            .last()
            .is_some_and(|w| lexicon::ORGANISATION_HEADS.contains(w))
            || (words.len() == 1 && is_acronym(words[0])));
    Some(NameRun {
        title,
        modifiers,
        name,
        gender,
        organisation,
    })
}

fn is_modifier(w: &str) -> bool {
    lexicon::PAST_MODIFIERS.contains(&w)
        || lexicon::NEW_MODIFIERS.contains(&w)
        || matches!(
            w,
            "interim"
                | "shadow"
                | "acting"
                | "deputy"
                | "caretaker"
                | "junior"
                | "senior"
                | "assistant"
                | "vice"
                | "state-run"
                | "state"
                | "then-"
        )
}

pub fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
}

/// Lower-case key of a name: "Ahmed al-Sharaa" → "ahmed al-sharaa".
fn key(prose: &str, tokens: &[Token], range: &Range<usize>) -> String {
    range
        .clone()
        .map(|k| word(prose, &tokens[k]).to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

fn span_of(tokens: &[Token], range: &Range<usize>) -> Range<usize> {
    tokens[range.start].span.start..tokens[range.end - 1].span.end
}

/// Groups runs into entities. Full names (two or more name words) make an
/// entity; a one-word name joins the entity whose surname it is — the
/// most recent before it, else the first after it.
pub fn entities(
    prose: &str,
    tokens: &[Token],
    runs: &[NameRun],
) -> (Vec<Entity>, Vec<Option<usize>>) {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut by_surname_first: HashMap<String, usize> = HashMap::default();
    let mut run_entity = vec![None; runs.len()];
    let mut pending_short = Vec::new();
    let mut by_surname_last: HashMap<String, usize> = HashMap::default();
    for (r, run) in runs.iter().enumerate() {
        let names = run.name.len();
        let mention = mention_of(prose, tokens, run);
        if names >= 2 {
            let k = key(prose, tokens, &run.name);
            let id = *by_key.entry(k).or_insert_with(|| {
                entities.push(Entity {
                    name: prose[span_of(tokens, &run.name)].to_string(),
                    kind: kind_of(run),
                    gender: Gender::Unknown,
                    mentions: Vec::new(),
                });
                entities.len() - 1
            });
            let surname = word(prose, &tokens[run.name.end - 1]).to_lowercase();
            by_surname_last.insert(surname.clone(), id);
            by_surname_first.entry(surname).or_insert(id);
            add_mention(&mut entities[id], run, mention);
            run_entity[r] = Some(id);
        } else if !run.organisation {
            let surname = word(prose, &tokens[run.name.start]).to_lowercase();
            match by_surname_last.get(&surname) {
                Some(&id) => {
                    // Called by the surname alone: a person.
                    if entities[id].kind == EntityKind::Unknown {
                        entities[id].kind = EntityKind::Person;
                    }
                    add_mention(&mut entities[id], run, mention);
                    run_entity[r] = Some(id);
                }
                // "Australian Open champion Williams": a titled one-word name
                // is someone, and later bare "Williams" is the same one.
                None if run.title.is_some() && !by_surname_first.contains_key(&surname) => {
                    entities.push(Entity {
                        name: prose[mention.span.clone()].to_string(),
                        kind: EntityKind::Person,
                        gender: Gender::Unknown,
                        mentions: Vec::new(),
                    });
                    let id = entities.len() - 1;
                    by_key.insert(surname.clone(), id);
                    by_surname_last.insert(surname.clone(), id);
                    by_surname_first.insert(surname, id);
                    add_mention(&mut entities[id], run, mention);
                    run_entity[r] = Some(id);
                }
                None => pending_short.push((r, surname, mention)),
            }
        }
    }
    // Short references before any full name ("Blair" in a headline).
    for (r, surname, mention) in pending_short {
        let id = match by_surname_first.get(&surname) {
            Some(&id) => id,
            None => {
                // A one-word name with a title or honorific is still someone.
                if runs[r].title.is_none() {
                    continue;
                }
                let id = *by_key.entry(surname).or_insert_with(|| {
                    entities.push(Entity {
                        name: prose[mention.span.clone()].to_string(),
                        kind: EntityKind::Person,
                        gender: Gender::Unknown,
                        mentions: Vec::new(),
                    });
                    entities.len() - 1
                });
                id
            }
        };
        if entities[id].kind == EntityKind::Unknown {
            entities[id].kind = EntityKind::Person;
        }
        add_mention(&mut entities[id], &runs[r], mention);
        run_entity[r] = Some(id);
    }
    for e in &mut entities {
        e.mentions.sort_by_key(|m| m.span.start);
    }
    (entities, run_entity)
}

fn kind_of(run: &NameRun) -> EntityKind {
    if run.organisation {
        EntityKind::Organisation
    } else if run.title.is_some() {
        EntityKind::Person
    } else {
        EntityKind::Unknown
    }
}

fn add_mention(entity: &mut Entity, run: &NameRun, mention: Mention) {
    if run.title.is_some() && entity.kind == EntityKind::Unknown {
        entity.kind = EntityKind::Person;
    }
    if entity.gender == Gender::Unknown {
        entity.gender = run.gender;
    }
    entity.mentions.push(mention);
}

fn mention_of(prose: &str, tokens: &[Token], run: &NameRun) -> Mention {
    Mention {
        span: span_of(tokens, &run.name),
        title: run.title.as_ref().map(|t| {
            let span = span_of(tokens, t);
            Title {
                text: prose[span.clone()].to_string(),
                span,
                modifiers: run.modifiers.clone(),
            }
        }),
        affiliations: Vec::new(),
    }
}
