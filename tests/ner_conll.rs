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

#[test]
fn person_f1_on_eng_testa() {
    let Some(gold) = testa() else { return };
    let score = ner::evaluate(&gold);
    eprintln!("{score}");
    let per = score.get(EntityType::Per);
    assert_eq!(per.gold, 1842, "eng.testa has 1,842 PER entities");
    assert!(per.f1() >= 0.93, "PER F1 {:.4} < 0.93", per.f1());
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
