//! relay-bench: a load test of wsts-relay on loopback (docs/benchmarks.md).
//!
//! Starts the release relay (one, or three sharing rooms through a private
//! nats-server), connects N clients into M rooms (client i joins room
//! i mod M through relay i mod R, signing the join challenge like a
//! browser), then each client broadcasts timestamped messages at the rate
//! that yields the requested deliveries per second. Reports deliveries/s,
//! delivery latency (p50/p99), the relays' RSS and CPU, and connections held.
//! Bounded in time; raises its open-file limit (`ulimit -n`) as needed.
//!
//! ```sh
//! cargo build --release -p wsts-relay --example relay-bench
//! target/release/examples/relay-bench --clients 1000 --rooms 100 --deliveries-per-sec 50000
//! ```

mod load;
mod procs;

use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use serde_json::json;
use tokio::sync::Semaphore;
use tokio::time::Instant;

use load::{Counters, Plan};
use procs::{Proc, Usage};

#[derive(Debug, Parser)]
#[command(name = "relay-bench")]
struct Args {
    /// Relays: 1, or 3 clustered through a private nats-server.
    #[arg(long, default_value_t = 1)]
    relays: usize,
    #[arg(long, default_value_t = 1000)]
    clients: usize,
    #[arg(long, default_value_t = 100)]
    rooms: usize,
    /// Deliveries per second to aim for (0: connect and hold only).
    #[arg(long, default_value_t = 50_000.0)]
    deliveries_per_sec: f64,
    /// Seconds of measured traffic.
    #[arg(long, default_value_t = 10)]
    duration_secs: u64,
    /// Seconds of traffic before measuring.
    #[arg(long, default_value_t = 2)]
    warmup_secs: u64,
    /// Bytes of payload per message (before base64).
    #[arg(long, default_value_t = 64)]
    payload_bytes: usize,
    /// Connections opened at once while connecting.
    #[arg(long, default_value_t = 200)]
    connect_concurrency: usize,
    /// How clients pick their relay: `spread` (client i on relay i mod R, so
    /// every room spans the relays: the worst case) or `by-room` (a room's
    /// clients share relay room mod R, as a room-affine load balancer would).
    #[arg(long, default_value = "spread")]
    placement: String,
    /// Worker threads of each relay (default: one per core).
    #[arg(long)]
    relay_threads: Option<usize>,
    /// Also print one JSON line.
    #[arg(long)]
    json: bool,
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

fn usages(procs: &[Proc]) -> Vec<Usage> {
    procs.iter().map(Proc::usage).collect()
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    assert!(args.relays == 1 || args.relays == 3, "--relays is 1 or 3");
    assert!(args.clients >= args.rooms && args.rooms > 0, "need at least one client per room");
    let room_size = args.clients / args.rooms;
    let fd_limit = procs::raise_fd_limit(args.clients as u64 * 2 + 1024);

    // The processes under test.
    let mut relay_args = vec![
        "--max-connections".to_owned(),
        (args.clients + 1024).to_string(),
        "--max-rooms".to_owned(),
        (args.rooms + 16).to_string(),
        "--max-peers-per-room".to_owned(),
        room_size.max(256).to_string(),
    ];
    let nats = (args.relays > 1).then(procs::start_nats);
    if let Some((_, url)) = &nats {
        relay_args.extend(["--cluster".to_owned(), url.clone()]);
    }
    let mut relays = Vec::new();
    let mut addrs = Vec::new();
    for _ in 0..args.relays {
        let (p, addr) = procs::start_relay(&relay_args, args.relay_threads);
        relays.push(p);
        addrs.push(addr);
    }
    let rss_start: u64 = usages(&relays).iter().map(|u| u.rss_bytes).sum();

    // Connect and join.
    let started = Instant::now();
    let gate = Arc::new(Semaphore::new(args.connect_concurrency));
    let mut joins = Vec::new();
    let by_room = match args.placement.as_str() {
        "spread" => false,
        "by-room" => true,
        other => panic!("--placement is spread or by-room, not {other}"),
    };
    for i in 0..args.clients {
        let gate = gate.clone();
        let addr = addrs[if by_room { i % args.rooms } else { i } % addrs.len()];
        joins.push(tokio::spawn(async move {
            let _permit = gate.acquire_owned().await.unwrap();
            load::join(addr, &format!("room-{}", i % args.rooms), &format!("p{i}"), i).await
        }));
    }
    let mut clients = Vec::new();
    let mut failures = Vec::new();
    for j in joins {
        match j.await.unwrap() {
            Ok(ws) => clients.push(ws),
            Err(e) => failures.push(e),
        }
    }
    let connect_secs = started.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let idle = usages(&relays);
    let held = clients.len();

    // Traffic.
    let rate = if args.deliveries_per_sec > 0.0 && room_size > 1 {
        args.deliveries_per_sec / (held as f64 * (room_size - 1) as f64)
    } else {
        0.0
    };
    let base = Instant::now();
    let measure_from = base + Duration::from_secs(args.warmup_secs);
    let measure_until = measure_from + Duration::from_secs(args.duration_secs);
    let stop = measure_until + Duration::from_secs(2);
    let plan = Plan { base, rate, payload_bytes: args.payload_bytes, measure_from, measure_until };
    let counters = Arc::new(Counters::default());
    let runs: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(i, ws)| {
            let phase = (i as f64 * 0.618_033_988_7).fract();
            tokio::spawn(load::run(ws, plan.clone(), phase, counters.clone(), stop))
        })
        .collect();
    let all = |relays: &[Proc], nats: &Option<(Proc, String)>| {
        let mut u = usages(relays);
        u.push(nats.as_ref().map_or_else(Usage::default, |(p, _)| p.usage()));
        u.push(procs::usage(std::process::id()));
        u
    };
    tokio::time::sleep_until(measure_from).await;
    let before = all(&relays, &nats);
    tokio::time::sleep_until(measure_until).await;
    let after = all(&relays, &nats);
    let mut latencies = Vec::new();
    for r in runs {
        latencies.extend(r.await.unwrap());
    }
    let sent_in_window = counters.sent.load(std::sync::atomic::Ordering::Relaxed);
    latencies.sort_unstable();
    let secs = args.duration_secs as f64;
    let cpu = |i: usize| (after[i].cpu_secs - before[i].cpu_secs) / secs;
    let relay_cpu: f64 = (0..relays.len()).map(cpu).sum();
    let report = json!({
        "relays": args.relays,
        "relay_threads": args.relay_threads,
        "placement": args.placement,
        "clients": args.clients,
        "rooms": args.rooms,
        "room_size": room_size,
        "fd_limit": fd_limit,
        "connected": held,
        "connect_failures": failures.len(),
        "first_failure": failures.first(),
        "connect_secs": connect_secs,
        "relay_rss_mib_start": mib(rss_start),
        "relay_rss_mib_idle": mib(idle.iter().map(|u| u.rss_bytes).sum()),
        "rate_per_client": rate,
        "sent_per_sec": sent_in_window as f64 / secs,
        "deliveries_per_sec": latencies.len() as f64 / secs,
        "delivered_ratio": latencies.len() as f64 / (sent_in_window as f64 * (room_size - 1) as f64).max(1.0),
        "latency_ms_p50": percentile(&latencies, 0.50),
        "latency_ms_p99": percentile(&latencies, 0.99),
        "latency_ms_max": percentile(&latencies, 1.0),
        "relay_cpu_cores": relay_cpu,
        "relay_cpu_ms_per_1000_deliveries": relay_cpu * secs * 1e6 / latencies.len().max(1) as f64,
        "nats_cpu_cores": cpu(relays.len()),
        "bench_cpu_cores": cpu(relays.len() + 1),
        "relay_rss_mib_loaded": mib(after[..relays.len()].iter().map(|u| u.rss_bytes).sum()),
        "relay_rss_mib_peak": mib(after[..relays.len()].iter().map(|u| u.peak_rss_bytes).sum()),
        "send_errors": counters.send_errors.load(std::sync::atomic::Ordering::Relaxed),
        "relay_errors": counters.relay_errors.load(std::sync::atomic::Ordering::Relaxed),
    });
    print_report(&report);
    if args.json {
        println!("{report}");
    }
    drop(relays);
    drop(nats);
}

