//! The gazetteer as the rest of the program holds it: places, their name
//! index, and the admin code tables that name regions and provinces.
//!
//! Admin units with no row of their own (cities500 carries no `A` rows, so
//! Niger's or Togo's regions exist only in `admin1CodesASCII.txt`) are added
//! as synthetic units so they can be looked up: a unit keeps the geonameid
//! of its admin code and takes the point of its seat (the `PPLA` of a
//! region, the `PPLA2` of a province; failing that, the most populous place
//! recorded in it). A unit with no place recorded in it at all is left out:
//! a point invented from nothing would be worse than no answer. We use the
//! seat rather than a centroid because no polygons live in the gazetteer,
//! and because ACLED codes a region-only event at the region's capital.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{GeoPrecision, Location, Place, PlaceOrigin};

use super::admin_code::AdminCode;
use super::admin_name::bare_admin_name;
use super::country;
use super::fold::fold;
use super::index::NameIndex;
use super::renames::{AdminRename, bundled_renames};
use super::reverse::UnitOutline;
use super::stopwords::is_common_word;

/// Places and names, ready for lookups. Build once; lookups borrow it.
#[derive(Debug)]
pub struct Gazetteer {
    /// The places given to [`Gazetteer::new`], then the synthetic units.
    pub(super) all: Vec<Place>,
    /// How many of `all` were given.
    given: usize,
    by_id: HashMap<i64, u32>,
    pub(super) index: NameIndex,
    /// `CC.A1` and `CC.A1.A2` -> the unit's bare display name ("Soum").
    admin_names: HashMap<String, String>,
    /// Folded bare admin name -> codes (`CC.A1` or `CC.A1.A2`) carrying it.
    pub(super) admin_codes_by_name: HashMap<String, Vec<String>>,
    /// Synthetic unit (index into `all`) -> the name of the seat giving its point.
    pub(super) seats: HashMap<u32, String>,
    /// Exact coordinates -> a place there, to name the points of `near`.
    by_point: HashMap<(u64, u64), u32>,
    /// Admin code geonameid -> its code (`CC.A1` or `CC.A1.A2`).
    pub(super) code_by_id: HashMap<i64, String>,
    /// (unit geonameid, folded bare name) -> why that name reaches the unit,
    /// for names given by the rename table.
    pub(super) rename_notes: HashMap<i64, Vec<(String, String)>>,
    /// Outlines tied to admin codes, read on first reverse lookup.
    pub(super) outlines: OnceLock<Vec<UnitOutline>>,
}

