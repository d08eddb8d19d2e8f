//! Live reload over Server-Sent Events, and the script the server injects into HTML.
//!
//! Each open tab holds one `GET /__briefing/events` stream: a response body fed
//! by a small bounded channel held in the [`Hub`]. Broadcasting never blocks on a
//! slow tab: a channel that is full (the tab stopped reading) or closed (the tab
//! left, so the server dropped the body) drops the client. Subscribers are capped
//! at [`MAX_CLIENTS`]; past it a new stream gets 503 with `Retry-After` (the
//! browser's EventSource retries by itself), so a flood of tabs or scripts can
//! never exhaust file descriptors. A maintenance task sends a comment line
//! every [`SWEEP_EVERY`]: a closed tab's write then fails, and the client goes.
//!
//! Events: `hello` (data: the build generation) on connect; `reload` after a good
//! rebuild; `error` (data: the error text) after a failed one. The injected script
//! carries the generation it was served with, so a rebuild that finished between
//! serving the page and opening the stream still reloads the tab.

use super::lock;
use hyper::body::{Body, Bytes, Frame, SizeHint};
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::mpsc;

/// The URL path of the event stream.
pub const EVENTS_PATH: &str = "/__briefing/events";

/// Error texts longer than this are cut: an overlay is for reading, not for logs.
const MAX_ERROR_BYTES: usize = 16 * 1024;

/// How often closed tabs are looked for (by writing a comment to each).
pub const SWEEP_EVERY: Duration = Duration::from_millis(250);

/// At most this many live-reload streams at once.
pub const MAX_CLIENTS: usize = 256;

/// Messages queued per client before it counts as not reading.
const QUEUE: usize = 16;

/// The connected live-reload clients and the state new ones must learn.
#[derive(Default)]
pub struct Hub {
    state: Mutex<State>,
    /// `state.generation`, readable without the lock.
    generation: std::sync::atomic::AtomicU64,
}

#[derive(Default)]
struct State {
    clients: Vec<mpsc::Sender<Bytes>>,
    /// Incremented after every successful rebuild.
    generation: u64,
    /// The last rebuild's error, until a rebuild succeeds.
    last_error: Option<String>,
    /// Set at shutdown: no new subscribers.
    closed: bool,
}

/// The body of one event stream: what the hub sends, until it lets go.
pub struct EventStream(mpsc::Receiver<Bytes>);

impl Body for EventStream {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        self.0.poll_recv(cx).map(|m| m.map(|b| Ok(Frame::data(b))))
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::default()
    }
}

impl Hub {
    /// A new stream with the greeting (retry delay, `hello`, the last error)
    /// queued, or `None` when [`MAX_CLIENTS`] are connected.
    pub fn subscribe(&self) -> Option<EventStream> {
        let mut state = lock(&self.state);
        state.clients.retain(|c| !c.is_closed());
        if state.closed || state.clients.len() >= MAX_CLIENTS {
            return None;
        }
        let mut greeting = String::from("retry: 1000\n\n");
        greeting.push_str(&event("hello", &state.generation.to_string()));
        if let Some(error) = &state.last_error {
            greeting.push_str(&event("error", error));
        }
        let (tx, rx) = mpsc::channel(QUEUE);
        tx.try_send(Bytes::from(greeting)).ok()?;
        state.clients.push(tx);
        Some(EventStream(rx))
    }

    /// Records a successful rebuild and tells every tab to reload.
    pub fn reloaded(&self) {
        let mut state = lock(&self.state);
        state.generation += 1;
        self.generation
            .store(state.generation, std::sync::atomic::Ordering::Release);
        state.last_error = None;
        let message = event("reload", &state.generation.to_string());
        broadcast(&mut state.clients, &message);
    }

    /// Records a failed rebuild and sends its error text to every tab.
    pub fn failed(&self, error: &str) {
        let mut state = lock(&self.state);
        let error = truncate(error.trim_end(), MAX_ERROR_BYTES);
        let message = event("error", &error);
        state.last_error = Some(error);
        broadcast(&mut state.clients, &message);
    }

    /// The current build generation (for the injected script).
    pub fn generation(&self) -> u64 {
        // Read on every request: an atomic, not the lock (issue 12).
        self.generation.load(std::sync::atomic::Ordering::Acquire)
    }

    /// The last rebuild's error, until a rebuild succeeds.
    #[cfg(test)]
    pub fn last_error(&self) -> Option<String> {
        lock(&self.state).last_error.clone()
    }

