//! The catalogue's filters and order, read from and written to the address
//! (`/?status=active&kind=envoy-office&q=yemen&sort=start`), so any view of the
//! list can be shared and the back button works.

use crate::data::words::fold;
use crate::data::{MissionKind, MissionSummary, Region, StatusState};
use crate::site::routes::encode_query_value;

/// How the catalogue orders its cards.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// By acronym, A to Z: the order readers scan a list of missions in.
    #[default]
    Name,
    /// Newest first.
    Newest,
    /// Oldest first.
    Oldest,
    /// Largest latest personnel figure first; missions without one last.
    Size,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Name, Sort::Newest, Sort::Oldest, Sort::Size];

    pub fn slug(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Size => "size",
        }
    }

    pub fn label(self, t: &crate::site::i18n::Strings) -> &'static str {
        match self {
            Sort::Name => t.sort_name(),
            Sort::Newest => t.sort_newest(),
            Sort::Oldest => t.sort_oldest(),
            Sort::Size => t.sort_size(),
        }
    }
}

pub const STATUSES: [StatusState; 3] = [
    StatusState::Active,
    StatusState::Closing,
    StatusState::Closed,
];

pub const KINDS: [MissionKind; 4] = [
    MissionKind::SpecialPoliticalMission,
    MissionKind::PeacekeepingOperation,
    MissionKind::RegionalOffice,
    MissionKind::EnvoyOffice,
];

/// The address's value for a status: `active`, `closing`, `closed`.
pub fn status_slug(s: StatusState) -> &'static str {
    match s {
        StatusState::Active => "active",
        StatusState::Closing => "closing",
        StatusState::Closed => "closed",
    }
}

/// The address's value for a kind, as the data spells it.
pub fn kind_slug(k: MissionKind) -> &'static str {
    match k {
        MissionKind::SpecialPoliticalMission => "special-political-mission",
        MissionKind::PeacekeepingOperation => "peacekeeping-operation",
        MissionKind::RegionalOffice => "regional-office",
        MissionKind::EnvoyOffice => "envoy-office",
    }
}

/// What the catalogue shows: unknown values in the address are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub status: Option<StatusState>,
    pub kind: Option<MissionKind>,
    pub region: Option<Region>,
    /// Words every shown mission must contain (in its acronym, names or country).
    pub text: String,
    pub sort: Sort,
}

impl View {
    /// Reads the view from the address's query, through `get` (a name's value).
    pub fn from_query<'a>(get: impl Fn(&str) -> Option<&'a str>) -> View {
        View {
            status: get("status").and_then(|v| STATUSES.into_iter().find(|s| status_slug(*s) == v)),
            kind: get("kind").and_then(|v| KINDS.into_iter().find(|k| kind_slug(*k) == v)),
            region: get("region").and_then(|v| Region::ALL.into_iter().find(|r| r.slug() == v)),
            text: get("q").unwrap_or_default().trim().to_owned(),
            sort: get("sort")
                .and_then(|v| Sort::ALL.into_iter().find(|s| s.slug() == v))
                .unwrap_or_default(),
        }
    }

    /// The query string, `""` for the whole list in the usual order.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = self.status {
            parts.push(format!("status={}", status_slug(s)));
        }
        if let Some(k) = self.kind {
            parts.push(format!("kind={}", kind_slug(k)));
        }
        if let Some(r) = self.region {
            parts.push(format!("region={}", r.slug()));
        }
        if !self.text.is_empty() {
            parts.push(format!("q={}", encode_query_value(&self.text)));
        }
        if self.sort != Sort::Name {
            parts.push(format!("sort={}", self.sort.slug()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    pub fn is_everything(&self) -> bool {
        self.status.is_none()
            && self.kind.is_none()
            && self.region.is_none()
            && self.text.is_empty()
    }

    /// The missions that pass the filters, in the chosen order.
    pub fn apply<'a>(&self, missions: &'a [MissionSummary]) -> Vec<&'a MissionSummary> {
        let words: Vec<String> = fold(&self.text)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let mut shown: Vec<&MissionSummary> = missions
            .iter()
            .filter(|m| self.status.is_none_or(|s| m.status == s))
            .filter(|m| self.kind.is_none_or(|k| m.kind == k))
            .filter(|m| self.region.is_none_or(|r| m.region == r))
            .filter(|m| {
                let haystack = searchable(m);
                words.iter().all(|w| haystack.contains(w.as_str()))
            })
            .collect();
        match self.sort {
            Sort::Name => shown.sort_by(|a, b| a.acronym.cmp(&b.acronym)),
            // Missions that started on the same day stay in the order by name.
            Sort::Newest => shown.sort_by(|a, b| {
                b.start
                    .cmp(&a.start)
                    .then_with(|| a.acronym.cmp(&b.acronym))
            }),
            Sort::Oldest => shown.sort_by(|a, b| {
                a.start
                    .cmp(&b.start)
                    .then_with(|| a.acronym.cmp(&b.acronym))
            }),
            Sort::Size => shown.sort_by_key(|m| {
                (
                    std::cmp::Reverse(m.personnel.as_ref().map(|p| p.total)),
                    m.acronym.clone(),
                )
            }),
        }
        shown
    }
}

