//! What the data's values are called in the reader's language: the labels
//! of its kinds and states, a date in words, and what went wrong with a data
//! file. Here, above the data and the UI strings both, so that neither needs
//! the other.

use std::fmt;

use crate::data::files::LoadError;
use crate::data::{BudgetKind, Date, FloorItem, Measure, MissionKind, Region, StatusState};
use crate::site::i18n::{Locale, Strings};

impl Date {
    /// The date in English as a reader expects it: "14 August 2003", "May 2003" or "2005".
    pub fn to_english(&self) -> String {
        Locale::DEFAULT.strings().date(*self)
    }
}

impl Region {
    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            Region::Africa => t.region_africa(),
            Region::Americas => t.region_americas(),
            Region::Asia => t.region_asia(),
            Region::Europe => t.region_europe(),
            Region::MiddleEast => t.region_middle_east(),
        }
    }
}

impl FloorItem {
    /// What is missing, as a reader is told it.
    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            FloorItem::ArabicName => t.gap_arabic_name(),
            FloorItem::Headquarters => t.gap_headquarters(),
            FloorItem::EstablishmentBasis => t.gap_establishment_basis(),
            FloorItem::FinalResolution => t.gap_final_resolution(),
            FloorItem::MandateEnd => t.gap_mandate_end(),
            FloorItem::Drawdown => t.gap_drawdown(),
            FloorItem::Liquidation => t.gap_liquidation(),
            FloorItem::Resolutions => t.gap_resolutions(),
            FloorItem::Mandate => t.gap_mandate(),
            FloorItem::MandateLinks => t.gap_mandate_links(),
            FloorItem::Heads => t.gap_heads(),
            FloorItem::HeadDates => t.gap_head_dates(),
            FloorItem::Nationality => t.gap_nationality(),
            FloorItem::ActingHeads => t.gap_acting_heads(),
            FloorItem::Personnel => t.gap_personnel(),
            FloorItem::PersonnelParts => t.gap_personnel_parts(),
            FloorItem::PersonnelHistory => t.gap_personnel_history(),
            FloorItem::PersonnelPeak => t.gap_personnel_peak(),
            FloorItem::Budget => t.gap_budget(),
            FloorItem::BudgetHistory => t.gap_budget_history(),
            FloorItem::Offices => t.gap_offices(),
            FloorItem::OfficeDates => t.gap_office_dates(),
            FloorItem::ArabicSummary => t.gap_arabic_summary(),
        }
    }
}

impl MissionKind {
    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            MissionKind::SpecialPoliticalMission => t.kind_special_political_mission(),
            MissionKind::PeacekeepingOperation => t.kind_peacekeeping_operation(),
            MissionKind::RegionalOffice => t.kind_regional_office(),
            MissionKind::EnvoyOffice => t.kind_envoy_office(),
        }
    }
}

impl StatusState {
    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            StatusState::Active => t.status_active(),
            StatusState::Closing => t.status_closing(),
            StatusState::Closed => t.status_closed(),
        }
    }
}

impl BudgetKind {
    /// Where the figure stands: "Proposed", "As reported"…
    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            BudgetKind::Proposed => t.budget_proposed(),
            BudgetKind::Approved => t.budget_approved(),
            BudgetKind::Revised => t.budget_revised(),
            BudgetKind::Reported => t.budget_reported(),
        }
    }
}

impl Measure {
    /// What the figure counts, said beside it; nothing for a head count.
    pub fn label(self, t: &Strings) -> Option<&'static str> {
        match self {
            Measure::Headcount => None,
            Measure::Authorized => Some(t.measure_authorized()),
            Measure::Posts => Some(t.measure_posts()),
            Measure::Planned => Some(t.measure_planned()),
        }
    }
}

impl LoadError {
    /// What went wrong, in the words of `t`'s language (the file name and the
    /// parser's own message stay as they are: they are what an editor needs).
    pub fn describe(&self, t: &Strings) -> String {
        match self {
            LoadError::Network { file, message } => t.load_network(file, message),
            LoadError::TimedOut { file, seconds } => t.load_timed_out(file, seconds),
            LoadError::Status { file, status: 404 } => t.load_not_found(file),
            LoadError::Status { file, status } => t.load_status(file, status),
            LoadError::Parse {
                file,
                path,
                line,
                column,
                message,
            } => {
                let field = if path == "." {
                    String::new()
                } else {
                    t.load_field(path)
                };
                format!(
                    "{}{field}{}",
                    t.load_damaged(column, file, line, message),
                    t.sentence_end()
                )
            }
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Locale::DEFAULT.strings()))
    }
}
