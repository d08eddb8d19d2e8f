//! The subcommands other than `build`, as library functions the CLI calls.

use crate::build::{self, BuildOptions};
use crate::serve::{ServeOptions, Server};
use crate::site::Site;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

/// `briefing check`: everything a build does except writing files.
pub fn check(opts: &BuildOptions) -> Result<String, String> {
    let config = build::config(opts).map_err(|e| e.to_string())?;
    let site = Site::build(&config).map_err(|e| e.to_string())?;
    let files = crate::render::render(&site).map_err(|e| e.to_string())?;
    let exists = |p: &str| {
        p.is_empty()
            || files.get(p).is_some()
            || files
                .get(&format!("{}/index.html", p.trim_end_matches('/')))
                .is_some()
    };
    let problems = crate::render::links::problems(&site, &exists);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        return Err(format!(
            "{} broken {} in the articles:\n{}\n  help: link to another article by its file \
             (`../other.md`) and keep images beside the article",
            problems.len(),
            if problems.len() == 1 {
                "link or image"
            } else {
                "links or images"
            },
            list.join("\n")
        ));
    }
    Ok(format!(
        "OK: {} articles, {} people, {} events, {} files would be written",
        site.articles.len(),
        site.people.len(),
        site.events.len(),
        files.len()
    ))
}

/// Warnings worth printing before `briefing build`.
pub fn build_warnings(config: &crate::config::Config) -> Vec<String> {
    let mut out = Vec::new();
    if config.base_url_is_local() {
        out.push(format!(
            "base_url is {}, this machine: feeds, the sitemap, canonical links and 404.html \
             will point here, not at your published site\n  help: set base_url in briefing.yaml \
             (e.g. https://you.github.io/your-repo/) or pass --base-url",
            config.base_url
        ));
    }
    out
}

/// Where `serve` builds and what it serves: the base URL is rewritten to the
/// server's own address, keeping the configured sub-path, so absolute links
/// (404 page, canonicals, feeds) point at the preview.
#[derive(Clone, Debug, PartialEq)]
pub struct ServePlan {
    /// The base URL the preview is built with (`http://127.0.0.1:1111/repo/`).
    pub base_url: String,
    /// The build's output directory.
    pub output: PathBuf,
    /// The directory the HTTP server serves (the output, or the folder above
    /// the sub-path).
    pub served: PathBuf,
}

/// Plans `serve` for `config` on `bind:port` (a real port, not 0).
pub fn serve_plan(config: &crate::config::Config, bind: IpAddr, port: u16) -> ServePlan {
    let host = match bind {
        IpAddr::V4(v4) if v4.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(v6) if v6.is_unspecified() => "[::1]".to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
        IpAddr::V4(v4) => v4.to_string(),
    };
    let path = config.base_path();
    let base_url = format!("http://{host}:{port}{path}");
    let sub = path.trim_matches('/');
    if sub.is_empty() {
        let out = config.output_path();
        return ServePlan {
            base_url,
            output: out.clone(),
            served: out,
        };
    }
    // Under a sub-path the preview goes to `.preview/<sub>/`, so the served tree
    // can hold it at `/<sub>/` (the server refuses symlinks out of its root).
    let served = config.root.join(".preview");
    ServePlan {
        base_url,
        output: served.join(sub),
        served,
    }
}

