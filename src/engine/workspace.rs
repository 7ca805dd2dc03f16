//! Which engine governs which draft: the nearest `.copydesk.yaml` at or
//! above the draft's directory (or one config forced for all), each
//! config loaded and resolved once. The CLI resolves every input through
//! this before linting; the language server keeps one for its session and
//! clears it when a config changes.

use super::{Engine, Overrides};
use crate::config::{self, LoadedConfig};
use crate::rules::LoadError;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Engines by the config file that governs them (`None`: no config).
#[derive(Debug, Default)]
pub struct Workspace {
    forced: Option<LoadedConfig>,
    overrides: Overrides,
    engines: HashMap<Option<PathBuf>, Arc<Engine>>,
}

impl Workspace {
    /// `forced`: one config for every draft (`--config`); otherwise each
    /// draft's is discovered.
    pub fn new(forced: Option<LoadedConfig>, overrides: Overrides) -> Self {
        Workspace {
            forced,
            overrides,
            engines: HashMap::new(),
        }
    }

    /// The config file that governs a draft at `path` (None: defaults).
    pub fn config_for(&self, path: &Path) -> Option<PathBuf> {
        if let Some(c) = &self.forced {
            return c.path.clone();
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        config::discover(&dir)
    }

    /// The engine for a draft at `path`, loading its config the first time.
    pub fn engine_for(&mut self, path: &Path) -> Result<Arc<Engine>, Vec<LoadError>> {
        let key = self.config_for(path);
        if let Some(engine) = self.engines.get(&key) {
            return Ok(Arc::clone(engine));
        }
        let loaded = match (&self.forced, &key) {
            (Some(c), _) => c.clone(),
            (None, Some(path)) => LoadedConfig::load(path).map_err(|e| vec![e])?,
            (None, None) => LoadedConfig::default(),
        };
        let engine = Arc::new(Engine::new(&loaded, &self.overrides)?);
        self.engines.insert(key, Arc::clone(&engine));
        Ok(engine)
    }

    /// Every engine loaded so far.
    pub fn engines(&self) -> impl Iterator<Item = &Arc<Engine>> {
        self.engines.values()
    }

    /// Forgets every loaded engine, so the next `engine_for` reads the
    /// configs and rule files again (a config was edited).
    pub fn reload(&mut self) {
        self.engines.clear();
    }
}
