//! `briefing init`: a new site in an empty (or any) folder, and
//! `briefing init --theme`: the built-in theme copied out for editing.
//!
//! Nothing is ever overwritten: every target is checked first and, if any
//! exists, nothing at all is written and the error lists them.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where the generated Pages workflow installs briefing from. A placeholder
/// for a fork: pass `--git URL` to `init`, or edit `BRIEFING_GIT` in the
/// workflow (README, "Start your own site").
pub const DEFAULT_GIT: &str = "https://github.com/briefing-site/briefing";
/// Branch (or tag) the workflow installs.
pub const DEFAULT_REV: &str = "main";

/// The example article, in our own words.
const EXAMPLE: &str = include_str!("init/example.md");
const CONFIG: &str = include_str!("init/briefing.yaml");
const GITIGNORE: &str = include_str!("init/gitignore");
const WORKFLOW: &str = include_str!("init/pages.yml");

/// What `init` should write.
#[derive(Clone, Debug)]
pub struct InitOptions {
    /// Target folder (created when missing).
    pub dir: PathBuf,
    /// Copy only the built-in theme into `themes/default/`.
    pub theme_only: bool,
    /// Git URL the workflow installs briefing from.
    pub git: String,
    /// Branch or tag of that repository.
    pub rev: String,
}

impl InitOptions {
    /// A full site in `dir`, installing briefing from [`DEFAULT_GIT`].
    pub fn new(dir: impl Into<PathBuf>) -> InitOptions {
        InitOptions {
            dir: dir.into(),
            theme_only: false,
            git: DEFAULT_GIT.into(),
            rev: DEFAULT_REV.into(),
        }
    }
}

/// Why `init` wrote nothing.
#[derive(Debug)]
pub enum InitError {
    /// These files exist already; nothing was written.
    Exists(Vec<PathBuf>),
    /// A file could not be written.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for InitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InitError::Exists(paths) => {
                write!(
                    f,
                    "refusing to overwrite existing files; nothing was written:"
                )?;
                for p in paths {
                    write!(f, "\n  {}", p.display())?;
                }
                write!(
                    f,
                    "\n  help: run `briefing init` in an empty folder, or move these files away"
                )
            }
            InitError::Io(p, e) => write!(f, "{}: cannot write: {e}", p.display()),
        }
    }
}

impl std::error::Error for InitError {}

/// The files `init` would write: path relative to the target → contents.
pub fn plan(opts: &InitOptions) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    if opts.theme_only {
        for (path, text) in crate::render::engine::builtin_files() {
            files.push((format!("themes/default/{path}"), text.to_vec()));
        }
        return files;
    }
    let workflow = WORKFLOW
        .replace("__BRIEFING_GIT__", &opts.git)
        .replace("__BRIEFING_REV__", &opts.rev);
    files.push(("briefing.yaml".into(), CONFIG.into()));
    files.push(("content/example-article.md".into(), EXAMPLE.into()));
    files.push((".gitignore".into(), GITIGNORE.into()));
    files.push((".github/workflows/pages.yml".into(), workflow.into_bytes()));
    files
}

/// Writes the plan into `opts.dir`; returns the paths written.
pub fn run(opts: &InitOptions) -> Result<Vec<PathBuf>, InitError> {
    let files = plan(opts);
    let existing: Vec<PathBuf> = files
        .iter()
        .map(|(rel, _)| opts.dir.join(rel))
        .filter(|p| p.exists())
        .collect();
    if !existing.is_empty() {
        return Err(InitError::Exists(existing));
    }
    let mut written = Vec::new();
    for (rel, bytes) in &files {
        let path = opts.dir.join(rel);
        write_new(&path, bytes).map_err(|e| InitError::Io(path.clone(), e))?;
        written.push(path);
    }
    Ok(written)
}

/// Creates `path` (and its folders); fails rather than replace a file that
/// appeared since the check.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(bytes)
}

/// What to do next, printed after a successful `init`.
pub fn next_steps(opts: &InitOptions) -> String {
    if opts.theme_only {
        return format!(
            "Copied the default theme to {}. Edit it there: the site's templates/ \
             win over it, and any file you delete falls back to the built-in one.",
            opts.dir.join("themes/default").display()
        );
    }
    let cd = if opts.dir == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", opts.dir.display())
    };
    format!(
        "New site in {}. Next:\n  {cd}briefing serve      # preview at http://127.0.0.1:1111/\n  \
         set base_url in briefing.yaml, put your articles in content/, then\n  \
         git init && git add . && git commit -m 'My briefing' and push to GitHub\n  \
         (Settings → Pages → Source: GitHub Actions).",
        opts.dir.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_installs_briefing_rather_than_running_cargo_in_its_repo() {
        let opts = InitOptions {
            git: "https://example.org/x/briefing".into(),
            ..InitOptions::new(".")
        };
        let plan = plan(&opts);
        let wf = &plan
            .iter()
            .find(|(p, _)| p == ".github/workflows/pages.yml")
            .unwrap()
            .1;
        let wf = String::from_utf8_lossy(wf);
        assert!(wf.contains("cargo install --locked --git"), "{wf}");
        assert!(wf.contains("https://example.org/x/briefing"), "{wf}");
        assert!(!wf.contains("cargo run"), "{wf}");
        assert!(wf.contains("git add .briefing/addresses.json"), "{wf}");
    }

    #[test]
    fn theme_plan_holds_every_builtin_file() {
        let opts = InitOptions {
            theme_only: true,
            ..InitOptions::new(".")
        };
        let plan = plan(&opts);
        assert!(plan
            .iter()
            .any(|(p, _)| p == "themes/default/templates/base.html"));
        assert!(plan
            .iter()
            .any(|(p, _)| p == "themes/default/static/style.css"));
    }
}