impl Gazetteer {
    /// Indexes the places and admin codes (see the module notes for the
    /// synthetic units added for codes without a row).
    pub fn new(places: Vec<Place>, admin_codes: Vec<AdminCode>) -> Gazetteer {
        let given = places.len();
        let mut all = places;
        let mut seats = HashMap::new();
        let mut admin_names = HashMap::new();
        let mut admin_codes_by_name: HashMap<String, Vec<String>> = HashMap::new();
        let ids: std::collections::HashSet<i64> = all.iter().map(|p| p.geonameid).collect();
        let groups = PlaceGroups::new(&all);
        let mut units = Vec::new();
        let code_by_id = admin_codes
            .iter()
            .map(|c| (c.geonameid, c.code.clone()))
            .collect();
        for code in &admin_codes {
            let display = display_bare_name(&code.name);
            admin_names.insert(code.code.clone(), display.to_string());
            for name in [&code.name, &code.ascii_name] {
                let folded = fold(name);
                let bare = bare_admin_name(&folded).0.to_string();
                let list = admin_codes_by_name.entry(bare).or_default();
                if !list.contains(&code.code) {
                    list.push(code.code.clone());
                }
            }
            if !ids.contains(&code.geonameid)
                && let Some(unit) = synthesize_unit(&groups, code)
            {
                units.push(unit);
            }
        }
        for (unit, seat) in units {
            seats.insert(u32::try_from(all.len()).unwrap_or(u32::MAX), seat);
            all.push(unit);
        }
        // The rename table is checked by a test; were it unreadable, only
        // the GeoNames names would resolve.
        let renames = bundled_renames().unwrap_or_default();
        let rename_notes =
            apply_renames(&renames, &admin_codes, &mut all, &mut admin_codes_by_name);
        let index = NameIndex::build(&all, |p| {
            (p.feature_class == "P" || p.feature_class == "A") && !is_common_word(&fold(&p.name))
        });
        let mut by_id = HashMap::with_capacity(all.len());
        let mut by_point = HashMap::with_capacity(all.len());
        for (i, p) in all.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            by_id.entry(p.geonameid).or_insert(i);
            by_point
                .entry((p.latitude.to_bits(), p.longitude.to_bits()))
                .or_insert(i);
        }
        Gazetteer {
            all,
            given,
            by_id,
            index,
            admin_names,
            admin_codes_by_name,
            seats,
            by_point,
            code_by_id,
            rename_notes,
            outlines: OnceLock::new(),
        }
    }

    /// A place by GeoNames id (curated places have negative ids). Synthetic
    /// admin units are found too, by their admin code's geonameid.
    pub fn place(&self, geonameid: i64) -> Option<&Place> {
        self.by_id
            .get(&geonameid)
            .and_then(|&i| self.all.get(i as usize))
    }

    /// How many places were given (synthetic units not counted).
    pub fn len(&self) -> usize {
        self.given
    }

    pub fn is_empty(&self) -> bool {
        self.given == 0
    }

    /// The places given to [`Gazetteer::new`], as given.
    pub fn places(&self) -> &[Place] {
        &self.all[..self.given]
    }

    /// The admin units added for admin codes that had no row.
    pub fn synthetic_units(&self) -> &[Place] {
        &self.all[self.given..]
    }

    /// A region's name as ACLED writes it ("Centre-Nord"), by country and admin1 code.
    pub fn admin1_name(&self, cc: &str, a1: &str) -> Option<&str> {
        self.admin_name_by_code(&[cc, a1])
    }

    /// A province's bare name ("Soum", not "Province du Soum").
    pub fn admin2_name(&self, cc: &str, a1: &str, a2: &str) -> Option<&str> {
        self.admin_name_by_code(&[cc, a1, a2])
    }

    /// The name under the code its parts join to with dots. Every located
    /// incident asks this three times: the key is built on the stack.
    fn admin_name_by_code(&self, parts: &[&str]) -> Option<&str> {
        let mut buf = [0u8; 64];
        let mut n = 0;
        for (i, part) in parts.iter().enumerate() {
            let dot = usize::from(i > 0);
            let Some(slot) = buf.get_mut(n..n + dot + part.len()) else {
                // An unusually long code: build the key the plain way.
                return self.admin_names.get(&parts.join(".")).map(String::as_str);
            };
            if dot == 1 {
                slot[0] = b'.';
            }
            slot[dot..].copy_from_slice(part.as_bytes());
            n += dot + part.len();
        }
        let key = std::str::from_utf8(&buf[..n]).ok()?;
        self.admin_names.get(key).map(String::as_str)
    }

    /// A country's English name by ISO code.
    pub fn country_name(cc: &str) -> Option<&'static str> {
        country::country_name(cc)
    }

    /// The ISO code for a country name or adjective ("Togolese" -> "TG").
    pub fn find_country(&self, name: &str) -> Option<&'static str> {
        country::find_country(name)
    }

    /// Whether a folded name is a known place name (and not a common word).
    pub fn is_place_name(&self, folded: &str) -> bool {
        self.index.contains(folded) && !is_common_word(folded)
    }

    /// The place as an incident location, with country, region and province
    /// names filled in. Admin units are named without their unit word; an
    /// unknown country code is kept as the country name rather than lost.
    pub fn location(&self, place: &Place, precision: GeoPrecision) -> Location {
        let name = if place.feature_class == "A" {
            display_bare_name(&place.name).to_string()
        } else {
            place.name.clone()
        };
        let cc = place.country_code.as_str();
        let (mut a1, mut a2) = (place.admin1_code.clone(), place.admin2_code.clone());
        if self.admin1_name(cc, &a1).is_none() {
            // A broken code ("x43"): trust the point, not the code.
            if let Some(at) = self
                .admin_at(place.latitude, place.longitude)
                .filter(|at| at.country_code == cc)
            {
                a1 = at.admin1_code;
                a2 = at.admin2_code;
            }
        }
        Location {
            name,
            place_id: Some(place.geonameid),
            latitude: place.latitude,
            longitude: place.longitude,
            country: country::country_name(cc).unwrap_or(cc).to_string(),
            country_code: cc.to_string(),
            admin1: self.admin1_name(cc, &a1).unwrap_or_default().to_string(),
            admin2: self
                .admin2_name(cc, &a1, &a2)
                .unwrap_or_default()
                .to_string(),
            geo_precision: precision,
        }
    }

    /// The place exactly at a point, if any (to name a `near` point).
    pub(super) fn place_at(&self, lat: f64, lon: f64) -> Option<&Place> {
        self.by_point
            .get(&(lat.to_bits(), lon.to_bits()))
            .and_then(|&i| self.all.get(i as usize))
    }
}

