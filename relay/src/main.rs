//! `wsts-relay` command line: parses flags, prints the bound address as the
//! first stdout line (scripts parse it), logs to stderr.

use std::io::{IsTerminal as _, Write as _};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use wsts_relay::{ClusterConfig, Limits, RelayConfig};

/// Untrusted WebSocket relay and static file server for wsts-web browser signers.
#[derive(Debug, Parser)]
#[command(name = "wsts-relay", version)]
struct Args {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Directory served at `/`.
    #[arg(long, default_value = "www")]
    www: PathBuf,
    /// Directory served at `/pkg/` (wasm-pack output).
    #[arg(long, default_value = "pkg")]
    pkg: PathBuf,
    /// An origin allowed to open /ws besides the relay's own, e.g. https://wallet.example
    /// (repeatable; `*` allows any).
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    allow_origin: Vec<String>,
    /// Share rooms with other relays through this NATS server (JetStream enabled),
    /// e.g. nats://127.0.0.1:4222.
    #[arg(long, value_name = "URL")]
    cluster: Option<String>,
    /// Largest WebSocket message accepted, in bytes; larger ones close the connection.
    #[arg(long, default_value_t = D.max_frame_bytes)]
    max_frame_bytes: usize,
    /// Peers allowed in one room (and peer ids bound in one room).
    #[arg(long, default_value_t = D.max_peers_per_room)]
    max_peers_per_room: usize,
    /// Rooms allowed at once.
    #[arg(long, default_value_t = D.max_rooms)]
    max_rooms: usize,
    /// Concurrent TCP connections, including those not yet upgraded to WebSocket.
    #[arg(long, default_value_t = D.max_connections)]
    max_connections: usize,
    /// Sustained messages (and WebSocket pings) per second per connection (0 = unlimited).
    #[arg(long, default_value_t = D.rate_per_sec)]
    rate: f64,
    /// Messages a connection may send back-to-back before `--rate` applies.
    #[arg(long, default_value_t = D.burst)]
    burst: f64,
    /// Soft bound of a connection's outbound queue, in messages (senders wait beyond it).
    #[arg(long, default_value_t = D.queue_len)]
    queue_len: usize,
    /// Soft bound of a connection's outbound queue, in bytes (senders wait beyond it).
    #[arg(long, default_value_t = D.max_queue_bytes)]
    max_queue_bytes: usize,
    /// Bytes held for all clients together (partial messages and queued frames).
    #[arg(long, default_value_t = D.max_memory_bytes)]
    max_memory_bytes: usize,
    /// Seconds a write may stall, or a sender wait for a recipient's queue, before that
    /// recipient is dropped as a slow consumer.
    #[arg(long, default_value_t = D.send_timeout.as_secs())]
    send_timeout_secs: u64,
    /// Seconds to finish a WebSocket message once it started.
    #[arg(long, default_value_t = D.message_timeout.as_secs())]
    message_timeout_secs: u64,
    /// Seconds an HTTP connection may go without progress before upgrading to WebSocket.
    #[arg(long, default_value_t = D.upgrade_timeout.as_secs())]
    upgrade_timeout_secs: u64,
    /// Seconds without any traffic (including pongs) before a connection is dropped.
    #[arg(long, default_value_t = D.idle_timeout.as_secs())]
    idle_timeout_secs: u64,
    /// Seconds between the relay's WebSocket pings.
    #[arg(long, default_value_t = D.ping_interval.as_secs())]
    ping_interval_secs: u64,
    /// Seconds a room's peer-id bindings outlive its last connected peer.
    #[arg(long, default_value_t = D.binding_ttl.as_secs())]
    binding_ttl_secs: u64,
    /// Empty rooms whose peer-id bindings are remembered (oldest forgotten first).
    #[arg(long, default_value_t = D.max_dormant_rooms)]
    max_dormant_rooms: usize,
    /// Log level for stderr: error, warn, info, debug or trace.
    #[arg(long, default_value = "info")]
    log_level: tracing::Level,
}

const D: Limits = Limits::DEFAULT;

impl Args {
    fn limits(&self) -> Result<Limits, String> {
        let secs = |flag: &str, v: u64| {
            if v == 0 {
                Err(format!("{flag} must be at least 1"))
            } else {
                Ok(Duration::from_secs(v))
            }
        };
        Ok(Limits {
            max_frame_bytes: self.max_frame_bytes,
            max_peers_per_room: self.max_peers_per_room,
            max_rooms: self.max_rooms,
            max_connections: self.max_connections,
            rate_per_sec: self.rate,
            burst: self.burst,
            queue_len: self.queue_len,
            max_queue_bytes: self.max_queue_bytes,
            max_memory_bytes: self.max_memory_bytes,
            send_timeout: secs("--send-timeout-secs", self.send_timeout_secs)?,
            message_timeout: secs("--message-timeout-secs", self.message_timeout_secs)?,
            upgrade_timeout: secs("--upgrade-timeout-secs", self.upgrade_timeout_secs)?,
            idle_timeout: secs("--idle-timeout-secs", self.idle_timeout_secs)?,
            ping_interval: secs("--ping-interval-secs", self.ping_interval_secs)?,
            binding_ttl: secs("--binding-ttl-secs", self.binding_ttl_secs)?,
            max_dormant_rooms: self.max_dormant_rooms,
        })
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_max_level(args.log_level)
        .with_target(false)
        .init();
    let limits = match args.limits() {
        Ok(limits) => limits,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    for (flag, dir) in [("--www", &args.www), ("--pkg", &args.pkg)] {
        if !dir.is_dir() {
            tracing::warn!("{flag} {} is not a directory; its files will 404", dir.display());
        }
    }
    let config = RelayConfig {
        addr: args.addr,
        www: args.www,
        pkg: args.pkg,
        limits,
        allowed_origins: args.allow_origin,
        cluster: args.cluster.map(ClusterConfig::new),
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        let relay = wsts_relay::bind(config).await?;
        println!("listening on http://{}", relay.local_addr());
        let _ = std::io::stdout().flush();
        relay
            .run_until(async {
                let _ = tokio::signal::ctrl_c().await;
                tracing::info!("shutting down");
            })
            .await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
