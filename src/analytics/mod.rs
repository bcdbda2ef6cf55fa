//! Computes every view from a Dataset and a Filter.
