//! How close two spellings of a name are.
//!
//! Two measures, both on folded names. The *skeleton* erases the
//! transliteration habits that turn one Mooré or Fulfulde name into several
//! French or English spellings (doubled letters: Solé / Solle; "gh" for "g":
//! Barsalogho / Barsalogo; "dj" for "j": Djibo / Jibo). The *edit distance*
//! (optimal string alignment: insertions, deletions, substitutions and
//! adjacent transpositions) measures plain typos.

/// Collapses doubled letters and the digraphs "gh" -> "g", "dj" -> "j".
pub fn skeleton(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut prev: Option<char> = None;
    for c in folded.chars() {
        match (prev, c) {
            (Some(p), c) if p == c && c.is_alphabetic() => continue,
            (Some('g'), 'h') => continue,
            (Some('d'), 'j') => {
                out.pop();
                out.push('j');
                prev = Some('j');
                continue;
            }
            _ => {}
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Optimal-string-alignment distance between two ASCII byte strings, or
/// `None` as soon as it must exceed `max` (so most comparisons stop early).
pub fn distance_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    // Place names fit on the stack; fuzzy lookups verify hundreds of them,
    // and three heap rows each would cost more than the comparison. Cells
    // are u16 so the rows stay small to clear.
    const INLINE: usize = 64;
    if width.max(a.len() + 1) >= usize::from(u16::MAX) {
        return None;
    }
    if width <= INLINE {
        let mut rows = [[0u16; INLINE]; 3];
        let [before, prev, cur] = &mut rows;
        osa(
            a,
            b,
            max,
            &mut before[..width],
            &mut prev[..width],
            &mut cur[..width],
        )
    } else {
        let (mut before, mut prev, mut cur) = (vec![0; width], vec![0; width], vec![0; width]);
        osa(a, b, max, &mut before, &mut prev, &mut cur)
    }
}

/// The distance proper, on three rows of `b.len() + 1` cells: two back
/// (for transpositions), previous, current.
fn osa<'r>(
    a: &[u8],
    b: &[u8],
    max: usize,
    mut before: &'r mut [u16],
    mut prev: &'r mut [u16],
    mut cur: &'r mut [u16],
) -> Option<usize> {
    let width = b.len() + 1;
    let max = u16::try_from(max).unwrap_or(u16::MAX);
    for (j, cell) in (0u16..).zip(prev.iter_mut()) {
        *cell = j;
    }
    for (i, row) in (1..=a.len()).zip(1u16..) {
        cur[0] = row;
        let mut row_min = cur[0];
        for j in 1..width {
            let cost = u16::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(usize::from(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_habits_share_a_skeleton() {
        assert_eq!(skeleton("solle"), skeleton("sole"));
        assert_eq!(skeleton("barsalogho"), skeleton("barsalogo"));
        assert_eq!(skeleton("djibo"), skeleton("jibo"));
        assert_eq!(skeleton("tillaberi"), "tillaberi".replace("ll", "l"));
        assert_ne!(skeleton("kaya"), skeleton("kayes"));
    }

    #[test]
    fn distance_counts_typos_and_gives_up_past_the_limit() {
        assert_eq!(distance_within(b"barsalgho", b"barsalogho", 2), Some(1));
        assert_eq!(distance_within(b"djibo", b"djbio", 1), Some(1));
        assert_eq!(distance_within(b"kaya", b"kaya", 0), Some(0));
        assert_eq!(distance_within(b"dargo", b"durga", 1), None);
        assert_eq!(distance_within(b"dargo", b"durga", 2), Some(2));
        assert_eq!(distance_within(b"sunday", b"sundayxyz", 2), None);
        // Longer than the stack rows: the heap path gives the same answers.
        let long = "a".repeat(80);
        let typo = format!("{}b", "a".repeat(79));
        assert_eq!(
            distance_within(long.as_bytes(), typo.as_bytes(), 2),
            Some(1)
        );
    }
}
