//! `wsts-relay`: an untrusted WebSocket relay and static file server for
//! wsts-web browser signers.
//!
//! Signers' packets are end-to-end signed by the protocol, so the relay never
//! looks inside them: it groups connections into rooms, forwards opaque
//! base64 payloads and WebRTC signalling, and enforces resource limits so one
//! misbehaving tab cannot hurt the others. See `README.md` for the protocol.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let relay = wsts_relay::bind(wsts_relay::RelayConfig {
//!     addr: "127.0.0.1:0".parse().unwrap(),
//!     ..Default::default()
//! })
//! .await?;
//! println!("listening on http://{}", relay.local_addr());
//! relay.run().await
//! # }
//! ```

pub mod auth;
pub mod bindings;
pub mod budget;
pub mod cluster;
pub mod http;
pub mod limits;
pub mod protocol;
pub mod queue;
pub mod rooms;
mod server;
mod session;
pub mod ws;

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;

pub use cluster::ClusterConfig;
pub use limits::Limits;
pub use ws::handshake::OriginPolicy;

/// Everything the relay needs to start.
#[derive(Debug, Clone)]
pub struct RelayConfig {
    /// Address to listen on; port 0 picks a free port (see [`Relay::local_addr`]).
    pub addr: SocketAddr,
    /// Served at `/`.
    pub www: PathBuf,
    /// Served at `/pkg/` (the wasm-pack output).
    pub pkg: PathBuf,
    pub limits: Limits,
    /// Origins allowed to open `/ws` besides the relay's own (`*`: any).
    pub allowed_origins: Vec<String>,
    /// Share rooms with other relays through this NATS server.
    pub cluster: Option<ClusterConfig>,
}

impl Default for RelayConfig {
    fn default() -> Self {
        RelayConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            www: PathBuf::from("www"),
            pkg: PathBuf::from("pkg"),
            limits: Limits::default(),
            allowed_origins: Vec::new(),
            cluster: None,
        }
    }
}

/// A relay bound to its address but not yet serving. Binding and serving are
/// split so callers (tests, scripts) learn the real port before traffic starts.
pub struct Relay {
    listener: TcpListener,
    local_addr: SocketAddr,
    app: Router,
    limits: Limits,
    budget: Arc<budget::Budget>,
}

/// Binds the listening socket and builds the application.
pub async fn bind(config: RelayConfig) -> io::Result<Relay> {
    let listener = TcpListener::bind(config.addr).await?;
    let local_addr = listener.local_addr()?;
    let origins = OriginPolicy::from_list(&config.allowed_origins);
    let mut limits = config.limits.clone();
    let cluster = match config.cluster {
        Some(c) => Some(join_cluster(c, &mut limits).await?),
        None => None,
    };
    let shared = Arc::new(session::Shared::new(limits.clone(), origins, cluster.clone()));
    if let Some(cluster) = &cluster {
        cluster.start(Arc::downgrade(&shared), limits.binding_ttl);
    }
    let budget = shared.budget.clone();
    let app = http::router(shared, &config.www, &config.pkg);
    Ok(Relay { listener, local_addr, app, limits, budget })
}

/// Connects to the cluster; a frame must fit in one NATS message there, so
/// the frame limit is lowered to what the NATS server accepts, if need be.
async fn join_cluster(config: ClusterConfig, limits: &mut Limits) -> io::Result<Arc<cluster::Cluster>> {
    let url = config.url.clone();
    let cluster = cluster::Cluster::connect(config, limits).await?;
    let fits = cluster.max_payload().saturating_sub(cluster::FRAME_OVERHEAD);
    if limits.max_frame_bytes > fits {
        tracing::warn!(
            max_payload = cluster.max_payload(),
            "NATS max_payload is below --max-frame-bytes; frames are limited to {fits} bytes"
        );
        limits.max_frame_bytes = fits;
    }
    tracing::info!(%url, relay = &*cluster.id, "joined the cluster");
    Ok(cluster)
}

impl Relay {
    /// The address actually bound (resolves port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The relay's memory budget (to watch what clients make it hold).
    pub fn budget(&self) -> Arc<budget::Budget> {
        self.budget.clone()
    }

    /// Serves until the process ends.
    pub async fn run(self) -> io::Result<()> {
        self.run_until(std::future::pending()).await
    }

    /// Serves until `shutdown` completes, then stops accepting connections.
    pub async fn run_until<F>(self, shutdown: F) -> io::Result<()>
    where
        F: Future<Output = ()> + Send + 'static,
    {
        server::serve(self.listener, self.app, &self.limits, shutdown).await
    }
}

/// Binds and serves `config` until the process ends.
pub async fn serve(config: RelayConfig) -> io::Result<()> {
    bind(config).await?.run().await
}
