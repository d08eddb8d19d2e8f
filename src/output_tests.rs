use super::*;

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("briefing-output-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn writes_in_place_and_removes_stale_files() {
    let root = tmpdir("swap");
    let out = root.join("public");
    let manifest = root.join(".briefing/manifest.bin");
    let mut a = SiteFiles::default();
    a.insert("index.html", "one");
    a.insert("old/index.html", "gone soon");
    a.write(&out, &manifest).unwrap();
    let mut b = SiteFiles::default();
    b.insert("index.html", "one");
    b.insert("new.txt", "two");
    let r = b.write(&out, &manifest).unwrap();
    assert_eq!(r.changed, vec!["new.txt"]);
    assert_eq!(r.removed, vec!["old/index.html"]);
    assert_eq!(r.written, 1);
    assert_eq!(list_files(&out), vec!["index.html", "new.txt"]);
    // The emptied directory went with its file; no staging directory is left.
    assert!(!out.join("old").exists());
    assert_eq!(entries(&root), vec![".briefing", "public"]);
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn unchanged_files_keep_their_mtime_and_touched_ones_are_repaired() {
    let root = tmpdir("mtime");
    let out = root.join("public");
    let manifest = root.join("m.bin");
    let mut a = SiteFiles::default();
    a.insert("same.html", "x");
    a.insert("edited.html", "y");
    a.write(&out, &manifest).unwrap();
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    fs::File::options()
        .write(true)
        .open(out.join("same.html"))
        .unwrap()
        .set_modified(old)
        .unwrap();
    // Without a manifest the bytes are compared; the file is kept.
    fs::remove_file(&manifest).unwrap();
    a.write(&out, &manifest).unwrap();
    let mtime = |f: &str| fs::metadata(out.join(f)).unwrap().modified().unwrap();
    assert_eq!(mtime("same.html"), old);
    // With a manifest, a file edited behind the build's back is rewritten.
    fs::write(out.join("edited.html"), "z").unwrap();
    let r = a.write(&out, &manifest).unwrap();
    assert_eq!(fs::read_to_string(out.join("edited.html")).unwrap(), "y");
    assert_eq!(r.written, 1);
    assert!(r.changed.is_empty(), "same bytes as the last build");
    assert_eq!(mtime("same.html"), old);
    assert!(output_intact(&out, &manifest));
    // Only touched, same bytes: kept, and the manifest learns the new mtime.
    let touched = old + std::time::Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(out.join("same.html"))
        .unwrap()
        .set_modified(touched)
        .unwrap();
    assert!(!output_intact(&out, &manifest));
    let r = a.write(&out, &manifest).unwrap();
    assert_eq!((r.written, mtime("same.html")), (0, touched));
    assert!(output_intact(&out, &manifest));
    fs::remove_file(out.join("same.html")).unwrap();
    assert!(!output_intact(&out, &manifest));
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn leftovers_of_killed_builds_are_cleaned_and_a_lost_swap_restored() {
    let root = tmpdir("leftovers");
    let out = root.join("public");
    let manifest = root.join("m.bin");
    // A tree swap killed between its renames: only `.public.old-*` holds the site.
    fs::create_dir_all(root.join(".public.old-77")).unwrap();
    fs::write(root.join(".public.old-77/keep.html"), "published").unwrap();
    fs::create_dir_all(root.join(".public.tmp-77/x")).unwrap();
    fs::create_dir_all(root.join(".public.stage-12/y")).unwrap();
    let w = Writer::begin(&out, &manifest).unwrap();
    assert_eq!(
        fs::read_to_string(out.join("keep.html")).unwrap(),
        "published",
        "the public directory is never missing"
    );
    w.put("keep.html".into(), b"published".to_vec());
    let r = w.finish().unwrap();
    assert!(r.changed.is_empty());
    assert_eq!(entries(&root), vec!["m.bin", "public"]);
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_failed_build_leaves_the_output_untouched() {
    let root = tmpdir("failed");
    let out = root.join("public");
    let manifest = root.join("m.bin");
    let mut a = SiteFiles::default();
    a.insert("index.html", "one");
    a.write(&out, &manifest).unwrap();
    let w = Writer::begin(&out, &manifest).unwrap();
    w.put("index.html".into(), b"two".to_vec());
    // The build stops before `finish` (a template error, a kill): the
    // new bytes exist only in the staging directory.
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "one");
    drop(w);
    let r = a.write(&out, &manifest).unwrap();
    assert!(r.changed.is_empty());
    assert_eq!(entries(&root), vec!["m.bin", "public"]);
    fs::remove_dir_all(root).unwrap();
}
