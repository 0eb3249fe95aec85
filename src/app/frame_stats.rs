//! Frame-rate figures for whoever tunes the window: with
//! `INCIDENT_ATLAS_FRAME_STATS=1` in the environment the window repaints
//! continuously and prints, every five seconds, the frames drawn per second
//! and the CPU time eframe measured per frame (building the UI and
//! tessellating, before the GPU or software rasteriser). It is off unless
//! asked for, so the window otherwise sleeps while nothing changes.

use std::time::{Duration, Instant};

/// How often a line is printed.
const EVERY: Duration = Duration::from_secs(5);

/// Frames counted since the last line.
#[derive(Debug)]
pub struct FrameStats {
    since: Instant,
    frames: u32,
    cpu_total: f32,
    cpu_max: f32,
}

impl FrameStats {
    /// `Some` when the environment asks for frame figures.
    pub fn from_env() -> Option<FrameStats> {
        std::env::var_os("INCIDENT_ATLAS_FRAME_STATS")
            .filter(|v| !v.is_empty() && v != "0")
            .map(|_| FrameStats::new(Instant::now()))
    }

    fn new(now: Instant) -> FrameStats {
        FrameStats {
            since: now,
            frames: 0,
            cpu_total: 0.0,
            cpu_max: 0.0,
        }
    }

    /// Counts one frame whose CPU time was `cpu` seconds (eframe's measure of
    /// the previous frame); returns the line to print when one is due.
    pub fn record(&mut self, now: Instant, cpu: Option<f32>) -> Option<String> {
        self.frames += 1;
        let cpu = cpu.unwrap_or(0.0);
        self.cpu_total += cpu;
        self.cpu_max = self.cpu_max.max(cpu);
        let elapsed = now.duration_since(self.since);
        if elapsed < EVERY {
            return None;
        }
        let line = format!(
            "frame stats: {:.1} frames/s over {:.1} s; CPU per frame mean {:.2} ms, max {:.2} ms",
            f64::from(self.frames) / elapsed.as_secs_f64(),
            elapsed.as_secs_f64(),
            self.cpu_total * 1000.0 / self.frames as f32,
            self.cpu_max * 1000.0
        );
        *self = FrameStats::new(now);
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_comes_every_five_seconds_with_the_rate_and_cpu_times() {
        let start = Instant::now();
        let mut stats = FrameStats::new(start);
        for frame in 1..300u64 {
            let now = start + Duration::from_millis(frame * 16);
            assert_eq!(stats.record(now, Some(0.002)), None);
        }
        let line = stats
            .record(start + Duration::from_millis(5000), Some(0.004))
            .unwrap_or_default();
        assert_eq!(
            line,
            "frame stats: 60.0 frames/s over 5.0 s; CPU per frame mean 2.01 ms, max 4.00 ms"
        );
        // Counting starts again.
        assert_eq!(
            stats.record(start + Duration::from_millis(5016), None),
            None
        );
    }
}
