//! Component tests in a real browser (headless Chromium through
//! wasm-bindgen-test-runner and ChromeDriver): each mounts a component into the
//! page and checks the DOM and behaviour a reader gets.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use mission_pages::components::cite::{Cite, SourceList};
use mission_pages::components::key_facts::KeyFacts;
use mission_pages::components::load_state::{LoadFailed, Loading};
use mission_pages::components::section_nav::SectionNav;
use mission_pages::components::theme_toggle::ThemeToggle;
use mission_pages::data::Mission;
use mission_pages::facts::mission::MissionFacts;
use mission_pages::site::SiteBase;
use mission_pages::site::i18n::Locale;
use mission_pages::site::load::LoadError;
use mission_pages::site::load::parse;
use mission_pages::site::routes::Section;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The real shipped UNAMI file, parsed as the app parses it.
fn unami_data() -> Mission {
    parse(
        "data/missions/unami.json",
        include_str!("../data/missions/unami.json"),
    )
    .expect("the shipped UNAMI data parses")
}

/// UNAMI's facts in English, as the pages have them.
fn unami() -> Arc<MissionFacts> {
    facts(unami_data())
}

fn facts(mission: Mission) -> Arc<MissionFacts> {
    Arc::new(MissionFacts::new(mission, Locale::DEFAULT.strings()))
}

/// Mounts `view` into a fresh element, returning the element. The mount stays
/// alive for the rest of the test run, which keeps its event handlers working.
fn mount<F, V>(view: F) -> Element
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), view);
    handle.forget();
    host
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

fn all(el: &Element, selector: &str) -> Vec<Element> {
    let list = el.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn one(el: &Element, selector: &str) -> Element {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", el.inner_html()))
}

async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn load_failed_is_an_alert_naming_the_file_with_a_working_retry() {
    let retries = Arc::new(AtomicUsize::new(0));
    let counter = retries.clone();
    let error = parse::<Mission>("data/missions/unami.json", "{\"id\": \"unami\",")
        .expect_err("truncated JSON must not parse");
    let host = mount(move || {
        view! { <LoadFailed error=error on_retry=Callback::new(move |()| { counter.fetch_add(1, Ordering::SeqCst); })/> }
    });
    let alert = one(&host, "[role=alert]");
    let message = text(&alert);
    assert!(message.contains("data/missions/unami.json"), "{message}");
    assert!(message.contains("line 1"), "{message}");
    let button: HtmlElement = one(&alert, "button").unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Try again");
    button.click();
    button.click();
    assert_eq!(retries.load(Ordering::SeqCst), 2);
}

#[wasm_bindgen_test]
fn load_failed_explains_a_missing_file() {
    let error = LoadError::Status {
        file: "data/index.json".into(),
        status: 404,
    };
    let host = mount(move || view! { <LoadFailed error=error on_retry=Callback::new(|()| ())/> });
    let message = text(&one(&host, "[role=alert]"));
    assert!(
        message.contains("data/index.json was not found"),
        "{message}"
    );
    assert!(message.contains("404"), "{message}");
}

#[wasm_bindgen_test]
fn loading_placeholder_is_a_polite_status_with_hidden_skeleton() {
    let host = mount(|| view! { <Loading label="Loading UNAMI"/> });
    let status = one(&host, "[role=status]");
    assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(text(&status).trim(), "Loading UNAMI");
    // The skeleton blocks hold the page's space and are hidden from assistive technology.
    let blocks = all(&status, ".skeleton");
    assert!(blocks.len() >= 3);
    for block in blocks {
        assert_eq!(block.get_attribute("aria-hidden").as_deref(), Some("true"));
    }
}

#[wasm_bindgen_test]
async fn theme_toggle_switches_and_remembers_the_theme() {
    let html = document().document_element().unwrap();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    html.set_attribute("data-theme", "light").unwrap();
    let host = mount(|| view! { <ThemeToggle/> });
    next_tick().await; // the effect that reads the current theme runs after mount
    let button: HtmlElement = one(&host, "button").unchecked_into();
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );

    button.click();
    next_tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(html.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(
        storage
            .get_item(mission_pages::site::theme::STORAGE_KEY)
            .unwrap()
            .as_deref(),
        Some("dark")
    );

    button.click();
    next_tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(html.get_attribute("data-theme").as_deref(), Some("light"));
    assert_eq!(
        storage
            .get_item(mission_pages::site::theme::STORAGE_KEY)
            .unwrap()
            .as_deref(),
        Some("light")
    );
}

/// Mounts the section navigation under a router, with the browser's address
/// at `path` while it renders; the address is put back afterwards.
fn section_nav_at(path: &str) -> Element {
    use leptos_router::components::Router;
    let history = window().history().unwrap();
    let before = window().location().href().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let host = mount(|| {
        provide_context(SiteBase::from_public_url("/some/path/"));
        view! {
            <Router base="/some/path">
                <SectionNav mission_id="unami"/>
            </Router>
        }
    });
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&before))
        .unwrap();
    host
}

