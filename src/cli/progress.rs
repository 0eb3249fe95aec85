//! The progress line long imports and exports draw on standard error, so an
//! analyst importing a large file can see it is moving.

/// A progress line on standard error for long imports and exports, shown
/// only when standard error is a terminal (never in pipes, logs or tests)
/// and redrawn at most a few times a second.
pub(super) struct Progress {
    shown: bool,
    /// Rows counted by `step`; the export reports it as its total.
    pub(super) count: u64,
    last: Option<std::time::Instant>,
}

impl Progress {
    const EVERY: std::time::Duration = std::time::Duration::from_millis(250);

    pub(super) fn new() -> Progress {
        use std::io::IsTerminal;
        Progress {
            shown: std::io::stderr().is_terminal(),
            count: 0,
            last: None,
        }
    }

    /// Counts one more row and redraws the line if it is time to.
    pub(super) fn step(&mut self, line: impl FnOnce(u64) -> String) {
        self.count += 1;
        if self.count.is_multiple_of(1024) {
            self.show(line(self.count));
        }
    }

    pub(super) fn show(&mut self, line: String) {
        if !self.shown {
            return;
        }
        let now = std::time::Instant::now();
        if self
            .last
            .is_some_and(|t| now.duration_since(t) < Self::EVERY)
        {
            return;
        }
        self.last = Some(now);
        eprint!("\r{line}\x1b[K");
    }

    /// Removes the line before the final message.
    pub(super) fn clear(&mut self) {
        if self.shown && self.last.take().is_some() {
            eprint!("\r\x1b[K");
        }
    }
}
