//! `briefing` command line. Parsing and printing only: every decision lives
//! in the library (`briefing::build`, `briefing::serve`, …).

use briefing::build::{self, BuildOptions};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "briefing",
    version,
    about = "Static briefing sites from news articles: events, people, sources."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print nothing but errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Print what was skipped and changed.
    #[arg(long, short, global = true)]
    verbose: bool,
    /// Print each build stage's wall time and peak memory on stderr.
    #[arg(long, global = true)]
    timings: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output directory.
    Build(SiteArgs),
    /// Check the content, templates and every internal link and image
    /// without writing anything; fails on the first kind of problem found.
    Check(SiteArgs),
    /// Start a new site in DIR (default: here): briefing.yaml, content/ with
    /// an example article, .gitignore and a GitHub Pages workflow. Never
    /// overwrites a file.
    Init {
        /// Folder of the new site (created if missing).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Copy only the built-in theme into DIR/themes/default/ for editing.
        #[arg(long)]
        theme: bool,
        /// Git repository the Pages workflow installs briefing from.
        #[arg(long, default_value = briefing::init::DEFAULT_GIT)]
        git: String,
        /// Branch of that repository.
        #[arg(long, default_value = briefing::init::DEFAULT_REV)]
        rev: String,
    },
    /// Build, serve on 127.0.0.1, rebuild on change and reload the browser.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port (0 picks a free one).
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Address to bind; loopback unless you say otherwise.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
    },
    /// Print what the analysis finds: people, roles, quotes, dates (JSON),
    /// or tag a CoNLL file (`token<TAB>tag`).
    Extract {
        /// A CoNLL-format file to tag instead of articles.
        #[arg(long)]
        conll: Option<PathBuf>,
        /// Article files.
        files: Vec<PathBuf>,
    },
    /// Explain which event an article joined and why.
    Explain {
        #[command(flatten)]
        site: SiteArgs,
        /// Article id (slug) or path under the content directory.
        article: String,
    },
    /// Train the person-name model (see models/README.md).
    TrainNer {
        /// CoNLL-2003 training file.
        #[arg(long)]
        train: PathBuf,
        /// Optional GMB csv with more training data.
        #[arg(long)]
        gmb: Option<PathBuf>,
        /// Development file for reporting (never trained on).
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the weights.
        #[arg(long, default_value = "models/ner.bin")]
        out: PathBuf,
    },
}

#[derive(Args, Clone)]
struct SiteArgs {
    /// Site root holding briefing.yaml.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Content directory (overrides briefing.yaml).
    #[arg(long)]
    content: Option<PathBuf>,
    /// Output directory (overrides briefing.yaml).
    #[arg(long)]
    output: Option<PathBuf>,
    /// Public base URL, may carry a path: https://user.github.io/repo/
    #[arg(long)]
    base_url: Option<String>,
    /// Fail on files that are otherwise skipped with a warning (empty,
    /// binary, broken links).
    #[arg(long)]
    strict: bool,
    /// Build the articles that are fine, list the ones left out, exit non-zero.
    #[arg(long)]
    keep_going: bool,
    /// Include drafts (`draft: true`), for previewing them.
    #[arg(long)]
    drafts: bool,
}

impl SiteArgs {
    /// Paths given on the command line are relative to the current
    /// directory, as with every other tool, not to `--root`.
    fn options(&self) -> BuildOptions {
        BuildOptions {
            root: self.root.clone(),
            content: self.content.as_deref().map(from_cwd),
            output: self.output.as_deref().map(from_cwd),
            base_url: self.base_url.clone(),
            progress: false,
            load: briefing::content::LoadOptions {
                strict: self.strict,
                keep_going: self.keep_going,
            },
            drafts: self.drafts,
        }
    }
}

/// `path` made absolute against the current directory (unchanged if absolute).
fn from_cwd(path: &std::path::Path) -> PathBuf {
    std::env::current_dir()
        .map(|d| d.join(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Progress lines only for a person at a terminal: never in CI or pipes.
fn wants_progress(quiet: bool) -> bool {
    use std::io::IsTerminal;
    !quiet && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// Buffers of 1 MiB and more (export files, search shards, big pages and
/// vectors) get their own mappings, returned to the system when freed.
/// glibc's default threshold rises with every such buffer freed, after which
/// they come from the heap, whose freed space stays resident: at 19k articles
/// that lifted a build's peak memory by about 45 MB (issue 9).
fn bound_heap_growth() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before any
    // other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

fn main() -> ExitCode {
    bound_heap_growth();
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Build(site) => {
            let opts = BuildOptions {
                progress: wants_progress(cli.quiet),
                ..site.options()
            };
            build_cmd(&opts, cli.quiet, cli.verbose, cli.timings)
        }
        Command::Check(site) => briefing::commands::check(&site.options()).map(|s| {
            if !cli.quiet {
                println!("{s}")
            }
        }),
        Command::Init {
            dir,
            theme,
            git,
            rev,
        } => {
            let opts = briefing::init::InitOptions {
                dir: dir.clone(),
                theme_only: *theme,
                git: git.clone(),
                rev: rev.clone(),
            };
            briefing::init::run(&opts)
                .map(|_| {
                    if !cli.quiet {
                        println!("{}", briefing::init::next_steps(&opts))
                    }
                })
                .map_err(|e| e.to_string())
        }
        Command::Serve { site, port, bind } => {
            briefing::commands::serve(&site.options(), *bind, *port, cli.quiet)
        }
        Command::Extract { conll, files } => briefing::commands::extract(conll.as_deref(), files),
        Command::Explain { site, article } => {
            briefing::commands::explain(&site.options(), article).map(|s| print!("{s}"))
        }
        Command::TrainNer {
            train,
            gmb,
            dev,
            out,
        } => briefing::commands::train_ner(train, gmb.as_deref(), dev.as_deref(), out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            briefing::term::error(&e);
            ExitCode::FAILURE
        }
    }
}

/// `briefing build`: warnings first (a local base URL), then the build.
fn build_cmd(opts: &BuildOptions, quiet: bool, verbose: bool, timings: bool) -> Result<(), String> {
    // An explicit --base-url is the user's choice, even a local one.
    let config = build::config(opts).ok().filter(|_| opts.base_url.is_none());
    if let Some(config) = config {
        for w in briefing::commands::build_warnings(&config) {
            briefing::term::warning(&w);
        }
    }
    build::run(opts).map_err(|e| e.to_string()).and_then(|s| {
        briefing::term::Progress::finish();
        if timings {
            eprintln!("{}", s.timings);
        }
        for w in &s.warnings {
            briefing::term::warning(w);
        }
        if !quiet {
            println!("{s}");
            if verbose {
                for c in &s.written.changed {
                    println!("  changed {c}");
                }
            }
        }
        briefing::build::keep_going_result(&s)
    })
}
