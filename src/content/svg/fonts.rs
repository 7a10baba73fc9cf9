//! The fonts of the text in an SVG: ours (Atkinson Hyperlegible Next, and
//! DejaVu Sans for characters it lacks), never the system's.

use std::sync::{Arc, OnceLock};

use usvg::fontdb;

/// The fonts an SVG's text is drawn with: ours, and nothing of the system.
/// Every family, generic or named, comes out as Atkinson Hyperlegible Next;
/// a character it lacks comes from DejaVu Sans.
pub(crate) fn our_fonts() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for data in [
            &include_bytes!("../../../fonts/AtkinsonHyperlegibleNext-Regular.ttf")[..],
            &include_bytes!("../../../fonts/AtkinsonHyperlegibleNext-Bold.ttf")[..],
            &include_bytes!("../../../fonts/AtkinsonHyperlegibleNext-Italic.ttf")[..],
            &include_bytes!("../../../fonts/AtkinsonHyperlegibleNext-BoldItalic.ttf")[..],
            &include_bytes!("../../../fonts/DejaVuSans.ttf")[..],
            &include_bytes!("../../../fonts/DejaVuSans-Bold.ttf")[..],
        ] {
            db.load_font_data(data.to_vec());
        }
        let family = main_family(&db);
        db.set_serif_family(family.clone());
        db.set_sans_serif_family(family.clone());
        db.set_cursive_family(family.clone());
        db.set_fantasy_family(family.clone());
        db.set_monospace_family(family);
        Arc::new(db)
    })
    .clone()
}

/// The family name of the first font loaded (Atkinson Hyperlegible Next).
fn main_family(db: &fontdb::Database) -> String {
    db.faces()
        .next()
        .and_then(|f| f.families.first())
        .map_or_else(|| "Atkinson Hyperlegible Next".into(), |(n, _)| n.clone())
}

/// usvg's options: our fonts only, and no file or URL is ever opened.
pub(super) fn options_with_our_fonts() -> usvg::Options<'static> {
    let fontdb = our_fonts();
    let mut options = usvg::Options {
        font_family: main_family(&fontdb),
        fontdb,
        ..usvg::Options::default()
    };
    options.font_resolver = usvg::FontResolver {
        select_font: usvg::FontResolver::default_font_selector(),
        select_fallback: Box::new(fallback),
    };
    options.image_href_resolver = usvg::ImageHrefResolver {
        resolve_data: Box::new(|_, _, _| None),
        resolve_string: Box::new(|_, _| None),
    };
    options
}

/// The font for character `c` that the fonts in `used` lack: DejaVu Sans,
/// bold when the text is. (usvg then draws the whole text in it.)
fn fallback(c: char, used: &[fontdb::ID], db: &mut Arc<fontdb::Database>) -> Option<fontdb::ID> {
    let bold = used
        .first()
        .and_then(|id| db.face(*id))
        .is_some_and(|f| f.weight.0 >= 600);
    let query = fontdb::Query {
        families: &[fontdb::Family::Name("DejaVu Sans")],
        weight: if bold {
            fontdb::Weight::BOLD
        } else {
            fontdb::Weight::NORMAL
        },
        ..Default::default()
    };
    let id = db.query(&query).filter(|id| !used.contains(id))?;
    let has = db.with_face_data(id, |data, index| {
        use skrifa::MetadataProvider;
        skrifa::FontRef::from_index(data, index).is_ok_and(|f| f.charmap().map(c).is_some())
    });
    has.unwrap_or(false).then_some(id)
}
