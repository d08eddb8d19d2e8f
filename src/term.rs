//! Terminal output: one cleared, counted progress line per build stage, and
//! coloured `error:` / `warning:` / `help:` labels.
//!
//! Progress is drawn only when [`Progress::enable`] was called (the CLI does
//! so for a person at a terminal, never in CI or pipes). Colour goes through
//! `anstream`, which drops the escapes when stderr is not a terminal or when
//! `NO_COLOR` is set, so logs and pipes stay plain.

use anstyle::{AnsiColor, Style};
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Whether progress lines are drawn at all.
static ENABLED: AtomicBool = AtomicBool::new(false);
/// Items done in the current stage (bumped from worker threads).
static DONE: AtomicUsize = AtomicUsize::new(0);
/// The current stage: its label, its total (0 = uncounted) and the last draw.
static STAGE: Mutex<Option<StageState>> = Mutex::new(None);
/// How often a counted line is redrawn, at most.
const REDRAW: Duration = Duration::from_millis(80);

struct StageState {
    label: String,
    total: usize,
    last_draw: Option<Instant>,
}

/// The process-wide progress line.
pub struct Progress;

impl Progress {
    /// Turns progress drawing on (or off) for this process.
    pub fn enable(on: bool) {
        ENABLED.store(on, Ordering::Relaxed);
    }

    /// Starts a stage: clears the line and shows `label`, with a `done/total`
    /// count when `total > 0`.
    pub fn stage(label: &str, total: usize) {
        DONE.store(0, Ordering::Relaxed);
        let mut stage = STAGE.lock().unwrap_or_else(|e| e.into_inner());
        *stage = Some(StageState {
            label: label.to_string(),
            total,
            last_draw: None,
        });
        draw(stage.as_mut().expect("just set"), 0);
    }

    /// Counts one item of the current stage; redraws at most every 80 ms.
    pub fn tick() {
        let done = DONE.fetch_add(1, Ordering::Relaxed) + 1;
        if !ENABLED.load(Ordering::Relaxed) {
            return;
        }
        let Ok(mut stage) = STAGE.try_lock() else {
            return; // another thread is drawing
        };
        if let Some(s) = stage.as_mut() {
            if s.last_draw.is_none_or(|t| t.elapsed() >= REDRAW) || done == s.total {
                draw(s, done);
            }
        }
    }

    /// Clears the progress line (before the summary is printed).
    pub fn finish() {
        let mut stage = STAGE.lock().unwrap_or_else(|e| e.into_inner());
        if stage.take().is_some() && ENABLED.load(Ordering::Relaxed) {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

/// The line for a stage: `Analysing articles 120/19043 (0%)`, or the bare label.
pub fn line(label: &str, done: usize, total: usize) -> String {
    match (done * 100).checked_div(total) {
        Some(pct) => format!("{label} {done}/{total} ({pct}%)"),
        None => format!("{label}…"),
    }
}

fn draw(s: &mut StageState, done: usize) {
    if !ENABLED.load(Ordering::Relaxed) {
        return;
    }
    s.last_draw = Some(Instant::now());
    let mut err = std::io::stderr().lock();
    // `\r` + erase-line: the previous stage's text never remains.
    let _ = write!(err, "\r\x1b[2K{}", line(&s.label, done, s.total));
    let _ = err.flush();
}

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const HELP: Style = AnsiColor::Cyan.on_default().bold();

/// `text` with its `error:`, `warning:` and `help:` labels styled (ANSI).
/// Labels are recognised at the start of a line, after indentation.
pub fn styled(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        let label = [("error:", ERROR), ("warning:", WARNING), ("help:", HELP)]
            .into_iter()
            .find(|(l, _)| body.starts_with(l));
        match label {
            Some((l, style)) => {
                out.push_str(&format!("{indent}{style}{l}{style:#}{}", &body[l.len()..]))
            }
            None => out.push_str(line),
        }
    }
    out
}

/// Prints `error: message` on stderr (coloured on terminals).
pub fn error(message: &str) {
    Progress::finish();
    let _ = writeln!(
        anstream::stderr(),
        "{}",
        styled(&format!("error: {message}"))
    );
}

/// Prints `warning: message` on stderr (coloured on terminals).
pub fn warning(message: &str) {
    Progress::finish();
    let _ = writeln!(
        anstream::stderr(),
        "{}",
        styled(&format!("warning: {message}"))
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_line_shows_done_total_and_percent() {
        assert_eq!(
            line("Analysing articles", 50, 200),
            "Analysing articles 50/200 (25%)"
        );
        assert_eq!(line("Writing", 0, 0), "Writing…");
    }

    #[test]
    fn labels_are_styled_and_stripped_when_not_a_terminal() {
        let s = styled("error: bad\n  help: fix it\nplain help: no");
        assert!(s.contains("\x1b["), "{s:?}");
        assert_eq!(s.matches("\x1b[0m").count(), 2, "{s:?}");
        // What anstream writes to a pipe (or under NO_COLOR): no escapes.
        let mut buf = anstream::StripStream::new(Vec::new());
        write!(buf, "{s}").unwrap();
        let plain = String::from_utf8(buf.into_inner()).unwrap();
        assert_eq!(plain, "error: bad\n  help: fix it\nplain help: no");
    }
}
