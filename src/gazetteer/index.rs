//! The name index: folded name -> places, plus what fuzzy matching needs.
//!
//! Exact lookups are one hash probe. Spelling variants (see
//! [`super::spelling::skeleton`]) are a second probe. Typos use a
//! symmetric-delete index: every eligible name is stored under itself and
//! each of its one-letter deletions (as 64-bit hashes, not strings, to keep
//! a million names affordable); a query probes itself, its one- and
//! two-letter deletions, and each hit is verified with a bounded edit
//! distance. That finds every name within one edit, and the common
//! two-edit typos (a letter dropped and one changed, two letters dropped,
//! a swap); it misses two substitutions in one name, the price of an index
//! a tenth the size of a full two-deletion one.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::Place;

use super::admin_name::bare_admin_name;
use super::fold::fold;
use super::spelling::{distance_within, skeleton};

/// How a name belongs to a place; the order is strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameKind {
    /// The place's `name` or `ascii_name`.
    Primary,
    /// An admin unit's name without its unit word ("Soum" for "Province du Soum").
    AdminBare,
    /// One of the place's alternate names.
    Alternate,
}

/// One place carrying a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub place: u32,
    pub kind: NameKind,
}

/// Names shorter than this are never matched fuzzily.
const MIN_FUZZY_LEN: usize = 4;
/// End of a chain in [`DeleteIndex`].
const NIL: u32 = u32::MAX;

/// The name index over a list of places (indices into that list).
#[derive(Debug, Default)]
pub struct NameIndex {
    names: Vec<Box<str>>,
    postings: Vec<Vec<Posting>>,
    by_name: HashMap<Box<str>, u32>,
    by_skeleton: HashMap<Box<str>, Vec<u32>>,
    deletes: DeleteIndex,
    /// The longest name typos may reach, in bytes: a query more than `max`
    /// longer cannot be within `max` edits of any, and probing its
    /// deletions would cost the cube of its length.
    longest_fuzzy: usize,
}

impl NameIndex {
    /// Indexes every place's names. `fuzzy_ok` says which places typos may
    /// reach (populated places and admin units).
    pub fn build(places: &[Place], fuzzy_ok: impl Fn(&Place) -> bool) -> NameIndex {
        let mut index = NameIndex::default();
        for (i, place) in places.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(NIL);
            let is_admin = place.feature_class == "A";
            for (name, kind) in std::iter::once((&place.name, NameKind::Primary))
                .chain(std::iter::once((&place.ascii_name, NameKind::Primary)))
                .chain(
                    place
                        .alternate_names
                        .iter()
                        .map(|a| (a, NameKind::Alternate)),
                )
            {
                let folded = fold(name);
                if is_admin {
                    let (bare, word) = bare_admin_name(&folded);
                    if word.is_some() {
                        index.add(bare, i, NameKind::AdminBare.max(kind));
                    }
                }
                index.add(&folded, i, kind);
            }
        }
        for (id, name) in index.names.iter().enumerate() {
            let id = u32::try_from(id).unwrap_or(NIL);
            let sk = skeleton(name);
            index.by_skeleton.entry(sk.into()).or_default().push(id);
            let eligible = name.len() >= MIN_FUZZY_LEN
                && is_plain_ascii(name)
                && index.postings[id as usize]
                    .iter()
                    .any(|p| places.get(p.place as usize).is_some_and(&fuzzy_ok));
            if eligible {
                index.longest_fuzzy = index.longest_fuzzy.max(name.len());
                index.deletes.insert(name.as_bytes(), id);
            }
        }
        index
    }

    fn add(&mut self, folded: &str, place: u32, kind: NameKind) {
        if folded.is_empty() {
            return;
        }
        let id = match self.by_name.get(folded) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(self.names.len()).unwrap_or(NIL);
                self.names.push(folded.into());
                self.postings.push(Vec::new());
                self.by_name.insert(folded.into(), id);
                id
            }
        };
        let list = &mut self.postings[id as usize];
        // A place's own names arrive together, so a repeat is the last entry.
        match list.last_mut() {
            Some(last) if last.place == place => last.kind = last.kind.min(kind),
            _ => list.push(Posting { place, kind }),
        }
    }

    /// The places carrying exactly this folded name.
    pub fn exact(&self, folded: &str) -> &[Posting] {
        self.by_name
            .get(folded)
            .map_or(&[][..], |&id| &self.postings[id as usize])
    }

    /// Whether any place carries this folded name.
    pub fn contains(&self, folded: &str) -> bool {
        self.by_name.contains_key(folded)
    }

    /// Names other than `folded` itself that share its skeleton, with their places.
    pub fn variants(&self, folded: &str) -> Vec<(&str, &[Posting])> {
        let Some(ids) = self.by_skeleton.get(skeleton(folded).as_str()) else {
            return Vec::new();
        };
        ids.iter()
            .map(|&id| (&*self.names[id as usize], &self.postings[id as usize][..]))
            .filter(|(name, _)| *name != folded)
            .collect()
    }

    /// Indexed names within `max` edits of `folded` (itself excluded) that
    /// start with the same letter, with their distance and places.
    pub fn fuzzy(&self, folded: &str, max: usize) -> Vec<(&str, usize, &[Posting])> {
        if !is_plain_ascii(folded) || folded.len() > self.longest_fuzzy + max {
            return Vec::new();
        }
        let query = folded.as_bytes();
        let mut probes = vec![hash_without(query, NIL as usize, NIL as usize)];
        // No probe drops the first letter: a name that must keep the query's
        // first letter (see below) and matches such a probe also matches the
        // same probe with the second letter dropped instead, or one edit
        // fewer; skipping them saves a sixth of the probes.
        for i in 1..query.len() {
            probes.push(hash_without(query, i, NIL as usize));
            if max >= 2 {
                for j in i + 1..query.len() {
                    probes.push(hash_without(query, i, j));
                }
            }
        }
        probes.sort_unstable();
        probes.dedup();
        let mut ids: Vec<u32> = probes.iter().flat_map(|&h| self.deletes.chain(h)).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .filter_map(|id| {
                let name = &*self.names[id as usize];
                // Reporters misspell the middle of a name, rarely its
                // first letter; requiring it cuts most false friends.
                if name.as_bytes().first() != query.first() {
                    return None;
                }
                let d = distance_within(name.as_bytes(), query, max)?;
                (d > 0).then_some((name, d, &self.postings[id as usize][..]))
            })
            .collect()
    }
}

