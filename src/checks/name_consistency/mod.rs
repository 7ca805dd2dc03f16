//! `name_consistency`: one name spelled two ways in one text — a doubled
//! or dropped letter (Sullivan/Sulivan, Mohammed/Mohamed), two letters
//! swapped (Nielsen/Neilsen), a hyphen or space (al-Sharaa/al Sharaa,
//! Al Jazeera/Aljazeera), a letter changed, added or dropped with the
//! edit scaled to the name's length (Scorsese/Scorcese, Gazprom/Gasprom),
//! a diacritic folded (Aragonés/Aragones, Börse/Boerse), a capital inside
//! a name (WorldCom/Worldcom), or two transliterations that sound alike
//! (Mohammed/Muhammad). Candidate pairs are found through hashed keys
//! (deletion neighbourhoods, folded and sound forms), so the cost is
//! linear in the text. Two spellings each tied to its own first name are
//! two people; grammar at a word's end (Kenya/Kenyan), a country beside
//! its adjective, two places the gazetteer knows and a short sentence
//! opener ("More" beside "Moore") are not variants.
use super::{Check, Kind};
use crate::checks::LoadContext;
use crate::diagnostic::Finding;
use crate::document::{is_title_word, Document};
use crate::rule_params;
use crate::source::LoadError;
use keys::{confirm, fold, hash_chars, letters, letters_key, sound, Key};
use plausible::{edits_plausible, opener_only, two_names};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use words::{mark_lower_seen, WordClasses};

