//! Long indexes split into pages.
//!
//! At 19,000 articles one index page would be megabytes; [`PER_PAGE`] items
//! per page keeps each one small. Two layouts:
//!
//! - [`Layout::Numbered`] (people, sorted by name): `people/`, `people/page/2/`, …
//!   counted from the top, as any alphabetical list is.
//! - [`Layout::Archive`] (articles and events, newest first): the index shows
//!   the newest [`PER_PAGE`]; the archive `articles/page/1/`, `…/page/2/`, …
//!   holds fixed chunks counted from the OLDEST item. A new article then
//!   rewrites the index and the newest archive page only, instead of shifting
//!   every page by one (which rewrote ~150 files per article at 19k), and an
//!   archive page's address keeps its contents, as a permalink should.

use super::{ErasedCtx, Page, TemplateError};
use serde::Serialize;

/// Items per index page.
pub const PER_PAGE: usize = 200;

/// How a list is split into pages (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Pages counted from the top of the list.
    Numbered,
    /// Index of the newest items plus fixed chunks counted from the oldest.
    Archive,
}

/// The pager a paginated template sees as `pagination`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Pagination {
    /// 1-based number of this page (0 for an archive layout's index).
    pub current: usize,
    /// Number of numbered pages (archive pages for the archive layout).
    pub total: usize,
    /// Site-relative address of the previous (newer) page.
    pub prev: Option<String>,
    /// Site-relative address of the next (older) page.
    pub next: Option<String>,
    /// What the pager says about this page ("Page 2 of 5").
    pub label: String,
    /// Prefix for the page title ("Page 2"), none on the first page.
    pub title_prefix: Option<String>,
}

/// Address of numbered page `n` (1-based) of the index at `base`.
fn numbered_url(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}page/{n}/")
    }
}

/// Address of archive page `k` (1-based, counted from the oldest).
fn archive_url(base: &str, k: usize) -> String {
    format!("{base}page/{k}/")
}

/// Number of pages for `items` items (at least one, even when empty).
pub fn page_count(items: usize) -> usize {
    items.div_ceil(PER_PAGE).max(1)
}

/// Addresses of every page of an index of `items` items.
pub fn page_urls(base: &str, items: usize, layout: Layout) -> Vec<String> {
    match layout {
        Layout::Numbered => (1..=page_count(items))
            .map(|n| numbered_url(base, n))
            .collect(),
        Layout::Archive if items <= PER_PAGE => vec![base.to_string()],
        Layout::Archive => std::iter::once(base.to_string())
            .chain((1..=page_count(items)).map(|k| archive_url(base, k)))
            .collect(),
    }
}

type Emit<'e> = dyn FnMut(Page, &str, &dyn ErasedCtx) -> Result<(), TemplateError> + 'e;

fn emit_one<T: Serialize>(
    emit: &mut Emit,
    path: String,
    template: &str,
    name: &str,
    items: &[&T],
    pagination: Option<Pagination>,
) -> Result<(), TemplateError> {
    let page = Page {
        path,
        template,
        feeds: Vec::new(),
        pagination,
        key: None,
    };
    emit(page, name, &items)
}

/// Emits `list` as pages of [`PER_PAGE`] under `base` in `layout`; the
/// template reads the page's items from `name` and the pager from
/// `pagination`. An archive `list` must be newest first.
pub(crate) fn emit_pages<T: Serialize>(
    emit: &mut Emit,
    base: &str,
    template: &str,
    name: &str,
    list: &[T],
    layout: Layout,
) -> Result<(), TemplateError> {
    match layout {
        Layout::Numbered => emit_numbered(emit, base, template, name, list),
        Layout::Archive => emit_archive(emit, base, template, name, list),
    }
}

fn emit_numbered<T: Serialize>(
    emit: &mut Emit,
    base: &str,
    template: &str,
    name: &str,
    list: &[T],
) -> Result<(), TemplateError> {
    let total = page_count(list.len());
    for n in 1..=total {
        let items: Vec<&T> = list
            .iter()
            .skip((n - 1) * PER_PAGE)
            .take(PER_PAGE)
            .collect();
        let pager = (total > 1).then(|| Pagination {
            current: n,
            total,
            prev: (n > 1).then(|| numbered_url(base, n - 1)),
            next: (n < total).then(|| numbered_url(base, n + 1)),
            label: format!("Page {n} of {total}"),
            title_prefix: (n > 1).then(|| format!("Page {n}")),
        });
        emit_one(emit, numbered_url(base, n), template, name, &items, pager)?;
    }
    Ok(())
}

