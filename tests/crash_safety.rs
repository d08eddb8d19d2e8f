//! Issue 12, crash safety of the output writer (`src/output.rs`, owned by the
//! incremental-build work): `public/` is never missing while rewritten, and
//! what a killed build left is removed by the next write.

use briefing::output::SiteFiles;
use std::fs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("briefing-crash-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn site(version: usize) -> SiteFiles {
    let mut f = SiteFiles::default();
    f.insert("index.html", format!("home {version}"));
    for i in 0..50 {
        f.insert(
            format!("articles/a{i}/index.html"),
            format!("article {i} v{version}"),
        );
    }
    f
}

#[test]
fn public_and_its_index_are_never_missing_while_rewritten() {
    let root = tmp("window");
    let out = root.join("public");
    let manifest = root.join("manifest.json");
    site(0).write(&out, &manifest).unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let misses = Arc::new(AtomicUsize::new(0));
    let watcher = {
        let (out, done, misses) = (out.clone(), Arc::clone(&done), Arc::clone(&misses));
        std::thread::spawn(move || {
            let mut looks = 0usize;
            while !done.load(Ordering::Relaxed) {
                if fs::read(out.join("index.html")).is_err() {
                    misses.fetch_add(1, Ordering::Relaxed);
                }
                looks += 1;
            }
            looks
        })
    };
    for v in 1..60 {
        site(v).write(&out, &manifest).unwrap();
    }
    done.store(true, Ordering::Relaxed);
    let looks = watcher.join().unwrap();
    assert_eq!(
        misses.load(Ordering::Relaxed),
        0,
        "index.html was missing in some of {looks} looks during 59 rewrites"
    );
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn leftovers_of_killed_builds_are_removed_by_the_next_write() {
    let root = tmp("leftovers");
    let out = root.join("public");
    let manifest = root.join("manifest.json");
    site(0).write(&out, &manifest).unwrap();
    // What a build killed between steps leaves, under another (dead) pid.
    for name in [".public.tmp-4000000", ".public.old-4000000"] {
        fs::create_dir_all(root.join(name).join("articles")).unwrap();
        fs::write(root.join(name).join("index.html"), "stale").unwrap();
    }
    site(1).write(&out, &manifest).unwrap();
    let left: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "public" && n != "manifest.json")
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    fs::remove_dir_all(root).unwrap();
}
