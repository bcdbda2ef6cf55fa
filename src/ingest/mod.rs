//! Turns bytes (CSV or JSON) into a Dataset plus a load report.
