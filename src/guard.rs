//! Output-directory safety: refuse an `--output` that would destroy input.
//!
//! The writer replaces the output directory as a whole, so an output that is
//! (or holds, or lies inside) the content directory, the site root, an input
//! folder (`templates/`, `static/`, `themes/`) or the build's own state
//! (`.briefing/`) would delete articles, or make the next build read its own
//! pages as articles. An existing file that is not a directory would be moved
//! aside. [`check_output`] runs before anything is read or written.

use crate::config::Config;
use std::fmt;
use std::path::{Component, Path, PathBuf};

/// Folders under the site root that a build reads (besides the content dir).
pub const INPUT_DIRS: &[&str] = &["templates", "static", "themes", ".briefing"];

/// Why an output directory is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsafeOutput {
    /// The output directory as given (resolved against the site root).
    pub output: PathBuf,
    /// What it collides with.
    pub problem: String,
}

impl fmt::Display for UnsafeOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: refusing to use it as the output directory: {}; nothing was written. \
             Choose a separate folder, e.g. `--output public`",
            self.output.display(),
            self.problem
        )
    }
}

impl std::error::Error for UnsafeOutput {}

/// Checks `config.output_path()` against every input of the build.
pub fn check_output(config: &Config) -> Result<(), UnsafeOutput> {
    let given = config.output_path();
    let refuse = |problem: String| UnsafeOutput {
        output: given.clone(),
        problem,
    };
    if let Ok(meta) = std::fs::symlink_metadata(&given) {
        let is_dir = std::fs::metadata(&given).is_ok_and(|m| m.is_dir());
        if meta.file_type().is_symlink() && !is_dir {
            return Err(refuse(
                "it is a symbolic link that is not a directory".into(),
            ));
        }
        if !is_dir {
            return Err(refuse(
                "it exists and is not a directory (the build would move it aside)".into(),
            ));
        }
    }
    let out = resolve(&given);
    let root = resolve(&config.root);
    let mut inputs = vec![("the site root", root.clone())];
    inputs.push(("the content directory", resolve(&config.content_path())));
    for dir in INPUT_DIRS {
        inputs.push((dir, resolve(&config.root.join(dir))));
    }
    inputs.push((
        "the configuration file",
        root.join(crate::config::CONFIG_FILE),
    ));
    for (what, input) in &inputs {
        if out == *input {
            return Err(refuse(format!("it is {}", describe(what, input))));
        }
        if input.starts_with(&out) {
            return Err(refuse(format!(
                "it contains {} (replacing it would delete that)",
                describe(what, input)
            )));
        }
        // Inside the site root is the normal place; inside any other input is
        // not, except `serve`'s own preview output under `.briefing/serve/`.
        let preview = *what == ".briefing" && out.starts_with(input.join("serve"));
        if *what != "the site root" && !preview && out.starts_with(input) {
            return Err(refuse(format!(
                "it lies inside {} (the next build would read its own output)",
                describe(what, input)
            )));
        }
    }
    // Checked last so that a collision with an input gets its precise message.
    if given.is_dir() && !looks_like_output(&given) {
        return Err(refuse(format!(
            "it is a non-empty folder that no build wrote (it has no {OUTPUT_MARKER}), \
             and the build would replace what is in it"
        )));
    }
    Ok(())
}

/// The file every build writes at the top of its output (GitHub Pages needs
/// it anyway): its presence is how an existing folder is known to be ours.
pub const OUTPUT_MARKER: &str = ".nojekyll";

