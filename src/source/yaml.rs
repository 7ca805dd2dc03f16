//! How rule files and `.copydesk.yaml` are read: serde-saphyr with limits
//! sized for hand-written files, so an alias bomb or absurd nesting is
//! refused in milliseconds with a located error instead of eating memory.

use serde::de::DeserializeOwned;

/// Deserialises one YAML document under copydesk's limits.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, serde_saphyr::Error> {
    serde_saphyr::from_str_with_options(text, options())
}

/// Plain size (events, nodes, scalar bytes) keeps serde-saphyr's defaults,
/// which a long substitution table or a local gazetteer of thousands of
/// places fits in; what is tightened is what hand-written files never
/// need — many anchors and aliases, alias replay, deep nesting — which is
/// what YAML bombs are made of.
pub fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_depth: 32,
            max_documents: 1,
            max_recorded_anchor_events: 100_000,
            max_recorded_anchor_bytes: 4 * 1024 * 1024,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 100_000,
            max_replay_stack_depth: 16,
        },
    }
}
