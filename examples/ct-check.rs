//! Statistical timing check of the multiplications by secrets (dudect:
//! Reparaz, Balasch and Verbauwhede, "Dude, is my code constant time?",
//! DATE 2017).
//!
//! For each primitive, time it on a fixed secret and on random secrets,
//! classes picked at random for every call (so load from other processes
//! falls on both alike), and compare the two timing distributions with
//! Welch's t-test, over all samples and over samples cropped at dudect's
//! percentiles (dropping the slow tail that interrupts add). A primitive
//! passes if every |t| stays below 4.5. The control, libsecp256k1's
//! variable-time `ecmult`, must fail: that shows the check can see a leak.
//!
//!   cargo run --release --example ct-check [-- --samples N] [--only NAME]
//!
//! `base_mul_batch` (32 multiplications per call) runs a tenth of the samples.
//!
//! "resolution" is the difference of mean times (in the test cropped at the
//! 99.9th percentile) that would have reached |t| = 4.5: smaller leaks may
//! go unseen.
//!
//! Exits 1 if a constant-time primitive fails or the control passes.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::{hint::black_box, process::ExitCode, time::Instant};

    use rand_chacha::{
        rand_core::{RngCore, SeedableRng},
        ChaCha20Rng,
    };
    use wsts_web::crypto::{
        base_mul, base_mul_batch, mul_secret, secret::SecretScalar, small_horner::Evaluator, Point, Scalar, BATCH_FROM,
    };

    /// dudect's threshold: above it, the timings certainly depend on the class.
    const T_THRESHOLD: f64 = 4.5;
    /// Samples measured per batch of prepared inputs.
    const BATCH: usize = 10_000;

    /// One timed call on the secrets of one sample.
    type Run = Box<dyn Fn(&[Scalar]) -> Point>;

    struct Primitive {
        name: &'static str,
        constant_time: bool,
        /// Secret scalars per call.
        secrets: usize,
        /// Runs this many times fewer samples than the others (slow calls).
        fewer_samples: usize,
        run: Run,
    }

    fn primitives() -> Vec<Primitive> {
        let point = base_mul(&Scalar::from(0x5eed_u32));
        let one = |name, constant_time, run: Run| Primitive { name, constant_time, secrets: 1, fewer_samples: 1, run };
        vec![
            one("base_mul", true, Box::new(|x| base_mul(&x[0]))),
            // The lockstep comb that commitments use, on its smallest batch.
            Primitive {
                name: "base_mul_batch",
                constant_time: true,
                secrets: BATCH_FROM,
                fewer_samples: 10,
                run: Box::new(|x| base_mul_batch(x.iter())[0]),
            },
            one("mul_secret", true, Box::new(move |x| mul_secret(&point, &x[0]))),
            // A polynomial with 8 secret coefficients at three key ids.
            Primitive {
                name: "horner",
                constant_time: true,
                secrets: 8,
                fewer_samples: 1,
                run: Box::new(|x| {
                    let coefficients: Vec<SecretScalar> = x.iter().copied().map(SecretScalar::new).collect();
                    let values = Evaluator::new(&coefficients).evaluate_many(&[4000, 4001, 4002]);
                    black_box(values);
                    Point::identity()
                }),
            },
            one("ecmult-control", false, Box::new(|x| Point::from(&x[0]))),
        ]
    }

    /// Running mean and variance (Welford) of one class.
    #[derive(Default, Clone, Copy)]
    struct Moments {
        n: f64,
        mean: f64,
        m2: f64,
    }

    impl Moments {
        fn push(&mut self, x: f64) {
            self.n += 1.0;
            let delta = x - self.mean;
            self.mean += delta / self.n;
            self.m2 += delta * (x - self.mean);
        }

        fn variance(&self) -> f64 {
            self.m2 / (self.n - 1.0)
        }
    }

    /// The standard error of the difference of the class means.
    fn standard_error(classes: &[Moments; 2]) -> f64 {
        let [a, b] = classes;
        (a.variance() / a.n + b.variance() / b.n).sqrt()
    }

    /// Welch's t statistic between the fixed [0] and random [1] classes.
    fn welch_t(classes: &[Moments; 2]) -> f64 {
        let [a, b] = classes;
        if a.n < 2.0 || b.n < 2.0 {
            return 0.0;
        }
        (a.mean - b.mean) / standard_error(classes)
    }

    /// One uncropped test and dudect's cropped ones: samples below the
    /// `1 - 0.5^(10(i+1)/CROPS)` quantile of the first batch.
    const CROPS: usize = 10;

    struct Tests {
        thresholds: Vec<f64>,
        /// [uncropped, cropped at thresholds[0], ...].
        moments: Vec<[Moments; 2]>,
    }

    impl Tests {
        fn new(first_batch: &[f64]) -> Self {
            let mut sorted = first_batch.to_vec();
            sorted.sort_by(f64::total_cmp);
            let thresholds = (0..CROPS)
                .map(|i| {
                    let q = 1.0 - 0.5f64.powf(10.0 * (i + 1) as f64 / CROPS as f64);
                    sorted[((sorted.len() - 1) as f64 * q) as usize]
                })
                .collect();
            Tests { thresholds, moments: vec![[Moments::default(); 2]; CROPS + 1] }
        }

        fn push(&mut self, class: usize, ns: f64) {
            self.moments[0][class].push(ns);
            for (threshold, moments) in self.thresholds.iter().zip(&mut self.moments[1..]) {
                if ns < *threshold {
                    moments[class].push(ns);
                }
            }
        }

        /// The largest |t| over the tests; the uncropped class means; and the
        /// smallest difference of means the test cropped at the 99.9th
        /// percentile (`moments[CROPS]`) would flag.
        fn worst(&self) -> Report {
            let t = self.moments.iter().map(|m| welch_t(m).abs()).fold(0.0, f64::max);
            let [fixed, random] = self.moments[0];
            let resolution = T_THRESHOLD * standard_error(&self.moments[CROPS]);
            Report { t, fixed_ns: fixed.mean, random_ns: random.mean, resolution }
        }
    }

    struct Report {
        t: f64,
        fixed_ns: f64,
        random_ns: f64,
        resolution: f64,
    }

    /// Fixed secret: a low-weight scalar, where variable-time code does the
    /// least work. Random secrets: fresh uniform scalars.
    fn batch_inputs(secrets: usize, rng: &mut ChaCha20Rng) -> (Vec<usize>, Vec<Vec<Scalar>>) {
        let classes: Vec<usize> = (0..BATCH).map(|_| (rng.next_u32() & 1) as usize).collect();
        let inputs = classes
            .iter()
            .map(|&c| (0..secrets).map(|_| if c == 0 { Scalar::from(1) } else { Scalar::random(rng) }).collect())
            .collect();
        (classes, inputs)
    }

    fn measure(p: &Primitive, samples: usize, rng: &mut ChaCha20Rng) -> Report {
        let mut tests: Option<Tests> = None;
        let mut done = 0;
        while done < samples {
            let (classes, inputs) = batch_inputs(p.secrets, rng);
            let mut times = Vec::with_capacity(BATCH);
            for input in &inputs {
                let start = Instant::now();
                black_box((p.run)(black_box(input)));
                times.push(start.elapsed().as_nanos() as f64);
            }
            // The first batch warms up and sets the crop thresholds.
            let Some(tests) = tests.as_mut() else {
                tests = Some(Tests::new(&times));
                continue;
            };
            for (&class, &ns) in classes.iter().zip(&times) {
                tests.push(class, ns);
            }
            done += BATCH;
        }
        tests.expect("at least one batch").worst()
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
        let samples: usize = flag("--samples").map(|s| s.parse().expect("--samples N")).unwrap_or(1_000_000);
        let only = flag("--only");
        let mut rng = ChaCha20Rng::from_entropy();
        let mut ok = true;
        println!(
            "{:<16} {:>9} {:>9} {:>10} {:>10} {:>11}  verdict",
            "primitive", "samples", "max |t|", "fixed ns", "random ns", "resolution"
        );
        for p in primitives().iter().filter(|p| only.is_none_or(|o| o == p.name)) {
            let samples = (samples / p.fewer_samples).max(BATCH);
            let Report { t, fixed_ns, random_ns, resolution } = measure(p, samples, &mut rng);
            let leaks = t >= T_THRESHOLD;
            let verdict = match (p.constant_time, leaks) {
                (true, false) => "pass: no leak found",
                (true, true) => "FAIL: timing depends on the secret",
                (false, true) => "pass: control flagged",
                (false, false) => "FAIL: control not flagged",
            };
            ok &= p.constant_time != leaks;
            println!(
                "{:<16} {samples:>9} {t:>9.2} {fixed_ns:>10.0} {random_ns:>10.0} {resolution:>8.1} ns  {verdict}",
                p.name
            );
        }
        if ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}
