//! The sample reports bundled with the binary (`data/samples/`), and seeding
//! a new database with them so the map and the timeline have something to
//! show on first start.
//!
//! The reports are written for this project: they retell the kind of events
//! the Sahel wire services cover (and the five seed situations) in English
//! and French, spread over 2024-2025.

use crate::gazetteer::Gazetteer;
use crate::ingest::{IngestError, ingest_text};
use crate::store::Store;

/// One bundled report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// The file name, shown as the report's source.
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! sample {
    ($file:literal) => {
        Sample {
            name: $file,
            text: include_str!(concat!("../data/samples/", $file)),
        }
    };
}

/// Every bundled report, oldest event first.
pub const SAMPLES: &[Sample] = &[
    sample!("01-kalamba-2024-03-23.txt"),
    sample!("10-djibo-protest-2024-06-02.txt"),
    sample!("03-kpankankandi-2024-07-20.txt"),
    sample!("04-barsalogho-2024-08-24.txt"),
    sample!("06-fada-ied-2024-09-08.txt"),
    sample!("07-arbinda-ambush-2024-11-14.txt"),
    sample!("08-menaka-2025-02-03.txt"),
    sample!("09-tillaberi-2025-03-21.txt"),
    sample!("05-claims-2025-05-13.txt"),
    sample!("02-dargo-2025-07-28.txt"),
];

/// Ingests every sample report into `store`; returns how many were ingested.
/// Each report carries its own publication date, so none is passed in.
pub fn seed(store: &mut Store, gazetteer: &Gazetteer) -> Result<usize, IngestError> {
    for sample in SAMPLES {
        ingest_text(store, gazetteer, sample.name, sample.text, None)?;
    }
    Ok(SAMPLES.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_states_its_publication_date() {
        for s in SAMPLES {
            let p = crate::extract::publication_date(s.text, None);
            assert!(p.date.is_some(), "{} has no date line", s.name);
        }
    }

    #[test]
    fn sample_names_are_unique() {
        let mut names: Vec<&str> = SAMPLES.iter().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), SAMPLES.len());
    }
}
