//! The `meta` table: small facts about the database file itself, such as
//! whether the sample reports were ever seeded into it (so that deleting
//! them does not bring them back on the next start).

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};

impl Store {
    /// The value stored under `key`, if any.
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()
            .map_err(StoreError::sql("reading database metadata"))
    }

    /// Stores `value` under `key`, replacing any previous value.
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map_err(StoreError::sql("writing database metadata"))?;
        Ok(())
    }
}
