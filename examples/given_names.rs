//! Learns the given-name list (`models/given_names.txt`) from unlabelled
//! text — the same inputs as the word clusters and the common words:
//!
//! ```sh
//! tar xzf ../shared/data/reuters21578/articles.tar.gz -C /tmp/reuters
//! cargo run --release --example given_names -- models/given_names.txt \
//!   /tmp/reuters/articles ../shared/data/bbc_news ../shared/data/ecbplus_dev/docs.jsonl
//! ```
//!
//! Same inputs, same bytes.

use briefing::nlp::names::learn_given_names;

#[path = "unlabelled/mod.rs"]
mod unlabelled;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, inputs)) = args.split_first().filter(|(_, i)| !i.is_empty()) else {
        eprintln!("usage: given_names OUT.txt INPUT (directory or .jsonl)...");
        std::process::exit(2);
    };
    let text = learn_given_names(&unlabelled::read_all(inputs));
    if let Err(e) = std::fs::write(out, &text) {
        eprintln!("{out}: cannot write: {e}");
        std::process::exit(1);
    }
    eprintln!("wrote {out} ({} words)", text.lines().count() - 1);
}
