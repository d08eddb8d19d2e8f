//! `briefing serve`: a small development server with file watching and live reload.
//!
//! The module knows nothing about articles or sites: it serves one directory
//! ([`ServeOptions::output_dir`]) over HTTP and calls a `rebuild` closure when a
//! watched path changes. The CLI builds once, then calls [`Server::start`].
//!
//! # Design decisions
//!
//! - **hyper on tokio, one single-threaded runtime per core (at most 8), each
//!   accepting from the same listening socket; tower-http's `ServeFile` for
//!   files.** A connection stays on the core that accepted it, and each core
//!   runs its tasks in the order they woke: a work-stealing runtime's "run the
//!   task just woken first" slot let a busy connection starve others, which
//!   showed as a latency tail three times the mean under load. The hand-written HTTP/1.1 layer that came before
//!   spent a thread per connection from 64 slots: 200 slow-header
//!   ("slowloris") connections blocked every request, and load got 503s. Now a
//!   connection is a task: the cap ([`max_connections`], from the process's
//!   file-descriptor limit) makes further clients wait in the listen backlog
//!   instead of failing, every request head must arrive within
//!   [`HEADER_TIMEOUT`] in total (not per read), and keep-alive, Range and
//!   conditional requests come with the stack. tokio is built with `rt`,
//!   `net`, `time` and `sync` only.
//! - **OS notifications (`notify`) say when to look; the snapshot decides.** A
//!   notification wakes the watcher at once, which then compares a snapshot of
//!   mtimes (plus size, inode and the set of paths) with the last one; without
//!   notifications it polls every [`ServeOptions::poll`], and with them it still
//!   polls every few seconds as a safety net. Polling needs no platform API, and it sees every way an
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

mod cache;
mod http;
mod os_watch;
mod path;
mod reload;
mod watch;

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
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

/// A whole request head must arrive within this time (slowloris defence).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// A running development server. Dropping it stops it, like [`Server::shutdown`].
pub struct Server {
    addr: SocketAddr,
    stop: Arc<Stop>,
    hub: Arc<reload::Hub>,
    /// Tells the runtime threads to stop (they cancel their connections).
    stop_serving: Option<tokio::sync::watch::Sender<bool>>,
    /// The runtime threads, one per core.
    workers: Vec<JoinHandle<()>>,
    threads: Vec<JoinHandle<()>>,
}

impl Server {
    /// Binds the listener and starts the HTTP runtime and the watcher thread.
    ///
    /// Does not build: the caller builds once before serving. A busy port gives an
    /// [`io::ErrorKind::AddrInUse`] error whose message names the address and
    /// suggests `--port`.
    pub fn start(opts: ServeOptions, rebuild: Rebuild) -> io::Result<Server> {
        let requested = SocketAddr::new(opts.bind, opts.port);
        let listener =
            std::net::TcpListener::bind(requested).map_err(|e| bind_error(requested, e))?;
        let addr = listener.local_addr()?;
        listener.set_nonblocking(true)?;
        if !opts.bind.is_loopback() {
            eprintln!("warning: serving on {addr}, which other machines can reach");
        }
        let stop = Arc::new(Stop::default());
        let hub = Arc::new(reload::Hub::default());
        let site = Arc::new(http::Site::new(opts.output_dir.clone(), Arc::clone(&hub)));
        let permits = Arc::new(tokio::sync::Semaphore::new(max_connections()));
        let (stop_serving, stopped) = tokio::sync::watch::channel(false);
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
        let mut workers = Vec::with_capacity(cores);
        for core in 0..cores {
            let shared = Shared {
                listener: listener.try_clone()?,
                site: Arc::clone(&site),
                permits: Arc::clone(&permits),
                // One core sends the live-reload keep-alive comments.
                sweep: (core == 0).then(|| Arc::clone(&hub)),
            };
            workers.push(serve_core(shared, stopped.clone())?);
        }
        let watcher = watch::Watcher::new(&opts);
        let mut server = Server {
            addr,
            stop: Arc::clone(&stop),
            hub: Arc::clone(&hub),
            stop_serving: Some(stop_serving),
            workers,
            threads: Vec::new(),
        };
        server.threads.push(spawn("briefing-serve-watch", {
            let (stop, hub) = (Arc::clone(&stop), Arc::clone(&hub));
            move || watcher.run(rebuild, &hub, &stop)
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
        for handle in self.threads.drain(..).chain(self.workers.drain(..)) {
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
        self.stop.trigger();
        self.hub.close_all();
        if let Some(tx) = self.stop_serving.take() {
            // Each runtime thread then cancels its accept loop and connections.
            let _ = tx.send(true);
        }
        for handle in self.workers.drain(..).chain(self.threads.drain(..)) {
            let _ = handle.join();
        }
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

/// Connections served at once: the process's open-file limit less a margin
/// for the files being served and the watcher, at most 16,384. Past it,
/// new clients wait in the listen backlog (never a 503).
pub fn max_connections() -> usize {
    let limit = std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|t| {
            let line = t.lines().find(|l| l.starts_with("Max open files"))?;
            line.split_whitespace().nth(3)?.parse::<usize>().ok()
        })
        .unwrap_or(1024);
    limit.saturating_sub(128).clamp(32, 16_384)
}

/// What each core's runtime shares with the others.
struct Shared {
    /// The listening socket (a duplicate of the one bound: every core
    /// accepts from the same queue).
    listener: std::net::TcpListener,
    site: Arc<http::Site>,
    /// The connection cap, across cores.
    permits: Arc<tokio::sync::Semaphore>,
    /// The hub whose streams this core keeps alive, on one core only.
    sweep: Option<Arc<reload::Hub>>,
}

/// Starts one core's thread: a single-threaded runtime that accepts and
/// serves connections until `stopped` turns true, then cancels them.
fn serve_core(
    shared: Shared,
    mut stopped: tokio::sync::watch::Receiver<bool>,
) -> io::Result<JoinHandle<()>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    let listener = {
        let _entered = runtime.enter();
        tokio::net::TcpListener::from_std(shared.listener)?
    };
    spawn("briefing-serve", move || {
        runtime.spawn(accept_loop(listener, shared.site, shared.permits));
        if let Some(hub) = shared.sweep {
            runtime.spawn(async move {
                loop {
                    tokio::time::sleep(reload::SWEEP_EVERY).await;
                    hub.sweep();
                }
            });
        }
        runtime.block_on(async {
            while !*stopped.borrow_and_update() {
                if stopped.changed().await.is_err() {
                    break;
                }
            }
        });
        // Cancels the accept loop and every connection task.
        runtime.shutdown_timeout(Duration::from_secs(1));
    })
}

/// Accepts connections until the runtime shuts down, one task each.
async fn accept_loop(
    listener: tokio::net::TcpListener,
    site: Arc<http::Site>,
    permits: Arc<tokio::sync::Semaphore>,
) {
    let timer = hyper_util::rt::TokioTimer::new();
    loop {
        let Ok(permit) = Arc::clone(&permits).acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Typically EMFILE or a reset before accept: back off, keep serving.
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let site = Arc::clone(&site);
        let timer = timer.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let service = hyper::service::service_fn(move |req| Arc::clone(&site).handle(req));
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(timer)
                .header_read_timeout(HEADER_TIMEOUT)
                .title_case_headers(true)
                .max_buf_size(64 * 1024)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
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
