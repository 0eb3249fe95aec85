//! One row of GeoNames' admin code tables (`admin1CodesASCII.txt`,
//! `admin2Codes.txt`): the only place the names of regions and provinces
//! are written down for countries whose full dump is not bundled.

use serde::{Deserialize, Serialize};

/// An admin unit's code and name, e.g. `BF.08.21` "Gnagna Province".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminCode {
    /// `CC.A1` for a first-order unit, `CC.A1.A2` for a second-order one.
    pub code: String,
    pub name: String,
    pub ascii_name: String,
    pub geonameid: i64,
}

impl AdminCode {
    /// The code's parts: country, admin1 and, for second-order units, admin2.
    pub fn parts(&self) -> (&str, &str, Option<&str>) {
        let mut it = self.code.splitn(3, '.');
        let cc = it.next().unwrap_or("");
        let a1 = it.next().unwrap_or("");
        (cc, a1, it.next())
    }
}

#[cfg(test)]
mod tests {
    use super::AdminCode;

    #[test]
    fn codes_split_into_country_admin1_and_admin2() {
        let code = |c: &str| AdminCode {
            code: c.to_string(),
            name: String::new(),
            ascii_name: String::new(),
            geonameid: 1,
        };
        assert_eq!(code("BF.08.21").parts(), ("BF", "08", Some("21")));
        assert_eq!(code("TG.26").parts(), ("TG", "26", None));
    }
}
