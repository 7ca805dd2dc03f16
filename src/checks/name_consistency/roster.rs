//! Lists of names — team sheets, line-ups, casts ("Leeds: Balshaw; Rees,
//! Christophers, Bell; McMullen, Dickens … Replacements: Kalman, Regan,
//! McMillan") — name many different people side by side, so two
//! spellings there a letter or two apart are as likely two people as one
//! misspelled.

use super::Spelling;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// Fewest name items that make a list of names.
const MIN_ITEMS: usize = 4;

/// The pair a fuzzy edit found names two people of a list: both
/// spellings used only in lists of names, or, for spellings that only
/// sound alike (two edits: McMillan / McMullen), either of them.
pub(super) fn team_sheet_names(
    prose: &str,
    spellings: &HashMap<&str, Spelling>,
    a: &str,
    b: &str,
    sounded: bool,
) -> bool {
    let (Some(sa), Some(sb)) = (spellings.get(a), spellings.get(b)) else {
        return false;
    };
    let only_listed = |s: &Spelling| s.spans.iter().all(|span| in_name_list(prose, span));
    if sounded {
        only_listed(sa) || only_listed(sb)
    } else {
        only_listed(sa) && only_listed(sb)
    }
}

/// `span` is an item of a list of at least `MIN_ITEMS` names separated by
/// commas or semicolons, within one sentence or line, and most of the
/// list's items are names.
pub(super) fn in_name_list(prose: &str, span: &Range<usize>) -> bool {
    let Some(line) = segment(prose, span) else {
        return false;
    };
    let items: Vec<&str> = line.split([',', ';']).collect();
    if items.len() < MIN_ITEMS {
        return false;
    }
    let names = items.iter().filter(|item| name_item(item)).count();
    names >= MIN_ITEMS && names * 4 >= items.len() * 3
}

/// The stretch of the sentence or line around `span` that a list may
/// fill: from the last full stop, colon or line break before it to the
/// next full stop or line break.
fn segment<'a>(prose: &'a str, span: &Range<usize>) -> Option<&'a str> {
    let before = prose.get(..span.start)?;
    let start = before
        .rfind(['.', ':', '\n'])
        .map_or(0, |i| i + 1)
        .max(span.start.saturating_sub(400));
    let after = prose.get(span.end..)?;
    let end = span.end + after.find(['.', '\n']).unwrap_or(after.len()).min(400);
    prose.get(start..end)
}

/// One to three capitalised words, a parenthesis aside ("Mellor
/// (Sinama Pongolle 75)", "Palmer (capt)", "and Dickens").
fn name_item(item: &str) -> bool {
    let mut text = String::with_capacity(item.len());
    let mut depth = 0usize;
    for c in item.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| *w != "and" && *w != "&")
        .collect();
    !words.is_empty()
        && words.len() <= 3
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}
