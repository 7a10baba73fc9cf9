use std::path::Path;
use std::process::ExitCode;

pub fn text(file: &Path) -> ExitCode {
    match crate::content::load_workshop(file) {
        Ok(w) => {
            println!("{}", w.title);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
