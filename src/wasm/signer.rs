//! `Signer` for the browser: runs in a Web Worker in `www/`.

use std::collections::VecDeque;

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;

use super::util::*;
use crate::state_machine::{signer::Signer, CeremonyConfig, Transmit};

#[wasm_bindgen(js_name = Signer)]
pub struct WasmSigner {
    pub(super) inner: Signer,
    /// Demo builds only: what `misbehave` needs to re-sign altered packets.
    #[cfg(feature = "demo")]
    demo: demo::Demo,
    outbox: VecDeque<Transmit>,
}

#[wasm_bindgen(js_class = Signer)]
impl WasmSigner {
    /// A signer for `signerId` under `config`, signing packets with its
    /// 32-byte network secret key.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "CeremonyConfig")] config: JsValue,
        signer_id: u32,
        network_secret: &[u8],
    ) -> Result<WasmSigner, JsValue> {
        let config: CeremonyConfig = from_js(config, "config")?;
        let key = secret_from_bytes(network_secret)?;
        let inner = Signer::new(config, signer_id, key).map_err(state_error)?;
        Ok(WasmSigner::wrap(inner, network_secret))
    }

    fn wrap(inner: Signer, _network_secret: &[u8]) -> WasmSigner {
        WasmSigner {
            #[cfg(feature = "demo")]
            demo: demo::Demo::new(&inner, _network_secret),
            inner,
            outbox: VecDeque::new(),
        }
    }

    /// Restore from `save()`'s bytes (the network secret is not in them).
    pub fn restore(state: &[u8], network_secret: &[u8]) -> Result<WasmSigner, JsValue> {
        let inner = Signer::restore(state, secret_from_bytes(network_secret)?).map_err(state_error)?;
        Ok(WasmSigner::wrap(inner, network_secret))
    }

    /// The whole state but the network key. Holds the key shares: store it as
    /// you would a key.
    pub fn save(&self) -> Uint8Array {
        Uint8Array::from(&self.inner.save()[..])
    }

    #[wasm_bindgen(getter, js_name = signerId)]
    pub fn signer_id(&self) -> u32 {
        self.inner.signer_id()
    }

    /// The aggregate public key (33-byte compressed, hex) after DKG.
    #[wasm_bindgen(js_name = groupKey)]
    pub fn group_key(&self) -> Option<String> {
        self.inner.group_key_hex()
    }

    /// A joining signer (no key yet) takes a reshare only of this group key
    /// (33-byte compressed, hex), got out of band: a `ReshareBegin` for
    /// another key is refused with `unexpected-group-key`. Not saved: call it
    /// again after `restore`. Errors: `bad-key` (not a point), `config` (this
    /// signer already holds a key).
    #[wasm_bindgen(js_name = expectGroupKey)]
    pub fn expect_group_key(&mut self, group_key: &str) -> Result<(), JsValue> {
        let bytes = hex::decode(group_key).map_err(|_| js_error("bad-key", "the expected group key must be hex"))?;
        let point = crate::crypto::encoding::point_from_bytes(&bytes).map_err(|e| js_error("bad-key", e))?;
        self.inner.expect_group_key(point).map_err(state_error)
    }

    /// Handle a received packet. Throws a `WstsError` if it is refused; the
    /// state is then unchanged.
    #[wasm_bindgen(js_name = handlePacket)]
    pub fn handle_packet(&mut self, bytes: &[u8], now: f64) -> Result<(), JsValue> {
        #[cfg(feature = "demo")]
        self.demo.incoming(bytes, &self.inner);
        self.inner.handle_packet(bytes, millis(now)).map_err(state_error)
    }

    /// The next packet to send, or `undefined`.
    #[wasm_bindgen(js_name = pollTransmit, unchecked_return_type = "Transmit | undefined")]
    pub fn poll_transmit(&mut self) -> JsValue {
        while let Some(t) = self.inner.poll_transmit() {
            #[cfg(feature = "demo")]
            self.outbox.extend(self.demo.outgoing(t, &self.inner));
            #[cfg(not(feature = "demo"))]
            self.outbox.push_back(t);
        }
        self.outbox.pop_front().map(transmit_to_js).unwrap_or(JsValue::UNDEFINED)
    }

    /// The next event (`DkgComplete`, `DkgFailed`, `Reshared`,
    /// `EpochConfirmed`, `EpochRolledBack`, `Retired`, `Repaired`, `Signed`), or `undefined`.
    #[wasm_bindgen(js_name = pollEvent, unchecked_return_type = "SignerEvent | undefined")]
    pub fn poll_event(&mut self) -> Result<JsValue, JsValue> {
        match self.inner.poll_event() {
            Some(e) => to_js(&e),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Make this signer misbehave, as `wsts-sim --adversary` does, e.g.
    /// `"withhold-private-shares=1"`. For demonstrating blame only: demo
    /// builds alone have it.
    #[cfg(feature = "demo")]
    pub fn misbehave(&mut self, behaviour: &str) -> Result<(), JsValue> {
        self.demo.misbehave(&self.inner, behaviour)
    }

    /// Behave honestly again (demo builds).
    #[cfg(feature = "demo")]
    pub fn behave(&mut self) {
        self.demo.adversary = None;
    }
}

#[cfg(feature = "demo")]
mod demo {
    use super::*;
    use crate::sim::{parse_adversary, Adversary};

    pub(super) struct Demo {
        config: CeremonyConfig,
        network_secret: Vec<u8>,
        pub adversary: Option<Adversary>,
    }

    impl Demo {
        pub fn new(signer: &Signer, network_secret: &[u8]) -> Self {
            Demo { config: signer.ceremony_config().clone(), network_secret: network_secret.to_vec(), adversary: None }
        }

        pub fn incoming(&mut self, bytes: &[u8], signer: &Signer) {
            if let Some(adv) = self.adversary.as_mut() {
                adv.incoming(bytes, signer);
            }
        }

        pub fn outgoing(&mut self, t: Transmit, signer: &Signer) -> Vec<Transmit> {
            match self.adversary.as_mut() {
                Some(adv) => adv.outgoing(t, signer),
                None => vec![t],
            }
        }

        pub fn misbehave(&mut self, signer: &Signer, behaviour: &str) -> Result<(), JsValue> {
            let (_, b) = parse_adversary(&format!("{}:{behaviour}", signer.signer_id()))
                .map_err(|e| js_error("bad-input", e))?;
            let key = secret_from_bytes(&self.network_secret)?;
            let seed = js_sys::Math::random().to_bits();
            self.adversary = Some(Adversary::new(signer.signer_id(), key, self.config.clone(), vec![b], seed));
            Ok(())
        }
    }
}
