//! HTTP side: static files for the signer pages and the wasm package, the
//! health check, the WebSocket upgrade, and the headers that make pages
//! cross-origin isolated.
//!
//! Cross-origin isolation (COOP + COEP) is what gives pages a fine-grained
//! `performance.now()` and `SharedArrayBuffer`; it only holds if *every*
//! response carries the headers, so they are set on the whole router.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{self, CACHE_CONTROL, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse as _, Response};
use axum::routing::get;
use axum::Router;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::server::HttpIo;
use crate::session::{self, Shared};
use crate::ws::handshake::accept_key;

/// Content types we pin regardless of the system MIME table: browsers
/// refuse `WebAssembly.instantiateStreaming` without `application/wasm` and
/// module scripts without a JavaScript type.
pub fn content_type_for(path: &str) -> Option<&'static str> {
    let ext = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "wasm" => "application/wasm",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        _ => return None,
    })
}

async fn pin_content_type(req: Request, next: Next) -> Response {
    let pinned = content_type_for(req.uri().path());
    let mut res = next.run(req).await;
    if let Some(ct) = pinned {
        if res.status().is_success() {
            res.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(ct));
        }
    }
    res
}

fn always(name: &'static str, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(HeaderName::from_static(name), HeaderValue::from_static(value))
}

/// The static roots, canonicalized once, for the symlink check.
#[derive(Clone)]
struct Roots {
    www: Option<PathBuf>,
    pkg: Option<PathBuf>,
}

/// True if the file `url_path` names under `root` (and, for a directory, its
/// `index.html`) resolves inside `root`: a symlink may point elsewhere in the
/// tree, never out of it. Paths that do not exist pass (they 404 anyway).
pub fn stays_inside(root: &Path, url_path: &str) -> bool {
    let Ok(decoded) = percent_encoding::percent_decode_str(url_path).decode_utf8() else { return false };
    let mut path = root.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty() && *s != ".") {
        if segment == ".." || segment.contains('\\') || segment.contains('\0') {
            return false;
        }
        path.push(segment);
    }
    let inside = |p: &Path| p.canonicalize().map_or(true, |real| real.starts_with(root));
    inside(&path) && (!path.is_dir() || inside(&path.join("index.html")))
}

async fn refuse_escapes(State(roots): State<Roots>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let (root, rest) = match path.strip_prefix("/pkg") {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => (&roots.pkg, rest),
        _ => (&roots.www, path),
    };
    if root.as_deref().is_some_and(|root| !stays_inside(root, rest)) {
        tracing::warn!(path = ?crate::protocol::truncate(path, 256), "refused a path resolving outside its root");
        return StatusCode::NOT_FOUND.into_response();
    }
    next.run(req).await
}

/// `GET /ws`: checks the upgrade and the Origin, answers 101 and hands the
/// socket to a session.
async fn ws_upgrade(State(shared): State<Arc<Shared>>, mut req: Request) -> Response {
    let key = match accept_key(req.headers()) {
        Ok(key) => key,
        Err(why) => return (StatusCode::BAD_REQUEST, why).into_response(),
    };
    if !shared.origins.allows(req.headers()) {
        let origin = req.headers().get(header::ORIGIN).map(|o| String::from_utf8_lossy(o.as_bytes()).into_owned());
        tracing::warn!(origin = ?origin.as_deref().map(|o| crate::protocol::truncate(o, 256)), "origin not allowed");
        return (StatusCode::FORBIDDEN, "origin not allowed").into_response();
    }
    let on_upgrade = hyper::upgrade::on(&mut req);
    tokio::spawn(async move {
        let upgraded = match on_upgrade.await {
            Ok(u) => u,
            Err(e) => return tracing::debug!(error = %e, "upgrade failed"),
        };
        match upgraded.downcast::<HttpIo>() {
            Ok(parts) => {
                let counted = parts.io.into_inner();
                session::run(counted.tcp, parts.read_buf, counted.permit, shared).await
            }
            Err(_) => tracing::error!("upgraded connection of an unexpected type"),
        }
    });
    Response::builder()
        .status(StatusCode::SWITCHING_PROTOCOLS)
        .header(header::UPGRADE, "websocket")
        .header(header::CONNECTION, "upgrade")
        .header(header::SEC_WEBSOCKET_ACCEPT, key)
        .body(Body::empty())
        .expect("a valid response")
}

/// The whole HTTP surface. `ServeDir` rejects `..` segments (also
/// percent-encoded), and [`refuse_escapes`] symlinks out of `www`/`pkg`, so
/// nothing outside them is reachable.
pub(crate) fn router(shared: Arc<Shared>, www: &Path, pkg: &Path) -> Router {
    let roots = Roots { www: www.canonicalize().ok(), pkg: pkg.canonicalize().ok() };
    let files = Router::new()
        .nest_service("/pkg", ServeDir::new(pkg))
        .fallback_service(ServeDir::new(www).append_index_html_on_directories(true))
        .layer(middleware::from_fn_with_state(roots, refuse_escapes));
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/ws", get(ws_upgrade))
        .with_state(shared)
        .merge(files)
        .layer(middleware::from_fn(pin_content_type))
        .layer(always("cross-origin-opener-policy", "same-origin"))
        .layer(always("cross-origin-embedder-policy", "require-corp"))
        .layer(always("cross-origin-resource-policy", "same-origin"))
        .layer(SetResponseHeaderLayer::overriding(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        // Revalidate every load, so a rebuilt wasm package is never stale.
        .layer(SetResponseHeaderLayer::if_not_present(CACHE_CONTROL, HeaderValue::from_static("no-cache")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinned_types() {
        assert_eq!(content_type_for("/pkg/x_bg.wasm"), Some("application/wasm"));
        assert_eq!(content_type_for("/a/b.MJS"), Some("text/javascript; charset=utf-8"));
        assert_eq!(content_type_for("/index.html"), Some("text/html; charset=utf-8"));
        assert_eq!(content_type_for("/"), None);
        assert_eq!(content_type_for("/healthz"), None);
        assert_eq!(content_type_for("/x.png"), None);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_may_not_leave_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("www");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(dir.path().join("secret"), "x").unwrap();
        std::fs::write(root.join("a.js"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret"), root.join("out")).unwrap();
        std::os::unix::fs::symlink(dir.path(), root.join("updir")).unwrap();
        std::os::unix::fs::symlink(root.join("a.js"), root.join("sub/in.js")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret"), root.join("sub/index.html")).unwrap();
        let root = root.canonicalize().unwrap();
        assert!(stays_inside(&root, "/a.js"));
        assert!(stays_inside(&root, "/sub/in.js"), "a link inside the tree is fine");
        assert!(stays_inside(&root, "/missing.js"));
        assert!(!stays_inside(&root, "/out"));
        assert!(!stays_inside(&root, "/%6fut"), "percent-encoded");
        assert!(!stays_inside(&root, "/updir/secret"));
        assert!(!stays_inside(&root, "/sub/"), "a directory whose index.html leaves the tree");
        assert!(!stays_inside(&root, "/../secret"));
    }
}
