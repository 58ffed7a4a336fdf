//! Every row of the BIP-340 test vectors: verification, and signing where a
//! secret key is given.
mod common;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use wsts_web::crypto::bip340::{self, SchnorrSignature};

const VECTORS: &str = include_str!("vectors/bip340-test-vectors.csv");

struct Row {
    index: usize,
    secret_key: Option<[u8; 32]>,
    public_key: Vec<u8>,
    aux_rand: Option<[u8; 32]>,
    message: Vec<u8>,
    signature: Vec<u8>,
    valid: bool,
}

fn rows() -> Vec<Row> {
    let fixed = |s: &str| -> Option<[u8; 32]> { (!s.is_empty()).then(|| hex::decode(s).unwrap().try_into().unwrap()) };
    VECTORS
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.splitn(8, ',').collect();
            Row {
                index: f[0].parse().unwrap(),
                secret_key: fixed(f[1]),
                public_key: hex::decode(f[2]).unwrap(),
                aux_rand: fixed(f[3]),
                message: hex::decode(f[4]).unwrap(),
                signature: hex::decode(f[5]).unwrap(),
                valid: match f[6] {
                    "TRUE" => true,
                    "FALSE" => false,
                    other => panic!("bad result column {other}"),
                },
            }
        })
        .collect()
}

both_targets! {
    fn every_vector_verifies_as_specified() {
        let rows = rows();
        assert_eq!(rows.len(), 15, "rows 0-14 of the BIP-340 vectors");
        for row in &rows {
            let pk: [u8; 32] = row.public_key.clone().try_into().unwrap();
            let sig = SchnorrSignature(row.signature.clone().try_into().unwrap());
            assert_eq!(bip340::verify(&pk, &row.message, &sig), row.valid, "vector {}", row.index);
        }
    }

    fn every_signing_vector_signs_exactly() {
        let mut signed = 0;
        for row in rows().iter().filter(|r| r.secret_key.is_some()) {
            let aux = row.aux_rand.expect("signing vectors give aux_rand");
            let sig = bip340::sign(&row.secret_key.unwrap(), &row.message, &aux).unwrap();
            assert_eq!(sig.0.to_vec(), row.signature, "vector {}", row.index);
            signed += 1;
        }
        assert_eq!(signed, 4);
    }
}
