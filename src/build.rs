//! One whole build: config → [`Site`] → render → output, with a summary.
//! Used by `briefing build` and by `briefing serve` on every change.

use crate::addresses::AddressBook;
use crate::cache::Cache;
use crate::config::{Config, ConfigError};
use crate::inputs;
use crate::output::{WriteReport, Writer};
use crate::render::{self, TemplateError};
use crate::site::{BuildError, Site};
use crate::timings::Timings;
use std::fmt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Command-line overrides of `briefing.yaml`.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// Site root (holds `briefing.yaml`).
    pub root: PathBuf,
    /// `--content DIR`.
    pub content: Option<PathBuf>,
    /// `--output DIR`.
    pub output: Option<PathBuf>,
    /// `--base-url URL`.
    pub base_url: Option<String>,
    /// Show stage progress on stderr (the CLI sets it for terminals, not CI).
    pub progress: bool,
    /// `--strict` and `--keep-going` (see [`crate::content::LoadOptions`]).
    pub load: crate::content::LoadOptions,
    /// `--drafts`: publish drafts too, for a preview.
    pub drafts: bool,
}

/// Shows the stage on the cleared progress line (see [`crate::term`]).
fn progress(opts: &BuildOptions, msg: &str) {
    crate::term::Progress::enable(opts.progress);
    crate::term::Progress::stage(msg.trim_end_matches('…'), 0);
}

/// What a successful build did.
#[derive(Clone, Debug)]
pub struct BuildSummary {
    /// Published articles.
    pub articles: usize,
    /// People pages.
    pub people: usize,
    /// Event pages.
    pub events: usize,
    /// HTML pages written (including redirects and 404).
    pub pages: usize,
    /// Files skipped in content/ (non-articles, drafts), with reasons.
    pub skipped: Vec<String>,
    /// Skipped files that point at a problem (binary, empty, broken link),
    /// `path: reason`, for warnings on stderr.
    pub warnings: Vec<String>,
    /// Articles left out with errors under `--keep-going` (`path: errors`);
    /// the command exits non-zero when there are any.
    pub failed: Vec<String>,
    /// Articles analysed afresh (the rest came from the cache).
    pub analysed: usize,
    /// Why an old cache was discarded, if it was.
    pub cache_note: Option<String>,
    /// Clustering steps taken from the previous build's pass rather than
    /// decided again (see [`crate::events::replay`]).
    pub replayed: usize,
    /// Output write report.
    pub written: WriteReport,
    /// Wall time.
    pub elapsed: Duration,
    /// Per-stage wall time and peak memory (`--timings`).
    pub timings: Timings,
}

impl fmt::Display for BuildSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Built {} articles ({} analysed), {} people, {} events: {} pages ({} files, {} changed, {} removed, {} pages not re-rendered) in {:.2}s",
            self.articles,
            self.analysed,
            self.people,
            self.events,
            self.pages,
            self.written.total,
            self.written.changed.len(),
            self.written.removed.len(),
            self.written.reused,
            self.elapsed.as_secs_f64()
        )?;
        if let Some(note) = &self.cache_note {
            write!(f, "; cache discarded: {note}")?;
        }
        if !self.skipped.is_empty() {
            write!(
                f,
                "; skipped {}: {}",
                self.skipped.len(),
                self.skipped.join("; ")
            )?;
        }
        Ok(())
    }
}

/// Any reason a build stopped. The previous output is untouched in every case.
#[derive(Debug)]
pub enum Failure {
    /// `briefing.yaml` is wrong.
    Config(ConfigError),
    /// Articles or curation files are wrong.
    Build(BuildError),
    /// A template failed.
    Template(TemplateError),
    /// The address memory is unreadable.
    Addresses(String),
    /// Writing the output failed.
    Io(PathBuf, std::io::Error),
    /// The output directory would destroy input (see [`crate::guard`]).
    UnsafeOutput(crate::guard::UnsafeOutput),
    /// Another build holds the lock (see [`crate::lock`]).
    Locked(crate::lock::LockError),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Config(e) => write!(f, "{e}"),
            Failure::Build(e) => write!(f, "{e}"),
            Failure::Template(e) => write!(f, "{e}"),
            Failure::Addresses(e) => write!(f, "{e}"),
            Failure::Io(p, e) => write!(f, "{}: cannot write: {e}", p.display()),
            Failure::UnsafeOutput(e) => write!(f, "{e}"),
            Failure::Locked(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Failure {}

/// Loads the configuration with command-line overrides applied.
pub fn config(opts: &BuildOptions) -> Result<Config, Failure> {
    let mut config = Config::load(&opts.root).map_err(Failure::Config)?;
    if let Some(c) = &opts.content {
        config.content_dir = c.clone();
    }
    if let Some(o) = &opts.output {
        config.output_dir = o.clone();
    }
    config.drafts = opts.drafts;
    if let Some(u) = &opts.base_url {
        config.set_base_url(u).map_err(|message| {
            Failure::Config(ConfigError {
                path: "--base-url".into(),
                location: None,
                message,
            })
        })?;
    }
    config.load = opts.load;
    Ok(config)
}

/// `Err` listing the articles left out under `--keep-going`, so the
/// command exits non-zero although the rest was built.
pub fn keep_going_result(summary: &BuildSummary) -> Result<(), String> {
    if summary.failed.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{} article(s) had errors and were left out (--keep-going built the rest):\n  {}",
        summary.failed.len(),
        summary.failed.join("\n  ")
    ))
}

