//! Issue 13: on a terminal `build` draws a progress line that it clears before
//! the summary, and colours `warning:`; `NO_COLOR` and pipes get plain text.
//! The terminal is a real pseudo-terminal from util-linux `script`; the test
//! skips with a printed reason where `script` is missing.

mod common;

use common::*;
use std::fs;
use std::process::Command;

/// A one-article site with no base_url (so the build warns).
fn site(name: &str) -> std::path::PathBuf {
    let root = temp_dir(name);
    fs::create_dir_all(root.join("content")).unwrap();
    fs::write(
        root.join("content/a.md"),
        "---\ntitle: Ferry timetable changes\ndate: 2025-05-02\n---\nThe ferry company said on Friday that winter sailings would start a week early.\n",
    )
    .unwrap();
    root
}

/// Runs `briefing build` on a pseudo-terminal; returns what the terminal showed.
fn on_terminal(root: &std::path::Path, no_color: bool) -> Option<String> {
    let bin = env!("CARGO_BIN_EXE_briefing");
    let cmd = format!("{bin} build --root {}", root.display());
    let mut c = Command::new("script");
    c.args(["-qec", &cmd, "/dev/null"]).env_remove("CI");
    if no_color {
        c.env("NO_COLOR", "1");
    } else {
        c.env_remove("NO_COLOR");
    }
    let out = c.output().ok()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn progress_is_cleared_and_labels_are_coloured_only_on_a_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skip: util-linux `script` is not installed (no pseudo-terminal)");
        return;
    }
    let root = site("terminal");
    let Some(shown) = on_terminal(&root, false) else {
        eprintln!("skip: `script` could not run");
        return;
    };
    let clear = "\r\x1b[2K";
    let summary = shown.find("Built ").expect("summary line shown");
    let last_clear = shown
        .rfind(clear)
        .expect("the progress line was drawn and cleared");
    assert!(
        last_clear < summary,
        "summary printed after the clear: {shown:?}"
    );
    assert!(
        !shown[summary..].contains(clear),
        "nothing redrawn after the summary: {shown:?}"
    );
    let warning = shown.find("warning:").expect("the default base_url warns");
    assert!(
        shown[..warning].ends_with('m'),
        "warning: is coloured on a terminal: {shown:?}"
    );

    // NO_COLOR: the same build without colour escapes on the label.
    fs::remove_dir_all(root.join("public")).unwrap();
    let plain = on_terminal(&root, true).unwrap();
    let warning = plain.find("warning:").expect("still warns");
    assert!(!plain[..warning].ends_with('m'), "{plain:?}");

    // A pipe: no progress, no escapes at all.
    fs::remove_dir_all(root.join("public")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["build", "--root"])
        .arg(&root)
        .env_remove("CI")
        .output()
        .unwrap();
    let all = [out.stdout, out.stderr].concat();
    assert!(!all.contains(&0x1b), "{}", String::from_utf8_lossy(&all));
    fs::remove_dir_all(root).unwrap();
}
