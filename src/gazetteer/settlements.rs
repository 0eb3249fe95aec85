//! Settlement tables of the kind humanitarian offices publish (the OCHA/HDX
//! "populated places" lists): CSV, GeoJSON or GeoPackage, one settlement a
//! row, with a name, a point and perhaps its admin units.
//!
//! Every office names its columns differently ("featureNam", "Nom",
//! "LAT"/"LONG", "admin1Name_fr"), so the analyst names them with flags;
//! left unnamed, a column is looked for under the usual names. In a GeoJSON
//! or GeoPackage file the geometry gives the point unless latitude and
//! longitude columns are named.

use std::path::Path;

use super::gazetteer::Gazetteer;
use super::gpkg_read::read_gpkg;
use super::import_error::PlaceImportError;
use super::import_id::ImportKind;
use super::imported::{ImportedPlaces, Settlement, Skipped};
use super::table::{Table, read_csv, read_geojson};

/// Which columns hold what, as the analyst named them (`None`: guess).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableColumns {
    pub name: Option<String>,
    pub lat: Option<String>,
    pub lon: Option<String>,
    /// Columns of other names (values may be `;`-separated).
    pub alternates: Vec<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    /// The country of every row (ISO code or name); beats `country_column`.
    pub country: Option<String>,
    pub country_column: Option<String>,
    /// The GeoPackage layer [default: the first feature table].
    pub layer: Option<String>,
}

/// The file kinds a settlement table comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    GeoJson,
    GeoPackage,
}

impl TableFormat {
    /// By extension, else by the first bytes: SQLite's header for a
    /// GeoPackage, a `{` for GeoJSON, anything else CSV.
    pub fn detect(path: &Path, head: &[u8]) -> TableFormat {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("gpkg") => TableFormat::GeoPackage,
            Some("geojson" | "json") => TableFormat::GeoJson,
            Some("csv" | "tsv") => TableFormat::Csv,
            _ if head.starts_with(b"SQLite format 3\0") => TableFormat::GeoPackage,
            _ if head
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|&b| b == b'{') =>
            {
                TableFormat::GeoJson
            }
            _ => TableFormat::Csv,
        }
    }
}

/// The usual names of each column, compared without case, spaces or
/// punctuation (HDX writes "featureNam" and "admin1Name_fr").
const NAME_COLUMNS: &[&str] = &[
    "name",
    "nom",
    "featurename",
    "featurenam",
    "placename",
    "localityname",
    "locality",
    "localite",
    "village",
    "settlement",
    "namefr",
    "nomfr",
    "nameen",
];
const LAT_COLUMNS: &[&str] = &["lat", "latitude", "y", "latdd", "laty", "ycoord"];
const LON_COLUMNS: &[&str] = &[
    "lon",
    "long",
    "lng",
    "longitude",
    "x",
    "londd",
    "lonx",
    "xcoord",
];
const ADMIN1_COLUMNS: &[&str] = &[
    "admin1name",
    "admin1namefr",
    "admin1nameen",
    "adm1name",
    "adm1fr",
    "adm1en",
    "admin1",
    "adm1",
    "region",
];
const ADMIN2_COLUMNS: &[&str] = &[
    "admin2name",
    "admin2namefr",
    "admin2nameen",
    "adm2name",
    "adm2fr",
    "adm2en",
    "admin2",
    "adm2",
    "cercle",
    "province",
    "prefecture",
];
const COUNTRY_COLUMNS: &[&str] = &[
    "admin0pcode",
    "adm0pcode",
    "countrycode",
    "iso2",
    "country",
    "pays",
    "admin0name",
    "adm0name",
];

