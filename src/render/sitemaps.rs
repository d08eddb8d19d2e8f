//! `sitemap.xml`, split under a sitemap index past the protocol's limit of
//! 50,000 URLs per file (sitemaps.org): `sitemap.xml` then lists
//! `sitemaps/1.xml`, `sitemaps/2.xml`, …

use crate::config::Config;
use crate::date::Date;
use crate::output::SiteFiles;

/// URLs per sitemap file (the protocol's maximum).
pub const MAX_URLS: usize = 50_000;

/// A page for the sitemap: site-relative path and last change.
pub type Url = (String, Option<Date>);

/// Writes `sitemap.xml` (and `sitemaps/N.xml` when there are more than
/// `limit` URLs).
pub fn write(config: &Config, urls: &[Url], limit: usize, files: &mut SiteFiles) {
    if urls.len() <= limit {
        files.insert("sitemap.xml", urlset(config, urls));
        return;
    }
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (i, chunk) in urls.chunks(limit).enumerate() {
        let path = format!("sitemaps/{}.xml", i + 1);
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc>",
            super::body::escape(&config.absolute(&path))
        ));
        if let Some(d) = chunk.iter().filter_map(|(_, d)| *d).max() {
            index.push_str(&format!("<lastmod>{d}</lastmod>"));
        }
        index.push_str("</sitemap>\n");
        files.insert(path, urlset(config, chunk));
    }
    index.push_str("</sitemapindex>\n");
    files.insert("sitemap.xml", index);
}

fn urlset(config: &Config, urls: &[Url]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (path, date) in urls {
        out.push_str(&format!(
            "  <url><loc>{}</loc>",
            super::body::escape(&config.absolute(path))
        ));
        if let Some(d) = date {
            out.push_str(&format!("<lastmod>{d}</lastmod>"));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_limit_an_index_lists_the_parts() {
        let config = Config::default();
        let urls: Vec<Url> = (0..5).map(|i| (format!("articles/a{i}/"), None)).collect();
        let mut files = SiteFiles::default();
        write(&config, &urls, 2, &mut files);
        let index = String::from_utf8(files.get("sitemap.xml").unwrap().to_vec()).unwrap();
        assert!(index.contains("<sitemapindex"), "{index}");
        assert_eq!(index.matches("<sitemap>").count(), 3);
        let last = String::from_utf8(files.get("sitemaps/3.xml").unwrap().to_vec()).unwrap();
        assert!(last.contains("articles/a4/") && last.matches("<url>").count() == 1);
        let mut small = SiteFiles::default();
        write(&config, &urls, MAX_URLS, &mut small);
        let one = String::from_utf8(small.get("sitemap.xml").unwrap().to_vec()).unwrap();
        assert!(one.contains("<urlset") && one.matches("<url>").count() == 5);
        assert!(small.get("sitemaps/1.xml").is_none());
    }
}
