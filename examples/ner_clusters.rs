//! Learns the NER word clusters (`models/clusters.bin`) from unlabelled text:
//!
//! ```sh
//! tar xzf ../shared/data/reuters21578/articles.tar.gz -C /tmp/reuters
//! cargo run --release --example ner_clusters -- models/clusters.bin \
//!   /tmp/reuters/articles ../shared/data/bbc_news ../shared/data/ecbplus_dev/docs.jsonl
//! ```
//!
//! Directories are walked (sorted) for `.md` and `.txt` files (YAML front
//! matter dropped); `.jsonl` files contribute each line's `text` field.
//! Same inputs, same bytes.

use briefing::nlp::ner::{learn_clusters, ClusterOptions};
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, inputs)) = args.split_first().filter(|(_, i)| !i.is_empty()) else {
        eprintln!("usage: ner_clusters OUT.bin INPUT (directory or .jsonl)...");
        std::process::exit(2);
    };
    let mut texts = Vec::new();
    for input in inputs {
        if let Err(e) = read_input(Path::new(input), &mut texts) {
            eprintln!("{input}: {e}");
            std::process::exit(1);
        }
    }
    eprintln!("{} documents", texts.len());
    let bytes = learn_clusters(&texts, &ClusterOptions::default());
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("{out}: cannot write: {e}");
        std::process::exit(1);
    }
    eprintln!("wrote {out} ({} bytes)", bytes.len());
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
