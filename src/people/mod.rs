//! People (placeholder while building).
