//! A private `nats-server` (JetStream on) on a free loopback port, stopped
//! when dropped. The Debian package `nats-server` is installed by
//! scripts/setup.sh.

use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Nats {
    child: Child,
    pub url: String,
    _dir: tempfile::TempDir,
}

fn binary() -> String {
    for candidate in ["nats-server", "/usr/sbin/nats-server", "/usr/bin/nats-server"] {
        if Command::new(candidate).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok() {
            return candidate.to_owned();
        }
    }
    panic!("nats-server not found: install it with `bash scripts/setup.sh` (Debian package nats-server)");
}

impl Nats {
    pub fn start() -> Nats {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = tempfile::tempdir().unwrap();
        let conf = dir.path().join("nats.conf");
        let store = dir.path().join("js");
        std::fs::write(
            &conf,
            format!("listen: 127.0.0.1:{port}\nmax_payload: 40000000\njetstream {{ store_dir: {:?} }}\n", store),
        )
        .unwrap();
        let child = Command::new(binary())
            .arg("-c")
            .arg(Path::new(&conf))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start nats-server");
        let nats = Nats { child, url: format!("nats://127.0.0.1:{port}"), _dir: dir };
        let addr: SocketAddr = ([127, 0, 0, 1], port).into();
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(addr).is_err() {
            assert!(Instant::now() < deadline, "nats-server did not listen on {addr}");
            std::thread::sleep(Duration::from_millis(20));
        }
        nats
    }
}

impl Drop for Nats {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
