//! The home page: every mission in the data, as a card, with filters by
//! status, kind and words and a choice of order, all kept in the address.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::components::cite_page::CiteThisPage;
use crate::components::load_state::{LoadFailed, Loading, NeedsScript};
use crate::components::text::localized;
use crate::data::{MissionIndex, MissionSummary, Region};
use crate::facts::catalogue::{KINDS, STATUSES, Sort, View, kind_slug, status_slug};
use crate::site::load::{load_index, loaded_index};
use crate::site::routes;
use crate::site::{SiteBase, strings};

/// Lists the missions from `data/index.json`.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let index = LocalResource::new(move || load_index(base.clone()));
    let retry = Callback::new(move |()| index.refetch());
    let t = strings();
    view! {
        <Title text=t.catalogue_title()/>
        <Meta name="description" content=t.catalogue_description()/>
        {move || match loaded_index().map(Ok).or_else(|| index.get()) {
            None => view! { <Loading label=t.catalogue_loading()/> }.into_any(),
            Some(Err(error)) => view! { <LoadFailed error=error on_retry=retry/> }.into_any(),
            Some(Ok(index)) => view! { <Catalogue index=index/> }.into_any(),
        }}
        <CiteThisPage title=t.catalogue_title() page=routes::home()/>
    }
}

#[component]
fn Catalogue(index: Arc<MissionIndex>) -> impl IntoView {
    let t = strings();
    let query = use_query_map();
    let view_state = Memo::new(move |_| {
        let q = query.read();
        View::from_query(|name| q.get_str(name))
    });
    let navigate = use_navigate();
    let home = expect_context::<SiteBase>().href(&routes::home());
    // Choosing from a list adds a history entry, so Back undoes it; typing
    // adds one per search, not one per letter.
    let apply = Callback::new(move |(next, replace): (View, bool)| {
        navigate(
            &crate::site::dom::absolute(&format!("{home}{}", next.query())),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    });
    let total = index.missions.len();
    let regions: Vec<Region> = Region::ALL
        .into_iter()
        .filter(|r| index.missions.iter().any(|m| m.region == *r))
        .collect();
    let chosen = RwSignal::new(Vec::<String>::new());
    // The places in the index of the missions shown, in their order: a card
    // is made once and kept while it stays shown (a keyed list), so a filter
    // only removes, adds or moves cards.
    let shown = {
        let index = index.clone();
        let place: HashMap<String, usize> = index
            .missions
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect();
        Memo::new(move |_| {
            view_state
                .get()
                .apply(&index.missions)
                .into_iter()
                .filter_map(|m| place.get(&m.id).copied())
                .collect::<Vec<usize>>()
        })
    };
    let status = move || {
        if view_state.get().is_everything() {
            t.showing_all(total)
        } else {
            t.showing_some(shown.read().len(), total)
        }
    };
    let missions = index.clone();
    let list = view! {
        <p class="filter-status" role="status">{status}</p>
        <ul class="card-list">
            <For each=move || shown.get() key=|i| *i let:i>
                {mission_card(&missions.missions[i], chosen)}
            </For>
        </ul>
    };
    let empty = move || {
        shown.read().is_empty().then(|| {
            let base = expect_context::<SiteBase>();
            view! {
                <p class="notice">
                    {t.no_match()} " " <a href=base.href(&routes::home())>{t.show_all()}</a>
                </p>
            }
        })
    };
    view! {
        <h1>{t.catalogue_title()}</h1>
        <p class="lede">{t.catalogue_lede()}</p>
        <CatalogueFilters view_state=view_state apply=apply regions=regions/>
        <CompareForm chosen=chosen>{list}</CompareForm>
        {empty}
    }
}

/// Status, kind, words and order: a GET form that also works without script.
#[component]
fn CatalogueFilters(
    view_state: Memo<View>,
    apply: Callback<(View, bool)>,
    /// The regions some mission is in: the only ones worth offering.
    regions: Vec<Region>,
) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let select = |name: &'static str,
                  label: &'static str,
                  options: Vec<(&'static str, &'static str)>,
                  current: fn(&View) -> &'static str,
                  set: fn(&mut View, &str)| {
        // `selected` too: the prerendered page starts as the app does.
        let options = options
            .into_iter()
            .map(|(value, text)| {
                view! { <option value=value selected=move || current(&view_state.get()) == value>{text}</option> }
            })
            .collect_view();
        let on_change = move |ev: leptos::ev::Event| {
            let mut next = view_state.get_untracked();
            set(&mut next, &event_target_value(&ev));
            apply.run((next, false));
        };
        view! {
            <label class="select">
                <span>{label}</span>
                <select name=name on:change=on_change prop:value=move || current(&view_state.get())>
                    {options}
                </select>
            </label>
        }
    };
    let any = t.filter_any();
    let statuses = std::iter::once(("", any))
        .chain(STATUSES.into_iter().map(|s| (status_slug(s), s.label(t))))
        .collect();
    let kinds = std::iter::once(("", any))
        .chain(KINDS.into_iter().map(|k| (kind_slug(k), k.label(t))))
        .collect();
    let regions = std::iter::once(("", any))
        .chain(regions.into_iter().map(|r| (r.slug(), r.label(t))))
        .collect();
    let sorts = Sort::ALL
        .into_iter()
        .map(|s| (s.slug(), s.label(t)))
        .collect();
    // The first letter typed adds an entry to the history, so Back returns to
    // the list before the search; the following letters replace it.
    let on_input = move |ev: leptos::ev::Event| {
        let mut next = view_state.get_untracked();
        let replace = !next.text.is_empty();
        next.text = event_target_value(&ev);
        apply.run((next, replace));
    };
    view! {
        <NeedsScript message=t.catalogue_needs_script()/>
        <form class="filters catalogue-filters" method="get" action=base.href(&routes::home()) role="search" aria-label=t.filters_label()>
            <label class="text-filter">
                <span>{t.filter_words()}</span>
                <input type="search" name="q" autocomplete="off" prop:value=move || view_state.get().text on:input=on_input/>
            </label>
            {select("status", t.filter_status(), statuses, |v| v.status.map(status_slug).unwrap_or(""), |v, s| {
                v.status = STATUSES.into_iter().find(|x| status_slug(*x) == s);
            })}
            {select("kind", t.filter_kind(), kinds, |v| v.kind.map(kind_slug).unwrap_or(""), |v, s| {
                v.kind = KINDS.into_iter().find(|x| kind_slug(*x) == s);
            })}
            {select("region", t.filter_region(), regions, |v| v.region.map(Region::slug).unwrap_or(""), |v, s| {
                v.region = Region::ALL.into_iter().find(|x| x.slug() == s);
            })}
            {select("sort", t.filter_order(), sorts, |v| v.sort.slug(), |v, s| {
                v.sort = Sort::ALL.into_iter().find(|x| x.slug() == s).unwrap_or_default();
            })}
        </form>
    }
}