/// Makes the old and the new name of each renamed unit reach it: as an
/// alternate name of its row, and as a name of its admin code. Returns the
/// reason each added name reads with.
fn apply_renames(
    renames: &[AdminRename],
    admin_codes: &[AdminCode],
    all: &mut [Place],
    admin_codes_by_name: &mut HashMap<String, Vec<String>>,
) -> HashMap<i64, Vec<(String, String)>> {
    let mut notes: HashMap<i64, Vec<(String, String)>> = HashMap::new();
    let row_of: HashMap<i64, usize> = all
        .iter()
        .enumerate()
        .filter(|(_, p)| p.feature_class == "A")
        .map(|(i, p)| (p.geonameid, i))
        .collect();
    for rename in renames {
        for code in admin_codes {
            let (cc, _, _) = code.parts();
            if cc != rename.country_code || code.code.matches('.').count() != rename.code_dots() {
                continue;
            }
            let named = [&code.name, &code.ascii_name]
                .iter()
                .any(|n| rename.names(bare_admin_name(&fold(n)).0));
            if !named {
                continue;
            }
            for name in [&rename.old_name, &rename.new_name] {
                let folded = fold(name);
                let list = admin_codes_by_name.entry(folded.clone()).or_default();
                if !list.contains(&code.code) {
                    list.push(code.code.clone());
                }
                notes
                    .entry(code.geonameid)
                    .or_default()
                    .push((folded.clone(), rename.reason()));
                if let Some(&i) = row_of.get(&code.geonameid) {
                    let row = &mut all[i];
                    let known = std::iter::once(&row.name)
                        .chain(&row.alternate_names)
                        .any(|n| bare_admin_name(&fold(n)).0 == folded);
                    if !known {
                        row.alternate_names.push(name.clone());
                    }
                }
            }
        }
    }
    notes
}

/// Populated places grouped by the admin unit they lie in, so finding a
/// unit's seat costs one hash probe rather than a scan of every place.
struct PlaceGroups<'a> {
    by_unit: HashMap<(&'a str, &'a str, &'a str), Vec<&'a Place>>,
}

