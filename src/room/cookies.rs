//! The room's two cookies: `kv_zaal` (the room's token: this browser may
//! join) and `kv_apparaat` (`<id>.<secret>`: which device this is). Both are
//! HttpOnly and SameSite=Strict; only the secret's hash is kept.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

pub const ROOM: &str = "kv_zaal";
pub const DEVICE: &str = "kv_apparaat";

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

/// A `Set-Cookie` value for the room, living `max_age` seconds (until the
/// end of the session's day).
pub fn set(name: &str, value: &str, max_age: i64) -> String {
    format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Strict")
}

/// Seconds from `now` until the end of the day the session started
/// (`started`: "YYYY-MM-DD HH:MM"); at least an hour, so that a session
/// late at night still works.
pub fn until_end_of_day(started: &str, now: chrono::NaiveDateTime) -> i64 {
    const HOUR: i64 = 60 * 60;
    let day = started
        .get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .unwrap_or(now.date());
    let end = day
        .succ_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or(now);
    (end - now).num_seconds().max(HOUR)
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
        assert!(set(ROOM, "x", 60).contains("Max-Age=60; HttpOnly; SameSite=Strict"));
        assert!(clear(DEVICE).contains("Max-Age=0"));
    }

    #[test]
    fn cookies_last_the_day_of_the_session() {
        let at = |h, m| {
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
                .and_then(|d| d.and_hms_opt(h, m, 0))
                .unwrap()
        };
        // Joined at 13:30: until midnight, 10.5 hours.
        assert_eq!(until_end_of_day("2026-11-26 13:30", at(13, 30)), 37_800);
        // Restarted at 23:30: still at least an hour.
        assert_eq!(until_end_of_day("2026-11-26 13:30", at(23, 30)), 3600);
    }
}
