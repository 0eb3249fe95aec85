//! The toolbar's Undo: the last deletion, acceptance (the Review mode's
//! `A`), or run of corrections to one incident (a move to another place
//! included). Fields are saved at every
//! valid keystroke, so the corrections to one incident in a row are one
//! step: Undo puts the incident back as it was before the first of them.

use crate::app::i18n::tr_args;
use crate::model::{Field, Incident, IncidentData};

/// What Undo would take back.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// An incident deleted; Undo puts it back whole.
    Delete(Incident),
    /// An incident accepted (marked reviewed); Undo marks it unreviewed.
    Accept(Incident),
    /// Corrections to an incident; `before` is how it was before the first,
    /// with the fields that were already marked as corrected then.
    Edit {
        before: Incident,
        edited: Vec<Field>,
    },
}

impl Undo {
    /// The step after correcting `before` (whose corrected fields were
    /// `edited`), given the step that was pending: corrections to the same
    /// incident in a row stay one step back to the first state.
    pub fn after_edit(pending: Option<Undo>, before: Incident, edited: Vec<Field>) -> Undo {
        match pending {
            Some(Undo::Edit {
                before: first,
                edited,
            }) if first.id == before.id => Undo::Edit {
                before: first,
                edited,
            },
            _ => Undo::Edit { before, edited },
        }
    }

    /// The incident the step concerns, as it was.
    pub fn incident(&self) -> &Incident {
        match self {
            Undo::Delete(incident)
            | Undo::Accept(incident)
            | Undo::Edit {
                before: incident, ..
            } => incident,
        }
    }

    /// What the toolbar says next to the Undo button.
    pub fn label(&self) -> String {
        let data: &IncidentData = &self.incident().data;
        let key = match self {
            Undo::Delete(_) => "undo-deleted",
            Undo::Accept(_) => "undo-accepted",
            Undo::Edit { .. } => "undo-edited",
        };
        tr_args(
            key,
            &[
                ("type", data.event_type.label().into()),
                ("place", data.location.name.as_str().into()),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::app::tests::incident;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 3, d).unwrap_or_default()
    }

    #[test]
    fn corrections_to_one_incident_in_a_row_undo_back_to_the_first_state() {
        let first = incident(1, day(1));
        let mut second = first.clone();
        second.data.fatalities = Some(3);
        let step = Undo::after_edit(None, first.clone(), vec![]);
        let step = Undo::after_edit(Some(step), second, vec![Field::Fatalities]);
        assert_eq!(
            step,
            Undo::Edit {
                before: first,
                edited: vec![]
            }
        );
    }

    #[test]
    fn a_correction_to_another_incident_or_after_a_delete_starts_a_new_step() {
        let one = incident(1, day(1));
        let two = incident(2, day(2));
        let step = Undo::after_edit(None, one.clone(), vec![]);
        let step = Undo::after_edit(Some(step), two.clone(), vec![Field::Notes]);
        assert_eq!(step.incident().id, 2);
        let step = Undo::after_edit(Some(Undo::Delete(one)), two, vec![]);
        assert!(matches!(step, Undo::Edit { .. }));
        assert!(step.label().starts_with("Edited "), "{}", step.label());
    }
}
