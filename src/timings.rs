//! Per-stage wall time and peak memory of one build, for `--timings`.
//!
//! A build calls [`Timings::mark`] at the end of each stage; the report lists
//! each stage's wall time and the process's peak resident memory so far
//! (Linux `VmHWM`; absent elsewhere).

use std::fmt;
use std::time::{Duration, Instant};

/// One finished stage.
#[derive(Clone, Debug)]
pub struct Stage {
    /// Stage name (`analysis`, `render`, …).
    pub name: &'static str,
    /// Wall time spent in it.
    pub wall: Duration,
    /// Peak resident set size of the process at its end, in KiB.
    pub peak_rss_kib: Option<u64>,
}

/// Stage times of one build, in order.
#[derive(Clone, Debug)]
pub struct Timings {
    last: Instant,
    /// Finished stages.
    pub stages: Vec<Stage>,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            last: Instant::now(),
            stages: Vec::new(),
        }
    }
}

impl Timings {
    /// Ends the current stage under `name` and starts the next.
    pub fn mark(&mut self, name: &'static str) {
        let now = Instant::now();
        self.stages.push(Stage {
            name,
            wall: now - self.last,
            peak_rss_kib: peak_rss_kib(),
        });
        self.last = now;
    }

    /// Sum of all stage times.
    pub fn total(&self) -> Duration {
        self.stages.iter().map(|s| s.wall).sum()
    }
}

impl fmt::Display for Timings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<22} {:>9} {:>12}", "stage", "wall (s)", "peak RSS")?;
        for s in &self.stages {
            let rss = s
                .peak_rss_kib
                .map_or_else(|| "-".to_string(), |k| format!("{} MB", k / 1024));
            writeln!(
                f,
                "{:<22} {:>9.3} {:>12}",
                s.name,
                s.wall.as_secs_f64(),
                rss
            )?;
        }
        write!(f, "{:<22} {:>9.3}", "total", self.total().as_secs_f64())
    }
}

/// Peak resident memory of this process in KiB, where the OS tells it.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_are_recorded_in_order_and_summed() {
        let mut t = Timings::default();
        t.mark("one");
        std::thread::sleep(Duration::from_millis(2));
        t.mark("two");
        let names: Vec<_> = t.stages.iter().map(|s| s.name).collect();
        assert_eq!(names, ["one", "two"]);
        assert!(t.stages[1].wall >= Duration::from_millis(2));
        assert_eq!(t.total(), t.stages[0].wall + t.stages[1].wall);
        let text = t.to_string();
        assert!(text.contains("two") && text.contains("total"), "{text}");
    }
}
