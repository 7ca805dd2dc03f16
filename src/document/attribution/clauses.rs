//! Attribution clauses in a sentence: "X said", "said X", "X told Y",
//! "according to X", "citing X", "…, saying". Each clause gets its span,
//! its cue (the verb or "according to") and the noun phrase of its source.

use super::lexicon;
use super::tokens::{gap, is_capitalised, is_plain_space, word, Token};
use super::AttributionForm;
use crate::document::lower_case;
use std::borrow::Cow;
use std::ops::Range;

/// A word lower-cased, borrowed from the text when it already was.
type Lower<'a> = Cow<'a, str>;

/// A clause before names and pronouns are resolved, as token indexes.
#[derive(Debug, Clone)]
pub struct Clause {
    pub form: AttributionForm,
    /// Token indexes of the cue ("said", "according to").
    pub cue: Range<usize>,
    /// Token indexes of the source noun phrase (may be empty for a
    /// participle whose subject is unknown).
    pub source: Range<usize>,
    /// Token indexes of the whole clause (source, cue, and the audience of
    /// "told").
    pub clause: Range<usize>,
    pub neutral: bool,
}

/// Verbs that may stand before their subject: "…,” said Mr Smith.
const INVERTIBLE: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "explained",
    "continued",
    "insisted",
    "argued",
    "warned",
    "noted",
    "asked",
    "replied",
    "wrote",
    "writes",
    "admitted",
    "claimed",
    "conceded",
    "recalled",
    "observed",
    "joked",
    "quipped",
    "countered",
    "agreed",
    "acknowledged",
    "suggested",
    "predicted",
    "stressed",
    "reckons",
    "declared",
    "told",
    // The present tense of feature writing: "…,” explains Richards.
    "explains",
    "insists",
    "argues",
    "warns",
    "notes",
    "admits",
    "recalls",
    "concedes",
    "continues",
    "replies",
    "asks",
];

/// Words for days and parts of days, skipped between a subject and its
/// verb together with the preposition before them ("Mr Brown on Sunday said").
const TIME_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "weekend",
    "night",
    "morning",
    "evening",
    "afternoon",
    "week",
    "year",
    "month",
];

/// Finds the clauses of one sentence, whose tokens are `sentence`.
pub fn in_sentence(prose: &str, tokens: &[Token], sentence: Range<usize>) -> Vec<Clause> {
    let mut out = Vec::new();
    let lower: Vec<Lower> = sentence
        .clone()
        .map(|k| lower_case(word(prose, &tokens[k])))
        .collect();
    let at = |k: usize| lower[k - sentence.start].as_ref();
    for k in sentence.clone() {
        let w = at(k);
        if w == "according" && k + 1 < sentence.end && at(k + 1) == "to" {
            let source = np_right(prose, tokens, k + 2, sentence.end, false);
            if !source.is_empty() {
                out.push(Clause {
                    form: AttributionForm::AccordingTo,
                    cue: k..k + 2,
                    clause: k..source.end,
                    source,
                    neutral: true,
                });
            }
        } else if w == "citing" {
            let source = np_right(prose, tokens, k + 1, sentence.end, false);
            if !source.is_empty() {
                out.push(Clause {
                    form: AttributionForm::Citing,
                    cue: k..k + 1,
                    clause: k..source.end,
                    source,
                    neutral: true,
                });
            }
        } else if lexicon::is_participle(w) && k > sentence.start {
            let after_comma = gap(prose, &tokens[k - 1], &tokens[k]).contains(',');
            if after_comma {
                out.push(Clause {
                    form: AttributionForm::Participle,
                    cue: k..k + 1,
                    source: k..k,
                    clause: k..k + 1,
                    neutral: false,
                });
            }
        } else if lexicon::is_speech_verb(w) && !blocked(prose, tokens, &lower, &sentence, k) {
            if let Some(c) = verb_clause(prose, tokens, &lower, &sentence, k) {
                out.push(c);
            }
        } else if lexicon::FINDING_VERBS.contains(&w) && k + 1 == sentence.end {
            if let Some(c) = finding_clause(prose, tokens, &lower, &sentence, k) {
                out.push(c);
            }
        }
    }
    out
}

