//! Cost of the place rules on the seed article (run with --release):
//! first run in a fresh process (gazetteer pages and country table cold),
//! then the mean of later runs.

use copydesk::document::Format;
use copydesk::lint::{lint_text, Selection};
use copydesk::rules::RuleSet;
use std::time::Instant;

fn main() {
    let text = include_str!("seed-article.txt");
    let t = Instant::now();
    let rules = match RuleSet::builtin() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rules do not load: {e:?}");
            return;
        }
    };
    println!("load built-in rules: {:?}", t.elapsed());
    let only = |what: &str| Selection {
        select: vec![what.to_string()],
        ..Selection::default()
    };
    for (label, sel) in [
        ("place (cold)", only("place")),
        ("place (warm)", only("place")),
    ] {
        let t = Instant::now();
        let (_, d) = lint_text(text.to_string(), Format::Text, &rules, &sel);
        println!("{label}: {:?}, {} findings", t.elapsed(), d.len());
    }
    let n = 200;
    let t = Instant::now();
    for _ in 0..n {
        let _ = lint_text(text.to_string(), Format::Text, &rules, &only("place"));
    }
    println!("place (mean of {n}): {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        let _ = lint_text(text.to_string(), Format::Text, &rules, &only("style"));
    }
    println!("style (mean of {n}): {:?}", t.elapsed() / n);
}
