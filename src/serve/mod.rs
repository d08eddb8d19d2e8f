//! `briefing serve`: a small development server with file watching and live reload.
//!
//! The module knows nothing about articles or sites: it serves one directory
//! ([`ServeOptions::output_dir`]) over HTTP and calls a `rebuild` closure when a
//! watched path changes. The CLI builds once, then calls [`Server::start`].
//!
//! # Design decisions
//!
//! - **std only: `std::net` + threads, no axum/tokio/notify.** A preview server sees
//!   a handful of connections from one browser; an async runtime and its dependency
//!   tree would cost more build time than the server is worth. One short-lived
//!   thread per HTTP request (capped); live-reload streams are handed
//!   to one shared `reload::Hub` and hold no thread at all.
//! - **The watcher polls mtimes** (plus size, inode and the set of paths) every
//!   [`ServeOptions::poll`]. Polling needs no platform API, and it sees every way an
//!   editor can save: in-place writes, atomic saves (write a temp file, rename it
//!   over the original), rename-into-place, and network or container filesystems
//!   where inotify/FSEvents never fire. The price is `stat` calls: about 2 ms per
//!   poll for 1,000 files and 27 ms for 20,000, so the pause between polls grows
//!   with the tree to keep the watcher under about a tenth of one core.
//! - **Live reload uses Server-Sent Events** at `/__briefing/events`: plain HTTP,
//!   built into every browser, reconnects by itself. The reload script is injected
//!   by the *server* into `text/html` responses, so `briefing build` output never
//!   contains it.
//! - **A failed rebuild never takes the site down**: the error goes to stderr and to
//!   open tabs (an overlay), and the last good files keep being served (the build
//!   itself leaves the output directory intact when it fails).
//! - **Safe by default**: loopback bind, GET/HEAD only, only files that canonicalise
//!   to a path inside the output directory (see `path.rs` for the request-path rules).

mod http;
mod path;
mod reload;
mod watch;

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// The closure the watcher calls after a change: `Ok(summary)` or `Err(error text)`.
pub type Rebuild = Box<dyn FnMut() -> Result<String, String> + Send>;

/// How to run the development server.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The directory to serve (the build's output, e.g. `public/`).
    pub output_dir: PathBuf,
    /// The address to bind; loopback (`127.0.0.1`) unless the user asks otherwise.
    pub bind: IpAddr,
    /// The port; `0` lets the OS pick a free one (see [`Server::local_addr`]).
    pub port: u16,
    /// Directories (watched recursively) and single files whose changes trigger a rebuild.
    pub watch: Vec<PathBuf>,
    /// How long the watched paths must stay quiet before a rebuild starts.
    pub debounce: Duration,
    /// How often the watched paths are polled.
    pub poll: Duration,
}

impl ServeOptions {
    /// Options with the defaults: loopback, port 1111, no watch paths, 150 ms
    /// debounce, 200 ms poll.
    pub fn new(output_dir: impl Into<PathBuf>) -> ServeOptions {
        ServeOptions {
            output_dir: output_dir.into(),
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 1111,
            watch: Vec::new(),
            debounce: Duration::from_millis(150),
            poll: Duration::from_millis(200),
        }
    }
}

/// A running development server. Dropping it stops it, like [`Server::shutdown`].
pub struct Server {
    addr: SocketAddr,
    stop: Arc<Stop>,
    hub: Arc<reload::Hub>,
    threads: Vec<JoinHandle<()>>,
}

impl Server {
    /// Binds the listener and starts the accept, watcher and keepalive threads.
    ///
    /// Does not build: the caller builds once before serving. A busy port gives an
    /// [`io::ErrorKind::AddrInUse`] error whose message names the address and
    /// suggests `--port`.
    pub fn start(opts: ServeOptions, rebuild: Rebuild) -> io::Result<Server> {
        let requested = SocketAddr::new(opts.bind, opts.port);
        let listener = TcpListener::bind(requested).map_err(|e| bind_error(requested, e))?;
        let addr = listener.local_addr()?;
        if !opts.bind.is_loopback() {
            eprintln!("warning: serving on {addr}, which other machines can reach");
        }
        let stop = Arc::new(Stop::default());
        let hub = Arc::new(reload::Hub::default());
        let site = Arc::new(http::Site::new(opts.output_dir.clone(), Arc::clone(&hub)));
        let watcher = watch::Watcher::new(&opts);
        // Threads are added one by one: if a spawn fails, dropping `server` stops
        // the ones already running.
        let mut server = Server {
            addr,
            stop: Arc::clone(&stop),
            hub: Arc::clone(&hub),
            threads: Vec::new(),
        };
        server.threads.push(spawn("briefing-serve-keepalive", {
            let (stop, hub) = (Arc::clone(&stop), Arc::clone(&hub));
            move || hub.maintain(&stop)
        })?);
        server.threads.push(spawn("briefing-serve-watch", {
            let (stop, hub) = (Arc::clone(&stop), Arc::clone(&hub));
            move || watcher.run(rebuild, &hub, &stop)
        })?);
        server.threads.push(spawn(ACCEPT_THREAD, move || {
            accept_loop(listener, site, &stop)
        })?);
        Ok(server)
    }

