//! HTTP side: static files for the signer pages and the wasm package, the
//! health check, and the headers that make pages cross-origin isolated.
//!
//! Cross-origin isolation (COOP + COEP) is what gives pages a fine-grained
//! `performance.now()` and `SharedArrayBuffer`; it only holds if *every*
//! response carries the headers, so they are set on the whole router.

use std::path::Path;
use std::sync::Arc;

use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::session::{ws_handler, Shared};

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

/// The whole HTTP surface. `ServeDir` rejects `..` segments (also
/// percent-encoded), so nothing outside `www`/`pkg` is reachable.
pub(crate) fn router(shared: Arc<Shared>, www: &Path, pkg: &Path) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/ws", get(ws_handler))
        .nest_service("/pkg", ServeDir::new(pkg))
        .fallback_service(ServeDir::new(www).append_index_html_on_directories(true))
        .with_state(shared)
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
    use super::content_type_for;

    #[test]
    fn pinned_types() {
        assert_eq!(content_type_for("/pkg/x_bg.wasm"), Some("application/wasm"));
        assert_eq!(content_type_for("/a/b.MJS"), Some("text/javascript; charset=utf-8"));
        assert_eq!(content_type_for("/index.html"), Some("text/html; charset=utf-8"));
        assert_eq!(content_type_for("/"), None);
        assert_eq!(content_type_for("/healthz"), None);
        assert_eq!(content_type_for("/x.png"), None);
    }
}
