//! GDAL is the yardstick for "opens as-is": `ogrinfo` must read our GeoJSON
//! and GeoPackage exports, count every feature and type `event_date` as a
//! Date. Without `ogrinfo` the test fails under CI (which installs gdal-bin)
//! and prints a skip note elsewhere.

use std::process::Command;

use super::Sandbox;
use super::acled_rows;

/// `ogrinfo`'s summary of a file, or `None` (after a note) when GDAL is absent.
fn ogrinfo(path: &std::path::Path) -> Option<String> {
    match Command::new("ogrinfo")
        .args(["-ro", "-al", "-so"])
        .arg(path)
        .output()
    {
        Ok(out) => {
            assert!(
                out.status.success(),
                "ogrinfo refused {}:\n{}",
                path.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "ogrinfo is required under CI (install gdal-bin): {e}"
            );
            eprintln!("note: skipping the GDAL check, ogrinfo is not installed ({e})");
            None
        }
    }
}

fn check(summary: &str, features: usize) {
    assert!(
        summary.contains(&format!("Feature Count: {features}")),
        "{summary}"
    );
    assert!(summary.contains("Geometry: Point"), "{summary}");
    assert!(summary.contains("event_date: Date"), "{summary}");
    assert!(summary.contains("fatalities: Integer"), "{summary}");
}

#[test]
fn gdal_reads_the_geojson_and_geopackage_exports_with_dates_typed_as_dates() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("acled.csv", acled_rows::csv(25));
    sandbox.ok(&["import", &file]);
    let geojson = sandbox.path().join("out.geojson");
    let gpkg = sandbox.path().join("out.gpkg");
    for (format, path) in [("geojson", &geojson), ("gpkg", &gpkg)] {
        sandbox.ok(&[
            "export",
            "--format",
            format,
            "-o",
            path.to_str().expect("UTF-8 path"),
        ]);
    }
    let Some(summary) = ogrinfo(&geojson) else {
        return;
    };
    check(&summary, 25);
    let summary = ogrinfo(&gpkg).expect("ogrinfo ran a moment ago");
    check(&summary, 25);
    assert!(
        summary.contains("EPSG\",4326") || summary.contains("WGS 84"),
        "{summary}"
    );
}
