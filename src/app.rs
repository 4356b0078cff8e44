//! The application root: head defaults, the router and the page shell.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::components::shell::Shell;
#[cfg(not(target_arch = "wasm32"))]
use crate::pages::about::AboutPage;
use crate::pages::catalogue::CataloguePage;
// Pages made only at build time (`pages::built`): in the browser, a note.
#[cfg(target_arch = "wasm32")]
use crate::pages::built::{
    BuiltOnly as AboutPage, BuiltOnly as ChangesPage, BuiltOnly as DataPage,
    BuiltOnly as MissionChangesPage, BuiltOnly as PrintPage,
};
#[cfg(not(target_arch = "wasm32"))]
use crate::pages::changes::{ChangesPage, MissionChangesPage};
use crate::pages::compare::ComparePage;
#[cfg(not(target_arch = "wasm32"))]
use crate::pages::data::DataPage;
use crate::pages::mission::{MissionPage, MissionRoute};
use crate::pages::not_found::NotFound;
#[cfg(not(target_arch = "wasm32"))]
use crate::pages::print::PrintPage;
use crate::pages::search::SearchPage;
use crate::pages::section::SectionPage;
use crate::site::SiteBase;

/// The whole site. `base` is where it is served (see [`SiteBase`]).
#[component]
pub fn App(base: SiteBase) -> impl IntoView {
    provide_meta_context();
    let router_base = base.router_base();
    let site_name = base.locale().strings().site_name();
    crate::site::load::provide_history(base.clone());
    provide_context(base);
    view! {
        <Title formatter=move |page: String| format!("{page} · {site_name}")/>
        <Router base=router_base>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=CataloguePage/>
                    <Route path=path!("/about") view=AboutPage/>
                    <Route path=path!("/search") view=SearchPage/>
                    <Route path=path!("/compare") view=ComparePage/>
                    <Route path=path!("/data") view=DataPage/>
                    <Route path=path!("/changes") view=ChangesPage/>
                    <ParentRoute path=path!("/missions/:id") view=MissionRoute>
                        <Route path=path!("") view=MissionPage/>
                        <Route path=path!("changes") view=MissionChangesPage/>
                        <Route path=path!("print") view=PrintPage/>
                        <Route path=path!(":section") view=SectionPage/>
                        <Route path=path!(":section/:year") view=SectionPage/>
                        <Route path=path!(":section/:year/:part") view=SectionPage/>
                    </ParentRoute>
                </Routes>
            </Shell>
        </Router>
    }
}
