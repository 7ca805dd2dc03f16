//! Every built-in rule is complete (description, examples, a message whose
//! placeholders exist) and its own examples behave: each `flag` example
//! gives a finding of that rule, each `pass` example gives none.

use copydesk::lint::example_failure;
use copydesk::rules::RuleSet;

fn builtin() -> RuleSet {
    match RuleSet::builtin() {
        Ok(rules) => rules,
        Err(errors) => panic!("built-in rules do not load: {errors:?}"),
    }
}

#[test]
fn every_builtin_rule_example_behaves() {
    let rules = builtin();
    let mut failures = Vec::new();
    let mut count = 0;
    for rule in rules.iter() {
        for (text, flag) in rule
            .examples
            .flag
            .iter()
            .map(|e| (e, true))
            .chain(rule.examples.pass.iter().map(|e| (e, false)))
        {
            count += 1;
            if let Some(why) = example_failure(rule, text, flag) {
                failures.push(format!(
                    "{} ({}): {why}\n    {text}",
                    rule.id,
                    if flag { "flag" } else { "pass" }
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(count >= 2 * rules.len());
}

#[test]
fn every_builtin_rule_is_documented_and_unique() {
    let rules = builtin();
    assert!(rules.len() >= 6, "only {} built-in rules", rules.len());
    for rule in rules.iter() {
        assert!(
            !rule.description.flags.is_empty()
                && !rule.description.why.is_empty()
                && !rule.description.fix.is_empty(),
            "{}: description lacks sections",
            rule.id
        );
        assert!(
            !rule.examples.flag.is_empty() && !rule.examples.pass.is_empty(),
            "{}",
            rule.id
        );
        assert!(rule.origin.starts_with("rules/"), "{}", rule.origin);
        let dir = rule.origin.split('/').nth(1).unwrap_or("");
        assert_eq!(
            dir,
            rule.category.as_str(),
            "{} lives under rules/{dir}/ but is category {}",
            rule.id,
            rule.category.as_str()
        );
        let file = rule.origin.rsplit('/').next().unwrap_or("");
        assert_eq!(file, format!("{}.yaml", rule.id), "file name and id differ");
    }
}

#[test]
fn fixes_converge() {
    // Applying a rule's fixes to its flag examples leaves nothing fixable.
    let rules = builtin();
    for rule in rules.iter() {
        for text in &rule.examples.flag {
            let fixed = copydesk::fix::apply(text, &copydesk::lint::run_rule(rule, text));
            let again = copydesk::lint::run_rule(rule, &fixed);
            assert!(
                again.iter().all(|d| d.fix.is_none()),
                "{}: fix does not converge on {text:?} -> {fixed:?}",
                rule.id
            );
        }
    }
}
