//! "Cite this page": a ready citation of the page in three styles, BibTeX and
//! RIS files, and the same facts in the head for reference managers.
//!
//! Works without JavaScript (a `<details>`, text to select, `data:` links to
//! download). The Copy buttons are `theme-init.js`'s: they work on a
//! prerendered page before the app has started, and are hidden without
//! script (the prerenderer's no-script style).

use leptos::prelude::*;
use leptos_meta::Meta;

use crate::facts::citation::{PageCitation, Run, Style};
use crate::site::load::use_history;
use crate::site::routes;
use crate::site::{SiteBase, strings};

/// The id of the block's status message, which says whether a copy worked.
const STATUS_ID: &str = "cite-status";

/// The block at the foot of a page. `page` is the page's site path (with a
/// query only where it changes what the page shows, as on compare);
/// `missions` are the missions whose data the page shows (none: all).
#[component]
pub fn CiteThisPage(
    /// The page's title, as in its `<title>` without the site's name.
    #[prop(into)]
    title: String,
    #[prop(into)] page: String,
    #[prop(optional)] missions: Vec<String>,
    /// Open from the start (the Data page, where the citation is the point).
    #[prop(optional)]
    open: bool,
) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let history = use_history();
    let changes_page = match missions.as_slice() {
        [id] => routes::mission_changes(id),
        _ => routes::changes(),
    };
    let changes_href = base.href(&changes_page);
    // Rendered again, whole, when the history arrives (the date is in every part).
    move || {
        let changed = history.and_then(|h| h.get()).and_then(|d| d.of(&missions));
        let citation = PageCitation {
            title: title.clone(),
            site: strings().site_name().to_owned(),
            url: base.citable(&base.href(&page)),
            page: page.split(['?', '#']).next().unwrap_or_default().to_owned(),
            changed,
            locale: base.locale(),
        };
        block(citation, changes_href.clone(), open)
    }
}

/// The block for one citation.
fn block(c: PageCitation, changes_href: String, open: bool) -> impl IntoView {
    let t = strings();
    let styles = Style::ALL
        .into_iter()
        .map(|style| {
            let id = format!("cite-{}", style.slug());
            view! {
                <div class="citation-style">
                    <dt>{style.name()}</dt>
                    <dd>
                        <p class="citation" id=id.clone()>{runs(c.styled(style))}</p>
                        <button
                            type="button"
                            class="button-secondary copy-button"
                            data-copy=id
                            data-copy-status=STATUS_ID
                            data-copied=t.cite_copied(style.name())
                            data-copy-failed=t.cite_copy_failed(style.name())
                            data-works-without-app=""
                        >
                            {t.cite_copy()}
                            <span class="visually-hidden">" " {t.cite_copy_which(style.name())}</span>
                        </button>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let changed_line = match c.changed {
        Some(date) => t.cite_data_changed(t.date(date)),
        None => t.cite_data_changed_unknown().to_owned(),
    };
    let key = c.key();
    let bibtex = routes::data_url("application/x-bibtex", &c.bibtex());
    let ris = routes::data_url("application/x-research-info-systems", &c.ris());
    let date = c.changed.map(|d| d.iso().replace('-', "/"));
    view! {
        // What reference managers read (Zotero, Google Scholar): Highwire
        // Press `citation_*` tags.
        <Meta name="citation_title" content=c.title.clone()/>
        <Meta name="citation_public_url" content=c.url.clone()/>
        <Meta name="citation_language" content=c.locale.code()/>
        {date.map(|date| view! { <Meta name="citation_date" content=date/> })}
        <details class="cite-page" id="cite" open=open>
            <summary data-works-without-app="">
                <h2>{t.cite_heading()}</h2>
            </summary>
            <p class="cite-changed">
                {changed_line} " " <a href=changes_href rel=routes::BUILT_PAGE_REL>{t.cite_changes_link()}</a>
            </p>
            <dl class="citations">{styles}</dl>
            <p class="cite-files">
                {t.cite_files()} " "
                <a href=bibtex download=format!("{key}.bib")>{t.cite_bibtex()}</a>
                " · "
                <a href=ris download=format!("{key}.ris")>{t.cite_ris()}</a>
            </p>
            <p class="copy-status" id=STATUS_ID role="status"></p>
        </details>
    }
}

/// The citation's runs, the italic ones in `<i>`.
fn runs(runs: Vec<Run>) -> impl IntoView {
    runs.into_iter()
        .map(|run| {
            if run.italic {
                view! { <i>{run.text}</i> }.into_any()
            } else {
                run.text.into_any()
            }
        })
        .collect_view()
}
