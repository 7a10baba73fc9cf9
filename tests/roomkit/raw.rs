//! A bare HTTP/1.1 client over tokio, sending from a chosen loopback address
//! (127.0.0.x), so that many "devices" can talk to a real `serve` process.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpSocket;

pub struct Got {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Got {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map_or("", |(_, v)| v.as_str())
    }
}

/// One device: its source address and its cookies.
#[derive(Clone)]
pub struct Device {
    pub from: IpAddr,
    pub server: SocketAddr,
    pub cookies: BTreeMap<String, String>,
}

impl Device {
    pub fn new(server: SocketAddr, from: IpAddr) -> Self {
        Self {
            from,
            server,
            cookies: BTreeMap::new(),
        }
    }

    /// One request on a fresh connection; `None` when the connection failed
    /// (the server is gone).
    pub async fn request(
        &mut self,
        method: &str,
        path: &str,
        body: &str,
        extra: &[(&str, &str)],
    ) -> Option<Got> {
        let socket = TcpSocket::new_v4().ok()?;
        socket.bind(SocketAddr::new(self.from, 0)).ok()?;
        let mut stream = tokio::time::timeout(Duration::from_secs(10), socket.connect(self.server))
            .await
            .ok()?
            .ok()?;
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.server
        );
        if !self.cookies.is_empty() {
            let c: Vec<String> = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            head.push_str(&format!("Cookie: {}\r\n", c.join("; ")));
        }
        if method == "POST" {
            head.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        for (k, v) in extra {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        head.push_str(body);
        stream.write_all(head.as_bytes()).await.ok()?;
        let mut raw = Vec::new();
        tokio::time::timeout(Duration::from_secs(15), stream.read_to_end(&mut raw))
            .await
            .ok()?
            .ok()?;
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n")?;
        let mut lines = head.lines();
        let status: u16 = lines.next()?.split(' ').nth(1)?.parse().ok()?;
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .collect();
        for (k, v) in &headers {
            if k.eq_ignore_ascii_case("set-cookie") {
                let (name, value) = v.split(';').next()?.split_once('=')?;
                if v.contains("Max-Age=0") {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.to_owned(), value.to_owned());
                }
            }
        }
        Some(Got {
            status,
            headers,
            body: body.to_owned(),
        })
    }

    pub async fn get(&mut self, path: &str) -> Option<Got> {
        self.request("GET", path, "", &[]).await
    }

    pub async fn post(&mut self, path: &str, body: &str) -> Option<Got> {
        self.request("POST", path, body, &[]).await
    }

    /// Join with the room code and a name.
    pub async fn join(&mut self, code: &str, name: &str) -> Got {
        let r = self.post("/code", &format!("code={code}")).await.unwrap();
        assert_eq!(r.status, 303, "{}", r.body);
        self.post("/naam", &format!("naam={name}")).await.unwrap()
    }
}

/// A running `kampvuur serve` process, killed when dropped.
pub struct Serve {
    pub child: std::process::Child,
    pub addr: SocketAddr,
    pub code: String,
    pub session: String,
    pub out: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Serve {
    /// Start `kampvuur serve` on 127.0.0.1 with `data` as its folder and
    /// wait until it tells its address and code.
    pub fn start(workshop: &std::path::Path, data: &std::path::Path, extra: &[&str]) -> Serve {
        use std::io::BufRead;
        // KAMPVUUR_BIN: run a copy (a shared target folder may hold another build).
        let bin = std::env::var("KAMPVUUR_BIN")
            .unwrap_or_else(|_| env!("CARGO_BIN_EXE_kampvuur").to_owned());
        let mut child = std::process::Command::new(bin)
            .arg("serve")
            .arg(workshop)
            .args(["--bind", "127.0.0.1", "--port", "0", "--data"])
            .arg(data)
            .args(extra)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::inherit())
            .spawn()
            .expect("serve starts");
        let stdout = child.stdout.take().unwrap();
        let out = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let keep = out.clone();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                keep.lock().unwrap().push_str(&format!("{line}\n"));
                let _ = tx.send(line);
            }
        });
        let (mut addr, mut code, mut session) = (None, None, None);
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while addr.is_none() || code.is_none() || session.is_none() {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let line = rx.recv_timeout(left).expect("serve prints its address");
            let value = |l: &str| l.split_once(':').map(|(_, v)| v.trim().to_owned());
            let t = line.trim_start();
            if t.starts_with("Adres:") {
                addr = value(t).map(|v| v.trim_start_matches("http://").parse().unwrap());
            } else if t.starts_with("Code:") {
                code = value(t);
            } else if t.starts_with("Sessie:") {
                session = value(t);
            }
        }
        Serve {
            child,
            addr: addr.unwrap(),
            code: code.unwrap(),
            session: session.unwrap(),
            out,
        }
    }

    /// kill -9.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Ctrl+C; how long until the process ended (at most `limit`).
    pub fn interrupt(&mut self, limit: Duration) -> Option<Duration> {
        let t = std::time::Instant::now();
        std::process::Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        while t.elapsed() < limit {
            if self.child.try_wait().unwrap().is_some() {
                return Some(t.elapsed());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
