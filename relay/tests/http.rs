//! Static files, health check and isolation headers.

mod common;

use std::fs;

use common::{header, http_get, start_with};
use wsts_relay::RelayConfig;

const SECRET: &str = "TOP-SECRET-MARKER";

struct Site {
    _dir: tempfile::TempDir,
    addr: std::net::SocketAddr,
}

/// tmp/{Cargo.toml (secret), www/{index.html, app.js, mod.mjs, style.css, data.json},
/// pkg/{wsts_web.js, wsts_web_bg.wasm}}
async fn site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let www = root.join("www");
    let pkg = root.join("pkg");
    fs::create_dir_all(www.join("sub")).unwrap();
    fs::create_dir_all(&pkg).unwrap();
    fs::write(root.join("Cargo.toml"), SECRET).unwrap();
    fs::write(www.join("index.html"), "<!doctype html><title>signer</title>").unwrap();
    fs::write(www.join("app.js"), "export const x = 1;").unwrap();
    fs::write(www.join("mod.mjs"), "export default 2;").unwrap();
    fs::write(www.join("style.css"), "body{}").unwrap();
    fs::write(www.join("data.json"), "{}").unwrap();
    fs::write(www.join("sub/index.html"), "sub").unwrap();
    fs::write(pkg.join("wsts_web.js"), "export default function init() {}").unwrap();
    fs::write(pkg.join("wsts_web_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    #[cfg(unix)]
    {
        // Links out of the served trees, and one within.
        std::os::unix::fs::symlink(root.join("Cargo.toml"), www.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(root, www.join("up")).unwrap();
        std::os::unix::fs::symlink(root.join("Cargo.toml"), pkg.join("leak.js")).unwrap();
        std::os::unix::fs::symlink(www.join("app.js"), www.join("sub/app-link.js")).unwrap();
    }
    let addr = start_with(RelayConfig { addr: "127.0.0.1:0".parse().unwrap(), www, pkg, ..Default::default() }).await;
    Site { _dir: dir, addr }
}

fn assert_isolated(path: &str, headers: &[(String, String)]) {
    assert_eq!(header(headers, "cross-origin-opener-policy"), Some("same-origin"), "{path}");
    assert_eq!(header(headers, "cross-origin-embedder-policy"), Some("require-corp"), "{path}");
    assert_eq!(header(headers, "cross-origin-resource-policy"), Some("same-origin"), "{path}");
}

#[tokio::test]
async fn healthz() {
    let s = site().await;
    let (status, headers, body) = http_get(s.addr, "/healthz").await;
    assert_eq!(status, 200);
    assert_eq!(body, b"ok");
    assert_isolated("/healthz", &headers);
}

#[tokio::test]
async fn serves_files_with_correct_types_and_isolation_headers() {
    let s = site().await;
    for (path, ctype, body) in [
        ("/", "text/html", &b"<!doctype html><title>signer</title>"[..]),
        ("/index.html", "text/html", b"<!doctype html><title>signer</title>"),
        ("/sub/", "text/html", b"sub"),
        ("/app.js", "text/javascript", b"export const x = 1;"),
        ("/mod.mjs", "text/javascript", b"export default 2;"),
        ("/style.css", "text/css", b"body{}"),
        ("/data.json", "application/json", b"{}"),
        ("/pkg/wsts_web.js", "text/javascript", b"export default function init() {}"),
        ("/pkg/wsts_web_bg.wasm", "application/wasm", b"\0asm\x01\0\0\0"),
    ] {
        let (status, headers, got) = http_get(s.addr, path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(got, body, "{path}");
        let ct = header(&headers, "content-type").unwrap_or_default();
        assert!(ct.starts_with(ctype), "{path}: content-type {ct}");
        assert_isolated(path, &headers);
    }
}

#[tokio::test]
async fn missing_files_404_with_headers() {
    let s = site().await;
    for path in ["/nope.js", "/pkg/nope.wasm", "/pkg/"] {
        let (status, headers, _) = http_get(s.addr, path).await;
        assert_eq!(status, 404, "{path}");
        assert_isolated(path, &headers);
    }
}

#[tokio::test]
async fn path_traversal_is_not_served() {
    let s = site().await;
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/..%2fCargo.toml",
        "/sub/../../Cargo.toml",
        "/pkg/../Cargo.toml",
        "/pkg/../../Cargo.toml",
        "/pkg/%2e%2e/%2e%2e/Cargo.toml",
        "/..\\Cargo.toml",
    ] {
        let (status, _, body) = http_get(s.addr, path).await;
        assert_ne!(status, 200, "{path} was served");
        assert!(!String::from_utf8_lossy(&body).contains(SECRET), "{path} leaked the file");
    }
}

#[cfg(unix)]
#[tokio::test]
async fn symlinks_out_of_the_served_directories_are_not_followed() {
    let s = site().await;
    for path in ["/leak.txt", "/up/Cargo.toml", "/up/www/../Cargo.toml", "/pkg/leak.js", "/%6ceak.txt"] {
        let (status, _, body) = http_get(s.addr, path).await;
        assert_eq!(status, 404, "{path}");
        assert!(!String::from_utf8_lossy(&body).contains(SECRET), "{path} leaked the file");
    }
    let (status, _, body) = http_get(s.addr, "/sub/app-link.js").await;
    assert_eq!((status, &body[..]), (200, &b"export const x = 1;"[..]), "a link inside www is served");
}

#[tokio::test]
async fn ws_endpoint_without_upgrade_is_a_client_error() {
    let s = site().await;
    let (status, headers, _) = http_get(s.addr, "/ws").await;
    assert!((400..500).contains(&status), "status {status}");
    assert_isolated("/ws", &headers);
}
