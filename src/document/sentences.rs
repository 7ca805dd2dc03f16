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

/// Terminal punctuation and the closing marks that may follow it.
const RUN: &[char] = &['.', '!', '?', '"', '”', '’', '\'', ')', '»'];

/// Byte offsets (relative to `text`) where a new sentence starts. Walks
/// from one terminal mark to the next with `find`, so text between
/// sentence ends costs a memchr-like scan and nothing is allocated per char.
fn boundaries(text: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut pos = 0;
    while let Some(found) = text[pos..].find(['.', '!', '?', '…']) {
        let at = pos + found;
        let mark = text[at..].chars().next().unwrap_or('.');
        // Skip a run of terminal punctuation and closing marks.
        let rest = &text[at + mark.len_utf8()..];
        let run_end = text.len() - rest.trim_start_matches(RUN).len();
        pos = run_end;
        let after = &text[run_end..];
        let gap = after.len() - after.trim_start().len();
        let Some(next) = after[gap..].chars().next().filter(|_| gap > 0) else {
            continue;
        };
        let starts_sentence = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '«');
        if starts_sentence && !(mark == '.' && is_abbreviation(&text[..at])) {
            cuts.push(run_end + gap);
        }
    }
    cuts
}

/// Is the word just before a full stop an abbreviation or an initial?
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .next()
        .unwrap_or("");
    // The lists are ASCII, so an ASCII case-insensitive comparison equals
    // comparing the lower-cased word, without allocating per full stop.
    let known = |list: &[&str]| list.iter().any(|a| a.eq_ignore_ascii_case(word));
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // "J." (an initial), "U.S" / "U.N" (dotted capitals), known short forms.
    (letters == 1 && word.chars().all(|c| c.is_uppercase()))
        || (word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2))
        || (known(ABBREVIATIONS) && (!known(AMBIGUOUS) || word.starts_with(char::is_uppercase)))
}

/// Abbreviations that are also everyday words: only capitalised ("Sat.", "No.").
const AMBIGUOUS: &[&str] = &["sat", "sun", "wed", "mar", "no", "co", "est", "fig", "op"];

#[cfg(test)]
mod tests {
    use super::boundaries;

    fn pieces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = 0;
        for cut in boundaries(text).into_iter().chain([text.len()]) {
            out.push(text[start..cut].trim());
            start = cut;
        }
        out
    }

    #[test]
    fn runs_of_marks_ellipses_and_closing_quotes() {
        assert_eq!(
            pieces("Wait… What?! “Yes.” (Done.) Again"),
            vec!["Wait…", "What?!", "“Yes.”", "(Done.)", "Again"]
        );
        assert_eq!(pieces("No gap.Here. end. "), vec!["No gap.Here. end."]);
    }

    #[test]
    fn everyday_words_end_sentences_unless_capitalised() {
        assert_eq!(
            pieces("They sat. Then left."),
            vec!["They sat.", "Then left."]
        );
        assert_eq!(pieces("See No. 10 today."), vec!["See No. 10 today."]);
        assert_eq!(pieces("Ask DR. Who."), vec!["Ask DR. Who."]);
        assert_eq!(
            pieces("J. Smith and the U.N. Envoy."),
            vec!["J. Smith and the U.N. Envoy."]
        );
    }
}
