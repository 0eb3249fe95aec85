//! A tiny OpenStreetMap PBF writer for tests: protobuf by hand, so the tests
//! make their own `.osm.pbf` files without a network or a fixture.
//!
//! The file is what the format (wiki.openstreetmap.org/wiki/PBF_Format)
//! asks for at its plainest: an `OSMHeader` blob, then one `OSMData` blob
//! holding one `PrimitiveBlock` (a string table and one group of nodes,
//! plain or dense), each blob stored raw (uncompressed), which readers
//! must accept. Used by the integration tests and, through `#[path]`, by
//! the unit tests of `src/gazetteer/osm.rs`.

/// A node to write: id, point and tags.
pub struct TestNode {
    pub id: i64,
    pub lat: f64,
    pub lon: f64,
    pub tags: Vec<(String, String)>,
}

/// Protobuf wire types.
const VARINT: u64 = 0;
const BYTES: u64 = 2;

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn key(out: &mut Vec<u8>, field: u64, wire: u64) {
    varint(out, (field << 3) | wire);
}

fn uint_field(out: &mut Vec<u8>, field: u64, v: u64) {
    key(out, field, VARINT);
    varint(out, v);
}

fn bytes_field(out: &mut Vec<u8>, field: u64, bytes: &[u8]) {
    key(out, field, BYTES);
    varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

fn packed(field: u64, values: impl IntoIterator<Item = u64>, out: &mut Vec<u8>) {
    let mut body = Vec::new();
    for v in values {
        varint(&mut body, v);
    }
    bytes_field(out, field, &body);
}

/// Degrees in the default granularity (100 nanodegrees).
fn units(deg: f64) -> i64 {
    (deg * 1e7).round() as i64
}

/// One blob: header length (big-endian), BlobHeader, then a raw Blob.
fn blob(out: &mut Vec<u8>, kind: &str, data: &[u8]) {
    let mut blob = Vec::new();
    bytes_field(&mut blob, 1, data); // raw
    uint_field(&mut blob, 2, data.len() as u64); // raw_size
    let mut header = Vec::new();
    bytes_field(&mut header, 1, kind.as_bytes()); // type
    uint_field(&mut header, 3, blob.len() as u64); // datasize
    out.extend_from_slice(&(header.len() as u32).to_be_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(&blob);
}

/// A whole `.osm.pbf` file holding `nodes`, as dense nodes or plain ones.
pub fn pbf_file(nodes: &[TestNode], dense: bool) -> Vec<u8> {
    let mut header_block = Vec::new();
    bytes_field(&mut header_block, 4, b"OsmSchema-V0.6"); // required_features
    bytes_field(&mut header_block, 4, b"DenseNodes");
    bytes_field(&mut header_block, 16, b"incident-atlas tests"); // writingprogram

    // The string table; index 0 is the empty string by convention.
    let mut strings: Vec<String> = vec![String::new()];
    let mut index = |s: &str| -> u64 {
        if let Some(i) = strings.iter().position(|t| t == s) {
            return i as u64;
        }
        strings.push(s.to_string());
        (strings.len() - 1) as u64
    };
    let tag_ids: Vec<Vec<(u64, u64)>> = nodes
        .iter()
        .map(|n| n.tags.iter().map(|(k, v)| (index(k), index(v))).collect())
        .collect();

    let mut group = Vec::new();
    if dense {
        let mut dense_nodes = Vec::new();
        let deltas = |f: &dyn Fn(&TestNode) -> i64| -> Vec<u64> {
            let mut last = 0;
            nodes
                .iter()
                .map(|n| {
                    let v = f(n);
                    let d = v - last;
                    last = v;
                    zigzag(d)
                })
                .collect()
        };
        packed(1, deltas(&|n| n.id), &mut dense_nodes);
        packed(8, deltas(&|n| units(n.lat)), &mut dense_nodes);
        packed(9, deltas(&|n| units(n.lon)), &mut dense_nodes);
        let mut keys_vals = Vec::new();
        for tags in &tag_ids {
            for (k, v) in tags {
                keys_vals.push(*k);
                keys_vals.push(*v);
            }
            keys_vals.push(0);
        }
        packed(10, keys_vals, &mut dense_nodes);
        bytes_field(&mut group, 2, &dense_nodes);
    } else {
        for (n, tags) in nodes.iter().zip(&tag_ids) {
            let mut node = Vec::new();
            uint_field(&mut node, 1, zigzag(n.id));
            packed(2, tags.iter().map(|(k, _)| *k), &mut node);
            packed(3, tags.iter().map(|(_, v)| *v), &mut node);
            uint_field(&mut node, 8, zigzag(units(n.lat)));
            uint_field(&mut node, 9, zigzag(units(n.lon)));
            bytes_field(&mut group, 1, &node);
        }
    }

    let mut table = Vec::new();
    for s in &strings {
        bytes_field(&mut table, 1, s.as_bytes());
    }
    let mut block = Vec::new();
    bytes_field(&mut block, 1, &table);
    bytes_field(&mut block, 2, &group);

    let mut out = Vec::new();
    blob(&mut out, "OSMHeader", &header_block);
    blob(&mut out, "OSMData", &block);
    out
}
