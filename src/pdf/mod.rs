//! PDF handouts.
