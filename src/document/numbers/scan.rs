//! Reading figures off a sentence's tokens: a currency before or after,
//! digits or number words, a magnitude, a percent sign, a range, and the
//! approximation in front.

use super::tokens::Tok;
use super::words::{self, APPROXIMATIONS};
use super::{counted, Approx, Figure, Unit};

/// A number read from tokens `start..end`.
pub(super) struct Num {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub high: Option<f64>,
    pub precision: f64,
    pub vague: Option<(f64, f64)>,
    pub unit: Unit,
}

/// The lower-case text of token `i`.
pub(super) fn word(prose: &str, toks: &[Tok], i: usize) -> Option<String> {
    let t = toks.get(i)?;
    prose.get(t.span.clone()).map(str::to_lowercase)
}

/// Appends the figures of one sentence.
pub(super) fn sentence_figures(prose: &str, toks: &[Tok], sentence: usize, out: &mut Vec<Figure>) {
    let mut i = 0;
    while i < toks.len() {
        if !could_start(prose, &toks[i]) {
            i += 1;
            continue;
        }
        let Some(mut num) = number_at(prose, toks, i) else {
            i += 1;
            continue;
        };
        let before = |k: usize| num.start.checked_sub(k).and_then(|j| word(prose, toks, j));
        let changed_from = before(1).as_deref() == Some("from");
        if !changed_from {
            range_after(prose, toks, &mut num);
        }
        let (approx, approx_start) = approximation(prose, toks, num.start);
        let (counts, counts_span) = counted::counted(prose, toks, approx_start, num.end);
        let event = counts
            .as_deref()
            .is_some_and(|c| words::event(c) == Some(c));
        let first = &toks[approx_start];
        let last = &toks[num.end - 1];
        out.push(Figure {
            span: first.span.start..last.span.end,
            number: toks[num.start].span.start..last.span.end,
            value: num.value,
            high: num.high,
            precision: num.precision,
            vague: num.vague,
            approx,
            unit: num.unit,
            counts,
            counts_span,
            event,
            changed_from,
            sentence,
        });
        i = num.end;
    }
}

/// Words a figure may start with besides digits, signs and number
/// words: "a dozen", vague plurals and currency words.
const STARTS: &[&str] = &[
    "a",
    "tens",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "pounds",
    "pound",
    "sterling",
    "dollars",
    "dollar",
    "euros",
    "euro",
    "yen",
];

/// Whether a figure may start at `tok`, without allocating: most tokens
/// are words that start none, and this runs on every token.
fn could_start(prose: &str, tok: &Tok) -> bool {
    let Some(text) = prose.get(tok.span.clone()) else {
        return false;
    };
    if tok.sign || text.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let head = text.split('-').next().unwrap_or(text);
    [STARTS, &words::UNITS[..], &words::TENS[..]]
        .iter()
        .flat_map(|list| list.iter())
        .any(|w| w.eq_ignore_ascii_case(head))
}

/// "10 to 12", "10-12", "between 10 and 12": the high end.
fn range_after(prose: &str, toks: &[Tok], num: &mut Num) {
    if num.high.is_some() {
        return;
    }
    let link = word(prose, toks, num.end);
    let between = num.start > 0 && word(prose, toks, num.start - 1).as_deref() == Some("between");
    let linked = match link.as_deref() {
        Some("to") => true,
        Some("and") => between,
        _ => false,
    };
    if !linked || toks.get(num.end).is_some_and(|t| t.after_break) {
        return;
    }
    if let Some(high) = number_at(prose, toks, num.end + 1) {
        // "3 to 4bn" is read no further than "3": the magnitude is unclear.
        let plausible = high.value >= num.value && high.value <= num.value * 10.0;
        if (high.unit == num.unit || high.unit == Unit::Count) && plausible {
            num.high = Some(high.value);
            num.end = high.end;
        }
    }
}

/// The approximation ending right before token `start`, and the token
/// where the figure's phrase begins.
fn approximation(prose: &str, toks: &[Tok], start: usize) -> (Approx, usize) {
    for (phrase, approx) in APPROXIMATIONS {
        let n = phrase.len();
        if start < n || toks[start].after_break {
            continue;
        }
        let matches = phrase
            .iter()
            .enumerate()
            .all(|(k, w)| word(prose, toks, start - n + k).as_deref() == Some(*w));
        let joined = (start - n + 1..start).all(|k| !toks[k].after_break);
        if matches && joined {
            return (*approx, start - n);
        }
    }
    (Approx::Exact, start)
}

