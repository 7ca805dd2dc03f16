//! The speaker of each quotation, from the attribution clauses around it:
//! `"…," X said`, `X said: "…"`, `X told Reuters "…"`, a clause in the same
//! sentence (partial quotes), a following short sentence `X said.`, and a
//! quotation that continues the one before it in its paragraph.

use super::{Attribution, AttributionForm};
use crate::document::{Block, Closing, Quote, Sentence, Speaker};
use std::ops::Range;

pub(super) fn assign(
    prose: &str,
    blocks: &[Block],
    sentences: &[Sentence],
    attributions: &[Attribution],
    quotes: &mut [Quote],
) {
    let sentence_at = |offset: usize| {
        let i = sentences.partition_point(|s| s.span.end <= offset);
        (i < sentences.len() && sentences[i].span.start <= offset).then_some(i)
    };
    let usable: Vec<&Attribution> = attributions
        .iter()
        .filter(|a| a.form != AttributionForm::Citing && !a.in_quote)
        .collect();
    // Quotes in document order; the previous quote's speaker carries on.
    let mut previous: Option<(usize, Range<usize>, Option<Speaker>)> = None;
    // The speaker of the quotation left open just before, if any.
    let mut reopen: Option<Speaker> = None;
    for quote in quotes.iter_mut() {
        let q = quote.clone();
        let Some(block) = blocks.get(q.block) else {
            continue;
        };
        if q.nested {
            // Inside another quotation only a clause right after it, outside
            // any quotation, names its speaker ("…,” Mr Bush said), as when
            // an earlier quotation was never closed.
            let adjacent = after(prose, &q, &usable, block, &sentence_at).or_else(|| {
                before(prose, &q, &usable, blocks, sentences).filter(|a| {
                    prose
                        .get(a.span.end..q.span.start)
                        .is_some_and(|g| g.trim() == ":")
                })
            });
            quote.speaker = adjacent.and_then(speaker_of);
            continue;
        }
        let closing = after(prose, &q, &usable, block, &sentence_at);
        let opening = before(prose, &q, &usable, blocks, sentences);
        // Two clauses on one quotation: `X said: "…," Y said`, or the last
        // passage of a quotation reopened after X's words (`"A. "B," Y said`).
        let reopened = reopened_speaker(prose, &q, &previous, &reopen);
        let introduced = opening.filter(|a| introduces(prose, a, &q));
        let first = introduced.and_then(speaker_of).map(|s| (s, false));
        if let (Some(c), Some((opener, reopened))) = (closing, first.or(reopened.clone())) {
            if let Some(second) = speaker_of(c) {
                quote.speaker = Some(opener.clone());
                quote.closing = Some(Closing {
                    speaker: second,
                    reopened,
                });
                reopen = q.continues.then(|| opener.clone());
                previous = Some((q.block, q.span.clone(), Some(opener)));
                continue;
            }
        }
        let found = closing
            .or(opening)
            .or_else(|| same_sentence(&q, &usable, &sentence_at))
            .map(|a| (a, speaker_of(a)));
        let speaker = match found {
            Some((_, speaker)) => speaker,
            None => continuation(prose, &q, &previous, &usable, blocks)
                .or_else(|| previous_sentence(prose, &q, &usable, sentences, &sentence_at)),
        };
        quote.speaker = speaker.clone();
        // A quotation left open carries its speaker into the passage that
        // reopens it.
        reopen = if q.continues {
            speaker.clone().or(reopened.map(|(s, _)| s))
        } else {
            None
        };
        previous = Some((q.block, q.span.clone(), speaker));
    }
}

/// The speaker of a quotation reopened right here: the quotation before
/// was left open and this one starts with no words between.
fn reopened_speaker(
    prose: &str,
    q: &Quote,
    previous: &Option<(usize, Range<usize>, Option<Speaker>)>,
    reopen: &Option<Speaker>,
) -> Option<(Speaker, bool)> {
    let (_, span, _) = previous.as_ref()?;
    let speaker = reopen.clone()?;
    no_words(prose, span.end..q.span.start).then_some((speaker, true))
}

/// `X said: "…"`: a clause joined to the quotation by a colon alone.
fn introduces(prose: &str, a: &Attribution, q: &Quote) -> bool {
    prose
        .get(a.span.end..q.span.start)
        .is_some_and(|g| g.trim() == ":")
}

fn speaker_of(a: &Attribution) -> Option<Speaker> {
    a.speaker.as_ref().map(|name| Speaker {
        name: name.clone(),
        span: a.source.clone(),
        entity: a.entity,
    })
}

/// Only spaces and punctuation (no words) between two offsets.
fn no_words(prose: &str, range: Range<usize>) -> bool {
    prose
        .get(range)
        .is_some_and(|s| !s.chars().any(char::is_alphanumeric))
}

