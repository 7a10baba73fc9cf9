//! Accepting connections: a header read timeout, and a cap on open
//! connections per network address and in total, so that a slow or
//! flooding client never locks the phones out. When all places are taken,
//! the oldest connection that never sent a whole request makes room.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::{Notify, oneshot, watch};
use tower::ServiceExt;

/// A request's headers must arrive within this time.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Open connections per network address (a browser opens up to six; a
/// phone and a laptop of one person fit easily).
pub const PER_ADDRESS: usize = 24;
/// Open connections in all, well below the 1,024 open files of a desktop.
pub const TOTAL: usize = 512;
/// After Stop: how long open requests may still finish.
const GRACE: Duration = Duration::from_secs(2);

struct Conn {
    ip: IpAddr,
    since: Instant,
    /// Set once a whole request arrived.
    served: Arc<AtomicBool>,
    kill: Arc<Notify>,
}

#[derive(Default)]
struct Conns {
    open: BTreeMap<u64, Conn>,
    next: u64,
}

/// The open connections.
#[derive(Default, Clone)]
struct Limits(Arc<Mutex<Conns>>);

/// One admitted connection; leaving frees its place.
struct Place {
    id: u64,
    limits: Limits,
    served: Arc<AtomicBool>,
    kill: Arc<Notify>,
}

impl Drop for Place {
    fn drop(&mut self) {
        let mut c = self.limits.0.lock().unwrap_or_else(|e| e.into_inner());
        c.open.remove(&self.id);
    }
}

impl Limits {
    /// A place for a connection from `ip`, or `None` when that address has
    /// all its places already.
    fn admit(&self, ip: IpAddr) -> Option<Place> {
        let mut c = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if c.open.values().filter(|k| k.ip == ip).count() >= PER_ADDRESS {
            return None;
        }
        if c.open.len() >= TOTAL {
            // Room for the newcomer: the oldest connection still waiting for
            // its first request is closed.
            let victim = c
                .open
                .iter()
                .filter(|(_, k)| !k.served.load(Ordering::Relaxed))
                .min_by_key(|(_, k)| k.since)
                .map(|(id, _)| *id)?;
            if let Some(k) = c.open.remove(&victim) {
                k.kill.notify_one();
            }
        }
        c.next += 1;
        let id = c.next;
        let served = Arc::new(AtomicBool::new(false));
        let kill = Arc::new(Notify::new());
        c.open.insert(
            id,
            Conn {
                ip,
                since: Instant::now(),
                served: served.clone(),
                kill: kill.clone(),
            },
        );
        Some(Place {
            id,
            limits: self.clone(),
            served,
            kill,
        })
    }

    fn count(&self) -> usize {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).open.len()
    }
}

/// Serve `app` on `listener` until `stopped` fires; then open requests get
/// [`GRACE`] to finish.
pub async fn run(
    listener: std::net::TcpListener,
    app: axum::Router,
    mut stopped: oneshot::Receiver<()>,
) {
    let listener = match tokio::net::TcpListener::from_std(listener) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("kampvuur: de zaal kon niet luisteren: {e}");
            return;
        }
    };
    let limits = Limits::default();
    let (closing, closed) = watch::channel(false);
    loop {
        tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let Some(place) = limits.admit(peer.ip()) else {
                        drop(stream);
                        continue;
                    };
                    let _ = stream.set_nodelay(true);
                    tokio::spawn(connection(stream, peer, app.clone(), place, closed.clone()));
                }
                // Out of open files or a reset before accept: wait a moment.
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            },
        }
    }
    drop(listener);
    let _ = closing.send(true);
    let deadline = Instant::now() + GRACE;
    while limits.count() > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    app: axum::Router,
    place: Place,
    mut closed: watch::Receiver<bool>,
) {
    let served = place.served.clone();
    let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
        served.store(true, Ordering::Relaxed);
        let mut req = req.map(Body::new);
        req.extensions_mut().insert(ConnectInfo(peer));
        app.clone().oneshot(req)
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .keep_alive(true);
    let conn = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    let kill = place.kill.clone();
    let closing = async move {
        let _ = closed.wait_for(|c| *c).await.is_ok();
    };
    tokio::pin!(closing);
    tokio::select! {
        _ = conn.as_mut() => {}
        () = kill.notified() => {}
        () = &mut closing => {
            conn.as_mut().graceful_shutdown();
            let _ = tokio::time::timeout(GRACE, conn.as_mut()).await;
        }
    }
    drop(place);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(n: u32) -> IpAddr {
        IpAddr::V4(std::net::Ipv4Addr::from(0x0a00_0000 + n))
    }

    #[test]
    fn caps_per_address_and_in_total() {
        let limits = Limits::default();
        let mine: Vec<Place> = (0..PER_ADDRESS)
            .map(|_| limits.admit(ip(1)).unwrap())
            .collect();
        assert!(
            limits.admit(ip(1)).is_none(),
            "one address has {PER_ADDRESS} places"
        );
        assert_eq!(limits.count(), PER_ADDRESS);
        drop(mine);
        assert_eq!(limits.count(), 0, "leaving frees the places");
        // Full: the oldest connection that never sent a request makes room;
        // one that was served stays.
        let mut all: Vec<Place> = (0..TOTAL as u32)
            .map(|n| limits.admit(ip(100 + n)).unwrap())
            .collect();
        all[0].served.store(true, Ordering::Relaxed);
        let phone = limits.admit(ip(9999)).expect("a phone still gets in");
        assert_eq!(limits.count(), TOTAL);
        let open = limits.0.lock().unwrap();
        assert!(open.open.contains_key(&all[0].id), "the served one stays");
        assert!(
            !open.open.contains_key(&all[1].id),
            "the oldest idle one went"
        );
        assert!(open.open.contains_key(&phone.id));
        drop(open);
        all.clear();
        // When every connection was served, a newcomer waits its turn.
        let served: Vec<Place> = (0..TOTAL as u32 - 1)
            .map(|n| {
                let p = limits.admit(ip(5000 + n)).unwrap();
                p.served.store(true, Ordering::Relaxed);
                p
            })
            .collect();
        phone.served.store(true, Ordering::Relaxed);
        assert!(limits.admit(ip(9998)).is_none());
        drop(served);
    }
}
