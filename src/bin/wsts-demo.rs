//! Native demo: a weighted DKG among local signers, then a BIP-340
//! signature, checked before it is printed.

use clap::Parser;
use rand_core::OsRng;
use wsts_web::{
    config::{Config, Scheme},
    crypto::{
        bip340,
        encoding::point_to_bytes,
        signing::{verify_signature, SignatureType},
    },
    keys::{local, SignerKeys},
};

#[derive(Parser)]
#[command(name = "wsts-demo", about = "A weighted DKG among local signers, then a BIP-340 signature")]
struct Args {
    #[arg(long, default_value_t = 4)]
    signers: u32,
    /// Key ids in all (weight), spread evenly over the signers.
    #[arg(long, default_value_t = 20)]
    keys: u32,
    /// Key ids needed to sign.
    #[arg(long, default_value_t = 13)]
    threshold: u32,
    #[arg(long, default_value = "hello from wsts-web")]
    message: String,
}

fn main() {
    if let Err(e) = run(Args::parse()) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run(Args { signers, keys, threshold, message }: Args) -> Result<(), String> {
    let config = Config::evenly(Scheme::V2, signers, keys, threshold, threshold).map_err(|e| e.to_string())?;
    let mut parties: Vec<SignerKeys> = (0..signers)
        .map(|s| SignerKeys::new(config.clone(), s))
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    println!("signers {signers}, key ids {keys}, threshold {threshold}");
    for s in 0..signers {
        println!("  signer {s}: key ids {:?}", config.key_ids(s));
    }

    let group = local::run_dkg(&mut parties, 1, &mut OsRng).map_err(|f| format!("DKG failed: {f:?}"))?;
    println!("aggregate public key: {}", hex::encode(point_to_bytes(&group.group_key)));

    // The fewest signers, in order, whose weight reaches the threshold.
    let mut chosen = Vec::new();
    let mut weight = 0;
    for s in 0..signers {
        if weight >= threshold {
            break;
        }
        chosen.push(s);
        weight += config.weight(s);
    }
    let (signature, verify_key) =
        local::sign(&config, &parties, &group, &chosen, message.as_bytes(), SignatureType::Schnorr, &mut OsRng)
            .map_err(|e| e.to_string())?;
    let ok = verify_signature(&signature, &verify_key, message.as_bytes());
    println!("signers used: {chosen:?} (weight {weight})");
    println!("message: {message:?}");
    println!("x-only public key: {}", hex::encode(bip340::x_only(&verify_key)));
    println!("BIP-340 signature: {}", hex::encode(signature.to_bytes()));
    println!("verified: {ok}");
    if ok {
        Ok(())
    } else {
        Err("the signature does not verify".into())
    }
}
