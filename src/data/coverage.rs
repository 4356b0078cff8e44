//! The floor: what every mission's data should hold (issue 17), measured.
//!
//! Each [`FloorItem`] is either met (with a count a reader or editor can check)
//! or missing. A missing item that the floor requires must be declared in the
//! mission's `not_found`, saying what was looked for: the validator fails
//! otherwise, and the pages show the declaration where the fact would be. The
//! same measure writes `docs/coverage.md` (`make coverage`).

use std::collections::HashSet;

use super::model::{FloorItem, Measure, Mission, StatusState};

/// Where `make coverage` writes the table, from the project's root.
pub const COVERAGE_FILE: &str = "docs/coverage.md";

/// Every floor item, in the order the coverage table lists them.
pub const ITEMS: [FloorItem; 23] = [
    FloorItem::ArabicName,
    FloorItem::Headquarters,
    FloorItem::EstablishmentBasis,
    FloorItem::FinalResolution,
    FloorItem::MandateEnd,
    FloorItem::Drawdown,
    FloorItem::Liquidation,
    FloorItem::Resolutions,
    FloorItem::Mandate,
    FloorItem::MandateLinks,
    FloorItem::Heads,
    FloorItem::HeadDates,
    FloorItem::Nationality,
    FloorItem::ActingHeads,
    FloorItem::Personnel,
    FloorItem::PersonnelParts,
    FloorItem::PersonnelHistory,
    FloorItem::PersonnelPeak,
    FloorItem::Budget,
    FloorItem::BudgetHistory,
    FloorItem::Offices,
    FloorItem::OfficeDates,
    FloorItem::ArabicSummary,
];

/// Dated personnel figures the floor asks for: the latest and two earlier ones.
pub const PERSONNEL_FIGURES: usize = 3;

