use super::*;

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

fn kinds(blocks: &[Block]) -> Vec<BlockKind> {
    blocks.iter().map(|b| b.kind.clone()).collect()
}

fn texts(blocks: &[Block]) -> Vec<&str> {
    blocks.iter().map(|b| b.text.as_str()).collect()
}

#[test]
fn text_paragraphs_split_on_runs_of_blank_lines() {
    let b = text_blocks(&lines("First one.\n\n\n\n\nSecond one.\n\n"));
    assert_eq!(texts(&b), ["First one.", "Second one."]);
    assert!(b.iter().all(|b| b.markdown.is_none()));
}

#[test]
fn each_line_is_a_paragraph_without_blank_lines() {
    let b = text_blocks(&lines(
        "A first paragraph that is long enough to be a real paragraph of prose, running on well past a hundred characters.\n\
         A second one.\nA third one.",
    ));
    assert_eq!(b.len(), 3);
}

#[test]
fn hard_wrapped_text_is_joined() {
    let b = text_blocks(&lines(
        "The committee agreed on Thursday to spend more on the\nharbour wall, after a winter of storms that damaged\nthe pier.\n\nNext.",
    ));
    assert_eq!(
        texts(&b),
        ["The committee agreed on Thursday to spend more on the harbour wall, after a winter of storms that damaged the pier.", "Next."]
    );
}

#[test]
fn markdown_blocks_have_kinds_text_and_source() {
    let src = "Some **bold** and [a link](#) here.\n\n## Sub *head*\n\n```rust\nfn main() {}\n```\n\n- one\n- two\n\n<div>raw</div>\n\n> quoted\n";
    let b = markdown_blocks(&lines(src));
    assert_eq!(
        kinds(&b),
        [
            BlockKind::Prose,
            BlockKind::Heading { level: 2 },
            BlockKind::Code {
                lang: Some("rust".into())
            },
            BlockKind::Other,
            BlockKind::Other,
            BlockKind::Other,
        ]
    );
    assert_eq!(b[0].text, "Some bold and a link here.");
    assert_eq!(
        b[0].markdown.as_deref(),
        Some("Some **bold** and [a link](#) here.")
    );
    assert_eq!(b[1].text, "Sub head");
    assert_eq!(b[2].text, "fn main() {}");
    assert_eq!(b[3].text, "one two");
}

#[test]
fn inline_markup_does_not_split_words() {
    assert_eq!(inline_text("**U.S.**-led *talks*"), "U.S.-led talks");
    assert_eq!(inline_text("A [linked](#) word"), "A linked word");
}

#[test]
fn level_one_headings_in_the_body_become_level_two() {
    let b = markdown_blocks(&lines("# Big\n\ntext"));
    assert_eq!(b[0].kind, BlockKind::Heading { level: 2 });
}

#[test]
fn block_before_a_credit_line_is_a_caption() {
    // Line 2 is where the clean pass blanked a credit; line 1 is the caption.
    let b = finish(
        text_blocks(&lines("Intro text.\nA dog on a beach.\n\nMore text.")),
        &[1],
        true,
    );
    assert_eq!(
        kinds(&b),
        [BlockKind::Prose, BlockKind::Caption, BlockKind::Prose]
    );
}

#[test]
fn short_line_ending_in_bold_credit_is_a_caption() {
    let b = finish(
        markdown_blocks(&lines("A boat in fog. **Harbour Office**\n\nBody text.")),
        &[],
        true,
    );
    assert_eq!(b[0].kind, BlockKind::Caption);
    let b = finish(
        markdown_blocks(&lines("The vote was **unanimous**\n\nBody.")),
        &[],
        true,
    );
    assert_eq!(b[0].kind, BlockKind::Prose);
}

#[test]
fn contributor_notes_are_not_prose() {
    let b = finish(
        markdown_blocks(&lines("Body.\n\n*Ana Lind contributed reporting.*")),
        &[],
        true,
    );
    assert_eq!(kinds(&b), [BlockKind::Prose, BlockKind::Other]);
}

#[test]
fn paragraph_split_by_a_blank_line_is_rejoined() {
    let b = finish(
        markdown_blocks(&lines(
            "He said it would open in the\n\nspring, “if funds allow.”\n\nNext one.",
        )),
        &[],
        false,
    );
    assert_eq!(
        texts(&b),
        [
            "He said it would open in the spring, “if funds allow.”",
            "Next one."
        ]
    );
    assert_eq!(
        b[0].markdown.as_deref(),
        Some("He said it would open in the\nspring, “if funds allow.”")
    );
    // A finished sentence followed by lowercase is left alone.
    let b = finish(
        text_blocks(&lines("Done here.\n\nlowercase start.")),
        &[],
        false,
    );
    assert_eq!(b.len(), 2);
}

#[test]
fn short_plain_lines_between_paragraphs_are_headings() {
    let b = finish(
        text_blocks(&lines(
            "Para one.\n\nWhat comes next\n\nPara two.\n\nPara three.",
        )),
        &[],
        true,
    );
    assert_eq!(
        kinds(&b),
        [
            BlockKind::Prose,
            BlockKind::Heading { level: 2 },
            BlockKind::Prose,
            BlockKind::Prose
        ]
    );
    // Not for front matter articles, not with punctuation, not before lowercase.
    let b = finish(
        text_blocks(&lines("Para one.\n\nWhat comes next\n\nPara two.")),
        &[],
        false,
    );
    assert_eq!(b[1].kind, BlockKind::Prose);
    for middle in ["It ended.", "12,500", "and then some"] {
        let b = finish(
            text_blocks(&lines(&format!("Para one.\n\n{middle}\n\nPara two."))),
            &[],
            true,
        );
        assert_ne!(b[1].kind, BlockKind::Heading { level: 2 }, "{middle}");
    }
}

#[test]
fn empty_markdown_blocks_become_other() {
    let b = finish(
        markdown_blocks(&lines("![](pic.jpg)\n\n---\n\nText.")),
        &[],
        true,
    );
    assert_eq!(kinds(&b), [BlockKind::Other, BlockKind::Prose]);
}

#[test]
fn sentence_endings() {
    assert!(ends_sentence("Yes.”") && ends_sentence("Why?)") && ends_sentence("*Done.*"));
    assert!(!ends_sentence("in the") && !ends_sentence("“quoted”"));
}

#[test]
fn a_short_closing_line_is_a_sign_off() {
    for last in ["-- Lakeside Gazette", "Lakeside Gazette city desk"] {
        let text = format!("Para one.\n\nPara two.\n\n{last}");
        let b = finish(text_blocks(&lines(&text)), &[], true);
        assert_eq!(b[2].kind, BlockKind::Other, "{last}");
        assert!(b[2].sign_off);
    }
    // Not a sentence, not for front matter articles, not a lone block.
    let b = finish(
        text_blocks(&lines("Para one.\n\nIt ended there.")),
        &[],
        true,
    );
    assert!(!b[1].sign_off);
    let b = finish(
        text_blocks(&lines("Para one.\n\nLakeside Gazette")),
        &[],
        false,
    );
    assert!(!b[1].sign_off);
    let b = finish(text_blocks(&lines("Lakeside Gazette")), &[], true);
    assert!(!b[0].sign_off);
}
