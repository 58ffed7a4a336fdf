//! `wsts-relay` command line: parses flags, prints the bound address as the
//! first stdout line (scripts parse it), logs to stderr.

use std::io::{IsTerminal as _, Write as _};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use wsts_relay::{Limits, RelayConfig};

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
    /// Largest WebSocket message accepted, in bytes; larger ones close the connection.
    #[arg(long, default_value_t = Limits::default().max_frame_bytes)]
    max_frame_bytes: usize,
    /// Peers allowed in one room.
    #[arg(long, default_value_t = Limits::default().max_peers_per_room)]
    max_peers_per_room: usize,
    /// Rooms allowed at once.
    #[arg(long, default_value_t = Limits::default().max_rooms)]
    max_rooms: usize,
    /// Concurrent WebSocket connections.
    #[arg(long, default_value_t = Limits::default().max_connections)]
    max_connections: usize,
    /// Sustained messages per second per connection (0 = unlimited).
    #[arg(long, default_value_t = Limits::default().rate_per_sec)]
    rate: f64,
    /// Messages a connection may send back-to-back before `--rate` applies.
    #[arg(long, default_value_t = Limits::default().burst)]
    burst: f64,
    /// Outbound messages queued per connection before it is dropped as too slow.
    #[arg(long, default_value_t = Limits::default().queue_len)]
    queue_len: usize,
    /// Outbound bytes queued per connection before it is dropped as too slow.
    #[arg(long, default_value_t = Limits::default().max_queue_bytes)]
    max_queue_bytes: usize,
    /// Seconds without any traffic (including pongs) before a connection is dropped.
    #[arg(long, default_value_t = Limits::default().idle_timeout.as_secs())]
    idle_timeout_secs: u64,
    /// Seconds between the relay's WebSocket pings.
    #[arg(long, default_value_t = Limits::default().ping_interval.as_secs())]
    ping_interval_secs: u64,
    /// Seconds a room's peer-id bindings outlive its last connected peer.
    #[arg(long, default_value_t = Limits::default().binding_ttl.as_secs())]
    binding_ttl_secs: u64,
    /// Empty rooms whose peer-id bindings are remembered (oldest forgotten first).
    #[arg(long, default_value_t = Limits::default().max_dormant_rooms)]
    max_dormant_rooms: usize,
    /// Log level for stderr: error, warn, info, debug or trace.
    #[arg(long, default_value = "info")]
    log_level: tracing::Level,
}

fn main() -> ExitCode {
    let args = Args::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_max_level(args.log_level)
        .with_target(false)
        .init();
    if args.idle_timeout_secs == 0 || args.ping_interval_secs == 0 {
        eprintln!("error: --idle-timeout-secs and --ping-interval-secs must be at least 1");
        return ExitCode::from(2);
    }
    for (flag, dir) in [("--www", &args.www), ("--pkg", &args.pkg)] {
        if !dir.is_dir() {
            tracing::warn!("{flag} {} is not a directory; its files will 404", dir.display());
        }
    }
    let config = RelayConfig {
        addr: args.addr,
        www: args.www,
        pkg: args.pkg,
        limits: Limits {
            max_frame_bytes: args.max_frame_bytes,
            max_peers_per_room: args.max_peers_per_room,
            max_rooms: args.max_rooms,
            max_connections: args.max_connections,
            rate_per_sec: args.rate,
            burst: args.burst,
            queue_len: args.queue_len,
            max_queue_bytes: args.max_queue_bytes,
            idle_timeout: Duration::from_secs(args.idle_timeout_secs),
            ping_interval: Duration::from_secs(args.ping_interval_secs),
            binding_ttl: Duration::from_secs(args.binding_ttl_secs),
            max_dormant_rooms: args.max_dormant_rooms,
        },
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
