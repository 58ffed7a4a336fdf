//! Write the seed corpus: `wsts-fuzz-seeds fuzz/corpus` (run from the repo
//! root). Seeds come from the recorded ceremonies, so they are authentic
//! packets, saved states and plans that replay whole ceremonies; AFL's
//! campaigns add what they find (minimized with `cargo afl cmin`).

use std::{collections::BTreeSet, fs, path::Path};

use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};
use wsts_fuzz::{
    targets::decode::selector,
    world::{world, Step},
};
use wsts_web::{
    crypto::encoding,
    net::{Message, Packet},
    sim::{network_keys, Options, RepairOptions, Simulation},
};

fn main() -> std::io::Result<()> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "fuzz/corpus".into());
    let out = Path::new(&out);
    let world = world();
    let mut written = 0;
    let mut write = |target: &str, name: String, data: &[u8]| -> std::io::Result<()> {
        let dir = out.join(target);
        fs::create_dir_all(&dir)?;
        fs::write(dir.join(format!("seed-{name}")), data)?;
        written += 1;
        Ok(())
    };
    let with = |decoder: &str, data: &[u8]| -> Vec<u8> {
        let mut input = vec![selector(decoder).expect("a decoder of that name")];
        input.extend_from_slice(data);
        input
    };

    // decode: one packet of each message type per ceremony, and its bare message.
    for ceremony in &world.ceremonies {
        let mut names = BTreeSet::new();
        for step in &ceremony.steps {
            let Step::Deliver { bytes, .. } = step else { continue };
            let Ok(packet) = Packet::from_bytes(bytes, &ceremony.network) else { continue };
            let name = packet.message().name();
            if names.insert(name) {
                write("decode", format!("packet-{}-{name}", ceremony.name), &with("packet", bytes))?;
                let message: &Message = packet.message();
                let bare = encoding::to_bytes(message);
                write("decode", format!("message-{}-{name}", ceremony.name), &with("message", &bare))?;
            }
        }
        write(
            "decode",
            format!("coordinator-{}", ceremony.name),
            &with("coordinator_state", &ceremony.final_coordinator),
        )?;
        if let Some(saved) = ceremony.final_signers.first() {
            write("decode", format!("signer-{}", ceremony.name), &with("signer_state", saved))?;
        }
    }
    write(
        "decode",
        "relay-nonce".into(),
        &with("relay_nonce", format!("{}/room-1/peer-1", "ab".repeat(32)).as_bytes()),
    )?;
    // decode: one packet of each repair message, and its bare message for
    // the repair checks (a repair of signer 3 after DKG, with the recorded
    // ceremonies' network keys).
    let options = Options { signers: 4, keys: 12, threshold: 6, record: true, ..Options::default() };
    let mut sim = Simulation::new(options).expect("a valid ceremony");
    let (dkg_ok, _) = sim.run_dkg();
    let repaired = dkg_ok && sim.run_repair(&RepairOptions { signer: 3, adversaries: vec![] }).ok;
    assert!(repaired, "the seed ceremony repairs");
    let mut names = BTreeSet::new();
    for r in &sim.recorded {
        if r.message.starts_with("Repair") && names.insert(r.message) {
            let Ok(packet) = Packet::from_bytes(&r.bytes, &network_keys(4, 0).2) else { continue };
            write("decode", format!("packet-repair-{}", r.message), &with("packet", &r.bytes))?;
            let bare = encoding::to_bytes(packet.message());
            write("decode", format!("repair-{}", r.message), &with("repair", &bare))?;
        }
    }
    let generator = encoding::point_to_bytes(&wsts_web::crypto::base_mul(&1u32.into()));
    write("decode", "point".into(), &with("point_scalar", &generator))?;

    // signer, coordinator: every ceremony replayed unedited, for every
    // machine, and a few random plans.
    let mut rng = ChaCha20Rng::seed_from_u64(7);
    for (c, ceremony) in world.ceremonies.iter().enumerate() {
        for m in 0..ceremony.fresh_signers.len() {
            let plan = [u8::try_from(c).unwrap_or(0), u8::try_from(m).unwrap_or(0)];
            write("signer", format!("{}-{m}", ceremony.name), &plan)?;
        }
        write("coordinator", ceremony.name.to_string(), &[u8::try_from(c).unwrap_or(0), 0])?;
    }
    for i in 0..8 {
        let mut data = vec![0u8; 96];
        rng.fill_bytes(&mut data);
        write("signer", format!("random-{i}"), &data)?;
        rng.fill_bytes(&mut data);
        write("coordinator", format!("random-{i}"), &data)?;
    }

    // relay_frame: one frame of each kind.
    let frames = [
        ("join", r#"{"type":"join","room":"room-1","peer":"peer-1","pubkey":"02aa","signature":"00"}"#),
        ("broadcast", r#"{"type":"broadcast","data":"AAEC"}"#),
        ("send", r#"{"type":"send","to":"peer-2","data":"AAECAw=="}"#),
        ("signal", r#"{"type":"signal","to":"peer-2","signal":{"sdp":"v=0","candidates":[1,2.5,null]}}"#),
        ("ping", r#"{"type":"ping"}"#),
    ];
    for (name, frame) in frames {
        write("relay_frame", name.into(), frame.as_bytes())?;
    }
    // network: a few unreliable networks.
    for i in 0..6 {
        let mut data = vec![0u8; 24];
        rng.fill_bytes(&mut data);
        write("network", format!("random-{i}"), &data)?;
    }
    write("network", "reliable".into(), &[0u8; 24])?;
    println!("wrote {written} seeds under {}", out.display());
    Ok(())
}
