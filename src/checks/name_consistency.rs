//! `name_consistency`: one name spelled two ways in one text — a doubled
//! or dropped letter (Sullivan/Sulivan, Mohammed/Mohamed), two letters
//! swapped (Nielsen/Neilsen), a hyphen or space (al-Sharaa/al Sharaa,
//! Al Jazeera/Aljazeera), or one edit in a long name. Candidate pairs are
//! found through hashed keys, so the cost is linear in the text.
//! Two spellings each tied to its own first name are two people.

use super::{Check, Kind};
use crate::checks::LoadContext;
use crate::diagnostic::Finding;
use crate::document::{is_title_word, lower_case, Document};
use crate::rule_params;
use crate::source::LoadError;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::Hasher;
use std::ops::Range;

pub const KIND: Kind = Kind {
    name: "name_consistency",
    fields: &["match", "preferred"],
    build,
    summary: "one name spelled two ways in one text",
    params: crate::checks::params_schema::<Params>,
};

fn yes() -> bool {
    true
}
fn default_min_length() -> usize {
    3
}
fn default_long_name() -> usize {
    9
}

rule_params! {
    struct Params {
        /// Shortest name compared, in letters.
        #[serde(default = "default_min_length")]
        min_length: usize,
        /// A letter doubled or not: Sullivan / Sulivan.
        #[serde(default = "yes")]
        doubled_letters: bool,
        /// Two neighbouring letters swapped: Nielsen / Neilsen.
        #[serde(default = "yes")]
        transpositions: bool,
        /// A hyphen, a space or nothing: al-Sharaa / al Sharaa / Aljazeera.
        #[serde(default = "yes")]
        separators: bool,
        /// Names at least this long may differ by any one edit
        /// (Saakashvili / Sakashvili); 0 turns this off.
        #[serde(default = "default_long_name")]
        long_name_length: usize,
        /// Spellings never compared (words that are names and common words).
        #[serde(default)]
        ignore: Vec<String>,
    }
}

struct NameConsistency {
    params: Params,
    classes: WordClasses,
}

fn build(ctx: &LoadContext) -> Result<Box<dyn Check>, LoadError> {
    let params: Params = ctx.params()?;
    let classes = WordClasses::new().map_err(|e| ctx.source.error_span(0..0, e))?;
    Ok(Box::new(NameConsistency { params, classes }))
}

/// The words `[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-‐][\p{L}\p{M}]+)*` finds,
/// found by hand: this runs over every word of a draft, and that regex's
/// cost per match was most of this check's time. The Unicode classes come
/// from the regex crate's own parser, so they are the regex's.
struct WordClasses {
    /// `[\p{L}\p{M}]` and `[\p{L}\p{M}\p{N}]` as sorted ranges.
    letters: Vec<(char, char)>,
    letters_numbers: Vec<(char, char)>,
}

impl WordClasses {
    fn new() -> Result<Self, String> {
        Ok(WordClasses {
            letters: unicode_class(r"[\p{L}\p{M}]")?,
            letters_numbers: unicode_class(r"[\p{L}\p{M}\p{N}]")?,
        })
    }

    fn is_letter(&self, c: char) -> bool {
        if c.is_ascii() {
            c.is_ascii_alphabetic()
        } else {
            in_ranges(&self.letters, c)
        }
    }

    fn is_letter_or_number(&self, c: char) -> bool {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            in_ranges(&self.letters_numbers, c)
        }
    }

    /// Byte ranges of the words of `text`, left to right. The pattern's
    /// repetitions are greedy and each joined part starts with a separator,
    /// so the leftmost match is the longest run: no backtracking needed.
    fn words(&self, text: &str) -> Vec<Range<usize>> {
        let skip = |from: usize, keep: &dyn Fn(char) -> bool| {
            from + text[from..]
                .chars()
                .take_while(|&c| keep(c))
                .map(char::len_utf8)
                .sum::<usize>()
        };
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(c) = text[pos..].chars().next() {
            if !self.is_letter(c) {
                pos += c.len_utf8();
                continue;
            }
            let start = pos;
            pos = skip(pos + c.len_utf8(), &|c| self.is_letter_or_number(c));
            loop {
                let mut next = text[pos..].chars();
                match (next.next(), next.next()) {
                    (Some(sep @ ('\'' | '’' | '-' | '‐')), Some(first))
                        if self.is_letter(first) =>
                    {
                        pos = skip(pos + sep.len_utf8(), &|c| self.is_letter(c));
                    }
                    _ => break,
                }
            }
            out.push(start..pos);
        }
        out
    }
}