/// A number starting at token `i` (with its currency sign or word).
pub(super) fn number_at(prose: &str, toks: &[Tok], i: usize) -> Option<Num> {
    let first = word(prose, toks, i)?;
    let mut unit = Unit::Count;
    let mut j = i;
    if let Some(code) = words::currency(&first) {
        // "£3.2bn", "dollars 1.13bn" (a wire style): money before digits.
        let next = toks.get(i + 1)?;
        if next.after_break || !prose[next.span.clone()].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        unit = Unit::Money(code);
        j = i + 1;
    }
    let text = word(prose, toks, j)?;
    let (mut value, mut precision, vague, mut end, high) =
        if text.starts_with(|c: char| c.is_ascii_digit()) {
            let (v, p, h, scale) = digits(&text)?;
            let plain = scale == 1.0 && h.is_none() && !text.contains([',', '.']);
            // A bare four-digit number is a year ("in 2004"), not a figure.
            if plain && unit == Unit::Count && (1000.0..=2100.0).contains(&v) {
                return None;
            }
            (v * scale, p * scale, None, j + 1, h.map(|h| h * scale))
        } else if unit == Unit::Count {
            let (v, p, vague, end) = number_words(prose, toks, j)?;
            (v, p, vague, end, None)
        } else {
            return None;
        };
    let mut high = high;
    if let Some(m) = word(prose, toks, end)
        .filter(|_| !toks[end].after_break)
        .as_deref()
        .and_then(words::magnitude)
    {
        if vague.is_none() {
            value *= m;
            precision *= m;
            high = high.map(|h| h * m);
            end += 1;
        }
    }
    if unit == Unit::Count {
        if let Some(code) = word(prose, toks, end)
            .filter(|_| !toks[end].after_break)
            .as_deref()
            .and_then(words::currency)
            .filter(|c| *c != "GBP" || word(prose, toks, end).as_deref() != Some("pound"))
        {
            unit = Unit::Money(code);
            end += 1;
        }
    }
    let next = word(prose, toks, end);
    let sign =
        toks.get(end).is_some_and(|t| t.sign && !t.after_break) && next.as_deref() == Some("%");
    if sign || next.as_deref() == Some("percent") {
        unit = Unit::Percent;
        end += 1;
    } else if next.as_deref() == Some("per")
        && word(prose, toks, end + 1).as_deref() == Some("cent")
    {
        unit = Unit::Percent;
        end += 2;
    }
    Some(Num {
        start: i,
        end,
        value,
        high,
        precision,
        vague,
        unit,
    })
}

/// "12", "1,000", "3.2", "3.2bn", "450m", "10-12": value, precision,
/// range end and the magnitude a suffix gives. None for ordinals,
/// decades, ages, times and measurements ("3rd", "1990s", "47-year-old").
fn digits(text: &str) -> Option<(f64, f64, Option<f64>, f64)> {
    let numeric_len = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(text.len());
    let numeric = &text[..numeric_len];
    let suffix = &text[numeric_len..];
    let (value, precision) = parse_numeric(numeric)?;
    if let Some(rest) = suffix.strip_prefix(['-', '–']) {
        // "10-12": a range; "12-month", "47-year-old": a compound.
        let (high, _) = parse_numeric(rest)?;
        return (high >= value).then_some((value, precision, Some(high), 1.0));
    }
    let scale = match suffix {
        "" => 1.0,
        s => words::magnitude(s)?,
    };
    Some((value, precision, None, scale))
}

/// Digits with thousands commas and a decimal point: value and the place
/// of the last digit.
fn parse_numeric(s: &str) -> Option<(f64, f64)> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) if !f.contains(['.', ',']) && !f.is_empty() => (i, Some(f)),
        Some(_) => return None,
        None => (s, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    let grouped_ok = groups.len() == 1
        || groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3);
    if !grouped_ok || int.is_empty() {
        return None;
    }
    let int_digits: String = groups.concat();
    let text = match frac {
        Some(f) => format!("{int_digits}.{f}"),
        None => int_digits.clone(),
    };
    let value: f64 = text.parse().ok()?;
    let precision = match frac {
        Some(f) => 10f64.powi(-(i32::try_from(f.len()).ok()?)),
        None => {
            let zeros = int_digits.len() - int_digits.trim_end_matches('0').len();
            if value == 0.0 {
                1.0
            } else {
                10f64.powi(i32::try_from(zeros).ok()?)
            }
        }
    };
    Some((value, precision))
}

/// A number read from words: value, precision, vague span, end token.
type WordNumber = (f64, f64, Option<(f64, f64)>, usize);

/// "twelve", "twenty-one", "a dozen", "two dozen", "three hundred",
/// "dozens", "hundreds", "tens of thousands".
fn number_words(prose: &str, toks: &[Tok], i: usize) -> Option<WordNumber> {
    let w = word(prose, toks, i)?;
    let next = |k: usize| {
        word(prose, toks, i + k).filter(|_| toks.get(i + k).is_some_and(|t| !t.after_break))
    };
    if w == "a" && next(1).as_deref() == Some("dozen") {
        return Some((12.0, 1.0, None, i + 2));
    }
    if w == "tens" && next(1).as_deref() == Some("of") && next(2).as_deref() == Some("thousands") {
        return Some((20_000.0, 1.0, Some((20_000.0, 99_999.0)), i + 3));
    }
    if let Some((lo, hi)) = words::vague(&w) {
        return Some((lo, 1.0, Some((lo, hi)), i + 1));
    }
    let value = words::number_word(&w)?;
    // "one" and "zero" are pronouns and idioms far more often than counts.
    let multiplied = next(1).as_deref().and_then(words::magnitude).is_some()
        || next(1).as_deref() == Some("dozen");
    if value < 2.0 && !multiplied {
        return None;
    }
    // Capitalised number words open names ("Three Mobile") in the body.
    if prose[toks[i].span.clone()].starts_with(|c: char| c.is_uppercase())
        && !toks[i].after_break
        && i > 0
    {
        return None;
    }
    if next(1).as_deref() == Some("dozen") {
        return Some((value * 12.0, 1.0, None, i + 2));
    }
    let precision = if value >= 20.0 && value % 10.0 == 0.0 {
        10.0
    } else {
        1.0
    };
    Some((value, precision, None, i + 1))
}
