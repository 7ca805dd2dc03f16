//! Ctrl-C (SIGINT), SIGTERM and SIGHUP during `check`: the run ends
//! promptly with 128 + the signal's number (130 for Ctrl-C), but never
//! while a fixed draft is between its temporary file and the rename over
//! the original — so every draft is either as it was or fully fixed, and
//! no temporary file is left behind. A second signal while a write is
//! finishing ends the process at once.
//!
//! SIGXFSZ (a write past `ulimit -f`) is caught as well: by default it kills
//! the process mid-write, leaving the temporary file behind; caught, the
//! write fails with "file too large" and the file is cleaned up.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, PoisonError, RwLock, RwLockReadGuard};

/// Whether the run was interrupted, and the writes in progress. A write
/// holds the lock shared; an interrupt takes it exclusively, so it waits
/// for the writes in progress and no new one starts after it.
pub struct Writes {
    interrupted: Arc<AtomicBool>,
    lock: RwLock<()>,
}

/// Held while one file is written; see [`Writes::begin`].
pub struct WriteHold<'a> {
    writes: &'a Writes,
    _shared: RwLockReadGuard<'a, ()>,
}

impl WriteHold<'_> {
    /// Checked just before the rename: an interrupt that came while the
    /// temporary file was written cancels the write.
    pub fn interrupted(&self) -> bool {
        self.writes.interrupted()
    }
}

impl Writes {
    pub fn new() -> Self {
        Writes {
            interrupted: Arc::new(AtomicBool::new(false)),
            lock: RwLock::new(()),
        }
    }

    /// The writes of this process, which the signal handlers guard.
    pub fn global() -> &'static Writes {
        static WRITES: LazyLock<Writes> = LazyLock::new(Writes::new);
        &WRITES
    }

    pub fn interrupted(&self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
    }

    /// Starts a write, or refuses to once the run has been interrupted.
    pub fn begin(&self) -> Option<WriteHold<'_>> {
        let shared = self.lock.read().unwrap_or_else(PoisonError::into_inner);
        if self.interrupted() {
            return None;
        }
        Some(WriteHold {
            writes: self,
            _shared: shared,
        })
    }

    /// Marks the run interrupted and waits until no write is in progress;
    /// after this no file is written.
    pub fn interrupt(&self) {
        self.interrupted.store(true, Ordering::SeqCst);
        drop(self.lock.write().unwrap_or_else(PoisonError::into_inner));
    }
}

impl Default for Writes {
    fn default() -> Self {
        Self::new()
    }
}

/// Installs the handlers for the rest of the process: a thread waits for
/// the first termination signal, lets writes in progress finish, says so
/// on stderr (`fixing`: and what became of the files) and exits. Best
/// effort: if a handler cannot be installed, the signal keeps its default
/// action.
#[cfg(unix)]
pub fn install(fixing: bool) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGXFSZ};
    use signal_hook::flag;
    use signal_hook::iterator::Signals;
    use std::io::Write;

    let writes = Writes::global();
    let _ = flag::register(SIGXFSZ, Arc::new(AtomicBool::new(false)));
    let terminating = [SIGINT, SIGTERM, SIGHUP];
    for signal in terminating {
        // Registered first, so it runs before the flag is set: only a
        // second signal finds the flag set and exits at once.
        let _ = flag::register_conditional_shutdown(
            signal,
            128 + signal,
            Arc::clone(&writes.interrupted),
        );
    }
    let Ok(mut signals) = Signals::new(terminating) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("copydesk-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                writes.interrupt();
                let name = match signal {
                    SIGINT => "interrupted",
                    SIGTERM => "terminated",
                    _ => "hung up",
                };
                let files = if fixing {
                    "; files already fixed stay fixed, the others are unchanged"
                } else {
                    ""
                };
                let _ = writeln!(std::io::stderr(), "copydesk: {name}{files}");
                std::process::exit(128 + signal);
            }
        });
}

#[cfg(not(unix))]
pub fn install(_fixing: bool) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_write_starts_after_an_interrupt() {
        let writes = Writes::new();
        assert!(writes.begin().is_some());
        writes.interrupt();
        assert!(writes.begin().is_none());
    }

    #[test]
    fn an_interrupt_waits_for_the_write_in_progress() {
        let writes = Arc::new(Writes::new());
        let hold = writes.begin();
        let interrupter = {
            let writes = Arc::clone(&writes);
            std::thread::spawn(move || writes.interrupt())
        };
        while !writes.interrupted() {
            std::thread::yield_now();
        }
        // The write in progress sees the interrupt before its rename, and
        // the interrupt returns only once the write has let go.
        assert!(hold.as_ref().is_some_and(WriteHold::interrupted));
        assert!(!interrupter.is_finished());
        drop(hold);
        interrupter.join().unwrap();
    }
}