/// The ranges of a Unicode character class written as a regex.
fn unicode_class(pattern: &str) -> Result<Vec<(char, char)>, String> {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::Parser::new()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => Ok(class
            .ranges()
            .iter()
            .map(|r| (r.start(), r.end()))
            .collect()),
        _ => Err(format!("`{pattern}` is no Unicode character class")),
    }
}

fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// One word of the text.
struct Word<'a> {
    text: &'a str,
    span: Range<usize>,
    /// Capitalised and not the first word of a sentence: a proper noun.
    proper: bool,
    capital: bool,
}

/// All the places one spelling is used.
#[derive(Default)]
struct Spelling<'a> {
    spans: Vec<Range<usize>>,
    proper: bool,
    lower_seen: bool,
    /// Capitalised words right before / after it (first names, surnames).
    before: HashSet<&'a str>,
    after: HashSet<&'a str>,
    /// How many uses a capitalised word follows.
    followed: usize,
}

impl Check for NameConsistency {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let words = self.words(doc);
        // Surface spelling → uses. Iteration order does not matter: the
        // pairs found are sorted before they are reported.
        // Keys and neighbours borrow the text: this runs for every word.
        let mut spellings: HashMap<&str, Spelling> = HashMap::default();
        let joined = |a: &Word, b: &Word| doc.prose.get(a.span.end..b.span.start) == Some(" ");
        let mut pairs_at = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if !w.capital {
                continue;
            }
            let s = spellings.entry(w.text).or_default();
            s.spans.push(w.span.clone());
            s.proper |= w.proper;
            if let Some(prev) = i.checked_sub(1).map(|p| &words[p]) {
                if prev.capital && joined(prev, w) && !is_title_word(prev.text) {
                    s.before.insert(prev.text);
                }
            }
            if let Some(next) = words.get(i + 1) {
                if next.capital && joined(w, next) && !is_title_word(w.text) {
                    s.after.insert(next.text);
                    s.followed += 1;
                }
            }
            if self.params.separators {
                // "al Sharaa", "Al Jazeera", "anti Semitism": two words as one form.
                if let Some(prev) = i.checked_sub(1).map(|p| &words[p]) {
                    if joined(prev, w) && prev.text.chars().count() <= 12 {
                        pairs_at.push(i);
                    }
                }
            }
        }
        // A pair of words is a spelling only when one word is written with
        // the same letters ("Al Jazeera" / "Aljazeera" / "Al-Jazeera"):
        // most pairs have no such twin, and making each a spelling was
        // most of this check's cost.
        let singles: HashSet<u64> = spellings.keys().map(|t| letters_key(&[t])).collect();
        for i in pairs_at {
            let (prev, w) = (&words[i - 1], &words[i]);
            if singles.contains(&letters_key(&[prev.text, w.text])) {
                // Joined by one space: the text is "{prev} {w}".
                let pair = &doc.prose[prev.span.start..w.span.end];
                let e = spellings.entry(pair).or_default();
                e.spans.push(prev.span.start..w.span.end);
                e.proper |= w.proper;
            }
        }
        mark_lower_seen(&words, &mut spellings);
        let pairs = self.variant_pairs(&spellings);
        for (a, b) in pairs {
            self.report(doc, &spellings, &a, &b, out);
        }
    }

    fn parameters(&self) -> Vec<(String, String)> {
        let p = &self.params;
        vec![
            ("min-length".into(), p.min_length.to_string()),
            ("doubled-letters".into(), p.doubled_letters.to_string()),
            ("transpositions".into(), p.transpositions.to_string()),
            ("separators".into(), p.separators.to_string()),
            ("long-name-length".into(), p.long_name_length.to_string()),
            ("ignore".into(), p.ignore.join(", ")),
        ]
    }
}

