//! The command-line subcommands. Each prints its own output and returns the exit code.

mod check;
mod export;
mod new;
mod serve;
mod text;

pub use check::check;
pub use export::{ExportArgs, export};
pub use new::new;
pub use serve::{ServeArgs, serve};
pub use text::text;