/// A free port on `bind` when `port` is 0 (the listener is dropped at once).
fn real_port(bind: IpAddr, port: u16) -> Result<u16, String> {
    if port != 0 {
        return Ok(port);
    }
    std::net::TcpListener::bind((bind, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("cannot find a free port on {bind}: {e}"))
}

/// `briefing serve`: build, then serve and rebuild on change (forever).
pub fn serve(opts: &BuildOptions, bind: IpAddr, port: u16, quiet: bool) -> Result<(), String> {
    let (server, plan) = start_serve(opts, bind, port, quiet)?;
    println!(
        "Serving {} at {} (Ctrl-C to stop)",
        plan.output.display(),
        plan.base_url
    );
    server.wait();
    Ok(())
}

/// Builds once with the base URL rewritten to the server's address and
/// starts the server; the caller waits on (or shuts down) the server.
pub fn start_serve(
    opts: &BuildOptions,
    bind: IpAddr,
    port: u16,
    quiet: bool,
) -> Result<(Server, ServePlan), String> {
    let config = build::config(opts).map_err(|e| e.to_string())?;
    let port = real_port(bind, port)?;
    let plan = serve_plan(&config, bind, port);
    let opts = BuildOptions {
        base_url: Some(plan.base_url.clone()),
        // Absolute: the plan's output already holds the root, and a build
        // joins a relative --output to the root (again).
        output: Some(std::path::absolute(&plan.output).unwrap_or_else(|_| plan.output.clone())),
        ..opts.clone()
    };
    // The server starts even when the first build fails: the browser shows
    // the error until it is fixed.
    let first = build::run(&opts);
    crate::term::Progress::finish();
    match &first {
        Ok(s) if !quiet => println!("{s}"),
        Ok(_) => {}
        Err(e) => crate::term::error(&e.to_string()),
    }
    let root = &config.root;
    let mut serve_opts = ServeOptions::new(plan.served.clone());
    serve_opts.bind = bind;
    serve_opts.port = port;
    serve_opts.watch = vec![
        config.content_path(),
        root.join("templates"),
        root.join("themes"),
        root.join("static"),
        root.join(crate::config::CONFIG_FILE),
    ];
    let build_opts = opts.clone();
    let rebuild = Box::new(move || {
        build::run(&build_opts)
            .map(|s| s.to_string())
            .map_err(|e| e.to_string())
    });
    let server = Server::start(serve_opts, rebuild).map_err(|e| e.to_string())?;
    if let Err(e) = first {
        server.report_error(&e.to_string());
    }
    Ok((server, plan))
}

/// `briefing extract`: tag a CoNLL file, or print the analysis of articles as JSON.
pub fn extract(conll: Option<&Path>, files: &[PathBuf]) -> Result<(), String> {
    if let Some(path) = conll {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        print!("{}", crate::nlp::ner::conll::tag_conll(&text));
        return Ok(());
    }
    if files.is_empty() {
        return Err("give article files to analyse, or --conll FILE".into());
    }
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        let root = f.parent().unwrap_or(Path::new("."));
        match crate::content::load_file(root, f) {
            Ok(article) => {
                let analysis = crate::nlp::analysis::analyze(&article);
                let mut report = crate::people::extract_report(&article, &analysis);
                report.dates = date_report(&article);
                reports.push(report);
            }
            Err(errs) => errors.extend(errs.iter().map(|e| e.to_string())),
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&reports).map_err(|e| e.to_string())?
    );
    Ok(())
}

/// Dates the article's prose mentions, resolved against its own date.
fn date_report(article: &crate::Article) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for (i, p) in article.prose() {
        for m in crate::nlp::dates::find(&p.text, article.date) {
            out.push(serde_json::json!({
                "paragraph": i,
                "start": m.span.start,
                "end": m.span.end,
                "expression": m.expression,
                "date": m.date.to_string(),
                "approximate": m.approximate,
                "granularity": m.granularity,
                "value": m.value(),
            }));
        }
    }
    out
}

/// `briefing explain ARTICLE`: which event the article joined and why.
pub fn explain(opts: &BuildOptions, article: &str) -> Result<String, String> {
    // An empty name would match every path by suffix: refuse it first.
    let article = article.trim();
    if article.is_empty() {
        return Err("explain needs an article: give its id (see data/articles.json) or its path under the content directory, e.g. `briefing explain articles/2025/riyadh.md`".into());
    }
    let config = build::config(opts).map_err(|e| e.to_string())?;
    // Same address memory and cache as `build`, so the slugs printed are
    // the published ones.
    let book = crate::addresses::AddressBook::load(&config.root)?;
    let mut cache = crate::cache::Cache::load(&config.root);
    let wanted = |a: &crate::content::Article| {
        a.id == article || a.source_path == article || a.source_path.ends_with(article)
    };
    let mut timings = crate::timings::Timings::default();
    let (site, _) = Site::build_explaining(&config, &book, &mut cache, &mut timings, &wanted)
        .map_err(|e| e.to_string())?;
    let a = site
        .articles
        .iter()
        .find(|a| wanted(a))
        .ok_or_else(|| format!("no article `{article}`: give its id (see data/articles.json) or its path under the content directory"))?;
    Ok(site.explain(&a.id))
}

/// `briefing train-ner`: train and write the person-name model.
pub fn train_ner(
    train: &Path,
    gmb: Option<&Path>,
    dev: Option<&Path>,
    out: &Path,
) -> Result<(), String> {
    let opts = crate::nlp::ner::TrainOptions::new(train, gmb, dev, out);
    let report = crate::nlp::ner::train(&opts)?;
    println!("{report}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn serve_rewrites_the_base_to_its_own_address_and_keeps_the_sub_path() {
        let mut c = Config {
            root: PathBuf::from("/site"),
            ..Config::default()
        };
        c.set_base_url("https://u.github.io/repo/").unwrap();
        let plan = serve_plan(&c, "127.0.0.1".parse().unwrap(), 4000);
        assert_eq!(plan.base_url, "http://127.0.0.1:4000/repo/");
        assert_eq!(plan.served, PathBuf::from("/site/.preview"));
        assert_eq!(plan.output, PathBuf::from("/site/.preview/repo"));
        let root = serve_plan(&Config::default(), "0.0.0.0".parse().unwrap(), 8080);
        assert_eq!(root.base_url, "http://127.0.0.1:8080/");
        assert_eq!(root.output, root.served);
    }

    #[test]
    fn a_local_base_url_warns_for_build() {
        assert_eq!(build_warnings(&Config::default()).len(), 1);
        let mut c = Config::default();
        c.set_base_url("https://example.org/").unwrap();
        assert!(build_warnings(&c).is_empty());
    }
}
