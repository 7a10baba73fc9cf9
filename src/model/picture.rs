//! A decoded slide image: RGBA pixels, ready for the screen and the PDF.

use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    /// RGBA, 8 bits per channel, straight alpha, row by row.
    pub rgba: Arc<Vec<u8>>,
}

impl Picture {
    /// Width divided by height.
    pub fn aspect(&self) -> f32 {
        self.width as f32 / self.height.max(1) as f32
    }

    /// The pixels over a white background, as RGB (for print).
    pub fn rgb_on_white(&self) -> Vec<u8> {
        self.rgba
            .chunks_exact(4)
            .flat_map(|p| {
                let a = u16::from(p[3]);
                let over = move |c: u8| ((u16::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
                [over(p[0]), over(p[1]), over(p[2])]
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transparent_pixels_become_white() {
        let p = Picture {
            width: 2,
            height: 1,
            rgba: Arc::new(vec![10, 20, 30, 255, 0, 0, 0, 0]),
        };
        assert_eq!(p.rgb_on_white(), vec![10, 20, 30, 255, 255, 255]);
        assert_eq!(p.aspect(), 2.0);
    }
}
