//! Reading the unlabelled text of `../shared/data` for the learned
//! resources (word clusters, common words): directories are walked (sorted)
//! for `.md` and `.txt` files (YAML front matter dropped); `.jsonl` files
//! contribute each line's `text` field.

use std::path::Path;

/// Reads every input (directory or `.jsonl` file), in order, or exits with
/// a message naming the input that failed.
pub fn read_all(inputs: &[String]) -> Vec<String> {
    let mut texts = Vec::new();
    for input in inputs {
        if let Err(e) = read_input(Path::new(input), &mut texts) {
            eprintln!("{input}: {e}");
            std::process::exit(1);
        }
    }
    eprintln!("{} documents", texts.len());
    texts
}

fn read_input(path: &Path, texts: &mut Vec<String>) -> Result<(), String> {
    if path.extension().is_some_and(|e| e == "jsonl") {
        let all = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        for (n, line) in all
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
            let text = v["text"]
                .as_str()
                .ok_or(format!("line {}: no \"text\" field", n + 1))?;
            texts.push(text.to_string());
        }
        return Ok(());
    }
    let mut files: Vec<_> = walkdir::WalkDir::new(path)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "md" || x == "txt")
        })
        .map(|e| e.into_path())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("no .md or .txt files found".into());
    }
    for f in files {
        let bytes = std::fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        texts.push(strip_front_matter(&text).to_string());
    }
    Ok(())
}

fn strip_front_matter(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|i| &rest[i + 5..]))
        .unwrap_or(text)
}
