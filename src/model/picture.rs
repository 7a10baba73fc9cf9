//! A slide image, ready for the screen and the PDF: decoded pixels (PNG) or
//! a parsed vector drawing (SVG).
//!
//! The vector form holds the parsed `usvg::Tree`. That is an outside crate's
//! plain data (paths, fills, transforms; the text already turned into
//! outlines with our own fonts while loading), not anything of this crate,
//! so the model stays free of I/O and of the other modules: `content`
//! parses and checks the file, `ui` rasterises the tree at the size it is
//! drawn at, `pdf` writes it as vector graphics. Keeping the tree (instead
//! of the bytes) means an SVG is parsed once, and screen and print draw the
//! very same, already checked, drawing.

use std::sync::Arc;

/// A slide image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picture {
    /// Pixels, from a PNG file.
    Raster(Raster),
    /// A vector drawing, from an SVG file.
    Vector(Vector),
}

/// Decoded pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raster {
    pub width: u32,
    pub height: u32,
    /// RGBA, 8 bits per channel, straight alpha, row by row.
    pub rgba: Arc<Vec<u8>>,
}

/// A parsed and checked SVG drawing.
#[derive(Clone)]
pub struct Vector {
    /// The drawing; its size is the SVG's own (in CSS pixels).
    pub tree: Arc<usvg::Tree>,
    /// SHA-256 of the file it was read from: what makes two drawings equal.
    pub digest: [u8; 32],
}

impl Vector {
    /// The drawing's own width and height, in CSS pixels (never zero).
    pub fn size(&self) -> (f32, f32) {
        let size = self.tree.size();
        (size.width(), size.height())
    }
}

impl std::fmt::Debug for Vector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (w, h) = self.size();
        write!(f, "Vector({w}×{h})")
    }
}

/// Two drawings are the same when they come from the same bytes: a file read
/// twice (the file and the copy built into the program, or a reload) is one
/// drawing. A tree is never changed after loading.
impl PartialEq for Vector {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.tree, &other.tree) || self.digest == other.digest
    }
}

impl Eq for Vector {}

impl Picture {
    /// Width divided by height.
    pub fn aspect(&self) -> f32 {
        match self {
            Picture::Raster(r) => r.aspect(),
            Picture::Vector(v) => {
                let (w, h) = v.size();
                w / h.max(f32::MIN_POSITIVE)
            }
        }
    }

    /// A number that is the same for clones of one picture and differs
    /// between pictures that are alive at the same time: a key for caches of
    /// what is made from it (textures, embedded PDF objects).
    pub fn key(&self) -> usize {
        match self {
            Picture::Raster(r) => Arc::as_ptr(&r.rgba) as usize,
            Picture::Vector(v) => Arc::as_ptr(&v.tree) as usize,
        }
    }
}

impl Raster {
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
        let p = Raster {
            width: 2,
            height: 1,
            rgba: Arc::new(vec![10, 20, 30, 255, 0, 0, 0, 0]),
        };
        assert_eq!(p.rgb_on_white(), vec![10, 20, 30, 255, 255, 255]);
        assert_eq!(Picture::Raster(p).aspect(), 2.0);
    }

    #[test]
    fn a_vector_has_the_aspect_of_its_drawing() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"/>"#;
        let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).unwrap();
        let v = Vector {
            tree: Arc::new(tree),
            digest: [7; 32],
        };
        let p = Picture::Vector(v.clone());
        assert_eq!(p.aspect(), 3.0);
        assert_eq!(p.clone(), p);
        assert_eq!(p.key(), Picture::Vector(v.clone()).key());
        // The same file read twice is the same drawing; another file is not.
        let again = usvg::Tree::from_str(svg, &usvg::Options::default()).unwrap();
        let same = Vector {
            tree: Arc::new(again),
            ..v.clone()
        };
        assert_eq!(same, v);
        assert_ne!(
            Vector {
                digest: [8; 32],
                ..same
            },
            v
        );
    }
}
