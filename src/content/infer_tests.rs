use super::*;

fn lead_of(text: &str, markdown: bool) -> (Lead, Vec<String>) {
    let mut lines: Vec<&str> = text.lines().collect();
    let lead = read_lead(&mut lines, markdown);
    (lead, lines.iter().map(|l| l.to_string()).collect())
}

#[test]
fn date_line_alone_is_removed() {
    let (lead, lines) = lead_of(" date 2030-03-04 \n\n\nThe mill closed.\n", false);
    assert_eq!(lead.date, Some((Date::new(2030, 3, 4).unwrap(), true)));
    assert_eq!(lines, ["", "", "", "The mill closed."]);
}

#[test]
fn text_after_the_date_is_the_first_paragraph() {
    let (lead, lines) = lead_of(" date 2030-03-04 The mill closed early.\n\nMore.", false);
    assert_eq!(lead.date.map(|d| d.1), Some(true));
    assert_eq!(lines[0], "The mill closed early.");
}

#[test]
fn heading_title_and_standalone_date_in_markdown() {
    let (lead, lines) = lead_of(
        "\n# Mill *closes* after vote\n\nMarch 4, 2030\n\nWorkers left.\n",
        true,
    );
    assert_eq!(
        lead.title_markdown.as_deref(),
        Some("Mill *closes* after vote")
    );
    assert_eq!(lead.date, Some((Date::new(2030, 3, 4).unwrap(), false)));
    assert_eq!(
        lines.iter().filter(|l| !l.is_empty()).collect::<Vec<_>>(),
        ["Workers left."]
    );
}

#[test]
fn heading_is_not_a_title_in_plain_text_or_after_the_body_starts() {
    let (lead, _) = lead_of("# Not markdown here\nText.", false);
    assert_eq!(lead.title_markdown, None);
    let (lead, _) = lead_of("Body first.\n\n# Later heading\n", true);
    assert_eq!(lead.title_markdown, None);
}

#[test]
fn standalone_date_forms() {
    for (line, day) in [
        ("4 Mar. 2030", 4),
        ("Mar. 5, 2030", 5),
        ("Wednesday, March 6, 2030", 6),
    ] {
        let (lead, _) = lead_of(&format!("{line}\n\nText here."), false);
        assert_eq!(
            lead.date,
            Some((Date::new(2030, 3, day).unwrap(), false)),
            "{line}"
        );
    }
}

#[test]
fn a_date_line_later_in_the_text_is_not_metadata() {
    let (lead, lines) = lead_of("Opening words.\nMarch 4, 2030\n", false);
    assert_eq!(lead.date, None);
    assert_eq!(lines[1], "March 4, 2030");
}

#[test]
fn byline_gives_the_author() {
    let (lead, lines) = lead_of("By Ada Quill and Bo Reed\n\nThe council met.", false);
    assert_eq!(lead.author.as_deref(), Some("Ada Quill and Bo Reed"));
    assert_eq!(lines[0], "");
    let (lead, _) = lead_of("By the river, a crowd gathered.", false);
    assert_eq!(lead.author, None);
}

#[test]
fn wire_dateline_gives_place_and_agency() {
    let (lead, lines) = lead_of(
        " date 2030-03-04 LITTLE ROCK (Wirenews): Rain fell.\n",
        false,
    );
    assert_eq!(lead.place.as_deref(), Some("Little Rock"));
    assert_eq!(lead.agency.as_deref(), Some("Wirenews"));
    assert_eq!(lines[0], "Rain fell.");
}

#[test]
fn dateline_shapes() {
    let d = dateline("OSLO (AP) - Snow fell.").unwrap();
    assert_eq!(
        (d.place.as_str(), d.agency, d.rest),
        ("Oslo", "AP", "Snow fell.")
    );
    let d = dateline("WINSTON-SALEM, N.C., May 2 (Reuters) — It rained.").unwrap();
    assert_eq!((d.place.as_str(), d.rest), ("Winston-Salem", "It rained."));
    assert!(dateline("Oslo (AP) - lowercase place is prose").is_none());
    assert!(dateline("NATO (the alliance) said no").is_none());
    assert!(dateline("UN (2019): report").is_none());
    assert!(dateline("OSLO (AP)-Snow").is_none());
}

#[test]
fn place_from_archive_datelines() {
    assert_eq!(
        place_from_dateline("NEW YORK, March 24").as_deref(),
        Some("New York")
    );
    assert_eq!(
        place_from_dateline("ST. PAUL, Minn. April 1").as_deref(),
        Some("St. Paul")
    );
    assert_eq!(
        place_from_dateline("Bergen, June 3").as_deref(),
        Some("Bergen")
    );
    assert_eq!(place_from_dateline("--"), None);
    assert_eq!(place_from_dateline("7"), None);
}

#[test]
fn title_from_first_sentence() {
    assert_eq!(
        title_from_text("The pier   collapsed. Nobody was hurt.").as_deref(),
        Some("The pier collapsed")
    );
    assert_eq!(
        title_from_text("Talks moved to the U.S.").as_deref(),
        Some("Talks moved to the U.S.")
    );
    assert_eq!(title_from_text("   "), None);
}

#[test]
fn long_titles_are_cut_at_a_word_with_ellipsis() {
    let long =
        "Engineers from three towns gathered near the old stone bridge, arguing for hours about \
                the cost of repairs and the timetable.";
    let t = title_from_text(long).unwrap();
    assert!(t.ends_with('…'), "{t}");
    assert!(t.chars().count() <= TITLE_MAX + 1, "{t}");
    assert!(
        long.starts_with(t.trim_end_matches('…')),
        "cut at a word boundary: {t}"
    );
    assert!(!t.contains(",…"), "{t}");
}

#[test]
fn a_first_line_on_its_own_without_punctuation_is_the_headline() {
    let (lead, lines) = lead_of(
        "Mill town votes to rebuild its bridge\n\nThe vote was close.\n",
        false,
    );
    assert_eq!(
        lead.title_plain.as_deref(),
        Some("Mill town votes to rebuild its bridge")
    );
    assert_eq!(lines[0], "");
    // Not when it runs straight into the next line, ends a sentence, or is all there is.
    for text in [
        "Mill town votes\nThe vote was close.",
        "The mill closed.\n\nMore.",
        "Lonely headline here\n\n",
    ] {
        assert_eq!(lead_of(text, false).0.title_plain, None, "{text:?}");
    }
}

#[test]
fn outlet_from_sign_off_lines() {
    assert_eq!(
        outlet_from_sign_off("-- Harbour Times").as_deref(),
        Some("Harbour Times")
    );
    assert_eq!(
        outlet_from_sign_off("Lake Post city desk").as_deref(),
        Some("Lake Post")
    );
    assert_eq!(
        outlet_from_sign_off("The Hill Desk — column").as_deref(),
        Some("The Hill Desk")
    );
    assert_eq!(outlet_from_sign_off("-- staff"), None);
}
