//! `kampvuur serve`: the room without the app, until Ctrl+C.

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use crate::content::RoomStore;
use crate::room::{DEFAULT_PORT, Room, RoomConfig, lan_addresses};

/// Arguments of `kampvuur serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Het workshopbestand (.ron).
    pub workshop: PathBuf,
    /// De poort (bezet: de eerstvolgende vrije).
    #[arg(long, default_value_t = DEFAULT_PORT)]
    pub port: u16,
    /// Het netwerkadres om op te luisteren (standaard het eerste adres op het schoolnetwerk).
    #[arg(long, value_name = "ADRES")]
    pub bind: Option<IpAddr>,
    /// Alleen deze checklists openzetten (standaard alle).
    #[arg(long, value_name = "ID", num_args = 1..)]
    pub open: Vec<String>,
    /// De map voor de sessies van de zaal (standaard in de gegevensmap van kampvuur).
    #[arg(long, value_name = "MAP")]
    pub data: Option<PathBuf>,
    /// Een nieuwe zaal beginnen (standaard gaat de zaal van vandaag bij deze workshop verder,
    /// met dezelfde code en dezelfde deelnemers).
    #[arg(long = "new")]
    pub new: bool,
    /// Alleen de checklists van deze variant: de naam van een variant of een variantbestand.
    #[arg(long, value_name = "NAAM|BESTAND")]
    pub variant: Option<String>,
}

/// Run the room until Ctrl+C or SIGTERM.
pub fn serve(args: &ServeArgs) -> ExitCode {
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("kampvuur serve: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &ServeArgs) -> Result<(), String> {
    let workshop = crate::content::load_workshop(&args.workshop).map_err(|e| e.to_string())?;
    let (workshop, _) = super::derive(workshop, &args.workshop, args.variant.as_deref())?;
    let open: BTreeSet<String> = if args.open.is_empty() {
        workshop.checklists().map(|c| c.id.clone()).collect()
    } else {
        for id in &args.open {
            if workshop.checklist(id).is_none() {
                return Err(match &workshop.variant {
                    Some(v) => format!("de variant ‘{v}’ heeft geen checklist ‘{id}’"),
                    None => format!("de workshop heeft geen checklist ‘{id}’"),
                });
            }
        }
        args.open.iter().cloned().collect()
    };
    let store = match &args.data {
        Some(dir) => RoomStore::new(dir.clone()),
        None => RoomStore::default_location()
            .ok_or("de gegevensmap van kampvuur is niet te vinden; gebruik --data")?,
    };
    let bind = match args.bind {
        Some(ip) => ip,
        None => match lan_addresses().first() {
            Some(a) => a.ip,
            None => {
                println!(
                    "Let op: geen schoolnetwerk gevonden; de zaal luistert alleen op deze computer (127.0.0.1)."
                );
                IpAddr::V4(Ipv4Addr::LOCALHOST)
            }
        },
    };
    let now = chrono::Local::now().naive_local();
    let resume = if args.new {
        None
    } else {
        let today = now.format("%Y-%m-%d").to_string();
        store.resumable(&workshop.title, &today).map(|l| {
            println!("{}", crate::room::resume_label(&l));
            l.session.id
        })
    };
    let room = Room::start(RoomConfig {
        workshop: Arc::new(workshop),
        bind,
        port: args.port,
        store: Some(store.clone()),
        resume,
        open: open.clone(),
        on_change: None,
        now,
    })
    .map_err(|e| e.to_string())?;
    let status = room.status();
    let folder = store
        .folder(&status.session)
        .unwrap_or_else(|_| store.root().to_path_buf());
    println!("De zaal is open.");
    println!("  Adres:      {}", status.url);
    println!("  Code:       {}", status.code);
    println!("  Met QR-link: {}", status.join_url);
    println!(
        "  Checklists: {}",
        open.into_iter().collect::<Vec<_>>().join(", ")
    );
    println!("  Sessie:     {}", status.session);
    println!("  Gegevens:   {}", folder.display());
    println!("Stoppen: Ctrl+C. Een nieuwe zaal in plaats van deze: start met --new.");
    let watching = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let console = console_lines(room.shared_status(), watching.clone());
    wait_for_stop()?;
    watching.store(false, std::sync::atomic::Ordering::Relaxed);
    let _ = console.join();
    room.stop();
    println!(
        "De zaal is gesloten; de antwoorden staan in {}.",
        folder.display()
    );
    Ok(())
}

/// Block until Ctrl+C (or SIGTERM on Unix).
fn wait_for_stop() -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("kan niet op Ctrl+C wachten: {e}"))?;
    runtime.block_on(async {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let mut term =
                signal(SignalKind::terminate()).map_err(|e| format!("kan niet op signalen wachten: {e}"))?;
            tokio::select! {
                r = tokio::signal::ctrl_c() => r.map_err(|e| format!("kan niet op Ctrl+C wachten: {e}")),
                _ = term.recv() => Ok(()),
            }
        }
        #[cfg(not(unix))]
        {
            tokio::signal::ctrl_c()
                .await
                .map_err(|e| format!("kan niet op Ctrl+C wachten: {e}"))
        }
    })
}

/// Every few seconds, when something changed: "N apparaten, M met
/// antwoorden", and loudly when answers cannot be stored.
fn console_lines(
    status: crate::room::StatusHandle,
    watching: Arc<std::sync::atomic::AtomicBool>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let mut shown = (usize::MAX, usize::MAX, None::<String>);
        let mut waited = std::time::Duration::ZERO;
        while watching.load(std::sync::atomic::Ordering::Relaxed) {
            std::thread::sleep(std::time::Duration::from_millis(100));
            waited += std::time::Duration::from_millis(100);
            if waited < std::time::Duration::from_millis(500) {
                continue;
            }
            waited = std::time::Duration::ZERO;
            let s = status.status();
            let now = (s.devices, s.answering, s.storage_error.clone());
            if now == shown {
                continue;
            }
            match &s.storage_error {
                Some(why) => println!(
                    "LET OP: antwoorden worden NIET bewaard ({why}). De zaal probeert het steeds opnieuw; \
                     maak ruimte vrij op de schijf."
                ),
                None if shown.2.is_some() => {
                    println!("Opslaan lukt weer: alle antwoorden staan op schijf.")
                }
                None => {}
            }
            if (now.0, now.1) != (shown.0, shown.1) {
                println!("{}", crate::room::devices_line(s.devices, s.answering));
            }
            shown = now;
        }
    })
}
