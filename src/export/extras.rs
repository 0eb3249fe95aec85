//! What imported incidents carry beyond the model: their own ACLED `source`
//! and the ACLED columns without a model field (the `source` and `extra`
//! columns of migration 2). Loaded in one query so an export of a million
//! rows does not ask the database a million times.

use std::collections::{BTreeMap, HashMap};

use rusqlite::Connection;

use super::ExportError;
use crate::model::Incident;
use crate::store::StoredExtra;

/// The stored extras of one incident.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncidentExtra {
    /// The row's own ACLED `source` (the report name otherwise stands in).
    pub source: Option<String>,
    /// ACLED column name -> value, exactly as imported.
    pub columns: BTreeMap<String, String>,
}

impl IncidentExtra {
    /// Decodes the `source` and `extra` columns read with an incident
    /// (`Store::for_each_incident_with_extra`); `None` when both are empty.
    pub fn from_stored(stored: StoredExtra) -> Result<Option<IncidentExtra>, ExportError> {
        if stored.source.is_none() && stored.extra.is_none() {
            return Ok(None);
        }
        let columns = match stored.extra {
            Some(json) => serde_json::from_str(&json)?,
            None => BTreeMap::new(),
        };
        Ok(Some(IncidentExtra {
            source: stored.source,
            columns,
        }))
    }
}

/// Extras by incident id; incidents read from reports have none.
#[derive(Debug, Clone, Default)]
pub struct Extras(HashMap<i64, IncidentExtra>);

impl Extras {
    /// Reads every incident's extras.
    pub fn load(conn: &Connection) -> Result<Extras, ExportError> {
        let mut stmt = conn.prepare(
            "SELECT id, source, extra FROM incidents WHERE source IS NOT NULL OR extra IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        let mut map = HashMap::new();
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let source: Option<String> = row.get(1)?;
            let extra: Option<String> = row.get(2)?;
            let columns = match extra {
                Some(json) => serde_json::from_str(&json)?,
                None => BTreeMap::new(),
            };
            map.insert(id, IncidentExtra { source, columns });
        }
        Ok(Extras(map))
    }

    pub fn get(&self, id: i64) -> Option<&IncidentExtra> {
        self.0.get(&id)
    }

    /// Gives imported incidents their own row source instead of the name of
    /// the file they were imported from, for formats without an extra column.
    pub fn apply_sources(&self, incidents: &mut [Incident]) {
        for incident in incidents {
            if let Some(source) = self.get(incident.id).and_then(|e| e.source.as_ref()) {
                incident.source.clone_from(source);
            }
        }
    }
}

impl FromIterator<(i64, IncidentExtra)> for Extras {
    fn from_iter<T: IntoIterator<Item = (i64, IncidentExtra)>>(iter: T) -> Self {
        Extras(iter.into_iter().collect())
    }
}