pub(super) mod edits;
pub(super) mod first_names;
mod keys;
mod plausible;
pub(super) mod roster;
mod words;

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
    /// After a title or honorific at least once ("Ms Fiorina").
    titled: bool,
    /// How many uses a capitalised word precedes.
    preceded: usize,
    /// How many uses stand alone inside a sentence: no capitalised word
    /// on either side ("Gates said", not "Games Developers").
    alone: usize,
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
        let mut full_names = first_names::FullNames::default();
        for (i, w) in words.iter().enumerate() {
            if !w.capital {
                continue;
            }
            let s = spellings.entry(w.text).or_default();
            s.spans.push(w.span.clone());
            s.proper |= w.proper;
            let mut neighbours = false;
            if let Some(prev) = i.checked_sub(1).map(|p| &words[p]) {
                if prev.capital && joined(prev, w) {
                    neighbours = true;
                    if is_title_word(prev.text) {
                        s.titled = true;
                    } else {
                        s.before.insert(prev.text);
                        s.preceded += 1;
                        full_names.push(prev.text, w.text, prev.span.clone());
                    }
                }
            }
            if let Some(next) = words.get(i + 1) {
                if next.capital && joined(w, next) && !is_title_word(w.text) {
                    neighbours = true;
                    s.after.insert(next.text);
                    s.followed += 1;
                }
            }
            if w.proper && !neighbours {
                s.alone += 1;
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
        let mut reported: Vec<(&str, &str)> = Vec::new();
        for (a, b, fuzzy) in &pairs {
            let (a, b, fuzzy) = (a.as_str(), b.as_str(), *fuzzy);
            if fuzzy {
                let sounded = edits::distance(a, b) > 1;
                if !edits_plausible(&spellings, a, b, sounded)
                    || roster::team_sheet_names(&doc.prose, &spellings, a, b, sounded)
                {
                    continue;
                }
            }
            let before = out.len();
            self.report(doc, &spellings, a, b, out);
            if out.len() > before {
                reported.push((a, b));
            }
        }
        let known = |x: &str, y: &str| {
            reported
                .iter()
                .any(|&(a, b)| (a == x && b == y) || (a == y && b == x))
        };
        // A first name is not also a common word of the text ("northern").
        let name_like = |w: &str| {
            first_names::may_be_first_name(w) && spellings.get(w).is_none_or(|s| !s.lower_seen)
        };
        let apart = |x: &Range<usize>, y: &Range<usize>| {
            doc.sentence_at(x.start) != doc.sentence_at(y.start)
        };
        full_names.variants(known, name_like, apart, out);
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
    /// Pairs of spellings (a first seen, b the other) that look like one
    /// name, and whether an edit (not a letter doubled, swapped or
    /// separated) found them.
    fn variant_pairs(&self, spellings: &HashMap<&str, Spelling>) -> Vec<(String, String, bool)> {
        let p = &self.params;
        let ignore: HashSet<String> = p.ignore.iter().map(|w| w.to_lowercase()).collect();
        let acronym = |text: &str| {
            text.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        };
        let eligible = |text: &str, lower: &str, s: &Spelling| {
            let n = lower.chars().count();
            n >= p.min_length
                && (ignore.is_empty() || !ignore.contains(&text.to_lowercase()))
                && !acronym(text)
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
            // An acronym is compared only with its letters reordered
            // ("HBSC" for "HSBC"): a changed letter is another acronym.
            if p.transpositions
                && acronym(text)
                && lower.chars().count() >= 4
                && lower.chars().all(char::is_alphabetic)
                && !s.lower_seen
            {
                let mut sorted: Vec<char> = lower.chars().collect();
                sorted.sort_unstable();
                push(
                    &mut by_key,
                    Key::Anagram(hash_chars(sorted.into_iter())),
                    text,
                );
                continue;
            }
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
            // Edits are for words of letters: "A380s" and "A300s" are models.
            if p.long_name_length == 0 || !lower.chars().all(char::is_alphabetic) {
                continue;
            }
            let folded = fold(&lower, false);
            push(&mut by_key, Key::Folded(hash_chars(folded.chars())), text);
            let german = fold(&lower, true);
            if german != folded {
                push(&mut by_key, Key::Folded(hash_chars(german.chars())), text);
            }
            // Deletion neighbourhood of the folded letters: two spellings
            // one edit apart share a key, so no pair is compared blindly.
            let f: Vec<char> = folded.chars().collect();
            if f.len() >= 4 {
                push(
                    &mut by_key,
                    Key::Deletion(hash_chars(f.iter().copied())),
                    text,
                );
                for i in 0..f.len() {
                    let without = f[..i].iter().chain(&f[i + 1..]).copied();
                    push(&mut by_key, Key::Deletion(hash_chars(without)), text);
                }
            }
            if f.len() >= 5 {
                push(
                    &mut by_key,
                    Key::Sound(hash_chars(sound(&folded).chars())),
                    text,
                );
            }
        }
        let mut pairs = Vec::new();
        let mut done: HashMap<(String, String), usize> = HashMap::default();
        for (key, list) in &by_key {
            // A bucket is a handful of spellings; a hostile text of
            // thousands of near-identical words is not compared pairwise.
            if list.len() > MAX_BUCKET {
                continue;
            }
            for (i, a) in list.iter().enumerate() {
                for b in &list[i + 1..] {
                    if !confirm(*key, a, b) {
                        continue;
                    }
                    let (x, y) = if a < b { (a, b) } else { (b, a) };
                    let fuzzy = matches!(key, Key::Deletion(_) | Key::Sound(_));
                    match done.entry((x.to_string(), y.to_string())) {
                        std::collections::hash_map::Entry::Occupied(e) => {
                            // Found also by a plainer key: not only an edit.
                            let p: &mut (String, String, bool) = &mut pairs[*e.get()];
                            p.2 &= fuzzy;
                        }
                        std::collections::hash_map::Entry::Vacant(e) => {
                            e.insert(pairs.len());
                            pairs.push((x.to_string(), y.to_string(), fuzzy));
                        }
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
        // A word only ever opening a sentence that is an opener or a
        // contraction ("More" beside "Moore", "We're" beside "Where").
        for (text, s) in [(a, sa), (b, sb)] {
            // (An acronym opening a sentence is still the acronym.)
            let opener = is_title_word(text) && !text.chars().all(|c| c.is_uppercase());
            if opener_only(s) && (opener || text.contains(['\'', '’'])) {
                return;
            }
        }
        // One use of each, one with a first name and the other without, is
        // too little to tell a slip from two names (the firm Philips, the
        // analyst Mark Phillips).
        let compound = a.contains([' ', '-']) || b.contains([' ', '-']);
        let bare = |x: &Spelling| x.before.is_empty() && !x.titled;
        if !compound
            && sa.spans.len() == 1
            && sb.spans.len() == 1
            && (bare(sa) && !sb.before.is_empty() || bare(sb) && !sa.before.is_empty())
        {
            return;
        }
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
        if !compound && two_names(sa, sb) {
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

/// Spellings in one bucket are compared; buckets this large are skipped.
const MAX_BUCKET: usize = 32;

#[cfg(test)]
mod tests;
