//! Accepting TCP connections and serving HTTP/1 on them.
//!
//! The connection limit is taken at `accept`, and the permit travels with the
//! socket through the HTTP upgrade into the WebSocket session, so sockets
//! that never finish (or never start) the upgrade count too. Before the
//! upgrade a connection must make progress: request heads must arrive
//! within `upgrade_timeout` (hyper's header-read timeout, which also covers
//! idle keep-alive), and a connection whose reads and writes all stall that
//! long (say, a response nobody reads) is closed.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

use crate::limits::Limits;

/// Sent to a connection over the limit before closing it.
const SERVICE_UNAVAILABLE: &[u8] =
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 12\r\nConnection: close\r\nRetry-After: 5\r\n\r\nserver-full\n";

/// When a connection last moved a byte (shared between tasks, lock-free).
pub(crate) struct Progress {
    base: Instant,
    last_ms: AtomicU64,
}

impl Progress {
    pub fn new() -> Self {
        Progress { base: Instant::now(), last_ms: AtomicU64::new(0) }
    }

    pub fn touch(&self) {
        self.last_ms.store(self.base.elapsed().as_millis() as u64, Ordering::Relaxed);
    }

    /// Time since the last [`touch`](Self::touch) (or creation).
    pub fn idle(&self) -> Duration {
        let last = Duration::from_millis(self.last_ms.load(Ordering::Relaxed));
        self.base.elapsed().saturating_sub(last)
    }
}

/// An accepted socket with its connection-limit permit.
pub(crate) struct Counted {
    pub tcp: TcpStream,
    pub permit: OwnedSemaphorePermit,
    progress: Arc<Progress>,
}

impl AsyncRead for Counted {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let res = Pin::new(&mut self.tcp).poll_read(cx, buf);
        if matches!(res, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.progress.touch();
        }
        res
    }
}

impl Counted {
    fn moved(&self, res: Poll<io::Result<usize>>) -> Poll<io::Result<usize>> {
        if matches!(res, Poll::Ready(Ok(n)) if n > 0) {
            self.progress.touch();
        }
        res
    }
}

impl AsyncWrite for Counted {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let res = Pin::new(&mut self.tcp).poll_write(cx, buf);
        self.moved(res)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let res = Pin::new(&mut self.tcp).poll_write_vectored(cx, bufs);
        self.moved(res)
    }

    fn is_write_vectored(&self) -> bool {
        self.tcp.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.tcp).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.tcp).poll_shutdown(cx)
    }
}

/// The I/O type the HTTP server runs on; the WebSocket handler downcasts
/// the upgraded connection back to it.
pub(crate) type HttpIo = TokioIo<Counted>;

/// Accepts and serves until `shutdown` completes.
pub(crate) async fn serve<F>(listener: TcpListener, app: Router, limits: &Limits, shutdown: F) -> io::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.upgrade_timeout).keep_alive(true);
    let upgrade_timeout = limits.upgrade_timeout;
    tokio::pin!(shutdown);
    loop {
        let (tcp, _) = tokio::select! {
            () = &mut shutdown => return Ok(()),
            accepted = listener.accept() => match accepted {
                Ok(conn) => conn,
                Err(e) => {
                    // Out of file descriptors, usually: back off, keep serving.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            tracing::debug!("connection limit reached; refusing");
            let _ = tcp.try_write(SERVICE_UNAVAILABLE);
            continue;
        };
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "could not set TCP_NODELAY");
        }
        let progress = Arc::new(Progress::new());
        let io = TokioIo::new(Counted { tcp, permit, progress: progress.clone() });
        let conn = http.serve_connection(io, TowerToHyperService::new(app.clone())).with_upgrades();
        tokio::spawn(async move {
            let stalled = async {
                loop {
                    tokio::time::sleep(upgrade_timeout / 4).await;
                    if progress.idle() >= upgrade_timeout {
                        return;
                    }
                }
            };
            tokio::select! {
                res = conn => if let Err(e) = res {
                    tracing::debug!(error = %e, "http connection ended");
                },
                () = stalled => tracing::debug!("http connection made no progress; closing"),
            }
        });
    }
}
