//! The server side of the WebSocket opening handshake (RFC 6455 §4.2) and
//! the Origin check.
//!
//! Browsers send `Origin` on every WebSocket request; a page on another site
//! must not be able to drive a user's browser into the relay's rooms, so by
//! default only the relay's own origin (the one serving the pages) is
//! accepted. Clients without `Origin` (native programs, tests) are not
//! browsers and can claim any origin anyway; they are accepted.

use axum::http::{header, HeaderMap};

/// Which `Origin`s may open `/ws`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OriginPolicy {
    /// Accept any origin (`--allow-origin '*'`).
    pub any: bool,
    /// Origins accepted besides the relay's own, e.g. `https://wallet.example`.
    pub extra: Vec<String>,
}

impl OriginPolicy {
    /// From `--allow-origin` values: `*`, or origins (`scheme://host[:port]`).
    pub fn from_list(origins: &[String]) -> Self {
        let any = origins.iter().any(|o| o == "*");
        let extra =
            origins.iter().filter(|o| *o != "*").map(|o| o.trim_end_matches('/').to_ascii_lowercase()).collect();
        OriginPolicy { any, extra }
    }

    /// True if a request with these headers may upgrade.
    pub fn allows(&self, headers: &HeaderMap) -> bool {
        let Some(origin) = headers.get(header::ORIGIN) else { return true };
        if self.any {
            return true;
        }
        let Ok(origin) = origin.to_str() else { return false };
        let origin = origin.to_ascii_lowercase();
        if self.extra.contains(&origin) {
            return true;
        }
        // Same origin: the page was served by this relay under this Host.
        let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).map(str::to_ascii_lowercase);
        let authority = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://"));
        matches!((authority, host), (Some(a), Some(h)) if a == h)
    }
}

fn has_token(headers: &HeaderMap, name: header::HeaderName, token: &str) -> bool {
    headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim().eq_ignore_ascii_case(token))
}

/// Checks an upgrade request; returns the `Sec-WebSocket-Accept` value.
pub fn accept_key(headers: &HeaderMap) -> Result<String, &'static str> {
    if !has_token(headers, header::UPGRADE, "websocket") {
        return Err("not a WebSocket upgrade (Upgrade: websocket)");
    }
    if !has_token(headers, header::CONNECTION, "upgrade") {
        return Err("not a WebSocket upgrade (Connection: upgrade)");
    }
    if headers.get(header::SEC_WEBSOCKET_VERSION).map(|v| v.as_bytes()) != Some(b"13") {
        return Err("unsupported WebSocket version (want 13)");
    }
    let key = headers.get(header::SEC_WEBSOCKET_KEY).ok_or("missing Sec-WebSocket-Key")?;
    Ok(tungstenite::handshake::derive_accept_key(key.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn accept_key_follows_rfc_6455_example() {
        let h = headers(&[
            ("upgrade", "WebSocket"),
            ("connection", "keep-alive, Upgrade"),
            ("sec-websocket-version", "13"),
            ("sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ=="),
        ]);
        assert_eq!(accept_key(&h).unwrap(), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        let mut old = h.clone();
        old.insert("sec-websocket-version", HeaderValue::from_static("8"));
        assert!(accept_key(&old).is_err());
        assert!(accept_key(&headers(&[("connection", "upgrade")])).is_err());
    }

    #[test]
    fn origins() {
        let same = OriginPolicy::default();
        let host = ("host", "127.0.0.1:8080");
        assert!(same.allows(&headers(&[host])), "no Origin: not a browser");
        assert!(same.allows(&headers(&[host, ("origin", "http://127.0.0.1:8080")])));
        assert!(same.allows(&headers(&[("host", "relay.example"), ("origin", "https://Relay.Example")])));
        assert!(!same.allows(&headers(&[host, ("origin", "http://evil.example")])));
        assert!(!same.allows(&headers(&[host, ("origin", "http://127.0.0.1:8081")])));
        assert!(!same.allows(&headers(&[host, ("origin", "null")])));
        assert!(!same.allows(&headers(&[("origin", "http://127.0.0.1:8080")])), "no Host to compare with");
        let listed = OriginPolicy::from_list(&["https://wallet.example/".into()]);
        assert!(listed.allows(&headers(&[host, ("origin", "https://wallet.example")])));
        assert!(listed.allows(&headers(&[host, ("origin", "http://127.0.0.1:8080")])), "own origin still allowed");
        assert!(!listed.allows(&headers(&[host, ("origin", "https://other.example")])));
        assert!(OriginPolicy::from_list(&["*".into()]).allows(&headers(&[host, ("origin", "http://evil.example")])));
    }
}
