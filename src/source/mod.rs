//! The bottom layer: YAML sources (rule files, configs), the located
//! errors every layer above reports them with, and byte offset <->
//! line/column positions for any text. Imports nothing of the crate.

mod error;
mod lines;
pub mod suggest;
pub mod yaml;

pub use error::{LoadError, YamlSource};
pub use lines::{LineIndex, Position};