/// Letters and spaces only: the names fuzzy matching is meant for (Latin
/// transliterations), and ones whose bytes are their characters.
fn is_plain_ascii(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_lowercase() || b == b' ' || b.is_ascii_digit())
}

/// FNV-1a over the bytes minus positions `skip1` and `skip2`, then mixed so
/// every bit of the result is usable as a hash table key.
fn hash_without(bytes: &[u8], skip1: usize, skip2: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, &b) in bytes.iter().enumerate() {
        if i != skip1 && i != skip2 {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// Hash -> chain of name ids, stored as heads plus one shared link array so
/// that the usual single-entry chain costs no allocation of its own.
#[derive(Debug, Default)]
struct DeleteIndex {
    heads: HashMap<u64, u32, BuildHasherDefault<PassThrough>>,
    links: Vec<(u32, u32)>,
}

impl DeleteIndex {
    fn insert(&mut self, name: &[u8], id: u32) {
        let mut hashes = vec![hash_without(name, NIL as usize, NIL as usize)];
        hashes.extend((0..name.len()).map(|i| hash_without(name, i, NIL as usize)));
        hashes.sort_unstable();
        hashes.dedup();
        for h in hashes {
            let link = u32::try_from(self.links.len()).unwrap_or(NIL);
            let head = self.heads.entry(h).or_insert(NIL);
            self.links.push((id, *head));
            *head = link;
        }
    }

    fn chain(&self, hash: u64) -> impl Iterator<Item = u32> + '_ {
        let mut at = self.heads.get(&hash).copied().unwrap_or(NIL);
        std::iter::from_fn(move || {
            let &(id, next) = self.links.get(at as usize)?;
            at = next;
            Some(id)
        })
    }
}

/// The keys are already well-mixed hashes: hashing them again is waste.
#[derive(Debug, Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlaceOrigin;

    fn place(name: &str, alternates: &[&str], class: &str) -> Place {
        Place {
            geonameid: 1,
            name: name.to_string(),
            ascii_name: name.to_string(),
            alternate_names: alternates.iter().map(|a| a.to_string()).collect(),
            latitude: 0.0,
            longitude: 0.0,
            feature_class: class.to_string(),
            feature_code: String::new(),
            country_code: "BF".to_string(),
            admin1_code: String::new(),
            admin2_code: String::new(),
            population: 0,
            origin: PlaceOrigin::GeoNames,
        }
    }

    fn index() -> NameIndex {
        let places = vec![
            place("Barsalogo", &["Barsalogho", "Bagsalogo"], "P"),
            place("Province du Soum", &[], "A"),
            place("Solle", &[], "P"),
            place("Sondre", &[], "H"),
        ];
        NameIndex::build(&places, |p| {
            p.feature_class == "P" || p.feature_class == "A"
        })
    }

    #[test]
    fn exact_names_find_their_places_with_how_they_matched() {
        let index = index();
        assert_eq!(
            index.exact("barsalogo"),
            [Posting {
                place: 0,
                kind: NameKind::Primary
            }]
        );
        assert_eq!(index.exact("barsalogho")[0].kind, NameKind::Alternate);
        assert_eq!(
            index.exact("soum"),
            [Posting {
                place: 1,
                kind: NameKind::AdminBare
            }]
        );
        assert!(
            index
                .exact("province du soum")
                .iter()
                .any(|p| p.kind == NameKind::Primary)
        );
        assert!(index.exact("nowhere").is_empty());
    }

    #[test]
    fn a_doubled_letter_is_a_spelling_variant() {
        let index = index();
        let v = index.variants("sole");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, "solle");
    }

    #[test]
    fn typos_within_the_limit_are_found_and_verified() {
        let index = index();
        let hits = index.fuzzy("barsalgho", 2);
        assert!(
            hits.iter().any(|(n, d, _)| *n == "barsalogho" && *d == 1),
            "{hits:?}"
        );
        // Two edits, one of them a dropped letter on each side.
        assert!(
            index
                .fuzzy("barslogoo", 2)
                .iter()
                .any(|(n, _, _)| *n == "barsalogo")
        );
        assert!(index.fuzzy("barsalgho", 0).is_empty());
    }

    #[test]
    fn every_name_one_edit_away_is_found_as_a_scan_would_find_it() {
        let (places, _) = crate::gazetteer::bundled().unwrap();
        let index = NameIndex::build(&places, |p| {
            p.feature_class == "P" || p.feature_class == "A"
        });
        let eligible: Vec<&str> = index
            .names
            .iter()
            .enumerate()
            .filter(|(id, n)| {
                n.len() >= MIN_FUZZY_LEN
                    && is_plain_ascii(n)
                    && index.postings[*id].iter().any(|p| {
                        matches!(places[p.place as usize].feature_class.as_str(), "P" | "A")
                    })
            })
            .map(|(_, n)| &**n)
            .collect();
        // Typos of every 400th name: a letter dropped, doubled, changed, swapped.
        for (k, name) in eligible.iter().step_by(400).enumerate() {
            let mut b = name.as_bytes().to_vec();
            let at = 1 + k % (b.len() - 1);
            match k % 4 {
                0 => {
                    b.remove(at);
                }
                1 => b.insert(at, b[at]),
                2 => b[at] = b'z',
                _ => b.swap(at - 1, at),
            }
            let query = String::from_utf8(b).unwrap();
            let mut found: Vec<&str> = index.fuzzy(&query, 1).iter().map(|h| h.0).collect();
            let mut scan: Vec<&str> = eligible
                .iter()
                .copied()
                .filter(|n| n.as_bytes()[0] == query.as_bytes()[0])
                .filter(|n| {
                    distance_within(n.as_bytes(), query.as_bytes(), 1).is_some_and(|d| d > 0)
                })
                .collect();
            found.sort_unstable();
            scan.sort_unstable();
            assert_eq!(found, scan, "{query}");
        }
    }

    #[test]
    fn typos_never_reach_places_outside_the_fuzzy_classes() {
        let index = index();
        // "Sondre" is a stream (class H): one edit away, still not offered.
        assert!(index.fuzzy("sondra", 1).is_empty());
        assert!(
            index
                .fuzzy("solla", 1)
                .iter()
                .any(|(n, _, _)| *n == "solle")
        );
    }
}
