//! Grid clustering in screen space: the screen is cut into square cells and
//! the markers falling in one cell become one cluster with a count. As the
//! analyst zooms in the points spread over more cells and clusters split.
//!
//! A counting sort over a dense grid keeps this linear and allocation-light,
//! so 100,000 incidents cluster well inside a frame.

use std::ops::Range;

use super::mercator::Viewport;

/// Several markers drawn as one.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The mean screen position of its members.
    pub pos: [f32; 2],
    /// Where its members' incident indices lie in `MarkerLayout::members`.
    pub members: Range<usize>,
}

impl Cluster {
    pub fn count(&self) -> usize {
        self.members.len()
    }
}

/// What to draw this frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MarkerLayout {
    /// Markers alone in their cell: (incident index, screen position).
    pub singles: Vec<(usize, [f32; 2])>,
    pub clusters: Vec<Cluster>,
    /// Incident indices of all clusters' members, cluster after cluster.
    pub members: Vec<usize>,
}

impl MarkerLayout {
    /// The incident indices gathered in `cluster`.
    pub fn members_of(&self, cluster: &Cluster) -> &[usize] {
        self.members.get(cluster.members.clone()).unwrap_or(&[])
    }

    /// How many incidents the layout draws, singly or in clusters.
    pub fn drawn(&self) -> usize {
        self.singles.len() + self.members.len()
    }
}

/// Lays out the `visible` incidents (indices into `points`, their unit
/// Mercator positions) on `viewport`. Markers off screen by more than a cell
/// are left out. With `cell <= 0` nothing is clustered.
pub fn layout(
    points: &[[f64; 2]],
    visible: &[usize],
    viewport: &Viewport,
    cell: f32,
) -> MarkerLayout {
    let margin = cell.max(0.0);
    let on_screen = visible.iter().filter_map(|&i| {
        let pos = viewport.project(*points.get(i)?);
        viewport.shows(pos, margin).then_some((i, pos))
    });
    if cell <= 0.0 {
        return MarkerLayout {
            singles: on_screen.collect(),
            ..MarkerLayout::default()
        };
    }
    let [left, top, right, bottom] = viewport.rect;
    // The grid is anchored to the world, not to the screen: panning the map
    // moves clusters with it instead of regrouping markers at every drag.
    let phase =
        |edge: f32, origin: f64| (f64::from(edge) - origin).rem_euclid(f64::from(cell)) as f32;
    let shift_x = phase(left - margin, viewport.origin[0]);
    let shift_y = phase(top - margin, viewport.origin[1]);
    let columns = (((right - left) + 2.0 * margin) / cell).ceil().max(1.0) as usize + 2;
    let rows = (((bottom - top) + 2.0 * margin) / cell).ceil().max(1.0) as usize + 2;
    let cell_of = |pos: [f32; 2]| {
        let column =
            (((pos[0] - left + margin + shift_x) / cell).max(0.0) as usize).min(columns - 1);
        let row = (((pos[1] - top + margin + shift_y) / cell).max(0.0) as usize).min(rows - 1);
        row * columns + column
    };

    let placed: Vec<(usize, [f32; 2], usize)> =
        on_screen.map(|(i, pos)| (i, pos, cell_of(pos))).collect();
    // Counting sort by cell: counts, then each cell's first slot.
    let mut starts = vec![0usize; columns * rows + 1];
    for &(_, _, c) in &placed {
        starts[c + 1] += 1;
    }
    for c in 1..starts.len() {
        starts[c] += starts[c - 1];
    }
    let mut next = starts.clone();
    let mut sorted = vec![(0usize, [0f32; 2]); placed.len()];
    for &(i, pos, c) in &placed {
        sorted[next[c]] = (i, pos);
        next[c] += 1;
    }

    let mut layout = MarkerLayout::default();
    for c in 0..columns * rows {
        let cell_markers = &sorted[starts[c]..starts[c + 1]];
        match cell_markers {
            [] => {}
            [single] => layout.singles.push(*single),
            many => {
                let first = layout.members.len();
                let (mut x, mut y) = (0.0f64, 0.0f64);
                for &(i, pos) in many {
                    layout.members.push(i);
                    x += f64::from(pos[0]);
                    y += f64::from(pos[1]);
                }
                let n = many.len() as f64;
                layout.clusters.push(Cluster {
                    pos: [(x / n) as f32, (y / n) as f32],
                    members: first..layout.members.len(),
                });
            }
        }
    }
    layout
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewport(world: f64) -> Viewport {
        Viewport {
            origin: [0.0, 0.0],
            world,
            rect: [0.0, 0.0, 1000.0, 1000.0],
        }
    }

    /// Three points close together and one far away, on the unit square.
    const POINTS: [[f64; 2]; 4] = [[0.100, 0.100], [0.101, 0.101], [0.102, 0.100], [0.6, 0.6]];

    #[test]
    fn nearby_markers_gather_into_one_cluster_with_their_count() {
        let layout = layout(&POINTS, &[0, 1, 2, 3], &viewport(1000.0), 40.0);
        assert_eq!(layout.clusters.len(), 1);
        let cluster = &layout.clusters[0];
        assert_eq!(cluster.count(), 3);
        let mut members = layout.members_of(cluster).to_vec();
        members.sort_unstable();
        assert_eq!(members, vec![0, 1, 2]);
        assert!((cluster.pos[0] - 101.0).abs() < 0.01, "{:?}", cluster.pos);
        assert_eq!(layout.singles, vec![(3, [600.0, 600.0])]);
        assert_eq!(layout.drawn(), 4);
    }

    #[test]
    fn panning_the_map_keeps_the_same_clusters() {
        let points = [
            [0.1000, 0.1000],
            [0.1003, 0.1001],
            [0.1011, 0.1002],
            [0.1030, 0.1010],
        ];
        let all = [0, 1, 2, 3];
        let groups = |dx: f64| {
            let mut view = viewport(10_000.0);
            // Keeps the points near the middle of the 1000 px screen.
            view.origin = [dx - 500.0, -500.0];
            let layout = layout(&points, &all, &view, 40.0);
            let mut sizes: Vec<usize> = layout
                .clusters
                .iter()
                .map(|c| layout.members_of(c).len())
                .collect();
            sizes.sort_unstable();
            (sizes, layout.singles.len())
        };
        let reference = groups(0.0);
        for dx in [3.0, 17.0, 29.0, 333.0] {
            assert_eq!(groups(dx), reference, "after panning {dx} px");
        }
    }

    #[test]
    fn zooming_in_splits_a_cluster_into_single_markers() {
        // At 64 times the scale the three points lie 64 points apart.
        let mut v = viewport(64_000.0);
        v.origin = [-6_000.0, -6_000.0];
        let layout = layout(&POINTS, &[0, 1, 2, 3], &v, 40.0);
        assert!(layout.clusters.is_empty());
        assert_eq!(layout.singles.len(), 3, "the far point is off screen");
    }

    #[test]
    fn only_visible_incidents_are_laid_out_and_a_zero_cell_never_clusters() {
        let layout = layout(&POINTS, &[1, 3], &viewport(1000.0), 40.0);
        assert_eq!(layout.singles.len(), 2);
        let layout = super::layout(&POINTS, &[0, 1, 2, 3], &viewport(1000.0), 0.0);
        assert_eq!((layout.singles.len(), layout.clusters.len()), (4, 0));
    }
}
