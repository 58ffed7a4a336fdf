//! Reshare and refresh costs (issue 12's benchmarks), natively:
//! `cargo run --release --features sim --example reshare_bench [--w5]`.
//! Prints one JSON line per workload (see docs/benchmarks.md).

use std::time::Instant;

fn main() {
    let start = Instant::now();
    let clock = move || start.elapsed().as_secs_f64() * 1000.0;
    // W4 (20 / 1000 / 700) to a W4-sized set with five signers swapped, t = 750.
    let mut runs = vec![("reshare W4, 5 swapped, t 700 -> 750", (20, 1000, 700, 5, 750))];
    if std::env::args().any(|a| a == "--w5") {
        // A refresh at W5 (100 / 4000 / 2800): every signer deals, same set and threshold.
        runs.push(("refresh W5", (100, 4000, 2800, 0, 2800)));
    }
    for (name, (signers, keys, t, swapped, t2)) in runs {
        match wsts_web::sim::bench_reshare::reshare(signers, keys, t, swapped, t2, &clock) {
            Ok(r) => println!("{{\"workload\":{name:?},\"report\":{}}}", serde_json::to_string(&r).unwrap_or_default()),
            Err(e) => {
                eprintln!("{name}: {e}");
                std::process::exit(1);
            }
        }
    }
}