/// The cards' "Compare" boxes and the button that opens the comparison: a
/// GET form to `/compare` (`?ids=a&ids=b` without script), which with script
/// navigates to `/compare?ids=a,b` in the order the missions were ticked.
#[component]
fn CompareForm(chosen: RwSignal<Vec<String>>, children: Children) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let action = base.href(&routes::compare(&[]));
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ids = chosen.get_untracked();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        // The router adds the base itself.
        navigate(&routes::compare(&ids), Default::default());
    };
    let t = strings();
    let status = move || match chosen.read().len() {
        0 => t.compare_hint().to_owned(),
        1 => t.compare_one().to_owned(),
        n @ 2..=4 => t.compare_chosen(n),
        n => t.compare_too_many(n),
    };
    view! {
        <form class="compare-form" method="get" action=action on:submit=on_submit>
            {children()}
            <div class="compare-bar" class:active=move || !chosen.read().is_empty()>
                <p role="status">{status}</p>
                <button type="submit" class="button">{t.compare_button()}</button>
            </div>
        </form>
    }
}

fn mission_card(m: &MissionSummary, chosen: RwSignal<Vec<String>>) -> impl IntoView + use<> {
    let base = expect_context::<SiteBase>();
    let t = strings();
    let years = match m.end {
        Some(end) => format!("{}–{}", m.start.year, end.year),
        None => t.card_since(m.start.year),
    };
    let id = m.id.clone();
    let (checked_id, toggled_id) = (id.clone(), id.clone());
    let staff = match &m.personnel {
        Some(p) => t.card_figure(t.date(p.as_of), t.figure(p.total, p.approximate, p.measure)),
        None => t.card_no_figure().to_owned(),
    };
    view! {
        <li class="card">
            <h2 class="card-title">
                <a href=base.href(&routes::mission(&m.id))>
                    <span class="card-acronym">{m.acronym.clone()}</span>
                    <span class="card-name">{localized(&m.name)}</span>
                </a>
            </h2>
            <dl class="card-facts">
                <div><dt>{t.card_where()}</dt><dd>{localized(&m.country)} " " <span class="card-region">"(" {m.region.label(t)} ")"</span></dd></div>
                <div><dt>{t.card_kind()}</dt><dd>{m.kind.label(t)}</dd></div>
                <div>
                    <dt>{t.card_status()}</dt>
                    <dd><span class=format!("status status-{}", status_slug(m.status))>{m.status.label(t)}</span>
                    " · " {years}</dd>
                </div>
                <div><dt>{t.card_personnel()}</dt><dd>{staff}</dd></div>
            </dl>
            <label class="card-compare">
                <input
                    type="checkbox"
                    name="ids"
                    value=id.clone()
                    prop:checked=move || chosen.read().contains(&checked_id)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        chosen.update(|ids| {
                            ids.retain(|i| *i != toggled_id);
                            if on {
                                ids.push(toggled_id.clone());
                            }
                        });
                    }
                />
                " " {t.compare_tick()} <span class="visually-hidden">" " {m.acronym.clone()}</span>
            </label>
        </li>
    }
}
