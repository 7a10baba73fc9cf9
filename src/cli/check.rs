use std::path::PathBuf;
use std::process::ExitCode;

pub fn check(paths: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for p in paths {
        match crate::content::load_workshop(p) {
            Ok(w) => println!("{}: {} onderdelen", p.display(), w.sections.len()),
            Err(e) => {
                eprintln!("{e}");
                ok = false;
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