fn squash(column: &str) -> String {
    column
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The chosen column of each kind, as indexes into the table's columns.
struct Chosen {
    name: usize,
    /// Latitude and longitude columns; `None` to use the geometry.
    point: Option<(usize, usize)>,
    alternates: Vec<usize>,
    admin1: Option<usize>,
    admin2: Option<usize>,
    country: Option<usize>,
}

fn choose(table: &Table, wanted: &TableColumns, file: &str) -> Result<Chosen, PlaceImportError> {
    let available = || table.columns.join(", ");
    // A named column must exist: a typo should fail, not import nothing.
    let named = |column: &String, what: &'static str| {
        table
            .columns
            .iter()
            .position(|c| c == column)
            .or_else(|| {
                table
                    .columns
                    .iter()
                    .position(|c| c.eq_ignore_ascii_case(column))
            })
            .ok_or_else(|| PlaceImportError::NoSuchColumn {
                file: file.to_string(),
                column: column.clone(),
                what,
                available: available(),
            })
    };
    let guessed = |usual: &[&str]| {
        let squashed: Vec<String> = table.columns.iter().map(|c| squash(c)).collect();
        usual
            .iter()
            .find_map(|u| squashed.iter().position(|c| c == u))
    };
    let pick = |column: &Option<String>, what: &'static str, usual: &[&str]| match column {
        Some(c) => named(c, what).map(Some),
        None => Ok(guessed(usual)),
    };
    let not_found = |what: &'static str, flag: &'static str| PlaceImportError::ColumnNotFound {
        file: file.to_string(),
        what,
        flag,
        available: available(),
    };
    let name =
        pick(&wanted.name, "name", NAME_COLUMNS)?.ok_or_else(|| not_found("name", "--name-col"))?;
    let named_point = wanted.lat.is_some() || wanted.lon.is_some();
    let point = if table.has_geometry && !named_point {
        None
    } else {
        let lat = pick(&wanted.lat, "latitude", LAT_COLUMNS)?
            .ok_or_else(|| not_found("latitude", "--lat-col"))?;
        let lon = pick(&wanted.lon, "longitude", LON_COLUMNS)?
            .ok_or_else(|| not_found("longitude", "--lon-col"))?;
        Some((lat, lon))
    };
    let alternates = wanted
        .alternates
        .iter()
        .map(|c| named(c, "alternate names"))
        .collect::<Result<_, _>>()?;
    // With the country given for the whole file, no column is guessed.
    let country = match (&wanted.country, &wanted.country_column) {
        (Some(_), _) => None,
        (None, column) => pick(column, "country", COUNTRY_COLUMNS)?,
    };
    Ok(Chosen {
        name,
        point,
        alternates,
        admin1: pick(&wanted.admin1, "admin1", ADMIN1_COLUMNS)?,
        admin2: pick(&wanted.admin2, "admin2", ADMIN2_COLUMNS)?,
        country,
    })
}

/// A coordinate as a table writes it; a decimal comma ("14,66", French
/// spreadsheets) is read as a point. `NaN` when it is not a number.
fn coordinate(text: &str) -> f64 {
    let text = text.trim();
    let parsed = if text.contains(',') && !text.contains('.') && text.matches(',').count() == 1 {
        text.replace(',', ".").parse()
    } else {
        text.parse()
    };
    parsed.unwrap_or(f64::NAN)
}

impl Gazetteer {
    /// Reads a settlement table. `file` names it in errors; `source` is what
    /// each place's origin will say.
    pub fn read_settlement_table(
        &self,
        path: &Path,
        file: &str,
        source: &str,
        columns: &TableColumns,
    ) -> Result<ImportedPlaces, PlaceImportError> {
        let io = |source| PlaceImportError::Io {
            file: file.to_string(),
            source,
        };
        let mut head = [0u8; 16];
        let n = std::fs::File::open(path)
            .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
            .map_err(io)?;
        let table = match TableFormat::detect(path, &head[..n]) {
            TableFormat::GeoPackage => read_gpkg(path, file, columns.layer.as_deref())?,
            TableFormat::GeoJson => read_geojson(&std::fs::read(path).map_err(io)?, file)?,
            TableFormat::Csv => read_csv(&std::fs::read(path).map_err(io)?, file)?,
        };
        self.settle_table(&table, file, source, columns)
    }