/// A passive, infinitive, modal or negated verb is no attribution
/// ("is said to", "declined to say", "would not say").
fn blocked(
    prose: &str,
    tokens: &[Token],
    lower: &[Lower],
    sentence: &Range<usize>,
    k: usize,
) -> bool {
    let w = lower[k - sentence.start].as_ref();
    if k == sentence.start {
        return false;
    }
    let prev = lower[k - 1 - sentence.start].as_ref();
    let joined = is_plain_space(gap(prose, &tokens[k - 1], &tokens[k]));
    if joined && lexicon::VERB_BLOCKERS.contains(&prev) {
        return true;
    }
    // "That said," / "Having said that".
    if (prev == "that" || prev == "having") && w == "said" {
        return true;
    }
    // Bare "say"/"tell" only after a plural subject ("analysts say"), not
    // "the final say" or "say, 10%".
    let plural = prev.ends_with('s') || matches!(prev, "they" | "we" | "i" | "you" | "people");
    matches!(w, "say" | "tell") && (!joined || !plural)
}

fn verb_clause(
    prose: &str,
    tokens: &[Token],
    lower: &[Lower],
    sentence: &Range<usize>,
    k: usize,
) -> Option<Clause> {
    let w = lower[k - sentence.start].as_ref();
    let neutral = lexicon::is_neutral_verb(w);
    let tells = matches!(w, "told" | "tells" | "tell");
    let left_gap = (k > sentence.start).then(|| gap(prose, &tokens[k - 1], &tokens[k]));
    // "…,” said Mr Smith" / ", added the spokesman."
    let inverted_position = left_gap.is_none_or(|g| g.contains(',') || has_quote_mark(g));
    if inverted_position && INVERTIBLE.contains(&w) && !tells {
        let source = np_right(prose, tokens, k + 1, sentence.end, true);
        if !source.is_empty() && ends_clause(prose, tokens, lower, sentence, source.end) {
            return Some(Clause {
                form: AttributionForm::Inverted,
                cue: k..k + 1,
                clause: k..source.end,
                source,
                neutral,
            });
        }
    }
    let source = subject_left(prose, tokens, lower, sentence, k)?;
    let mut end = k + 1;
    if tells {
        // The audience: "told Reuters", "told the BBC".
        let audience = np_right(prose, tokens, k + 1, sentence.end, true);
        if !audience.is_empty() {
            end = audience.end;
        }
    }
    Some(Clause {
        form: AttributionForm::Verb,
        cue: k..k + 1,
        clause: source.start..end,
        source,
        neutral,
    })
}

/// "…, the committee's report found.": a document credited with a finding,
/// closing its sentence. Any other subject ("police found") is no clause.
fn finding_clause(
    prose: &str,
    tokens: &[Token],
    lower: &[Lower],
    sentence: &Range<usize>,
    k: usize,
) -> Option<Clause> {
    let source = subject_left(prose, tokens, lower, sentence, k)?;
    let head = source.end.checked_sub(1)?;
    let document = head >= sentence.start
        && lexicon::DOCUMENT_HEADS.contains(&lower[head - sentence.start].as_ref());
    document.then(|| Clause {
        form: AttributionForm::Verb,
        cue: k..k + 1,
        clause: source.start..k + 1,
        source,
        neutral: false,
    })
}

/// After "said the coach" the clause ends (punctuation or a new clause);
/// after "said the flaws" a verb follows, so "said" had a subject before it.
fn ends_clause(
    prose: &str,
    tokens: &[Token],
    lower: &[Lower],
    sentence: &Range<usize>,
    end: usize,
) -> bool {
    if end >= sentence.end {
        return true;
    }
    if !is_plain_space(gap(prose, &tokens[end - 1], &tokens[end])) {
        return true;
    }
    matches!(
        lower[end - sentence.start].as_ref(),
        "who"
            | "whose"
            | "which"
            | "in"
            | "on"
            | "at"
            | "after"
            | "when"
            | "adding"
            | "told"
            | "as"
            | "before"
            | "while"
            | "during"
            | "according"
            | "yesterday"
            | "today"
            | "last"
            | "earlier"
            | "later"
            | "recently"
            | "also"
            | "of"
            | "from"
            | "to"
    )
}

fn has_quote_mark(s: &str) -> bool {
    s.contains(['"', '”', '“', '’', '‘', '\'', '»', '«'])
}

/// Gap inside a noun phrase: a space, or a possessive ending and a space.
fn np_gap(g: &str) -> bool {
    is_plain_space(g)
        || ["'s ", "’s ", "' ", "’ "].iter().any(|p| {
            g.strip_prefix(p)
                .is_some_and(|r| r.is_empty() || is_plain_space(r))
        })
}