impl<'a> PlaceGroups<'a> {
    fn new(places: &'a [Place]) -> PlaceGroups<'a> {
        let mut by_unit: HashMap<_, Vec<&Place>> = HashMap::new();
        for p in places.iter().filter(|p| p.feature_class == "P") {
            let (cc, a1) = (p.country_code.as_str(), p.admin1_code.as_str());
            by_unit.entry((cc, a1, "")).or_default().push(p);
            if !p.admin2_code.is_empty() {
                by_unit
                    .entry((cc, a1, p.admin2_code.as_str()))
                    .or_default()
                    .push(p);
            }
        }
        PlaceGroups { by_unit }
    }
}

/// The admin unit an admin code stands for, placed at its seat, with the
/// seat's name; `None` when no place is recorded in the unit.
fn synthesize_unit(groups: &PlaceGroups<'_>, code: &AdminCode) -> Option<(Place, String)> {
    let (cc, a1, a2) = code.parts();
    let inside = groups.by_unit.get(&(cc, a1, a2.unwrap_or_default()))?;
    let seat_codes: &[&str] = if a2.is_some() {
        &["PPLA2"]
    } else {
        &["PPLA", "PPLC"]
    };
    let seat = seat_codes
        .iter()
        .find_map(|code| inside.iter().find(|p| p.feature_code == *code))
        .or_else(|| inside.iter().max_by_key(|p| p.population))?;
    let unit = Place {
        geonameid: code.geonameid,
        name: code.name.clone(),
        ascii_name: code.ascii_name.clone(),
        alternate_names: Vec::new(),
        latitude: seat.latitude,
        longitude: seat.longitude,
        feature_class: "A".to_string(),
        feature_code: if a2.is_some() { "ADM2" } else { "ADM1" }.to_string(),
        country_code: cc.to_string(),
        admin1_code: a1.to_string(),
        admin2_code: a2.unwrap_or_default().to_string(),
        population: 0,
        origin: PlaceOrigin::GeoNames,
    };
    Some((unit, seat.name.clone()))
}

/// An admin unit's name without its unit word, keeping the original
/// spelling: "Province du Sanguié" -> "Sanguié", "Gnagna Province" -> "Gnagna".
pub fn display_bare_name(name: &str) -> &str {
    let folded = fold(name);
    let (bare, word) = bare_admin_name(&folded);
    if word.is_none() {
        return name;
    }
    // Find the run of whole words whose fold is the bare name.
    let starts: Vec<usize> = word_bounds(name).map(|(s, _)| s).collect();
    let ends: Vec<usize> = word_bounds(name).map(|(_, e)| e).collect();
    for &s in &starts {
        for &e in ends.iter().rev() {
            if e > s && fold(&name[s..e]) == bare {
                return &name[s..e];
            }
        }
    }
    name
}

/// Byte ranges of whitespace-separated words.
fn word_bounds(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    s.split_whitespace().map(move |w| {
        let start = w.as_ptr() as usize - s.as_ptr() as usize;
        (start, start + w.len())
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::gazetteer::bundled;
    use std::sync::OnceLock;

    pub(crate) fn bundled_gazetteer() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(|| {
            let (places, codes) = bundled().unwrap();
            Gazetteer::new(places, codes)
        })
    }

    #[test]
    fn admin_names_are_bare_as_acled_writes_them() {
        let g = bundled_gazetteer();
        assert_eq!(g.admin1_name("BF", "05"), Some("Centre-Nord"));
        assert_eq!(g.admin2_name("BF", "05", "70"), Some("Sanmatenga"));
        assert_eq!(g.admin2_name("BF", "08", "21"), Some("Gnagna"));
        assert_eq!(g.admin2_name("BF", "12", "40"), Some("Soum"));
        assert_eq!(g.admin2_name("BF", "10", "62"), Some("Loroum"));
        assert_eq!(g.admin1_name("BF", "99"), None);
        assert_eq!(display_bare_name("Province du Sanguié"), "Sanguié");
        assert_eq!(display_bare_name("Kpendjal"), "Kpendjal");
    }

    #[test]
    fn a_location_carries_country_region_and_province() {
        let g = bundled_gazetteer();
        let kaya = g.place(2359608).unwrap();
        let loc = g.location(kaya, GeoPrecision::Near);
        assert_eq!(loc.name, "Kaya");
        assert_eq!(loc.place_id, Some(2359608));
        assert_eq!((loc.latitude, loc.longitude), (13.09167, -1.08444));
        assert_eq!(loc.country, "Burkina Faso");
        assert_eq!(loc.country_code, "BF");
        assert_eq!(loc.admin1, "Centre-Nord");
        assert_eq!(loc.admin2, "Sanmatenga");
        assert_eq!(loc.geo_precision, GeoPrecision::Near);
        let gnagna = g.place(2360516).unwrap();
        assert_eq!(g.location(gnagna, GeoPrecision::Region).name, "Gnagna");
    }

    #[test]
    fn regions_without_a_row_sit_at_their_seat() {
        let g = bundled_gazetteer();
        // Savanes (Togo) has no row in cities500; its seat is Dapaong (PPLA).
        let savanes = g.place(2364205).unwrap();
        assert_eq!(savanes.feature_code, "ADM1");
        assert_eq!((savanes.latitude, savanes.longitude), (10.86225, 0.20762));
        assert!(g.synthetic_units().iter().any(|u| u.geonameid == 2364205));
        assert!(g.places().iter().all(|p| p.geonameid != 2364205));
        // Burkina Faso's regions have rows of their own: nothing synthesized.
        assert!(g.synthetic_units().iter().all(|u| u.geonameid != 6930706));
    }

    #[test]
    fn place_names_are_known_but_common_words_are_not() {
        let g = bundled_gazetteer();
        assert!(g.is_place_name("kaya"));
        assert!(g.is_place_name("fada ngourma"));
        assert!(!g.is_place_name("sunday"));
        assert!(!g.is_place_name("the"));
        assert!(g.len() > 19_000 && !g.is_empty());
        assert_eq!(Gazetteer::country_name("TG"), Some("Togo"));
        assert_eq!(g.find_country("Burkinabe"), Some("BF"));
    }
}