/// Marks the one-word spellings also written in lower case ("Press" and
/// "press"): a common word, not a name. Only the spellings are hashed, and
/// the text's lower-case words are looked up in them.
fn mark_lower_seen(words: &[Word], spellings: &mut HashMap<&str, Spelling>) {
    let mut by_lower: HashMap<String, Vec<&str>> = HashMap::default();
    for text in spellings.keys() {
        if !text.contains([' ', '-']) {
            by_lower.entry(text.to_lowercase()).or_default().push(text);
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for w in words.iter().filter(|w| !w.capital) {
        if let Some(texts) = by_lower.remove(lower_case(w.text).as_ref()) {
            seen.extend(texts);
        }
    }
    for text in seen {
        if let Some(s) = spellings.get_mut(text) {
            s.lower_seen = true;
        }
    }
}

/// A hash of `letters` of the parts written together, without building
/// the string.
fn letters_key(parts: &[&str]) -> u64 {
    hash_chars(
        parts
            .iter()
            .flat_map(|p| p.chars())
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase),
    )
}

/// The letters and digits of `s`, lower-cased.
fn letters(s: &str) -> String {
    if s.is_ascii() {
        return s
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The one edit between two words is inside them, not at an end: an
/// ending is grammar (Australia / Australian, Conservative / Conservatives).
fn edit_inside(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    prefix >= 1 && suffix >= 2
}

/// What puts two spellings side by side as candidates for one name: a
/// hash of a form of their letters. Hashes, not strings, because every
/// capitalised word makes several; two spellings sharing one are checked
/// exactly (`shares_key`) before they count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    /// The letters without spaces and hyphens: al-Sharaa / al Sharaa.
    Separators(u64),
    /// The letters with doubled ones single: Sullivan / Sulivan.
    Doubles(u64),
    /// The letters sorted. Swapping neighbours keeps the letters, so two
    /// spellings a swap apart are anagrams; one key a spelling instead of
    /// one per possible swap, checked exactly by `share_a_swap`.
    Anagram(u64),
    /// The letters, or them with one deleted (long names): Saakashvili /
    /// Sakashvili.
    Deletion(u64),
}

fn hash_chars(chars: impl Iterator<Item = char>) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    for c in chars {
        h.write_u32(u32::from(c));
    }
    h.finish()
}

/// Whether two spellings' letters (lower-cased) really have the form of
/// `key` in common, rather than only its hash.
fn shares_key(key: Key, a: &str, b: &str) -> bool {
    match key {
        Key::Separators(_) => a == b,
        Key::Doubles(_) => collapse_doubles(a) == collapse_doubles(b),
        Key::Anagram(_) => share_a_swap(a, b),
        Key::Deletion(_) => share_a_deletion(a, b),
    }
}

/// Each word, or it with one letter deleted, meet.
fn share_a_deletion(a: &str, b: &str) -> bool {
    let forms = |w: &str| -> HashSet<String> {
        let chars: Vec<char> = w.chars().collect();
        let mut out = HashSet::from_iter([w.to_string()]);
        for i in 0..chars.len() {
            out.insert(chars[..i].iter().chain(&chars[i + 1..]).collect::<String>());
        }
        out
    };
    !forms(a).is_disjoint(&forms(b))
}

/// The word and its variants with two different neighbouring letters
/// swapped.
fn swaps(lower: &str) -> HashSet<String> {
    let chars: Vec<char> = lower.chars().collect();
    let mut out = HashSet::from_iter([lower.to_string()]);
    for i in 0..chars.len().saturating_sub(1) {
        if chars[i] != chars[i + 1] {
            let mut c = chars.clone();
            c.swap(i, i + 1);
            out.insert(c.into_iter().collect());
        }
    }
    out
}

/// Nielsen / Neilsen: the two words, or variants of them with one swap of
/// neighbouring letters each, meet.
fn share_a_swap(a: &str, b: &str) -> bool {
    !swaps(a).is_disjoint(&swaps(b))
}

fn collapse_doubles(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

impl NameConsistency {
    fn words<'a>(&self, doc: &'a Document) -> Vec<Word<'a>> {
        let mut out = Vec::new();
        for block in &doc.blocks {
            let Some(text) = doc.prose.get(block.span.clone()) else {
                continue;
            };
            for m in self.classes.words(text) {
                // "th-Century" in "20th-Century" is no word of its own.
                if text[..m.start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                let mut t = &text[m.clone()];
                for suffix in ["'s", "’s"] {
                    if t.len() > suffix.len() + 2 {
                        t = t.strip_suffix(suffix).unwrap_or(t);
                    }
                }
                let start = block.span.start + m.start;
                // "anti-Semitism", "al-Sharaa": a capital after a hyphen counts.
                let capital = t.chars().next().is_some_and(char::is_uppercase)
                    || t.split(['-', '‐'])
                        .skip(1)
                        .any(|p| p.chars().next().is_some_and(char::is_uppercase));
                let before = doc.prose[block.span.start..start]
                    .trim_end_matches([' ', '“', '"', '‘', '\'', '(']);
                let opens =
                    before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n', '—', '-']);
                out.push(Word {
                    text: t,
                    span: start..start + t.len(),
                    proper: capital && !opens,
                    capital,
                });
            }
        }
        out
    }

    /// Pairs of spellings (a first seen, b the other) that look like one name.
    fn variant_pairs(&self, spellings: &HashMap<&str, Spelling>) -> Vec<(String, String)> {
        let p = &self.params;
        let ignore: HashSet<String> = p.ignore.iter().map(|w| w.to_lowercase()).collect();
        let eligible = |text: &str, lower: &str, s: &Spelling| {
            let n = lower.chars().count();
            n >= p.min_length
                && (ignore.is_empty() || !ignore.contains(&text.to_lowercase()))
                && !(text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase))
                && !s.lower_seen
        };
        let mut by_key: HashMap<Key, Vec<&str>> = HashMap::default();
        fn push<'a>(by_key: &mut HashMap<Key, Vec<&'a str>>, key: Key, text: &'a str) {
            let list = by_key.entry(key).or_default();
            if !list.contains(&text) {
                list.push(text);
            }
        }
        let mut chars: Vec<char> = Vec::new();
        for (text, s) in spellings {
            let text = *text;
            let lower = letters(text);
            if !eligible(text, &lower, s) {
                continue;
            }
            let compound = text.contains([' ', '-', '‐']);
            if p.separators {
                push(
                    &mut by_key,
                    Key::Separators(hash_chars(lower.chars())),
                    text,
                );
            }
            if compound {
                continue;
            }
            chars.clear();
            chars.extend(lower.chars());
            if p.doubled_letters {
                let single = chars
                    .iter()
                    .enumerate()
                    .filter(|&(i, c)| i == 0 || chars[i - 1] != *c)
                    .map(|(_, c)| *c);
                push(&mut by_key, Key::Doubles(hash_chars(single)), text);
            }
            if p.transpositions {
                let mut sorted = chars.clone();
                sorted.sort_unstable();
                push(
                    &mut by_key,
                    Key::Anagram(hash_chars(sorted.into_iter())),
                    text,
                );
            }
            // Pairs found through deletion keys are kept only when both names
            // are long, so a short name's keys (most words) are not made.
            if p.long_name_length > 0 && chars.len() >= p.long_name_length {
                // Deletion neighbourhood: two words one edit apart share a key.
                push(
                    &mut by_key,
                    Key::Deletion(hash_chars(chars.iter().copied())),
                    text,
                );
                for i in 0..chars.len() {
                    let without = chars[..i].iter().chain(&chars[i + 1..]).copied();
                    push(&mut by_key, Key::Deletion(hash_chars(without)), text);
                }
            }
        }
        let mut pairs = Vec::new();
        let mut done: HashSet<(String, String)> = HashSet::default();
        for (key, list) in &by_key {
            for (i, a) in list.iter().enumerate() {
                for b in &list[i + 1..] {
                    if a.to_lowercase() == b.to_lowercase() {
                        continue;
                    }
                    if !shares_key(*key, &letters(a), &letters(b)) {
                        continue;
                    }
                    let separators = matches!(key, Key::Separators(_));
                    if !separators && letters(a) == letters(b) {
                        // "DJs" and "DJ’s": punctuation, not spelling.
                        continue;
                    }
                    if matches!(key, Key::Deletion(_)) {
                        let long = letters(a).chars().count().min(letters(b).chars().count());
                        if long < p.long_name_length || !edit_inside(&letters(a), &letters(b)) {
                            continue;
                        }
                    }
                    if matches!(key, Key::Anagram(_)) && !share_a_swap(&letters(a), &letters(b)) {
                        continue;
                    }
                    if separators && !(a.contains([' ', '-', '‐']) || b.contains([' ', '-', '‐']))
                    {
                        continue;
                    }
                    let (x, y) = if a < b { (a, b) } else { (b, a) };
                    if done.insert((x.to_string(), y.to_string())) {
                        pairs.push((x.to_string(), y.to_string()));
                    }
                }
            }
        }
        pairs.sort();
        pairs
    }

    fn report(
        &self,
        doc: &Document,
        spellings: &HashMap<&str, Spelling>,
        a: &str,
        b: &str,
        out: &mut Vec<Finding>,
    ) {
        let (Some(sa), Some(sb)) = (spellings.get(a), spellings.get(b)) else {
            return;
        };
        // A name: written capitalised inside a sentence at least once.
        if !(sa.proper || sb.proper) {
            return;
        }
        let compound = a.contains([' ', '-']) || b.contains([' ', '-']);
        // Two spellings each with its own first name (or its own surname):
        // two people, "Alan Smith" and "Allan Jones".
        let distinct = |x: &HashSet<&str>, y: &HashSet<&str>| {
            !x.is_empty() && !y.is_empty() && x.is_disjoint(y)
        };
        if !compound && (distinct(&sa.before, &sb.before) || distinct(&sa.after, &sb.after)) {
            return;
        }
        // A first name always followed by its surname ("Jennifer Lopez")
        // and a spelling never followed by it ("Jenifer", a singer) name two people.
        let first_name_of_other = |x: &Spelling, y: &Spelling| {
            x.followed == x.spans.len() && !x.after.is_empty() && x.after.is_disjoint(&y.after)
        };
        if !compound && (first_name_of_other(sa, sb) || first_name_of_other(sb, sa)) {
            return;
        }
        // The spelling used less is the odd one out; on a tie, the later.
        let first_a = sa.spans.iter().map(|s| s.start).min().unwrap_or(0);
        let first_b = sb.spans.iter().map(|s| s.start).min().unwrap_or(0);
        let (odd, usual, odd_name, usual_name) = if (sa.spans.len(), std::cmp::Reverse(first_a))
            < (sb.spans.len(), std::cmp::Reverse(first_b))
        {
            (sa, sb, a, b)
        } else {
            (sb, sa, b, a)
        };
        let Some(first_usual) = usual.spans.iter().min_by_key(|s| s.start) else {
            return;
        };
        let mut spans: Vec<Range<usize>> = odd
            .spans
            .iter()
            // A spaced pair inside the usual hyphenated form is no use.
            .filter(|s| !(s.start < first_usual.end && first_usual.start < s.end))
            .cloned()
            .collect();
        spans.sort_by_key(|s| s.start);
        let Some(first_odd) = spans.first() else {
            return;
        };
        // One finding a pair: the first odd use, the others as labels.
        let mut finding = Finding::at(first_odd.clone())
            .field("match", odd_name)
            .field("preferred", usual_name)
            .label(first_usual.clone(), format!("spelled `{usual_name}` here"));
        for span in &spans[1..] {
            finding = finding.label(span.clone(), format!("`{odd_name}` again"));
        }
        out.push(finding);
        let _ = doc;
    }
}