/// The noun phrase starting at token `from`: up to punctuation or a
/// clause word. With `person_like`, it must open like a name or with a
/// determiner ("said the official", not "said it was").
fn np_right(
    prose: &str,
    tokens: &[Token],
    from: usize,
    end: usize,
    person_like: bool,
) -> Range<usize> {
    if from >= end {
        return from..from;
    }
    let first = word(prose, &tokens[from]);
    let first_lower = first.to_lowercase();
    if person_like {
        let opens = is_capitalised(first)
            || lexicon::DETERMINERS.contains(&first_lower.as_str())
            || lexicon::ROLE_NOUNS.contains(&first_lower.as_str());
        if !opens
            || lexicon::NOT_NAMES.contains(&first)
                && !lexicon::DETERMINERS.contains(&first_lower.as_str())
        {
            return from..from;
        }
    }
    if lexicon::NP_BREAKERS.contains(&first_lower.as_str()) {
        return from..from;
    }
    // "said the Liverpool player": a determiner phrase runs to its noun.
    let determiner_first = lexicon::DETERMINERS.contains(&first_lower.as_str());
    let mut k = from + 1;
    while k < end && k - from < 14 {
        let w = word(prose, &tokens[k]);
        let lw = w.to_lowercase();
        if !np_gap(gap(prose, &tokens[k - 1], &tokens[k]))
            || lexicon::NP_BREAKERS.contains(&lw.as_str())
        {
            break;
        }
        // A person-like phrase ends at its name: "said Mr Smith yesterday".
        if person_like
            && !determiner_first
            && !is_capitalised(w)
            && is_capitalised(word(prose, &tokens[k - 1]))
            && !matches!(lw.as_str(), "for" | "of" | "at")
            && !lexicon::PARTICLES.contains(&lw.as_str())
        {
            break;
        }
        k += 1;
    }
    from..k
}

/// The subject of the verb at `k`: walks left over fillers ("has also"),
/// a time phrase ("on Sunday") and an appositive (", a security manager,").
fn subject_left(
    prose: &str,
    tokens: &[Token],
    lower: &[Lower],
    sentence: &Range<usize>,
    k: usize,
) -> Option<Range<usize>> {
    let lw = |i: usize| lower[i - sentence.start].as_ref();
    let mut end = k;
    // Fillers, only across plain spaces.
    while end > sentence.start {
        let prev = end - 1;
        let joined = is_plain_space(gap(prose, &tokens[prev], &tokens[end]));
        let filler = lexicon::SUBJECT_VERB_FILLERS.contains(&lw(prev))
            || (TIME_WORDS.contains(&word(prose, &tokens[prev]))
                && prev > sentence.start
                && matches!(lw(prev - 1), "on" | "last" | "this" | "at" | "the"));
        if !joined || !filler {
            break;
        }
        end = prev;
        if TIME_WORDS.contains(&word(prose, &tokens[end])) {
            end -= 1;
            if lw(end) == "the" && end > sentence.start && lw(end - 1) == "at" {
                end -= 1;
            }
        }
    }
    if end == sentence.start {
        return None;
    }
    let head = end - 1;
    let head_gap = gap(prose, &tokens[head], &tokens[end]);
    // A relative pronoun: the source is what it refers to ("The IAAF -
    // which said", "Mr Clarke, who said").
    if matches!(lw(head), "who" | "which") && is_plain_space(head_gap) {
        if head == sentence.start {
            return None;
        }
        // "Staunton, 49, who told": skip an age between commas.
        let mut antecedent = head - 1;
        let is_age = word(prose, &tokens[antecedent])
            .chars()
            .all(|c| c.is_ascii_digit());
        if is_age
            && antecedent > sentence.start
            && gap(prose, &tokens[antecedent - 1], &tokens[antecedent]).trim() == ","
        {
            antecedent -= 1;
        }
        return np_left(prose, tokens, lower, sentence, antecedent);
    }
    if !is_plain_space(head_gap) {
        // "Stephen Toulouse, a Microsoft security manager, said", "An
        // attendant suspended over … - web diary - says".
        let closer = head_gap.trim();
        if matches!(closer, "," | "-" | "–" | "—") {
            return appositive_subject(prose, tokens, lower, sentence, head, closer);
        }
        // "“…,” he said": the word before is inside the quotation.
        return None;
    }
    np_left(prose, tokens, lower, sentence, head)
}

