//! NER tagging throughput, single thread: `cargo bench --bench ner [-- FILE]`.
//!
//! Tags a CoNLL file (default ../shared/data/conll2003/eng.testa; a synthetic
//! text when that is absent) document by document, repeatedly, with the
//! shipped model, and prints tokens per second. No assertions: speed is
//! reported, not tested.

use briefing::nlp::ner::{self, conll};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let file = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let default = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/conll2003/eng.testa"
    )
    .to_string();
    let path = file.unwrap_or(default);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => {
            println!("input: {path}");
            t
        }
        Err(_) => {
            println!("input: synthetic text ({path} not found)");
            synthetic(50_000)
        }
    };
    let docs = conll::read(&text);
    let words: Vec<Vec<Vec<&str>>> = docs.iter().map(|d| d.words()).collect();
    let tokens: usize = words.iter().flatten().map(Vec::len).sum();
    println!("{} documents, {tokens} tokens", docs.len());

    let t = Instant::now();
    ner::check_model().expect("shipped model");
    println!("model load: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);

    let rate = measure(tokens, || {
        for d in &words {
            black_box(ner::tag_document(d));
        }
    });
    println!("tag_document: {:.0} tokens/s (one thread)", rate);

    let rate = measure(tokens, || {
        black_box(conll::tag_conll(&text));
    });
    println!(
        "tag_conll (parse + tag + write): {:.0} tokens/s (one thread)",
        rate
    );
}

/// Runs `f` (one pass over `tokens` tokens) for at least ~3 s after a warm-up
/// pass, and returns the best pass's tokens per second (least disturbed by
/// other processes on a shared machine), also printing the median.
fn measure(tokens: usize, mut f: impl FnMut()) -> f64 {
    f();
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) || times.len() < 5 {
        let t = Instant::now();
        f();
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "  {} passes, median {:.0} tokens/s",
        times.len(),
        tokens as f64 / median
    );
    tokens as f64 / times[0]
}

/// A deterministic stand-in text in CoNLL form: sentences of invented words,
/// some capitalised, with a `-DOCSTART-` every 30 sentences.
fn synthetic(n_tokens: usize) -> String {
    let words = [
        "the",
        "minister",
        "said",
        "on",
        "Tuesday",
        "that",
        "talks",
        "in",
        "Geneva",
        "with",
        "Anna",
        "Lindqvist",
        "would",
        "resume",
        ",",
        "officials",
        "told",
        "reporters",
        ".",
        "Mr.",
        "Okafor",
        "'s",
        "office",
        "declined",
    ];
    let mut out = String::new();
    let mut state = 12345u64;
    let mut in_sentence = 0;
    let mut sentences = 0;
    for _ in 0..n_tokens {
        if sentences % 30 == 0 && in_sentence == 0 {
            out.push_str("-DOCSTART-\n\n");
        }
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push_str(words[(state >> 33) as usize % words.len()]);
        out.push('\n');
        in_sentence += 1;
        if in_sentence == 20 {
            out.push('\n');
            in_sentence = 0;
            sentences += 1;
        }
    }
    out
}
