use super::*;
use crate::content::parse_article;
use crate::nlp::analysis::analyze;
use crate::nlp::layer::RoleMention;

fn article(words: usize) -> Article {
    let body = "The mayor spoke. ".repeat(words / 3);
    let text =
        format!("---\ntitle: T\ndate: 2025-01-01\n---\nFirst part.\n\n{body}\n\nLast part.\n");
    parse_article("big.md", text.as_bytes(), None).unwrap()
}

/// An article of `n` prose paragraphs of about `each` bytes, every one
/// naming a different person, so each window finds its own names.
fn many_paragraphs(n: usize, each: usize) -> Article {
    let filler = "The council met again on Monday to discuss the harbour. ";
    let paras: Vec<String> = (0..n)
        .map(|i| {
            let name = format!("Ingrid Halvor{}", (b'a' + (i % 26) as u8) as char);
            format!(
                "{name} said the ferry would run. {}",
                filler.repeat(each / filler.len())
            )
        })
        .collect();
    let text = format!(
        "---\ntitle: T\ndate: 2025-01-01\n---\n{}\n",
        paras.join("\n\n")
    );
    parse_article("many.md", text.as_bytes(), None).unwrap()
}

/// Every byte of read text, as (paragraph, range) runs, in order.
fn covered(plan: &[Vec<Part>]) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    for part in plan.iter().flatten() {
        match out.last_mut() {
            Some(last)
                if last.paragraph == part.paragraph && last.range.end == part.range.start =>
            {
                last.range.end = part.range.end;
            }
            _ => out.push(part.clone()),
        }
    }
    out
}

/// An "analysis" that reports each paragraph it was given as a role
/// (its text as the name), to see what each window holds.
fn probe(a: &Article) -> Analysis {
    Analysis {
        roles: a
            .paragraphs
            .iter()
            .enumerate()
            .map(|(k, p)| RoleMention {
                name: p.text.clone(),
                title: String::new(),
                paragraph: k,
            })
            .collect(),
        ..Analysis::default()
    }
}

#[test]
fn short_articles_are_analysed_whole_and_without_a_warning() {
    let a = article(300);
    assert_eq!(plan(&a).len(), 1);
    assert!(limit_warning(&a).is_none());
    let got = analyse_in_windows(&a, probe);
    assert_eq!(got, probe(&a));
}

#[test]
fn window_results_are_merged_in_reading_order_with_original_indexes() {
    let a = many_paragraphs(120, 9_000);
    let got = analyse_in_windows(&a, probe);
    let seen: Vec<(usize, &str)> = got
        .roles
        .iter()
        .map(|r| (r.paragraph, r.name.as_str()))
        .collect();
    let want: Vec<(usize, &str)> = a
        .paragraphs
        .iter()
        .enumerate()
        .map(|(k, p)| (k, p.text.as_str()))
        .collect();
    assert_eq!(seen, want);
}

#[test]
fn windows_cover_the_read_text_once_in_order_each_within_the_window() {
    let a = many_paragraphs(120, 9_000);
    assert!(read_len(&a) > 4 * WINDOW);
    let plan = plan(&a);
    assert!(plan.len() >= 4, "{} windows", plan.len());
    for w in plan.iter() {
        let size: usize = w.iter().map(|p| p.range.len()).sum();
        assert!(size <= WINDOW, "{size}");
        // Cut at paragraph boundaries: every part is a whole paragraph.
        for p in w {
            assert_eq!(p.range, 0..a.paragraphs[p.paragraph].text.len());
        }
    }
    let whole: Vec<Part> = (0..a.paragraphs.len())
        .map(|k| Part {
            paragraph: k,
            range: 0..a.paragraphs[k].text.len(),
        })
        .collect();
    assert_eq!(covered(&plan), whole);
}