fn print_report(r: &serde_json::Value) {
    let f = |k: &str| r[k].as_f64().unwrap_or(0.0);
    println!(
        "relay-bench: {} relay(s), {} clients in {} rooms of {}, placement {} (fd limit {})",
        r["relays"],
        r["clients"],
        r["rooms"],
        r["room_size"],
        r["placement"].as_str().unwrap_or(""),
        r["fd_limit"]
    );
    println!(
        "  connected {} in {:.1} s ({} failed); relay RSS {:.0} MiB at start, {:.0} MiB holding them",
        r["connected"],
        f("connect_secs"),
        r["connect_failures"],
        f("relay_rss_mib_start"),
        f("relay_rss_mib_idle")
    );
    println!(
        "  traffic: {:.0} sent/s, {:.0} deliveries/s ({:.1} % of expected); latency p50 {:.2} ms, p99 {:.2} ms, max {:.1} ms",
        f("sent_per_sec"),
        f("deliveries_per_sec"),
        100.0 * f("delivered_ratio"),
        f("latency_ms_p50"),
        f("latency_ms_p99"),
        f("latency_ms_max")
    );
    println!(
        "  relay CPU {:.2} cores ({:.1} ms per 1000 deliveries), RSS {:.0} MiB (peak {:.0}); nats {:.2} cores; bench client {:.2} cores",
        f("relay_cpu_cores"),
        f("relay_cpu_ms_per_1000_deliveries"),
        f("relay_rss_mib_loaded"),
        f("relay_rss_mib_peak"),
        f("nats_cpu_cores"),
        f("bench_cpu_cores")
    );
}
