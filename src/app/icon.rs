//! The window icon: the campfire of the desktop entry (packaging/kampvuur.svg,
//! rendered at 64×64).

use std::sync::Arc;

const ICON_PNG: &[u8] = include_bytes!("../../packaging/icons/64x64/kampvuur.png");

/// The icon for the window; `None` if the bundled PNG does not decode (the
/// window then gets the system's default icon).
pub fn window_icon() -> Option<Arc<egui::IconData>> {
    let picture = crate::content::decode_png(ICON_PNG).ok()?;
    Some(Arc::new(egui::IconData {
        rgba: picture.rgba.as_ref().clone(),
        width: picture.width,
        height: picture.height,
    }))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bundled_icon_decodes() {
        let icon = super::window_icon();
        assert_eq!(icon.as_ref().map(|i| (i.width, i.height)), Some((64, 64)));
        assert_eq!(icon.map(|i| i.rgba.len()), Some(64 * 64 * 4));
    }
}
