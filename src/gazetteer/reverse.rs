//! Reverse geocoding: from a point to the places nearest it and the admin
//! units it lies in.
//!
//! Two uses. The map names what is around the spot an analyst clicks; and a
//! place whose GeoNames admin code is broken (Solle carries "x43") still
//! gets its province and region, by point-in-polygon against the bundled
//! Natural Earth outlines rather than by trusting the code.

use crate::model::{Place, distance_km};

use super::admin_name::bare_admin_name;
use super::boundary::{Outline, bundled_outlines};
use super::country::country_name;
use super::fold::fold;
use super::gazetteer::Gazetteer;

/// What lies at and around a point.
#[derive(Debug, Clone, PartialEq)]
pub struct ReverseResult {
    /// The nearest populated places, nearest first, with their distance in km.
    pub nearest: Vec<(Place, f64)>,
    /// The units the point lies in, smallest first: province, region, country.
    /// Empty when the point is outside every bundled outline.
    pub admin: Vec<String>,
}

/// The admin unit a point lies in, as codes of the admin code table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminAt {
    pub country_code: String,
    pub admin1_code: String,
    /// Empty where the outlines are regions, not provinces (outside Burkina Faso).
    pub admin2_code: String,
}

/// An outline tied to its admin code (`CC.A1` or `CC.A1.A2`).
#[derive(Debug)]
pub(super) struct UnitOutline {
    outline: Outline,
    code: String,
}

impl Gazetteer {
    /// The `n` populated places nearest (lat, lon) and the province, region
    /// and country the point lies in.
    pub fn reverse(&self, lat: f64, lon: f64, n: usize) -> ReverseResult {
        // Rank by a flat-earth distance (cheap, and in the same order as
        // the great-circle one at these scales), then measure the few kept.
        let shrink = lat.to_radians().cos();
        let mut nearest: Vec<(&Place, f64)> = self
            .all
            .iter()
            .filter(|p| p.feature_class == "P")
            .map(|p| {
                let dx = wrap(p.longitude - lon) * shrink;
                let dy = p.latitude - lat;
                (p, dx * dx + dy * dy)
            })
            .collect();
        let n = n.min(nearest.len());
        if n > 0 && n < nearest.len() {
            // Keep a margin so the flat-earth order cannot drop a place the
            // great-circle order would keep.
            let keep = (2 * n + 8).min(nearest.len());
            nearest.select_nth_unstable_by(keep - 1, |a, b| a.1.total_cmp(&b.1));
            nearest.truncate(keep);
        }
        for (p, d) in &mut nearest {
            *d = distance_km(lat, lon, p.latitude, p.longitude);
        }
        nearest.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.geonameid.cmp(&b.0.geonameid)));
        nearest.truncate(n);
        let mut admin = Vec::new();
        if let Some(at) = self.admin_at(lat, lon) {
            let (cc, a1, a2) = (&at.country_code, &at.admin1_code, &at.admin2_code);
            if let Some(name) = self.admin2_name(cc, a1, a2) {
                admin.push(name.to_string());
            }
            if let Some(name) = self.admin1_name(cc, a1) {
                admin.push(name.to_string());
            }
            admin.push(country_name(cc).unwrap_or(cc).to_string());
        }
        ReverseResult {
            nearest: nearest.into_iter().map(|(p, d)| (p.clone(), d)).collect(),
            admin,
        }
    }

    /// The admin unit whose outline contains the point, if any.
    pub fn admin_at(&self, lat: f64, lon: f64) -> Option<AdminAt> {
        let unit = self
            .outlines()
            .iter()
            .find(|u| u.outline.contains(lat, lon))?;
        let mut parts = unit.code.split('.');
        Some(AdminAt {
            country_code: parts.next().unwrap_or_default().to_string(),
            admin1_code: parts.next().unwrap_or_default().to_string(),
            admin2_code: parts.next().unwrap_or_default().to_string(),
        })
    }

    /// The bundled outlines tied to admin codes, read on first use (the
    /// files are large and most lookups never need them). An outline that
    /// cannot be tied to a code is left out.
    fn outlines(&self) -> &[UnitOutline] {
        self.outlines.get_or_init(|| {
            // The bundled files are checked by a test; should one fail to
            // read, reverse lookups name places but no admin units.
            let all = bundled_outlines().unwrap_or_default();
            all.into_iter()
                .filter_map(|outline| {
                    let code = self.code_of_outline(&outline)?;
                    Some(UnitOutline { outline, code })
                })
                .collect()
        })
    }

    /// The admin code an outline stands for: by GeoNames id, by its old-style
    /// code when that is an admin1 code, then by name in its country.
    fn code_of_outline(&self, o: &Outline) -> Option<String> {
        let cc = o.country_code.as_str();
        if let Some(code) = self.code_by_id.get(&o.geonameid)
            && code.starts_with(cc)
        {
            return Some(code.clone());
        }
        if let Some((ncc, a1)) = o.gn_code.split_once('.')
            && ncc == cc
            && self.admin1_name(cc, a1).is_some()
        {
            return Some(o.gn_code.clone());
        }
        let folded = fold(&o.name);
        let bare = bare_admin_name(&folded).0;
        let codes = self.admin_codes_by_name.get(bare)?;
        codes
            .iter()
            .filter(|c| c.starts_with(&format!("{cc}.")))
            .max_by_key(|c| c.matches('.').count())
            .cloned()
    }
}

/// A longitude difference brought into -180..180.
fn wrap(d: f64) -> f64 {
    if d > 180.0 {
        d - 360.0
    } else if d < -180.0 {
        d + 360.0
    } else {
        d
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use crate::gazetteer::gazetteer::tests::bundled_gazetteer;
    use crate::model::GeoPrecision;

    #[test]
    fn a_click_beside_kaya_names_kaya_first_and_its_province() {
        let g = bundled_gazetteer();
        let r = g.reverse(13.092, -1.085, 5);
        assert_eq!(r.nearest.len(), 5);
        assert_eq!(r.nearest[0].0.geonameid, 2359608);
        assert!(r.nearest[0].1 < 1.0);
        assert!(r.nearest.windows(2).all(|w| w[0].1 <= w[1].1));
        assert_eq!(r.admin, ["Sanmatenga", "Centre-Nord", "Burkina Faso"]);
    }

    #[test]
    fn solle_gets_loroum_and_nord_despite_its_broken_admin_code() {
        let g = bundled_gazetteer();
        let solle = g.place(10343439).unwrap();
        assert_eq!(solle.admin1_code, "x43");
        let loc = g.location(solle, GeoPrecision::Exact);
        assert_eq!(loc.admin1, "Nord");
        assert_eq!(loc.admin2, "Loroum");
    }

    #[test]
    fn a_point_in_niger_names_its_region_and_country_only() {
        let g = bundled_gazetteer();
        let r = g.reverse(14.2, 1.45, 1);
        assert_eq!(r.admin, ["Tillabéri", "Niger"]);
        // Noumbiel's outline carries a wrong id; its name ties it all the same.
        let at = g.admin_at(9.883, -2.917).unwrap();
        assert_eq!(
            g.admin2_name("BF", &at.admin1_code, &at.admin2_code),
            Some("Noumbièl")
        );
    }

    #[test]
    fn the_sea_is_in_no_admin_unit() {
        let g = bundled_gazetteer();
        let r = g.reverse(2.0, 2.0, 3);
        assert!(r.admin.is_empty());
        assert_eq!(r.nearest.len(), 3);
        assert!(g.reverse(2.0, 2.0, 0).nearest.is_empty());
    }
}
