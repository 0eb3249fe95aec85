//! The `places` and `admin_codes` tables: the gazetteer as imported from
//! GeoNames files plus analysts' curated places.
//!
//! Imports are upserts keyed on the GeoNames id (or admin code), so loading a
//! newer dump over an older one updates rows instead of failing or doubling.
//! Places read from settlement lists have stable ids of their own
//! (`gazetteer::imported_id`), so importing the same list again replaces them.

use rusqlite::{Connection, Row, params};

use super::{Store, StoreError};
use crate::gazetteer::{AdminCode, Gazetteer};
use crate::model::{Place, PlaceOrigin};

fn place_from_row(row: &Row<'_>) -> rusqlite::Result<Place> {
    let alternate_names: String = row.get(3)?;
    let curated_source: Option<String> = row.get(12)?;
    let import_source: Option<String> = row.get(13)?;
    Ok(Place {
        geonameid: row.get(0)?,
        name: row.get(1)?,
        ascii_name: row.get(2)?,
        alternate_names: split_names(&alternate_names),
        latitude: row.get(4)?,
        longitude: row.get(5)?,
        feature_class: row.get(6)?,
        feature_code: row.get(7)?,
        country_code: row.get(8)?,
        admin1_code: row.get(9)?,
        admin2_code: row.get(10)?,
        population: row.get(11)?,
        origin: match (curated_source, import_source) {
            (Some(source), _) => PlaceOrigin::Curated { source },
            (None, Some(source)) => PlaceOrigin::Imported { source },
            (None, None) => PlaceOrigin::GeoNames,
        },
    })
}

fn admin_from_row(row: &Row<'_>) -> rusqlite::Result<AdminCode> {
    Ok(AdminCode {
        code: row.get(0)?,
        name: row.get(1)?,
        ascii_name: row.get(2)?,
        geonameid: row.get(3)?,
    })
}

/// GeoNames itself separates alternate names with commas, so no name contains one.
fn join_names(names: &[String]) -> String {
    names.join(",")
}

fn split_names(joined: &str) -> Vec<String> {
    joined
        .split(',')
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A row only ever replaces a row of its own kind: a curated place is an
/// analyst's decision, and no GeoNames or settlement-list row that happens
/// to carry its id may overwrite it (nor a curated row a GeoNames one).
fn upsert_place(conn: &Connection, place: &Place) -> Result<(), StoreError> {
    let (curated_source, import_source) = match &place.origin {
        PlaceOrigin::GeoNames => (None, None),
        PlaceOrigin::Curated { source } => (Some(source.as_str()), None),
        PlaceOrigin::Imported { source } => (None, Some(source.as_str())),
    };
    conn.execute(
        "INSERT INTO places (geonameid, name, ascii_name, alternate_names, latitude, longitude,
             feature_class, feature_code, country_code, admin1_code, admin2_code, population,
             curated_source, import_source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (geonameid) DO UPDATE SET
             name = excluded.name, ascii_name = excluded.ascii_name,
             alternate_names = excluded.alternate_names, latitude = excluded.latitude,
             longitude = excluded.longitude, feature_class = excluded.feature_class,
             feature_code = excluded.feature_code, country_code = excluded.country_code,
             admin1_code = excluded.admin1_code, admin2_code = excluded.admin2_code,
             population = excluded.population, curated_source = excluded.curated_source,
             import_source = excluded.import_source
         WHERE (places.curated_source IS NULL) = (excluded.curated_source IS NULL)",
        params![
            place.geonameid,
            place.name,
            place.ascii_name,
            join_names(&place.alternate_names),
            place.latitude,
            place.longitude,
            place.feature_class,
            place.feature_code,
            place.country_code,
            place.admin1_code,
            place.admin2_code,
            place.population,
            curated_source,
            import_source,
        ],
    )
    .map_err(StoreError::sql("saving place"))?;
    Ok(())
}

fn upsert_admin_code(conn: &Connection, admin: &AdminCode) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO admin_codes (code, name, ascii_name, geonameid) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (code) DO UPDATE SET
             name = excluded.name, ascii_name = excluded.ascii_name, geonameid = excluded.geonameid",
        params![admin.code, admin.name, admin.ascii_name, admin.geonameid],
    )
    .map_err(StoreError::sql("saving admin code"))?;
    Ok(())
}

impl Store {
    /// How many places the gazetteer holds.
    pub fn place_count(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT COUNT(*) FROM places", [], |row| row.get(0))
            .map_err(StoreError::sql("counting places"))
    }

    /// Adds or updates places and admin codes in one transaction; returns the
    /// number of rows written (places plus admin codes).
    pub fn import_gazetteer(
        &mut self,
        places: &[Place],
        admin: &[AdminCode],
    ) -> Result<usize, StoreError> {
        let tx = super::write_transaction(&mut self.conn)
            .map_err(StoreError::sql("starting gazetteer import"))?;
        for place in places {
            upsert_place(&tx, place)?;
        }
        for code in admin {
            upsert_admin_code(&tx, code)?;
        }
        tx.commit()
            .map_err(StoreError::sql("committing gazetteer import"))?;
        Ok(places.len() + admin.len())
    }

    /// Every stored place, by id.
    pub fn load_places(&self) -> Result<Vec<Place>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT geonameid, name, ascii_name, alternate_names, latitude, longitude,
                        feature_class, feature_code, country_code, admin1_code, admin2_code,
                        population, curated_source, import_source
                 FROM places ORDER BY geonameid",
            )
            .map_err(StoreError::sql("loading places"))?;
        stmt.query_map([], place_from_row)
            .and_then(Iterator::collect)
            .map_err(StoreError::sql("loading places"))
    }

    /// Every stored admin code, by code.
    pub fn load_admin_codes(&self) -> Result<Vec<AdminCode>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT code, name, ascii_name, geonameid FROM admin_codes ORDER BY code")
            .map_err(StoreError::sql("loading admin codes"))?;
        stmt.query_map([], admin_from_row)
            .and_then(Iterator::collect)
            .map_err(StoreError::sql("loading admin codes"))
    }

    /// The stored gazetteer, indexed for lookups.
    pub fn load_gazetteer(&self) -> Result<Gazetteer, StoreError> {
        Ok(Gazetteer::new(
            self.load_places()?,
            self.load_admin_codes()?,
        ))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn alternate_names_survive_joining_and_splitting() {
        let names = vec!["Djibo".to_owned(), "Jibo".to_owned()];
        assert_eq!(split_names(&join_names(&names)), names);
        assert!(split_names("").is_empty());
    }
}