impl FloorItem {
    /// The name used in the data (`not_found[].item`) and in `docs/coverage.md`.
    pub fn slug(self) -> &'static str {
        match self {
            FloorItem::ArabicName => "arabic-name",
            FloorItem::Headquarters => "headquarters",
            FloorItem::EstablishmentBasis => "establishment-basis",
            FloorItem::FinalResolution => "final-resolution",
            FloorItem::MandateEnd => "mandate-end",
            FloorItem::Drawdown => "drawdown",
            FloorItem::Liquidation => "liquidation",
            FloorItem::Resolutions => "resolutions",
            FloorItem::Mandate => "mandate",
            FloorItem::MandateLinks => "mandate-links",
            FloorItem::Heads => "heads",
            FloorItem::HeadDates => "head-dates",
            FloorItem::Nationality => "nationality",
            FloorItem::ActingHeads => "acting-heads",
            FloorItem::Personnel => "personnel",
            FloorItem::PersonnelParts => "personnel-parts",
            FloorItem::PersonnelHistory => "personnel-history",
            FloorItem::PersonnelPeak => "personnel-peak",
            FloorItem::Budget => "budget",
            FloorItem::BudgetHistory => "budget-history",
            FloorItem::Offices => "offices",
            FloorItem::OfficeDates => "office-dates",
            FloorItem::ArabicSummary => "arabic-summary",
        }
    }

    /// What the item asks for, as the coverage table's legend says it.
    pub fn describe(self) -> &'static str {
        match self {
            FloorItem::ArabicName => "the mission's name in Arabic",
            FloorItem::Headquarters => "where the mission is based",
            FloorItem::EstablishmentBasis => {
                "the resolution, letter or decision that set the mission up"
            }
            FloorItem::FinalResolution => {
                "the resolution that ended the mandate (closed or closing)"
            }
            FloorItem::MandateEnd => "the last day of the mandate (closed or closing)",
            FloorItem::Drawdown => "how the mission drew down (closed or closing)",
            FloorItem::Liquidation => "how the mission was wound up (closed or closing)",
            FloorItem::Resolutions => "Security Council resolutions, the founding one among them",
            FloorItem::Mandate => "mandate areas",
            FloorItem::MandateLinks => {
                "every mandate area linked to the resolutions that set or changed it"
            }
            FloorItem::Heads => "heads of mission",
            FloorItem::HeadDates => "every head's start date",
            FloorItem::Nationality => "every head's nationality (where a source gives it)",
            FloorItem::ActingHeads => "acting heads (where a source gives them)",
            FloorItem::Personnel => "a dated personnel figure",
            FloorItem::PersonnelParts => "the latest personnel figure's parts",
            FloorItem::PersonnelHistory => "at least three dated personnel figures",
            FloorItem::PersonnelPeak => "the peak personnel figure (where a source gives it)",
            FloorItem::Budget => "an approved budget with its period",
            FloorItem::BudgetHistory => "earlier budgets (where sourced)",
            FloorItem::Offices => "offices, the headquarters among them",
            FloorItem::OfficeDates => "offices' opening and closing dates (where sourced)",
            FloorItem::ArabicSummary => "the summary in Arabic",
        }
    }

    /// A single fact (a name, a date), as opposed to a list that can be partly
    /// known: a list may be declared incomplete in `not_found` while it holds
    /// what was found, a single fact may not be both held and not found.
    pub fn is_single_fact(self) -> bool {
        matches!(
            self,
            FloorItem::ArabicName
                | FloorItem::Headquarters
                | FloorItem::EstablishmentBasis
                | FloorItem::FinalResolution
                | FloorItem::MandateEnd
                | FloorItem::Drawdown
                | FloorItem::Liquidation
                | FloorItem::ArabicSummary
        )
    }

    /// The mission file's field that holds the item, where a problem with it
    /// is reported (the whole file for the headquarters, often absent).
    pub fn field(self) -> Option<&'static str> {
        Some(match self {
            FloorItem::ArabicName => "name",
            FloorItem::Headquarters => return None,
            FloorItem::EstablishmentBasis => "established",
            FloorItem::FinalResolution
            | FloorItem::MandateEnd
            | FloorItem::Drawdown
            | FloorItem::Liquidation => "status",
            FloorItem::Resolutions => "resolutions",
            FloorItem::Mandate | FloorItem::MandateLinks => "mandate",
            FloorItem::Heads
            | FloorItem::HeadDates
            | FloorItem::Nationality
            | FloorItem::ActingHeads => "leadership",
            FloorItem::Personnel
            | FloorItem::PersonnelParts
            | FloorItem::PersonnelHistory
            | FloorItem::PersonnelPeak => "personnel",
            FloorItem::Budget | FloorItem::BudgetHistory => "budget",
            FloorItem::Offices | FloorItem::OfficeDates => "offices",
            FloorItem::ArabicSummary => "summary",
        })
    }

    /// Whether a mission without this item must say why (`not_found`). The
    /// others are asked for "where a source gives them": measured, not required.
    pub fn required(self) -> bool {
        !matches!(
            self,
            FloorItem::Nationality
                | FloorItem::ActingHeads
                | FloorItem::PersonnelPeak
                | FloorItem::BudgetHistory
                | FloorItem::OfficeDates
        )
    }
}

/// How a mission stands on one floor item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Held, with how many (1 for a single fact).
    Met(usize),
    /// Not held.
    Missing,
    /// Does not apply to this mission (closure items of an active mission).
    NotApplicable,
    /// Cannot be told from the data's shape (acting heads, the peak): its count
    /// is shown when there is one, and its absence is never an error.
    Unmeasured(usize),
}

impl Standing {
    fn of_count(count: usize) -> Standing {
        if count > 0 {
            Standing::Met(count)
        } else {
            Standing::Missing
        }
    }

    fn of(held: bool) -> Standing {
        Standing::of_count(usize::from(held))
    }
}

