//! Standard output for the commands that print a line per file or report,
//! and the exit code such a command ends with: a failing standard output is
//! an error reported once the work is done, never a panic halfway through.

use std::io::Write;
use std::process::ExitCode;

/// Standard output for the commands that print one line per file or report.
///
/// A closed pipe (`| head -1`) or a full device must not stop the work: the
/// files after it are still imported, so the first write error is kept, the
/// rest of the output is dropped, and `finish` reports the error once the
/// work is done (exit code 1). `println!` would panic instead and leave the
/// remaining files untouched.
pub(super) struct Output {
    out: std::io::StdoutLock<'static>,
    failed: Option<std::io::Error>,
}

impl Output {
    pub(super) fn new() -> Output {
        Output {
            out: std::io::stdout().lock(),
            failed: None,
        }
    }

    /// The error to end the command with, if any write (or the final flush) failed.
    fn finish(mut self) -> anyhow::Result<()> {
        if self.failed.is_none()
            && let Err(e) = self.out.flush()
        {
            self.failed = Some(e);
        }
        match self.failed {
            Some(e) => Err(anyhow::Error::new(e).context("writing to standard output")),
            None => Ok(()),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.failed.is_none()
            && let Err(e) = self.out.write_all(buf)
        {
            self.failed = Some(e);
        }
        // Claim success so callers (serde, `writeln!`) carry on: the error
        // is reported once, by `finish`.
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.failed.is_none()
            && let Err(e) = self.out.flush()
        {
            self.failed = Some(e);
        }
        Ok(())
    }
}

/// The exit code of a command that tried every file (or report): failure if
/// one failed or standard output could not take the results.
pub(super) fn finish(out: Output, failed: usize) -> anyhow::Result<ExitCode> {
    let written = out.finish();
    if failed > 0 {
        if let Err(e) = written {
            eprintln!("error: {e:#}");
        }
        return Ok(ExitCode::FAILURE);
    }
    written?;
    Ok(ExitCode::SUCCESS)
}
