//! Text sizes for the audience view: from the height of the area, on a fixed
//! ladder, and shrunk by a fit factor when an item is long.

/// Sizes derived from the height of the drawing area, so that the body text
/// stays legible at the back of a classroom: at 1080 px the body is 49 px.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub title: f32,
    pub body: f32,
    pub small: f32,
}

/// A text size on a fixed ladder (steps of about 6 %, rounded to half a
/// point). Every size the audience view uses comes from this ladder, so the
/// font atlas holds a few dozen sizes instead of one per window size and fit
/// factor — that is what kept memory growing while paging.
pub fn quantise(size: f32) -> f32 {
    const STEP: f32 = 0.06;
    let q = (size.max(1.0).ln() / STEP).round() * STEP;
    (q.exp() * 2.0).round() / 2.0
}

/// The text factors tried when an item is too long: 1, 0,94, 0,88, …
/// (one step of the size ladder each).
pub(super) const FIT_STEPS: i32 = 20;

/// Steps a checklist or case may grow above 1 to fill the screen.
pub(super) const GROW_STEPS: i32 = 4;

pub(super) fn fit_factor(step: i32) -> f32 {
    0.94f32.powi(step)
}

impl Scale {
    pub fn times(self, f: f32) -> Self {
        Self {
            title: quantise(self.title * f),
            body: quantise(self.body * f),
            small: quantise(self.small * f),
        }
    }

    /// The sizes for an area `h` points high. Ctrl+plus (egui's zoom) makes
    /// them larger on screen: the sizes follow the area's height in pixels.
    pub fn for_height(h: f32) -> Self {
        Self {
            title: quantise((h / 12.0).max(18.0)),
            body: quantise((h / 22.0).max(12.0)),
            small: quantise((h / 36.0).max(10.0)),
        }
    }
}

/// How an item fits its area: the text factor, and the height it then takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub factor: f32,
    pub height: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_come_from_a_short_ladder() {
        let mut sizes = std::collections::BTreeSet::new();
        for h in (300..=2200).step_by(7) {
            for step in -GROW_STEPS..=FIT_STEPS {
                let s = Scale::for_height(h as f32).times(fit_factor(step));
                for size in [s.title, s.body, s.small] {
                    sizes.insert((size * 2.0) as u32);
                }
            }
        }
        // Thousands of area heights and fit factors, a few dozen sizes.
        assert!(sizes.len() < 70, "{} sizes", sizes.len());
        assert_eq!(quantise(quantise(37.3)), quantise(37.3));
        assert!((quantise(49.0) - 49.0).abs() / 49.0 < 0.04);
    }
}