/// How the mission stands on `item`.
pub fn standing(m: &Mission, item: FloorItem) -> Standing {
    let closing = matches!(m.status.state, StatusState::Closed | StatusState::Closing);
    let head_holders = m.head_post().map_or(&[][..], |p| &p.holders[..]);
    let dated_personnel = m.personnel.iter().filter(|p| p.as_of.is_some()).count();
    match item {
        FloorItem::ArabicName => Standing::of(has_arabic(&m.name)),
        FloorItem::Headquarters => Standing::of(m.headquarters.is_some()),
        FloorItem::EstablishmentBasis => {
            Standing::of(m.established.resolution.is_some() || m.established.basis.is_some())
        }
        FloorItem::FinalResolution if closing => Standing::of(m.status.final_resolution.is_some()),
        FloorItem::MandateEnd if closing => Standing::of(m.status.mandate_end.is_some()),
        FloorItem::Drawdown if closing => Standing::of(m.status.drawdown.is_some()),
        FloorItem::Liquidation if closing => Standing::of(m.status.liquidation.is_some()),
        FloorItem::FinalResolution
        | FloorItem::MandateEnd
        | FloorItem::Drawdown
        | FloorItem::Liquidation => Standing::NotApplicable,
        FloorItem::Resolutions => Standing::of_count(m.resolutions.len()),
        FloorItem::Mandate => Standing::of_count(m.mandate.len()),
        FloorItem::MandateLinks => {
            if m.mandate.is_empty() {
                Standing::Missing
            } else {
                let linked = m
                    .mandate
                    .iter()
                    .filter(|a| a.introduced_by.is_some() || !a.changed_by.is_empty())
                    .count();
                if linked == m.mandate.len() {
                    Standing::Met(linked)
                } else {
                    Standing::Missing
                }
            }
        }
        FloorItem::Heads => Standing::of_count(head_holders.len()),
        FloorItem::HeadDates => all_of(head_holders, |t| t.from.is_some()),
        FloorItem::Nationality => all_of(head_holders, |t| t.nationality.is_some()),
        FloorItem::ActingHeads => {
            Standing::Unmeasured(head_holders.iter().filter(|t| t.acting).count())
        }
        FloorItem::Personnel => Standing::of_count(dated_personnel),
        FloorItem::PersonnelParts => match m.latest_personnel() {
            Some(p) => Standing::of_count(p.parts.len()),
            None => Standing::Missing,
        },
        FloorItem::PersonnelHistory => {
            if dated_personnel >= PERSONNEL_FIGURES {
                Standing::Met(dated_personnel)
            } else {
                Standing::Missing
            }
        }
        FloorItem::PersonnelPeak => Standing::Unmeasured(
            m.personnel
                .iter()
                .filter(|p| p.measure == Measure::Headcount && p.as_of.is_some())
                .count(),
        ),
        FloorItem::Budget => Standing::of_count(
            m.budget
                .iter()
                .filter(|b| b.kind == super::model::BudgetKind::Approved)
                .count(),
        ),
        FloorItem::BudgetHistory => {
            if m.budget.len() >= 2 {
                Standing::Met(m.budget.len())
            } else {
                Standing::Missing
            }
        }
        FloorItem::Offices => Standing::of_count(m.offices.len()),
        FloorItem::OfficeDates => Standing::of_count(
            m.offices
                .iter()
                .filter(|o| o.opened.is_some() || o.closed.is_some())
                .count(),
        ),
        FloorItem::ArabicSummary => Standing::of(has_arabic(&m.summary.value)),
    }
}

fn has_arabic(text: &super::Text) -> bool {
    !text.get("ar").is_fallback
}

/// Met when every holder has it (and there is at least one holder).
fn all_of(
    holders: &[super::model::Tenure],
    has: impl Fn(&super::model::Tenure) -> bool,
) -> Standing {
    let count = holders.iter().filter(|t| has(t)).count();
    if !holders.is_empty() && count == holders.len() {
        Standing::Met(count)
    } else {
        Standing::Missing
    }
}

/// A floor problem in a mission file, for the validator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FloorProblem {
    /// A required item is missing and `not_found` does not say why.
    Unexplained(FloorItem),
    /// `not_found[index]` declares an item that the file holds.
    DeclaredButHeld { index: usize, item: FloorItem },
    /// `not_found[index]` declares an item already declared.
    DeclaredTwice { index: usize, item: FloorItem },
}

