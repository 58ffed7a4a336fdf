//! AFL++ binary for the `network` target: `cargo afl build --features afl -p wsts-fuzz`,
//! then `cargo afl fuzz -i fuzz/corpus/network -o <out> target/debug/fuzz_network` (docs/fuzzing.md).

fn main() {
    // Record the ceremonies before AFL's fork server starts, so that every
    // run begins with them built.
    wsts_fuzz::world::world();
    afl::fuzz!(|data: &[u8]| wsts_fuzz::targets::network::run(data));
}
