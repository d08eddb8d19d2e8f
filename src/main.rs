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
    /// Check the content and templates without writing anything.
    Check(SiteArgs),
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
}

impl SiteArgs {
    fn options(&self) -> BuildOptions {
        BuildOptions {
            root: self.root.clone(),
            content: self.content.clone(),
            output: self.output.clone(),
            base_url: self.base_url.clone(),
            progress: false,
        }
    }
}

/// Progress lines only for a person at a terminal: never in CI or pipes.
fn wants_progress(quiet: bool) -> bool {
    use std::io::IsTerminal;
    !quiet && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Build(site) => build::run(&BuildOptions {
            progress: wants_progress(cli.quiet),
            ..site.options()
        })
        .map(|s| {
            if cli.timings {
                eprintln!("{}", s.timings);
            }
            if !cli.quiet {
                println!("{s}");
                if cli.verbose {
                    for c in &s.written.changed {
                        println!("  changed {c}");
                    }
                }
            }
        })
        .map_err(|e| e.to_string()),
        Command::Check(site) => briefing::commands::check(&site.options()).map(|s| {
            if !cli.quiet {
                println!("{s}")
            }
        }),
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
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
