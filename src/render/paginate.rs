//! Long indexes split into pages: `articles/`, `articles/page/2/`, …
//!
//! At 19,000 articles one index page would be megabytes; [`PER_PAGE`] items
//! per page keeps each one small. Page 1 keeps the index's own address.

use super::{ErasedCtx, Page, TemplateError};
use serde::Serialize;

/// Items per index page.
pub const PER_PAGE: usize = 200;

/// The pager a paginated template sees as `pagination`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Pagination {
    /// 1-based number of this page.
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Site-relative address of the previous page.
    pub prev: Option<String>,
    /// Site-relative address of the next page.
    pub next: Option<String>,
    /// Every page: number and address, for a numbered pager.
    pub pages: Vec<PageLink>,
    /// Items on all pages together.
    pub items: usize,
}

/// One entry of the numbered pager.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PageLink {
    /// 1-based page number.
    pub number: usize,
    /// Site-relative address.
    pub url: String,
}

/// Address of page `n` (1-based) of the index at `base` (`articles/`).
pub fn page_url(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}page/{n}/")
    }
}

/// Number of pages for `items` items (at least one, even when empty).
pub fn page_count(items: usize) -> usize {
    items.div_ceil(PER_PAGE).max(1)
}

/// Addresses of every page of an index of `items` items.
pub fn page_urls(base: &str, items: usize) -> Vec<String> {
    (1..=page_count(items)).map(|n| page_url(base, n)).collect()
}

/// The pager of page `n` of `total`.
fn pagination(base: &str, n: usize, total: usize, items: usize) -> Pagination {
    Pagination {
        current: n,
        total,
        prev: (n > 1).then(|| page_url(base, n - 1)),
        next: (n < total).then(|| page_url(base, n + 1)),
        pages: (1..=total)
            .map(|number| PageLink {
                number,
                url: page_url(base, number),
            })
            .collect(),
        items,
    }
}

type Emit<'e> = dyn FnMut(Page, &str, &dyn ErasedCtx) -> Result<(), TemplateError> + 'e;

/// Emits `list` as pages of [`PER_PAGE`] under `base`; the template reads
/// the page's items from `name` and the pager from `pagination`.
pub(crate) fn emit_pages<T: Serialize>(
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
        let page = Page {
            path: page_url(base, n),
            template,
            feeds: Vec::new(),
            pagination: (total > 1).then(|| pagination(base, n, total, list.len())),
            key: None,
        };
        emit(page, name, &items)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_counted_and_linked() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(PER_PAGE), 1);
        assert_eq!(page_count(PER_PAGE + 1), 2);
        assert_eq!(
            page_urls("articles/", 2 * PER_PAGE + 1),
            vec!["articles/", "articles/page/2/", "articles/page/3/"]
        );
        let p = pagination("articles/", 2, 3, 500);
        assert_eq!(p.prev.as_deref(), Some("articles/"));
        assert_eq!(p.next.as_deref(), Some("articles/page/3/"));
        assert_eq!(pagination("x/", 1, 3, 500).prev, None);
    }
}
