//! No network: no dependency brings network code into the program, and the
//! commands and the window open no internet socket (checked with strace when
//! present; the window under Xvfb).

use std::collections::BTreeMap;
use std::process::Command;

/// Crates whose purpose is network access. None may be in the build.
const DENYLIST: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "attohttpc",
    "surf",
    "h2",
    "h3",
    "quinn",
    "socket2",
    "mio",
    "tokio",
    "async-net",
    "async-std",
    "rustls",
    "native-tls",
    "openssl",
    "tungstenite",
    "tokio-tungstenite",
    "websocket",
    "hickory-resolver",
    "trust-dns-resolver",
    "libp2p",
    "smoltcp",
    "sentry",
    "opentelemetry",
];

/// Denylisted crates that are in Cargo.lock without being built for a
/// desktop: Cargo.lock lists the dependencies of every platform. Each is
/// allowed only when every crate that depends on it is listed here.
///
/// - `tokio`: used by `wasm-bindgen-futures`, which winit uses only when
///   compiled to WebAssembly for a web page; never on Linux, macOS or
///   Windows (`cargo tree -i tokio` finds nothing for the host).
const WEB_ONLY: &[(&str, &[&str])] = &[("tokio", &["wasm-bindgen-futures"])];

/// Each package of Cargo.lock and the packages that depend on it.
fn reverse_dependencies() -> BTreeMap<String, Vec<String>> {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).unwrap();
    let mut users: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for package in lock.split("[[package]]").skip(1) {
        let name = package
            .lines()
            .find_map(|l| l.strip_prefix("name = \""))
            .and_then(|l| l.strip_suffix('"'))
            .unwrap()
            .to_owned();
        users.entry(name.clone()).or_default();
        if let Some(deps) = package.split("dependencies = [").nth(1) {
            for dep in deps.split(']').next().unwrap().lines() {
                let dep = dep.trim().trim_end_matches(',').trim_matches('"');
                if let Some(dep_name) = dep.split(' ').next().filter(|d| !d.is_empty()) {
                    users.entry(dep_name.to_owned()).or_default().push(name.clone());
                }
            }
        }
    }
    users
}

#[test]
fn no_network_crate_is_in_the_dependency_tree() {
    let users = reverse_dependencies();
    assert!(
        users.contains_key("eframe") && users.contains_key("age"),
        "Cargo.lock was not read right"
    );
    for crate_name in DENYLIST {
        let Some(by) = users.get(*crate_name) else {
            continue;
        };
        let allowed = WEB_ONLY
            .iter()
            .find(|(name, _)| name == crate_name)
            .is_some_and(|(_, only)| by.iter().all(|u| only.contains(&u.as_str())));
        assert!(
            allowed,
            "the network crate {crate_name} is in Cargo.lock, used by {by:?}"
        );
    }
}

/// Runs the program under `strace -f -e trace=network` and returns what
/// strace saw; `None` when strace is not installed (outside CI).
fn network_calls(args: &[&str], data: &std::path::Path) -> Option<String> {
    let trace = data.join("strace.txt");
    let status = Command::new("strace")
        .arg("-f")
        .args(["-e", "trace=network"])
        .arg("-o")
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_vigie"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output();
    match status {
        Ok(out) => {
            assert!(
                trace.exists(),
                "strace did not run: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(std::fs::read_to_string(&trace).unwrap())
        }
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "strace is needed in CI (.ci/run installs it): {e}"
            );
            eprintln!("strace not installed: the system-call check is skipped");
            None
        }
    }
}

#[test]
fn the_commands_open_no_internet_socket() {
    let dir = tempfile::tempdir().unwrap();
    let checklist = concat!(env!("CARGO_MANIFEST_DIR"), "/checklists/01-home-consultation.ron");
    for args in [
        &["list"][..],
        &["validate", checklist][..],
        &["debug-save-loop", "--count", "3"][..],
    ] {
        let Some(calls) = network_calls(args, dir.path()) else {
            return;
        };
        for family in NETWORK_FAMILIES {
            assert!(
                !calls
                    .lines()
                    .any(|l| l.contains(&format!("{family},")) || l.contains(&format!("{family})"))),
                "vigie {args:?} used {family}:\n{calls}"
            );
        }
    }
}

/// The families of sockets that would reach a network.
const NETWORK_FAMILIES: [&str; 4] = ["AF_INET", "AF_INET6", "AF_PACKET", "AF_NETLINK"];

#[test]
fn the_window_opens_no_internet_socket() {
    let dir = tempfile::tempdir().unwrap();
    let trace = dir.path().join("strace.txt");
    // The real window (eframe, glow) in a virtual X server, closed after its
    // first frame, with a dossier in the folder.
    let data = dir.path().join("data");
    let mut store = vigie::store::Store::open(&data).unwrap();
    store.create(&crate::util::sample_dossier()).unwrap();
    let run = Command::new("xvfb-run")
        .args(["-a", "strace", "-f", "-e", "trace=network", "-o"])
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_vigie"))
        .arg("--data-dir")
        .arg(&data)
        .env(vigie::app::EXIT_AFTER_FIRST_FRAME, "1")
        .output();
    let out = match run {
        Ok(out) => out,
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "xvfb-run is needed in CI (.ci/run installs it): {e}"
            );
            eprintln!("xvfb-run not installed: the window's system-call check is skipped");
            return;
        }
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !trace.exists() && stderr.contains("strace") && std::env::var_os("CI").is_none() {
        eprintln!("strace not installed: the window's system-call check is skipped");
        return;
    }
    assert!(
        out.status.success(),
        "the window did not open and close: {stderr}"
    );
    let calls = std::fs::read_to_string(&trace).unwrap();
    assert!(calls.contains("AF_UNIX"), "the X connection was traced:\n{calls}");
    for family in NETWORK_FAMILIES {
        assert!(
            !calls
                .lines()
                .any(|l| l.contains(&format!("{family},")) || l.contains(&format!("{family})"))),
            "the window used {family}:\n{calls}"
        );
    }
}
