//! The processes under test: wsts-relay (one, or three in a cluster) and
//! nats-server, started on loopback, measured through /proc, stopped on drop.

use std::io::{BufRead as _, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A child process killed on drop.
pub struct Proc {
    child: Child,
    _dir: Option<tempfile::TempDir>,
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// CPU time and memory of a process, from /proc.
#[derive(Debug, Clone, Copy, Default)]
pub struct Usage {
    pub cpu_secs: f64,
    pub rss_bytes: u64,
    pub peak_rss_bytes: u64,
}

impl Proc {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn usage(&self) -> Usage {
        usage(self.pid())
    }
}

pub fn usage(pid: u32) -> Usage {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may contain spaces) are space-separated;
    // utime and stime are fields 14 and 15 (1-based), in clock ticks.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kib = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
            * 1024
    };
    Usage { cpu_secs: (ticks(11) + ticks(12)) / hz, rss_bytes: kib("VmRSS:"), peak_rss_bytes: kib("VmHWM:") }
}

/// Raises this process's open-file limit (inherited by the relays it
/// starts) to at least `want`, as `ulimit -n` would.
pub fn raise_fd_limit(want: u64) -> u64 {
    let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit/setrlimit only read/write the struct we pass.
    unsafe {
        libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim);
        let target = want.max(lim.rlim_cur);
        if target > lim.rlim_max {
            // Only root may raise the hard limit; harmless if refused.
            let raised = libc::rlimit { rlim_cur: target, rlim_max: target };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                return target;
            }
        }
        lim.rlim_cur = target.min(lim.rlim_max);
        libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
        libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim);
    }
    lim.rlim_cur
}

/// The wsts-relay binary next to this one (target/release/).
pub fn relay_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("current exe");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let bin = dir.join("wsts-relay");
    assert!(bin.exists(), "{} not found: cargo build --release -p wsts-relay", bin.display());
    bin
}

/// Starts a relay on a free loopback port; returns it and its address.
pub fn start_relay(args: &[String], threads: Option<usize>) -> (Proc, SocketAddr) {
    let mut command = Command::new(relay_binary());
    if let Some(n) = threads {
        // Read by tokio's runtime builder.
        command.env("TOKIO_WORKER_THREADS", n.to_string());
    }
    let mut child = command
        .args(["--addr", "127.0.0.1:0", "--www", "www", "--pkg", "pkg", "--log-level", "warn"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start wsts-relay");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("relay output");
    let addr = line.trim().strip_prefix("listening on http://").and_then(|a| a.parse().ok());
    let addr = addr.unwrap_or_else(|| panic!("unexpected first line from wsts-relay: {line:?}"));
    (Proc { child, _dir: None }, addr)
}

/// Starts nats-server (JetStream on) on a free loopback port.
pub fn start_nats() -> (Proc, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dir = tempfile::tempdir().expect("tempdir");
    let conf = dir.path().join("nats.conf");
    let store = dir.path().join("js");
    std::fs::write(
        &conf,
        format!("listen: 127.0.0.1:{port}\nmax_payload: 40000000\njetstream {{ store_dir: {store:?} }}\n"),
    )
    .expect("write nats.conf");
    let bin = ["/usr/sbin/nats-server", "/usr/bin/nats-server"].into_iter().find(|p| Path::new(p).exists());
    let child = Command::new(bin.unwrap_or("nats-server"))
        .arg("-c")
        .arg(&conf)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start nats-server (bash scripts/setup.sh installs it)");
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "nats-server did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    (Proc { child, _dir: Some(dir) }, format!("nats://127.0.0.1:{port}"))
}