#[test]
fn a_paragraph_longer_than_a_window_is_cut_at_sentence_starts() {
    let a = article(WINDOW / 2);
    let long = &a.paragraphs[1].text;
    assert!(long.len() > 2 * WINDOW);
    let plan = plan(&a);
    assert!(plan.len() >= 3);
    let pieces: Vec<&Part> = plan.iter().flatten().filter(|p| p.paragraph == 1).collect();
    assert!(pieces.len() >= 3);
    for p in &pieces {
        assert!(p.range.len() <= WINDOW);
        assert!(
            long[p.range.clone()].starts_with("The mayor"),
            "{:?}",
            p.range
        );
    }
    assert_eq!(covered(&plan)[1].range, 0..long.len());
}

#[test]
fn the_whole_of_a_long_article_is_analysed_with_original_offsets() {
    let a = many_paragraphs(120, 9_000);
    let got = analyze(&a);
    let last = a.paragraphs.len() - 1;
    let m = got
        .mentions
        .iter()
        .find(|m| m.paragraph == last)
        .expect("a name in the last paragraph is found");
    assert_eq!(&a.paragraphs[last].text[m.span.clone()], m.surface);
    assert!(got
        .mentions
        .windows(2)
        .all(|w| w[0].paragraph <= w[1].paragraph));
    let w = limit_warning(&a).unwrap();
    assert!(
        w.starts_with("many.md: ") && w.contains("analysed in parts of 256 KB"),
        "{w}"
    );
}

#[test]
fn offsets_inside_a_cut_paragraph_point_at_the_name() {
    let sentence = "The harbour stayed calm all week. ";
    let body = format!(
        "{}Ingrid Halvorsen said the ferry would run.",
        sentence.repeat(2 * WINDOW / sentence.len())
    );
    let text = format!("---\ntitle: T\ndate: 2025-01-01\n---\n{body}\n");
    let a = parse_article("cut.md", text.as_bytes(), None).unwrap();
    let got = analyze(&a);
    let m = got
        .mentions
        .iter()
        .find(|m| m.surface == "Ingrid Halvorsen")
        .expect("the name at the end is found");
    assert!(m.span.start > WINDOW);
    assert_eq!(&a.paragraphs[0].text[m.span.clone()], "Ingrid Halvorsen");
}

#[test]
fn person_evidence_of_all_windows_is_kept_sorted_once() {
    let a = |names: &[&str]| Analysis {
        person_evidence: names.iter().map(|n| n.to_string()).collect(),
        ..Analysis::default()
    };
    let merged = merge(vec![
        a(&["Ada Brandt", "Paul Okafor"]),
        a(&["Ada Brandt", "Lena Moreau"]),
    ]);
    assert_eq!(
        merged.person_evidence,
        vec!["Ada Brandt", "Lena Moreau", "Paul Okafor"]
    );
}

#[test]
fn counts_of_the_same_name_add_up_across_windows() {
    let c = |name: &str, count| EntityCount {
        name: name.into(),
        count,
    };
    let merged = merge_counts(
        [
            vec![c("Port Authority", 2), c("Oslo", 1)],
            vec![c("Oslo", 3), c("port authority", 1)],
        ]
        .into_iter(),
    );
    assert_eq!(merged, vec![c("Oslo", 4), c("Port Authority", 3)]);
}

#[test]
fn past_the_limit_the_rest_is_not_analysed_and_the_warning_says_so() {
    let mut a = article(300);
    let chunk = "word ".repeat(200_000); // 1 MB, no name candidates
    for _ in 0..ANALYSIS_LIMIT / chunk.len() + 2 {
        a.paragraphs.push(Paragraph {
            anchor: "p".into(),
            kind: BlockKind::Prose,
            text: chunk.clone(),
            markdown: None,
        });
    }
    let analysed: usize = plan(&a).iter().flatten().map(|p| p.range.len()).sum();
    assert!(
        analysed <= ANALYSIS_LIMIT && analysed > ANALYSIS_LIMIT - chunk.len(),
        "{analysed}"
    );
    let w = limit_warning(&a).unwrap();
    assert!(
        w.contains("only the first 67.0 MB was analysed") && w.contains("stops at 64 MB"),
        "{w}"
    );
}