#[wasm_bindgen_test]
fn section_nav_marks_the_current_page_and_stays_under_the_base() {
    for (path, shown) in [
        ("/some/path/missions/unami/timeline/", "Timeline"),
        // A year of a long timeline is still the timeline section.
        ("/some/path/missions/unami/timeline/2019/", "Timeline"),
        ("/some/path/missions/unami/", "Overview"),
    ] {
        let host = section_nav_at(path);
        let links = all(&host, "nav[aria-label='Mission sections'] a");
        assert_eq!(links.len(), 1 + Section::ALL.len());
        for link in &links {
            let href = link.get_attribute("href").unwrap();
            assert!(href.starts_with("/some/path/missions/unami"), "{href}");
        }
        let current: Vec<_> = all(&host, "a[aria-current=page]");
        assert_eq!(current.len(), 1, "{path}");
        assert_eq!(text(&current[0]), shown, "{path}");
    }
}

#[wasm_bindgen_test]
fn key_facts_show_the_unami_facts_each_with_a_source() {
    let mission = unami();
    let host = mount(move || view! { <KeyFacts mission=mission/> });
    let facts = text(&host);
    for expected in [
        "14 August 2003",
        "resolution 1500 (2003)",
        "at the request of the Government of Iraq",
        "Special Representative of the Secretary-General for Iraq",
        "Portfolio: Political affairs and electoral assistance",
        "648",
        "251 international staff and 397 national staff",
        "636",
        "Administered by DPPA, supported by DPO and DOS",
        "Administered by DPA, supported by DPKO and DFS",
        "mandate ended 31 December 2025",
    ] {
        assert!(facts.contains(expected), "missing {expected:?} in {facts}");
    }
    assert_eq!(
        all(&host, ".portfolio").len(),
        2,
        "two deputies with portfolios"
    );
    // Every fact row carries at least one citation.
    for row in all(&host, ".fact") {
        assert!(
            !all(&row, "sup.cite a").is_empty(),
            "uncited: {}",
            text(&row)
        );
    }
}