/// Everything a text filter looks through, folded.
fn searchable(m: &MissionSummary) -> String {
    let mut text = format!("{} {}", m.id, m.acronym);
    for t in [&m.name, &m.country] {
        for lang in t.languages() {
            text.push(' ');
            text.push_str(t.get(lang).text);
        }
    }
    fold(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::MissionIndex;
    use crate::data::files::parse;

    /// The view an address's query describes (`"status=closed&sort=size"`).
    fn at(query: &str) -> View {
        let pairs: Vec<(&str, &str)> = query.split('&').filter_map(|p| p.split_once('=')).collect();
        View::from_query(|name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| *v))
    }

    fn index() -> MissionIndex {
        parse("data/index.json", include_str!("../../data/index.json")).unwrap()
    }

    #[test]
    fn an_empty_address_shows_everything_by_name() {
        let idx = index();
        let view = at("");
        assert!(view.is_everything());
        assert_eq!(view.query(), "");
        let shown = view.apply(&idx.missions);
        assert_eq!(shown.len(), idx.missions.len());
        let names: Vec<&str> = shown.iter().map(|m| m.acronym.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
    }

    #[test]
    fn filters_round_trip_through_the_address() {
        let view = at("status=active&kind=envoy-office&q= Yemen &sort=oldest");
        assert_eq!(
            view.query(),
            "?status=active&kind=envoy-office&q=Yemen&sort=oldest"
        );
        let junk = at("status=open&kind=army&region=mars&sort=biggest");
        assert!(junk.is_everything());
        assert_eq!(junk.sort, Sort::Name);
        let spaced = View {
            text: "canal hotel & co".into(),
            ..View::default()
        };
        assert_eq!(spaced.query(), "?q=canal+hotel+%26+co");
    }

    #[test]
    fn status_kind_and_words_narrow_the_list() {
        let idx = index();
        let closed = at("status=closed").apply(&idx.missions);
        assert!(closed.iter().any(|m| m.id == "unami"));
        assert!(closed.iter().all(|m| m.status == StatusState::Closed));
        // Words match in any case, without accents, in names and countries.
        let iraq = at("q=IRAQ assistance").apply(&idx.missions);
        assert_eq!(
            iraq.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
            ["unami"]
        );
        let hudaydah = at("q=hudaydah").apply(&idx.missions);
        assert_eq!(
            hudaydah.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
            ["unmha"]
        );
        assert!(at("q=zzz").apply(&idx.missions).is_empty());
        assert_eq!(fold("Genève ÉLAN"), "geneve elan");
    }

    #[test]
    fn sorts_by_start_date_either_way() {
        let idx = index();
        let newest = at("sort=newest").apply(&idx.missions);
        assert!(newest.windows(2).all(|w| w[0].start >= w[1].start));
        let oldest = at("sort=oldest").apply(&idx.missions);
        assert!(oldest.windows(2).all(|w| w[0].start <= w[1].start));
        // Missions that started on the same day are in the order by name, either way.
        for list in [&newest, &oldest] {
            assert!(
                list.windows(2)
                    .filter(|w| w[0].start == w[1].start)
                    .all(|w| w[0].acronym < w[1].acronym)
            );
        }
        let mut twins = idx.missions.clone();
        twins.reverse();
        let same_day: Vec<_> = at("sort=oldest")
            .apply(&twins)
            .iter()
            .map(|m| m.id.clone())
            .collect();
        let in_index_order: Vec<_> = oldest.iter().map(|m| m.id.clone()).collect();
        assert_eq!(
            same_day, in_index_order,
            "the order does not depend on the index's"
        );
    }

    #[test]
    fn region_narrows_and_size_orders_largest_first() {
        let idx = index();
        let asia = at("region=asia&sort=size");
        assert_eq!(asia.query(), "?region=asia&sort=size");
        let shown = asia.apply(&idx.missions);
        assert!(!shown.is_empty());
        assert!(shown.iter().all(|m| m.region == Region::Asia));
        let by_size = at("sort=size").apply(&idx.missions);
        assert_eq!(by_size.len(), idx.missions.len());
        let sizes: Vec<Option<u32>> = by_size
            .iter()
            .map(|m| m.personnel.as_ref().map(|p| p.total))
            .collect();
        // Figures descending, then the missions without one.
        let known = sizes.iter().take_while(|s| s.is_some()).count();
        assert!(known > 1);
        assert!(sizes[known..].iter().all(Option::is_none));
        assert!(sizes[..known].windows(2).all(|w| w[0] >= w[1]));
    }
}