    /// The places of a table already read.
    pub(super) fn settle_table(
        &self,
        table: &Table,
        file: &str,
        source: &str,
        columns: &TableColumns,
    ) -> Result<ImportedPlaces, PlaceImportError> {
        let chosen = choose(table, columns, file)?;
        let mut places = Vec::with_capacity(table.rows.len());
        let mut skipped = Skipped::default();
        for row in &table.rows {
            let value = |i: usize| row.values.get(i).map_or("", |v| v.trim());
            let optional =
                |i: Option<usize>| i.map(value).filter(|v| !v.is_empty()).map(str::to_string);
            let (latitude, longitude) = match chosen.point {
                Some((lat, lon)) => (coordinate(value(lat)), coordinate(value(lon))),
                None => row.point.unwrap_or((f64::NAN, f64::NAN)),
            };
            let settlement = Settlement {
                key: None,
                name: value(chosen.name).to_string(),
                alternate_names: chosen
                    .alternates
                    .iter()
                    .flat_map(|&i| value(i).split(';'))
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .collect(),
                latitude,
                longitude,
                country: columns.country.clone().or_else(|| optional(chosen.country)),
                fallback_country: None,
                admin1: optional(chosen.admin1),
                admin2: optional(chosen.admin2),
                population: 0,
                feature_code: "PPL".to_string(),
            };
            match self.settle(settlement, ImportKind::Table, source) {
                Ok(place) => places.push(place),
                Err(reason) => skipped.add(reason, row.number),
            }
        }
        ImportedPlaces::or_nothing_valid(
            places,
            skipped,
            file,
            source,
            "the file has no rows",
            "row",
        )
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::gazetteer::gazetteer::tests::bundled_gazetteer;
    use crate::gazetteer::imported::SkipReason;

    fn csv_file(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn an_hdx_style_csv_imports_with_guessed_columns_and_skips_bad_rows() {
        let g = bundled_gazetteer();
        let dir = tempfile::tempdir().unwrap();
        let path = csv_file(
            dir.path(),
            "mli_pplp.csv",
            "\u{feff}featureNam;LAT;LONG;admin1Name_fr;admin0Pcode\n\
             Boulkessi;14,6612;-1,2714;Mopti;ML\n\
             ;14.5;-4.2;Mopti;ML\n\
             Faraway;95;-4.2;Mopti;ML\n\
             Sari;abc;-4.2;Mopti;ML\n",
        );
        let read = g
            .read_settlement_table(
                &path,
                "mli_pplp.csv",
                "mli_pplp.csv",
                &TableColumns::default(),
            )
            .unwrap();
        assert_eq!(read.places.len(), 1);
        let b = &read.places[0];
        assert_eq!(b.name, "Boulkessi");
        assert_eq!((b.latitude, b.longitude), (14.6612, -1.2714));
        assert_eq!(b.country_code, "ML");
        assert_eq!(g.admin1_name("ML", &b.admin1_code), Some("Mopti"));
        assert_eq!(read.skipped.total(), 3);
        assert_eq!(
            read.skipped.to_string(),
            "1 without a name (row 3), 1 without a usable latitude and longitude (row 5), \
             1 with a point outside -90..90 / -180..180 (row 4)"
        );
    }

    #[test]
    fn named_columns_must_exist_and_a_file_of_bad_rows_fails() {
        let g = bundled_gazetteer();
        let dir = tempfile::tempdir().unwrap();
        let path = csv_file(dir.path(), "v.csv", "village,y,x\nSari,14.5,-4.2\n");
        let columns = TableColumns {
            name: Some("Nom".into()),
            ..TableColumns::default()
        };
        let err = g
            .read_settlement_table(&path, "v.csv", "v.csv", &columns)
            .unwrap_err();
        assert!(
            err.to_string().contains("no column \"Nom\" for the name"),
            "{err}"
        );
        let path = csv_file(dir.path(), "w.csv", "title,y,x\nSari,14.5,-4.2\n");
        let err = g
            .read_settlement_table(&path, "w.csv", "w.csv", &TableColumns::default())
            .unwrap_err();
        assert!(err.to_string().contains("--name-col"), "{err}");
        let path = csv_file(dir.path(), "z.csv", "name,lat,lon\n,14.5,-4.2\nX,100,0\n");
        let err = g
            .read_settlement_table(&path, "z.csv", "z.csv", &TableColumns::default())
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("z.csv: no place could be imported"),
            "{err}"
        );
    }

    #[test]
    fn geojson_points_and_a_country_flag_place_the_rows() {
        let g = bundled_gazetteer();
        let dir = tempfile::tempdir().unwrap();
        let path = csv_file(
            dir.path(),
            "v.geojson",
            r#"{"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"NOM":"Sari","autres":"Sare;Saré"},
               "geometry":{"type":"Point","coordinates":[-4.2,14.5]}},
              {"type":"Feature","properties":{"NOM":"Polygone"},
               "geometry":{"type":"Polygon","coordinates":[]}}]}"#,
        );
        let columns = TableColumns {
            name: Some("nom".into()),
            alternates: vec!["autres".into()],
            country: Some("ML".into()),
            ..TableColumns::default()
        };
        let read = g
            .read_settlement_table(&path, "v.geojson", "HDX", &columns)
            .unwrap();
        assert_eq!(read.places.len(), 1);
        assert_eq!(read.places[0].alternate_names, ["Sare", "Saré"]);
        assert_eq!(read.places[0].country_code, "ML");
        assert_eq!(read.skipped.count(SkipReason::NoPoint), 1);
    }

    #[test]
    fn formats_are_told_by_extension_then_by_content() {
        let p = |s: &str| Path::new(s).to_path_buf();
        assert_eq!(
            TableFormat::detect(&p("a.GPKG"), b""),
            TableFormat::GeoPackage
        );
        assert_eq!(TableFormat::detect(&p("a.json"), b""), TableFormat::GeoJson);
        assert_eq!(
            TableFormat::detect(&p("a.dat"), b"SQLite format 3\0"),
            TableFormat::GeoPackage
        );
        assert_eq!(
            TableFormat::detect(&p("a.dat"), b"  {\"type\""),
            TableFormat::GeoJson
        );
        assert_eq!(
            TableFormat::detect(&p("a.dat"), b"name;lat"),
            TableFormat::Csv
        );
        assert!(coordinate("14,66") == 14.66 && coordinate(" -1.5 ") == -1.5);
        assert!(coordinate("1,234,5").is_nan());
    }
}
