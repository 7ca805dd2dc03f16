//! Sentence splitting inside blocks. A full stop ends a sentence only when
//! the next word starts a new one and the word before is no abbreviation
//! ("U.S.", "Dr.", "Jan.") or initial.

use super::{Block, Sentence};

/// Words that take a full stop without ending a sentence (lower-cased,
/// without the stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "cpt",
    "maj", "adm", "rep", "sen", "gov", "pres", "rev", "hon", "insp", "supt", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "ltd", "co", "corp", "plc", "bros", "vs",
    "v", "etc", "no", "nos", "vol", "fig", "approx", "est", "dept", "univ", "ave", "blvd", "rd",
    "mt", "ft", "e.g", "i.e", "al", "cf", "op", "pp",
];

pub(super) fn split(prose: &str, blocks: &[Block]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let Some(text) = prose.get(block.span.clone()) else {
            continue;
        };
        let mut start = 0;
        for end in boundaries(text) {
            push(&mut sentences, text, block.span.start, start..end, index);
            start = end;
        }
        push(
            &mut sentences,
            text,
            block.span.start,
            start..text.len(),
            index,
        );
    }
    sentences
}

fn push(
    out: &mut Vec<Sentence>,
    text: &str,
    base: usize,
    range: std::ops::Range<usize>,
    block: usize,
) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = base + range.start + lead;
        out.push(Sentence {
            span: start..start + trimmed.len(),
            block,
        });
    }
}

/// Byte offsets (relative to `text`) where a new sentence starts.
fn boundaries(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut cuts = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        // Skip a run of terminal punctuation and closing marks.
        let mut j = i + 1;
        while j < chars.len()
            && matches!(
                chars[j].1,
                '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | '»'
            )
        {
            j += 1;
        }
        let next_word = chars[j..].iter().position(|(_, c)| !c.is_whitespace());
        let Some(gap) = next_word.filter(|&g| g > 0) else {
            i = j;
            continue;
        };
        let next = chars[j + gap].1;
        let starts_sentence = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '«');
        if starts_sentence && !(c == '.' && is_abbreviation(&text[..at])) {
            cuts.push(chars[j + gap].0);
        }
        i = j;
    }
    cuts
}

/// Is the word just before a full stop an abbreviation or an initial?
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // "J." (an initial), "U.S" / "U.N" (dotted capitals), known short forms.
    (letters == 1 && word.chars().all(|c| c.is_uppercase()))
        || (word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2))
        || (ABBREVIATIONS.contains(&lower.as_str())
            && (!AMBIGUOUS.contains(&lower.as_str()) || word.starts_with(char::is_uppercase)))
}

/// Abbreviations that are also everyday words: only capitalised ("Sat.", "No.").
const AMBIGUOUS: &[&str] = &["sat", "sun", "wed", "mar", "no", "co", "est", "fig", "op"];
