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
    Ok(format!(
        "OK: {} articles, {} people, {} events, {} files would be written",
        site.articles.len(),
        site.people.len(),
        site.events.len(),
        files.len()
    ))
}

/// `briefing serve`: build, then serve and rebuild on change.
pub fn serve(opts: &BuildOptions, bind: IpAddr, port: u16, quiet: bool) -> Result<(), String> {
    let config = build::config(opts).map_err(|e| e.to_string())?;
    // The server starts even when the first build fails: the browser shows
    // the error until it is fixed.
    let first = build::run(opts);
    match &first {
        Ok(s) if !quiet => println!("{s}"),
        Ok(_) => {}
        Err(e) => eprintln!("error: {e}"),
    }
    let root = &config.root;
    let mut serve_opts = ServeOptions::new(config.output_path());
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
    println!(
        "Serving {} at http://{}/ (Ctrl-C to stop)",
        config.output_path().display(),
        server.local_addr()
    );
    server.wait();
    Ok(())
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
    let (site, _) = Site::build_with(&config, &book, &mut cache).map_err(|e| e.to_string())?;
    let a = site
        .articles
        .iter()
        .find(|a| a.id == article || a.source_path == article || a.source_path.ends_with(article))
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
