//! Extraction pipeline (in progress).