/// Where the manifest of the output directory `out` lives under the site
/// root: one per output, since `briefing serve` builds into its own.
pub fn manifest_path(root: &std::path::Path, out: &std::path::Path) -> PathBuf {
    root.join(format!(
        ".briefing/output-{}.manifest",
        inputs::output_key(out)
    ))
}

/// Runs a build and writes the output; does nothing (in milliseconds) when
/// no input changed since the last successful build.
pub fn run(opts: &BuildOptions) -> Result<BuildSummary, Failure> {
    let start = Instant::now();
    let mut timings = Timings::default();
    let config = config(opts)?;
    crate::guard::check_output(&config).map_err(Failure::UnsafeOutput)?;
    let _lock = crate::lock::BuildLock::acquire(&config.root).map_err(Failure::Locked)?;
    let out = config.output_path();
    let manifest = manifest_path(&config.root, &out);
    let inputs = inputs::fingerprint(&config);
    timings.mark("input scan");
    if let Some(done) = inputs::Record::load(&config.root, &out).filter(|r| {
        r.inputs == inputs && r.state_unchanged() && crate::output::output_intact(&out, &manifest)
    }) {
        timings.mark("no-op check");
        return Ok(BuildSummary {
            articles: done.counts.articles,
            people: done.counts.people,
            events: done.counts.events,
            pages: done.counts.pages,
            skipped: done.counts.skipped,
            warnings: done.counts.warnings,
            failed: done.counts.failed,
            analysed: 0,
            cache_note: None,
            replayed: 0,
            written: WriteReport {
                total: done.counts.files,
                ..Default::default()
            },
            elapsed: start.elapsed(),
            timings,
        });
    }
    timings.mark("no-op check");
    let book = AddressBook::load(&config.root).map_err(Failure::Addresses)?;
    progress(opts, "Reading and analysing articles…");
    let mut cache = Cache::load(&config.root);
    timings.mark("load state");
    let (mut site, book) =
        Site::build_timed(&config, &book, &mut cache, &mut timings).map_err(Failure::Build)?;
    // Caches hold only values derived from inputs by their keys, so they can
    // be saved before the output is; then their memory is free for rendering.
    cache
        .save(&config.root, &site.analyses)
        .map_err(|e| Failure::Io(Cache::path(&config.root), e))?;
    let (analysed, cache_note) = (cache.misses, cache.discarded.clone());
    let replayed = cache.pass.replayed;
    drop(cache);
    site.keep_only_rendered_analysis();
    progress(
        opts,
        &format!(
            "Rendering {} articles, {} people, {} events…",
            site.articles.len(),
            site.people.len(),
            site.events.len()
        ),
    );
    let writer = Writer::begin(&out, &manifest).map_err(|e| Failure::Io(out.clone(), e))?;
    render::render_to(&site, &writer, &mut timings).map_err(Failure::Template)?;
    progress(opts, "Writing files…");
    let written = writer.finish().map_err(|e| Failure::Io(out.clone(), e))?;
    timings.mark("commit output");
    book.save(&config.root)
        .map_err(|e| Failure::Io(AddressBook::path(&config.root), e))?;
    let skipped: Vec<String> = site
        .skipped
        .iter()
        .map(|s| format!("{} ({})", s.path, s.reason))
        .collect();
    let warnings: Vec<String> = site
        .skipped
        .iter()
        .filter(|s| s.warning && !s.failed)
        .map(|s| format!("{}: {}", s.path, s.reason))
        .chain(
            site.articles
                .iter()
                .filter_map(render::depth::depth_warning),
        )
        .chain(
            site.articles
                .iter()
                .filter_map(crate::nlp::limit::limit_warning),
        )
        .collect();
    let failed: Vec<String> = site
        .skipped
        .iter()
        .filter(|s| s.failed)
        .map(|s| format!("{}: {}", s.path, s.reason))
        .collect();
    let pages = written.html;
    let record = inputs::Record::new(
        inputs,
        &Cache::paths(&config.root)
            .into_iter()
            .chain([AddressBook::path(&config.root), manifest])
            .collect::<Vec<_>>(),
        inputs::Counts {
            articles: site.articles.len(),
            people: site.people.len(),
            events: site.events.len(),
            pages,
            files: written.total,
            skipped: skipped.clone(),
            warnings: warnings.clone(),
            failed: failed.clone(),
        },
    );
    record
        .save(&config.root, &out)
        .map_err(|e| Failure::Io(inputs::Record::path(&config.root, &out), e))?;
    timings.mark("save state");
    Ok(BuildSummary {
        articles: site.articles.len(),
        people: site.people.len(),
        events: site.events.len(),
        pages,
        skipped,
        warnings,
        failed,
        analysed,
        cache_note,
        replayed,
        written,
        elapsed: start.elapsed(),
        timings,
    })
}