/// `"…," X said` / `"…," said X` / `"…" X said.` (a short next sentence).
fn after<'a>(
    prose: &str,
    q: &Quote,
    usable: &[&'a Attribution],
    block: &Block,
    sentence_at: &dyn Fn(usize) -> Option<usize>,
) -> Option<&'a Attribution> {
    let i = usable.partition_point(|a| a.span.start < q.span.end);
    let a = *usable.get(i)?;
    if a.span.start >= block.span.end || !no_words(prose, q.span.end..a.span.start) {
        return None;
    }
    if !matches!(
        a.form,
        AttributionForm::Verb | AttributionForm::Inverted | AttributionForm::AccordingTo
    ) {
        return None;
    }
    let same = sentence_at(q.span.end.saturating_sub(1)) == sentence_at(a.span.start);
    if same {
        return Some(a);
    }
    // A next sentence that is only the attribution: "Mr Smith said."
    let rest = prose.get(a.span.end..block.span.end).unwrap_or("");
    rest.trim_start().starts_with(['.', '!', '?']).then_some(a)
}

/// `X said: "…"`, `X told Reuters "…"`, `According to X, "…"`, and a
/// paragraph ending "X said:" before a paragraph of quotation.
fn before<'a>(
    prose: &str,
    q: &Quote,
    usable: &[&'a Attribution],
    blocks: &[Block],
    sentences: &[Sentence],
) -> Option<&'a Attribution> {
    let i = usable.partition_point(|a| a.span.end <= q.span.start);
    let a = *usable.get(i.checked_sub(1)?)?;
    let between = prose.get(a.span.end..q.span.start)?;
    let trimmed = between.trim();
    let joined =
        trimmed.is_empty() || matches!(trimmed, ":" | "," | "that" | ", that" | "-" | "–" | "—");
    let same_block = blocks
        .get(q.block)
        .is_some_and(|b| a.span.start >= b.span.start);
    if same_block {
        return joined.then_some(a);
    }
    // The paragraph before ends with the clause and a colon.
    let previous_block = q.block.checked_sub(1).and_then(|b| blocks.get(b))?;
    let opens_block = q.span.start == blocks.get(q.block)?.span.start;
    let ends_with_colon = trimmed == ":" && a.span.start >= previous_block.span.start;
    let _ = sentences;
    (opens_block && ends_with_colon).then_some(a)
}

/// A clause anywhere in the quotation's sentence: the nearest before it,
/// else the nearest after it.
fn same_sentence<'a>(
    q: &Quote,
    usable: &[&'a Attribution],
    sentence_at: &dyn Fn(usize) -> Option<usize>,
) -> Option<&'a Attribution> {
    let first = sentence_at(q.span.start)?;
    let last = sentence_at(q.span.end.saturating_sub(1)).unwrap_or(first);
    let i = usable.partition_point(|a| a.sentence < first);
    let in_sentence: Vec<&&Attribution> = usable[i..]
        .iter()
        .take_while(|a| a.sentence <= last)
        .filter(|a| a.neutral || a.entity.is_some())
        .filter(|a| a.speaker.is_some())
        .collect();
    in_sentence
        .iter()
        .rev()
        .find(|a| a.span.end <= q.span.start)
        .or_else(|| in_sentence.iter().find(|a| a.span.start >= q.span.end))
        .map(|a| **a)
}

/// A quotation with no clause of its own continues the speaker of the
/// quotation just before it in its paragraph (`"A," he said. "B."`), or of
/// a quotation left open at the end of the paragraph before.
fn continuation(
    prose: &str,
    q: &Quote,
    previous: &Option<(usize, Range<usize>, Option<Speaker>)>,
    usable: &[&Attribution],
    blocks: &[Block],
) -> Option<Speaker> {
    let (block, span, speaker) = previous.as_ref()?;
    let speaker = speaker.clone()?;
    if *block == q.block {
        // No other clause between the two quotations, except the one that
        // names the previous speaker.
        let from = usable.partition_point(|a| a.span.start < span.end);
        let others = usable[from..]
            .iter()
            .take_while(|a| a.span.end <= q.span.start)
            .any(|a| a.source != speaker.span);
        let between = prose.get(span.end..q.span.start).unwrap_or("");
        let short_gap = between.split_whitespace().count() <= 12;
        return (!others && short_gap).then_some(speaker);
    }
    // Across paragraphs: only when this paragraph opens with the quotation
    // and the previous paragraph ended inside or right after a quotation.
    let opens = blocks
        .get(q.block)
        .is_some_and(|b| b.span.start == q.span.start);
    let adjacent = *block + 1 == q.block;
    let prev_end = blocks.get(*block).map_or(0, |b| b.span.end);
    let ended_with_quote = no_words(prose, span.end..prev_end);
    (opens && adjacent && ended_with_quote).then_some(speaker)
}

/// A quotation opening its sentence, right after a sentence whose clause
/// names a speaker: "He insisted that … . “My duty is …”".
fn previous_sentence(
    prose: &str,
    q: &Quote,
    usable: &[&Attribution],
    sentences: &[Sentence],
    sentence_at: &dyn Fn(usize) -> Option<usize>,
) -> Option<Speaker> {
    let index = sentence_at(q.span.start)?;
    let sentence = sentences.get(index)?;
    let prev = sentences.get(index.checked_sub(1)?)?;
    if prev.block != sentence.block || !no_words(prose, sentence.span.start..q.span.start) {
        return None;
    }
    let i = usable.partition_point(|a| a.sentence < index - 1);
    usable[i..]
        .iter()
        .take_while(|a| a.sentence == index - 1)
        .filter(|a| matches!(a.form, AttributionForm::Verb | AttributionForm::Inverted))
        .last()
        .and_then(|a| speaker_of(a))
}
