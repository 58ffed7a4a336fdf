//! Run fuzz inputs through a target once, outside any fuzzer: to reproduce
//! a crash (`wsts-fuzz-replay coordinator crash-file`) with a full backtrace.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let names: Vec<&str> = wsts_fuzz::TARGETS.iter().map(|(n, _)| *n).collect();
    let Some((name, files)) = args.split_first() else {
        eprintln!("usage: wsts-fuzz-replay <{}> <input file>...", names.join("|"));
        return ExitCode::from(2);
    };
    let Some(run) = wsts_fuzz::target(name) else {
        eprintln!("unknown target {name}; targets: {}", names.join(", "));
        return ExitCode::from(2);
    };
    for file in files {
        match std::fs::read(file) {
            Ok(data) => {
                run(&data);
                println!("{file}: ok");
            }
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