/// `head` ends an appositive closed by a comma; the subject is the noun
/// phrase before the comma that opens it.
fn appositive_subject(
    prose: &str,
    tokens: &[Token],
    lower: &[Lower],
    sentence: &Range<usize>,
    head: usize,
    closer: &str,
) -> Option<Range<usize>> {
    let mut k = head;
    while k > sentence.start && head - k < 14 {
        let g = gap(prose, &tokens[k - 1], &tokens[k]);
        if g.trim() == closer {
            let opener = lower[k - sentence.start].as_ref();
            let appositive = closer != ","
                || lexicon::DETERMINERS.contains(&opener)
                || matches!(opener, "who" | "which" | "whose" | "himself" | "herself")
                // "Neil O'Brien, director of …, said", "X, BT's chief
                // executive, said": a role with no article.
                || lexicon::ROLE_NOUNS.contains(&opener)
                || lexicon::ROLE_QUALIFIERS.contains(&opener)
                || (tokens[k].possessive && is_capitalised(word(prose, &tokens[k])))
                || tokens[k].span.start < prose.len()
                    && word(prose, &tokens[k]).chars().all(|c| c.is_ascii_digit());
            return if appositive {
                np_left(prose, tokens, lower, sentence, k - 1)
            } else {
                None
            };
        }
        if !np_gap(g) && !g.contains('-') {
            // An appositive may hold "(UN)" or a dash, but not a quote.
            if has_quote_mark(g) {
                return None;
            }
        }
        k -= 1;
    }
    None
}

/// A noun that speaks for what a preposition names after it ("a
/// spokesman for X", "officials at X"), unlike "a nomination for X".
fn represents_role(role: &str) -> bool {
    lexicon::ROLE_NOUNS.contains(&role)
        || matches!(
            role,
            "source"
                | "sources"
                | "friend"
                | "friends"
                | "representative"
                | "representatives"
                | "lawyers"
                | "spokesmen"
                | "officials"
                | "team"
        )
}

/// The noun phrase ending at token `head`, walking left.
fn np_left(
    prose: &str,
    tokens: &[Token],
    lower: &[Lower],
    sentence: &Range<usize>,
    head: usize,
) -> Option<Range<usize>> {
    let lw = |i: usize| lower[i - sentence.start].as_ref();
    let head_word = lw(head);
    if lexicon::pronoun_gender(head_word).is_some() {
        return Some(head..head + 1);
    }
    if lexicon::NP_BREAKERS.contains(&head_word) || lexicon::DETERMINERS.contains(&head_word) {
        return None;
    }
    let mut start = head;
    while start > sentence.start && head - start < 10 {
        let prev = start - 1;
        let w = lw(prev);
        if !np_gap(gap(prose, &tokens[prev], &tokens[start])) {
            break;
        }
        if lexicon::DETERMINERS.contains(&w) {
            start = prev;
            // "officials at the exchange", "a spokesman for the club": the
            // phrase goes on past a role noun's preposition.
            let represented = prev >= sentence.start + 2
                && matches!(lw(prev - 1), "for" | "of" | "at")
                && np_gap(gap(prose, &tokens[prev - 1], &tokens[prev]))
                && represents_role(lw(prev - 2));
            if !represented {
                break;
            }
            continue;
        }
        let capital = is_capitalised(word(prose, &tokens[prev]));
        // "a spokesman for X" is a source; "a nomination for X" is not:
        // a preposition joins only a role noun to what it represents.
        let preposition = matches!(w, "for" | "of" | "at");
        let represents = prev > sentence.start && represents_role(lw(prev - 1));
        if (preposition && !represents)
            || lexicon::NP_BREAKERS.contains(&w)
            || lexicon::pronoun_gender(w).is_some()
            || (capital && lexicon::NOT_NAMES.contains(&word(prose, &tokens[prev])))
        {
            break;
        }
        start = prev;
    }
    // "sources close to the company", "people close to him": one source.
    if start >= sentence.start + 3 && lw(start - 1) == "to" && lw(start - 2) == "close" {
        start -= 3;
        if start > sentence.start && lexicon::DETERMINERS.contains(&lw(start - 1)) {
            start -= 1;
        }
    }
    Some(start..head + 1)
}
