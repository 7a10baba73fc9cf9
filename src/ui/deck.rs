//! Where the presentation is: the current item, blanking, the overview and the
//! keys that move through it (as in PowerPoint and on presentation clickers).

use egui::{Key, Modifiers};

use crate::model::{ItemKind, ItemRef, Workshop};

/// What covers the screen instead of the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    Black,
    White,
}

/// What a key press asks of the app, beyond moving through the deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeckAction {
    /// The key was used by the deck.
    Handled,
    /// Esc with nothing else to close: leave the presentation.
    Leave,
    /// The key means nothing to the deck.
    Ignored,
}

#[derive(Debug, Clone)]
pub struct Deck {
    refs: Vec<ItemRef>,
    /// The position of each slide: "dia 12" is `refs[slides[11]]`.
    slides: Vec<usize>,
    pos: usize,
    pub blank: Option<Blank>,
    pub overview: bool,
    /// The overview should scroll the current item into view (once).
    pub scroll_to_current: bool,
    pub show_progress: bool,
    /// Digits typed so far for "number + Enter" (a dia number).
    pub number: String,
}

impl Deck {
    pub fn new(workshop: &Workshop) -> Self {
        let refs = workshop.item_refs();
        let slides = (refs.iter().enumerate())
            .filter(|(_, r)| {
                workshop
                    .item(**r)
                    .is_some_and(|i| i.kind() == ItemKind::Slide)
            })
            .map(|(i, _)| i)
            .collect();
        Self {
            refs,
            slides,
            pos: 0,
            blank: None,
            overview: false,
            scroll_to_current: false,
            show_progress: true,
            number: String::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.refs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.refs.is_empty()
    }

    /// Index of the current item, 0-based.
    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn current(&self) -> Option<ItemRef> {
        self.refs.get(self.pos).copied()
    }

    pub fn next_ref(&self) -> Option<ItemRef> {
        self.refs.get(self.pos + 1).copied()
    }

    pub fn refs(&self) -> &[ItemRef] {
        &self.refs
    }

    /// Go to item `index` (0-based), clamped to the deck.
    pub fn go_to(&mut self, index: usize) {
        self.pos = index.min(self.refs.len().saturating_sub(1));
        self.blank = None;
    }

    pub fn next(&mut self) {
        self.go_to(self.pos + 1);
    }

    pub fn previous(&mut self) {
        self.go_to(self.pos.saturating_sub(1));
    }

    fn toggle_blank(&mut self, blank: Blank) {
        self.blank = if self.blank == Some(blank) {
            None
        } else {
            Some(blank)
        };
    }

    /// Handle one key press.
    pub fn key(&mut self, key: Key, modifiers: Modifiers) -> DeckAction {
        if modifiers.command || modifiers.alt {
            return DeckAction::Ignored;
        }
        if let Some(digit) = digit(key) {
            if self.number.len() < 4 {
                self.number.push(digit);
            }
            return DeckAction::Handled;
        }
        let blanked = self.blank.is_some();
        match key {
            Key::Enter if !self.number.is_empty() => {
                // "12 Enter" goes to dia 12, the number on the slide and in the guide.
                let n: usize = self.number.parse().unwrap_or(0);
                self.number.clear();
                if let Some(&pos) = n.checked_sub(1).and_then(|i| self.slides.get(i)) {
                    self.go_to(pos);
                    self.overview = false;
                }
            }
            Key::Escape => {
                if !self.number.is_empty() {
                    self.number.clear();
                } else if self.overview {
                    self.overview = false;
                } else if blanked {
                    self.blank = None;
                } else {
                    return DeckAction::Leave;
                }
            }
            Key::B | Key::Period => self.toggle_blank(Blank::Black),
            Key::W | Key::Comma => self.toggle_blank(Blank::White),
            Key::G | Key::Tab => {
                self.overview = !self.overview;
                self.scroll_to_current = self.overview;
            }
            Key::H => self.show_progress = !self.show_progress,
            // While blanked, a navigation key only brings the item back.
            _ if blanked && is_navigation(key) => self.blank = None,
            Key::ArrowRight | Key::ArrowDown | Key::PageDown | Key::Space | Key::Enter | Key::N => {
                self.next()
            }
            Key::ArrowLeft | Key::ArrowUp | Key::PageUp | Key::Backspace | Key::P => {
                self.previous();
            }
            Key::Home => self.go_to(0),
            Key::End => self.go_to(usize::MAX),
            _ => return DeckAction::Ignored,
        }
        DeckAction::Handled
    }
}

fn is_navigation(key: Key) -> bool {
    matches!(
        key,
        Key::ArrowRight
            | Key::ArrowDown
            | Key::PageDown
            | Key::Space
            | Key::Enter
            | Key::N
            | Key::ArrowLeft
            | Key::ArrowUp
            | Key::PageUp
            | Key::Backspace
            | Key::P
            | Key::Home
            | Key::End
    )
}

fn digit(key: Key) -> Option<char> {
    Some(match key {
        Key::Num0 => '0',
        Key::Num1 => '1',
        Key::Num2 => '2',
        Key::Num3 => '3',
        Key::Num4 => '4',
        Key::Num5 => '5',
        Key::Num6 => '6',
        Key::Num7 => '7',
        Key::Num8 => '8',
        Key::Num9 => '9',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_workshop;

    fn deck() -> Deck {
        let w = parse_workshop(include_str!("../../tests/fixtures/voorbeeld.ron"), "v")
            .expect("example parses");
        Deck::new(&w)
    }

    #[test]
    fn navigation_is_clamped() {
        let mut d = deck();
        assert_eq!(d.len(), 5);
        d.key(Key::ArrowLeft, Modifiers::NONE);
        assert_eq!(d.position(), 0);
        d.key(Key::End, Modifiers::NONE);
        assert_eq!(d.position(), 4);
        d.key(Key::Space, Modifiers::NONE);
        assert_eq!(d.position(), 4);
        d.key(Key::Home, Modifiers::NONE);
        assert_eq!(d.position(), 0);
    }

    #[test]
    fn number_then_enter_goes_to_that_dia_and_escape_cancels() {
        let w = crate::content::bundled_workshop().expect("bundled workshop");
        let mut d = Deck::new(&w);
        d.key(Key::Num1, Modifiers::NONE);
        d.key(Key::Num2, Modifiers::NONE);
        assert_eq!(d.position(), 0);
        d.key(Key::Enter, Modifiers::NONE);
        let at = d.current().expect("an item");
        assert_eq!(w.slide_number(at), Some(12), "12 Enter shows dia 12");
        // A number that is no dia does nothing.
        for key in [Key::Num9, Key::Num9, Key::Num9, Key::Enter] {
            d.key(key, Modifiers::NONE);
        }
        assert_eq!(d.current(), Some(at));
        d.key(Key::Num1, Modifiers::NONE);
        assert_eq!(d.key(Key::Escape, Modifiers::NONE), DeckAction::Handled);
        d.key(Key::Enter, Modifiers::NONE);
        assert_eq!(
            d.position(),
            w.item_refs().iter().position(|r| *r == at).unwrap_or(0) + 1,
            "plain Enter moves on"
        );
        assert_eq!(d.key(Key::Escape, Modifiers::NONE), DeckAction::Leave);
    }

    #[test]
    fn blank_screen_returns_before_moving() {
        let mut d = deck();
        d.key(Key::Period, Modifiers::NONE);
        assert_eq!(d.blank, Some(Blank::Black));
        d.key(Key::W, Modifiers::NONE);
        assert_eq!(d.blank, Some(Blank::White));
        d.key(Key::PageDown, Modifiers::NONE);
        assert_eq!((d.blank, d.position()), (None, 0));
        d.key(Key::PageDown, Modifiers::NONE);
        assert_eq!(d.position(), 1);
    }
}
