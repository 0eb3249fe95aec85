//! Admin units that changed name after the GeoNames data was written.
//!
//! Burkina Faso's 2025 territorial reform renamed every region ("Centre-Nord"
//! became "Kuilsé", "Sahel" became "Liptako") and four provinces. Reports
//! from before and after the reform must land on the same unit, so each row
//! of `data/gazetteer/admin-renames.tsv` makes both names resolve to the unit
//! of the admin code tables that carries either of them.

use super::error::GazetteerError;
use super::fold::fold;

const BUNDLED: &str = include_str!("../../data/gazetteer/admin-renames.tsv");
const ORIGIN: &str = "data/gazetteer/admin-renames.tsv";

/// One renamed unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminRename {
    pub old_name: String,
    pub new_name: String,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    /// `ADM1` (region) or `ADM2` (province).
    pub level: String,
    /// Where the rename comes from, and what else changed with it.
    pub source: String,
}

impl AdminRename {
    /// How many dots the unit's admin code has (`BF.05` one, `BF.05.70` two).
    pub fn code_dots(&self) -> usize {
        if self.level == "ADM1" { 1 } else { 2 }
    }

    /// Whether a folded bare unit name is this unit's old or new name.
    pub fn names(&self, folded_bare: &str) -> bool {
        fold(&self.old_name) == folded_bare || fold(&self.new_name) == folded_bare
    }

    /// How the rename reads in a candidate's reasons.
    pub fn reason(&self) -> String {
        format!(
            "{} was renamed {} ({})",
            self.old_name, self.new_name, self.source
        )
    }
}

/// The bundled rename table.
pub fn bundled_renames() -> Result<Vec<AdminRename>, GazetteerError> {
    parse_renames(BUNDLED, ORIGIN)
}

/// Reads a rename table: five tab-separated columns, `#` comments.
pub fn parse_renames(text: &str, origin: &str) -> Result<Vec<AdminRename>, GazetteerError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() != 5 {
            return Err(GazetteerError::Columns {
                origin: origin.to_string(),
                line: line_no,
                expected: "5",
                found: cols.len(),
            });
        }
        for (k, field) in [(0, "old name"), (1, "new name"), (2, "country code")] {
            if cols[k].is_empty() {
                return Err(GazetteerError::Empty {
                    origin: origin.to_string(),
                    line: line_no,
                    field,
                });
            }
        }
        if !matches!(cols[3], "ADM1" | "ADM2") {
            return Err(GazetteerError::AdminCode {
                origin: origin.to_string(),
                line: line_no,
                code: cols[3].to_string(),
            });
        }
        out.push(AdminRename {
            old_name: cols[0].to_string(),
            new_name: cols[1].to_string(),
            country_code: cols[2].to_string(),
            level: cols[3].to_string(),
            source: cols[4].to_string(),
        });
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::gazetteer::gazetteer::tests::bundled_gazetteer;

    #[test]
    fn the_bundled_table_renames_all_thirteen_burkina_regions() {
        let all = bundled_renames().unwrap();
        let burkina = |r: &&AdminRename| r.level == "ADM1" && r.country_code == "BF";
        assert_eq!(all.iter().filter(burkina).count(), 13);
        // Spellings of neighbours' units ride on the same table.
        assert!(
            all.iter()
                .any(|r| r.new_name == "Atacora" && r.country_code == "BJ")
        );
        assert!(
            all.iter()
                .any(|r| r.old_name == "Soum" && r.new_name == "Djelgodji")
        );
    }

    #[test]
    fn a_bad_row_names_its_line() {
        let err = parse_renames("# c\nA\tB\tBF\tADM1\n", "r.tsv").unwrap_err();
        assert_eq!(err.line(), 2);
        let err = parse_renames("A\tB\tBF\tADM9\tx\n", "r.tsv").unwrap_err();
        assert!(err.to_string().contains("ADM9"));
    }

    #[test]
    fn old_and_new_region_names_reach_the_same_unit() {
        let g = bundled_gazetteer();
        for (old, new) in [
            ("Centre-Nord", "Kuilsé"),
            ("Sahel", "Liptako"),
            ("Est", "Goulmou"),
            ("Boucle du Mouhoun", "Bankui"),
            ("Nord", "Yaadga"),
            ("Centre-Est", "Nakambé"),
            ("Hauts-Bassins", "Guiriko"),
            ("Cascades", "Tannounyan"),
            ("Centre-Ouest", "Nando"),
            ("Centre-Sud", "Nazinon"),
            ("Plateau-Central", "Oubri"),
            ("Sud-Ouest", "Djôrô"),
        ] {
            let a = g.lookup_admin(&format!("{old} region"), Some("BF"));
            let b = g.lookup_admin(&format!("région {new}"), Some("BF"));
            assert_eq!(a[0].place.feature_code, "ADM1", "{old}");
            assert_eq!(a[0].place.geonameid, b[0].place.geonameid, "{old} / {new}");
            assert!(
                b[0].reasons.iter().any(|r| r.contains("renamed")),
                "{new}: {:?}",
                b[0].reasons
            );
        }
        let old = g.lookup_admin("Sanmatenga", Some("BF"));
        let new = g.lookup_admin("province du Sandbondtenga", Some("BF"));
        assert_eq!(old[0].place.geonameid, new[0].place.geonameid);
    }
}
