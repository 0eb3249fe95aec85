//! Points as GeoPackage geometry blobs: the GeoPackage binary header
//! ("GP", version 0, flags, SRS id) followed by an OGC well-known-binary
//! point, all little-endian. Points carry no envelope: their box is
//! themselves, and the spec lets a reader compute it.

/// WKB geometry type code of a 2-D point.
const WKB_POINT: u32 = 1;

/// Flags byte: bit 0 set = little-endian header; envelope bits 0 (none);
/// not empty; standard (not extended) binary.
const FLAGS_LITTLE_ENDIAN_NO_ENVELOPE: u8 = 0b0000_0001;

/// A little-endian WKB point (21 bytes).
pub fn wkb_point(lon: f64, lat: f64) -> [u8; 21] {
    let mut out = [0u8; 21];
    out[0] = 1; // little-endian
    out[1..5].copy_from_slice(&WKB_POINT.to_le_bytes());
    out[5..13].copy_from_slice(&lon.to_le_bytes());
    out[13..21].copy_from_slice(&lat.to_le_bytes());
    out
}

/// A GeoPackage geometry blob holding one point (29 bytes).
pub fn gpkg_point(lon: f64, lat: f64, srs_id: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(29);
    out.extend_from_slice(b"GP");
    out.push(0); // version 1.0 of the binary format
    out.push(FLAGS_LITTLE_ENDIAN_NO_ENVELOPE);
    out.extend_from_slice(&srs_id.to_le_bytes());
    out.extend_from_slice(&wkb_point(lon, lat));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_blob_has_the_header_then_little_endian_wkb() {
        let blob = gpkg_point(-1.5, 14.25, 4326);
        assert_eq!(blob.len(), 29);
        assert_eq!(&blob[..4], b"GP\x00\x01");
        assert_eq!(&blob[4..8], &[0xE6, 0x10, 0, 0], "4326 little-endian");
        assert_eq!(&blob[8..13], &[1, 1, 0, 0, 0], "LE byte order, type Point");
        assert_eq!(blob[13..21], (-1.5f64).to_le_bytes());
        assert_eq!(blob[21..29], 14.25f64.to_le_bytes());
    }
}