#[test]
fn past_the_candidate_budget_the_rest_is_not_analysed_and_the_warning_says_so() {
    let a = past_the_candidate_budget();
    let plan = plan(&a);
    let names: usize = plan
        .iter()
        .flatten()
        .map(|p| candidates(&a.paragraphs[p.paragraph].text[p.range.clone()]))
        .sum();
    assert!(
        names <= MAX_CANDIDATES && names > MAX_CANDIDATES - 40_000,
        "{names}"
    );
    let w = limit_warning(&a).unwrap();
    assert!(
        w.starts_with("big.md: ")
            && w.contains("was analysed")
            && w.contains("300,000 capitalised words"),
        "{w}"
    );
    assert_eq!(candidates("The mayor met Ada Brandt in Oslo."), 4);
    // The gazetteer pass reads the same part, paragraph indexes unchanged.
    let part = analysed_part(&a);
    assert_eq!(part.paragraphs.len(), a.paragraphs.len());
    let kept: usize = part.paragraphs.iter().map(|p| p.text.len()).sum();
    let planned: usize = plan.iter().flatten().map(|p| p.range.len()).sum();
    assert_eq!(kept, planned);
    assert!(part.paragraphs.last().unwrap().text.is_empty());
    assert!(matches!(analysed_part(&article(300)), Cow::Borrowed(_)));
}

#[test]
fn event_stages_read_all_the_analysed_prose_in_pieces_of_a_window() {
    // One paragraph longer than a window, between two short ones.
    let a = article(WINDOW / 4);
    let prose: Vec<(usize, &str)> = analysed_prose(&a).collect();
    assert!(prose.len() > 3, "the long paragraph comes in pieces");
    assert!(prose.iter().all(|(_, t)| t.len() <= WINDOW));
    for (k, p) in a.prose() {
        let whole: String = prose
            .iter()
            .filter(|(j, _)| *j == k)
            .map(|(_, t)| *t)
            .collect();
        assert_eq!(whole, p.text, "paragraph {k} read whole, in order");
    }
    let small = article(300);
    assert_eq!(analysed_prose(&small).count(), small.prose().count());
}

#[test]
fn event_stages_stop_where_analysis_stops() {
    let a = past_the_candidate_budget();
    let read: usize = analysed_prose(&a).map(|(_, t)| t.len()).sum();
    let planned: usize = plan(&a).iter().flatten().map(|p| p.range.len()).sum();
    assert_eq!(read, planned);
    assert!(read < read_len(&a));
}

/// An article with more capitalised words than the analysis budget allows
/// (paragraphs of 40,000 each, two past `MAX_CANDIDATES`).
fn past_the_candidate_budget() -> Article {
    let mut a = article(300);
    let chunk = "Harbour Quill ".repeat(20_000); // 40,000 capitalised words
    for _ in 0..MAX_CANDIDATES / 40_000 + 2 {
        a.paragraphs.push(Paragraph {
            anchor: "p".into(),
            kind: BlockKind::Prose,
            text: chunk.clone(),
            markdown: None,
        });
    }
    a
}

#[test]
fn a_long_articles_plan_is_kept_and_an_edited_text_gets_its_own() {
    let a = many_paragraphs(12, WINDOW / 3);
    let first = plan(&a);
    assert_eq!(*first, compute_plan(&a));
    // The same text again: the kept plan itself, not a recomputed copy.
    assert!(Arc::ptr_eq(&first, &plan(&a)));
    // One paragraph grown past a window: its plan differs, and is its own.
    let mut edited = a.clone();
    let grown = format!(
        "{} {}",
        edited.paragraphs[0].text,
        "Ships sailed on. ".repeat(WINDOW / 8)
    );
    edited.paragraphs[0].text = grown;
    let second = plan(&edited);
    assert_eq!(*second, compute_plan(&edited));
    assert_ne!(*second, *first);
    // A paragraph that stops being read (a code block) changes the plan too.
    let mut code = a.clone();
    code.paragraphs[1].kind = BlockKind::Code { lang: None };
    assert_eq!(*plan(&code), compute_plan(&code));
    assert_ne!(*plan(&code), *first);
}