/// An existing output folder may be replaced only when it is empty or was
/// written by a build. Any other folder is someone's files: a mistyped
/// `--output` (relative paths resolve against the current directory) must
/// never delete them.
fn looks_like_output(dir: &Path) -> bool {
    dir.join(OUTPUT_MARKER).is_file()
        || std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

fn describe(what: &str, path: &Path) -> String {
    if what.starts_with("the ") {
        format!("{what} {}", path.display())
    } else {
        format!("the input folder {}", path.display())
    }
}

/// An absolute path with symbolic links resolved as far as the path exists,
/// and `.`/`..` folded lexically in the part that does not exist yet.
pub fn resolve(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .unwrap_or_else(|_| PathBuf::from("/"))
            .join(path)
    };
    let absolute = fold(&absolute);
    // Walk up to the longest existing ancestor, canonicalise it, re-append.
    let mut existing = absolute.clone();
    let mut rest = Vec::new();
    loop {
        if let Ok(c) = existing.canonicalize() {
            let mut out = c;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => return absolute,
        }
    }
}

/// Folds `.` and `..` without touching the file system.
fn fold(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A site root in a fresh temporary folder with content/ and one article.
    fn site(name: &str) -> PathBuf {
        let root =
            std::env::temp_dir().join(format!("briefing-guard-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("content")).unwrap();
        fs::create_dir_all(root.join("templates")).unwrap();
        fs::write(root.join("content/a.md"), "x").unwrap();
        root
    }

    fn config(root: &Path, output: &str) -> Config {
        Config {
            root: root.to_path_buf(),
            output_dir: output.into(),
            ..Config::default()
        }
    }

    fn refused(root: &Path, output: &str) -> String {
        match check_output(&config(root, output)) {
            Err(e) => e.to_string(),
            Ok(()) => panic!("`{output}` was accepted"),
        }
    }

    #[test]
    fn refuses_content_root_and_inputs() {
        let root = site("inputs");
        assert!(refused(&root, "content").contains("it is the content directory"));
        assert!(refused(&root, "content/").contains("it is the content directory"));
        assert!(refused(&root, "./content/../content").contains("content directory"));
        assert!(refused(&root, ".").contains("it is the site root"));
        assert!(refused(&root, root.to_str().unwrap()).contains("site root"));
        assert!(refused(&root, "..").contains("contains the site root"));
        assert!(refused(&root, "content/public").contains("lies inside the content directory"));
        assert!(refused(&root, "templates").contains("input folder"));
        assert!(refused(&root, "themes/x").contains("lies inside the input folder"));
        assert!(refused(&root, "static").contains("input folder"));
        assert!(refused(&root, ".briefing").contains("input folder"));
        assert!(refused(&root, ".briefing/cache").contains("input folder"));
        // `briefing serve` builds its preview here.
        assert!(check_output(&config(&root, ".briefing/serve/repo")).is_ok());
        assert!(refused(&root, "briefing.yaml").contains("configuration file"));
        assert!(check_output(&config(&root, "public")).is_ok());
        assert!(check_output(&config(&root, "out/site")).is_ok());
        assert!(check_output(&config(&root, "../elsewhere")).is_ok());
        // Nothing was touched.
        assert_eq!(fs::read(root.join("content/a.md")).unwrap(), b"x");
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn refuses_an_existing_file_and_a_link_to_content() {
        let root = site("file");
        fs::write(root.join("notes.txt"), "keep me").unwrap();
        assert!(refused(&root, "notes.txt").contains("not a directory"));
        assert_eq!(fs::read(root.join("notes.txt")).unwrap(), b"keep me");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("content"), root.join("link")).unwrap();
            assert!(refused(&root, "link").contains("content directory"));
            std::os::unix::fs::symlink(root.join("nowhere"), root.join("dangling")).unwrap();
            assert!(refused(&root, "dangling").contains("symbolic link"));
        }
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn a_custom_content_dir_is_protected_too() {
        let root = site("custom");
        fs::create_dir_all(root.join("articles")).unwrap();
        let mut c = config(&root, "articles");
        c.content_dir = "articles".into();
        assert!(check_output(&c).is_err());
        // The default content/ is no longer an input then, but it holds files
        // no build wrote, so it is still refused; a new folder is fine.
        c.output_dir = "content".into();
        assert!(check_output(&c).is_err_and(|e| e.problem.contains("no build wrote")));
        c.output_dir = "site".into();
        assert!(check_output(&c).is_ok());
        fs::remove_dir_all(root).unwrap();
    }
}