impl std::fmt::Display for FloorProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FloorProblem::Unexplained(item) => write!(
                f,
                "below the floor ({}): the file lacks {}; add it, or add {{\"item\": \"{}\", \"looked_for\": {{\"en\": \"what was looked for, and where\"}}}} to \"not_found\"",
                item.slug(),
                item.describe(),
                item.slug()
            ),
            FloorProblem::DeclaredButHeld { item, .. } => write!(
                f,
                "\"{}\" is declared not found, but the file holds {}: remove this entry",
                item.slug(),
                item.describe()
            ),
            FloorProblem::DeclaredTwice { item, .. } => {
                write!(f, "\"{}\" is declared not found twice", item.slug())
            }
        }
    }
}

/// Every floor problem of a mission.
pub fn floor_problems(m: &Mission) -> Vec<FloorProblem> {
    let mut problems = Vec::new();
    let mut declared = HashSet::new();
    for (index, gap) in m.not_found.iter().enumerate() {
        if !declared.insert(gap.item) {
            problems.push(FloorProblem::DeclaredTwice {
                index,
                item: gap.item,
            });
        } else if gap.item.is_single_fact() && matches!(standing(m, gap.item), Standing::Met(_)) {
            problems.push(FloorProblem::DeclaredButHeld {
                index,
                item: gap.item,
            });
        }
    }
    for item in ITEMS {
        if item.required() && standing(m, item) == Standing::Missing && !declared.contains(&item) {
            problems.push(FloorProblem::Unexplained(item));
        }
    }
    problems
}

/// `docs/coverage.md`: every mission against every floor item.
pub fn coverage_table(missions: &[Mission]) -> String {
    let mut out = String::from(
        "# Coverage: every mission against the floor\n\n\
         Written by `make coverage` from `data/missions/*.json`; do not edit by hand (a test\n\
         fails when it is out of date). The floor is issue 17's: what every mission's page\n\
         should hold. A number is how many the data holds (1 for a single fact); **not found**\n\
         means the sources read do not give it, and **incomplete** that they give part of a list\n\
         (a count, but renewals or heads missing): the mission's `not_found` says what was\n\
         looked for (listed below the table); **missing** means neither (only for items asked\n\
         \"where a source gives them\", which the validator does not require); a dash means\n\
         the item does not apply (closure items of an active mission).\n\n",
    );
    out.push_str("| item | what it asks for | required |\n|---|---|---|\n");
    for item in ITEMS {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            item.slug(),
            item.describe(),
            if item.required() {
                "yes"
            } else {
                "where sourced"
            }
        ));
    }
    out.push_str("\n| mission |");
    for item in ITEMS {
        out.push_str(&format!(" {} |", item.slug()));
    }
    out.push_str(" sources |\n|---|");
    for _ in ITEMS {
        out.push_str("---|");
    }
    out.push_str("---|\n");
    let mut sorted: Vec<&Mission> = missions.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    for m in &sorted {
        out.push_str(&format!("| {} (`{}`) |", m.acronym, m.id));
        for item in ITEMS {
            let cell = match (standing(m, item), m.gap(item)) {
                (Standing::Met(n), Some(_)) => format!("{n}, **incomplete**"),
                (Standing::Met(n), None) => n.to_string(),
                (_, Some(_)) => "**not found**".to_owned(),
                (Standing::NotApplicable, None) => "–".to_owned(),
                (Standing::Unmeasured(0), None) | (Standing::Missing, None) => "missing".to_owned(),
                (Standing::Unmeasured(n), None) => n.to_string(),
            };
            out.push_str(&format!(" {cell} |"));
        }
        out.push_str(&format!(" {} |\n", m.sources.len()));
    }
    let totals = Totals::of(missions);
    out.push_str(&format!(
        "\n{} missions, {} resolutions, {} heads of mission, {} personnel figures, {} budget figures, {} offices, {} sources.\n",
        totals.missions,
        totals.resolutions,
        totals.heads,
        totals.personnel,
        totals.budget,
        totals.offices,
        totals.sources
    ));
    out.push_str("\n## Not found, and what was looked for\n");
    for m in &sorted {
        if m.not_found.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### {} (`{}`)\n\n", m.acronym, m.id));
        let mut gaps: Vec<_> = m.not_found.iter().collect();
        gaps.sort_by_key(|g| ITEMS.iter().position(|i| *i == g.item));
        for gap in gaps {
            out.push_str(&format!(
                "- `{}`: {}\n",
                gap.item.slug(),
                gap.looked_for.en().replace('\n', " ")
            ));
        }
    }
    out
}