#[cfg(test)]
mod tests {
    use super::{letters_key, share_a_deletion, share_a_swap, shares_key, Key, WordClasses};

    #[test]
    fn word_scan_finds_what_the_regex_finds() {
        let regex =
            regex::Regex::new(r"[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-‐][\p{L}\p{M}]+)*").unwrap();
        let classes = WordClasses::new().unwrap();
        // Letters, marks, digits (ASCII and not), separators, their mixes.
        let alphabet: Vec<char> = "aZé\u{301}ΣΩ9٣\u{2160}'’-‐ .,“”_\u{200d}".chars().collect();
        let mut seed = 7u64;
        let mut texts: Vec<String> = vec![
            "al-Sharaa's 20th-Century COVID-19 Be’er ab--cd e-9f x'".into(),
            "Ἀθῆναι Ⅻ-Ⅰ naïve ‐Dash".into(),
        ];
        for _ in 0..2000 {
            let len = (seed % 12) as usize;
            let text: String = (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            texts.push(text);
        }
        for text in &texts {
            let expected: Vec<_> = regex.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(classes.words(text), expected, "{text:?}");
        }
    }

    #[test]
    fn hashed_keys_are_confirmed_exactly() {
        assert!(share_a_deletion("saakashvili", "sakashvili"));
        assert!(share_a_deletion("saakashvili", "saakashvilli"));
        assert!(!share_a_deletion("saakashvili", "sakashvilly"));
        assert!(shares_key(Key::Doubles(0), "sullivan", "sulivan"));
        assert!(!shares_key(Key::Doubles(0), "sullivan", "sulivam"));
        assert!(!shares_key(Key::Separators(0), "aljazeera", "aljazeira"));
        // A pair of words hashes as its letters written together.
        assert_eq!(
            letters_key(&["Al", "Jazeera"]),
            letters_key(&["Al-Jazeera"])
        );
        assert_ne!(letters_key(&["Al", "Jazeera"]), letters_key(&["Al Jazira"]));
    }

    #[test]
    fn swaps_meet_within_one_swap_each() {
        assert!(share_a_swap("nielsen", "neilsen"));
        assert!(share_a_swap("abcd", "badc"));
        assert!(!share_a_swap("abcd", "dcba"));
        assert!(!share_a_swap("abcd", "abce"));
    }
}
