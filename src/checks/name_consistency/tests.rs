use super::keys::{letters_key, share_a_deletion, share_a_swap, shares_key, Key};
use super::words::WordClasses;

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

mod edits {
    use crate::checks::name_consistency::edits::one_name;

    #[test]
    fn one_edit_scaled_to_length() {
        assert!(one_name("zidane", "zidanne", false));
        assert!(one_name("beckham", "beckam", false));
        assert!(one_name("gazprom", "gasprom", false));
        // Four letters: too short for a changed letter.
        assert!(!one_name("hart", "hurt", false));
    }

    #[test]
    fn endings_that_are_grammar_are_not_variants() {
        assert!(!one_name("kenya", "kenyan", false));
        assert!(!one_name("israel", "israeli", false));
        assert!(!one_name("malone", "maloney", false));
        assert!(!one_name("germans", "germany", false));
        // A consonant changed at the end is a transliteration.
        assert!(one_name("neftegas", "neftegaz", false));
    }

    #[test]
    fn first_letters_must_sound_alike() {
        assert!(one_name("gaddafi", "qaddafi", false));
        assert!(!one_name("walters", "palters", false));
    }

    #[test]
    fn diacritics_fold_both_ways() {
        assert!(one_name("müller", "muller", false));
        assert!(one_name("müller", "mueller", false));
        assert!(one_name("ødegaard", "odegaard", false));
        assert!(one_name("hreiðar", "hreidar", false));
    }

    #[test]
    fn transliterations_that_sound_alike() {
        assert!(one_name("mohammed", "muhammad", false));
        assert!(!one_name("brown", "brian", false));
    }

    #[test]
    fn first_names_allow_more_but_not_the_other_sex() {
        assert!(one_name("ian", "iain", true));
        assert!(one_name("german", "herman", true));
        assert!(!one_name("paul", "paula", true));
        assert!(!one_name("mario", "maria", true));
    }
}

mod familiar_forms {
    use crate::checks::name_consistency::edits::one_name;

    #[test]
    fn pet_forms_of_first_names_are_one_person() {
        assert!(!one_name("steve", "stevie", false));
        assert!(!one_name("jonny", "jon", false));
        assert!(!one_name("robbie", "rob", false));
        // A dropped letter that makes no pet ending is still a slip.
        assert!(one_name("mourinho", "mourino", false));
        assert!(one_name("scorsese", "scorcese", false));
    }
}

mod team_sheets {
    use crate::checks::name_consistency::roster::in_name_list;

    fn at(text: &str, word: &str) -> bool {
        let start = text.find(word).unwrap();
        in_name_list(text, &(start..start + word.len()))
    }

    #[test]
    fn items_of_a_line_up_are_listed() {
        let line = "Wasps: Van Gisbergen; Lewsey, Erinle (capt), Waters, Voyce; King, Dawson.";
        assert!(at(line, "Waters"));
        let bench = "Replacements: Kalman, Regan, Hyde, Rigney, McMillan, Rock, Vickerman.";
        assert!(at(bench, "McMillan"));
    }

    #[test]
    fn a_name_in_running_prose_is_not_listed() {
        let prose = "McMillan, who joined in June, said the side was ready, and the coach agreed.";
        assert!(!at(prose, "McMillan"));
        let short = "Smith, Jones and Brown signed.";
        assert!(!at(short, "Jones"));
    }
}

mod first_name_changes {
    use crate::checks::name_consistency::first_names::{may_be_first_name, FullNames};
    use crate::diagnostic::Finding;

    fn findings(uses: &[(&'static str, &'static str)]) -> Vec<Finding> {
        let mut names = FullNames::default();
        for (i, (first, surname)) in uses.iter().enumerate() {
            names.push(first, surname, i * 100..i * 100 + first.len());
        }
        let mut out = Vec::new();
        names.variants(|_, _| false, may_be_first_name, |a, b| a != b, &mut out);
        out
    }

    #[test]
    fn a_first_name_a_letter_off_is_flagged_once() {
        let out = findings(&[("Ines", "Roca"), ("Ines", "Roca"), ("Innes", "Roca")]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].span, 200..205);
    }

    #[test]
    fn short_forms_families_and_regions_are_not() {
        assert!(findings(&[("Daniel", "Okoro"), ("Dan", "Okoro")]).is_empty());
        assert!(findings(&[("Paul", "Ames"), ("Paula", "Ames")]).is_empty());
        // Three first names before one surname: a family.
        assert!(findings(&[("Ian", "Holt"), ("Iain", "Holt"), ("Ruth", "Holt")]).is_empty());
        assert!(findings(&[("Northern", "Ireland"), ("Southern", "Ireland")]).is_empty());
        // Each written twice: two people, not a slip.
        assert!(findings(&[
            ("Ian", "Holt"),
            ("Iain", "Holt"),
            ("Ian", "Holt"),
            ("Iain", "Holt")
        ])
        .is_empty());
    }
}
