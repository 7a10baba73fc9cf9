//! Load benchmark for the room (not a timed test): `kampvuur serve` with 40
//! simulated devices, each from its own loopback address 127.0.0.x. First
//! the realistic load: every device makes one change a second for 10 s;
//! then a burst: each makes 25 changes back to back. Every change is
//! confirmed only after it is on disk (fsync of the file and the folder,
//! grouped: one flush for all changes that arrive together). Reports
//! p50/p99 latency of a change for both, the server's memory (RSS) and how
//! many changes were lost (the stored answers must equal each device's last
//! change).
//!
//! Run with `cargo bench --bench room_load`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::io::{BufRead, BufReader};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use kampvuur::content::RoomStore;
use kampvuur::model::Answer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

const DEVICES: u8 = 40;
const CHANGES: usize = 25;
/// The realistic phase: one change a second per device, this many seconds.
const PACED: usize = 10;

/// One keep-alive HTTP/1.1 connection from a chosen source address.
struct Conn {
    stream: TcpStream,
    cookies: Vec<String>,
}

struct Reply {
    status: u16,
    cookies: Vec<String>,
}

impl Conn {
    async fn open(source: Ipv4Addr, server: SocketAddr) -> Conn {
        let socket = TcpSocket::new_v4().unwrap();
        socket.bind(SocketAddr::new(IpAddr::V4(source), 0)).unwrap();
        let stream = socket.connect(server).await.unwrap();
        stream.set_nodelay(true).unwrap();
        Conn {
            stream,
            cookies: Vec::new(),
        }
    }

    async fn post(&mut self, path: &str, body: &str, extra: &str) -> Reply {
        let cookie = if self.cookies.is_empty() {
            String::new()
        } else {
            format!("Cookie: {}\r\n", self.cookies.join("; "))
        };
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: {}\r\n{cookie}{extra}\r\n{body}",
            body.len()
        );
        self.stream.write_all(request.as_bytes()).await.unwrap();
        let reply = self.read_reply().await;
        for c in &reply.cookies {
            let name = c.split('=').next().unwrap_or("");
            self.cookies
                .retain(|old| !old.starts_with(&format!("{name}=")));
            self.cookies.push(c.clone());
        }
        reply
    }

    async fn read_reply(&mut self) -> Reply {
        let mut buf = Vec::new();
        let mut byte = [0u8; 1024];
        let head_end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            let n = self.stream.read(&mut byte).await.unwrap();
            assert!(n > 0, "server closed the connection");
            buf.extend_from_slice(&byte[..n]);
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
        let status: u16 = head[9..12].parse().unwrap();
        let mut length = 0usize;
        let mut cookies = Vec::new();
        for line in head.lines().skip(1) {
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            match k.to_ascii_lowercase().as_str() {
                "content-length" => length = v.trim().parse().unwrap(),
                "set-cookie" => cookies.push(v.trim().split(';').next().unwrap().to_owned()),
                _ => {}
            }
        }
        while buf.len() < head_end + length {
            let n = self.stream.read(&mut byte).await.unwrap();
            assert!(n > 0, "server closed the connection");
            buf.extend_from_slice(&byte[..n]);
        }
        Reply { status, cookies }
    }
}

/// The text of change `j` of device `d`.
fn change(d: u8, j: usize) -> (String, u8) {
    (format!("apparaat {d} wijziging {j}"), (j % 5) as u8 + 1)
}

async fn device(d: u8, server: SocketAddr, code: String) -> (Vec<Duration>, Vec<Duration>, usize) {
    let mut conn = Conn::open(Ipv4Addr::new(127, 0, 0, 10 + d), server).await;
    assert_eq!(
        conn.post("/code", &format!("code={code}"), "").await.status,
        303
    );
    assert_eq!(
        conn.post("/naam", &format!("naam=Leraar+{d}"), "")
            .await
            .status,
        303
    );
    let mut failed = 0;
    // Spread the devices over the second, as phones in a room would be.
    tokio::time::sleep(Duration::from_millis(
        u64::from(d) * 1000 / u64::from(DEVICES),
    ))
    .await;
    let mut paced = Vec::with_capacity(PACED);
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    for j in 0..PACED {
        tick.tick().await;
        let body = format!("i0=ja&i2=1&i3=rustig+{j}");
        let start = Instant::now();
        let reply = conn.post("/lijst/A", &body, "kv-autosave: 1\r\n").await;
        paced.push(start.elapsed());
        if reply.status != 204 {
            failed += 1;
        }
    }
    let mut latencies = Vec::with_capacity(CHANGES);
    for j in 0..CHANGES {
        let (text, step) = change(d, j);
        let body = format!("i0=ja&i2={step}&i3={}", text.replace(' ', "+"));
        let start = Instant::now();
        let reply = conn.post("/lijst/A", &body, "kv-autosave: 1\r\n").await;
        latencies.push(start.elapsed());
        if reply.status != 204 {
            failed += 1;
        }
    }
    (paced, latencies, failed)
}

