//! Network details of the room: usable addresses, binding a port, random
//! secrets and the reachability self-check.

use std::io::{self, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

use crate::model::RoomAddress;

use super::RoomError;

/// How many ports after the preferred one are tried when it is taken.
const PORT_TRIES: u16 = 20;

/// Interface name prefixes of Docker bridges and VPN tunnels: phones in the
/// classroom cannot reach those addresses.
const HIDDEN_PREFIXES: &[&str] = &[
    "docker",
    "br-",
    "veth",
    "virbr",
    "tun",
    "tap",
    "wg",
    "utun",
    "tailscale",
    "zt",
];

/// Whether an interface and address can be reached from phones on the
/// school network: no loopback, link-local, Docker or VPN adapters.
pub fn usable(interface: &str, ip: IpAddr) -> bool {
    let name = interface.to_ascii_lowercase();
    if HIDDEN_PREFIXES.iter().any(|p| name.starts_with(p)) {
        return false;
    }
    match ip {
        IpAddr::V4(v4) => !v4.is_loopback() && !v4.is_link_local() && !v4.is_unspecified(),
        IpAddr::V6(v6) => {
            !v6.is_loopback() && !v6.is_unspecified() && (v6.segments()[0] & 0xffc0) != 0xfe80
        }
    }
}

/// The addresses the room can listen on: IPv4 first, then IPv6; loopback,
/// link-local, Docker and VPN adapters left out.
pub fn lan_addresses() -> Vec<RoomAddress> {
    let Ok(interfaces) = if_addrs::get_if_addrs() else {
        return Vec::new();
    };
    let mut out: Vec<RoomAddress> = interfaces
        .into_iter()
        .filter(|i| usable(&i.name, i.ip()))
        .map(|i| RoomAddress {
            ip: i.ip(),
            interface: i.name,
        })
        .collect();
    out.sort_by_key(|a| (a.ip.is_ipv6(), a.interface.clone(), a.ip));
    out.dedup();
    out
}

/// Bind `ip:port`, or the next free port when it is taken (port 0: any).
pub fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, RoomError> {
    let tries = if port == 0 { 1 } else { PORT_TRIES };
    let mut last = port;
    for offset in 0..tries {
        let Some(p) = port.checked_add(offset) else {
            break;
        };
        last = p;
        match TcpListener::bind(SocketAddr::new(ip, p)) {
            Ok(listener) => return Ok(listener),
            Err(e) if e.kind() == io::ErrorKind::AddrInUse => continue,
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                return Err(RoomError::NoPermission { port: p });
            }
            Err(e) if e.kind() == io::ErrorKind::AddrNotAvailable => {
                return Err(RoomError::NoSuchAddress { ip });
            }
            Err(source) => return Err(RoomError::Listen { ip, source }),
        }
    }
    Err(RoomError::PortsInUse {
        from: port,
        to: last,
    })
}

/// `http://ip:port` (IPv6 in brackets).
pub fn base_url(addr: SocketAddr) -> String {
    match addr.ip() {
        IpAddr::V6(v6) => format!("http://[{v6}]:{}", addr.port()),
        IpAddr::V4(v4) => format!("http://{v4}:{}", addr.port()),
    }
}

/// `n` random bytes from the system.
fn random_bytes<const N: usize>() -> Result<[u8; N], RoomError> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| RoomError::Random(e.to_string()))?;
    Ok(buf)
}

/// A random secret of 128 bits as 32 lowercase hex digits.
pub fn secret() -> Result<String, RoomError> {
    Ok(hex(&random_bytes::<16>()?))
}

/// Lowercase hex of some bytes.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// The room code's alphabet: no look-alikes (no O/0, I/1, L).
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// `len` random characters from `alphabet`.
pub fn random_text(alphabet: &[u8], len: usize) -> Result<String, RoomError> {
    let bytes = random_bytes::<32>()?;
    // 256 is not a multiple of the alphabet size; the tiny bias does not
    // matter for a code that changes every session.
    Ok(bytes
        .iter()
        .take(len)
        .map(|b| char::from(alphabet[usize::from(*b) % alphabet.len()]))
        .collect())
}

/// Ask our own server for its start page over `addr`, as a phone would.
/// `Ok` when it answered; otherwise a Dutch reason.
pub fn self_check(addr: SocketAddr) -> Result<(), String> {
    let timeout = Duration::from_secs(3);
    let mut stream = TcpStream::connect_timeout(&addr, timeout)
        .map_err(|e| format!("{} is niet bereikbaar: {e}", base_url(addr)))?;
    let _ = stream.set_read_timeout(Some(timeout));
    let _ = stream.set_write_timeout(Some(timeout));
    let request = format!(
        "GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nUser-Agent: kampvuur\r\n\r\n"
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| format!("geen antwoord van {}: {e}", base_url(addr)))?;
    let mut head = [0u8; 12];
    stream
        .read_exact(&mut head)
        .map_err(|e| format!("geen antwoord van {}: {e}", base_url(addr)))?;
    if head.starts_with(b"HTTP/1.1 200") {
        Ok(())
    } else {
        Err(format!("{} gaf een onverwacht antwoord", base_url(addr)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hides_loopback_link_local_docker_and_vpn() {
        let lan: IpAddr = "192.168.1.23".parse().unwrap();
        assert!(usable("wlp2s0", lan));
        assert!(!usable("lo", "127.0.0.1".parse().unwrap()));
        assert!(!usable("eth0", "169.254.3.4".parse().unwrap()));
        assert!(!usable("eth0", "fe80::1".parse().unwrap()));
        for name in [
            "docker0",
            "br-12ab",
            "veth9",
            "tun0",
            "wg0",
            "utun3",
            "tailscale0",
            "zt7",
        ] {
            assert!(!usable(name, lan), "{name}");
        }
        assert!(usable("eth0", "2001:db8::5".parse().unwrap()));
    }

    #[test]
    fn codes_avoid_look_alikes_and_secrets_are_long() {
        let code = random_text(CODE_ALPHABET, 4).unwrap();
        assert_eq!(code.len(), 4);
        assert!(!code.contains(['O', '0', 'I', '1', 'L']));
        let s = secret().unwrap();
        assert_eq!(s.len(), 32);
        assert_ne!(s, secret().unwrap());
    }

    #[test]
    fn next_free_port_when_taken() {
        let first = bind("127.0.0.1".parse().unwrap(), 0).unwrap();
        let port = first.local_addr().unwrap().port();
        let second = bind("127.0.0.1".parse().unwrap(), port).unwrap();
        assert_ne!(second.local_addr().unwrap().port(), port);
        assert_eq!(
            base_url(second.local_addr().unwrap()),
            format!("http://127.0.0.1:{}", second.local_addr().unwrap().port())
        );
    }
}
