//! The room's two cookies: `kv_zaal` (the room's token: this browser may
//! join) and `kv_apparaat` (`<id>.<secret>`: which device this is). Both are
//! HttpOnly and SameSite=Strict; only the secret's hash is kept.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

pub const ROOM: &str = "kv_zaal";
pub const DEVICE: &str = "kv_apparaat";

/// Cookies live for one afternoon and a bit.
const MAX_AGE: u32 = 12 * 60 * 60;

/// The value of cookie `name`, if the browser sent it.
pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// The device cookie split into id and secret.
pub fn device(headers: &HeaderMap) -> Option<(&str, &str)> {
    get(headers, DEVICE)?.split_once('.')
}

/// A `Set-Cookie` value for the room.
pub fn set(name: &str, value: &str) -> String {
    format!("{name}={value}; Path=/; Max-Age={MAX_AGE}; HttpOnly; SameSite=Strict")
}

/// A `Set-Cookie` value that removes cookie `name`.
pub fn clear(name: &str) -> String {
    format!("{name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cookies_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            COOKIE,
            "a=1; kv_zaal=abc ; kv_apparaat=id1.sec".parse().unwrap(),
        );
        assert_eq!(get(&h, ROOM), Some("abc"));
        assert_eq!(device(&h), Some(("id1", "sec")));
        assert_eq!(get(&h, "b"), None);
        assert!(set(ROOM, "x").contains("HttpOnly; SameSite=Strict"));
        assert!(clear(DEVICE).contains("Max-Age=0"));
    }
}
