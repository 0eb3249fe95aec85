//! How far an analyst can trust an incident as the rules coded it: a level
//! (high, medium, low) and the reasons for it, so the Review mode can show
//! the shakiest codings first and say what to check.
//!
//! The rule, written so an analyst can redo it by hand:
//! - every signal that holds is one reason, listed in the order below;
//! - two reasons are enough on their own for **low**: the named place is
//!   not in the gazetteer (a larger unit was coded instead), or the text
//!   gives no date (the publication date was used); either means the point
//!   or the day on the map is a stand-in, not what the report said;
//! - otherwise the reasons add up: two or more make **low**, one makes
//!   **medium**, none makes **high**.
//!
//! The signals are plain facts the extraction stages already know; this
//! module only weighs them, so the weighing can change without touching
//! the stages and the stages can add signals without touching the rule.

use crate::model::Confidence;

/// What lowers trust in one incident's coding. `Default` is "nothing".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Signals {
    /// The village the report names is not in the gazetteer, and a coarser
    /// unit (the known place beside it, or the region) was coded instead.
    pub place_absent: bool,
    /// Other candidates in play for the place's name (namesakes in other
    /// countries, or same-name rows far apart).
    pub namesakes: usize,
    /// The day was worked out from a weekday ("on Saturday").
    pub date_from_weekday: bool,
    /// The date was taken from another sentence: a summary sentence, or
    /// counted from another event ("the next day").
    pub date_from_other_sentence: bool,
    /// No date in the text: the publication date stands in.
    pub date_from_publication: bool,
    /// Actor 1 is an Unidentified Armed Group.
    pub actor_unnamed: bool,
    /// The toll is a vague quantity ("dozens") coded at its lowest value.
    pub toll_vague: bool,
    /// The toll comes only from a claim by one side.
    pub toll_claimed: bool,
}

/// The reasons as they are stored and exported (in English, like the rest
/// of the coding); the window shows them in its own language by these.
pub mod reason {
    pub const PLACE_ABSENT: &str =
        "the place named is not in the gazetteer; a larger unit was coded";
    pub const ONE_NAMESAKE: &str = "another place has the same name";
    /// Follows the count in "3 other places have the same name".
    pub const NAMESAKES_SUFFIX: &str = " other places have the same name";
    pub const DATE_FROM_WEEKDAY: &str = "the day is worked out from a weekday";
    pub const DATE_FROM_OTHER_SENTENCE: &str = "the date comes from another sentence";
    pub const DATE_FROM_PUBLICATION: &str = "no date in the text; the publication date was used";
    pub const ACTOR_UNNAMED: &str = "the attackers are not named";
    pub const TOLL_VAGUE: &str = "the death toll is a vague quantity";
    pub const TOLL_CLAIMED: &str = "the death toll comes only from a claim";
}

/// The confidence level and its reasons (see the module header for the rule).
pub fn assess(s: &Signals) -> (Confidence, Vec<String>) {
    let mut reasons = Vec::new();
    if s.place_absent {
        reasons.push(reason::PLACE_ABSENT.into());
    }
    match s.namesakes {
        0 => {}
        1 => reasons.push(reason::ONE_NAMESAKE.into()),
        n => reasons.push(format!("{n}{}", reason::NAMESAKES_SUFFIX)),
    }
    if s.date_from_weekday {
        reasons.push(reason::DATE_FROM_WEEKDAY.into());
    }
    if s.date_from_other_sentence {
        reasons.push(reason::DATE_FROM_OTHER_SENTENCE.into());
    }
    if s.date_from_publication {
        reasons.push(reason::DATE_FROM_PUBLICATION.into());
    }
    if s.actor_unnamed {
        reasons.push(reason::ACTOR_UNNAMED.into());
    }
    if s.toll_vague {
        reasons.push(reason::TOLL_VAGUE.into());
    }
    if s.toll_claimed {
        reasons.push(reason::TOLL_CLAIMED.into());
    }
    let level = if s.place_absent || s.date_from_publication || reasons.len() >= 2 {
        Confidence::Low
    } else if reasons.len() == 1 {
        Confidence::Medium
    } else {
        Confidence::High
    };
    (level, reasons)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_wrong_is_high_with_no_reasons() {
        assert_eq!(assess(&Signals::default()), (Confidence::High, vec![]));
    }

    #[test]
    fn one_ordinary_reason_is_medium_and_says_why() {
        let (level, reasons) = assess(&Signals {
            actor_unnamed: true,
            ..Signals::default()
        });
        assert_eq!(level, Confidence::Medium);
        assert_eq!(reasons, ["the attackers are not named"]);
        let (level, reasons) = assess(&Signals {
            namesakes: 3,
            ..Signals::default()
        });
        assert_eq!(level, Confidence::Medium);
        assert_eq!(reasons, ["3 other places have the same name"]);
    }

    #[test]
    fn two_ordinary_reasons_make_low() {
        let (level, reasons) = assess(&Signals {
            date_from_weekday: true,
            toll_vague: true,
            ..Signals::default()
        });
        assert_eq!(level, Confidence::Low);
        assert_eq!(reasons.len(), 2);
    }

    #[test]
    fn an_absent_place_or_a_publication_date_is_low_on_its_own() {
        for signals in [
            Signals {
                place_absent: true,
                ..Signals::default()
            },
            Signals {
                date_from_publication: true,
                ..Signals::default()
            },
        ] {
            let (level, reasons) = assess(&signals);
            assert_eq!(level, Confidence::Low, "{signals:?}");
            assert_eq!(reasons.len(), 1, "{signals:?}");
        }
    }

    #[test]
    fn every_signal_gives_its_own_reason_in_a_fixed_order() {
        let (level, reasons) = assess(&Signals {
            place_absent: true,
            namesakes: 1,
            date_from_weekday: true,
            date_from_other_sentence: true,
            date_from_publication: true,
            actor_unnamed: true,
            toll_vague: true,
            toll_claimed: true,
        });
        assert_eq!(level, Confidence::Low);
        assert_eq!(reasons.len(), 8);
        assert!(reasons[0].contains("gazetteer"));
        assert_eq!(reasons[1], "another place has the same name");
        assert!(reasons[7].contains("claim"));
    }
}
