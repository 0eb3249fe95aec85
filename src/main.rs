//! The `incident-atlas` binary: everything happens in `cli`.

fn main() -> std::process::ExitCode {
    incident_atlas::cli::main()
}
