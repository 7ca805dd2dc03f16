//! What a figure counts, from the words around it: an event word right
//! after ("12 dead", "12 killed"), a people noun and its verb ("12 people
//! were killed"), a verb before ("killing 12", "the blast killed 10
//! people"), a death toll ("a death toll of 12", "the toll rose to 12"),
//! a noun before "of" ("a loss of £2.5bn") or the noun after ("500 jobs").

use super::scan::word;
use super::tokens::Tok;
use super::words;
use std::ops::Range;

/// Words between a people noun and its event verb ("12 people were
/// reported to have been killed").
fn is_verb_link(w: &str) -> bool {
    matches!(
        w,
        "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "been"
            | "being"
            | "be"
            | "reportedly"
            | "also"
            | "now"
            | "all"
            | "believed"
            | "feared"
            | "thought"
            | "known"
            | "reported"
            | "said"
            | "confirmed"
            | "to"
            | "later"
            | "who"
            | "left"
            | "seriously"
            | "critically"
            | "badly"
            | "slightly"
            | "fatally"
    )
}

/// Nouns before "of" that say nothing of what is counted.
fn is_generic(w: &str) -> bool {
    matches!(
        w,
        "total"
            | "number"
            | "average"
            | "maximum"
            | "minimum"
            | "sum"
            | "figure"
            | "rate"
            | "age"
            | "one"
            | "some"
            | "all"
            | "each"
            | "both"
            | "none"
            | "most"
            | "many"
            | "out"
            | "part"
            | "majority"
            | "group"
            | "team"
            | "lot"
            | "half"
            | "increase"
            | "rise"
            | "fall"
            | "drop"
            | "decline"
            | "growth"
            | "jump"
            | "cut"
            | "change"
    )
}

/// What the figure in tokens `start..end` counts, and where that is said.
pub(super) fn counted(
    prose: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
) -> (Option<String>, Option<Range<usize>>) {
    let w = |i: usize| word(prose, toks, i);
    let joined = |i: usize| toks.get(i).is_some_and(|t| !t.after_break);
    let span = |i: usize| Some(toks[i].span.clone());
    // "dollars 7bn (pounds 3.12bn) deal": a conversion in brackets
    // stands between a sum and what it is.
    let end = skip_conversion(prose, toks, end);
    // After: "12 dead", "12 people were killed", "500 jobs".
    if let Some(next) = w(end).filter(|_| joined(end) || after_bracket(prose, toks, end)) {
        if let Some(event) = words::event(&next) {
            return (Some(event.to_string()), span(end));
        }
        let capital = prose[toks[end].span.clone()].starts_with(|c: char| c.is_uppercase());
        // One adjective before a people noun: "12 British tourists".
        let noun_at = if !words::is_people(&next)
            && w(end + 1).is_some_and(|n| words::is_people(&n))
            && joined(end + 1)
        {
            end + 1
        } else {
            end
        };
        let noun = w(noun_at).unwrap_or_default();
        if words::is_people(&noun) {
            let mut k = noun_at + 1;
            while k < toks.len() && k <= noun_at + 5 && joined(k) {
                let v = w(k).unwrap_or_default();
                if let Some(event) = words::event(&v) {
                    return (Some(event.to_string()), span(k));
                }
                if !is_verb_link(&v) {
                    break;
                }
                k += 1;
            }
            if let Some(event) = verb_before(prose, toks, start) {
                return event;
            }
            return (Some(noun), span(noun_at));
        }
        let alphabetic = next.chars().all(|c| c.is_alphabetic() || c == '-');
        // "killed 12 days ago": the noun after is what is counted.
        if !capital && alphabetic && !words::is_function_word(&next) && next.len() > 2 {
            let after = w(end + 1).filter(|a| {
                joined(end + 1)
                    && prose[toks[end + 1].span.clone()].starts_with(|c: char| c.is_lowercase())
                    && a.chars().all(char::is_alphabetic)
                    && !words::is_function_word(a)
                    && a.len() > 2
            });
            let key = match after {
                // "26 power projects": the head may be the second word;
                // both are kept and compared loosely (see `Figure::same_thing`).
                Some(a) => format!("{} {}", words::singular(&next), words::singular(&a)),
                None => words::singular(&next),
            };
            return (Some(key), span(end));
        }
    }
    if let Some(event) = verb_before(prose, toks, start) {
        return event;
    }
    // "the death toll rose to 12", "a toll of 12".
    let mut k = start;
    while k > 0 && start - k < 5 && !toks[k].after_break {
        k -= 1;
        let v = w(k).unwrap_or_default();
        if v == "toll" {
            return (Some("dead".into()), span(k));
        }
        if !words::is_toll_link(&v) && v != "death" {
            break;
        }
    }
    // "a loss of £2.5bn", "debts of $450m".
    if start >= 2 && w(start - 1).as_deref() == Some("of") && joined(start) && joined(start - 1) {
        let noun = w(start - 2).unwrap_or_default();
        let lower = prose[toks[start - 2].span.clone()].starts_with(|c: char| c.is_lowercase());
        if lower && !is_generic(&noun) && !words::is_function_word(&noun) && noun.len() > 2 {
            return (Some(words::singular(&noun)), span(start - 2));
        }
    }
    (None, None)
}

/// "killing 12", "the attack killed at least 10 people".
fn verb_before(
    prose: &str,
    toks: &[Tok],
    start: usize,
) -> Option<(Option<String>, Option<Range<usize>>)> {
    if start == 0 || toks[start].after_break {
        return None;
    }
    let v = word(prose, toks, start - 1)?;
    let event = words::object_event(&v)?;
    Some((Some(event.to_string()), Some(toks[start - 1].span.clone())))
}

/// The token after a bracketed conversion that opens at `at` ("(pounds
/// 3.12bn)", "(£1.1bn; 1.55bn euros)"), or `at` when there is none.
fn skip_conversion(prose: &str, toks: &[Tok], at: usize) -> usize {
    let Some(open) = toks.get(at) else {
        return at;
    };
    let opens = at > 0
        && prose
            .get(toks[at - 1].span.end..open.span.start)
            .is_some_and(|g| g.trim() == "(");
    if !opens {
        return at;
    }
    let mut k = at;
    while k < toks.len() && k < at + 8 {
        let closes = toks
            .get(k + 1)
            .and_then(|n| prose.get(toks[k].span.end..n.span.start))
            .is_some_and(|g| g.trim() == ")");
        if closes {
            return k + 1;
        }
        k += 1;
    }
    at
}

/// Token `at` follows a closing bracket (the end of a conversion).
fn after_bracket(prose: &str, toks: &[Tok], at: usize) -> bool {
    at > 0
        && prose
            .get(toks[at - 1].span.end..toks[at].span.start)
            .is_some_and(|g| g.trim() == ")")
}