    /// The address actually bound (with the real port when `port` was 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The number of browser tabs currently connected for live reload.
    pub fn reload_clients(&self) -> usize {
        self.hub.client_count()
    }

    /// Shows a build error as the overlay in open and future tabs until the next
    /// successful rebuild. For an initial build that failed before
    /// [`Server::start`]; the watcher's rebuild errors are reported automatically.
    pub fn report_error(&self, error: &str) {
        self.hub.failed(error);
    }

    /// Blocks until the server stops (for the CLI, that is forever).
    pub fn wait(mut self) {
        for handle in self.threads.drain(..) {
            let _ = handle.join();
        }
    }

    /// Stops accepting, stops the watcher (after a running rebuild finishes),
    /// closes live-reload streams and joins the threads.
    pub fn shutdown(self) {
        drop(self);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.threads.is_empty() {
            return;
        }
        self.stop.trigger();
        self.hub.close_all();
        // The accept loop blocks in `accept`; one connection wakes it to see `stop`.
        let woke = TcpStream::connect_timeout(&wake_addr(self.addr), Duration::from_secs(1));
        for handle in self.threads.drain(..) {
            // Without a wake-up the accept thread would block forever: leave it.
            if woke.is_ok() || handle.thread().name() != Some(ACCEPT_THREAD) {
                let _ = handle.join();
            }
        }
    }
}

/// The accept thread's name (the one thread that needs a wake-up to stop).
const ACCEPT_THREAD: &str = "briefing-serve-accept";

/// The address to connect to in order to reach our own listener.
fn wake_addr(addr: SocketAddr) -> SocketAddr {
    match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => (Ipv4Addr::LOCALHOST, addr.port()).into(),
        IpAddr::V6(ip) if ip.is_unspecified() => (Ipv6Addr::LOCALHOST, addr.port()).into(),
        _ => addr,
    }
}

/// A bind error that names the address and, for a busy port, says what to do.
fn bind_error(addr: SocketAddr, err: io::Error) -> io::Error {
    let message = if err.kind() == io::ErrorKind::AddrInUse {
        format!(
            "cannot listen on {addr}: the address is already in use \
             (is another server running?); choose another port with --port <N>, \
             or --port 0 for any free port"
        )
    } else {
        format!("cannot listen on {addr}: {err}")
    };
    io::Error::new(err.kind(), message)
}

/// At most this many requests are handled at once; more get a 503. Live-reload
/// streams do not count: they leave their thread once subscribed.
const MAX_CONNECTIONS: usize = 64;

/// Accepts connections until `stop`, one short-lived thread per connection.
fn accept_loop(listener: TcpListener, site: Arc<http::Site>, stop: &Stop) {
    let active = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        if stop.is_set() {
            return;
        }
        let Ok(stream) = stream else {
            // Typically EMFILE or a reset before accept: back off briefly, keep serving.
            thread::sleep(Duration::from_millis(10));
            continue;
        };
        let Some(slot) = Slot::take(&active) else {
            http::reject_busy(stream);
            continue;
        };
        let site = Arc::clone(&site);
        // If the spawn fails, the closure and its slot are dropped: nothing leaks.
        let _ = thread::Builder::new()
            .name("briefing-serve-conn".into())
            .spawn(move || {
                let _slot = slot;
                site.handle(stream);
            });
    }
}

/// One of the [`MAX_CONNECTIONS`] request slots; freed on drop, even on a panic.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    /// Takes a slot if one is free.
    fn take(active: &Arc<AtomicUsize>) -> Option<Slot> {
        if active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            active.fetch_sub(1, Ordering::SeqCst);
            return None;
        }
        Some(Slot(Arc::clone(active)))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Spawns a named thread.
fn spawn(name: &str, f: impl FnOnce() + Send + 'static) -> io::Result<JoinHandle<()>> {
    thread::Builder::new().name(name.into()).spawn(f)
}

/// A stop flag that sleeping threads can wait on, so shutdown is immediate.
#[derive(Default)]
pub(crate) struct Stop {
    stopped: Mutex<bool>,
    wake: Condvar,
}

impl Stop {
    /// Sets the flag and wakes every sleeper.
    pub(crate) fn trigger(&self) {
        *lock(&self.stopped) = true;
        self.wake.notify_all();
    }

    /// Whether [`Stop::trigger`] was called.
    pub(crate) fn is_set(&self) -> bool {
        *lock(&self.stopped)
    }

    /// Sleeps for `duration` or until stopped; returns true when stopped.
    pub(crate) fn sleep(&self, duration: Duration) -> bool {
        let guard = lock(&self.stopped);
        let (guard, _) = self
            .wake
            .wait_timeout_while(guard, duration, |stopped| !*stopped)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *guard
    }
}

/// Locks a mutex, ignoring poisoning: every critical section here leaves the data
/// consistent even if a thread panicked inside it.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
