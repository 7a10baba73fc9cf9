//! The 4-digit code that keeps one teacher's answers private on a shared
//! laptop. Only a salted, stretched SHA-256 hash of it is ever stored.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Digits in a code.
pub const CODE_DIGITS: usize = 4;
/// Hash rounds: cheap for one check, slows down trying all 10 000 codes.
const ROUNDS: u32 = 10_000;
/// Separates kampvuur's hashes from any other use of SHA-256.
const DOMAIN: &[u8] = b"kampvuur-code-v1\0";

/// A code of exactly four digits, as typed. Its `Debug` output hides the digits.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessCode(String);

impl AccessCode {
    /// The code in `text` (spaces around it are ignored), if it is exactly
    /// four digits 0–9.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        (text.len() == CODE_DIGITS && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| Self(text.to_owned()))
    }
}

impl std::fmt::Debug for AccessCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AccessCode(****)")
    }
}

/// What is stored instead of the code: a random salt and the hash, both hex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeLock {
    pub salt: String,
    pub hash: String,
}

impl CodeLock {
    /// Locks with `code`; `salt` must be fresh random bytes for every answer set.
    pub fn new(code: &AccessCode, salt: &[u8]) -> Self {
        Self {
            salt: hex(salt),
            hash: hex(&stretch(salt, code)),
        }
    }

    /// Whether `code` is the code this lock was made with.
    pub fn opens(&self, code: &AccessCode) -> bool {
        let Some(salt) = unhex(&self.salt) else {
            return false;
        };
        let hash = hex(&stretch(&salt, code));
        // Same length (64 hex digits); compare every byte, not stopping early.
        hash.len() == self.hash.len()
            && hash
                .bytes()
                .zip(self.hash.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

/// Whether two typed names are the same person's name: spaces around and
/// between words and capitals do not count ("anna  de Vries" = "Anna de
/// Vries"). The code is still needed to open the answers.
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn stretch(salt: &[u8], code: &AccessCode) -> Vec<u8> {
    let mut digest = Sha256::new()
        .chain_update(DOMAIN)
        .chain_update(salt)
        .chain_update(code.0.as_bytes())
        .finalize();
    for _ in 1..ROUNDS {
        digest = Sha256::new()
            .chain_update(digest)
            .chain_update(salt)
            .finalize();
    }
    digest.to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || text.is_empty() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> AccessCode {
        AccessCode::parse(s).unwrap_or_else(|| panic!("{s} is a code"))
    }

    #[test]
    fn only_four_digits_are_a_code() {
        for ok in ["0000", "1234", " 9876 "] {
            assert!(AccessCode::parse(ok).is_some(), "{ok}");
        }
        for bad in ["", "123", "12345", "12a4", "١٢٣٤", "12 4", "+123"] {
            assert!(AccessCode::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(format!("{:?}", code("4821")), "AccessCode(****)");
    }

    #[test]
    fn the_lock_opens_with_its_code_only_and_never_holds_it() {
        let lock = CodeLock::new(&code("4821"), &[7; 16]);
        assert!(lock.opens(&code("4821")));
        for other in ["4820", "1284", "0000", "8214"] {
            assert!(!lock.opens(&code(other)), "{other}");
        }
        let stored = format!("{lock:?}");
        assert!(!stored.contains("4821"), "{stored}");
        assert_eq!(lock.hash.len(), 64);
        assert_eq!(lock.salt, "07".repeat(16));
    }

    #[test]
    fn another_salt_gives_another_hash() {
        let a = CodeLock::new(&code("1111"), &[1; 16]);
        let b = CodeLock::new(&code("1111"), &[2; 16]);
        assert_ne!(a.hash, b.hash);
        assert!(a.opens(&code("1111")) && b.opens(&code("1111")));
    }

    #[test]
    fn a_damaged_lock_opens_for_nobody() {
        let mut lock = CodeLock::new(&code("1111"), &[1; 16]);
        lock.salt = "zz".into();
        assert!(!lock.opens(&code("1111")));
        let mut lock = CodeLock::new(&code("1111"), &[1; 16]);
        lock.hash.pop();
        assert!(!lock.opens(&code("1111")));
    }

    #[test]
    fn names_match_without_capitals_and_extra_spaces() {
        assert!(same_name("Anna de Vries", " anna  DE vries "));
        assert!(same_name("Анна", "анна"));
        assert!(same_name("Ελένη", "ΕΛΈΝΗ"));
        assert!(!same_name("Anna", "Anne"));
        assert!(!same_name("Анна", "Anna"));
        assert!(!same_name("李明", "李"));
    }
}