fn rss_kb(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let workshop = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/voorbeeld.ron");
    // KAMPVUUR_BIN: measure another build of the server (e.g. a copy).
    let bin =
        std::env::var("KAMPVUUR_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_kampvuur").to_owned());
    let mut child = Command::new(bin)
        .args([
            "serve",
            workshop,
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--data",
        ])
        .arg(data.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let (mut url, mut code, mut session) = (String::new(), String::new(), String::new());
    for line in lines.by_ref() {
        let line = line.unwrap();
        let value = line
            .split_once(':')
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default();
        match line.trim_start().split(':').next().unwrap_or("") {
            "Adres" => url = value,
            "Code" => code = value,
            "Sessie" => session = value,
            _ => {}
        }
        if line.starts_with("Stoppen") {
            break;
        }
    }
    let server: SocketAddr = url.trim_start_matches("http://").parse().unwrap();
    let (idle, _) = rss_kb(child.id());

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let start = Instant::now();
    let results = runtime.block_on(async {
        let tasks: Vec<_> = (0..DEVICES)
            .map(|d| tokio::spawn(device(d, server, code.clone())))
            .collect();
        let mut out = Vec::new();
        for t in tasks {
            out.push(
                tokio::time::timeout(Duration::from_secs(120), t)
                    .await
                    .unwrap()
                    .unwrap(),
            );
        }
        out
    });
    let wall = start.elapsed();
    let (rss, peak) = rss_kb(child.id());
    Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status()
        .unwrap();
    let exit = child.wait().unwrap();

    let mut paced: Vec<Duration> = results.iter().flat_map(|(p, _, _)| p.clone()).collect();
    let mut latencies: Vec<Duration> = results.iter().flat_map(|(_, l, _)| l.clone()).collect();
    let refused: usize = results.iter().map(|(_, _, f)| f).sum();
    latencies.sort();
    paced.sort();
    let at = |v: &[Duration], p: f64| v[((v.len() as f64 - 1.0) * p).round() as usize];
    let pct = |p: f64| at(&latencies, p);

    let (_, participants, unreadable) = RoomStore::new(data.path().to_owned())
        .load(&session)
        .unwrap();
    let mut lost = 0;
    for d in 0..DEVICES {
        let (text, step) = change(d, CHANGES - 1);
        let stored = participants
            .iter()
            .find(|p| p.answers.participant == format!("Leraar {d}"))
            .and_then(|p| p.answers.checklists.get("A").cloned());
        let ok = stored.is_some_and(|a| {
            a.get(2) == Some(&Answer::Scale(Some(step))) && a.get(3) == Some(&Answer::Open(text))
        });
        if !ok {
            lost += 1;
        }
    }
    println!("room_load (elke bevestiging pas na fsync van bestand en map, group commit)");
    println!(
        "  rustig: {DEVICES} apparaten × 1 wijziging/s × {PACED} s: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        at(&paced, 0.50).as_secs_f64() * 1e3,
        at(&paced, 0.99).as_secs_f64() * 1e3,
        paced.last().unwrap().as_secs_f64() * 1e3
    );
    println!(
        "  piek: {DEVICES} apparaten × {CHANGES} wijzigingen achter elkaar = {}, alles samen in {:.2} s",
        latencies.len(),
        wall.as_secs_f64()
    );
    println!(
        "  latentie per wijziging: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        latencies.last().unwrap().as_secs_f64() * 1e3
    );
    println!(
        "  geheugen server (RSS): {:.1} MB in rust, {:.1} MB na de belasting, piek {:.1} MB",
        idle as f64 / 1024.0,
        rss as f64 / 1024.0,
        peak as f64 / 1024.0
    );
    println!(
        "  geweigerd: {refused}, verloren (opgeslagen ≠ laatste wijziging): {lost} van {DEVICES} apparaten, onleesbare bestanden: {unreadable}"
    );
    println!("  server gestopt: {exit}");
    assert_eq!(
        (refused, lost, unreadable, participants.len()),
        (0, 0, 0, usize::from(DEVICES))
    );
    assert!(exit.success());
}
