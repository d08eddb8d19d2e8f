//! One fuzz input = one article file: the first byte picks the file type
//! (`.md`, `.txt` or `.markdown`), the rest are its bytes. The input
//! goes through ingest (`parse_article`: decoding, binary detection, front
//! matter, Markdown), analysis (`nlp::analysis::analyze`) and rendering
//! (`render::body::article_html`). Beyond "no panic, no hang" (libFuzzer's
//! `-timeout`), the rendered body must hold no NUL, no `<script>` element, no
//! `on…` handler and no `javascript:` link, and the title no NUL; a broken
//! guarantee aborts like a crash so that libFuzzer keeps the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let ext = ["md", "txt", "markdown"][usize::from(kind % 3)];
    let path = format!("fuzz/case.{ext}");
    let Ok(article) =
        briefing::content::parse_article(&path, bytes, briefing::Date::new(2025, 1, 1))
    else {
        return; // a clear error is a fine outcome
    };
    assert!(!article.title.contains('\0'), "title holds a NUL");
    let _analysis = briefing::nlp::analysis::analyze(&article);
    let html = briefing::render::body::article_html(&article, |_| Vec::new());
    assert!(!html.contains('\0'), "rendered body holds a NUL");
    let doc = scraper::Html::parse_fragment(&html);
    for node in doc.root_element().descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        assert!(
            el.name() != "script",
            "rendered body has a <script> element"
        );
        for (name, value) in el.attrs() {
            let v = value.trim().to_ascii_lowercase();
            assert!(
                !name.starts_with("on") && !v.starts_with("javascript:"),
                "rendered body has `{name}={value}`"
            );
        }
    }
});
