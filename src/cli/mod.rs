//! The command-line subcommands. Each prints its own output and returns the exit code.

mod args;
mod check;
mod check_variant;
mod dutch;
mod export;
mod new;
mod serve;
mod text;
mod variant;

pub use args::{Cli, Command, Parsed, command, parse, parse_from};
pub use check::check;
pub use dutch::translate;
pub use export::{ExportArgs, export};
pub use new::new;
pub use serve::{ServeArgs, serve};
pub use text::text;
pub use variant::{derive, warnings};