#[wasm_bindgen_test]
fn citations_link_to_numbered_sources_that_exist() {
    let mission = unami();
    let cited = mission.clone();
    let ordered = mission.clone();
    let host = mount(move || {
        view! {
            <p>"A fact" <Cite mission=cited refs=vec!["un-press-sc15714".into(), "missing-id".into()]/></p>
            <p id="order">"Another" <Cite mission=ordered refs=vec!["un-press-sc15714".into(), "un-iraq-unami".into(), "un-press-sc15714".into()]/></p>
            <SourceList mission=mission/>
        }
    });
    let ordered: Vec<String> = all(&one(&host, "#order"), "sup.cite a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(ordered, ["[1]", "[3]"], "ascending, each source once");
    let links = all(&one(&host, "p"), "sup.cite a");
    assert_eq!(
        links.len(),
        1,
        "an unknown source id is not shown as a citation"
    );
    let target = links[0].get_attribute("href").unwrap();
    let entry = one(&host, &target);
    assert_eq!(entry.tag_name(), "LI");
    assert!(text(&entry).contains("SC/15714"));
    let source_links = all(&host, ".source-list a.source-url");
    assert_eq!(source_links.len(), unami().sources.len());
    // Each entry also links to the facts citing it, on the mission's pages.
    for link in all(&host, ".source-list .cited-by a") {
        let href = link.get_attribute("href").unwrap();
        assert!(href.starts_with("/missions/unami"), "{href}");
        assert!(href.contains('#'), "{href}");
    }
    for a in source_links {
        let href = a.get_attribute("href").unwrap();
        assert!(
            href.starts_with("https://") || href.starts_with("http://"),
            "{href}"
        );
        assert!(a.get_attribute("rel").unwrap().contains("noopener"));
    }
}

#[wasm_bindgen_test]
fn a_non_web_source_address_is_shown_as_inert_text() {
    // Including the disguises a browser would forgive in an href.
    for url in [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "//evil.example/",
    ] {
        let mut mission = unami_data();
        mission.sources[0].url = url.into();
        let mission = facts(mission);
        let host = mount(move || view! { <SourceList mission=mission/> });
        let first = one(&host, ".source-list li");
        assert!(all(&first, "a.source-url").is_empty(), "{url:?}");
        assert!(all(&first, "a[href*='script:' i]").is_empty(), "{url:?}");
        assert!(text(&first).contains(url), "{url:?}");
    }
}

#[wasm_bindgen_test]
fn data_table_is_a_named_keyboard_reachable_region_with_headers() {
    use mission_pages::components::data_table::DataTable;
    let host = mount(|| {
        view! {
            <DataTable label="Budget figures" caption="Budget, in US dollars" columns=&["Period", "Amount"]>
                <tr><th scope="row">"2010"</th><td>"$1"</td></tr>
            </DataTable>
        }
    });
    let region = one(&host, "[role=region]");
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Budget figures")
    );
    assert_eq!(region.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(text(&one(&host, "caption")), "Budget, in US dollars");
    let headers: Vec<String> = all(&host, "thead th[scope=col]").iter().map(text).collect();
    assert_eq!(headers, ["Period", "Amount"]);
    assert_eq!(all(&host, "tbody tr").len(), 1);
}

#[wasm_bindgen_test]
fn other_readings_show_each_disagreeing_source_or_nothing() {
    use mission_pages::components::readings::OtherReadings;
    let mission = unami();
    let canal = mission
        .events
        .iter()
        .find(|e| e.title.en().contains("Canal Hotel"))
        .expect("the Canal Hotel bombing is in the UNAMI events")
        .clone();
    assert!(
        canal.other_readings.len() >= 2,
        "22, 23 and at least 24 dead"
    );
    let (with, without) = (mission.clone(), mission.clone());
    let readings = canal.other_readings.clone();
    let host = mount(move || {
        view! {
            <div id="with"><OtherReadings mission=with readings=readings/></div>
            <div id="without"><OtherReadings mission=without readings=vec![]/></div>
        }
    });
    let shown = one(&host, "#with");
    assert!(text(&shown).starts_with("Sources differ:"));
    assert_eq!(all(&shown, "li").len(), canal.other_readings.len());
    for li in all(&shown, "li") {
        assert!(
            !all(&li, "sup.cite a").is_empty(),
            "each reading is cited: {}",
            text(&li)
        );
    }
    assert_eq!(one(&host, "#without").child_element_count(), 0);
}

#[wasm_bindgen_test]
fn after_a_panic_the_reader_gets_an_alert_with_a_reload_link_once() {
    let document = document();
    let html = document.document_element().unwrap();
    html.set_attribute("lang", "ar").unwrap();
    mission_pages::site::dom::show_app_failure();
    mission_pages::site::dom::show_app_failure();
    html.set_attribute("lang", "en").unwrap();
    let notices = all(&document.body().unwrap(), "#app-failure");
    assert_eq!(notices.len(), 1, "shown once");
    let notice = &notices[0];
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    // In the page's language, with a link that reloads this very page.
    assert!(
        text(notice).contains("توقفت هذه الصفحة عن العمل"),
        "{}",
        text(notice)
    );
    let reload = one(notice, "a");
    let here = web_sys::window().unwrap().location().href().unwrap();
    assert_eq!(reload.get_attribute("href"), Some(here));
    assert!(text(&reload).contains("إعادة تحميل الصفحة"));
    notice.remove();
}
