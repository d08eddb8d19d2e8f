//! The shipped NER model on the CoNLL-2003 development set (eng.testa),
//! read from ../shared (never copied into the repository).

use briefing::nlp::ner::{self, conll, EntityType, Score, Tag};

fn testa() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/conll2003/eng.testa"
    );
    match std::fs::read_to_string(path) {
        Ok(t) => Some(t),
        Err(_) => {
            eprintln!("skipping: ../shared not found ({path})");
            None
        }
    }
}

/// The documents of eng.testa with an odd (tuning half) or even (held-out
/// half) index, counting from 0: design choices were made on the odd half
/// only.
fn half(gold: &str, odd: bool) -> String {
    // The file's first document has no -DOCSTART- line before it.
    gold.split(conll::DOCSTART)
        .enumerate()
        .filter(|(i, _)| (i % 2 == 1) == odd)
        .map(|(i, d)| match i {
            0 => d.to_string(),
            _ => format!("{}{d}", conll::DOCSTART),
        })
        .collect()
}

#[test]
fn person_f1_on_eng_testa() {
    let Some(gold) = testa() else { return };
    let score = ner::evaluate(&gold);
    eprintln!("whole eng.testa:\n{score}");
    let per = score.get(EntityType::Per);
    assert_eq!(per.gold, 1842, "eng.testa has 1,842 PER entities");
    assert!(per.f1() >= 0.94, "PER F1 {:.4} < 0.94", per.f1());
    let tune = ner::evaluate(&half(&gold, true));
    eprintln!("tuning half (odd documents):\n{tune}");
    let held = ner::evaluate(&half(&gold, false));
    eprintln!("held-out half (even documents):\n{held}");
    assert_eq!(
        tune.get(EntityType::Per).gold + held.get(EntityType::Per).gold,
        1842
    );
    let per = held.get(EntityType::Per);
    assert!(per.f1() >= 0.94, "held-out PER F1 {:.4} < 0.94", per.f1());
}

/// `tag_conll` output lines up with the input, so an outside scorer can
/// compare line by line — and scoring it that way gives `evaluate`'s numbers.
#[test]
fn tag_conll_lines_up_with_eng_testa() {
    let Some(gold) = testa() else { return };
    let out = ner::tag_conll(&gold);
    assert_eq!(out.lines().count(), gold.lines().count());
    let mut score = Score::default();
    let (mut g_sent, mut p_sent) = (Vec::new(), Vec::new());
    for (g, p) in gold.lines().zip(out.lines()) {
        let gcols: Vec<&str> = g.split_whitespace().collect();
        if gcols.is_empty() || gcols[0] == conll::DOCSTART {
            assert!(
                p.is_empty() || p.starts_with(conll::DOCSTART),
                "{g:?} vs {p:?}"
            );
            score.add_sentence(&g_sent, &p_sent);
            g_sent.clear();
            p_sent.clear();
            continue;
        }
        let (word, tag) = p.split_once('\t').expect("token<TAB>tag");
        assert_eq!(word, gcols[0]);
        g_sent.push(Tag::parse(gcols[3]).expect("gold tag"));
        p_sent.push(Tag::parse(tag).expect("predicted tag"));
    }
    score.add_sentence(&g_sent, &p_sent);
    let direct = ner::evaluate(&gold);
    assert_eq!(score.get(EntityType::Per), direct.get(EntityType::Per));
    assert_eq!(score.overall(), direct.overall());
}

/// An invented miniature corpus: same options, same bytes.
#[test]
fn training_is_reproducible() {
    let doc = |a: &str, b: &str, place: &str| {
        format!(
            "-DOCSTART- O\n\n{a} I-PER\n{b} I-PER\nvisited O\n{place} I-LOC\n. O\n\n\
             {b} I-PER\nsaid O\nhe O\nliked O\n{place} I-LOC\n. O\n\n\
             President O\n{b} I-PER\n's O\nplan O\nfailed O\n. O\n\n"
        )
    };
    let dir = std::env::temp_dir().join(format!("briefing-ner-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let train = dir.join("train.conll");
    let dev = dir.join("dev.conll");
    let text = doc("Anna", "Lindqvist", "Oslo")
        + &doc("Kofi", "Mensah", "Accra")
        + &doc("Ines", "Duarte", "Porto");
    std::fs::write(&train, text).unwrap();
    std::fs::write(&dev, doc("Mira", "Okafor", "Lagos")).unwrap();
    let run = |name: &str| {
        let out = dir.join(name);
        let mut o = ner::TrainOptions::new(&train, None, Some(&dev), &out);
        o.bits = 12;
        o.epochs = 3;
        o.folds = 3;
        o.verbose = false;
        let report = ner::train(&o).unwrap();
        assert_eq!(report.train_tokens, 51);
        assert!(report.dev.is_some());
        std::fs::read(out).unwrap()
    };
    let (a, b) = (run("a.bin"), run("b.bin"));
    assert!(a.starts_with(b"BRIEFNER"));
    assert_eq!(a, b);
    // The training file itself is refused as a dev file.
    let mut o = ner::TrainOptions::new(&train, None, Some(&train), &dir.join("c.bin"));
    o.verbose = false;
    assert!(ner::train(&o).unwrap_err().contains("also occurs"));
    let _ = std::fs::remove_dir_all(&dir);
}