fn emit_archive<T: Serialize>(
    emit: &mut Emit,
    base: &str,
    template: &str,
    name: &str,
    list: &[T],
) -> Result<(), TemplateError> {
    let n = list.len();
    let newest: Vec<&T> = list.iter().take(PER_PAGE).collect();
    if n <= PER_PAGE {
        return emit_one(emit, base.to_string(), template, name, &newest, None);
    }
    let chunks = page_count(n);
    // Oldest-first position i is list[n - 1 - i]; chunk k holds positions
    // (k-1)·PER_PAGE .. k·PER_PAGE. The first item not on the index is at
    // oldest-first position n - PER_PAGE - 1.
    let older_than_index = (n - PER_PAGE - 1) / PER_PAGE + 1;
    let index = Pagination {
        current: 0,
        total: chunks,
        prev: None,
        next: Some(archive_url(base, older_than_index)),
        label: format!("The newest {PER_PAGE} of {n}"),
        title_prefix: None,
    };
    emit_one(emit, base.to_string(), template, name, &newest, Some(index))?;
    for k in 1..=chunks {
        let (lo, hi) = ((k - 1) * PER_PAGE, (k * PER_PAGE).min(n));
        // Newest first within the chunk, as on the index.
        let items: Vec<&T> = (lo..hi).rev().map(|i| &list[n - 1 - i]).collect();
        let pager = Pagination {
            current: k,
            total: chunks,
            prev: Some(if k == chunks {
                base.to_string()
            } else {
                archive_url(base, k + 1)
            }),
            next: (k > 1).then(|| archive_url(base, k - 1)),
            label: format!("Archive page {k} of {chunks} (page 1 is the oldest)"),
            title_prefix: Some(format!("Archive {k}")),
        };
        emit_one(
            emit,
            archive_url(base, k),
            template,
            name,
            &items,
            Some(pager),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders `list` and returns (path, items, label) per page.
    fn pages(list: &[usize], layout: Layout) -> Vec<(String, Vec<usize>, Option<String>)> {
        let mut out = Vec::new();
        let mut emit = |page: Page, _: &str, ctx: &dyn ErasedCtx| {
            let json: serde_json::Value = serde_json::from_slice(&ctx.json()).unwrap();
            let items = json
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_u64().unwrap() as usize)
                .collect();
            out.push((page.path, items, page.pagination.map(|p| p.label)));
            Ok(())
        };
        emit_pages(&mut emit, "articles/", "t", "articles", list, layout).unwrap();
        out
    }

    #[test]
    fn numbered_pages_are_counted_and_linked() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(PER_PAGE), 1);
        assert_eq!(page_count(PER_PAGE + 1), 2);
        assert_eq!(
            page_urls("articles/", 2 * PER_PAGE + 1, Layout::Numbered),
            vec!["articles/", "articles/page/2/", "articles/page/3/"]
        );
        let list: Vec<usize> = (0..2 * PER_PAGE + 1).collect();
        let p = pages(&list, Layout::Numbered);
        assert_eq!(p.len(), 3);
        assert_eq!(p[2].1, vec![2 * PER_PAGE]);
    }

    #[test]
    fn a_new_item_rewrites_only_the_index_and_the_newest_archive_page() {
        // Newest first: item ids count up with age reversed (higher = newer).
        let list = |n: usize| -> Vec<usize> { (0..n).rev().collect() };
        let before = pages(&list(3 * PER_PAGE + 7), Layout::Archive);
        let after = pages(&list(3 * PER_PAGE + 8), Layout::Archive);
        assert_eq!(before.len(), after.len());
        let changed: Vec<&str> = before
            .iter()
            .zip(&after)
            .filter(|(b, a)| b != a)
            .map(|(_, a)| a.0.as_str())
            .collect();
        assert_eq!(changed, vec!["articles/", "articles/page/4/"]);
        // Every item is on exactly one archive page; page 1 holds the oldest.
        let archived: Vec<usize> = after[1..].iter().flat_map(|p| p.1.clone()).collect();
        assert_eq!(archived.len(), 3 * PER_PAGE + 8);
        assert!(after[1].1.contains(&0));
        assert_eq!(
            page_urls("articles/", 3 * PER_PAGE + 8, Layout::Archive).len(),
            after.len()
        );
    }

    #[test]
    fn a_short_archive_list_is_one_page_without_a_pager() {
        let p = pages(&[3, 2, 1], Layout::Archive);
        assert_eq!(p, vec![("articles/".to_string(), vec![3, 2, 1], None)]);
    }
}
