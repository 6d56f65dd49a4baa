"""The tamper-evident audit log: append-only rows, each carrying the hash of the one before."""
