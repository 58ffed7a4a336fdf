//! Whole ceremonies (DKG, then signing) with every signer honest and running
//! live, over a network the fuzzer makes unreliable: packets lost,
//! repeated, reordered and corrupted, by the simulator's chaos (`sim`).
//!
//! The oracle is the project's rule for blame: silence and lost or mangled
//! packets make a signer unresponsive, never malicious. With no adversary
//! in the ceremony, `malicious` must stay empty.

use arbitrary::{Arbitrary, Unstructured};
use wsts_web::sim::{Chaos, Options, Simulation};

#[derive(Arbitrary, Debug)]
struct Network {
    /// 2 to 5 signers.
    signers: u8,
    /// Extra keys per signer, 0 to 2 (uneven weights when not all equal).
    extra_keys: u8,
    chaos_seed: u64,
    /// Percentages, each kept to 0..=30 so that ceremonies can finish.
    drop: u8,
    duplicate: u8,
    corrupt: u8,
    reorder: bool,
}

pub fn run(data: &[u8]) {
    let Ok(net) = Unstructured::new(data).arbitrary::<Network>() else { return };
    let signers = 2 + u32::from(net.signers % 4);
    let keys = signers + u32::from(net.extra_keys % 3);
    let options = Options {
        signers,
        keys,
        threshold: keys / 2 + 1,
        chaos: Some(Chaos {
            seed: net.chaos_seed,
            drop_percent: u32::from(net.drop % 31),
            duplicate_percent: u32::from(net.duplicate % 31),
            corrupt_percent: u32::from(net.corrupt % 31),
            reorder: net.reorder,
        }),
        max_dkg_restarts: 2,
        ..Options::default()
    };
    let Ok(sim) = Simulation::new(options) else { return };
    let report = sim.run();
    assert!(report.malicious.is_empty(), "honest signers found malicious over a lossy network: {net:?} {report:?}");
}