/// Counts over all missions, for the coverage table and closing notes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub missions: usize,
    pub resolutions: usize,
    pub heads: usize,
    pub personnel: usize,
    pub budget: usize,
    pub offices: usize,
    pub sources: usize,
}

impl Totals {
    pub fn of(missions: &[Mission]) -> Totals {
        missions.iter().fold(Totals::default(), |t, m| Totals {
            missions: t.missions + 1,
            resolutions: t.resolutions + m.resolutions.len(),
            heads: t.heads + m.head_post().map_or(0, |p| p.holders.len()),
            personnel: t.personnel + m.personnel.len(),
            budget: t.budget + m.budget.len(),
            offices: t.offices + m.offices.len(),
            sources: t.sources + m.sources.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::files::parse;
    use crate::data::model::{BudgetKind, Gap};
    use crate::data::text::Text;

    fn fixture() -> Mission {
        parse(
            "test.json",
            include_str!("../../tests/fixtures/validate/valid/data/missions/test.json"),
        )
        .unwrap()
    }

    fn gap(item: FloorItem) -> Gap {
        Gap {
            item,
            looked_for: Text::english("looked everywhere"),
        }
    }

    #[test]
    fn the_valid_fixture_is_at_the_floor_with_its_gaps_declared() {
        let m = fixture();
        assert_eq!(floor_problems(&m), vec![]);
        assert_eq!(standing(&m, FloorItem::ArabicName), Standing::Missing);
        assert_eq!(
            standing(&m, FloorItem::Resolutions),
            Standing::Met(m.resolutions.len())
        );
    }

    #[test]
    fn a_missing_fact_must_be_declared() {
        let mut m = fixture();
        m.budget.retain(|b| b.kind != BudgetKind::Approved);
        assert_eq!(
            floor_problems(&m),
            vec![FloorProblem::Unexplained(FloorItem::Budget)]
        );
        m.not_found.push(gap(FloorItem::Budget));
        assert_eq!(floor_problems(&m), vec![]);
    }

    #[test]
    fn a_list_may_be_declared_incomplete_but_a_single_fact_not_both_held_and_missing() {
        let mut m = fixture();
        m.not_found.push(gap(FloorItem::Resolutions));
        assert_eq!(floor_problems(&m), vec![]);
        let held = m.not_found.len();
        m.not_found.push(gap(FloorItem::Headquarters));
        assert_eq!(
            floor_problems(&m),
            vec![FloorProblem::DeclaredButHeld {
                index: held,
                item: FloorItem::Headquarters
            }]
        );
        m.not_found.pop();
        m.not_found.push(gap(FloorItem::Resolutions));
        assert!(matches!(
            floor_problems(&m)[..],
            [FloorProblem::DeclaredTwice {
                item: FloorItem::Resolutions,
                ..
            }]
        ));
    }

    #[test]
    fn closure_items_apply_to_closed_and_closing_missions_only() {
        let mut m = fixture();
        m.status.state = StatusState::Active;
        m.not_found
            .retain(|g| !matches!(g.item, FloorItem::Drawdown | FloorItem::Liquidation));
        assert_eq!(standing(&m, FloorItem::Drawdown), Standing::NotApplicable);
        assert_eq!(floor_problems(&m), vec![]);
    }

    #[test]
    fn the_table_counts_what_is_held_and_names_what_is_not() {
        let mut m = fixture();
        m.not_found.push(gap(FloorItem::Resolutions));
        let table = coverage_table(&[m.clone()]);
        let row = table
            .lines()
            .find(|l| l.starts_with(&format!("| {} (`{}`)", m.acronym, m.id)))
            .expect("a row for the mission");
        assert!(
            row.contains(&format!(" {}, **incomplete** |", m.resolutions.len())),
            "{row}"
        );
        assert!(row.contains("**not found**"), "{row}");
        assert!(table.contains("- `arabic-name`: "), "{table}");
        assert!(table.contains("looked everywhere"));
    }
}
