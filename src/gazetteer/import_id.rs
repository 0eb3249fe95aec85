//! Ids for places read from settlement lists (OpenStreetMap extracts,
//! OCHA/HDX tables).
//!
//! Three kinds of place share one id column: GeoNames rows (positive, below
//! 100,000,000), analysts' curated places (the bundled supplement's small
//! negatives, and hashes between -10^9 and -10^12: `curated::curated_id`)
//! and imported places. An imported place's id is a hash of what makes it
//! itself in its list (the OSM node id; or the name and the point, rounded to
//! about ten metres, for a table) folded into its own range below
//! -1,000,000,000,000. So the same list imported twice upserts the same ids
//! (it replaces rather than doubles), and no import can ever overwrite a
//! GeoNames row or a curated place.

use sha2::{Digest, Sha256};

/// The highest (closest to zero) id an imported place can have.
pub const IMPORTED_ID_MAX: i64 = -1_000_000_000_000;

/// How many ids the range holds: 2^52, so every id is still exact as a
/// JSON number (a double) in `geocode --json` and in any GIS reading it.
const IMPORTED_ID_SPAN: u64 = 1 << 52;

/// The kind of list a place came from, part of the hash so that an OSM
/// node and a table row can never share an id by accident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    /// An OpenStreetMap node, keyed by its node id.
    Osm,
    /// A row of a settlement table, keyed by its name and point.
    Table,
}

impl ImportKind {
    fn tag(self) -> &'static [u8] {
        match self {
            ImportKind::Osm => b"osm",
            ImportKind::Table => b"table",
        }
    }
}

/// The stable id of an imported place: `key` is what identifies it in its
/// list (an OSM node id, a folded name); the point is rounded to four
/// decimals (about 11 m) so that a list re-exported with more digits keeps
/// its ids.
pub fn imported_id(kind: ImportKind, key: &str, lat: f64, lon: f64) -> i64 {
    let mut hash = Sha256::new();
    hash.update(kind.tag());
    hash.update([0]);
    hash.update(key.as_bytes());
    hash.update([0]);
    hash.update(format!("{:.4},{:.4}", lat, lon).as_bytes());
    let digest = hash.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    let offset = u64::from_be_bytes(first) % IMPORTED_ID_SPAN;
    // offset < 2^52, so it fits an i64 and the subtraction cannot overflow.
    IMPORTED_ID_MAX - 1 - i64::try_from(offset).unwrap_or(0)
}

/// Whether an id belongs to an imported place.
pub fn is_imported_id(id: i64) -> bool {
    id <= IMPORTED_ID_MAX
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_place_gets_the_same_id_every_time() {
        let a = imported_id(ImportKind::Table, "boulkessi", 14.66, -1.27);
        assert_eq!(a, imported_id(ImportKind::Table, "boulkessi", 14.66, -1.27));
        // Digits beyond ten metres do not change the id.
        assert_eq!(
            a,
            imported_id(ImportKind::Table, "boulkessi", 14.660_001, -1.270_004)
        );
        assert_ne!(a, imported_id(ImportKind::Table, "boulkessi", 14.7, -1.27));
        assert_ne!(a, imported_id(ImportKind::Osm, "boulkessi", 14.66, -1.27));
    }

    #[test]
    fn imported_ids_never_meet_geonames_or_curated_ids() {
        for i in 0..2_000 {
            let id = imported_id(ImportKind::Osm, &i.to_string(), 0.0, 0.0);
            assert!(is_imported_id(id), "{id}");
            assert!(id > -(1i64 << 53), "{id} stays exact as a double");
        }
        assert!(!is_imported_id(-1));
        assert!(!is_imported_id(-999_999));
        assert!(!is_imported_id(2_359_608));
        let curated = crate::gazetteer::curated_id("a map", "Kalamba", 13.15, -1.02);
        assert!(!is_imported_id(curated));
        assert!(!is_imported_id(
            super::super::curated::CURATED_ID_MAX - (1 << 39)
        ));
    }
}
