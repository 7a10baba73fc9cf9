//! The pictures of the workshop that ships inside the binary: its files in
//! workshops/plaatjes are compiled in (build.rs makes the table), so that
//! the bundled workshop shows its drawings without any folder on disk.

use std::collections::HashMap;

use crate::model::{Item, Picture, Workshop};

include!(concat!(env!("OUT_DIR"), "/bundled_pictures.rs"));

/// Give the slides of bundled workshop `w` their pictures; the error names
/// the first image that is missing or does not load.
pub(crate) fn attach(w: &mut Workshop) -> Result<(), String> {
    let mut loaded: HashMap<String, Picture> = HashMap::new();
    for section in &mut w.sections {
        for item in &mut section.items {
            let Item::Slide(slide) = item else {
                continue;
            };
            let Some(image) = &slide.image else {
                continue;
            };
            if !loaded.contains_key(image) {
                loaded.insert(image.clone(), load(image)?);
            }
            slide.picture = loaded.get(image).cloned();
        }
    }
    Ok(())
}

/// Bundled picture `image` (as written in the workshop), decoded.
fn load(image: &str) -> Result<Picture, String> {
    let wanted = image.trim_start_matches("./");
    let Some((_, bytes)) = BUNDLED_PICTURES.iter().find(|(name, _)| *name == wanted) else {
        return Err(format!(
            "afbeelding ‘{image}’ zit niet in het programma; de meegeleverde workshop kan \
             alleen afbeeldingen uit workshops/plaatjes gebruiken"
        ));
    };
    if super::picture::is_svg(image) {
        super::svg::load_svg(bytes, image).map(Picture::Vector)
    } else {
        super::picture::decode_png(bytes)
            .map(Picture::Raster)
            .map_err(|why| format!("afbeelding ‘{image}’: {why}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_picture_loads() {
        for (name, _) in BUNDLED_PICTURES {
            assert!(load(name).is_ok(), "{name}");
        }
        assert!(load("plaatjes/bestaat-niet.svg").is_err());
    }

    #[test]
    fn the_bundled_workshop_shows_its_pictures() {
        let w = crate::content::bundled_workshop().unwrap_or_else(|e| panic!("{e}"));
        for item in w.items() {
            if let Item::Slide(s) = item {
                assert_eq!(s.image.is_some(), s.picture.is_some(), "{}", s.title);
            }
        }
    }
}