    /// How many tabs are connected.
    pub fn client_count(&self) -> usize {
        let mut state = lock(&self.state);
        state.clients.retain(|c| !c.is_closed());
        state.clients.len()
    }

    /// Ends every stream and refuses new ones (at shutdown).
    pub fn close_all(&self) {
        let mut state = lock(&self.state);
        state.closed = true;
        state.clients.clear();
    }

    /// One sweep: a comment line to every client (a closed tab's write fails
    /// and its body is dropped), dropping those already gone.
    pub fn sweep(&self) {
        broadcast(&mut lock(&self.state).clients, ":\n");
    }

    /// The `<script>` element to inject into HTML served now.
    pub fn script(&self) -> String {
        SCRIPT.replace("__GENERATION__", &self.generation().to_string())
    }
}

/// Queues `message` for every client, dropping those that cannot take it now.
fn broadcast(clients: &mut Vec<mpsc::Sender<Bytes>>, message: &str) {
    let bytes = Bytes::copy_from_slice(message.as_bytes());
    clients.retain(|c| c.try_send(bytes.clone()).is_ok());
}

/// One SSE event. Every line of `data` becomes a `data:` line, so a multi-line
/// error arrives intact and cannot inject fields of its own.
pub fn event(name: &str, data: &str) -> String {
    let mut out = format!("event: {name}\n");
    for line in data.split('\n') {
        out.push_str("data: ");
        out.push_str(line.strip_suffix('\r').unwrap_or(line));
        out.push('\n');
    }
    out.push('\n');
    out
}

/// Cuts `text` to at most `max` bytes on a character boundary, saying so.
fn truncate(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.replace('\r', "");
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}\n… (truncated)", &text[..end].replace('\r', ""))
}

/// The live-reload script. The error text is only ever put into the page with
/// `textContent`, never as HTML. The browser's own connection-failure event is also
/// called `error` but carries no `data`, which is how the two are told apart.
const SCRIPT: &str = r#"<script>/* briefing serve: live reload (never in `briefing build` output) */
(function () {
  var generation = "__GENERATION__";
  var events = new EventSource("/__briefing/events");
  events.addEventListener("hello", function (e) { if (e.data !== generation) location.reload(); });
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("error", function (e) {
    if (typeof e.data !== "string") return;
    var box = document.getElementById("__briefing_error");
    if (!box) {
      box = document.createElement("div");
      box.id = "__briefing_error";
      box.setAttribute("style", "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(40,0,0,.94);color:#fff;font:14px/1.5 monospace;padding:2em");
      var title = document.createElement("strong");
      title.textContent = "briefing: the rebuild failed; this is the last good site. ";
      var close = document.createElement("button");
      close.textContent = "dismiss";
      close.onclick = function () { box.remove(); };
      var text = document.createElement("pre");
      text.setAttribute("style", "white-space:pre-wrap");
      box.append(title, close, text);
      document.body.appendChild(box);
    }
    box.querySelector("pre").textContent = e.data;
  });
})();
</script>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_data_cannot_forge_an_event() {
        let text = event("error", "line one\r\nevent: reload\n\ndata: x");
        assert_eq!(
            text,
            "event: error\ndata: line one\ndata: event: reload\ndata: \ndata: data: x\n\n"
        );
    }

    #[test]
    fn truncation_respects_char_boundaries() {
        let text = "é".repeat(10); // 20 bytes
        let cut = truncate(&text, 5);
        assert!(cut.starts_with("éé\n"), "{cut}");
        assert!(cut.ends_with("(truncated)"));
        assert_eq!(truncate("short\r\n", 100), "short\n");
    }

    #[test]
    fn subscribers_are_capped_and_closed_ones_dropped() {
        let hub = Hub::default();
        let streams: Vec<_> = (0..MAX_CLIENTS).map(|_| hub.subscribe().unwrap()).collect();
        assert!(hub.subscribe().is_none(), "one past the cap is refused");
        drop(streams);
        assert_eq!(hub.client_count(), 0);
        assert!(hub.subscribe().is_some());
        hub.close_all();
        assert!(hub.subscribe().is_none());
    }

    #[test]
    fn script_carries_the_generation() {
        let hub = Hub::default();
        assert!(hub.script().contains(r#"var generation = "0";"#));
        hub.reloaded();
        assert!(hub.script().contains(r#"var generation = "1";"#));
        assert!(hub.script().contains(EVENTS_PATH));
        assert!(!hub.script().contains("innerHTML"));
    }
}
