//! Live reload over Server-Sent Events, and the script the server injects into HTML.
//!
//! Each open tab holds one `GET /__briefing/events` stream. After subscribing, the
//! stream is switched to non-blocking mode and parked in the [`Hub`]; no thread
//! waits on it. Broadcasting therefore never blocks on a slow tab: a write that
//! would block (the tab stopped reading) or fails (the tab closed) drops the client.
//! A maintenance thread notices closed tabs by reading EOF, and sends keepalive
//! comments so idle proxies and the browser keep the stream open.
//!
//! Events: `hello` (data: the build generation) on connect; `reload` after a good
//! rebuild; `error` (data: the error text) after a failed one. The injected script
//! carries the generation it was served with, so a rebuild that finished between
//! serving the page and opening the stream still reloads the tab.

use super::{lock, Stop};
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The URL path of the event stream.
pub const EVENTS_PATH: &str = "/__briefing/events";

/// Error texts longer than this are cut: an overlay is for reading, not for logs.
const MAX_ERROR_BYTES: usize = 16 * 1024;

/// How often closed tabs are looked for.
const SWEEP_EVERY: Duration = Duration::from_millis(250);

/// How often an idle stream gets a keepalive comment.
const KEEPALIVE_EVERY: Duration = Duration::from_secs(15);

/// The connected live-reload clients and the state new ones must learn.
#[derive(Default)]
pub struct Hub {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    clients: Vec<TcpStream>,
    /// Incremented after every successful rebuild.
    generation: u64,
    /// The last rebuild's error, until a rebuild succeeds.
    last_error: Option<String>,
}

impl Hub {
    /// Sends the stream's response head and the current state, then keeps the stream.
    pub fn subscribe(&self, mut stream: TcpStream) {
        let mut state = lock(&self.state);
        let mut greeting = String::from(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
             Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
             Connection: close\r\n\r\nretry: 1000\n\n",
        );
        greeting.push_str(&event("hello", &state.generation.to_string()));
        if let Some(error) = &state.last_error {
            greeting.push_str(&event("error", error));
        }
        // The socket buffer is empty, so this small write completes at once; only
        // then does the stream become non-blocking for broadcasts.
        let ok =
            stream.write_all(greeting.as_bytes()).is_ok() && stream.set_nonblocking(true).is_ok();
        if ok {
            state.clients.push(stream);
        }
    }

    /// Records a successful rebuild and tells every tab to reload.
    pub fn reloaded(&self) {
        let mut state = lock(&self.state);
        state.generation += 1;
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
        lock(&self.state).generation
    }

    /// The last rebuild's error, until a rebuild succeeds.
    #[cfg(test)]
    pub fn last_error(&self) -> Option<String> {
        lock(&self.state).last_error.clone()
    }

    /// How many tabs are connected.
    pub fn client_count(&self) -> usize {
        lock(&self.state).clients.len()
    }

    /// Closes every stream (at shutdown).
    pub fn close_all(&self) {
        for stream in lock(&self.state).clients.drain(..) {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    /// Until `stop`: drops closed streams and sends keepalive comments.
    pub fn maintain(&self, stop: &Stop) {
        let mut last_keepalive = Instant::now();
        while !stop.sleep(SWEEP_EVERY) {
            let mut state = lock(&self.state);
            state.clients.retain_mut(is_open);
            if last_keepalive.elapsed() >= KEEPALIVE_EVERY {
                broadcast(&mut state.clients, ": keepalive\n\n");
                last_keepalive = Instant::now();
            }
        }
    }

    /// The `<script>` element to inject into HTML served now.
    pub fn script(&self) -> String {
        SCRIPT.replace("__GENERATION__", &self.generation().to_string())
    }
}

/// Writes `message` to every client, dropping those that cannot take it now.
fn broadcast(clients: &mut Vec<TcpStream>, message: &str) {
    clients.retain_mut(|stream| stream.write_all(message.as_bytes()).is_ok());
}

/// Whether a non-blocking stream is still open: EOF or an error means the tab left.
/// Anything the browser sends on the stream is read and ignored.
fn is_open(stream: &mut TcpStream) -> bool {
    let mut buf = [0u8; 512];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return false,
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return true,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return false,
        }
    }
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
    fn script_carries_the_generation() {
        let hub = Hub::default();
        assert!(hub.script().contains(r#"var generation = "0";"#));
        hub.reloaded();
        assert!(hub.script().contains(r#"var generation = "1";"#));
        assert!(hub.script().contains(EVENTS_PATH));
        assert!(!hub.script().contains("innerHTML"));
    }
}
