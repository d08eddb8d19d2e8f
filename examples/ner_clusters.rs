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

#[path = "unlabelled/mod.rs"]
mod unlabelled;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, inputs)) = args.split_first().filter(|(_, i)| !i.is_empty()) else {
        eprintln!("usage: ner_clusters OUT.bin INPUT (directory or .jsonl)...");
        std::process::exit(2);
    };
    let texts = unlabelled::read_all(inputs);
    let bytes = learn_clusters(&texts, &ClusterOptions::default());
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("{out}: cannot write: {e}");
        std::process::exit(1);
    }
    eprintln!("wrote {out} ({} bytes)", bytes.len());
}
