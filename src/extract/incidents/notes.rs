//! The notes text of an incident ("On 2025-07-28, JNIM attacked a military
//! base in Dargo (Kaya province); 40 killed (figure from the claim); ...").
//!
//! Always in English and in one form, since analysts read and search them
//! across reports; the parts are gathered by `finish`.

use chrono::NaiveDate;

use crate::extract::fatalities::Count;
use crate::model::{EventType, TimePrecision};

use super::{Resolved, Role};

pub(super) struct NoteParts<'a> {
    pub(super) date: NaiveDate,
    pub(super) precision: TimePrecision,
    pub(super) actor1: String,
    pub(super) actor2: Option<String>,
    pub(super) event_type: EventType,
    pub(super) military_site: bool,
    pub(super) place: &'a Resolved,
    pub(super) location_name: &'a str,
    pub(super) fatalities: Option<Count>,
    pub(super) claimed: bool,
    pub(super) looted: bool,
    pub(super) burned: bool,
    pub(super) weapons: &'a [String],
    pub(super) inferred: bool,
    pub(super) claimant: Option<String>,
}

/// "On 2025-07-28, JNIM attacked a military base in Dargo (Kaya province);
/// 40 killed (claimed); base looted and burned."
pub(super) fn notes(p: &NoteParts<'_>) -> String {
    let when = match p.precision {
        TimePrecision::Day => format!("On {}", p.date),
        _ => format!("Around {} (day not given)", p.date),
    };
    let mut where_ = match &p.place.detail {
        Some(detail) => format!("{detail}, near {}", p.location_name),
        None => p.location_name.to_string(),
    };
    if let Some(c) = p
        .place
        .context
        .as_ref()
        .filter(|_| p.place.role != Role::Admin)
    {
        where_.push_str(&format!(" ({c})"));
    }
    let what = match (p.event_type, p.military_site, &p.actor2) {
        (EventType::Battles, true, _) => "attacked a military position".to_string(),
        (EventType::StrategicDevelopments, _, _) => "were reported".to_string(),
        (EventType::Protests | EventType::Riots, _, _) => "demonstrated".to_string(),
        (_, _, Some(a2)) => format!("attacked {a2}"),
        _ => "attacked".to_string(),
    };
    let mut s = format!("{when}, {} {what} in {where_}", p.actor1);
    if p.inferred && !matches!(p.event_type, EventType::Protests | EventType::Riots) {
        s.push_str(" (actor inferred from the rest of the report)");
    }
    match p.fatalities {
        Some(Count { value: 0, .. }) => s.push_str("; no deaths reported"),
        Some(c) => {
            s.push_str(&format!("; {} killed", c.value));
            if c.vague {
                s.push_str(" (vague figure, coded low)");
            }
            if p.claimed {
                s.push_str(" (figure from the claim)");
            }
        }
        None => s.push_str("; no death toll given"),
    }
    match (p.looted, p.burned) {
        (true, true) => s.push_str("; looted and burned"),
        (true, false) => s.push_str("; property seized or looted"),
        (false, true) => s.push_str("; property burned"),
        _ => {}
    }
    if let Some(c) = &p.claimant {
        s.push_str(&format!("; claimed by {c}"));
    }
    if !p.weapons.is_empty() {
        s.push_str(&format!("; equipment named: {}", p.weapons.join(", ")));
    }
    s.push('.');
    s
}
